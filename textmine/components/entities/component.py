"""The ``textmine_entities`` component: SPEC.md's entities of a Doc, as records in
``doc._.entities`` (with the target groups' base forms in ``doc._.target_groups``) and as
labelled Spans in ``doc.spans["textmine"]`` (``kb_id_`` = the SCB code of a municipality).

The recognizer's gazetteers, lexicons and matchers are built once from the component's
data files (``gazetteers.DATA_FILES``), which a saved pipeline carries.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from textmine.components import extensions
from textmine.components.base import DataComponent, results
from textmine.components.entities.gazetteers import DATA_FILES
from textmine.components.entities.recognizer import EntityRecognizer
from textmine.records import Entity
from textmine.resources import Resources, bundled


class EntitiesComponent(DataComponent):
    """Runs the rule, lexicon and NER candidates and keeps the non-overlapping best."""

    DATA_FILES = DATA_FILES

    def build(self, resources: Resources) -> EntityRecognizer:
        return EntityRecognizer(self.nlp, resources)

    def __call__(self, doc: Doc) -> Doc:
        set_spans(doc, self.rules.annotate(doc))
        return doc


def set_spans(doc: Doc, entities: list[Entity] | None = None) -> None:
    """``doc.spans["textmine"]`` from the entity records (expanded to whole tokens where a
    record ends inside one, as "SCB" in "SCB:s"; the records keep the exact offsets);
    ``entities``: the records, when the caller has them (else read from the Doc)."""
    spans = []
    for entity in (doc._.entities or []) if entities is None else entities:
        span = doc.char_span(entity.start, entity.end, label=entity.label,
                             kb_id=entity.code or "", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[extensions.SPAN_KEY] = spans


@Language.factory(
    "textmine_entities",
    assigns=["doc._.entities", "doc._.target_groups", "doc.spans"],
    default_config={"data_dir": None},
)
def make_entities(nlp: Language, name: str, data_dir: str | None) -> EntitiesComponent:
    """``nlp.add_pipe("textmine_entities")``; ``data_dir``: a folder with its data files."""
    return EntitiesComponent(nlp, name, data_dir)


@lru_cache(maxsize=4)
def _default_recognizer(lang: str) -> EntityRecognizer:
    return EntityRecognizer(spacy.blank(lang), bundled(*DATA_FILES))


def extract_entities(doc: Doc) -> Iterator[Entity]:
    """Entity records of ``doc`` (runs the recognizer if the pipeline did not)."""
    yield from results(doc, "entities", _default_recognizer(doc.vocab.lang or "sv"))


def extract_target_groups(doc: Doc) -> Iterator[str]:
    """Target-group base forms of ``doc``, each once."""
    yield from results(doc, "target_groups", _default_recognizer(doc.vocab.lang or "sv"))
