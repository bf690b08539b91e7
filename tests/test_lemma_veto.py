"""The lemma back-off's verb veto: verb-only lemmas read off a POS-blind table (the build
step in models/recipe/build.py) and refused for nouns, adjectives and adverbs."""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models" / "recipe"))

from build import add_verb_lemmas, looks_verb_only, verb_only_lemmas  # noqa: E402
from textmine.pipeline.lemma_backoff import (VERB_FILE, BackoffSettings,  # noqa: E402
                                             LemmaBackoff, LemmaTable, read_words,
                                             write_words)

# a small made-up table in the dictionary's shape: forms of a weak verb, of a noun in -a
# that is also conjugated, of a noun in -e, of an adjective
PAIRS = {
    "avlöna": "avlöna", "avlönar": "avlöna", "avlönade": "avlöna", "avlönat": "avlöna",
    "avlönande": "avlöna",
    "flicka": "flicka", "flickar": "flicka", "flickade": "flicka", "flickan": "flicka",
    "flickor": "flicka", "flickorna": "flicka",
    "arbete": "arbete", "arbetet": "arbete", "arbeten": "arbete", "arbetena": "arbete",
    "ko": "ko", "kor": "ko", "korna": "ko",
    "bygga": "bygga", "bygger": "bygga", "byggde": "bygga", "byggt": "bygga",
    "byggande": "bygga",
    "stor": "stor", "stort": "stor", "stora": "stor",
    "få": "få", "får": "få", "fått": "få", "färre": "få",
}


def test_verb_only_lemmas_are_verbs_without_noun_forms():
    assert verb_only_lemmas(PAIRS) == {"avlöna", "bygga", "få"}


def test_a_present_tense_alone_is_not_enough():
    assert not looks_verb_only("avlöna", {"avlöna", "avlönar"})
    assert looks_verb_only("avlöna", {"avlöna", "avlönar", "avlönande"})


def test_lemma_ending_in_a_consonant_is_never_verb_only():
    assert not looks_verb_only("stor", {"stor", "stort", "storr", "stortt"})


def tagged(words: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    return Doc(spacy.blank("sv").vocab, words=words, pos=pos, lemmas=lemmas)


def backoff(**settings) -> LemmaBackoff:
    component = LemmaBackoff(spacy.blank("sv"), "test", BackoffSettings(**settings))
    component.table = LemmaTable.from_pairs(PAIRS.items())
    component.verb_lemmas = verb_only_lemmas(PAIRS)
    return component


def test_veto_keeps_the_trained_lemma_for_an_adjective():
    doc = tagged(["två", "avlönade", "tjänster"], ["NUM", "ADJ", "NOUN"],
                 ["två", "avlönade", "tjänst"])
    assert backoff(verb_veto=False).lemma(doc[1]) == "avlöna"
    assert backoff().lemma(doc[1]) == "avlönade"


def test_no_veto_for_a_form_off_the_verb_stem():
    """A form the table sends to a verb-only lemma but not built on its stem (the
    dictionary mixes the adjective ``få``, ``färre`` with the verb): the table's lemma
    stays."""
    doc = tagged(["färre", "platser"], ["ADJ", "NOUN"], ["färre", "plats"])
    assert backoff().lemma(doc[0]) == "få"

    doc = tagged(["de", "avlönade", "dem"], ["PRON", "VERB", "PRON"],
                 ["de", "avlönade", "de"])
    assert backoff().lemma(doc[1]) == "avlöna"


def test_veto_when_validating_keeps_the_trained_lemma():
    doc = tagged(["ett", "byggande"], ["DET", "NOUN"], ["en", "byggand"])
    assert backoff(validate=True, verb_veto=False).lemma(doc[1]) == "bygga"
    assert backoff(validate=True).lemma(doc[1]) == "byggand"


def test_verb_list_saved_and_loaded_with_the_component(tmp_path):
    backoff().to_disk(tmp_path)
    assert read_words(tmp_path / VERB_FILE) == {"avlöna", "bygga", "få"}
    loaded = LemmaBackoff(spacy.blank("sv"), "test", BackoffSettings()).from_disk(tmp_path)
    assert loaded.verb_lemmas == {"avlöna", "bygga", "få"}


def test_component_without_verb_list_writes_none(tmp_path):
    component = LemmaBackoff(spacy.blank("sv"), "test", BackoffSettings())
    component.to_disk(tmp_path)
    assert not (tmp_path / VERB_FILE).exists()


def test_config_option_defaults_on():
    nlp = spacy.blank("sv")
    import textmine.pipeline.lemma_backoff  # noqa: F401  (registers the factory)

    assert nlp.add_pipe("textmine_lemma_backoff").settings.verb_veto
    assert not nlp.add_pipe("textmine_lemma_backoff", name="off",
                            config={"verb_veto": False}).settings.verb_veto


def test_add_verb_lemmas_step_sets_the_config_once(tmp_path, monkeypatch):
    import build

    monkeypatch.setattr(build, "simplemma_verbs", lambda out: write_words(["avlöna"], out))
    (tmp_path / "textmine_lemma_backoff").mkdir()
    config = tmp_path / "config.cfg"
    config.write_text('[components.textmine_lemma_backoff]\nfactory = "textmine_lemma_backoff"'
                      '\nvalidate = true\n\n[components.x]\nfactory = "x"\n', encoding="utf-8")
    add_verb_lemmas(tmp_path)
    add_verb_lemmas(tmp_path)
    text = config.read_text(encoding="utf-8")
    assert text.count("verb_veto = true") == 1
    assert "validate = true\nverb_veto = true\n\n[components.x]" in text
    assert read_words(tmp_path / "textmine_lemma_backoff" / VERB_FILE) == {"avlöna"}


def test_new_verb_lemmas_are_used_after_earlier_answers_were_kept():
    component = backoff()
    doc = tagged(["två", "avlönade", "tjänster"], ["NUM", "ADJ", "NOUN"],
                 ["två", "avlönade", "tjänst"])
    assert component(doc)[1].lemma_ == "avlönade"  # vetoed, answer kept by the memo
    component.verb_lemmas = set()  # no verb list: the table's answer is no longer vetoed
    doc = tagged(["två", "avlönade", "tjänster"], ["NUM", "ADJ", "NOUN"],
                 ["två", "avlönade", "tjänst"])
    assert component(doc)[1].lemma_ == "avlöna"
