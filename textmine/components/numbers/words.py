"""Swedish number words: the lexicon of ``numbers.json`` and the parser of numbers
written in digits or words ("2 000", "2,5", "tjugofem", "ett trettiotal", "tredje").

``NumberWords`` holds every word list and compiled pattern the number rules ask about,
built once from the data file; ``parse_number`` reads one number.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import regex

from textmine.memo import Memo
from textmine.resources import Resources, bundled

DATA_FILE = "numbers.json"

_DASHES = {"–", "—", "‐", "-", "‒"}


@dataclass(frozen=True)
class NumberWords:
    """The word lists of ``numbers.json`` in the shapes the rules need (built once)."""

    raw: dict[str, Any]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    multipliers: dict[str, int]
    morphemes: tuple[tuple[str, str, int], ...]  # (form, role, value), longest first
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
    grade_nickname: Any  # 'i nian', 'tvåan på gymnasiet'
    school_stage: Any  # 'F–9': förskoleklass to årskurs 9
    number_compound: Any  # "10-årsperiod", "treåriga", "11-punktsprogram", "sexprocentig"
    street_number: Any  # 'Fabriksgatan 3 E', 'Norra vägen 1': an address, no number
    time_units: dict  # lower-cased unit word -> unit
    count_time: dict
    money_units: dict  # lower-cased unit word -> factor
    percent_units: dict
    lemma_forms: dict
    compound_units: dict  # stem of a compound a number starts -> (kind, unit): compound_stems
    clock_before: Any  # a clock word ending right before a time: 'klockan 9.00'
    # memo of the word readings of ``scan.Scan`` (text -> reading): the same number words
    # recur in every document, and reading one walks the morpheme list recursively
    memo: Memo = field(default_factory=Memo, compare=False, repr=False)

    @classmethod
    def from_resources(cls, resources: Resources) -> "NumberWords":
        return resources.cached("number_words", lambda: cls.of(resources.json(DATA_FILE)))

    @classmethod
    def of(cls, raw: dict[str, Any]) -> "NumberWords":
        cardinals = dict(raw["cardinals"])
        multipliers = dict(raw["large_multipliers"])
        morphemes: list[tuple[str, str, int]] = [(w, "small", v) for w, v in cardinals.items()]
        morphemes += [(w, "hundred", 100) for w in raw["hundred"]]
        morphemes += [(w, "thousand", 1000) for w in raw["thousand"]]
        morphemes += [(w, "large", v) for w, v in multipliers.items()]
        morphemes.sort(key=lambda m: -len(m[0]))
        ordinals = dict(raw["ordinals"])

        def words(key: str) -> frozenset:
            return frozenset(w.lower() for w in raw[key])

        approx: dict[str, list[list[str]]] = {}
        for phrase in raw["approx_words"]:
            parts = phrase.lower().rstrip(".").split()
            approx.setdefault(parts[-1], []).append(parts)
        forms = sorted({m[0] for m in morphemes} | {"ettusen"}, key=len, reverse=True)
        return cls(
            raw, cardinals, ordinals, multipliers, tuple(morphemes),
            words("function_words"), words("adjectives"), words("noun_like_adjectives"),
            words("vague_words"), words("age_people_words"), words("thousand"), approx,
            frozenset(p.lower() for p in raw["approx_words"] if p.endswith(".")),
            frozenset(p.lower() for p in raw["identifier_prefixes"]),
            tuple(raw["adjective_suffixes"]),
            frozenset(w[:2] for w in list(cardinals) + list(ordinals) + [m[0] for m in morphemes]),
            frozenset(raw["ratio_pronouns"]) - frozenset(raw["ratio_whole_determiners"]),
            regex.compile("(?:" + "|".join(map(regex.escape, forms)) + ")+"),
            regex.compile(r"(?i)\b(?:(?P<cue>\p{L}+)[ \u00a0])?(" + "|".join(map(regex.escape, raw["post_share_words"])) + r")\b"),
            regex.compile(r"(?i)\b(" + "|".join(map(regex.escape, raw["name_prefixes"]))
                          + r")[ \u00a0]?-?[0-9]+(?:[-–][0-9]+)?\b"),  # 'Projekt 16-24'
            _grade_nickname(raw), _school_stage(raw), _number_compound(raw),
            regex.compile(r"\p{Lu}\p{L}*(?:[ \u00a0]\p{Ll}*)?(?:" + "|".join(map(regex.escape, raw["street_suffixes"]))
                          + r")[ \u00a0]+(?P<number>[0-9]{1,3}(?:[ \u00a0]?[A-Za-z](?!\p{L}))?)(?![0-9])"),
            {k.lower(): v for k, v in raw["time_units"].items()}, dict(raw["count_time_nouns"]),
            {k.lower(): v for k, v in raw["money_units"].items()}, dict(raw["percent_units"]),
            dict(raw["lemmas"]["forms"]), compound_stems(raw),
            regex.compile(r"(?i)(?<!\p{L})(?:" + "|".join(map(regex.escape, raw["clock_words"]))
                          + r")[ \u00a0]+$"))

    @cached_property
    def guard_words(self) -> dict[str, tuple[str, ...]]:
        """Case-folded words one of which every match of a case-insensitive pattern holds
        (a text that holds none is not searched): the grade nicknames, the stems of number
        compounds after a number word, the words of a post's share."""
        return {key: tuple(sorted({word.casefold() for word in words}))
                for key, words in (("grade_nicknames", self.raw["grade_nicknames"]),
                                   ("compound_stems", self.compound_units),
                                   ("post_share_words", self.raw["post_share_words"]))}

    @cached_property
    def ordinal_compound(self) -> Any:
        """An ordinal glued to a rank noun: 'tredjeplats', 'niondeplatsen' (a rank)."""
        ordinals = "|".join(sorted(map(regex.escape, self.ordinals), key=len, reverse=True))
        stems = "|".join(map(regex.escape, self.raw["ordinal_compound_stems"]))
        return regex.compile(rf"(?i)(?<!\p{{L}})(?P<ordinal>{ordinals})(?P<stem>{stems})(?:en|er|erna)?(?!\p{{L}})")

    @cached_property
    def grade_pair(self) -> Any:
        """Two school years by their plural names, coordinated: 'sjuor och åttor' (the
        pair is its own cue; alone, 'sexor' or 'femmor' are more often other things)."""
        words = "|".join(map(regex.escape, self.raw["grade_plurals"]))
        return regex.compile(rf"(?i)(?<!\p{{L}})(?P<low>{words})(?:na)?(?:,| och| eller)[ \u00a0]+"
                             rf"(?P<high>{words})(?:na)?(?!\p{{L}})")

    @cached_property
    def numeral_starters(self) -> frozenset[str]:
        """Words (lower case) that may start a numeral though they spell no number:
        the fraction words and the ordinal adverbs ('hälften', 'först'), multipliers not."""
        return frozenset(self.raw["fraction_words"]) | frozenset(self.raw["noun_fractions"]) \
            | frozenset(self.raw["ordinal_adverbs"])

    def ordinal(self, word: str) -> int | None:
        """'tredje' -> 3, and compounds of a ten and a unit: 'tjugoförsta' -> 21."""
        if word in self.ordinals:
            return self.ordinals[word]
        for form, value in self.ordinals.items():
            if value < 10 and word.endswith(form) and len(word) > len(form):
                tens = self.cardinals.get(word[: -len(form)])
                if tens is not None and tens >= 20 and tens % 10 == 0 and tens < 100:
                    return tens + value
        return None

    def fraction_whole(self, word: str) -> int | None:
        """'fjärdedelar' -> 4, 'tredjedel' -> 3, 'tiondel' -> 10; None for other words."""
        for suffix in self.raw["fraction_suffixes"]:
            if word.endswith(suffix) and len(word) > len(suffix):
                stem = word[: -len(suffix)]
                for form in (stem, stem + "e"):
                    if form in self.ordinals and self.ordinals[form] >= 2:
                        return self.ordinals[form]
                return None
        return None

    def fallback_lemma(self, word: str) -> str:
        """Base form of a noun from suffix rules (for pipelines without a lemmatizer)."""
        rules = self.raw["lemmas"]
        low = word.lower()
        if low in rules["forms"]:
            return rules["forms"][low]
        if low.endswith(tuple(rules["keep_suffixes"])):
            return low
        for suffix, replacement in rules["suffix_rules"]:
            if low.endswith(suffix) and len(low) - len(suffix) >= rules["min_stem"]:
                return low[: len(low) - len(suffix)] + replacement
        return low


def _grade_nickname(raw: dict[str, Any]) -> Any:
    """School years by their everyday names, after a cue ('går i nian') or before one
    ('tvåan på gymnasiet'): alone, 'ettan' and 'tvåan' are more often other things."""
    words = "|".join(map(regex.escape, raw["grade_nicknames"]))
    before = "|".join(map(regex.escape, raw["grade_nickname_before"]))
    after = "|".join(map(regex.escape, raw["grade_nickname_after"]))
    return regex.compile(rf"(?i)(?:\b(?:{before})[ \u00a0]+(?P<word>{words})\b"
                         rf"|\b(?P<word>{words})(?=[ \u00a0]+(?:{after})\b))", regex.V1)


def _school_stage(raw: dict[str, Any]) -> Any:
    """A school stage from a letter class to a school year ('F–9', 'f-6'): a grade range."""
    letters = "|".join(map(regex.escape, raw["school_stage_letters"]))
    return regex.compile(rf"(?i)(?<![\p{{L}}0-9])(?P<letter>{letters})[–-](?P<last>[1-9])(?![0-9,])")


def compound_stems(raw: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Stem -> (kind, unit) of the compounds a number starts: a length of time
    ('10-årsperiod'), parts counted ('11-punktsprogram'), a percent ('sexprocentig')."""
    stems: dict[str, tuple[str, str]] = {}
    for kind, key in (("duration", "duration_compound_stems"), ("count", "count_compound_stems"),
                      ("percent", "percent_compound_stems")):
        stems.update({stem.lower(): (kind, unit) for stem, unit in raw[key].items()})
    return stems


def _number_compound(raw: dict[str, Any]) -> Any:
    """A number written as the first part of a compound: '10-årsperiod', 'treåriga',
    '60-dagarsperioden' (not 'årsåldern', an age), '11-punktsprogram', 'sexprocentig'."""
    words = "|".join(sorted(map(regex.escape, raw["cardinals"]), key=len, reverse=True))
    stems = "|".join(sorted(map(regex.escape, compound_stems(raw)), key=len, reverse=True))
    # a fast first test (as in scan._SPECIAL): a match starts with a digit or a number word's
    # first letter, so most positions are rejected before the lookbehind and the alternation
    firsts = "".join(sorted({regex.escape(word[0]) for word in raw["cardinals"] if word}))
    return regex.compile(rf"(?i)(?=[0-9{firsts}])(?<![\p{{L}}0-9])(?:(?P<digits>[0-9]{{1,3}})-|(?P<word>{words})-?)"
                         rf"(?P<stem>{stems})(?![ \u00a0]?{raw['duration_compound_not']})\p{{L}}*", regex.V1)


def bundled_words() -> NumberWords:
    """The bundled word lists (for ``parse_number`` called without a component)."""
    return NumberWords.from_resources(bundled(DATA_FILE))


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


_DOT_GROUPED = regex.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


def _digits_value(text: str) -> int | float | None:
    """'2 000' -> 2000, '2,5' -> 2.5, '18.000' -> 18000; None when ``text`` is not a digit number."""
    if _DOT_GROUPED.fullmatch(text):  # Swedish decimals take a comma: a dot groups thousands
        return int(text.replace(".", ""))
    if not _DIGITS.fullmatch(text):
        return None
    plain = _SPACE_CHARS.sub("", text).replace(" ", "").replace(",", ".")
    value = float(plain)
    return int(value) if value.is_integer() and "." not in plain else value


def _split_compound(word: str, lex: NumberWords) -> list[tuple[str, int]] | None:
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


def parse_number(text: str, words: NumberWords | None = None) -> int | float | None:
    """Read a Swedish number written in digits or words; None if ``text`` is not one.

    ``parse_number("tjugofem") == 25``, ``parse_number("2 000") == 2000``,
    ``parse_number("2,5 miljoner") == 2500000``, ``parse_number("ett trettiotal") == 30``,
    ``parse_number("tredje") == 3``.
    """
    lex = words or bundled_words()
    norm = " ".join(_SPACE_CHARS.sub(" ", text).lower().split())
    if not norm:
        return None
    ordinal = lex.ordinal(norm)
    if ordinal is not None:
        return ordinal
    digit_value = _digits_value(norm)
    if digit_value is not None:
        return digit_value
    xtal = _XTAL.fullmatch(norm) if "tal" in norm else None
    if xtal:
        base = parse_number(xtal.group(1), lex)
        if base is not None and base >= 10:
            return base
    and_half = _AND_HALF.fullmatch(norm)
    if and_half:
        whole = parse_number(and_half.group(1), lex)
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


def scale(value: Any, factor: float) -> Any:
    def one(v: Any) -> Any:
        if v is None:
            return None
        scaled = v * factor
        return int(scaled) if float(scaled).is_integer() else scaled
    if isinstance(value, list):
        return [one(v) for v in value]
    return one(value)
