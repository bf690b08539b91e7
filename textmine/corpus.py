"""The reports and gold annotations bundled with textmine.

Reports live in ``corpus/reports/`` as ``NAME.txt`` with a ``NAME.json`` metadata file
(title, publisher, language, source); gold files in ``corpus/gold/``. The folder is
installed as the package ``textmine.corpus_files``, so this works from a clone and from
an installed wheel alike.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from textmine.io import normalise
from textmine.segment import Report, Segmenter


@dataclass(frozen=True)
class ReportInfo:
    """Metadata of a bundled report."""

    id: str
    title: str
    publisher: str
    language: str
    source: str
    file: str


def _root() -> Traversable:
    return resources.files("textmine.corpus_files")


def list_reports() -> list[ReportInfo]:
    """Metadata of every bundled report, sorted by id."""
    infos = []
    for entry in _root().joinpath("reports").iterdir():
        if entry.name.endswith(".json"):
            meta = json.loads(entry.read_text(encoding="utf-8"))
            infos.append(ReportInfo(**{k: meta[k] for k in ReportInfo.__dataclass_fields__}))
    return sorted(infos, key=lambda info: info.id)


def report_info(report_id: str) -> ReportInfo:
    for info in list_reports():
        if info.id == report_id:
            return info
    known = ", ".join(info.id for info in list_reports())
    raise KeyError(f"no bundled report {report_id!r}; bundled: {known}")


def report_text(report_id: str) -> str:
    """The normalised text of a bundled report."""
    info = report_info(report_id)
    return normalise(_root().joinpath("reports", info.file).read_text(encoding="utf-8"))


def load_report(report_id: str = "pa-gang-i-uppdraget") -> Report:
    """A bundled report, segmented into passages with their gold themes."""
    return Segmenter().segment(report_text(report_id), report_id)


def gold_path(name: str) -> Traversable:
    """A gold file, e.g. ``gold_path("segments.jsonl")`` or ``"extraction/dev.jsonl"``."""
    return _root().joinpath("gold", *name.split("/"))


def read_jsonl(name: str) -> list[dict]:
    """The records of a bundled gold JSONL file."""
    text = gold_path(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
