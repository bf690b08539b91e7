"""UD figures on the v2 documents of the dev carve-out, for one or more built pipelines.

    python models/recipe/ud_dev_eval.py CORPUS MODEL [MODEL ...] [--json]

CORPUS is ``convert.py``'s output folder. Its ``ud-dev.spacy`` (every tenth treebank
document, never trained on) mixes documents of the 2015 train split, mapped from UD v1, with
documents of the v2 dev file and PUD. Only the latter keep their annotation whatever the
conversion options (``--v1-relations``, ``--v1-phrases`` change the mapped v1 documents and
so the carve-out ``meta.json`` reports), so models built with different mappings are
compared here on the v2 documents alone, told apart by their lemmas (v1 documents have none).
Scored on gold tokens with the scorers ``textmine evaluate ud`` uses.
"""
from __future__ import annotations

import sys
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import Example

RECIPE = Path(__file__).resolve().parent
sys.path[:0] = [str(RECIPE.parents[1]), str(RECIPE)]

from ner_dev_eval import compare, load_built  # noqa: E402
from textmine.evaluation.ud import METRICS, score  # noqa: E402


def v2_documents(corpus: Path, vocab) -> list[Doc]:
    docs = DocBin().from_disk(corpus / "ud-dev.spacy").get_docs(vocab)
    return [d for d in docs if d.has_annotation("LEMMA") and d.has_annotation("DEP")]


def score_model(model: Path, corpus: Path) -> dict:
    nlp = load_built(model)
    golds = v2_documents(corpus, nlp.vocab)
    inputs = [Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
              for g in golds]
    scored = score(Example(p, g) for p, g in zip(nlp.pipe(inputs), golds))
    result = {name: round(scored[key], 4) for name, key in METRICS.items() if scored.get(key) is not None}
    result["documents"], result["tokens"] = len(golds), sum(len(g) for g in golds)
    return result


def main(argv: list[str] | None = None) -> None:
    compare(score_model, lambda model, row: print(model, "  ".join(f"{k} {v}" for k, v in row.items())),
            __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    main()
