"""``textmine train themes`` and ``textmine evaluate themes`` on tiny labelled files."""
from __future__ import annotations

import csv
import importlib.util
import json

import numpy as np
import pytest
import spacy

from textmine.cli import main
from textmine.fill import predict_themes
from textmine.records import Passage
from textmine.themes import load_model
from textmine.themes.data import Columns, DataError, load_labelled

ROWS = [
    ("Kommunen bygger en ny idrottshall och fotbollsplan.", "sport", "A"),
    ("Simhallen har fått fler simlektioner för barnen.", "sport", "B"),
    ("Idrottsföreningen ordnar fotboll och handboll.", "sport", "C"),
    ("Ett nytt motionsspår har invigts vid idrottsplatsen.", "sport", "D"),
    ("Skolan anställer fler lärare för elevernas skull.", "skola", "A"),
    ("Eleverna i grundskolan får läxhjälp efter skolan.", "skola", "B"),
    ("Lärarna fortbildas i läsundervisning för eleverna.", "skola", "C"),
    ("Skolbiblioteket har fått en skolbibliotekarie.", "skola", "D"),
]

REPORT = """Årsrapport

Folkhälsa

Norrvik kommun

Kommunen erbjuder motion, friluftsliv och hälsosam kost för äldre.

Söderby kommun

Hälsocentralen ordnar promenader och träning mot psykisk ohälsa.

Digitalisering

Norrvik kommun

Kommunen har infört e-tjänster och digital signering.

Söderby kommun

Bredband och fiber byggs ut och äldre får hjälp med datorer.
"""


@pytest.fixture()
def labelled_csv(tmp_path):
    path = tmp_path / "labelled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["passage", "tema", "kommun"])
        writer.writerows(ROWS)
    return path


def test_load_labelled_csv_jsonl_and_report(tmp_path, labelled_csv):
    data = load_labelled([labelled_csv], Columns("passage", "tema", "kommun"))
    assert data.labels[:2] == ["sport", "sport"] and len(set(data.groups)) == 4
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": t, "label": l}) for t, l, _ in ROWS),
                     encoding="utf-8")
    assert len(load_labelled([jsonl])) == len(ROWS)
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    data = load_labelled([report])
    assert data.labels == ["folkhalsa", "folkhalsa", "digitalisering", "digitalisering"]
    with pytest.raises(DataError, match="no column"):
        load_labelled([labelled_csv])  # default column names are text/label


def test_train_themes_on_csv_then_use_the_model(tmp_path, labelled_csv):
    out = tmp_path / "model"
    code = main(["train", "themes", str(labelled_csv), "-o", str(out), "--text-column",
                 "passage", "--label-column", "tema", "--group-column", "kommun", "--cv", "2",
                 "--no-lexicon"])
    assert code == 0
    meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert meta["labels"] == ["skola", "sport"]
    assert meta["training_data"]["passages"] == len(ROWS)
    assert meta["training_data"]["sha256"].startswith("sha256:")
    assert 0.0 <= meta["cross_validation"]["macro_f1"] <= 1.0
    model = load_model(out)
    # what `textmine extract --themes MODEL` does with the pipeline's Docs
    nlp = spacy.blank("sv")
    texts = ["Eleverna får fler lärare i skolan.", "Föreningen bygger en fotbollsplan."]
    passages = [Passage("r", f"p{i}", t, 0, len(t)) for i, t in enumerate(texts)]
    predict_themes(passages, [nlp(t) for t in texts], model)
    assert [p.theme.predicted for p in passages] == ["skola", "sport"]
    assert set(passages[0].theme.scores) == {"skola", "sport"}


def test_train_themes_on_a_heading_structured_report(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    assert main(["train", "themes", str(report), "-o", str(tmp_path / "m.skops"),
                 "--cv", "0"]) == 0
    assert sorted(load_model(tmp_path / "m.skops").classes_) == ["digitalisering", "folkhalsa"]


def test_train_refuses_unusable_input(tmp_path, capsys):
    one_label = tmp_path / "one.csv"
    one_label.write_text("text,label\nEn mening.,a\nEn till.,a\n", encoding="utf-8")
    assert main(["train", "themes", str(one_label), "-o", str(tmp_path / "m")]) == 1
    assert "two different labels" in capsys.readouterr().err
    assert main(["train", "themes", str(tmp_path / "missing.csv"), "-o",
                 str(tmp_path / "m")]) == 1


def test_evaluate_themes_json_on_csv(labelled_csv, capsys):
    code = main(["evaluate", "themes", str(labelled_csv), "--text-column", "passage",
                 "--label-column", "tema", "--group-column", "kommun", "--folds", "2",
                 "--repeats", "1", "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["passages"] == len(ROWS) and result["groups"] == 4
    methods = {(row["scheme"], row["method"]) for row in result["rows"]}
    assert {("grouped", "majority"), ("grouped", "default"),
            ("stratified", "default")} <= methods
    assert any("lexicon baseline skipped" in note for note in result["notes"])
    majority = next(r for r in result["rows"] if r["method"] == "majority")
    assert majority["accuracy"] == pytest.approx(0.5)
    default = next(r for r in result["rows"] if r["method"] == "default")
    assert set(default["per_theme"]) == {"skola", "sport"}
    assert np.asarray(default["confusion"]).sum() == len(ROWS)


def test_evaluate_themes_train_on_one_file_test_on_another(tmp_path, labelled_csv, capsys):
    test = tmp_path / "test.csv"
    test.write_text("passage,tema\nLärarna ger eleverna läxhjälp i skolan.,skola\n"
                    "Föreningen bygger en ny fotbollsplan och idrottshall.,sport\n",
                    encoding="utf-8")
    code = main(["evaluate", "themes", str(labelled_csv), "--test", str(test),
                 "--text-column", "passage", "--label-column", "tema"])
    assert code == 0
    out = capsys.readouterr().out
    assert "train/test" in out and "majority" in out


def test_evaluate_themes_plots_or_notes(tmp_path, labelled_csv, capsys):
    code = main(["evaluate", "themes", str(labelled_csv), "--text-column", "passage",
                 "--label-column", "tema", "--group-column", "kommun", "--folds", "2",
                 "--repeats", "1", "--plots", str(tmp_path / "img"), "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    if importlib.util.find_spec("matplotlib") is None:
        assert any("matplotlib" in note for note in result["notes"])
    else:
        assert (tmp_path / "img" / "themes_confusion.png").stat().st_size > 0


def test_learning_curve_and_nested_selection_on_small_data():
    from textmine.evaluation.themes import learning_curve, nested_selection
    from textmine.themes import ThemeClassifier
    from textmine.themes.features import as_docs

    texts = [t for t, _, _ in ROWS] * 2
    y = np.asarray([label for _, label, _ in ROWS] * 2, dtype=object)
    groups = [f"{g}{i // len(ROWS)}" for i, (_, _, g) in enumerate(ROWS * 2)]
    docs = as_docs(texts)
    make = lambda: ThemeClassifier(lexicon=False)  # noqa: E731
    curve = learning_curve(make, docs, y, groups, folds=2, repeats=1, fractions=(0.5, 1.0))
    assert [p["fraction"] for p in curve] == [0.5, 1.0]
    assert curve[0]["train_passages"] <= curve[1]["train_passages"]
    assert all(0.0 <= p["macro_f1"] <= 1.0 for p in curve)
    row, chosen = nested_selection({"a": make, "b": lambda: ThemeClassifier(classifier="cnb",
                                                                          lexicon=False)},
                                   docs, y, groups, folds=3, repeats=1)
    assert row.scheme == "nested" and len(chosen) == 3 and set(chosen) <= {"a", "b"}


def test_train_on_reports_with_other_theme_headings(tmp_path):
    labels = tmp_path / "labels.csv"
    labels.write_text("id,label\nidrott,Idrott och fritid\nskola,Skola\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(
        "Verksamhetsberättelse\n\nIdrott och fritid\n\nNorrvik kommun\n\n"
        "Kommunen bygger en ny idrottshall och en fotbollsplan.\n\n"
        "Söderby kommun\n\nSimhallen har fått fler simlektioner.\n\n"
        "Skola\n\nNorrvik kommun\n\nSkolan anställer fler lärare för eleverna.\n\n"
        "Söderby kommun\n\nEleverna i grundskolan får läxhjälp.\n", encoding="utf-8")
    out = tmp_path / "m"
    assert main(["train", "themes", str(report), "--theme-labels", str(labels), "-o", str(out),
                 "--cv", "0"]) == 0
    assert sorted(load_model(out).classes_) == ["idrott", "skola"]


def test_secondary_theme_is_scored_beside_the_strict_figures():
    from textmine.themes.validation import score

    classes = ["a", "b", "c"]
    proba = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]])
    strict = score(["a", "a", "c"], proba, classes)
    lenient = score(["a", "a", "c"], proba, classes, secondary=[None, "b", None])
    assert strict.accuracy == pytest.approx(2 / 3)
    assert lenient.accuracy == strict.accuracy  # the strict figure does not change
    assert lenient.accuracy_secondary == 1.0 and lenient.macro_f1_secondary == 1.0
    assert strict.accuracy_secondary == strict.accuracy


def test_jsonl_with_secondary_column_and_ignored_label(tmp_path, capsys):
    path = tmp_path / "real.jsonl"
    rows = [{"text": text, "theme": label, "theme2": None, "source_group": f"s{i % 4}"}
            for i, (text, label, _) in enumerate(ROWS)]
    rows.append({"text": "Biblioteket lånade ut böcker.", "theme": "annat", "theme2": None,
                 "source_group": "s9"})
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    code = main(["evaluate", "themes", str(path), "--label-column", "theme",
                 "--group-column", "source_group", "--secondary-column", "theme2",
                 "--ignore-label", "annat", "--folds", "2", "--repeats", "1", "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert "annat" not in result["labels"] and result["passages"] == len(ROWS)
    assert {"accuracy_secondary", "macro_f1_secondary"} <= set(result["rows"][0])
