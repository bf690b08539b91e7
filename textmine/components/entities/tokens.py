"""The per-token attributes that several entity rules read, fetched once per document.

spaCy makes a new ``Token`` object on every ``for token in doc`` and ``doc[i]``, and a new
string on every ``token.text``; a dozen rules each walking the document paid for that a
dozen times. The rules now walk these lists (and skip the tokens a cheap test rules out).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from textmine.components.entities.resolve import capitalised_text


@dataclass(frozen=True)
class TokenTable:
    """Tokens of one Doc and their attributes, index-aligned with the Doc."""

    tokens: list[Token]
    text: list[str]
    lower: list[str]
    alpha: list[bool]
    capitalised: list[bool]  # ``resolve.is_capitalised``

    @classmethod
    def of(cls, doc: Doc) -> "TokenTable":
        tokens = list(doc)
        texts = [t.text for t in tokens]
        return cls(tokens, texts, [t.lower_ for t in tokens], [t.is_alpha for t in tokens],
                   [capitalised_text(text) for text in texts])

    def alpha_indices(self, capitalised: bool | None = None) -> list[int]:
        """Indices of the alphabetic tokens (only the capitalised ones, or only the others,
        when ``capitalised`` says so)."""
        if capitalised is None:
            return [i for i, a in enumerate(self.alpha) if a]
        return [i for i, (a, c) in enumerate(zip(self.alpha, self.capitalised))
                if a and c == capitalised]
