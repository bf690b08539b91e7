"""``textmine segment FILE``: print a report's outline (themes, municipalities, passages)."""
from __future__ import annotations

import argparse
import sys

from textmine.io import InputError, read_document, report_id_for
from textmine.segment import Segmenter, load_themes


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "segment", help="print the outline of a report",
        description="Print a report's outline: themes, municipalities and passage counts.")
    parser.add_argument("file", help="report file (.txt, .md, .html, .pdf)")
    parser.add_argument("--theme-labels", metavar="CSV",
                        help="CSV with columns id,label for reports with other themes")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        document = read_document(args.file)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    segmenter = Segmenter(load_themes(args.theme_labels))
    report = segmenter.segment(document.text, report_id_for(args.file), document.title)
    print(f"{report.report_id}: {len(report.passages)} passages"
          + (f" ({report.title})" if report.title else ""))
    for theme, rows in report.outline():
        print(f"{theme or '(no theme)'}: {sum(n for _, n in rows)} passages")
        for name, count in rows:
            print(f"  {name or '(no municipality)'}: {count}")
    return 0
