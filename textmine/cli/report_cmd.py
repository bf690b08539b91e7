"""``textmine report PATH... -o report.html``: one self-contained HTML page to look at."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from textmine.tables import load_records


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report", help="write a self-contained HTML page of the records",
        description="Write one HTML page (no network needed to view it): municipality × "
                    "theme table, charts, the numbers table and every passage with its "
                    "entities, activity types and predicted theme. Input: .jsonl/.json "
                    "records written by 'textmine extract', or report files and folders "
                    "(extracted first with the bundled pipeline).")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=".jsonl/.json record files, or report files or folders")
    parser.add_argument("-o", "--output", required=True, metavar="HTML",
                        help="the page to write, e.g. report.html")
    parser.add_argument("--title", help="page title (default: the report ids)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from textmine.html_report import write_html

    output = Path(args.output)
    if output.is_dir() or not output.parent.is_dir():
        print(f"error: {output}: not a file in an existing folder", file=sys.stderr)
        return 2
    failed: list[str] = []

    def report_error(message: str) -> None:
        print(f"error: {message} (skipped)", file=sys.stderr)
        failed.append(message)

    records = load_records(args.paths, on_error=report_error)
    write_html(records, output, args.title)
    print(f"{len(records)} passages -> {output}", file=sys.stderr)
    return 1 if failed else 0
