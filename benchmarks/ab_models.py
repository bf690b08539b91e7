"""Two language models' base pipelines (no extractors) timed in turns on the same text.

    python benchmarks/ab_models.py MODEL_A MODEL_B [--rounds 4] [--copies 4]

A benchmark, run by hand: absolute words/s swing on a shared machine, so the figure is the
ratio of the best of several alternating rounds measured in one process.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

import textmine  # noqa: F401  (registers the factories the bundled model names)

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"


def seconds(nlp, paragraphs: list[str]) -> float:
    """Wall time of one pass of the pipeline over the paragraphs."""
    start = time.perf_counter()
    for _ in nlp.pipe(paragraphs, batch_size=64):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs=2, help="two spaCy model folders or packages")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--copies", type=int, default=4, help="copies of the bundled report")
    args = parser.parse_args()
    text = REPORT.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()] * args.copies
    words = sum(len(p.split()) for p in paragraphs)
    pipelines = [spacy.load(name) for name in args.models]
    best = [float("inf")] * 2
    for _ in range(args.rounds):  # alternate, so that load swings hit both alike
        for i, nlp in enumerate(pipelines):
            best[i] = min(best[i], seconds(nlp, paragraphs))
    for name, seconds in zip(args.models, best):
        print(f"{name}: {seconds:.2f} s, {words / seconds:,.0f} words/s ({words:,} words)")
    print(f"speed of B / speed of A: {best[0] / best[1]:.2f}")


if __name__ == "__main__":
    main()
