"""Numbers on real text (issue 11): the constructions the real-dev error analysis found
(``corpus/real/decisions/numbers-error-analysis.md``), each on a made-up sentence.

Runs on ``spacy.blank("sv")`` like ``test_numbers.py``.
"""
from __future__ import annotations

import pytest

from test_numbers import numbers, one


def reading(text: str, span: str) -> tuple:
    found = one(text, span)
    return found["kind"], found["value"], found["unit"], found["approx"]


@pytest.mark.parametrize("text,span,expected", [
    ("Det är första året vi gör så.", "första året", ("ordinal", 1, "år", False)),
    ("Redan första veckan kom många.", "första veckan", ("ordinal", 1, "vecka", False)),
    ("Elever som gått ut första årskursen får jobb.", "första årskursen", ("grade", 1, "årskurs", False)),
    ("De går i första eller andra årskursen.", "första", ("grade", 1, "årskurs", False)),
    ("De går i första eller andra årskursen.", "andra årskursen", ("grade", 2, "årskurs", False)),
])
def test_ordinals_with_time_and_school_year_nouns(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text", [
    "Medan det andra år har gått bättre.",
    "Kursen i Första hjälpen ges i vår.",
])
def test_ordinal_words_that_are_no_numbers(text):
    assert numbers(text) == []


@pytest.mark.parametrize("text,span,expected", [
    ("Endast en organisation per by kan söka.", "en organisation", ("count", 1, "organisation", False)),
    ("Det räcker med en enda inloggning.", "en enda inloggning", ("count", 1, "inloggning", False)),
    ("Det ska finnas minst en familjecentral i staden.", "minst en familjecentral",
     ("count", 1, "familjecentral", True)),
    ("Vi tar en kommun i taget.", "en kommun", ("count", 1, "kommun", False)),
    ("Klassen delades i tre grupper, där en grupp läser på distans.", "en grupp",
     ("count", 1, "grupp", False)),
    ("Det sparar motsvarande en årsarbetare.", "en årsarbetare", ("count", 1, "årsarbetare", False)),
    ("Det handlar om en dryg miljon som fördelas.", "en dryg miljon", ("money", 1000000, "kronor", True)),
    ("Sedan ett drygt år finns ett team.", "ett drygt år", ("duration", 1, "år", True)),
    ("Räknat på ett helt år blir det mer.", "ett helt år", ("duration", 1, "år", False)),
    ("Det blir en fritidsgård per 2 000 personer.", "en fritidsgård per 2 000 personer",
     ("ratio", {"part": 1, "whole": 2000}, "fritidsgård", False)),
])
def test_the_article_counting_one(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text", [
    "Det kan åtgärdas på en gång.",
    "Hon bjöd upp en efter en av de sju deltagarna.",
    "Det är en av de viktigaste frågorna.",
    "Ett av dessa mål handlar om hälsa.",
])
def test_the_article_that_is_no_number(text):
    assert not [n for n in numbers(text) if n["value"] == 1 or n["kind"] == "ratio"]


@pytest.mark.parametrize("text,span,expected", [
    ("Det fanns 100 sommarjobb men bara 82 av platserna användes.", "82 av platserna",
     ("ratio", {"part": 82, "whole": 100}, "plats", False)),
    ("Sex av nätverkets kommuner har svarat.", "Sex av nätverkets kommuner",
     ("ratio", {"part": 6, "whole": None}, "kommun", False)),
    ("De har öppet tre dagar i veckan, varav på kvällstid en av dessa dagar.", "en av dessa dagar",
     ("ratio", {"part": 1, "whole": 3}, "dag", False)),
    ("Nu har 170 kommuner av Sveriges 290 ett projekt.", "170 kommuner av Sveriges 290",
     ("ratio", {"part": 170, "whole": 290}, "kommun", False)),
    ("Det blev 63 ungdomar av totalt 80 deltagare.", "63 ungdomar",
     ("ratio", {"part": 63, "whole": 80}, "ungdom", False)),
    ("Det är ett av totalt 30 projekt.", "ett av totalt 30 projekt",
     ("ratio", {"part": 1, "whole": 30}, "projekt", False)),
])
def test_parts_of_a_whole(text, span, expected):
    assert reading(text, span) == expected


def test_numbers_listed_after_a_part_share_its_whole():
    text = ("Totalt deltog 46 pojkar och av dem har 20 börjat studera, ett tiotal har fått arbete, "
            "sex stycken har flyttat och tio deltagare är kvar.")
    assert [(n["text"], n["value"]) for n in numbers(text) if n["kind"] == "ratio"] == [
        ("20", {"part": 20, "whole": 46}), ("ett tiotal", {"part": 10, "whole": 46}),
        ("sex stycken", {"part": 6, "whole": 46}), ("tio deltagare", {"part": 10, "whole": 46})]


@pytest.mark.parametrize("text,span,expected", [
    ("Stigen blir tre kilometer lång.", "tre kilometer", ("other", 3, "kilometer", False)),
    ("Eleven ska simma 200 meter.", "200 meter", ("other", 200, "meter", False)),
    ("Risken är 3,5 gånger högre.", "3,5 gånger", ("other", 3.5, "gång", False)),
    ("Vi ses två gånger i veckan.", "två gånger", ("count", 2, "gång", False)),
    ("Antalet röster motsvarar en promille av befolkningen.", "en promille",
     ("ratio", {"part": 1, "whole": 1000}, None, False)),
])
def test_measures_factors_and_per_mille(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,value", [
    ("Biblioteken kan söka ur en pott på 220 miljoner.", "220 miljoner", 220000000),
    ("Regionen skjuter till två miljoner extra.", "två miljoner", 2000000),
])
def test_millions_without_a_noun_are_money(text, span, value):
    assert reading(text, span) == ("money", value, "kronor", False)


def test_a_money_cue_inside_a_compound_is_no_money_context():
    found = one("I dag har över 13 000 en lönesubventionerad anställning.", "över 13 000")
    assert found["kind"] == "count"


@pytest.mark.parametrize("text,span,expected", [
    ("Några av ungdomarna (18–25 år) får jobb.", "18–25 år", ("age", [18, 25], "år", False)),
    ("Medelåldern är lägre än i riket (41,4 år).", "41,4 år", ("age", 41.4, "år", False)),
    ("Risken vid 20 års ålder är hög.", "20 års ålder", ("age", 20, "år", False)),
    ("Besöket görs när barnet är sex månader gammalt.", "sex månader", ("age", 6, "månad", False)),
    ("Den som fyllt 70 år får en guide.", "70 år", ("age", [70, None], "år", False)),
    ("Gratis bad för personer i åldern 65 och uppåt.", "65 och uppåt", ("age", [65, None], "år", False)),
    ("För barn mellan åldrarna sex och 15 år.", "sex och 15 år", ("age", [6, 15], "år", False)),
    ("Träning för äldre från 79 år eller äldre.", "79 år eller äldre", ("age", [79, None], "år", False)),
])
def test_ages(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Det sker under en 10-årsperiod.", "10-årsperiod", ("duration", 10, "år", False)),
    ("Det treåriga projektet slutar nu.", "treåriga", ("duration", 3, "år", False)),
    ("Förslaget ligger uppe hela 60-dagarsperioden.", "60-dagarsperioden", ("duration", 60, "dag", False)),
    ("Ungdomar i 16-årsåldern söker.", "16-årsåldern", ("age", 16, "år", False)),
])
def test_lengths_of_time_inside_compounds(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,value", [
    ("Det är öppet fram till åtta på kvällen.", "åtta", 8),
    ("På fredagar är det öppet till elva.", "elva", 11),
])
def test_times_of_day_in_words(text, span, value):
    assert reading(text, span) == ("other", value, "klockslag", False)


def test_a_time_of_day_keeps_its_qualifier():
    assert reading("Öppet till minst 23:00 på fredagar.", "minst 23:00") == ("other", 23, "klockslag", True)


def test_coordinated_compounds_are_one_counted_noun():
    found = one("Sedan dess har närmare en miljon sport- och friluftsprylar skänkts.",
                "närmare en miljon sport- och friluftsprylar")
    # the unit is the blank pipeline's fallback lemma, not asserted here
    assert (found["kind"], found["value"], found["approx"]) == ("count", 1000000, True)


def test_a_number_word_is_no_time_without_a_cue():
    assert reading("Det kom åtta deltagare på kvällen.", "åtta deltagare")[0] == "count"


@pytest.mark.parametrize("text,span,expected", [
    ("Ansökningarna har ökat med nästan 100 procent.", "med nästan 100 procent",
     ("change", {"delta": 100}, "procent", True)),
    ("I år ökade eleverna som följde programmet sitt meritvärde med 40 poäng.", "med 40 poäng",
     ("change", {"delta": 40}, "poäng", False)),
    ("Medlen ökar från 11 kronor per invånare till 15 kronor.", "från 11 kronor per invånare till 15 kronor",
     ("change", {"from": 11, "to": 15}, "kronor", False)),
])
def test_changes(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Kommunen kan få maximalt 111 000 kronor.", "maximalt 111 000 kronor", ("money", 111000, "kronor", True)),
    ("Där finns uppåt 50 satsningar.", "uppåt 50 satsningar", ("count", 50, "satsning", True)),
    ("Vi nådde kanske tio pojkar.", "kanske tio pojkar", ("count", 10, "pojke", True)),
    ("Det var för snart fyra år sedan.", "snart fyra år", ("duration", 4, "år", True)),
    ("Närmare 300 barn har över 30 procents frånvaro.", "över 30 procents", ("percent", 30, "procent", True)),
])
def test_qualifiers(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Det finns 18.000 personer i extratjänster.", "18.000 personer", ("count", 18000, "person", False)),
    ("Ärendet (KS/2012:628-805) avgjordes.", "KS/2012:628-805", ("other", "KS/2012:628-805", None, False)),
    ("Det gäller 284 sökande i år.", "284 sökande", ("count", 284, "sökande", False)),
])
def test_forms_of_digits_and_counted_nouns(text, span, expected):
    assert reading(text, span) == expected


def test_a_decimal_comma_is_still_a_decimal():
    assert reading("Indexet ligger på 1,24 i år.", "1,24")[1] == 1.24


def test_only_a_restricting_word_makes_the_article_count():
    assert numbers("Det är inte bara en trend.") == []


@pytest.mark.parametrize("text,span,expected", [
    ("Det beslutades i december år 2017.", "december år 2017", ("date", "2017-12", None, False)),
    ("Under perioden november 2021 till januari 2022 var den öppen.", "november 2021 till januari 2022",
     ("period", [2021, 2022], None, False)),
    ("Enkäten skickas ut den 16-22 augusti.", "16-22 augusti", ("date", ["--08-16", "--08-22"], None, False)),
    ("Folkhälsoplan 2015 – 2018 gäller nu.", "2015 – 2018", ("period", [2015, 2018], None, False)),
    ("De deltog mellan åren 2016 och 2018.", "mellan åren 2016 och 2018", ("period", [2016, 2018], None, False)),
    ("Projekten genomförs under perioden 2015 och 2016.", "2015 och 2016", ("period", [2015, 2016], None, False)),
    ("Medlen (§ 37 a) delas ut.", "§ 37 a", ("other", 37, None, False)),
    ("Medlen enligt §37a delas ut.", "§37a", ("other", 37, None, False)),
    ("De vandrar under veckorna 24-34 i sommar.", "veckorna 24-34", ("other", [24, 34], "vecka", False)),
])
def test_dates_periods_and_identifiers(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Resultatet visar att hälften har nått målet.", "hälften", ("ratio", {"part": 1, "whole": 2}, None, False)),
    ("Knappt hälften av kommunerna har svarat.", "Knappt hälften", ("ratio", {"part": 1, "whole": 2}, None, True)),
    ("Närmare varannan kursdeltagare läste på distans.", "Närmare varannan kursdeltagare",
     ("ratio", {"part": 1, "whole": 2}, "kursdeltagare", True)),
    ("Trelleborg var först i landet med detta.", "först", ("ordinal", 1, None, False)),
    ("Tidigare var det elva, tolv blanketter.", "elva, tolv blanketter", ("count", [11, 12], "blankett", False)),
    ("Timlönen är 83 kronor och 38 öre.", "83 kronor och 38 öre", ("money", 83.38, "kronor", False)),
    ("Om förslaget får 50 eller fler röster går det vidare.", "50 eller fler röster", ("count", 50, "röst", True)),
    ("De tre områdena har ett deltagande under femtio procent.", "under femtio procent",
     ("percent", 50, "procent", True)),
    ("De första tre månaderna är gratis.", "första tre månaderna", ("duration", 3, "månad", False)),
    ("Under de två senaste åren har det ökat.", "två senaste åren", ("duration", 2, "år", False)),
    ("Han jobbar halvtid som samordnare.", "halvtid", ("percent", 50, "tjänst", False)),
])
def test_fractions_and_other_forms(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text", [
    "Kursen är på heltid under fem dagar.",
    "Mötesplatsen ligger på Fabriksgatan 3 E i staden.",
    "Det var kampanjen Digidel 2013 som startade det.",
    "Enligt rapporten ”Svenskarna och internet 2018” är det så.",
    "Först ska vi prata om det.",
])
def test_no_number_here(text):
    assert not [n for n in numbers(text) if n["kind"] in ("percent", "count", "year", "ordinal")]


@pytest.mark.parametrize("text,span,expected", [
    ("Alla med barn från årskurs sex och uppåt får brevet.", "årskurs sex och uppåt",
     ("grade", [6, None], "årskurs", False)),
    ("Totalt kom 225 ansökningar. Av de som sökte fick 131 också bifall.", "131",
     ("ratio", {"part": 131, "whole": 225}, "ansökning", False)),
    ("Vi har utvecklat metoden i steg 2.", "steg 2", ("other", 2, "steg", False)),
    ("Ett par tusen sexåringar har deltagit.", "Ett par tusen sexåringar", ("count", 2000, "sexåring", True)),
    ("Arbetet sträcker sig över tre år.", "tre år", ("duration", 3, "år", False)),
    ("Projektet pågick i över tre år.", "över tre år", ("duration", 3, "år", True)),
])
def test_open_grades_parts_steps_and_couples(text, span, expected):
    assert reading(text, span) == expected


def test_a_part_with_its_own_noun_after_av_de_som_is_a_count():
    found = one("Av dem som lagts upp har uppåt 50 satsningar på gång.", "uppåt 50 satsningar")
    assert found["kind"] == "count"


def test_a_post_on_half_time_in_a_sentence_about_training():
    found = one("Kommunen satsar på utbildning, med en samordnare på halvtid som ger stöd.", "halvtid")
    assert (found["kind"], found["value"], found["unit"]) == ("percent", 50, "tjänst")


def test_a_year_after_med_is_no_change():
    found = one("Antalet besök har ökat jämfört med 2018.", "2018")
    assert (found["kind"], found["value"]) == ("year", 2018)


def test_an_article_before_a_compound_of_time_is_no_count():
    assert [n["text"] for n in numbers("Omkring 180 medarbetare har gått en tvådagarskurs.")] == [
        "Omkring 180 medarbetare", "tvådagarskurs"]


def test_var_and_an_ordinal_before_a_time_noun_is_a_ratio():
    # the time noun is in the span, as any noun after 'var fjärde' (batch c: 'var tredje år')
    assert reading("Enkäten görs var tredje år.", "var tredje år") == ("ratio", {"part": 1, "whole": 3}, "år", False)


def test_a_percent_before_a_post_word_is_a_posts_share():
    assert reading("Hon har en 50 procents anställning.", "50 procents") == ("percent", 50, "tjänst", False)


def test_a_number_larger_than_the_whole_is_no_listed_part():
    found = one("Åtta av tio elever trivs och 30 lärare stannar.", "30 lärare")
    assert found["kind"] == "count"


def test_a_number_word_with_a_noun_after_a_clock_cue_is_no_time():
    assert one("Det är öppet till tio veckor efter start.", "tio veckor")["kind"] == "duration"


# ----------------------------------------------------------------- real-dev batch b

@pytest.mark.parametrize("text,span,expected", [
    ("Av dem tackade knappt 500 ja.", "knappt 500", ("ratio", {"part": 500, "whole": None}, None, True)),
    ("Det var 794 ungdomar som sökte. Av dem tackade knappt 500 ja.", "knappt 500",
     ("ratio", {"part": 500, "whole": 794}, "ungdom", True)),
    ("I 125 kommuner är det stabilt. Av dessa ligger 82 kommuner högt.", "82 kommuner",
     ("ratio", {"part": 82, "whole": 125}, "kommun", False)),
    ("Det tråkiga är att av 851 sökande i år fick bara 450 en plats.", "450",
     ("ratio", {"part": 450, "whole": 851}, "sökande", False)),
    ("Av landets 290 kommuner är det bara 62 stycken som erbjuder det.", "62 stycken",
     ("ratio", {"part": 62, "whole": 290}, "kommun", False)),
])
def test_a_clause_opening_with_av_and_a_whole_makes_a_part(text, span, expected):
    assert reading(text, span) == expected


def test_a_parts_noun_is_in_its_span_only_when_it_names_what_the_whole_counts():
    assert reading("Av de 40 deltagarna fick 30 jobb.", "30") == (
        "ratio", {"part": 30, "whole": 40}, "deltagare", False)


def test_av_dessa_refers_back_to_a_part_just_found():
    found = one("Av de 14 deltagarna har elva slutfört den, och sju av dessa har fått jobb.", "sju av dessa")
    assert found["value"] == {"part": 7, "whole": 11}


@pytest.mark.parametrize("text,span,expected", [
    ("Teamet består av en folkhälsochef och tre folkhälsoutvecklare.", "en folkhälsochef",
     ("count", 1, "folkhälsochef", False)),
    ("Vi har haft tre politikerluncher samt ett valstugetorg och en partidebatt.", "ett valstugetorg",
     ("count", 1, "valstugetorg", False)),
    ("Vi har haft tre politikerluncher samt ett valstugetorg och en partidebatt.", "en partidebatt",
     ("count", 1, "partidebatt", False)),
    ("Det är en dialog med gymnasiet och en med högstadiet.", "en dialog", ("count", 1, "dialog", False)),
])
def test_an_article_coordinated_with_a_count_counts_one(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text", [
    "Vi har 360 sökande och ett beslut att bevilja alla.",
    "Sju gick till arbete och elva till en annan myndighet.",
])
def test_an_article_after_a_clause_joining_och_is_no_count(text):
    assert all(n["value"] != 1 for n in numbers(text))


@pytest.mark.parametrize("text,span,expected", [
    ("Alla som går i 9:an får en plats.", "9:an", ("grade", 9, "årskurs", False)),
    ("Biblioteket har flyttat in i en f–9-skola.", "f–9", ("grade", [0, 9], "årskurs", False)),
    ("En elev per skola med 7 -9 verksamhet väljs.", "7 -9", ("grade", [7, 9], "årskurs", False)),
])
def test_school_years_without_arskurs(text, span, expected):
    assert reading(text, span) == expected


def test_a_range_of_school_years_before_a_plural_is_a_count():
    assert one("Projektet når 2-3 skolor i år.", "2-3 skolor")["kind"] == "count"


def test_two_times_of_day_joined_by_a_dash_are_one_range():
    assert reading("Det är öppet måndagar klockan 9.00-15.00.", "klockan 9.00-15.00") == (
        "other", [9, 15], "klockslag", False)


def test_a_stray_space_after_a_decimal_comma_before_a_multiplier():
    assert reading("Kommunerna får dela på 10, 4 miljoner kronor.", "10, 4 miljoner kronor") == (
        "money", 10400000, "kronor", False)


def test_a_ratio_of_bare_multipliers_is_in_kronor():
    assert reading("2 av de 3,25 miljarderna har fördelats.", "2 av de 3,25 miljarderna") == (
        "ratio", {"part": 2000000000, "whole": 3250000000}, "kronor", False)


def test_an_amount_of_millions_before_av_is_money():
    assert reading("Två miljoner av landstingets utvecklingsmedel avsattes.", "Två miljoner") == (
        "money", 2000000, "kronor", False)


@pytest.mark.parametrize("text,span,expected", [
    ("Lekplatsen passar barn från cirka 1 år till 12 år.", "från cirka 1 år till 12 år",
     ("age", [1, 12], "år", True)),
    ("De fick ett boende fram till 18 års ålder.", "fram till 18 års ålder", ("age", [None, 18], "år", True)),
    ("Fokus ligger på åldersgrupperna 0-24 år.", "0-24 år", ("age", [0, 24], "år", False)),
    ("Mottagningens målgrupp 13-23 år får stöd.", "13-23 år", ("age", [13, 23], "år", False)),
])
def test_ages_from_to_and_with_group_words(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Regionen antog ett 11-punktsprogram för hälsa.", "11-punktsprogram", ("count", 11, "punkt", False)),
    ("Kalix hade en sexprocentig förbättring av resultaten.", "sexprocentig",
     ("change", {"delta": 6}, "procent", False)),
    # batch c: 'höjning' is a word of change, as 'förbättring'
    ("Det blev en 6-procentig höjning av taxan.", "6-procentig", ("change", {"delta": 6}, "procent", False)),
    ("Det blev en 6-procentig andel av taxan.", "6-procentig", ("percent", 6, "procent", False)),
])
def test_numbers_that_start_a_compound(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Arbetet pågick under 2016 och 2017.", "2016 och 2017", ("period", [2016, 2017], None, False)),
    ("Målet är att förbättra hälsan med två procentenheter per år.", "med två procentenheter",
     ("change", {"delta": 2}, "procentenhet", False)),
    ("Av dem var 11 000 unga, nästan 3 000 färre än i fjol.", "nästan 3 000 färre",
     ("change", {"delta": -3000}, None, True)),
    ("Tre mål prioriteras: mål 8 och mål 11.", "mål 8", ("other", 8, "mål", False)),
    ("29 000 jämfört med 32 000 förra året.", "32 000", ("count", 32000, None, False)),
    ("Fritidsnämnden förfogar över 550 000 kronor av dessa.", "550 000 kronor",
     ("money", 550000, "kronor", False)),
])
def test_periods_changes_identifiers_and_amounts_of_batch_b(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text", [
    "Dialogen om översiktsplanen, ÖP 2050, drog många besökare.",
    "Projekt 16-24 har stöttat unga.",
    "Tjänstemän inom Region 8 ska kompetensutvecklas.",
    "Klart kan det bli först 2019 då banan byggs.",
])
def test_names_and_not_until_are_no_numbers(text):
    assert [n for n in numbers(text) if n["kind"] in ("count", "ordinal", "period")] == []


# ----------------------------------------------------------------- real-dev batch c

@pytest.mark.parametrize("text,span,expected", [
    ("Bidraget är max 20 000 kr per förening.", "max 20 000 kr", ("money", 20000, "kronor", True)),
    ("Anslaget ökas med 2,5 miljoner kronor nästa år.", "med 2,5 miljoner kronor",
     ("change", {"delta": 2500000}, "kronor", False)),
    ("Öppettiden har decimerats med 15 minuter.", "med 15 minuter", ("change", {"delta": -15}, "minut", False)),
    ("Personalen utökades med drygt 40 årsarbetare.", "med drygt 40 årsarbetare",
     ("change", {"delta": 40}, "årsarbetare", True)),
    ("Det blev en höjning av bidraget med 3 miljoner.", "med 3 miljoner",
     ("change", {"delta": 3000000}, "kronor", False)),
    ("Två län visar ökningar med 4 respektive 2,5 procentenheter.", "2,5 procentenheter",
     ("change", {"delta": 2.5}, "procentenhet", False)),
    ("I snart tre decennier har gården funnits.", "snart tre decennier", ("duration", 3, "decennium", True)),
    ("Festivalen hålls var fjärde år.", "var fjärde år", ("ratio", {"part": 1, "whole": 4}, "år", False)),
    ("Det var hans andra dag på jobbet.", "andra dag", ("ordinal", 2, "dag", False)),
    ("Under projektets andra halvår kom fler.", "andra halvår", ("ordinal", 2, "halvår", False)),
    ("Nätet ger minst 250 Mbit/s till alla.", "minst 250 Mbit/s", ("other", 250, "Mbit/s", True)),
    ("Kursen gick för åren 2015 till 2017 i länet.", "2015 till 2017", ("period", [2015, 2017], None, False)),
    ("Satsningen görs mellan 2024 - 2026 i länet.", "mellan 2024 - 2026", ("period", [2024, 2026], None, False)),
    ("Kurserna gavs mellan mars 2021 och maj 2022 i länet.", "mellan mars 2021 och maj 2022",
     ("period", ["2021-03", "2022-05"], None, False)),
    ("Mellan den 3–7 augusti är skolan öppen.", "Mellan den 3–7 augusti",
     ("date", ["--08-03", "--08-07"], None, False)),
    ("Projektet pågick 2016-02-01-2018-01-31 i länet.", "2016-02-01-2018-01-31",
     ("period", ["2016-02-01", "2018-01-31"], None, False)),
    ("Varje år går mellan 200 och 1 200 miljoner kronor till detta.", "mellan 200 och 1 200 miljoner kronor",
     ("money", [200000000, 1200000000], "kronor", False)),
    ("Nämnden beslutade om ärendet (KFN/112/2019) i maj.", "KFN/112/2019", ("other", "KFN/112/2019", None, False)),
    ("Nämnden föreslog att inrätta tre (3) tjänster.", "tre (3) tjänster", ("count", 3, "tjänst", False)),
    ("Kursen vände sig till män, 55+, utan arbete.", "55+", ("age", [55, None], "år", False)),
    ("Går ditt barn i årskurs 4 eller 5 kan hen söka.", "årskurs 4 eller 5", ("grade", [4, 5], "årskurs", False)),
    ("Enkäten gick till årskurs 5, 8 och gymnasiet år 2.", "årskurs 5, 8", ("grade", [5, 8], "årskurs", False)),
    ("Enkäten gick till årskurs 5, 8 och gymnasiet år 2.", "år 2", ("grade", 2, "årskurs", False)),
    ("Eleverna som gått ut nian fick erbjudandet.", "nian", ("grade", 9, "årskurs", False)),
    ("Skolsköterskan träffar alla sjuor och åttor i höst.", "sjuor och åttor", ("grade", [7, 8], "årskurs", False)),
    ("Kommunen hamnade på plats fem i rankningen.", "plats fem", ("ordinal", 5, "plats", False)),
    ("Laget tog en andraplats i cupen.", "andraplats", ("ordinal", 2, "plats", False)),
    ("Gården stänger i en halvtimme vid fem.", "en halvtimme", ("duration", 0.5, "timme", False)),
    ("Lovet är för barn i åldern 7-12år i kommunen.", "7-12år", ("age", [7, 12], "år", False)),
    ("Kvällen är för de äldre barnen, mellan 10 och 12 år.", "mellan 10 och 12 år",
     ("age", [10, 12], "år", False)),
    ("Medlen går till de fyra politiskt prioriterade målen i planen.", "fyra politiskt prioriterade målen",
     ("count", 4, "mål", False)),
    ("Ungdomarna arbetar i två treveckorsperioder i sommar.", "två treveckorsperioder",
     ("count", 2, "treveckorsperiod", False)),
    ("Mötet är klockan 9.30 till 11.00, i salen.", "klockan 9.30 till 11.00",
     ("other", [9.5, 11], "klockslag", False)),
])
def test_constructions_of_batch_c(text, span, expected):
    assert reading(text, span) == expected


def test_a_passive_verb_is_no_genitive_before_a_part():
    found = one("Där fanns 120 deltagare i projektet. Av dessa bedömdes 25 personer vara klara.", "25 personer")
    assert (found["kind"], found["value"]) == ("ratio", {"part": 25, "whole": 120})


def test_a_post_share_word_after_a_pronoun_and_a_work_verb():
    assert reading("Sedan i våras jobbar hon heltid på gården.", "heltid") == ("percent", 100, "tjänst", False)


@pytest.mark.parametrize("text", [
    "Platserna delas ut enligt principen först till kvarn.",
    "Arbetet med första linjens psykiatri ska stärkas.",
    "Resultaten i Folkhälsorapporten 2019 visar en ökning.",
    "Det visar den senaste bredbandskartläggningen 2015.",
    "Kommunen fick utmärkelsen Årets företagarkommun 2021 av förbundet.",
    "Projektet Steget 16–24 har en ny ledare.",
    "Satsningen Unga Vuxna (UV) 3.0 startar i höst.",
    "Ni hittar oss på Södra vägen 12 i centrum.",
    "Eleverna fick jobb via Första kontakten, kommunens satsning.",
    "Vart och ett av dessa förslag prövas noga.",
    "Länet har 13 kommuner. Där ses hälsa som en av förutsättningarna för tillväxt.",
])
def test_names_idioms_and_addresses_of_batch_c_are_no_numbers(text):
    assert [n["text"] for n in numbers(text) if n["kind"] not in ("count",) or "13" not in n["text"]] == []


def test_things_added_are_no_change():
    found = one("Verksamheten utökas med två nya mötesplatser.", "två nya mötesplatser")
    assert (found["kind"], found["value"], found["unit"]) == ("count", 2, "mötesplats")


@pytest.mark.parametrize("text,span,expected", [
    # batch d (session 11): a digit ordinal takes its noun as a word ordinal does
    ("Det är det 15:e bokslutet i rad.", "15:e bokslutet", ("ordinal", 15, "bokslut", False)),
    ("Det var 3:e året i rad.", "3:e året", ("ordinal", 3, "år", False)),
    # 'N-års ålder' is an age, 'N-års' before another word still a length of time
    ("De får åka gratis vid 65-års ålder.", "65-års ålder", ("age", 65, "år", False)),
    ("Det blev en 10-års period.", "10-års", ("duration", 10, "år", False)),
    # years set off by commas after a name are the person's age; not after a place word
    ("I fåtöljen sitter Alois Nagel, 90 år, och läser.", "90 år", ("age", 90, "år", False)),
    ("Projektet i Malmö pågick i 3 år, och sedan slutade det.", "3 år", ("duration", 3, "år", False)),
    # 'eller fler' after the noun widens the count as before it
    ("Förslaget ska ha 50 personer eller fler bakom sig.", "50 personer eller fler",
     ("count", 50, "person", True)),
    # 'en ökning på (hela) N': a change, the span from the number; money given 'med totalt' is none
    ("Det innebär en ökning på hela 108 procent.", "108 procent", ("change", {"delta": 108}, "procent", False)),
    ("Mottagningen får utökade medel med totalt 4,5 miljoner kronor.", "4,5 miljoner kronor",
     ("money", 4500000, "kronor", False)),
    # 'upp till och med' bounds from above; two dates after 'mellan' are one range
    ("För dig som är upp till och med 17 år.", "upp till och med 17 år", ("age", [None, 17], "år", True)),
    ("Ansökan görs mellan 11 februari och 13 mars.", "mellan 11 februari och 13 mars",
     ("date", ["--02-11", "--03-13"], None, False)),
    # a range of school years right after a school's name
    ("Mobilfri skola infördes på Guldkroksskolan 7-9.", "7-9", ("grade", [7, 9], "årskurs", False)),
    ("Elever i årskurs 9 och år 2 i gymnasiet svarade.", "år 2", ("grade", 2, "årskurs", False)),
    ("Deras ålder varierar mellan 16 och 82 år.", "mellan 16 och 82 år", ("age", [16, 82], "år", False)),
])
def test_constructions_of_batch_d(text, span, expected):
    assert reading(text, span) == expected


def test_a_counted_noun_does_not_cross_a_blank_line():
    found = numbers("Folkhögskolor: 113\n\nUngdomar deltog i kurserna.")
    assert [(n["text"], n["unit"]) for n in found] == [("113", None)]


@pytest.mark.parametrize("text,span,expected", [
    # 'mellan' opens a range of week numbers or clock times, as of counts
    ("Jobben ligger mellan vecka 25 och 33.", "mellan vecka 25 och 33", ("other", [25, 33], "vecka", False)),
    ("Öppet varje torsdag mellan klockan 16 och 19.", "mellan klockan 16 och 19",
     ("other", [16, 19], "klockslag", False)),
    # a season with a glued prefix, a holiday before a year
    ("Projektet avslutas under senhösten 2016.", "senhösten 2016", ("year", 2016, None, False)),
    ("Från nyårsdagen 2016 räknas alla nya företag.", "nyårsdagen 2016", ("date", "2016-01-01", None, False)),
    # numbered aims and target areas are identifiers
    ("Syfte 1: Avsikten var att ge ett alternativ.", "Syfte 1", ("other", 1, "syfte", False)),
    ("Inom arbetet med målområde 4 förs en diskussion.", "målområde 4", ("other", 4, "målområde", False)),
    # 'backade' is a decrease; stacked hedges; an open end after money; English thousands
    ("Nyföretagandet backade med 17 procent.", "med 17 procent", ("change", {"delta": -17}, "procent", False)),
    ("Det gäller de kanske cirka 25 procent av barnen.", "kanske cirka 25 procent",
     ("percent", 25, "procent", True)),
    ("Avgiften ligger på cirka 500 kronor eller mer.", "cirka 500 kronor eller mer", ("money", 500, "kronor", True)),
    ("Elevavgiften är cirka 1,400 kr per år.", "cirka 1,400 kr", ("money", 1400, "kronor", True)),
    ("Biljetten kostar 2,50 kr.", "2,50 kr", ("money", 2.5, "kronor", False)),
    # 'N upp till M år' is a range, not a count and a bound
    ("Barn i åldern fyra upp till sju år tränar.", "fyra upp till sju år", ("age", [4, 7], "år", False)),
    # values on a rating scale and the scale's ends are no counts
    ("Omdömet ger kommunerna 3,43 på en skala mellan 1-6.", "3,43", ("other", 3.43, "betyg", False)),
    ("Omdömet ger kommunerna 3,43 på en skala mellan 1-6.", "mellan 1-6", ("other", [1, 6], "skalsteg", False)),
    ("Helheten fick 4,37 på en femgradig skala.", "4,37", ("other", 4.37, "betyg", False)),
    ("Kommunens medelbetyg är 4,7 i år.", "4,7", ("other", 4.7, "betyg", False)),
    ("Det krävs ett medelvärde på minst 3.", "minst 3", ("other", 3, "betyg", True)),
    ("Svaren ges på en skala mellan 0 (inga problem) och 6 (stora problem).", "6",
     ("other", 6, "skalsteg", False)),
])
def test_constructions_of_batch_e(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Vi börjar i liten skala med två testmiljöer.", "två testmiljöer", ("count", 2, "testmiljö", False)),
    ("Betyget gavs av 5 personer.", "5 personer", ("count", 5, "person", False)),
    ("Det kostar 1,5 kr.", "1,5 kr", ("money", 1.5, "kronor", False)),
    ("Vi tar emot upp till 7 personer.", "upp till 7 personer", ("count", 7, "person", True)),
])
def test_batch_e_constructions_leave_ordinary_numbers(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    # places in a ranking gained or lost are a change of rank
    ("Kommunen är 8 placeringar sämre än i fjol.", "8 placeringar", ("change", {"delta": -8}, "placering", False)),
    ("Kumla klättrade 109 placeringar sedan 2021.", "109 placeringar",
     ("change", {"delta": 109}, "placering", False)),
    ("Det finns 8 placeringar kvar.", "8 placeringar", ("count", 8, "placering", False)),
    # a number of years before 'lång' is a length of time; 'ännu ett år' is no number
    ("Etableringen för unga är två år lång.", "två år", ("duration", 2, "år", False)),
    ("Sett över tio år innebär det en ökning.", "tio år", ("duration", 10, "år", False)),
    ("Beslutet ska skickas senast fyra månader efter startbeslutet.", "senast fyra månader",
     ("duration", 4, "månad", True)),
    # a word of money at the end of a compound makes a large bare number money
    ("Regionen delar ut arbetsstipendier på totalt 150 000.", "150 000", ("money", 150000, "kronor", False)),
])
def test_later_constructions_of_batches_c_and_d(text, span, expected):
    assert reading(text, span) == expected


def test_another_year_is_no_number():
    assert [n["text"] for n in numbers("År 2021 var ännu ett år som präglades av pandemin.")] == ["2021"]


@pytest.mark.parametrize("text,span,expected", [
    # a place in a ranking after 'till'/'mot' or an approximation word
    ("Skövde klättrade till plats 50 i mätningen.", "plats 50", ("ordinal", 50, "plats", False)),
    ("Kommunen har legat runt plats 60-70 i rankningen.", "runt plats 60-70", ("ordinal", [60, 70], "plats", True)),
    # the change word nearest the number gives the sign
    ("Tillväxten minskade från 2017 då investeringarna ökade med 14 procent.", "med 14 procent",
     ("change", {"delta": 14}, "procent", False)),
    ("Det leder till 40 procent fler elever.", "40 procent fler", ("change", {"delta": 40}, "procent", False)),
    # one multiplier for both ends of a dashed range; a first end written out is not scaled
    ("Det kostar 25–30 miljoner kronor.", "25–30 miljoner kronor", ("money", [25000000, 30000000], "kronor", False)),
    ("Det kostar mellan 800 000 och en miljon kronor.", "mellan 800 000 och en miljon kronor",
     ("money", [800000, 1000000], "kronor", False)),
    ("Tillgångarna uppgick till 183,7 mdkr.", "183,7 mdkr", ("money", 183700000000, "kronor", False)),
    ("Vi betalar 3kr per deltagare.", "3kr", ("money", 3, "kronor", False)),
    ("Ett 50-miljoners projekt startar.", "50-miljoners", ("money", 50000000, "kronor", False)),
    # bounds and hedges
    ("Andelen är lägre än 25 %.", "lägre än 25 %", ("percent", 25, "procent", True)),
    ("Det tar åtminstone ett år.", "åtminstone ett år", ("duration", 1, "år", True)),
    ("Det tog dryga två år.", "dryga två år", ("duration", 2, "år", True)),
    ("Vi har lite mer än 80 kurser.", "lite mer än 80 kurser", ("count", 80, "kurs", True)),
    # the counted noun after a stacking modifier
    ("Det bildas tre ytterligare delregionala kommunalförbund.", "tre ytterligare delregionala kommunalförbund",
     ("count", 3, "kommunalförbund", False)),
    ("Det gäller två mycket olika svenska kommuner.", "två mycket olika svenska kommuner",
     ("count", 2, "kommun", False)),
    # clock times, dates after a weekday, open ages, compounds
    ("Mötesplatsen är öppen söndagar kl 15-17.", "kl 15-17", ("other", [15, 17], "klockslag", False)),
    ("Vi slutar runt 23-tiden.", "runt 23-tiden", ("other", 23, "klockslag", True)),
    ("Under tisdagen (10/5) avslutades turnén.", "10/5", ("date", "--05-10", None, False)),
    ("Det gäller 75-plussarna i kommunen.", "75-plussarna", ("age", [75, None], "år", False)),
    ("Praktiken pågår under en sex-veckorsperiod.", "sex-veckorsperiod", ("duration", 6, "vecka", False)),
    ("Samtalet tar 3 min.", "3 min", ("duration", 3, "minut", False)),
    ("Kommunen fick en poäng på 2,7 i år.", "2,7", ("other", 2.7, "betyg", False)),
])
def test_constructions_of_batch_f(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    # clock times: ranges after 'kl' (dash with spaces, 'till', minutes on one end), 'mellan kl X och Y'
    ("Öppet kl 9–15.30 idag.", "kl 9–15.30", ("other", [9, 15.5], "klockslag", False)),
    ("Öppet kl 13 – 15 idag.", "kl 13 – 15", ("other", [13, 15], "klockslag", False)),
    ("Öppet kl 9 till 12 idag.", "kl 9 till 12", ("other", [9, 12], "klockslag", False)),
    ("Öppet mellan kl 9 och 12 idag.", "mellan kl 9 och 12", ("other", [9, 12], "klockslag", False)),
    ("Vi ses kl: 15.30 i aulan.", "kl: 15.30", ("other", 15.5, "klockslag", False)),
    # opening hours without a clock word; 'halv sju'
    ("Vi har öppet mellan 9 och 12 varje dag.", "mellan 9 och 12", ("other", [9, 12], "klockslag", False)),
    ("Öppet tisdagar 17-20 och torsdagar 15.30-18.", "17-20", ("other", [17, 20], "klockslag", False)),
    ("Vi ses halv sju på kvällen.", "halv sju", ("other", 6.5, "klockslag", False)),
    # a part word before its noun
    ("Syskon betalar halv avgift.", "halv", ("ratio", {"part": 1, "whole": 2}, "avgift", False)),
    ("Inkomsten överstiger ett prisbasbelopp.", "ett prisbasbelopp", ("count", 1, "prisbasbelopp", False)),
    # a bare number listed before another shares its unit and kind
    ("Det genomförs under ett eller två kalenderår.", "ett", ("duration", 1, "kalenderår", False)),
    ("Det genomförs under ett eller två kalenderår.", "två kalenderår", ("duration", 2, "kalenderår", False)),
    ("De har vaccinerat sig både en, två och tre gånger.", "en", ("count", 1, "gång", False)),
    ("Det tar två eller tre dagar.", "två", ("duration", 2, "dag", False)),
])
def test_constructions_of_batch_g(text, span, expected):
    assert reading(text, span) == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Öppet för barn 9-12.", "9-12", ("age", [9, 12], "år", False)),
    ("Det var mellan 9 och 12 deltagare.", "mellan 9 och 12 deltagare", ("count", [9, 12], "deltagare", False)),
    ("Det tar en halv dag.", "en halv dag", ("duration", 0.5, "dag", False)),
    ("Barn mellan åldrarna sex och 15 år.", "sex och 15 år", ("age", [6, 15], "år", False)),
])
def test_batch_g_rules_leave_these(text, span, expected):
    assert reading(text, span) == expected
