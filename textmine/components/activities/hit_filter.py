"""A learned filter over the activity rules' hits (issue 11): for each hit (passage, type,
trigger sentence) the probability that the passage really reports that type.

Real text mentions activities it does not report: background, goals, what another body
does, what a service "kan" offer. The rules see the words; the filter sees how the hit
stands in its sentence: the pattern that fired, the tense and mood of the verb that governs
the trigger, modal and future auxiliaries, negation, the subject, where the sentence is in
the passage and the words around the trigger. A type is kept when one of its hits reaches
the threshold; its first such hit is the evidence.
"""
from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from spacy.tokens import Doc, Span, Token

from textmine.components.activities.recognizer import Candidate
from textmine.components.activities.scope import parsed
from textmine.persistence import MODEL_FILE
from textmine.resources import bundled

CONTEXT = 3  # words either side of the trigger
CUES_FILE = "hit_filter_cues.json"  # sentence words that change whether a mention is reported


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    return bundled(CUES_FILE).json(CUES_FILE)["cues"]


def _lemma(token: Token) -> str:
    """Lemma, or the lower-cased form where no lemmatizer ran."""
    return token.lemma_.lower() or token.lower_


def _governor(token: Token) -> Token:
    """The verb a trigger word belongs to (itself when it is one): up the parse."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head is not token and seen < 4:
        token, seen = token.head, seen + 1
    return token


def _verb_features(verb: Token) -> dict[str, float]:
    found = {f"gov_pos={verb.pos_}": 1.0}
    for key in ("Tense", "VerbForm", "Mood", "Voice"):
        for value in verb.morph.get(key):
            found[f"gov_{key}={value}"] = 1.0
    for child in verb.children:
        if child.dep_.startswith("aux"):
            found[f"gov_aux={_lemma(child)}"] = 1.0
        elif child.dep_ in ("advmod", "neg") and child.lower_ in ("inte", "ej", "aldrig"):
            found["gov_neg"] = 1.0
        elif child.dep_.startswith("nsubj"):
            found[f"subj_pos={child.pos_}"] = 1.0
            found[f"subj={_lemma(child)}"] = 1.0
            if child.ent_type_:
                found[f"subj_ent={child.ent_type_}"] = 1.0
    found[f"gov_dep={verb.dep_}"] = 1.0
    return found


def _sentence_features(sentence: Span, index: int, count: int) -> dict[str, float]:
    text = sentence.text.strip()
    found = {f"sent_pos={min(index, 3)}": 1.0, "sent_last": float(index == count - 1),
             "sent_question": float(text.endswith("?")),
             "sent_dash": float(text[:1] in "–-"),
             "sent_no_stop": float(not text.endswith((".", "!", "?", ":"))),
             f"sent_len={min(len(sentence) // 10, 4)}": 1.0}
    for token in sentence:
        cue = _cues().get(token.lower_)
        if cue:
            found[f"cue={cue}"] = 1.0
        if token.ent_type_ == "ORG":
            found["sent_org"] = 1.0
    return found


def hit_features(doc: Doc, candidates: Sequence[Candidate], patterns: Sequence) -> list[dict]:
    """One feature dict per candidate (``patterns``: the recognizer's, to name the rule)."""
    if not candidates:
        return []
    count = max(c.sentence_index for c in candidates) + 1
    types = [c.hit.type for c in candidates]
    rows = []
    for candidate in candidates:
        hit = candidate.hit
        trigger = doc[hit.start]
        pattern = patterns[hit.pattern] if 0 <= hit.pattern < len(patterns) else None
        kind = "none" if pattern is None else _pattern_kind(pattern)
        words = hit.end - hit.start
        row = {f"type={hit.type}": 1.0, f"rule={hit.type}:{kind}": 1.0,
               f"evidence_words={min(words, 3)}": 1.0,
               f"trigger={_lemma(trigger)}": 1.0,
               f"trigger_pos={trigger.pos_}": 1.0, f"trigger_dep={trigger.dep_}": 1.0,
               "outcome_sentence": float(candidate.outcome),
               f"type_hits={min(types.count(hit.type), 3)}": 1.0,
               f"passage_hits={min(len(candidates) // 3, 4)}": 1.0}
        row.update(_verb_features(_governor(trigger)))
        row.update(_sentence_features(candidate.sentence, candidate.sentence_index, count))
        sentence = candidate.sentence
        for token in doc[max(sentence.start, hit.start - CONTEXT):hit.start]:
            row[f"before={_lemma(token)}"] = 1.0
        for token in doc[hit.end:min(sentence.end, hit.end + CONTEXT)]:
            row[f"after={_lemma(token)}"] = 1.0
        rows.append(row)
    return rows


def _pattern_kind(pattern) -> str:
    """Which kind of pattern fired (verb + object, verb, noun, prefix, phrase)."""
    if pattern.verbs is not None:
        return "verb_object" if pattern.objects is not None else "verb"
    if pattern.nouns is not None:
        return "noun"
    return "prefix" if pattern.prefixes else "phrase"


class HitFilter(ClassifierMixin, BaseEstimator):
    """Keep or drop rule hits: a logistic regression over ``hit_features`` dicts.

    ``fit(rows, y)``: y is 1 when the gold of the hit's passage has the hit's type."""

    def __init__(self, C: float = 1.0, threshold: float = 0.5):
        self.C = C
        self.threshold = threshold

    def fit(self, X: Sequence[dict], y: Sequence[int],
            sample_weight: Sequence[float] | None = None) -> "HitFilter":
        self.model_ = Pipeline([("vectorize", DictVectorizer()),
                                ("classify", LogisticRegression(C=self.C, max_iter=2000))])
        self.model_.fit(list(X), np.asarray(y), classify__sample_weight=sample_weight)
        self.classes_ = self.model_.classes_
        return self

    def predict_proba(self, X: Sequence[dict]) -> np.ndarray:
        return self.model_.predict_proba(list(X))

    def keep_probability(self, X: Sequence[dict]) -> np.ndarray:
        """P(keep) per row (0 rows: an empty array)."""
        if not X:
            return np.zeros(0)
        proba = self.predict_proba(X)
        return proba[:, list(self.classes_).index(1)] if 1 in self.classes_ else proba[:, 0] * 0

    def predict(self, X: Sequence[dict]) -> np.ndarray:
        return (self.keep_probability(X) >= self.threshold).astype(int)


def filter_candidates(model: HitFilter, doc: Doc, candidates: list[Candidate],
                      patterns: Sequence) -> list[Candidate]:
    """The candidates the filter keeps (text order kept)."""
    keep = model.predict(hit_features(doc, candidates, patterns))
    return [c for c, k in zip(candidates, keep) if k]


# Everything a hit-filter file may contain besides builtins and numpy arrays.
TRUSTED_TYPES = [
    "textmine.components.activities.hit_filter.HitFilter",
    "sklearn.pipeline.Pipeline",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.float64", "numpy.int64", "numpy.dtype",
]
FORMAT = "textmine-activity-filter"
MODEL_NAME = "activities"  # the bundled model's folder under models/


def save_filter(model: HitFilter, path: str | Path, metadata: dict) -> Path:
    """Save with skops (``textmine.persistence``), metadata inside and beside it."""
    from textmine.persistence import save

    return save(model, path, {"format": f"{FORMAT}/1", **metadata})


def model_file() -> Path:
    """The bundled hit filter's skops file."""
    from textmine.persistence import bundled_path, model_files

    return model_files(bundled_path(MODEL_NAME))[0]


def load_filter(path: str | Path | None = None) -> HitFilter:
    """A saved hit filter (None: the bundled one), trusting only known types."""
    from textmine.persistence import load

    return load(path or model_file(), TRUSTED_TYPES, HitFilter, "activity hit filter", FORMAT)


def filter_from_bytes(data: bytes) -> HitFilter:
    """A hit filter from the bytes of its skops file (a pipeline saved with to_bytes)."""
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / MODEL_FILE
        file.write_bytes(data)
        return load_filter(file)


class Keep:
    """The recognizer's hook: the filter judges the hits of a parsed Doc; without a parse
    (``spacy.blank``) the features it was trained on are missing and every hit counts."""

    def __init__(self, model: HitFilter, patterns: Sequence) -> None:
        self.model = model
        self.patterns = patterns

    def __call__(self, doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        if not candidates or not parsed(candidates[0].sentence):
            return candidates
        return filter_candidates(self.model, doc, candidates, self.patterns)
