"""A Swedish tokenizer fitted to report text, and number spans over its tokens.

spaCy's Swedish tokenizer already keeps most abbreviations (t.ex., bl.a., fr.o.m.),
ranges (``300–400``, ``2018–2020``), decimals (``2,5``) and hyphenated names
(``Dals-Eds``, ``IT-pedagog``) whole. This module adds what reports need beyond that:

* abbreviations it splits (``ca.``, ``enl.``, ``pga.``, months ...), listed in the data file
  ``textmine/data/sv_abbreviations.txt``, with capitalised variants for sentence starts;
* numbers with a no-break or thin space as thousands separator (``2\u00a0000``) stay one
  token, so they are not torn into ``2``, ``\u00a0``, ``000``;
* :func:`number_spans` recovers a number written with ordinary spaces (``2 000``,
  ``12 500 000``), possibly followed by ``%``, as one span over several tokens.

The tokenizer is registered as ``textmine.sv_tokenizer.v1`` so a pipeline's config can
name it; importing this module (``textmine.load`` does) makes it available.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from textmine.resources import data_lines, package_text

TOKENIZER_NAME = "textmine.sv_tokenizer.v1"
ABBREVIATIONS_FILE = "sv_abbreviations.txt"
# A thousands separator inside one whitespace-free chunk: no-break, narrow no-break, thin space.
GROUP_SPACES = "\u00a0\u202f\u2009"
NUMBER_IN_TEXT = re.compile(rf"(?<![0-9])[0-9]{{1,3}}(?:[{GROUP_SPACES}][0-9]{{3}})+(?:,[0-9]+)?(?![0-9])")
LEADING_GROUP = re.compile(r"^[0-9]{1,3}$")
THOUSANDS_GROUP = re.compile(r"^[0-9]{3}(?:,[0-9]+)?$")
PERCENT = {"%", "procent"}


def load_abbreviations() -> list[str]:
    """Abbreviations from the package data file, with capitalised variants."""
    words = list(data_lines(package_text(ABBREVIATIONS_FILE)))
    variants = {w[:1].upper() + w[1:] for w in words}
    return sorted(set(words) | variants)


class ReportTokenizer(Tokenizer):
    """spaCy's rule tokenizer, then ``2\u00a0000`` merged back into one token.

    spaCy splits on every whitespace character, so a no-break space between digit groups
    would become a token of its own; the merge keeps the text and its offsets unchanged.
    """

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        if any(ch in text for ch in GROUP_SPACES):
            merge_grouped_numbers(doc)
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


def merge_grouped_numbers(doc: Doc) -> None:
    """Merge digit groups joined by a no-break or thin space into one token."""
    with doc.retokenize() as retokenizer:
        for match in NUMBER_IN_TEXT.finditer(doc.text):
            span = doc.char_span(match.start(), match.end())
            if span is not None and len(span) > 1:
                retokenizer.merge(span)


def customize(tokenizer: Tokenizer) -> ReportTokenizer:
    """A :class:`ReportTokenizer` with spaCy's rules plus textmine's abbreviations."""
    custom = ReportTokenizer(
        tokenizer.vocab, rules=tokenizer.rules, prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match, url_match=tokenizer.url_match)
    for abbreviation in load_abbreviations():
        custom.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return custom


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer() -> Callable[[Language], ReportTokenizer]:
    """Config entry point: spaCy's Swedish rules plus :func:`customize`."""
    from spacy.util import registry

    default_factory = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> ReportTokenizer:
        return customize(default_factory(nlp))

    return make


def blank() -> Language:
    """A blank Swedish pipeline with textmine's tokenizer (handy for tests and tools)."""
    return spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})


def number_spans(doc: Doc) -> Iterator[Span]:
    """Yield spans of numbers written in several tokens: ``2 000``, ``12 500 000``, ``16 %``.

    A leading group of one to three digits followed by space-separated groups of exactly
    three digits is one number; a following ``%`` or ``procent`` is included. Single-token
    numbers followed by ``%`` are yielded too, so callers get the whole expression.
    """
    i = 0
    while i < len(doc):
        start = i
        if LEADING_GROUP.match(doc[i].text) and doc[i].whitespace_:
            j = i + 1
            while j < len(doc) and THOUSANDS_GROUP.match(doc[j].text) \
                    and doc[j - 1].whitespace_ == " ":
                j += 1
                if "," in doc[j - 1].text:
                    break
            end = j
        else:
            end = i + 1
        end = _extend_with_percent(doc, start, end)
        if end - start > 1:
            yield doc[start:end]
            i = end
        else:
            i += 1


def _extend_with_percent(doc: Doc, start: int, end: int) -> int:
    """Include a following ``%`` (possibly after a no-break space token) in the number."""
    k = end + 1 if end < len(doc) and doc[end].is_space else end
    if k < len(doc) and doc[k].lower_ in PERCENT and _is_number(doc[start:end]):
        return k + 1
    return end


def _is_number(span: Span) -> bool:
    return all(tok.like_num or tok.text.replace(",", "").replace("\u00a0", "").isdigit()
               for tok in span)
