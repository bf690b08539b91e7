"""Train a theme model on labelled passages and describe it (metadata for the model file).

Shared by ``textmine train themes`` and the recipe of the bundled model
(``models/recipe/train_themes.py``), so both record the same facts: the training
data hash, the labels, the library versions and the grouped cross-validated scores.
"""
from __future__ import annotations

import time
from collections import Counter
from datetime import datetime, timezone
from typing import Any, Callable

import numpy as np

from textmine.themes.classifier import ThemeClassifier
from textmine.themes.persistence import data_hash
from textmine.themes.data import LabelledData
from textmine.themes.features import as_docs


def train(data: LabelledData, params: dict[str, Any] | None = None, cv_folds: int = 5,
          to_docs: Callable[[list[str]], list] = as_docs, language_model: str = "light",
          log: Callable[[str], None] | None = None) -> tuple[ThemeClassifier, dict[str, Any]]:
    """Fit on all of ``data``; with ``cv_folds`` >= 2 also cross-validate grouped by group."""
    docs = to_docs(data.texts)
    y = data.labels_array()
    counts = Counter(data.labels)
    meta: dict[str, Any] = {
        "trained": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "training_data": {"sha256": data_hash(data.texts, data.labels), "passages": len(y),
                          "groups": len(set(data.groups)), "label_counts": dict(counts),
                          "sources": sorted(set(data.sources))},
        "language_model": language_model,
    }
    if cv_folds >= 2 and len(set(data.groups)) >= 2 and min(counts.values()) >= 2:
        meta["cross_validation"] = cross_validate(docs, y, data.groups, params, cv_folds)
        if log:
            cv = meta["cross_validation"]
            log(f"grouped {cv['folds']}-fold CV: macro-F1 {cv['macro_f1']:.3f}, "
                f"accuracy {cv['accuracy']:.3f}")
    start = time.perf_counter()
    model = ThemeClassifier(**(params or {})).fit(docs, y)
    meta["training_seconds"] = round(time.perf_counter() - start, 2)
    return model, meta


def cross_validate(docs: list, y: np.ndarray, groups: list[str], params: dict | None,
                   folds: int) -> dict[str, Any]:
    """Grouped CV scores of the model and the majority/lexicon baselines (one shuffle)."""
    from textmine.themes.validation import (LexiconBaseline, grouped_splits, out_of_fold,
                                            score)
    from textmine.themes.features import load_lexicon

    classes = sorted(set(y))
    splits = grouped_splits(y, groups, folds, seed=0)
    scores = score(y, out_of_fold(lambda: ThemeClassifier(**(params or {})), docs, y, splits,
                                  classes), classes)
    result: dict[str, Any] = {
        "scheme": "StratifiedGroupKFold by group (municipality), shuffle seed 0",
        "folds": len(splits), "accuracy": round(scores.accuracy, 4),
        "macro_f1": round(scores.macro_f1, 4), "brier": round(scores.brier, 4),
        "log_loss": round(scores.log_loss, 4),
        "per_theme_f1": {c: round(s["f1"], 4) for c, s in scores.per_theme.items()},
    }
    if set(classes) <= set(load_lexicon()):
        lexicon = score(y, out_of_fold(LexiconBaseline, docs, y, splits, classes), classes)
        result["lexicon_baseline_macro_f1"] = round(lexicon.macro_f1, 4)
    return result
