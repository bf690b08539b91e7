"""Tests of textmine's Swedish tokenizer on report-style text."""
from __future__ import annotations

import pytest

from textmine.pipeline.tokenizer import blank, load_abbreviations, number_spans


@pytest.fixture(scope="module")
def nlp():
    return blank()


def words(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize("abbreviation", [
    "t.ex.", "bl.a.", "m.fl.", "kl.", "fr.o.m.", "dvs.", "ca.", "enl.", "pga.", "T.ex.", "Ca."])
def test_abbreviations_stay_whole(nlp, abbreviation):
    toks = words(nlp, f"Det gäller {abbreviation} unga i kommunen.")
    assert abbreviation in toks


def test_ca_without_period_and_sentence_end(nlp):
    assert words(nlp, "Det var ca 300 personer.") == ["Det", "var", "ca", "300", "personer", "."]


@pytest.mark.parametrize("text", ["2,5", "300–400", "2018–2020", "16–29", "0,25"])
def test_single_token_numbers(nlp, text):
    assert words(nlp, f"Det blev {text} i år") == ["Det", "blev", text, "i", "år"]


def test_no_break_space_number_is_one_token(nlp):
    doc = nlp("Kostnaden var 2\u00a0000 kr och 12\u202f500\u202f000 kronor.")
    assert "2\u00a0000" in [t.text for t in doc]
    assert "12\u202f500\u202f000" in [t.text for t in doc]
    assert doc.text == "Kostnaden var 2\u00a0000 kr och 12\u202f500\u202f000 kronor."


def test_space_separated_number_recoverable_as_span(nlp):
    doc = nlp("Totalt 2 000 personer och 12 500 000 kronor, 1 200,5 kr.")
    assert [s.text for s in number_spans(doc)] == ["2 000", "12 500 000", "1 200,5"]


def test_years_and_counts_not_merged(nlp):
    doc = nlp("Under 2018 deltog 65 personer och 24 av dem fick jobb 2019 500 dagar.")
    assert list(number_spans(doc)) == []


@pytest.mark.parametrize("text,expected", [
    ("ökade med 16 % förra året", "16 %"),
    ("ökade med 16% förra året", "16%"),
    ("ökade med 16\u00a0% förra året", "16\u00a0%"),
    ("ökade med 2,5 procent förra året", "2,5 procent"),
])
def test_percent_included_in_number_span(nlp, text, expected):
    assert [s.text for s in number_spans(nlp(text))] == [expected]


def test_amount_with_unit(nlp):
    assert words(nlp, "Budgeten är 75 mnkr.") == ["Budgeten", "är", "75", "mnkr", "."]


@pytest.mark.parametrize("name", ["Dals-Eds", "IT-pedagog", "e-tjänster", "ANDT-samordnare"])
def test_hyphenated_names(nlp, name):
    assert words(nlp, f"Här finns {name} nu") == ["Här", "finns", name, "nu"]


def test_suspended_compound_keeps_hyphen(nlp):
    assert words(nlp, "tillväxt- och utvecklingsstrategi") == [
        "tillväxt-", "och", "utvecklingsstrategi"]


def test_curly_quotes_split(nlp):
    assert words(nlp, "kampanjen ”blås grönt” startade") == [
        "kampanjen", "”", "blås", "grönt", "”", "startade"]


def test_abbreviation_list_has_capitalised_variants():
    abbreviations = load_abbreviations()
    assert "enl." in abbreviations and "Enl." in abbreviations


def test_tokenizer_survives_serialisation(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "blank")
    loaded = spacy.load(tmp_path / "blank")
    assert [t.text for t in loaded("Ca. 2\u00a0000 kr")] == ["Ca.", "2\u00a0000", "kr"]
