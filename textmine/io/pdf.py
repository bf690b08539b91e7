"""PDF: the text layer (pypdf), without page numbers, running headers and line-end hyphens.

What a PDF's text layer gives is lines, page by page. Before segmentation:

- a page number alone on the first or last line of a page ("12", "Sida 3 av 40",
  "– 7 –") is removed;
- a running header or footer, a line that opens or closes at least half of the pages
  (digits aside, so "Rapport 2024 · sida 3" counts), is removed;
- a word hyphenated at a line end ("arbets-" / "marknaden") is joined again, but not a
  Swedish suspended compound ("arbets- och utbildningsfrågor");
- pages are separated by a blank line.

A PDF whose pages have no text at all is scanned images: "no text layer (scanned?)".
A file cut short (no ``%%EOF`` at the end) or that pypdf cannot parse gets a clear error.
"""
from __future__ import annotations

import io
from collections import Counter
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


def pdf_text(path: str | Path, data: bytes) -> str:
    """The text of a PDF, cleaned of page furniture (see the module's docstring)."""
    if data[:1024].lstrip()[:5] != b"%PDF-":
        raise InputError(path, "not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "malformed PDF (truncated: the file ends before its end-of-file "
                               "marker; was the download or copy cut short?)")
    try:
        import pypdf
    except ImportError as err:
        raise InputError(path, "PDF input needs the pdf extra: pip install 'textmine[pdf]'") from err
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as err:
                raise InputError(path, "encrypted PDF (needs a password)") from err
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as err:  # pypdf raises many kinds of errors on broken files
        raise InputError(path, f"malformed PDF ({err.__class__.__name__}: {err})") from err
    if not pages:
        raise InputError(path, "PDF without pages")
    if not any(page.strip() for page in pages):
        raise InputError(path, f"no text layer (scanned?): none of its {len(pages)} page(s) "
                               "holds text; run OCR on it first")
    return clean_pages(pages)


def clean_pages(pages: list[str]) -> str:
    """Pages of text lines -> one text without page furniture and line-end hyphens."""
    lines_per_page = [[ln.rstrip() for ln in page.split("\n")] for page in pages]
    running = _running_lines(lines_per_page)
    cleaned = []
    for lines in lines_per_page:
        lines = _strip_edges(lines, running)
        cleaned.append(_join_hyphens(lines))
    return "\n\n".join(page for page in cleaned if page.strip()) + "\n"


def _shape(line: str) -> str:
    return regex.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _edges(lines: list[str]) -> list[str]:
    content = [ln for ln in lines if ln.strip()]
    return content[:_EDGE_LINES] + content[-_EDGE_LINES:]


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of lines that open or close at least half of the pages (three or more)."""
    if len(pages) < 3:
        return set()
    counts = Counter(shape for lines in pages for shape in {_shape(ln) for ln in _edges(lines)})
    return {shape for shape, n in counts.items() if n * 2 >= len(pages) and shape.strip()}


def _strip_edges(lines: list[str], running: set[str]) -> list[str]:
    def furniture(line: str) -> bool:
        return bool(_PAGE_NUMBER.match(line)) or _shape(line) in running

    content = [k for k, ln in enumerate(lines) if ln.strip()]
    drop = set()
    for k in content[:_EDGE_LINES]:
        if not furniture(lines[k]):
            break
        drop.add(k)
    for k in reversed(content[-_EDGE_LINES:]):
        if not furniture(lines[k]):
            break
        drop.add(k)
    return [ln for k, ln in enumerate(lines) if k not in drop]


def _join_hyphens(lines: list[str]) -> str:
    """Join "word-" + "lowercase continuation" across line ends (not "arbets- och")."""
    joined: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        while k + 1 < len(lines) and _HYPHENATED.search(line):
            nxt = lines[k + 1].lstrip()
            first = nxt.split(" ", 1)[0] if nxt else ""
            if not first or not _STARTS_LOWER.match(first) or first.strip(",.") in _CONJUNCTIONS:
                break
            line = line[:-1] + nxt
            k += 1
        joined.append(line)
        k += 1
    return "\n".join(joined)
