"""The passage record of SPEC.md as dataclasses.

Every extractor returns these small records; ``to_dict()`` gives the JSON shape the
SPEC fixes, so writers (JSONL, JSON, CSV) never need to know the fields.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from typing import Any, Callable

_ATOMS = frozenset({str, int, float, bool, type(None)})  # values asdict returns unchanged


@lru_cache(maxsize=None)
def _reader(cls: type) -> tuple[tuple[str, ...], Callable[[Any], tuple]]:
    """The field names of a record class and a function that reads their values at once."""
    names = tuple(f.name for f in fields(cls))
    read = attrgetter(*names)
    return names, read if len(names) > 1 else (lambda record: (read(record),))


def record_dict(record: Any) -> dict[str, Any]:
    """``asdict(record)``, made directly when every value is a plain scalar: asdict
    deep-copies value by value, a real cost on the thousands of records a pipeline stores
    (records are kept as dicts on the Doc, see ``components.extensions``)."""
    names, read = _reader(type(record))
    values = read(record)
    if _ATOMS.issuperset(map(type, values)):
        return dict(zip(names, values))
    return asdict(record)


@dataclass
class Municipality:
    """One of Sweden's 290 municipalities, identified by its SCB code."""

    name: str
    code: str
    county: str

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass
class Theme:
    """Gold theme (from a heading, if any) and predicted theme with scores."""

    gold: str | None = None
    predicted: str | None = None
    scores: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass
class Entity:
    """A named or lexicon entity; offsets are characters in the passage text."""

    text: str
    label: str
    start: int
    end: int
    code: str | None = None  # SCB code for MUNICIPALITY

    def to_dict(self) -> dict[str, Any]:
        data = record_dict(self)
        if data["code"] is None:
            del data["code"]
        return data


@dataclass
class Number:
    """A numeric expression with its meaning (see SPEC.md, Numbers)."""

    text: str
    kind: str
    value: Any
    unit: str | None
    approx: bool
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass
class Activity:
    """An activity type tied to the sentence and the words that show it."""

    type: str
    sentence: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass
class Passage:
    """One passage of a report with everything textmine extracts from it."""

    report: str
    passage_id: str
    text: str
    start: int
    end: int
    theme: Theme = field(default_factory=Theme)
    municipality: Municipality | None = None
    entities: list[Entity] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "report": self.report,
            "passage_id": self.passage_id,
            "theme": self.theme.to_dict(),
            "municipality": self.municipality.to_dict() if self.municipality else None,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "entities": [e.to_dict() for e in self.entities],
            "numbers": [n.to_dict() for n in self.numbers],
            "activities": [a.to_dict() for a in self.activities],
            "target_groups": list(self.target_groups),
            "outcomes": list(self.outcomes),
        }
