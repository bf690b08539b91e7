"""The ``textmine_numbers`` component: every numeric expression of a Doc as a ``Number``
in ``doc._.numbers`` (SPEC.md, Numbers).

The rules read the Doc's text with a tokenization of their own, so they give the same
answers on ``spacy.blank("sv")`` as on a full statistical pipeline; a tagger or a
lemmatizer only sharpens the unit and the choice of the counted noun. All words and cues
are data (``numbers.json``), carried by the component (see ``components.base``).
"""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from textmine.components import extensions  # noqa: F401  (registers doc._.numbers)
from textmine.components.base import DataComponent
from textmine.components.numbers.rules import Reader
from textmine.components.numbers.words import DATA_FILE, NumberWords, bundled_words
from textmine.records import Number
from textmine.resources import Resources


class NumbersComponent(DataComponent):
    """Stores ``list[Number]`` in ``doc._.numbers``."""

    DATA_FILES = (DATA_FILE,)

    def build(self, resources: Resources) -> NumberWords:
        return NumberWords.from_resources(resources)

    def __call__(self, doc: Doc) -> Doc:
        doc._.numbers = Reader(doc, self.rules).read()
        return doc


@Language.factory(
    "textmine_numbers",
    assigns=["doc._.numbers"],
    default_config={"data_dir": None},
)
def make_numbers(nlp: Language, name: str, data_dir: str | None) -> NumbersComponent:
    """``nlp.add_pipe("textmine_numbers")``; ``data_dir``: a folder with numbers.json."""
    return NumbersComponent(nlp, name, data_dir)


def extract_numbers(doc: Doc, words: NumberWords | None = None) -> Iterator[Number]:
    """Yield every numeric expression of ``doc`` as a ``Number`` (offsets in ``doc.text``)."""
    yield from Reader(doc, words or bundled_words()).read()
