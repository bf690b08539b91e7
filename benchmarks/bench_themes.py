"""Speed of the theme classifier: load, classify the report's 138 passages, train.

Goals (issue 5): classifying all 138 passages takes < 0.5 s once the model is loaded;
training the default model takes < 60 s. Classification is timed from plain strings
(the classifier tokenises them itself) and from Docs already made by a pipeline (what
``textmine extract`` passes); the first call after loading also loads the Swedish
lemma table of spacy-lookups-data, which is reported apart as "warm-up".

    python benchmarks/bench_themes.py
    python benchmarks/bench_themes.py --append benchmarks/RESULTS.md
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from textmine.corpus import load_report
from textmine.themes import ThemeClassifier, load_model
from textmine.themes.features import as_docs, lemma_table

HEADING = "## Theme classifier (bench_themes.py)"


def timed(func, repeats: int = 5) -> float:
    """Median seconds of ``repeats`` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(repeats: int) -> dict[str, float]:
    report = load_report()
    texts = [p.text for p in report.passages]
    labels = np.asarray([p.theme.gold for p in report.passages], dtype=object)
    figures: dict[str, float] = {"passages": len(texts)}
    start = time.perf_counter()
    model = load_model()
    figures["load_s"] = time.perf_counter() - start
    start = time.perf_counter()
    lemma_table()
    figures["warmup_lemma_table_s"] = time.perf_counter() - start
    figures["classify_strings_s"] = timed(lambda: model.predict_proba(texts), repeats)
    docs = as_docs(texts)
    figures["classify_docs_s"] = timed(lambda: model.predict_proba(docs), repeats)
    figures["train_s"] = timed(lambda: ThemeClassifier().fit(texts, labels), max(1, repeats // 2))
    return figures


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def markdown(figures: dict[str, float]) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    ok = lambda value, goal: "yes" if value < goal else "NO"  # noqa: E731
    return "\n".join([
        HEADING, "",
        f"{stamp}; {machine()}; `python benchmarks/bench_themes.py` (median of repeats).", "",
        "| step | seconds | goal | met |",
        "|---|---|---|---|",
        f"| load the bundled model (skops) | {figures['load_s']:.3f} | | |",
        f"| warm-up: load the Swedish lemma table (once per process) | "
        f"{figures['warmup_lemma_table_s']:.3f} | | |",
        f"| classify {int(figures['passages'])} passages from strings | "
        f"{figures['classify_strings_s']:.3f} | < 0.5 | {ok(figures['classify_strings_s'], 0.5)} |",
        f"| classify {int(figures['passages'])} passages from Docs | "
        f"{figures['classify_docs_s']:.3f} | < 0.5 | {ok(figures['classify_docs_s'], 0.5)} |",
        f"| train the default model (138 passages) | {figures['train_s']:.3f} | < 60 | "
        f"{ok(figures['train_s'], 60)} |",
        "",
    ])


def append_section(path: Path, section: str) -> None:
    """Replace our own section of RESULTS.md (re-read just before writing), keep the rest."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\n"
    if HEADING in text:
        before, rest = text.split(HEADING, 1)
        after = rest.split("\n## ", 1)
        tail = "\n## " + after[1] if len(after) > 1 else ""
        text = before + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--append", type=Path, metavar="RESULTS_MD",
                        help="write the figures into this Markdown file (own section)")
    args = parser.parse_args()
    section = markdown(measure(args.repeats))
    print(section)
    if args.append:
        append_section(args.append, section)


if __name__ == "__main__":
    main()
