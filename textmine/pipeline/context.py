"""textmine's own spaCy components on top of any Swedish pipeline.

The extractors are registered factories (``textmine_numbers``, ``textmine_entities``,
``textmine_activities``); ``add_extractors`` appends them to a loaded pipeline so they
run on the bundled model, on Stanza or on any spaCy Swedish pipeline alike.

Context that the text alone does not give (the municipality of the section a passage
stands in, which "kommunen" refers to) is passed in the ``Doc._.context_municipality``
extension, set before the pipeline runs (see ``make_doc``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from textmine.components import extensions  # noqa: F401  (doc._.context_municipality)
from textmine.records import Municipality

# the factories, in pipeline order (registered through the spacy_factories entry point)
EXTRACTORS = ("textmine_numbers", "textmine_entities", "textmine_activities")


def add_extractors(nlp: Language, names: list[str] | None = None) -> Language:
    """Append textmine's extraction components (all by default) that are not there yet."""
    for name in names or EXTRACTORS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def make_doc(nlp: Language, text: str, municipality: Municipality | None = None) -> Doc:
    """Tokenize ``text`` and attach the section's municipality as context."""
    doc = nlp.make_doc(text)
    doc._.context_municipality = municipality
    return doc
