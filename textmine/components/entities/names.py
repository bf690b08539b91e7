"""Name candidates: places, projects, events, organisations and people that no list
holds, found by their cues ("projektet X", "X-modellen", quoted names, capitalised compounds
on -gruppen/-festivalen, "Stiftelsen X"), and names that recur once found.

A mixin of ``EntityRecognizer``: the cue lexicons and word sets it reads are built in the
recognizer's ``__init__``.
"""
from __future__ import annotations

from typing import Iterator

import regex
from spacy.tokens import Doc

from textmine.components.entities.resolve import (RULE, WEAK, Candidate, compound_of,
                                                  is_capitalised, modifier_like, starts_sentence,
                                                  token_span)
from textmine.components.entities.tokens import TokenTable


class NameCandidates:
    """Rules that propose PROJECT, EVENT, ORG, LOC and PERSON spans from name cues.

    Most rules start from a word that passes a test of its form alone (``_word_rules``,
    asked once per word form): they walk only those tokens (``TokenTable.at``)."""

    def _word_rules(self, text: str, lower: str, alpha: bool, capitalised: bool) -> frozenset[str]:
        """The word tests a form passes: the part of each rule that reads the word alone."""
        cues = self.cues
        tests = {
            "capitalised": capitalised,  # _locations, _people
            "place": alpha and capitalised and not text.isupper()
            and compound_of(lower, tuple(cues["place_suffixes"])),
            "cue": alpha and self.cue_labels.lookup(text, self._cue_label) is not None,
            "quote": self._opening_quote(text) is not None,
            "suffix_project": alpha and (
                compound_of(lower, tuple(cues["project_suffixes"])) and capitalised
                or compound_of(lower, tuple(cues["project_suffixes_any_case"]))),
            "title": capitalised and bool(self.org_titles.match_word(text)),
            "org_suffix": text in self.org_suffix_words or lower in self.org_suffix_words or (
                alpha and self.org_suffix_heads.match_word(text) is not None),
            "acronym": self._acronym_project(text),
            "headed": alpha and capitalised and (
                compound_of(lower, self.org_heads)
                or compound_of(lower, tuple(cues["event_name_heads"]))),
            "event_head": alpha and not capitalised
            and self.event_heads.match_word(text) is not None,
        }
        return frozenset(rule for rule, passed in tests.items() if passed)

    def _place_names(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        """Vingåkersbygden, Timmertjärn: a capitalised word ending like a place name."""
        for i in table.at("place"):
            if not starts_sentence(doc, i):
                yield token_span(doc, WEAK, i, i + 1, "LOC")

    def _cued_names(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        for i in table.at("cue"):
            if i >= len(table.tokens) - 1:
                break  # the last token has no name after it
            label = self.cue_labels.lookup(table.text[i], self._cue_label)
            start = None
            if label == "LOC" and table.capitalised[i]:
                start = i  # "Ungdomshuset Stinsen": the title is part of the name
            span = self._name_after(doc, i + 1)
            if span is not None:
                first = span[0] if start is None else start
                yield token_span(doc, RULE, first, span[1], label)

    def _cue_label(self, word: str) -> str | None:
        """The label of the name a cue word announces ('projektet' X: PROJECT), if any
        (asked once per word form: ``cue_labels`` keeps the answers)."""
        for label, cues in (("ORG", self.org_cues), ("LOC", self.loc_cues),
                            ("EVENT", self.event_cues), ("PROJECT", self.project_cues)):
            if cues.match_word(word):
                return label
        return None

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
        if not is_capitalised(first) or first.text in self.name_stop:
            return None
        has_pos = bool(doc[i].pos_)  # a tagger ran (has_annotation scans the whole doc)
        end = i + 1
        limit = min(len(doc), i + self.cues["name_max_tokens"])
        while end < limit:
            tok = doc[end]
            if starts_sentence(doc, tok.i) or not tok.is_alpha and tok.text != "&":
                break
            if is_capitalised(tok) or tok.text.isupper():
                end += 1
            elif (tok.lower_ in self.connectors and end + 1 < len(doc)
                  and is_capitalised(doc[end + 1])):
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

    def _quoted_names(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        """Quoted capitalised names are PROJECTs (EVENT after an event cue)."""
        max_tokens = self.cues["quote_max_tokens"]
        texts = table.text
        i = 0  # the first token not yet read
        for quote in table.at("quote"):
            if quote < i:
                continue  # inside the quoted name just read
            i = quote
            closing = self._opening_quote(texts[i])
            j = i + 1
            while j < len(doc) and j - i <= max_tokens + 1 and texts[j] != closing:
                j += 1
            if j < len(doc) and texts[j] == closing and j > i + 1:
                inner = doc[i + 1:j]
                if any(t.is_space for t in inner):
                    i = j + 1
                    continue
                named = is_capitalised(inner[0]) or (
                    sum(t.is_alpha for t in inner) >= self.cues["quote_min_words_lowercase"])
                if named and not any(starts_sentence(doc, t.i) for t in inner[1:]):
                    label = "PROJECT"
                    if i > 0 and self.event_cues.match_word(texts[i - 1]):
                        label = "EVENT"
                    yield token_span(doc, RULE, i + 1, j, label)
                i = j + 1
            else:
                i += 1

    def _suffix_projects(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        """Åmålsmodellen, photovoicemetoden: named models and methods (the word test)."""
        for i in table.at("suffix_project"):
            yield token_span(doc, RULE, i, i + 1, "PROJECT")

    def _titled_orgs(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        """'Stiftelsen Ljusglimten' (title + name) and 'Hampnäs folkhögskola' (name + kind)."""
        texts, capitalised = table.text, table.capitalised
        for i in table.at("title"):
            if i < len(texts) - 1 and capitalised[i + 1]:
                span = self._name_after(doc, i + 1)
                if span is not None:
                    yield token_span(doc, RULE, i, span[1], "ORG")
        for i in table.at("org_suffix"):
            if i >= 1:
                start = i
                while start > 0 and self._name_word(doc, start - 1) and not starts_sentence(doc, start):
                    start -= 1
                if start < i:
                    yield token_span(doc, RULE, start, i + 1, "ORG")
                elif table.tokens[i].is_lower:
                    start = self._genitive_name_before(doc, i)
                    if start is not None:
                        yield token_span(doc, RULE, start, i + 1, "ORG")

    def _genitive_name_before(self, doc: Doc, i: int) -> int | None:
        """'Stenbackens boende och arbetskooperativ': a capitalised genitive a few
        lower-case words before an organisation noun opens the name."""
        for k in range(i - 1, max(-1, i - 5), -1):
            token = doc[k]
            if is_capitalised(token):
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
        if not is_capitalised(token) or token.text in self.name_stop:
            return False
        return not (starts_sentence(doc, i) and token.lower_.endswith(("ens", "ets", "ans")))

    def _people(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        """'samordnaren Anna Lind': two capitalised words right after a role are a person."""
        texts, capitalised, alpha = table.text, table.capitalised, table.alpha
        for first in table.at("capitalised"):  # most words are lower-case
            i = first - 1
            if i < 0 or i >= len(texts) - 2:
                continue
            if (capitalised[i + 2] and alpha[i + 1] and alpha[i + 2]
                    and not texts[i + 1].isupper() and not texts[i + 2].isupper()
                    and self.roles.match(table.tokens[i]) is not None):
                yield token_span(doc, WEAK, i + 1, i + 3, "PERSON")

    def _acronym_projects(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        """HLT-samarbete, ABC-projektet: an acronym-led compound on a project noun."""
        for i in table.at("acronym"):
            yield token_span(doc, RULE, i, i + 1, "PROJECT")

    def _acronym_project(self, text: str) -> bool:
        """The word test of ``_acronym_projects``."""
        prefix, dash, rest = text.partition("-")
        return bool(dash and len(prefix) >= 2 and prefix.isupper() and prefix.isalpha()
                    and rest.isalpha() and rest.islower() and self.project_cues.match_word(rest))

    def _headed_orgs(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        """Förebyggargruppen (ORG), Midnattssolsfestivalen (EVENT): a capitalised compound,
        not first in its sentence, whose last part names the kind of thing."""
        org_heads = self.org_heads
        event_heads = tuple(self.cues["event_name_heads"])
        for i in table.at("headed"):
            if starts_sentence(doc, i):
                continue
            if compound_of(table.lower[i], org_heads):
                yield token_span(doc, RULE, i, i + 1, "ORG")
            elif compound_of(table.lower[i], event_heads):
                yield token_span(doc, RULE, i, i + 1, "EVENT")

    def _named_events(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        """'Vingåkersbygdens första storting': a capitalised word, few words, an event noun."""
        for i in table.at("event_head"):
            for back in range(1, 4):
                k = i - back
                if k < 0 or table.tokens[k].is_punct:
                    break
                if table.capitalised[k] and table.text[k] not in self.name_stop:
                    if not starts_sentence(doc, k) or table.lower[k].endswith("s"):
                        yield token_span(doc, RULE, k, i + 1, "EVENT")
                    break
                if not modifier_like(table.tokens[k]) or table.lower[k] in self.cues["name_break"]:
                    break

    def _repeated_names(self, doc: Doc, chosen: list[Candidate],
                        full_text: str) -> Iterator[Candidate]:
        """A name found once ("projektet Spåret") keeps its label when it recurs ("Spåret");
        a named event's noun in definite form ("stortinget") is that event again."""
        names: dict[str, tuple[str, int]] = {}  # name -> (label, rank of its source)
        event_nouns: set[str] = set()
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
        for token in doc if event_nouns else ():
            if token.lower_ in event_nouns:
                yield token_span(doc, RULE, token.i, token.i + 1, "EVENT")

    def _name_like(self, span) -> bool:
        """At most as many lower-case words as capitalised ones ("Svenska kyrkan")."""
        words = [t for t in span if t.is_alpha and t.lower_ not in self.connectors]
        lower = sum(1 for t in words if t.is_lower)
        return lower <= max(1, len(words) - lower)
