"""The ``textmine_activities`` component: SPEC.md's activity types, each tied to its
sentence and evidence, in ``doc._.activities``, and the sentences that report an effect in
``doc._.outcomes``.

It reads ``doc._.numbers`` (run ``textmine_numbers`` before it; without it the bundled
number rules run here) to tell a count of people reached. Its patterns are data
(``activity_patterns.json``, ``outcome_patterns.json``), carried by the component.

With ``hit_filter`` on, a filter trained on real text (``models/activities``,
``hit_filter``) drops the rule hits that are mere mentions (background, plans, what
another body does). It is off by default: it gains on real web text (grouped CV on
real-dev) but costs the report-style text the rules were written on (README, Activities).
The component carries the model, so a saved pipeline keeps it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import srsly

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList

from textmine.components import extensions  # noqa: F401  (registers the extensions)
from textmine.components.activities.recognizer import DATA_FILES, ActivityRecognizer
from textmine.components.base import DataComponent, results
from textmine.records import Activity
from textmine.resources import Resources

if TYPE_CHECKING:  # the filter needs scikit-learn: imported only when it is switched on
    from textmine.components.activities.hit_filter import HitFilter


class ActivitiesComponent(DataComponent):
    """Activity records and outcome sentences of a Doc."""

    DATA_FILES = DATA_FILES
    FILTER_FILE = "hit_filter.skops"

    def __init__(self, nlp: Language, name: str, data_dir: str | None = None,
                 use_filter: bool = False) -> None:
        super().__init__(nlp, name, data_dir)
        self.use_filter = use_filter
        self.filter_bytes: bytes | None = None  # the model's skops file, carried

    def use_hit_filter(self, on: bool = True) -> None:
        """Switch the learned hit filter on or off (``textmine.load()`` builds the
        component with the config's default)."""
        self.use_filter = on
        self._rules = None  # rebuilt on next use

    def build(self, resources: Resources) -> ActivityRecognizer:
        recognizer = ActivityRecognizer(resources)
        if self.use_filter:
            from textmine.components.activities import hit_filter

            recognizer.keep = hit_filter.Keep(self._filter(), recognizer.patterns)
        return recognizer

    def _filter(self) -> "HitFilter":
        from textmine.components.activities import hit_filter

        return hit_filter.filter_from_bytes(self._filter_bytes())

    def _filter_bytes(self) -> bytes | None:
        """The model file this component carries (the bundled one, read when the filter
        is on and none was set); None while the filter is off and none was set."""
        if self.filter_bytes is None and self.use_filter:
            from textmine.components.activities import hit_filter

            self.filter_bytes = hit_filter.model_file().read_bytes()
        return self.filter_bytes

    def __call__(self, doc: Doc) -> Doc:
        return self.rules(doc)

    # the model travels with the data files
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        super().to_disk(path, exclude=exclude)
        if self.use_filter:
            (Path(path) / self.FILTER_FILE).write_bytes(self._filter_bytes())

    def from_disk(self, path: str | Path, *,
                  exclude: Iterable[str] = SimpleFrozenList()) -> "ActivitiesComponent":
        super().from_disk(path, exclude=exclude)
        file = Path(path) / self.FILTER_FILE
        self.filter_bytes = file.read_bytes() if file.is_file() else None
        return self

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return srsly.msgpack_dumps({"files": self._data().files, "filter": self._filter_bytes()})

    def from_bytes(self, data: bytes, *,
                   exclude: Iterable[str] = SimpleFrozenList()) -> "ActivitiesComponent":
        content = srsly.msgpack_loads(data)
        self._set(Resources(content["files"]))
        self.filter_bytes = content.get("filter")
        return self


@Language.factory(
    "textmine_activities",
    assigns=["doc._.activities", "doc._.outcomes"],
    requires=["doc._.numbers"],
    default_config={"data_dir": None, "hit_filter": False},
)
def make_activities(nlp: Language, name: str, data_dir: str | None,
                    hit_filter: bool) -> ActivitiesComponent:
    """``nlp.add_pipe("textmine_activities")``; ``data_dir``: a folder with its data files;
    ``hit_filter``: drop the rule hits the learned filter judges mere mentions (for text
    unlike the bundled reports; it needs a parsed Doc, without a parse every hit counts)."""
    return ActivitiesComponent(nlp, name, data_dir, hit_filter)


@lru_cache(maxsize=1)
def _default() -> ActivityRecognizer:
    return ActivityRecognizer()


def extract_activities(doc: Doc) -> Iterator[Activity]:
    """Activity records of ``doc``, the first evidence of each type."""
    yield from results(doc, "activities", _default())


def extract_outcomes(doc: Doc) -> Iterator[str]:
    """Sentences of ``doc`` that report an effect."""
    yield from results(doc, "outcomes", _default())
