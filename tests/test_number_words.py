"""The number-word parser checked against an independent writer of Swedish numbers,
num2words (``lang="sv"``). num2words spells 40 "förtio" (a variant of "fyrtio" that the
lexicon also lists) and the 20th "tjugode" (standard Swedish: "tjugonde", which the
lexicon has), so that one form is left out."""
from __future__ import annotations

import pytest

from textmine.components.numbers import parse_number

num2words = pytest.importorskip("num2words").num2words

CARDINALS = sorted(set(range(0, 1001)) | set(range(1001, 100_000, 97))
                   | {10**6, 2 * 10**6, 2_500_000, 75 * 10**6, 10**9, 1_234_567})


def test_cardinals_read_back():
    wrong = [(n, num2words(n, lang="sv")) for n in CARDINALS
             if parse_number(num2words(n, lang="sv")) != n]
    assert not wrong, wrong[:20]


def test_ordinals_read_back():
    forms = {n: num2words(n, lang="sv", to="ordinal") for n in range(1, 100)}
    assert forms[20] == "tjugode"  # num2words' spelling; the lexicon reads "tjugonde"
    del forms[20]
    wrong = [(n, w) for n, w in forms.items() if parse_number(w) != n]
    assert not wrong, wrong
    assert parse_number("tjugonde") == 20


def test_standard_spellings_beside_num2words_variants():
    assert parse_number("fyrtiotvå") == parse_number("förtiotvå") == 42
    assert parse_number("fyrtionde") == parse_number("förtionde") == 40
