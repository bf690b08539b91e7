"""Classify the paragraphs of a text without headings (a news item) by theme.

    python examples/classify_news.py tests/data/layouts/news.txt
"""
import sys

import textmine


def main(path: str) -> int:
    report = textmine.extract(textmine.read_report(path))
    for passage in report.passages:
        best = passage.theme.predicted
        score = passage.theme.scores.get(best, 0.0) if best else 0.0
        place = passage.municipality.name if passage.municipality else "-"
        print(f"{passage.passage_id} {best} ({score:.2f}) [{place}] {passage.text[:60]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
