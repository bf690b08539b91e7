"""One document seen by the number rules: a light tokenization of its own (so the rules
give the same answers on ``spacy.blank("sv")`` and on a full pipeline), the numerals it
spells, its sentences, and questions about the words around a number.

``Scan`` is the per-document state; the rules (``rules.Reader``) ask it about tokens.
When the pipeline has a tagger or a lemmatizer, ``pos`` and ``lemma`` use them.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Any, Callable

import regex
from spacy.attrs import IDX
from spacy.tokens import Doc

from textmine.components.numbers.words import (_DASHES, _SPACE_CHARS, _TAL_SUFFIX, NumberWords,
                                               _digits_value, parse_number)
from textmine.records import Number


# --------------------------------------------------------------------------- tokens

_TOKEN = regex.compile(
    r"(?P<num>(?<![0-9])[0-9]{1,3}(?:[\u00a0\u202f\u2009 ][0-9]{3})+(?:,[0-9]+)?(?![0-9])"
    r"|(?<![0-9.])[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9]|\.[0-9])"  # '18.000': a dot between thousands
    r"|[0-9]+(?:,[0-9]+)?)"
    r"|(?P<word>\p{L}+(?:[:'’]\p{L}+|-\p{L}+)*)"
    r"|(?P<dash>[–—‐‒-])"
    r"|(?P<other>\S)")

# A time of day: '9', '15.30', '17:00' (an hour alone only after 'kl', _SPECIAL's clock)
_MINUTES = r"[0-2]?[0-9][.:][0-5][0-9](?![0-9]|,[0-9])"
_TIME = r"[0-2]?[0-9](?:[.:][0-5][0-9])?(?![0-9]|,[0-9])"
# the first time of a clock expression: any time after 'kl', 'kl.', 'kl:'; else one with minutes
_CLOCK_START = r"(?:\b[Kk]l\.?:?[ \u00a0]?(?<![0-9,])" + _TIME + r"|(?<![0-9,])" + _MINUTES + r")"

# Expressions read before tokenization: they either are numbers of a fixed shape or
# contain digits that are not quantities (phone numbers, names, codes, times, URLs).
_SPECIAL = regex.compile(
    r"(?=[0-9+KkhwmS\p{Lu}§])(?:"  # every alternative starts with one of these: a fast first test
    r"(?P<phone>(?<![0-9])(?:\+46[ \u00a0]?\(?0?\)?[ \u00a0]?[1-9][0-9]{0,2}|0[1-9][0-9]{0,2})"
    r"[ \u00a0]?[–-][ \u00a0]?[0-9]{2,3}(?:[ \u00a0]?[0-9]{2,3}){1,3}(?![0-9])"
    r"|(?<![0-9])0[1-9][0-9]{0,2}[–-][0-9]{5,8}(?![0-9]))"
    r"|(?P<orgnr>(?<![0-9])[0-9]{6}-[0-9]{4}(?![0-9]))"
    r"|(?P<postal>(?<![0-9])[1-9][0-9]{2}[ \u00a0][0-9]{2}(?=[ \u00a0]\p{Lu}))"
    r"|(?P<vaguetal>(?<![0-9])[0-9]+-tals(?!\p{L}))"
    r"|(?P<slashdate>(?<![0-9/])[0-3]?[0-9]/[01]?[0-9](?:[-–][ \u00a0]?|[ \u00a0])(?:19|20)[0-9]{2}(?![0-9]))"
    r"|(?P<dotdate>(?<![0-9.])[0-3]?[0-9]\.[01]?[0-9]\.(?:19|20)[0-9]{2}(?![0-9]))"
    r"|(?P<slash>(?<![0-9/])[0-9]{1,3}/[0-9]{1,3}(?![0-9/]))"
    r"|(?P<paragraph>§[ \u00a0]?[0-9]+[ \u00a0]?[a-h](?![\p{L}0-9]))"
    r"|(?P<casenr>\b\p{Lu}{1,5}[ \u00a0]?/[ \u00a0]?(?:19|20)[0-9]{2}[:.][0-9]+(?:[-–][0-9]+)*(?![0-9])"
    r"|\b\p{Lu}{1,5}/[0-9]+/(?:19|20)[0-9]{2}(?![0-9]))"  # 'KS/2012:628-805', 'RUN/544/2020'
    r"|(?P<version>(?<=[\p{Lu})][ \u00a0])[0-9]{1,2}\.[0-9](?![0-9]|[.,][0-9]))"  # '(BUL) 2.0': a version
    r"|(?P<statute>(?<![0-9])(?:19|20)[0-9]{2}:[0-9]{1,4}(?![0-9]))"
    r"|(?P<isodate>(?<![0-9])(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9](?![0-9]))"
    r"|(?P<decade>(?<![0-9])(?:(?:1[89]|20)[0-9]0-tal(?:ets?|en)?|[0-9]0-talets?)(?!\p{L}))"
    r"|(?P<ordinal>(?<![0-9])[0-9]{1,3}:(?:a|e)(?!\p{L}))"
    r"|(?P<url>(?:https?://|www\.)\S+)"
    r"|(?P<clock>\b[Mm]ellan[ \u00a0]+" + _CLOCK_START + r"[ \u00a0]+och[ \u00a0]+" + _TIME
    + r"|" + _CLOCK_START + r"(?:[ \u00a0]?[-–][ \u00a0]?" + _TIME + r"|[ \u00a0]+till[ \u00a0]+" + _TIME + r")?)"
    r"|(?P<glued>(?<=\p{L}-?)[0-9]+(?:-[0-9]+)*|(?<![0-9,])[0-9]+(?=\p{L})))")
_EMAIL = regex.compile(r"[^\s@]+@[^\s@]+\.\p{L}+")
_DIGIT = regex.compile(r"[0-9]")  # every pattern of a number in digits needs one
_URL_STARTS = ("http", "www.")  # what _SPECIAL's one digit-free alternative (url) starts with


_CLOCK_TIME = regex.compile(r"(?<![0-9])([0-2]?[0-9])(?:[.:]([0-5][0-9]))?(?![0-9])")


def _clock_value(text: str) -> int | float | list[int | float]:
    """The time of day a clock expression spells (hours, minutes as a fraction), or the
    [start, end] of a range: 'kl 15.30' -> 15.5, 'kl 9-12' -> [9, 12]."""
    times = [int(h) + int(m or 0) / 60 for h, m in _CLOCK_TIME.findall(text)]
    times = [int(t) if t.is_integer() else round(t, 2) for t in times]
    return times[0] if len(times) == 1 else times[:2]


def _holds_any(folded: str, words: tuple[str, ...]) -> bool:
    """Whether the case-folded text holds one of ``words`` (case-folded): without one, a
    case-insensitive pattern that matches one of them finds nothing (a cheap first test)."""
    return any(word in folded for word in words)


@dataclass(init=False, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    kind: str  # num, word, dash, other
    low: str = field(repr=False, compare=False)

    def __init__(self, text: str, start: int, end: int, kind: str) -> None:
        # one call per token (a __post_init__ was a second); lower-cased once: the rules
        # ask for it about every token, many times
        self.text, self.start, self.end, self.kind, self.low = text, start, end, kind, text.lower()


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
    fraction: bool = False  # 'hälften', 'varannan': value is the whole of one part


@dataclass
class _Found:
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    kind: str
    value: Any
    unit: str | None
    approx: bool


def _tokenize(text: str, blocked: list[tuple[int, int]]) -> list[_Tok]:
    """The rules' tokens; a token that overlaps a ``blocked`` span is 'other' (made in one
    comprehension, then the usually empty ``blocked`` applied: a token is made per word)."""
    toks = [_Tok(m.group(), m.start(), m.end(), m.lastgroup or "other")
            for m in _TOKEN.finditer(text)]
    if blocked:
        for tok in toks:
            if any(s < tok.end and tok.start < e for s, e in blocked):
                tok.kind = "other"
    return toks


_SENTENCE_END = regex.compile(r"[.!?]+(?=\s+[\p{Lu}0-9\"”'(–-])|\n+")


def _sentence_ids(text: str, toks: list[_Tok]) -> list[int]:
    """A sentence number per token: sentences end at . ! ? or a line break."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return [bisect.bisect_right(ends, t.start) for t in toks]





class Scan:
    """The tokens, numerals and sentences of one Doc; one instance per Doc."""

    def __init__(self, doc: Doc, words: NumberWords) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = words
        self.found: list[Number] = []
        self.sent_of_number: list[int] = []
        self.special: list[tuple[int, int, str, Any, str | None]] = []
        blocked = self._specials()
        self.toks = _tokenize(self.text, blocked)
        self.sent = _sentence_ids(self.text, self.toks)
        self.has_pos = doc.has_annotation("POS")
        self.has_lemma = doc.has_annotation("LEMMA")
        # read in one call: a Token object per word costs more than the whole array
        self._token_starts = doc.to_array(IDX).tolist() if self.has_pos or self.has_lemma else []
        self.function_words = words.function_words
        self.adjectives = words.adjectives
        self.noun_like_adj = words.noun_like_adj
        self.vague = words.vague
        self.people = words.people
        self.time_units = words.time_units
        self.count_time = words.count_time
        self.money_units = words.money_units
        self.percent_units = words.percent_units
        self.lemma_forms = words.lemma_forms
        couple = words.raw["couple_words"]
        self._couple_first = couple[0] if couple else None  # None: every token may start one
        self.numerals = self._numerals()
        self._numeral_index = {n.i: n for n in self.numerals}
        # sentence number -> (first, last) token index (the numbers never decrease: found
        # by bisection, not by a step per token)
        self._sentence_bounds = {sid: (bisect.bisect_left(self.sent, sid),
                                       bisect.bisect_right(self.sent, sid) - 1)
                                 for sid in set(self.sent)}

    # ----------------------------------------------------------------- specials

    def _specials(self) -> list[tuple[int, int]]:
        """Blocked spans; statutes, ISO dates, decades and '3:e' become numbers here.
        Most passages have no digit: the patterns that need one are not run on them, and
        the case-insensitive ones only on a text that holds one of their words."""
        text = self.text
        digits = _DIGIT.search(text) is not None
        folded = text.casefold()
        blocked: list[tuple[int, int]] = []
        if digits or any(start in text for start in _URL_STARTS):
            self._special_patterns(blocked)
        self._join_clock_times()
        self._join_iso_dates()
        if _holds_any(folded, self.lex.guard_words["grade_nicknames"]):
            self._grade_nicknames(blocked)
        if _holds_any(folded, tuple(self.lex.raw["grade_plurals"])):
            self._grade_pairs(blocked)
        if digits:
            for m in self.lex.school_stage.finditer(text):  # 'f–9-skola'
                first = self.lex.raw["school_stage_letters"][m.group("letter").lower()]
                self.special.append((m.start(), m.end(), "grade", [first, int(m.group("last"))], "årskurs"))
                blocked.append((m.start(), m.end()))
        if digits or _holds_any(folded, self.lex.guard_words["compound_stems"]):
            self._number_compounds(blocked)
        if _holds_any(folded, tuple(self.lex.raw["ordinal_compound_stems"])):
            for m in self.lex.ordinal_compound.finditer(text):  # 'en tredjeplats'
                self.special.append((m.start(), m.end(), "ordinal", self.lex.ordinals[m.group("ordinal").lower()],
                                     self.lex.raw["ordinal_compound_stems"][m.group("stem").lower()]))
                blocked.append((m.start(), m.end()))
        if _holds_any(folded, self.lex.guard_words["post_share_words"]):
            self._post_shares()
        if digits:
            for m in self.lex.street_number.finditer(text):  # 'Fabriksgatan 3 E'
                blocked.append((m.start("number"), m.end("number")))
        if "@" in text:
            blocked.extend((m.start(), m.end()) for m in _EMAIL.finditer(text))
        if digits:
            for m in self.lex.name_digits.finditer(text):
                if m.group(1)[0].isupper():
                    blocked.append((m.start(), m.end()))
        return blocked

    def _special_patterns(self, blocked: list[tuple[int, int]]) -> None:
        """Numbers of a fixed shape and digits that are no quantities (``_SPECIAL``)."""
        glued_units = tuple(self.lex.raw["glued_units"])
        for m in _SPECIAL.finditer(self.text):
            kind = m.lastgroup
            if kind == "glued" and self._glued_unit(m.end(), glued_units):
                continue  # '6-15år': digits with their unit glued on stay a number
            blocked.append((m.start(), m.end()))
            s = m.group()
            if kind in ("statute", "casenr"):
                start, end = m.start(), m.end()
                if kind == "statute" and self.text[start - 1:start] == "(" and self.text[end:end + 1] == ")":
                    start, end = start - 1, end + 1  # '(2006:544)': the brackets are the statute's form
                    blocked[-1] = (start, end)
                self.special.append((start, end, "other", s, None))
            elif kind == "isodate":
                self.special.append((m.start(), m.end(), "date", s, None))
            elif kind == "decade":
                first = int(s.split("-")[0])
                if first < 100:  # '60-talet': the 1960s ('10-talet': the 2010s)
                    first += 1900 if first >= 20 else 2000
                span = 99 if first % 100 == 0 else 9  # '1800-talet' is a century, '1990-talet' a decade
                self.special.append((m.start(), m.end(), "period", [first, first + span], None))
            elif kind in ("slashdate", "dotdate"):  # '3/5-2023', '3.5.2023'
                day, month, year = (int(x) for x in regex.split(r"[/.–\- \u00a0]+", s))
                if 1 <= day <= 31 and 1 <= month <= 12:
                    self.special.append((m.start(), m.end(), "date",
                                         f"{year}-{month:02d}-{day:02d}", None))
            elif kind == "slash":
                part, whole = (int(x) for x in s.split("/"))
                if whole <= 12 and 1 <= part <= 31 and self._date_before(m.start()):
                    self.special.append((m.start(), m.end(), "date", f"--{whole:02d}-{part:02d}", None))
                elif whole:
                    self.special.append((m.start(), m.end(), "ratio", {"part": part, "whole": whole}, None))
            elif kind == "paragraph":  # '§37a'
                self.special.append((m.start(), m.end(), "other", int(regex.search(r"[0-9]+", s).group()), None))
            elif kind == "ordinal":
                self.special.append((m.start(), m.end(), "ordinal", int(s.split(":")[0]), None))
            elif kind == "clock":  # 'kl. 18.30', '23:00', 'kl 15-17', 'mellan kl 9 och 12'
                price = self._colon_price(m)
                self.special.append(price or (m.start(), m.end(), "other", _clock_value(s), self.lex.raw["clock_unit"]))

    def _colon_price(self, m: regex.Match) -> tuple[int, int, str, float, str] | None:
        """'17:50 kr': kronor and öre written with a colon, as on price lists, before a unit
        of kronor are money (17.5), not a time of day; the unit is in the span."""
        whole = regex.fullmatch(r"([0-9]{1,3}):([0-9]{2})", m.group())
        unit = regex.match(r"[ \u00a0]?(\p{L}+\.?)", self.text[m.end():])
        if whole is None or unit is None or self.lex.money_units.get(unit.group(1).lower()) != 1:
            return None
        value = int(whole.group(1)) + int(whole.group(2)) * self.lex.raw["cents_factor"]
        return m.start(), m.end() + unit.end(), "money", round(value, 2), self.lex.raw["money_unit_name"]

    def _glued_unit(self, end: int, units: tuple[str, ...]) -> bool:
        """Whether one of ``units`` (and no more letters) is glued on at offset ``end``."""
        word = regex.match(r"\p{L}+", self.text[end:end + 12])
        return word is not None and word.group().lower() in units

    def _join_iso_dates(self) -> None:
        """'2015-05-01-2017-12-31': two dates joined by a dash are one period."""
        joined: list[tuple[int, int, str, Any, str | None]] = []
        for item in self.special:
            last = joined[-1] if joined else None
            if last is not None and last[2] == "date" and item[2] == "date" and isinstance(last[3], str) \
                    and isinstance(item[3], str) and self.text[last[1]:item[0]].strip() in _DASHES:
                joined[-1] = (last[0], item[1], "period", [last[3], item[3]], None)
                continue
            joined.append(item)
        self.special = joined

    def _grade_nicknames(self, blocked: list[tuple[int, int]]) -> None:
        for m in self.lex.grade_nickname.finditer(self.text):  # 'i nian', 'tvåan på gymnasiet'
            word = m.group("word")
            self.special.append((m.start("word"), m.end("word"), "grade",
                                 self.lex.raw["grade_nicknames"][word.lower()], "årskurs"))
            blocked.append((m.start("word"), m.end("word")))

    def _grade_pairs(self, blocked: list[tuple[int, int]]) -> None:
        plurals = self.lex.raw["grade_plurals"]
        for m in self.lex.grade_pair.finditer(self.text):  # 'alla sjuor och åttor'
            low, high = plurals[m.group("low").lower()], plurals[m.group("high").lower()]
            if low < high:
                self.special.append((m.start(), m.end(), "grade", [low, high], "årskurs"))
                blocked.append((m.start(), m.end()))

    def _number_compounds(self, blocked: list[tuple[int, int]]) -> None:
        stems = self.lex.compound_units
        for m in self.lex.number_compound.finditer(self.text):  # '10-årsperiod', 'treåriga'
            if self._counted_before(m.start()):
                continue  # 'två treveckorsperioder': the compound is what the number counts
            value = int(m.group("digits")) if m.group("digits") else self.lex.cardinals[m.group("word").lower()]
            kind, unit = stems[m.group("stem").lower()]
            sign = self._change_word_after(m.end()) if kind == "percent" else 0
            if sign:  # 'en sexprocentig förbättring'
                kind, value = "change", {"delta": value * sign}
            self.special.append((m.start(), m.end(), kind, value, unit))
            blocked.append((m.start(), m.end()))

    def _counted_before(self, start: int) -> bool:
        """A cardinal (not the article) right before offset ``start``."""
        before = regex.search(r"(?:^|[^\p{L}0-9])(\p{L}+|[0-9]+)[ \u00a0]+$", self.text[max(0, start - 20):start])
        if before is None:
            return False
        word = before.group(1).lower()
        return word.isdigit() or (word in self.lex.cardinals and word not in self.lex.raw["article_words"])

    def _post_shares(self) -> None:
        shares = self.lex.raw["post_share_words"]
        for m in self.lex.post_share.finditer(self.text):
            word = m.group(2)
            if not self._post_share_cued((m.group("cue") or "").lower(), m.start()):
                continue
            self.special.append((m.start(2), m.end(2), "percent", shares[word.lower()],
                                 self.lex.raw["post_share_unit"]))

    def _change_word_after(self, end: int) -> int:
        """+1 / -1 when the word after offset ``end`` is a word of increase / decrease."""
        word = regex.match(r"[ \u00a0]+(\p{L}+)", self.text[end:end + 40])
        low = word.group(1).lower() if word else ""
        raw = self.lex.raw
        return 1 if low in raw["change_increase"] else -1 if low in raw["change_decrease"] else 0

    def _join_clock_times(self) -> None:
        """'klockan 9.00-15.00', '9.30 till 12.00': two times of day joined by a dash or
        'till' are one range [9, 15];
        a clock word written out before a time belongs to its span, as in 'klockan tio'."""
        clock = self.lex.raw["clock_unit"]
        joined: list[tuple[int, int, str, Any, str | None]] = []
        for item in self.special:
            start, end, kind, value, unit = item
            if joined and unit == clock and joined[-1][4] == clock \
                    and self.text[joined[-1][1]:start].strip().lower() in _DASHES | {"till"}:
                first = joined.pop()
                item = (first[0], end, kind, [first[3], value], clock)
            joined.append(item)
        for k, (start, end, kind, value, unit) in enumerate(joined):
            if unit != clock:
                continue
            before = self.lex.clock_before.search(self.text[max(0, start - 12):start])
            if before is not None:
                start -= len(before.group())
            if isinstance(value, list):  # 'mellan kl 9-12', 'mellan klockan 9.00-15.00'
                start = self._between_before(start)
            joined[k] = (start, end, kind, value, unit)
        self.special = joined

    def _between_before(self, start: int) -> int:
        """The offset of 'mellan' right before offset ``start`` (a range opened by it), else ``start``."""
        word = regex.search(r"(\p{L}+)[ \u00a0]+$", self.text[max(0, start - 12):start])
        if word is not None and word.group(1).lower() in self.lex.raw["period_between"]:
            return start - len(word.group())
        return start

    def _post_share_cued(self, cue: str, start: int) -> bool:
        """'anställd på halvtid', 'jobbar halvtid': a post's share; not a course 'på heltid'."""
        raw = self.lex.raw
        if cue in raw["post_share_cues"]:
            return True
        sentence_start = max(self.text.rfind(".", 0, start), self.text.rfind("\n", 0, start)) + 1
        before = self.text[sentence_start:start].lower()
        near = regex.findall(r"\p{L}+", before)[-4:]  # 'en samordnare på halvtid'
        if cue != "på":  # 'jobbar han heltid'
            return bool(near) and near[-1] in raw["post_share_cues"]
        if any(w in raw["post_share_cues"] or (len(w) > 5 and w.endswith(tuple(raw["post_share_role_suffixes"])))
               for w in near):
            return True
        return not any(word in before for word in raw["post_share_not_cues"])

    def _date_before(self, start: int) -> bool:
        """'den 3/5', 'från 1/6', 'mellan 1/6 och 31/8': a word before a day/month."""
        words = regex.findall(r"[\p{L}.]+", self.text[max(0, start - 12):start].lower())
        if not words:
            return False
        if words[-1] in self.lex.raw["date_slash_before"]:
            return True
        if any(words[-1].startswith(day) and len(words[-1]) - len(day) <= 2 for day in self.lex.raw["weekdays"]):
            return True  # 'Under tisdagen (10/5)', 'fredag 3/6'
        return words[-1] in ("och", "till", "–") and any(
            kind == "date" and end > start - 12 for _, end, kind, _, _ in self.special)

    # ----------------------------------------------------------------- numerals

    def _word_value(self, tok: _Tok) -> tuple[int | float, str] | None:
        """The value a word spells and how ('ordinal', 'fraction', 'xtal', 'word')."""
        low = tok.low
        if low[:2] not in self.lex.number_prefixes or low in self.vague:
            return None  # most words: decided without the memo
        return self._memo(("word", low), self._read_word)

    def _parse(self, text: str) -> int | float | None:
        """``parse_number`` on the component's words."""
        return self._memo(("parse", text), lambda t: parse_number(t, self.lex))

    def _memo(self, key: tuple[str, str], read: Callable[[str], Any]) -> Any:
        """``read(key[1])``, memoised on the word lists (it depends on nothing else)."""
        return self.lex.memo.lookup(key, lambda k: read(k[1]))

    def _read_word(self, low: str) -> tuple[int | float, str] | None:
        ordinal = self.lex.ordinal(low)
        if ordinal is not None:
            return ordinal, "ordinal"
        whole = self.lex.fraction_whole(low)
        if whole is not None:
            return whole, "fraction"
        if low.endswith("tal") or low.endswith("talet"):
            base = _TAL_SUFFIX.sub("", low)
            value = self._parse(base) if base else None
            if value is not None and value >= 10:
                return value, "xtal"
            return None
        if not self.lex.number_word.fullmatch(low.replace("-", "")):
            return None
        value = self._parse(low)
        if value is None:
            return None
        return value, "word"

    def _numerals(self) -> list[_Numeral]:
        toks, out, i = self.toks, [], 0
        while i < len(toks):
            numeral = self._numeral_at(i) if self._may_start_numeral(toks[i]) else None
            if numeral is None:
                i += 1
                continue
            out.append(numeral)
            i = numeral.j
        return out

    def _may_start_numeral(self, tok: _Tok) -> bool:
        """False only where ``_numeral_at`` finds nothing for certain (its first tests,
        without its calls: most tokens are words that spell no number)."""
        if tok.kind == "num":
            return True
        low = tok.low
        if self._couple_first is None or low == self._couple_first:
            return True
        if tok.kind != "word" or low in self.lex.multipliers:
            return False
        # a word that spells no number starts none ('_numeral_at' asks the same first)
        return low in self.lex.numeral_starters or self._word_value(tok) is not None

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
            return self._extend_multiplier(self._spaced_decimal(numeral) or numeral)
        couple = self._couple(i)
        if couple is not None:
            return couple
        if tok.kind != "word" or tok.low in self.lex.multipliers:
            return None
        fraction = self.lex.raw["fraction_words"].get(tok.low) or self._noun_fraction(i)
        if fraction:  # 'hälften', 'halva', 'varannan', 'halv avgift'
            return _Numeral(i, i + 1, fraction, False, words=True, fraction=True)
        adverb = self.lex.raw["ordinal_adverbs"].get(tok.low)
        if adverb and self.low(i - 1) in self.lex.raw["ordinal_adverb_after"] and not self._not_until(i):
            return _Numeral(i, i + 1, adverb, False, ordinal=True, words=True)  # 'är först ut'
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
        best = _Numeral(i, i + 1, value, False, words=True,
                        article=tok.low in self.lex.raw["article_words"])
        k = i + 1
        while k < len(toks) and k - i < 8 and toks[k].kind in ("word", "num") \
                and self.text[toks[k - 1].end:toks[k].start] in (" ", "\u00a0", "\u202f"):
            if toks[k].kind == "word" and (self._word_value(toks[k]) or (0, ""))[1] in ("xtal", "ordinal"):
                break
            candidate = self._parse(self.text[tok.start:toks[k].end])
            if candidate is not None:  # 'ett och ett halvt' parses only when complete
                best = _Numeral(i, k + 1, candidate, False, words=True)
            k += 1
        bracketed = self._bracketed_digits(best)
        if bracketed is not None:
            return bracketed
        # "ett trettiotal", "ett 30-tal": the article belongs to the number
        if best.article and i + 1 < len(toks):
            nxt = self._numeral_at(i + 1) if toks[i + 1].kind in ("word", "num") else None
            if nxt is not None and nxt.approx:
                return _Numeral(i, nxt.j, nxt.value, False, approx=True, words=True)
        return best

    def _noun_fraction(self, i: int) -> int | None:
        """'betalar halv avgift': a word for a part before its noun, with no article or number
        before it ('en halv dag' is a number of its own) nor a number after ('halv sju')."""
        whole = self.lex.raw["noun_fractions"].get(self.toks[i].low)
        before, after = self.tok(i - 1), self.tok(i + 1)
        if whole is None or after is None or after.kind != "word" or self._word_value(after) is not None \
                or (before is not None and (before.kind == "num" or self._word_value(before) is not None)):
            return None
        return whole

    def _bracketed_digits(self, numeral: _Numeral) -> _Numeral | None:
        """'fyra (4) tjänster': a number word repeated in digits in brackets is one number."""
        k = numeral.j
        toks = [self.tok(k + m) for m in range(3)]
        if numeral.article or None in toks or toks[0].text != "(" or toks[2].text != ")" \
                or toks[1].kind != "num" or _digits_value(toks[1].text) != numeral.value:
            return None
        return replace(numeral, j=k + 3)

    def _not_until(self, i: int) -> bool:
        """'blir klart först 2019', 'först nästa år': 'först' before a time means 'not until'."""
        nxt = self.tok(i + 1)
        return nxt is not None and (nxt.kind == "num" or nxt.low in self.lex.raw["ordinal_adverb_not_before"])

    def _after_vague(self, i: int) -> bool:
        """'flera tusen', 'några hundra': number words after a vague word ('ett par
        tusen' is read as a number of its own, see ``_couple``)."""
        k = i - 1
        while k >= 0 and self.toks[k].kind == "word" and self.lex.number_word.fullmatch(self.toks[k].low):
            k -= 1
        return k >= 0 and self.toks[k].low in self.vague

    def _couple(self, i: int) -> _Numeral | None:
        """'ett par tusen', 'ett par hundra': a couple of a multiplier, about twice it."""
        phrase = self.lex.raw["couple_words"]
        n = len(phrase)
        if phrase and self.low(i) != phrase[0]:
            return None  # the usual case, decided without building the list below
        if [self.low(i + m) for m in range(n)] != phrase:
            return None
        word = self.low(i + n)
        factor = self.lex.multipliers.get(word) or (1000 if word in self.lex.thousand else None) \
            or (100 if word in self.lex.raw["hundred"] else None)
        if factor is None:
            return None
        return _Numeral(i, i + n + 1, 2 * factor, False, approx=True, words=True)

    def _spaced_decimal(self, numeral: _Numeral) -> _Numeral | None:
        """'10, 4 miljoner kronor': a stray space after the decimal comma, read as 10,4
        only for one decimal right before a multiplier (not a list '5, 10 miljoner')."""
        i = numeral.i
        comma, decimals, word = self.tok(i + 1), self.tok(i + 2), self.tok(i + 3)
        if not numeral.digits or comma is None or decimals is None or word is None or comma.text != "," \
                or comma.start != self.toks[i].end or decimals.kind != "num" or len(decimals.text) != 1 \
                or self.text[comma.end:decimals.start] != " " or word.low not in self.lex.multipliers:
            return None
        return _Numeral(i, i + 3, float(f"{self.toks[i].text}.{decimals.text}"), False)

    def _extend_multiplier(self, numeral: _Numeral) -> _Numeral:
        """'75 miljoner', '10 tusen' are one number."""
        k = numeral.j
        if k < len(self.toks) and self.toks[k].kind == "word":
            low = self.toks[k].low
            factor = self.lex.multipliers.get(low) or (1000 if low in self.lex.thousand else None)
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
                return self.lex.fallback_lemma(low) if lemma == low else lemma
        return self.lex.fallback_lemma(low)

    def paragraph_break_before(self, k: int) -> bool:
        """A blank line stands between token k - 1 and token k."""
        before, t = self.tok(k - 1), self.tok(k)
        return before is not None and t is not None and \
            self.text.count("\n", before.end, t.start) >= 2

    def token_from(self, offset: int) -> int:
        """Index of the first token that starts at or after character ``offset``."""
        return next((m for m, t in enumerate(self.toks) if t.start >= offset), len(self.toks))

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
                or low in self.lex.ordinals or low in self.lex.raw["months"] \
                or low in self.lex.raw["time_adjectives"]:
            return False
        if low in self.time_units or low in self.count_time or low in self.lemma_forms:
            return True
        if self.has_pos:
            pos = self.pos(t)
            if pos in ("NOUN", "PROPN", "X"):
                return not t.text[0].isupper() or pos == "NOUN"
            if pos == "VERB" and len(low) >= self.lex.raw["long_plural_min"] and \
                    low.endswith(("ar", "er", "or")) and not t.text[0].isupper():
                return True  # a long plural compound the tagger took for a verb ('fritidsgårdar')
            if pos == "VERB" and self._counted_by_parse(t):
                return True  # '2 nya utegym': a number hangs on it, so the tag is wrong
            if pos == "ADJ":
                return low in self.noun_like_adj or low in self.adjectives
            return False
        if t.text[0].isupper():
            return False
        return not self.verb_like(low)

    def _finite_verb(self, t: _Tok) -> bool:
        """A finite verb ('Två av tre erbjuder drop-in-hjälp') modifies no noun after it."""
        token = self.spacy_token(t)
        return token is not None and token.pos_ == "VERB" and "Fin" in token.morph.get("VerbForm")

    def _counted_by_parse(self, t: _Tok) -> bool:
        """The parser hangs a number and an adjective on token t (nummod, amod: '2 nya
        utegym'): t is a noun whatever its tag (a verb takes no amod)."""
        token = self.spacy_token(t)
        if token is None or token.idx != t.start:
            return False
        deps = {c.dep_ for c in token.children}
        return "nummod" in deps and "amod" in deps

    def is_adjective(self, k: int) -> bool:
        t = self.tok(k)
        if t is None or t.kind != "word":
            return False
        if self.has_pos and self.pos(t) in ("ADJ", "VERB") and t.low not in self.function_words \
                and not self._finite_verb(t):
            return True
        if self.modifies_next(k):
            return True
        if t.low in self.adjectives:
            return True
        return not self.has_pos and t.low.endswith(self.lex.adjective_suffixes) and t.low not in self.lemma_forms

    def modifies_next(self, k: int) -> bool:
        """A word the parser hangs on the noun right after it as a modifier ('240 analoga
        trygghetslarm' with 'analoga' tagged as a noun): not the counted noun itself."""
        t, following = self.tok(k), self.tok(k + 1)
        if not self.has_pos or t is None or following is None or following.kind != "word":
            return False
        token, head = self.spacy_token(t), self.spacy_token(following)
        return token is not None and head is not None and token.head == head \
            and token.dep_ in ("amod", "det") and head.pos_ == "NOUN" and token.pos_ == "NOUN" \
            and t.low.endswith(("a", "e"))

    def counted_noun(self, k: int, adjective_head: bool = True) -> tuple[int, str] | None:
        """(end token, unit) of '[adjectives] noun' starting at token k, if any; with
        ``adjective_head`` an adjective that stands for the noun counts too. Not across a
        blank line ('113 st\n\nOMFATTNING: ...': a heading follows)."""
        if self.paragraph_break_before(k):
            return None
        coordinated = self._coordinated_compound(k)
        if coordinated is not None:
            return coordinated
        modified = self._noun_after_modifiers(k)
        if modified is not None:
            return modified + 1, self.lemma(self.toks[modified])
        last_noun = None
        j = k
        stacking = self.lex.raw["stacking_modifiers"]
        while j < k + 3 and (
                (self.low(j) in stacking and self.is_adjective(j + 1))  # 'tre ytterligare delregionala förbund'
                or (self.is_adjective(j) and (self.noun_like(j + 1) or self._named_noun(j + 1)))):
            j += 1
        if self.noun_like(j) or (j > k and self._named_noun(j)):
            last_noun = j
        elif j > k and self.tok(j - 1) is not None and self.tok(j - 1).low in self.noun_like_adj:
            last_noun = j - 1
        elif adjective_head and self._adjective_head(j):
            last_noun = j
        if last_noun is None:
            return None
        return last_noun + 1, self.lemma(self.toks[last_noun])

    def _noun_after_modifiers(self, k: int) -> int | None:
        """The noun after two modifiers joined by 'och'/'eller' ('nyskapande och utvecklande
        projekt') or an adverb in -t before an adjective ('politiskt prioriterade områdena')."""
        t = self.tok(k)
        if t is None or t.kind != "word" or t.low in self.function_words:
            return None
        if self.low(k + 1) in ("och", "eller") and self.is_adjective(k) and self.is_adjective(k + 2) \
                and self.noun_like(k + 3):
            return k + 3
        adverb = self.pos(t) in ("ADV", "ADJ") and t.low.endswith(tuple(self.lex.raw["modifier_adverb_endings"])) \
            if self.has_pos \
            else t.low.endswith(tuple(self.lex.raw["adverb_suffixes"]))
        if adverb and self.is_adjective(k + 1) and self.noun_like(k + 2):
            return k + 2
        return None

    def _coordinated_compound(self, k: int) -> tuple[int, str] | None:
        """'sport- och friluftsprylar', 'högstadie- och gymnasieskola': one noun phrase."""
        t, dash = self.tok(k), self.tok(k + 1)
        if t is None or t.kind != "word" or dash is None or dash.kind != "dash" or dash.start != t.end \
                or self.low(k + 2) not in ("och", "eller"):
            return None
        return self.counted_noun(k + 3)

    def _named_noun(self, k: int) -> bool:
        """A capitalised noun after an adjective ('15 nya Digidelcenter')."""
        t = self.tok(k)
        return t is not None and t.kind == "word" and self.has_pos and t.text[0].isupper() \
            and self.pos(t) in ("PROPN", "NOUN")

    def _adjective_head(self, k: int) -> bool:
        """An adjective or participle used as the noun ('284 sökande', '886 behöriga (...)',
        '11 000 långtidsarbetslösa eller nyanlända'): nothing noun-like follows it."""
        t = self.tok(k)
        if t is None or t.kind != "word" or len(t.text) < 4 or t.low in self.function_words \
                or t.low in self.vague or t.low in self.lex.ordinals or t.low in self.lex.cardinals:
            return False
        adjective = self.pos(t) == "ADJ" if self.has_pos else t.low.endswith(("ande", "ende"))
        # a plural or participle form ('behöriga', 'sökande'), not an adverbial 'kommunalt'
        if not adjective or not t.low.endswith(("a", "e")) or t.low in self.lex.raw["not_head_adjectives"] \
                or t.low in self.lex.raw["time_adjectives"]:  # '32 000 förra året'
            return False
        return not self.noun_like(k + 1) and not self.is_adjective(k + 1)

    def approx_before(self, k: int) -> int | None:
        """Index of the first token of an approximation phrase ending right before k."""
        last = self.low(k - 1)
        if last == "." and k >= 2 and self.low(k - 2) + "." in self.lex.abbreviated_approx \
                and self.toks[k - 2].end == self.toks[k - 1].start:
            return k - 2  # "ca." with the dot as its own token
        if last in self.lex.raw["approx_prepositions"] and self.low(k - 2) in self.lex.raw["approx_prepositions"][last]:
            return None  # 'sträcker sig över tre år': a preposition, not a qualifier
        best = None
        for words in self.lex.approx_by_last.get(last, []):
            start = k - len(words)
            if start >= 0 and all(self.low(start + n) == w for n, w in enumerate(words)):
                best = start if best is None else min(best, start)
        if best is not None and best > 0:  # 'kanske cirka 25 procent': hedges stack
            earlier = self.approx_before(best)
            return earlier if earlier is not None else best
        return best

    def sentence_text(self, k: int) -> str:
        first, last = self._sentence_bounds[self.sent[k]]
        return self.text[self.toks[first].start:self.toks[last].end].lower()

    def money_context(self, k: int) -> bool:
        """A word of money in the sentence of token k: a cue matches a whole word, its
        inflected forms ('budgeten') or the end of a compound ('arbetsstipendier',
        'projektbidraget'), not the start of one ('lönesubventionerad')."""
        sentence = self.sentence_text(k)
        words = regex.findall(r"\p{L}+", sentence)
        for cue in self.lex.raw["money_context"]:
            if " " in cue:
                if cue in sentence:
                    return True
            elif any(0 <= (at := w.rfind(cue)) and len(w) - at - len(cue) <= 4 for w in words):
                return True
        return False

    def previous_count(self, k: int) -> Number | None:
        """The count just before token k in this or the previous sentence (a ratio's whole)."""
        sid = self.sent[k]
        for number, s in zip(reversed(self.found), reversed(self.sent_of_number)):
            if s < sid - 1:
                return None
            if number.kind == "count" and isinstance(number.value, (int, float)):
                return number
        return None

    def previous_of_unit(self, unit: str | None) -> Number | None:
        """The last number found so far that counts ``unit`` ('tre dagar' before 'en av
        dessa dagar')."""
        for number in reversed(self.found):
            if unit and number.unit == unit and number.kind in ("count", "duration") \
                    and isinstance(number.value, (int, float)) \
                    and not isinstance(number.value, bool):
                return number
        return None

    def age_context(self, first: int) -> bool:
        if self.low(first - 1) == "(":  # 'ungdomar (18–25 år)'
            first -= 1
        elif self.low(first - 1) == "," and self.low(first) == "mellan":  # 'ungdomarna, mellan 13 och 19 år'
            first -= 1
        prev = self.low(first - 1)
        if prev in self.people or f"{self.low(first - 2)} {prev}" in self.people:
            return True
        # 'i åldern 16-24 år', 'deras ålder varierar mellan 16 och 82 år'
        return any(self.low(first - d) in self.lex.raw["age_nouns"] for d in (1, 2, 3))
