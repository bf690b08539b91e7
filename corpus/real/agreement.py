"""How far two annotators agree on the same real passages: a ceiling for the figures.

    python corpus/real/agreement.py

59 passages were found and labelled independently by two annotators; the corpus keeps one
annotation (dev.jsonl / test.jsonl) and the other is in agreement.jsonl. Passages whose two
copies differ in text (a longer or shorter excerpt) are compared on the labels that do not
depend on offsets only (theme, municipality, activity types); numbers are compared where
both annotated them and the texts are identical.
"""
from __future__ import annotations

from pathlib import Path

from textmine.evaluation.extraction import (PRF, gold_code, load_gold, score_activities,
                                            score_numbers)

HERE = Path(__file__).resolve().parent


def read(name: str) -> list[dict]:
    return load_gold(HERE / name)


def main() -> None:
    kept = {row["id"]: row for row in read("dev.jsonl") + read("test.jsonl")}
    pairs = [(kept[row["first"]], row) for row in read("agreement.jsonl")]
    theme = sum(a["theme"] == b["theme"] for a, b in pairs)
    either = sum(a["theme"] in (b["theme"], b.get("theme2")) or
                 b["theme"] in (a["theme"], a.get("theme2")) for a, b in pairs)
    place = sum(gold_code(a) == gold_code(b) for a, b in pairs)
    activities, numbers, same_text = PRF(), PRF(), 0
    for a, b in pairs:
        activities.add(score_activities(a["activities"], b["activities"])["types"])
        if a["text"] == b["text"] and "numbers" in a and "numbers" in b:
            same_text += 1
            numbers.add(score_numbers(a["numbers"], b["numbers"])["strict"])
    n = len(pairs)
    print(f"{n} passages labelled twice")
    print(f"theme, same primary:                 {theme / n:.3f} ({theme}/{n})")
    print(f"theme, one's primary among the other's two: {either / n:.3f} ({either}/{n})")
    print(f"municipality (code or none) agrees:  {place / n:.3f} ({place}/{n})")
    print(f"activity types per passage, F1:      {activities.f1:.3f}")
    print(f"numbers span+kind+value, F1:         {numbers.f1:.3f} ({same_text} passages with "
          "the same text)")


if __name__ == "__main__":
    main()
