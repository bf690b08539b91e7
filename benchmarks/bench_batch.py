"""Batch throughput of ``textmine extract`` with 1 and 2 worker processes.

The 15 bundled reports are copied COPIES times (default 4: 60 files) into a temporary
folder, and ``textmine.extract_many`` extracts them all (themes included), once with
``workers=1`` and once with ``workers=2``. Reported: words/s over the whole batch
(model loading included, as a user sees it) and the speed-up. Goal (issue 14): 2 workers
at least 1.7 times 1 worker.

With ``--dask``, the same files also run on a Dask LocalCluster of two worker processes
(one thread each) through ``extract_many(..., client=...)``, timed like the others (worker
model loading included; starting the cluster is timed apart). Goal (issue 14): at least 80 %
of ``workers=2``. ``--only 2`` skips the 1-worker run.

    python benchmarks/bench_batch.py [--copies 4] [--dask] [--only 2]
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

ROOT = Path(__file__).parents[1]


def run(folder: Path, workers: int, client=None) -> tuple[float, int, int]:
    start = time.perf_counter()
    words = passages = 0
    for record in textmine.extract_many([folder], workers=workers, client=client):
        words += len(record["text"].split())
        passages += 1
    return time.perf_counter() - start, words, passages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--dask", action="store_true", help="also time a 2-worker LocalCluster")
    parser.add_argument("--only", type=int, choices=(1, 2), help="time only this many workers")
    args = parser.parse_args()
    reports = sorted((ROOT / "corpus" / "reports").glob("*.txt")) + \
        sorted((ROOT / "corpus" / "reports").glob("*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for copy in range(args.copies):
            for report in reports:
                shutil.copy(report, folder / f"{report.stem}-{copy}{report.suffix}")
        files = len(list(folder.iterdir()))
        print(f"{files} files; {os.cpu_count()} CPUs ({platform.processor() or platform.machine()})")
        results = {}
        for workers in (args.only,) if args.only else (1, 2):
            seconds, words, passages = run(folder, workers)
            results[workers] = words / seconds
            print(f"workers={workers}: {passages} passages, {words:,} words in {seconds:.1f} s "
                  f"= {words / seconds:,.0f} words/s")
        if 1 in results and 2 in results:
            print(f"speed-up with 2 workers: {results[2] / results[1]:.2f}x (goal >= 1.7x)")
        if args.dask:
            from dask.distributed import Client, LocalCluster

            start = time.perf_counter()
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                started = time.perf_counter() - start
                seconds, words, passages = run(folder, 1, client)
                results["dask"] = words / seconds
                print(f"dask LocalCluster, 2 workers (started in {started:.1f} s, not counted): "
                      f"{passages} passages, {words:,} words in {seconds:.1f} s = "
                      f"{words / seconds:,.0f} words/s")
                seconds, words, passages = run(folder, 1, client)  # pipelines already loaded
                results["warm"] = words / seconds
                print(f"dask again, workers warm: {seconds:.1f} s = {words / seconds:,.0f} "
                      "words/s")
            if 2 in results:
                print(f"dask / workers=2: {results['dask'] / results[2]:.0%} (goal >= 80 %); "
                      f"warm: {results['warm'] / results[2]:.0%}")


if __name__ == "__main__":
    main()
