"""Activity patterns (``activity_patterns.json``): for each SPEC activity type, the nouns,
verbs (with their objects) and phrases that show it, with the words that veto them; and
an index from words to the patterns they can set off.

Words are compared by lemma when a lemmatizer ran and by a stem or compound-head match on
the lower-cased form when none did, so the patterns hold on ``spacy.blank("sv")`` too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import AbstractSet, Iterable, Iterator, NamedTuple, Sequence

from spacy.tokens import Token

from textmine.components.activities.scope import Scope
from textmine.components.extensions import SPAN_KEY
from textmine.lexicon import (LEXICON_FILES, Lexicon, lexicon, role_lexicon,
                              target_group_lexicon)
from textmine.memo import Memo
from textmine.resources import Resources, bundled

DATA_FILES = ("activity_patterns.json", "outcome_patterns.json") + LEXICON_FILES
MIN_STEM_VERB = 4
NOMINAL_ENDINGS = ("ning", "ningen", "ningar", "ningarna", "ingen", "ingar")
AGENT_ENDINGS = ("are", "aren", "arna", "arnas")


class Word(NamedTuple):
    """The token attributes the patterns read, fetched once per sentence (speed; a named
    tuple, immutable as the frozen dataclass it was, is made in a third of the time)."""

    i: int
    text: str
    lower_: str
    lemma_: str
    is_alpha: bool
    token: Token

    @classmethod
    def of(cls, token: Token) -> "Word":
        return cls(token.i, token.text, token.lower_, token.lemma_, token.is_alpha, token)

    @staticmethod
    def all_of(tokens: Iterable[Token]) -> list["Word"]:
        """``Word.of`` of every token (the tuples made directly: no Python call per word)."""
        new = tuple.__new__
        return [new(Word, (t.i, t.text, t.lower_, t.lemma_, t.is_alpha, t)) for t in tokens]


def verb_stem(lemma: str) -> str:
    """Stem shared by a verb's forms: anställa -> anställ (anställt, anställde, anställts)."""
    lemma = lemma.lower()
    return lemma[:-1] if lemma.endswith("a") and len(lemma) > 3 else lemma


@dataclass
class VerbSet:
    """Verbs matched by lemma, or by stem prefix on the form when there is no lemma."""

    lemmas: frozenset[str]
    stems: tuple[str, ...]
    _cache: Memo = field(default_factory=Memo, repr=False)

    @classmethod
    def of(cls, lemmas: list[str]) -> "VerbSet":
        # short verbs (är, ge) and "=" entries (=fram) match whole forms only: as prefixes
        # they hit other words (framför)
        return cls(frozenset(v.lstrip("=").lower() for v in lemmas),
                   tuple(verb_stem(v) for v in lemmas
                         if len(v) >= MIN_STEM_VERB and not v.startswith("=")))

    def match(self, token: "Word") -> bool:
        return self._cache.answer((token.lower_, token.lemma_), self._match, token)

    def _match(self, token: "Word") -> bool:
        if token.lemma_ and token.lemma_.lower() in self.lemmas:
            return True
        lower = token.lower_
        if lower in self.lemmas:
            return True
        if lower.endswith(NOMINAL_ENDINGS) or lower.endswith(AGENT_ENDINGS):
            return False  # satsning is not satsa, samordnare not samordna
        return any(lower.startswith(s) and len(lower) - len(s) <= 4 for s in self.stems)


class _EntityLabels:
    """Token index -> textmine entity label of the last Doc asked about (the patterns
    ask token by token; one Doc is read at a time, so one Doc is kept)."""

    def __init__(self) -> None:
        self.spans = None
        self.labels: dict[int, str] = {}

    def get(self, token: Token) -> str:
        doc = token.doc
        if SPAN_KEY not in doc.spans:
            return token.ent_type_
        spans = doc.spans[SPAN_KEY]
        if spans is not self.spans:
            self.spans = spans
            self.labels = {i: span.label_ for span in spans for i in range(span.start, span.end)}
        return self.labels.get(token.i, "")


_ENTITY_LABELS = _EntityLabels()


def entity_label(token: Token) -> str:
    """The entity label of the token as textmine's entity component decided it (its spans
    in ``doc.spans``: a name the NER proposed but the gazetteers and lexicons rejected,
    "SFI", has none); the statistical NER's label when that component did not run."""
    return _ENTITY_LABELS.get(token)


@dataclass
class ObjectSet:
    """Object words: a noun lexicon, the ROLE / TARGET_GROUP lexicons and/or words inside
    an entity of a label ('@ORG': a word of an organisation's name)."""

    nouns: Lexicon | None
    lexicons: tuple[Lexicon, ...]
    entity_labels: frozenset[str] = frozenset()
    # (text, lemma) -> the answer of the lexicons, which depends on nothing else
    _cache: Memo = field(default_factory=Memo, repr=False, compare=False)

    @classmethod
    def of(cls, words: list[str], resources: Resources) -> "ObjectSet":
        lexicons = []
        plain = []
        for word in words:
            if word == "@ROLE":
                lexicons.append(role_lexicon(resources))
            elif word == "@TARGET_GROUP":
                lexicons.append(target_group_lexicon(resources))
            else:
                plain.append(word)
        labels = frozenset(w[1:] for w in plain if w.startswith("@"))
        plain = [w for w in plain if not w.startswith("@")]
        return cls(lexicon(resources, plain) if plain else None, tuple(lexicons), labels)

    def match(self, token: "Word") -> bool:
        by_words = self._cache.answer((token.text, token.lemma_), self._match_words, token)
        return by_words or bool(self.entity_labels) and \
            entity_label(token.token) in self.entity_labels

    def _match_words(self, token: "Word") -> bool:
        """The noun lexicon or the first of the other lexicons that knows the word says so."""
        if self.nouns is not None and self.nouns.match(token):
            return True
        lower = token.lower_
        for words in self.lexicons:
            if words.match(token):
                # a genitive (barns rättigheter) modifies another noun: not the object
                return not (lower.endswith("s") and words.match_word(lower[:-1]))
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
    blocked_endings: tuple[str, ...] = ()
    unless: ObjectSet | None = None  # a phrase followed closely by one of these does not count
    followed_by: ObjectSet | None = None  # a phrase counts only followed by one of these
    not_after: frozenset[str] = frozenset()  # a noun or phrase just after one of these does not count
    not_after_window: int = 3  # how many words before the noun 'not_after' looks at
    not_before: frozenset[str] = frozenset()  # a phrase just before one of these does not count
    not_with: frozenset[str] = frozenset()  # a noun coordinated with one of these does not count
    window: int | None = None
    order: str | None = None  # "verb_first", "object_first" or either
    context: Lexicon | None = None
    not_context: Lexicon | None = None

    @cached_property
    def phrases_by_start(self) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
        """First word -> (number, phrase) of the phrases that start with it, in order."""
        table: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for k, phrase in enumerate(self.phrases):
            table.setdefault(phrase[0], []).append((k, phrase))
        return table

    @cached_property
    def phrases_by_opening(self) -> dict[tuple[str, ...], list[tuple[int, tuple[str, ...]]]]:
        """Opening (a phrase's first two words, a one-word phrase's word) -> (number, phrase)
        of the phrases that open so, in order."""
        table: dict[tuple[str, ...], list[tuple[int, tuple[str, ...]]]] = {}
        for k, phrase in enumerate(self.phrases):
            table.setdefault(phrase[:2], []).append((k, phrase))
        return table

    @cached_property
    def phrases_only(self) -> bool:
        """Phrases are the pattern's only evidence (no verb, noun or prefix)."""
        return bool(self.phrases) and self.verbs is None and self.nouns is None \
            and not self.prefixes

    def phrases_opening(self, openings: AbstractSet[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """The phrases whose opening is one of ``openings``, in list order (the others
        cannot match; a pattern may have dozens of phrases, a sentence holds few)."""
        table = self.phrases_by_opening
        found = [table[opening] for opening in openings if opening in table]
        if len(found) == 1:
            return [phrase for _, phrase in found[0]]
        return [phrase for _, phrase in sorted(pair for pairs in found for pair in pairs)]

    @property
    def blocks(self) -> bool:
        """The pattern lists words under 'not' (most do not: their words need no filtering)."""
        return bool(self.blocked or self.blocked_endings)

    def usable(self, word: "Word") -> bool:
        """The word may be evidence for this pattern (not listed under 'not')."""
        return word.lower_ not in self.blocked and not word.lower_.endswith(self.blocked_endings)

    def applies_to(self, sentence: "list[Word]") -> bool:
        """Context words required (or forbidden) anywhere in the sentence."""
        if self.context is not None and not any(self.context.match(t) for t in sentence):
            return False
        if self.not_context is not None and any(self.not_context.match(t) for t in sentence):
            return False
        return True

    @classmethod
    def from_dict(cls, type_: str, data: dict, resources: Resources) -> "Pattern":
        def words(key: str) -> Lexicon | None:
            return lexicon(resources, data[key]) if key in data else None

        def objects(key: str) -> ObjectSet | None:
            return ObjectSet.of(data[key], resources) if key in data else None

        return cls(
            type=type_,
            nouns=words("nouns"),
            prefixes=tuple(p.lower() for p in data.get("prefixes", ())),
            verbs=VerbSet.of(data["verbs"]) if "verbs" in data else None,
            objects=objects("objects"),
            phrases=tuple(tuple(w.lower() for w in p) for p in data.get("phrases", ())),
            blocked=frozenset(w.lower() for w in data.get("not", ()) if not w.startswith("*")),
            blocked_endings=tuple(w[1:].lower() for w in data.get("not", ()) if w.startswith("*")),
            unless=objects("unless"),
            followed_by=objects("followed_by"),
            not_after=frozenset(w.lower() for w in data.get("not_after", ())),
            not_after_window=int(data.get("not_after_window", 3)),
            not_before=frozenset(w.lower() for w in data.get("not_before", ())),
            not_with=frozenset(w.lower() for w in data.get("not_with", ())),
            window=data.get("window"),
            order=data.get("order"),
            context=words("context"),
            not_context=words("not_context"),
        )



def load_patterns(resources: Resources | None = None
                  ) -> tuple[list[Pattern], int, tuple[tuple[str, ...], ...], Scope]:
    """(patterns, window, exclude phrases, scope words) from activity_patterns.json."""
    resources = resources or bundled(*DATA_FILES)
    return resources.cached("activity_patterns", lambda: _load_patterns(resources))


def _load_patterns(resources: Resources
                   ) -> tuple[list[Pattern], int, tuple[tuple[str, ...], ...], Scope]:
    config = resources.json("activity_patterns.json")
    patterns = [Pattern.from_dict(type_, data, resources)
                for type_, items in config["types"].items() for data in items]
    excludes = tuple(tuple(w.lower() for w in p) for p in config.get("exclude_phrases", ()))
    return patterns, int(config.get("window", 6)), excludes, Scope.from_dict(config.get("scope", {}))


@dataclass
class TriggerIndex:
    """Which patterns a word can set off, so that a sentence tries only those (a pattern
    still checks every candidate itself). Without it every pattern asks about every word."""

    exact: dict[str, set[int]] = field(default_factory=dict)  # verb lemma, phrase's 1st word
    endings: dict[str, set[int]] = field(default_factory=dict)  # noun form: word or compound end
    starts: dict[str, set[int]] = field(default_factory=dict)  # verb stem, word prefix
    _cache: Memo = field(default_factory=Memo, repr=False)

    @classmethod
    def of(cls, patterns: Sequence[Pattern]) -> "TriggerIndex":
        index = cls()
        for k, pattern in enumerate(patterns):
            keys: list[tuple[dict[str, set[int]], Iterable[str]]] = [
                (index.exact, (phrase[0] for phrase in pattern.phrases)),
                (index.starts, pattern.prefixes)]
            if pattern.verbs is not None:
                keys += [(index.exact, pattern.verbs.lemmas), (index.starts, pattern.verbs.stems)]
            if pattern.nouns is not None:
                keys.append((index.endings, pattern.nouns.forms))
            for table, words in keys:
                for word in words:
                    table.setdefault(word, set()).add(k)
        return index

    def candidates(self, word: "Word") -> frozenset[int]:
        """Patterns that ``word`` may set off (by form, lemma, compound end or stem;
        memoised on form and lemma as written: a kept answer is one dict look-up)."""
        return self._cache.answer((word.lower_, word.lemma_), self._patterns_of, word)

    def candidates_of(self, words: Sequence["Word"]) -> list[frozenset[int]]:
        """``candidates`` of each word (a kept answer read with no call per word)."""
        get = self._cache.get
        found = []
        for word in words:
            patterns = get((word.lower_, word.lemma_))
            found.append(self.candidates(word) if patterns is None else patterns)
        return found

    def _patterns_of(self, word: "Word") -> frozenset[int]:
        return frozenset(self._lookup(word.lower_, word.lemma_.lower()))

    def _lookup(self, lower: str, lemma: str) -> Iterator[int]:
        for form in {lower, lemma} - {""}:
            yield from self.exact.get(form, ())
            yield from self.endings.get(form, ())
        for i in range(1, len(lower)):
            yield from self.endings.get(lower[i:], ())
            yield from self.starts.get(lower[:i], ())
        yield from self.starts.get(lower, ())


def trigger_index(resources: Resources | None = None) -> TriggerIndex:
    """The index of the patterns of activity_patterns.json."""
    resources = resources or bundled(*DATA_FILES)
    return resources.cached("trigger_index", lambda: TriggerIndex.of(load_patterns(resources)[0]))
