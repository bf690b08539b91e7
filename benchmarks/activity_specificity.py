"""How often the activity recognizer fires on general Swedish text.

News and treebank sentences (UD Talbanken train/dev, UD PUD, the Webbnyheter NER corpus)
rarely describe what a municipality did, so most evidence found there is evidence in another
sense: a football "match" is no matching of job seekers, "i praktiken" no internship. The
most frequent evidence words are where to look for patterns that will misfire on unseen
reports; no gold is needed and no held-out text is read. The UD test split is left out.

    python benchmarks/activity_specificity.py                  # data in ../shared/data
    python benchmarks/activity_specificity.py --data DIR --top 60
"""
from __future__ import annotations

import argparse
import collections
from pathlib import Path
from typing import Iterator

from textmine.pipeline.load import load

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def ud_sentences(path: Path) -> Iterator[str]:
    """Word forms of each sentence of a CoNLL-U / CoNLL file, joined by spaces."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) > 2 and columns[0].isdigit():
            words.append(columns[1])
        elif not line.strip() and words:
            yield " ".join(words)
            words = []
    if words:
        yield " ".join(words)


def ner_sentences(path: Path) -> Iterator[str]:
    """Sentences of a token-per-line file with blank lines between sentences."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.split()[0])
        elif words:
            yield " ".join(words)
            words = []
    if words:
        yield " ".join(words)


def general_text(data: Path) -> list[str]:
    sentences = [s for path in sorted(data.glob("ud/*/*.conll*")) if "-ud-test" not in path.name
                 or "pud" in path.name for s in ud_sentences(path)]
    sentences += [s for path in sorted(data.glob("ner/*/*.txt")) for s in ner_sentences(path)]
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with ud/ and ner/")
    parser.add_argument("--top", type=int, default=40, help="how many evidence words to list")
    args = parser.parse_args()
    sentences = general_text(args.data)
    if not sentences:
        raise SystemExit(f"no sentences found under {args.data} (expected ud/*/*.conllu, ner/*/*.txt)")
    nlp = load(None)
    by_type: collections.Counter[str] = collections.Counter()
    evidence: collections.Counter[tuple[str, str]] = collections.Counter()
    for doc in nlp.pipe(sentences, batch_size=256):
        for activity in doc._.activities:
            by_type[activity.type] += 1
            evidence[(activity.type, activity.evidence.lower())] += 1
    total = sum(by_type.values())
    print(f"{len(sentences)} sentences of general text; activity types found: {total} "
          f"({1000 * total / len(sentences):.1f} per 1,000 sentences)\n")
    print("| type | found |\n|---|---:|")
    for type_, count in by_type.most_common():
        print(f"| {type_} | {count} |")
    print(f"\nMost frequent evidence:\n\n| count | type | evidence |\n|---:|---|---|")
    for (type_, text), count in evidence.most_common(args.top):
        print(f"| {count} | {type_} | {text} |")


if __name__ == "__main__":
    main()
