"""Measure lemma strategies on the report gold list and on the tuning (dev) carve-out.

Strategies: the trained lemmatizer alone; the spacy-lookups-data table alone (spaCy's
lookup mode: lower-cased form, else the form); and the trained lemmatizer followed by
``textmine_lemma_backoff`` with its steps switched on one by one. The recipe keeps the
strategy with the best score on the gold list and the dev carve-out (never the test file).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Token

try:  # the package is being restructured: textmine/pipeline/{tokenizer,lemma_backoff}.py
    import textmine.pipeline.tokenizer  # noqa: F401  (the tokenizer the bundled model names)
    from textmine.pipeline.lemma_backoff import BackoffSettings, LemmaBackoff, LemmaTable
except ImportError:
    import textmine.tokenizer  # noqa: F401
    from textmine.lemmatizer import BackoffSettings, LemmaBackoff, LemmaTable

STRATEGIES = {
    "trained": None,
    "trained+case": BackoffSettings(lowercase=True, table=False, compounds=False),
    "trained+case+table": BackoffSettings(lowercase=True, table=True, compounds=False),
    "trained+case+compounds": BackoffSettings(lowercase=True, table=False, compounds=True),
    "trained+case+table+compounds": BackoffSettings(lowercase=True, table=True,
                                                    compounds=True),
    "trained+case+table+compounds+validate": BackoffSettings(
        lowercase=True, table=True, compounds=True, validate=True),
    "trained+case+table+validate": BackoffSettings(
        lowercase=True, table=True, compounds=False, validate=True),
}


def read_gold(path: Path) -> list[tuple[str, int, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("token\t"):
            continue
        token, offset, lemma, pos = line.split("\t")
        rows.append((token, int(offset), lemma, pos))
    return rows


def report_docs(nlp: Language, report: Path) -> dict[int, Token]:
    """Offset -> token (with the trained lemma) over every non-empty line of the report."""
    text = report.read_text(encoding="utf-8")
    found: dict[int, Token] = {}
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for tok in nlp(line):
                found[offset + tok.idx] = tok
        offset += len(line) + 1
    return found


def strategy_lemma(backoff: LemmaBackoff | None, table: LemmaTable, token: Token,
                   name: str) -> str:
    if name == "table":
        return table.get(token.lower_) or (token.text if token.pos_ == "PROPN"
                                           else token.lower_)
    return token.lemma_ if backoff is None else backoff.lemma(token)


def apply_strategy(backoff: LemmaBackoff | None, table: LemmaTable, doc: Doc, name: str):
    return [strategy_lemma(backoff, table, t, name) for t in doc]


def score_gold(nlp, table, gold, report) -> dict[str, float]:
    """Accuracy on the gold list; each token keeps its sentence as context."""
    predicted = report_docs(nlp, report)
    results = {}
    for name in list(STRATEGIES) + ["table"]:
        backoff = make_backoff(nlp, STRATEGIES.get(name), table)
        correct = 0
        errors = []
        for token, offset, lemma, _pos in gold:
            found = predicted.get(offset)
            guess = strategy_lemma(backoff, table, found, name) if found is not None else ""
            correct += guess == lemma
            if guess != lemma:
                errors.append(f"{token}->{guess} (gold {lemma})")
        results[name] = round(correct / len(gold), 4)
        results[name + ":errors"] = errors
    return results


def score_dev(nlp, table, dev_path: Path) -> dict[str, float]:
    refs = [d for d in DocBin().from_disk(dev_path).get_docs(nlp.vocab)
            if any(t.lemma_ for t in d)]
    preds = list(nlp.pipe(Doc(nlp.vocab, words=[t.text for t in r],
                              spaces=[bool(t.whitespace_) for t in r]) for r in refs))
    results = {}
    for name in list(STRATEGIES) + ["table"]:
        backoff = make_backoff(nlp, STRATEGIES.get(name), table)
        correct = total = 0
        for ref, pred in zip(refs, preds):
            for gold_tok, guess in zip(ref, apply_strategy(backoff, table, pred, name)):
                if gold_tok.lemma_:
                    total += 1
                    correct += guess == gold_tok.lemma_
        results[name] = round(correct / total, 4)
    return results


def make_backoff(nlp, settings, table):
    if settings is None:
        return None
    backoff = LemmaBackoff(nlp, "eval", settings)
    backoff.table = table
    return backoff


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path,
                        help="trained UD pipeline or the assembled one (back-off is skipped)")
    parser.add_argument("--table", type=Path, required=True, help="lemma_table.tsv.gz")
    parser.add_argument("--gold", type=Path, default=Path("corpus/gold/lemmas.tsv"))
    parser.add_argument("--report", type=Path,
                        default=Path("corpus/reports/pa-gang-i-uppdraget.txt"))
    parser.add_argument("--dev", type=Path, required=True, help="ud-dev.spacy carve-out")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import finetune  # noqa: F401  (registers the callback a fine-tuned config names)

    nlp = spacy.load(args.model, exclude=["textmine_lemma_backoff", "ner"])
    table = LemmaTable.from_file(args.table)
    result = {"gold": score_gold(nlp, table, read_gold(args.gold), args.report),
              "dev": score_dev(nlp, table, args.dev)}
    summary = {k: {n: v for n, v in r.items() if not n.endswith(":errors")}
               for k, r in result.items()}
    print(json.dumps(summary, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
