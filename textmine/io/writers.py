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
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(self._handle, fieldnames=CSV_FIELDS)
            self._csv.writeheader()

    def add(self, passages: Iterable[Passage]) -> None:
        """Write the records of these passages."""
        passages = list(passages)
        if self.fmt == "csv":  # a report's rows in one write, so an interrupt splits no report
            buffer = io.StringIO(newline="")
            csv.DictWriter(buffer, fieldnames=CSV_FIELDS).writerows(map(_csv_row, passages))
            self._handle.write(buffer.getvalue())
        elif self.fmt == "jsonl":
            self._handle.write("".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n"
                                       for p in passages))
        else:
            for passage in passages:
                self._add_record(passage.to_dict())
        self.count += len(passages)

    def add_existing(self, items: Iterable[dict]) -> None:
        """Write records read back by ``read_records`` (rows for CSV, records otherwise)."""
        for item in items:
            if self.fmt == "csv":
                self._csv.writerow({key: item.get(key, "") for key in CSV_FIELDS})
            else:
                self._add_record(item)
            self.count += 1

    def _add_record(self, record: dict) -> None:
        if self.fmt == "jsonl":
            self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            self._groups.setdefault(record["report"], []).append(record)

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


def _csv_row(passage: Passage) -> dict[str, object]:
    data = passage.to_dict()
    theme, municipality = data["theme"], data["municipality"] or {}
    predicted = theme["predicted"]
    return {
        "report": passage.report, "passage_id": passage.passage_id,
        "start": passage.start, "end": passage.end,
        "theme_gold": theme["gold"] or "", "theme_predicted": predicted or "",
        "theme_score": theme["scores"].get(predicted, "") if predicted else "",
        "municipality": municipality.get("name", ""),
        "municipality_code": municipality.get("code", ""),
        "county": municipality.get("county", ""), "text": passage.text,
        **{key: json.dumps(data[key], ensure_ascii=False)
           for key in ("entities", "numbers", "activities", "target_groups", "outcomes")},
    }
