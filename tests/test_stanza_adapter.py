"""The Stanza backend: spacy-stanza's conversion of Stanza Documents, textmine on top.

No Stanza models can be downloaded here, so the adapter is tested on Stanza Documents
built from CoNLL-U with Stanza's own reader (``stanza.utils.conll.CoNLL``); the test of
the real Stanza pipeline runs only where its Swedish models are installed.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

stanza = pytest.importorskip("stanza", reason="Stanza is optional: pip install textmine[stanza]")
pytest.importorskip("spacy_stanza", reason="Stanza is optional: pip install textmine[stanza]")

from stanza.utils.conll import CoNLL  # noqa: E402

from textmine.pipeline.load import PipelineNotAvailable, load, stanza_language  # noqa: E402
from textmine.pipeline.context import add_extractors  # noqa: E402

CONLLU = Path(__file__).parent / "data" / "ud_stanza_sample.conllu"
TEXT = "Eda kommun har anställt en samordnare för 24 unga. Under 2019 deltog 65 personer."


class ConlluPipeline:
    """Stands in for ``stanza.Pipeline``: returns the Document read from a CoNLL-U file."""

    processors: dict = {}

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, text: str):
        document = CoNLL.conll2doc(input_file=str(self.path))
        document.text = text
        return document


@pytest.fixture(scope="module")
def doc():
    nlp = add_extractors(stanza_language(ConlluPipeline(CONLLU)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nlp(TEXT)


def test_stanza_annotation_reaches_the_spacy_doc(doc):
    assert doc.text == TEXT
    assert [t.lemma_ for t in doc][:4] == ["Eda", "kommun", "ha", "anställa"]
    assert [t.pos_ for t in doc][:4] == ["PROPN", "NOUN", "AUX", "VERB"]
    assert doc[1].dep_ == "nsubj" and doc[1].head.text == "anställt"
    assert [s.text for s in doc.sents] == ["Eda kommun har anställt en samordnare för 24 unga.",
                                          "Under 2019 deltog 65 personer."]


def test_textmine_components_work_on_stanza_output(doc):
    values = {n.value for n in doc._.numbers}
    assert {24, 2019, 65} <= values
    assert [(e.text, e.label) for e in doc._.entities if e.label in ("MUNICIPALITY", "ROLE")] == [
        ("Eda kommun", "MUNICIPALITY"), ("samordnare", "ROLE")]
    assert all(len(e.text) < 40 for e in doc._.entities)
    assert any(a.type == "rekrytering" for a in doc._.activities)


def test_real_stanza_pipeline():
    try:
        nlp = load("stanza")
    except PipelineNotAvailable as err:
        pytest.skip(f"Stanza's Swedish models are not installed here: {err}")
    doc = nlp("Kommunen har anställt en samordnare.")
    assert doc[0].lemma_ == "kommun"
    assert doc._.numbers is not None
