"""Saving and loading theme models safely: skops files (no code runs on load; only the
types in ``TRUSTED_TYPES`` are accepted) with their metadata both inside the model and in a
JSON file beside it, and a warning when the libraries differ from those that saved it.

Models saved before the themes package existed name their classes by the old module paths
(``textmine.themes_features.LemmaExtractor``); ``LEGACY_MODULES`` maps those paths to the
current modules, so such files keep loading.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import platform
import sys
import warnings
import zipfile
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from textmine.themes.classifier import ThemeClassifier

MODEL_FILE = "model.skops"
META_SUFFIX = ".json"
# old class path -> current one (module moves keep saved models loading)
LEGACY_MODULES = {"textmine.themes_features": "textmine.themes.features"}
LEGACY_TYPES = {"textmine.themes.ThemeClassifier": "textmine.themes.classifier.ThemeClassifier"}

class ModelVersionWarning(UserWarning):
    """The model was saved with other library versions than the running ones."""


class ModelLoadError(Exception):
    """A model file that is missing, unreadable or contains untrusted types."""


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


def library_versions() -> dict[str, str]:
    """Versions that decide whether a saved model can be read back faithfully."""
    import sklearn
    import skops
    import spacy

    from textmine import __version__
    return {"textmine": __version__, "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "spacy": spacy.__version__,
            "skops": skops.__version__, "python": platform.python_version()}


def data_hash(texts: Sequence[str], labels: Sequence[str]) -> str:
    """SHA-256 of the training pairs, so a model names the data it was trained on."""
    digest = hashlib.sha256()
    for text, label in zip(texts, labels):
        digest.update(label.encode("utf-8") + b"\t" + text.encode("utf-8") + b"\n")
    return "sha256:" + digest.hexdigest()


def model_files(path: str | Path) -> tuple[Path, Path]:
    """(model file, metadata file) of a model path: a ``.skops`` file or a folder."""
    path = Path(path)
    model = path if path.suffix == ".skops" or path.is_file() else path / MODEL_FILE
    return model, model.with_suffix(META_SUFFIX)


def save_model(model: ThemeClassifier, path: str | Path,
               metadata: dict[str, Any] | None = None) -> Path:
    """Save with skops, plus the metadata as JSON beside it; returns the model file."""
    import skops.io as sio

    model_file, meta_file = model_files(path)
    model_file.parent.mkdir(parents=True, exist_ok=True)
    meta = {"format": "textmine-themes/1", "labels": [str(c) for c in model.classes_],
            "params": _jsonable(model.get_params()), "versions": library_versions()}
    meta.update(metadata or {})
    model.metadata_ = json.loads(json.dumps(meta))
    sio.dump(model, model_file, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    meta_file.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return model_file


def load_model(path: str | Path | None = None) -> ThemeClassifier:
    """Load a saved theme model (None: the bundled default), trusting only known types."""
    import skops.io as sio

    if path is None:
        from textmine.models import path as model_path
        path = model_path("themes")
    model_file, meta_file = model_files(path)
    if not model_file.exists():
        raise ModelLoadError(f"{model_file}: no such theme model")
    if not zipfile.is_zipfile(model_file):
        raise ModelLoadError(f"{model_file}: not a theme model (a model is a .skops file "
                             "written by `textmine train themes`, or a folder holding one)")
    _alias_legacy_modules()
    try:
        untrusted = [t for t in sio.get_untrusted_types(file=model_file)
                     if _current_type(t) not in TRUSTED_TYPES]
    except Exception as err:  # skops raises zip, JSON and key errors on other files
        raise ModelLoadError(f"{model_file}: not a theme model ({err.__class__.__name__}: "
                             f"{err})") from err
    if untrusted:
        raise ModelLoadError(f"{model_file}: refusing to load untrusted types: "
                             + ", ".join(untrusted))
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else None
    except (ValueError, OSError):
        meta = None  # a JSON file that is not our metadata: read it from the model instead
    if not isinstance(meta, dict) or not str(meta.get("format", "textmine-themes")).startswith(
            "textmine-themes"):
        meta = None
    if meta:
        check_versions(meta, model_file)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*Trying to unpickle estimator.*")
            model = sio.load(model_file, trusted=TRUSTED_TYPES + sorted(_legacy_trusted()))
    except Exception as err:
        raise ModelLoadError(f"{model_file}: cannot be loaded as a theme model "
                             f"({err.__class__.__name__}: {err})") from err
    if not isinstance(model, ThemeClassifier):
        raise ModelLoadError(f"{model_file}: not a theme classifier ({type(model).__name__})")
    if meta is None:
        check_versions(getattr(model, "metadata_", {}) or {}, model_file)
    return model


def check_versions(meta: dict[str, Any], where: str | Path) -> None:
    """Warn when the model's scikit-learn (or numpy) version differs from ours."""
    saved = meta.get("versions", {})
    current = library_versions()
    for library in ("scikit-learn", "numpy"):
        if saved.get(library) and saved[library] != current[library]:
            warnings.warn(
                f"{where}: theme model saved with {library} {saved[library]}, running "
                f"{current[library]}; its predictions may differ or fail. Retrain it with "
                f"`textmine train themes` to be sure.", ModelVersionWarning, stacklevel=3)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _current_type(name: str) -> str:
    """The current path of a type a saved model names (itself unless it moved)."""
    if name in LEGACY_TYPES:
        return LEGACY_TYPES[name]
    module, _, cls = name.rpartition(".")
    return f"{LEGACY_MODULES[module]}.{cls}" if module in LEGACY_MODULES else name


def _legacy_trusted() -> set[str]:
    """Old names of the trusted types, accepted because they resolve to trusted ones."""
    old = set(LEGACY_TYPES)
    for legacy, current in LEGACY_MODULES.items():
        old |= {legacy + t[len(current):] for t in TRUSTED_TYPES if t.startswith(current + ".")}
    return old


def _alias_legacy_modules() -> None:
    """Make the old module paths import as the current modules (no files needed)."""
    for legacy, current in LEGACY_MODULES.items():
        sys.modules.setdefault(legacy, importlib.import_module(current))
