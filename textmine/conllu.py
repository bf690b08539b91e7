"""The linguistic layer as CoNLL-U: sentences, tokens, lemmas, tags, morphology, parse.

One ``# newdoc id = REPORT/PASSAGE_ID`` per passage and one block per sentence. MISC
holds ``SpaceAfter=No`` where no space follows and textmine's entities as
``Entity=B-LABEL``/``I-LABEL``. Whitespace tokens are left out (CoNLL-U has none).

    text = textmine.conllu.to_conllu(report.passages)    # runs the bundled pipeline
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from textmine.records import Municipality
from textmine.tables import Record, as_dict


def to_conllu(records: Iterable[Record], nlp: Language | None = None) -> str:
    """CoNLL-U of every passage (``Passage`` objects or record dicts), parsed afresh."""
    return "".join(iter_conllu(records, nlp))


def write_conllu(records: Iterable[Record], path: str | Path,
                 nlp: Language | None = None) -> Path:
    """Write ``to_conllu(records)`` to ``path``; the path."""
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(iter_conllu(records, nlp))
    return path


def iter_conllu(records: Iterable[Record], nlp: Language | None = None) -> Iterator[str]:
    """One CoNLL-U document (a passage) at a time."""
    import textmine
    from textmine.pipeline.context import make_doc

    nlp = nlp or textmine._bundled().nlp
    records = [as_dict(r) for r in records]
    docs = nlp.pipe(make_doc(nlp, r["text"], _municipality(r)) for r in records)
    for record, doc in zip(records, docs):
        yield doc_to_conllu(doc, f"{record['report']}/{record['passage_id']}")


def doc_to_conllu(doc: Doc, doc_id: str | None = None) -> str:
    """One parsed Doc as CoNLL-U text (ends with a blank line)."""
    entity_tags = _entity_tags(doc)
    lines = [f"# newdoc id = {doc_id}"] if doc_id else []
    prefix = (doc_id or "s").replace(" ", "_")
    for n, sent in enumerate(_sentences(doc), start=1):
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        ids = {t.i: k for k, t in enumerate(tokens, start=1)}
        text = sent.text.replace("\n", " ").strip()
        lines += [f"# sent_id = {prefix}-s{n}", f"# text = {text}"]
        for k, token in enumerate(tokens, start=1):
            head = _head(token, ids)
            misc = []
            if not token.whitespace_ and token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                misc.append("SpaceAfter=No")
            if token.i in entity_tags:
                misc.append(f"Entity={entity_tags[token.i]}")
            deprel = "root" if head == 0 else (token.dep_ or "dep")
            lines.append("\t".join([
                str(k), _field(token.text), _field(token.lemma_), token.pos_ or "_",
                _field(token.tag_), str(token.morph) or "_", str(head), deprel, "_",
                "|".join(misc) or "_"]))
        lines.append("")
    return "\n".join(lines) + "\n"


def _sentences(doc: Doc):
    """The Doc's sentences, or the whole Doc when no component set sentence boundaries."""
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


def _head(token, ids: dict[int, int]) -> int:
    """The head's number in the sentence (0 for the root); whitespace heads are skipped."""
    head = token.head
    while head.i != token.i and head.i not in ids and head.head.i != head.i:
        head = head.head
    if head.i == token.i or head.i not in ids:
        return 0
    return ids[head.i]


def _entity_tags(doc: Doc) -> dict[int, str]:
    """Token index -> B-/I-LABEL for textmine's entities (``doc._.entities``)."""
    tags: dict[int, str] = {}
    entities = getattr(doc._, "entities", None) if Doc.has_extension("entities") else None
    for entity in entities or []:
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None or any(t.i in tags for t in span):
            continue
        for t in span:
            tags[t.i] = ("B-" if t.i == span.start else "I-") + entity.label
    return tags


def _municipality(record: dict[str, Any]) -> Municipality | None:
    m = record.get("municipality")
    return Municipality(m["name"], m["code"], m.get("county", "")) if m else None


def _field(text: str) -> str:
    """A FORM/LEMMA/XPOS value: no tabs or newlines, ``_`` when empty."""
    return " ".join(text.split()) or "_"
