"""Orthographic sentence boundaries for the parser: a sentence ends at . ! ?, a blank
line, or a line break before a line that does not go on with the sentence, as textmine's
extractors read it (``activities.recognizer.sentences``). A line that starts with a small
letter or a digit continues the one before: text wrapped by hand or extracted from PDF
("har anställt en\nsamordnare som ...") stays one sentence; headings, list items and
paragraphs without a final stop ("Resultat\nUnder 2020 ...") are sentences of their own.

Report prose is well punctuated, and a statistical splitter cuts inside sentences
("... och | Arbetsförmedlingen sitter ..."): the parser then attaches the words of one
clause to the verb of another. Set before the parser, these boundaries are kept by it,
so the parse, and what the extractors read from it, no longer depends on the splitter.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

SENTENCE_END = frozenset({".", "!", "?"})
_END_IDS = frozenset(get_string_id(end) for end in SENTENCE_END)  # their ORTH values


def ends_sentence(token: Token) -> bool:
    """A token that closes its sentence: final punctuation, or a line break that ends it."""
    return token.text in SENTENCE_END or ends_line(token)


def ends_line(token: Token) -> bool:
    """A line break in or after ``token`` that ends the sentence: a blank line, the end of
    the text, or a next line that does not start with a small letter or a digit."""
    breaks = token.text.count("\n") if token.is_space else 0
    breaks += token.whitespace_.count("\n")
    if breaks == 0:
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if breaks > 1 or following is None:
        return True
    first = following.text[:1]
    return not (first.islower() or first.isdigit())


def sentence_spans(doc: Doc) -> list[Span]:
    """Sentences split at . ! ? and line breaks that end them (``ends_sentence``).

    Orthographic splitting whatever the pipeline, and without setting anything on the Doc
    (the activity recognizer and the theme classifier read a Doc as given): report prose
    is well punctuated, and the statistical splitters of small models cut inside
    sentences, which would separate an effect cue from the words it governs."""
    if len(doc) == 0:
        return []
    # white space and final punctuation read from one array: only they can end a sentence
    # (a line break is in a white-space token; what follows a token, ``whitespace_``, is
    # one space or nothing), so only they are made into Token objects and asked
    rows = doc.to_array([IS_SPACE, ORTH]).tolist()
    space = [row[0] for row in rows]
    spans, start = [], 0
    for i, (is_space, orth) in enumerate(rows):
        if (is_space or orth in _END_IDS) and ends_sentence(doc[i]):
            if 0 in space[start:i + 1]:  # a span of white space alone has no text once
                spans.append(doc[start:i + 1])  # stripped: left out
            start = i + 1
    if start < len(doc) and 0 in space[start:]:
        spans.append(doc[start:])
    return spans


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark every token as a sentence start or not (the parser keeps both). White space
    between sentences stays with the sentence before it, white space before the first
    with the first: no sentence of blanks alone.
    Written in one ``from_array`` call: setting ``is_sent_start`` token by token costs
    as much as a tagger."""
    starts: list[int] = []
    start = True
    for i, (is_space, orth) in enumerate(doc.to_array([IS_SPACE, ORTH]).tolist()):
        if is_space:
            first = i == 0  # a Doc's first token starts it, blank or not
            starts.append(1 if first else -1)
            start = not first and (start or ends_line(doc[i]))
            continue
        starts.append(1 if start else -1)
        start = orth in _END_IDS  # ``ends_sentence`` of a word: no line break follows it
    if starts:
        values = numpy.array(starts, dtype="int64").astype("uint64")  # -1: not a start
        doc.from_array([SENT_START], values.reshape(-1, 1))
    return doc


@Language.factory("textmine_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str):
    """``nlp.add_pipe("textmine_sentences", before="parser")`` (the bundled model has it
    in place of a statistical senter)."""
    return set_sentence_starts
