"""Activity types and outcome sentences (SPEC.md, Activity types).

Each activity type is a set of word patterns kept as data
(``textmine/data/activity_patterns.json``): a noun that names the activity
(``läxhjälp``, compounds included), a verb (``digitalisera``), a verb with its object
(``anställt`` + a ROLE, ``etablerat`` + ``lärcentrum``) or a fixed phrase. Verb and
object are tied by the dependency parse when the pipeline has one, and by a word
window inside the sentence otherwise; words are compared by lemma when a lemmatizer
ran and by a stem/compound-head match on the lower-cased form when none did, so the
component runs on ``spacy.blank("sv")`` as on the full pipeline.

An outcome is a sentence that reports an effect that has happened
(``textmine/data/outcome_patterns.json``); goals and plans are left out. Words after
the effect cue in such a sentence describe the effect, not an activity.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from textmine.entities import Lexicon, read_json, role_lexicon, target_group_lexicon
from textmine.records import Activity

if not Doc.has_extension("activities"):
    Doc.set_extension("activities", default=None)
if not Doc.has_extension("outcomes"):
    Doc.set_extension("outcomes", default=None)

SENTENCE_END = {".", "!", "?"}
MIN_STEM_VERB = 4
NOMINAL_ENDINGS = ("ning", "ningen", "ningar", "ningarna", "ingen", "ingar")
AGENT_ENDINGS = ("are", "aren", "arna", "arnas")


# --------------------------------------------------------------------------- patterns

def verb_stem(lemma: str) -> str:
    """Stem shared by a verb's forms: anställa -> anställ (anställt, anställde, anställts)."""
    lemma = lemma.lower()
    return lemma[:-1] if lemma.endswith("a") and len(lemma) > 3 else lemma


@dataclass
class VerbSet:
    """Verbs matched by lemma, or by stem prefix on the form when there is no lemma."""

    lemmas: frozenset[str]
    stems: tuple[str, ...]
    _cache: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, lemmas: list[str]) -> "VerbSet":
        # short verbs (är, ge) match whole forms only: as prefixes they hit other words
        return cls(frozenset(v.lower() for v in lemmas),
                   tuple(verb_stem(v) for v in lemmas if len(v) >= MIN_STEM_VERB))

    def match(self, token: Token) -> bool:
        key = (token.lower_, token.lemma_)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            found = self._cache[key] = self._match(token)
        return found

    def _match(self, token: Token) -> bool:
        if token.lemma_ and token.lemma_.lower() in self.lemmas:
            return True
        lower = token.lower_
        if lower in self.lemmas:
            return True
        if lower.endswith(NOMINAL_ENDINGS) or lower.endswith(AGENT_ENDINGS):
            return False  # satsning is not satsa, samordnare not samordna
        return any(lower.startswith(s) and len(lower) - len(s) <= 4 for s in self.stems)


@dataclass
class ObjectSet:
    """Object words: a noun lexicon and/or the ROLE / TARGET_GROUP lexicons."""

    nouns: Lexicon | None
    lexicons: tuple[Lexicon, ...]

    @classmethod
    def of(cls, words: list[str]) -> "ObjectSet":
        lexicons = []
        plain = []
        for word in words:
            if word == "@ROLE":
                lexicons.append(role_lexicon())
            elif word == "@TARGET_GROUP":
                lexicons.append(target_group_lexicon())
            else:
                plain.append(word)
        return cls(Lexicon.from_lines(plain) if plain else None, tuple(lexicons))

    def match(self, token: Token) -> bool:
        if self.nouns is not None and self.nouns.match(token):
            return True
        lower = token.lower_
        for lexicon in self.lexicons:
            if lexicon.match(token):
                # a genitive (barns rättigheter) modifies another noun: not the object
                return not (lower.endswith("s") and lexicon.match_word(lower[:-1]))
        return False


@dataclass
class Pattern:
    """One way an activity type shows in a sentence."""

    type: str
    nouns: Lexicon | None = None
    prefixes: tuple[str, ...] = ()
    verbs: VerbSet | None = None
    objects: ObjectSet | None = None
    phrases: tuple[tuple[str, ...], ...] = ()
    blocked: frozenset[str] = frozenset()
    window: int | None = None
    order: str | None = None  # "verb_first", "object_first" or either
    context: Lexicon | None = None
    not_context: Lexicon | None = None

    def applies_to(self, sentence: "list[Word]") -> bool:
        """Context words required (or forbidden) anywhere in the sentence."""
        if self.context is not None and not any(self.context.match(t) for t in sentence):
            return False
        if self.not_context is not None and any(self.not_context.match(t) for t in sentence):
            return False
        return True

    @classmethod
    def from_dict(cls, type_: str, data: dict) -> "Pattern":
        return cls(
            type=type_,
            nouns=Lexicon.from_lines(data["nouns"]) if "nouns" in data else None,
            prefixes=tuple(p.lower() for p in data.get("prefixes", ())),
            verbs=VerbSet.of(data["verbs"]) if "verbs" in data else None,
            objects=ObjectSet.of(data["objects"]) if "objects" in data else None,
            phrases=tuple(tuple(w.lower() for w in p) for p in data.get("phrases", ())),
            blocked=frozenset(w.lower() for w in data.get("not", ())),
            window=data.get("window"),
            order=data.get("order"),
            context=Lexicon.from_lines(data["context"]) if "context" in data else None,
            not_context=Lexicon.from_lines(data["not_context"]) if "not_context" in data else None,
        )


@lru_cache(maxsize=None)
def load_patterns() -> tuple[list[Pattern], int, tuple[tuple[str, ...], ...]]:
    """(patterns, window, exclude phrases) from activity_patterns.json."""
    config = read_json("activity_patterns.json")
    patterns = [Pattern.from_dict(type_, data)
                for type_, items in config["types"].items() for data in items]
    excludes = tuple(tuple(w.lower() for w in p) for p in config.get("exclude_phrases", ()))
    return patterns, int(config.get("window", 6)), excludes


@lru_cache(maxsize=None)
def outcome_regexes() -> tuple[list[regex.Pattern], ...]:
    """(effect, goal, effect cues that end the activity part, plan openings)."""
    config = read_json("outcome_patterns.json")
    return tuple([regex.compile(p) for p in config[key]]
                 for key in ("effect", "goal", "effect_blocking", "plan_start"))


# --------------------------------------------------------------------------- sentences

def sentences(doc: Doc) -> list[Span]:
    """Sentences split at . ! ? and line breaks.

    Orthographic splitting is used whatever the pipeline: report prose is well
    punctuated, and the statistical splitters of small models cut inside sentences,
    which would separate an effect cue from the words it governs."""
    spans, start = [], 0
    for token in doc:
        ends = token.text in SENTENCE_END or "\n" in token.whitespace_ or (
            token.is_space and "\n" in token.text)
        if ends:
            spans.append(doc[start:token.i + 1])
            start = token.i + 1
    if start < len(doc):
        spans.append(doc[start:])
    return [span for span in spans if span.text.strip()]


def is_outcome(sentence: Span) -> bool:
    """The sentence reports an effect that has happened (not a goal or plan)."""
    effects, goals, _, _ = outcome_regexes()
    text = sentence.text.lower()
    return not any(g.search(text) for g in goals) and any(e.search(text) for e in effects)


def effect_start(sentence: Span) -> int | None:
    """Character offset (in the sentence) after which the words describe an effect."""
    _, _, blocking, _ = outcome_regexes()
    text = sentence.text.lower()
    hits = [m.start() for m in (b.search(text) for b in blocking) if m]
    return min(hits) if hits else None


def is_plan(sentence: Span) -> bool:
    """'Nästa steg är att …', 'På sikt vill …': what is planned is not yet an activity."""
    _, _, _, plans = outcome_regexes()
    text = sentence.text.lower().lstrip()
    return any(p.match(text) for p in plans)


# --------------------------------------------------------------------------- matching

@dataclass(frozen=True)
class Word:
    """The token attributes the patterns read, fetched once per sentence (speed)."""

    i: int
    text: str
    lower_: str
    lemma_: str
    is_alpha: bool
    token: Token

    @classmethod
    def of(cls, token: Token) -> "Word":
        return cls(token.i, token.text, token.lower_, token.lemma_, token.is_alpha, token)


@dataclass
class Hit:
    """Evidence of one activity type: token range in the doc."""

    type: str
    start: int
    end: int


def _blocked_tokens(sentence: Span, excludes) -> set[int]:
    blocked: set[int] = set()
    words = [t.lower_ for t in sentence]
    for phrase in excludes:
        n = len(phrase)
        for k in range(len(words) - n + 1):
            if tuple(words[k:k + n]) == phrase:
                blocked.update(sentence[k].i + j for j in range(n))
    return blocked


def _has_deps(sentence: Span) -> bool:
    """A parser ran (checked on the sentence: ``Doc.has_annotation`` scans the whole doc)."""
    return any(t.dep_ for t in sentence)


def _linked(verb: Token, obj: Token, window: int, has_deps: bool) -> bool:
    """Verb and object belong together: by the parse, or close in the same sentence."""
    if has_deps and (obj.head == verb or verb.head == obj):
        return True
    return abs(obj.i - verb.i) <= window


def match_sentence(sentence: Span, patterns: list[Pattern], window: int,
                   excludes, limit: int | None = None) -> Iterator[Hit]:
    """Activity evidence in a sentence; tokens at or after ``limit`` (doc index) are ignored."""
    has_deps = _has_deps(sentence)
    blocked = _blocked_tokens(sentence, excludes)
    end = sentence.end if limit is None else min(sentence.end, limit)
    words = [Word.of(t) for t in sentence]
    tokens = [w for w in words if w.i < end and w.i not in blocked]
    for pattern in patterns:
        if not pattern.applies_to(words):
            continue
        usable = [t for t in tokens if t.lower_ not in pattern.blocked]
        # a pattern's own window is a hard limit; the default one yields to the parse
        hit = _match_pattern(pattern, usable, sentence, end, pattern.window or window,
                             has_deps and pattern.window is None)
        if hit is not None:
            yield hit


def _match_pattern(pattern: Pattern, tokens: list[Word], sentence: Span, end: int,
                   window: int, has_deps: bool) -> Hit | None:
    if pattern.verbs is not None and pattern.objects is not None:
        by_index = {t.i: t for t in tokens}
        verbs = [t for t in tokens if t.is_alpha and pattern.verbs.match(t)]
        for verb in verbs:
            for obj in _object_candidates(verb, by_index, window, has_deps):
                if pattern.order == "verb_first" and obj.i < verb.i:
                    continue
                if pattern.order == "object_first" and obj.i > verb.i:
                    continue
                if pattern.objects.match(obj) and _linked(verb.token, obj.token, window, has_deps):
                    return Hit(pattern.type, min(verb.i, obj.i), max(verb.i, obj.i) + 1)
        return None
    if pattern.verbs is not None:
        for token in tokens:
            if token.is_alpha and pattern.verbs.match(token):
                return Hit(pattern.type, token.i, token.i + 1)
    if pattern.nouns is not None:
        for token in tokens:
            if pattern.nouns.match(token):
                return Hit(pattern.type, token.i, token.i + 1)
    for token in tokens:
        if pattern.prefixes and token.lower_.startswith(pattern.prefixes):
            return Hit(pattern.type, token.i, token.i + 1)
    for phrase in pattern.phrases:
        hit = _match_phrase(phrase, tokens, sentence, end, pattern.type)
        if hit is not None:
            return hit
    return None


def _object_candidates(verb: Word, by_index: dict[int, Word], window: int,
                       has_deps: bool) -> list[Word]:
    """Words near the verb, plus its parse neighbours, in text order (bounded work even
    in a long unpunctuated text)."""
    indices = set(range(verb.i - window, verb.i + window + 1))
    if has_deps:
        indices.update(child.i for child in verb.token.children)
        indices.add(verb.token.head.i)
    indices.discard(verb.i)
    return [by_index[i] for i in sorted(indices) if i in by_index]


def _match_phrase(phrase: tuple[str, ...], tokens: list[Word], sentence: Span, end: int,
                  type_: str) -> Hit | None:
    allowed = {t.i: t.lower_ for t in tokens}
    n = len(phrase)
    for token in tokens:
        if token.lower_ != phrase[0] or token.i + n > end:
            continue
        if all(allowed.get(token.i + k) == phrase[k] for k in range(1, n)):
            return Hit(type_, token.i, token.i + n)
    return None


# --------------------------------------------------------------------------- component

class ActivityRecognizer:
    """The ``textmine_activities`` component: activity records and outcome sentences."""

    def __init__(self, nlp: Language | None = None, name: str = "textmine_activities") -> None:
        self.name = name
        self.patterns, self.window, self.excludes = load_patterns()

    def __call__(self, doc: Doc) -> Doc:
        activities: list[Activity] = []
        outcomes: list[str] = []
        seen: set[str] = set()
        for sentence in sentences(doc):
            if not sentence.text.strip():
                continue
            limit = None
            if is_outcome(sentence):
                outcomes.append(sentence.text.strip())
                offset = effect_start(sentence)
                if offset is not None:
                    limit = _token_at(sentence, offset)
            if is_plan(sentence):
                continue
            for hit in match_sentence(sentence, self.patterns, self.window, self.excludes, limit):
                if hit.type in seen:
                    continue
                seen.add(hit.type)
                activities.append(Activity(type=hit.type, sentence=sentence.text.strip(),
                                           evidence=doc[hit.start:hit.end].text))
        doc._.activities = activities
        doc._.outcomes = outcomes
        return doc


def _token_at(sentence: Span, char_offset: int) -> int:
    """Doc index of the first token at or after ``char_offset`` in the sentence text."""
    absolute = sentence.start_char + char_offset
    for token in sentence:
        if token.idx >= absolute:
            return token.i
    return sentence.end


@Language.factory("textmine_activities")
def make_activity_recognizer(nlp: Language, name: str) -> ActivityRecognizer:
    """Registered factory: ``nlp.add_pipe("textmine_activities")``."""
    return ActivityRecognizer(nlp, name)


# --------------------------------------------------------------------------- plain functions

@lru_cache(maxsize=1)
def _default() -> ActivityRecognizer:
    return ActivityRecognizer()


def _ensure(doc: Doc) -> None:
    if doc._.activities is None:
        _default()(doc)


def extract_activities(doc: Doc) -> Iterator[Activity]:
    """Activity records of ``doc``, the first evidence of each type."""
    _ensure(doc)
    yield from doc._.activities


def extract_outcomes(doc: Doc) -> Iterator[str]:
    """Sentences of ``doc`` that report an effect."""
    _ensure(doc)
    yield from doc._.outcomes
