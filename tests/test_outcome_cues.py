"""Effect cues of outcome_patterns.json (session outcomes-h): each sentence pair is one class
of wording the cues now tell apart (an effect reported vs. a thing received, a purpose, a
question, a statistic about money)."""
from __future__ import annotations

import pytest
import spacy

from textmine.components.activities.outcomes import OutcomeRules, is_outcome
from textmine.components.activities.recognizer import sentences

CASES = [
    # 'har fått' + an effect word is an effect; a thing or a training received is not
    ("Deltagarna har fått ökad motivation och bättre chanser till arbete.", True),
    ("Evenemanget har fått mycket positiv respons från besökarna.", True),
    ("Personalen har fått utbildning i den nya tekniken.", False),
    ("Alla elever i årskurs 4 har fått en egen dator.", False),
    ("Ungdomarna har själva fått bestämma inredningen.", False),
    ("Det är oklart hur långt arbetet har kommit.", False),
    # going on to work or studies, and a job of any kind, are effects
    ("Flera av ungdomarna har därigenom kommit ut på praktik.", True),
    ("Många har gått vidare till arbete.", True),
    ("Flera av kvinnorna har fått timanställningar efter praktiken.", True),
    # applications that came in are uptake
    ("Över 300 intresseanmälningar har kommit in till delegationen.", True),
    # a question is no outcome
    ("Har du en idé som har lett till bättre samarbete?", False),
    # an increase is an effect, not when it is about money or a worrying trend
    ("Det är en ökning med 45 procent jämfört med förra året.", True),
    ("Överenskommelsen omfattar 1,7 miljarder kronor, en ökning med 360 miljoner kronor.", False),
    ("Vi har sett en oroande ökning av snusande bland eleverna.", False),
    # 'kan nu' is an effect; something that now exists or is now finished is not
    ("Invånarna kan nu sköta ärendena när det passar dem.", True),
    ("Längs leden finns nu grillplatser och vindskydd.", False),
    ("Den nya lekplatsen är nu klar att tas i bruk.", False),
    # 'gör det lättare' after 'vilket' reports an effect; a thing that makes it possible does not
    ("De känner ungdomarna vid namn, vilket gör det lättare att fånga upp dem.", True),
    ("Statsstödet gör det möjligt att ha kvar socialpedagogen.", False),
    ("Ansvaret inom kulturområdet ger positiva kopplingar.", False),
    # 'som bidrar till' names a purpose; 'vilket bidrar till' an effect
    ("Flera vill stanna, vilket bidrar till att orten lever.", True),
    ("Arvsfonden finansierar projekt som bidrar till att stärka barn.", False),
    ("Det finns ett föreningsliv som engagerar och bidrar till gemenskap.", False),
    # reception: positive to, interest roused, appreciated, good experiences
    ("Badgästerna var också positiva till arrangemanget.", True),
    ("Samrådsmötet väckte stort intresse bland invånarna.", True),
    ("Ett ämne som väckte stort intresse var buskörning.", False),
    ("Miljöerna i centrum är uppskattade och används flitigt.", True),
    ("Invånarna uppskattar framför allt den snabba återkopplingen.", True),
    ("Erfarenheterna så här långt är mycket goda.", True),
    # change stated as having happened: doubled, shot up, turned, resulted
    ("Sedan 2008 har förskrivningen nästan tredubblats.", True),
    ("Intresset för kulturskolan sköt i höjden.", True),
    ("Undersökningen resulterade i en ny demokratiberedning.", True),
    ("Projektet gav tydliga resultat i samhället.", True),
    ("Förvaltningen använde ett nytt arbetssätt med framgångsrikt resultat.", True),
    ("Vi tyckte att de hade så pass bra resultat.", False),
    # going on to further studies
    ("Av deltagarna hade 28 procent gått vidare till folkhögskola.", True),
    ("Några språkvänner studerade vidare till barnskötare.", True),
    # a grant, a rise in costs, a negated effect, national statistics are no outcomes
    ("Projektet har blivit beviljat 25 miljoner kronor från Socialfonden.", False),
    ("Kostnaderna har ökat med 10 miljoner kronor samma period.", False),
    ("Antalet besökare har ökat med 10 procent.", True),
    ("Orust kommun deltog inte i enkäten 2017.", False),
    ("Antalet kommuner med avgiftsfri kulturskola har ökat till 56.", False),
    ("Av landets 290 kommuner deltog 238.", False),
    # a task given is no outcome however many words come between
    ("Därför fick Barnombudsmannen i september 2011 i uppdrag att ta fram en strategi.", False),
    # change in the past tense with a figure; 'ett steg ... jämfört med 2020' is no change verb
    ("År 2021 sjönk siffran drastiskt till 542 ungdomar.", True),
    ("Det var ett litet steg uppåt jämfört med 2020.", False),
    # uptake: took part of, applications that came in; increase in the definite form
    ("Flera kommuner har i år tagit del av deras stöd och utbildningar.", True),
    ("Vi fick in betydligt fler intresseanmälningar än vi trott.", True),
    ("Jämfört med föregående år är ökningen markant.", True),
    ("Paviljongen byggdes för att hantera den stora ökningen av förskolebarn.", False),
    # aims judged achieved; experienced change
    ("Pilotprojektets mål bedöms ha uppnåtts.", True),
    ("Unga som deltar upplever större tilltro till beslutsfattarna.", True),
    # 'de ser' + a change observed is an effect; 'de ser X som' is a view
    ("Lärarna ser piggare elever och mindre konflikter i klasserna.", True),
    ("De ser sommarjobben som ett viktigt steg för sina rekryteringar.", False),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_effect_cue_classes(text: str, expected: bool) -> None:
    rules = OutcomeRules.of()
    (sentence,) = sentences(spacy.blank("sv")(text))
    assert is_outcome(sentence, (), rules) is expected


def test_a_price_per_meeting_counts_no_one_reached() -> None:
    """'30 kr per sammankomst med 5 deltagare': a price list, not participants reached."""
    rules = OutcomeRules.of()
    assert rules.reach_not.any("30 kr per sammankomst med 5 – 15 deltagare")
    assert not rules.reach_not.any("30 personer deltog i sammankomsten")


@pytest.mark.parametrize("text", ["75 ungdomar får nu möjlighet att feriepraktisera.",
                                  "Ungdomarna är uppdelade i tre grupper som arbetar tre veckor."])
def test_an_offer_or_a_division_into_groups_counts_no_one_reached(text: str) -> None:
    """An opportunity offered and groups formed are the work's set-up, not its uptake."""
    assert OutcomeRules.of().reach_not.any(text.lower())
