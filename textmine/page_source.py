"""Reading a web page's address for the municipality it belongs to.

A page's address often says whose it is where its text does not: a local paper files news
under its editions ('sla.se/karlsborg/...'), a headline ends the address
('.../nu-oppnar-fritidsgarden-i-kramfors'), a town names a folder ('.../artikel/bergsjo/...')
and a municipality's own site is its domain ('lulea.se'). ``parse_address`` splits an address
once into an ``Address``; ``AddressReader`` reads the municipality's code from it with the
gazetteer's names as addresses write them (``fold``). ``Gazetteer.home`` uses both.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import unquote

import regex

# a web address: its host and its path (query and fragment left out)
_ADDRESS = regex.compile(r"(?:[a-z]+://)?(?P<host>[a-z0-9.-]+\.[a-z]{2,})(?P<path>/[^?#\s]*)?"
                         r"(?:\?(?P<query>[^#\s]*))?(?:#\S*)?", regex.IGNORECASE)
# a query's values of words ('?omrade=hela-stockholm': a local paper's edition)
_QUERY_VALUE = regex.compile(r"(?<==)\p{L}[\p{L}-]*(?=&|$)")
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", " ": "-"})
# the words of a path part of an address ('valloftet-infriat--i-kramfors.html')
_SLUG_WORD = regex.compile(r"\p{L}+")
_HEADLINE_BODY = {"kommun", "kommuns", "stad", "stads"}
_HEADLINE_WORDS = 3
# a folder of fewer letters is a code ('sv', 'ro'), not a town
_FOLDER_TOWN_LETTERS = 3

Lookup = Callable[[str], "str | None"]


def fold(name: str) -> str:
    """A name as a web address writes it: 'Upplands Väsby' -> 'upplands-vasby'."""
    return name.lower().translate(_FOLD)


@dataclass(frozen=True)
class Address:
    """A web address split once: its domain name ('sla'), its lower-cased path parts with
    the query's values of words last, and its headline (``headline``: the index of the path
    part, None without one; ``words``: its words as addresses fold names)."""

    domain: str
    path: list[str] = field(default_factory=list)
    headline: int | None = None
    words: list[str] = field(default_factory=list)


def parse_address(word: str) -> Address | None:
    """The ``Address`` of a web address ('www.sla.se/karlsborg/x' -> domain 'sla', path
    ['karlsborg', 'x']; 'x?omrade=hela-stockholm' -> [..., 'hela-stockholm']); None for a
    word that is no address."""
    match = _ADDRESS.fullmatch(word.strip("<>()\"'"))
    if match is None:
        return None
    path = [part for part in (match.group("path") or "").lower().split("/") if part]
    path += _QUERY_VALUE.findall((match.group("query") or "").lower())
    headline = _headline(path)
    words = [] if headline is None else \
        [word.translate(_FOLD) for word in _SLUG_WORD.findall(unquote(path[headline]))]
    return Address(match.group("host").lower().split(".")[-2], path, headline, words)


def _headline(path: list[str]) -> int | None:
    """The index of the headline among an address's path parts: the one of most words (at
    least three; the last of them): '.../succe-for-chatt-i-kalmar-kommun/feed'."""
    sizes = [len(_SLUG_WORD.findall(part)) for part in path]
    best = max(reversed(range(len(path))), key=sizes.__getitem__, default=None)
    return best if best is not None and sizes[best] >= _HEADLINE_WORDS else None


class AddressReader:
    """Reads the code of the municipality an ``Address`` belongs to in one of five ways
    (``edition``, ``headline``, ``locality``, ``domain``, ``compound``); each gives None
    where the address does not name exactly one."""

    def __init__(self, names: dict[str, str], common: set[str], counties: set[str],
                 prepositions: set[str], localities: tuple[Lookup, Lookup],
                 compound: Lookup) -> None:
        self._names = names  # folded name -> code ('upplands-vasby')
        self._common = common  # folded names that are also ordinary words
        self._counties = counties  # folded words that make a name a county's ('lan')
        self._prepositions = prepositions  # folded place prepositions ('i', 'fran')
        # a town as a folder writes it; as a headline does (not one that is a common word)
        self._town_in_folder, self._town_in_headline = localities
        self._compound = compound  # a folded word that glues a tail to a name

    def edition(self, address: Address) -> str | None:
        """The deepest part of the path that is a name (local papers file news under their
        editions: 'sla.se/karlsborg/...', 'unt.se/nyheter/uppsala/...'), or a folder of
        places that names one ('vimmerbytidning.se/nyheter/eksjo-mariannelund/...')."""
        for depth, part in reversed(list(enumerate(address.path))):
            if part in self._names:
                return self._names[part]
            codes = set() if depth == address.headline else \
                self._folded_names(part.split("-"), self._in_folder)
            if codes:
                return _only(codes)
        return None

    def headline(self, address: Address) -> str | None:
        """The one municipality the headline names as a place or body ('.../nu-oppnar-
        fritidsgarden-i-kramfors', '.../succe-for-chatt-i-kalmar-kommun') or begins with
        ('.../skinnskatteberg-ordnar-e-massa'); none where it names two anywhere (a
        comparison: '.../uddevalla-i-topp-och-arjeplog-samst-i-...')."""
        if address.headline is None or \
                len(self._folded_names(address.words, self._anywhere)) > 1:
            return None
        return _only(self._folded_names(address.words, self._in_headline))

    def locality(self, address: Address) -> str | None:
        """The municipality of the town or village the address files its page under (a
        folder: '.../artikel/bergsjo/...'; not one of two letters, which is a code:
        'regionostergotland.se/ro/...' is no page of Rö), its headline names after a place
        preposition ('.../fritidsbanken-i-kopparberg-...') or its domain is (a town's local
        news site: 'skillingaryd.nu'); not a town that is also an ordinary word, but in a
        folder."""
        words = address.words
        codes = {self._town_in_folder(part) for depth, part in enumerate(address.path)
                 if depth != address.headline and len(part) >= _FOLDER_TOWN_LETTERS}
        codes.add(self._town_in_headline(address.domain))
        codes |= {self._town_in_headline(words[k]) for k in range(1, len(words))
                  if words[k - 1] in self._prepositions}
        return _only(codes - {None})

    def domain(self, address: Address) -> str | None:
        """The municipality whose name is the domain ('lulea.se', 'www.vara.se')."""
        return self._names.get(address.domain)

    def compound(self, address: Address) -> str | None:
        """The one municipality whose company, place or people the domain, a folder or a
        headline word names ('harnosandshus.se', 'unt.se/sigtunabygden/...')."""
        parts = [address.domain] + [part for part in address.path if "-" not in part] + \
            address.words
        return _only({self._compound(part) for part in parts if part} - {None})

    def _folded_names(self, words: list[str],
                      accept: Callable[[list[str], int, int], bool]) -> set[str]:
        """Codes of the municipalities whose address forms ('upplands-vasby') are runs of
        ``words``, where ``accept(words, start, end)``."""
        codes: set[str] = set()
        start = 0
        while start < len(words):
            end = next((end for end in range(min(len(words), start + 3), start, -1)
                        if "-".join(words[start:end]) in self._names
                        and accept(words, start, end)), None)
            if end is None:
                start += 1
                continue
            codes.add(self._names["-".join(words[start:end])])
            start = end
        return codes

    def _in_folder(self, words: list[str], start: int, end: int) -> bool:
        """Any name in a folder of places ('karlskoga-degerfors') but a common word."""
        return "-".join(words[start:end]) not in self._common

    def _in_headline(self, words: list[str], start: int, end: int) -> bool:
        """A name in a headline is a place after a place preposition ('i-kramfors'), the body
        before 'kommun'/'stad', or the headline's first word (its subject) when it is no
        common word; a county ('orebro-lan') or region ('region-orebro') is not."""
        if self._of_county(words, start, end):
            return False
        before, after = _neighbours(words, start, end)
        return after in _HEADLINE_BODY or before in self._prepositions or (
            start == 0 and "-".join(words[start:end]) not in self._common)

    def _anywhere(self, words: list[str], start: int, end: int) -> bool:
        """Any name in a headline but a common word, a county or a region."""
        return self._in_folder(words, start, end) and not self._of_county(words, start, end)

    def _of_county(self, words: list[str], start: int, end: int) -> bool:
        """The name beside a county's word: 'orebro-lan', 'region-orebro'."""
        return any(word in self._counties for word in _neighbours(words, start, end))


def _neighbours(words: list[str], start: int, end: int) -> tuple[str, str]:
    """The words just before and after words[start:end] ('' at either end)."""
    return (words[start - 1] if start else "", words[end] if end < len(words) else "")


def _only(codes: set[str]) -> str | None:
    return next(iter(codes)) if len(codes) == 1 else None
