"""From a segmented report to filled passage records.

The language pipeline (``textmine.load()``) runs once over all passages of a report,
with each passage's municipality attached as context; the extraction components have
left their results in Doc extensions, which are copied into the records here. A theme
classifier, when given, fills ``theme.predicted`` and ``theme.scores``.

A passage longer than ``MAX_DOC_CHARS`` (or the pipeline's ``max_length``) is not given
to the pipeline whole, which would fail (spaCy's E088 above 1,000,000 characters) or take
gigabytes: it is cut at sentence boundaries into pieces, each piece is processed alone,
and the pieces' results are put together with their offsets into the passage text. Only
the Docs of its first ``THEME_CHARS`` are kept, for its theme: memory does not grow with a
passage's length.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Protocol, Sequence

import numpy
import regex
from spacy.language import Language
from spacy.tokens import Doc

from textmine.pipeline.context import make_doc
from textmine.records import Passage
from textmine.segment import Report

BATCH_SIZE = 32
MAX_DOC_CHARS = 10_000  # longer passages go through the pipeline in pieces
MAX_BATCH_CHARS = 40_000  # and no batch holds more text than this
THEME_CHARS = 20_000  # a longer passage's theme is scored on its first pieces up to this
THEME_BATCH = 256  # passages scored for themes together, then their Docs are freed
# a sentence end: final punctuation (and closing quotes or brackets) and the space after it
_SENTENCE_END = regex.compile(r"[.!?…][\"”’)\]]*\s+|\n\s*")
_SPACE = regex.compile(r"\s+")


class ThemeScorer(Protocol):
    """What extraction needs of a theme classifier (see ``textmine.themes``)."""

    classes_: Sequence[str]

    def predict_proba(self, X: Sequence[Doc | str]): ...


def extract_report(report: Report, nlp: Language, themes: ThemeScorer | None = None) -> Report:
    """Fill entities, numbers, activities, target groups, outcomes (and themes) in place."""
    limit = max(1, min(MAX_DOC_CHARS, nlp.max_length))
    pieces = [(k, offset, piece) for k, passage in enumerate(report.passages)
              for offset, piece in split_text(passage.text, limit)]
    for passage in report.passages:  # filled piece by piece (a short passage is one piece)
        clear(passage)
    docs: list[list[Doc]] = [[] for _ in report.passages]  # kept for theme scoring
    waiting: list[int] = []  # passages filled, their Docs kept for theme scoring
    for batch in _batches(pieces):
        processed = nlp.pipe([make_doc(nlp, piece, report.passages[k].municipality)
                              for k, _, piece in batch], batch_size=len(batch))
        for (k, offset, piece), doc in zip(batch, processed):
            passage = report.passages[k]
            add_piece(passage, offset, doc)
            if themes is not None and offset < THEME_CHARS:  # the passage's start only
                doc.tensor = numpy.zeros((0, 0), dtype="float32")  # tokens and lemmas suffice
                docs[k].append(doc)
            if offset + len(piece) == len(passage.text):  # the passage's last piece
                waiting.append(k)
        if themes is not None and len(waiting) >= THEME_BATCH:
            _score(report.passages, docs, waiting, themes)
    if themes is not None and waiting:
        _score(report.passages, docs, waiting, themes)
    return report


def _score(passages: list[Passage], docs: list[list[Doc]], waiting: list[int],
           themes: ThemeScorer) -> None:
    """Theme scores for the waiting passages; their Docs are freed (``waiting`` emptied)."""
    whole = [docs[k][0] if len(docs[k]) == 1 else
             Doc.from_docs(docs[k], ensure_whitespace=False, exclude=["user_data", "tensor"])
             for k in waiting]
    predict_themes([passages[k] for k in waiting], whole, themes)
    for k in waiting:
        docs[k] = []
    waiting.clear()


def _batches(pieces: list[tuple[int, int, str]]) -> Iterator[list[tuple[int, int, str]]]:
    """Pieces in batches of ``BATCH_SIZE``, and of at most ``MAX_BATCH_CHARS`` characters:
    the pipeline's memory grows with the text of a batch (about 7 KB per character)."""
    batch: list[tuple[int, int, str]] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) == BATCH_SIZE or size + len(piece[2]) > MAX_BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[2])
    if batch:
        yield batch


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """``text`` in pieces of at most ``limit`` characters, cut after a sentence end where
    there is one (else at a space, else anywhere), as (offset, piece) pairs."""
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for match in _SENTENCE_END.finditer(window):
            cut = match.end()
        if cut < limit // 4:  # no sentence end in most of the window: cut at a space
            spaces = [m.end() for m in _SPACE.finditer(window, pos=limit // 2)]
            cut = spaces[-1] if spaces and spaces[-1] < limit else (cut or limit)
        pieces.append((start, text[start:start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def clear(passage: Passage) -> None:
    """Empty result fields, to be filled piece by piece (``add_piece``)."""
    passage.entities, passage.numbers, passage.activities = [], [], []
    passage.target_groups, passage.outcomes = [], []


def add_piece(passage: Passage, offset: int, doc: Doc) -> None:
    """Add the extraction components' results of one piece of a passage (the whole of a
    short one), at its offset in the passage; one activity record per type, as in one Doc."""
    for entity in _extension(doc, "entities"):
        passage.entities.append(replace(entity, start=entity.start + offset,
                                        end=entity.end + offset))
    for number in _extension(doc, "numbers"):
        passage.numbers.append(replace(number, start=number.start + offset,
                                       end=number.end + offset))
    types = {a.type for a in passage.activities}
    for activity in _extension(doc, "activities"):
        if activity.type not in types:
            types.add(activity.type)
            passage.activities.append(activity)
    for group in _extension(doc, "target_groups"):
        if group not in passage.target_groups:
            passage.target_groups.append(group)
    passage.outcomes.extend(_extension(doc, "outcomes"))


def predict_themes(passages: list[Passage], docs: list[Doc], themes: ThemeScorer) -> None:
    """Best theme and the full score table for every passage."""
    probabilities = themes.predict_proba(docs)
    labels = list(themes.classes_)
    for passage, row in zip(passages, probabilities):
        scores = {label: round(float(p), 4) for label, p in zip(labels, row)}
        passage.theme.scores = scores
        passage.theme.predicted = max(scores, key=scores.get)


def _extension(doc: Doc, name: str) -> list:
    return (getattr(doc._, name) or []) if Doc.has_extension(name) else []
