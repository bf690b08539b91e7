"""Reading report files and writing passage records.

Reports arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, cp1252 or latin-1, with
Windows line endings, no-break spaces, soft hyphens and decomposed characters, and as
HTML pages, Word files (.docx) or PDF. ``read_text`` turns all of these into one
normalised ``str`` (NFC, LF line endings, no BOM, no soft hyphens, headings as Markdown
``#`` lines): every offset textmine reports is into that string. The reader is chosen by
content as well as by extension (``sniff``). Anything that is not a readable report
raises ``InputError`` naming the file and the problem, so a batch can report it and go
on with the other files.

One module per concern: ``readers`` (files, encodings, folders), ``html`` (main content
of web pages), ``docx`` (Word), ``pdf`` (PDF text layer), ``writers`` (JSONL/JSON/CSV,
atomic output, output checks).
"""
from textmine.io.errors import InputError, OutputError
from textmine.io.readers import (MAX_BYTES, TEXT_SUFFIXES, Document, decode, iter_input_files,
                                 normalise, read_document, read_text, report_id_for, sniff)
from textmine.io.html import html_to_text
from textmine.io.writers import (CSV_FIELDS, FORMATS, RecordWriter, atomic_write, check_output,
                                 errors_path_for, format_for, is_stdout, read_records,
                                 write_passages)

__all__ = ["CSV_FIELDS", "Document", "FORMATS", "MAX_BYTES", "TEXT_SUFFIXES", "InputError",
           "OutputError", "read_document", "RecordWriter", "atomic_write", "check_output",
           "decode", "errors_path_for", "format_for", "html_to_text", "is_stdout",
           "iter_input_files", "normalise", "read_records", "read_text", "report_id_for", "sniff",
           "write_passages"]
