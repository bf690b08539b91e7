"""PDF: the text layer (pdfplumber), as paragraphs and headings, without page furniture.

A PDF holds positioned lines, not paragraphs. From pdfplumber's lines (text, position,
font size and weight) this reader rebuilds what a text export of the report would be:

- a page number alone at the top or bottom of a page ("12", "Sida 3 av 40", "– 7 –")
  is removed, and so is a running header or footer: a line that opens or closes at least
  half of the pages (digits aside, so "Rapport 2024 · sida 3" counts);
- a line set larger than the body text (the most common size) is a heading, the largest
  size ``#``, the next ``##`` and so on; a short bold line at body size, standing apart, is
  a heading one level below those;
- lines close together form one paragraph, written on one line; a vertical gap larger than
  the usual line spacing starts a new paragraph, and so does a heading; a paragraph that
  runs over a page break (no full stop at the page end, a lower-case start on the next
  page) is kept whole;
- a word hyphenated at a line end ("arbets-" / "marknaden") is joined again, but not a
  Swedish suspended compound ("arbets- och utbildningsfrågor").

A PDF whose pages have no text at all is scanned images: "no text layer (scanned?)". A
file cut short (no ``%%EOF`` at its end), encrypted, or that cannot be parsed gets a
clear error. Multi-column layouts are read line by line across the columns.
"""
from __future__ import annotations

import io
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from textmine.io.errors import InputError

_PAGE_NUMBER = regex.compile(r"^[\s\-–—]*(?:(?:sida|sid\.|s\.|page)\s*)?\d{1,4}"
                             r"(?:\s*(?:av|/|of)\s*\d{1,4})?[\s\-–—]*$", regex.IGNORECASE)
_HYPHENATED = regex.compile(r"(?<=\p{L})-$")
_STARTS_LOWER = regex.compile(r"^\p{Ll}")
# after "arbets-" these words mean a suspended compound, not a hyphenated word
_CONJUNCTIONS = {"och", "eller", "samt", "som", "resp", "respektive", "till", "o"}
_EDGE_LINES = 2  # lines at the top and bottom of a page looked at for running heads
_HEADING_RATIO = 1.12  # a line this much larger than the body text is a heading
_MAX_HEADING_WORDS = 12
_BOLD = regex.compile(r"bold|black|heavy|semibold|demi", regex.IGNORECASE)


@dataclass
class PdfLine:
    """One line of a page: its text, vertical position (points from the top), size, weight."""

    text: str
    top: float = 0.0
    bottom: float = 0.0
    size: float = 10.0
    bold: bool = False


def pdf_text(path: str | Path, data: bytes) -> str:
    """The text of a PDF as paragraphs and ``#`` headings (see the module's docstring)."""
    if data[:1024].lstrip()[:5] != b"%PDF-":
        raise InputError(path, "not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "malformed PDF (truncated: the file ends before its end-of-file "
                               "marker; was the download or copy cut short?)")
    try:
        import pdfplumber
    except ImportError as err:
        raise InputError(path, "PDF input needs the pdf extra: pip install 'textmine[pdf]'") from err
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page_lines(page) for page in pdf.pages]
    except Exception as err:  # pdfminer raises many kinds of errors on broken files
        name = err.__class__.__name__
        if "Password" in name or "Encrypt" in name:
            raise InputError(path, "encrypted PDF (needs a password)") from err
        raise InputError(path, f"malformed PDF ({name}: {err})") from err
    if not pages:
        raise InputError(path, "PDF without pages")
    if not any(line.text.strip() for lines in pages for line in lines):
        raise InputError(path, f"no text layer (scanned?): none of its {len(pages)} page(s) "
                               "holds text; run OCR on it first")
    return lines_to_text(pages)


def page_lines(page) -> list[PdfLine]:
    """pdfplumber's text lines of a page with their size and weight."""
    lines = []
    for line in page.extract_text_lines(return_chars=True, strip=True):
        chars = [c for c in line["chars"] if c.get("text", "").strip()]
        if not line["text"].strip() or not chars:
            continue
        size = statistics.median(float(c.get("size") or 0) for c in chars)
        bold = sum(bool(_BOLD.search(c.get("fontname") or "")) for c in chars) * 2 > len(chars)
        lines.append(PdfLine(" ".join(line["text"].split()), float(line["top"]),
                             float(line["bottom"]), round(size, 1), bold))
    return lines


def lines_to_text(pages: list[list[PdfLine]]) -> str:
    """Pages of lines -> paragraphs and headings (see the module's docstring)."""
    running = _running_lines(pages)
    pages = [_strip_edges(lines, running) for lines in pages]
    body = _body_size([line for lines in pages for line in lines])
    levels = _heading_levels(pages, body)
    spacing = _line_spacing(pages, body)
    paragraphs: list[tuple[int, list[str]]] = []  # (heading level or 0, lines)
    for lines in pages:
        previous: PdfLine | None = None
        for k, line in enumerate(lines):
            following = lines[k + 1] if k + 1 < len(lines) else None
            level = _level(line, previous, following, levels, body, spacing)
            if not paragraphs:
                new = True
            elif previous is None:  # the first line of a page
                new = bool(level) or not _continues_page(paragraphs, line)
            else:
                new = (line.top - previous.bottom > spacing or level != paragraphs[-1][0]
                       or bool(level) and line.size != previous.size)
            if new:
                paragraphs.append((level, [line.text]))
            else:
                paragraphs[-1][1].append(line.text)
            previous = line
    blocks = []
    for level, lines in paragraphs:
        text = _join_lines(lines)
        blocks.append(("#" * level + " " + text) if level else text)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _shape(text: str) -> str:
    return regex.sub(r"\d+", "#", " ".join(text.split())).casefold()


def _edges(lines: list[PdfLine]) -> list[PdfLine]:
    return lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]


def _running_lines(pages: list[list[PdfLine]]) -> set[str]:
    """Shapes of lines that open or close at least half of the pages (three or more)."""
    if len(pages) < 3:
        return set()
    counts = Counter(shape for lines in pages
                     for shape in {_shape(line.text) for line in _edges(lines)})
    return {shape for shape, n in counts.items() if n * 2 >= len(pages) and shape.strip()}


def _strip_edges(lines: list[PdfLine], running: set[str]) -> list[PdfLine]:
    def furniture(line: PdfLine) -> bool:
        return bool(_PAGE_NUMBER.match(line.text)) or _shape(line.text) in running

    drop: set[int] = set()
    for k in range(min(_EDGE_LINES, len(lines))):
        if not furniture(lines[k]):
            break
        drop.add(k)
    for k in range(len(lines) - 1, max(len(lines) - 1 - _EDGE_LINES, -1), -1):
        if not furniture(lines[k]):
            break
        drop.add(k)
    return [line for k, line in enumerate(lines) if k not in drop]


def _body_size(lines: list[PdfLine]) -> float:
    sizes = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _heading_levels(pages: list[list[PdfLine]], body: float) -> dict[float, int]:
    """Font sizes larger than the body text -> heading levels (largest first)."""
    sizes = sorted({line.size for lines in pages for line in lines
                    if line.size >= body * _HEADING_RATIO
                    and len(line.text.split()) <= _MAX_HEADING_WORDS * 2}, reverse=True)
    return {size: min(6, k + 1) for k, size in enumerate(sizes)}


def _line_spacing(pages: list[list[PdfLine]], body: float) -> float:
    """The gap between lines above which a new paragraph starts."""
    gaps = [b.top - a.bottom for lines in pages for a, b in zip(lines, lines[1:])
            if a.size == body == b.size and b.top > a.bottom - 1]
    usual = statistics.median(gaps) if gaps else body * 0.3
    return usual + max(1.5, body * 0.3)


def _level(line: PdfLine, previous: PdfLine | None, following: PdfLine | None,
           levels: dict[float, int], body: float, spacing: float) -> int:
    if line.size in levels and len(line.text.split()) <= _MAX_HEADING_WORDS * 2:
        return levels[line.size]
    if (line.bold and line.size == body and len(line.text.split()) <= _MAX_HEADING_WORDS
            and line.text[-1] not in ".,;:!?"):
        apart_above = previous is None or line.top - previous.bottom > spacing
        apart_below = following is None or following.top - line.bottom > spacing \
            or not following.bold
        if apart_above and apart_below:
            return min(6, len(levels) + 1)
    return 0


def _continues_page(paragraphs: list[tuple[int, list[str]]], line: PdfLine) -> bool:
    """The first line of a page goes on with the last paragraph of the page before."""
    level, lines = paragraphs[-1]
    if level or not lines:
        return False
    last = lines[-1].rstrip()
    return bool(last) and last[-1] not in ".!?:;\"”" and bool(_STARTS_LOWER.match(line.text))


def _join_lines(lines: list[str]) -> str:
    """One paragraph on one line: "word-" + lower-case continuation joined, else a space."""
    text = lines[0]
    for line in lines[1:]:
        first = line.split(" ", 1)[0]
        if (_HYPHENATED.search(text) and _STARTS_LOWER.match(first)
                and first.strip(",.") not in _CONJUNCTIONS):
            text = text[:-1] + line
        else:
            text = text + " " + line
    return text


def clean_pages(pages: list[str]) -> str:
    """Pages of plain text lines (no positions) -> text without page furniture."""
    return lines_to_text([[PdfLine(line.strip(), top=float(k) * 12, bottom=float(k) * 12 + 10)
                           for k, line in enumerate(page.split("\n")) if line.strip()]
                          for page in pages])
