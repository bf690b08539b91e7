"""``textmine evaluate ner FILE``: named-entity precision, recall and F, overall and per label.

FILE holds one ``token<TAB>label`` per line and a blank line between sentences, the
format of the Swedish NER corpus (labels PER, ORG, LOC, MISC and ``0``/``O`` outside;
IO or BIO tags). Person labels (PER, PRS) are read as PERSON, textmine's label, on both
the gold and the predicted side, so pipelines with other conventions can be compared.

Universal NER files (``*.iob2``: ``# ...`` comment lines, then ``id<TAB>token<TAB>IOB2
label<TAB>-<TAB>-``) are read too. UNER annotates only PER, LOC and ORG, so when such a file
is scored, predicted entities of other labels (MISC) are left out on the predicted side:
UNER's gold says nothing about them.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from spacy.language import Language

from textmine.evaluation import pipeline_for
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example

SENTS_PER_DOC = 10
OUTSIDE = {"0", "O", "_"}
LABEL_ALIASES = {"PER": "PERSON", "PRS": "PERSON"}
UNER_LABELS = {"PERSON", "LOC", "ORG"}  # UNER's PER, LOC, ORG after LABEL_ALIASES


@dataclass
class LabelScores:
    p: float
    r: float
    f: float


@dataclass
class NERScores:
    file: str
    model: str
    sentences: int
    entities: int
    overall: LabelScores
    per_label: dict[str, LabelScores]


def read_token_labels(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (token, label); the label is the last whitespace-separated field, or
    the third tab-separated one in a UNER ``.iob2`` file (whose ``#`` lines are comments)."""
    sent: list[tuple[str, str]] = []
    iob2 = is_uner(path)
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if iob2:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 3:
                    sent.append((cols[1], cols[2]))
                    continue
                line = ""
            parts = line.split()
            if not parts:
                if sent:
                    yield sent
                sent = []
                continue
            label = parts[-1] if len(parts) > 1 else "0"
            sent.append((" ".join(parts[:-1]) or parts[0], label))
    if sent:
        yield sent


def is_uner(path) -> bool:
    """A Universal NER file (``.iob2``): PER, LOC, ORG only."""
    return Path(path).suffix == ".iob2"


def normalise_label(label: str) -> str:
    return LABEL_ALIASES.get(label, label)


def labelled_doc(vocab, sents: list[list[tuple[str, str]]]) -> Doc:
    """Gold Doc: IO runs of one label (or BIO chunks) become entity spans."""
    words = [w for s in sents for w, _ in s]
    tags = [t for s in sents for _, t in s]
    starts = [i == 0 for s in sents for i in range(len(s))]
    doc = Doc(vocab, words=words, sent_starts=starts)
    spans: list[Span] = []
    i = 0
    while i < len(tags):
        if tags[i] in OUTSIDE:
            i += 1
            continue
        label = tags[i].split("-", 1)[-1] if tags[i][:2] in ("B-", "I-") else tags[i]
        j = i + 1
        while j < len(tags) and not starts[j] and _continues(tags[j], label):
            j += 1
        spans.append(Span(doc, i, j, label=normalise_label(label)))
        i = j
    doc.ents = spans
    return doc


def _continues(tag: str, label: str) -> bool:
    return tag == label or tag == f"I-{label}"


def predict_on_gold(nlp: Language, refs: list[Doc], keep: set[str] | None = None) -> list[Example]:
    """The pipeline's entities on the gold documents' words, labels normalised; ``keep``:
    the predicted labels scored (UNER has no MISC), None for all."""
    examples = []
    for ref, pred in zip(refs, nlp.pipe(Doc(nlp.vocab, words=[t.text for t in r],
                                            spaces=[bool(t.whitespace_) for t in r]) for r in refs)):
        pred.ents = [Span(pred, e.start, e.end, label=normalise_label(e.label_))
                     for e in pred.ents if keep is None or normalise_label(e.label_) in keep]
        examples.append(Example(pred, ref))
    return examples


def evaluate(nlp: Language, path: Path, model: str = "") -> NERScores:
    sents = list(read_token_labels(path))
    refs = [labelled_doc(nlp.vocab, sents[i:i + SENTS_PER_DOC])
            for i in range(0, len(sents), SENTS_PER_DOC)]
    examples = predict_on_gold(nlp, refs, UNER_LABELS if is_uner(path) else None)
    scores = Scorer.score_spans(examples, "ents")
    per_label = {label: LabelScores(**v) for label, v in
                 sorted((scores.get("ents_per_type") or {}).items())}
    return NERScores(
        file=str(path), model=model, sentences=len(sents),
        entities=sum(len(r.ents) for r in refs),
        overall=LabelScores(p=scores["ents_p"] or 0.0, r=scores["ents_r"] or 0.0,
                            f=scores["ents_f"] or 0.0),
        per_label=per_label)


def format_table(result: NERScores) -> str:
    lines = [f"{result.file}: {result.sentences} sentences, {result.entities} gold entities "
             f"(model {result.model or 'bundled'})",
             f"  {'label':<8} {'P':>6} {'R':>6} {'F':>6}"]
    rows = [("overall", result.overall)] + list(result.per_label.items())
    for label, s in rows:
        lines.append(f"  {label:<8} {s.p:6.4f} {s.r:6.4f} {s.f:6.4f}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    nlp = pipeline_for(args.model, args.file)
    if nlp is None:
        return 2
    result = evaluate(nlp, Path(args.file), str(args.model or ""))
    print(json.dumps(asdict(result), indent=2) if args.json else format_table(result))
    return 0


def register(eval_subparsers) -> None:
    parser = eval_subparsers.add_parser(
        "ner", help="named-entity P/R/F, overall and per label",
        description="Score the pipeline's named entities against a token<TAB>label file.")
    parser.add_argument("file", help="token<TAB>label file, blank line between sentences, "
                                     "or a UNER .iob2 file")
    parser.add_argument("--model", default=None,
                        help="pipeline to score: bundled (default), 'stanza', a package or path")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.set_defaults(func=run)
