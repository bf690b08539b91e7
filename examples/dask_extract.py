"""Extract a folder of reports on a Dask cluster and print a summary per report.

    python examples/dask_extract.py corpus/reports                          # a LocalCluster here
    python examples/dask_extract.py /shared/reports tcp://scheduler:8786    # a real cluster

Without an address it starts a LocalCluster of two worker processes on this machine. With
one, it uses that cluster: started with ``dask scheduler`` and ``dask worker ADDRESS
--nthreads 1`` on each machine, textmine installed on every worker, and the folder readable
by the workers at the same path. Needs ``pip install "textmine[dask]"``.
"""
import sys
from collections import Counter

from dask.distributed import Client, LocalCluster

import textmine


def summarise(folder: str, client: Client) -> None:
    passages, numbers, failed = Counter(), Counter(), []
    for record in textmine.extract_many([folder], client=client, on_error=failed.append):
        passages[record["report"]] += 1
        numbers[record["report"]] += len(record["numbers"])
    workers = len(client.scheduler_info()["workers"])
    print(f"{len(passages)} report(s) on {workers} Dask worker(s):")
    for report, count in passages.items():
        print(f"  {report}: {count} passages, {numbers[report]} numbers")
    for error in failed:
        print(f"  failed: {error}")


def main(folder: str, address: str | None = None) -> int:
    if address:
        with Client(address) as client:
            summarise(folder, client)
        return 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        summarise(folder, client)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "corpus/reports",
                  sys.argv[2] if len(sys.argv) > 2 else None))
