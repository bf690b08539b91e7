"""``textmine tables RECORDS... -o DIR``: passage records as related CSV or Parquet tables."""
from __future__ import annotations

import argparse
import sys

from textmine.cli.common import ErrorLog, add_record_inputs
from textmine.tables import TABLE_FORMATS, TABLES, load_records, write_tables


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "tables", help="write records as related tables (CSV or Parquet)",
        description="Write one table per kind of record (" + ", ".join(TABLES) + "), joined "
                    "by report + passage_id. Input: .jsonl/.json records written by "
                    "'textmine extract', or report files and folders (extracted first).")
    add_record_inputs(parser)
    parser.add_argument("-o", "--output", required=True, metavar="DIR",
                        help="folder for the tables (created if missing)")
    parser.add_argument("--format", choices=TABLE_FORMATS, default="csv",
                        help="csv (default) or parquet (needs textmine[tables])")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    errors = ErrorLog()
    records = load_records(args.paths, on_error=errors)
    try:
        paths = write_tables(records, args.output, args.format)
    except (ImportError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{len(records)} passages -> " + ", ".join(str(p) for p in paths), file=sys.stderr)
    return errors.exit_code
