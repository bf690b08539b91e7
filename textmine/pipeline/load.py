"""One entry point to a Swedish pipeline: ``load(name)``.

The bundled model (``models/sv_textmine``) is the default, so a first run works offline.
Other backends are optional: Stanza through spacy-stanza (``load("stanza")``) or any
installed spaCy Swedish pipeline (``load("sv_core_news_lg")`` or a path). Whatever the
backend, textmine's own extraction components are appended on top.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

import textmine.pipeline.tokenizer  # noqa: F401  (registers the tokenizer the bundled model names)
import textmine.pipeline.vectors  # noqa: F401  (registers the vectors table the bundled model names)
from textmine.persistence import bundled_path

BUNDLED_MODEL = "sv_textmine"
STANZA_NAMES = {"stanza", "spacy-stanza", "stanza:sv"}
DEFAULT_NAMES = {None, "", "default", "textmine", BUNDLED_MODEL}


class PipelineNotAvailable(RuntimeError):
    """The requested pipeline is not installed; the message says how to install it."""


def load(name: str | Path | None = None, *, extractors: bool = True) -> Language:
    """Return a ready Swedish pipeline with textmine's components.

    ``name``: ``None`` for the bundled model, ``"stanza"`` for Stanza's Swedish models,
    ``"blank"`` for spaCy's Swedish tokenizer alone (fast, rules only), a spaCy package
    name (``"sv_core_news_lg"``) or a path to a pipeline folder.
    ``extractors=False`` returns the base pipeline only (for evaluation and benchmarks).
    """
    nlp = load_base(name)
    if extractors:
        from textmine.pipeline.context import add_extractors

        add_extractors(nlp)
    return nlp


def load_base(name: str | Path | None = None) -> Language:
    """The base pipeline (tagging, lemmas, parse, names) without textmine's extractors."""
    if isinstance(name, str) and name.lower() in STANZA_NAMES:
        return load_stanza()
    if name in DEFAULT_NAMES:
        return load_bundled()
    if name == "blank":  # tokenizer only: textmine's rules without a statistical model
        return spacy.blank("sv")
    path = Path(name)
    if path.exists():
        return _load_lemma_components_then(path)
    if isinstance(name, str) and spacy.util.is_package(name):
        return spacy.load(name)
    raise PipelineNotAvailable(
        f"No pipeline named {str(name)!r}: it is neither an installed spaCy package nor a "
        f"folder. Install a spaCy Swedish pipeline with `python -m spacy download {name}` "
        "(or `pip install` its wheel), pass the path of a pipeline folder, use "
        "load('stanza') for Stanza, or load() for textmine's bundled model.")


def bundled_model_path() -> Path:
    """Folder of the model shipped with textmine (works from a clone and from a wheel)."""
    return bundled_path(BUNDLED_MODEL)


def load_bundled() -> Language:
    path = bundled_model_path()
    if not (path / "config.cfg").exists():
        raise PipelineNotAvailable(
            f"textmine's bundled model is missing at {path}. Reinstall textmine "
            "(`pip install textmine`), or rebuild it from a clone with "
            "`python models/recipe/build.py`.")
    return _load_lemma_components_then(path)


def _load_lemma_components_then(path: Path) -> Language:
    """Import the modules whose factories a textmine-built pipeline may name, then load."""
    import textmine.pipeline.lemma_backoff  # noqa: F401
    import textmine.pipeline.sentences  # noqa: F401

    return spacy.load(path)


def load_stanza(lang: str = "sv", **kwargs) -> Language:
    """Stanza's Swedish pipeline wrapped as a spaCy Language by spacy-stanza."""
    try:
        import stanza
    except ImportError as err:
        raise PipelineNotAvailable(STANZA_INSTALL) from err
    kwargs.setdefault("download_method", None)  # never download at run time
    kwargs.setdefault("use_gpu", False)
    kwargs.setdefault("logging_level", "WARN")
    try:
        snlp = stanza.Pipeline(lang, **kwargs)
    except Exception as err:  # stanza raises several kinds when resources are absent
        if _is_missing_resources(err):
            raise PipelineNotAvailable(
                f"Stanza is installed but its Swedish models are not ({err}). Download them "
                "once with `python -c \"import stanza; stanza.download('sv')\"` on a machine "
                "with network access, or copy a stanza_resources folder and set "
                "$STANZA_RESOURCES_DIR to it.") from err
        raise
    return stanza_language(snlp, lang)


def stanza_language(snlp, lang: str = "sv") -> Language:
    """A spaCy Language whose tokenizer runs ``snlp`` (anything that maps a text to a
    ``stanza.Document``) and converts its words, tags, lemmas, parse and names."""
    try:
        from spacy_stanza.tokenizer import StanzaTokenizer
    except ImportError as err:
        raise PipelineNotAvailable(STANZA_INSTALL) from err
    nlp = spacy.blank(lang)
    nlp.tokenizer = StanzaTokenizer(snlp, nlp.vocab)
    return nlp


STANZA_INSTALL = (
    "Stanza is not installed. Install it with `pip install textmine[stanza]` (it needs "
    "PyTorch; a CPU build is enough: `pip install torch --index-url "
    "https://download.pytorch.org/whl/cpu`), then get the Swedish models once on a machine "
    "with network access: `python -c \"import stanza; stanza.download('sv')\"` (they go to "
    "~/stanza_resources, or $STANZA_RESOURCES_DIR).")


def _is_missing_resources(err: Exception) -> bool:
    text = f"{type(err).__name__} {err}".lower()
    return any(word in text for word in ("resource", "not found", "no such file", "download",
                                         "filenotfound", "unsupported", "missing"))
