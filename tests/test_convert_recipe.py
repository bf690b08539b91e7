"""The UD v1 -> v2 mapping of the model recipe (models/recipe/convert.py): the conventions
that differ between the 2015 train split and the v2 files, on made-up sentences."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models" / "recipe"))

from convert import (FeatureTable, attach_to_next_conjunct, learn_phrase_analyses,  # noqa: E402
                     map_v1_sentence)
from textmine.evaluation.ud import UDSentence, UDToken  # noqa: E402


def sentence(rows: list[tuple[str, str, int, str]]) -> UDSentence:
    return UDSentence([UDToken(form, "_", upos, "_", "_", head, rel) for form, upos, head, rel in rows])


def heads(sent: UDSentence) -> list[tuple[int, str]]:
    return [(t.head, t.deprel) for t in sent.tokens]


def test_coordinator_and_comma_go_to_the_conjunct_after_them():
    # Vi köpte äpplen , päron och plommon  (v1: ',' and 'och' under 'äpplen')
    sent = sentence([("Vi", "PRON", 2, "nsubj"), ("köpte", "VERB", 0, "root"), ("äpplen", "NOUN", 2, "obj"),
                     (",", "PUNCT", 3, "punct"), ("päron", "NOUN", 3, "conj"), ("och", "CCONJ", 3, "cc"),
                     ("plommon", "NOUN", 3, "conj")])
    attach_to_next_conjunct(sent)
    assert heads(sent)[3] == (5, "punct") and heads(sent)[5] == (7, "cc")
    assert heads(sent)[4] == (3, "conj") and heads(sent)[6] == (3, "conj")


def test_punctuation_after_the_last_conjunct_stays():
    sent = sentence([("äpplen", "NOUN", 0, "root"), ("och", "CCONJ", 1, "cc"), ("päron", "NOUN", 1, "conj"),
                     (".", "PUNCT", 1, "punct")])
    attach_to_next_conjunct(sent)
    assert heads(sent) == [(0, "root"), (3, "cc"), (1, "conj"), (1, "punct")]


def test_determiner_adjectives_and_prepositions_before_clauses():
    # samma dag (v1 det) ; för att läsa (v1 case under the verb)
    sent = sentence([("Samma", "ADJ", 2, "det"), ("dag", "NOUN", 0, "root"), ("för", "ADP", 4, "case"),
                     ("läsa", "VERB", 2, "acl"), ("i", "ADP", 6, "case"), ("skolan", "NOUN", 4, "nmod")])
    map_v1_sentence(sent, FeatureTable([]), v2_relations=True)
    assert [t.deprel for t in sent.tokens] == ["amod", "root", "mark", "acl", "case", "obl"]


def test_default_mapping_is_the_shipped_models():
    # v2.3 is built with v2's relations; v2.1 and v1 kept v1's (--v1-relations)
    def samma_dag_och_natt():
        return sentence([("Samma", "ADJ", 2, "det"), ("dag", "NOUN", 0, "root"), ("och", "CCONJ", 2, "cc"),
                         ("natt", "NOUN", 2, "conj")])
    assert heads(map_v1_sentence(samma_dag_och_natt(), FeatureTable([]))) == \
        [(2, "amod"), (0, "root"), (4, "cc"), (2, "conj")]
    assert heads(map_v1_sentence(samma_dag_och_natt(), FeatureTable([]), v2_relations=False)) == \
        [(2, "det"), (0, "root"), (2, "cc"), (2, "conj")]


def test_build_passes_on_only_the_conversion_switches_set():
    import argparse

    from convert import add_conversion_options, conversion_flags

    parser = argparse.ArgumentParser()
    add_conversion_options(parser)
    assert conversion_flags(parser.parse_args([])) == []
    assert conversion_flags(parser.parse_args(["--v1-relations"])) == ["--v1-relations"]
    assert conversion_flags(parser.parse_args(["--v1-phrases", "--uner-missing"])) == \
        ["--uner-missing", "--v1-phrases"]


def v2_examples() -> list[UDSentence]:
    # Vi läser i dag . / Han kom för att läsa . (v2: 'i' case under 'dag'; 'för att' two mark)
    return [sentence([("Vi", "PRON", 2, "nsubj"), ("läser", "VERB", 0, "root"), ("i", "ADP", 4, "case"),
                      ("dag", "NOUN", 2, "obl"), (".", "PUNCT", 2, "punct")]),
            sentence([("Han", "PRON", 2, "nsubj"), ("kom", "VERB", 0, "root"), ("för", "ADP", 5, "mark"),
                      ("att", "PART", 5, "mark"), ("läsa", "VERB", 2, "advcl"), (".", "PUNCT", 2, "punct")])]


def test_v1_multiword_groups_take_the_v2_analysis_of_the_same_words():
    # Ni skriver i dag : v1 'i' advmod under the verb, 'dag' mwe under 'i'
    today = sentence([("Ni", "PRON", 2, "nsubj"), ("skriver", "VERB", 0, "root"), ("i", "ADP", 2, "advmod"),
                      ("dag", "NOUN", 3, "mwe")])
    # De gick för att se : v1 'för' mark under 'se', 'att' mwe under 'för'
    purpose = sentence([("De", "PRON", 2, "nsubj"), ("gick", "VERB", 0, "root"), ("för", "ADP", 5, "mark"),
                        ("att", "PART", 3, "mwe"), ("se", "VERB", 2, "advcl")])
    phrases = learn_phrase_analyses([today, purpose], v2_examples())
    map_v1_sentence(today, FeatureTable([]), phrases=phrases)
    map_v1_sentence(purpose, FeatureTable([]), phrases=phrases)
    assert heads(today)[2:] == [(4, "case"), (2, "obl")]
    assert heads(purpose)[2:4] == [(5, "mark"), (5, "mark")]


def test_a_multiword_group_keeps_its_analysis_where_the_v2_one_does_not_fit():
    # 'i dag' attached as a v1 subject does not fit v2's 'obl' reading; unknown phrases stay fixed
    subject = sentence([("i", "ADP", 3, "nsubj"), ("dag", "NOUN", 1, "mwe"), ("gäller", "VERB", 0, "root")])
    unknown = sentence([("Vi", "PRON", 2, "nsubj"), ("gick", "VERB", 0, "root"), ("till", "ADP", 2, "advmod"),
                        ("fots", "NOUN", 3, "mwe")])
    phrases = learn_phrase_analyses([subject, unknown], v2_examples())
    map_v1_sentence(subject, FeatureTable([]), phrases=phrases)
    map_v1_sentence(unknown, FeatureTable([]), phrases=phrases)
    assert heads(subject)[:2] == [(3, "nsubj"), (1, "fixed")]
    assert heads(unknown)[2:] == [(2, "advmod"), (3, "fixed")]
