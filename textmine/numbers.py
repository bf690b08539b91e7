"""Numbers with their meaning: every numeric expression in a Swedish text as a ``Number``.

Reports state their facts in numbers ("65 personer", "24 av dem", "från 143 till 92",
"ett trettiotal deltagare", "upp till 24 år"). This module reads them from the text of a
``Doc`` with small, ordered rules over a light tokenization of its own, so it gives the
same answers on ``spacy.blank("sv")`` and on a full statistical pipeline; when the
pipeline has a lemmatizer or a tagger they only sharpen the unit and the choice of the
counted noun. All words and cues are data (``textmine/data/numbers.json``).

Public API: the factory ``textmine_numbers`` (results in ``doc._.numbers``),
``extract_numbers(doc)`` and ``parse_number(text)``.
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import regex
from spacy.language import Language
from spacy.tokens import Doc

from textmine.records import Number

if not Doc.has_extension("numbers"):
    Doc.set_extension("numbers", default=None)

_SPACES = "\u00a0\u202f\u2009 "
_DASHES = {"–", "—", "‐", "-", "‒"}


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``numbers.json`` in the shapes the rules need."""

    raw: dict[str, Any]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    multipliers: dict[str, int]
    morphemes: tuple[tuple[str, str, int], ...]  # (form, role, value), longest first

    @classmethod
    def load(cls) -> "Lexicon":
        text = resources.files("textmine.data").joinpath("numbers.json").read_text("utf-8")
        raw = json.loads(text)
        cardinals = dict(raw["cardinals"])
        multipliers = dict(raw["large_multipliers"])
        morphemes: list[tuple[str, str, int]] = [(w, "small", v) for w, v in cardinals.items()]
        morphemes += [(w, "hundred", 100) for w in raw["hundred"]]
        morphemes += [(w, "thousand", 1000) for w in raw["thousand"]]
        morphemes += [(w, "large", v) for w, v in multipliers.items()]
        morphemes.sort(key=lambda m: -len(m[0]))
        return cls(raw, cardinals, dict(raw["ordinals"]), multipliers, tuple(morphemes))

    def words(self, key: str) -> set[str]:
        return {w.lower() for w in self.raw[key]}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled lexicon, read once per process."""
    return Lexicon.load()


@dataclass(frozen=True)
class _Tables:
    """Sets and compiled patterns built once from the lexicon (speed)."""

    function_words: frozenset
    adjectives: frozenset
    noun_like_adj: frozenset
    vague: frozenset
    people: frozenset
    thousand: frozenset
    approx_by_last: dict  # last word -> list of phrases (word lists)
    abbreviated_approx: frozenset  # "ca." written with a dot
    identifier_prefixes: frozenset
    adjective_suffixes: tuple
    number_prefixes: frozenset  # first two letters of every number word
    part_pronouns: frozenset  # "av dessa 24" names the part; "av de 40 deltagarna" the whole
    number_word: Any  # compiled: a word made only of number morphemes
    post_share: Any
    name_digits: Any


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    lex = lexicon()
    raw = lex.raw
    approx: dict[str, list[list[str]]] = {}
    for phrase in raw["approx_words"]:
        words = phrase.lower().rstrip(".").split()
        approx.setdefault(words[-1], []).append(words)
    forms = sorted({m[0] for m in lex.morphemes} | {"ettusen"}, key=len, reverse=True)
    return _Tables(
        frozenset(lex.words("function_words")), frozenset(lex.words("adjectives")),
        frozenset(lex.words("noun_like_adjectives")), frozenset(lex.words("vague_words")),
        frozenset(lex.words("age_people_words")), frozenset(lex.words("thousand")), approx,
        frozenset(p.lower() for p in raw["approx_words"] if p.endswith(".")),
        frozenset(p.lower() for p in raw["identifier_prefixes"]),
        tuple(raw["adjective_suffixes"]),
        frozenset(w[:2] for w in list(lex.cardinals) + list(lex.ordinals) + [m[0] for m in lex.morphemes]),
        frozenset(raw["ratio_pronouns"]) - frozenset(raw["ratio_whole_determiners"]),
        regex.compile("(?:" + "|".join(map(regex.escape, forms)) + ")+"),
        regex.compile(r"(?i)\bpå[ \u00a0](" + "|".join(map(regex.escape, raw["post_share_words"])) + r")\b"),
        regex.compile(r"(?i)\b(" + "|".join(map(regex.escape, raw["name_prefixes"])) + r")[ \u00a0]?-?[0-9]+\b"))


_SPACE_CHARS = regex.compile(r"[\u00a0\u202f\u2009]")
_XTAL = regex.compile(r"(?:(?:ett|en) )?(.+?)-?tal(?:et)?")
_AND_HALF = regex.compile(r"(.+) och (?:en|ett) (?:halv|halvt)")
_HALF = regex.compile(r"^(?:en|ett) (?:halv|halvt)\b")
_THREE = regex.compile(r"[0-9]{3}")
_GROUPED = regex.compile(r"[0-9]{1,3}(?: [0-9]{3})*")
_TAL_SUFFIX = regex.compile(r"-?tal(?:et)?$")


# --------------------------------------------------------------------------- parsing

_DIGITS = regex.compile(
    r"[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:[,.][0-9]+)?")


def _digits_value(text: str) -> int | float | None:
    """'2 000' -> 2000, '2,5' -> 2.5; None when ``text`` is not a digit number."""
    if not _DIGITS.fullmatch(text):
        return None
    plain = _SPACE_CHARS.sub("", text).replace(" ", "").replace(",", ".")
    value = float(plain)
    return int(value) if value.is_integer() and "." not in plain else value


def _split_compound(word: str, lex: Lexicon) -> list[tuple[str, int]] | None:
    """Split 'tvåhundrafemtio' into [('small', 2), ('hundred', 100), ('small', 50)]."""
    if not word:
        return []
    for form, role, value in lex.morphemes:
        if word.startswith(form):
            rest = _split_compound(word[len(form):], lex)
            if rest is not None:
                return [(role, value)] + rest
    # "ettusen" drops one t of "ett tusen"
    if word.startswith("ettusen"):
        rest = _split_compound(word[len("ettusen"):], lex)
        if rest is not None:
            return [("small", 1), ("thousand", 1000)] + rest
    return None


def _evaluate(morphemes: list[tuple[str, float]]) -> int | float | None:
    """Value of a well-formed morpheme sequence, None when it is not a number."""
    total = 0.0          # completed millions and billions
    thousands = 0.0      # completed thousands of the current group
    current = 0.0        # the part below a thousand
    last: str | None = None
    last_small = 0.0
    seen_large: list[float] = []
    for role, value in morphemes:
        if role == "digits":
            if last is not None:
                return None
            current = value
        elif role == "small":
            if last == "small" and not (last_small % 10 == 0 and 20 <= last_small <= 90 and value < 10):
                return None
            if last == "digits":
                return None
            current += value
            last_small = value
        elif role == "hundred":
            if current >= 10 or last in ("hundred",):
                return None
            current = (current or 1) * 100
        elif role == "thousand":
            if thousands or current >= 1000 or last == "thousand":
                return None
            thousands = (current or 1) * 1000
            current = 0
        elif role == "large":
            group = thousands + current or 1
            if seen_large and value >= seen_large[-1]:
                return None
            if last == "large":
                return None
            total += group * value
            seen_large.append(value)
            thousands = current = 0
        last = role
    if last is None:
        return None
    result = total + thousands + current
    return int(result) if float(result).is_integer() else result


def parse_number(text: str) -> int | float | None:
    """Read a Swedish number written in digits or words; None if ``text`` is not one.

    ``parse_number("tjugofem") == 25``, ``parse_number("2 000") == 2000``,
    ``parse_number("2,5 miljoner") == 2500000``, ``parse_number("ett trettiotal") == 30``,
    ``parse_number("tredje") == 3``.
    """
    lex = lexicon()
    norm = " ".join(_SPACE_CHARS.sub(" ", text).lower().split())
    if not norm:
        return None
    if norm in lex.ordinals:
        return lex.ordinals[norm]
    digit_value = _digits_value(norm)
    if digit_value is not None:
        return digit_value
    xtal = _XTAL.fullmatch(norm) if "tal" in norm else None
    if xtal:
        base = parse_number(xtal.group(1))
        if base is not None and base >= 10:
            return base
    and_half = _AND_HALF.fullmatch(norm)
    if and_half:
        whole = parse_number(and_half.group(1))
        return whole + 0.5 if whole is not None and not isinstance(whole, bool) else None
    norm = _HALF.sub("0,5", norm)
    morphemes: list[tuple[str, float]] = []
    pieces = norm.split(" ")
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        value = _digits_value(piece)
        # "2 000 000" spelled with spaces is one digits piece
        while value is not None and index + 1 < len(pieces) and _THREE.fullmatch(pieces[index + 1]) \
                and _GROUPED.fullmatch(piece):
            piece = piece + " " + pieces[index + 1]
            index += 1
            value = _digits_value(piece)
        if value is not None:
            morphemes.append(("digits", value))
        else:
            split = _split_compound(piece.replace("-", ""), lex)
            if not split:
                return None
            morphemes.extend(split)
        index += 1
    return _evaluate(morphemes)


# --------------------------------------------------------------------------- tokens

_TOKEN = regex.compile(
    r"(?P<num>(?<![0-9])[0-9]{1,3}(?:[\u00a0\u202f\u2009 ][0-9]{3})+(?:,[0-9]+)?(?![0-9])"
    r"|[0-9]+(?:,[0-9]+)?)"
    r"|(?P<word>\p{L}+(?:[:'’]\p{L}+|-\p{L}+)*)"
    r"|(?P<dash>[–—‐‒-])"
    r"|(?P<other>\S)")

# Expressions read before tokenization: they either are numbers of a fixed shape or
# contain digits that are not quantities (phone numbers, names, codes, times, URLs).
_SPECIAL = regex.compile(
    r"(?=[0-9+KkhwS])(?:"  # every alternative starts with one of these: a fast first test
    r"(?P<phone>(?<![0-9])(?:\+46[ \u00a0]?\(?0?\)?[ \u00a0]?[1-9][0-9]{0,2}|0[1-9][0-9]{0,2})"
    r"[ \u00a0]?[–-][ \u00a0]?[0-9]{2,3}(?:[ \u00a0]?[0-9]{2,3}){1,3}(?![0-9])"
    r"|(?<![0-9])0[1-9][0-9]{0,2}[–-][0-9]{5,8}(?![0-9]))"
    r"|(?P<orgnr>(?<![0-9])[0-9]{6}-[0-9]{4}(?![0-9]))"
    r"|(?P<postal>(?<![0-9])[1-9][0-9]{2}[ \u00a0][0-9]{2}(?=[ \u00a0]\p{Lu}))"
    r"|(?P<vaguetal>(?<![0-9])[0-9]+-tals(?!\p{L}))"
    r"|(?P<slash>(?<![0-9/])[0-9]{1,3}/[0-9]{1,3}(?![0-9/]))"
    r"|(?P<statute>(?<![0-9])(?:19|20)[0-9]{2}:[0-9]{1,4}(?![0-9]))"
    r"|(?P<isodate>(?<![0-9])(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9](?![0-9]))"
    r"|(?P<decade>(?<![0-9])(?:(?:1[89]|20)[0-9]0-tal(?:ets?|en)?|[0-9]0-talets?)(?!\p{L}))"
    r"|(?P<ordinal>(?<![0-9])[0-9]{1,3}:(?:a|e)(?!\p{L}))"
    r"|(?P<url>(?:https?://|www\.)\S+)"
    r"|(?P<clock>\b(?:[Kk]l\.?[ \u00a0]?)?(?<![0-9,])[0-2]?[0-9][.:][0-5][0-9](?![0-9,])"
    r"|\b[Kk]l\.?[ \u00a0]?[0-2]?[0-9](?![0-9]|,[0-9]))"
    r"|(?P<glued>(?<=\p{L}-?)[0-9]+(?:-[0-9]+)*|(?<![0-9,])[0-9]+(?=\p{L})))")
_EMAIL = regex.compile(r"[^\s@]+@[^\s@]+\.\p{L}+")


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    kind: str  # num, word, dash, other

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass
class _Numeral:
    """A run of tokens that spells one number (digits, words, multipliers)."""

    i: int
    j: int  # exclusive
    value: int | float
    digits: bool  # a single plain digit token (a possible year)
    ordinal: bool = False
    approx: bool = False  # ett X-tal
    article: bool = False  # bare en/ett
    words: bool = False


@dataclass
class _Found:
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    kind: str
    value: Any
    unit: str | None
    approx: bool
    consumed: int = 0  # numerals used


def _tokenize(text: str, blocked: list[tuple[int, int]]) -> list[_Tok]:
    toks = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if any(s < m.end() and m.start() < e for s, e in blocked):
            kind = "other"
        toks.append(_Tok(m.group(), m.start(), m.end(), kind))
    return toks


def _sentence_ids(text: str, toks: list[_Tok]) -> list[int]:
    """A sentence number per token: sentences end at . ! ? or a line break."""
    ends = [m.end() for m in regex.finditer(r"[.!?]+(?=\s+[\p{Lu}0-9\"”'(–-])|\n+", text)]
    return [bisect.bisect_right(ends, t.start) for t in toks]


# --------------------------------------------------------------------------- reader


class _Reader:
    """Reads the numbers of one text; one instance per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon()
        raw = self.lex.raw
        self.found: list[Number] = []
        self.sent_of_number: list[int] = []
        self.special: list[tuple[int, int, str, Any, str | None]] = []
        blocked = self._specials()
        self.toks = _tokenize(self.text, blocked)
        self.sent = _sentence_ids(self.text, self.toks)
        self.has_pos = doc.has_annotation("POS")
        self.has_lemma = doc.has_annotation("LEMMA")
        self._token_starts = [t.idx for t in doc] if self.has_pos or self.has_lemma else []
        tables = self.tables = _tables()
        self.function_words = tables.function_words
        self.adjectives = tables.adjectives
        self.noun_like_adj = tables.noun_like_adj
        self.vague = tables.vague
        self.people = tables.people
        self.time_units = {k.lower(): v for k, v in raw["time_units"].items()}
        self.count_time = dict(raw["count_time_nouns"])
        self.money_units = {k.lower(): v for k, v in raw["money_units"].items()}
        self.percent_units = dict(raw["percent_units"])
        self.lemma_forms = dict(raw["lemmas"]["forms"])
        self.numerals = self._numerals()
        self._numeral_index = {n.i: n for n in self.numerals}
        self._sentence_bounds: dict[int, tuple[int, int]] = {}
        for k, sid in enumerate(self.sent):
            first, _ = self._sentence_bounds.get(sid, (k, k))
            self._sentence_bounds[sid] = (first, k)

    # ----------------------------------------------------------------- specials

    def _specials(self) -> list[tuple[int, int]]:
        """Blocked spans; statutes, ISO dates, decades and '3:e' become numbers here."""
        blocked = []
        for m in _SPECIAL.finditer(self.text):
            kind = m.lastgroup
            blocked.append((m.start(), m.end()))
            s = m.group()
            if kind == "statute":
                self.special.append((m.start(), m.end(), "other", s, None))
            elif kind == "isodate":
                self.special.append((m.start(), m.end(), "date", s, None))
            elif kind == "decade":
                first = int(s.split("-")[0])
                if first < 100:  # '60-talet': the 1960s ('10-talet': the 2010s)
                    first += 1900 if first >= 20 else 2000
                span = 99 if first % 100 == 0 else 9  # '1800-talet' is a century, '1990-talet' a decade
                self.special.append((m.start(), m.end(), "period", [first, first + span], None))
            elif kind == "slash":
                part, whole = (int(x) for x in s.split("/"))
                before = self.text[max(0, m.start() - 4):m.start()].lower()
                if before.endswith("den ") and whole <= 12 and 1 <= part <= 31:
                    self.special.append((m.start(), m.end(), "date", f"--{whole:02d}-{part:02d}", None))
                elif whole:
                    self.special.append((m.start(), m.end(), "ratio", {"part": part, "whole": whole}, None))
            elif kind == "ordinal":
                self.special.append((m.start(), m.end(), "ordinal", int(s.split(":")[0]), None))
        shares = self.lex.raw["post_share_words"]
        for m in _tables().post_share.finditer(self.text):
            word = m.group(1)
            self.special.append((m.start(1), m.end(1), "percent", shares[word.lower()],
                                 self.lex.raw["post_share_unit"]))
        if "@" in self.text:
            blocked.extend((m.start(), m.end()) for m in _EMAIL.finditer(self.text))
        for m in _tables().name_digits.finditer(self.text):
            if m.group(1)[0].isupper():
                blocked.append((m.start(), m.end()))
        return blocked

    # ----------------------------------------------------------------- numerals

    def _word_value(self, tok: _Tok) -> tuple[int | float, str] | None:
        low = tok.low
        if low[:2] not in self.tables.number_prefixes or low in self.vague:
            return None
        if low in self.lex.ordinals:
            return self.lex.ordinals[low], "ordinal"
        whole = fraction_whole(low)
        if whole is not None:
            return whole, "fraction"
        if low.endswith("tal") or low.endswith("talet"):
            base = _TAL_SUFFIX.sub("", low)
            value = parse_number(base) if base else None
            if value is not None and value >= 10:
                return value, "xtal"
            return None
        if not self.tables.number_word.fullmatch(low.replace("-", "")):
            return None
        value = parse_number(low)
        if value is None:
            return None
        return value, "word"

    def _numerals(self) -> list[_Numeral]:
        toks, out, i = self.toks, [], 0
        while i < len(toks):
            numeral = self._numeral_at(i)
            if numeral is None:
                i += 1
                continue
            out.append(numeral)
            i = numeral.j
        return out

    def _numeral_at(self, i: int) -> _Numeral | None:
        toks = self.toks
        tok = toks[i]
        if tok.kind == "num":
            value = _digits_value(tok.text)
            if value is None:
                return None
            # "ett 30-tal", "30-tal"
            if i + 2 < len(toks) and toks[i + 1].kind == "dash" and toks[i + 1].start == tok.end \
                    and toks[i + 2].low in ("tal", "talet") and toks[i + 2].start == toks[i + 1].end:
                return _Numeral(i, i + 3, value, False, approx=True)
            numeral = _Numeral(i, i + 1, value, digits=" " not in tok.text and "," not in tok.text
                               and not _SPACE_CHARS.search(tok.text))
            return self._extend_multiplier(numeral)
        if tok.kind != "word" or tok.low in self.lex.multipliers:
            return None
        word = self._word_value(tok)
        if word is None or self._after_vague(i):
            return None
        value, how = word
        if how == "ordinal":
            return _Numeral(i, i + 1, value, False, ordinal=True, words=True)
        if how == "xtal":
            return _Numeral(i, i + 1, value, False, approx=True, words=True)
        if how == "fraction":
            return None
        # the longest run of number words that still parses
        best = _Numeral(i, i + 1, value, False, words=True, article=tok.low in ("en", "ett"))
        k = i + 1
        while k < len(toks) and k - i < 8 and toks[k].kind in ("word", "num") \
                and self.text[toks[k - 1].end:toks[k].start] in (" ", "\u00a0", "\u202f"):
            if toks[k].kind == "word" and (self._word_value(toks[k]) or (0, ""))[1] in ("xtal", "ordinal"):
                break
            candidate = parse_number(self.text[tok.start:toks[k].end])
            if candidate is not None:  # 'ett och ett halvt' parses only when complete
                best = _Numeral(i, k + 1, candidate, False, words=True)
            k += 1
        # "ett trettiotal", "ett 30-tal": the article belongs to the number
        if best.article and i + 1 < len(toks):
            nxt = self._numeral_at(i + 1) if toks[i + 1].kind in ("word", "num") else None
            if nxt is not None and nxt.approx:
                return _Numeral(i, nxt.j, nxt.value, False, approx=True, words=True)
        return best

    def _after_vague(self, i: int) -> bool:
        """'ett par hundra tusen', 'flera tusen': number words after a vague word."""
        k = i - 1
        while k >= 0 and self.toks[k].kind == "word" and self.tables.number_word.fullmatch(self.toks[k].low):
            k -= 1
        return k >= 0 and self.toks[k].low in self.vague

    def _extend_multiplier(self, numeral: _Numeral) -> _Numeral:
        """'75 miljoner', '10 tusen' are one number."""
        k = numeral.j
        if k < len(self.toks) and self.toks[k].kind == "word":
            low = self.toks[k].low
            factor = self.lex.multipliers.get(low) or (1000 if low in self.tables.thousand else None)
            if factor:
                value = numeral.value * factor
                value = int(value) if float(value).is_integer() else value
                return _Numeral(numeral.i, k + 1, value, False)
        return numeral

    # ----------------------------------------------------------------- helpers

    def tok(self, k: int) -> _Tok | None:
        return self.toks[k] if 0 <= k < len(self.toks) else None

    def low(self, k: int) -> str:
        t = self.tok(k)
        return t.low if t else ""

    def numeral_starting(self, k: int) -> _Numeral | None:
        return self._numeral_index.get(k)

    def is_year(self, n: _Numeral | None) -> bool:
        low, high = self.lex.raw["year_range"]
        return n is not None and n.digits and isinstance(n.value, int) and low <= n.value <= high \
            and len(self.toks[n.i].text) == 4

    def spacy_token(self, t: _Tok):
        k = bisect.bisect_right(self._token_starts, t.start) - 1
        return self.doc[k] if 0 <= k < len(self.doc) else None

    def pos(self, t: _Tok) -> str:
        if not self.has_pos:
            return ""
        token = self.spacy_token(t)
        return token.pos_ if token is not None else ""

    def lemma(self, t: _Tok) -> str:
        """Base form of a counted noun: the pipeline's lemma, else the data fallback."""
        low = t.low
        if low in self.time_units:
            return self.time_units[low]
        if low in self.count_time:
            return self.count_time[low]
        if low in self.lemma_forms:
            return self.lemma_forms[low]
        if self.has_lemma:
            token = self.spacy_token(t)
            if token is not None and token.lemma_ and token.idx == t.start and len(token.text) == len(t.text):
                lemma = token.lemma_.lower()
                # a lemmatizer that leaves an unknown plural compound as it is: use the rules
                return fallback_lemma(low) if lemma == low else lemma
        return fallback_lemma(low)

    def is_word(self, k: int) -> bool:
        t = self.tok(k)
        return t is not None and t.kind == "word"

    def verb_like(self, low: str) -> bool:
        if low.endswith(("ande", "ende")):
            return False
        return low.endswith(tuple(self.lex.raw.get("verb_suffixes", [])))

    def noun_like(self, k: int) -> bool:
        """Can token k be the counted noun right after a number?"""
        t = self.tok(k)
        if t is None or t.kind != "word" or len(t.text) < 2:
            return False
        low = t.low
        if low in self.function_words or low in self.vague or low in self.lex.cardinals \
                or low in self.lex.ordinals or low in self.lex.raw["months"]:
            return False
        if low in self.time_units or low in self.count_time or low in self.lemma_forms:
            return True
        if self.has_pos:
            pos = self.pos(t)
            if pos in ("NOUN", "PROPN", "X"):
                return not t.text[0].isupper() or pos == "NOUN"
            if pos == "ADJ":
                return low in self.noun_like_adj or low in self.adjectives
            return False
        if t.text[0].isupper():
            return False
        return not self.verb_like(low)

    def is_adjective(self, k: int) -> bool:
        t = self.tok(k)
        if t is None or t.kind != "word":
            return False
        if self.has_pos and self.pos(t) in ("ADJ", "VERB") and t.low not in self.function_words:
            return True
        if t.low in self.adjectives:
            return True
        return not self.has_pos and t.low.endswith(self.tables.adjective_suffixes) and t.low not in self.lemma_forms

    def counted_noun(self, k: int) -> tuple[int, str] | None:
        """(end token, unit) of '[adjectives] noun' starting at token k, if any."""
        last_noun = None
        j = k
        while j < k + 3 and self.is_adjective(j) and self.noun_like(j + 1):
            j += 1
        if self.noun_like(j):
            last_noun = j
        elif j > k and self.tok(j - 1) is not None and self.tok(j - 1).low in self.noun_like_adj:
            last_noun = j - 1
        if last_noun is None:
            return None
        return last_noun + 1, self.lemma(self.toks[last_noun])

    def approx_before(self, k: int) -> int | None:
        """Index of the first token of an approximation phrase ending right before k."""
        last = self.low(k - 1)
        if last == "." and k >= 2 and self.low(k - 2) + "." in self.tables.abbreviated_approx \
                and self.toks[k - 2].end == self.toks[k - 1].start:
            return k - 2  # "ca." with the dot as its own token
        best = None
        for words in self.tables.approx_by_last.get(last, []):
            start = k - len(words)
            if start >= 0 and all(self.low(start + n) == w for n, w in enumerate(words)):
                best = start if best is None else min(best, start)
        return best

    def sentence_text(self, k: int) -> str:
        first, last = self._sentence_bounds[self.sent[k]]
        return self.text[self.toks[first].start:self.toks[last].end].lower()

    def money_context(self, k: int) -> bool:
        sentence = self.sentence_text(k)
        return any(cue in sentence for cue in self.lex.raw["money_context"])

    def previous_count(self, k: int) -> Number | None:
        """The count just before token k in this or the previous sentence (a ratio's whole)."""
        sid = self.sent[k]
        for number, s in zip(reversed(self.found), reversed(self.sent_of_number)):
            if s < sid - 1:
                return None
            if number.kind == "count" and isinstance(number.value, (int, float)):
                return number
        return None

    def age_context(self, first: int) -> bool:
        prev = self.low(first - 1)
        if prev in self.people or f"{self.low(first - 2)} {prev}" in self.people:
            return True
        return self.low(first - 2) in ("i", "åldern", "ålder") and prev in ("åldern", "åldrarna", "ålder") \
            or prev in ("åldern", "åldrarna")

    # ----------------------------------------------------------------- rules

    def read(self) -> list[Number]:
        pos = 0
        for n in self.numerals:
            if n.i < pos:
                continue
            found = self.interpret(n, pos)
            if found is None or found.kind == "skip":
                continue
            first = max(found.first, pos)
            start, end = self.toks[first].start, self.toks[found.last - 1].end
            number = Number(self.text[start:end], found.kind, found.value, found.unit, found.approx, start, end)
            self.found.append(number)
            self.sent_of_number.append(self.sent[n.i])
            pos = found.last
        for start, end, kind, value, unit in self.special:
            self.found.append(Number(self.text[start:end], kind, value, unit, False, start, end))
        return sorted(self.found, key=lambda x: x.start)

    def interpret(self, n: _Numeral, floor: int) -> _Found | None:
        for rule in (self.rule_identifier, self.rule_ordinal, self.rule_grade, self.rule_dated, self.rule_period,
                     self.rule_change, self.rule_ratio, self.rule_quantity):
            found = rule(n, floor)
            if found is not None:
                return found
        return None

    def rule_identifier(self, n: _Numeral, floor: int) -> _Found | None:
        """'§ 12', 'nr 5', 'vecka 32', 'fas 2': identifiers, kind other."""
        prefix = self.tok(n.i - 1)
        if prefix is None or n.i - 1 < floor or not n.digits:
            return None
        low = prefix.low
        first = n.i - 1
        if low == "." and self.low(n.i - 2) + "." in self.tables.identifier_prefixes:
            first = n.i - 2
        elif low not in self.tables.identifier_prefixes:
            return None
        value, last = self._range_after(n)
        return _Found(first, last, "other", value if value is not None else n.value, None, False)

    def rule_ordinal(self, n: _Numeral, floor: int) -> _Found | None:
        if not n.ordinal:
            return None
        low = self.toks[n.i].low
        ambiguous = self.lex.raw["ambiguous_ordinals"]
        if low in ambiguous and self.low(n.j) not in ambiguous[low]:
            return _Found(n.i, n.i, "skip", None, None, False)
        window = " ".join(self.low(k) for k in range(n.i - 2, n.j + 1))
        if any(idiom in window for idiom in self.lex.raw["ordinal_idioms"]):
            return _Found(n.i, n.i, "skip", None, None, False)
        noun = self.counted_noun(n.j)
        if self.low(n.i - 1) == "var" and n.i - 1 >= floor and n.value >= 2:
            first = self.approx_before(n.i - 1)
            first = first if first is not None and first >= floor else n.i - 1
            last, unit = noun if noun else (n.j, None)
            return _Found(first, last, "ratio", {"part": 1, "whole": n.value}, unit, first != n.i - 1)
        if noun:
            return _Found(n.i, noun[0], "ordinal", n.value, noun[1], False)
        return _Found(n.i, n.j, "ordinal", n.value, None, False)

    def rule_grade(self, n: _Numeral, floor: int) -> _Found | None:
        grades = self.lex.raw["grade_words"]
        if self.low(n.i - 1) not in grades or n.i - 1 < floor:
            return None
        value, last = self._range_after(n)
        if value is None:
            value, last = n.value, n.j
        return _Found(n.i - 1, last, "grade", value, grades[self.low(n.i - 1)], False)

    def _range_after(self, n: _Numeral) -> tuple[list | None, int]:
        """'1–3', '1 och 2', '7, 8 och 9', '16 till 29' after numeral n."""
        k = n.j
        t = self.tok(k)
        if t is not None and (t.text in _DASHES or t.low in ("och", "till")):
            other = self.numeral_starting(k + 1)
            if other is not None and not other.article and self.is_year(n) == self.is_year(other):
                return [n.value, other.value], other.j
        if t is not None and t.text == ",":
            other = self.numeral_starting(k + 1)
            if other is not None:
                rest, last = self._range_after(other)
                if rest is not None:
                    return [n.value, rest[1]], last
        return None, k

    def rule_dated(self, n: _Numeral, floor: int) -> _Found | None:
        months = self.lex.raw["months"]
        seasons = self.lex.raw["seasons"]
        prev = self.low(n.i - 1)
        if self.is_year(n) and prev in seasons and n.i - 1 >= floor:
            return _Found(n.i - 1, n.j, "year", n.value, None, False)
        if self.is_year(n) and prev in months and n.i - 1 >= floor:
            return _Found(n.i - 1, n.j, "date", f"{n.value}-{months[prev]:02d}", None, False)
        if n.digits and isinstance(n.value, int) and 1 <= n.value <= 31 and self.low(n.j) in months:
            month = months[self.low(n.j)]
            year = self.numeral_starting(n.j + 1)
            if self.is_year(year):
                return _Found(n.i, year.j, "date", f"{year.value}-{month:02d}-{n.value:02d}", None, False)
            return _Found(n.i, n.j + 1, "date", f"--{month:02d}-{n.value:02d}", None, False)
        return None

    def rule_period(self, n: _Numeral, floor: int) -> _Found | None:
        if not self.is_year(n):
            return None
        prev, nxt = self.low(n.i - 1), self.tok(n.j)
        second = self.numeral_starting(n.j + 1)
        if nxt is not None and (nxt.text in _DASHES or nxt.text == "/") and second is not None \
                and nxt.start == self.toks[n.j - 1].end:
            end_year = second.value
            short = second.digits and len(self.toks[second.i].text) == 2
            if short:  # '2019/20', '2019–20'
                end_year = n.value // 100 * 100 + end_year
            if self.is_year(second) or short:
                if isinstance(end_year, int) and end_year >= n.value:
                    return _Found(n.i, second.j, "period", [n.value, end_year], None, False)
        if nxt is not None and second is not None and self.is_year(second) and second.value >= n.value:
            if prev in self.lex.raw["period_between"] and nxt.low == "och" and n.i - 1 >= floor:
                return _Found(n.i - 1, second.j, "period", [n.value, second.value], None, False)
            if prev == self.lex.raw["change_from"] and nxt.low in self.lex.raw["change_to"] \
                    and n.i - 1 >= floor:
                return _Found(n.i - 1, second.j, "period", [n.value, second.value], None, False)
        return None

    def rule_change(self, n: _Numeral, floor: int) -> _Found | None:
        raw = self.lex.raw
        prev = self.low(n.i - 1)
        if prev == raw["change_from"] and self.low(n.j) in raw["change_to"] and n.i - 1 >= floor:
            second = self.numeral_starting(n.j + 1)
            if second is None or second.article or self.is_year(n) != self.is_year(second):
                return None
            last, unit = second.j, None
            noun = self.counted_noun(second.j)
            if self.low(second.j) in ("år", "års") and self.age_context(n.i - 1):
                return _Found(n.i - 1, second.j + 1, "age", [n.value, second.value], "år", False)
            if self.low(second.j) in self.percent_units:
                last, unit = second.j + 1, self.percent_units[self.low(second.j)]
            elif noun:
                last, unit = noun
            else:
                unit = self._antal_noun(n.i)
            return _Found(n.i - 1, last, "change", {"from": n.value, "to": second.value}, unit, False)
        if prev == "med" and n.i - 1 >= floor:
            window = [self.low(k) for k in range(n.i - 4, n.i - 1)]
            pair = [" ".join(window[m:m + 2]) for m in range(len(window) - 1)]
            sign = 0
            if any(w in raw["change_increase"] for w in window + pair):
                sign = 1
            if any(w in raw["change_decrease"] for w in window + pair):
                sign = -1
            if sign:
                quantity = self.rule_quantity(n, n.i)
                unit = quantity.unit if quantity else None
                last = quantity.last if quantity else n.j
                delta = n.value * sign
                return _Found(n.i - 1, last, "change", {"delta": delta}, unit, n.approx)
        return None

    def _antal_noun(self, k: int) -> str | None:
        """'Antal hushåll ... från 143 till 92' -> hushåll (the counted noun stated before)."""
        sid = self.sent[k]
        m = k - 1
        while m >= 0 and self.sent[m] == sid:
            if self.low(m) in self.lex.raw["antal_words"] and self.noun_like(m + 1):
                return self.lemma(self.toks[m + 1])
            m -= 1
        return None

    def rule_ratio(self, n: _Numeral, floor: int) -> _Found | None:
        raw = self.lex.raw
        first = n.i
        approx_at = self.approx_before(n.i)
        if approx_at is not None and approx_at >= floor:
            first = approx_at
        # "24 av dem", "Åtta av tio elever", "en av tio"
        if self.low(n.j) == raw["ratio_word"]:
            k = n.j + 1
            filler = self.low(k)
            if (filler in raw["ratio_whole_fillers"] or (filler.endswith("s") and self.is_word(k))) \
                    and self.numeral_starting(k + 1) is not None:
                k += 1
            whole = self.numeral_starting(k)
            if whole is not None and not whole.ordinal and not self.is_year(whole):
                noun = self.counted_noun(whole.j)
                last, unit = noun if noun else (whole.j, None)
                return _Found(first, last, "ratio", {"part": n.value, "whole": whole.value}, unit,
                              first != n.i or n.approx)
            if self.low(k) in raw["ratio_pronouns"]:
                before = self.previous_count(n.i)
                return _Found(first, k + 1, "ratio",
                              {"part": n.value, "whole": before.value if before else None},
                              before.unit if before else None, first != n.i or n.approx)
            return None
        # "Av dessa fick 24", "varav 12 kvinnor"
        lows = [self.low(n.i - m) for m in (3, 2, 1)]
        after_of = (lows[0] == raw["ratio_word"] and lows[1] in raw["ratio_pronouns"]
                    and not self.is_adjective(n.i - 1) and lows[2] not in raw["ratio_whole_fillers"] and self.tok(n.j) is not None
                    and self.tok(n.j).text not in _DASHES) or \
            (lows[1] == raw["ratio_word"] and lows[2] in self.tables.part_pronouns) or lows[2] == "varav"
        measured = self.low(n.j) in self.percent_units or self._money_unit(n.j) is not None
        if after_of and not n.article and not self.is_year(n) and not n.ordinal and not measured:
            before = self.previous_count(n.i)
            last, unit = n.j, before.unit if before else None
            noun = self.counted_noun(n.j) if lows[2] == "varav" else None
            if noun is not None:
                last, unit = noun
            elif self.low(n.j) in self.people:
                last, unit = n.j + 1, self.lemma(self.toks[n.j])
            return _Found(first, last, "ratio", {"part": n.value, "whole": before.value if before else None},
                          unit, first != n.i or n.approx)
        return None

    def rule_quantity(self, n: _Numeral, floor: int) -> _Found | None:
        raw = self.lex.raw
        first, approx = n.i, n.approx
        approx_at = self.approx_before(n.i)
        bound_word = None
        if approx_at is not None and approx_at >= floor and not self.is_year(n):
            first, approx = approx_at, True
            bound_word = " ".join(self.low(k) for k in range(approx_at, n.i))
        elif self.low(n.i - 1) in ("under", "från", "högst", "max") and n.i - 1 >= floor:
            bound_word = self.low(n.i - 1)
        value: Any = n.value
        last = n.j
        ranged = False
        if self.low(n.i - 1) == "mellan" and self.low(n.j) == "och" and n.i - 1 >= floor:
            other = self.numeral_starting(n.j + 1)
            if other is not None:
                value, last, ranged, first = [n.value, other.value], other.j, True, n.i - 1
        if not ranged:
            rng, rng_last = self._range_after(n)
            if rng is not None and (self.tok(n.j).text in _DASHES or self.low(n.j) == "till"):
                value, last, ranged = rng, rng_last, True
        unit_tok = self.tok(last)
        unit_low = unit_tok.low if unit_tok is not None and unit_tok.kind in ("word", "other") else ""
        if unit_low == "år" and self.is_year(self.numeral_starting(last + 1)):
            unit_low = ""  # '15 år 2018': 'år' introduces the year, it is not the unit
        whole = fraction_whole(unit_low) if not ranged else None
        if whole is not None:
            return _Found(first, last + 1, "ratio", {"part": n.value, "whole": whole}, None, approx)
        # '15-åringar', '16–29-åringar'
        if unit_tok is not None and unit_tok.text in _DASHES and unit_tok.start == self.toks[last - 1].end \
                and self.low(last + 1).startswith(tuple(raw["age_unit_prefix"])):
            return _Found(first, last + 2, "age", value, "år", approx)
        if unit_low in raw["unit_skip"]:
            last += 1
            unit_tok = self.tok(last)
            unit_low = unit_tok.low if unit_tok is not None else ""
        # percent (a post's share when said of a post)
        if unit_low in self.percent_units:
            unit = self.percent_units[unit_low]
            if self._post_share(first):
                unit = raw["post_share_unit"]
            return _Found(first, last + 1, "percent", value, unit, approx)
        # money
        money = self._money_unit(last)
        if money is not None:
            factor, width = money
            return _Found(first, last + width, "money", _scale(value, factor), raw["money_unit_name"], approx)
        foreign = self._foreign_money(last)
        if foreign is not None:
            return _Found(first, last + foreign[0], "money", value, foreign[1], approx)
        # ages and durations in years
        if unit_low in raw["age_unit_words"] or unit_low in ("åringar", "åring"):
            context_from = approx_at if approx_at is not None and approx_at >= floor else \
                (n.i - 1 if bound_word and bound_word in ("under", "från", "högst", "max") else first)
            if self.age_context(context_from) or self._open_age_after(last + 1) or \
                    self._bounded_age(bound_word, value, context_from):
                age_value, end = self._age_value(value, bound_word, last + 1)
                start = context_from if bound_word else first
                return _Found(start, end, "age", age_value, "år", approx)
        if unit_low in self.time_units:
            if not self.is_year(n) or ranged:
                return _Found(first, last + 1, "duration", value, self.time_units[unit_low], approx)
        if unit_low in self.count_time:
            return _Found(first, last + 1, "count", value, self.count_time[unit_low], approx)
        # a post's share in words: 'på halvtid'
        if n.article:
            return self._article(n, first, approx)
        if self.is_year(n) and not approx and not ranged:
            nxt = self.tok(n.j)
            if nxt is None or nxt.low not in self.lemma_forms:
                return _Found(n.i, n.j, "year", n.value, None, False)
        if n.approx or n.words or not self.is_year(n) or approx:
            noun = self.counted_noun(last)
            if noun is not None:
                return _Found(first, noun[0], "count", value, noun[1], approx)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self.money_context(n.i) \
                and (value >= 1000 or any(self.low(k) in self.lex.multipliers for k in range(n.i, n.j))):
            return _Found(first, last, "money", value, raw["money_unit_name"], approx)
        if n.words and self.toks[n.i].low in raw.get("ambiguous_cardinals", []):
            return None
        return _Found(first, last, "count", value, self._antal_noun(n.i), approx)

    def _article(self, n: _Numeral, first: int, approx: bool) -> _Found | None:
        """'en'/'ett' is a number only against another number or before time/measure."""
        raw = self.lex.raw
        nxt = self.tok(n.j)
        if nxt is None:
            return None
        if nxt.kind == "word" and self.lemma(nxt) in raw["article_number_nouns"]["nouns"]:
            unit = self.lemma(nxt)
            kind = "duration" if nxt.low in self.time_units else "count"
            return _Found(first, n.j + 1, kind, n.value, unit, approx)
        if nxt.low in ("eller", "till") or nxt.text in _DASHES:
            other = self.numeral_starting(n.j + 1)
            if other is not None and not other.article:
                noun = self.counted_noun(other.j)
                last, unit = noun if noun else (other.j, None)
                return _Found(first, last, "count", [n.value, other.value], unit, approx)
        # pronoun 'en' set against a number: 'två kurser, en för ... och en för ...'
        if (nxt.kind != "word" or nxt.low in raw["article_pronoun_followers"]) and \
                self._enumerated_after_number(n.i):
            before = self._enumerated_after_number(n.i)
            return _Found(first, n.j, "count", n.value, before.unit, approx)
        return None

    def _enumerated_after_number(self, k: int) -> Number | None:
        sid = self.sent[k]
        for number, s in zip(reversed(self.found), reversed(self.sent_of_number)):
            if s != sid:
                return None
            if number.kind == "count" and isinstance(number.value, int) and number.value >= 2 and number.unit:
                return number
        return None

    def _post_share(self, first: int) -> bool:
        raw = self.lex.raw
        if self.low(first - 1) != "på":
            return False
        for k in range(first - 5, first - 1):
            low = self.low(k)
            if low in raw["post_share_cues"] or (len(low) > 5 and low.endswith(tuple(raw["post_share_role_suffixes"]))):
                return True
        return False

    def _foreign_money(self, k: int) -> tuple[int, str] | None:
        """(width, currency) of 'euro', 'miljoner dollar' after a number."""
        foreign = self.lex.raw["foreign_money_units"]
        if self.low(k) in foreign:
            return 1, foreign[self.low(k)]
        return None

    def _money_unit(self, k: int) -> tuple[float, int] | None:
        low = self.low(k)
        if low in self.money_units:
            return self.money_units[low], 1
        if low in self.lex.multipliers and self.low(k + 1) in self.money_units:
            return self.lex.multipliers[low] * self.money_units[self.low(k + 1)], 2
        return None

    def _bounded_age(self, bound: str | None, value: Any, first: int) -> bool:
        """'över 65 år' reads as an age unless a duration preposition opens it ('i över 20 år')."""
        low = self.lex.raw["bounded_age_min"]
        return bool(bound) and isinstance(value, (int, float)) and value >= low and \
            self.low(first - 1) not in self.lex.raw["duration_prepositions"] and \
            self.tok(first - 1) is not None and self.tok(first - 1).kind == "word"

    def _open_age_after(self, k: int) -> str | None:
        pair = f"{self.low(k)} {self.low(k + 1)}"
        return self.lex.raw["age_after_open"].get(pair) or self.lex.raw["age_after_open"].get(self.low(k))

    def _age_value(self, value: Any, bound: str | None, k: int) -> tuple[Any, int]:
        raw = self.lex.raw
        side = self._open_age_after(k)
        if isinstance(value, list):
            return value, k
        if side == "low":
            return [value, None], k + 2
        if side == "high":
            return [None, value], k + 2
        if side == "exact":
            return value, k + 1
        if bound in raw["upper_bound_words"]:
            return [None, value], k
        if bound in raw["lower_bound_words"]:
            return [value, None], k
        return value, k


def _scale(value: Any, factor: float) -> Any:
    def one(v: Any) -> Any:
        if v is None:
            return None
        scaled = v * factor
        return int(scaled) if float(scaled).is_integer() else scaled
    if isinstance(value, list):
        return [one(v) for v in value]
    return one(value)


def fraction_whole(word: str) -> int | None:
    """'fjärdedelar' -> 4, 'tredjedel' -> 3, 'tiondel' -> 10; None for other words."""
    lex = lexicon()
    for suffix in lex.raw["fraction_suffixes"]:
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            for form in (stem, stem + "e"):
                if form in lex.ordinals and lex.ordinals[form] >= 2:
                    return lex.ordinals[form]
            return None
    return None


def fallback_lemma(word: str) -> str:
    """Base form of a noun from suffix rules (for pipelines without a lemmatizer)."""
    rules = lexicon().raw["lemmas"]
    low = word.lower()
    if low in rules["forms"]:
        return rules["forms"][low]
    if low.endswith(tuple(rules["keep_suffixes"])):
        return low
    for suffix, replacement in rules["suffix_rules"]:
        if low.endswith(suffix) and len(low) - len(suffix) >= rules["min_stem"]:
            return low[: len(low) - len(suffix)] + replacement
    return low


# --------------------------------------------------------------------------- API


def extract_numbers(doc: Doc) -> Iterator[Number]:
    """Yield every numeric expression of ``doc`` as a ``Number`` (offsets in ``doc.text``)."""
    yield from _Reader(doc).read()


@dataclass
class NumbersComponent:
    """spaCy component: stores ``list[Number]`` in ``doc._.numbers``."""

    name: str = "textmine_numbers"
    extra: dict = field(default_factory=dict)

    def __call__(self, doc: Doc) -> Doc:
        doc._.numbers = list(extract_numbers(doc))
        return doc


@Language.factory("textmine_numbers")
def make_numbers(nlp: Language, name: str) -> NumbersComponent:
    """Factory for ``nlp.add_pipe("textmine_numbers")``."""
    return NumbersComponent(name)
