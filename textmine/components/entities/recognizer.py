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

from typing import Iterator

import regex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from textmine.components.entities.resolve import (LEXICON, NER, RULE, WEAK, Candidate,
                                                  _compound_of, _hyphen_coordination,
                                                  _is_capitalised, _modifier_like, _starts_sentence,
                                                  _tokens, promote_names, resolve)
from textmine.components.entities.gazetteers import (lexicon, location_names, org_abbreviations,
                                                     org_names, role_lexicon,
                                                     target_group_lexicon,
                                                     target_group_modifiers)
from textmine.lexicon import LexiconMatch
from textmine.municipalities import Gazetteer
from textmine.records import Entity
from textmine.resources import Resources


def _genitive_variants(name: str) -> list[str]:
    return [name] if name.endswith("s") else [name, name + "s"]


class EntityRecognizer:
    """The ``textmine_entities`` component: rule, lexicon and NER entities of a Doc."""

    def __init__(self, nlp: Language, resources: Resources) -> None:
        self.cues = resources.json("cues.json")
        orgs = resources.json("orgs.json")
        self.roles = role_lexicon(resources)
        self.groups = target_group_lexicon(resources)
        self.modifiers = target_group_modifiers(resources)
        self.not_org = {w.lower() for w in orgs["not_org"]}
        self.not_names = set(self.cues["not_names"])
        # word lists asked about every token: sets, built once
        self.connectors = frozenset(self.cues["name_connectors"])
        self.continue_pos = frozenset(self.cues["name_continue_pos"])
        self.loc_prepositions = frozenset(self.cues["loc_prepositions"])
        self.name_stop = frozenset(self.cues["name_stop"])
        self.project_cues = lexicon(resources, self.cues["project_cue_heads"])
        self.event_cues = lexicon(resources, self.cues["event_cue_heads"])
        self.event_heads = lexicon(resources, self.cues["event_heads"])
        self.org_cues = lexicon(resources, self.cues["org_cue_heads"])
        self.loc_cues = lexicon(resources, self.cues["loc_cue_heads"])
        self.org_titles = lexicon(resources, orgs["org_title_heads"])
        self.org_suffix_words = set(orgs["org_suffix_words"])
        self.org_suffix_heads = lexicon(resources, orgs["org_suffix_heads"])
        self.org_heads = tuple(orgs["org_heads"])
        self._build_matchers(nlp, resources)
        self.gazetteer = Gazetteer.from_resources(resources)

    def _build_matchers(self, nlp: Language, resources: Resources) -> None:
        make_doc = _pattern_maker(nlp)
        capitalised, any_case = org_names(resources)
        self.org_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.org_lower.add("ORG_CAP", [make_doc(v) for n in capitalised
                                       for v in _genitive_variants(n)])
        self.org_lower.add("ORG_ANY", [make_doc(v) for n in any_case
                                       for v in _genitive_variants(n)])
        # abbreviations by regex on the text: "SCB:s" -> SCB, but not "ESF-projektet"
        alternation = "|".join(regex.escape(a) for a in sorted(org_abbreviations(resources), key=len,
                                                               reverse=True))
        self.abbreviations = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}-])(?:{alternation})(?![\p{{L}}\p{{N}}]|-\p{{L}})")
        self.loc_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.loc_exact.add("LOC", [make_doc(v) for n in location_names(resources)
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
        suffixes, suffix_heads = self.org_suffix_words, self.org_suffix_heads
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
        org_heads = self.org_heads
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


def _pattern_maker(nlp: Language):
    """Tokenize phrase patterns with spaCy's rule tokenizer, whatever the backend: a
    backend whose tokenizer runs a whole pipeline (Stanza) must not see thousands of
    patterns."""
    from spacy.tokenizer import Tokenizer

    if isinstance(nlp.tokenizer, Tokenizer):
        return nlp.make_doc
    import spacy

    return spacy.blank(nlp.lang, vocab=nlp.vocab).make_doc
