"""A learned activity-type classifier beside the rules (an experiment of
``train_activities.py``; not part of the product: grouped CV on real-dev did not support it).

The rules (``recognizer``) know the wording they were written on; real text says the same
things in many other ways. ``ActivityClassifier`` is a scikit-learn estimator that gives a
passage a probability per SPEC activity type from its lemmas (TF-IDF of lemmas and compound
parts, as the theme classifier) and from the types the rules found in it, one logistic
regression per type, trained on real-dev and the development reports.

How its answer and the rules' are combined is a parameter (``combine``), chosen by grouped
cross-validation on real-dev (models/recipe/train_activities.py): "model" keeps the types
whose probability reaches ``threshold``; "union" adds those types to the rules' own;
"filter" keeps the rules' types whose probability reaches ``keep`` and adds the model's
types above ``threshold``.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from spacy.tokens import Doc

from textmine.themes.features import LEMMAS, CompoundSplitter, LemmaExtractor

TYPES = ("rekrytering", "utbildning", "motesplats", "samverkan", "digital_tjanst",
         "fysisk_miljo", "evenemang", "praktik_arbete", "stod_radgivning",
         "strategi_organisation", "delaktighet_dialog")
COMBINE = ("model", "union", "filter", "rules")


class RuleTypes(TransformerMixin, BaseEstimator):
    """Docs -> per activity type the rules found (``doc._.activities``): whether their
    evidence is one word ("stöd", "inflytande": often a mere mention in real text) or more
    ("anställt en samordnare"), two 0/1 columns per type, times ``weight``."""

    def __init__(self, types: Sequence[str] = TYPES, weight: float = 1.0):
        self.types = types
        self.weight = weight

    def fit(self, X, y=None):
        return self

    def transform(self, X) -> np.ndarray:
        rows = []
        for doc in X:
            evidence = {a.type: len(a.evidence.split()) for a in (doc._.activities or [])}
            rows.append([self.weight * (evidence.get(t, 0) == 1) for t in self.types]
                        + [self.weight * (evidence.get(t, 0) > 1) for t in self.types])
        return np.array(rows, dtype=float)


class ActivityClassifier(ClassifierMixin, BaseEstimator):
    """Activity types of passages (spaCy Docs that went through the rules).

    ``fit(docs, Y)`` takes one set of type ids per passage; ``predict_proba`` gives a
    passages × ``types_`` array and ``predict`` the set of types per passage."""

    def __init__(self, C: float = 4.0, threshold: float = 0.5, rule_features: bool = True,
                 rule_weight: float = 3.0, combine: str = "model", min_df: int = 2,
                 keep: float = 0.25):
        self.C = C
        self.threshold = threshold
        self.keep = keep
        self.rule_features = rule_features
        self.rule_weight = rule_weight
        self.combine = combine
        self.min_df = min_df

    def fit(self, X: Sequence[Doc], Y: Sequence[set[str]]) -> "ActivityClassifier":
        if self.combine not in COMBINE:
            raise ValueError(f"combine must be one of {COMBINE}, not {self.combine!r}")
        self.types_ = np.asarray(TYPES, dtype=object)
        if self.combine == "rules":  # the rules alone: nothing to learn
            return self
        target = np.array([[t in labels for t in TYPES] for labels in Y], dtype=int)
        words = Pipeline([
            ("lemmas", LemmaExtractor()), ("compounds", CompoundSplitter()),
            ("tfidf", ColumnTransformer([("lemmas", TfidfVectorizer(
                token_pattern=r"\S+", lowercase=False, min_df=self.min_df, sublinear_tf=True),
                LEMMAS)]))])
        parts = [("words", words)]
        if self.rule_features:
            parts.append(("rules", RuleTypes(TYPES, self.rule_weight)))
        # a type no training passage has gets a constant column (always 0)
        self.model_ = Pipeline([("features", FeatureUnion(parts)), ("classify", OneVsRestClassifier(
            LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000)))])
        self.model_.fit(list(X), target)
        return self

    def predict_proba(self, X: Sequence[Doc]) -> np.ndarray:
        return self.model_.predict_proba(list(X))

    def predict(self, X: Sequence[Doc]) -> list[set[str]]:
        docs = list(X)
        proba = self.predict_proba(docs)
        found = [{t for t, p in zip(self.types_, row) if p >= self.threshold} for row in proba]
        if self.combine == "filter":  # the rules' types the model does not rule out, and its sure ones
            return [{t for t, p in zip(self.types_, row) if p >= self.keep and t in rule_types(doc)}
                    | types for types, row, doc in zip(found, proba, docs)]
        if self.combine == "union":
            return [types | rule_types(doc) for types, doc in zip(found, docs)]
        if self.combine == "rules":
            return [rule_types(doc) for doc in docs]
        return found


def rule_types(doc: Doc) -> set[str]:
    """The activity types the rules found in ``doc``."""
    return {a.type for a in (doc._.activities or [])}
