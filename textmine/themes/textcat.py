"""spaCy's ``textcat`` as a scikit-learn estimator, to compare it with ``ThemeClassifier``.

It trains a fresh blank Swedish pipeline with an exclusive text categorizer (the
bag-of-words architecture by default: there are no pretrained vectors to build on)
on the passage texts. It is used by ``textmine evaluate themes --compare`` only; the
shipped model is the scikit-learn one (see models/themes/README.md for why).
"""
from __future__ import annotations

import random
from typing import Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from spacy.tokens import Doc

ARCHITECTURES = {
    "bow": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
            "ngram_size": 2, "no_output_layer": False, "length": 262144},
    "ensemble": None,  # spaCy's default textcat model (BOW + CNN)
}


class SpacyTextcatClassifier(ClassifierMixin, BaseEstimator):
    """Exclusive spaCy textcat trained for ``epochs`` passes with dropout."""

    def __init__(self, architecture: str = "bow", epochs: int = 20, dropout: float = 0.2,
                 batch_size: int = 8, random_state: int = 0):
        self.architecture = architecture
        self.epochs = epochs
        self.dropout = dropout
        self.batch_size = batch_size
        self.random_state = random_state

    def fit(self, X: Sequence[Doc | str], y: Sequence[str]) -> "SpacyTextcatClassifier":
        import spacy
        from spacy.training import Example
        from spacy.util import fix_random_seed, minibatch

        fix_random_seed(self.random_state)
        self.classes_ = np.array(sorted({str(label) for label in y}), dtype=object)
        nlp = spacy.blank("sv")
        model = ARCHITECTURES[self.architecture]
        config = {"model": model} if model else {}
        textcat = nlp.add_pipe("textcat", config=config)
        for label in self.classes_:
            textcat.add_label(label)
        examples = [Example.from_dict(nlp.make_doc(_text(x)),
                                      {"cats": {c: float(c == label) for c in self.classes_}})
                    for x, label in zip(X, y)]
        optimizer = nlp.initialize(lambda: examples)
        rng = random.Random(self.random_state)
        for _ in range(self.epochs):
            rng.shuffle(examples)
            for batch in minibatch(examples, size=self.batch_size):
                nlp.update(batch, sgd=optimizer, drop=self.dropout)
        self.nlp_ = nlp
        return self

    def predict_proba(self, X: Sequence[Doc | str]) -> np.ndarray:
        docs = self.nlp_.pipe(_text(x) for x in X)
        rows = [[doc.cats[c] for c in self.classes_] for doc in docs]
        proba = np.asarray(rows, dtype=float).reshape(-1, len(self.classes_))
        return proba / np.clip(proba.sum(axis=1, keepdims=True), 1e-12, None)

    def predict(self, X: Sequence[Doc | str]) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


def _text(item: Doc | str) -> str:
    return item.text if isinstance(item, Doc) else str(item)
