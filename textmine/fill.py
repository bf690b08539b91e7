"""From a segmented report to filled passage records.

The language pipeline (``textmine.load()``) runs once over all passages of a report,
with each passage's municipality attached as context; the extraction components have
left their results in Doc extensions, which are copied into the records here. A theme
classifier, when given, fills ``theme.predicted`` and ``theme.scores``.
"""
from __future__ import annotations

from typing import Protocol, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from textmine.pipeline.context import make_doc
from textmine.records import Passage
from textmine.segment import Report

BATCH_SIZE = 32


class ThemeScorer(Protocol):
    """What extraction needs of a theme classifier (see ``textmine.themes``)."""

    classes_: Sequence[str]

    def predict_proba(self, X: Sequence[Doc | str]): ...


def extract_report(report: Report, nlp: Language, themes: ThemeScorer | None = None) -> Report:
    """Fill entities, numbers, activities, target groups, outcomes (and themes) in place."""
    docs = list(nlp.pipe((make_doc(nlp, p.text, p.municipality) for p in report.passages),
                         batch_size=BATCH_SIZE))
    for passage, doc in zip(report.passages, docs):
        fill_passage(passage, doc)
    if themes is not None and docs:
        predict_themes(report.passages, docs, themes)
    return report


def fill_passage(passage: Passage, doc: Doc) -> None:
    """Copy the extraction components' results from ``doc`` into ``passage``."""
    passage.entities = list(_extension(doc, "entities"))
    passage.numbers = list(_extension(doc, "numbers"))
    passage.activities = list(_extension(doc, "activities"))
    passage.target_groups = list(_extension(doc, "target_groups"))
    passage.outcomes = list(_extension(doc, "outcomes"))


def predict_themes(passages: list[Passage], docs: list[Doc], themes: ThemeScorer) -> None:
    """Best theme and the full score table for every passage."""
    probabilities = themes.predict_proba(docs)
    labels = list(themes.classes_)
    for passage, row in zip(passages, probabilities):
        scores = {label: round(float(p), 4) for label, p in zip(labels, row)}
        passage.theme.scores = scores
        passage.theme.predicted = max(scores, key=scores.get)


def _extension(doc: Doc, name: str) -> list:
    return (getattr(doc._, name) or []) if Doc.has_extension(name) else []
