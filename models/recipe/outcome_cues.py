"""How often each outcome cue is right on the development files (issue 11, session 13).

    python models/recipe/outcome_cues.py [--show CUE] [--min 2] [--by-file]

Runs the shipped pipeline over every development file that has outcome gold (the bundled
report's dev part, dev2, dev3 and the real-dev files) and, for each sentence it reports as an
outcome, finds which ``effect`` cues of ``outcome_patterns.json`` match it (``reach`` when
none does: the sentence was kept for a count of people or visits reached). A sentence is
right when it overlaps a gold outcome sentence. The table gives, per cue, the sentences it
alone decided (no other cue matched) right / wrong, and all its sentences right / wrong.
``--show CUE`` (a cue's number or ``reach``) prints its sentences, marked right or wrong, so
that they can be read before a cue is narrowed. Test files are never read.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]

import textmine  # noqa: E402
from textmine.components.activities.outcomes import OutcomeRules  # noqa: E402
from textmine.evaluation.extraction import load_gold, overlap, predict, sentence_spans  # noqa: E402

DEV_FILES = ["corpus/gold/extraction/dev.jsonl", "corpus/gold/extraction/dev2.jsonl",
             "corpus/gold/extraction/dev3.jsonl",
             *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "corpus/real").glob("dev*.jsonl"))]


def effect_patterns() -> list[str]:
    rules = OutcomeRules.of()
    return [p.pattern for _, patterns in rules.effect.groups for p in patterns]


def cue_hits(files: list[str], patterns: list[str]) -> list[tuple[str, str, bool, list[str]]]:
    """(file, sentence, right, matched cues) for every predicted outcome sentence."""
    import regex

    nlp = textmine.load()
    cues = [(p, regex.compile(p)) for p in patterns]
    rows = []
    for name in files:
        for line in load_gold(ROOT / name):
            if "outcomes" not in line:
                continue
            pred = predict(nlp, line)["outcomes"]
            gold = sentence_spans(line["text"], line["outcomes"])
            for sentence, span in zip(pred, sentence_spans(line["text"], pred)):
                right = any(overlap(span, g) > 0 for g in gold)
                lowered = sentence.lower()
                matched = [p for p, c in cues if c.search(lowered)] or ["reach"]
                rows.append((Path(name).stem, sentence, right, matched))
    return rows


def table(rows, names: list[str], minimum: int, by_file: bool = False) -> list[str]:
    """One line per cue; with ``by_file`` also where its lone decisions come from (a cue
    right in one batch only may be fitted to that batch's wording)."""
    lone, every = defaultdict(Counter), defaultdict(Counter)
    files = defaultdict(lambda: defaultdict(Counter))
    for name, _, right, matched in rows:
        for cue in matched:
            every[cue][right] += 1
        if len(matched) == 1:
            lone[matched[0]][right] += 1
            files[matched[0]][name][right] += 1
    out = [f"{'#':>4} {'lone r/w':>9} {'all r/w':>9}  cue"]
    for k, cue in enumerate(names):
        if sum(every[cue].values()) >= minimum:
            out.append(f"{k:>4} {lone[cue][True]:>4}/{lone[cue][False]:<4} "
                       f"{every[cue][True]:>4}/{every[cue][False]:<4}  {cue[:70]}")
            if by_file and files[cue]:
                out.append("           " + ", ".join(f"{n} {c[True]}/{c[False]}"
                                                     for n, c in sorted(files[cue].items())))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="a cue's number in the table, or 'reach'")
    parser.add_argument("--min", type=int, default=2, help="list cues with at least this many sentences")
    parser.add_argument("--by-file", action="store_true",
                        help="under each cue, its lone right/wrong per development file")
    args = parser.parse_args(argv)
    patterns = effect_patterns()
    names = ["reach", *patterns]  # the table's cue numbers
    rows = cue_hits(DEV_FILES, patterns)
    if args.show is None:
        print("\n".join(table(rows, names, args.min, args.by_file)))
        right = sum(r for _, _, r, _ in rows)
        print(f"{len(rows)} predicted outcome sentences, {right} right")
        return
    cue = names[int(args.show)] if args.show.isdigit() else args.show
    for name, sentence, right, matched in rows:
        if cue in matched:
            print(f"{'RIGHT' if right else 'wrong'} {name} ({len(matched)} cues) {sentence}")


if __name__ == "__main__":
    main()
