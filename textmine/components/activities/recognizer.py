"""Matching activity patterns in the sentences of a Doc (SPEC.md, Activity types).

Each activity type is a set of word patterns kept as data
(``textmine/data/activity_patterns.json``): a noun that names the activity
(``läxhjälp``, compounds included), a verb (``digitalisera``), a verb with its object
(``anställt`` + a ROLE, ``etablerat`` + ``lärcentrum``) or a fixed phrase. Verb and
object are tied by the dependency parse when the pipeline has one, and by a word
window inside the sentence otherwise; words are compared by lemma when a lemmatizer
ran and by a stem/compound-head match on the lower-cased form when none did, so the
component runs on ``spacy.blank("sv")`` as on the full pipeline.

Words in a planned or negated clause (``scope``) or after a goal or effect cue
(``outcomes``) are no evidence: what is planned is not yet done.
"""
from __future__ import annotations
from dataclasses import dataclass
from typing import AbstractSet, Callable, Iterable, Iterator, Sequence

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from textmine.components.activities.outcomes import (OutcomeRules, effect_start, is_outcome,
                                                     plan_start)
from textmine.components.activities.patterns import (DATA_FILES, ObjectSet, Pattern,
                                                     TriggerIndex, Word, load_patterns,
                                                     trigger_index)
from textmine.components.activities.scope import Indices, enumerated, parsed, unreal_tokens
from textmine.components.numbers import extract_numbers
from textmine.pipeline.sentences import sentence_spans as sentences
from textmine.records import Activity
from textmine.resources import Resources, bundled

PHRASE_ENDERS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX"})  # end a noun phrase's search


@dataclass
class Hit:
    """Evidence of one activity type: token range in the doc, and the index of the pattern
    (in ``load_patterns``' list) that found it."""

    type: str
    start: int
    end: int
    pattern: int = -1


@dataclass
class Candidate:
    """A rule hit with the sentence it stands in: what a hit filter judges."""

    hit: Hit
    sentence: Span
    sentence_index: int
    outcome: bool  # the sentence reports an effect


def phrase_matcher(vocab, phrases: Sequence[tuple[str, ...]]) -> PhraseMatcher:
    """A PhraseMatcher on lower-cased words for word sequences (exclude phrases)."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("EXCLUDE", [Doc(vocab, words=list(phrase)) for phrase in phrases])
    return matcher


def blocked_tokens(sentence: Span, matches: list[tuple[int, int]]) -> set[int]:
    """Tokens of the sentence inside an exclude phrase that lies within it."""
    return {i for start, end in matches if sentence.start <= start and end <= sentence.end
            for i in range(start, end)}


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
                   index: TriggerIndex | None = None,
                   words: list[Word] | None = None) -> Iterator[Hit]:
    """Activity evidence in a sentence; tokens at or after ``limit`` (doc index), in
    ``excluded`` (words of exclude_phrases) and in ``unreal`` (planned or negated clauses)
    are ignored; a verb and a later object word
    with one of ``openers`` between them are not linked by nearness alone. Patterns of the
    types in ``found`` (evidence already seen; the caller may add to it while iterating)
    are not tried: a passage needs one piece of evidence per type. With the ``index`` of
    ``patterns``, only the patterns that a word of the sentence can set off are tried.
    ``words``: the sentence's ``Word``s, when the caller has them."""
    words = [Word.of(t) for t in sentence] if words is None else words
    blocked = set(excluded) | unreal
    end = sentence.end if limit is None else min(sentence.end, limit)
    tokens = [w for w in words if w.i < end and w.i not in blocked]
    # the patterns to try, in list order (a sentence sets off a few of the 200), each with
    # the words that set it off: only they can be its verb, noun or phrase start
    triggers = None if index is None else _triggers(tokens, index, len(patterns))
    by_index = barriers = has_deps = openings = None  # made when a first pattern is tried
    for k in range(len(patterns)) if triggers is None else sorted(triggers):
        pattern = patterns[k]
        if pattern.type in found or not pattern.applies_to(words):
            continue
        if by_index is None:
            has_deps = parsed(sentence)
            barriers = {w.i for w in words if w.lower_ in openers}
            by_index = {t.i: t for t in tokens}  # shared by the patterns that read all words
        if pattern.phrases_only:
            # most phrases share a first word with many others ('i samverkan', 'i
            # samarbete', ...): a pattern none of whose openings stands here is not tried
            openings = _openings(tokens, by_index) if openings is None else openings
            if openings.isdisjoint(pattern.phrases_by_opening):
                continue
        starts = tokens if triggers is None else triggers[k]
        if pattern.blocks:
            usable_by_index = {t.i: t for t in tokens if pattern.usable(t)}
            starts = [t for t in starts if pattern.usable(t)]
        else:
            usable_by_index = by_index
        # a pattern's own window is a hard limit; the default one yields to the parse
        hit = _match_pattern(pattern, starts, sentence, end, pattern.window or window,
                             has_deps and pattern.window is None, barriers, usable_by_index)
        if hit is not None:
            hit.pattern = k
            yield hit


def _triggers(tokens: list[Word], index: TriggerIndex, count: int) -> dict[int, list[Word]]:
    """Pattern number -> the words (in text order) that may set it off, by the index."""
    found: dict[int, list[Word]] = {}
    for token, patterns in zip(tokens, index.candidates_of(tokens)):
        for k in patterns:  # most words set off none
            if k < count:
                found.setdefault(k, []).append(token)
    return found


def _match_pattern(pattern: Pattern, tokens: list[Word], sentence: Span, end: int,
                   window: int, has_deps: bool, barriers: set[int],
                   by_index: dict[int, Word]) -> Hit | None:
    """The pattern's first hit whose verb, noun or phrase start is one of ``tokens`` (all the
    usable words, or those of them that set the pattern off); ``by_index``: every usable
    word by doc index, where objects and the rest of a phrase are looked up."""
    if pattern.verbs is not None and pattern.objects is not None:
        verbs = [t for t in tokens if t.is_alpha and pattern.verbs.match(t)
                 and not _in_a_name(t.token, sentence)]
        for verb in verbs:
            for obj in _object_candidates(verb, by_index, window, has_deps):
                if pattern.order == "verb_first" and obj.i < verb.i:
                    continue
                if pattern.order == "object_first" and obj.i > verb.i:
                    continue
                if not pattern.objects.match(obj):
                    continue  # most words near the verb: the cheap test first
                if has_deps and _is_agent(obj.token, verb.token):
                    continue  # "erbjuder biblioteket … hjälp": the library is the one who offers
                if _linked(verb.token, obj.token, window, has_deps, barriers):
                    return Hit(pattern.type, min(verb.i, obj.i), max(verb.i, obj.i) + 1)
        return None
    if pattern.verbs is not None:
        for token in tokens:
            if token.is_alpha and pattern.verbs.match(token) and not _nominalised(token.token) \
                    and not _in_a_name(token.token, sentence):
                hit = Hit(pattern.type, token.i, token.i + 1)
                if not _followed_by(hit, pattern.unless, sentence, window):
                    return hit
    if pattern.nouns is not None:
        for token in tokens:
            if pattern.nouns.match(token) and not _preceded_by(
                    token, pattern.not_after, sentence, pattern.not_after_window) and \
                    not _coordinated_with(token.token, pattern.not_with):
                return Hit(pattern.type, token.i, token.i + 1)
    if pattern.prefixes:  # most patterns have none: no walk over the words
        for token in tokens:
            if token.lower_.startswith(pattern.prefixes):
                return Hit(pattern.type, token.i, token.i + 1)
    if not pattern.phrases:
        return None
    starts = _phrase_starts(tokens, pattern.phrases_by_start)
    openings = _openings((w for words in starts.values() for w in words), by_index)
    for phrase in pattern.phrases_opening(openings):
        hit = _match_phrase(phrase, starts[phrase[0]], by_index, end, pattern.type)
        if hit is None or _followed_by(hit, pattern.unless, sentence, window) or \
                _before_phrase(hit, pattern.not_before, sentence) or _preceded_by(
                    sentence.doc[hit.start], pattern.not_after, sentence,
                    pattern.not_after_window):
            continue
        if pattern.followed_by is None or _followed_by(hit, pattern.followed_by, sentence, window):
            return hit
    return None


def _nominalised(token: Token) -> bool:
    """A participle used as a noun: after a determiner and heading no noun ("flera av de
    intervjuade beskriver": the people interviewed, no interviewing reported)."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].pos_ != "DET":
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


def _in_a_name(token: Token, sentence: Span) -> bool:
    """A verb or adjective written with a capital inside a sentence is a word of a name
    ("pengar från Stärkta bibliotek", "kampanjen All Digital Week"), not an act; after a
    colon, a dash, a bullet or a quote mark a capital may open a new clause."""
    if token.i == sentence.start or not token.is_title:
        return False
    before = token.doc[token.i - 1]
    return before.is_alpha or before.text == ","


def _preceded_by(token: Word, words: frozenset[str], sentence: Span, window: int = 3) -> bool:
    """One of ``words`` comes just before the noun ('enligt den senaste enkäten': a cited
    survey; 'vid badplatserna': a place named, not built)."""
    if not words:
        return False
    before = sentence.doc[max(sentence.start, token.i - window):token.i]
    return any(t.lower_ in words for t in before)


def _coordinated_with(token: Token, words: frozenset[str]) -> bool:
    """The noun is coordinated (by the parse) with one of ``words``: 'praktikplats eller
    vidareutbildning', 'krav på arbetslivserfarenhet och utbildning' name education as a
    person's status or next step beside work, not a course given."""
    if not words or not token.dep_:
        return False
    first = token.head if token.dep_ == "conj" else token
    items = [first, *(c for c in first.children if c.dep_ == "conj")]
    return any(t.i != token.i and (t.lower_ in words or t.lemma_.lower() in words)
               for t in items)


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
        if token.is_punct or (token.pos_ in PHRASE_ENDERS and not _premodifier(token)):
            return False
    return False


def _premodifier(token: Token) -> bool:
    """A noun that stands before the head of its phrase: a round number ("ett tjugotal
    föreningar") or the first part of a coordinated compound ("Park- och
    naturförvaltningen")."""
    if token.text.endswith("-"):
        return True
    return token.lower_.endswith("tal") and token.i > 0 and token.doc[token.i - 1].lower_ == "ett"


def _before_phrase(hit: Hit, words: frozenset[str], sentence: Span) -> bool:
    """The word right after the phrase is one of ``words`` and opens a noun phrase, not an
    'att' clause ("får stöd från Internetstiftelsen", "får stöd för sina projekt": money
    received from a funder or for a project, while "får stöd för att klara skolan" is
    support)."""
    if not words or hit.end >= sentence.end or sentence.doc[hit.end].lower_ not in words:
        return False
    return hit.end + 1 >= sentence.end or sentence.doc[hit.end + 1].lower_ != "att"


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


def _phrase_starts(tokens: list[Word], first_words: AbstractSet[str]) -> dict[str, list[Word]]:
    """The words that are one of ``first_words``, by lower-cased form, in text order."""
    table: dict[str, list[Word]] = {}
    for token in tokens:
        if token.lower_ in first_words:
            table.setdefault(token.lower_, []).append(token)
    return table


def _openings(words: Iterable[Word], by_index: dict[int, Word]) -> set[tuple[str, ...]]:
    """Where a phrase may start among ``words``: each one's form alone and with the next
    usable word's form (``Pattern.phrases_by_opening``' keys)."""
    found: set[tuple[str, ...]] = set()
    for word in words:
        found.add((word.lower_,))
        following = by_index.get(word.i + 1)
        if following is not None:
            found.add((word.lower_, following.lower_))
    return found


def _match_phrase(phrase: tuple[str, ...], starts: list[Word], by_index: dict[int, Word],
                  end: int, type_: str) -> Hit | None:
    """The phrase's words in a row from one of ``starts`` (words whose form is the phrase's
    first word, in text order) on; ``by_index``: the usable words by doc index."""
    n = len(phrase)
    for token in starts:
        i = token.i
        if i + n > end:
            continue
        for k in range(1, n):
            word = by_index.get(i + k)
            if word is None or word.lower_ != phrase[k]:
                break
        else:
            return Hit(type_, i, i + n)
    return None


class ActivityRecognizer:
    """Activity records and outcome sentences of a Doc (run by ``ActivitiesComponent``)."""

    def __init__(self, resources: Resources | None = None) -> None:
        resources = resources or bundled(*DATA_FILES)
        self.patterns, self.window, self.excludes, self.scope = load_patterns(resources)
        self.index = trigger_index(resources)
        self.outcomes = OutcomeRules.of(resources)
        self._matcher: tuple[Vocab, PhraseMatcher] | None = None  # for one vocab at a time
        # a hit filter: the candidates it keeps (None: every rule hit counts)
        self.keep: Callable[[Doc, list[Candidate]], list[Candidate]] | None = None

    def exclude_matches(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) of every exclude phrase in the doc (the matcher is made for the
        doc's vocab: a pipeline's component makes it once)."""
        if self._matcher is None or self._matcher[0] is not doc.vocab:
            self._matcher = (doc.vocab, phrase_matcher(doc.vocab, self.excludes))
        return [(start, end) for _, start, end in self._matcher[1](doc)]

    def candidates(self, doc: Doc, first_only: bool = False, text: str | None = None
                   ) -> tuple[list[Candidate], list[str]]:
        """Every rule hit of the doc (one per pattern and sentence) in text order, and the
        outcome sentences; ``first_only``: a type once found is not looked for in later
        sentences (enough when no filter judges the hits; ``__call__`` keeps the first).
        ``text``: ``doc.text``, when the caller has it."""
        found: list[Candidate] = []
        outcomes: list[str] = []
        seen: set[str] = set()
        numbers = doc._.numbers  # records are rebuilt on each read: read once
        if numbers is None:
            numbers = list(extract_numbers(doc))
        excludes = self.exclude_matches(doc)
        words = Word.all_of(doc)  # read once, shared by the steps below
        doc_text = doc.text if text is None else text
        for n, sentence in enumerate(sentences(doc)):
            sentence_words = words[sentence.start:sentence.end]
            text = _text(doc_text, sentence)
            lowered = text.lower()
            cuts = [plan_start(sentence, self.outcomes, lowered)]
            outcome = is_outcome(sentence, numbers, self.outcomes, lowered)
            if outcome:
                outcomes.append(text.strip())
                cuts.append(effect_start(sentence, self.outcomes, lowered))
            offsets = [c for c in cuts if c is not None]
            limit = _token_at(sentence, min(offsets)) if offsets else None
            excluded = blocked_tokens(sentence, excludes)  # words of exclude_phrases
            unreal = unreal_tokens(sentence, self.scope, excluded, sentence_words)
            listed: dict[int, set[int]] = {}  # the sentence's enumerated nouns, read on demand
            for hit in match_sentence(sentence, self.patterns, self.window, excluded=excluded,
                                      limit=limit, unreal=unreal,
                                      openers=self.scope.clause_opener,
                                      found=seen if first_only else frozenset(),
                                      index=self.index, words=sentence_words):
                if self.scope.subject_matter.covers(hit.type, sentence, hit.start):
                    continue  # "hjälp med digitala tjänster": what the help is about
                if self._listed(hit, sentence, listed):
                    continue  # "gator, gatubelysning, gång- och cykelbanor": an inventory
                if first_only:
                    seen.add(hit.type)
                found.append(Candidate(hit, sentence, n, outcome))
        return found, outcomes

    def _listed(self, hit: Hit, sentence: Span, listed: dict[int, set[int]]) -> bool:
        """A hit of a noun pattern (a word alone, no verb) on a noun in a long enumeration:
        an item named in an inventory or a menu, not an activity reported (``listed``
        caches the sentence's enumerated nouns)."""
        pattern = self.patterns[hit.pattern]
        if pattern.nouns is None and not pattern.prefixes or pattern.verbs is not None:
            return False
        if sentence.start not in listed:
            listed[sentence.start] = enumerated(sentence, self.scope.list_items)
        return hit.start in listed[sentence.start]

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        candidates, outcomes = self.candidates(doc, first_only=self.keep is None, text=text)
        if self.keep is not None:
            candidates = self.keep(doc, candidates)
        first = {}  # type -> its first candidate, in text order
        for candidate in candidates:
            first.setdefault(candidate.hit.type, candidate)
        doc._.activities = [Activity(type=c.hit.type, sentence=_text(text, c.sentence).strip(),
                                     evidence=doc[c.hit.start:c.hit.end].text)
                            for c in first.values()]
        doc._.outcomes = outcomes
        return doc


def _token_at(sentence: Span, char_offset: int) -> int:
    """Doc index of the first token at or after ``char_offset`` in the sentence text."""
    absolute = sentence.start_char + char_offset
    for token in sentence:
        if token.idx >= absolute:
            return token.i
    return sentence.end


def _text(doc_text: str, span: Span) -> str:
    """``span.text``, cut from the Doc's text (a Span joins its tokens' texts on every
    access: a Token object and a string per word)."""
    return doc_text[span.start_char:span.end_char]
