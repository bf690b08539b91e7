"""``textmine evaluate ud FILE.conllu``: tagging, lemma and parse accuracy on a treebank.

The pipeline reads the raw text of each document (groups of ``--sents-per-doc``
sentences, as ``spacy convert -n 10`` makes them) and spaCy's scorer aligns its tokens
with the gold ones, so tokenization and sentence splitting errors count, as in the
figures spaCy publishes for its own Swedish pipelines.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator

from spacy.language import Language

from textmine.evaluation import pipeline_for
from spacy.tokens import Doc
from spacy.training import Example

SENTS_PER_DOC = 10
METRICS = {  # printed name -> spaCy scorer key
    "UPOS": "pos_acc", "XPOS": "tag_acc", "morph": "morph_acc", "lemma": "lemma_acc",
    "UAS": "dep_uas", "LAS": "dep_las", "sentence P": "sents_p", "sentence R": "sents_r",
    "sentence F": "sents_f",
}


@dataclass
class UDToken:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool = True


@dataclass
class UDSentence:
    tokens: list[UDToken] = field(default_factory=list)


@dataclass
class UDScores:
    file: str
    model: str
    sentences: int
    tokens: int
    scores: dict[str, float | None]
    words_per_second: float


def read_conllu(path: Path) -> Iterator[UDSentence]:
    """Sentences of a CoNLL-U file; multiword ranges and empty nodes are skipped."""
    sent = UDSentence()
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if sent.tokens:
                    yield sent
                sent = UDSentence()
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
                continue
            sent.tokens.append(UDToken(
                form=cols[1], lemma=cols[2], upos=cols[3], xpos=cols[4], feats=cols[5],
                head=int(cols[6]) if cols[6].isdigit() else 0, deprel=cols[7],
                space_after="SpaceAfter=No" not in cols[9]))
    if sent.tokens:
        yield sent


def sentences_to_doc(vocab, sents: list[UDSentence], with_lemmas: bool = True) -> Doc:
    """A gold Doc of several sentences; ``_`` lemmas are left missing, never gold."""
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    for sent in sents:
        offset = len(words)
        for i, tok in enumerate(sent.tokens):
            words.append(tok.form)
            spaces.append(tok.space_after)
            tags.append(tok.xpos if tok.xpos != "_" else "")
            pos.append(tok.upos if tok.upos != "_" else "")
            morphs.append("" if tok.feats == "_" else tok.feats)
            lemmas.append("" if tok.lemma == "_" and tok.form != "_" else tok.lemma)
            heads.append(offset + tok.head - 1 if tok.head > 0 else offset + i)
            deps.append("dep" if tok.deprel == "_" else tok.deprel)
            starts.append(i == 0)
        spaces[-1] = True
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs,
               lemmas=lemmas if with_lemmas else None, heads=heads, deps=deps,
               sent_starts=starts)


def gold_docs(nlp: Language, path: Path, sents_per_doc: int = SENTS_PER_DOC) -> list[Doc]:
    sents = list(read_conllu(path))
    return [sentences_to_doc(nlp.vocab, sents[i:i + sents_per_doc])
            for i in range(0, len(sents), sents_per_doc)]


def evaluate(nlp: Language, path: Path, sents_per_doc: int = SENTS_PER_DOC,
             gold_tokens: bool = False, model: str = "") -> UDScores:
    """Score ``nlp`` against the CoNLL-U file (raw text by default, gold tokens on request)."""
    import time

    refs = gold_docs(nlp, path, sents_per_doc)
    if gold_tokens:
        examples = [Example(Doc(nlp.vocab, words=[t.text for t in r],
                                spaces=[bool(t.whitespace_) for t in r]), r) for r in refs]
    else:
        examples = [Example(nlp.make_doc(r.text), r) for r in refs]
    start = time.perf_counter()
    predicted = list(nlp.pipe(eg.predicted for eg in examples))
    elapsed = time.perf_counter() - start
    scored = score(Example(p, eg.reference) for p, eg in zip(predicted, examples))
    tokens = sum(len(r) for r in refs)
    return UDScores(
        file=str(path), model=model, sentences=sum(1 for r in refs for _ in r.sents),
        tokens=tokens, scores={name: scored.get(key) for name, key in METRICS.items()},
        words_per_second=round(tokens / elapsed, 1) if elapsed else 0.0)


def score(examples) -> dict:
    """All UD metrics, whatever components produced them (spaCy, Stanza, another pipeline)."""
    from spacy.pipeline.dep_parser import parser_score
    from spacy.pipeline.lemmatizer import lemmatizer_score
    from spacy.pipeline.morphologizer import morphologizer_score
    from spacy.pipeline.tagger import tagger_score

    examples = list(examples)
    scores: dict = {}
    for scorer in (tagger_score, morphologizer_score, lemmatizer_score, parser_score):
        scores.update(scorer(examples))
    return scores


def format_table(result: UDScores) -> str:
    lines = [f"{result.file}: {result.sentences} sentences, {result.tokens} tokens "
             f"(model {result.model or 'bundled'})"]
    for name, value in result.scores.items():
        lines.append(f"  {name:<11} {'n/a' if value is None else f'{value:.4f}'}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    nlp = pipeline_for(args.model, args.file)
    if nlp is None:
        return 2
    result = evaluate(nlp, Path(args.file), args.sents_per_doc, args.gold_tokens,
                      str(args.model or ""))
    print(json.dumps(asdict(result), indent=2) if args.json else format_table(result))
    return 0


def register(eval_subparsers) -> None:
    parser = eval_subparsers.add_parser(
        "ud", help="UPOS, XPOS, morph, lemma, UAS, LAS and sentence F on a CoNLL-U file",
        description="Score the Swedish pipeline against a UD treebank file (CoNLL-U).")
    parser.add_argument("file", help="CoNLL-U file with gold annotation")
    parser.add_argument("--model", default=None,
                        help="pipeline to score: bundled (default), 'stanza', a package or path")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--gold-tokens", action="store_true",
                        help="use the gold tokenization instead of tokenizing the raw text")
    parser.add_argument("--sents-per-doc", type=int, default=SENTS_PER_DOC,
                        help="sentences per document (default %(default)s)")
    parser.set_defaults(func=run)
