"""Lexicon spans: ROLE and TARGET_GROUP words (compounds included) with the modifiers
that define a group ("ensamkommande unga vuxna"), and the target groups' base forms.

A mixin of ``EntityRecognizer``: the lexicons are built in the recognizer's ``__init__``.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Token

from textmine.components.entities.resolve import (LEXICON, Candidate, hyphen_coordination,
                                                  token_span)
from textmine.components.entities.tokens import TokenTable
from textmine.lexicon import LexiconMatch


_LEXICAL = frozenset({"lexical"})


class LexiconSpans:
    """ROLE and TARGET_GROUP spans from the word lexicons."""

    def _lexical_rules(self, text: str, alpha: bool) -> frozenset[str]:
        """"lexical": a form the ROLE and TARGET_GROUP lexicons may match (a word or a
        hyphenated one: ``Lexicon.match`` asks the same first)."""
        return _LEXICAL if alpha or "-" in text else frozenset()

    def _lexicon(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        fixed_name_ends = {end for _, _, end in self.stop_before(doc)}  # 'svenska för' invandrare
        tokens, texts = table.tokens, table.text
        free = 0  # the first token no span took
        for i in table.at("lexical"):
            if i < free:
                continue
            role, group = self._role_or_group(texts[i], tokens[i])
            if role is None and group is None:
                continue
            if group is not None and (i in fixed_name_ends
                                      or self._population_count(doc, i, group)):
                continue
            label = "ROLE" if role else "TARGET_GROUP"
            start, end = i, i + 1
            if group is not None:
                while end < len(doc) and self.groups.match(tokens[end]) is not None:
                    end += 1
                while start > 0 and (table.lower[start - 1] in self.modifiers
                                     or self.groups.match_word(table.text[start - 1])
                                     and table.lower[start - 1] in self.groups.whole_only):
                    start -= 1
            start = hyphen_coordination(doc, start)
            yield token_span(doc, LEXICON, start, end, label)
            free = end

    def _role_or_group(self, text: str, token: Token
                       ) -> tuple[LexiconMatch | None, LexiconMatch | None]:
        """The token's ROLE match, else its TARGET_GROUP match (asked once per form and
        lemma: ``word_labels`` keeps the pair, as the lexicons' answers depend on nothing
        else)."""
        return self.word_labels.answer((text, token.lemma_), self._match_role_or_group, token)

    def _match_role_or_group(self, token: Token
                             ) -> tuple[LexiconMatch | None, LexiconMatch | None]:
        role = self.roles.match(token)
        return role, None if role else self.groups.match(token)

    def _population_count(self, doc: Doc, i: int, group: LexiconMatch) -> bool:
        """'cirka 8 000 invånare' states a population, it addresses nobody."""
        if group.lemma not in self.cues["tg_counts_only"] or i == 0:
            return False
        prev = doc[i - 1]
        return prev.like_num or any(c.isdigit() for c in prev.text)

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
