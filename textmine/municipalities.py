"""Sweden's 290 municipalities and linking of mentions to their SCB codes.

A report names a municipality in many forms: "Hultsfreds kommun", "Hultsfred",
"Gullspång kommun" (genitive dropped), "Övertorneås", "Malmö stad", "Region Gotland",
or just "kommunen" for the one the section is about. ``Gazetteer.find`` turns all of
them into ``Mention`` records. Names that are also ordinary words ("vara", "mark",
"kil", "ale") are linked only when the context makes them a place.

The list itself is data (``textmine/data/kommuner.csv``, see SOURCES-gazetteers.md).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, TypeVar

import regex

from textmine.page_source import Address, AddressReader, fold, parse_address
from textmine.records import Municipality
from textmine.resources import Resources, bundled

DATA_FILES = ("kommuner.csv", "municipality_aliases.csv", "municipality_common_words.txt",
              "municipality_subject.json", "localities.csv", "regioner.csv", "myndigheter.csv",
              "city_districts.csv")

# the words that join two names in a list: "Kil och Forshaga", "Kil, Forshaga"
_JOINERS = r"(?:,|och|eller|samt|,\s*och)"
# "kommunen"/"kommunens": the municipality of the current section.
_ANAPHOR = regex.compile(r"\b[Kk]ommunen(?:s)?\b")
_PREVIOUS_WORD = regex.compile(r"(\p{L}+)\W*$", regex.REVERSE)
_LAST_VISIBLE = regex.compile(r"\S", regex.REVERSE)
_PLACE_PREPOSITIONS = {"i", "från", "till", "utanför", "kring", "runt", "mellan", "och", "eller"}
T = TypeVar("T")
_HEADLINE_PREPOSITIONS = {fold(w) for w in _PLACE_PREPOSITIONS} - {"och", "eller"}


@dataclass(frozen=True)
class Mention:
    """A span of text that names a municipality."""

    text: str
    start: int
    end: int
    municipality: Municipality


def _spellings(name: str) -> set[str]:
    """A name of two words as text writes it with a space or a hyphen ('Upplands-Bro',
    'Upplands Bro'; 'Upplands Väsby', 'Upplands-Väsby')."""
    return {name, name.replace("-", " "), name.replace(" ", "-")}


def _genitive(name: str) -> str:
    """Swedish genitive: add -s unless the name already ends in s, x or z."""
    return name if name[-1] in "sxzSXZ" else name + "s"


class Gazetteer:
    """The municipality list with the surface forms that link to each entry."""

    def __init__(self, municipalities: Iterable[Municipality], aliases: dict[str, str],
                 common_words: Iterable[str], subject_rules: dict,
                 localities: Iterable[Locality] = (), regions: Iterable[str] = (),
                 agencies: Iterable[str] = (), districts: dict[str, str] | None = None) -> None:
        self.subject_rules = subject_rules  # how mentions weigh (municipality_subject.json)
        self._localities = _Localities(localities, districts,
                                       subject_rules.get("district_after", ""))
        self._regions = _region_pattern(regions)
        self._county = _Context(subject_rules["county_after"], subject_rules["county_before"])
        self._other = _Context(subject_rules["other_after"],
                               [*subject_rules["other_before"], *_local_offices(agencies)])
        self._several = regex.compile(subject_rules["several_pattern"])
        self._example = regex.compile(rf"(?:{subject_rules['example_before']})\s*$")
        self._regional = _optional_pattern(subject_rules, "regional_pattern")
        self._one_of = _optional_pattern(subject_rules, "one_of_after")
        self._partner = _optional_pattern(subject_rules, "partner_before", r"(?:{})\s*$")
        self._by_code = {m.code: m for m in municipalities}
        self._beside_region = _beside_region_patterns(
            _region_only_names(regions, self._by_code.values()))
        self._common = {w.casefold() for w in common_words}
        self._forms: dict[str, str] = {}
        for m in self._by_code.values():
            for base in _spellings(m.name):
                self._forms[base] = self._forms[_genitive(base)] = m.code
        for alias, code in aliases.items():
            self._forms[alias] = self._forms[_genitive(alias)] = code
        self._compounds = _Compounds(
            {form: m.code for m in self._by_code.values() if m.name.casefold() not in self._common
             for form in (m.name, _genitive(m.name))}, subject_rules["compound_tails"])
        # in an address, a name that is also a word glued to its people ('skarabornas')
        self._people = _Compounds(
            {m.name: m.code for m in self._by_code.values() if m.name.casefold() in self._common},
            subject_rules["people_tails"])
        # reads a page's address with names as addresses write them: "upplands-vasby"
        self.address_reader = AddressReader(
            {fold(m.name): m.code for m in self._by_code.values()},
            {fold(w) for w in self._common},
            {fold(w) for w in subject_rules["county_after"]} | {"region"},
            _HEADLINE_PREPOSITIONS,
            (self._localities.in_address, self._localities.in_headline),
            self._compound_in_address)
        names = sorted(self._forms, key=len, reverse=True)
        alternation = "|".join(regex.escape(n) for n in names)
        suffix = "|".join(regex.escape(word) for word in sorted(
            subject_rules["body_suffixes"], key=len, reverse=True))
        # A name, optionally followed by "kommun(s)" or "stad(s)"; the name must not be
        # glued to more letters ("Edas" is the genitive, "Edasamhället" is not Eda).
        self._pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}-])(?P<name>{alternation})(?:[ \u00a0](?P<suffix>{suffix}))?"
            rf"(?![\p{{L}}\p{{N}}]|-\p{{L}})")

    @classmethod
    def load(cls) -> "Gazetteer":
        """The bundled municipality list, aliases, common words and subject rules."""
        return cls.from_resources(bundled(*DATA_FILES))

    @classmethod
    def from_resources(cls, resources: Resources) -> "Gazetteer":
        """The gazetteer of a component's data files (built once per ``resources``)."""
        def build() -> "Gazetteer":
            municipalities = [Municipality(r["name"], r["code"], r["county_name"])
                              for r in resources.rows("kommuner.csv")]
            aliases = {r["alias"]: r["code"] for r in resources.rows("municipality_aliases.csv")}
            localities = [Locality(r["locality"], r["code"], r["common_word"] == "1")
                          for r in resources.rows("localities.csv")]
            regions = [r["region_name"] for r in resources.rows("regioner.csv")]
            agencies = [r["name"] for r in resources.rows("myndigheter.csv")]
            districts = {r["district"]: r["code"] for r in resources.rows("city_districts.csv")}
            return cls(municipalities, aliases, resources.lines("municipality_common_words.txt"),
                       resources.json("municipality_subject.json"), localities, regions, agencies,
                       districts)

        return resources.cached("gazetteer", build)

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Municipality]:
        return iter(self._by_code.values())

    def by_code(self, code: str) -> Municipality | None:
        return self._by_code.get(code)

    def lookup(self, text: str) -> Municipality | None:
        """The municipality that ``text`` names as a whole (a heading, a table cell)."""
        text = " ".join(text.split())
        match = self._pattern.fullmatch(text)
        if match is None:
            return None
        return self._by_code[self._forms[match.group("name")]]

    def find(self, text: str, current: Municipality | None = None) -> list[Mention]:
        """All municipality mentions in ``text``; "kommunen" links to ``current``."""
        candidates = [m for m in self._pattern.finditer(text) if m.group("name")[0].isupper()]
        linked: list[Mention] = []
        for i, match in enumerate(candidates):
            # only a neighbour can be coordinated with it ("Kil och Forshaga")
            if self._is_place(text, match, candidates[max(0, i - 1):i] + candidates[i + 1:i + 2]):
                code = self._forms[match.group("name")]
                linked.append(Mention(match.group(), match.start(), match.end(), self._by_code[code]))
        if current is not None:
            taken = [(m.start, m.end) for m in linked]
            for match in _ANAPHOR.finditer(text):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    linked.append(Mention(match.group(), match.start(), match.end(), current))
        return sorted(linked, key=lambda m: m.start)

    def subject(self, text: str, mentions: list[Mention] | None = None) -> Municipality | None:
        """The municipality a passage without a heading is about, from its mentions
        (``municipality_subject.json`` says how they weigh; ``mentions``: ``find(text)`` if
        already known); None when it names none, names several on equal terms, or lists many
        without one standing out."""
        ranking = self._ranked(text, self.find(text) if mentions is None else mentions)
        return self._by_code[ranking.codes[0]] if self._stands_out(ranking) else None

    def _ranked(self, text: str, mentions: list[Mention]) -> "_Ranking":
        """The codes a passage names as subjects, best first, with their weights, how often
        and where first each is named. An example ('exempelvis Kalix kommun') is none, and
        neither are the names after it in its sentence ('..., Luleå kommun 5 miljoner och
        Piteå kommun 3 miljoner'). A partner ('tillsammans med Övertorneå kommun') counts
        only where no other is named as a body ('Bräcke diakoni tillsammans med Göteborgs
        kommun' is Göteborg's)."""
        rules = self.subject_rules
        ranking = _Ranking()
        counties = {m.municipality.code for m in mentions if self._names_county(text, m)}
        example_end = None  # where the last example named ends, if its sentence goes on
        partners: list[tuple[str, int, int, bool]] = []
        for mention, body in zip(mentions, self._bodies(text, mentions)):
            code = mention.municipality.code
            if self._is_example(text, mention) or (
                    example_end is not None and not _SENTENCE_END.search(
                        text, example_end, mention.start)):
                example_end = mention.end
                continue
            example_end = None
            # a bare name of a county the passage names ('Stockholms län ... i Stockholm')
            if self._names_no_subject(text, mention) or (not body and code in counties):
                continue
            weighed = (code, rules["body_weight"] if body else 1, mention.start, body)
            if self._is_partner(text, mention):
                partners.append(weighed)
            else:
                ranking.add(*weighed)
        if not ranking.bodies:  # no municipality the partner works with is named as one
            for weighed in partners:
                ranking.add(*weighed)
        return ranking

    def _stands_out(self, ranking: "_Ranking") -> bool:
        """The best weighs more than the next, and clearly more in a list of many; in a list
        one named no more often than the next and after others is one of the list, though it
        alone is written 'X kommun' ('Bjuv, Åstorp och Klippan ... I Höganäs kommun ...')."""
        codes, scores = ranking.codes, ranking.scores
        if not codes:
            return False
        best = scores[codes[0]]
        second = scores[codes[1]] if len(codes) > 1 else 0
        rules = self.subject_rules
        if len(codes) < rules["list_size"]:
            return best != second
        return best >= rules["list_margin"] * second and not ranking.one_of_list()

    def passage_subject(self, text: str, document: Municipality | None = None,
                        mentions: list[Mention] | None = None,
                        own: Municipality | None = None) -> Municipality | None:
        """The subject of a paragraph without a heading: ``subject`` of its mentions.
        When it names none but counties and regions (a county's body says nothing of where
        the passage is: 'länsidrottsförbundet i Örebro ... Fritidsbanken i Kopparberg'), the
        one whose town or village it names after a place preposition ("Fritidsbanken i
        Tumba": ``localities.csv``) or whose city district's administration it names
        ('Spånga-Tensta stadsdelsnämnd': ``city_districts.csv``), else the one whose
        company, place or people its compounds name ("Sandvikenhus": ``_Compounds``); when
        it names none as its subject (or only counties, other bodies, examples, points of
        reference: ``_names_no_subject``), the ``document``'s (the one its page names or is
        published by), unless it is about several (``about_several``) or, on a page that is
        no municipality's own, about a county council (``about_region``). On a page of no
        municipality, national text names the ones it does for comparison (``national``). On a municipality's
        ``own`` page (``own_site``) its own is the subject where the paragraph names it and
        one other on equal terms, or names only others yet speaks of "kommunen" (its own;
        the others are compared with). On any page the document's wins a tie of two where
        the paragraph speaks of "kommunen" (its one municipality), and wherever the
        paragraph names it as a body and no other outweighs it twice (``_holds_its_own``).
        (Breaking any tie in
        favour of the document's, without "kommunen", was measured on real-dev: 3 passages
        right, 2 wrong; not kept. Towns named anywhere, not after a preposition, and a
        stricter margin for lists were measured too: passages lost; not kept. Towns beside a
        point of reference ('i Deje, tre mil norr om Karlstad') locate a place for readers
        from elsewhere: national text, one passage lost; so only counties let towns count.)"""
        mentions = self.find(text) if mentions is None else mentions
        town = None if any(not self._names_county(text, m) for m in mentions) else \
            (self._localities.named(text) or self._compounds.named(text))
        if town is not None:
            return self._by_code[town]
        ranking = self._ranked(text, mentions)
        if not ranking.codes:
            return None if self.about_several(text) or \
                (own is None and self.about_region(text)) else document
        if document is None and own is None and self.national(text, mentions, ranking.bodies):
            return None
        if own is not None and own.code not in ranking.scores and _ANAPHOR.search(text):
            return own
        if document is not None and self._holds_its_own(ranking, document.code):
            return document
        if self._stands_out(ranking):
            return self._by_code[ranking.codes[0]]
        tied = ranking.tied()
        # a paper's passage that speaks of 'kommunen' means its page's of two on equal terms
        favoured = own or (document if _ANAPHOR.search(text) else None)
        return favoured if favoured is not None and len(tied) == 2 and favoured.code in tied \
            else None

    def _holds_its_own(self, ranking: "_Ranking", code: str) -> bool:
        """The page's municipality is named as a body ('Simrishamns kommun') and no other
        weighs 'list_margin' times as much: the others are compared with, however often
        they are named ('tittar på just Ystad'). Its bare name twice is no body: 'två
        kommuner, Ydre och Linköping ... Ydre ... Linköping' on a page of Linköping's
        university is about both (measured on real-dev: one passage right, none lost)."""
        rules = self.subject_rules
        own = ranking.scores[code]
        return code in ranking.bodies and \
            ranking.scores[ranking.codes[0]] < rules["list_margin"] * own

    def about_region(self, text: str) -> bool:
        """Text that speaks of a county council ('landstinget', 'Region Stockholm') and never
        of 'kommunen' is regional: on a page that is no municipality's own, a paragraph that
        names no municipality is not about the one its page names ('motion-pa-recept-...-i-
        stockholm'; measured on real-dev: two passages right, none lost; on a municipality's
        own page it is its own: 'Region Västerbotten' beside Skellefteå's work)."""
        return self._regional is not None and self._regional.search(text) is not None and \
            _ANAPHOR.search(text) is None

    def about_several(self, text: str) -> bool:
        """Text that speaks of municipalities in the plural ('landets kommuner') and never of
        'kommunen' is about several (national or regional text on a local site), not the
        one its page belongs to."""
        return self._several.search(text) is not None and _ANAPHOR.search(text) is None

    def national(self, text: str, mentions: list[Mention], bodies: set[str]) -> bool:
        """Text that speaks of municipalities in the plural at least 'national_plurals' times
        and never of 'kommunen' (``about_several``) names bare places for comparison ('I
        Karlstad, till exempel, måste den som behöver hjälp vänta i 36 veckor'); at least
        'national_plurals_beside_body' times, bodies too ('I år är det Kungsbacka kommun som
        har den längsta väntetiden'); not where it names one as one of them ('one_of_after':
        'Kalix är en av 31 kommuner som ...'). (Measured on real-dev: bodies beside two or
        three plurals are subjects: 'Eskilstuna kommun jobbar ...' among 'tio kommuner'.)"""
        rules = self.subject_rules
        if self._one_of is None or _ANAPHOR.search(text) is not None:
            return False
        plurals = len(self._several.findall(text))
        least = rules["national_plurals_beside_body"] if bodies else rules["national_plurals"]
        return plurals >= least and not any(self._one_of.match(text, m.end) for m in mentions)

    def sole(self, text: str, mentions: list[Mention] | None = None) -> Municipality | None:
        """The one municipality ``text`` names (counties and regions aside), if only one."""
        codes = {m.municipality.code for m in (self.find(text) if mentions is None else mentions)
                 if not self._names_county(text, m)}
        return self._by_code[codes.pop()] if len(codes) == 1 else None

    def home(self, name: str) -> Municipality | None:
        """The municipality a page's site name, title and address, or a publisher, belong
        to, if only one: the edition its address files it under (``AddressReader.edition``:
        'op.se/jamtland/bracke/...' is Bräcke's page of Östersunds-Posten), else the one
        its address's headline names (``.headline``), else the one whose town its
        address files it under, its headline names or its domain is (``.locality``:
        'helahalsingland.se/artikel/bergsjo/...' is Nordanstig's, 'skillingaryd.nu'
        Vaggeryd's), else the one they name, else
        the one a name compound names ('Katrineholms-Kuriren', 'Enköpings-Posten',
        '24Halmstad'), else the site's own domain ('lulea.se'). None for a page of a
        county's body that names its county ('Länsstyrelsen i Jönköpings län
        lansstyrelsen.se/jonkoping/...': regional, not Jönköping's)."""
        mentions = self.find(name)
        found = self._home(name, mentions)
        # a county's body files its pages under its county ('lansstyrelsen.se/jonkoping')
        if found is not None and any(m.municipality.code == found.code and
                                     self._names_county(name, m) for m in mentions):
            return None
        return found

    def _home(self, name: str, mentions: list[Mention]) -> Municipality | None:
        """``home`` before a county's body is set aside (``mentions``: ``find(name)``)."""
        words = name.split()
        addresses = _addresses(words)
        reader = self.address_reader
        for read in (reader.edition, reader.headline, reader.locality):
            codes = _codes_of(read, addresses)
            if codes:
                return self._only(codes)
        if mentions:
            return self.sole(name, mentions)
        for read, items in ((self._compound_home, words), (reader.domain, addresses),
                            (reader.compound, addresses)):
            codes = _codes_of(read, items)
            if codes:
                return self._only(codes)
        return None

    def own_site(self, name: str) -> Municipality | None:
        """The municipality whose own body publishes a page, if one: its publisher or site
        name names the body ('Solna stad', 'Lindesbergs kommun'), or its address is the
        body's domain ('lulea.se'). A local paper named after a town is not its own."""
        rules = self.subject_rules
        codes = {m.municipality.code for m in self.find(name)
                 if m.text.split()[-1] in rules["body_suffixes"]}
        domains = _codes_of(self.address_reader.domain, _addresses(name.split()))
        return self._only(codes | domains)

    def _only(self, codes: set[str]) -> Municipality | None:
        return self._by_code[next(iter(codes))] if len(codes) == 1 else None

    def _compound_in_address(self, part: str) -> str | None:
        """The code of the municipality a folded word of an address glues a tail to
        ('harnosandshus'), or a name that is also a word glues its people to ('skarabornas')."""
        return self._compounds.in_address(part) or self._people.in_address(part)

    def _compound_home(self, word: str) -> str | None:
        """'Katrineholms-Kuriren' -> Katrineholm (a name glued to a capitalised word by a
        hyphen), '24Halmstad' -> Halmstad (a name after digits), 'Sandvikenhus' -> Sandviken
        (a name glued to a tail, ``_Compounds``): the municipality's code; None for other
        words."""
        word = word.strip(".,;:()\"'”“|–")
        glued = self._compounds.named(word)
        if glued is not None:
            return glued
        digits = _LEADING_DIGITS.match(word)
        head, dash, tail = word.partition("-")
        if digits and word[digits.end():][:1].isupper():
            found = self.lookup(word[digits.end():])
        elif dash and head[:1].isupper() and tail[:1].isupper():
            found = self.lookup(head)
        else:
            return None
        return found.code if found else None

    def _names_no_subject(self, text: str, mention: "Mention") -> bool:
        """The name is there, but not as the passage's municipality: a county or region,
        another body, an example or a point of reference (``_Context``)."""
        return self._names_county(text, mention) or self._other.around(text, mention)

    def _is_example(self, text: str, mention: "Mention") -> bool:
        """A name right after a cue of examples ('bland annat Kalix kommun')."""
        return _right_after(self._example, text, mention)

    def _is_partner(self, text: str, mention: "Mention") -> bool:
        """A name right after a cue of a partner ('tillsammans med Övertorneå kommun'): the
        subject is the one that works with it, if the passage names that one as a body."""
        return self._partner is not None and _right_after(self._partner, text, mention)

    def _names_county(self, text: str, mention: "Mention") -> bool:
        """A county ('Jönköpings och Hallands län') or a region whose name holds the
        municipality's ('Jämtland Härjedalen Turism': ``regioner.csv``)."""
        if self._county.around(text, mention) or self._among_regions(text, mention):
            return True
        return self._regions is not None and any(
            region.start() <= mention.start and mention.end <= region.end()
            for region in self._regions.finditer(text, max(0, mention.start - 40),
                                                 mention.end + 40))

    def _among_regions(self, text: str, mention: "Mention") -> bool:
        """A county's name that is a municipality's too, coordinated with the name of a county
        or region that is no municipality's ('i Dalarna, på Gotland och i Västerbotten')."""
        if self._beside_region is None or mention.municipality.county.split()[0].rstrip("s") \
                != mention.text.rstrip("s"):
            return False
        before, after = self._beside_region
        return before.search(text, max(0, mention.start - 40), mention.start) is not None or \
            after.match(text, mention.end, mention.end + 40) is not None

    def _is_body(self, mention: "Mention") -> bool:
        """The name of the municipality as a body ('Kalix kommun', 'Solna stad')."""
        return mention.text.split()[-1] in self.subject_rules["body_suffixes"]

    def _bodies(self, text: str, mentions: list[Mention]) -> list[bool]:
        """Which mentions name a body: a name with a body suffix, and the names coordinated
        before it, which share it ('Heby, Håbo och Östhammars kommun')."""
        bodies = [self._is_body(mention) for mention in mentions]
        for k in reversed(range(len(mentions) - 1)):
            if bodies[k + 1] and _joined(text, mentions[k].end, mentions[k + 1].start):
                bodies[k] = True
        return bodies

    def _is_place(self, text: str, match: regex.Match, others: list[regex.Match]) -> bool:
        """Decide whether a capitalised name that is also a common word is a place here."""
        name = match.group("name")
        if match.group("suffix") or name.casefold() not in self._common and \
                name.rstrip("s").casefold() not in self._common:
            return True
        # searched backwards from the name: slicing the text before it would copy it all
        previous_word = _PREVIOUS_WORD.search(text, 0, match.start())
        last_visible = _LAST_VISIBLE.search(text, 0, match.start())
        at_sentence_start = last_visible is None or last_visible.group() in ".!?:"
        if previous_word and not at_sentence_start and \
                previous_word.group(1).casefold() in _PLACE_PREPOSITIONS:
            return True
        if not at_sentence_start and _inside_lower_case(text, match, previous_word):
            return True
        return any(_coordinated(text, match, other) for other in others)


_SENTENCE_END = regex.compile(r"[.!?:;]\s|\n")
_LEADING_DIGITS = regex.compile(r"\p{N}+")


def _inside_lower_case(text: str, match: regex.Match, previous: regex.Match | None) -> bool:
    """A capitalised word between words in lower case ('på Mora kulturhus', 'besökte Vara
    i går') is a name of a place, not a word; beside another capitalised word it may be part
    of another name ('Gröna Lund', 'Nora Ek')."""
    following = regex.match(r"\s*(\p{L})", text[match.end():match.end() + 3])
    return previous is not None and previous.group(1)[0].islower() and \
        (following is None or following.group(1).islower())


@dataclass
class _Ranking:
    """The municipalities a passage names as subjects: each one's weight, how often and
    where first it is named."""

    scores: Counter[str] = field(default_factory=Counter)
    named: Counter[str] = field(default_factory=Counter)
    first: dict[str, int] = field(default_factory=dict)
    bodies: set[str] = field(default_factory=set)  # the codes named as a body at least once

    def add(self, code: str, weight: int, start: int, body: bool = False) -> None:
        self.scores[code] += weight
        self.named[code] += 1
        self.first.setdefault(code, start)
        if body:
            self.bodies.add(code)

    @property
    def codes(self) -> list[str]:
        """Best first: the heaviest, the first named of equal weight."""
        return sorted(self.scores, key=lambda c: (-self.scores[c], self.first[c]))

    def tied(self) -> list[str]:
        """The codes that weigh as much as the best."""
        codes = self.codes
        return [code for code in codes if self.scores[code] == self.scores[codes[0]]]

    def one_of_list(self) -> bool:
        """The best is named no more often than the next and not first: one of a list."""
        best, second = self.codes[:2]
        return self.named[best] <= self.named[second] and \
            self.first[best] > min(self.first.values())


@dataclass(frozen=True)
class Locality:
    """A postal locality (town or village) that lies in one municipality."""

    name: str
    code: str
    common_word: bool  # also an ordinary word ('Kista', 'Skog')


class _Localities:
    """Towns and villages as text names them ('i Tumba') and as addresses write them, and
    city districts as their administrations are named ('Spånga-Tensta stadsdelsnämnd')."""

    def __init__(self, localities: Iterable[Locality], districts: dict[str, str] | None = None,
                 district_words: str = "") -> None:
        localities = list(localities)
        self._by_name = {town.name: town.code for town in localities}
        self._districts = {**self._by_name, **(districts or {})}
        self._district = _district_pattern(self._districts, district_words)
        self._in_address = {fold(town.name): town.code for town in localities}
        self._in_headline = {fold(town.name): town.code for town in localities
                             if not town.common_word}
        names = "|".join(regex.escape(n) for n in sorted(self._districts, key=len, reverse=True))
        places = "|".join(sorted(_PLACE_PREPOSITIONS - {"och", "eller"}))
        self._pattern = regex.compile(
            rf"\b(?:{places})\s+(?:(?P<first>\p{{Lu}}\p{{L}}*)-)?(?P<name>{names})(?![\p{{L}}\p{{N}}]|-\p{{L}})") \
            if names else None
        # a list of places after the preposition ('i Läggesta och Marielund, Stallarholmen
        # (seniorvandring), Abborrberget'): its later items are places too
        item = r"\p{Lu}[\p{L}-]*(?:\s+\([^()]{0,40}\))?"
        self._list = regex.compile(
            rf"\b(?:{places})\s+{item}(?:\s*(?:,|och|samt|,\s*och)\s+{item})+")
        self._item = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}-])(?P<name>{names})(?![\p{{L}}\p{{N}}]|-\p{{L}})") \
            if names else None

    def named(self, text: str) -> str | None:
        """The code of the one municipality whose towns ``text`` names after a place
        preposition ('i Tumba', 'från Märsta'; also as the part of a district's double
        name, 'i Rinkeby-Kista'), whose city districts it names so ('i Lundby', 'i
        Majorna-Linné') or as administrations ('Skarpnäcks stadsdel'), if one. (Districts
        after a preposition: measured on real-dev, two passages right, none lost.)"""
        codes: set[str] = set()
        if self._pattern is not None:
            codes = {self._districts[m.group(group)] for m in self._pattern.finditer(text)
                     for group in ("first", "name") if m.group(group) in self._districts}
            codes |= {self._districts[m.group("name")] for span in self._list.finditer(text)
                      for m in self._item.finditer(text, span.start(), span.end())}
        if self._district is not None:
            codes |= {self._districts[m.group("name")] for m in self._district.finditer(text)}
        return codes.pop() if len(codes) == 1 else None

    def in_address(self, part: str) -> str | None:
        return self._in_address.get(part)

    def in_headline(self, word: str) -> str | None:
        return self._in_headline.get(word)


class _Compounds:
    """Words that glue a tail to a municipality's name ('Sandvikenhus', 'Luleåborna'), as
    text writes them and as web addresses fold them ('harnosandshus')."""

    def __init__(self, forms: dict[str, str], tails: Iterable[str]) -> None:
        self._forms = forms  # a name or its genitive -> code
        self._folded = {fold(form): code for form, code in forms.items()}
        self._tails = sorted({fold(tail) for tail in tails}, key=len, reverse=True)
        names = "|".join(regex.escape(form) for form in sorted(forms, key=len, reverse=True))
        glued = "|".join(regex.escape(tail) for tail in sorted(set(tails), key=len, reverse=True))
        self._pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}-])(?P<name>{names})(?:{glued})(?![\p{{L}}\p{{N}}])") \
            if forms and glued else None

    def named(self, text: str) -> str | None:
        """The code of the one municipality ``text``'s compounds name, if one."""
        if self._pattern is None:
            return None
        codes = {self._forms[m.group("name")] for m in self._pattern.finditer(text)}
        return codes.pop() if len(codes) == 1 else None

    def in_address(self, part: str) -> str | None:
        """The code of the municipality a folded word of an address glues a tail to."""
        for tail in self._tails:
            if part.endswith(tail) and part[:-len(tail)] in self._folded:
                return self._folded[part[:-len(tail)]]
        return None


class _Context:
    """Words right after a name ('Jönköpings län', 'Umeå universitet'; any case), also
    after names coordinated with it ('Kalmar och Kronobergs län'), or patterns right before
    it ('Region Örebro', 'Högskolan i Gävle', 'norr om Karlstad') that make it name
    something other than the municipality as a subject."""

    def __init__(self, after: Iterable[str], before: Iterable[str]) -> None:
        words = "|".join(regex.escape(word) for word in after)
        self._after = regex.compile(
            rf"(?:\s*(?:,|och|eller|samt)\s+\p{{Lu}}[\p{{L}}-]*)*\s+(?i:{words})"
            rf"(?![\p{{L}}\p{{N}}])")
        self._before = regex.compile("(?:" + "|".join(before) + r")\s*$")

    def around(self, text: str, mention: Mention) -> bool:
        if self._after.match(text, mention.end, mention.end + 80):
            return True
        return self._before.search(text, max(0, mention.start - 30), mention.start) is not None


def _local_offices(agencies: Iterable[str]) -> list[str]:
    """Patterns for a state agency's local office by its proper name ('Arbetsförmedlingen i
    Lindesberg'): the name is the office's, not the subject. (In lower case, 'jobbat på
    arbetsförmedlingen i Vindeln', it is a place: measured on real-dev, one passage lost.)"""
    names = sorted({name for name in agencies if " " not in name}, key=len, reverse=True)
    if not names:
        return []
    return [rf"\b(?:{'|'.join(regex.escape(name) for name in names)})\s+i"]


def _district_pattern(names: dict[str, str], words: str) -> regex.Pattern | None:
    """A district's or town's name, in the genitive or not, right before a word of a city
    district's administration (``words``: 'Skarpnäcks stadsdel', 'Lundby
    stadsdelsförvaltning'); None without names or words."""
    if not names or not words:
        return None
    alternation = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}-])(?P<name>{alternation})s?\s+(?:{words})(?!\p{{L}})")


def _region_pattern(regions: Iterable[str]) -> regex.Pattern | None:
    """Region names of two words or more without 'Region' ('Jämtland Härjedalen'), any
    inflection of the last ('Jämtland Härjedalens'); None without any."""
    names = set()
    for name in regions:
        words = name.split()
        words = words[1:] if words[:1] == ["Region"] else words
        if len(words) > 1:
            names.add(" ".join(words))
    if not names:
        return None
    alternation = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation})s?(?![\p{{L}}\p{{N}}])")


def _region_only_names(regions: Iterable[str],
                       municipalities: Iterable[Municipality]) -> set[str]:
    """The short names of counties and regions ('Dalarna', 'Södermanland', 'Sörmland',
    'Västra Götaland') that are no municipality's name."""
    names = {county.removesuffix(" län").removesuffix("s")
             for county in {m.county for m in municipalities}}
    names |= {region.removeprefix("Region ").removesuffix(" län").removesuffix("s")
              for region in regions if region.startswith("Region ")}
    return names - {m.name for m in municipalities}


def _beside_region_patterns(names: set[str]) -> tuple[regex.Pattern, regex.Pattern] | None:
    """Patterns for a county's or region's name coordinated right before a name ('i
    Dalarna, på ') and right after it (' och i Västerbotten'); None without names."""
    if not names:
        return None
    alternation = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    joint = rf"\s*{_JOINERS}\s+(?:(?:i|på)\s+)?"
    return (regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation}){joint}$"),
            regex.compile(rf"{joint}(?:{alternation})s?(?![\p{{L}}\p{{N}}])"))


def _optional_pattern(rules: dict, key: str, template: str = "{}") -> regex.Pattern | None:
    """A pattern of ``municipality_subject.json`` added after models were packaged with a
    copy of it: None where the copy has none (the rule is then off)."""
    pattern = rules.get(key)
    return regex.compile(template.format(pattern)) if pattern else None


def _right_after(cue: regex.Pattern, text: str, mention: "Mention") -> bool:
    """Whether ``cue`` (anchored at its end) stands in the 30 characters before a name."""
    return cue.search(text, max(0, mention.start - 30), mention.start) is not None


def _coordinated(text: str, a: regex.Match, b: regex.Match) -> bool:
    """True for "Kil och Forshaga", "Kil, Forshaga": two names joined by och/eller/comma."""
    first, second = (a, b) if a.start() < b.start() else (b, a)
    return _joined(text, first.end(), second.start())


def _joined(text: str, end: int, start: int) -> bool:
    """True where the text between two names only joins them (och/eller/samt/comma), also
    after a hyphen that stands for a shared last word ('Övertorneå- och Pajala kommun')."""
    return regex.fullmatch(rf"-?\s*{_JOINERS}\s*", text[end:start]) is not None


def _addresses(words: list[str]) -> list[Address]:
    """The words of a page's name that are web addresses, each parsed once."""
    return [address for address in map(parse_address, words) if address is not None]


def _codes_of(read: Callable[[T], str | None], items: Iterable[T]) -> set[str]:
    """The codes ``read`` finds in any of ``items`` (addresses or words of a page's name)."""
    return {read(item) for item in items} - {None}


def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    return Gazetteer.load()
