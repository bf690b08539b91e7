"""Tests of ``textmine.load``: the bundled model, other backends and clear errors."""
from __future__ import annotations

from pathlib import Path

import pytest

import textmine
from textmine.pipeline.context import EXTRACTORS
from textmine.pipeline.load import PipelineNotAvailable, bundled_model_path, load, load_base

pytestmark = pytest.mark.skipif(not (bundled_model_path() / "config.cfg").exists(),
                                reason="bundled model not built (models/recipe/build.py)")


@pytest.fixture(scope="module")
def nlp(bundled_nlp):
    return bundled_nlp


def test_default_pipeline_has_language_and_textmine_components(nlp):
    for name in ("tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"):
        assert name in nlp.pipe_names
    assert set(EXTRACTORS) <= set(nlp.pipe_names)


def test_textmine_load_is_the_same_entry_point():
    nlp = textmine.load()
    assert "parser" in nlp.pipe_names


def test_analysis_of_a_report_sentence(nlp):
    doc = nlp("Kommunen har anställt ungdomscoacher för att stötta gymnasieungdomar. "
              "Under 2019 sysselsattes 100 personer.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ungdomscoacher"] == "ungdomscoach"
    assert lemmas["gymnasieungdomar"] == "gymnasieungdom"
    assert lemmas["sysselsattes"] == "sysselsätta"
    assert len(list(doc.sents)) == 2
    assert {t.pos_ for t in doc if t.text == "Kommunen"} == {"NOUN"}
    assert doc.has_annotation("DEP") and doc.has_annotation("MORPH")
    assert all(sum(t.dep_ == "ROOT" for t in sent) == 1 for sent in doc.sents)


def test_bundled_model_uses_report_tokenizer(nlp):
    assert [t.text for t in nlp.make_doc("Ca. 2\u00a0000 kr, t.ex. i Dals-Eds")] == [
        "Ca.", "2\u00a0000", "kr", ",", "t.ex.", "i", "Dals-Eds"]


def test_load_from_path_and_without_extractors():
    nlp = load_base(bundled_model_path())
    assert not set(EXTRACTORS) & set(nlp.pipe_names)  # language components only
    assert load(str(bundled_model_path()), extractors=False).pipe_names == nlp.pipe_names


def test_missing_package_gives_install_advice():
    with pytest.raises(PipelineNotAvailable, match="spacy download sv_core_news_xx"):
        load("sv_core_news_xx")


def test_missing_path_gives_advice(tmp_path: Path):
    with pytest.raises(PipelineNotAvailable, match="neither an installed spaCy package"):
        load(tmp_path / "nowhere")


def test_stanza_missing_or_without_models_says_how_to_install():
    try:
        import spacy_stanza  # noqa: F401
        import stanza  # noqa: F401
    except ImportError:
        with pytest.raises(PipelineNotAvailable, match=r"pip install textmine\[stanza\]"):
            load("stanza")
        return
    pytest.skip("stanza installed: covered by tests/test_stanza_adapter.py")


REPO_MODEL = Path(__file__).resolve().parents[1] / "models" / "sv_textmine"


def test_orthographic_sentences_component_splits_at_punctuation_and_line_breaks():
    import spacy

    import textmine.pipeline.sentences  # noqa: F401

    nlp = spacy.blank("sv")
    nlp.add_pipe("textmine_sentences")
    doc = nlp("Kommunen har anställt en coach och Arbetsförmedlingen sitter i huset. Bra!\nNy rad")
    assert [s.text.strip() for s in doc.sents] == [
        "Kommunen har anställt en coach och Arbetsförmedlingen sitter i huset.", "Bra!", "Ny rad"]


def test_orthographic_sentences_keep_white_space_with_the_sentence_before_it():
    import spacy

    import textmine.pipeline.sentences  # noqa: F401

    nlp = spacy.blank("sv")
    nlp.add_pipe("textmine_sentences")
    assert [s.text for s in nlp("Hej.  \n\nDå är det  slut\nEller?").sents] == [
        "Hej.  \n\n", "Då är det  slut\n", "Eller?"]
    assert [s.text for s in nlp("\n\n Hej. Då.").sents] == ["\n\n Hej.", "Då."]
    # a line that starts with a small letter or a digit goes on with the sentence before it
    assert [s.text for s in nlp("Vi har anställt en\nsamordnare sedan\n2012. Resultat\n"
                                "- fler i jobb").sents] == [
        "Vi har anställt en\nsamordnare sedan\n2012.", "Resultat\n", "- fler i jobb"]
    assert [s.text for s in nlp(" \n").sents] == [" \n"]
    assert list(nlp("").sents) == []


@pytest.mark.skipif(not (REPO_MODEL / "config.cfg").exists(), reason="no model in this checkout")
def test_the_shipped_model_parses_within_orthographic_sentences():
    """The v2 model (issue 12) has textmine's sentence boundaries, not a trained senter,
    before the parser, and the parser keeps them."""
    nlp = load(REPO_MODEL, extractors=False)
    assert "senter" not in nlp.pipe_names
    assert nlp.pipe_names.index("textmine_sentences") < nlp.pipe_names.index("parser")
    text = ("Region Gotland har inrättat ett jobbtorg i Visby där arbetsmarknadsenheten, "
            "vuxenutbildningen och Arbetsförmedlingen sitter under samma tak. Det fungerar.")
    assert len(list(nlp(text).sents)) == 2
    assert nlp.meta["version"] == "0.2.3" and nlp.vocab.vectors.shape[1] == 96
