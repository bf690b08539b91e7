"""Batch throughput of ``textmine extract`` with 1 and 2 worker processes.

The 15 bundled reports are copied COPIES times (default 4: 60 files) into a temporary
folder, and ``textmine.extract_many`` extracts them all (themes included), once with
``workers=1`` and once with ``workers=2``. Reported: words/s over the whole batch
(model loading included, as a user sees it) and the speed-up. Goal (issue 14): 2 workers
at least 1.7 times 1 worker.

    python benchmarks/bench_batch.py [--copies 4]
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

import textmine
from textmine.corpus import list_reports

ROOT = Path(__file__).parents[1]


def run(folder: Path, workers: int) -> tuple[float, int, int]:
    start = time.perf_counter()
    words = passages = 0
    for record in textmine.extract_many([folder], workers=workers):
        words += len(record["text"].split())
        passages += 1
    return time.perf_counter() - start, words, passages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()
    reports = sorted((ROOT / "corpus" / "reports").glob("*.txt")) + \
        sorted((ROOT / "corpus" / "reports").glob("*.md"))
    assert len(reports) == len(list_reports()) or reports
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for copy in range(args.copies):
            for report in reports:
                shutil.copy(report, folder / f"{report.stem}-{copy}{report.suffix}")
        files = len(list(folder.iterdir()))
        print(f"{files} files; {os.cpu_count()} CPUs ({platform.processor() or platform.machine()})")
        results = {}
        for workers in (1, 2):
            seconds, words, passages = run(folder, workers)
            results[workers] = words / seconds
            print(f"workers={workers}: {passages} passages, {words:,} words in {seconds:.1f} s "
                  f"= {words / seconds:,.0f} words/s")
        print(f"speed-up with 2 workers: {results[2] / results[1]:.2f}x (goal >= 1.7x)")


if __name__ == "__main__":
    main()
