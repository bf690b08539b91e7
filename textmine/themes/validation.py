"""Validation of theme classifiers, shared by training (``themes.train``) and the
``evaluate themes`` command: grouped splits (a municipality or source never on both
sides), out-of-fold probabilities, the scores of a set of predictions, and the keyword
lexicon baseline.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, log_loss,
                             precision_recall_fscore_support)
from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedGroupKFold

from textmine.themes.features import LemmaExtractor, as_docs, lexicon_counts, load_lexicon

class LexiconBaseline(ClassifierMixin, BaseEstimator):
    """The keyword lexicon alone: the theme whose terms occur most (majority on ties/none)."""

    def __init__(self, lexicon_path: str | None = None, smoothing: float = 0.5):
        self.lexicon_path = lexicon_path
        self.smoothing = smoothing

    def fit(self, X, y):
        labels, counts = np.unique(np.asarray(y, dtype=object), return_counts=True)
        self.classes_ = labels
        self.prior_ = counts / counts.sum()
        self.lexicon_ = load_lexicon(self.lexicon_path)
        return self

    def predict_proba(self, X) -> np.ndarray:
        rows = LemmaExtractor().transform(as_docs(X))
        themes = list(self.lexicon_)
        out = np.zeros((len(rows), len(self.classes_)))
        for i, row in enumerate(rows):
            counts = dict(zip(themes, lexicon_counts(row[1].split(), self.lexicon_)))
            hits = np.array([counts.get(c, 0) for c in self.classes_], dtype=float)
            out[i] = hits + self.smoothing * self.prior_  # prior breaks ties and fills gaps
        return out / out.sum(axis=1, keepdims=True)

    def predict(self, X) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


@dataclass
class Scores:
    """Metrics of one set of out-of-fold (or test) predictions."""

    accuracy: float
    macro_f1: float
    brier: float
    log_loss: float
    top2_accuracy: float = 0.0
    # the same two when a passage's secondary theme (if it has one) also counts as right
    accuracy_secondary: float = 0.0
    macro_f1_secondary: float = 0.0
    per_theme: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: list[list[int]] = field(default_factory=list)


def score(y: Sequence[str], proba: np.ndarray, classes: Sequence[str],
          secondary: Sequence[str | None] | None = None) -> Scores:
    """Accuracy, macro-F1, per-theme P/R/F1, confusion matrix and calibration of ``proba``;
    with ``secondary`` (a second gold theme per passage, or None) also accuracy and
    macro-F1 that accept it."""
    y = np.asarray(y, dtype=object)
    classes = list(classes)
    predicted = np.asarray(classes, dtype=object)[np.argmax(proba, axis=1)]
    lenient = y if secondary is None else np.asarray(
        [p if s is not None and p == s else g for g, p, s in zip(y, predicted, secondary)],
        dtype=object)
    onehot = np.array([[float(label == c) for c in classes] for label in y])
    p, r, f, support = precision_recall_fscore_support(y, predicted, labels=classes,
                                                       zero_division=0)
    per_theme = {c: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                     "support": int(support[i])} for i, c in enumerate(classes)}
    return Scores(
        accuracy=float(accuracy_score(y, predicted)),
        # a theme neither in the test data nor predicted does not count (a test report may
        # lack one of the training themes)
        macro_f1=float(f1_score(y, predicted, average="macro", zero_division=0,
                                labels=[c for c in classes if c in set(y) | set(predicted)])),
        brier=float(np.mean(np.sum((proba - onehot) ** 2, axis=1))),
        log_loss=float(log_loss(y, np.clip(proba, 1e-15, 1), labels=classes)),
        top2_accuracy=float(np.mean([label in set(np.asarray(classes, dtype=object)[
            np.argsort(row)[-2:]]) for label, row in zip(y, proba)])),
        accuracy_secondary=float(accuracy_score(lenient, predicted)),
        macro_f1_secondary=float(f1_score(
            lenient, predicted, average="macro", zero_division=0,
            labels=[c for c in classes if c in set(lenient) | set(predicted)])),
        per_theme=per_theme,
        confusion=confusion_matrix(y, predicted, labels=classes).tolist())


def out_of_fold(make: Callable[[], Any], X: list, y: np.ndarray, splits,
                classes: list[str]) -> np.ndarray:
    """Probabilities for every item, each from a model that did not see it."""
    proba = np.zeros((len(y), len(classes)))
    for train, test in splits:
        model = make().fit([X[i] for i in train], y[train])
        proba[test] = aligned_proba(model, [X[i] for i in test], classes)
    return proba


def aligned_proba(model: Any, X: list, classes: Sequence[str]) -> np.ndarray:
    """``model.predict_proba(X)`` with one column per item of ``classes`` (0 for a class the
    model never saw)."""
    proba = np.zeros((len(X), len(classes)))
    proba[:, [list(classes).index(str(c)) for c in model.classes_]] = model.predict_proba(X)
    return proba


def grouped_splits(y: np.ndarray, groups: Sequence[str], folds: int, seed: int):
    n_groups = len(set(groups))
    largest = int(np.unique(y, return_counts=True)[1].max())
    # scikit-learn refuses more folds than the largest label has members (tiny data)
    n_splits = max(2, min(folds, n_groups, largest))
    cv = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return list(cv.split(np.zeros(len(y)), y, groups))


def stratified_splits(y: np.ndarray, folds: int, seed: int):
    smallest = int(np.unique(y, return_counts=True)[1].min())
    cv = RepeatedStratifiedKFold(n_splits=max(2, min(folds, smallest)), n_repeats=1,
                                 random_state=seed)
    return list(cv.split(np.zeros(len(y)), y))
