"""The Doc extensions textmine's components fill, stored so that they survive
``Doc.to_bytes`` (and thus ``nlp.pipe(..., n_process=2)``, which sends Docs between
processes as bytes).

spaCy keeps extension values in ``doc.user_data`` and serialises them with msgpack, which
knows dicts, lists and scalars but not dataclasses. Each record extension is therefore a
property: the records are stored as plain dicts under ``doc._.textmine_<name>`` and read
back as records (``doc._.numbers`` -> ``list[Number]``). Entities are also put in
``doc.spans["textmine"]`` as labelled Spans (``kb_id_`` = SCB code of a municipality).
"""
from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Doc

from textmine.records import Activity, Entity, Municipality, Number

SPAN_KEY = "textmine"


def _record_list(name: str, record: Callable[..., Any]) -> None:
    """``doc._.<name>``: a list of records, stored as dicts (None until a component ran)."""
    store = f"textmine_{name}"
    if not Doc.has_extension(store):
        Doc.set_extension(store, default=None)

    def get(doc: Doc) -> list | None:
        raw = doc._.get(store)
        return None if raw is None else [record(**item) for item in raw]

    def set_(doc: Doc, values: list | None) -> None:
        doc._.set(store, None if values is None else [v.to_dict() for v in values])

    if not Doc.has_extension(name):
        Doc.set_extension(name, getter=get, setter=set_)


def _plain_list(name: str) -> None:
    """``doc._.<name>``: a list of strings."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


def _municipality_context() -> None:
    """``doc._.context_municipality``: the section's municipality, set before the pipeline."""
    store = "textmine_context_municipality"
    if not Doc.has_extension(store):
        Doc.set_extension(store, default=None)

    def get(doc: Doc) -> Municipality | None:
        raw = doc._.get(store)
        return None if raw is None else Municipality(**raw)

    def set_(doc: Doc, value: Municipality | None) -> None:
        doc._.set(store, None if value is None else value.to_dict())

    if not Doc.has_extension("context_municipality"):
        Doc.set_extension("context_municipality", getter=get, setter=set_)


def register() -> None:
    """Register every extension (idempotent; run on import)."""
    _record_list("numbers", Number)
    _record_list("entities", Entity)
    _record_list("activities", Activity)
    _plain_list("target_groups")
    _plain_list("outcomes")
    _municipality_context()


register()
