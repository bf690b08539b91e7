"""Theme classification: which theme a passage belongs to, and how sure that is.

``classifier`` (the scikit-learn estimator), ``features`` (its pipeline steps), ``data``
(labelled passages from reports and CSV files), ``train`` (fitting the shipped model),
``validation`` (grouped cross-validation), ``persistence`` (skops files, no pickle) and
``textcat`` (spaCy's textcat, for comparison).
"""
from textmine.themes.classifier import CLASSIFIERS, ThemeClassifier
from textmine.themes.persistence import (ModelLoadError, ModelVersionWarning, data_hash,
                                         load_model, save_model)

__all__ = ["CLASSIFIERS", "ModelLoadError", "ModelVersionWarning", "ThemeClassifier",
           "data_hash", "load_model", "save_model"]
