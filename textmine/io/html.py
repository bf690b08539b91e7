"""The main text of a web page, headings as Markdown, page furniture dropped.

A saved web page holds far more than the report: the site menu, a cookie banner,
breadcrumbs, a sidebar, a footer with the agency's address. Those would become passages
(or, worse, a menu item named like a theme would become a heading). ``html_to_text``
builds a small element tree with the standard library's tokenizer, closing elements the
way browsers do when a page leaves them open (a missing ``</head>``, ``</p>`` or
``</li>`` is valid HTML5), and then:

- takes the page's main content, ``<main>`` (or ``role="main"``), else its single
  ``<article>``, else ``<body>``;
- drops menus and other furniture inside it: ``nav``, ``aside``, ``footer``, forms,
  dialogs, the page ``header`` outside the main content, elements whose role is
  navigation/banner/contentinfo/complementary/search/dialog, and elements whose class or
  id names a menu, cookie or consent banner, breadcrumbs, sidebar, sharing buttons or a
  footer; hidden elements;
- writes h1–h6 as ``#``–``######`` headings and every block (p, li, div, table row, ...)
  as a paragraph, so ``textmine.segment`` sees the same structure as in a text report.
"""
from __future__ import annotations

import html.parser
from collections import Counter

import regex

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen"}
HEAD_ONLY = {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# a start tag of one of these closes an open <p> (HTML5 "has a p element in button scope")
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "dialog", "div", "dl",
            "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr",
            "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", *HEADINGS}
BLOCKS = {"p", "div", "li", "section", "article", "main", "br", "tr", "header", "footer",
          "blockquote", "ul", "ol", "table", "dl", "dt", "dd", "pre", "figure", "figcaption",
          "address", "details", "summary", "hr", "body", *HEADINGS}
CELLS = {"td", "th"}
SKIP = {"script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object",
        "button", "select", "textarea", "input", "map"}
FURNITURE_TAGS = {"nav", "aside", "footer", "form", "dialog", "menu"}
FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                   "alertdialog", "menu", "menubar"}
FURNITURE_WORDS = {"nav", "navbar", "navigation", "menu", "menubar", "submenu", "megamenu",
                   "cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs",
                   "sidebar", "share", "sharing", "social", "footer", "skiplink", "skip",
                   "newsletter", "pagination", "toolbar", "topbar"}
_WORDS = regex.compile(r"[a-z]+")


class Element:
    """An element of the page: its tag, attributes and children (elements or strings)."""

    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: "Element | None") -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    def iter(self):
        """This element and all below it, in document order (no recursion)."""
        stack = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed([c for c in element.children if isinstance(c, Element)]))


class _TreeBuilder(html.parser.HTMLParser):
    """An element tree from tag soup, with the implied end tags browsers apply."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.stack = [self.root]
        self.open_tags: Counter[str] = Counter()  # so no look-up walks a deep stack

    def _open(self, tag: str) -> bool:
        return self.open_tags[tag] > 0

    def _pop_to(self, k: int) -> None:
        for element in self.stack[k:]:
            self.open_tags[element.tag] -= 1
        del self.stack[k:]

    def _close(self, tag: str) -> None:
        if not self._open(tag):
            return
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                self._pop_to(k)
                return

    def _close_innermost_of(self, tags: set[str], stop: set[str]) -> None:
        if not any(self.open_tags[tag] for tag in tags):
            return
        for k in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[k].tag
            if tag in stop:
                return
            if tag in tags:
                self._pop_to(k)
                return

    def handle_starttag(self, tag, attrs):
        if self._open("head") and tag not in HEAD_ONLY and tag != "head":
            self._close("head")  # the body starts: <head> ends even without </head>
        if tag in CLOSES_P:
            self._close_innermost_of({"p"}, {"table", "td", "th", "button"})
        if tag in HEADINGS and self.stack[-1].tag in HEADINGS:
            self._pop_to(len(self.stack) - 1)
        if tag == "li":
            self._close_innermost_of({"li"}, {"ul", "ol", "menu"})
        elif tag in ("dt", "dd"):
            self._close_innermost_of({"dt", "dd"}, {"dl"})
        elif tag == "tr":
            self._close_innermost_of({"tr"}, {"table"})
        elif tag in CELLS:
            self._close_innermost_of(CELLS, {"tr", "table"})
        elif tag == "option":
            self._close_innermost_of({"option"}, {"select"})
        element = Element(tag, {k: (v or "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)
            self.open_tags[tag] += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self._pop_to(len(self.stack) - 1)

    def handle_endtag(self, tag):
        if tag == "p" and not self._open("p"):
            self.handle_starttag("p", [])  # "</p>" alone is an empty paragraph
        if tag in HEADINGS and not self._open(tag):
            self._close_innermost_of(HEADINGS, set())
            return
        self._close(tag)

    def handle_data(self, data):
        if self._open("head") and data.strip() and not any(
                self.open_tags[tag] for tag in HEAD_ONLY):
            self._close("head")  # text directly in <head> starts the body, as in browsers
        self.stack[-1].children.append(data)


def parse(markup: str) -> Element:
    """The element tree of (possibly malformed) HTML."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def _words(element: Element) -> set[str]:
    names = f"{element.attrs.get('class', '')} {element.attrs.get('id', '')}".lower()
    return set(_WORDS.findall(names))


def _hidden(element: Element) -> bool:
    attrs = element.attrs
    style = attrs.get("style", "").replace(" ", "").lower()
    return ("hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true"
            or "display:none" in style or "visibility:hidden" in style)


def is_furniture(element: Element, main: Element, sizes: dict[int, int]) -> bool:
    """A menu, banner, footer, sidebar or the like: page furniture, not report text.

    Tags say so for certain; a role, class or id only for an element that holds less than
    half the main text (a wrapper ``<div class="page no-sidebar">`` is not furniture).
    """
    if element is main:
        return False
    if element.tag in FURNITURE_TAGS or _hidden(element):
        return True
    if element.tag == "header" and not _inside(element, main):
        return True
    named = (element.attrs.get("role", "").lower() in FURNITURE_ROLES
             or bool(_words(element) & FURNITURE_WORDS))
    return named and sizes.get(id(element), 0) * 2 < sizes.get(id(main), 0)


def text_sizes(root: Element, sizes: dict[int, int]) -> int:
    """Characters of text under each element (by ``id``), filled into ``sizes``."""
    order: list[Element] = []
    stack = [root]
    while stack:  # no recursion: tag soup can nest thousands of unclosed elements
        element = stack.pop()
        order.append(element)
        stack.extend(c for c in element.children if isinstance(c, Element))
    for element in reversed(order):
        sizes[id(element)] = sum(len(c.strip()) if isinstance(c, str) else sizes[id(c)]
                                 for c in element.children)
    return sizes[id(root)]


def _inside(element: Element, ancestor: Element) -> bool:
    """Inside ``ancestor`` and within an article or main element below it."""
    node = element.parent
    while node is not None and node is not ancestor:
        if node.tag in ("article", "main") or node.attrs.get("role", "") == "main":
            return True
        node = node.parent
    return node is ancestor and ancestor.tag in ("article", "main")


def main_content(root: Element) -> Element:
    """``<main>`` (or role=main), else the one ``<article>``, else ``<body>``, else all."""
    elements = list(root.iter())
    mains = [e for e in elements if e.tag == "main" or e.attrs.get("role", "").lower() == "main"]
    mains = [e for e in mains if not _hidden(e)]
    if len(mains) == 1:
        return mains[0]
    articles = [e for e in elements if e.tag == "article"]
    if len(articles) == 1:
        return articles[0]
    return next((e for e in elements if e.tag == "body"), root)


def page_title(root: Element) -> str | None:
    """What a page says it is, outside its main text: its site name, <title> and address
    ("Nu öppnar fritidsgården - Vara kommun", "https://sla.se/karlsborg/..."), or None."""
    parts = [e.attrs.get("content", "") for e in root.iter()
             if e.tag == "meta" and e.attrs.get("property") == "og:site_name"]
    parts += [" ".join(_texts(e)) for e in root.iter() if e.tag == "title"]
    parts += [e.attrs.get("content", "") for e in root.iter()  # where the page lives
              if e.tag == "meta" and e.attrs.get("property") == "og:url"]
    parts += [e.attrs.get("href", "") for e in root.iter()
              if e.tag == "link" and "canonical" in e.attrs.get("rel", "").lower().split()]
    title = " ".join(" ".join(parts).split())
    return title or None


def _texts(element: Element) -> list[str]:
    return [child for child in element.children if isinstance(child, str)]


def html_to_text(markup: str) -> str:
    """Main text of (possibly malformed) HTML, headings as Markdown, blocks as paragraphs."""
    return html_document(markup)[0]


def html_document(markup: str) -> tuple[str, str | None]:
    """(main text, page title) of a web page; see ``html_to_text`` and ``page_title``."""
    root = parse(markup)
    return _main_text(root), page_title(root)


def _main_text(root: Element) -> str:
    main = main_content(root)
    parts: list[str] = []
    sizes: dict[int, int] = {}
    text_sizes(main, sizes)
    _emit(main, main, parts, sizes)
    paragraphs = (" ".join(p.split()) for p in "".join(parts).split("\n\n"))
    text = "\n\n".join(p for p in paragraphs if p and not _only_marks(p))
    return text + "\n" if text else ""


def _only_marks(paragraph: str) -> bool:
    return not paragraph.strip("# ")


def _emit(root: Element, main: Element, parts: list[str], sizes: dict[int, int]) -> None:
    stack: list[Element | str] = [root]
    while stack:  # no recursion (see text_sizes); strings on the stack are output
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        tag = item.tag
        if tag in SKIP or is_furniture(item, main, sizes):
            continue
        block = tag in BLOCKS
        opening = "\n\n" if block else ""
        if tag in HEADINGS:
            opening += "#" * int(tag[1]) + " "
        elif tag in CELLS:
            opening += " "
        parts.append(opening)
        if block:
            stack.append("\n\n")
        for child in reversed(item.children):
            stack.append(child.replace("\n", " ") if isinstance(child, str) else child)
