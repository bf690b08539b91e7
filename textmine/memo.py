"""A bounded memo for the extractors' word look-ups.

The same words recur in every passage, so the answers of pure look-ups (a word's lexicon
match, its number reading, the patterns it may set off) are kept; past ``limit`` entries
the memo starts again, so memory stays bounded on any input, however long.
"""
from __future__ import annotations

from typing import Callable, Hashable, TypeVar

CACHE_LIMIT = 100_000
Key = TypeVar("Key", bound=Hashable)
_UNSEEN = object()


class Memo(dict):
    """A dict of computed answers that empties itself when it grows past ``limit``."""

    def __init__(self, limit: int = CACHE_LIMIT) -> None:
        super().__init__()
        self.limit = limit

    def lookup(self, key: Key, compute: Callable[[Key], object]):
        """The answer for ``key``: kept, or ``compute(key)`` (one dict look-up when kept)."""
        return self.answer(key, compute, key)

    def answer(self, key: Hashable, compute: Callable[..., object], *args):
        """The answer for ``key``: kept, or ``compute(*args)``. The caller passes what the
        answer is computed from instead of a closure, so a kept answer costs one dict
        look-up and no new function object (these run once per word on hot paths)."""
        found = self.get(key, _UNSEEN)
        if found is _UNSEEN:
            if len(self) > self.limit:
                self.clear()
            found = self[key] = compute(*args)
        return found
