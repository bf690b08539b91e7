"""The number rules: each numeral of a ``Scan`` is read by the first rule that takes it
(identifiers, ordinals, grades, dates, periods, changes, ratios, quantities), in order.

Every rule gets the numeral and the first token it may reach back to (``floor``: the end
of the previous number), and returns a ``_Found`` span with kind, value, unit and approx.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

import regex

from textmine.components.numbers.scan import Scan, _Found, _Numeral
from textmine.components.numbers.words import _DASHES, scale
from textmine.records import Number


class Reader(Scan):
    """Reads the numbers of one Doc: ``Reader(doc, words).read()``."""

    def read(self) -> list[Number]:
        pos = 0
        for n in self.numerals:
            if n.i < pos:
                continue
            found = self.interpret(n, pos)
            if found is None or found.kind == "skip":
                pos = max(pos, found.last) if found is not None else pos  # a name's whole range
                continue
            first = max(found.first, pos)
            start, end = self.toks[first].start, self.toks[found.last - 1].end
            number = Number(self.text[start:end], found.kind, found.value, found.unit, found.approx, start, end)
            self.found.append(number)
            self.sent_of_number.append(self.sent[n.i])
            pos = found.last
        for start, end, kind, value, unit in self.special:
            if kind == "ordinal" and unit is None:  # '15:e bokslutet'
                end, unit = self._ordinal_noun(end)
            approx_start = self._approx_start(start) if unit == self.lex.raw["clock_unit"] else None
            if approx_start is not None:  # 'till minst 23:00'
                start = approx_start
            self.found.append(Number(self.text[start:end], kind, value, unit, approx_start is not None,
                                     start, end))
        return sorted(self.found, key=lambda x: x.start)

    def _ordinal_noun(self, end: int) -> tuple[int, str | None]:
        """(end offset, unit) of a digit ordinal ending at ``end`` with the time unit or noun
        after it ('15:e bokslutet', '3:e året'), as a word ordinal takes them."""
        k = self.token_from(end)
        time_noun = self.lex.raw["ordinal_time_nouns"].get(self.low(k))
        if time_noun:
            return self.toks[k].end, time_noun
        noun = self.counted_noun(k, adjective_head=False)
        return (self.toks[noun[0] - 1].end, noun[1]) if noun else (end, None)

    def _approx_start(self, start: int) -> int | None:
        """Character offset of an approximation word right before offset ``start``."""
        k = self.token_from(start)
        approx_at = self.approx_before(k)
        return self.toks[approx_at].start if approx_at is not None else None

    def interpret(self, n: _Numeral, floor: int) -> _Found | None:
        if n.article and self._article_idiom(n):
            return None
        for rule in (self.rule_name_year, self.rule_fraction, self.rule_clock, self.rule_identifier,
                     self.rule_scale, self.rule_ordinal, self.rule_grade, self.rule_dated, self.rule_period,
                     self.rule_change, self.rule_ratio, self.rule_quantity):
            found = rule(n, floor)
            if found is not None:
                return found
        return None

    def rule_name_year(self, n: _Numeral, floor: int) -> _Found | None:
        """A year that ends a quoted title ('"Svenskarna och internet 2018"'), follows a report
        or prize ('Folkhälsorapporten 2020', 'Årets kommun 2022'), or digits after the name
        of a campaign or project ('kampanjen Digidel 2013', 'projektet Fokus 20–25') are part
        of the name."""
        year = self.is_year(n)
        if not year and not n.digits:
            return None
        closing = self.tok(n.j)
        if year and closing is not None and closing.text in self.lex.raw["closing_quotes"] and any(
                t.text in self.lex.raw["opening_quotes"] for t in self.toks[max(0, n.i - 8):n.i]):
            return _Found(n.i, n.i, "skip", None, None, False)
        name = self.tok(n.i - 1)
        if name is None or name.kind != "word":
            return None
        raw = self.lex.raw
        named = name.text[0].isupper() and self.low(n.i - 2) in raw["name_cue_nouns"]
        titled = name.low.endswith(tuple(raw["name_year_heads"]))  # 'Folkhälsorapporten 2020'
        prize = self.low(n.i - 2) in raw["prize_words"] or name.low.endswith(
            tuple(raw["prize_title_owners"].get(self.low(n.i - 2), ())))  # 'Årets kommun 2022', 'Sveriges friluftskommun 2023'
        if named or ((titled or prize) and year):  # a name ('Projektet Fokus 20–25') takes any digits
            value, last = self._range_after(n)
            return _Found(n.i, last if value is not None else n.j, "skip", None, None, False)
        return None

    def rule_fraction(self, n: _Numeral, floor: int) -> _Found | None:
        """'hälften', 'knappt hälften', 'halva', 'närmare varannan kursdeltagare': a ratio of
        one part; a distributive word ('varannan') takes its noun, as 'var fjärde' does."""
        if not n.fraction:
            return None
        first = self._hedged_start(n.i, floor)
        last, unit = n.j, None
        if self.toks[n.i].low in self.lex.raw["noun_fractions"]:  # 'halv avgift': the noun is its unit
            noun = self.counted_noun(n.j)
            if noun is None:
                return _Found(n.i, n.i, "skip", None, None, False)
            unit = noun[1]
        elif self.toks[n.i].low in self.lex.raw["distributive_fractions"]:
            time_noun = self.lex.raw["ordinal_time_nouns"].get(self.low(n.j))
            noun = (n.j + 1, time_noun) if time_noun else self.counted_noun(n.j)
            if noun is not None:  # 'varannan kursdeltagare', 'vartannat år' (as 'vart tredje år')
                last, unit = noun
        return _Found(first, last, "ratio", {"part": 1, "whole": n.value}, unit, first != n.i)

    def rule_clock(self, n: _Numeral, floor: int) -> _Found | None:
        """'klockan tio', 'klockan 17–21': times of day, kind other, unit klockslag; also a
        number word before 'på kvällen' or after 'öppet till'."""
        raw = self.lex.raw
        if not 0 <= n.value <= 24 or n.ordinal or n.article:
            return None
        if self._glued_dash(n.j) and self.low(n.j + 1) in raw["clock_glued"]:  # 'runt 23-tiden'
            first = self._hedged_start(n.i, floor)
            return _Found(first, n.j + 2, "other", n.value, raw["clock_unit"], first != n.i)
        if self.low(n.i - 1) in raw["clock_half_words"] and n.words and 1 <= n.value <= 12 \
                and n.i - 1 >= floor and self.counted_noun(n.j) is None:  # 'halv sju': half past six
            return _Found(n.i - 1, n.j, "other", n.value - 0.5, raw["clock_unit"], False)
        if self.low(n.i - 1) not in raw["clock_words"] or n.i - 1 < floor:
            after = f"{self.low(n.j)} {self.low(n.j + 1)}"
            before = f"{self.low(n.i - 2)} {self.low(n.i - 1)}"
            bare = self.counted_noun(n.j) is None and self.low(n.j) not in self.time_units
            if n.words and (after in raw["clock_after"] or (before in raw["clock_before"] and bare)):
                return _Found(n.i, n.j, "other", n.value, raw["clock_unit"], False)
            return self._opening_hours(n, floor)
        value, last = self._range_after(n)
        return _Found(self._between_start(n.i - 1, value, floor), last, "other",
                      value if value is not None else n.value, self.lex.raw["clock_unit"], False)

    def _opening_hours(self, n: _Numeral, floor: int) -> _Found | None:
        """'öppet mellan 9 och 12', 'tisdagar 17-20': a range of whole hours without a clock
        word is a time of day after a word of opening hours (a few words before) or right
        after a weekday; not when a unit or a noun follows ('öppet för barn 9-12 år')."""
        if not n.digits or n.words:
            return None
        value, last = self._range_after(n)
        if value is None or not all(isinstance(v, int) and 0 <= v <= 24 for v in value) or value[0] >= value[1] \
                or self._unit_at(last, self.low(last)) or self.counted_noun(last) is not None \
                or self._glued_dash(last):  # '9-12-åringar'
            return None
        first = self._between_start(n.i, value, floor)
        if self._ages_of(first, value):  # 'öppet för barn 9-12'
            return None
        if first == n.i and self.low(n.j) == "och":
            return None  # '9 och 12' is a range of hours only after 'mellan'
        raw = self.lex.raw
        weekday = self.is_word(first - 1) and self._weekday(self.low(first - 1))
        cued = any(self.low(k) in raw["opening_hours_cues"] and self.sent[k] == self.sent[n.i]
                   for k in range(max(floor, first - 4), first))
        if not (weekday or cued):
            return None
        return _Found(first, last, "other", value, raw["clock_unit"], False)

    def _weekday(self, low: str) -> bool:
        """'tisdag', 'tisdagar', 'tisdagen', 'tisdagarna': a weekday in any form."""
        return any(low.startswith(day) and len(low) - len(day) <= 4 for day in self.lex.raw["weekdays"])

    def rule_identifier(self, n: _Numeral, floor: int) -> _Found | None:
        """'§ 12', 'nr 5', 'vecka 32', 'fas 2': identifiers, kind other; 'på plats tre': a rank."""
        rank = self._rank(n, floor)
        if rank is not None:
            return rank
        prefix = self.tok(n.i - 1)
        if prefix is None or n.i - 1 < floor or not n.digits:
            return None
        low = prefix.low
        first = n.i - 1
        if low == "." and self.low(n.i - 2) + "." in self.lex.identifier_prefixes:
            first = n.i - 2
        elif low not in self.lex.identifier_prefixes:
            return None
        value, last = self._range_after(n)
        letter = self.tok(last)
        if letter is not None and letter.kind == "word" and letter.low in self.lex.raw["identifier_letters"]:
            last += 1  # '§ 37 a'
        unit = self.lex.raw["identifier_units"].get(low)
        return _Found(self._between_start(first, value, floor), last, "other",
                      value if value is not None else n.value, unit, False)

    def _rank(self, n: _Numeral, floor: int) -> _Found | None:
        """'på plats tre', 'klättrade till plats 50', 'runt plats 60-70': a place in a
        ranking, kind ordinal (not 'på plats fyra dagar')."""
        rank = self.lex.raw["rank_nouns"].get(self.low(n.i - 1))
        if not rank or n.i - 1 < floor or n.article or n.ordinal or not isinstance(n.value, int) \
                or self.is_year(n) or self._unit_at(n.j, self.low(n.j)) or self.counted_noun(n.j) is not None:
            return None
        approx_at = self.approx_before(n.i - 1)
        if self.low(n.i - 2) not in self.lex.raw["rank_prepositions"] and approx_at is None:
            return None
        value, last = self._range_after(n)
        first = approx_at if approx_at is not None and approx_at >= floor else n.i - 1
        return _Found(first, last, "ordinal", value if value is not None else n.value, rank, first != n.i - 1)

    def rule_scale(self, n: _Numeral, floor: int) -> _Found | None:
        """'en skala mellan 1-6', '4,37 på en femgradig skala', 'medelbetyg är 4,7': the ends
        of a rating scale and values on it are no counts, kind other. The cues are read
        first (cheap); a number with its own unit or noun is no scale value."""
        if n.words or n.article or n.ordinal or n.fraction or self.is_year(n):
            return None
        raw = self.lex.raw
        units, scales = raw["scale_units"], raw["scale_words"]
        opener = self.low(n.i - 1)
        end_of_scale = opener in (*raw["period_between"], raw["change_from"]) and self.low(n.i - 2) in scales \
            and n.i - 1 >= floor
        listed_end = opener in raw["range_words"] and self.found and self.found[-1].unit == units["end"] \
            and self.sent_of_number[-1] == self.sent[n.i]  # '0 (inga problem) och 6'
        first = self._hedged_start(n.i, floor)
        on_scale = self.low(n.j) == "på" and self.low(n.j + 1) in raw["article_words"] \
            and (self.low(n.j + 2) in scales or self.low(n.j + 3) in scales)  # 'på en femgradig skala'
        if not (end_of_scale or listed_end or on_scale or self._of_score(first)) \
                or self._unit_at(n.j, self.low(n.j)) or self.counted_noun(n.j) is not None:
            return None
        if end_of_scale:
            value, last = self._range_after(n)
            if value is not None:
                return _Found(n.i - 1, last, "other", value, units["end"], False)
        if end_of_scale or listed_end:
            return _Found(n.i, n.j, "other", n.value, units["end"], False)
        return _Found(first, n.j, "other", n.value, units["value"], first != n.i)

    def _of_score(self, first: int) -> bool:
        """'medelbetyg är 4,7', 'ett medelvärde på minst 3': a score noun joined to the
        number by at most two link words."""
        raw = self.lex.raw
        k = first - 1
        while k >= first - 2 and self.low(k) in raw["score_links"]:
            k -= 1
        return k < first - 1 and self.low(k) in raw["score_nouns"] and self.sent[k] == self.sent[first]

    def _hedged_start(self, k: int, floor: int) -> int:
        """The first token of the number at token k: the approximation phrase before it
        ('cirka 25', 'runt 23-tiden'), unless that reaches back past ``floor``."""
        approx_at = self.approx_before(k)
        return approx_at if approx_at is not None and approx_at >= floor else k

    def _glued_dash(self, k: int) -> bool:
        """Token k is a dash glued to the token before it ('23-tiden', '15-åringar')."""
        t = self.tok(k)
        return t is not None and t.text in _DASHES and k > 0 and t.start == self.toks[k - 1].end

    def _between_start(self, first: int, value: list | None, floor: int) -> int:
        """'mellan vecka 25 och 33', 'mellan klockan 16 och 19': a range of labelled numbers
        starts at 'mellan', as a range of counts does."""
        if value is not None and self.low(first - 1) in self.lex.raw["period_between"] and first - 1 >= floor:
            return first - 1
        return first

    def rule_ordinal(self, n: _Numeral, floor: int) -> _Found | None:
        if not n.ordinal:
            return None
        low = self.toks[n.i].low
        if self._named_ordinal(n):
            return _Found(n.i, n.i, "skip", None, None, False)
        ambiguous = self.lex.raw["ambiguous_ordinals"]
        if low in ambiguous and self.low(n.j) not in ambiguous[low] and not self._owned_time(n):
            return _Found(n.i, n.i, "skip", None, None, False)
        window = " ".join(self.low(k) for k in range(n.i - 2, n.j + 2))  # 'först till kvarn'
        if any(idiom in window for idiom in self.lex.raw["ordinal_idioms"]):
            return _Found(n.i, n.i, "skip", None, None, False)
        grade = self._ordinal_grade(n)
        if grade is not None:
            return grade
        following = self.numeral_starting(n.j)
        if following is not None and not following.ordinal and not following.article:
            quantity = self.rule_quantity(following, following.i)
            if quantity is not None and quantity.kind == "duration":  # 'de första tre månaderna'
                return _Found(n.i, quantity.last, "duration", quantity.value, quantity.unit, quantity.approx)
        time_noun = self.lex.raw["ordinal_time_nouns"].get(self.low(n.j))
        distributive = self.low(n.i - 1) in self.lex.raw["distributive_determiners"] and n.value >= 2
        if time_noun and not distributive:  # 'första året', not 'var tredje år'
            return _Found(n.i, n.j + 1, "ordinal", n.value, time_noun, False)
        noun = self.counted_noun(n.j, adjective_head=False)
        if distributive and n.i - 1 >= floor:  # 'var fjärde elev', 'vart tredje år' 
            first = self._hedged_start(n.i - 1, floor)
            last, unit = noun if noun else (n.j + 1, time_noun) if time_noun else (n.j, None)  # 'var tredje år'
            return _Found(first, last, "ratio", {"part": 1, "whole": n.value}, unit, first != n.i - 1)
        if noun:
            return _Found(n.i, noun[0], "ordinal", n.value, noun[1], False)
        return _Found(n.i, n.j, "ordinal", n.value, None, False)

    def _named_ordinal(self, n: _Numeral) -> bool:
        """'via Första steget, kommunens satsning': a capitalised ordinal inside a sentence
        (after a word) starts a name."""
        return n.words and self.toks[n.i].text[0].isupper() and self.is_word(n.i - 1) \
            and self.sent[n.i - 1] == self.sent[n.i]

    def _owned_time(self, n: _Numeral) -> bool:
        """'min andra dag', 'årets andra halvår': 'andra' between an owner (a possessive or a
        genitive) and a singular unit of time is second, not other."""
        unit = self.low(n.j)
        if self.time_units.get(unit) != unit and not self._singular_noun_after(n.j):
            return False
        owner = self.low(n.i - 1)
        return owner in self.lex.raw["ordinal_owners"] or (
            self.is_word(n.i - 1) and owner.endswith(tuple(self.lex.raw["ordinal_owner_genitives"]))
            and owner not in self.function_words)

    def _singular_noun_after(self, k: int) -> bool:
        """The noun phrase at token k ends in a noun the tagger reads as singular and
        indefinite ('Årets andra medborgardialog', 'verkets andra nationella kartläggning'):
        after an owner, 'andra' before it is second ('other' takes a plural)."""
        noun = self.counted_noun(k, adjective_head=False)
        token = self.spacy_token(self.toks[noun[0] - 1]) if noun is not None else None
        return token is not None and token.pos_ == "NOUN" and token.morph.get("Number") == ["Sing"] \
            and token.morph.get("Definite") == ["Ind"]

    def _ordinal_grade(self, n: _Numeral) -> _Found | None:
        """'första årskursen', 'första eller andra årskurs': an ordinal school year is a
        grade; an ordinal coordinated with one that names 'årskurs' shares the noun."""
        nouns = self.lex.raw["ordinal_grade_nouns"]
        if self.low(n.j) in nouns:
            return _Found(n.i, n.j + 1, "grade", n.value, "årskurs", False)
        if self.low(n.j) in self.lex.raw["range_words"] + ["eller"]:
            other = self.numeral_starting(n.j + 1)
            if other is not None and other.ordinal and self.low(other.j) in nouns:
                return _Found(n.i, n.j, "grade", n.value, "årskurs", False)
        return None

    def rule_grade(self, n: _Numeral, floor: int) -> _Found | None:
        grades = self.lex.raw["grade_words"]
        stages = self.lex.raw["grade_year_stages"]
        stage_year = self.low(n.i - 1) in self.lex.raw["year_words"] and n.digits and 1 <= n.value <= 4 \
            and (self.low(n.i - 2) in stages  # 'gymnasiet år 2', 'år 2 i gymnasiet'
                 or (self.low(n.j) in ("i", "på") and self.low(n.j + 1) in stages))
        if (self.low(n.i - 1) not in grades and not stage_year) or n.i - 1 < floor:
            return self._school_years(n)
        value, last = self._range_after(n)
        if value is None:
            value, last = self._listed_grade(n)
            if self._open_age_after(last) == "low":  # 'årskurs sex och uppåt'
                value, last = [n.value, None], last + 2
        return _Found(n.i - 1, last, "grade", value, "årskurs", False)

    def _listed_grade(self, n: _Numeral) -> tuple[Any, int]:
        """'årskurs 8 eller 9', 'årskurs 6, 9 och gymnasiet': a later school year listed
        right after the first shares 'årskurs' ([8, 9]); else the one year."""
        other = self.numeral_starting(n.j + 1) if self.low(n.j) in ("eller", ",") else None
        if other is None or other.article or other.ordinal or not isinstance(other.value, int) \
                or not n.value < other.value <= 13 or self.counted_noun(other.j) is not None:
            return n.value, n.j
        return [n.value, other.value], other.j

    def _school_years(self, n: _Numeral) -> _Found | None:
        """'7-9 verksamhet', 'en 4–6-skola', 'Guldkroksskolan 7-9': a range of school years
        before a word for a school (singular, or glued by a hyphen) or right after a school's
        name is a grade without 'årskurs'."""
        value, last = self._range_after(n)
        if value is None or not n.digits or self.tok(n.j).text not in _DASHES \
                or not all(isinstance(v, int) and 0 <= v <= 9 for v in value) or value[0] >= value[1]:
            return None
        raw = self.lex.raw
        glued = self._glued_dash(last) and self.low(last + 1).startswith(tuple(raw["grade_stage_glued"]))
        school = self.is_word(n.i - 1) and self.low(n.i - 1).endswith(tuple(raw["grade_school_names"]))
        if glued or school or self.low(last) in raw["grade_stage_nouns"]:
            return _Found(n.i, last, "grade", value, "årskurs", False)
        return None

    def _range_after(self, n: _Numeral) -> tuple[list | None, int]:
        """'1–3', '1 och 2', '7, 8 och 9', '16 till 29', 'fyra upp till sju' after numeral n."""
        k = n.j + 1 if self.low(n.j) == "upp" and self.low(n.j + 1) in self.lex.raw["change_to"] else n.j
        t = self.tok(k)
        if t is not None and (t.text in _DASHES or t.low in self.lex.raw["range_words"]):
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
        prev = self.low(n.i - 1)
        if self.is_year(n) and self._season(prev) and n.i - 1 >= floor:
            return _Found(n.i - 1, n.j, "year", n.value, None, False)
        day = self.lex.raw["named_days"].get(prev)
        if self.is_year(n) and day and n.i - 1 >= floor:  # 'nyårsdagen 2016'
            return _Found(n.i - 1, n.j, "date", f"{n.value}-{day}", None, False)
        year_word = prev in self.lex.raw["year_words"] and self.low(n.i - 2) in months
        if self.is_year(n) and (prev in months or year_word) and n.i - 1 >= floor:
            first = n.i - 2 if year_word else n.i - 1  # 'maj 2019', 'december år 2017'
            month = months[self.low(first)]
            span = self._month_span(n, first)
            if span is not None:
                return span
            return _Found(first, n.j, "date", f"{n.value}-{month:02d}", None, False)
        days = self._day_range(n) or self._dates_between(n, floor)
        if days is not None:
            return days
        if self._day_of_month(n):  # '11 februari', '3 maj 2019'
            month = months[self.low(n.j)]
            year = self.numeral_starting(n.j + 1)
            if self.is_year(year):
                return _Found(n.i, year.j, "date", f"{year.value}-{month:02d}-{n.value:02d}", None, False)
            return _Found(n.i, n.j + 1, "date", f"--{month:02d}-{n.value:02d}", None, False)
        return None

    def _season(self, low: str) -> bool:
        """'hösten', and 'senhösten', 'försommaren': a season, perhaps with a glued prefix."""
        seasons = self.lex.raw["seasons"]
        return low in seasons or any(
            low.startswith(p) and low[len(p):] in seasons for p in self.lex.raw["season_prefixes"])

    def _month_span(self, n: _Numeral, first: int) -> _Found | None:
        """'november 2021 till januari 2022': two months of different years, a period."""
        months = self.lex.raw["months"]
        between = self.low(first - 1) in self.lex.raw["period_between"] and self.low(n.j) == "och"
        if self.low(n.j) not in self.lex.raw["change_to"] and not (self.tok(n.j) and self.tok(n.j).text in _DASHES) \
                and not between:
            return None
        if self.low(n.j + 1) not in months:
            return None
        second = self.numeral_starting(n.j + 2)
        if self.is_year(second) and second.value > n.value and between:  # 'mellan januari 2024 och juli 2025'
            return _Found(first - 1, second.j, "period", [f"{n.value}-{months[self.low(first)]:02d}",
                                                          f"{second.value}-{months[self.low(n.j + 1)]:02d}"], None, False)
        if self.is_year(second) and second.value > n.value:
            return _Found(first, second.j, "period", [n.value, second.value], None, False)
        return None

    def _dates_between(self, n: _Numeral, floor: int) -> _Found | None:
        """'mellan 11 februari och 13 mars': two dates without years, one range."""
        months, between = self.lex.raw["months"], self.lex.raw["period_between"]
        if self.low(n.i - 1) not in between or n.i - 1 < floor or self.low(n.j + 1) != "och" \
                or not self._day_of_month(n):
            return None
        second = self.numeral_starting(n.j + 2)
        if second is None or not self._day_of_month(second) or self.is_year(self.numeral_starting(second.j + 1)):
            return None
        dates = [f"--{months[self.low(m.j)]:02d}-{m.value:02d}" for m in (n, second)]
        return _Found(n.i - 1, second.j + 1, "date", dates, None, False)

    def _day_of_month(self, n: _Numeral) -> bool:
        """Digits 1-31 before a month's name ('11 februari')."""
        return n.digits and isinstance(n.value, int) and 1 <= n.value <= 31 \
            and self.low(n.j) in self.lex.raw["months"]

    def _day_range(self, n: _Numeral) -> _Found | None:
        """'16–22 augusti': a range of days in one month, two dates."""
        months = self.lex.raw["months"]
        dash = self.tok(n.j)
        second = self.numeral_starting(n.j + 1)
        if not n.digits or dash is None or dash.text not in _DASHES or second is None or not second.digits \
                or self.low(second.j) not in months:
            return None
        if not (isinstance(n.value, int) and isinstance(second.value, int) and 1 <= n.value < second.value <= 31):
            return None
        month = months[self.low(second.j)]
        first = n.i
        if self.low(first - 1) == "den" and self.low(first - 2) in self.lex.raw["period_between"]:
            first -= 2  # 'Mellan den 15–26 juni'
        elif self.low(first - 1) in self.lex.raw["period_between"]:
            first -= 1
        return _Found(first, second.j + 1, "date", [f"--{month:02d}-{n.value:02d}", f"--{month:02d}-{second.value:02d}"],
                      None, False)

    def rule_period(self, n: _Numeral, floor: int) -> _Found | None:
        if not self.is_year(n):
            return None
        prev, nxt = self.low(n.i - 1), self.tok(n.j)
        second = self.numeral_starting(n.j + 1)
        spaced = second is not None and self.is_year(second) and nxt is not None and nxt.text in _DASHES
        if nxt is not None and (nxt.text in _DASHES or nxt.text == "/") and second is not None \
                and (nxt.start == self.toks[n.j - 1].end or spaced):  # '2015–2018', '2015 – 2018'
            end_year = second.value
            short = second.digits and len(self.toks[second.i].text) == 2
            if short:  # '2019/20', '2019–20'
                end_year = n.value // 100 * 100 + end_year
            if self.is_year(second) or short:
                if isinstance(end_year, int) and end_year >= n.value:
                    first = n.i - 1 if prev in self.lex.raw["period_between"] and n.i - 1 >= floor else n.i
                    return _Found(first, second.j, "period", [n.value, end_year], None, False)
        if nxt is not None and second is not None and self.is_year(second) and second.value >= n.value:
            if prev in self.lex.raw["period_between"] and nxt.low == "och" and n.i - 1 >= floor:
                return _Found(n.i - 1, second.j, "period", [n.value, second.value], None, False)
            if prev in self.lex.raw["period_during"] and nxt.low == "och" and second.value == n.value + 1:
                # 'under 2016 och 2017'
                return _Found(n.i, second.j, "period", [n.value, second.value], None, False)
            cue = self.lex.raw["period_cues"]
            listed = self._year_list(n) if prev in cue and nxt.low == "," and n.i - 1 >= floor else None
            if listed is not None:  # 'åren 2002, 2003 och 2004'
                return _Found(n.i, listed[0], "period", [n.value, listed[1]], None, False)
            if prev in cue and nxt.low in ("och", "till") and n.i - 1 >= floor:  # 'åren 2019 till 2021'
                if self.low(n.i - 2) in self.lex.raw["period_between"] and n.i - 2 >= floor:
                    return _Found(n.i - 2, second.j, "period", [n.value, second.value], None, False)
                return _Found(n.i, second.j, "period", [n.value, second.value], None, False)  # 'perioden 2015 och 2016'
            if prev == self.lex.raw["change_from"] and nxt.low in self.lex.raw["change_to"] \
                    and n.i - 1 >= floor:
                return _Found(n.i - 1, second.j, "period", [n.value, second.value], None, False)
        return None

    def rule_change(self, n: _Numeral, floor: int) -> _Found | None:
        raw = self.lex.raw
        compared = self._change_compared(n, floor)
        if compared is not None:
            return compared
        prev = self.low(n.i - 1)
        if prev == raw["change_from"] and self.low(n.j) in raw["change_to"] and n.i - 1 >= floor:
            second = self.numeral_starting(n.j + 1)
            if second is None or second.article or self.is_year(n) != self.is_year(second):
                return None
            last, unit = second.j, None
            first_value = self._shared_scale(n, second)
            noun = self.counted_noun(second.j)
            if self.low(second.j) in ("år", "års") and self.age_context(n.i - 1):
                return _Found(n.i - 1, second.j + 1, "age", [n.value, second.value], "år", False)
            money = self._money_unit(second.j)
            if money is not None:  # "från 10 till 14 miljoner kronor": kronor, one scale
                factor, width = money
                return _Found(n.i - 1, second.j + width, "change",
                              {"from": scale(first_value, factor), "to": scale(second.value, factor)},
                              raw["money_unit_name"], False)
            if self.low(second.j) in self.percent_units:
                last, unit = second.j + 1, self.percent_units[self.low(second.j)]
            elif noun:
                last, unit = noun
            else:
                unit = self._antal_noun(n.i)
            return _Found(n.i - 1, last, "change", {"from": first_value, "to": second.value}, unit,
                          False)
        comparative = raw["change_comparatives"].get(self.low(n.j))
        if comparative and not self.is_year(n):  # "2 000 färre unga", "nästan 3 000 färre"
            noun = self.counted_noun(n.j + 1)
            last, unit = noun if noun else (n.j + 1, None)
            first = self._hedged_start(n.i, floor)
            return _Found(first, last, "change", {"delta": n.value * comparative}, unit, n.approx or first != n.i)
        approx_at = self.approx_before(n.i)
        med = approx_at - 1 if approx_at is not None else n.i - 1  # 'med nästan 100 procent'
        if self.low(med) in raw["change_intensifiers"] and self.low(med - 1) == "på":
            med -= 1  # 'en ökning på hela 108 procent'
        # the span starts at 'med', or at the number after 'en ökning på'
        start = approx_at if approx_at is not None else n.i
        linked = self.low(med) == "på" and self._change_word(med - 1)
        if self.low(med) == "med":
            start, linked = med, True
        # not 'jämfört med 2018', nor things added: 'utökas med två nya träffpunkter'
        if linked and med >= floor and not self.is_year(n) \
                and self.low(n.j) not in raw["change_new_things"]:
            window = [self.low(k) for k in range(max(0, med - raw["change_reach"]), med)
                      if self.sent[k] == self.sent[med]]
            sign = self._nearest_sign(window)
            if sign:
                quantity = self.rule_quantity(n, n.i)
                unit = quantity.unit if quantity else None
                last = quantity.last if quantity else n.j
                delta = n.value * sign
                return _Found(start, last, "change", {"delta": delta}, unit,
                              n.approx or approx_at is not None)
        return self._change_across(n, floor)

    def _change_compared(self, n: _Numeral, floor: int) -> _Found | None:
        """'har minskat till 56 jämfört med 67 ifjol': a word of change, 'till' + the new
        value and a compared earlier value are one change from the earlier to the new."""
        raw = self.lex.raw
        if self.low(n.i - 1) not in raw["change_to"] or n.i - 1 < floor or not self._change_word(n.i - 2) \
                or self.is_year(n) or n.ordinal:
            return None
        noun = self.counted_noun(n.j)
        k = noun[0] if noun is not None else n.j
        for phrase in raw["change_compared"]:
            words = phrase.split()
            if [self.low(k + m) for m in range(len(words))] == words:
                earlier = self.numeral_starting(k + len(words))
                if earlier is None or self.is_year(earlier) or earlier.ordinal or earlier.article:
                    return None
                unit = noun[1] if noun is not None else self._antal_noun(n.i)
                return _Found(n.i - 1, earlier.j, "change", {"from": earlier.value, "to": n.value}, unit, False)
        return None

    def _nearest_sign(self, words: list[str]) -> int:
        """+1 / -1 for the word (or two-word phrase) of increase / decrease nearest the end
        of ``words``: 'Tillväxttakten minskade ... då investeringarna ökade med 14 procent'
        is an increase."""
        raw = self.lex.raw
        for m in range(len(words) - 1, -1, -1):
            for phrase in (" ".join(words[m - 1:m + 1]) if m else "", words[m]):
                if phrase in raw["change_decrease"]:
                    return -1
                if phrase in raw["change_increase"]:
                    return 1
        return 0

    def _change_word(self, k: int) -> bool:
        """Token k is a word of increase or decrease ('en ökning på ...')."""
        return self.low(k) in self.lex.raw["change_increase"] or \
            self.low(k) in self.lex.raw["change_decrease"]

    def _change_across(self, n: _Numeral, floor: int) -> _Found | None:
        """'från 11 kronor per invånare till 15 kronor', 'från 19 procent året för deltagandet
        till 35 procent': a few words between the two ends, both in the same unit."""
        raw = self.lex.raw
        if self.low(n.i - 1) != raw["change_from"] or n.i - 1 < floor or self.is_year(n):
            return None
        unit_low = self.low(n.j)
        money = self._money_unit(n.j)
        if money is None and unit_low not in self.percent_units:
            return None
        width = money[1] if money else 1
        for k in range(n.j + width, n.j + width + raw["change_reach"]):
            t = self.tok(k)
            if t is None or t.kind != "word" or self.sent[k] != self.sent[n.i]:
                return None
            if t.low in raw["change_to"]:
                second = self.numeral_starting(k + 1)
                if second is None or self.low(second.j) != unit_low:
                    return None
                factor = money[0] if money else 1
                unit = raw["money_unit_name"] if money else self.percent_units[unit_low]
                return _Found(n.i - 1, second.j + width, "change",
                              {"from": scale(n.value, factor), "to": scale(second.value, factor)}, unit, False)
        return None

    def _change_before(self, first: int, window: int = 6) -> int:
        """+1 / -1 when a word of increase / decrease stands shortly before token ``first``
        in its sentence ('har ökat med', 'en minskning på'); 0 otherwise."""
        raw = self.lex.raw
        start = max(0, first - window)
        words = [self.low(k) for k in range(start, first) if self.sent[k] == self.sent[first]]
        if any(w in raw["change_decrease"] for w in words):
            return -1
        return 1 if any(w in raw["change_increase"] for w in words) else 0

    def _unit_at(self, k: int, low: str) -> bool:
        """Token k names a unit of its own (år, procent, kronor, timmar)."""
        return low in self.lex.raw["age_unit_words"] or low in self.percent_units \
            or low in self.time_units or self._money_unit(k) is not None

    def _ages_of(self, first: int, value: Any) -> bool:
        """A range right after a word for people of an age ('ungdomar 16–24', 'barn mellan
        6 och 12') gives their ages even without 'år'."""
        return self.low(first - 1) in self.lex.raw["age_range_people"] and all(
            isinstance(v, int) and 0 <= v <= 120 for v in value)

    def _shared_scale(self, n: _Numeral, second: _Numeral) -> Any:
        """The first value of 'från 10 till 14 miljoner': the multiplier written once, after
        the second number, scales both."""
        if n.j - n.i > 1 or second.j - second.i < 2 or not isinstance(n.value, (int, float)) \
                or n.value >= 1000:  # 'mellan 800 000 och en miljon': written out in full
            return n.value
        last = self.low(second.j - 1)
        factor = self.lex.multipliers.get(last) or (1000 if last in self.lex.thousand else None)
        return scale(n.value, factor) if factor else n.value

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
        if self.is_year(n):
            return None
        first = n.i
        approx_at = self.approx_before(n.i)
        if approx_at is not None and approx_at >= floor:
            first = approx_at
        approx = first != n.i or n.approx
        # "24 av dem", "Åtta av tio elever", "en av tio"
        if self.low(n.j) == raw["ratio_word"]:
            return self._part_of(n, first, approx)
        noun = self.counted_noun(n.j)
        if noun is not None and self.low(noun[0]) == raw["ratio_word"] and not self.is_year(n) \
                and not n.article:
            whole = self._whole_numeral(noun[0] + 1)  # '170 kommuner av Sveriges 290'
            if whole is not None:
                # a whole with its own noun ('av totalt 80 deltagare') is a number of its own
                last = noun[0] if self.counted_noun(whole.j) else whole.j
                return _Found(first, last, "ratio", {"part": n.value, "whole": whole.value},
                              noun[1], approx)
        # "av dessa 24", "varav 12 kvinnor"
        lows = [self.low(n.i - m) for m in (2, 1)]
        after_of = (lows[0] == raw["ratio_word"] and lows[1] in self.lex.part_pronouns) or lows[1] == "varav"
        measured = self.low(n.j) in self.percent_units or self._money_unit(n.j) is not None \
            or self.low(n.j) in raw["measure_units"]
        if n.article or self.is_year(n) or n.ordinal or measured:
            return None
        if after_of:
            before = self.previous_count(n.i)
            last, unit = n.j, before.unit if before else None
            noun = self.counted_noun(n.j) if lows[1] == "varav" else None
            if noun is not None:
                last, unit = noun
            elif self.low(n.j) in self.people and self.low(n.j) not in self.function_words:
                last, unit = n.j + 1, self.lemma(self.toks[n.j])  # not 'varav 3 är enskilda'
            return _Found(first, last, "ratio", {"part": n.value, "whole": before.value if before else None},
                          unit, approx)
        opened = self._opened_whole(n)
        if opened is not None:  # "Av dessa fick 24", "av 851 sökande fick bara 450"
            whole, unit = opened
            last, unit = self._part_noun(n, unit)
            return _Found(first, last, "ratio", {"part": n.value, "whole": whole}, unit, approx)
        return self._listed_part(n, first, approx)

    def _opened_whole(self, n: _Numeral) -> tuple[Any, str | None] | None:
        """(whole, unit) when a clause opens with 'av' + its whole and numeral n is the first
        number after it: 'Av dessa fick 24', 'Av dem tackade knappt 500 ja', 'Av de som
        sökte fick 131', 'att av 851 sökande i år fick bara 450', 'Av landets 290 kommuner
        är det bara 62 stycken'. The whole is the number after 'av', else the count the
        pronoun refers back to."""
        raw = self.lex.raw
        sid = self.sent[n.i]
        of = next((k for k in range(n.i - 2, max(-1, n.i - raw["change_reach"] - 1), -1)
                   if self.sent[k] == sid and self.low(k) == raw["ratio_word"]), None)
        if of is None:
            return None
        nxt = self.tok(n.j)
        if (nxt is not None and nxt.text in _DASHES) or self._unit_at(n.j, self.low(n.j)):
            return None  # 'av dem var 16–24 år'
        whole = self._whole_numeral(of + 1)
        between = [k for k in range(of + 1, n.i) if self.numeral_starting(k) is not None]
        opens = of == 0 or self.sent[of - 1] != sid or self.low(of - 1) in raw["ratio_clause_openers"]
        if whole is not None:
            noun = self.counted_noun(whole.j)
            if not opens or between != [whole.i] or noun is None or not isinstance(whole.value, (int, float)) \
                    or whole.value < n.value:
                return None
            return whole.value, noun[1]
        if between or self.low(of + 1) not in raw["ratio_pronouns"] or n.i == of + 2:
            return None
        if self.low(of + 2) == "som" and (not opens or self.counted_noun(n.j) is not None):
            return None  # 'Av dem som lagts upp har uppåt 50 satsningar': a count of its own
        if self.low(of + 2) != "som" and self.is_adjective(n.i - 1) and self.pos(self.toks[n.i - 1]) != "VERB":
            return None  # 'av dessa nya 24'; not 'Av dessa ligger 82 kommuner'
        before = self.previous_count(n.i)
        return (before.value, before.unit) if before else (None, None)

    def _part_noun(self, n: _Numeral, unit: str | None) -> tuple[int, str | None]:
        """(end, unit) of a part: its own noun ('82 kommuner'), 'stycken' ('62 stycken', the
        whole's unit), else the numeral alone in the whole's unit."""
        if self.low(n.j) in self.lex.raw["unit_skip"]:
            return n.j + 1, unit
        noun = self.counted_noun(n.j) if self.noun_like(n.j) else None  # not '430 avhjälpta'
        # the part's noun names what the whole counts ('Av dessa ligger 82 kommuner'), not an
        # object ('Av de 40 deltagarna fick 30 jobb'); with no whole's noun to compare, trust
        # a tagger (without one a supine looks like a noun: '20 börjat studera')
        same = noun is not None and (noun[1] == unit or self.low(n.j) in self.people
                                     or (unit is None and self.has_pos))
        return noun if same else (n.j, unit)

    def _whole_numeral(self, k: int) -> _Numeral | None:
        """The whole of a ratio at token k, after at most two fillers ('av totalt cirka 80',
        'av landets 290')."""
        for _ in range(3):
            whole = self.numeral_starting(k)
            if whole is not None:
                return whole if not whole.ordinal and not self.is_year(whole) else None
            filler = self.low(k)
            genitive = filler.endswith("s") and self.is_word(k) and not self.verb_like(filler) \
                and self.pos(self.toks[k]) != "VERB"  # 'landets', not a passive 'bedömdes'
            if not (filler in self.lex.raw["ratio_whole_fillers"] or self.approx_before(k + 1) == k or genitive):
                return None
            k += 1
        return None

    def _part_of(self, n: _Numeral, first: int, approx: bool) -> _Found | None:
        """'24 av dem', 'åtta av tio elever', '82 av platserna', 'sex av nätverkets
        kommuner': the whole is a number after 'av', else the number the phrase refers
        back to. 'en av de viktigaste' with no whole anywhere is no number."""
        raw = self.lex.raw
        k = n.j + 1
        whole = self._whole_numeral(k)
        if whole is not None:
            noun = self.counted_noun(whole.j)
            last, unit = noun if noun else (whole.j, None)
            part = n.value
            factor = self._multiplier_of(whole)
            if factor and noun is None:  # '2 av de 3,25 miljarderna': kronor, one scale
                part, unit = part if self._multiplier_of(n) else scale(part, factor), raw["money_unit_name"]
            return _Found(first, last, "ratio", {"part": part, "whole": whole.value}, unit, approx)
        if self._multiplier_of(n):
            return None  # 'Två miljoner av landstingets utvecklingsmedel': an amount
        before: Number | None = None
        if self.low(k) in raw["ratio_pronouns"]:
            noun = self.counted_noun(k + 1) if self.low(k) in raw["ratio_noun_determiners"] else None
            if noun is not None:  # 'en av dessa dagar', '200 av de personer'
                last, unit = noun
                before = self.previous_of_unit(unit)
            else:
                last, before = k + 1, self._referent(n.i)
                unit = before.unit if before else None
        elif self.is_word(k) and self.low(k).endswith("s") and self.counted_noun(k + 1):
            last, unit = self.counted_noun(k + 1)  # 'av landets kommuner': a whole not given
        elif self.low(k).endswith(tuple(raw["definite_plural_suffixes"])) and self.counted_noun(k):
            last, unit = self.counted_noun(k)  # 'av platserna': the number stated before
            # 'en av förutsättningarna' is one of a whole only when that noun was counted
            before = self.previous_of_unit(unit) or (None if n.article else self.previous_count(n.i))
        else:
            return None
        if before is not None and isinstance(before.value, (int, float)) and before.value <= n.value:
            before = None  # '200 personer' ... '200 av de personer som': not the whole
        if before is None and n.article:
            return _Found(n.i, n.i, "skip", None, None, False)
        return _Found(first, last, "ratio", {"part": n.value, "whole": before.value if before else None},
                      unit, approx)

    def _multiplier_of(self, n: _Numeral) -> int | None:
        """The multiplier a numeral ends with ('3,25 miljarderna' -> 10**9), if any."""
        return self.lex.multipliers.get(self.low(n.j - 1)) if n.j - n.i > 1 else None

    def _referent(self, k: int) -> Number | None:
        """What 'av dessa' at token k refers back to: a part just found in its sentence
        ('har elva slutfört den, och sju av dessa'), else the count before."""
        if self.found and self.sent_of_number[-1] == self.sent[k] and self.found[-1].kind == "ratio" \
                and isinstance(self.found[-1].value, dict):
            return replace(self.found[-1], kind="count", value=self.found[-1].value["part"])
        return self.previous_count(k)

    def _listed_part(self, n: _Numeral, first: int, approx: bool) -> _Found | None:
        """'av dem har 20 återupptagit studier, ett tiotal har fått arbete och tio deltagare
        är kvar': numbers listed after a part of a whole in one sentence are parts of it."""
        if not self.found or self.found[-1].kind != "ratio" or self.sent_of_number[-1] != self.sent[n.i]:
            return None
        previous = self.found[-1]
        whole = previous.value.get("whole") if isinstance(previous.value, dict) else None
        if whole is None or self.low(first - 1) not in (",", "och", "samt") or n.value > whole:
            return None
        own = self.counted_noun(n.j) if self.noun_like(n.j) else None
        if own is not None and previous.unit is not None and own[1] != previous.unit \
                and self.low(n.j) not in self.people:
            return None  # 'varav 3 är enskilda, samt 3 familjedaghem' (but 'och tio deltagare är kvar')
        last, unit = self._part_noun(n, previous.unit)
        return _Found(first, last, "ratio", {"part": n.value, "whole": whole}, unit, approx)

    def rule_quantity(self, n: _Numeral, floor: int) -> _Found | None:
        raw = self.lex.raw
        first, approx = n.i, n.approx
        approx_at = self.approx_before(n.i)
        bound_word = None
        if approx_at is not None and approx_at >= floor and not self.is_year(n):
            first, approx = approx_at, True
            bound_word = " ".join(self.low(k) for k in range(approx_at, n.i))
        elif self.low(n.i - 1) in raw["bare_bound_words"] and n.i - 1 >= floor:
            bound_word = self.low(n.i - 1)
        value: Any = n.value
        last = n.j
        ranged = False
        if self.low(n.i - 1) == "mellan" and self.low(n.j) == "och" and n.i - 1 >= floor:
            other = self.numeral_starting(n.j + 1)
            if other is not None:  # 'mellan 850 och 1 400 miljoner': one multiplier for both
                value, last, ranged, first = [self._shared_scale(n, other), other.value], other.j, True, n.i - 1
        if not ranged:
            side = self._juxtaposed(n)
            if side is not None:  # 'elva, tolv blanketter', 'åtta tio år'
                value, last, ranged = [n.value, side.value], side.j, True
        if not ranged:
            rng, rng_last = self._range_after(n)
            if rng is not None and (self.tok(n.j).text in _DASHES or self.low(n.j) in ("till", "upp")):
                value, last, ranged = rng, rng_last, True
                second = next((m for k in range(n.j, rng_last)
                               if (m := self.numeral_starting(k)) is not None and m.j == rng_last), None)
                if second is not None:  # '25–30 miljoner kronor': one multiplier for both
                    value = [self._shared_scale(n, second), rng[1]]
                if first == n.i and self.low(n.i - 1) in raw["period_between"] \
                        and n.i - 1 >= floor:
                    first = n.i - 1  # 'mellan 6–15 år'
        last, approx = self._open_after(last, approx)  # '50 eller fler röster'
        unit_tok = self.tok(last)
        unit_low = unit_tok.low if unit_tok is not None and unit_tok.kind in ("word", "other") else ""
        if ranged and not self._unit_at(last, unit_low) and self._ages_of(first, value):
            return _Found(first, last, "age", value, "år", approx)  # "unga 16–24", no "år"
        shared = self._shared_reading(n, first, approx) \
            if not ranged and self.low(first - 1) not in raw["age_range_people"] else None  # 'åldrarna sex och 15 år'
        if shared is not None:  # 'två eller tre dagar': 'två' counts days too
            return shared
        if unit_low == "år" and self.is_year(self.numeral_starting(last + 1)):
            unit_low = ""  # '15 år 2018': 'år' introduces the year, it is not the unit
        whole = self.lex.fraction_whole(unit_low) if not ranged else None
        if whole is not None:
            return _Found(first, last + 1, "ratio", {"part": n.value, "whole": whole}, None, approx)
        per_mille = raw["per_mille_units"].get(unit_low) if not ranged else None
        if per_mille:  # 'en promille', '5 ‰': a ratio to a thousand
            return _Found(first, last + 1, "ratio", {"part": n.value, "whole": per_mille}, None, approx)
        if self._open_age_plus(first, last):  # 'kvinnor, 45+'
            return _Found(first, last + 1, "age", [value, None], "år", approx)
        # '15-åringar', '16–29-åringar', '65-års ålder'
        if self._glued_dash(last):
            elided = self._elided_ages(last) if not ranged else None
            if elided is not None:  # '16- och 17-åringar'
                return _Found(first, elided[0], "age", [value, elided[1]], "år", approx)
            if self.low(last + 1).startswith(tuple(raw["age_unit_prefix"])):
                return _Found(first, last + 2, "age", value, "år", approx)
            if self.low(last + 1) in raw["open_age_suffixes"] and not ranged:  # '75-plussarna'
                return _Found(first, last + 2, "age", [value, None], "år", approx)
            multiplier = raw["money_compound_multipliers"].get(self.low(last + 1))
            if multiplier:  # 'ett 50-miljoners projekt'
                return _Found(first, last + 2, "money", scale(value, multiplier), raw["money_unit_name"], approx)
            if self.low(last + 1) in raw["age_unit_words"] and self.low(last + 2) in raw["age_nouns"]:
                return _Found(first, last + 3, "age", value, "år", approx)
        if unit_low in raw["unit_skip"]:
            last += 1
            unit_tok = self.tok(last)
            unit_low = unit_tok.low if unit_tok is not None else ""
        # percent (a post's share when said of a post)
        if unit_low in self.percent_units:
            if first == n.i and bound_word in raw["percent_bound_words"]:
                first, approx = n.i - 1, True  # 'under femtio procent'
            unit = self.percent_units[unit_low]
            sign = self._change_before(first) if unit in raw["change_units"] else 0
            if sign and not ranged:  # 'en ökning på 1,9 procentenheter'
                return _Found(first, last + 1, "change", {"delta": value * sign}, unit, approx)
            comparative = raw["change_comparatives"].get(self.low(last + 1))
            if comparative and not ranged:  # '40 procent fler elever'
                return _Found(first, last + 2, "change", {"delta": value * comparative}, unit, approx)
            if self._post_share(first) or self.low(last + 1) in raw["post_share_after"]:
                unit = raw["post_share_unit"]  # 'anställd på 50 procent', '50 procents anställning'
            end, approx = self._open_after(last + 1, approx)  # '4,9 procent eller högre'
            return _Found(first, end, "percent", value, unit, approx)
        # money
        money = self._money_unit(last)
        if money is not None:
            factor, width = money
            value, width = self._and_cents(self._thousands_comma(n, value, factor), factor, last, width)
            end, approx = self._open_after(last + width, approx)  # '500 kronor eller mer'
            sign = self._unit_comparative(end) if not ranged else 0
            if sign:  # '100 000 kronor mer i årslön'
                return _Found(first, end + 1, "change", {"delta": scale(value, factor) * sign},
                              raw["money_unit_name"], approx)
            return _Found(first, end, "money", scale(value, factor), raw["money_unit_name"], approx)
        foreign = self._foreign_money(last)
        if foreign is not None:
            return _Found(first, last + foreign[0], "money", value, foreign[1], approx)
        if unit_low in raw["year_genitives"] and self.is_year(n) and not ranged:
            return _Found(n.i, n.j, "year", n.value, None, False)  # 'från 2020 års mätningar'
        # ages and durations in years
        if unit_low in raw["age_unit_words"] and not ranged:
            from_to = self._age_from_to(first, last, value, approx)
            if from_to is not None:
                return from_to
        if (unit_low in raw["age_unit_words"] or unit_low in ("åringar", "åring")) \
                and self.low(last + 1) not in raw["duration_after_words"]:  # not 'två år lång'
            context_from = approx_at if approx_at is not None and approx_at >= floor else \
                (n.i - 1 if bound_word and bound_word in raw["bare_bound_words"] else first)
            if self.age_context(context_from) or self._open_age_after(last + 1) or \
                    self._bounded_age(bound_word, value, context_from) or self._age_sentence(n.i) \
                    or self.low(last + 1) in raw["age_after_words"] \
                    or self._apposition_age(first, last):
                if self._open_age_after(last + 1) and bound_word in raw["bare_bound_words"]:
                    bound_word, context_from = None, first  # 'från 79 år eller äldre'
                age_value, end = self._age_value(value, bound_word, last + 1)
                if self.low(context_from - 1) in raw["age_reached_words"] and not isinstance(age_value, list):
                    age_value = [age_value, None]  # 'den som fyllt 70 år'
                start = context_from if bound_word else first
                return _Found(start, end, "age", age_value, "år", approx)
        if unit_low in self.time_units and self.low(last + 1) in raw["age_after_words"]:
            # 'när barnet är sex månader gammalt'
            return _Found(first, last + 1, "age", value, self.time_units[unit_low], approx)
        if not unit_low or unit_low in self.lex.raw["range_words"]:
            open_age = self._open_age_without_unit(n, first, last, value, approx)
            if open_age is not None:
                return open_age
        if unit_low in raw["time_adjectives"] and self.low(last + 1) in self.time_units:
            last, unit_low = last + 1, self.low(last + 1)  # 'de två senaste åren'
        if unit_low in self.time_units:
            if not self.is_year(n) or ranged:
                end, approx = self._open_after(last + 1, approx)  # 'en halvdag eller mindre'
                return _Found(first, end, "duration", value, self.time_units[unit_low], approx)
        if unit_low in raw["measure_units"]:  # 'tre kilometer', '200 meter', '100 Mbit/s'
            return _Found(first, self._per_suffix(last + 1), "other", value, raw["measure_units"][unit_low], approx)
        if unit_low in raw["factor_units"] and self.low(last + 1) in raw["factor_comparatives"]:
            return _Found(first, last + 1, "other", value, self.count_time[unit_low], approx)  # '3,5 gånger högre'
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
                end, approx = self._open_after(noun[0], approx)  # '50 personer eller fler'
                sign = self._rank_change(first, end, noun[1])
                if sign and not ranged:  # 'klättrade 109 placeringar', '8 placeringar sämre'
                    return _Found(first, end, "change", {"delta": value * sign}, noun[1], approx)
                sign = self._unit_comparative(end) if not ranged else 0
                if sign:  # 'sju kommuner fler än i fjol'
                    return _Found(first, end + 1, "change", {"delta": value * sign}, noun[1], approx)
                return _Found(first, end, "count", value, noun[1], approx)
        multiplied = any(self.low(k) in self.lex.multipliers for k in range(n.i, n.j))
        if isinstance(value, (int, float)) and not isinstance(value, bool) and \
                (multiplied or (value >= 1000 and self.money_context(n.i))):
            # '220 miljoner' with no counted noun: kronor are implied
            return _Found(first, last, "money", value, raw["money_unit_name"], approx)
        if n.words and self.toks[n.i].low in raw.get("ambiguous_cardinals", []):
            return None
        return _Found(first, last, "count", value, self._antal_noun(n.i), approx)

    def _shared_reading(self, n: _Numeral, first: int, approx: bool) -> _Found | None:
        """'ett eller två kalenderår', 'en, två och tre gånger', '2 eller 3 miljoner kronor':
        a bare number listed before another that has a unit shares that unit and kind
        (the noun written once, after the last); its span is its own words."""
        raw = self.lex.raw
        if self.low(n.j) not in raw["shared_unit_joiners"] or self.is_year(n) or n.ordinal:
            return None
        other = self.numeral_starting(n.j + 1)
        if other is None or other.article or other.ordinal or self.is_year(other):
            return None
        reading = self.rule_quantity(other, other.i)
        if reading is None or reading.unit is None or reading.kind not in raw["shared_unit_kinds"] \
                or isinstance(reading.value, (list, dict)):
            return None
        value = self._shared_scale(n, other) if reading.kind == "money" else n.value
        return _Found(first, n.j, reading.kind, value, reading.unit, approx)

    def _open_age_plus(self, first: int, last: int) -> bool:
        """'kvinnor, 45+', 'personer 65+': a glued plus after a number that follows a word
        for people (a comma between allowed) is an open age."""
        plus = self.tok(last)
        if plus is None or plus.text != "+" or plus.start != self.toks[last - 1].end:
            return False
        people = first - 2 if self.low(first - 1) == "," else first - 1
        return self.low(people) in self.people

    def _per_suffix(self, k: int) -> int:
        """End of a unit whose rate is glued on at token k ('Mbit' + '/s'), else k."""
        slash, per = self.tok(k), self.tok(k + 1)
        glued = slash is not None and per is not None and slash.text == "/" and per.kind == "word" \
            and slash.start == self.toks[k - 1].end and per.start == slash.end
        return k + 2 if glued else k

    def _article(self, n: _Numeral, first: int, approx: bool) -> _Found | None:
        """'en'/'ett' is a number only against another number or before time/measure."""
        raw = self.lex.raw
        nxt = self.tok(n.j)
        if nxt is None:
            return None
        qualified = self._qualified_measure(n, first, approx)
        if qualified is not None:
            return qualified
        half = raw["half_units"].get(nxt.low)
        if half is not None:  # 'en halvtimme'
            return _Found(first, n.j + 1, "duration", n.value / 2, half, approx)
        if nxt.kind == "word" and self.lemma(nxt) in raw["article_number_nouns"]["nouns"]:
            unit = self.lemma(nxt)
            kind = "duration" if nxt.low in self.time_units else "count"
            end, approx = self._open_after(n.j + 1, approx)  # 'en heltidstjänst eller mer'
            return _Found(first, end, kind, n.value, unit, approx)
        shared = self._shared_reading(n, first, approx)
        if shared is not None:  # 'ett eller två kalenderår', 'både en, två och tre gånger'
            return shared
        if nxt.low == "till" or nxt.text in _DASHES:
            other = self.numeral_starting(n.j + 1)
            if other is not None and not other.article:
                noun = self.counted_noun(other.j)
                last, unit = noun if noun else (other.j, None)
                return _Found(first, last, "count", [n.value, other.value], unit, approx)
        enumerated = self._enumerated_after_number(n.i)
        # 'två kurser: en riktad till ... och en för ...'
        if enumerated is not None and self._paired_pronoun(n.i, n.j):
            return _Found(first, n.j, "count", n.value, enumerated.unit, approx)
        counted = self._counting_one(n, first, approx)
        if counted is not None:
            return counted
        # pronoun 'en' set against a number: 'två kurser, en för ... och en för ...'
        if (not nxt.text[0].isalnum() or nxt.low in raw["article_pronoun_followers"]) and \
                self._enumerated_after_number(n.i):
            before = self._enumerated_after_number(n.i)
            return _Found(first, n.j, "count", n.value, before.unit, approx)
        return None

    def _juxtaposed(self, n: _Numeral) -> _Numeral | None:
        """'elva, tolv blanketter', 'åtta tio år': two close number words side by side are
        a range."""
        if not n.words or n.article or n.ordinal or n.approx:
            return None
        k = n.j + 1 if self.low(n.j) == "," else n.j
        side = self.numeral_starting(k)
        if side is None or not side.words or side.article or side.ordinal or side.approx:
            return None
        gap = self.lex.raw["juxtaposed_range_gap"]
        ok = isinstance(n.value, int) and isinstance(side.value, int) and 0 < side.value - n.value <= gap
        return side if ok else None

    def _rank_change(self, first: int, end: int, unit: str) -> int:
        """The sign of a change of rank: places counted after a verb of climbing or falling,
        or before 'bättre'/'sämre'; 0 when the count is no change of rank."""
        if unit not in self.lex.raw["rank_nouns"].values():
            return 0
        words = self.lex.raw["rank_change_words"]
        for k in (end, first - 1, first - 2):
            if self.low(k) in words and self.sent[k] == self.sent[first]:
                return words[self.low(k)]
        return 0

    def _elided_ages(self, dash: int) -> tuple[int, Any] | None:
        """(end token, last value) of '16- och 17-åringar', '16-,17- och 18-åringar': a dash
        after a number stands for the '-åringar' written once after the last of a list, so
        the list is one age range from the first to the last; None when no list follows."""
        raw = self.lex.raw
        k = dash + 1
        for _ in range(raw["elided_list_max"]):
            k += self.low(k) == ","
            k += self.low(k) in raw["count_coordinators"]
            m = self.numeral_starting(k)
            if m is None or not m.digits or not self._glued_dash(m.j):
                return None
            if self.low(m.j + 1).startswith(tuple(raw["age_unit_prefix"])):
                return m.j + 2, m.value
            k = m.j + 1
        return None

    def _year_list(self, n: _Numeral) -> tuple[int, int] | None:
        """(end token, last year) of 'åren 2002, 2003 och 2004': three or more consecutive
        years listed with commas and a last 'och' are one period; None otherwise."""
        k, year, count = n.j, n.value, 1
        while self.low(k) in (",", "och"):
            joiner, m = self.low(k), self.numeral_starting(k + 1)
            if m is None or not self.is_year(m) or m.value != year + 1:
                return None
            k, year, count = m.j, m.value, count + 1
            if joiner == "och":
                return (k, year) if count >= 3 else None
        return None

    def _unit_comparative(self, k: int) -> int:
        """The sign of a comparative at token k right after a number's noun or money unit
        ('sju kommuner fler', '100 000 kronor mer'): the number is then a difference, a
        change; 0 when none stands there or it bounds the next number ('30 kommuner mindre
        än halva beloppet')."""
        if self.numeral_starting(k + 2) is not None and self.approx_before(k + 2) == k:
            return 0
        return self.lex.raw["unit_comparatives"].get(self.low(k), 0)

    def _open_after(self, k: int, approx: bool) -> tuple[int, bool]:
        """'50 eller fler', '500 kronor eller mer': an open upper end at token k joins the
        span and makes it approximate."""
        if f"{self.low(k)} {self.low(k + 1)}" in self.lex.raw["open_count_after"]:
            return k + 2, True
        return k, approx

    def _thousands_comma(self, n: _Numeral, value: Any, factor: float) -> Any:
        """'cirka 1,400 kr/år': whole kronor never have three decimals, so a comma before
        exactly three digits separates thousands (English style)."""
        digits = self.toks[n.i].text
        if factor != 1 or n.j - n.i != 1 or not regex.fullmatch(r"[0-9]{1,3},[0-9]{3}", digits):
            return value
        return int(digits.replace(",", ""))

    def _and_cents(self, value: Any, factor: float, k: int, width: int) -> tuple[Any, int]:
        """'83 kronor och 38 öre' -> 83.38: öre after kronor join the amount."""
        cents = self.numeral_starting(k + width + 1)
        if factor != 1 or self.low(k + width) != "och" or cents is None or not isinstance(value, int):
            return value, width
        unit = self.low(cents.j)
        if self.lex.money_units.get(unit) != self.lex.raw["cents_factor"]:
            return value, width
        return round(value + cents.value * self.lex.raw["cents_factor"], 2), cents.j + 1 - k

    def _article_idiom(self, n: _Numeral) -> bool:
        """'på en gång', 'med en gång' (at once), 'en efter en': no number."""
        window = " ".join(self.low(k) for k in range(n.i - 2, n.j + 2))
        return any(idiom in window for idiom in self.lex.raw["article_idioms"])

    def _qualified_measure(self, n: _Numeral, first: int, approx: bool) -> _Found | None:
        """'en dryg miljon', 'ett drygt år', 'ett helt år': a qualifier between the article
        and a multiplier or unit of time keeps the article a number."""
        qualifiers = self.lex.raw["article_qualifiers"]
        word = self.low(n.j)
        if word not in qualifiers:
            return None
        unit_tok = self.tok(n.j + 1)
        if unit_tok is None or unit_tok.kind != "word":
            return None
        approx = approx or qualifiers[word]
        factor = self.lex.multipliers.get(unit_tok.low)
        if factor:
            money = self._money_unit(n.j + 2)
            noun = self.counted_noun(n.j + 2) if money is None else None
            if noun is not None:  # 'en dryg miljon besökare'
                return _Found(first, noun[0], "count", factor, noun[1], approx)
            last = n.j + 2 + (money[1] if money else 0)
            return _Found(first, last, "money", factor * (money[0] if money else 1),
                          self.lex.raw["money_unit_name"], approx)
        if unit_tok.low in self.time_units:
            return _Found(first, n.j + 2, "duration", n.value, self.time_units[unit_tok.low], approx)
        return None

    def _counting_one(self, n: _Numeral, first: int, approx: bool) -> _Found | None:
        """'endast en grupp', 'en enda kommun', 'en röst per person', 'en kommun i taget',
        'tre samordnare och en projektledare', 'tre grupper, där en grupp': the article
        counts one when a word restricts it to one, a distributive phrase follows, or it
        stands beside a count."""
        raw = self.lex.raw
        start = n.j + 1 if self.low(n.j) in raw["article_one_words"] else n.j
        noun = self.counted_noun(start)
        if noun is None:
            return None
        last, unit = noun
        rate = self._per_whole(last)
        if rate is not None:  # 'en fritidsgård per 2 000 personer'
            whole_noun = self.counted_noun(rate.j)
            return _Found(first, whole_noun[0] if whole_noun else rate.j, "ratio",
                          {"part": n.value, "whole": rate.value}, unit, approx)
        after = f"{self.low(last)} {self.low(last + 1)}"
        restricted = self.low(n.i - 1) in raw["article_count_before"] and self.low(n.i - 2) != "inte"
        cued = start > n.j or restricted or \
            self.low(last) in raw["article_count_after"] or after in raw["article_count_after"]
        if cued or self._beside_count(n.i, unit) or self._coordinated_count(n.i, last):
            return _Found(first, last, "count", n.value, unit, approx)
        return None

    def _coordinated_count(self, k: int, last: int) -> bool:
        """'tre politikerluncher samt ett valstugetorg och en partidebatt', 'en
        folkhälsochef och tre folkhälsoutvecklare', 'en dialog med elever ... och en med
        ...': an article noun phrase coordinated with a count is a count of one."""
        raw = self.lex.raw
        joins = raw["count_coordinators"]
        if self.low(k + 1) in raw["article_other_words"]:
            return False  # 'en annan myndighet'
        if self.low(k - 1) in joins and self.found and self.sent_of_number[-1] == self.sent[k]:
            before = self.found[-1]
            # 'och' also joins clauses ('360 sökande och ett beslut'): only within a list of ones
            listed = self.low(k - 1) in raw["count_list_words"] or \
                (before.value == 1 and before.text.split()[0].lower() in raw["article_words"])
            if before.kind == "count" and before.unit and before.end == self.toks[k - 2].end and listed:
                return True
        if self.low(last) in joins:
            other = self.numeral_starting(last + 1)
            if other is not None and not other.article and not other.ordinal and not self.is_year(other) \
                    and not self._unit_at(other.j, self.low(other.j)) and self.counted_noun(other.j) is not None:
                return True
        noun = self.tok(k + 1)
        return noun is not None and self.pos(noun) in ("NOUN", "") and self.noun_like(k + 1) \
            and self._paired_pronoun(k, last)

    def _paired_pronoun(self, k: int, last: int) -> bool:
        """'en dialog med gymnasiet och en med åk 7-9': a later 'och en' + preposition
        in the sentence sets this one against it."""
        raw = self.lex.raw
        m = last
        while self.tok(m + 2) is not None and self.sent[m + 2] == self.sent[k]:
            if self.low(m) in raw["count_coordinators"] and self.low(m + 1) == self.low(k) \
                    and self.low(m + 2) in raw["article_pronoun_followers"]:
                return True
            m += 1
        return False

    def _per_whole(self, k: int) -> _Numeral | None:
        """The numeral of 'per 2 000 personer' starting at token k, if any."""
        if self.low(k) != "per":
            return None
        whole = self.numeral_starting(k + 1)
        return whole if whole is not None and not whole.article and not self.is_year(whole) else None

    def _beside_count(self, k: int, unit: str | None, reach: int = 5) -> bool:
        """'tre grupper, där en grupp': a count of the same noun just before (within
        ``reach`` tokens of its sentence, no number between) sets the article against it."""
        if not unit or not self.found or self.sent_of_number[-1] != self.sent[k]:
            return False
        last = self.found[-1]
        return last.kind == "count" and last.unit == unit and \
            self.toks[max(0, k - reach)].start <= last.end

    def _enumerated_after_number(self, k: int) -> Number | None:
        sid = self.sent[k]
        for number, s in zip(reversed(self.found), reversed(self.sent_of_number)):
            if s != sid:
                return None
            one = number.text.split()[0].lower() in self.lex.raw["article_words"]  # 'en dialog ... och en med'
            if number.kind == "count" and isinstance(number.value, int) and (number.value >= 2 or one) \
                    and number.unit:
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

    def _age_from_to(self, first: int, last: int, value: Any, approx: bool) -> _Found | None:
        """'barn från cirka 1 år till 12 år': an age range with the unit after both ends
        (the ends side by side, 'från 1 till 12 år', are read by rule_change)."""
        raw = self.lex.raw
        if self.low(first - 1) != raw["change_from"] or self.low(last + 1) not in raw["change_to"] \
                or not self.age_context(first - 1):
            return None
        k = last + 2
        second = next((self.numeral_starting(m) for m in range(k, k + 3) if self.numeral_starting(m)), None)
        if second is None or second.article or self.low(second.j) not in raw["age_unit_words"]:
            return None
        approx_at = self.approx_before(second.i)
        if second.i != k and approx_at != k:
            return None
        return _Found(first - 1, second.j + 1, "age", [value, second.value], "år",
                      approx or approx_at is not None)

    def _bounded_age(self, bound: str | None, value: Any, first: int) -> bool:
        """'över 65 år' reads as an age unless a duration preposition opens it ('i över 20 år')."""
        low = self.lex.raw["bounded_age_min"]
        return bool(bound) and isinstance(value, (int, float)) and value >= low and \
            self.low(first - 1) not in self.lex.raw["duration_prepositions"] and \
            self.tok(first - 1) is not None and self.tok(first - 1).kind == "word"

    def _apposition_age(self, first: int, last: int) -> bool:
        """'Alois Nagel, 90 år, bläddrar ...': years set off by commas right after a
        person's name (a proper noun, or without tags a capitalised word inside the
        sentence) are the person's age."""
        name = self.tok(first - 2)
        if self.low(first - 1) != "," or name is None or name.kind != "word" \
                or self.low(last + 1) not in (",", ".", "och"):
            return False
        if self.has_pos:
            return self.pos(name) == "PROPN"
        return name.text[0].isupper() and self.is_word(first - 3) \
            and self.sent[first - 3] == self.sent[first - 2]

    def _age_sentence(self, k: int) -> bool:
        """'Medelåldern är 40,7 år ... riket (41,4 år)': years in a sentence about age."""
        sentence = self.sentence_text(k)
        return any(cue in sentence for cue in self.lex.raw["age_sentence_cues"])

    def _open_age_without_unit(self, n: _Numeral, first: int, last: int, value: Any,
                               approx: bool) -> _Found | None:
        """'i åldern 65 och uppåt', 'mellan åldrarna sex och 15 år': an age after a word
        for age, without 'år' on the first number."""
        if self.low(first - 1) not in self.lex.raw["age_range_people"]:
            return None
        side = self._open_age_after(last)
        if side == "low":
            return _Found(first, last + 2, "age", [value, None], "år", approx)
        if side == "high":
            return _Found(first, last + 2, "age", [None, value], "år", approx)
        if self.low(last) == "och" and not isinstance(value, list):
            other = self.numeral_starting(last + 1)
            if other is not None and not other.article and isinstance(other.value, int):
                end = other.j + 1 if self.low(other.j) in self.lex.raw["age_unit_words"] else other.j
                return _Found(first, end, "age", [value, other.value], "år", approx)
        return None

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
        end = k + 1 if side == "exact" else k  # 'fram till 18 års ålder'
        if bound in raw["upper_bound_words"]:
            return [None, value], end
        if bound in raw["lower_bound_words"]:
            return [value, None], end
        return value, end
