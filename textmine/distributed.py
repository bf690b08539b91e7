"""The batch on a Dask distributed cluster (``pip install "textmine[dask]"``).

``extract_many(paths, client=client)`` and ``textmine extract PATH... --scheduler ADDRESS
-o OUT_DIR`` send one task per input file to the cluster. Each worker process loads the
pipeline once (``batch.Worker``, kept in this module while the process lives) and returns
the file's records as plain dicts; the client takes them back in input order, with the
files that failed reported as the local batch reports them.

On a real cluster: ``dask scheduler`` on one machine, ``dask worker tcp://HOST:8786
--nthreads 1 --nworkers N`` on each machine, with textmine (and the same model and theme
files, if not the bundled ones) installed on every worker, and the input files readable by the
workers at the same absolute paths (a shared filesystem). The output is written by the
client, so only the client needs to reach ``-o``.

``PartWriter`` writes the CLI's output: one Parquet part file per input file and table,
``OUT_DIR/<table>/part-NNNNN-<report>.parquet`` (tables as in ``textmine.tables``), which
``pandas.read_parquet(OUT_DIR / "passages")`` reads as one table.
"""
from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator

from textmine.batch import FileResult, Settings, in_order, worker_for
from textmine.io import OutputError, report_id_for
from textmine.tables import TABLES, _require, _write_parquet, columns, to_rows

MISSING = 'needs Dask: pip install "textmine[dask]"'
NOT_SHARED = ("not found on the worker {host} (the input files must be readable from every "
              "worker at the same path, e.g. on a shared filesystem)")


# --- in the worker processes ---------------------------------------------------------------

_LOCK = threading.Lock()  # a worker started with several threads runs one file at a time


def _extract_on_worker(path: str, settings: Settings) -> dict[str, Any]:
    """One file, on a worker: its records as dicts, or why it failed."""
    with _LOCK:
        result = worker_for(settings)(Path(path))
    error = result.error
    if error and not Path(path).exists():
        error = NOT_SHARED.format(host=socket.gethostname())
    return {"path": path, "report_id": result.report_id, "error": error,
            "detail": result.detail, "passages": [p.to_dict() for p in result.passages]}


def _textmine_version() -> str:
    import textmine

    return textmine.__version__


# --- on the client -------------------------------------------------------------------------

def connect(address: str, timeout: float = 10):
    """A ``dask.distributed.Client`` on the scheduler at ``address``, checked: it has
    workers, and they can import textmine. Raises ``ConnectionError`` with the reason."""
    try:
        from dask.distributed import Client
    except ImportError as err:
        raise ImportError(f"--scheduler {MISSING}") from err
    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError) as err:
        raise ConnectionError(f"cannot connect to the Dask scheduler at {address} ({err})") \
            from err
    try:
        check_workers(client, timeout)
    except BaseException:
        client.close()
        raise
    return client


def check_workers(client, timeout: float = 30) -> None:
    """Wait for a worker; raise ``ConnectionError`` if none comes or it lacks textmine."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError as err:
        raise ConnectionError(f"the Dask scheduler has no workers (waited {timeout:.0f} s); "
                              "start some with: dask worker SCHEDULER_ADDRESS") from err
    try:
        client.submit(_textmine_version, pure=False).result(timeout=timeout)
    except Exception as err:  # noqa: BLE001 - whatever the worker says, the cause is the same
        raise ConnectionError("the Dask workers cannot run textmine "
                              f"({err.__class__.__name__}: {err}); install textmine on every "
                              "worker") from err


def process_files(client, paths: list[Path], settings: Settings) -> Iterator[FileResult]:
    """Results for ``paths`` in their order, one task per file on ``client``'s cluster; the
    passages come back as record dicts.

    A few tasks per worker thread are in flight at a time, so a large batch never sits
    whole in the cluster's memory. A task that fails on the cluster (a worker killed, the
    pipeline failing to load) becomes that file's error.
    """
    threads = sum(client.nthreads().values()) or 1

    def submit(path: Path):
        absolute = str(Path(path).absolute())  # workers do not share the client's folder
        return client.submit(_extract_on_worker, absolute, settings, pure=False)

    for path, future in in_order(paths, submit, 4 * threads):
        try:
            done = future.result()
        except Exception as err:  # noqa: BLE001 - one file's failure, reported
            yield FileResult(str(path), report_id_for(path),
                             error=f"failed on the cluster ({err.__class__.__name__}: {err})")
            continue
        finally:
            future.release()
        yield FileResult(str(path), done["report_id"], passages=done["passages"],
                         error=done["error"], detail=done["detail"])


# --- partitioned Parquet output ------------------------------------------------------------

def check_output_dir(path: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Raise ``OutputError`` unless ``path`` can become the output folder: its parent
    exists, and it is new, empty, or an earlier output (only table folders inside), with
    no input inside. The folder is replaced whole when the run ends."""
    path = Path(path)
    parent = path.absolute().parent
    if not parent.is_dir():
        raise OutputError(path, f"the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(path, f"cannot write in the folder {parent} (permission denied)")
    if path.exists() and not path.is_dir():
        raise OutputError(path, "exists and is not a folder; --scheduler writes partitioned "
                                "Parquet into a folder (-o OUT_DIR)")
    if path.is_dir():
        other = sorted(p.name for p in path.iterdir() if p.name not in TABLES)
        if other:
            raise OutputError(path, f"holds other files ({', '.join(other[:3])}); it would be "
                                    "replaced: give a new or empty folder")
    target = path.resolve()
    if target == Path.cwd().resolve() or target in Path.cwd().resolve().parents:
        raise OutputError(path, "is the current folder or holds it; give a new folder, such "
                                "as out/")
    for source in map(Path, inputs):
        if target in source.resolve().parents or source.resolve() == target:
            raise OutputError(path, f"holds the input {source}; writing the output there "
                                    "would destroy it")


class PartWriter:
    """``OUT_DIR/<table>/part-NNNNN-<report>.parquet``, one part per input file and table,
    written in a temporary folder beside ``OUT_DIR`` that replaces it on ``commit``."""

    def __init__(self, directory: str | Path) -> None:
        _require("pyarrow")
        self.directory = Path(directory)
        parent = self.directory.absolute().parent
        self.temporary = Path(tempfile.mkdtemp(prefix=f".{self.directory.name}.", dir=parent))
        for name in TABLES:
            (self.temporary / name).mkdir()
        self.parts = 0

    def add(self, records: list[Any]) -> None:
        """One file's records (dicts or ``Passage`` objects) as the next part of each table."""
        if not records:
            return
        report = (records[0]["report"] if isinstance(records[0], dict)
                  else records[0].report)
        for name, rows in to_rows(records).items():
            part = self.temporary / name / f"part-{self.parts:05d}-{report}.parquet"
            _write_parquet(part, rows, columns(name, rows))
        self.parts += 1

    def commit(self) -> None:
        old = None
        if self.directory.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.directory.name}.old.",
                                        dir=self.temporary.parent))
            os.replace(self.directory, old / "out")
        os.replace(self.temporary, self.directory)
        if old:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.temporary, ignore_errors=True)
