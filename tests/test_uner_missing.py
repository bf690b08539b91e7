"""UNER's non-entities as missing (``convert.py --uner-missing``) and the per-label NER dev
scoring of ``models/recipe/ner_dev_eval.py`` (session 12)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import spacy
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc

from textmine.evaluation.ner import UNER_LABELS, labelled_doc, predict_on_gold

RECIPE = Path(__file__).resolve().parents[1] / "models" / "recipe"
UNER_SENT = [("Anna", "B-PER"), ("Svensson", "I-PER"), ("flyttade", "O"), ("till", "O"),
             ("Umeå", "B-LOC"), ("med", "O"), ("Volvo", "O"), (".", "O")]
OTHER_SENT = ["Kalle", "stannade", "hemma", "."]


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"recipe_{name}", RECIPE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def _iob(doc: Doc) -> list[str]:
    return [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else t.ent_iob_ for t in doc]


def _treebank_doc(vocab) -> Doc:
    """A treebank document of two sentences; UNER annotates only the first."""
    words = [w for w, _ in UNER_SENT] + OTHER_SENT
    starts = [i in (0, len(UNER_SENT)) for i in range(len(words))]
    return Doc(vocab, words=words, sent_starts=starts)


def test_entity_tokens_keep_b_and_i_the_others_become_missing():
    convert = _module("convert")
    doc = labelled_doc(spacy.blank("sv").vocab, [UNER_SENT])
    assert _iob(doc) == ["B-PERSON", "I-PERSON", "O", "O", "B-LOC", "O", "O", "O"]
    convert.non_entities_missing(doc)
    assert _iob(doc) == ["B-PERSON", "I-PERSON", "", "", "B-LOC", "", "", ""]
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Svensson", "PERSON"), ("Umeå", "LOC")]


def test_merged_document_default_outside_option_missing():
    convert = _module("convert")
    vocab = spacy.blank("sv").vocab
    uner = {tuple(w for w, _ in UNER_SENT): UNER_SENT}
    (merged,), extra = convert.add_uner([_treebank_doc(vocab)], uner, vocab)
    assert extra == []
    # default (shipped recipe): UNER's other tokens outside, the unmatched sentence missing
    assert _iob(merged) == ["B-PERSON", "I-PERSON", "O", "O", "B-LOC", "O", "O", "O"] + [""] * 4
    (partial,) = convert.uner_as_partial([merged])
    assert _iob(partial) == ["B-PERSON", "I-PERSON", "", "", "B-LOC", "", "", ""] + [""] * 4


def test_documents_without_entity_annotation_are_left_alone():
    convert = _module("convert")
    plain = _treebank_doc(spacy.blank("sv").vocab)
    (same,) = convert.uner_as_partial([plain])
    assert not same.has_annotation("ENT_IOB")
    assert _iob(same) == [""] * len(plain)


def test_dev_scoring_ignores_missing_tokens_and_uner_misc():
    dev_eval = _module("ner_dev_eval")
    convert = _module("convert")
    nlp = spacy.blank("sv")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Anna Svensson"},
                        {"label": "LOC", "pattern": "Umeå"},
                        {"label": "MISC", "pattern": "Volvo"},
                        {"label": "PERSON", "pattern": "Kalle"}])
    uner = {tuple(w for w, _ in UNER_SENT): UNER_SENT}
    (gold,), _ = convert.add_uner([_treebank_doc(nlp.vocab)], uner, nlp.vocab)
    # UNER: MISC left out, "Kalle" lies in the sentence UNER does not cover -> all right
    table = dev_eval.prf_table(get_ner_prf(predict_on_gold(nlp, [gold], UNER_LABELS)))
    assert table["overall"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert set(table) == {"overall", "PERSON", "LOC"}
    # all labels kept: the MISC on an outside token is a false positive
    table = dev_eval.prf_table(get_ner_prf(predict_on_gold(nlp, [gold], None)))
    assert table["MISC"]["p"] == 0.0 and table["overall"]["p"] == round(2 / 3, 4)
