"""Speed and memory of textmine's Swedish pipeline (a benchmark, not a test).

    python benchmarks/bench_pipeline.py [--model NAME] [--min-words 100000] [--json]

Reports, in one run on one core: model load time, words per second of the base pipeline
and of the full pipeline (with textmine's extractors) over the bundled report repeated
to at least ``--min-words`` words, beside ``spacy.blank("sv")`` tokenization of the same
text, and the process's peak resident memory.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, as the goal is stated

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"


@dataclass
class Result:
    words: int
    paragraphs: int
    import_seconds: float
    load_seconds: float
    load_full_seconds: float
    blank_words_per_second: float
    base_words_per_second: float
    full_words_per_second: float | None
    peak_rss_mb: float
    machine: str


def paragraphs(min_words: int) -> list[str]:
    """The report's paragraphs, repeated until they hold at least ``min_words`` words."""
    paras = [p.strip() for p in REPORT.read_text(encoding="utf-8").split("\n") if p.strip()]
    words_once = sum(len(p.split()) for p in paras)
    return paras * (min_words // words_once + 1)


def words_per_second(nlp, texts: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    words = sum(sum(1 for t in doc if not t.is_space) for doc in nlp.pipe(texts, batch_size=64))
    return words / (time.perf_counter() - start), words


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, " \
           f"Python {platform.python_version()}"


def run(model: str | None, min_words: int) -> Result:
    start = time.perf_counter()
    import spacy

    from textmine.pipeline.load import load, load_base
    imported = time.perf_counter() - start

    start = time.perf_counter()
    base = load_base(model)
    load_seconds = time.perf_counter() - start
    texts = paragraphs(min_words)
    blank_wps, words = words_per_second(spacy.blank("sv"), texts)
    base_wps, _ = words_per_second(base, texts)
    start = time.perf_counter()
    try:
        full = load(model)
        full_seconds = time.perf_counter() - start
        full_wps = words_per_second(full, texts)[0]
    except ImportError:  # extractors not installed yet
        full_seconds, full_wps = 0.0, None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Result(words=words, paragraphs=len(texts), import_seconds=round(imported, 2),
                  load_seconds=round(load_seconds, 2), load_full_seconds=round(full_seconds, 2),
                  blank_words_per_second=round(blank_wps),
                  base_words_per_second=round(base_wps),
                  full_words_per_second=round(full_wps) if full_wps else None,
                  peak_rss_mb=round(peak, 1), machine=machine())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="pipeline (default: bundled model)")
    parser.add_argument("--min-words", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.model, args.min_words)
    if args.json:
        print(json.dumps(asdict(result), indent=2))
        return
    for key, value in asdict(result).items():
        print(f"{key:<24} {value}")


if __name__ == "__main__":
    main()
