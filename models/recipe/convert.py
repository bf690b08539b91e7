"""Convert the public corpora in ``shared/data`` to spaCy ``.spacy`` training files.

Why a script of our own rather than ``spacy convert``: the 2015 Talbanken train split is
UD v1 (relation names, stray ``DT`` tags, auxiliaries tagged VERB, fewer features, no
lemmas) and spaCy's converter rejects it. Here it is mapped to UD v2 as
``shared/data/SOURCES.md`` describes, with a feature table learned from the v2 dev and
PUD files only (never the test file). Lemmas of the v1 file are ``_`` and are left
missing so they never reach the lemmatizer as gold.

Outputs (in ``OUT``): ``ud-train.spacy``, ``ud-dev.spacy`` (a carve-out of the training
data used for tuning), ``ud-test.spacy`` (held-out, evaluation only), ``ner-train.spacy``,
``ner-dev.spacy`` (carve-out of the NER train file) and ``ner-test.spacy`` (held-out), and
``joint-train.spacy`` / ``joint-dev.spacy``: the UD and NER documents together, for one
pipeline whose components share one tok2vec (each component learns from the documents
that carry its annotation; spaCy treats the rest as missing).

Universal NER (UNER-Talbanken train and dev, PER/LOC/ORG on the Talbanken sentences) is
merged onto the treebank documents: a treebank sentence whose words equal a UNER sentence
gets its entities (PER -> PERSON) and its other tokens are marked outside; the other
sentences of the document keep their entity annotation missing. UNER sentences found in no
treebank document become NER-only documents. UNER has no MISC: in the merged sentences a
MISC-like name is annotated outside (UNER-Talbanken labels no such names), which is what
the UNER test file scores, at some cost to MISC (measured in models/README.md).

``--uner-missing`` (session 12, off by default) leaves UNER's non-entity tokens *missing*
instead of outside in the training documents (the merged sentences and the NER-only UNER
documents; the news corpus keeps its outside tokens): UNER's entities still teach their
labels and boundaries, but its MISC-like names and the ORG/PERSON it leaves unlabelled no
longer teach "no entity". The dev carve-out keeps the full annotation, so its scores
compare with those of a model built without the option (spaCy's scorer ignores
predictions on missing tokens).
"""
from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import spacy
from spacy.tokens import Doc, DocBin

from textmine.evaluation.ner import labelled_doc, read_token_labels as read_ner
from textmine.evaluation.ud import UDSentence, UDToken, read_conllu, sentences_to_doc

UD_DIR = "ud/UD_Swedish-Talbanken"
PUD_DIR = "ud/UD_Swedish-PUD"
NER_DIR = "ner/swedish-ner-corpus"
UNER_DIR = "ner/uner-talbanken"
UNER_FILES = ("sv_talbanken-ud-train.iob2", "sv_talbanken-ud-dev.iob2")  # never -test

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
CLAUSE_HEADS = {"VERB", "AUX"}  # v2 has no 'case' under a verb: it is 'mark'
SENTS_PER_DOC = 10
DEV_EVERY = 10  # every 10th document of the training data is carved out for tuning


def map_v1_sentence(sent: UDSentence, feats_table: "FeatureTable",
                    v2_relations: bool = True,
                    phrases: dict[tuple[str, ...], PhraseAnalysis] | None = None) -> UDSentence:
    """Map one UD v1 sentence to v2 conventions (relations, UPOS, AUX, features); with
    ``v2_relations`` (the default since v2.3; ``--v1-relations`` leaves them) also
    coordination, determiner adjectives and prepositions before clauses; with ``phrases``
    the v1 ``mwe`` groups v2 analyses word by word (v2.3; ``--v1-phrases`` leaves them)."""
    if phrases:
        map_v1_phrases(sent, phrases)
    for tok in sent.tokens:
        tok.upos = map_v1_upos(tok)
        tok.deprel = V1_RELATIONS.get(tok.deprel, tok.deprel)
        if tok.upos == "VERB" and tok.deprel in AUX_RELATIONS:
            tok.upos = "AUX"
    for tok in sent.tokens:
        head_upos = sent.tokens[tok.head - 1].upos if tok.head > 0 else None
        if tok.deprel == "nmod" and head_upos in OBL_HEADS:
            tok.deprel = "obl"
        elif v2_relations and tok.deprel == "det" and tok.upos == "ADJ":
            tok.deprel = "amod"  # 'samma', 'andra', 'många', 'hela': determiner-like adjectives
        elif v2_relations and tok.deprel == "case" and head_upos in CLAUSE_HEADS:
            tok.deprel = "mark"  # 'för att göra', 'på att': a preposition before a clause
        tok.feats = feats_table.lookup(tok)
        tok.lemma = "_"
    if v2_relations:
        attach_to_next_conjunct(sent)
    return sent


def attach_to_next_conjunct(sent: UDSentence) -> None:
    """UD v2 attaches a coordinator and a comma between conjuncts to the conjunct after
    them; v1 attached them to the first conjunct ('äpplen , päron och plommon': ',' and
    'och' go to 'päron' and 'plommon'). Measured on the v1 train and v2 dev files: v1 puts
    82 % of coordinators to the left, v2 97 % to the right."""
    conjuncts: dict[int, list[int]] = defaultdict(list)
    for i, tok in enumerate(sent.tokens, 1):
        if tok.deprel == "conj":
            conjuncts[tok.head].append(i)
    for i, tok in enumerate(sent.tokens, 1):
        if tok.deprel not in ("cc", "punct") or not 0 < tok.head < i:
            continue
        following = [c for c in conjuncts.get(tok.head, ()) if c > i]
        if following:
            tok.head = following[0]


@dataclass(frozen=True)
class PhraseAnalysis:
    """How UD v2 analyses a word sequence that v1 marked as one ``mwe``: for each word, the
    index of its head inside the phrase (None: the phrase's outside head) and its relation."""
    heads: tuple[int | None, ...]
    deprels: tuple[str, ...]


def phrase_groups(sent: UDSentence) -> list[list[int]]:
    """v1 ``mwe`` groups as 0-based token indices (the head and its ``mwe`` dependents),
    those that are one contiguous run of words only."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, tok in enumerate(sent.tokens):
        if tok.deprel == "mwe" and tok.head > 0:
            members[tok.head - 1].append(i)
    groups = [sorted([head, *deps]) for head, deps in members.items()]
    return [g for g in groups if g == list(range(g[0], g[-1] + 1))]


def learn_phrase_analyses(v1_sents: list[UDSentence], v2_sents: list[UDSentence],
                          min_share: float = 0.6) -> dict[tuple[str, ...], PhraseAnalysis]:
    """The usual v2 analysis of each phrase that v1 marks ``mwe`` ('i dag', 'för att', 'den
    här'), read off the same word sequences in the v2 files. Kept when one analysis has at least
    ``min_share`` of the phrase's occurrences and all its words that go outside the phrase go
    to one head (so it can replace the v1 group's single attachment)."""
    phrases = {tuple(sent.tokens[i].form.lower() for i in g)
               for sent in v1_sents for g in phrase_groups(sent)}
    seen: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for sent in v2_sents:
        words = [t.form.lower() for t in sent.tokens]
        for size in {len(p) for p in phrases}:
            for start in range(len(words) - size + 1):
                key = tuple(words[start:start + size])
                if key in phrases:
                    seen[key][analysis_at(sent, start, size)] += 1
    analyses = {}
    for key, counts in seen.items():
        analysis, n = counts.most_common(1)[0]
        if analysis is not None and n / sum(counts.values()) >= min_share:
            analyses[key] = analysis
    return analyses


def analysis_at(sent: UDSentence, start: int, size: int) -> PhraseAnalysis | None:
    """The analysis of the words ``start``..``start+size`` of a v2 sentence (None when its
    words go outside the phrase to more than one head)."""
    span = range(start + 1, start + size + 1)  # 1-based, as heads are
    tokens = sent.tokens[start:start + size]
    if len({t.head for t in tokens if t.head not in span}) != 1:
        return None
    return PhraseAnalysis(tuple(t.head - start - 1 if t.head in span else None for t in tokens),
                          tuple(t.deprel for t in tokens))


def map_v1_phrases(sent: UDSentence, analyses: dict[tuple[str, ...], PhraseAnalysis]) -> None:
    """Give v1 ``mwe`` groups the analysis v2 uses for the same words (``learn_phrase_analyses``):
    'i dag' becomes 'i' case under 'dag', 'dag' attached where the group was; 'för att' two
    ``mark``. The group's other dependents move to its first word that goes outside. A group
    keeps its v1 analysis (``fixed``) when v2 has none for its words, when it is the root, or
    when no outside word's v2 relation fits the group's v1 relation ('den här' as an object is
    no determiner; 'på grund av' attached as ``case``: v2 makes the noun after it a dependent)."""
    for group in phrase_groups(sent):
        first = sent.tokens[group[0]]
        analysis = analyses.get(tuple(sent.tokens[i].form.lower() for i in group))
        if analysis is None or first.head == 0 or not fits(analysis, first.deprel):
            continue
        outside = [group[k] for k, h in enumerate(analysis.heads) if h is None]
        head, old_head = first.head, group[0] + 1
        for k, i in enumerate(group):
            inner = analysis.heads[k]
            sent.tokens[i].head = head if inner is None else group[inner] + 1
            # obl or nmod is chosen by the head's UPOS afterwards, as for every v1 nmod
            sent.tokens[i].deprel = "nmod" if analysis.deprels[k] == "obl" else analysis.deprels[k]
        for i, tok in enumerate(sent.tokens):
            if tok.head == old_head and i not in group:
                tok.head = outside[0] + 1


def fits(analysis: PhraseAnalysis, v1_deprel: str) -> bool:
    """Whether a v2 phrase analysis can stand where v1 attached the group with ``v1_deprel``:
    one of its outside words has that relation, or v1's adverbial is v2's nominal ('i dag')."""
    relation = V1_RELATIONS.get(v1_deprel, v1_deprel)
    outside = {d for h, d in zip(analysis.heads, analysis.deprels) if h is None}
    return relation in outside or (relation == "advmod" and bool(outside & {"obl", "nmod"}))


def map_v1_upos(tok: UDToken) -> str:
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

    def __init__(self, sentences: Iterable[UDSentence]) -> None:
        by_form: dict[tuple, Counter] = defaultdict(Counter)
        by_tag: dict[tuple, Counter] = defaultdict(Counter)
        for sent in sentences:
            for tok in sent.tokens:
                by_form[(tok.upos, tok.xpos, tok.form.lower())][tok.feats] += 1
                by_tag[(tok.upos, tok.xpos)][tok.feats] += 1
        self.by_form = {k: c.most_common(1)[0][0] for k, c in by_form.items()}
        self.by_tag = {k: c.most_common(1)[0][0] for k, c in by_tag.items()}

    def lookup(self, tok: UDToken) -> str:
        key = (tok.upos, tok.xpos)
        found = self.by_form.get((tok.upos, tok.xpos, tok.form.lower()))
        if found is None:
            found = self.by_tag.get(key)
        return tok.feats if found is None else found


def chunk(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def split_dev(docs: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    """Carve every DEV_EVERY-th document out of the training docs for tuning."""
    train = [d for i, d in enumerate(docs) if i % DEV_EVERY != DEV_EVERY - 1]
    dev = [d for i, d in enumerate(docs) if i % DEV_EVERY == DEV_EVERY - 1]
    return train, dev


def read_uner(data: Path) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    sents = {}
    for name in UNER_FILES:
        for sent in read_ner(data / UNER_DIR / name):
            sents[tuple(w for w, _ in sent)] = sent
    return sents


def add_uner(docs: list[Doc], uner: dict, vocab) -> tuple[list[Doc], list[Doc]]:
    """Put UNER entities on the treebank sentences they annotate (see the module doc);
    return the documents and NER-only documents of the UNER sentences matched nowhere."""
    from spacy.tokens import Span

    used = set()
    for doc in docs:
        ents, outside = [], []
        for sent in doc.sents:
            key = tuple(t.text for t in sent)
            if key not in uner:
                continue
            used.add(key)
            gold = labelled_doc(vocab, [uner[key]])
            ents += [Span(doc, sent.start + e.start, sent.start + e.end, label=e.label_)
                     for e in gold.ents]
            inside = {i for e in gold.ents for i in range(e.start, e.end)}
            outside += [Span(doc, sent.start + i, sent.start + i + 1)
                        for i in range(len(sent)) if i not in inside]
        if ents or outside:
            doc.set_ents(ents, outside=outside, default="missing")
    rest = [s for k, s in uner.items() if k not in used]
    extra = [labelled_doc(vocab, c) for c in chunk(rest, SENTS_PER_DOC)]
    print(f"UNER: {len(used)} sentences merged onto treebank documents, {len(rest)} NER-only")
    return docs, extra


def non_entities_missing(doc: Doc) -> Doc:
    """Keep the document's entities (B/I as they are) and make every other token missing."""
    doc.set_ents(list(doc.ents), default="missing")
    return doc


def uner_as_partial(docs: list[Doc]) -> list[Doc]:
    """``non_entities_missing`` on the documents that carry UNER annotation (see the module
    doc, ``--uner-missing``); documents without any entity annotation stay as they are."""
    return [non_entities_missing(d) if d.has_annotation("ENT_IOB") else d for d in docs]


def convert_ud(data: Path, out: Path, nlp, uner_missing: bool = False, v2_relations: bool = True,
               v2_phrases: bool = True) -> None:
    dev_v2 = list(read_conllu(data / UD_DIR / "sv_talbanken-ud-dev.conllu"))
    pud = list(read_conllu(data / PUD_DIR / "sv_pud-ud-test.conllu"))
    table = FeatureTable(dev_v2 + pud)
    v1 = list(read_conllu(data / UD_DIR / "sv_talbanken-ud-train-2015-v1.conll"))
    phrases = learn_phrase_analyses(v1, dev_v2 + pud) if v2_phrases else None
    if phrases:
        print(f"v2 analyses for {len(phrases)} v1 multi-word phrases")
    v1 = [map_v1_sentence(s, table, v2_relations, phrases) for s in v1]
    docs = [sentences_to_doc(nlp.vocab, c, with_lemmas=False) for c in chunk(v1, SENTS_PER_DOC)]
    docs += [sentences_to_doc(nlp.vocab, c, with_lemmas=True) for c in chunk(dev_v2, SENTS_PER_DOC)]
    docs += [sentences_to_doc(nlp.vocab, c, with_lemmas=True) for c in chunk(pud, SENTS_PER_DOC)]
    docs, uner_only = add_uner(docs, read_uner(data), nlp.vocab)
    train, dev = split_dev(docs)
    uner_train, uner_dev = split_dev(uner_only)
    if uner_missing:
        train, uner_train = uner_as_partial(train), uner_as_partial(uner_train)
    DocBin(docs=uner_train, store_user_data=False).to_disk(out / "uner-only-train.spacy")
    DocBin(docs=uner_dev, store_user_data=False).to_disk(out / "uner-only-dev.spacy")
    DocBin(docs=train, store_user_data=False).to_disk(out / "ud-train.spacy")
    DocBin(docs=dev, store_user_data=False).to_disk(out / "ud-dev.spacy")
    test = list(read_conllu(data / UD_DIR / "sv_talbanken-ud-test.conllu"))
    test_docs = [sentences_to_doc(nlp.vocab, c, with_lemmas=True) for c in chunk(test, SENTS_PER_DOC)]
    DocBin(docs=test_docs).to_disk(out / "ud-test.spacy")
    print(f"UD: {len(train)} train docs, {len(dev)} dev docs, {len(test_docs)} test docs")


def convert_ner(data: Path, out: Path, nlp) -> None:
    train_sents = list(read_ner(data / NER_DIR / "train_corpus.txt"))
    docs = [labelled_doc(nlp.vocab, c) for c in chunk(train_sents, SENTS_PER_DOC)]
    train, dev = split_dev(docs)
    DocBin(docs=train).to_disk(out / "ner-train.spacy")
    DocBin(docs=dev).to_disk(out / "ner-dev.spacy")
    test = [labelled_doc(nlp.vocab, c) for c in chunk(list(read_ner(data / NER_DIR / "test_corpus.txt")),
                                              SENTS_PER_DOC)]
    DocBin(docs=test).to_disk(out / "ner-test.spacy")
    print(f"NER: {len(train)} train docs, {len(dev)} dev docs, {len(test)} test docs")


# switches of the conversion (off: the shipped model's data), also offered by build.py
CONVERSION_OPTIONS = {
    "--uner-missing": "UNER's non-entity tokens missing, not outside, in the training documents "
                      "(the dev carve-out keeps them outside; session 12 experiment)",
    "--v1-relations": "keep the v1 train split's coordination (cc and commas on the first "
                      "conjunct), determiner adjectives (det) and prepositions before clauses "
                      "(case) as v1 has them; the default maps them to UD v2 (since v2.3; "
                      "v2.1 and v1 were built with this switch's mapping)",
    "--v1-phrases": "keep the v1 train split's multi-word groups (mwe: 'i dag', 'för att', 'den "
                    "här') as one fixed group; the default gives them the analysis the v2 files "
                    "give the same words (since v2.3)",
}


def add_conversion_options(parser: argparse.ArgumentParser) -> None:
    for flag, text in CONVERSION_OPTIONS.items():
        parser.add_argument(flag, action="store_true", help=text)


def conversion_flags(args: argparse.Namespace) -> list[str]:
    """The conversion switches set in ``args``, as command-line flags for convert.py."""
    return [flag for flag in CONVERSION_OPTIONS if getattr(args, flag[2:].replace("-", "_"))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[3]
                        / "shared" / "data")
    parser.add_argument("--out", type=Path, required=True)
    add_conversion_options(parser)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("sv")
    convert_ud(args.data, args.out, nlp, uner_missing=args.uner_missing,
               v2_relations=not args.v1_relations, v2_phrases=not args.v1_phrases)
    convert_ner(args.data, args.out, nlp)
    for split in ("train", "dev"):
        joint = DocBin(store_user_data=False)
        for part in ("ud", "uner-only", "ner"):
            for doc in DocBin().from_disk(args.out / f"{part}-{split}.spacy").get_docs(nlp.vocab):
                joint.add(doc)
        joint.to_disk(args.out / f"joint-{split}.spacy")
        print(f"joint {split}: {len(joint)} docs")


if __name__ == "__main__":
    main()
