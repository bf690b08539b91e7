"""Entities: municipalities, organisations, places, projects, events, people, roles and
target groups (factory ``textmine_entities``).

``gazetteers`` (name lists and lexicons from data), ``names`` (name-cue candidates),
``lexicon_spans`` (roles and target groups), ``recognizer`` (gazetteer and NER candidates, the
whole), ``resolve`` (candidates and overlaps), ``component`` (the spaCy component).
"""
from textmine.components.entities.component import (EntitiesComponent, extract_entities,
                                                    extract_target_groups)

__all__ = ["EntitiesComponent", "extract_entities", "extract_target_groups"]
