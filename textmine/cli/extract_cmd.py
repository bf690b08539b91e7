"""``textmine extract PATH... -o OUT``: passage records for every report file.

A file that cannot be read is reported on stderr and skipped; the records of all other
files are still written, and the exit code (1) says that something failed.
"""
from __future__ import annotations

import argparse
import sys

from textmine.fill import extract_report
from textmine.io import FORMATS, InputError, format_for, iter_input_files, read_text, \
    report_id_for, write_passages
from textmine.segment import Segmenter, load_themes


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract", help="write passage records (JSONL, JSON or CSV)",
        description="Segment report files and write one record per passage with theme, "
                    "municipality, entities, numbers, activities and outcomes.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="report files, or directories (all .txt/.md/.html/.pdf inside)")
    parser.add_argument("-o", "--output", default="-",
                        help="output file; the format follows its extension (default: JSONL "
                             "on standard output)")
    parser.add_argument("--format", choices=FORMATS, help="output format, overriding the extension")
    parser.add_argument("--model", default=None,
                        help="language pipeline: the bundled model (default), 'stanza', an "
                             "installed spaCy package or a path")
    parser.add_argument("--themes", metavar="MODEL", default=None,
                        help="theme classifier file (default: the bundled model)")
    parser.add_argument("--no-themes", action="store_true", help="do not predict themes")
    parser.add_argument("--theme-labels", metavar="CSV",
                        help="CSV with columns id,label: heading labels of the reports' themes")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        fmt = format_for(args.output, args.format or ("jsonl" if args.output == "-" else None))
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    from textmine.pipeline.load import load

    nlp = load(args.model)
    themes = None if args.no_themes else _theme_model(args.themes)
    segmenter = Segmenter(load_themes(args.theme_labels))
    passages, failed = [], 0
    for path in iter_input_files(args.paths):
        try:
            text = read_text(path)
        except InputError as err:
            print(f"error: {err} (skipped)", file=sys.stderr)
            failed += 1
            continue
        report = extract_report(segmenter.segment(text, report_id_for(path)), nlp, themes)
        passages.extend(report.passages)
        print(f"{path}: {len(report.passages)} passages", file=sys.stderr)
    write_passages(passages, "/dev/stdout" if args.output == "-" else args.output, fmt)
    if failed:
        print(f"{failed} file(s) failed; records of the others were written", file=sys.stderr)
    return 1 if failed else 0


def _theme_model(path: str | None):
    """The given theme classifier, or the bundled one."""
    from textmine.themes import load_model

    return load_model(path)
