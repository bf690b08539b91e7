"""The learned hit filter of the activity component (issue 11): its features, the model,
saving it safely and carrying it in a pipeline."""
from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from textmine.components.activities import hit_filter
from textmine.components.activities.hit_filter import (HitFilter, Keep, hit_features,
                                                       load_filter, save_filter)
from textmine.persistence import ModelLoadError

# parsed sentences "Kommunen ska anställa / har anställt en samordnare ."
HEADS = [2, 2, 2, 4, 2, 2]
DEPS = ["nsubj", "aux", "ROOT", "det", "obj", "punct"]
POS = ["NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT"]
DONE = ["Kommunen", "har", "anställt", "en", "samordnare", "."]
DONE_POS = ["NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT"]


def parsed_doc(vocab, words, pos=POS):
    return Doc(vocab, words=words, heads=HEADS, deps=DEPS, pos=pos,
               sent_starts=[True] + [False] * (len(words) - 1))


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("textmine_activities")
    return nlp


def candidates(nlp, doc):
    recognizer = nlp.get_pipe("textmine_activities").rules
    return recognizer.candidates(doc)[0], recognizer.patterns


def test_features_name_the_rule_the_governing_verb_and_its_auxiliaries(nlp):
    doc = parsed_doc(nlp.vocab, ["Kommunen", "har", "anställt", "en", "samordnare", "."])
    found, patterns = candidates(nlp, doc)
    assert {c.hit.type for c in found} == {"rekrytering"}  # several patterns, one type
    rows = hit_features(doc, found, patterns)
    assert any(row.get("rule=rekrytering:verb_object") for row in rows)
    row = rows[0]
    assert row["type=rekrytering"] == 1.0 and row[f"type_hits={min(len(found), 3)}"] == 1.0
    assert row["gov_aux=har"] == 1.0 and row["cue=perfect"] == 1.0
    assert row["subj=kommunen"] == 1.0
    assert "cue=modal" not in row


def test_features_see_a_modal_and_a_quote():
    nlp = spacy.blank("sv")
    doc = nlp("– Vi kan erbjuda läxhjälp, säger hon.")
    from textmine.components.activities.recognizer import Candidate, Hit

    hit = Hit("stod_radgivning", 4, 5, -1)  # läxhjälp
    row = hit_features(doc, [Candidate(hit, doc[:], 0, False)], [])[0]
    assert row["cue=can"] == 1.0 and row["cue=quote"] == 1.0 and row["sent_dash"] == 1.0
    assert row["rule=stod_radgivning:none"] == 1.0 and row["before=erbjuda"] == 1.0


def toy_filter() -> HitFilter:
    """A filter that has learned 'a modal means a plan': modal rows are wrong, others right."""
    rows = [{"cue=modal": 1.0, "type=rekrytering": 1.0}] * 20 + \
        [{"type=rekrytering": 1.0, "cue=perfect": 1.0}] * 20
    return HitFilter(C=10.0, threshold=0.5).fit(rows, [0] * 20 + [1] * 20)


def test_filter_learns_to_drop_what_its_training_hits_say_is_wrong():
    model = toy_filter()
    keep = model.predict([{"cue=modal": 1.0, "type=rekrytering": 1.0},
                          {"cue=perfect": 1.0, "type=rekrytering": 1.0}])
    assert keep.tolist() == [0, 1]
    assert model.keep_probability([]).shape == (0,)


def test_keep_judges_parsed_docs_and_leaves_unparsed_ones_alone(nlp):
    recognizer = nlp.get_pipe("textmine_activities").rules
    keep = Keep(toy_filter(), recognizer.patterns)
    # a modal in the features: the (hand-set) rule hit is dropped from a parsed Doc
    doc = parsed_doc(nlp.vocab, ["Kommunen", "ska", "anställa", "en", "samordnare", "."])
    from textmine.components.activities.recognizer import Candidate, Hit

    judged = [Candidate(Hit("rekrytering", 2, 5, 0), doc[:], 0, False)]
    assert keep(doc, judged) == []
    done = parsed_doc(nlp.vocab, DONE, DONE_POS)
    assert len(keep(done, [Candidate(Hit("rekrytering", 2, 5, 0), done[:], 0, False)])) == 1
    blank = nlp.make_doc("Kommunen ska anställa en samordnare.")
    unparsed = [Candidate(Hit("rekrytering", 2, 5, 0), blank[:], 0, False)]
    assert keep(blank, unparsed) == unparsed


def test_component_uses_the_filter_it_is_given(nlp):
    component = nlp.get_pipe("textmine_activities")
    done = parsed_doc(nlp.vocab, DONE, DONE_POS)
    assert [a.type for a in component(done)._.activities] == ["rekrytering"]

    class DropAll:
        def __call__(self, doc, found):
            return []

    rules = component.rules
    rules.keep = DropAll()
    try:
        assert component(parsed_doc(nlp.vocab, DONE, DONE_POS))._.activities == []
    finally:
        rules.keep = None


def test_saved_filter_loads_back_and_refuses_foreign_types(tmp_path):
    model = toy_filter()
    path = save_filter(model, tmp_path / "model.skops", {"trained_on": "toy"})
    loaded = load_filter(path)
    rows = [{"cue=modal": 1.0}, {"cue=perfect": 1.0}]
    assert np.allclose(loaded.keep_probability(rows), model.keep_probability(rows))
    from textmine.persistence import load

    with pytest.raises(ModelLoadError, match="untrusted"):  # nothing trusted: refused
        load(path, [], HitFilter, "activity hit filter", hit_filter.FORMAT)


def test_bundled_filter_is_a_trusted_skops_file():
    model = load_filter()
    assert isinstance(model, HitFilter) and 0.0 < model.threshold < 1.0


def test_component_carries_its_filter_through_disk_and_bytes(tmp_path):
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("textmine_activities", config={"hit_filter": True})
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "textmine_activities" / "hit_filter.skops").is_file()
    loaded = spacy.load(tmp_path / "pipe")
    component = loaded.get_pipe("textmine_activities")
    assert component.use_filter and isinstance(component.rules.keep, Keep)
    again = spacy.blank("sv")
    again.add_pipe("sentencizer")
    copy = again.add_pipe("textmine_activities", config={"hit_filter": True})
    copy.from_bytes(component.to_bytes())
    assert copy.filter_bytes == component.filter_bytes
    done = parsed_doc(loaded.vocab, DONE, DONE_POS)
    assert [a.type for a in copy(done)._.activities] == \
        [a.type for a in component(parsed_doc(loaded.vocab, DONE, DONE_POS))._.activities]


def test_filter_is_off_unless_asked_for(tmp_path):
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("textmine_activities")
    assert component.rules.keep is None and component.filter_bytes is None
    nlp.to_disk(tmp_path / "pipe")
    assert not (tmp_path / "pipe" / "textmine_activities" / "hit_filter.skops").exists()


def test_filter_switched_on_and_off_on_a_loaded_component():
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("textmine_activities")
    component.use_hit_filter()
    assert isinstance(component.rules.keep, Keep)
    component.use_hit_filter(False)
    assert component.rules.keep is None


def test_the_pipeline_without_the_filter_does_not_import_scikit_learn():
    """scikit-learn costs about a second and 140 MB: only the switched-on filter needs it."""
    from conftest import run_python

    out = run_python("import sys, textmine\n"
                     "nlp = textmine.load()\n"
                     "nlp('Kommunen har startat en fritidsgård för 40 ungdomar.')\n"
                     "print('sklearn' in sys.modules)")
    assert out.strip() == "False"
