"""Seconds each textmine extractor takes on Docs the base pipeline already parsed
(a benchmark, not a test; issue 12).

    python benchmarks/bench_components.py [--repeat 5] [--all]

Two texts: the first 8 bundled reports (whole documents) and the benchmark report of
``bench_pipeline.py`` split in paragraphs (many short Docs, where per-document work counts).
Each component is called on every Doc, best of ``--repeat`` timings; the number extractor
runs first, so the activity recognizer reads its records as in a pipeline. ``--all`` times
every component of the pipeline the same way (the base model's too, each on Docs the whole
pipeline already ran over: a component's cost does not depend on its input's annotations
beyond what the earlier components set, which they already have).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import textmine

ROOT = Path(__file__).resolve().parents[1]
EXTRACTORS = ("textmine_numbers", "textmine_entities", "textmine_activities")


def texts() -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_pipeline import paragraphs

    reports = sorted((ROOT / "corpus" / "reports").glob("*.txt"))[:8]
    return {"8 reports": [p.read_text(encoding="utf-8") for p in reports],
            "benchmark paragraphs": paragraphs(1)}


def best_seconds(component, docs: list, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        timings.append(time.perf_counter() - start)
    return min(timings)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--all", action="store_true",
                        help="time the base model's components too")
    args = parser.parse_args(argv)
    nlp = textmine.load()
    names = nlp.pipe_names if args.all else EXTRACTORS
    for label, batch in texts().items():
        docs = list(nlp.pipe(batch, disable=[] if args.all else list(EXTRACTORS)))
        times = [f"{name.removeprefix('textmine_')} "
                 f"{best_seconds(nlp.get_pipe(name), docs, args.repeat):.3f} s"
                 for name in names]
        print(f"{label} ({sum(len(d) for d in docs)} tokens): " + ", ".join(times))


if __name__ == "__main__":
    main()
