"""One word lexicon for every list of nouns textmine looks for (roles, target groups,
activity nouns, name cues): it matches inflected forms and compounds by their last part
("ungdomscoacher" -> coach), and knows the words that only look like compounds
("lägenhet" is no "enhet", "konkurs" no "kurs": ``false_heads.txt``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from spacy.tokens import Token

from textmine.memo import Memo
from textmine.resources import Resources, bundled

MIN_COMPOUND_PREFIX = 3  # "it-" or "ung" and longer: shorter prefixes make false heads
FALSE_HEADS_FILE = "false_heads.txt"
# the data files of the role and target-group lexicons, which entities and activities share
LEXICON_FILES = ("roles.txt", "target_groups.txt", FALSE_HEADS_FILE)



def inflections(lemma: str) -> set[str]:
    """Regular Swedish noun forms of ``lemma`` (over-generation is harmless here)."""
    forms = {lemma}
    if lemma.endswith("are") or lemma.endswith("ande") or lemma.endswith("ende"):
        forms |= {lemma + "n", lemma[:-1] + "na"}
    elif lemma.endswith("e"):
        forms |= {lemma + "n", lemma + "r", lemma + "rna", lemma + "t", lemma + "na"}
    elif lemma.endswith("a"):
        stem = lemma[:-1]
        forms |= {lemma + "n", stem + "or", stem + "orna", stem + "ar", stem + "arna"}
    else:
        forms |= {lemma + suffix for suffix in ("en", "er", "erna", "ar", "arna", "et", "na")}
    forms |= {form + "s" for form in list(forms) if not form.endswith("s")}
    return forms


@dataclass
class LexiconMatch:
    """A lexicon hit on one token: the lexicon lemma and the compound prefix before it."""

    lemma: str
    prefix: str

    @property
    def canonical(self) -> str:
        return (self.prefix + self.lemma).lower()


def entry_forms(lemma: str, extra: Iterable[str], inflect: bool = True) -> set[str]:
    """Forms of a lexicon entry: the lemma, its listed irregular forms, the regular ones
    (unless ``inflect`` is false) and the genitives of all."""
    forms = set(extra) | {lemma}
    if inflect:
        forms |= inflections(lemma)
    return forms | {form + "s" for form in forms if not form.endswith("s")}


def false_heads(resources: Resources | None = None) -> dict[str, str]:
    """Words that end in a lexicon word without being its compound (lägenhet, konkurs):
    form -> lemma, from false_heads.txt (bundled unless ``resources`` are given)."""
    resources = resources or bundled(FALSE_HEADS_FILE)

    def build() -> dict[str, str]:
        table: dict[str, str] = {}
        for line in resources.lines(FALSE_HEADS_FILE):
            lemma, *extra = line.lower().split()
            for form in entry_forms(lemma, extra):
                table.setdefault(form, lemma)
        return table

    return resources.cached("false_heads", build)


@dataclass
class Lexicon:
    """Lemma lexicon that matches inflected forms and compounds by their last part."""

    forms: dict[str, str] = field(default_factory=dict)  # form -> lemma
    whole_only: set[str] = field(default_factory=set)  # forms that may not be compound heads
    head_only: set[str] = field(default_factory=set)  # forms that count only in compounds
    excluded: set[str] = field(default_factory=set)  # "-form": another word, even by its lemma
    # words whose last part is no compound head (lägenhet: no "enhet"), form -> lemma
    false: dict[str, str] = field(default_factory=false_heads)
    _cache: Memo = field(default_factory=Memo, repr=False)
    # (text, lemma) of a token -> its match: every token is asked about, most match nothing
    _token_cache: Memo = field(default_factory=Memo, repr=False)

    @classmethod
    def from_lines(cls, lines: Iterable[str], false: dict[str, str] | None = None) -> "Lexicon":
        """Entries "lemma [forms…]"; "=lemma" whole words only, "~lemma" compound heads only,
        "-form …" forms that are other words (värden: values, not hosts). ``false``: the
        false compound heads (default: the bundled list)."""
        lexicon = cls() if false is None else cls(false=false)
        excluded: set[str] = set()
        for line in lines:
            if line.startswith("-"):
                excluded.update(line[1:].lower().split())
                continue
            whole, head = line.startswith("="), line.startswith("~")
            lemma, *extra = line.lstrip("=~").lower().split()
            for form in entry_forms(lemma, extra, inflect=not whole):
                lexicon.forms.setdefault(form, lemma)
                if whole:
                    lexicon.whole_only.add(form)
                if head:
                    lexicon.head_only.add(form)
        for form in excluded:
            lexicon.forms.pop(form, None)
        lexicon.excluded = excluded
        return lexicon

    def match_word(self, word: str) -> LexiconMatch | None:
        """Longest lexicon form that is ``word`` or its compound head (memoised on the
        word as written, as the answer depends on its lower case only: the same words
        recur in every passage, and a kept answer costs one dict look-up)."""
        return self._cache.answer(word, self._match_word_lower, word)

    def _match_word_lower(self, word: str) -> LexiconMatch | None:
        return self._match_word(word.lower())

    def _match_word(self, word: str) -> LexiconMatch | None:
        if word in self.forms and word not in self.head_only:
            return LexiconMatch(self.forms[word], "")
        for i in range(len(word) - 2):
            head, prefix = word[i:], word[:i]
            lemma = self.forms.get(head)
            if lemma is not None and head not in self.whole_only \
                    and (len(prefix) >= MIN_COMPOUND_PREFIX or prefix.endswith("-")) \
                    and self.false.get(head, lemma) == lemma:
                return LexiconMatch(lemma, prefix)
            if head in self.false:
                return None  # the word ends in a longer word that is no compound of ours
        return None

    def match(self, token: Token) -> LexiconMatch | None:
        """Match a token by its form, else by its lemma when a lemmatizer set one
        (memoised on both: the answer depends on nothing else, as ``is_alpha`` and
        ``lower_`` are properties of the form)."""
        return self._token_cache.answer((token.text, token.lemma_), self._match_token, token)

    def _match_token(self, token: Token) -> LexiconMatch | None:
        if not token.is_alpha and "-" not in token.text:
            return None
        found = self.match_word(token.text)
        if found is not None:  # the lemma is read only when the form did not match
            return found
        if token.lower_ in self.excluded:
            return None  # "-lokala": the adjective (lokala företag), though its lemma is lokal
        lemma = token.lemma_.lower() if token.lemma_ else ""
        if lemma and lemma != token.lower_ and lemma in self.forms \
                and lemma not in self.head_only and lemma not in self.whole_only:
            # the lemma helps with irregular forms, but only as a whole word: a statistical
            # lemma of an unknown word (likvärda -> likvärd) is no compound evidence, and
            # "=" entries list their exact forms (råd, not rådet)
            found = LexiconMatch(self.forms[lemma], "")
        return found


def lexicon(resources: Resources, lines: Iterable[str]) -> Lexicon:
    """A word lexicon that knows these resources' false compound heads."""
    return Lexicon.from_lines(lines, false=false_heads(resources))


def role_lexicon(resources: Resources) -> Lexicon:
    return resources.cached("roles", lambda: lexicon(resources, resources.lines("roles.txt")))


def target_group_lexicon(resources: Resources) -> Lexicon:
    return resources.cached("target_groups",
                            lambda: lexicon(resources, resources.lines("target_groups.txt")))
