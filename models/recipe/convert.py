"""Convert the public corpora in ``shared/data`` to spaCy ``.spacy`` training files.

Why a script of our own rather than ``spacy convert``: the 2015 Talbanken train split is
UD v1 (relation names, stray ``DT`` tags, auxiliaries tagged VERB, fewer features, no
lemmas) and spaCy's converter rejects it. Here it is mapped to UD v2 as
``shared/data/SOURCES.md`` describes, with a feature table learned from the v2 dev and
PUD files only (never the test file). Lemmas of the v1 file are ``_`` and are left
missing so they never reach the lemmatizer as gold.

Outputs (in ``OUT``): ``ud-train.spacy``, ``ud-dev.spacy`` (a carve-out of the training
data used for tuning), ``ud-test.spacy`` (held-out, evaluation only), ``ner-train.spacy``,
``ner-dev.spacy`` (carve-out of the NER train file) and ``ner-test.spacy`` (held-out).
"""
from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.tokens import Doc, DocBin, Span

UD_DIR = "ud/UD_Swedish-Talbanken"
PUD_DIR = "ud/UD_Swedish-PUD"
NER_DIR = "ner/swedish-ner-corpus"

V1_RELATIONS = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "name": "flat:name",
    "mwe": "fixed",
    "neg": "advmod",
    "nmod:agent": "obl:agent",
}
V1_UPOS = {"CONJ": "CCONJ", "DT": "DET"}
# The stray v1 "DT" tokens are possessives (PS, HS: PRON in v2) and HD (DET in v2).
V1_DT_BY_XPOS = {"PS": "PRON", "HS": "PRON", "HD": "DET"}
V1_NEGATION_PARTICLES = {"inte", "ej", "icke"}  # PART in v2 (Polarity=Neg), ADV in v1
AUX_RELATIONS = {"aux", "aux:pass", "cop"}
OBL_HEADS = {"VERB", "AUX", "ADJ", "ADV"}
NER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
SENTS_PER_DOC = 10
DEV_EVERY = 10  # every 10th document of the training data is carved out for tuning


@dataclass
class Token:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool = True


@dataclass
class Sentence:
    tokens: list[Token] = field(default_factory=list)


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield sentences of a CoNLL-U file; multiword ranges and empty nodes are skipped."""
    sent = Sentence()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if sent.tokens:
                    yield sent
                sent = Sentence()
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            sent.tokens.append(Token(
                form=cols[1], lemma=cols[2], upos=cols[3], xpos=cols[4], feats=cols[5],
                head=int(cols[6]), deprel=cols[7],
                space_after="SpaceAfter=No" not in cols[9]))
    if sent.tokens:
        yield sent


def map_v1_sentence(sent: Sentence, feats_table: "FeatureTable") -> Sentence:
    """Map one UD v1 sentence to v2 conventions (relations, UPOS, AUX, features)."""
    for tok in sent.tokens:
        tok.upos = map_v1_upos(tok)
        tok.deprel = V1_RELATIONS.get(tok.deprel, tok.deprel)
        if tok.upos == "VERB" and tok.deprel in AUX_RELATIONS:
            tok.upos = "AUX"
    for tok in sent.tokens:
        if tok.deprel == "nmod" and tok.head > 0:
            if sent.tokens[tok.head - 1].upos in OBL_HEADS:
                tok.deprel = "obl"
        tok.feats = feats_table.lookup(tok)
        tok.lemma = "_"
    return sent


def map_v1_upos(tok: Token) -> str:
    """v2 UPOS of a v1 token (before its relation is renamed).

    Differences found on the v2 dev and PUD files: possessives are PRON, negation
    particles PART, and the subordinating ``som``/``än`` (v1 CONJ with relation mark) SCONJ.
    """
    if tok.upos == "DT":
        return V1_DT_BY_XPOS.get(tok.xpos.split("|")[0], "DET")
    if tok.upos == "CONJ" and tok.deprel == "mark":
        return "SCONJ"
    if tok.deprel == "neg" and tok.form.lower() in V1_NEGATION_PARTICLES:
        return "PART"
    return V1_UPOS.get(tok.upos, tok.upos)


class FeatureTable:
    """Most frequent v2 FEATS for (UPOS, XPOS, form) then (UPOS, XPOS), learned from v2 data."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        by_form: dict[tuple, Counter] = defaultdict(Counter)
        by_tag: dict[tuple, Counter] = defaultdict(Counter)
        for sent in sentences:
            for tok in sent.tokens:
                by_form[(tok.upos, tok.xpos, tok.form.lower())][tok.feats] += 1
                by_tag[(tok.upos, tok.xpos)][tok.feats] += 1
        self.by_form = {k: c.most_common(1)[0][0] for k, c in by_form.items()}
        self.by_tag = {k: c.most_common(1)[0][0] for k, c in by_tag.items()}

    def lookup(self, tok: Token) -> str:
        key = (tok.upos, tok.xpos)
        found = self.by_form.get((tok.upos, tok.xpos, tok.form.lower()))
        if found is None:
            found = self.by_tag.get(key)
        return tok.feats if found is None else found


def sentences_to_doc(nlp, sents: list[Sentence], with_lemmas: bool) -> Doc:
    """One Doc of several sentences (so the parser and senter see sentence boundaries)."""
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    for sent in sents:
        offset = len(words)
        for i, tok in enumerate(sent.tokens):
            words.append(tok.form)
            spaces.append(tok.space_after)
            tags.append(tok.xpos)
            pos.append(tok.upos)
            morphs.append("" if tok.feats == "_" else tok.feats)
            lemmas.append(tok.lemma if tok.lemma != "_" or tok.form == "_" else "")
            heads.append(offset + tok.head - 1 if tok.head > 0 else offset + i)
            deps.append("dep" if tok.deprel == "_" else tok.deprel)
            starts.append(i == 0)
        spaces[-1] = True
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs,
              lemmas=lemmas if with_lemmas else None, heads=heads, deps=deps,
              sent_starts=starts)
    return doc


def chunk(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def split_dev(docs: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    """Carve every DEV_EVERY-th document out of the training docs for tuning."""
    train = [d for i, d in enumerate(docs) if i % DEV_EVERY != DEV_EVERY - 1]
    dev = [d for i, d in enumerate(docs) if i % DEV_EVERY == DEV_EVERY - 1]
    return train, dev


def convert_ud(data: Path, out: Path, nlp) -> None:
    dev_v2 = list(read_conllu(data / UD_DIR / "sv_talbanken-ud-dev.conllu"))
    pud = list(read_conllu(data / PUD_DIR / "sv_pud-ud-test.conllu"))
    table = FeatureTable(dev_v2 + pud)
    v1 = [map_v1_sentence(s, table)
          for s in read_conllu(data / UD_DIR / "sv_talbanken-ud-train-2015-v1.conll")]
    docs = [sentences_to_doc(nlp, c, with_lemmas=False) for c in chunk(v1, SENTS_PER_DOC)]
    docs += [sentences_to_doc(nlp, c, with_lemmas=True) for c in chunk(dev_v2, SENTS_PER_DOC)]
    docs += [sentences_to_doc(nlp, c, with_lemmas=True) for c in chunk(pud, SENTS_PER_DOC)]
    train, dev = split_dev(docs)
    DocBin(docs=train, store_user_data=False).to_disk(out / "ud-train.spacy")
    DocBin(docs=dev, store_user_data=False).to_disk(out / "ud-dev.spacy")
    test = list(read_conllu(data / UD_DIR / "sv_talbanken-ud-test.conllu"))
    test_docs = [sentences_to_doc(nlp, c, with_lemmas=True) for c in chunk(test, SENTS_PER_DOC)]
    DocBin(docs=test_docs).to_disk(out / "ud-test.spacy")
    print(f"UD: {len(train)} train docs, {len(dev)} dev docs, {len(test_docs)} test docs")


def read_ner(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences of (token, label) from the token<TAB>label NER corpus."""
    sent: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                if sent:
                    yield sent
                sent = []
                continue
            if len(parts) == 1:
                parts = [parts[0], "0"]
            sent.append((" ".join(parts[:-1]), parts[-1]))
    if sent:
        yield sent


def ner_doc(nlp, sents: list[list[tuple[str, str]]]) -> Doc:
    """Doc from IO-labelled sentences: adjacent tokens with one label form one entity."""
    words = [w for s in sents for w, _ in s]
    labels = [lab for s in sents for _, lab in s]
    starts = [i == 0 for s in sents for i in range(len(s))]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    spans, i = [], 0
    while i < len(labels):
        label = NER_LABELS.get(labels[i])
        if label is None:
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] == labels[i] and not starts[j]:
            j += 1
        spans.append(Span(doc, i, j, label=label))
        i = j
    doc.ents = spans
    return doc


def convert_ner(data: Path, out: Path, nlp) -> None:
    train_sents = list(read_ner(data / NER_DIR / "train_corpus.txt"))
    docs = [ner_doc(nlp, c) for c in chunk(train_sents, SENTS_PER_DOC)]
    train, dev = split_dev(docs)
    DocBin(docs=train).to_disk(out / "ner-train.spacy")
    DocBin(docs=dev).to_disk(out / "ner-dev.spacy")
    test = [ner_doc(nlp, c) for c in chunk(list(read_ner(data / NER_DIR / "test_corpus.txt")),
                                              SENTS_PER_DOC)]
    DocBin(docs=test).to_disk(out / "ner-test.spacy")
    print(f"NER: {len(train)} train docs, {len(dev)} dev docs, {len(test)} test docs")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[3]
                        / "shared" / "data")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("sv")
    convert_ud(args.data, args.out, nlp)
    convert_ner(args.data, args.out, nlp)


if __name__ == "__main__":
    main()
