"""The per-token attributes that several entity rules read, fetched once per document.

spaCy makes a new ``Token`` object on every ``for token in doc`` and ``doc[i]``, and a new
string on every ``token.text``; a dozen rules each walking the document paid for that a
dozen times. The rules now walk these lists, and most of them only the tokens whose word
form passes their word test (a ``Form``, worked out once per form and kept by the caller:
the same words recur in every passage, and most words pass no test).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from spacy.tokens import Doc, Token

from textmine.components.entities.resolve import capitalised_text
from textmine.memo import Memo


class Form(NamedTuple):
    """What the rules ask about a word form: the same for every token with that text."""

    lower: str
    alpha: bool
    capitalised: bool  # ``resolve.is_capitalised``
    rules: frozenset[str] = frozenset()  # the word tests the form passes (see ``TokenTable.at``)


def plain_form(token: Token) -> Form:
    """A token's form without word tests."""
    return Form(token.lower_, token.is_alpha, capitalised_text(token.text))


@dataclass(frozen=True)
class TokenTable:
    """Tokens of one Doc and their attributes, index-aligned with the Doc."""

    tokens: list[Token]
    text: list[str]
    lower: list[str]
    alpha: list[bool]
    capitalised: list[bool]  # ``resolve.is_capitalised``
    by_rule: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, describe: Callable[[Token], Form] = plain_form,
           forms: Memo | None = None) -> "TokenTable":
        """The table of ``doc``; ``describe`` gives a token's ``Form`` (asked once per word
        form when ``forms`` keeps the answers: it must depend on the text alone)."""
        tokens = list(doc)
        texts = [t.text for t in tokens]
        if forms is None:
            found = [describe(t) for t in tokens]
        else:
            get = forms.get
            found = [get(text) or forms.answer(text, describe, token)
                     for text, token in zip(texts, tokens)]
        by_rule: dict[str, list[int]] = {}
        for i, form in enumerate(found):
            for rule in form.rules:  # most forms pass no test
                by_rule.setdefault(rule, []).append(i)
        return cls(tokens, texts, [f.lower for f in found], [f.alpha for f in found],
                   [f.capitalised for f in found], by_rule)

    def at(self, rule: str) -> list[int]:
        """Indices of the tokens whose form passes the word test ``rule``, in text order."""
        return self.by_rule.get(rule, [])

    def alpha_indices(self, capitalised: bool | None = None) -> list[int]:
        """Indices of the alphabetic tokens (only the capitalised ones, or only the others,
        when ``capitalised`` says so)."""
        if capitalised is None:
            return [i for i, a in enumerate(self.alpha) if a]
        return [i for i, (a, c) in enumerate(zip(self.alpha, self.capitalised))
                if a and c == capitalised]
