"""Reading report files and writing passage records.

Reports arrive as UTF-8, UTF-8 with BOM, cp1252 or latin-1, with Windows line endings,
no-break spaces and soft hyphens, and sometimes as HTML or PDF. ``read_text`` turns all
of these into one normalised ``str`` (LF line endings, no BOM, no soft hyphens): every
offset textmine reports is into that string. Anything that is not a readable report
raises ``InputError`` naming the file and the problem, so a batch can report it and
go on with the other files.
"""
from __future__ import annotations

import csv
import html.parser
import io
import json
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator

import regex

from textmine.records import Passage

MAX_BYTES = 50 * 1024 * 1024  # a report larger than this is almost surely not a report
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)", b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document", b"\x7fELF": "a program",
}


class InputError(Exception):
    """A file that cannot be read as a report; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a report file (text, Markdown, HTML or PDF) as normalised text."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(path, f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    if path.suffix.lower() == ".pdf" or data.startswith(b"%PDF"):
        text = _pdf_text(path, data)
    else:
        _refuse_binary(path, data)
        text = decode(data)
        if path.suffix.lower() in (".html", ".htm") or _looks_like_html(text):
            text = html_to_text(text)
    text = normalise(text)
    if not text.strip():
        raise InputError(path, "empty file (no text)")
    return text


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), falling back to cp1252, then latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def normalise(text: str) -> str:
    """LF line endings, no BOM, no soft hyphens, no stray control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00ad", "")
    return "".join(ch for ch in text if ch >= " " or ch in "\n\t")


def _refuse_binary(path: Path, data: bytes) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(path, f"binary file ({what}), not text")
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.05:
        raise InputError(path, "binary file (mostly control bytes), not text")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


class _HTMLText(html.parser.HTMLParser):
    """Collects the visible text of an HTML page, a blank line after each block element."""

    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "br", "tr", "header", "footer", "blockquote", "ul", "ol", "table"}
    SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.parts.append("#" * int(tag[1]) + " ")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    """Visible text of (possibly malformed) HTML, headings as Markdown, blocks as paragraphs."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def _pdf_text(path: Path, data: bytes) -> str:
    try:
        import pypdf
    except ImportError as err:
        raise InputError(path, "PDF input needs the pdf extra: pip install 'textmine[pdf]'") from err
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as err:  # pypdf raises many kinds of errors on broken files
        raise InputError(path, f"malformed PDF ({err.__class__.__name__}: {err})") from err


def report_id_for(path: str | Path) -> str:
    """An ASCII report id from a file name: ``På gång.txt`` -> ``pa-gang``."""
    stem = unicodedata.normalize("NFKD", Path(path).stem)
    ascii_stem = stem.encode("ascii", "ignore").decode("ascii").lower()
    return regex.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-") or "report"


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the report files (by suffix) inside named directories."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        else:
            yield path


# -- writers ---------------------------------------------------------------------
FORMATS = ("jsonl", "json", "csv")
CSV_FIELDS = ["report", "passage_id", "start", "end", "theme_gold", "theme_predicted",
              "theme_score", "municipality", "municipality_code", "county", "text",
              "entities", "numbers", "activities", "target_groups", "outcomes"]


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The output format: ``explicit`` if given, else from the file extension."""
    fmt = explicit or Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"{path}: unknown output format {fmt!r}; use one of {', '.join(FORMATS)} "
                         "(by extension or --format)")
    return fmt


def write_passages(passages: list[Passage], path: str | Path, fmt: str) -> None:
    """Write records as JSONL (one per line), JSON (grouped by report) or CSV (one row each)."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        if fmt == "jsonl":
            for passage in passages:
                handle.write(json.dumps(passage.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            reports: dict[str, list[dict]] = {}
            for passage in passages:
                reports.setdefault(passage.report, []).append(passage.to_dict())
            payload = [{"report": name, "passages": items} for name, items in reports.items()]
            json.dump(payload, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        else:
            writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
            writer.writeheader()
            for passage in passages:
                writer.writerow(_csv_row(passage))


def _csv_row(passage: Passage) -> dict[str, object]:
    data = passage.to_dict()
    theme, municipality = data["theme"], data["municipality"] or {}
    predicted = theme["predicted"]
    return {
        "report": passage.report, "passage_id": passage.passage_id,
        "start": passage.start, "end": passage.end,
        "theme_gold": theme["gold"] or "", "theme_predicted": predicted or "",
        "theme_score": theme["scores"].get(predicted, "") if predicted else "",
        "municipality": municipality.get("name", ""),
        "municipality_code": municipality.get("code", ""),
        "county": municipality.get("county", ""), "text": passage.text,
        **{key: json.dumps(data[key], ensure_ascii=False)
           for key in ("entities", "numbers", "activities", "target_groups", "outcomes")},
    }
