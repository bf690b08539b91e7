"""Lemma back-off after the trained lemmatizer: case, a lookup table and compounds.

The trained (edit-tree) lemmatizer learns from ~29k treebank tokens, so report words it
never saw, above all long compounds (``ungdomscoacher``, ``arbetsmarknadsenheten``), and
capitalised sentence starts (``Kommunerna``) are its weak spots. This component runs after
it and, where the trained lemmatizer left a content word unchanged, consults a form ->
lemma table (from spacy-lookups-data, shipped inside the model folder), for the whole word
or, failing that, for its longest known tail (the compound's head: ``coacher`` -> ``coach``).
The table ignores part of speech, so a table lemma is accepted only when it fits the
token's POS (a noun's lemma is not longer than the noun, a verb's ends in a vowel).
The table also knows no word class, so it sends participles and ``-nde`` words to their
verb (``avlönade`` -> ``avlöna``); a list of lemmas that the table knows only as verbs
(``verb_lemmas.txt.gz``, derived from the same dictionary at build time) vetoes such a
lemma for a noun, adjective or adverb ("verb veto").
Each step can be switched off in the config; the recipe measures which combination wins.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from textmine.memo import Memo

TABLE_FILE = "lemma_table.tsv.gz"
VERB_FILE = "verb_lemmas.txt.gz"
CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV"}
NOMINAL_POS = {"NOUN", "ADJ", "ADV"}  # word classes a verb-only lemma is no answer for
VOWELS = set("aeiouyåäö")


@dataclass(frozen=True)  # read as given: the kept table answers depend on them
class BackoffSettings:
    lowercase: bool = True
    table: bool = True
    compounds: bool = True
    validate: bool = False
    min_head: int = 4
    min_modifier: int = 2
    verb_veto: bool = True


class LemmaTable:
    """A POS-blind form -> lemma table kept in a gzipped TSV file.

    Genitives (``kommunens``) are not stored when the form without ``s`` has the same
    lemma; :meth:`get` strips the ``s`` instead. That halves the file and its load time.
    """

    def __init__(self, entries: dict[str, str] | None = None) -> None:
        self.entries = entries or {}
        self._lemmas: set[str] | None = None

    def is_lemma(self, word: str) -> bool:
        """Whether ``word`` is the lemma of some form in the table."""
        if self._lemmas is None:
            self._lemmas = set(self.entries.values())
        return word in self._lemmas

    def is_word(self, word: str) -> bool:
        """Whether ``word`` is a form or a lemma the table knows."""
        return self.is_lemma(word) or self.get(word) is not None

    def get(self, form: str) -> str | None:
        found = self.entries.get(form)
        if found is None and form.endswith("s") and len(form) > 3:
            found = self.entries.get(form[:-1])
        return found

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> "LemmaTable":
        full = {form: lemma for form, lemma in pairs if form != lemma and "\t" not in form}
        return cls({form: lemma for form, lemma in full.items()
                    if not (form.endswith("s") and full.get(form[:-1]) == lemma)})

    def to_file(self, path: Path) -> None:
        write_gzip(path, "".join(f"{form}\t{self.entries[form]}\n"
                                 for form in sorted(self.entries)))

    @classmethod
    def from_file(cls, path: Path) -> "LemmaTable":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            parts = handle.read().rstrip("\n").replace("\t", "\n").split("\n")
        return cls(dict(zip(parts[0::2], parts[1::2])))


def write_gzip(path: Path, text: str) -> None:
    """Gzipped UTF-8 text with mtime=0: rebuilds give identical bytes."""
    with open(path, "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def write_words(words: Iterable[str], path: Path) -> None:
    """One word a line, sorted."""
    write_gzip(path, "".join(f"{word}\n" for word in sorted(set(words))))


def read_words(path: Path) -> frozenset[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(handle.read().split())


def starts_sentence(token: Token) -> bool:
    """First word of its sentence (after any opening quotes or brackets)."""
    i = token.i
    while i > 0 and not token.doc[i].is_sent_start and token.doc[i - 1].is_punct:
        i -= 1
    return bool(token.doc[i].is_sent_start) or i == 0


def after_perfect_auxiliary(token: Token) -> bool:
    """A ``-t`` form right after ``ha`` (har/hade/ha, adverbs between): a supine."""
    if not token.lower_.endswith("t"):
        return False
    i = token.i - 1
    while i >= 0 and token.doc[i].pos_ in ("ADV", "PART") and token.i - i <= 3:
        i -= 1
    return i >= 0 and token.doc[i].lemma_.lower() == "ha" and token.doc[i].pos_ == "AUX"


def verb_stem(lemma: str) -> str:
    """An infinitive without its ``-a`` (``avlöna`` -> ``avlön``; ``tro`` stays)."""
    return lemma[:-1] if lemma.endswith("a") else lemma


def fits_pos(form: str, lemma: str, pos: str) -> bool:
    """Whether a POS-blind table lemma is plausible for a token of this POS."""
    if pos == "VERB":
        return lemma[-1:] in VOWELS and not lemma.endswith(("are", "ande", "ende"))
    return len(lemma) < len(form)


class LemmaBackoff:
    """spaCy component: fix case and back off to the table where the model did nothing."""

    def __init__(self, nlp: Language, name: str, settings: BackoffSettings) -> None:
        self.name = name
        self.settings = settings
        self._table: LemmaTable | None = LemmaTable()
        self._table_file: Path | None = None
        self._verbs: frozenset[str] | None = frozenset()
        self._verb_file: Path | None = None
        # (table, verb lemmas, settings) -> their answers of table_lemma by (form, POS): the
        # same words recur in every passage, and a compound's look-up tries every tail
        self._kept: tuple[object, frozenset[str], BackoffSettings, Memo] | None = None

    @property
    def table(self) -> LemmaTable:
        """The table, read from the model folder on first use (keeps loading fast)."""
        if self._table is None:
            self._table = LemmaTable.from_file(self._table_file) if self._table_file \
                else LemmaTable()
        return self._table

    @table.setter
    def table(self, table: LemmaTable) -> None:
        self._table = table

    @property
    def verb_lemmas(self) -> frozenset[str]:
        """Lemmas the table knows only as verbs, read from the model folder on first use."""
        if self._verbs is None:
            self._verbs = read_words(self._verb_file) if self._verb_file else frozenset()
        return self._verbs

    @verb_lemmas.setter
    def verb_lemmas(self, words: Iterable[str]) -> None:
        self._verbs = frozenset(words)

    def vetoed(self, form: str, lemma: str, pos: str) -> bool:
        """A verb-only lemma offered for a noun, adjective or adverb built on its stem
        (``avlöna`` for ``avlönade`` ADJ, a participle): no answer; the trained
        lemmatizer's lemma stays. A form off the stem (``färre`` -> ``få``) belongs to a
        paradigm the table has mixed with a verb's, which the list cannot tell."""
        return self.settings.verb_veto and pos in NOMINAL_POS \
            and form.startswith(verb_stem(lemma)) and lemma in self.verb_lemmas

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            current = token.lemma_
            lemma = self._lemma(token, current, token.pos_)
            if lemma != current:
                token.lemma_ = lemma
        return doc

    def lemma(self, token: Token) -> str:
        return self._lemma(token, token.lemma_, token.pos_)

    def _lemma(self, token: Token, current: str, pos: str) -> str:
        """``lemma`` with the token's lemma and POS read once by the caller."""
        lemma = current or token.text
        if self.settings.lowercase and lemma != lemma.lower() and pos != "PROPN" \
                and not token.is_upper and starts_sentence(token):  # cheap tests first
            lemma = lemma.lower()
        if pos not in CONTENT_POS:
            return lemma
        form = token.lower_
        if pos != "VERB" and after_perfect_auxiliary(token):
            verb = self.kept_table_lemma(form, "VERB")  # "har anställt" tagged ADV or ADJ
            if verb and verb != form:
                return verb
        if lemma == form:
            return self.kept_table_lemma(form, pos) or lemma
        if self.settings.validate and not self.table.is_lemma(lemma):
            # not a lemma of any known word: prefer the table, or the form itself when it
            # is a lemma (or an adverb, whose lemma is mostly the form)
            found = self.kept_table_lemma(form, pos)
            keep_form = self.table.is_lemma(form) or pos == "ADV"
            return found or (form if keep_form else lemma)
        return lemma

    def kept_table_lemma(self, form: str, pos: str) -> str | None:
        """``table_lemma``, kept per (form, POS) for the current table, verb lemmas and
        settings (it depends on nothing else)."""
        key = (self.table, self.verb_lemmas, self.settings)
        if self._kept is None or any(a is not b for a, b in zip(self._kept, key)):
            self._kept = (*key, Memo())
        return self._kept[3].answer((form, pos), self.table_lemma, form, pos)

    def table_lemma(self, form: str, pos: str) -> str | None:
        if self.settings.table:
            found = self.table.get(form)
            if found and pos == "VERB" and not fits_pos(form, found, pos):
                found = self.table.get(found)  # supine -> participle -> verb: anställt
            if found and pos == "NOUN" and found == form[:-1] and self.table.is_lemma(form):
                return None  # 'kurs', 'hals', 'kors' are nouns of their own, not genitives
            if found and fits_pos(form, found, pos) and not self.vetoed(form, found, pos):
                return found
        if self.settings.compounds and not self.table.is_word(form):
            return self.compound_lemma(form, pos)
        return None

    def compound_lemma(self, form: str, pos: str) -> str | None:
        """Lemma of the longest tail of ``form`` found in the table, modifier kept."""
        start = self.settings.min_modifier
        for i in range(start, len(form) - self.settings.min_head + 1):
            head = form[i:]
            found = self.table.get(head)
            if found and fits_pos(head, found, pos) and not self.vetoed(head, found, pos):
                return form[:i] + found
        return None

    def initialize(self, get_examples=None, *, nlp=None, table_path: str | None = None,
                   verbs_path: str | None = None) -> None:
        """Load the table (a gzipped ``form<TAB>lemma`` file) and the verb-only lemmas (a
        gzipped word list) the recipe prepared."""
        if table_path:
            self.table = LemmaTable.from_file(Path(table_path))
        if verbs_path:
            self.verb_lemmas = read_words(Path(verbs_path))

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.table.to_file(path / TABLE_FILE)
        if self.verb_lemmas:
            write_words(self.verb_lemmas, path / VERB_FILE)

    def from_disk(self, path, *, exclude=()) -> "LemmaBackoff":
        table_file = Path(path) / TABLE_FILE
        if table_file.exists():
            self._table, self._table_file = None, table_file
        verb_file = Path(path) / VERB_FILE
        if verb_file.exists():
            self._verbs, self._verb_file = None, verb_file
        return self


@Language.factory(
    "textmine_lemma_backoff",
    default_config={"lowercase": True, "table": True, "compounds": True, "validate": False,
                    "min_head": 4, "min_modifier": 2, "verb_veto": True},
)
def make_lemma_backoff(nlp: Language, name: str, lowercase: bool, table: bool,
                       compounds: bool, validate: bool, min_head: int,
                       min_modifier: int, verb_veto: bool) -> LemmaBackoff:
    return LemmaBackoff(nlp, name, BackoffSettings(lowercase, table, compounds, validate,
                                                   min_head, min_modifier, verb_veto))
