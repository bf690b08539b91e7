"""Tests of the lemma back-off (case, table, compounds) on hand-made tokens."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from textmine.pipeline.lemma_backoff import BackoffSettings, LemmaBackoff, LemmaTable, fits_pos

TABLE = LemmaTable.from_pairs([
    ("coacher", "coach"), ("ungdomar", "ungdom"), ("enheten", "enhet"),
    ("kommunerna", "kommun"), ("kommunens", "kommun"), ("kommunen", "kommun"),
    ("stöd", "stödja"), ("arbetar", "arbetare"), ("sysselsattes", "sysselsätta"),
])


def backoff(**settings) -> LemmaBackoff:
    component = LemmaBackoff(spacy.blank("sv"), "test", BackoffSettings(**settings))
    component.table = TABLE
    return component


def doc(words, pos, lemmas, starts=None) -> Doc:
    return Doc(spacy.blank("sv").vocab, words=words, pos=pos, lemmas=lemmas,
               sent_starts=starts or [True] + [False] * (len(words) - 1))


def test_genitive_found_without_storing_it():
    assert "kommunens" not in TABLE.entries
    assert TABLE.get("kommunens") == "kommun"


def test_compound_head_from_table():
    d = doc(["Många", "ungdomscoacher", "och", "gymnasieungdomar"],
            ["ADJ", "NOUN", "CCONJ", "NOUN"],
            ["många", "ungdomscoacher", "och", "gymnasieungdomar"])
    assert [backoff().lemma(t) for t in d] == ["många", "ungdomscoach", "och",
                                               "gymnasieungdom"]


def test_sentence_start_lowercased_then_table():
    d = doc(["Kommunerna", "har"], ["NOUN", "AUX"], ["Kommunerna", "ha"])
    assert backoff().lemma(d[0]) == "kommun"


def test_proper_noun_keeps_case():
    d = doc(["Haparanda", "växer"], ["PROPN", "VERB"], ["Haparanda", "växa"])
    assert backoff().lemma(d[0]) == "Haparanda"


def test_model_lemma_kept_when_it_changed_the_word():
    d = doc(["De", "arbetar"], ["PRON", "VERB"], ["de", "arbeta"])
    assert backoff().lemma(d[1]) == "arbeta"


def test_table_lemma_must_fit_pos():
    assert not fits_pos("stöd", "stödja", "NOUN")
    assert not fits_pos("arbetar", "arbetare", "VERB")
    assert fits_pos("sysselsattes", "sysselsätta", "VERB")
    d = doc(["Ge", "stöd"], ["VERB", "NOUN"], ["ge", "stöd"])
    assert backoff().lemma(d[1]) == "stöd"


def test_steps_can_be_switched_off():
    d = doc(["Många", "ungdomscoacher"], ["ADJ", "NOUN"], ["många", "ungdomscoacher"])
    assert backoff(compounds=False).lemma(d[1]) == "ungdomscoacher"


def test_table_round_trip(tmp_path):
    TABLE.to_file(tmp_path / "t.tsv.gz")
    assert LemmaTable.from_file(tmp_path / "t.tsv.gz").entries == TABLE.entries


def test_invented_lemma_replaced_when_validating():
    d = doc(["De", "sysselsattes", "snabbt"], ["PRON", "VERB", "ADV"],
            ["de", "sysselsatt", "snabbt"])
    assert backoff(validate=True).lemma(d[1]) == "sysselsätta"
    assert backoff(validate=False).lemma(d[1]) == "sysselsatt"


def test_known_lemma_kept_when_validating():
    d = doc(["Ungdomarna", "växer"], ["NOUN", "VERB"], ["ungdom", "växa"])
    assert backoff(validate=True).lemma(d[0]) == "ungdom"


def test_supine_reaches_the_verb_through_the_participle():
    component = LemmaBackoff(spacy.blank("sv"), "test", BackoffSettings())
    component.table = LemmaTable.from_pairs([("anställt", "anställd"),
                                             ("anställd", "anställa")])
    d = doc(["Vi", "har", "anställt"], ["PRON", "AUX", "VERB"], ["vi", "ha", "anställt"])
    assert component.lemma(d[2]) == "anställa"


def test_supine_after_ha_even_when_tagged_as_adverb():
    component = LemmaBackoff(spacy.blank("sv"), "test", BackoffSettings())
    component.table = LemmaTable.from_pairs([("anställt", "anställd"),
                                             ("anställd", "anställa")])
    d = doc(["Vi", "har", "nu", "anställt", "henne"], ["PRON", "AUX", "ADV", "ADV", "PRON"],
            ["vi", "ha", "nu", "anställt", "hon"])
    assert component.lemma(d[3]) == "anställa"
    d = doc(["Det", "är", "anställt"], ["PRON", "AUX", "ADV"], ["den", "vara", "anställt"])
    assert component.lemma(d[2]) == "anställt"


def test_a_noun_that_is_a_lemma_itself_is_not_read_as_a_genitive():
    """The table says kurs -> kur (the genitive of 'kur'); 'kurs' is also a noun's lemma."""
    component = backoff()
    component.table = LemmaTable.from_pairs([("kurs", "kur"), ("kurser", "kurs"),
                                             ("kommunens", "kommun"), ("kommuner", "kommun")])
    d = doc(["en", "kurs", "kommunens"], ["DET", "NOUN", "NOUN"], ["en", "kurs", "kommunens"])
    assert [component.lemma(t) for t in d] == ["en", "kurs", "kommun"]


def test_kept_table_answers_follow_the_table():
    component = LemmaBackoff(spacy.blank("sv"), "test", BackoffSettings())
    component.table = LemmaTable.from_pairs([("coacher", "coach")])
    assert component.kept_table_lemma("ungdomscoacher", "NOUN") == "ungdomscoach"
    assert component.kept_table_lemma("ungdomscoacher", "NOUN") == \
        component.table_lemma("ungdomscoacher", "NOUN")
    component.table = LemmaTable.from_pairs([("coacher", "coachare")])  # a new table: asked anew
    assert component.kept_table_lemma("ungdomscoacher", "NOUN") is None  # no shorter lemma
