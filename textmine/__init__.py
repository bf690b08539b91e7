"""textmine: structured, measured data from Swedish public-sector activity reports.

    import textmine
    report = textmine.read_report("report.txt")       # passages with theme + municipality
    textmine.extract(report)                          # entities, numbers, activities, themes
    rows = [p.to_dict() for p in report.passages]
    frames = textmine.to_frames(report.passages)    # pandas tables (textmine[tables])
    rows = list(textmine.extract_many(["reports/"], workers=2))   # many files, in processes
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

__version__ = "0.1.0"

if TYPE_CHECKING:
    from spacy.language import Language

    from textmine.segment import Report

__all__ = ["__version__", "load", "read_report", "extract", "extract_many", "to_frames"]


def load(name: str | Path | None = None) -> "Language":
    """The Swedish pipeline with textmine's components (default: the bundled model)."""
    from textmine.pipeline.load import load as _load

    return _load(name)


def read_report(path: str | Path, themes: dict[str, str] | None = None) -> "Report":
    """Read a report file (any encoding, .txt/.md/.html/.pdf) and segment it into passages."""
    from textmine.io import read_document, report_id_for
    from textmine.segment import Segmenter

    document = read_document(path)
    segmenter = Segmenter(themes) if themes is not None else _bundled().segmenter
    return segmenter.segment(document.text, report_id_for(path), document.title)


def extract(report: "Report", nlp: "Language | None" = None, themes="default") -> "Report":
    """Fill every field of the report's passages; ``themes=None`` skips theme prediction."""
    from textmine.fill import extract_report

    if themes == "default":
        themes = _bundled().themes
    return extract_report(report, nlp or _bundled().nlp, themes)


def to_frames(records) -> dict:
    """Records (``Passage`` objects or their dicts) as pandas DataFrames: passages, numbers,
    entities, activities, outcomes, joined by ``report`` + ``passage_id`` (needs pandas)."""
    from textmine.tables import to_frames as _to_frames

    return _to_frames(records)


def extract_many(paths: "Iterable[str | Path]", workers: int = 1, *, model: str | None = None,
                 themes: "str | Path | None" = "default", theme_labels: str | None = None,
                 on_error: "Callable | None" = None, client=None) -> "Iterator[dict]":
    """Passage records of every report file in ``paths`` (files or folders), in input
    order, extracted in ``workers`` processes (each loads the pipeline once), or on the Dask
    cluster of ``client`` (a ``dask.distributed.Client``; ``pip install "textmine[dask]"``).
    A file that fails goes to ``on_error`` (an ``InputError``; default: a warning), the
    rest go on."""
    from textmine.batch import extract_many as _extract_many

    return _extract_many(paths, workers, model=model, themes=themes,
                         theme_labels=theme_labels, on_error=on_error, client=client)


def _bundled():
    """The process's Worker for the bundled model, themes and labels (``textmine.batch``):
    one cache for the library and the batches, each part loaded when first needed, so
    extracting report after report does not reload anything."""
    from textmine.batch import Settings, worker_for

    return worker_for(Settings(), load=False)
