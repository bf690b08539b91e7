"""NER on the dev carve-outs, per label, for one or more built pipelines.

    python models/recipe/ner_dev_eval.py CORPUS MODEL [MODEL ...] [--json]

CORPUS is ``convert.py``'s output folder (its dev files are the same with and without
``--uner-missing``). Two dev sets, never trained on:

- *news dev*: ``ner-dev.spacy``, the carve-out of the Swedish NER corpus (PERSON, ORG,
  LOC, MISC);
- *UNER dev*: the dev documents that carry UNER annotation (``ud-dev.spacy``: treebank
  documents with UNER merged onto some of their sentences; ``uner-only-dev.spacy``).
  As for the UNER test file, predicted MISC is left out: UNER annotates no MISC.

Scored with spaCy's NER scorer (``get_ner_prf``, the one training reports as ``ents_f``):
a prediction on tokens whose annotation is missing (a treebank sentence UNER does not
cover) is neither right nor wrong. Why a script of its own: ``meta.json`` keeps only the
overall dev ``ents_f`` of the joint dev file, which mixes both sets.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable

import spacy
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, DocBin

RECIPE = Path(__file__).resolve().parent
sys.path[:0] = [str(RECIPE.parents[1])]

from textmine.evaluation.ner import UNER_LABELS, predict_on_gold  # noqa: E402


def read_docs(path: Path, nlp: Language) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def dev_sets(corpus: Path, nlp: Language) -> dict[str, tuple[list[Doc], set[str] | None]]:
    """name -> (gold documents, the predicted labels kept, None for all)."""
    uner = [d for d in read_docs(corpus / "ud-dev.spacy", nlp) if d.has_annotation("ENT_IOB")]
    uner += read_docs(corpus / "uner-only-dev.spacy", nlp)
    return {"news dev": (read_docs(corpus / "ner-dev.spacy", nlp), None),
            "UNER dev": (uner, UNER_LABELS)}


def prf_table(scores: dict) -> dict[str, dict[str, float]]:
    """``get_ner_prf``'s result as rows: overall (micro) and per label, P, R, F."""
    rows = {"overall": {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]},
            **dict(sorted((scores["ents_per_type"] or {}).items()))}
    return {k: {m: round(v.get(m) or 0.0, 4) for m in "prf"} for k, v in rows.items()}


def load_built(model: Path) -> Language:
    """A pipeline built by build.py, with the textmine factories its config names."""
    import textmine.pipeline.lemma_backoff  # noqa: F401
    import textmine.pipeline.sentences  # noqa: F401

    return spacy.load(model)


def compare(score_model: Callable[[Path, Path], dict], show: Callable[[str, dict], None],
            description: str, argv: list[str] | None = None) -> None:
    """The command line of the dev-carve-out scripts: CORPUS MODEL [MODEL ...] [--json];
    ``show`` prints one model's result."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("models", type=Path, nargs="+")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = {str(m): score_model(m, args.corpus) for m in args.models}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for model, result in results.items():
        show(model, result)


def score_model(model: Path, corpus: Path) -> dict[str, dict]:
    nlp = load_built(model)
    results = {}
    for name, (golds, keep) in dev_sets(corpus, nlp).items():
        results[name] = prf_table(get_ner_prf(predict_on_gold(nlp, golds, keep)))
        results[name]["gold entities"] = sum(len(g.ents) for g in golds)
    return results


def show(model: str, sets: dict[str, dict]) -> None:
    for name, rows in sets.items():
        print(f"{model}  {name} ({rows.pop('gold entities')} gold entities)")
        for label, s in rows.items():
            print(f"  {label:<8} P {s['p']:.3f}  R {s['r']:.3f}  F {s['f']:.3f}")


def main(argv: list[str] | None = None) -> None:
    compare(score_model, show, __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    main()
