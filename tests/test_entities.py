"""Entity extraction on sentences written for these tests (not from the bundled report)."""
from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from textmine.components.entities import extract_entities, extract_target_groups
from textmine.lexicon import Lexicon

municipalities = pytest.importorskip("textmine.municipalities")


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("textmine_entities")
    return nlp


def run(nlp, text, municipality=None):
    doc = nlp.make_doc(text)
    doc._.context_municipality = municipality
    return nlp(doc)


def labelled(doc):
    return {(e.text, e.label) for e in doc._.entities}


def test_roles_and_groups_match_unseen_compounds(nlp):
    doc = run(nlp, "Tranemo kommun har anställt två ungdomscoacher och en IT-pedagog som "
                   "arbetar med gymnasieungdomar och nyanlända kvinnor.")
    found = labelled(doc)
    assert ("ungdomscoacher", "ROLE") in found
    assert ("IT-pedagog", "ROLE") in found
    assert ("gymnasieungdomar", "TARGET_GROUP") in found
    assert ("nyanlända kvinnor", "TARGET_GROUP") in found
    assert "gymnasieungdom" in doc._.target_groups
    tranemo = [e for e in doc._.entities if e.label == "MUNICIPALITY"]
    assert [(e.text, e.code) for e in tranemo] == [("Tranemo kommun", "1452")]


def test_kommunen_links_to_the_section_municipality(nlp):
    kiruna = municipalities.default_gazetteer().by_code("2584")
    doc = run(nlp, "Kommunen samarbetar med Försäkringskassan och polisen.", kiruna)
    found = {(e.text, e.label, e.code) for e in doc._.entities}
    assert ("Kommunen", "MUNICIPALITY", "2584") in found
    assert ("Försäkringskassan", "ORG", None) in found
    assert ("polisen", "ORG", None) in found


def test_orgs_from_gazetteer_and_abbreviations(nlp):
    doc = run(nlp, "Projektet drivs med Region Skåne, SKR och Länsstyrelsen i Skåne län. "
                   "Eleverna såg på TV om SOS Alarm och ville bilda en förening.")
    found = labelled(doc)
    assert ("Region Skåne", "ORG") in found
    assert ("SKR", "ORG") in found
    assert ("Länsstyrelsen i Skåne län", "ORG") in found
    assert not any(text in ("TV", "SOS", "bilda") for text, _ in found)


def test_projects_and_events_from_cues(nlp):
    doc = run(nlp, 'I projektet "Nya vägar" deltar tolv familjer. Hösten avslutades med '
                   "musikfestivalen Summer of Sound och eventet Run for Life. "
                   "Skolan arbetar enligt Tranåsmodellen.")
    found = labelled(doc)
    assert ("Nya vägar", "PROJECT") in found
    assert ("Summer of Sound", "EVENT") in found
    assert ("Run for Life", "EVENT") in found
    assert ("Tranåsmodellen", "PROJECT") in found


def test_locations_and_fixed_names(nlp):
    doc = run(nlp, "Kursen i svenska för invandrare hålls i Tornedalen och i Storbyn, "
                   "som har 2 000 invånare.")
    found = labelled(doc)
    assert ("Tornedalen", "LOC") in found
    assert ("Storbyn", "LOC") in found
    assert not any(label == "TARGET_GROUP" for _, label in found)


def test_statistical_ner_fills_names_no_list_holds(nlp):
    doc = nlp.make_doc("Projektledaren Karin Berg besökte Stiftelsen Lyftet och reste till Abisko.")
    doc.ents = [Span(doc, 1, 3, label="PER"), Span(doc, 9, 10, label="LOC")]
    doc = nlp(doc)
    found = labelled(doc)
    assert ("Karin Berg", "PERSON") in found
    assert ("Projektledaren", "ROLE") in found
    assert ("Abisko", "LOC") in found
    assert ("Stiftelsen Lyftet", "ORG") in found


def test_names_recur_and_named_kinds(nlp):
    doc = run(nlp, "Projektet Bryggan startade i våras. Deltagarna i Bryggan träffas på "
                   "Ungdomshuset Fyren och på Hampnäs folkhögskola. Samordnaren Lena Holm "
                   "planerar Vinterfestivalen.")
    found = labelled(doc)
    assert [text for text, label in found if label == "PROJECT"].count("Bryggan") == 1
    assert sum(1 for e in doc._.entities if e.text == "Bryggan" and e.label == "PROJECT") == 2
    assert ("Ungdomshuset Fyren", "LOC") in found
    assert ("Hampnäs folkhögskola", "ORG") in found
    assert ("Lena Holm", "PERSON") in found
    assert ("Vinterfestivalen", "EVENT") in found


def test_a_statistical_sentence_cut_inside_a_name_is_ignored(nlp):
    words = ["Projekt", "Framtid", "Tranemo", "riktar", "sig", "till", "SFI", "."]
    starts = [True, False, True, False, False, False, False, False]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    doc.ents = [Span(doc, 6, 7, label="ORG")]  # the NER calls a school form an ORG
    doc = nlp.get_pipe("textmine_entities")(doc)
    assert labelled(doc) == {("Framtid Tranemo", "PROJECT")}


def test_place_endings_and_long_organisation_names(nlp):
    doc = run(nlp, "Vi samverkar med Lövbackens ekonomiska förening, och kaféet i Lövbacken "
                   "ligger nära Granudden i framtidens Norrbygden.")
    found = labelled(doc)
    assert ("Lövbackens ekonomiska förening", "ORG") in found
    assert ("Lövbacken", "ORG") in found
    assert ("Granudden", "LOC") in found
    assert ("Norrbygden", "LOC") in found


def test_a_runaway_ner_span_does_not_hide_the_municipality(nlp):
    doc = nlp.make_doc("Tranemo kommun ligger lågt när det gäller valdeltagande.")
    doc.ents = [Span(doc, 0, 7, label="ORG")]
    doc = nlp(doc)
    assert labelled(doc) == {("Tranemo kommun", "MUNICIPALITY")}


def _with_ner(nlp, words, pos, ent_start, ent_end, label="ORG", municipality=None):
    doc = Doc(nlp.vocab, words=words, pos=pos)
    doc.ents = [Span(doc, ent_start, ent_end, label=label)]
    doc._.context_municipality = municipality
    return nlp.get_pipe("textmine_entities")(doc)


def test_the_municipality_as_a_body_wins_over_a_ner_name_that_starts_with_it(nlp):
    eda = municipalities.default_gazetteer().by_code("1730")
    doc = _with_ner(nlp, ["Kommunens", "hälsoplan", "ligger", "som", "grund", "."],
                    ["NOUN", "NOUN", "VERB", "SCONJ", "NOUN", "PUNCT"], 0, 2, municipality=eda)
    assert labelled(doc) == {("Kommunens", "MUNICIPALITY")}
    doc = _with_ner(nlp, ["Vi", "träffar", "Eda", "kommuns", "Ungdomsråd", "."],
                    ["PRON", "VERB", "PROPN", "NOUN", "NOUN", "PUNCT"], 2, 5)
    assert labelled(doc) == {("Eda kommuns", "MUNICIPALITY")}
    # a municipality name inside another name stays part of it (GUIDELINES)
    doc = _with_ner(nlp, ["Vi", "träffar", "Eda", "Företagsråd", "."],
                    ["PRON", "VERB", "PROPN", "NOUN", "PUNCT"], 2, 4)
    assert labelled(doc) == {("Eda Företagsråd", "ORG")}


def test_ner_names_that_are_common_words_are_dropped(nlp):
    # capitalised only because it opens the sentence
    doc = _with_ner(nlp, ["Färska", "siffror", "visar", "att", "de", "ökar", "."],
                    ["ADJ", "NOUN", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"], 0, 2)
    assert labelled(doc) == set()
    # a compound on a word that is never a name (cues.json not_names: Skype)
    doc = _with_ner(nlp, ["De", "håller", "större", "Skypemöten", "."],
                    ["PRON", "VERB", "ADJ", "NOUN", "PUNCT"], 3, 4)
    assert labelled(doc) == set()
    # a capitalised second word is a name even at the start of a sentence
    doc = _with_ner(nlp, ["Nya", "Hoppet", "har", "köpt", "datorer", "."],
                    ["ADJ", "PROPN", "AUX", "VERB", "NOUN", "PUNCT"], 0, 2)
    assert labelled(doc) == {("Nya Hoppet", "ORG")}


def test_long_unpunctuated_text_takes_linear_time(nlp):
    import time
    text = " ".join(["kommunen anställde samordnare och startade Fritidsgården Fyren"] * 2000)
    started = time.perf_counter()
    doc = run(nlp, text)
    assert len(doc._.entities) >= 4000
    assert time.perf_counter() - started < 30  # about 1 s; quadratic code took minutes


def test_spans_never_overlap_and_longest_rule_wins(nlp):
    doc = run(nlp, 'Satsningen "Framtid Tranemo" och Tranemo kommun samverkar.')
    spans = sorted((e.start, e.end) for e in doc._.entities)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert ("Framtid Tranemo", "PROJECT") in labelled(doc)


def test_plain_functions_run_the_component_when_missing():
    blank = spacy.blank("sv")
    doc = blank("Föräldrar och hemmasittare får stöd av en familjebehandlare.")
    assert {e.label for e in extract_entities(doc)} == {"TARGET_GROUP", "ROLE"}
    assert list(extract_target_groups(doc)) == ["förälder", "hemmasittare"]


def test_lexicon_matches_heads_not_prefixes():
    lexicon = Lexicon.from_lines(["coach", "=unga"])
    assert lexicon.match_word("studiecoacherna").lemma == "coach"
    assert lexicon.match_word("coachning") is None
    assert lexicon.match_word("ungdomsunga") is None
    hosts = Lexicon.from_lines(["värd", "-värden", "~personal"])
    assert hosts.match_word("stadsvärdar").lemma == "värd"
    assert hosts.match_word("kärnvärden") is None
    assert hosts.match_word("personal") is None
    assert hosts.match_word("förskolepersonal").canonical == "förskolepersonal"


def test_an_excluded_form_does_not_match_by_its_lemma():
    # "-lokala": the adjective (lokala arbetsgivare), though a lemmatizer gives it lemma lokal
    premises = Lexicon.from_lines(["lokal", "-lokala lokalt"])
    doc = Doc(spacy.blank("sv").vocab, words=["lokala", "lokalen", "lokaler"],
              lemmas=["lokal", "lokal", "lokal"])
    assert premises.match(doc[0]) is None
    assert premises.match(doc[1]).lemma == "lokal"
    assert premises.match(doc[2]).lemma == "lokal"


@pytest.mark.parametrize("word,lemma", [
    ("lägenheterna", None), ("erfarenheter", None), ("skolenheten", "enhet"),  # -het nouns
    ("konkursen", None), ("årskurs", None), ("språkkurserna", "kurs"),
    ("samarbetet", None), ("feriearbetet", "arbete"),  # samarbete is no kind of arbete
    ("projektledarna", None), ("vandringsleden", "led"),  # ledare is no trail
])
def test_lexicon_skips_false_compound_heads(word, lemma):
    lexicon = Lexicon.from_lines(["enhet", "kurs", "led", "arbete"])
    found = lexicon.match_word(word)
    assert (found.lemma if found else None) == lemma


def test_a_lexicon_that_lists_a_false_head_still_matches_it():
    lexicon = Lexicon.from_lines(["samarbete", "arbete"])
    assert lexicon.match_word("samarbetet").lemma == "samarbete"
    assert lexicon.match_word("utvecklingssamarbete").lemma == "samarbete"


_WORDS = st.sampled_from(["Kommunen", "kommunens", "Eda", "Projektet", '"', "”", "(", ")", "SKR",
                          "SCB:s", "ESF-projektet", "i", "Stinsen", "Vinterfestivalen", "första",
                          "storting", "anställt", "barnrätts-", "och", "unga", "vuxna", "\n",
                          "\u00a0", "–", "Region", "Skåne", "polis", "Ungdomshuset", "Anna",
                          "samordnaren", "eventet", "Run", "for", "Life", "."])
_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(list("abcåäöABCÅÖ kommun Eda \"”«»()-–.,:;!?1203\n\u00a0")),
            max_size=200),
    st.lists(_WORDS, max_size=40).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT)
def test_random_text_never_crashes_and_offsets_slice(nlp, text):
    eda = municipalities.default_gazetteer().by_code("1730")
    doc = run(nlp, text, eda)
    previous_end = -1
    for entity in doc._.entities:
        assert doc.text[entity.start:entity.end] == entity.text
        assert entity.text and entity.text.strip() == entity.text
        assert entity.start >= previous_end
        previous_end = entity.end
    assert all(isinstance(group, str) for group in doc._.target_groups)


def test_bundled_pipeline_runs_the_component():
    import textmine
    try:
        nlp = textmine.load()
    except Exception as err:  # the bundled model is built separately
        pytest.skip(f"bundled model not available: {err}")
    doc = nlp("Kommunen har anställt en samordnare för nyanlända elever.")
    assert ("samordnare", "ROLE") in labelled(doc)
