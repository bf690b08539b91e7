"""Extract every report in a folder and print, per municipality, the numbers it reports.

    python examples/extract_folder.py corpus/reports
"""
import sys
from collections import defaultdict
from pathlib import Path

import textmine
from textmine.io import InputError, iter_input_files


def main(folder: str) -> int:
    nlp = textmine.load()
    by_municipality = defaultdict(list)
    for path in iter_input_files([Path(folder)]):
        try:
            report = textmine.read_report(path)
        except InputError as err:
            print(f"skipped: {err}", file=sys.stderr)
            continue
        textmine.extract(report, nlp)
        for passage in report.passages:
            name = passage.municipality.name if passage.municipality else "(okänd)"
            by_municipality[name].extend(n.text for n in passage.numbers)
    for name, numbers in sorted(by_municipality.items()):
        print(f"{name}: {', '.join(numbers) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "corpus/reports"))
