"""Floret vectors that remember the vector of each word they have built (issue 12, speed).

spaCy's floret table builds a word's vector from the hashes of its character n-grams, in
Python, again for every batch (``Vectors.get_batch``): on report text that was about half of
the shared tok2vec's time, although the same words recur on every page. ``CachedFloretVectors``
keeps the vectors it has built in one preallocated array (at most ``capacity`` words, all
forgotten at once when it is full, so memory stays bounded in a long batch), and a word seen
before costs a dict look-up. The vectors are the same numbers: each is still built by spaCy.

The table is registered as ``textmine.floret_vectors.v1``; the shipped model's config names
it (``[nlp.vectors]``) and the package's entry point makes it known to ``spacy.load``.
"""
from __future__ import annotations

from typing import Callable, Iterable

import numpy
from spacy.util import registry
from spacy.vectors import Mode, Vectors
from spacy.vocab import Vocab

VECTORS_NAME = "textmine.floret_vectors.v1"
CAPACITY = 20_000  # words; a report's vocabulary fits, and the array is 20,000 x width floats


class CachedFloretVectors(Vectors):
    """A spaCy ``Vectors`` table whose floret look-ups are remembered per key."""

    def __init__(self, *args, capacity: int = CAPACITY, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.capacity = capacity
        self._rows: dict = {}
        self._table: numpy.ndarray | None = None
        self._source = None

    def get_batch(self, keys: Iterable):
        if self.mode != Mode.floret:
            return super().get_batch(keys)
        keys = keys.tolist() if hasattr(keys, "tolist") else list(keys)
        rows = self._current_rows()
        missing = [key for key in dict.fromkeys(keys) if key not in rows]
        if len(missing) > self.capacity:
            return super().get_batch(keys)
        if missing:
            self._remember(missing)
        return self._table[[rows[key] for key in keys]]

    def _current_rows(self) -> dict:
        """The remembered rows, forgotten when the table's data was replaced (loaded anew)."""
        data = self.data
        if self._source is not data:
            self._source = data
            self._rows.clear()
            self._table = numpy.zeros((self.capacity, data.shape[1]), dtype=data.dtype)
        return self._rows

    def _remember(self, missing: list) -> None:
        rows = self._rows
        if len(rows) + len(missing) > self.capacity:
            rows.clear()
        start = len(rows)
        self._table[start:start + len(missing)] = super().get_batch(missing)
        rows.update(zip(missing, range(start, start + len(missing))))


def cached(vectors: Vectors) -> CachedFloretVectors:
    """The same table (data, keys, floret settings) as a ``CachedFloretVectors``."""
    table = CachedFloretVectors(strings=vectors.strings)
    table.from_bytes(vectors.to_bytes())
    return table


@registry.vectors(VECTORS_NAME)
def create_vectors() -> Callable[[Vocab], CachedFloretVectors]:
    """The factory a pipeline's ``[nlp.vectors]`` names (``@vectors``)."""
    def make(vocab: Vocab) -> CachedFloretVectors:
        return CachedFloretVectors(strings=vocab.strings)

    return make
