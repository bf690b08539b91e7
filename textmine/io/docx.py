"""Word files (.docx): paragraphs and tables in order, heading styles as Markdown headings.

A paragraph styled "Heading N" (in a Swedish Word "Rubrik N"), or with an outline level,
becomes a ``#``-heading of that level and the document title a level-1 heading, so
``textmine.segment`` sees the same structure as in a text report; list paragraphs get a
``- `` mark as they would in a text export; each table row is one paragraph.
"""
from __future__ import annotations

import io
from pathlib import Path

import regex

from textmine.io.errors import InputError

_HEADING_STYLE = regex.compile(r"^(?:heading|rubrik|überschrift|titre)\s*(\d)$", regex.IGNORECASE)
_TITLE_STYLE = regex.compile(r"^(?:title|rubrik|titel)$", regex.IGNORECASE)
_LIST_STYLE = regex.compile(r"\blist|\bliststycke|\bpunktlista|\bnumrerad", regex.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: str | Path, data: bytes) -> str:
    """The text of a .docx file, headings as ``#`` lines, paragraphs separated by blank lines."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as err:
        raise InputError(path, "DOCX input needs the docx extra: "
                               "pip install 'textmine[docx]'") from err
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises zip, XML and key errors on broken files
        raise InputError(path, f"malformed DOCX ({err.__class__.__name__}: {err})") from err
    blocks: list[str] = []
    for child in _body_blocks(document.element.body):
        if child.tag == f"{_W}p":
            line = paragraph_line(Paragraph(child, document))
            if line:
                blocks.append(line)
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:
                cells = _unique(" ".join(cell.text.split()) for cell in row.cells)
                line = " | ".join(c for c in cells if c)
                if line:
                    blocks.append(line)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _body_blocks(element):
    """Paragraphs and tables of the body in order, also inside content controls (w:sdt),
    where Word keeps cover pages and other building blocks."""
    for child in element.iterchildren():
        if child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)
        elif child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child


def paragraph_line(paragraph) -> str:
    """One paragraph as text: a ``#`` heading, a ``- `` list item or plain text."""
    text = paragraph.text.strip()
    if not text:
        return ""
    level = heading_level(paragraph)
    if level:
        return "#" * level + " " + " ".join(text.split())
    if _LIST_STYLE.search(_style_name(paragraph)) or _numbered(paragraph):
        return "- " + text
    return text


def heading_level(paragraph) -> int | None:
    """1–6 for a heading paragraph (by style name, style id or outline level), else None."""
    for name in (_style_name(paragraph), _style_id(paragraph)):
        match = _HEADING_STYLE.match(name.replace("_", " ").strip())
        if match:
            return min(6, max(1, int(match.group(1))))
        if _TITLE_STYLE.match(name.strip()):
            return 1
    outline = paragraph._p.find(f"{_W}pPr/{_W}outlineLvl")
    if outline is not None:
        value = outline.get(f"{_W}val")
        if value is not None and value.isdigit() and int(value) < 9:
            return min(6, int(value) + 1)
    return None


def _style_name(paragraph) -> str:
    try:
        return (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return ""


def _style_id(paragraph) -> str:
    style = paragraph._p.find(f"{_W}pPr/{_W}pStyle")
    return (style.get(f"{_W}val") or "") if style is not None else ""


def _numbered(paragraph) -> bool:
    return paragraph._p.find(f"{_W}pPr/{_W}numPr") is not None


def _unique(cells):
    """Merged cells repeat their text in python-docx; keep each once."""
    seen: list[str] = []
    for cell in cells:
        if not seen or seen[-1] != cell:
            seen.append(cell)
    return seen
