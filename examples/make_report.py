"""Build the HTML report and the tables for the bundled report (or for your own files).

    python examples/make_report.py                              # the bundled report
    python examples/make_report.py out.jsonl reports/ -o my_report.html

Writes the page (default ``report.html``) and, if pandas is installed, prints how many
numbers each municipality reports, from ``textmine.to_frames``.
"""
import argparse
import sys
from pathlib import Path

import textmine
from textmine.html_report import write_html
from textmine.tables import load_records

BUNDLED = Path(__file__).parents[1] / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(BUNDLED)],
                        help="report files, folders or .jsonl records (default: the bundled "
                             "report)")
    parser.add_argument("-o", "--output", default="report.html")
    args = parser.parse_args(argv)

    records = load_records(args.paths)           # runs the pipeline on report files
    page = write_html(records, args.output)
    print(f"{len(records)} passages -> {page}")
    try:
        frames = textmine.to_frames(records)
    except ImportError as err:
        print(f"(no tables: {err})")
        return 0
    numbers = frames["numbers"].merge(frames["passages"], on=["report", "passage_id"])
    per_municipality = numbers.groupby("municipality").size().sort_values(ascending=False)
    print("numbers per municipality (top 5):")
    print(per_municipality.head().to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
