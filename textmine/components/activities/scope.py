"""Clause scope: words in a planned, negated or lacking clause ("ska starta", "planerar
att", "har inte anställt", "saknar") are no evidence of an activity. Decided by the
dependency parse when the pipeline has one, by word position otherwise.

Two frames that real text uses for activities it does not report are read from the parse
only: a possibility given as an example ("det kan vara att ordna en konsert", "kommuner kan
söka medel för exempelvis en förstudie") and what a grant is for ("fick pengar för att
öppna ...": a grant only received is no activity, GUIDELINES "Decisions for real text").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Sequence

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from textmine.components.activities.patterns import Word

NEED_DEPENDENTS = ("obj", "nsubj", "obl", "iobj", "xcomp")  # what a need verb says is lacking
Indices = set[int] | frozenset[int]  # doc indices of tokens


def parsed(sentence: Span) -> bool:
    """A parser ran (checked on the sentence: ``Doc.has_annotation`` scans the whole doc)."""
    return any(t.dep_ for t in sentence)


@dataclass(frozen=True)
class SubjectMatter:
    """What help or teaching is about ("hjälp med digitala tjänster", "undervisning i
    digitala betalmetoder") is the subject of a course or of support, not a service of
    the listed ``types`` (GUIDELINES "Decisions for real text": help with digital tools is
    support, courses are training)."""

    types: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()  # hjälp, undervisning: by lemma or form
    cue_prefixes: tuple[str, ...] = ()  # studiecirk: compounds and inflected forms
    links: tuple[tuple[str, ...], ...] = ()  # med, i, till med: what joins cue and matter
    window: int = 6  # the cue stands at most this many words before the hit

    @classmethod
    def from_dict(cls, data: dict) -> "SubjectMatter":
        return cls(frozenset(data.get("types", ())),
                   frozenset(w.lower() for w in data.get("cues", ())),
                   tuple(w.lower() for w in data.get("cue_prefixes", ())),
                   tuple(tuple(w.lower().split()) for w in data.get("links", ())),
                   int(data.get("window", 6)))

    def covers(self, type_: str, sentence: Span, start: int) -> bool:
        """A hit of ``type_`` starting at doc index ``start`` follows a cue and its link."""
        if type_ not in self.types:
            return False
        before = sentence.doc[max(sentence.start, start - self.window):start]
        for k, token in enumerate(before):
            if self._cue(token) and self._linked(before[k + 1:]):
                return True
        return False

    def _cue(self, token: Token) -> bool:
        word = token.lower_
        return word in self.cues or token.lemma_.lower() in self.cues or \
            word.startswith(self.cue_prefixes)

    def _linked(self, after: Span) -> bool:
        words = [t.lower_ for t in after]
        return any(tuple(words[:len(link)]) == link for link in self.links)


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
    possibility: frozenset[str] = frozenset()  # kan: with an example word or 'det ... vara'
    example: frozenset[str] = frozenset()  # exempel, exempelvis: what follows is an instance
    frame_verb: frozenset[str] = frozenset()  # vara, handla, bli: 'det kan handla om ...'
    expletive: frozenset[str] = frozenset()  # det: the subject of such a frame
    grant: frozenset[str] = frozenset()  # medel, statsbidrag: a purpose after one is intended
    purpose: frozenset[str] = frozenset()  # för (att): the word that opens a purpose clause
    quote_marks: frozenset[str] = frozenset()  # ” “ ": a short quoted span is a title or name
    quoted_title_words: int = 0  # at most this many words between the marks (0: none read)
    trend: frozenset[str] = frozenset()  # alltmer: the word after it describes a trend
    instead: frozenset[str] = frozenset()  # i stället för: what follows was not done
    instead_words: int = 4  # without a parse, the words after an 'instead' phrase it covers
    existential: frozenset[str] = frozenset()  # finnas: 'det finns 59 lekplatser' is a stock
    future: frozenset[str] = frozenset()  # kommer (att): what it governs is yet to come
    list_items: int = 0  # a noun among this many coordinated nouns is an inventory (0: off)
    subject_matter: SubjectMatter = SubjectMatter()

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """Every word that can make a clause unreal under the parse (by form or lemma)."""
        return self.modal | self.intent | self.negation | self.need | self.no_determiner | \
            self.possibility | self.grant | self.future | self.existential

    @cached_property
    def trend_words(self) -> frozenset[str]:
        """Every word of a trend phrase: a sentence without one has no trend to read."""
        return frozenset(word for phrase in self.trend for word in phrase.split())

    @cached_property
    def instead_phrases(self) -> tuple[tuple[str, ...], ...]:
        """The 'instead' phrases as word tuples ("i stället för")."""
        return tuple(tuple(phrase.split()) for phrase in sorted(self.instead))

    @classmethod
    def from_dict(cls, data: dict) -> "Scope":
        words = {k: frozenset(w.lower() for w in data.get(k, ()))
                 for k in ("modal", "intent", "negation", "no_determiner", "need", "clause_opener",
                           "subordinator", "possibility", "example", "frame_verb", "expletive",
                           "grant", "purpose", "quote_marks", "trend", "instead",
                           "existential", "future")}
        return cls(**words, main_clause_words=int(data.get("main_clause_words", 6)),
                   list_items=int(data.get("list_items", 0)),
                   quoted_title_words=int(data.get("quoted_title_words", 0)),
                   instead_words=int(data.get("instead_words", 4)),
                   subject_matter=SubjectMatter.from_dict(data.get("subject_matter", {})))


def unreal_tokens(sentence: Span, scope: Scope, fixed: Indices = frozenset(),
                  words: "Sequence[Word] | None" = None) -> set[int]:
    """Doc indices of words in planned, negated or lacking clauses ('ska starta', 'har inte
    anställt', 'saknar e-tjänster'): by the parse when there is one, else by position.
    Words in ``fixed`` (fixed expressions: 'det vill säga') are no scope words.
    ``words``: the sentence's ``Word``s, when the caller has them (spares reading every
    token again: only those whose form or lemma is a scope word are looked at)."""
    told = _not_reported(sentence, scope, words)
    if parsed(sentence):
        cues = _cue_tokens(sentence, scope, words)
        return told | _unreal_by_parse(sentence, cues, scope, fixed) | _counted_stock(cues, scope)
    return told | _unreal_by_position(sentence, scope, fixed)


def _cue_tokens(sentence: Span, scope: Scope, words: "Sequence[Word] | None") -> list[Token]:
    """The sentence's tokens whose form or lemma is a scope word (``Scope.cue_words``): a
    token that is none changes nothing under the parse. Every token without ``words``."""
    if words is None:
        return list(sentence)
    cues = scope.cue_words
    return [w.token for w in words if w.lower_ in cues or w.lemma_.lower() in cues]


def _not_reported(sentence: Span, scope: Scope,
                  words: "Sequence[Word] | None" = None) -> set[int]:
    """Words that name or describe rather than report, with or without a parse: every word
    of a question ("Hur många lekplatser har vi?"), a short quoted title ("pengar från
    ”Stärkta bibliotek”"), the word after a trend word ("alltmer digitaliserad") and what an
    'instead' phrase names. Each test runs only where its words are in the sentence."""
    items: Sequence[Word | Token] = list(sentence) if words is None else words
    if _asks(items):
        return set(range(sentence.start, sentence.end))
    lowered = [w.lower_ for w in items]
    present = set(lowered)
    found: set[int] = set()
    if not scope.quote_marks.isdisjoint(present):
        found |= _quoted_titles(items, scope)
    if not scope.trend_words.isdisjoint(present):
        found |= _after_trend(items, lowered, scope)
    for phrase in scope.instead_phrases:
        if present.issuperset(phrase):
            found |= _replaced(sentence, items, lowered, phrase, scope.instead_words)
    return found


def _asks(items: "Sequence[Word | Token]") -> bool:
    """The sentence's last visible word ends with a question mark."""
    last = next((w.text for w in reversed(items) if not w.text.isspace()), "")
    return last.endswith("?")


def _replaced(sentence: Span, items: "Sequence[Word | Token]", lowered: list[str],
              phrase: tuple[str, ...], limit: int) -> set[int]:
    """What an 'instead' phrase names ("tillsyn via kamera i stället för hembesök"): the
    thing replaced, not done. By the parse the phrase of the word that its last word marks;
    without one at most ``limit`` words after it, up to a punctuation mark."""
    found: set[int] = set()
    n = len(phrase)
    has_parse = parsed(sentence)
    for k in range(len(items) - n):
        if tuple(lowered[k:k + n]) != phrase:
            continue
        marker = sentence.doc[items[k + n - 1].i]
        if has_parse and marker.head.i > marker.i:
            found.update(t.i for t in marker.head.subtree if t.i > marker.i)
            continue
        for word in items[k + n:k + n + limit]:
            if sentence.doc[word.i].is_punct:
                break
            found.add(word.i)
    return found


def _quoted_titles(items: "Sequence[Word | Token]", scope: Scope) -> set[int]:
    """Words between two quote marks at most ``quoted_title_words`` words apart: the name
    of a project, report or campaign, not what the text reports was done (longer quotes,
    someone's words, are left to the other tests)."""
    marks = [w.i for w in items if w.text in scope.quote_marks]
    found: set[int] = set()
    for opening, closing in zip(marks[::2], marks[1::2]):
        if closing - opening - 1 <= scope.quoted_title_words:
            found.update(range(opening + 1, closing))
    return found


def _after_trend(items: "Sequence[Word | Token]", lowered: list[str], scope: Scope) -> set[int]:
    """The word right after a trend word of one or two words ("alltmer digitaliserat",
    "allt mer digitala"): a development described, not an act."""
    found: set[int] = set()
    for k in range(len(items) - 1):
        if f"{lowered[k]} {lowered[k + 1]}" in scope.trend and k + 2 < len(items):
            found.add(items[k + 2].i)
        elif lowered[k] in scope.trend:
            found.add(items[k + 1].i)
    return found


def _unreal_by_parse(sentence: Span, tokens: list[Token], scope: Scope,
                     fixed: Indices) -> set[int]:
    """What the sentence's cue ``tokens`` (``_cue_tokens``) put out of the report by the parse."""
    blocked: set[int] = set()
    for token in tokens:
        if token.i in fixed:
            continue
        word = token.lower_
        # a modal or future auxiliary ("ska starta", "kommer att utvecklas": GUIDELINES reads
        # "kommer att" as a plan) marks its verb's clause
        if token.dep_.startswith("aux") and (word in scope.modal or token.lemma_.lower() in scope.modal
                                             or word in scope.future):
            clause = token.head
            if clause.dep_ == "acl:relcl" and not _passive(clause):
                continue  # "en coach som ska stötta unga", "polisen, som kommer att delta":
                # a role's task ("som ska rekryteras", passive: yet to be recruited, a plan)
        elif word in scope.future or (token.lemma_.lower() in scope.intent
                                      and token.pos_ in ("VERB", "AUX")):
            # "planerar att starta …", "kommer ... kunna få hjälp": what the verb governs
            blocked |= _governed(token)
            continue
        elif word in scope.negation and token.dep_ in ("advmod", "neg"):
            clause = token.head
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
        elif word in scope.possibility and token.dep_.startswith("aux"):
            blocked |= _possible_example(token.head, scope)
            continue
        elif token.lemma_.lower() in scope.grant or word in scope.grant:
            blocked |= _grant_purposes(token, sentence, scope)
            continue
        else:
            continue
        blocked |= _clause(clause)
    return blocked


def _governed(verb: Token) -> set[int]:
    """The clauses a verb governs as its infinitive or clausal complement."""
    return {i for child in verb.children if child.dep_ in ("xcomp", "ccomp") for i in _clause(child)}


def _counted_stock(tokens: list[Token], scope: Scope) -> set[int]:
    """A noun with a number that an existential verb among the cue ``tokens`` governs ("det
    finns 59 lekplatser", "finns två fältassistenter anställda") counts what exists, a stock,
    not what was done: the noun and its phrase."""
    found: set[int] = set()
    for verb in tokens:
        if verb.lower_ not in scope.existential and verb.lemma_.lower() not in scope.existential:
            continue
        for noun in verb.children:
            if noun.pos_ in ("NOUN", "PROPN") and \
                    any(child.dep_ == "nummod" for child in noun.children):
                found.update(t.i for t in noun.subtree)
    return found


def enumerated(sentence: Span, min_items: int) -> set[int]:
    """Doc indices of the nouns in an enumeration of at least ``min_items`` coordinated
    nouns ("gator, gatubelysning, gång- och cykelbanor"; "friidrott, yoga, föreläsningar
    och boule"): items named in an inventory or a menu. By the parse only (none: empty)."""
    if min_items < 2 or not parsed(sentence):
        return set()
    found: set[int] = set()
    for head in sentence:  # the first item heads the others (the tagger may miss its noun)
        if head.dep_ == "conj":
            continue
        items = [head, *(c for c in head.children
                         if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))]
        if len(items) >= min_items:
            found.update(t.i for t in items)
    return found


def _passive(verb: Token) -> bool:
    """A passive verb ("rekryteras", "byggas"): its noun is what is to be done, not who."""
    return "Pass" in verb.morph.get("Voice") or \
        any(c.dep_ == "nsubj:pass" for c in verb.children)


def _possible_example(clause: Token, scope: Scope) -> set[int]:
    """A clause with 'kan' that gives an example ("kan vi till exempel utöka öppettiderna")
    or says what something may be ("det kan handla om klotter"): a possibility, no report."""
    words = {t.i for t in clause.subtree}  # all of it: the example's own clauses too
    doc = clause.doc
    if any(doc[i].lower_ in scope.example for i in words):
        return words
    frame = any(w.lower_ in scope.frame_verb or w.lemma_.lower() in scope.frame_verb
                for w in [clause, *(c for c in clause.children if c.dep_ in ("aux", "cop"))])
    if frame and any(c.dep_.startswith(("nsubj", "expl")) and c.lower_ in scope.expletive
                     for c in clause.children):
        return words
    return set()


def _grant_purposes(grant: Token, sentence: Span, scope: Scope) -> set[int]:
    """Purpose clauses ("för att öppna ...") after a grant word in the sentence: what the
    money is for, not what was done."""
    blocked: set[int] = set()
    for verb in sentence[grant.i - sentence.start + 1:]:
        marks = [c for c in verb.children if c.dep_ in ("mark", "case") and c.i < verb.i]
        if any(c.lower_ == "att" for c in marks) and any(c.lower_ in scope.purpose for c in marks):
            blocked |= _clause(verb)
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
            if child.dep_ == "ccomp" and _own_subject_and_auxiliary(child):
                continue  # "... vill driva ett företag kan få rådgivning": its own clause
            if _own_predicate(child):
                continue  # "Huset är en samlingspunkt" hung under a later "ska": its own
            stack.append(child)
    return found


def _own_predicate(token: Token) -> bool:
    """A predicate noun or adjective with a copula and a subject of its own states a fact
    of its own, whatever the parser hung it under."""
    deps = {c.dep_.split(":")[0] for c in token.children}
    return "cop" in deps and "nsubj" in deps


def _own_subject_and_auxiliary(verb: Token) -> bool:
    """A clause with a subject and an auxiliary of its own, not introduced as a complement
    ("att de kan ..."), states its own modality: a main clause the parse hung under another
    (the parser's "... vill driva ett företag | kan dessutom få rådgivning")."""
    deps = {c.dep_.split(":")[0] for c in verb.children}
    return "nsubj" in deps and "aux" in deps and "mark" not in deps


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
