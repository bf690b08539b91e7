"""Saving and loading textmine's scikit-learn models safely.

Models are skops files: loading one runs no code and accepts only the types a caller
trusts (``load``); their metadata (training data, parameters, library versions, figures)
is stored inside the model and in a JSON file beside it. A model saved with other
scikit-learn or numpy versions loads with a ``ModelVersionWarning``.
"""
from __future__ import annotations

import json
import platform
import warnings
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np

MODEL_FILE = "model.skops"
META_SUFFIX = ".json"


class ModelVersionWarning(UserWarning):
    """The model was saved with other library versions than the running ones."""


class ModelLoadError(Exception):
    """A model file that is missing, unreadable or contains untrusted types."""


def library_versions() -> dict[str, str]:
    """Versions that decide whether a saved model can be read back faithfully."""
    import sklearn
    import skops
    import spacy

    from textmine import __version__
    return {"textmine": __version__, "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "spacy": spacy.__version__,
            "skops": skops.__version__, "python": platform.python_version()}


def bundled_path(name: str) -> Path:
    """Folder of the bundled model ``name``. A source tree (``textmine/`` beside ``models/``,
    imported from a path: a recipe script, a Dask worker spawned from a clone) uses its own
    ``models/``; an installed textmine uses the ``textmine.models`` package."""
    beside = Path(__file__).resolve().parents[1] / "models"
    if (beside / "__init__.py").is_file():
        return beside / name
    from textmine.models import path

    return path(name)


def model_files(path: str | Path) -> tuple[Path, Path]:
    """(model file, metadata file) of a model path: a ``.skops`` file or a folder."""
    path = Path(path)
    model = path if path.suffix == ".skops" or path.is_file() else path / MODEL_FILE
    return model, model.with_suffix(META_SUFFIX)


def save(model: Any, path: str | Path, metadata: dict[str, Any]) -> Path:
    """Save with skops, the metadata (plus parameters and versions) inside and beside it."""
    import skops.io as sio

    model_file, meta_file = model_files(path)
    model_file.parent.mkdir(parents=True, exist_ok=True)
    meta = {**metadata, "params": jsonable(model.get_params()), "versions": library_versions()}
    model.metadata_ = json.loads(json.dumps(meta))
    sio.dump(model, model_file, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    meta_file.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return model_file


def load(path: str | Path, trusted: Iterable[str], kind: type, what: str, format: str,
         rename: Callable[[str], str] = lambda name: name) -> Any:
    """Load a skops model of class ``kind``, refusing any type not in ``trusted`` (after
    ``rename``, which maps old class paths to current ones); ``format`` is the prefix of
    the metadata's format name (a JSON file of another kind beside it is ignored)."""
    import skops.io as sio

    model_file, meta_file = model_files(path)
    if not model_file.exists():
        raise ModelLoadError(f"{model_file}: no such {what}")
    if not zipfile.is_zipfile(model_file):
        raise ModelLoadError(f"{model_file}: not a {what} (a model is a .skops file written "
                             "by textmine, or a folder holding one)")
    trusted = list(trusted)
    try:
        found = sio.get_untrusted_types(file=model_file)
    except Exception as err:  # skops raises zip, JSON and key errors on other files
        raise ModelLoadError(f"{model_file}: not a {what} ({err.__class__.__name__}: "
                             f"{err})") from err
    untrusted = [t for t in found if rename(t) not in trusted]
    if untrusted:
        raise ModelLoadError(f"{model_file}: refusing to load untrusted types: "
                             + ", ".join(untrusted))
    meta = _metadata(meta_file, format)
    if meta:
        check_versions(meta, model_file, what)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*Trying to unpickle estimator.*")
            model = sio.load(model_file, trusted=sorted(set(trusted) | set(found)))
    except Exception as err:
        raise ModelLoadError(f"{model_file}: cannot be loaded as a {what} "
                             f"({err.__class__.__name__}: {err})") from err
    if not isinstance(model, kind):
        raise ModelLoadError(f"{model_file}: not a {what} ({type(model).__name__})")
    if meta is None:
        check_versions(getattr(model, "metadata_", {}) or {}, model_file, what)
    return model


def _metadata(meta_file: Path, format: str) -> dict | None:
    """The metadata beside a model, or None when it is missing or of another kind."""
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else None
    except (ValueError, OSError):
        return None
    if not isinstance(meta, dict) or not str(meta.get("format", format)).startswith(format):
        return None
    return meta


def check_versions(meta: dict[str, Any], where: str | Path, what: str = "model") -> None:
    """Warn when the model's scikit-learn (or numpy) version differs from ours."""
    saved = meta.get("versions", {})
    current = library_versions()
    for library in ("scikit-learn", "numpy"):
        if saved.get(library) and saved[library] != current[library]:
            warnings.warn(
                f"{where}: {what} saved with {library} {saved[library]}, running "
                f"{current[library]}; its predictions may differ or fail. Retrain it to be "
                f"sure.", ModelVersionWarning, stacklevel=3)


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
