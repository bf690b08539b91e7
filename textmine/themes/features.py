"""Feature steps of the theme classifier: lemmas, compound parts, lexicon counts.

Each step is a small scikit-learn transformer so the classifier is a plain
``Pipeline`` that skops can save and load without executing code. The steps pass
a two-column object array along: column 0 the passage text (for character
n-grams), column 1 its content lemmas joined by spaces (for word features and
the lexicon).

Lemmas come from the ``Doc`` when the language pipeline set them; for plain
strings (or Docs without lemmas) a lightweight pipeline is used: spaCy's blank
Swedish tokenizer and the Swedish lookup table of ``spacy-lookups-data`` when it
is installed, else the lower-cased word form (character n-grams still cover
inflection then).
"""
from __future__ import annotations

import csv
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import regex
from sklearn.base import BaseEstimator, TransformerMixin
from spacy.tokens import Doc

from textmine.resources import package_text

LEXICON_FILE = "theme_lexicon.csv"
_WORD = regex.compile(r"^[\p{L}][\p{L}\-]*$")
TEXT, LEMMAS, FORMS = 0, 1, 2  # columns of the array passed between the steps


# --- the lightweight pipeline for plain strings ---------------------------------

@lru_cache(maxsize=1)
def lightweight_nlp():
    """spaCy's blank Swedish pipeline with a rule-based sentencizer (cached)."""
    import spacy

    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def lemma_table():
    """Swedish form -> lemma lookup table of spacy-lookups-data (a spaCy Table), or {}."""
    try:
        from spacy.lookups import load_lookups
        table = load_lookups("sv", ["lemma_lookup"], strict=True).get_table("lemma_lookup")
    except (ImportError, ValueError, KeyError, OSError):
        return {}
    return table


def as_docs(texts: Iterable[Doc | str]) -> list[Doc]:
    """Docs as given; plain strings are run through the lightweight pipeline."""
    items = list(texts)
    strings = [i for i, item in enumerate(items) if not isinstance(item, Doc)]
    if strings:
        docs = lightweight_nlp().pipe(str(items[i]) for i in strings)
        for i, doc in zip(strings, docs):
            items[i] = doc
    return items


def lookup_lemma(form: str) -> str:
    """The lookup-table lemma of a lower-cased form (the form itself if unknown)."""
    table = lemma_table()
    return table.get(form, form) if table else form


def doc_lemmas(doc: Doc, use_doc_lemmas: bool = True,
               skip_names: bool = False) -> list[tuple[str, str]]:
    """(form, lemma), lower-cased, of the content words of ``doc``.

    No stop words, digits or punctuation; with ``skip_names`` no capitalised word
    inside a sentence either: names of places and projects say little about the
    theme of another report.
    """
    stop_words = _stop_words()
    words = []
    for i, token in enumerate(doc):
        form = token.text.lower()
        if not _WORD.match(form) or form in stop_words:
            continue
        if skip_names and token.text[:1].isupper() and not _sentence_initial(doc, i):
            continue
        lemma = token.lemma_.lower() if use_doc_lemmas and token.lemma_ else ""
        if not lemma or lemma == form:
            lemma = lookup_lemma(form)
        if lemma not in stop_words:
            words.append((form, lemma))
    return words


def _sentence_initial(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    if doc.has_annotation("SENT_START"):
        return bool(doc[i].is_sent_start)
    return doc[i - 1].text in {".", "!", "?", ":", "\n"} or "\n" in doc[i - 1].whitespace_


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.sv.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


class LemmaExtractor(TransformerMixin, BaseEstimator):
    """Docs or strings -> [text, lemmas, forms] rows; stateless.

    ``use_doc_lemmas=False`` ignores the lemmas of the given Docs and always uses the
    lookup table, so a model behaves the same whichever pipeline made the Docs.
    """

    def __init__(self, use_doc_lemmas: bool = True, skip_names: bool = False):
        self.use_doc_lemmas = use_doc_lemmas
        self.skip_names = skip_names

    def fit(self, X, y=None):
        return self

    def transform(self, X: Sequence[Doc | str]) -> np.ndarray:
        docs = as_docs(X)
        rows = np.empty((len(docs), 3), dtype=object)
        for i, doc in enumerate(docs):
            words = doc_lemmas(doc, self.use_doc_lemmas, self.skip_names)
            rows[i, TEXT] = doc.text
            rows[i, LEMMAS] = " ".join(lemma for _, lemma in words)
            rows[i, FORMS] = " ".join(form for form, _ in words)
        return rows


# --- compounds ------------------------------------------------------------------

class CompoundSplitter(TransformerMixin, BaseEstimator):
    """Adds the parts of compound lemmas: ungdomscoach -> ungdom + coach.

    Data-driven: a lemma is split where both sides are known lemmas of the training
    data (the left side allowing the Swedish linking forms: ungdom-s-, skol-a,
    folkhäls-o- for folkhälsa). Among several splits the one whose parts are most
    frequent wins, if they are more frequent than the whole word (Koehn & Knight
    2003); the left part is split again. The whole
    lemma is kept, the parts are added.
    """

    def __init__(self, min_part: int = 3, min_count: int = 1, enabled: bool = True):
        self.min_part = min_part
        self.min_count = min_count
        self.enabled = enabled

    def fit(self, X: np.ndarray, y=None):
        counts = Counter(lemma for row in X for lemma in row[LEMMAS].split())
        self.vocabulary_ = {w: int(c) for w, c in counts.items()
                            if c >= self.min_count and len(w) >= self.min_part}
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        out = np.array(X, dtype=object, copy=True)
        if not self.enabled:
            return out
        for i in range(len(out)):
            lemmas = out[i, LEMMAS].split()
            extra = [part for lemma in lemmas for part in self.split(lemma)]
            out[i, LEMMAS] = " ".join(lemmas + extra)
        return out

    def split(self, word: str, depth: int = 2) -> list[str]:
        """The parts of ``word`` (empty when it is not a known compound)."""
        # split only where the parts are more frequent than the whole (Koehn & Knight)
        best, best_score = None, float(self.vocabulary_.get(word, 0))
        n = self.min_part
        for i in range(n, len(word) - n + 1):
            head = self._known(word[i:])
            if head is None:
                continue
            for left in _left_forms(word[:i]):
                if len(left) >= n and left in self.vocabulary_:
                    score = math.sqrt(self.vocabulary_[left] * self.vocabulary_[head])
                    if score > best_score:
                        best, best_score = (left, head), score
        if best is None:
            return []
        left, head = best
        parts = self.split(left, depth - 1) if depth > 1 else []
        return parts + [left, head]

    def _known(self, right: str) -> str | None:
        if right in self.vocabulary_:
            return right
        lemma = lookup_lemma(right)
        return lemma if lemma in self.vocabulary_ else None


def _left_forms(left: str) -> list[str]:
    """Base forms a compound's first part may stand for (Swedish linking morphemes)."""
    forms = [left, left + "a", left + "e"]
    if left.endswith("s"):
        forms.append(left[:-1])
    if left.endswith(("o", "u", "e")):
        forms.append(left[:-1] + "a")
    return forms


# --- the theme lexicon ----------------------------------------------------------

def term_pattern(terms: Sequence[str]) -> regex.Pattern:
    """One regex for a theme's terms: ``lemma``, ``prefix*``, ``*suffix``, ``*infix*``."""
    alternatives = []
    for term in terms:
        core = regex.escape(term.strip("*"))
        head = "" if term.startswith("*") else "^"
        tail = "" if term.endswith("*") else "$"
        alternatives.append(f"{head}{core}{tail}")
    return regex.compile("|".join(alternatives) or "(?!)")


def load_lexicon(path: str | Path | None = None) -> dict[str, list[str]]:
    """Theme -> terms from a CSV with columns theme,term (default: the bundled lexicon)."""
    if path is None:
        text = package_text(LEXICON_FILE)
    else:
        text = Path(path).read_text(encoding="utf-8")
    lexicon: dict[str, list[str]] = {}
    for row in csv.DictReader(text.splitlines()):
        theme, term = row["theme"].strip(), row["term"].strip().lower()
        if theme and term:
            lexicon.setdefault(theme, []).append(term)
    return lexicon


def lexicon_counts(lemmas: Sequence[str], lexicon: dict[str, list[str]]) -> list[int]:
    """For each theme (in lexicon order), how many lemmas match one of its terms."""
    patterns = _patterns(tuple((theme, tuple(terms)) for theme, terms in lexicon.items()))
    return [sum(1 for lemma in lemmas if pattern.search(lemma)) for pattern in patterns]


@lru_cache(maxsize=8)
def _patterns(lexicon: tuple[tuple[str, tuple[str, ...]], ...]) -> list[regex.Pattern]:
    return [term_pattern(terms) for _, terms in lexicon]


class LexiconFeatures(TransformerMixin, BaseEstimator):
    """Per-theme share of lemmas that match the theme lexicon (a column of lemma strings).

    The lexicon is read at ``fit`` and kept in the model, so a saved model does not
    depend on the data file it was trained with.
    """

    def __init__(self, lexicon_path: str | None = None, weight: float = 1.0):
        self.lexicon_path = lexicon_path
        self.weight = weight

    def fit(self, X, y=None):
        self.lexicon_ = load_lexicon(self.lexicon_path)
        self.themes_ = list(self.lexicon_)
        return self

    def transform(self, X) -> np.ndarray:
        column = np.asarray(X, dtype=object).reshape(-1)
        out = np.zeros((len(column), len(self.themes_)))
        for i, lemma_string in enumerate(column):
            lemmas = lemma_string.split()
            counts = lexicon_counts(lemmas, self.lexicon_)
            out[i] = [self.weight * math.log1p(c) for c in counts]
        return out

    def get_feature_names_out(self, input_features=None):
        return np.array([f"lexicon_{t}" for t in self.themes_], dtype=object)
