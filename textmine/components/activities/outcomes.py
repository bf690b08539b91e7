"""Outcome sentences (``outcome_patterns.json``): a sentence reports an effect that has
happened when it has an effect cue, or counts the people or visits the work reached (read
from the numbers extractor's records); goals and plans are not outcomes. Words after an
effect cue, or after a plan cue, describe no activity.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

import regex
from spacy.tokens import Span

from textmine.components.activities.literals import required_literals
from textmine.components.activities.patterns import DATA_FILES, VerbSet, Word
from textmine.lexicon import Lexicon, lexicon, target_group_lexicon
from textmine.records import Number
from textmine.resources import Resources, bundled


@dataclass(frozen=True)
class CueSet:
    """Cue patterns grouped by the literals one of which all their matches contain: a
    sentence is searched only with the patterns whose literal it holds (most sentences
    hold none of the dozens of cues; several cues share a literal, 'har ')."""

    groups: tuple[tuple[tuple[str, ...], tuple[regex.Pattern, ...]], ...]

    @classmethod
    def of(cls, patterns: Sequence[str]) -> "CueSet":
        groups: dict[tuple[str, ...], list[regex.Pattern]] = {}
        for pattern in patterns:
            groups.setdefault(required_literals(pattern), []).append(regex.compile(pattern))
        return cls(tuple((literals, tuple(found)) for literals, found in groups.items()))

    def _searched(self, text: str) -> Iterator[regex.Pattern]:
        """The patterns whose literal ``text`` holds, in order."""
        for literals, patterns in self.groups:
            for literal in literals:
                if literal in text:
                    yield from patterns
                    break

    def any(self, text: str) -> bool:
        """Whether some cue matches ``text``."""
        return any(pattern.search(text) for pattern in self._searched(text))

    def first(self, text: str) -> int | None:
        """Where the first cue match in ``text`` starts (None: no cue matches)."""
        first = None
        for pattern in self._searched(text):
            found = pattern.search(text)
            if found and (first is None or found.start() < first):
                first = found.start()
        return first


@dataclass(frozen=True)
class OutcomeRules:
    """What makes a sentence an outcome (outcome_patterns.json), built once."""

    effect: CueSet  # effect cues
    goal: CueSet  # goal cues: no outcome
    not_effect: CueSet  # what the work received or a survey found: no outcome
    effect_blocking: CueSet  # effect cues that end the activity part
    plan_blocking: CueSet  # plan cues that end it
    reach_kinds: frozenset[str]  # numbers that count what the work reached ...
    reach_units: Lexicon  # ... whatever the verb: besökare, utlån
    reach_people: Lexicon  # ... with a reach verb: 14 personer har fått arbete
    reach_verbs: "VerbSet"
    groups: Lexicon  # target groups count as people reached
    reach_not: CueSet  # counts that say what exists ('det finns 27 barn'), not who was reached

    @classmethod
    def of(cls, resources: Resources | None = None) -> "OutcomeRules":
        resources = resources or bundled(*DATA_FILES)
        return resources.cached("outcome_rules", lambda: cls._build(resources))

    @classmethod
    def _build(cls, resources: Resources) -> "OutcomeRules":
        config = resources.json("outcome_patterns.json")
        reach = config.get("reach", {})
        cues = (CueSet.of(config.get(key, ())) for key in
                ("effect", "goal", "not_effect", "effect_blocking", "plan_blocking"))
        return cls(*cues, frozenset(reach.get("kinds", ())),
                   lexicon(resources, reach.get("units", ())),
                   lexicon(resources, reach.get("people", ())),
                   VerbSet.of(reach.get("verbs", [])), target_group_lexicon(resources),
                   CueSet.of(reach.get("not", ())))


def is_outcome(sentence: Span, numbers: Sequence[Number] = (),
               rules: OutcomeRules | None = None, lowered: str | None = None) -> bool:
    """The sentence reports an effect that has happened (not a goal or plan): an effect
    cue, or a count of the people or visits the work reached. ``lowered``: the sentence's
    lower-cased text, when the caller has it (a Span joins its tokens on every access)."""
    rules = rules or OutcomeRules.of()
    text = _lowered(sentence, lowered)
    if rules.goal.any(text) or rules.not_effect.any(text):
        return False
    return rules.effect.any(text) or reports_reach(sentence, numbers, rules, text)


def reports_reach(sentence: Span, numbers: Sequence[Number], rules: OutcomeRules,
                  lowered: str | None = None) -> bool:
    """A number in the sentence counts visits ('350 besökare'), or people with a verb that
    says they were reached ('14 av dem har fått arbete'); not a count of what exists
    ('Det finns 27 barn som ...')."""
    start, end = sentence.start_char, sentence.end_char
    units = [n.unit.lower() for n in numbers if start <= n.start and n.end <= end
             and n.kind in rules.reach_kinds and n.unit]
    if not units or rules.reach_not.any(_lowered(sentence, lowered)):
        return False
    if any(rules.reach_units.match_word(u) for u in units):
        return True
    people = any(rules.reach_people.match_word(u) or rules.groups.match_word(u) for u in units)
    return people and any(t.is_alpha and rules.reach_verbs.match(Word.of(t)) for t in sentence)


def effect_start(sentence: Span, rules: OutcomeRules,
                 lowered: str | None = None) -> int | None:
    """Character offset (in the sentence) after which the words describe an effect."""
    return rules.effect_blocking.first(_lowered(sentence, lowered))


def plan_start(sentence: Span, rules: OutcomeRules,
               lowered: str | None = None) -> int | None:
    """Character offset after which the words describe a goal or plan ('Målet är att …',
    'Nästa steg …', 'planerar'): what is planned is not yet an activity."""
    return rules.plan_blocking.first(_lowered(sentence, lowered))


def _lowered(sentence: Span, lowered: str | None) -> str:
    """The sentence's lower-cased text: the caller's copy, else made now."""
    return sentence.text.lower() if lowered is None else lowered
