"""Theme classifier: features, fit/predict on small hand-written data, save/load."""
from __future__ import annotations

import json
from pathlib import Path
import warnings

import numpy as np
import pytest
import spacy

from textmine.themes import ThemeClassifier
from textmine.themes.persistence import (ModelLoadError, ModelVersionWarning, load_model,
                             model_files, save_model)
from textmine.themes.features import (CompoundSplitter, LemmaExtractor, as_docs,
                                      lexicon_counts, term_pattern)

# Small made-up passages: three themes that are not the report's (the theme set is data).
SPORT = [
    "Kommunen bygger en ny idrottshall och fotbollsplan för föreningarna.",
    "Simhallen har fått längre öppettider och fler simlektioner.",
    "Idrottsföreningen ordnar fotboll och handboll varje helg.",
    "Ett nytt motionsspår med belysning har invigts vid idrottsplatsen.",
    "Ishallen rustas och hockeyklubben får nya omklädningsrum.",
    "Kommunen stöttar föreningarnas fotbollsskola under sommaren.",
]
SCHOOL = [
    "Skolan anställer fler lärare så att eleverna får mer stöd i matematik.",
    "Eleverna i grundskolan får läxhjälp efter skoldagen.",
    "Lärarna fortbildas i läsundervisning för de yngre eleverna.",
    "Gymnasieskolan erbjuder elever studiehandledning på modersmålet.",
    "Skolbiblioteket har fått fler böcker och en skolbibliotekarie.",
    "Rektorn och lärarna arbetar med elevernas närvaro i skolan.",
]
DIGITAL = [
    "Kommunen inför e-tjänster och digital signering för invånarna.",
    "Bredband och fiber byggs ut till byarna på landsbygden.",
    "Handläggarna använder nu en robot som automatiserar ansökningar.",
    "Biblioteket lånar ut datorer och surfplattor och ger digital hjälp.",
    "Kommunens webbplats har fått en ny e-tjänst för bygglov.",
    "En IT-tekniker hjälper äldre med appar och videosamtal.",
]
TEXTS = SPORT + SCHOOL + DIGITAL
LABELS = ["sport"] * 6 + ["skola"] * 6 + ["digitalt"] * 6


@pytest.fixture(scope="module")
def model() -> ThemeClassifier:
    return ThemeClassifier(calibration=None, lexicon=False).fit(TEXTS, LABELS)


def test_init_does_no_work_and_exposes_parameters():
    clf = ThemeClassifier(classifier="svm", C=2.0)
    assert clf.get_params()["classifier"] == "svm"
    assert clf.get_params()["C"] == 2.0
    assert not hasattr(clf, "pipeline_")


def test_fit_predict_on_unseen_passages(model):
    assert sorted(model.classes_) == ["digitalt", "skola", "sport"]
    new = ["Föreningen får en ny fotbollsplan och idrottshall.",
           "Eleverna får mer stöd av lärarna i skolan.",
           "Invånarna kan söka via en ny e-tjänst och digital signering."]
    assert list(model.predict(new)) == ["sport", "skola", "digitalt"]
    proba = model.predict_proba(new)
    assert proba.shape == (3, 3)
    assert np.allclose(proba.sum(axis=1), 1.0)


def test_docs_and_strings_give_the_same_scores(model):
    docs = as_docs(SCHOOL[:2])
    assert np.allclose(model.predict_proba(docs), model.predict_proba(SCHOOL[:2]))


def test_uses_lemmas_of_given_docs():
    nlp = spacy.blank("sv")
    doc = nlp("Lärarna undervisar")
    doc[0].lemma_ = "lärare"
    doc[1].lemma_ = "undervisa"
    rows = LemmaExtractor().transform([doc])
    assert rows[0, 1] == "lärare undervisa"


def test_calibrated_svm_and_naive_bayes_give_probabilities():
    for name in ("svm", "cnb"):
        clf = ThemeClassifier(classifier=name, calibration="sigmoid", calibration_folds=2,
                              lexicon=False).fit(TEXTS, LABELS)
        proba = clf.predict_proba(["Skolan anställer lärare för eleverna."])
        assert proba.shape == (1, 3) and np.isclose(proba.sum(), 1.0)


def test_unknown_classifier_and_single_label_are_refused():
    with pytest.raises(ValueError, match="unknown classifier"):
        ThemeClassifier(classifier="forest").fit(TEXTS, LABELS)
    with pytest.raises(ValueError, match="two themes"):
        ThemeClassifier().fit(TEXTS[:3], ["sport"] * 3)


def test_multi_theme_output_above_threshold(model):
    [prediction] = model.predict_themes(["Eleverna i skolan får nya datorer och e-tjänster."],
                                        threshold=0.0)
    assert prediction.best == max(prediction.scores, key=prediction.scores.get)
    assert prediction.themes[0] == prediction.best
    assert sorted(prediction.themes) == sorted(prediction.scores)  # threshold 0: all themes
    [strict] = model.predict_themes(["Eleverna i skolan får nya datorer."], threshold=1.01)
    assert strict.themes == [strict.best]


def test_sentence_themes_of_a_mixed_passage(model):
    passage = ("Idrottsföreningen ordnar fotboll och handboll i den nya idrottshallen. "
               "Kommunen inför också e-tjänster och digital signering för invånarna.")
    sentences = model.sentence_themes(passage)
    assert [s.theme for s in sentences] == ["sport", "digitalt"]
    assert passage[sentences[1].start:sentences[1].end] == sentences[1].text
    # a Doc without sentence boundaries is split as textmine's pipeline splits it
    import spacy
    wrapped = spacy.blank("sv")(passage.replace("handboll i", "handboll\ni"))
    assert [s.theme for s in model.sentence_themes(wrapped)] == ["sport", "digitalt"]


def test_compound_splitter_learns_parts_from_the_vocabulary():
    rows = np.array([["", "ungdom ungdom coach skola", ""],
                     ["", "ungdomscoach folkhälsa arbete", ""]], dtype=object)
    splitter = CompoundSplitter().fit(rows)
    assert splitter.split("ungdomscoach") == ["ungdom", "coach"]
    assert splitter.split("folkhälsoarbete") == ["folkhälsa", "arbete"]  # linking -o- for -a
    assert splitter.split("skolfrånvaro") == []  # "frånvaro" is not a known lemma
    out = splitter.transform(rows)
    assert out[1, 1].split()[-2:] == ["ungdom", "coach"]
    assert CompoundSplitter(enabled=False).fit(rows).transform(rows)[1, 1] == rows[1, 1]


def test_lexicon_terms_with_wildcards():
    assert term_pattern(["digital*"]).search("digitalisering")
    assert term_pattern(["*hälsa"]).search("folkhälsa")
    assert term_pattern(["*idrott*"]).search("skolidrottsdag")
    assert not term_pattern(["ung"]).search("ungdom")
    lexicon = {"a": ["skola", "elev*"], "b": ["dator*"]}
    assert lexicon_counts(["elevhälsa", "skola", "datorer", "kommun"], lexicon) == [2, 1]


def test_save_and_load_round_trip(model, tmp_path):
    path = save_model(model, tmp_path / "m", {"note": "test"})
    assert path == tmp_path / "m" / "model.skops"
    meta = json.loads((tmp_path / "m" / "model.json").read_text(encoding="utf-8"))
    assert meta["labels"] == sorted(LABELS and set(LABELS))
    assert meta["versions"]["scikit-learn"] and meta["note"] == "test"
    loaded = load_model(tmp_path / "m")
    assert np.allclose(loaded.predict_proba(TEXTS[:4]), model.predict_proba(TEXTS[:4]))
    assert loaded.metadata_["note"] == "test"
    # a bare .skops path works too
    assert list(load_model(path).classes_) == list(model.classes_)


def test_version_mismatch_warns(model, tmp_path):
    path = save_model(model, tmp_path / "old.skops")
    _, meta_file = model_files(path)
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta["versions"]["scikit-learn"] = "0.20.0"
    meta_file.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.warns(ModelVersionWarning, match="scikit-learn 0.20.0"):
        load_model(path)


def test_untrusted_types_are_refused(tmp_path):
    import skops.io as sio
    from sklearn.tree import DecisionTreeClassifier

    tree = DecisionTreeClassifier().fit([[0], [1]], ["a", "b"])
    sio.dump(tree, tmp_path / "tree.skops")
    with pytest.raises(ModelLoadError, match="untrusted"):
        load_model(tmp_path / "tree.skops")
    with pytest.raises(ModelLoadError, match="no such"):
        load_model(tmp_path / "missing")


def test_bundled_model_loads_and_scores_the_report_themes():
    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelVersionWarning)
        bundled = load_model()
    themes = {"utbildning_arbetsmarknad", "barn_unga", "folkhalsa", "digitalisering",
              "demokrati_utveckling"}
    assert set(bundled.classes_) == themes
    # trained on the bundled report, real-dev and every later development batch
    # (models/recipe/train_themes.py), never real-test
    training = bundled.metadata_["training_data"]
    assert training["passages"] > 138
    real = Path(__file__).resolve().parents[1] / "corpus" / "real"
    development = ["corpus/real/dev.jsonl", *(f"corpus/real/{p.name}" for p in real.glob("dev-*.jsonl"))]
    assert sorted(training["sources"]) == sorted([*development, "pa-gang-i-uppdraget"])
    [prediction] = bundled.predict_themes(
        ["Kommunen har infört e-tjänster och lånar ut surfplattor för att fler invånare "
         "ska kunna använda digitala verktyg."])
    assert prediction.best == "digitalisering"


def test_is_mixed_needs_confident_sentences_of_two_themes(model):
    mixed = ("Idrottsföreningen ordnar fotboll och handboll i den nya idrottshallen. "
             "Kommunen inför också e-tjänster och digital signering för invånarna.")
    assert model.is_mixed(mixed, min_score=0.0)
    assert not model.is_mixed(mixed, min_score=1.01)
    assert not model.is_mixed("Eleverna får läxhjälp av lärarna i skolan.", min_score=0.0)


def test_empty_input_gives_empty_output(model):
    assert model.predict_proba([]).shape == (0, 3)
    assert list(model.predict([])) == []
    assert model.sentence_themes("") == []


def test_spacy_textcat_wrapper_for_the_comparison():
    from textmine.themes.textcat import SpacyTextcatClassifier

    clf = SpacyTextcatClassifier(epochs=3).fit(TEXTS, LABELS)
    proba = clf.predict_proba(as_docs(SCHOOL[:2]) + SPORT[:1])
    assert proba.shape == (3, 3) and np.allclose(proba.sum(axis=1), 1.0)
    assert set(clf.predict(SCHOOL[:2])) <= set(LABELS)


def test_model_saved_before_the_themes_package_still_loads():
    """tests/data/legacy_themes was saved by textmine 0.1.0 before the layout redesign
    (classes named textmine.themes_features.*); the module aliases keep it loading."""
    legacy = Path(__file__).parent / "data" / "legacy_themes" / "model.skops"
    model = load_model(legacy)
    assert list(model.predict(["Fotboll och handboll i idrottshallen."])) == ["sport"]
    import skops.io as sio
    assert "textmine.themes_features.LemmaExtractor" in sio.get_untrusted_types(file=legacy)
