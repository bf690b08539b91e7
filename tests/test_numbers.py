"""Numbers extractor: the readings issue 4 lists, plus property tests.

Runs on ``spacy.blank("sv")`` so it does not depend on the statistical model.
"""
from __future__ import annotations

import spacy
import pytest
from hypothesis import given, settings, strategies as st

from textmine.components.numbers import extract_numbers, parse_number

NLP = spacy.blank("sv")


def numbers(text: str) -> list[dict]:
    return [n.to_dict() for n in extract_numbers(NLP(text))]


def one(text: str, span: str) -> dict:
    """The number whose text is ``span`` (fails if it is not found exactly once)."""
    hits = [n for n in numbers(text) if n["text"] == span]
    assert len(hits) == 1, (span, numbers(text))
    return hits[0]


# (sentence, span, kind, value, unit, approx)
CASES = [
    ("Under 2018 deltog 65 personer.", "65 personer", "count", 65, "person", False),
    ("Under 2018 deltog 65 personer och 24 av dem har fått jobb.", "24 av dem", "ratio",
     {"part": 24, "whole": 65}, "person", False),
    ("Av de sökande har 24 av dem fått jobb.", "24 av dem", "ratio", {"part": 24, "whole": None}, None, False),
    ("Projektet nådde cirka 300–400 personer.", "cirka 300–400 personer", "count", [300, 400], "person", True),
    ("Där 34 olika företag anställde 82 ungdomar.", "34 olika företag", "count", 34, "företag", False),
    ("Där 34 olika företag anställde 82 ungdomar.", "82 ungdomar", "count", 82, "ungdom", False),
    ("Antal hushåll har minskat från 143 till 92 mellan 2019 och 2020.", "från 143 till 92", "change",
     {"from": 143, "to": 92}, "hushåll", False),
    ("Antal hushåll har minskat från 143 till 92 mellan 2019 och 2020.", "mellan 2019 och 2020", "period",
     [2019, 2020], None, False),
    ("Andelen är 16 procent.", "16 procent", "percent", 16, "procent", False),
    ("Andelen är 16 % i år.", "16 %", "percent", 16, "procent", False),
    ("En samordnare som är anställd på 50 procent.", "50 procent", "percent", 50, "tjänst", False),
    ("De tränar 2,5 timmar om dagen.", "2,5 timmar", "duration", 2.5, "timme", False),
    ("Sedan kom över 2 000 unga dit.", "över 2 000 unga", "count", 2000, "ung", True),
    ("Sedan kom över 2\u00a0000 unga dit.", "över 2\u00a0000 unga", "count", 2000, "ung", True),
    ("Totalt gjordes 28 stopp.", "28 stopp", "count", 28, "stopp", False),
    ("Portokostnaden var en miljon om året, pengar som sparas.", "en miljon", "money", 1000000, "kronor", False),
    ("Tio elever deltog.", "Tio elever", "count", 10, "elev", False),
    ("Åtta av tio elever trivs.", "Åtta av tio elever", "ratio", {"part": 8, "whole": 10}, "elev", False),
    ("Det kom ett trettiotal deltagare.", "ett trettiotal deltagare", "count", 30, "deltagare", True),
    ("Skolor i nio kommuner använder den.", "nio kommuner", "count", 9, "kommun", False),
    ("Och ett tjugotal kommuner är intresserade.", "ett tjugotal kommuner", "count", 20, "kommun", True),
    ("Där arbetar sex familjebehandlare.", "sex familjebehandlare", "count", 6, "familjebehandlare", False),
    ("Det pågick under två somrar.", "två somrar", "duration", 2, "sommar", False),
    ("Elever i årskurs 9 deltar.", "årskurs 9", "grade", 9, "årskurs", False),
    ("Stöd i årskurs 1–3 ges.", "årskurs 1–3", "grade", [1, 3], "årskurs", False),
    ("Alla i årskurs 1 och 2 fick jobb.", "årskurs 1 och 2", "grade", [1, 2], "årskurs", False),
    ("Barn och unga 0–20 år.", "0–20 år", "age", [0, 20], "år", False),
    ("Spåret vänder sig till ungdomar 16–29 år.", "16–29 år", "age", [16, 29], "år", False),
    ("Hon arbetar med unga upp till 24 år.", "upp till 24 år", "age", [None, 24], "år", True),
    ("Träffar för personer över 65 år.", "över 65 år", "age", [65, None], "år", True),
    ("Under 2018 ökade antalet.", "2018", "year", 2018, None, False),
    ("Det infördes sommaren 2020.", "sommaren 2020", "year", 2020, None, False),
    ("Portalen var populär hösten 2019.", "hösten 2019", "year", 2019, None, False),
    ("Totalt deltog 30 ungdomar under 2018–2020.", "2018–2020", "period", [2018, 2020], None, False),
    ("Satsningen kostar 75 miljoner kronor.", "75 miljoner kronor", "money", 75000000, "kronor", False),
    ("Enligt lagen (2018:152) om detta.", "(2018:152)", "other", "2018:152", None, False),
    ("De har minskat med 16 procent.", "med 16 procent", "change", {"delta": -16}, "procent", False),
    ("Antalet har ökat med 7 personer.", "med 7 personer", "change", {"delta": 7}, "person", False),
    ("Det var Vingåkersbygdens första storting.", "första storting", "ordinal", 1, "storting", False),
    ("Det var den tredje gången.", "tredje gången", "ordinal", 3, "gång", False),
    ("Vi ses en gång i veckan.", "en gång", "count", 1, "gång", False),
    ("Projektet pågick i ett år.", "ett år", "duration", 1, "år", False),
    ("Två fritidsledare arbetar där.", "Två fritidsledare", "count", 2, "fritidsledare", False),
    ("De startade tjugofem grupper.", "tjugofem grupper", "count", 25, "grupp", False),
    ("Det gavs hundrafemtio platser.", "hundrafemtio platser", "count", 150, "plats", False),
    ("Det kom tvåtusen besökare.", "tvåtusen besökare", "count", 2000, "besökare", False),
    ("Under 2018 deltog 170 personer, varav 12 kvinnor.", "12 kvinnor", "ratio", {"part": 12, "whole": 170},
     "kvinna", False),
    ("Startade i maj 2019.", "maj 2019", "date", "2019-05", None, False),
    ("Invigdes den 1 maj 2019.", "1 maj 2019", "date", "2019-05-01", None, False),
    ("Två utbildningar, en för barn och en för vuxna.", "Två utbildningar", "count", 2, "utbildning", False),
    ("Han arbetar på halvtid.", "halvtid", "percent", 50, "tjänst", False),
    ("Det var en av tio.", "en av tio", "ratio", {"part": 1, "whole": 10}, None, False),
]


@pytest.mark.parametrize("text,span,kind,value,unit,approx", CASES)
def test_reading(text, span, kind, value, unit, approx):
    got = one(text, span)
    assert (got["kind"], got["value"], got["unit"], got["approx"]) == (kind, value, unit, approx)
    assert text[got["start"]:got["end"]] == span


NOT_NUMBERS = [
    "Ring 08–681 65 84 för att boka.",
    "Kommunen har anställt en samordnare.",
    "De har fått ett nytt pris.",
    "Några ungdomar och flera vuxna och ett fåtal barn kom.",
    "Under pandemin covid-19 och Covid-19 stängde allt.",
    "Arbetet följer Agenda 2030.",
    "Ungdomarna kunde skriva ut i 3D.",
    "Det är ett av kommunens mest segregerade områden.",
    "I andra kommuner och i första hand unga.",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_numbers(text):
    assert numbers(text) == []


def test_pronoun_en_against_a_number_counts():
    text = "Socialtjänsten genomför två olika föräldraskapsutbildningar, en för småbarnsföräldrar och en för tonårsföräldrar."
    found = numbers(text)
    assert [n["text"] for n in found] == ["två olika föräldraskapsutbildningar", "en", "en"]
    assert all(n["unit"] == "föräldraskapsutbildning" for n in found)


def test_ratio_after_of_these_takes_previous_count():
    text = "Där anställde 34 olika företag 82 ungdomar under två somrar. Av dessa fick 24 erbjudande om jobb."
    got = one(text, "24")
    assert got["kind"] == "ratio" and got["value"] == {"part": 24, "whole": 82} and got["unit"] == "ungdom"


@pytest.mark.parametrize("text,value", [
    ("tjugofem", 25), ("2 000", 2000), ("2\u00a0000", 2000), ("2\u202f000", 2000), ("2,5", 2.5),
    ("hundrafemtio", 150), ("tvåtusen", 2000), ("en miljon", 1_000_000), ("75 miljoner", 75_000_000),
    ("2,5 miljoner", 2_500_000), ("tredje", 3), ("första", 1), ("ett trettiotal", 30), ("tio", 10),
    ("etthundra", 100), ("ettusen", 1000), ("tjugoett", 21), ("en halv miljon", 500_000),
    ("noll", 0), ("en miljard", 1_000_000_000),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "många", "femfem", "tjugo tjugo", "samordnare", "2019 2020", "miljoner fem fem"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_component_fills_extension():
    nlp = spacy.blank("sv")
    nlp.add_pipe("textmine_numbers")
    doc = nlp("Totalt gjordes 28 stopp.")
    assert [n.text for n in doc._.numbers] == ["28 stopp"]


# ----------------------------------------------------------------- property tests

_ONES = ["", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
         "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton"]
_TENS = ["", "", "tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"]


def _below_thousand(n: int, hundred_prefix: bool) -> str:
    """Spell 1..999 (independent of the module under test)."""
    hundreds, rest = divmod(n, 100)
    out = ""
    if hundreds:
        out += (_ONES[hundreds] if hundreds > 1 or hundred_prefix else "") + "hundra"
    if rest < 20:
        out += _ONES[rest]
    else:
        out += _TENS[rest // 10] + _ONES[rest % 10]
    return out


def spell(n: int, hundred_prefix: bool = True) -> str:
    """Swedish words for 0..10**9: numbers below a million in one word, millions apart."""
    if n == 0:
        return "noll"
    parts = []
    billions, n = divmod(n, 1_000_000_000)
    millions, n = divmod(n, 1_000_000)
    thousands, n = divmod(n, 1000)
    if billions:
        parts.append("en miljard")
    if millions:
        parts.append(("en" if millions == 1 else _below_thousand(millions, hundred_prefix)) +
                     (" miljon" if millions == 1 else " miljoner"))
    word = ""
    if thousands:
        word += _below_thousand(thousands, hundred_prefix) + "tusen"
    if n:
        word += _below_thousand(n, hundred_prefix)
    if word:
        parts.append(word)
    return " ".join(parts)


def group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["", " ", "\u00a0", "\u202f"]),
       st.booleans())
def test_any_integer_parses_back(n, sep, hundred_prefix):
    assert parse_number(group(n, sep) if sep else str(n)) == n
    assert parse_number(spell(n, hundred_prefix)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=10**9), st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_grouped_number_in_text_is_found(n, sep):
    text = f"Totalt kom {group(n, sep)} besökare."
    found = numbers(text)
    assert len(found) == 1 and found[0]["value"] == n


_ALPHABET = st.sampled_from(list("0123456789 ,.:%–-()\u00a0\u202fabcåäöAÅÖ\n") +
                            ["en ", "ett ", "tio ", "av ", "år ", "procent ", "från ", "till ", "årskurs ",
                             "mellan ", "och ", "cirka ", "upp till ", "kronor ", "miljoner ", "sommaren ",
                             "tjugotal ", "första ", "dem ", "08–", "2018", "2 000"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_random_text_never_crashes_and_offsets_slice(text):
    doc = NLP(text)
    for number in extract_numbers(doc):
        assert doc.text[number.start:number.end] == number.text
        assert number.text == number.text.strip() and number.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_is_safe(text):
    doc = NLP(text)
    for number in extract_numbers(doc):
        assert doc.text[number.start:number.end] == number.text


MORE_CASES = [
    ("Det kom ca. 40 personer.", "ca. 40 personer", "count", 40, "person", True),
    ("Kommunen har 16 skolor, varav tre gymnasieskolor.", "tre gymnasieskolor", "ratio",
     {"part": 3, "whole": 16}, "gymnasieskola", False),
    ("Två tredjedelar av deltagarna var kvinnor.", "Två tredjedelar", "ratio", {"part": 2, "whole": 3}, None, False),
    ("Cirka 15 procent av 15-åringarna röker.", "15-åringarna", "age", 15, "år", False),
    ("Nästan var tredje elev deltar.", "Nästan var tredje elev", "ratio", {"part": 1, "whole": 3}, "elev", True),
    ("Det ger 20 timmars arbete.", "20 timmars", "duration", 20, "timme", False),
    ("Under 2018 deltog 4 av kommunens 12 skolor.", "4 av kommunens 12 skolor", "ratio",
     {"part": 4, "whole": 12}, "skola", False),
    ("Budgeten är 3,4 mnkr.", "3,4 mnkr", "money", 3400000, "kronor", False),
    ("Det var 1990-talet.", "1990-talet", "period", [1990, 1999], None, False),
    ("Antalet deltagare ökade från 15 år 2018 till 40 år 2020.", "2018", "year", 2018, None, False),
    ("Ett 20-tal ungdomar deltog.", "Ett 20-tal ungdomar", "count", 20, "ungdom", True),
    ("Under perioden 2019/2020 deltog de.", "2019/2020", "period", [2019, 2020], None, False),
    ("Det startade 2021-01-01.", "2021-01-01", "date", "2021-01-01", None, False),
]


@pytest.mark.parametrize("text,span,kind,value,unit,approx", MORE_CASES)
def test_more_readings(text, span, kind, value, unit, approx):
    got = one(text, span)
    assert (got["kind"], got["value"], got["unit"], got["approx"]) == (kind, value, unit, approx)


def test_clock_times_are_times_of_day_not_quantities():
    """A time of day is kind other, unit klockslag (GUIDELINES, real text); Covid-19 is none."""
    assert [(n["text"], n["kind"], n["value"], n["unit"])
            for n in numbers("Vi ses kl. 13.00 i Covid-19-tider.")] == [
        ("kl. 13.00", "other", 13, "klockslag")]


@pytest.mark.parametrize("text,span", [("Enligt § 12 gäller detta.", "§ 12"), ("Under vecka 32 deltog de.", "vecka 32"),
                                       ("Se kap. 3 i planen.", "kap. 3")])
def test_identifiers_are_kind_other(text, span):
    assert one(text, span)["kind"] == "other"


def test_organisation_and_postal_numbers_are_not_quantities():
    assert numbers("Org.nr 212000-1234, 123 45 Umeå.") == []


@pytest.mark.parametrize("text,span,value,unit", [
    ("Anslaget ökade från 10 till 14 miljoner kronor.", "från 10 till 14 miljoner kronor",
     {"from": 10_000_000, "to": 14_000_000}, "kronor"),
    ("Stödet gick från 0,4 till 2,1 miljoner kronor.", "från 0,4 till 2,1 miljoner kronor",
     {"from": 400_000, "to": 2_100_000}, "kronor"),
    ("Antalet gick från 143 till 92.", "från 143 till 92", {"from": 143, "to": 92}, None),
])
def test_change_shares_the_scale_written_after_the_second_number(text, span, value, unit):
    found = one(text, span)
    assert (found["kind"], found["value"], found["unit"]) == ("change", value, unit)


@pytest.mark.parametrize("text,span,delta,unit", [
    ("Det är 2 000 färre unga utan arbete.", "2 000 färre unga", -2000, "ung"),
    ("I år finns 40 fler platser.", "40 fler platser", 40, "plats"),
])
def test_fler_and_farre_after_a_number_make_a_change(text, span, delta, unit):
    found = one(text, span)
    assert (found["kind"], found["value"], found["unit"]) == ("change", {"delta": delta}, unit)


def test_fler_an_before_a_number_stays_an_approximate_count():
    found = one("Fler än 300 personer deltog.", "Fler än 300 personer")
    assert (found["kind"], found["value"], found["approx"]) == ("count", 300, True)


@pytest.mark.parametrize("text,span,value", [
    ("Ungdomar 16-24 erbjuds feriejobb.", "16-24", [16, 24]),
    ("Projektet riktar sig till unga mellan 16 och 24.", "mellan 16 och 24", [16, 24]),
    ("Barn 6–12 kan delta gratis.", "6–12", [6, 12]),
])
def test_ages_without_ar_after_a_word_for_people(text, span, value):
    found = one(text, span)
    assert (found["kind"], found["value"], found["unit"]) == ("age", value, "år")


def test_a_range_with_its_own_unit_is_no_age():
    assert one("barn 50-100 kronor", "50-100 kronor")["kind"] == "money"


@pytest.mark.parametrize("text,span,value", [
    ("Eleverna som går i nian får stöd.", "nian", 9),
    ("Alla i tvåan på gymnasiet erbjuds jobb.", "tvåan", 2),
])
def test_school_years_by_their_everyday_names(text, span, value):
    found = one(text, span)
    assert (found["kind"], found["value"], found["unit"]) == ("grade", value, "årskurs")


def test_everyday_school_year_words_need_a_school_cue():
    assert numbers("Laget kom tvåan i serien.") == []


@pytest.mark.parametrize("text,span,value", [
    ("Den 3/5-2023 startade projektet.", "3/5-2023", "2023-05-03"),
    ("Den 3.5.2023 startade projektet.", "3.5.2023", "2023-05-03"),
    ("Den 12/3 2020 öppnade centret.", "12/3 2020", "2020-03-12"),
    ("Jobben finns mellan 1/6 och 31/8.", "31/8", "--08-31"),
    ("Jobben finns från 1/6 till 15/8.", "1/6", "--06-01"),
])
def test_compact_dates(text, span, value):
    found = one(text, span)
    assert (found["kind"], found["value"]) == ("date", value)


def test_a_fraction_is_no_date():
    assert one("1/3 av budgeten gick till lokaler.", "1/3")["kind"] == "ratio"


@pytest.mark.parametrize("text,span,value", [
    ("Fritidsgården har öppet klockan 17-21.", "klockan 17-21", [17, 21]),
    ("Öppet till klockan tio på kvällen.", "klockan tio", 10),
    ("Mötet börjar kl. 18.30.", "kl. 18.30", 18.5),
])
def test_times_of_day(text, span, value):
    found = one(text, span)
    assert (found["kind"], found["value"], found["unit"]) == ("other", value, "klockslag")


@pytest.mark.parametrize("text,span,kind,value", [
    ("Det var en ökning på 1,9 procentenheter.", "1,9 procentenheter", "change", {"delta": 1.9}),
    ("Andelen minskade med 2 procentenheter.", "med 2 procentenheter", "change", {"delta": -2}),
    ("Det skiljer 16 procentenheter mellan kommunerna.", "16 procentenheter", "percent", 16),
])
def test_percentage_points_are_a_change_only_when_something_changed(text, span, kind, value):
    found = one(text, span)
    assert (found["kind"], found["value"], found["unit"]) == (kind, value, "procentenhet")


def test_mellan_belongs_to_a_dashed_range():
    found = one("Barn mellan 6-15 år deltar.", "mellan 6-15 år")
    assert (found["kind"], found["value"]) == ("age", [6, 15])


def test_a_modifier_the_parser_hangs_on_the_next_noun_is_not_the_counted_noun():
    """A tagger may call 'analoga' a noun; the parse says it modifies 'trygghetslarm'."""
    from spacy.tokens import Doc

    words = ["Vi", "bytte", "240", "analoga", "trygghetslarm", "."]
    doc = Doc(NLP.vocab, words=words, pos=["PRON", "VERB", "NUM", "NOUN", "NOUN", "PUNCT"],
              heads=[1, 1, 4, 4, 1, 1], deps=["nsubj", "ROOT", "nummod", "det", "obj", "punct"],
              lemmas=["vi", "byta", "240", "analog", "trygghetslarm", "."])
    found = [n.to_dict() for n in extract_numbers(doc)]
    assert [(n["text"], n["unit"]) for n in found] == [("240 analoga trygghetslarm",
                                                         "trygghetslarm")]
