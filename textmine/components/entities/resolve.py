"""Entity candidates and how overlaps are resolved: every rule proposes ``Candidate``
spans with a rank (rules before lexicon words before NER before weak guesses); names seen
as rule spans are promoted, then the lower rank wins each overlap and longer beats shorter.
The small token tests the candidate rules share live here too.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from textmine.lexicon import MIN_COMPOUND_PREFIX

# --------------------------------------------------------------------------- candidates

@dataclass
class Candidate:
    """A proposed entity span (character offsets in doc.text) before overlaps are resolved."""

    rank: int  # RULE < LEXICON < NER < WEAK: the lower rank is placed first
    start: int
    end: int
    label: str
    code: str | None = None
    first_token: int | None = None  # token range, when the span came from tokens
    last_token: int | None = None


def token_span(doc: Doc, rank: int, start: int, end: int, label: str,
            code: str | None = None) -> Candidate:
    """Candidate for the token range ``doc[start:end]``."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    span = doc[start:end]
    return Candidate(rank, span.start_char, span.end_char, label, code, start, end)


RULE, LEXICON, NER, WEAK = 0, 1, 2, 3


def is_capitalised(token: Token) -> bool:
    return capitalised_text(token.text)


def capitalised_text(text: str) -> bool:
    """Starts with a capital and has a letter (``is_capitalised`` on a token's text)."""
    # an upper-case first character is nearly always a letter: the scan is rarely needed
    return bool(text) and text[0].isupper() and (text[0].isalpha()
                                                 or any(c.isalpha() for c in text))


SENTENCE_FINAL = {".", "!", "?", ":", "…"}


def starts_sentence(doc: Doc, i: int) -> bool:
    """First word of a sentence, judged from punctuation and line breaks only.

    A statistical sentence splitter may cut inside a name ("Framtid | Kramfors"); the
    capitalisation rules need the orthographic sentence start."""
    k = i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k < 0:
        return True
    prev = doc[k]
    if prev.is_space or "\n" in prev.whitespace_:
        return True
    return prev.text in SENTENCE_FINAL or prev.text in ("\"", "\u201d", "\u2013", "-") and (
        k == 0 or doc[k - 1].text in SENTENCE_FINAL)


def modifier_like(token: Token) -> bool:
    """An adjective or ordinal between a name and its noun (första, årliga, stora)."""
    if token.pos_:
        return token.pos_ in ("ADJ", "NUM")
    return token.is_alpha and token.is_lower and token.lower_.endswith(("a", "e"))


def compound_of(word: str, heads: tuple[str, ...]) -> bool:
    """``word`` ends in one of ``heads`` after a prefix of at least 3 letters."""
    if not word.endswith(heads):  # one C call rejects most words before the loop
        return False
    return any(word.endswith(h) and len(word) - len(h) >= MIN_COMPOUND_PREFIX for h in heads)


def hyphen_coordination(doc: Doc, start: int) -> int:
    """Extend 'barnrätts- och ungdomsdemokratisamordnare' to its coordinated first part."""
    if start >= 2 and doc[start - 1].lower_ in ("och", "eller") and doc[start - 2].text.endswith("-"):
        return start - 2
    return start


MUNICIPALITY_BODY_ENDINGS = ("kommun", "kommuns", "kommunen", "kommunens")


def _municipality_body(cand: Candidate, text: str) -> bool:
    """The candidate names a municipality as a body: "Kommunens", "Eda kommun"."""
    return cand.label == "MUNICIPALITY" and \
        text[cand.start:cand.end].lower().endswith(MUNICIPALITY_BODY_ENDINGS)


def promote_names(candidates: list[Candidate], text: str = "") -> list[Candidate]:
    """A NER name that contains a place ("Karin Berg", "Söderhamns Näringsliv") is kept whole.

    Such names rank as rules, unless a rule span crosses their border. A mention of the
    municipality as a body ("Kommunens", "Eda kommuns") is no part of a name: the NER span
    that starts with it ("Kommunens hälsoplan") is not promoted and loses to the mention."""
    rules, bodies = [], []
    for c in candidates:
        if c.rank == RULE:
            (bodies if _municipality_body(c, text) else rules).append(c)
    promoted = []
    for cand in candidates:
        if cand.rank == NER:
            inside = [r for r in rules if cand.start <= r.start and r.end <= cand.end
                      and (r.end - r.start) < (cand.end - cand.start)]
            crossing = [r for r in rules if r.start < cand.end and cand.start < r.end
                        and r not in inside]
            if any(b.start < cand.end and cand.start < b.end for b in bodies):
                promoted.append(cand)
                continue
            if inside and not crossing and all(r.label in ("MUNICIPALITY", "LOC") for r in inside):
                cand = Candidate(RULE, cand.start, cand.end, cand.label, cand.code,
                                 cand.first_token, cand.last_token)
        promoted.append(cand)
    return promoted


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans: rules longest first, then lexicon words, NER, weak guesses."""
    chosen: list[Candidate] = []
    taken: set[int] = set()  # characters already covered
    order = sorted(candidates, key=lambda c: (c.rank, -(c.end - c.start), c.start))
    for cand in order:
        if cand.end <= cand.start:
            continue
        chars = range(cand.start, cand.end)
        if any(c in taken for c in chars):
            continue
        taken.update(chars)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)
