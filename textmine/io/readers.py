"""Report files into normalised text: the reader chosen by content, encodings, folders.

``read_text`` sniffs what a file is (PDF, Word, HTML or plain text, whatever its
extension says) and hands it to the reader for that kind; the result is normalised
(``normalise``) so that every offset is into the same string whatever the source was.
"""
from __future__ import annotations

import codecs
import os
import stat
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import regex

from textmine.io.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a report larger than this is almost surely not a report
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive", b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document (.doc/.xls); save it as .docx",
    b"\x7fELF": "a program",
}
# byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_HTML_START = ("<!doctype html", "<html", "<head", "<body")


@dataclass(frozen=True)
class Document:
    """A report file's normalised text, and what the file says about itself outside that
    text (a web page's title, site name and address), which can name the municipality
    the text only calls "kommunen"."""

    text: str
    title: str | None = None


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a report file (text, Markdown, HTML, DOCX or PDF) as normalised text."""
    return read_document(path, max_bytes).text


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read a report file as a ``Document`` (its text and, for web pages, its title)."""
    path = Path(path)
    if not path.exists():
        if path.is_symlink():
            raise InputError(path, "broken symbolic link (its target does not exist)")
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file too large ({size:,} bytes; the limit is "
                                   f"{max_bytes:,})")
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(path, "no such file (it vanished while being read)") from err
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    kind = sniff(data, path.suffix)
    title = None
    if kind == "pdf":
        from textmine.io.pdf import pdf_text
        text = pdf_text(path, data)
    elif kind == "docx":
        from textmine.io.docx import docx_text
        text = docx_text(path, data)
    else:
        text = _decode_text(path, data)
        if kind == "html" or _looks_like_html(text):
            from textmine.io.html import html_document
            text, title = html_document(text)
            if not text.strip():
                raise InputError(path, "no main text in this web page (only menus, banners "
                                       "or other page furniture)")
    text = normalise(text)
    if not text.strip():
        raise InputError(path, "empty file (no text)")
    return Document(text, normalise(title).strip() if title else None)


def sniff(data: bytes, suffix: str = "") -> str:
    """What the bytes are: ``pdf``, ``docx``, ``html`` or ``text`` (content before suffix)."""
    suffix = suffix.lower()
    if data[:1024].lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return "docx"
    if suffix in (".pdf", ".docx"):  # says PDF or DOCX but is not: that reader explains why
        return suffix[1:]
    if suffix in (".html", ".htm"):
        return "html"
    return "text"


def _is_docx(data: bytes) -> bool:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _decode_text(path: Path, data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(path, f"not valid {encoding.upper()} although it starts with "
                                       f"that byte order mark ({err.reason} at byte "
                                       f"{err.start})") from err
    _refuse_binary(path, data)
    return decode(data)


def decode(data: bytes) -> str:
    """Decode bytes: by their byte order mark (UTF-8/16/32), else UTF-8, cp1252, latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def normalise(text: str) -> str:
    """NFC, LF line endings, no BOM, no soft hyphens, no stray control characters.

    NFC first: decomposed "a" + ring (as some Mac and web sources write å) becomes one
    character, so headings and municipality names match, and offsets count what a reader
    sees.
    """
    text = unicodedata.normalize("NFC", text)
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
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return head.startswith(_HTML_START)


def report_id_for(path: str | Path) -> str:
    """An ASCII report id from a file name: ``På gång.txt`` -> ``pa-gang``."""
    stem = unicodedata.normalize("NFKD", Path(path).stem)
    ascii_stem = stem.encode("ascii", "ignore").decode("ascii").lower()
    return regex.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-") or "report"


def _warn(error: InputError) -> None:
    warnings.warn(str(error), stacklevel=3)


def iter_input_files(paths: Iterable[str | Path],
                     on_error: Callable[[InputError], None] | None = None) -> Iterator[Path]:
    """Files named directly, and the report files (by suffix) inside named folders.

    Folders are walked recursively, following symbolic links. What cannot be walked is
    never skipped in silence: a folder that cannot be read, a symbolic link that loops back
    to a folder above it, and a broken link with a report suffix are passed to ``on_error``
    as ``InputError`` (default: a warning), and the walk goes on.
    """
    report = on_error or _warn
    for path in map(Path, paths):
        if path.is_dir():
            found: list[Path] = []
            _walk(path, found, report, ancestors=())
            yield from sorted(found)
        else:
            yield path


def _walk(folder: Path, found: list[Path], report: Callable[[InputError], None],
          ancestors: tuple[tuple[int, int], ...]) -> None:
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        with os.scandir(folder) as entries:
            listing = list(entries)
    except OSError as err:
        report(InputError(folder, f"folder cannot be read ({err.strerror or err}); "
                                  "its files were not read"))
        return
    ancestors = ancestors + (key,)
    for entry in listing:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links
            is_file = not is_dir and entry.is_file()
        except OSError as err:  # a link to itself (ELOOP) and the like
            report(InputError(path, f"cannot be read ({err.strerror or err}); skipped"))
            continue
        if is_dir:
            if entry.is_symlink():
                try:
                    target = os.stat(entry.path)
                except OSError as err:
                    report(InputError(path, f"cannot be read ({err.strerror or err}); "
                                            "skipped"))
                    continue
                if (target.st_dev, target.st_ino) in ancestors:
                    report(InputError(path, f"symbolic link loop (points back to "
                                            f"{os.path.realpath(entry.path)}); not followed"))
                    continue
            _walk(path, found, report, ancestors)
        elif is_file:
            if path.suffix.lower() in TEXT_SUFFIXES:
                found.append(path)
        elif entry.is_symlink() and path.suffix.lower() in TEXT_SUFFIXES:
            report(InputError(path, "broken symbolic link (its target does not exist); "
                                    "skipped"))
        elif path.suffix.lower() in TEXT_SUFFIXES:
            try:
                mode = entry.stat().st_mode
            except OSError:
                continue
            if not stat.S_ISREG(mode):
                report(InputError(path, "not a regular file (a pipe, socket or device); "
                                        "skipped"))
