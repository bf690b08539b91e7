"""Activity types and outcomes on sentences written for these tests."""
from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from textmine.components.activities import extract_activities, extract_outcomes
from textmine.components.activities.patterns import Word, load_patterns, trigger_index
from textmine.components.activities.recognizer import sentences


def make_nlp(*components: str):
    nlp = spacy.blank("sv")
    for name in components:
        nlp.add_pipe(name)
    if "lemmatizer" in components:
        pytest.importorskip("spacy_lookups_data")
        nlp.initialize()
    nlp.add_pipe("textmine_activities")
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("sentencizer")


def types(doc):
    return {a.type for a in doc._.activities}


def parsed_types(nlp, words, heads=None, deps=None, pos=None):
    """Activity types of one hand-annotated sentence (a parse or tags the blank pipeline lacks)."""
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              sent_starts=[True] + [False] * (len(words) - 1))
    return types(nlp.get_pipe("textmine_activities")(doc))


@pytest.mark.parametrize("text, expected", [
    ("Förra året rekryterade kommunen två fältassistenter.", "rekrytering"),
    ("En folkhälsostrateg har anställts under hösten.", "rekrytering"),
    ("Kommunen har inrättat en ny träffpunkt för seniorer.", "motesplats"),
    ("Vuxenutbildningen erbjuder kurser i svenska och validering av yrkeskunskaper.", "utbildning"),
    ("Arbetet sker i samverkan med Försäkringskassan.", "samverkan"),
    ("Bygglovsansökan har digitaliserats och en ny app har lanserats.", "digital_tjanst"),
    ("Under sommaren anlade kommunen ett utegym vid sjön.", "fysisk_miljo"),
    ("Biblioteket arrangerade en bokfestival i maj.", "evenemang"),
    ("Tjugo ungdomar fick feriejobb inom äldreomsorgen.", "praktik_arbete"),
    ("Familjer i behov erbjuds hembesök och läxhjälp.", "stod_radgivning"),
    ("Socialnämnden har tagit fram en handlingsplan mot våld.", "strategi_organisation"),
    ("Ett ungdomsråd bildades efter en medborgardialog.", "delaktighet_dialog"),
    ("Två nya tjänster som fältassistent har inrättats.", "rekrytering"),
    ("En ny mötesplats för seniorer har öppnat i Folkets hus.", "motesplats"),
    ("Skolgården har rustats upp med nya lekredskap.", "fysisk_miljo"),
    ("Deltagarna matchas mot lediga jobb hos lokala företag.", "praktik_arbete"),
    ("Inför valet informerade kommunen om hur man röstar.", "delaktighet_dialog"),
    ("Kommunen har genomfört en kartläggning av unga som varken arbetar eller studerar.",
     "strategi_organisation"),
])
def test_each_type_on_a_blank_pipeline(nlp, text, expected):
    doc = nlp(text)
    assert expected in types(doc)
    activity = next(a for a in doc._.activities if a.type == expected)
    assert activity.evidence in activity.sentence
    assert activity.sentence in doc.text


def test_activity_is_tied_to_its_sentence(nlp):
    doc = nlp("Kommunen har rekryterat en IT-strateg. Sedan öppnades en fritidsgård i byn.")
    by_type = {a.type: a for a in doc._.activities}
    assert by_type["rekrytering"].sentence == "Kommunen har rekryterat en IT-strateg."
    assert by_type["rekrytering"].evidence == "rekryterat en IT-strateg"
    assert by_type["motesplats"].sentence.startswith("Sedan öppnades")


def test_a_paragraph_wrapped_by_hand_is_read_as_its_sentences(bundled_nlp):
    """Text extracted from PDF or wrapped at a fixed width breaks lines inside sentences."""
    wrapped = bundled_nlp("Kommunen har under året anställt en\nsamordnare som arbetar med "
                          "unga\nvuxna. Hon har träffat 65 personer.")
    assert [s.text for s in wrapped.sents][1] == "Hon har träffat 65 personer."
    [activity] = [a for a in wrapped._.activities if a.type == "rekrytering"]
    assert activity.sentence.startswith("Kommunen") and activity.sentence.endswith("vuxna.")


def test_words_without_their_pattern_give_nothing(nlp):
    doc = nlp("Rektorn och eleverna åt lunch i matsalen. Satsningen på samordnare diskuterades. "
              "Socialtjänsten ligger i årskurs-huset. Det finns en fritidsgård i tätorten.")
    assert types(doc) == set()


def test_outcomes_keep_effects_and_drop_goals(nlp):
    doc = nlp("Insatsen har lett till att fler unga har fått jobb. "
              "Antalet orosanmälningar har minskat från 60 till 41. "
              "Målet är att närvaron ska ha ökat till våren. "
              "Nästa år ska kommunen starta en mötesplats.")
    outcomes = list(doc._.outcomes)
    assert outcomes == ["Insatsen har lett till att fler unga har fått jobb.",
                        "Antalet orosanmälningar har minskat från 60 till 41."]


def test_no_sentencizer_and_no_lemmatizer():
    nlp = make_nlp()
    doc = nlp("Kommunen anställde en samordnare. Det har lett till färre avhopp.")
    assert "rekrytering" in types(doc)
    assert doc._.outcomes == ["Det har lett till färre avhopp."]


@pytest.mark.filterwarnings("ignore:.*W108")
def test_with_a_lookup_lemmatizer():
    nlp = make_nlp("sentencizer", "lemmatizer")
    doc = nlp("Kommunen anställde tre socialsekreterare och öppnade en familjecentral.")
    assert {"rekrytering", "motesplats"} <= types(doc)


def test_dependency_parse_links_verb_and_object_beyond_the_window(nlp):
    words = ["Kommunen", "anställde", "efter", "en", "lång", "och", "noggrann", "process",
             "med", "flera", "olika", "steg", "en", "kurator", "."]
    heads = [1, 1, 7, 7, 7, 6, 4, 1, 11, 11, 11, 7, 13, 1, 1]
    deps = ["nsubj", "ROOT", "case", "det", "amod", "cc", "conj", "obl", "case", "det", "amod",
            "nmod", "det", "obj", "punct"]
    starts = [True] + [False] * (len(words) - 1)
    parsed = Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=starts)
    unparsed = Doc(nlp.vocab, words=words, sent_starts=starts)
    recognizer = nlp.get_pipe("textmine_activities")
    assert "rekrytering" in types(recognizer(parsed))
    assert "rekrytering" not in types(recognizer(unparsed))


def test_sentences_follow_punctuation_not_a_statistical_splitter(nlp):
    words = ["Stödet", "har", "lett", "till", "bättre", "stöd", "och", "samverkan", "."]
    starts = [True, False, False, False, True, False, False, False, False]
    doc = nlp.get_pipe("textmine_activities")(Doc(nlp.vocab, words=words, sent_starts=starts))
    assert doc._.outcomes == ["Stödet har lett till bättre stöd och samverkan ."]
    assert doc._.activities == []  # the words after the effect cue are the effect


def test_plain_functions_work_on_any_doc():
    doc = spacy.blank("sv")("Vi startade en läxhjälp. Resultatet blev bättre betyg.")
    assert [a.type for a in extract_activities(doc)] == ["stod_radgivning"]
    assert list(extract_outcomes(doc)) == ["Resultatet blev bättre betyg."]


def test_fallback_sentences_split_at_full_stops():
    doc = spacy.blank("sv")("Ett. Två! Tre")
    assert [s.text for s in sentences(doc)] == ["Ett.", "Två!", "Tre"]


_TEXT = st.text(alphabet=st.sampled_from(
    list("abcåäöABÖ anställt samordnare har lett till från 12 ökat .!?,\"”()-–\n\u00a0")),
    max_size=200)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT)
def test_random_text_never_crashes(nlp, text):
    doc = nlp(text)
    for activity in doc._.activities:
        assert activity.sentence in doc.text
        assert activity.evidence in activity.sentence
    for outcome in doc._.outcomes:
        assert outcome in doc.text


_REPORT_WORDS = st.sampled_from(
    "Kommunen har anställt en ungdomscoach och startat en mötesplats i samverkan med "
    "Arbetsförmedlingen . Unga fick sommarjobb , läxhjälp och en kurs i svenska . En "
    "handlingsplan togs fram och ett ungdomsråd bildades . Lägenheter konkursen årskurs "
    "inför delvis tillsammans med föräldrar digitala e-tjänster lekplats festival "
    "ungdomsfestivalen spontanidrottsplatsen föräldrautbildningen språkcaféet "
    "sommarlovsaktiviteter kvällsfritidsgården jobbcoacherna".split())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_REPORT_WORDS, min_size=1, max_size=40))
def test_trigger_index_changes_no_result(nlp, words):
    """The index only skips patterns that could not match: same evidence without it."""
    doc = nlp(" ".join(words))
    recognizer = nlp.get_pipe("textmine_activities").rules
    with_index = [(a.type, a.evidence) for a in doc._.activities]
    index, recognizer.index = recognizer.index, None
    try:
        without = [(a.type, a.evidence) for a in recognizer(doc)._.activities]
    finally:
        recognizer.index = index
    assert with_index == without


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(["", "ungdoms", "kvälls", "e-", "ny", "x"]),
       word=st.sampled_from(sorted({w for pattern in load_patterns()[0] if pattern.nouns
                                    for w in pattern.nouns.forms}
                                   | {w for pattern in load_patterns()[0] if pattern.verbs
                                      for w in pattern.verbs.lemmas})),
       ending=st.sampled_from(["", "t", "de", "erna", "s"]))
def test_trigger_index_holds_every_pattern_a_word_can_match(nlp, prefix, word, ending):
    token = nlp(prefix + word + ending)[0]
    candidates = trigger_index().candidates(Word.of(token))
    for k, pattern in enumerate(load_patterns()[0]):
        word_ = Word.of(token)
        if (pattern.verbs and pattern.verbs.match(word_)) or \
                (pattern.nouns and pattern.nouns.match(word_)):
            assert k in candidates, (token.text, pattern.type)


@pytest.mark.parametrize("text", [
    "Nästa år ska kommunen starta en mötesplats för seniorer.",
    "Målet är att en fritidsgård ska öppna i byn.",
    "Förvaltningen planerar att anställa en samordnare.",
    "Avsikten är att under 2024 starta ett jobbtorg.",
    "Många äldre i kommunen saknar vana vid e-tjänster.",
    "Det finns ingen e-tjänst för bygglov.",
    "Föräldrarna efterfrågar mer stöd under tonåren.",
    # purpose and commission: what is to be done is no activity yet (issue 11)
    "Syftet är att skapa en mötesplats för unga.",
    "Syftet med projektet är att skapa en mötesplats för unga.",
    "Projektet syftar till att starta en fritidsgård.",
    "Byn kommer få en ny lekplats.",
])
def test_plans_goals_and_lacks_are_no_activities(nlp, text):
    assert types(nlp(text)) == set()


@pytest.mark.parametrize("text, expected", [
    # the commission is strategy work (GUIDELINES "Decisions for real text"), what it
    # commissions is not done yet
    ("Nämnden har fått i uppdrag att starta en fritidsgård.", {"strategi_organisation"}),
    ("Kommunen har etablerat ett lärcentrum i syfte att anställa en studiecoach.",
     {"motesplats"}),
    ("I syfte att nå fler unga har kommunen öppnat en fritidsgård.", {"motesplats"}),
    ("Nämnden ska utreda möjligheterna att starta en fritidsgård.", set()),
    # the inquiry is strategy work; what it looks into is not done yet
    ("Förvaltningen utreder förutsättningarna för en ny fritidsgård.",
     {"strategi_organisation"}),
])
def test_purpose_and_commission_cut_only_what_follows_them(nlp, text, expected):
    """'i uppdrag att', 'i syfte att' after the main clause end the activity part; a
    sentence that opens with its purpose keeps its main clause."""
    assert types(nlp(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a council that is not a citizens' or young people's one, a turnout figure and the
    # national curriculum are mentions, not dialogue or strategy work
    ("Folkhälsorådet sammanträder fyra gånger per år.", set()),
    ("Valdeltagandet i kommunen är lågt.", set()),
    ("I läroplanen står att skolan ger eleverna digital kompetens.", set()),
    ("Ungdomsrådet träffas varje månad.", {"delaktighet_dialog"}),
    ("Stadsvärdar har berättat för nyanlända om valet.", {"delaktighet_dialog"}),
])
def test_mentions_that_are_no_dialogue(nlp, text, expected):
    assert types(nlp(text)) == expected


@pytest.mark.parametrize("text", [
    "I höstas beslutade nämnden att införa nattkameror.",
    "Det beslutades att varje stadsdel får en familjecentral.",
])
def test_a_decision_taken_is_strategy_work(nlp, text):
    assert "strategi_organisation" in types(nlp(text))


def test_a_decision_as_a_noun_is_no_strategy_work(nlp):
    assert types(nlp("Beslutet överklagades av en medborgare.")) == set()


def test_what_an_inquiry_looks_into_is_not_done(nlp):
    assert "motesplats" not in types(nlp("Nämnden har utrett möjligheterna att starta en "
                                         "fritidsgård."))




def test_a_modal_in_a_subordinate_clause_leaves_the_main_clause(nlp):
    doc = nlp("Kommunen har anställt en samordnare som ska stötta unga.")
    assert "rekrytering" in types(doc)


def test_parse_scopes_plan_and_negation_to_their_clause(nlp):
    words = ["Kommunen", "har", "anställt", "en", "coach", "och", "ska", "starta", "en",
             "fritidsgård", "."]
    heads = [2, 2, 2, 4, 2, 7, 7, 2, 9, 7, 2]
    deps = ["nsubj", "aux", "ROOT", "det", "obj", "cc", "aux", "conj", "det", "obj", "punct"]
    assert parsed_types(nlp, words, heads, deps) == {"rekrytering"}
    words = ["Tjänsten", "som", "coach", "är", "inte", "tillsatt", "."]
    heads = [5, 2, 0, 5, 5, 5, 5]
    deps = ["nsubj", "case", "nmod", "cop", "advmod", "ROOT", "punct"]
    assert parsed_types(nlp, words, heads, deps) == set()


def test_together_with_a_target_group_is_dialogue_not_collaboration(nlp):
    assert types(nlp("Lekplatsen har utformats tillsammans med ungdomarna.")) >= {"delaktighet_dialog"}
    assert "samverkan" not in types(nlp("Lekplatsen har utformats tillsammans med ungdomarna."))
    assert "samverkan" in types(nlp("Kursen ges tillsammans med Arbetsförmedlingen."))


def test_a_word_ending_like_a_compound_head_is_not_one(nlp):
    # folkhälsoområdet ends in -rådet but is no råd (council); ungdomsrådet is one
    assert types(nlp("Inom folkhälsoområdet har arbetet fortsatt.")) == set()
    assert types(nlp("Ungdomsrådet har träffats fyra gånger.")) == {"delaktighet_dialog"}


def test_counts_of_people_reached_are_outcomes(nlp):
    nlp_numbers = make_nlp("sentencizer")
    nlp_numbers.add_pipe("textmine_numbers", before="textmine_activities")
    doc = nlp_numbers("Kommunen anordnade en festival i maj. Festivalen samlade 350 besökare. "
                      "Under året har 46 personer deltagit i kursen. Kommunen har 9 000 invånare.")
    assert doc._.outcomes == ["Festivalen samlade 350 besökare.",
                              "Under året har 46 personer deltagit i kursen."]


def test_a_lack_ends_at_its_clause(nlp):
    doc = nlp("Kommunen har öppnat en fritidsgård för unga som saknar sysselsättning.")
    assert types(doc) == {"motesplats"}


def test_parse_scopes_a_lack_to_the_words_after_the_verb(nlp):
    words = ["Skolan", "har", "anställt", "en", "kurator", "eftersom", "eleverna", "behöver",
             "stöd", "."]
    heads = [2, 2, 2, 4, 2, 7, 7, 2, 7, 2]
    deps = ["nsubj", "aux", "ROOT", "det", "obj", "mark", "nsubj", "advcl", "obj", "punct"]
    assert parsed_types(nlp, words, heads, deps) == {"rekrytering"}


def test_a_wish_is_a_plan_but_det_vill_saga_is_no_wish(nlp):
    assert types(nlp("Nästa år vill kommunen starta en mötesplats för seniorer.")) == set()
    words = ["Det", "vill", "säga", "samverkan", "med", "polisen", "."]
    heads = [2, 2, 2, 2, 5, 3, 2]
    deps = ["nsubj", "aux", "ROOT", "obj", "case", "nmod", "punct"]
    assert parsed_types(nlp, words, heads, deps) == {"samverkan"}


def test_nearness_does_not_link_a_verb_to_a_word_in_a_relative_clause(nlp):
    doc = nlp("Kommunen har inrättat ett jobbtorg där arbetsmarknadsenheten finns.")
    assert types(doc) == {"motesplats"}
    assert "strategi_organisation" in types(nlp("Kommunen har inrättat en ny enhet för unga."))


def test_with_an_organisation_is_collaboration(nlp):
    assert "samverkan" in types(nlp("Kommunen har bildat ett kompetensråd med industriföretagen."))
    assert "samverkan" not in types(nlp("Kommunen har bildat ett ungdomsråd med tolv ledamöter."))


def test_only_the_first_noun_after_together_with_decides(nlp):
    words = ["Konsulenten", "matchar", "tillsammans", "med", "Arbetsförmedlingen", "deltagarna", "."]
    pos = ["NOUN", "VERB", "ADV", "ADP", "PROPN", "NOUN", "PUNCT"]
    found = parsed_types(nlp, words, pos=pos)
    assert "samverkan" in found and "delaktighet_dialog" not in found


def test_a_future_in_a_relative_clause_leaves_the_rest_of_the_sentence(nlp):
    doc = nlp("Kommunen har kartlagt vilka yrken som kommer att saknas, och vuxenutbildningen har "
              "startat en kurs för svetsare.")
    assert "utbildning" in types(doc)
    assert "utbildning" not in types(nlp("Kommunen kommer att starta en kurs för svetsare."))


def test_a_workshop_is_dialogue_only_with_a_group(nlp):
    assert "delaktighet_dialog" in types(nlp("Verksamheten utformades vid en workshop med högstadieelever."))
    assert "delaktighet_dialog" not in types(nlp("Lärarna har gått återkommande workshops på studiedagar."))


def test_an_adjective_lemmatised_as_a_listed_verb_form_is_no_evidence(nlp):
    words = ["De", "byggde", "en", "upplyst", "pulkabacke", "."]
    doc = Doc(nlp.vocab, words=words, lemmas=["de", "bygga", "en", "upplysa", "pulkabacke", "."],
              sent_starts=[True] + [False] * 5)
    assert "evenemang" not in types(nlp.get_pipe("textmine_activities")(doc))


def test_a_participle_used_as_a_noun_reports_no_act(nlp):
    words = ["Flera", "av", "de", "intervjuade", "beskriver", "promenaden", "."]
    pos = ["PRON", "ADP", "DET", "ADJ", "VERB", "NOUN", "PUNCT"]
    assert "strategi_organisation" not in parsed_types(nlp, words, pos=pos)
    words = ["Kommunen", "intervjuade", "fyrtio", "ungdomar", "."]
    pos = ["NOUN", "VERB", "NUM", "NOUN", "PUNCT"]
    assert "strategi_organisation" in parsed_types(nlp, words, pos=pos)


def test_a_clause_with_its_own_subject_and_auxiliary_is_outside_a_modal(nlp):
    # the parser hung a main clause under a modal one: it keeps its own modality
    words = ["Deltagarna", "vill", "driva", "företag", "kan", "få", "rådgivning", "."]
    heads = [2, 2, 2, 5, 5, 2, 5, 2]
    deps = ["nsubj", "aux", "ROOT", "nsubj", "aux", "ccomp", "obj", "punct"]
    assert "stod_radgivning" in parsed_types(nlp, words, heads, deps)
    # a complement clause ("att de kan ...") stays under the modal
    words = ["Unga", "ska", "känna", "att", "de", "kan", "få", "rådgivning", "."]
    heads = [2, 2, 2, 6, 6, 6, 2, 6, 2]
    deps = ["nsubj", "aux", "ROOT", "mark", "nsubj", "aux", "ccomp", "obj", "punct"]
    assert "stod_radgivning" not in parsed_types(nlp, words, heads, deps)


def test_a_predicate_with_its_own_copula_and_subject_is_outside_a_modal(nlp):
    # "Huset är en mötesplats, och målet är att det ska växa": the parser hung the first
    # clause's predicate under the later "ska"; it states a fact of its own
    words = ["Huset", "är", "en", "mötesplats", ",", "och", "det", "ska", "växa", "."]
    heads = [3, 3, 3, 8, 8, 8, 8, 8, 8, 8]
    deps = ["nsubj", "cop", "det", "nsubj", "punct", "cc", "nsubj", "aux", "ROOT", "punct"]
    assert "motesplats" in parsed_types(nlp, words, heads, deps)
    # a predicate without a subject of its own stays under the modal
    words = ["Huset", "ska", "bli", "en", "mötesplats", "."]
    heads = [4, 4, 4, 4, 4, 4]
    deps = ["nsubj", "aux", "cop", "det", "ROOT", "punct"]
    assert "motesplats" not in parsed_types(nlp, words, heads, deps)


def test_an_organisation_object_is_one_the_entity_recognizer_kept():
    from spacy.tokens import Span

    nlp = spacy.blank("sv")
    nlp.add_pipe("textmine_entities")
    nlp.add_pipe("textmine_activities")

    def run(words, ner=()):
        doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
        doc.ents = [Span(doc, start, end, label="ORG") for start, end in ner]
        for _, component in nlp.pipeline:
            doc = component(doc)
        return types(doc)

    # the NER calls a school form an organisation; cues.json says SFI is never a name
    assert "samverkan" not in run(["Många", "hinner", "med", "SFI", "."], ner=[(3, 4)])
    # the ORG gazetteer knows an agency the NER missed
    assert "samverkan" in run(["Många", "möts", "med", "Arbetsförmedlingen", "."])


@pytest.mark.parametrize("text, absent", [
    # passing mentions the development splits showed wrong far more often than right
    ("Projektet har ökat invånarnas digitala kunskaper.", "digital_tjanst"),  # a skill
    ("Kommunen har delat ut en egen dator till varje elev.", "evenemang"),  # devices
    ("Kursen hölls på lärcentrumet i centralorten.", "motesplats"),  # a place where
    ("Metoden bygger på att området blir tryggare.", "fysisk_miljo"),  # 'based on'
    ("Hon har arbetat många år inom vuxenutbildning.", "utbildning"),  # a sector
    ("Insatser riktade till nyanlända har ökat.", "strategi_organisation"),
    ("Här kan alla låna fritidsutrustning gratis.", "fysisk_miljo"),  # lending
    ("Avtalet tecknades med idrottsutbildarna i länet.", "utbildning"),  # a body
])
def test_passing_mentions_are_no_activity(nlp, text, absent):
    assert absent not in types(nlp(text))


@pytest.mark.parametrize("text, present", [
    ("Biblioteket erbjuder digital läxhjälp.", "digital_tjanst"),
    ("Kommunen har delat ut informationsmaterial till föräldrarna.", "evenemang"),
    ("På torsdagen invigdes ett lärcentrum i centralorten.", "motesplats"),
])
def test_the_same_words_as_activities_still_count(nlp, text, present):
    assert present in types(nlp(text))


def test_what_a_grant_is_for_is_no_activity(nlp):
    # "fick pengar för att öppna ...": a grant only received; without it the clause counts
    words = ["Kommunen", "fick", "pengar", "för", "att", "öppna", "en", "fritidsgård", "."]
    heads = [1, 1, 1, 5, 5, 1, 7, 5, 1]
    deps = ["nsubj", "ROOT", "obj", "mark", "mark", "advcl", "det", "obj", "punct"]
    assert parsed_types(nlp, words, heads, deps) == set()
    words[2] = "mycket"
    assert parsed_types(nlp, words, heads, deps) == {"motesplats"}


def test_a_possibility_given_as_an_example_is_no_activity(nlp):
    words = ["Nu", "kan", "vi", "till", "exempel", "öppna", "en", "fritidsgård", "."]
    heads = [5, 5, 5, 4, 5, 5, 7, 5, 5]
    deps = ["advmod", "aux", "nsubj", "case", "obl", "ROOT", "det", "obj", "punct"]
    assert parsed_types(nlp, words, heads, deps) == set()
    # without the example it is what the service offers, as the gold reads it
    words = ["Nu", "kan", "vi", "öppna", "en", "fritidsgård", "."]
    heads = [3, 3, 3, 3, 5, 3, 3]
    deps = ["advmod", "aux", "nsubj", "ROOT", "det", "obj", "punct"]
    assert parsed_types(nlp, words, heads, deps) == {"motesplats"}


def test_what_it_may_be_about_is_no_activity(nlp):
    # "Det kan handla om ...": what something may be, not what was done
    words = ["Det", "kan", "handla", "om", "en", "konsert", "."]
    heads = [2, 2, 2, 5, 5, 2, 2]
    deps = ["expl", "aux", "ROOT", "case", "det", "obl", "punct"]
    assert parsed_types(nlp, words, heads, deps) == set()
    deps[0] = "nsubj"
    words[0] = "Kören"
    assert parsed_types(nlp, words, heads, deps) == {"evenemang"}


def test_a_goal_or_task_frame_ends_the_activity_part(nlp):
    assert types(nlp("I projektet är målet att starta en fritidsgård.")) == set()
    assert types(nlp("Rådet har till uppgift att starta en fritidsgård.")) == set()
    assert types(nlp("Rådets uppgift blir att starta en fritidsgård.")) == set()
    assert types(nlp("I projektet har kommunen startat en fritidsgård.")) == {"motesplats"}


def test_a_modal_in_a_passive_relative_clause_is_a_plan(nlp):
    # "som ska rekryteras": the people are yet to be recruited (not a role's task)
    words = ["Fritidsledarna", "som", "ska", "rekryteras", "börjar", "i", "maj", "."]
    heads = [4, 3, 3, 0, 4, 6, 4, 4]
    deps = ["nsubj", "nsubj:pass", "aux", "acl:relcl", "ROOT", "case", "obl", "punct"]
    assert parsed_types(nlp, words, heads, deps) == set()
    words[2] = "har"
    assert parsed_types(nlp, words, heads, deps) == {"rekrytering"}


def test_an_expectation_or_intended_use_is_no_activity(nlp):
    assert types(nlp("Under året väntas kommunen anställa en samordnare.")) == set()
    assert types(nlp("Lokalen är tänkt att bli en fritidsgård.")) == set()
    assert types(nlp("Under året har kommunen anställt en samordnare.")) == {"rekrytering"}


def test_a_question_reports_nothing(nlp):
    assert types(nlp("Hur många fritidsgårdar har kommunen öppnat?")) == set()
    assert types(nlp("Kommunen har öppnat två fritidsgårdar.")) == {"motesplats"}


def test_a_short_quoted_title_is_no_activity_but_a_long_quote_still_counts(nlp):
    assert types(nlp("Projektet fick namnet ”Vi öppnade en fritidsgård”.")) == set()
    assert types(nlp("Projektet fick namnet Vi öppnade en fritidsgård.")) == {"motesplats"}
    long_quote = "”I våras öppnade vi en fritidsgård för alla unga i hela kommunen”, säger rektorn."
    assert types(nlp(long_quote)) == {"motesplats"}


def test_a_trend_is_no_activity(nlp):
    assert types(nlp("Samhället blir alltmer digitaliserat.")) == set()
    assert types(nlp("Samhället blir allt mer digitaliserat.")) == set()
    assert types(nlp("Kommunen har digitaliserat ansökan.")) == {"digital_tjanst"}


def test_a_verb_with_a_capital_inside_a_sentence_is_a_word_of_a_name(nlp):
    assert types(nlp("Pengarna kom från fonden Starta Fritidsgård.")) == set()
    assert types(nlp("Pengarna kom från fonden och vi startade fritidsgården.")) == {"motesplats"}
    # after a colon a capital may open a clause of its own
    assert types(nlp("Pengarna kom från fonden: Starta fritidsgården gjorde vi sedan.")) == \
        {"motesplats"}


def test_digital_before_a_field_or_a_survey_is_no_digital_service(nlp):
    assert "digital_tjanst" not in types(nlp("Boende fick en digital enkät."))
    assert "digital_tjanst" not in types(nlp("Det digitala arbetet fortsätter."))
    assert types(nlp("Boende fick en digital hemguide.")) == {"digital_tjanst"}


def test_what_is_replaced_is_not_done(nlp):
    # "i stället för hembesök": the visits are what the new service replaces
    assert types(nlp("Kameraövervakning nattetid i stället för hembesök.")) == set()
    assert types(nlp("Kameraövervakning nattetid och hembesök.")) == {"stod_radgivning"}
    # without a parse only the words just after the phrase
    assert types(nlp("I stället för att vänta har kommunen startat en fritidsgård.")) == \
        {"motesplats"}


def test_what_is_replaced_by_the_parse(nlp):
    words = ["Tillsyn", "sker", "via", "kamera", "i", "stället", "för", "hembesök", "."]
    heads = [1, 1, 3, 1, 7, 4, 7, 3, 1]
    deps = ["nsubj", "ROOT", "case", "obl", "case", "fixed", "case", "nmod", "punct"]
    assert "stod_radgivning" not in parsed_types(nlp, words, heads, deps)
    words[4:7] = ["och", "genom", "regelbundna"]  # the same tree without the phrase
    heads[5] = 7
    deps[4:7] = ["cc", "case", "amod"]
    assert "stod_radgivning" in parsed_types(nlp, words, heads, deps)


def test_applicants_and_help_at_hand_are_no_support(nlp):
    assert types(nlp("Av 1753 sökande ungdomar har många fått svar.")) == set()
    assert types(nlp("Fältassistenterna söker ungdomar i centrum.")) == {"stod_radgivning"}
    assert types(nlp("Till sin hjälp har han en kollega.")) == set()
    assert types(nlp("Han ger hjälp till en kollega.")) == {"stod_radgivning"}


def test_someone_learning_is_no_course(nlp):
    assert "utbildning" not in types(nlp("Eleverna lär sig mycket av varandra."))
    assert "utbildning" in types(nlp("Eleverna fick lära sig mer om ekonomi."))


def test_a_decision_to_grant_money_is_a_grant_not_strategy_work(nlp):
    assert types(nlp("Nämnden har beslutat att bevilja kommunen tre miljoner kronor.")) == set()
    assert types(nlp("Nämnden beslutade idag att tilldela föreningen pengar.")) == set()
    assert "strategi_organisation" in types(nlp("Nämnden har beslutat att starta en fritidsgård."))


def test_what_help_or_a_course_is_about_is_no_digital_service(nlp):
    # GUIDELINES: help with digital tools is support, courses are training
    assert types(nlp("Besökarna fick hjälp med digitala tjänster.")) == {"stod_radgivning"}
    assert types(nlp("Pensionärerna gick en kurs i e-tjänster.")) == {"utbildning"}
    assert types(nlp("Kommunen har infört digitala tjänster.")) == {"digital_tjanst"}
    # 'med hjälp av' (by means of) is no help given
    assert "digital_tjanst" in types(nlp("Med hjälp av en app har kommunen kortat köerna."))


def test_a_digidelcenter_started_and_meeting_places_provided_are_meeting_places(nlp):
    # GUIDELINES "Decisions for real text": DigidelCenter -> motesplats
    assert types(nlp("I år startades 15 nya Digidelcenter.")) == {"motesplats"}
    assert types(nlp("Kommunen tillhandahåller mötesplatser för seniorer.")) == {"motesplats"}


@pytest.fixture(scope="module")
def nlp_numbers():
    """Sentences, numbers and activities: reach outcomes read the numbers' records."""
    pipeline = make_nlp("sentencizer")
    pipeline.add_pipe("textmine_numbers", before="textmine_activities")
    return pipeline


def outcome_of(nlp_numbers, sentence: str) -> bool:
    return nlp_numbers(sentence)._.outcomes == [sentence]


@pytest.mark.parametrize("sentence", [
    "Satsningen har enligt förvaltningen fallit väl ut.",
    "Det blev en stor succé bland de boende.",
    "Projektet har fungerat väldigt bra.",
    "Sommarjobben har varit mycket populära bland ungdomarna.",
    "Metoden har visat sig vara framgångsrik.",
    "I år tog fritidsgården emot rekordmånga besökare.",
    "Deltagarantalet har överskridit förväntningarna.",
    "Utvärderingen visar att föräldrarna är nöjda.",
    "Nu är alla e-tjänster samlade och invånarna kan följa sina ärenden.",
    "Den nya e-tjänsten underlättar för både invånare och handläggare.",
    "För personalen innebär det mindre stress.",
    "Samarbetet har betytt mycket för utvecklingen.",
    "Metoden anses ha en måttlig positiv effekt på arbetet.",
    "Var fjärde fick någon form av anställning efteråt.",
    "Alla som sökt feriepraktik har erbjudits plats.",
    "Under sommaren har sju ungdomar haft feriearbete i kommunen.",
    "Hittills har 85 anställda gått utbildningen.",
    "Många deltagare berättar att de har fått nya vänner.",
])
def test_reception_and_evaluated_effects_are_outcomes(nlp_numbers, sentence):
    assert outcome_of(nlp_numbers, sentence)


@pytest.mark.parametrize("sentence", [
    "Kommunen har fått 200 000 kronor från staten för projektet.",
    "Föreningen fick statsbidrag för att ordna lovaktiviteter.",
    "Förvaltningen har fått i uppdrag att utreda frågan.",
    "Runt 160 ungdomar beräknas få jobb.",
    "I sommar kommer 90 ungdomar att få feriejobb.",
    "Det finns 27 barn i kommunen som sällan går till skolan.",
    "Nu är lekplatsen klar.",
    "Rapporten visar att många äldre saknar internet.",
    "Kommunen och polisen har kommit överens om ett medborgarlöfte.",
    "Enhetschefen har fått ett nytt uppdrag.",
    "Vid demokratidagarna brukar ett hundratal personer delta.",
    "Samordnaren berättar att han bygger upp ett samarbete med skolorna.",
    "Vi ser fram emot att kunna erbjuda platser igen nästa år.",
    "Vi erbjuder 30 ungdomar sommarjobb.",
    "Anläggningen besöks av 200 000 personer per år.",
])
def test_grants_plans_counts_of_what_exists_and_findings_are_no_outcomes(nlp_numbers, sentence):
    assert not outcome_of(nlp_numbers, sentence)


def test_a_grant_that_grew_is_still_a_change(nlp_numbers):
    assert outcome_of(nlp_numbers, "Bidragen som föreningarna har beviljats har ökat från "
                                   "0,4 till 2,1 miljoner kronor.")


def test_a_counted_stock_is_no_activity(nlp):
    # "det finns 59 lekplatser": what exists, counted, not what was built
    words = ["Idag", "finns", "det", "59", "lekplatser", "i", "kommunen", "."]
    heads = [1, 1, 1, 4, 1, 6, 1, 1]
    deps = ["advmod", "ROOT", "expl", "nummod", "nsubj", "case", "obl", "punct"]
    pos = ["ADV", "VERB", "PRON", "NUM", "NOUN", "ADP", "NOUN", "PUNCT"]
    assert parsed_types(nlp, words, heads, deps, pos) == set()
    # without the count (a new place that now exists) the noun still counts
    words[3], deps[3], pos[3] = "nya", "amod", "ADJ"
    assert parsed_types(nlp, words, heads, deps, pos) == {"fysisk_miljo"}


def test_a_noun_in_a_long_enumeration_is_no_activity(nlp):
    # a menu of four or more items names them; it reports no course given
    words = ["Utbudet", "omfattade", "disco", ",", "bio", ",", "paintball", "och", "danskurser", "."]
    heads = [1, 1, 1, 4, 2, 6, 2, 8, 2, 1]
    deps = ["nsubj", "ROOT", "obj", "punct", "conj", "punct", "conj", "cc", "conj", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "PUNCT", "NOUN", "PUNCT", "NOUN", "CCONJ", "NOUN", "PUNCT"]
    assert "utbildning" not in parsed_types(nlp, words, heads, deps, pos)
    # two items are a pair, not an inventory: the course counts
    words = ["Utbudet", "omfattade", "disco", "och", "danskurser", "."]
    heads = [1, 1, 1, 4, 2, 1]
    deps = ["nsubj", "ROOT", "obj", "cc", "conj", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "CCONJ", "NOUN", "PUNCT"]
    assert "utbildning" in parsed_types(nlp, words, heads, deps, pos)


@pytest.mark.parametrize("text, expected", [
    ("Föreningen får stöd från Arvsfonden.", False),  # money from a funder
    ("Föreningarna som nu får stöd för sina projekt är nöjda.", False),  # money for a project
    ("Eleverna får stöd för att klara skolan.", True),  # support, and what it is for
    ("Eleverna får stöd av en studiecoach.", True),
])
def test_support_received_from_a_funder_is_no_support_given(nlp, text, expected):
    assert ("stod_radgivning" in types(nlp(text))) is expected


@pytest.mark.parametrize("text, expected", [
    ("Även unga upp till 29 år kan få stöd genom verksamheten.", False),  # who may get it
    ("Invånarna kan komma att få stöd av tekniken.", False),
    ("Även unga upp till 29 år har fått stöd genom verksamheten.", True),  # given
    ("Under året fick 40 unga hjälp av verksamheten.", True),
])
def test_support_one_can_get_is_no_support_given(nlp, text, expected):
    """'kan få stöd' (not_after on a phrase pattern) says what is open to someone, not what
    was given."""
    assert ("stod_radgivning" in types(nlp(text))) is expected


def test_what_kommer_att_governs_is_a_plan(nlp):
    # "kommer att öppna": a plan (GUIDELINES), as an auxiliary or as a verb with its infinitive
    words = ["Kommunen", "kommer", "att", "öppna", "en", "fritidsgård", "."]
    deps = ["nsubj", "aux", "mark", "ROOT", "det", "obj", "punct"]
    assert parsed_types(nlp, words, [3, 3, 3, 3, 5, 3, 3], deps) == set()
    deps = ["nsubj", "ROOT", "mark", "xcomp", "det", "obj", "punct"]
    assert parsed_types(nlp, words, [1, 1, 3, 1, 5, 3, 1], deps) == set()
    # done, it counts; and a body's part told in a relative clause is no plan of the text's
    words = ["Kommunen", "har", "öppnat", "en", "fritidsgård", "."]
    deps = ["nsubj", "aux", "ROOT", "det", "obj", "punct"]
    assert parsed_types(nlp, words, [2, 2, 2, 4, 2, 2], deps) == {"motesplats"}
    words = ["Föreningen", ",", "som", "kommer", "att", "öppna", "en", "fritidsgård", ",", "växer", "."]
    heads = [9, 5, 5, 5, 5, 0, 7, 5, 9, 9, 9]
    deps = ["nsubj", "punct", "nsubj", "aux", "mark", "acl:relcl", "det", "obj", "punct", "ROOT",
            "punct"]
    assert parsed_types(nlp, words, heads, deps) == {"motesplats"}


@pytest.mark.parametrize("text, type_, expected", [
    ("Målet med projektet är att skapa en mötesplats för äldre.", "motesplats", False),
    ("Det övergripande syftet för projektet är att erbjuda digitala tjänster.", "digital_tjanst",
     False),
    ("Projektet har syftat till att stödja unga som varken arbetar eller studerar.",
     "stod_radgivning", False),
    ("Med projektet har kommunen skapat en mötesplats för äldre.", "motesplats", True),
    ("Projektet har erbjudit digitala tjänster.", "digital_tjanst", True),
    ("Projektet har stöttat unga som varken arbetar eller studerar.", "stod_radgivning", True),
])
def test_the_goal_of_a_project_is_no_activity(nlp, text, type_, expected):
    # "Målet med X är att", "syftet för X är att", "har syftat till att": what X is for
    assert (type_ in types(nlp(text))) is expected


@pytest.mark.parametrize("text, expected", [
    ("Nämnden gav förvaltningen i uppdrag att öppna en fritidsgård.", {"strategi_organisation"}),
    ("Socialnämnden har fått i uppdrag att öppna en fritidsgård.", {"strategi_organisation"}),
    ("Projektet är ett uppdrag från regeringen.", set()),  # a commission named, none given
])
def test_a_commission_given_is_strategy_work_and_what_it_commissions_a_plan(nlp, text, expected):
    # GUIDELINES: a commission already taken is strategy work; the fritidsgård is yet to come
    assert types(nlp(text)) == expected


def test_education_beside_work_is_a_status_not_a_course(nlp):
    # "fick en praktikplats eller vidareutbildning": a next step beside work, no course given
    words = ["Var", "femte", "fick", "en", "praktikplats", "eller", "vidareutbildning", "."]
    heads = [1, 2, 2, 4, 2, 6, 4, 2]
    deps = ["det", "nsubj", "ROOT", "det", "obj", "cc", "conj", "punct"]
    assert "utbildning" not in parsed_types(nlp, words, heads, deps)
    # beside a person's support it is the course given
    words[4] = "mentor"
    assert "utbildning" in parsed_types(nlp, words, heads, deps)


# Issue 11, session 12: causes found on real-dev text (one positive and one negative case each)

@pytest.mark.parametrize("text, expected", [
    ("Kommunen skickade en enkät till alla invånare om parkens framtid.", True),
    ("Enkäten besvarades av 220 av landets 290 kommuner.", False),  # a study of municipalities
    ("Svaren från enkäten visar hur företagsklimatet uppfattas av företagen.", False),
])
def test_a_survey_answered_by_municipalities_or_companies_is_no_dialogue(nlp, text, expected):
    assert ("delaktighet_dialog" in types(nlp(text))) is expected


@pytest.mark.parametrize("text, expected", [
    ("Fältarbetet sker tillsammans med föreningarna i området.", True),
    ("Projektägare var kommunen tillsammans med Malmö stad.", True),
    ("Beslutet publiceras tillsammans med förslaget på hemsidan.", False),  # a thing
    ("Ihop med kollegan jobbar han heltid.", False),  # a companion at work
    ("Den nya tjänsten kan tillsammans med befintliga resurser ge fler kvällar ute.", False),
])
def test_together_with_is_collaboration_only_with_a_body(nlp, text, expected):
    assert ("samverkan" in types(nlp(text))) is expected


@pytest.mark.parametrize("words, pos, expected", [
    (["Kommunen", "står", "tillsammans", "med", "ett", "tjugotal", "föreningar", "bakom", "lovet", "."],
     ["NOUN", "VERB", "ADV", "ADP", "DET", "NOUN", "NOUN", "ADP", "NOUN", "PUNCT"], True),
    (["Budgeten", "görs", "tillsammans", "med", "Park-", "och", "naturförvaltningen", "."],
     ["NOUN", "VERB", "ADV", "ADP", "NOUN", "CCONJ", "NOUN", "PUNCT"], True),
    (["Vi", "fikar", "tillsammans", "med", "ett", "tiotal", "volontärer", "."],
     ["PRON", "VERB", "ADV", "ADP", "DET", "NOUN", "NOUN", "PUNCT"], False),
])
def test_a_round_number_or_compound_part_before_the_body_is_read_past(nlp, words, pos, expected):
    # "ett tjugotal föreningar", "Park- och naturförvaltningen": the head noun decides
    assert ("samverkan" in parsed_types(nlp, words, pos=pos)) is expected


@pytest.mark.parametrize("text, type_, expected", [
    ("Ett 70-tal personer deltog i en gemensam digital utbildning om trygghet.", "digital_tjanst",
     False),  # a course given online is a course
    ("Ett 70-tal personer deltog i en gemensam digital utbildning om trygghet.", "utbildning", True),
    ("Kommunen har infört digital tillsyn nattetid i hemtjänsten.", "digital_tjanst", True),
])
def test_digital_as_the_form_of_a_course_or_meeting_is_no_digital_service(nlp, text, type_,
                                                                         expected):
    assert (type_ in types(nlp(text))) is expected


@pytest.mark.parametrize("text, expected", [
    ("Kommunen ger varje år föreningsbidrag till idrottsklubbarna.", True),
    ("Föreningar har kunnat söka bidrag för att ordna lovaktiviteter.", True),
    ("Kommunen fick ett statsbidrag för lovaktiviteter.", False),  # received, not given
    ("Bidraget gick till en ny lekplats.", False),
])
def test_grants_to_associations_are_collaboration(nlp, text, expected):
    # GUIDELINES, Decisions for real text: grants a municipality gives associations
    assert ("samverkan" in types(nlp(text))) is expected


@pytest.mark.parametrize("text, expected", [
    ("Kommunstyrelsen tog beslut om en ny upphandling av skolskjutsar.", True),
    ("Fullmäktige har sagt ja till att bygga om simhallen.", True),
    ("Det klubbade kultur- och fritidsnämnden i veckan.", True),
    ("Nämnden ska ta beslut om saken i vår.", False),  # a decision still to come
])
def test_a_decision_worded_without_besluta_is_strategy_work(nlp, text, expected):
    assert ("strategi_organisation" in types(nlp(text))) is expected


@pytest.mark.parametrize("text, expected", [
    ("Kommunen har gjort en uppföljning av verksamheten.", True),
    ("Utredningen om en trygghetsskapande funktion är klar.", True),
    ("Enligt den senaste uppföljningen har fler fått jobb.", False),  # a cited figure
])
def test_a_follow_up_or_inquiry_made_is_strategy_work(nlp, text, expected):
    assert ("strategi_organisation" in types(nlp(text))) is expected


@pytest.mark.parametrize("text, expected", [
    ("Förvaltningarna har identifierat över 120 arbetsprocesser.", True),
    ("I analysen identifierades fem områden att arbeta vidare med.", True),
    ("Vi har identifierat ett behov av fler platser.", False),  # a need, no mapping reported
])
def test_areas_or_processes_identified_are_strategy_work(nlp, text, expected):
    assert ("strategi_organisation" in types(nlp(text))) is expected


@pytest.mark.parametrize("text, expected", [
    ("I år har Fritidsbanken lånat ut över 6 000 sportartiklar.", True),
    ("Klassen gjorde ett besök hos ungdomskulturhuset Villan.", False),  # where, not what
    ("Rapporten visar hur folkbibliotek fungerar som medborgarkontor.", False),  # a role compared
])
def test_a_meeting_place_named_as_a_location_or_comparison_is_no_opening(nlp, text, expected):
    assert ("motesplats" in types(nlp(text))) is expected


@pytest.mark.parametrize("text, expected", [
    ("Projektet har en medfinansiering på 33 procent från kommunerna.", True),
    ("Flera föreningar och organisationer är anslutna till projektet.", True),
    ("Arbetet involverar frivilligsektorn och näringslivet.", True),
    ("Projektet involverar elever i årskurs 9.", False),  # pupils reached, no body joined
    ("Kommunen har anslutit sig till fibernätet.", False),  # a network of cables, no body
])
def test_co_funding_and_bodies_involved_are_collaboration(nlp, text, expected):
    assert ("samverkan" in types(nlp(text))) is expected


@pytest.mark.parametrize("text, absent", [
    # session 13: words of a pattern used in another sense (issue: activity precision on real text)
    ("Kommunen startade ett pilotprojekt med gratis simskola.", "samverkan"),
    ("Fritidsledaren ordnar fritidsaktiviteter för unga.", "evenemang"),
    ("Mötesplatserna har allt sämre öppettider på helger.", "motesplats"),
    ("Servicecenter tar emot frågan och ger svar direkt.", "motesplats"),
    ("Rekryteringen till panelen gjordes genom utskick.", "rekrytering"),
    ("Enheten samordnar planeringen av bostäder.", "samverkan"),
    ("Eleven skriver ett kontrakt tillsammans med en vuxen.", "delaktighet_dialog"),
    ("Åtta av tio hushåll har tillgång till snabbt bredband.", "digital_tjanst"),
    ("Nämnden biföll medborgarförslaget att bygga ett motionsspår.", "fysisk_miljo"),
    ("Inför sommaren höll enheten en kurs i arbetsmiljö.", "strategi_organisation"),
    ("Kommunen har infört en chattfunktion på webbplatsen.", "strategi_organisation"),
    ("Styrgruppen träffas en gång i månaden.", "strategi_organisation"),
    ("Utvärderarna ser ett behov av en tydligare tidsplan.", "strategi_organisation"),
    ("Området ligger nära bad och tennisplan.", "strategi_organisation"),
])
def test_a_pattern_word_in_another_sense_is_no_activity(nlp, text, absent):
    assert absent not in types(nlp(text))


@pytest.mark.parametrize("text, expected", [
    # what the narrowed patterns still find
    ("Fritidsgården ordnar aktiviteter för unga.", "evenemang"),
    ("Införandet har skett i en samordnad upphandling.", "samverkan"),
    ("Lekplatsen har utformats tillsammans med ungdomarna.", "delaktighet_dialog"),
    ("Bredbandsfiber har byggts i tre byar.", "digital_tjanst"),
    ("Kommunen har byggt ut bredband på landsbygden.", "digital_tjanst"),
    ("Kommunen har inrättat en styrgrupp för arbetet.", "strategi_organisation"),
    ("Socialnämnden har tagit fram en handlingsplan mot våld.", "strategi_organisation"),
])
def test_narrowed_patterns_keep_their_activities(nlp, text, expected):
    assert expected in types(nlp(text))
