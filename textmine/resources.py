"""One loader for textmine's data files (word lists, patterns, gazetteers).

The rule components do not read files from module-level caches: each holds a
``Resources`` object, filled in ``initialize()`` from the bundled package data (or a
folder of the user's) and written to / read from a saved pipeline by ``to_disk`` /
``from_disk``. A pipeline saved with textmine's components thus carries its own data.

``Resources`` parses each file once (JSON, lines, CSV rows) and memoises anything built
from it (``cached``), so a component builds its rule tables once.
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources as _package
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")
PACKAGE = "textmine.data"


class DataFileError(Exception):
    """A data file that is missing or cannot be parsed; the message names it."""


class Resources:
    """The text of a set of data files, parsed on demand and memoised."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = dict(files)
        self._memo: dict[str, Any] = {}

    # -- construction -------------------------------------------------------------
    @classmethod
    def bundled(cls, names: Iterable[str]) -> "Resources":
        """The named files from textmine's package data."""
        return cls({name: package_text(name) for name in names})

    @classmethod
    def from_dir(cls, path: str | Path, names: Iterable[str]) -> "Resources":
        """The named files from a folder (a saved component, or a user's own data)."""
        path = Path(path)
        files = {}
        for name in names:
            file = path / name
            if not file.is_file():
                raise DataFileError(f"{file}: data file missing")
            files[name] = file.read_text(encoding="utf-8")
        return cls(files)

    def to_dir(self, path: str | Path) -> None:
        """Write every file into ``path`` (subfolders as in the names)."""
        for name, text in self.files.items():
            file = Path(path) / name
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")

    # -- parsed views ---------------------------------------------------------------
    def text(self, name: str) -> str:
        try:
            return self.files[name]
        except KeyError:
            raise DataFileError(f"{name}: not among this component's data files "
                                f"({', '.join(sorted(self.files))})") from None

    def json(self, name: str) -> Any:
        return self.cached(f"json:{name}", lambda: _parse_json(name, self.text(name)))

    def lines(self, name: str) -> list[str]:
        """Non-empty, non-comment lines, stripped."""
        return list(self.cached(f"lines:{name}", lambda: tuple(data_lines(self.text(name)))))

    def rows(self, name: str) -> list[dict[str, str]]:
        """CSV rows as dicts (the header names the keys); '#' lines are comments."""
        return self.cached(f"rows:{name}", lambda: list(csv.DictReader(
            line for line in self.text(name).splitlines() if not line.startswith("#"))))

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """``build()`` once per key: rule tables built from these files."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]


def data_lines(text: str) -> Iterable[str]:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def package_text(name: str) -> str:
    """Text of a bundled data file (works from a clone and from a wheel)."""
    try:
        return _package.files(PACKAGE).joinpath(*name.split("/")).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"{name}: no such bundled data file") from None


@lru_cache(maxsize=None)
def bundled(*names: str) -> Resources:
    """A shared ``Resources`` of bundled files, for the plain functions that run
    without a pipeline component (``parse_number``, ``extract_entities`` on a Doc)."""
    return Resources.bundled(names)


def _parse_json(name: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise DataFileError(f"{name}: not valid JSON ({err})") from err
