"""``textmine extract PATH... -o OUT``: passage records for every report file.

Before any work, the inputs are listed and the output is checked (a missing folder, a
folder, an input file as output: exit 2). Then every file is read and extracted on its
own: a file that cannot be read or fails is reported on stderr and skipped, and the others
are written. At the end a summary names every failed file, the same list is written
beside the output as ``OUT.errors.jsonl`` (one JSON object per failed file), and the exit
code is 1 if anything failed.

The output is written atomically: it appears whole when the batch ends, and a crash never
leaves a half-written file or destroys the previous output. Ctrl-C stops the batch and
writes the records of the files finished so far (exit 130); ``--resume`` then goes on
from there. ``--resume`` identifies finished files by their report id (the file name, as
``report_id_for`` makes it, which every record carries in ``report``): the records of an
earlier output are kept, and input files whose report id is among them are skipped.

``--scheduler ADDRESS`` runs the batch on a Dask cluster (``textmine.distributed``) and
writes partitioned Parquet into the folder ``-o OUT_DIR``, with the same error reporting.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from textmine.batch import FileResult, Settings, WorkerDied, process_files, worker_for
from textmine.cli.common import say_skipped
from textmine.io import FORMATS, OutputError, RecordWriter, atomic_write, check_output, \
    errors_path_for, format_for, is_stdout, iter_input_files, read_records, report_id_for


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract", help="write passage records (JSONL, JSON or CSV)",
        description="Segment report files and write one record per passage with theme, "
                    "municipality, entities, numbers, activities and outcomes.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="report files, or folders (all .txt/.md/.html/.htm/.docx/.pdf "
                             "inside, recursively)")
    parser.add_argument("-o", "--output", default="-",
                        help="output file; the format follows its extension (default: JSONL "
                             "on standard output). Failed files are listed in "
                             "OUT.errors.jsonl beside it")
    parser.add_argument("--format", choices=FORMATS, help="output format, overriding the extension")
    parser.add_argument("--resume", action="store_true",
                        help="keep the records already in OUT and skip the input files they "
                             "come from (matched by report id, i.e. file name)")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="extract in N processes, each loading the pipeline once "
                             "(default 1)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on the Dask cluster whose scheduler is at ADDRESS (e.g. "
                             "tcp://host:8786; needs textmine[dask]) and write partitioned "
                             "Parquet into the folder -o OUT_DIR: OUT_DIR/<table>/part-*.parquet"
                             ". Start the cluster with 'dask scheduler' on one machine and "
                             "'dask worker ADDRESS --nthreads 1' on each machine; every worker "
                             "needs textmine installed and must read the input files at the "
                             "same paths (a shared filesystem)")
    parser.add_argument("--model", default=None,
                        help="language pipeline: the bundled model (default), 'stanza', an "
                             "installed spaCy package or a path")
    parser.add_argument("--themes", metavar="MODEL", default=None,
                        help="theme classifier file (default: the bundled model)")
    parser.add_argument("--no-themes", action="store_true", help="do not predict themes")
    parser.add_argument("--theme-labels", metavar="CSV",
                        help="CSV with columns id,label: heading labels of the reports' themes")
    parser.set_defaults(func=run)


@dataclass
class Batch:
    """What a batch did: files done, passages and words written, and what failed."""

    total: int = 0
    processed: int = 0  # input files tried, done or failed
    done: int = 0
    passages: int = 0
    words: int = 0
    failures: list[dict] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def fail(self, path: str | Path, problem: str, detail: str | None = None) -> None:
        say_skipped(f"{path}: {problem}")
        entry = {"path": str(path), "error": problem}
        if detail:
            entry["detail"] = detail
        self.failures.append(entry)

    def add(self, result: FileResult, writer: RecordWriter) -> None:
        """Write a file's records, or record its failure."""
        self.processed += 1
        if result.error:
            self.fail(result.path, result.error, result.detail)
            return
        writer.add(result.passages)
        self.done += 1
        self.passages += len(result.passages)
        self.words += result.words

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.words / elapsed if elapsed > 0 else 0.0


def run(args: argparse.Namespace) -> int:
    if args.scheduler:
        return _run_on_cluster(args)
    to_stdout = is_stdout(args.output)
    try:
        check_output(args.output)  # a folder or a missing folder: said before the format
        fmt = format_for(args.output, args.format or ("jsonl" if to_stdout else None))
    except OutputError as err:
        print(f"error: output {err}", file=sys.stderr)
        return 2
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("error: --workers must be 1 or more", file=sys.stderr)
        return 2
    batch = Batch()
    files = list(iter_input_files(args.paths, on_error=lambda e: batch.fail(e.path, e.problem)))
    listed = {path for path in files if path.exists()}
    try:
        check_output(args.output, files)
        if args.resume and to_stdout:
            raise OutputError("-", "--resume needs an output file (-o OUT)")
        kept = _earlier_records(args.output, fmt) if args.resume else []
    except OutputError as err:
        print(f"error: output {err}", file=sys.stderr)
        return 2
    done_ids = {item["report"] for item in kept}
    todo = [path for path in files if report_id_for(path) not in done_ids]
    if args.resume:
        print(f"resuming: {len(kept)} records of {len(done_ids)} report(s) kept from "
              f"{args.output}; {len(files) - len(todo)} file(s) skipped", file=sys.stderr)
    _warn_same_ids(todo)
    settings = _settings(args)
    try:
        _check_settings(settings, in_process=args.workers == 1 or len(todo) <= 1)
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    batch.total = len(todo)
    batch.started = time.monotonic()  # words/s of extraction, not of loading the model
    writer = RecordWriter(args.output, fmt)
    try:
        writer.add_existing(kept)  # all or nothing: a Ctrl-C here keeps the old output
    except BaseException:
        writer.abort()
        raise
    stopped = _write_all(process_files(todo, settings, args.workers, listed),
                         batch, writer)
    _write_errors(args.output, batch.failures, to_stdout)
    return _summary(batch, args.output, stopped=stopped)


def _write_all(results, batch: Batch, writer) -> str | None:
    """Write every file's records as they come (progress on a terminal), then commit the
    output; why the batch stopped early (Ctrl-C, a dead worker), if it did."""
    progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
    stopped = None
    try:
        for result in results:
            batch.add(result, writer)
            if progress:
                progress.show(batch, Path(result.path))
    except KeyboardInterrupt:
        stopped = "interrupted"
    except WorkerDied as err:
        stopped = "stopped"
        print(f"error: {err}", file=sys.stderr)
    except BaseException:
        writer.abort()
        raise
    if progress:
        progress.end()
    writer.commit()
    return stopped


def _run_on_cluster(args: argparse.Namespace) -> int:
    """``--scheduler``: the batch on a Dask cluster, written as partitioned Parquet."""
    from textmine import distributed

    refused = ("-o OUT_DIR is needed: --scheduler writes Parquet parts into a folder"
               if is_stdout(args.output) else
               "--scheduler writes partitioned Parquet; leave out --format" if args.format else
               "--resume is not available with --scheduler" if args.resume else
               "--workers is for local runs; a cluster's workers are started with "
               "'dask worker'" if args.workers != 1 else None)
    if refused:
        print(f"error: {refused}", file=sys.stderr)
        return 2
    batch = Batch()
    files = list(iter_input_files(args.paths, on_error=lambda e: batch.fail(e.path, e.problem)))
    try:
        distributed.check_output_dir(args.output, files)
    except OutputError as err:
        print(f"error: output {err}", file=sys.stderr)
        return 2
    _warn_same_ids(files)
    settings = _settings(args)
    try:
        _check_settings(settings, in_process=False)
        writer = distributed.PartWriter(args.output)
    except (OSError, ValueError, ImportError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    try:
        client = distributed.connect(args.scheduler)
    except (ConnectionError, ImportError, ValueError) as err:
        writer.abort()
        print(f"error: {err}", file=sys.stderr)
        return 2
    batch.total = len(files)
    batch.started = time.monotonic()
    with client:
        stopped = _write_all(distributed.process_files(client, files, settings), batch, writer)
    _write_errors(args.output, batch.failures, to_stdout=False)
    return _summary(batch, args.output, stopped=stopped, resumable=False)


def _summary(batch: Batch, output: str, stopped: str | None, resumable: bool = True) -> int:
    """The closing lines on stderr, and the exit code."""
    to_stdout = is_stdout(output)
    seconds = time.monotonic() - batch.started
    print(f"{batch.done} file(s), {batch.passages} passages written to "
          f"{'standard output' if to_stdout else output} ({seconds:.1f} s, "
          f"{batch.rate():,.0f} words/s)", file=sys.stderr)
    if batch.failures:
        print(f"{len(batch.failures)} file(s) failed; the records of the others were written:",
              file=sys.stderr)
        for failure in batch.failures:
            print(f"  {failure['path']}: {failure['error']}", file=sys.stderr)
        if not to_stdout:
            print(f"  (listed in {errors_path_for(output)})", file=sys.stderr)
    if stopped:
        left = batch.total - batch.processed
        print(f"{stopped}: {batch.done} of {batch.total} file(s) done and written"
              + ("" if to_stdout or not resumable else
                 f"; run again with --resume to do the other {left}"),
              file=sys.stderr)
        return 130 if stopped == "interrupted" else 1
    return 1 if batch.failures else 0


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(model=args.model, themes=args.themes, no_themes=args.no_themes,
                    theme_labels=args.theme_labels)


def _check_settings(settings: Settings, in_process: bool) -> None:
    """Load what one process needs now (or, for worker processes, check the theme model
    here), so a bad --themes or --model is found before the batch starts."""
    from textmine.themes import ModelLoadError, load_model

    try:
        if in_process:
            worker_for(settings)
        elif not settings.no_themes:
            load_model(settings.themes)
    except ModelLoadError as err:
        raise ValueError(f"--themes: {err}") from err


def _earlier_records(output: str, fmt: str) -> list[dict]:
    path = Path(output)
    return read_records(path, fmt) if path.exists() else []


def _warn_same_ids(paths: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in paths:
        report_id = report_id_for(path)
        if report_id in seen:
            print(f"warning: {seen[report_id]} and {path} get the same report id "
                  f"{report_id!r}; their records can only be told apart by passage order",
                  file=sys.stderr)
        seen.setdefault(report_id, path)


def _write_errors(output: str, failures: list[dict], to_stdout: bool) -> None:
    """OUT.errors.jsonl: one object per failed file; removed when nothing failed."""
    if to_stdout:
        return
    path = errors_path_for(output)
    if not failures:
        path.unlink(missing_ok=True)  # a stale list from an earlier run would mislead
        return
    with atomic_write(path) as handle:
        for failure in failures:
            handle.write(json.dumps(failure, ensure_ascii=False) + "\n")


class _Progress:
    """One line on a terminal, rewritten after every file: files, passages, words/s."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def show(self, batch: Batch, path: Path) -> None:
        line = (f"[{batch.processed}/{batch.total}] {batch.passages} passages, "
                f"{batch.rate():,.0f} words/s, {len(batch.failures)} failed  {path.name}")
        self.stream.write("\r\033[K" + line[:200])
        self.stream.flush()

    def end(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()
