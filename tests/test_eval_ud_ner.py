"""Tests of ``textmine evaluate ud`` and ``textmine evaluate ner`` on small hand-made files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from textmine.cli import main
from textmine.evaluation import ner as ner_eval
from textmine.evaluation import ud as ud_eval
from textmine.pipeline.load import bundled_model_path

DATA = Path(__file__).parent / "data"
UD_FILE = DATA / "ud_sample.conllu"
NER_FILE = DATA / "ner_sample.txt"
needs_model = pytest.mark.skipif(not (bundled_model_path() / "config.cfg").exists(),
                                 reason="bundled model not built (models/recipe/build.py)")


def test_read_conllu_and_gold_docs():
    sents = list(ud_eval.read_conllu(UD_FILE))
    assert [len(s.tokens) for s in sents] == [6, 6, 4]
    doc = ud_eval.gold_docs(spacy.blank("sv"), UD_FILE, sents_per_doc=2)[0]
    assert doc.text.startswith("Kommunen har anställt en samordnare. Ungdomarna")
    assert [t.lemma_ for t in doc][:3] == ["kommun", "ha", "anställa"]
    assert doc[0].head.text == "anställt" and doc[0].dep_ == "nsubj"
    assert len(list(doc.sents)) == 2


class GoldCopy:
    """A stand-in pipeline that predicts the gold annotation of the file, token by token."""

    def __init__(self, path: Path) -> None:
        self.gold = ud_eval.gold_docs(spacy.blank("sv"), path)

    def __call__(self, vocab):
        nlp = spacy.blank("sv")
        gold = {d.text: d for d in self.gold}

        @spacy.Language.component("copy_gold")
        def copy_gold(doc: Doc) -> Doc:
            return gold[doc.text].copy()

        nlp.add_pipe("copy_gold")
        return nlp


def test_perfect_pipeline_scores_one():
    nlp = GoldCopy(UD_FILE)(None)
    result = ud_eval.evaluate(nlp, UD_FILE)
    assert result.tokens == 16 and result.sentences == 3
    for name in ("UPOS", "XPOS", "morph", "lemma", "UAS", "LAS", "sentence F"):
        assert result.scores[name] == pytest.approx(1.0), name


def test_ner_gold_reading_and_perfect_score():
    sents = list(ner_eval.read_token_labels(NER_FILE))
    ref = ner_eval.labelled_doc(spacy.blank("sv").vocab, sents)
    assert [(e.text, e.label_) for e in ref.ents] == [
        ("Anna Svensson", "PERSON"), ("Arbetsförmedlingen", "ORG"), ("Eda", "LOC"),
        ("Dagens Nyheter", "MISC")]
    nlp = spacy.blank("sv")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Anna Svensson"},
                        {"label": "ORG", "pattern": "Arbetsförmedlingen"},
                        {"label": "LOC", "pattern": "Eda"}])
    result = ner_eval.evaluate(nlp, NER_FILE)
    assert result.entities == 4
    assert result.overall.p == pytest.approx(1.0)
    assert result.overall.r == pytest.approx(0.75)
    assert result.per_label["PERSON"].f == pytest.approx(1.0)
    assert result.per_label["MISC"].r == pytest.approx(0.0)


def test_bio_tags_are_read_too(tmp_path):
    path = tmp_path / "bio.txt"
    path.write_text("Anna\tB-PER\nSvensson\tI-PER\nbor\tO\ni\tO\nEda\tB-LOC\n", "utf-8")
    ref = ner_eval.labelled_doc(spacy.blank("sv").vocab,
                                list(ner_eval.read_token_labels(path)))
    assert [(e.text, e.label_) for e in ref.ents] == [("Anna Svensson", "PERSON"),
                                                      ("Eda", "LOC")]


@needs_model
def test_cli_evaluate_ud_json(capsys):
    assert main(["evaluate", "ud", str(UD_FILE), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result["scores"]) >= {"UPOS", "XPOS", "morph", "lemma", "UAS", "LAS",
                                     "sentence F"}
    assert result["scores"]["UPOS"] > 0.8


@needs_model
def test_cli_evaluate_ner_table(capsys):
    assert main(["evaluate", "ner", str(NER_FILE)]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "PERSON" in out


def test_cli_missing_file_and_model(capsys, tmp_path):
    assert main(["evaluate", "ud", str(tmp_path / "none.conllu")]) == 2
    assert main(["evaluate", "ner", str(NER_FILE), "--model", str(tmp_path / "none")]) == 2
    assert "neither an installed spaCy package" in capsys.readouterr().err


def test_uner_iob2_read_and_misc_left_out(tmp_path):
    path = tmp_path / "sample.iob2"
    path.write_text("# sent_id = 1\n# text = Anna Svensson bor i Eda .\n"
                    "1\tAnna\tB-PER\t-\t-\n2\tSvensson\tI-PER\t-\t-\n3\tbor\tO\t-\t-\n"
                    "4\ti\tO\t-\t-\n5\tEda\tB-LOC\t-\t-\n6\t.\tO\t-\t-\n\n"
                    "# sent_id = 2\n1\tDagens\tO\t-\t-\n2\tNyheter\tO\t-\t-\n", "utf-8")
    sents = list(ner_eval.read_token_labels(path))
    assert [len(s) for s in sents] == [6, 2]
    ref = ner_eval.labelled_doc(spacy.blank("sv").vocab, sents)
    assert [(e.text, e.label_) for e in ref.ents] == [("Anna Svensson", "PERSON"), ("Eda", "LOC")]
    nlp = spacy.blank("sv")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Anna Svensson"},
                        {"label": "LOC", "pattern": "Eda"},
                        {"label": "MISC", "pattern": "Dagens Nyheter"}])
    result = ner_eval.evaluate(nlp, path)  # UNER has no MISC: predicted MISC left out
    assert result.overall.p == pytest.approx(1.0) and result.overall.r == pytest.approx(1.0)
