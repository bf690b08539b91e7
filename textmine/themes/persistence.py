"""Saving and loading theme models safely (skops, see ``textmine.persistence``): only the
types in ``TRUSTED_TYPES`` are accepted.

Models saved before the themes package existed name their classes by the old module paths
(``textmine.themes_features.LemmaExtractor``); ``LEGACY_MODULES`` maps those paths to the
current modules, so such files keep loading.
"""
from __future__ import annotations

import hashlib
import importlib
import sys
from pathlib import Path
from typing import Any, Sequence

from textmine.persistence import (ModelLoadError, ModelVersionWarning, bundled_path, load,
                                  model_files, save)
from textmine.themes.classifier import ThemeClassifier

__all__ = ["ModelLoadError", "ModelVersionWarning", "TRUSTED_TYPES",
           "data_hash", "load_model", "model_files", "save_model"]
# old class path -> current one (module moves keep saved models loading)
LEGACY_MODULES = {"textmine.themes_features": "textmine.themes.features"}
LEGACY_TYPES = {"textmine.themes.ThemeClassifier": "textmine.themes.classifier.ThemeClassifier"}

# Everything a theme model file may contain besides builtins and numpy arrays.
TRUSTED_TYPES = [
    "textmine.themes.classifier.ThemeClassifier",
    "textmine.themes.features.LemmaExtractor",
    "textmine.themes.features.CompoundSplitter",
    "textmine.themes.features.LexiconFeatures",
    "sklearn.pipeline.Pipeline",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.naive_bayes.ComplementNB",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.isotonic.IsotonicRegression",
    "sklearn.frozen._frozen.FrozenEstimator",
    "sklearn.model_selection._split.StratifiedKFold",
    "sklearn.utils._bunch.Bunch",
    "sklearn.compose._column_transformer._RemainderColsList",
    "numpy.float64",
    "numpy.int64",
    "numpy.dtype",
    "builtins.slice",
]


def data_hash(texts: Sequence[str], labels: Sequence[str]) -> str:
    """SHA-256 of the training pairs, so a model names the data it was trained on."""
    digest = hashlib.sha256()
    for text, label in zip(texts, labels):
        digest.update(label.encode("utf-8") + b"\t" + text.encode("utf-8") + b"\n")
    return "sha256:" + digest.hexdigest()


def save_model(model: ThemeClassifier, path: str | Path,
               metadata: dict[str, Any] | None = None) -> Path:
    """Save with skops, plus the metadata as JSON beside it; returns the model file."""
    return save(model, path, {"format": "textmine-themes/1",
                              "labels": [str(c) for c in model.classes_], **(metadata or {})})


def load_model(path: str | Path | None = None) -> ThemeClassifier:
    """Load a saved theme model (None: the bundled default), trusting only known types."""
    if path is None:
        path = bundled_path("themes")
    _alias_legacy_modules()
    return load(path, TRUSTED_TYPES, ThemeClassifier, "theme model", "textmine-themes",
                _current_type)


def _current_type(name: str) -> str:
    """The current path of a type a saved model names (itself unless it moved)."""
    if name in LEGACY_TYPES:
        return LEGACY_TYPES[name]
    module, _, cls = name.rpartition(".")
    return f"{LEGACY_MODULES[module]}.{cls}" if module in LEGACY_MODULES else name


def _alias_legacy_modules() -> None:
    """Make the old module paths import as the current modules (no files needed)."""
    for legacy, current in LEGACY_MODULES.items():
        sys.modules.setdefault(legacy, importlib.import_module(current))
