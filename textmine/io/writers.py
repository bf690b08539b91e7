"""Writing passage records: JSONL, JSON or CSV, always atomically.

An output file is written under a temporary name in the same folder and renamed over
the final name only when it is complete (``os.replace``), so a crash, a kill or Ctrl-C
never leaves a half-written file and never destroys the previous output. ``check_output``
finds a bad output path (a missing folder, a folder, an input file) before any work is
done; ``read_records`` reads an earlier output back (for ``extract --resume``).
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterable, Iterator

from textmine.io.errors import OutputError
from textmine.records import Passage

FORMATS = ("jsonl", "json", "csv")
CSV_FIELDS = ["report", "passage_id", "start", "end", "theme_gold", "theme_predicted",
              "theme_score", "municipality", "municipality_code", "county", "text",
              "entities", "numbers", "activities", "target_groups", "outcomes"]
LIST_FIELDS = ("entities", "numbers", "activities", "target_groups", "outcomes")
STDOUT = ("-", "/dev/stdout")


def is_stdout(path: str | Path) -> bool:
    """``-o -`` and ``-o /dev/stdout`` both mean standard output."""
    return str(path) in STDOUT


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The output format: ``explicit`` if given, else from the file extension."""
    fmt = explicit or Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"{path}: unknown output format {fmt!r}; use one of {', '.join(FORMATS)} "
                         "(by extension or --format)")
    return fmt


def errors_path_for(path: str | Path) -> Path:
    """Where a batch writes its per-file errors: ``out.jsonl`` -> ``out.errors.jsonl``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.errors.jsonl")


def check_output(path: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Raise ``OutputError`` if ``path`` cannot be written or is one of the ``inputs``."""
    if is_stdout(path):
        return
    path = Path(path)
    if path.is_dir():
        raise OutputError(path, "is a folder; give a file name, such as "
                                f"{path / 'passages.jsonl'}")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputError(path, f"the folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(path, f"{parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(path, f"cannot write in the folder {parent} (permission denied)")
    if path.exists() and not path.is_file():
        raise OutputError(path, "exists and is not a regular file")
    target = path.resolve()
    for source in map(Path, inputs):
        same = source.resolve() == target
        if not same and path.exists() and source.exists():
            with contextlib.suppress(OSError):
                same = os.path.samefile(source, path)
        if same:
            raise OutputError(path, "is also an input file; writing the output there would "
                                    "destroy that input")


@contextlib.contextmanager
def atomic_write(path: str | Path, newline: str | None = "") -> Iterator[IO[str]]:
    """A text handle on a temporary file that replaces ``path`` only when the block ends
    without an exception; on an exception the temporary file is removed and ``path`` is
    left as it was."""
    handle = _temporary(Path(path), newline)
    try:
        yield handle
    except BaseException:
        _discard(handle)
        raise
    _commit(handle, Path(path))


def _temporary(path: Path, newline: str | None) -> IO[str]:
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline=newline, dir=path.parent if str(path.parent) else ".",
        prefix=f".{path.name}.", suffix=".tmp", delete=False)
    mode = _mode_for(path)
    with contextlib.suppress(OSError):
        os.chmod(handle.name, mode)
    return handle


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or those a new file gets (umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _commit(handle: IO[str], path: Path) -> None:
    try:
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(handle.name, path)
    except BaseException:
        _discard(handle)
        raise


def _discard(handle: IO[str]) -> None:
    with contextlib.suppress(OSError):
        handle.close()
    with contextlib.suppress(OSError):
        os.unlink(handle.name)


class RecordWriter:
    """Records written as they come, to a temporary file that becomes ``path`` on
    ``commit()`` (``abort()`` removes it). ``"-"`` writes to standard output.

    JSONL and CSV stream; JSON groups records by report, so it is written at the end.
    """

    def __init__(self, path: str | Path, fmt: str) -> None:
        self.path, self.fmt = str(path), fmt
        self.count = 0
        self._groups: dict[str, list[dict]] = {}
        if is_stdout(self.path):
            self._handle: IO[str] = sys.stdout
            self._temporary = False
        else:
            self._handle = _temporary(Path(self.path), "")
            self._temporary = True
        if fmt == "csv":
            csv.DictWriter(self._handle, fieldnames=CSV_FIELDS).writeheader()

    def add(self, passages: Iterable[Passage]) -> None:
        """Write the records of these passages."""
        self._write([passage.to_dict() for passage in passages])

    def add_existing(self, items: Iterable[dict]) -> None:
        """Write records read back by ``read_records`` (rows for CSV, records otherwise)."""
        self._write(list(items), rows=True)

    def _write(self, records: list[dict], rows: bool = False) -> None:
        """A report's records in one write, so an interrupt splits no report."""
        if self.fmt == "json":
            for record in records:
                self._groups.setdefault(record["report"], []).append(record)
        elif self.fmt == "jsonl":
            self._handle.write("".join(json.dumps(record, ensure_ascii=False) + "\n"
                                       for record in records))
        else:
            buffer = io.StringIO(newline="")
            csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore").writerows(
                records if rows else map(csv_row, records))
            self._handle.write(buffer.getvalue())
        self.count += len(records)

    def commit(self) -> None:
        """Finish the output and put it in place."""
        if self.fmt == "json":
            payload = [{"report": name, "passages": items} for name, items in self._groups.items()]
            json.dump(payload, self._handle, ensure_ascii=False, indent=1)
            self._handle.write("\n")
        if self._temporary:
            _commit(self._handle, Path(self.path))
        else:
            self._handle.flush()

    def abort(self) -> None:
        """Throw the temporary file away; the previous output stays as it was."""
        if self._temporary:
            _discard(self._handle)


def write_passages(passages: list[Passage], path: str | Path, fmt: str) -> None:
    """Write records as JSONL (one per line), JSON (grouped by report) or CSV (one row each),
    atomically (the file appears whole or not at all)."""
    writer = RecordWriter(path, fmt)
    try:
        writer.add(passages)
    except BaseException:
        writer.abort()
        raise
    writer.commit()


def read_records(path: str | Path, fmt: str) -> list[dict]:
    """An earlier output read back: records (JSONL, JSON) or rows (CSV); each has ``report``.

    Raises ``OutputError`` if the file is not an output of that format.
    """
    path = Path(path)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            if fmt == "csv":
                reader = csv.DictReader(handle)
                if reader.fieldnames != CSV_FIELDS:
                    raise OutputError(path, "is not a textmine CSV output (other columns)")
                return list(reader)
            if fmt == "json":
                payload = json.load(handle)
                return [record for group in payload for record in group["passages"]]
            return [json.loads(line) for line in handle if line.strip()]
    except OutputError:
        raise
    except (ValueError, KeyError, TypeError) as err:
        raise OutputError(path, f"cannot be read back as {fmt.upper()} output ({err})") from err
    except OSError as err:
        raise OutputError(path, f"cannot be read ({err.strerror or err})") from err


def csv_row(record: dict) -> dict[str, object]:
    """A record as a CSV row: the passage table's columns, with the lists as JSON."""
    from textmine.tables import passage_row

    row = passage_row(record)
    return {**{key: row[key] for key in CSV_FIELDS if key not in LIST_FIELDS},
            **{key: json.dumps(record[key], ensure_ascii=False) for key in LIST_FIELDS}}
