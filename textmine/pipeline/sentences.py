"""Orthographic sentence boundaries for the parser: a sentence ends at . ! ? or a line
break, as textmine's extractors read it (``activities.recognizer.sentences``).

Report prose is well punctuated, and a statistical splitter cuts inside sentences
("... och | Arbetsförmedlingen sitter ..."): the parser then attaches the words of one
clause to the verb of another. Set before the parser, these boundaries are kept by it,
so the parse, and what the extractors read from it, no longer depends on the splitter.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

SENTENCE_END = frozenset({".", "!", "?"})


def ends_sentence(text: str, whitespace: str, is_space: bool) -> bool:
    """A token that closes its sentence: final punctuation or a line break."""
    return text in SENTENCE_END or "\n" in whitespace or (is_space and "\n" in text)


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark every token as a sentence start or not (the parser keeps both). White space
    between sentences stays with the sentence before it, white space before the first
    with the first: no sentence of blanks alone.
    Written in one ``from_array`` call: setting ``is_sent_start`` token by token costs
    as much as a tagger."""
    starts: list[int] = []
    start = True
    for token in doc:
        if token.is_space:
            first = token.i == 0  # a Doc's first token starts it, blank or not
            starts.append(1 if first else -1)
            start = not first and (start or "\n" in token.text)
            continue
        starts.append(1 if start else -1)
        start = ends_sentence(token.text, token.whitespace_, token.is_space)
    if starts:
        values = numpy.array(starts, dtype="int64").astype("uint64")  # -1: not a start
        doc.from_array([SENT_START], values.reshape(-1, 1))
    return doc


@Language.factory("textmine_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str):
    """``nlp.add_pipe("textmine_sentences", before="parser")`` (the bundled model has it
    in place of a statistical senter)."""
    return set_sentence_starts
