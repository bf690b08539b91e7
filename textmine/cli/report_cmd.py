"""``textmine report PATH... -o report.html``: one self-contained HTML page to look at."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from textmine.cli.common import ErrorLog, add_record_inputs, output_refused
from textmine.tables import load_records


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report", help="write a self-contained HTML page of the records",
        description="Write one HTML page (no network needed to view it): municipality × "
                    "theme table, charts, the numbers table and every passage with its "
                    "entities, activity types and predicted theme. Input: .jsonl/.json "
                    "records written by 'textmine extract', or report files and folders "
                    "(extracted first with the bundled pipeline).")
    add_record_inputs(parser)
    parser.add_argument("-o", "--output", required=True, metavar="HTML",
                        help="the page to write, e.g. report.html")
    parser.add_argument("--title", help="page title (default: the report ids)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from textmine.html_report import write_html

    if output_refused(args.output, args.paths):
        return 2
    errors = ErrorLog()
    records = load_records(args.paths, on_error=errors)
    write_html(records, Path(args.output), args.title)
    print(f"{len(records)} passages -> {args.output}", file=sys.stderr)
    return errors.exit_code
