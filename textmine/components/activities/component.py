"""The ``textmine_activities`` component: SPEC.md's activity types, each tied to its
sentence and evidence, in ``doc._.activities``, and the sentences that report an effect in
``doc._.outcomes``.

It reads ``doc._.numbers`` (run ``textmine_numbers`` before it; without it the bundled
number rules run here) to tell a count of people reached. Its patterns are data
(``activity_patterns.json``, ``outcome_patterns.json``), carried by the component.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from textmine.components import extensions  # noqa: F401  (registers the extensions)
from textmine.components.activities.recognizer import DATA_FILES, ActivityRecognizer
from textmine.components.base import DataComponent, results
from textmine.records import Activity
from textmine.resources import Resources


class ActivitiesComponent(DataComponent):
    """Activity records and outcome sentences of a Doc."""

    DATA_FILES = DATA_FILES

    def build(self, resources: Resources) -> ActivityRecognizer:
        return ActivityRecognizer(resources)

    def __call__(self, doc: Doc) -> Doc:
        return self.rules(doc)


@Language.factory(
    "textmine_activities",
    assigns=["doc._.activities", "doc._.outcomes"],
    requires=["doc._.numbers"],
    default_config={"data_dir": None},
)
def make_activities(nlp: Language, name: str, data_dir: str | None) -> ActivitiesComponent:
    """``nlp.add_pipe("textmine_activities")``; ``data_dir``: a folder with its data files."""
    return ActivitiesComponent(nlp, name, data_dir)


@lru_cache(maxsize=1)
def _default() -> ActivityRecognizer:
    return ActivityRecognizer()


def extract_activities(doc: Doc) -> Iterator[Activity]:
    """Activity records of ``doc``, the first evidence of each type."""
    yield from results(doc, "activities", _default())


def extract_outcomes(doc: Doc) -> Iterator[str]:
    """Sentences of ``doc`` that report an effect."""
    yield from results(doc, "outcomes", _default())
