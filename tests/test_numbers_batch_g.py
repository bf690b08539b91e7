"""Numbers: the wording classes of real-dev batch g (session 14).

Constructed sentences; the rules run on ``spacy.blank("sv")`` except where a reading needs
the tagger (then on the bundled pipeline).
"""
from __future__ import annotations

import pytest
import spacy

from textmine.components.numbers import extract_numbers

NLP = spacy.blank("sv")


def numbers(text: str, nlp=NLP) -> list[dict]:
    return [n.to_dict() for n in extract_numbers(nlp(text))]


def reading(text: str, span: str, nlp=NLP) -> tuple:
    """(kind, value, unit, approx) of the number whose text is ``span``."""
    hits = [n for n in numbers(text, nlp) if n["text"] == span]
    assert len(hits) == 1, (span, numbers(text, nlp))
    n = hits[0]
    return n["kind"], n["value"], n["unit"], n["approx"]


CASES = [
    # an open end after a percent, a duration or en + noun joins the span, approx
    ("I kommuner där andelen är 4,9 procent eller högre erbjuds mindre tid.", "4,9 procent eller högre",
     ("percent", 4.9, "procent", True)),
    ("35 kommuner erbjuder en halvdag eller mindre per vecka.", "en halvdag eller mindre",
     ("duration", 1, "halvdag", True)),
    ("80 kommuner har en heltidstjänst eller mer.", "en heltidstjänst eller mer",
     ("count", 1, "heltidstjänst", True)),
    ("De lägger mindre än en arbetsdag per vecka.", "mindre än en arbetsdag",
     ("duration", 1, "arbetsdag", True)),
    # a comparative after the noun or the money unit: a change
    ("Det klarar 257 kommuner, vilket är sju kommuner fler än i fjol.", "sju kommuner fler",
     ("change", {"delta": 7}, "kommun", False)),
    ("Det kan vara 100 000 kronor mer i årslön.", "100 000 kronor mer",
     ("change", {"delta": 100000}, "kronor", False)),
    # ... but not when it opens the bound of the next number
    ("Det var drygt 30 kommuner mindre än halva beloppet.", "drygt 30 kommuner",
     ("count", 30, "kommun", True)),
    # frequencies with neuter 'vart' / 'vartannat'
    ("Vi genomför en drogvaneundersökning vart tredje år.", "vart tredje år",
     ("ratio", {"part": 1, "whole": 3}, "år", False)),
    ("Priset delas ut vartannat år på mässan.", "vartannat år", ("ratio", {"part": 1, "whole": 2}, "år", False)),
    # years
    ("Data från 2020 års mätningar redovisas.", "2020", ("year", 2020, None, False)),
    ("Inför sommarsäsongen 2020 fattades beslut.", "sommarsäsongen 2020", ("year", 2020, None, False)),
    ("Du som är född åren 2002, 2003 och 2004 kan söka.", "2002, 2003 och 2004",
     ("period", [2002, 2004], None, False)),
    # lengths of time
    ("Det har gått drygt 20 år sedan lagen kom.", "drygt 20 år", ("duration", 20, "år", True)),
    ("Uppdraget löper över tre år.", "tre år", ("duration", 3, "år", False)),
    # kronor and öre with a colon
    ("Kommunen betalar 17:50 kr per resa.", "17:50 kr", ("money", 17.5, "kronor", False)),
    # elided '-åringar'
    ("Feriepraktik för 16- och 17-åringar.", "16- och 17-åringar", ("age", [16, 17], "år", False)),
    ("Feriepraktik för 16-,17- och 18-åringar.", "16-,17- och 18-åringar", ("age", [16, 18], "år", False)),
    # 'varav N är ...' and a listed count of another thing
    ("Det finns 15 förskolor, varav 3 är enskilda, samt 3 familjedaghem.", "3 familjedaghem",
     ("count", 3, "familjedaghem", False)),
    # 'till N jämfört med M' after a word of change
    ("Antalet kommuner har minskat till 56 jämfört med 67 ifjol.", "till 56 jämfört med 67",
     ("change", {"from": 67, "to": 56}, "kommun", False)),
]


@pytest.mark.parametrize("text,span,expected", CASES)
def test_batch_g_readings(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,not_span", [
    ("Kalix vinner priset Sveriges friluftskommun 2023.", "2023"),
    ("Det finns 15 förskolor, varav 3 är enskilda.", "3 är"),
    ("Det satte invånarna i första rummet.", "första rummet"),
    ("Mötet slutar 17:50 i salen.", "17:50 kr"),
])
def test_batch_g_not_numbers(text, not_span):
    assert not_span not in [n["text"] for n in numbers(text)]


def test_varav_part_takes_the_whole_noun():
    assert reading("Det finns 15 förskolor, varav 3 är enskilda.", "3") == \
        ("ratio", {"part": 3, "whole": 15}, "förskola", False)


@pytest.mark.parametrize("text,span", [
    ("Årets andra medborgardialog handlade om seniorer.", "andra medborgardialog"),
    ("Detta är verkets andra nationella kartläggning av matsvinn.", "andra nationella kartläggning"),
])
def test_owned_second_before_a_singular_noun(bundled_nlp, text, span):
    assert reading(text, span, bundled_nlp)[:2] == ("ordinal", 2)


def test_owned_other_before_a_plural_noun(bundled_nlp):
    assert not numbers("Kommunens andra verksamheter berörs inte.", bundled_nlp)


def test_adverb_in_vis_before_adjective_and_noun(bundled_nlp):
    text = "I veckan får 1.200 slumpvis utvalda medborgare en enkät."
    assert reading(text, "1.200 slumpvis utvalda medborgare", bundled_nlp) == ("count", 1200, "medborgare", False)
