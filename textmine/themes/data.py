"""Labelled passages for training and evaluating theme classifiers.

Two kinds of input: heading-structured report texts (the theme heading is the label,
the municipality the group; ``textmine.segment``), and tables of text + label as CSV
or JSONL (column names configurable, an optional group column; without one every
row is its own group). The labels are whatever the data holds.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from textmine.io import read_text
from textmine.segment import Segmenter

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json")


class DataError(Exception):
    """Labelled data that cannot be used; the message says why."""


@dataclass
class Columns:
    """Names of the text, label and (optional) group columns of a table."""

    text: str = "text"
    label: str = "label"
    group: str | None = None
    secondary: str | None = None  # a second theme the passage is also about


@dataclass
class LabelledData:
    """Parallel lists of passage texts, labels and groups (e.g. municipality codes)."""

    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    secondary: list[str | None] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # rows skipped and why

    def extend(self, other: "LabelledData") -> None:
        self.texts += other.texts
        self.labels += other.labels
        self.groups += other.groups
        self.sources += other.sources
        self.secondary += other.secondary
        self.warnings += other.warnings

    def without(self, labels: Iterable[str]) -> "LabelledData":
        """The passages whose label is not one of ``labels`` (e.g. ``annat``)."""
        drop = set(labels)
        keep = [i for i, label in enumerate(self.labels) if label not in drop]
        return LabelledData(*([getattr(self, name)[i] for i in keep]
                              for name in ("texts", "labels", "groups", "sources", "secondary")),
                            warnings=list(self.warnings))

    def __len__(self) -> int:
        return len(self.texts)

    def labels_array(self):
        """The labels as the object array scikit-learn's splitters and scorers take."""
        import numpy as np

        return np.asarray(self.labels, dtype=object)


def load_labelled(paths: Iterable[str | Path], columns: Columns | None = None,
                  themes: dict[str, str] | None = None) -> LabelledData:
    """Labelled passages from report texts and/or CSV/JSONL tables."""
    columns = columns or Columns()
    data = LabelledData()
    for path in paths:
        path = Path(path)
        if path.suffix.lower() in TABLE_SUFFIXES:
            data.extend(_from_table(path, columns))
        else:
            data.extend(_from_report(path, themes))
    if not data.texts:
        raise DataError("no labelled passages found in the input")
    return data


def bundled_report(report_id: str = "pa-gang-i-uppdraget") -> LabelledData:
    """The bundled report's passages, labelled by their theme headings."""
    from textmine.corpus import load_report

    report = load_report(report_id)
    return _passages(report.passages, report_id)


def _from_report(path: Path, themes: dict[str, str] | None) -> LabelledData:
    report = Segmenter(themes).segment(read_text(path), path.stem)
    data = _passages(report.passages, str(path))
    if not data.texts:
        raise DataError(f"{path}: no passage under a theme heading (is it heading-structured? "
                        "pass --theme-labels for other theme headings)")
    return data


def _passages(passages, source: str) -> LabelledData:
    data = LabelledData()
    for passage in passages:
        if passage.theme.gold is None:
            continue
        group = (passage.municipality.code if passage.municipality
                 else f"{source}#{passage.passage_id}")
        data.texts.append(passage.text)
        data.labels.append(passage.theme.gold)
        data.groups.append(f"{source}:{group}")
        data.sources.append(source)
        data.secondary.append(None)
    return data


def _from_table(path: Path, columns: Columns) -> LabelledData:
    rows = list(_rows(path))
    delimited = path.suffix.lower() in DELIMITED  # JSON's null is a value, not a ragged row
    data = LabelledData()
    empty: list[int] = []
    ragged: list[int] = []
    for number, row in enumerate(rows, 1):
        missing = [c for c in (columns.text, columns.label) if c not in row]
        if missing:
            raise DataError(f"{path}: row {number} has no column {', '.join(missing)} "
                            f"(columns: {', '.join(map(str, row))}; use --text-column/"
                            "--label-column)")
        if delimited and (None in row or any(value is None for value in row.values())):
            ragged.append(number)  # csv: more or fewer fields than the header
        text, label = str(row[columns.text] or "").strip(), str(row[columns.label] or "").strip()
        if not text or not label:
            empty.append(number)
            continue
        group = row.get(columns.group) if columns.group else None
        data.texts.append(text)
        data.labels.append(label)
        data.groups.append(f"{path}:{group if group not in (None, '') else number}")
        data.sources.append(str(path))
        second = row.get(columns.secondary) if columns.secondary else None
        data.secondary.append(str(second).strip() or None if second not in (None, "") else None)
    if ragged:
        data.warnings.append(f"{path}: {len(ragged)} row(s) with more or fewer fields than "
                             f"the header (rows {_numbers(ragged)}); check the quoting")
    if empty:
        data.warnings.append(f"{path}: {len(empty)} row(s) without text or label skipped "
                             f"(rows {_numbers(empty)})")
    return data


def _numbers(rows: list[int], most: int = 10) -> str:
    shown = ", ".join(map(str, rows[:most]))
    return shown + (", ..." if len(rows) > most else "")


DELIMITED = (".csv", ".tsv")


def _rows(path: Path) -> Iterable[dict]:
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix in DELIMITED:
        dialect = "excel-tab" if suffix == ".tsv" else "excel"
        yield from csv.DictReader(text.splitlines(), dialect=dialect)
    elif suffix == ".json":
        records = json.loads(text)
        if not isinstance(records, list):
            raise DataError(f"{path}: expected a JSON list of objects")
        yield from records
    else:
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as err:
                    raise DataError(f"{path}: line {number} is not JSON ({err.msg})") from err


def add_data_arguments(parser) -> None:
    """The command-line options that say how to read labelled data (train and evaluate)."""
    parser.add_argument("--text-column", default="text", help="CSV/JSONL column of the text")
    parser.add_argument("--label-column", default="label", help="CSV/JSONL column of the theme")
    parser.add_argument("--group-column", default=None,
                        help="CSV/JSONL column grouping rows for grouped CV (e.g. municipality)")
    parser.add_argument("--secondary-column", default=None,
                        help="CSV/JSONL column of a second theme; scores that accept it are "
                             "reported beside the strict ones")
    parser.add_argument("--ignore-label", action="append", default=[], metavar="LABEL",
                        help="leave out passages with this label (e.g. annat); repeatable")
    parser.add_argument("--theme-labels", metavar="CSV",
                        help="CSV id,label of the theme headings of the input reports")
