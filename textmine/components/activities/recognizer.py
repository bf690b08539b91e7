"""Activity types and outcome sentences (SPEC.md, Activity types).

Each activity type is a set of word patterns kept as data
(``textmine/data/activity_patterns.json``): a noun that names the activity
(``läxhjälp``, compounds included), a verb (``digitalisera``), a verb with its object
(``anställt`` + a ROLE, ``etablerat`` + ``lärcentrum``) or a fixed phrase. Verb and
object are tied by the dependency parse when the pipeline has one, and by a word
window inside the sentence otherwise; words are compared by lemma when a lemmatizer
ran and by a stem/compound-head match on the lower-cased form when none did, so the
component runs on ``spacy.blank("sv")`` as on the full pipeline.

Words in a planned or negated clause (``ska starta``, ``planerar att``, ``har inte
anställt``; by the parse when there is one) or after a goal cue (``Målet är att``) are no
evidence: what is planned is not yet done.

An outcome is a sentence that reports an effect that has happened
(``textmine/data/outcome_patterns.json``): an effect cue, or a count of the people or visits
the work reached (read from the numbers extractor's records); goals and plans are left out.
Words after the effect cue in such a sentence describe the effect, not an activity.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import AbstractSet, Iterable, Iterator, Sequence

import regex
from spacy.tokens import Doc, Span, Token

from textmine.components.entities.gazetteers import (lexicon, role_lexicon,
                                                     target_group_lexicon)
from textmine.components.numbers import extract_numbers
from textmine.lexicon import CACHE_LIMIT, Lexicon
from textmine.records import Activity, Number
from textmine.resources import Resources, bundled

DATA_FILES = ("activity_patterns.json", "outcome_patterns.json", "roles.txt",
              "target_groups.txt", "false_heads.txt")

SENTENCE_END = {".", "!", "?"}
MIN_STEM_VERB = 4
NOMINAL_ENDINGS = ("ning", "ningen", "ningar", "ningarna", "ingen", "ingar")
AGENT_ENDINGS = ("are", "aren", "arna", "arnas")
PHRASE_ENDERS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX"})  # end a noun phrase's search
NEED_DEPENDENTS = ("obj", "nsubj", "obl", "iobj", "xcomp")  # what a need verb says is lacking
Indices = set[int] | frozenset[int]  # doc indices of tokens


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
        # short verbs (är, ge) and "=" entries (=fram) match whole forms only: as prefixes
        # they hit other words (framför)
        return cls(frozenset(v.lstrip("=").lower() for v in lemmas),
                   tuple(verb_stem(v) for v in lemmas
                         if len(v) >= MIN_STEM_VERB and not v.startswith("=")))

    def match(self, token: "Word") -> bool:
        key = (token.lower_, token.lemma_)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            found = self._cache[key] = self._match(token)
        return found

    def _match(self, token: "Word") -> bool:
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
    """Object words: a noun lexicon, the ROLE / TARGET_GROUP lexicons and/or words inside
    an entity of a label ('@ORG': a word of an organisation's name)."""

    nouns: Lexicon | None
    lexicons: tuple[Lexicon, ...]
    entity_labels: frozenset[str] = frozenset()

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
        if self.nouns is not None and self.nouns.match(token):
            return True
        if self.entity_labels and token.token.ent_type_ in self.entity_labels:
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
    not_after: frozenset[str] = frozenset()  # a noun just after one of these does not count
    window: int | None = None
    order: str | None = None  # "verb_first", "object_first" or either
    context: Lexicon | None = None
    not_context: Lexicon | None = None

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
            window=data.get("window"),
            order=data.get("order"),
            context=words("context"),
            not_context=words("not_context"),
        )


@dataclass(frozen=True)
class Scope:
    """Words that make a clause a plan (ska, planera), a negation (inte, ingen) or a need
    (saknar, behöver): no evidence."""

    modal: frozenset[str]
    intent: frozenset[str]
    negation: frozenset[str]
    no_determiner: frozenset[str]
    need: frozenset[str]
    clause_opener: frozenset[str]
    subordinator: frozenset[str]
    main_clause_words: int

    @classmethod
    def from_dict(cls, data: dict) -> "Scope":
        words = {k: frozenset(w.lower() for w in data.get(k, ()))
                 for k in ("modal", "intent", "negation", "no_determiner", "need", "clause_opener",
                           "subordinator")}
        return cls(**words, main_clause_words=int(data.get("main_clause_words", 6)))


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
    _cache: dict[tuple[str, str], frozenset[int]] = field(default_factory=dict, repr=False)

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
        """Patterns that ``word`` may set off (by form, lemma, compound end or stem)."""
        key = (word.lower_, word.lemma_.lower())
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = frozenset(self._lookup(*key))
        return found

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


@dataclass(frozen=True)
class OutcomeRules:
    """What makes a sentence an outcome (outcome_patterns.json), built once."""

    effect: list[regex.Pattern]  # effect cues
    goal: list[regex.Pattern]  # goal cues: no outcome
    effect_blocking: list[regex.Pattern]  # effect cues that end the activity part
    plan_blocking: list[regex.Pattern]  # plan cues that end it
    reach_kinds: frozenset[str]  # numbers that count what the work reached ...
    reach_units: Lexicon  # ... whatever the verb: besökare, utlån
    reach_people: Lexicon  # ... with a reach verb: 14 personer har fått arbete
    reach_verbs: "VerbSet"
    groups: Lexicon  # target groups count as people reached

    @classmethod
    def of(cls, resources: Resources | None = None) -> "OutcomeRules":
        resources = resources or bundled(*DATA_FILES)
        return resources.cached("outcome_rules", lambda: cls._build(resources))

    @classmethod
    def _build(cls, resources: Resources) -> "OutcomeRules":
        config = resources.json("outcome_patterns.json")
        reach = config.get("reach", {})
        cues = ([regex.compile(p) for p in config[key]]
                for key in ("effect", "goal", "effect_blocking", "plan_blocking"))
        return cls(*cues, frozenset(reach.get("kinds", ())),
                   lexicon(resources, reach.get("units", ())),
                   lexicon(resources, reach.get("people", ())),
                   VerbSet.of(reach.get("verbs", [])), target_group_lexicon(resources))


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


def is_outcome(sentence: Span, numbers: Sequence[Number] = (),
               rules: OutcomeRules | None = None) -> bool:
    """The sentence reports an effect that has happened (not a goal or plan): an effect
    cue, or a count of the people or visits the work reached."""
    rules = rules or OutcomeRules.of()
    text = sentence.text.lower()
    if any(g.search(text) for g in rules.goal):
        return False
    return any(e.search(text) for e in rules.effect) or reports_reach(sentence, numbers, rules)


def reports_reach(sentence: Span, numbers: Sequence[Number], rules: OutcomeRules) -> bool:
    """A number in the sentence counts visits ('350 besökare'), or people with a verb that
    says they were reached ('14 av dem har fått arbete')."""
    start, end = sentence.start_char, sentence.end_char
    units = [n.unit.lower() for n in numbers if start <= n.start and n.end <= end
             and n.kind in rules.reach_kinds and n.unit]
    if any(rules.reach_units.match_word(u) for u in units):
        return True
    people = any(rules.reach_people.match_word(u) or rules.groups.match_word(u) for u in units)
    return people and any(t.is_alpha and rules.reach_verbs.match(Word.of(t)) for t in sentence)


def effect_start(sentence: Span, rules: OutcomeRules) -> int | None:
    """Character offset (in the sentence) after which the words describe an effect."""
    return _first_cue(sentence, rules.effect_blocking)


def plan_start(sentence: Span, rules: OutcomeRules) -> int | None:
    """Character offset after which the words describe a goal or plan ('Målet är att …',
    'Nästa steg …', 'planerar'): what is planned is not yet an activity."""
    return _first_cue(sentence, rules.plan_blocking)


def _first_cue(sentence: Span, cues: list[regex.Pattern]) -> int | None:
    text = sentence.text.lower()
    hits = [m.start() for m in (c.search(text) for c in cues) if m]
    return min(hits) if hits else None


# --------------------------------------------------------------------------- clause scope

def unreal_tokens(sentence: Span, scope: Scope, fixed: Indices = frozenset()) -> set[int]:
    """Doc indices of words in planned, negated or lacking clauses ('ska starta', 'har inte
    anställt', 'saknar e-tjänster'): by the parse when there is one, else by position.
    Words in ``fixed`` (fixed expressions: 'det vill säga') are no scope words."""
    if _has_deps(sentence):
        return _unreal_by_parse(sentence, scope, fixed)
    return _unreal_by_position(sentence, scope, fixed)


def _unreal_by_parse(sentence: Span, scope: Scope, fixed: Indices) -> set[int]:
    blocked: set[int] = set()
    for token in sentence:
        if token.i in fixed:
            continue
        word = token.lower_
        if token.dep_.startswith("aux") and (word in scope.modal or token.lemma_.lower() in scope.modal):
            clause = token.head
            if clause.dep_ == "acl:relcl":  # "en coach som ska stötta unga": a role's task
                continue
        elif word in scope.negation and token.dep_ in ("advmod", "neg"):
            clause = token.head
        elif token.lemma_.lower() in scope.intent and token.pos_ in ("VERB", "AUX"):
            # "planerar att starta …": what the intent verb governs
            for child in token.children:
                if child.dep_ in ("xcomp", "ccomp"):
                    blocked |= _clause(child)
            continue
        elif token.lemma_.lower() in scope.need or word in scope.need:
            # "saknar e-tjänster", "behöver stöd": what is lacking, the verb's nominal
            # dependents after it (the tagger often misses the verb: the lemma decides)
            for child in token.children:
                if child.i > token.i and child.dep_.split(":")[0] in NEED_DEPENDENTS:
                    blocked.update(t.i for t in child.subtree)
            continue
        elif word in scope.no_determiner and token.dep_ == "det":
            # "det finns ingen e-tjänst": the noun phrase names what is not there
            blocked |= {i for i in _clause(token.head) if i >= token.i}
            continue
        else:
            continue
        blocked |= _clause(clause)
    return blocked


def _clause(head: Token) -> set[int]:
    """``head``'s subtree without coordinated clauses that have their own finite verb."""
    found, stack = set(), [head]
    while stack:
        token = stack.pop()
        found.add(token.i)
        for child in token.children:
            if child.dep_ in ("conj", "parataxis") and "Inf" not in child.morph.get("VerbForm"):
                if child.pos_ in ("VERB", "AUX") or any(c.dep_.startswith("nsubj") for c in child.children):
                    continue
            stack.append(child)
    return found


def _unreal_by_position(sentence: Span, scope: Scope, fixed: Indices) -> set[int]:
    """No parse: a modal among the first words of the main clause blocks the rest, and a
    need verb or 'ingen' the words after it up to the next subordinator."""
    blocked: set[int] = set()
    lacking = False
    for token in sentence:
        if token.i in fixed:
            continue
        if token.lower_ in scope.subordinator:
            lacking = False
        elif token.lower_ in scope.need or token.lower_ in scope.no_determiner or \
                token.lemma_.lower() in scope.need:
            lacking = True
        elif lacking:
            blocked.add(token.i)
    return blocked | _after_main_clause_modal(sentence, scope, fixed)


def _after_main_clause_modal(sentence: Span, scope: Scope, fixed: Indices) -> set[int]:
    for token in sentence[:scope.main_clause_words]:
        if token.i in fixed:
            continue
        word = token.lower_
        if word in scope.subordinator:
            return set()
        if word in scope.modal or token.lemma_.lower() in scope.intent:
            return set(range(token.i, sentence.end))
    return set()


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


def _linked(verb: Token, obj: Token, window: int, has_deps: bool,
            barriers: Indices = frozenset()) -> bool:
    """Verb and object belong together: by the parse, or close in the same clause (an
    object after the verb but behind a clause opener, 'där', 'som', is in another clause)."""
    if has_deps and (obj.head == verb or verb.head == obj):
        return True
    if abs(obj.i - verb.i) > window:
        return False
    return not any(verb.i < i < obj.i for i in barriers)


def match_sentence(sentence: Span, patterns: list[Pattern], window: int,
                   excluded: Indices = frozenset(), limit: int | None = None,
                   unreal: Indices = frozenset(),
                   openers: frozenset[str] = frozenset(),
                   found: AbstractSet[str] = frozenset(),
                   index: TriggerIndex | None = None) -> Iterator[Hit]:
    """Activity evidence in a sentence; tokens at or after ``limit`` (doc index), in
    ``excluded`` (words of exclude_phrases) and in ``unreal`` (planned or negated clauses)
    are ignored; a verb and a later object word
    with one of ``openers`` between them are not linked by nearness alone. Patterns of the
    types in ``found`` (evidence already seen; the caller may add to it while iterating)
    are not tried: a passage needs one piece of evidence per type. With the ``index`` of
    ``patterns``, only the patterns that a word of the sentence can set off are tried."""
    has_deps = _has_deps(sentence)
    barriers = {t.i for t in sentence if t.lower_ in openers}
    blocked = set(excluded) | unreal
    end = sentence.end if limit is None else min(sentence.end, limit)
    words = [Word.of(t) for t in sentence]
    tokens = [w for w in words if w.i < end and w.i not in blocked]
    forms = {w.lower_ for w in tokens}  # a phrase whose first word is missing cannot match
    tried = None if index is None else frozenset().union(*map(index.candidates, tokens))
    for k, pattern in enumerate(patterns):
        if tried is not None and k not in tried:
            continue
        if pattern.type in found or not pattern.applies_to(words):
            continue
        usable = [t for t in tokens if pattern.usable(t)] if pattern.blocks else tokens
        # a pattern's own window is a hard limit; the default one yields to the parse
        hit = _match_pattern(pattern, usable, sentence, end, pattern.window or window,
                             has_deps and pattern.window is None, barriers, forms)
        if hit is not None:
            yield hit


def _match_pattern(pattern: Pattern, tokens: list[Word], sentence: Span, end: int,
                   window: int, has_deps: bool, barriers: set[int], forms: set[str]) -> Hit | None:
    if pattern.verbs is not None and pattern.objects is not None:
        by_index = {t.i: t for t in tokens}
        verbs = [t for t in tokens if t.is_alpha and pattern.verbs.match(t)]
        for verb in verbs:
            for obj in _object_candidates(verb, by_index, window, has_deps):
                if pattern.order == "verb_first" and obj.i < verb.i:
                    continue
                if pattern.order == "object_first" and obj.i > verb.i:
                    continue
                if has_deps and _is_agent(obj.token, verb.token):
                    continue  # "erbjuder biblioteket … hjälp": the library is the one who offers
                if pattern.objects.match(obj) and \
                        _linked(verb.token, obj.token, window, has_deps, barriers):
                    return Hit(pattern.type, min(verb.i, obj.i), max(verb.i, obj.i) + 1)
        return None
    if pattern.verbs is not None:
        for token in tokens:
            if token.is_alpha and pattern.verbs.match(token):
                return Hit(pattern.type, token.i, token.i + 1)
    if pattern.nouns is not None:
        for token in tokens:
            if pattern.nouns.match(token) and not _preceded_by(token, pattern.not_after, sentence):
                return Hit(pattern.type, token.i, token.i + 1)
    for token in tokens:
        if pattern.prefixes and token.lower_.startswith(pattern.prefixes):
            return Hit(pattern.type, token.i, token.i + 1)
    for phrase in pattern.phrases:
        if phrase[0] not in forms:
            continue
        hit = _match_phrase(phrase, tokens, sentence, end, pattern.type)
        if hit is None or _followed_by(hit, pattern.unless, sentence, window):
            continue
        if pattern.followed_by is None or _followed_by(hit, pattern.followed_by, sentence, window):
            return hit
    return None


def _preceded_by(token: Word, words: frozenset[str], sentence: Span, window: int = 3) -> bool:
    """One of ``words`` comes just before the noun ('enligt den senaste enkäten': a cited
    survey; 'vid badplatserna': a place named, not built)."""
    if not words:
        return False
    before = sentence.doc[max(sentence.start, token.i - window):token.i]
    return any(t.lower_ in words for t in before)


def _followed_by(hit: Hit, objects: ObjectSet | None, sentence: Span, window: int) -> bool:
    """One of ``objects`` is the first noun phrase after the hit ("tillsammans med
    ungdomarna" is dialogue with a target group, "tillsammans med Arbetsförmedlingen
    matchar deltagarna" is collaboration): tagged words after the first noun, name or verb
    that is not one of them do not count; untagged ones count within ``window`` words."""
    if objects is None:
        return False
    for token in sentence.doc[hit.end:min(hit.end + window, sentence.end)]:
        if objects.match(Word.of(token)):
            return True
        if token.is_punct or token.pos_ in PHRASE_ENDERS:
            return False
    return False


def _is_agent(candidate: Token, verb: Token) -> bool:
    """The parse makes ``candidate`` the verb's subject while the verb has an object of its
    own (a lone 'subject' is often a mislabelled object: 'anställt en fritidsledare')."""
    return candidate.head == verb and candidate.dep_ == "nsubj" and \
        any(child.dep_ == "obj" for child in verb.children)


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

    def __init__(self, resources: Resources | None = None) -> None:
        resources = resources or bundled(*DATA_FILES)
        self.patterns, self.window, self.excludes, self.scope = load_patterns(resources)
        self.index = trigger_index(resources)
        self.outcomes = OutcomeRules.of(resources)

    def __call__(self, doc: Doc) -> Doc:
        activities: list[Activity] = []
        outcomes: list[str] = []
        seen: set[str] = set()
        numbers = doc._.numbers if doc._.numbers is not None else list(extract_numbers(doc))
        for sentence in sentences(doc):
            if not sentence.text.strip():
                continue
            cuts = [plan_start(sentence, self.outcomes)]
            if is_outcome(sentence, numbers, self.outcomes):
                outcomes.append(sentence.text.strip())
                cuts.append(effect_start(sentence, self.outcomes))
            offsets = [c for c in cuts if c is not None]
            limit = _token_at(sentence, min(offsets)) if offsets else None
            excluded = _blocked_tokens(sentence, self.excludes)  # words of exclude_phrases
            unreal = unreal_tokens(sentence, self.scope, excluded)
            for hit in match_sentence(sentence, self.patterns, self.window, excluded=excluded,
                                      limit=limit, unreal=unreal,
                                      openers=self.scope.clause_opener, found=seen,
                                      index=self.index):
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
