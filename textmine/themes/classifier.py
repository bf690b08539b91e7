"""Theme classifier: which theme a passage belongs to, and how sure that is.

``ThemeClassifier`` is a scikit-learn estimator over passages given as spaCy ``Doc``
objects (their lemmas are used) or plain strings. Inside it is a ``Pipeline`` of
small steps (see ``textmine.themes.features``)::

    LemmaExtractor -> CompoundSplitter -> [lemma TF-IDF | char n-gram TF-IDF | lexicon]
                   -> classifier (calibrated)

The theme set is whatever labels it is trained with. Saving and loading (skops, no code
runs on load) is ``textmine.themes.persistence``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from spacy.tokens import Doc
from threadpoolctl import threadpool_limits

from textmine.pipeline.sentences import sentence_spans
from textmine.themes.features import (FORMS, LEMMAS, TEXT, CompoundSplitter, LemmaExtractor,
                                      LexiconFeatures, as_docs)

CLASSIFIERS = ("logreg", "svm", "cnb")
DEFAULT_THRESHOLD = 0.3

@dataclass
class ThemePrediction:
    """The best theme, the themes above the threshold, and the full score table."""

    best: str
    themes: list[str]
    scores: dict[str, float]


@dataclass
class SentenceTheme:
    """The theme of one sentence of a passage (character offsets in the passage)."""

    text: str
    start: int
    end: int
    theme: str
    scores: dict[str, float] = field(default_factory=dict)


class ThemeClassifier(ClassifierMixin, BaseEstimator):
    """Theme of a passage from its lemmas, compound parts, character n-grams and lexicon.

    Parameters are plain values (scikit-learn convention); ``fit`` builds the pipeline.
    ``classifier`` is ``logreg``, ``svm`` (linear SVM) or ``cnb`` (complement naive
    Bayes); ``calibration`` (``sigmoid``, ``isotonic`` or ``None``) wraps it in
    ``CalibratedClassifierCV`` so scores are probabilities. The SVM always gets sigmoid
    calibration; logistic regression's own probabilities had the better Brier score
    and log loss under grouped CV, so by default it is not wrapped.
    """

    def __init__(self, classifier: str = "logreg", C: float = 10.0, alpha: float = 0.3,
                 char_ngrams: tuple[int, int] | None = (2, 5),
                 word_ngrams: tuple[int, int] = (1, 1),
                 split_compounds: bool = True, lexicon: bool = True,
                 lexicon_path: str | None = None, lexicon_weight: float = 1.0,
                 use_doc_lemmas: bool = True, skip_names: bool = False,
                 char_source: str = "text", calibration: str | None = None,
                 calibration_folds: int = 3, sentence_examples: bool = False,
                 threshold: float = DEFAULT_THRESHOLD,
                 random_state: int = 0):
        self.classifier = classifier
        self.C = C
        self.alpha = alpha
        self.char_ngrams = char_ngrams
        self.word_ngrams = word_ngrams
        self.split_compounds = split_compounds
        self.lexicon = lexicon
        self.lexicon_path = lexicon_path
        self.lexicon_weight = lexicon_weight
        self.use_doc_lemmas = use_doc_lemmas
        self.skip_names = skip_names
        self.char_source = char_source
        self.calibration = calibration
        self.calibration_folds = calibration_folds
        self.sentence_examples = sentence_examples
        self.threshold = threshold
        self.random_state = random_state

    # --- scikit-learn API -------------------------------------------------------

    def fit(self, X: Sequence[Doc | str], y: Sequence[str]) -> "ThemeClassifier":
        y = np.asarray([str(label) for label in y], dtype=object)
        if len(set(y)) < 2:
            raise ValueError("a theme classifier needs at least two themes in the training data")
        docs = as_docs(X)
        if self.sentence_examples:
            docs, y = _with_sentences(docs, y)
        with threadpool_limits(limits=1, user_api="blas"):  # small data: threads only cost
            self.pipeline_ = self._build(y).fit(docs, y)
        _drop_stop_words(self.pipeline_)
        self.classes_ = np.array(self.pipeline_.classes_, dtype=object)
        return self

    def predict_proba(self, X: Sequence[Doc | str]) -> np.ndarray:
        docs = as_docs(X)
        if not docs:
            return np.zeros((0, len(self.classes_)))
        with threadpool_limits(limits=1, user_api="blas"):
            return self.pipeline_.predict_proba(docs)

    def predict(self, X: Sequence[Doc | str]) -> np.ndarray:
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    # --- richer output ----------------------------------------------------------

    def predict_themes(self, X: Sequence[Doc | str],
                       threshold: float | None = None) -> list[ThemePrediction]:
        """Best theme, all themes scoring at least ``threshold``, and the score table."""
        threshold = self.threshold if threshold is None else threshold
        labels = [str(c) for c in self.classes_]
        predictions = []
        for row in self.predict_proba(X):
            scores = {label: round(float(p), 4) for label, p in zip(labels, row)}
            best = labels[int(np.argmax(row))]
            above = sorted((l for l in labels if scores[l] >= threshold and l != best),
                           key=scores.get, reverse=True)
            predictions.append(ThemePrediction(best, [best] + above, scores))
        return predictions

    def sentence_themes(self, passage: Doc | str) -> list[SentenceTheme]:
        """The theme of each sentence: where a mixed passage changes subject."""
        doc = as_docs([passage])[0]
        spans = _sentences(doc)
        if not spans:
            return []
        probabilities = self.predict_proba([span.as_doc() for span in spans])
        labels = [str(c) for c in self.classes_]
        return [SentenceTheme(span.text, span.start_char, span.end_char,
                              labels[int(np.argmax(row))],
                              {l: round(float(p), 4) for l, p in zip(labels, row)})
                for span, row in zip(spans, probabilities)]

    def is_mixed(self, passage: Doc | str, min_score: float = 0.5) -> bool:
        """True when sentences scoring at least ``min_score`` point to different themes."""
        confident = {s.theme for s in self.sentence_themes(passage)
                     if s.scores[s.theme] >= min_score}
        return len(confident) > 1

    # --- construction -----------------------------------------------------------

    def _build(self, y: np.ndarray) -> Pipeline:
        features = [("lemmas", TfidfVectorizer(token_pattern=r"\S+", lowercase=False,
                                               ngram_range=tuple(self.word_ngrams),
                                               sublinear_tf=True), LEMMAS)]
        if self.char_ngrams:
            features.append(("chars", TfidfVectorizer(analyzer="char_wb",
                                                      ngram_range=tuple(self.char_ngrams),
                                                      sublinear_tf=True, min_df=2),
                             _CHAR_COLUMNS[self.char_source]))
        if self.lexicon:
            features.append(("lexicon", LexiconFeatures(self.lexicon_path, self.lexicon_weight),
                             LEMMAS))
        return Pipeline([
            ("lemmas", LemmaExtractor(self.use_doc_lemmas, self.skip_names)),
            ("compounds", CompoundSplitter(enabled=self.split_compounds)),
            ("features", ColumnTransformer(features, sparse_threshold=1.0)),
            ("classifier", self._classifier(y)),
        ])

    def _classifier(self, y: np.ndarray):
        if self.classifier == "logreg":
            base = LogisticRegression(C=self.C, max_iter=5000, class_weight="balanced")
        elif self.classifier == "svm":
            base = LinearSVC(C=self.C / 10, class_weight="balanced", max_iter=20000)
        elif self.classifier == "cnb":
            base = ComplementNB(alpha=self.alpha)
        else:
            raise ValueError(f"unknown classifier {self.classifier!r}; choose one of {CLASSIFIERS}")
        calibration = self.calibration or ("sigmoid" if self.classifier == "svm" else None)
        if not calibration:
            return base
        folds = max(2, min(self.calibration_folds, _smallest_class(y)))
        return CalibratedClassifierCV(base, method=calibration, cv=folds)


_CHAR_COLUMNS = {"text": TEXT, "lemmas": LEMMAS, "forms": FORMS}


def _drop_stop_words(pipeline: Pipeline) -> None:
    """Forget the n-grams pruned by ``min_df`` (scikit-learn keeps them; they are most of
    a saved model's size and are not needed to predict)."""
    for _, transformer, _ in pipeline.named_steps["features"].transformers_:
        if isinstance(transformer, TfidfVectorizer) and hasattr(transformer, "stop_words_"):
            del transformer.stop_words_


def _smallest_class(y: np.ndarray) -> int:
    _, counts = np.unique(y, return_counts=True)
    return int(counts.min())


def _with_sentences(docs: list[Doc], y: np.ndarray) -> tuple[list[Doc], np.ndarray]:
    """Passages plus each of their sentences as extra examples of the passage's theme."""
    extra_docs, extra_y = [], []
    for doc, label in zip(docs, y):
        sentences = _sentences(doc)
        if len(sentences) > 1:
            extra_docs += [s.as_doc() for s in sentences]
            extra_y += [label] * len(sentences)
    return list(docs) + extra_docs, np.concatenate([y, np.asarray(extra_y, dtype=object)])


def _sentences(doc: Doc) -> list:
    """Sentences from the Doc's own boundaries, else textmine's orthographic ones."""
    if doc.has_annotation("SENT_START"):
        return [s for s in doc.sents if s.text.strip()]
    return sentence_spans(doc)

