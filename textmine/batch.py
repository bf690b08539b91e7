"""Many report files: each read, segmented and extracted on its own, in one process or in
``workers`` processes (each loads the pipeline once), results in input order.

A file that cannot be read or fails in extraction gives a ``FileResult`` with its error
instead of passages, so one bad file never stops the others. ``extract_many`` is the
API (``textmine.extract_many``); ``textmine extract`` uses ``process_files`` and writes
the results as they come.
"""
from __future__ import annotations

import multiprocessing
import signal
import traceback
import warnings
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import astuple, dataclass, field
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, TypeVar

from textmine.io import InputError, iter_input_files, read_document, report_id_for
from textmine.records import Passage

if TYPE_CHECKING:
    from spacy.language import Language

VANISHED = "vanished during the run (it was there when the inputs were listed)"
Item = TypeVar("Item")


class WorkerDied(RuntimeError):
    """A worker process ended abnormally (killed, out of memory, or its model failed to load)."""


@dataclass
class Settings:
    """What every worker needs to build its pipeline: names and paths, not objects."""

    model: str | None = None
    themes: str | None = None  # a theme model path; None: the bundled one
    no_themes: bool = False
    theme_labels: str | None = None
    extract: bool = True  # False: read and segment only (no model is loaded)


@dataclass
class FileResult:
    """One input file's passages (``Passage`` objects, or their dicts when they come back
    from a cluster), or why it failed."""

    path: str
    report_id: str
    passages: list[Passage | dict] = field(default_factory=list)
    error: str | None = None
    detail: str | None = None  # the traceback of an unexpected failure

    @property
    def words(self) -> int:
        return sum(len((p["text"] if isinstance(p, dict) else p.text).split())
                   for p in self.passages)


class Worker:
    """The pipeline, theme model and segmenter of one process, each loaded on first use and
    kept (the library loads only what a call needs; batches load all at once: ``load``)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def nlp(self) -> "Language":
        from textmine.pipeline.load import load

        return load(self.settings.model)

    @cached_property
    def themes(self):
        from textmine.themes import load_model

        return None if self.settings.no_themes else load_model(self.settings.themes)

    @cached_property
    def segmenter(self):
        from textmine.segment import Segmenter, load_themes

        return Segmenter(load_themes(self.settings.theme_labels))

    def load(self) -> "Worker":
        """Load everything now, so a bad model fails here, before any file is read."""
        for part in ("themes", "nlp", "segmenter") if self.settings.extract else ("segmenter",):
            getattr(self, part)
        return self

    def __call__(self, path: Path, listed: bool = False) -> FileResult:
        """Read, segment and extract one file; failures are returned, never raised."""
        from textmine.fill import extract_report

        report_id = report_id_for(path)
        try:
            document = read_document(path)
        except InputError as err:
            gone = listed and not Path(path).exists()
            return FileResult(str(path), report_id, error=VANISHED if gone else err.problem)
        try:
            report = self.segmenter.segment(document.text, report_id, document.title)
            if self.settings.extract:
                report = extract_report(report, self.nlp, self.themes)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as err:  # one bad file must not lose the batch
            return FileResult(str(path), report_id,
                              error=f"extraction failed ({err.__class__.__name__}: {err})",
                              detail=traceback.format_exc())
        return FileResult(str(path), report_id, passages=report.passages)


_WORKERS: dict[tuple, Worker] = {}  # this process's loaded workers, by settings


def worker_for(settings: Settings, load: bool = True) -> Worker:
    """The process's Worker for ``settings``, kept: a second batch (or cluster task, or
    ``textmine.extract`` call) in the same process does not load the pipeline again.
    ``load=False`` leaves its parts to load on first use."""
    worker = _WORKERS.setdefault(astuple(settings), Worker(settings))
    return worker.load() if load else worker


def in_order(items: Iterable[Item], submit: Callable[[Item], Any],
             window: int) -> Iterator[tuple[Item, Any]]:
    """``(item, submit(item))`` in input order, with at most ``window`` items submitted
    ahead of the one handed out, so a large batch never sits whole in a pool or cluster.
    Closing the iterator early cancels what is still pending."""
    todo = iter(items)
    pending: deque = deque((item, submit(item)) for item in islice(todo, window))
    try:
        while pending:
            item, handle = pending.popleft()
            for following in islice(todo, 1):
                pending.append((following, submit(following)))
            yield item, handle
    finally:
        for _, handle in pending:
            handle.cancel()


def _start_worker(settings: Settings) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:  # one BLAS thread per worker: N workers on N cores, not N x N threads
        from threadpoolctl import threadpool_limits
        threadpool_limits(1)
    except ImportError:  # threadpoolctl comes with scikit-learn; without it, go on
        pass
    worker_for(settings)


def _run_in_worker(settings: Settings, path: Path, listed: bool) -> FileResult:
    return worker_for(settings)(path, listed)


def process_files(paths: list[Path], settings: Settings, workers: int = 1,
                  listed: set[Path] | None = None) -> Iterator[FileResult]:
    """Results for ``paths`` in their order; ``workers`` > 1 uses that many processes.

    ``listed``: the files that existed when the inputs were listed (one that is gone when
    its turn comes has vanished). In one process the Worker of ``worker_for`` is used.
    """
    listed = listed or set()
    if workers <= 1 or len(paths) <= 1:
        worker = worker_for(settings)
        for path in paths:
            yield worker(path, path in listed)
        return
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else "spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_start_worker, initargs=(settings,))
    try:
        for _, future in in_order(paths, lambda path: pool.submit(
                _run_in_worker, settings, path, path in listed), 2 * workers):
            yield future.result()
    except BrokenProcessPool as err:
        raise WorkerDied(f"a worker process died ({err}); run with --workers 1 to see "
                         "why") from err
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def extract_many(paths: Iterable[str | Path], workers: int = 1, *, model: str | None = None,
                 themes: str | None = "default", theme_labels: str | None = None,
                 on_error: Callable[[InputError], None] | None = None,
                 client=None) -> Iterator[dict]:
    """Passage records (SPEC.md dicts) of every report file in ``paths`` (files or folders),
    file after file in input order, extracted in ``workers`` processes, or on the Dask
    cluster of ``client`` (a ``dask.distributed.Client``; ``workers`` is then ignored, and
    the files must be readable from the workers: see ``textmine.distributed``).

    ``themes``: ``"default"`` (the bundled theme model), a model path, or None (no theme
    prediction). A file that cannot be read or extracted is passed to ``on_error`` as an
    ``InputError`` (default: a warning) and the others go on.
    """
    report = on_error or (lambda err: warnings.warn(str(err), stacklevel=3))
    files = list(iter_input_files(paths, on_error=report))
    settings = Settings(model=model, themes=None if themes in ("default", None) else str(themes),
                        no_themes=themes is None, theme_labels=theme_labels)
    if client is not None:
        from textmine import distributed

        results = distributed.process_files(client, files, settings)
    else:
        results = process_files(files, settings, workers,
                                {path for path in files if path.exists()})
    for result in results:
        if result.error:
            report(InputError(result.path, result.error))
            continue
        for passage in result.passages:
            yield passage if isinstance(passage, dict) else passage.to_dict()
