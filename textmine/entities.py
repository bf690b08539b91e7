"""Entities of SPEC.md: municipalities, organisations, places, projects, events, people,
roles and target groups.

Rules come first because they are exact and explainable: the municipality gazetteer
(``textmine.municipalities``), an ORG gazetteer (agencies, regions, county boards and
common forms), lemma lexicons for ROLE and TARGET_GROUP that also match unseen compounds
by their last part, and cues for PROJECT/EVENT names. The statistical NER (``doc.ents``),
when the pipeline has one, adds the names no list holds. Spans never overlap: the longest
rule span wins, lexicon words come next and NER spans fill the gaps.

Every list and cue lives in ``textmine/data/`` (roles.txt, target_groups.txt,
tg_modifiers.txt, locations.txt, orgs.json, cues.json).
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

import regex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from textmine.municipalities import default_gazetteer
from textmine.records import Entity


if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)
if not Doc.has_extension("target_groups"):
    Doc.set_extension("target_groups", default=None)
if not Doc.has_extension("context_municipality"):
    Doc.set_extension("context_municipality", default=None)

MIN_COMPOUND_PREFIX = 3  # "it-" or "ung" and longer: shorter prefixes make false heads
CACHE_LIMIT = 100_000


# --------------------------------------------------------------------------- data

def read_data_text(name: str) -> str:
    """Text of a package data file (works from a clone and from a wheel)."""
    return resources.files("textmine.data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def read_json(name: str) -> dict:
    return json.loads(read_data_text(name))


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    lines = []
    for line in read_data_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def inflections(lemma: str) -> set[str]:
    """Regular Swedish noun forms of ``lemma`` (over-generation is harmless here)."""
    forms = {lemma}
    if lemma.endswith("are") or lemma.endswith("ande") or lemma.endswith("ende"):
        forms |= {lemma + "n", lemma[:-1] + "na"}
    elif lemma.endswith("e"):
        forms |= {lemma + "n", lemma + "r", lemma + "rna", lemma + "t", lemma + "na"}
    elif lemma.endswith("a"):
        stem = lemma[:-1]
        forms |= {lemma + "n", stem + "or", stem + "orna", stem + "ar", stem + "arna"}
    else:
        forms |= {lemma + suffix for suffix in ("en", "er", "erna", "ar", "arna", "et", "na")}
    forms |= {form + "s" for form in list(forms) if not form.endswith("s")}
    return forms


@dataclass
class LexiconMatch:
    """A lexicon hit on one token: the lexicon lemma and the compound prefix before it."""

    lemma: str
    prefix: str

    @property
    def canonical(self) -> str:
        return (self.prefix + self.lemma).lower()


def entry_forms(lemma: str, extra: Iterable[str], inflect: bool = True) -> set[str]:
    """Forms of a lexicon entry: the lemma, its listed irregular forms, the regular ones
    (unless ``inflect`` is false) and the genitives of all."""
    forms = set(extra) | {lemma}
    if inflect:
        forms |= inflections(lemma)
    return forms | {form + "s" for form in forms if not form.endswith("s")}


@lru_cache(maxsize=None)
def false_heads() -> dict[str, str]:
    """Words that end in a lexicon word without being its compound (lägenhet, konkurs):
    form -> lemma, from false_heads.txt."""
    table: dict[str, str] = {}
    for line in read_lines("false_heads.txt"):
        lemma, *extra = line.lower().split()
        for form in entry_forms(lemma, extra):
            table.setdefault(form, lemma)
    return table


@dataclass
class Lexicon:
    """Lemma lexicon that matches inflected forms and compounds by their last part."""

    forms: dict[str, str] = field(default_factory=dict)  # form -> lemma
    whole_only: set[str] = field(default_factory=set)  # forms that may not be compound heads
    head_only: set[str] = field(default_factory=set)  # forms that count only in compounds
    # words whose last part is no compound head (lägenhet: no "enhet"), form -> lemma
    false: dict[str, str] = field(default_factory=false_heads)
    _cache: dict[str, LexiconMatch | None] = field(default_factory=dict, repr=False)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> "Lexicon":
        """Entries "lemma [forms…]"; "=lemma" whole words only, "~lemma" compound heads only,
        "-form …" forms that are other words (värden: values, not hosts)."""
        lexicon = cls()
        excluded: set[str] = set()
        for line in lines:
            if line.startswith("-"):
                excluded.update(line[1:].lower().split())
                continue
            whole, head = line.startswith("="), line.startswith("~")
            lemma, *extra = line.lstrip("=~").lower().split()
            for form in entry_forms(lemma, extra, inflect=not whole):
                lexicon.forms.setdefault(form, lemma)
                if whole:
                    lexicon.whole_only.add(form)
                if head:
                    lexicon.head_only.add(form)
        for form in excluded:
            lexicon.forms.pop(form, None)
        return lexicon

    def match_word(self, word: str) -> LexiconMatch | None:
        """Longest lexicon form that is ``word`` or its compound head (memoised: the
        same words recur in every passage)."""
        word = word.lower()
        if word not in self._cache:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = self._match_word(word)
        return self._cache[word]

    def _match_word(self, word: str) -> LexiconMatch | None:
        if word in self.forms and word not in self.head_only:
            return LexiconMatch(self.forms[word], "")
        for i in range(len(word) - 2):
            head, prefix = word[i:], word[:i]
            lemma = self.forms.get(head)
            if lemma is not None and head not in self.whole_only \
                    and (len(prefix) >= MIN_COMPOUND_PREFIX or prefix.endswith("-")) \
                    and self.false.get(head, lemma) == lemma:
                return LexiconMatch(lemma, prefix)
            if head in self.false:
                return None  # the word ends in a longer word that is no compound of ours
        return None

    def match(self, token: Token) -> LexiconMatch | None:
        """Match a token by its form, else by its lemma when a lemmatizer set one."""
        if not token.is_alpha and "-" not in token.text:
            return None
        found = self.match_word(token.text)
        lemma = token.lemma_.lower() if token.lemma_ else ""
        if found is None and lemma and lemma != token.lower_ and lemma in self.forms \
                and lemma not in self.head_only and lemma not in self.whole_only:
            # the lemma helps with irregular forms, but only as a whole word: a statistical
            # lemma of an unknown word (likvärda -> likvärd) is no compound evidence, and
            # "=" entries list their exact forms (råd, not rådet)
            found = LexiconMatch(self.forms[lemma], "")
        return found


@lru_cache(maxsize=None)
def role_lexicon() -> Lexicon:
    return Lexicon.from_lines(read_lines("roles.txt"))


@lru_cache(maxsize=None)
def target_group_lexicon() -> Lexicon:
    return Lexicon.from_lines(read_lines("target_groups.txt"))


@lru_cache(maxsize=None)
def target_group_modifiers() -> frozenset[str]:
    return frozenset(line.lower() for line in read_lines("tg_modifiers.txt"))


@lru_cache(maxsize=None)
def org_names() -> tuple[list[str], list[str]]:
    """(names matched in any case with a capitalised first letter, names in any case)."""
    config = read_json("orgs.json")
    capitalised: list[str] = list(config["names"])
    rows = csv.DictReader(read_data_text("myndigheter.csv").splitlines())
    for row in rows:
        capitalised.extend(n for n in (row["name"], row.get("esv_name", "")) if n)
    for row in csv.DictReader(read_data_text("regioner.csv").splitlines()):
        capitalised.extend([row["region_name"], row["lansstyrelse_name"]])
    return capitalised, list(config["names_any_case"])


@lru_cache(maxsize=None)
def org_abbreviations() -> list[str]:
    """Case-sensitive short forms: the reviewed abbreviation column plus 'exact'."""
    config = read_json("orgs.json")
    stop = set(config["abbreviation_stop"])
    allow_short = set(config["abbreviation_allow_short"])
    found = set(config["exact"])
    for row in csv.DictReader(read_data_text("myndigheter.csv").splitlines()):
        abbr = row["abbreviation"].strip()
        if abbr and abbr not in stop and (len(abbr) >= 3 or abbr in allow_short):
            found.add(abbr)
    return sorted(found)


@lru_cache(maxsize=None)
def location_names() -> list[str]:
    names = read_lines("locations.txt")
    for row in csv.DictReader(read_data_text("regioner.csv").splitlines()):
        names.append(row["county_name"])
    return names


# --------------------------------------------------------------------------- candidates

@dataclass
class Candidate:
    """A proposed entity span (character offsets in doc.text) before overlaps are resolved."""

    rank: int  # RULE < LEXICON < NER < WEAK: the lower rank is placed first
    start: int
    end: int
    label: str
    code: str | None = None
    first_token: int | None = None  # token range, when the span came from tokens
    last_token: int | None = None


def _tokens(doc: Doc, rank: int, start: int, end: int, label: str,
            code: str | None = None) -> Candidate:
    """Candidate for the token range ``doc[start:end]``."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    span = doc[start:end]
    return Candidate(rank, span.start_char, span.end_char, label, code, start, end)


RULE, LEXICON, NER, WEAK = 0, 1, 2, 3


def _genitive_variants(name: str) -> list[str]:
    return [name] if name.endswith("s") else [name, name + "s"]


class EntityRecognizer:
    """The ``textmine_entities`` component: rule, lexicon and NER entities of a Doc."""

    def __init__(self, nlp: Language, name: str = "textmine_entities") -> None:
        self.name = name
        self.cues = read_json("cues.json")
        self.roles = role_lexicon()
        self.groups = target_group_lexicon()
        self.modifiers = target_group_modifiers()
        self.not_org = {w.lower() for w in read_json("orgs.json")["not_org"]}
        self.not_names = set(self.cues["not_names"])
        # word lists asked about every token: sets, built once
        self.connectors = frozenset(self.cues["name_connectors"])
        self.continue_pos = frozenset(self.cues["name_continue_pos"])
        self.loc_prepositions = frozenset(self.cues["loc_prepositions"])
        self.name_stop = frozenset(self.cues["name_stop"])
        self.project_cues = Lexicon.from_lines(self.cues["project_cue_heads"])
        self.event_cues = Lexicon.from_lines(self.cues["event_cue_heads"])
        self.event_heads = Lexicon.from_lines(self.cues["event_heads"])
        self.org_cues = Lexicon.from_lines(self.cues["org_cue_heads"])
        self.loc_cues = Lexicon.from_lines(self.cues["loc_cue_heads"])
        self.org_titles = Lexicon.from_lines(read_json("orgs.json")["org_title_heads"])
        self._build_matchers(nlp)
        self.gazetteer = default_gazetteer()

    def _build_matchers(self, nlp: Language) -> None:
        make_doc = _pattern_maker(nlp)
        capitalised, any_case = org_names()
        self.org_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.org_lower.add("ORG_CAP", [make_doc(v) for n in capitalised
                                       for v in _genitive_variants(n)])
        self.org_lower.add("ORG_ANY", [make_doc(v) for n in any_case
                                       for v in _genitive_variants(n)])
        # abbreviations by regex on the text: "SCB:s" -> SCB, but not "ESF-projektet"
        alternation = "|".join(regex.escape(a) for a in sorted(org_abbreviations(), key=len,
                                                               reverse=True))
        self.abbreviations = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}-])(?:{alternation})(?![\p{{L}}\p{{N}}]|-\p{{L}})")
        self.loc_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.loc_exact.add("LOC", [make_doc(v) for n in location_names()
                                   for v in _genitive_variants(n)])

    def __call__(self, doc: Doc) -> Doc:
        candidates = promote_names(list(self.candidates(doc)))
        chosen = resolve(candidates)
        again = list(self._repeated_names(doc, chosen))
        if again:
            chosen = resolve(chosen + again)
        text = doc.text
        entities = [self._to_entity(text, c) for c in chosen]
        doc._.entities = [e for e in entities if e is not None]
        doc._.target_groups = list(self._target_groups(doc, chosen))
        return doc

    # ---- candidate generators
    def candidates(self, doc: Doc) -> Iterator[Candidate]:
        yield from self._municipalities(doc)
        yield from self._orgs(doc)
        yield from self._locations(doc)
        yield from self._place_names(doc)
        yield from self._cued_names(doc)
        yield from self._quoted_names(doc)
        yield from self._suffix_projects(doc)
        yield from self._headed_orgs(doc)
        yield from self._acronym_projects(doc)
        yield from self._titled_orgs(doc)
        yield from self._people(doc)
        yield from self._named_events(doc)
        yield from self._lexicon(doc)
        yield from self._ner(doc)

    def _municipalities(self, doc: Doc) -> Iterator[Candidate]:
        for mention in self.gazetteer.find(doc.text, current=doc._.context_municipality):
            yield Candidate(RULE, mention.start, mention.end, "MUNICIPALITY",
                            mention.municipality.code)

    def _orgs(self, doc: Doc) -> Iterator[Candidate]:
        cap_id = doc.vocab.strings["ORG_CAP"]
        for match_id, start, end in self.org_lower(doc):
            if match_id == cap_id and not doc[start].text[:1].isupper():
                continue
            yield _tokens(doc, RULE, start, end, "ORG")
        for match in self.abbreviations.finditer(doc.text):
            yield Candidate(RULE, match.start(), match.end(), "ORG")

    def _locations(self, doc: Doc) -> Iterator[Candidate]:
        for _, start, end in self.loc_exact(doc):
            yield _tokens(doc, RULE, start, end, "LOC")
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if (prev.lower_ in self.loc_prepositions and _is_capitalised(token) and not _starts_sentence(doc, token.i)
                    and not token.text.isupper() and token.text not in self.name_stop
                    and token.text not in self.not_names):
                end = token.i + 1
                while end < len(doc) and _is_capitalised(doc[end]):
                    end += 1
                yield _tokens(doc, WEAK, token.i, end, "LOC")

    def _place_names(self, doc: Doc) -> Iterator[Candidate]:
        """Vingåkersbygden, Timmertjärn: a capitalised word ending like a place name."""
        suffixes = tuple(self.cues["place_suffixes"])
        for token in doc:
            if (token.is_alpha and _is_capitalised(token) and not token.text.isupper()
                    and not _starts_sentence(doc, token.i)
                    and _compound_of(token.lower_, suffixes)):
                yield _tokens(doc, WEAK, token.i, token.i + 1, "LOC")

    def _cued_names(self, doc: Doc) -> Iterator[Candidate]:
        for token in doc[:-1]:
            if not token.is_alpha:
                continue
            label = None
            start = None
            if self.org_cues.match_word(token.text):
                label = "ORG"
            elif self.loc_cues.match_word(token.text):
                label = "LOC"
                if _is_capitalised(token):
                    start = token.i  # "Ungdomshuset Stinsen": the title is part of the name
            elif self.event_cues.match_word(token.text):
                label = "EVENT"
            elif self.project_cues.match_word(token.text):
                label = "PROJECT"
            if label is None:
                continue
            span = self._name_after(doc, token.i + 1)
            if span is not None:
                first = span[0] if start is None else start
                yield _tokens(doc, RULE, first, span[1], label)

    def _name_after(self, doc: Doc, i: int) -> tuple[int, int] | None:
        """Token span of a name starting at ``i``: quoted, (UPPER) or capitalised words."""
        if i >= len(doc):
            return None
        if doc[i].text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
            if doc[i + 1].text.isupper() and len(doc[i + 1].text) >= 3:
                return i + 1, i + 2
            return None
        if self._opening_quote(doc[i].text):
            return None  # handled by _quoted_names
        first = doc[i]
        if not _is_capitalised(first) or first.text in self.name_stop:
            return None
        has_pos = bool(doc[i].pos_)  # a tagger ran (has_annotation scans the whole doc)
        end = i + 1
        limit = min(len(doc), i + self.cues["name_max_tokens"])
        while end < limit:
            tok = doc[end]
            if _starts_sentence(doc, tok.i) or not tok.is_alpha and tok.text != "&":
                break
            if _is_capitalised(tok) or tok.text.isupper():
                end += 1
            elif (tok.lower_ in self.connectors and end + 1 < len(doc)
                  and _is_capitalised(doc[end + 1])):
                end += 1
            elif has_pos and tok.pos_ in self.continue_pos and end == i + 1:
                end += 1
            elif has_pos and self._closing_phrase(doc, end):
                end += 2  # "En skola för alla": a final prepositional phrase
                break
            else:
                break
        if end == i + 1 and first.text in self.cues["name_first_only"]:
            return None
        return i, end

    def _closing_phrase(self, doc: Doc, k: int) -> bool:
        """Connector + noun/pronoun that ends the clause (before punctuation or a verb)."""
        if k + 1 >= len(doc) or doc[k].lower_ not in self.connectors:
            return False
        word = doc[k + 1]
        after = doc[k + 2] if k + 2 < len(doc) else None
        return (word.is_alpha and word.pos_ in ("NOUN", "PRON", "DET") and
                (after is None or after.is_punct or after.pos_ in ("VERB", "AUX")))

    def _opening_quote(self, text: str) -> str | None:
        for opening, closing in self.cues["quotes"]:
            if text == opening:
                return closing
        return None

    def _quoted_names(self, doc: Doc) -> Iterator[Candidate]:
        """Quoted capitalised names are PROJECTs (EVENT after an event cue)."""
        max_tokens = self.cues["quote_max_tokens"]
        i = 0
        while i < len(doc):
            closing = self._opening_quote(doc[i].text)
            if closing is None:
                i += 1
                continue
            j = i + 1
            while j < len(doc) and j - i <= max_tokens + 1 and doc[j].text != closing:
                j += 1
            if j < len(doc) and doc[j].text == closing and j > i + 1:
                inner = doc[i + 1:j]
                if any(t.is_space for t in inner):
                    i = j + 1
                    continue
                named = _is_capitalised(inner[0]) or (
                    sum(t.is_alpha for t in inner) >= self.cues["quote_min_words_lowercase"])
                if named and not any(_starts_sentence(doc, t.i) for t in inner[1:]):
                    label = "PROJECT"
                    if i > 0 and self.event_cues.match_word(doc[i - 1].text):
                        label = "EVENT"
                    yield _tokens(doc, RULE, i + 1, j, label)
                i = j + 1
            else:
                i += 1

    def _suffix_projects(self, doc: Doc) -> Iterator[Candidate]:
        """Åmålsmodellen, photovoicemetoden: named models and methods."""
        capitalised = tuple(self.cues["project_suffixes"])
        any_case = tuple(self.cues["project_suffixes_any_case"])
        for token in doc:
            lower = token.lower_
            if not token.is_alpha:
                continue
            if _compound_of(lower, capitalised) and _is_capitalised(token) or _compound_of(lower, any_case):
                yield _tokens(doc, RULE, token.i, token.i + 1, "PROJECT")

    def _titled_orgs(self, doc: Doc) -> Iterator[Candidate]:
        """'Stiftelsen Ljusglimten' (title + name) and 'Hampnäs folkhögskola' (name + kind)."""
        config = read_json("orgs.json")
        suffixes = set(config["org_suffix_words"])
        suffix_heads = Lexicon.from_lines(config["org_suffix_heads"])
        for token in doc[:-1]:
            if (_is_capitalised(token) and self.org_titles.match_word(token.text)
                    and _is_capitalised(doc[token.i + 1])):
                span = self._name_after(doc, token.i + 1)
                if span is not None:
                    yield _tokens(doc, RULE, token.i, span[1], "ORG")
        for token in doc[1:]:
            if token.text in suffixes or token.lower_ in suffixes or (
                    token.is_alpha and suffix_heads.match_word(token.text) is not None):
                start = token.i
                while start > 0 and self._name_word(doc, start - 1) and not _starts_sentence(doc, start):
                    start -= 1
                if start < token.i:
                    yield _tokens(doc, RULE, start, token.i + 1, "ORG")
                elif token.is_lower:
                    start = self._genitive_name_before(doc, token.i)
                    if start is not None:
                        yield _tokens(doc, RULE, start, token.i + 1, "ORG")

    def _genitive_name_before(self, doc: Doc, i: int) -> int | None:
        """'Stenbackens boende och arbetskooperativ': a capitalised genitive a few
        lower-case words before an organisation noun opens the name."""
        for k in range(i - 1, max(-1, i - 5), -1):
            token = doc[k]
            if _is_capitalised(token):
                if token.lower_.endswith("s") and self._name_word(doc, k) and k < i - 1:
                    return k
                return None
            if not (token.is_alpha and token.is_lower):
                return None
        return None

    def _name_word(self, doc: Doc, i: int) -> bool:
        """A capitalised word that can belong to a name: not a stop word, and not a
        definite common noun capitalised because it opens the sentence (Kommunens)."""
        token = doc[i]
        if not _is_capitalised(token) or token.text in self.name_stop:
            return False
        return not (_starts_sentence(doc, i) and token.lower_.endswith(("ens", "ets", "ans")))

    def _people(self, doc: Doc) -> Iterator[Candidate]:
        """'samordnaren Anna Lind': two capitalised words right after a role are a person."""
        for token in doc[:-2]:
            first, second = doc[token.i + 1], doc[token.i + 2]
            if (self.roles.match(token) is not None and _is_capitalised(first)
                    and _is_capitalised(second) and first.is_alpha and second.is_alpha
                    and not first.text.isupper() and not second.text.isupper()):
                yield _tokens(doc, WEAK, token.i + 1, token.i + 3, "PERSON")

    def _acronym_projects(self, doc: Doc) -> Iterator[Candidate]:
        """HLT-samarbete, ABC-projektet: an acronym-led compound on a project noun."""
        for token in doc:
            prefix, dash, rest = token.text.partition("-")
            if (dash and len(prefix) >= 2 and prefix.isupper() and prefix.isalpha()
                    and rest.isalpha() and rest.islower() and self.project_cues.match_word(rest)):
                yield _tokens(doc, RULE, token.i, token.i + 1, "PROJECT")

    def _headed_orgs(self, doc: Doc) -> Iterator[Candidate]:
        """Förebyggargruppen (ORG), Midnattssolsfestivalen (EVENT): a capitalised compound,
        not first in its sentence, whose last part names the kind of thing."""
        org_heads = tuple(read_json("orgs.json")["org_heads"])
        event_heads = tuple(self.cues["event_name_heads"])
        for token in doc:
            if not (token.is_alpha and _is_capitalised(token) and not _starts_sentence(doc, token.i)):
                continue
            if _compound_of(token.lower_, org_heads):
                yield _tokens(doc, RULE, token.i, token.i + 1, "ORG")
            elif _compound_of(token.lower_, event_heads):
                yield _tokens(doc, RULE, token.i, token.i + 1, "EVENT")

    def _named_events(self, doc: Doc) -> Iterator[Candidate]:
        """'Vingåkersbygdens första storting': a capitalised word, few words, an event noun."""
        for token in doc:
            if (not token.is_alpha or _is_capitalised(token)
                    or self.event_heads.match_word(token.text) is None):
                continue
            for back in range(1, 4):
                k = token.i - back
                if k < 0 or doc[k].is_punct:
                    break
                if _is_capitalised(doc[k]) and doc[k].text not in self.name_stop:
                    if not _starts_sentence(doc, k) or doc[k].lower_.endswith("s"):
                        yield _tokens(doc, RULE, k, token.i + 1, "EVENT")
                    break
                if not _modifier_like(doc[k]) or doc[k].lower_ in self.cues["name_break"]:
                    break

    def _lexicon(self, doc: Doc) -> Iterator[Candidate]:
        i = 0
        while i < len(doc):
            token = doc[i]
            role = self.roles.match(token)
            group = None if role else self.groups.match(token)
            if role is None and group is None:
                i += 1
                continue
            if group is not None and (self._fixed_name_before(doc, i)
                                      or self._population_count(doc, i, group)):
                i += 1
                continue
            label = "ROLE" if role else "TARGET_GROUP"
            start, end = i, i + 1
            if group is not None:
                while end < len(doc) and self.groups.match(doc[end]) is not None:
                    end += 1
                while start > 0 and (doc[start - 1].lower_ in self.modifiers
                                     or self.groups.match_word(doc[start - 1].text)
                                     and doc[start - 1].lower_ in self.groups.whole_only):
                    start -= 1
            start = _hyphen_coordination(doc, start)
            yield _tokens(doc, LEXICON, start, end, label)
            i = end

    def _repeated_names(self, doc: Doc, chosen: list[Candidate]) -> Iterator[Candidate]:
        """A name found once ("projektet Spåret") keeps its label when it recurs ("Spåret");
        a named event's noun in definite form ("stortinget") is that event again."""
        names: dict[str, tuple[str, int]] = {}  # name -> (label, rank of its source)
        event_nouns: set[str] = set()
        full_text = doc.text  # built anew on every access
        for cand in chosen:
            text = full_text[cand.start:cand.end]
            if cand.label in ("PROJECT", "EVENT", "LOC", "ORG") and text[:1].isupper():
                source = (cand.label, cand.rank)
                names.setdefault(text, source)
                if " " in text and cand.label == "LOC":  # "Ungdomshuset Stinsen" -> "Stinsen"
                    names.setdefault(text.split()[-1], source)
                first = text.split()[0]
                if cand.label == "ORG" and " " in text and first.endswith("s") and len(first) > 4:
                    names.setdefault(first[:-1], source)  # "Stenbackens boende …" -> "Stenbacken"
            if cand.label == "EVENT" and cand.last_token is not None:
                head = self.event_heads.match(doc[cand.last_token - 1])
                if head is not None:
                    event_nouns |= {head.lemma + "et", head.lemma + "en", head.lemma + "n"}
        for text, (label, rank) in names.items():
            if len(text) < 3:
                continue
            pattern = regex.compile(
                rf"(?<![\p{{L}}\p{{N}}]){regex.escape(text)}(?![\p{{L}}\p{{N}}])")
            for match in pattern.finditer(full_text):
                yield Candidate(rank, match.start(), match.end(), label)
        for token in doc:
            if token.lower_ in event_nouns:
                yield _tokens(doc, RULE, token.i, token.i + 1, "EVENT")

    def _population_count(self, doc: Doc, i: int, group: LexiconMatch) -> bool:
        """'cirka 8 000 invånare' states a population, it addresses nobody."""
        if group.lemma not in self.cues["tg_counts_only"] or i == 0:
            return False
        prev = doc[i - 1]
        return prev.like_num or any(c.isdigit() for c in prev.text)

    def _name_like(self, span) -> bool:
        """At most as many lower-case words as capitalised ones ("Svenska kyrkan")."""
        words = [t for t in span if t.is_alpha and t.lower_ not in self.connectors]
        lower = sum(1 for t in words if t.is_lower)
        return lower <= max(1, len(words) - lower)

    def _fixed_name_before(self, doc: Doc, i: int) -> bool:
        """'svenska för invandrare' names a course, not a group."""
        for words in self.cues["tg_stop_before"]:
            n = len(words)
            if i >= n and [t.lower_ for t in doc[i - n:i]] == words:
                return True
        return False

    def _ner(self, doc: Doc) -> Iterator[Candidate]:
        mapping = self.cues["ner_labels"]
        for ent in doc.ents:
            label = mapping.get(ent.label_)
            if label is None:
                continue
            if (ent.text.lower() in self.not_org or not ent.text[:1].isupper()
                    or ent.text in self.not_names):
                continue
            first = doc[ent.start]
            if (len(ent) == 1 and _starts_sentence(doc, first.i) and first.pos_
                    and first.pos_ not in ("PROPN", "X")):
                continue  # "Biblioteket …", "Cirka …": capitalised by their position
            if len(ent) == 1 and first.pos_ in ("ADJ", "VERB", "ADV", "ADP"):
                continue  # "Sverigeledande": a word, not a name
            if not self._name_like(ent):
                continue  # a runaway span over a clause
            yield _tokens(doc, NER, ent.start, ent.end, label)

    # ---- output
    def _to_entity(self, doc_text: str, cand: Candidate) -> Entity | None:
        text = doc_text[cand.start:cand.end]
        if not text.strip():
            return None
        return Entity(text=text, label=cand.label, start=cand.start, end=cand.end,
                      code=cand.code)

    def _target_groups(self, doc: Doc, chosen: list[Candidate]) -> Iterator[str]:
        """Base forms of the TARGET_GROUP spans, each once, in order of appearance."""
        seen: set[str] = set()
        for cand in chosen:
            if cand.label != "TARGET_GROUP" or cand.first_token is None:
                continue
            last = doc[cand.last_token - 1]
            head = self.groups.match(last)
            words = [t.lower_ for t in doc[cand.first_token:cand.last_token - 1]]
            words.append(head.canonical if head else last.lower_)
            name = " ".join(words)
            if name not in seen:
                seen.add(name)
                yield name


def _is_capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


SENTENCE_FINAL = {".", "!", "?", ":", "…"}


def _starts_sentence(doc: Doc, i: int) -> bool:
    """First word of a sentence, judged from punctuation and line breaks only.

    A statistical sentence splitter may cut inside a name ("Framtid | Kramfors"); the
    capitalisation rules need the orthographic sentence start."""
    k = i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k < 0:
        return True
    prev = doc[k]
    if prev.is_space or "\n" in prev.whitespace_:
        return True
    return prev.text in SENTENCE_FINAL or prev.text in ("\"", "\u201d", "\u2013", "-") and (
        k == 0 or doc[k - 1].text in SENTENCE_FINAL)


def _modifier_like(token: Token) -> bool:
    """An adjective or ordinal between a name and its noun (första, årliga, stora)."""
    if token.pos_:
        return token.pos_ in ("ADJ", "NUM")
    return token.is_alpha and token.is_lower and token.lower_.endswith(("a", "e"))


def _compound_of(word: str, heads: tuple[str, ...]) -> bool:
    """``word`` ends in one of ``heads`` after a prefix of at least 3 letters."""
    return any(word.endswith(h) and len(word) - len(h) >= MIN_COMPOUND_PREFIX for h in heads)


def _hyphen_coordination(doc: Doc, start: int) -> int:
    """Extend 'barnrätts- och ungdomsdemokratisamordnare' to its coordinated first part."""
    if start >= 2 and doc[start - 1].lower_ in ("och", "eller") and doc[start - 2].text.endswith("-"):
        return start - 2
    return start


def promote_names(candidates: list[Candidate]) -> list[Candidate]:
    """A NER name that contains a place ("Karin Berg", "Söderhamns Näringsliv") is kept whole.

    Such names rank as rules, unless a rule span crosses their border."""
    rules = [c for c in candidates if c.rank == RULE]
    promoted = []
    for cand in candidates:
        if cand.rank == NER:
            inside = [r for r in rules if cand.start <= r.start and r.end <= cand.end
                      and (r.end - r.start) < (cand.end - cand.start)]
            crossing = [r for r in rules if r.start < cand.end and cand.start < r.end
                        and r not in inside]
            if inside and not crossing and all(r.label in ("MUNICIPALITY", "LOC") for r in inside):
                cand = Candidate(RULE, cand.start, cand.end, cand.label, cand.code,
                                 cand.first_token, cand.last_token)
        promoted.append(cand)
    return promoted


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans: rules longest first, then lexicon words, NER, weak guesses."""
    chosen: list[Candidate] = []
    taken: set[int] = set()  # characters already covered
    order = sorted(candidates, key=lambda c: (c.rank, -(c.end - c.start), c.start))
    for cand in order:
        if cand.end <= cand.start:
            continue
        chars = range(cand.start, cand.end)
        if any(c in taken for c in chars):
            continue
        taken.update(chars)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


@Language.factory("textmine_entities")
def make_entity_recognizer(nlp: Language, name: str) -> EntityRecognizer:
    """Registered factory: ``nlp.add_pipe("textmine_entities")``."""
    return EntityRecognizer(nlp, name)


# --------------------------------------------------------------------------- plain functions

def _ensure(doc: Doc) -> None:
    if doc._.entities is None:
        recognizer = _default_recognizer(doc.vocab.lang or "sv")
        recognizer(doc)


def _pattern_maker(nlp: Language):
    """Tokenize phrase patterns with spaCy's rule tokenizer, whatever the backend: a
    backend whose tokenizer runs a whole pipeline (Stanza) must not see thousands of
    patterns."""
    from spacy.tokenizer import Tokenizer

    if isinstance(nlp.tokenizer, Tokenizer):
        return nlp.make_doc
    import spacy

    return spacy.blank(nlp.lang, vocab=nlp.vocab).make_doc


@lru_cache(maxsize=4)
def _default_recognizer(lang: str) -> EntityRecognizer:
    import spacy
    return EntityRecognizer(spacy.blank(lang))


def extract_entities(doc: Doc) -> Iterator[Entity]:
    """Entity records of ``doc`` (runs the recognizer if the pipeline did not)."""
    _ensure(doc)
    yield from doc._.entities


def extract_target_groups(doc: Doc) -> Iterator[str]:
    """Target-group base forms of ``doc``, each once."""
    _ensure(doc)
    yield from doc._.target_groups
