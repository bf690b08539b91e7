"""Report segmentation: text -> front matter, theme sections, municipality sections, passages.

Headings are recognised from their form and content, not from a list of this report's
headings: a heading is a short line with no final full stop that names a theme (the
theme labels are data, ``textmine/data/themes.csv`` by default), a municipality (the
gazetteer), or both ("Eda kommun – Folkhälsa"). Markdown marks (``## ``), numbering
(``3.2 ``) and bold marks are stripped first. Whichever kind of heading comes first is
the outer level: a new outer heading closes the inner section.

Text before the first heading is front matter. Text with no theme or municipality
headings at all (a news item) becomes one passage per paragraph, theme unknown, the
municipality taken from the mentions in the paragraph.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Iterator

import regex

from textmine.municipalities import Gazetteer, default_gazetteer
from textmine.records import Municipality, Passage, Theme
from textmine.resources import package_text

_MARKUP = regex.compile(r"^\s*(?:#{1,6}\s+)?(?:\d+(?:\.\d+)*\.?\s+)?(?:\*\*|__)?(?P<body>.*?)"
                        r"(?:\*\*|__)?\s*#*\s*$")
_COMBINED = regex.compile(r"^(?P<a>.+?)\s*(?:[–—:|]|\s-\s)\s*(?P<b>.+)$")
_MAX_HEADING_WORDS = 12
_MAX_WRAPPED_LINE = 120  # longer lines are whole paragraphs, not soft-wrapped
_LIST_ITEM = regex.compile(r"^(?:[-–—•*▪◦]|\d{1,2}[.)])\s+\S")
# "Tema: Utbildning", "Temaområde 2 – Hälsa": a label before the theme name
_THEME_LABEL = regex.compile(r"^(?:tema|temaområde|område|kapitel)\b[^:–—-]*[:–—-]\s*(?P<name>.+)$",
                             regex.IGNORECASE)


@dataclass
class Line:
    """A non-blank line of the source with its character span."""

    text: str
    start: int
    end: int
    markdown: bool = False


@dataclass
class Heading:
    """A recognised heading: a theme, a municipality, both, or an unknown title."""

    line: Line
    theme: str | None = None
    municipality: Municipality | None = None

    @property
    def known(self) -> bool:
        return self.theme is not None or self.municipality is not None


@dataclass
class Report:
    """A segmented report: its text, front matter and passages."""

    report_id: str
    text: str
    passages: list[Passage] = field(default_factory=list)
    front_matter: tuple[int, int] | None = None
    title: str | None = None

    def outline(self) -> list[tuple[str | None, list[tuple[str | None, int]]]]:
        """Themes in order, each with its municipalities and their passage counts."""
        result: list[tuple[str | None, list[tuple[str | None, int]]]] = []
        for passage in self.passages:
            theme = passage.theme.gold
            name = passage.municipality.name if passage.municipality else None
            if not result or result[-1][0] != theme:
                result.append((theme, []))
            rows = result[-1][1]
            if rows and rows[-1][0] == name:
                rows[-1] = (name, rows[-1][1] + 1)
            else:
                rows.append((name, 1))
        return result


def load_themes(path: str | None = None) -> dict[str, str]:
    """Theme labels -> ids, from a CSV with columns ``id,label`` (default: SPEC.md's five)."""
    if path is None:
        text = package_text("themes.csv")
    else:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    rows = csv.DictReader(text.splitlines())
    return {row["label"]: row["id"] for row in rows}


class Segmenter:
    """Splits report text into passages with their theme and municipality headings."""

    def __init__(self, themes: dict[str, str] | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        self.themes = themes if themes is not None else load_themes()
        self._theme_keys = {_key(label): tid for label, tid in self.themes.items()}
        self._theme_keys.update({_key(tid): tid for tid in self.themes.values()})
        self.gazetteer = gazetteer or default_gazetteer()

    # -- headings -------------------------------------------------------------
    def _theme(self, text: str) -> str | None:
        found = self._theme_keys.get(_key(text))
        labelled = _THEME_LABEL.match(text.strip())
        if found is None and labelled:
            found = self._theme_keys.get(_key(labelled.group("name")))
        return found

    def classify(self, line: Line) -> Heading | None:
        """Return a Heading if ``line`` looks like one, else None (it is body text)."""
        match = _MARKUP.match(line.text)
        body = match.group("body").strip() if match else line.text.strip()
        if not _heading_shaped(body, line.markdown):
            return None
        theme = self._theme(body)
        municipality = None if theme else self.gazetteer.lookup(body)
        if theme is None and municipality is None:
            combined = _COMBINED.match(body)
            if combined:
                a, b = combined.group("a"), combined.group("b")
                for x, y in ((a, b), (b, a)):
                    theme, municipality = self._theme(y), self.gazetteer.lookup(x)
                    if theme and municipality:
                        break
                else:
                    theme = municipality = None
        return Heading(line, theme, municipality)

    # -- segmentation ---------------------------------------------------------
    def segment(self, text: str, report_id: str = "report",
                context: str | None = None) -> Report:
        """Segment ``text`` (already decoded and normalised, see textmine.io); ``context``
        is what the file says about itself outside the text (a web page's title, site name
        and address), used only to find the municipality of a document without headings."""
        units = list(self._units(text))
        report = Report(report_id=report_id, text=text)
        if not any(isinstance(u, Heading) and u.known for u in units):
            return self._unstructured(report, units, context)
        return self._structured(report, units)

    def _units(self, text: str) -> Iterator[Heading | list[Line]]:
        """Headings and paragraphs (lists of lines) in document order.

        A block of lines between blank lines is one soft-wrapped paragraph, unless its
        lines are long (one paragraph per line, as exported from word processors); a
        heading line inside a block is split off. A list inside a one-per-line block stays
        with the line that introduces it and the line that follows it.
        """
        for block in _blocks(text):
            one_per_line = len(block) > 1 and any(len(ln.text) > _MAX_WRAPPED_LINE for ln in block)
            paragraph: list[Line] = []
            for k, line in enumerate(block):
                heading = self.classify(line)
                if heading is not None and (heading.known or line.markdown or len(block) == 1):
                    if paragraph:
                        yield paragraph
                    paragraph = []
                    yield heading
                    continue
                paragraph.append(line)
                if one_per_line and not _continues(block, k):
                    yield paragraph
                    paragraph = []
            if paragraph:
                yield paragraph

    def _structured(self, report: Report, units: list) -> Report:
        outer: str | None = None  # "theme" or "municipality": the kind seen first
        theme: str | None = None
        municipality: Municipality | None = None
        front: list[Line] = []
        for unit in units:
            if isinstance(unit, Heading) and unit.known:
                outer = outer or ("theme" if unit.theme else "municipality")
                if unit.theme and (unit.municipality or outer == "theme"):
                    municipality = unit.municipality
                if unit.municipality and (unit.theme or outer == "municipality"):
                    theme = unit.theme
                theme = unit.theme or theme
                municipality = unit.municipality or municipality
            elif outer is None:
                front.extend([unit.line] if isinstance(unit, Heading) else unit)
            elif not isinstance(unit, Heading):
                self._add_passage(report, unit, theme, municipality)
            # an unknown heading inside the body is a sub-title: not a passage
        if front:
            report.front_matter = (front[0].start, front[-1].end)
            report.title = _title(front)
        return report

    def _unstructured(self, report: Report, units: list, context: str | None) -> Report:
        """One passage per paragraph; a paragraph that names no municipality is about the
        one the whole document names, if it names only one (a news page names it once, then
        says "kommunen"), else (none or several) the one its ``context`` (a web page's title,
        site name or address) names; on a municipality's own site (``Gazetteer.own_site``)
        a paragraph that compares it with another is about its own."""
        named = self.gazetteer.find(report.text)
        document = ((self.gazetteer.sole(report.text, named) if named else None)
                    or self.gazetteer.home(context or ""))
        own = self.gazetteer.own_site(context or "")
        for unit in units:
            if isinstance(unit, Heading):
                report.title = report.title or unit.line.text.strip("# ")
            else:
                self._add_passage(report, unit, None, None, document, own)
        return report

    def _add_passage(self, report: Report, lines: list[Line], theme: str | None,
                     municipality: Municipality | None, document: Municipality | None = None,
                     own: Municipality | None = None) -> None:
        start, end = lines[0].start, lines[-1].end
        if municipality is None:
            municipality = self.gazetteer.passage_subject(report.text[start:end], document,
                                                          own=own)
        report.passages.append(Passage(
            report=report.report_id,
            passage_id=f"p{len(report.passages) + 1:04d}",
            text=report.text[start:end], start=start, end=end,
            theme=Theme(gold=theme), municipality=municipality))


def segment(text: str, report_id: str = "report", themes: dict[str, str] | None = None) -> Report:
    """Segment report text with the default (or the given) theme labels."""
    return Segmenter(themes).segment(text, report_id)


def _key(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split()).strip(" :.").casefold()


def _continues(block: list[Line], k: int) -> bool:
    """Line ``k + 1`` of a one-per-line block belongs to line ``k``'s paragraph: one of the
    two is a list item (an introduced list, or the sentence that closes it)."""
    if k + 1 >= len(block):
        return False
    return any(_LIST_ITEM.match(ln.text) for ln in (block[k], block[k + 1]))


def _heading_shaped(body: str, markdown: bool) -> bool:
    """Short, no final full stop, starts with a capital or digit (or is a Markdown heading)."""
    if not body or len(body.split()) > _MAX_HEADING_WORDS:
        return False
    if markdown:
        return True
    return body[-1] not in ".,;!?" and (body[0].isupper() or body[0].isdigit())


def _title(front: list[Line]) -> str | None:
    """The report title: the first front-matter line that names more than the publisher."""
    candidates = [line.text.strip("# ").strip() for line in front
                  if _heading_shaped(line.text.strip("# ").strip(), line.markdown)]
    return candidates[1] if len(candidates) > 1 else (candidates[0] if candidates else None)


def _lines(text: str) -> Iterator[Line]:
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            yield Line(stripped, start, start + len(stripped),
                       markdown=stripped.startswith("#"))
        else:
            yield Line("", offset, offset)
        offset += len(raw)


def _blocks(text: str) -> Iterator[list[Line]]:
    """Runs of non-blank lines; a Markdown heading always stands as its own block."""
    block: list[Line] = []
    for line in _lines(text):
        if not line.text or line.markdown:
            if block:
                yield block
            block = [line] if line.markdown else []
            if line.markdown:
                yield block
                block = []
            continue
        block.append(line)
    if block:
        yield block
