"""Entities of SPEC.md: municipalities, organisations, places, projects, events, people,
roles and target groups.

Rules come first because they are exact and explainable: the municipality gazetteer
(``textmine.municipalities``), an ORG gazetteer (agencies, regions, county boards and
common forms), lemma lexicons for ROLE and TARGET_GROUP that also match unseen compounds
by their last part, and cues for PROJECT/EVENT names. The statistical NER (``doc.ents``),
when the pipeline has one, adds the names no list holds. Spans never overlap: the longest
rule span wins, lexicon words come next and NER spans fill the gaps.

Every list and cue lives in ``textmine/data/`` (roles.txt, target_groups.txt,
tg_modifiers.txt, locations.txt, orgs.json, cues.json).
"""
from __future__ import annotations

from typing import Iterator

import regex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from textmine.components.entities.gazetteers import (location_names, org_abbreviations,
                                                     org_names, target_group_modifiers)
from textmine.components.entities.lexicon_spans import LexiconSpans
from textmine.components.entities.names import NameCandidates
from textmine.components.entities.resolve import (NER, RULE, WEAK, Candidate, promote_names,
                                                  capitalised_text, resolve, starts_sentence,
                                                  token_span)
from textmine.components.entities.tokens import Form, TokenTable
from textmine.lexicon import lexicon, role_lexicon, target_group_lexicon
from textmine.memo import Memo
from textmine.municipalities import Gazetteer
from textmine.records import Entity
from textmine.resources import Resources


def _genitive_variants(name: str) -> list[str]:
    return [name] if name.endswith("s") else [name, name + "s"]


class EntityRecognizer(NameCandidates, LexiconSpans):
    """Rule, lexicon and NER entities of a Doc: gazetteer candidates here, name cues in
    ``NameCandidates``, role and group words in ``LexiconSpans``; overlaps in ``resolve``."""

    def __init__(self, nlp: Language, resources: Resources) -> None:
        self.cues = resources.json("cues.json")
        orgs = resources.json("orgs.json")
        self.roles = role_lexicon(resources)
        self.groups = target_group_lexicon(resources)
        self.modifiers = target_group_modifiers(resources)
        self.not_org = {w.lower() for w in orgs["not_org"]}
        self.not_names = set(self.cues["not_names"])
        # word lists asked about every token: sets, built once
        self.connectors = frozenset(self.cues["name_connectors"])
        self.continue_pos = frozenset(self.cues["name_continue_pos"])
        self.loc_prepositions = frozenset(self.cues["loc_prepositions"])
        self.name_stop = frozenset(self.cues["name_stop"])
        self.project_cues = lexicon(resources, self.cues["project_cue_heads"])
        self.event_cues = lexicon(resources, self.cues["event_cue_heads"])
        self.event_heads = lexicon(resources, self.cues["event_heads"])
        self.org_cues = lexicon(resources, self.cues["org_cue_heads"])
        self.loc_cues = lexicon(resources, self.cues["loc_cue_heads"])
        self.cue_labels = Memo()  # word -> label of the name its cue announces (or None)
        self.word_labels = Memo()  # (text, lemma) -> (ROLE match, TARGET_GROUP match)
        self.forms = Memo()  # text -> its Form: what the rules ask about the word alone
        self.org_titles = lexicon(resources, orgs["org_title_heads"])
        self.org_suffix_words = set(orgs["org_suffix_words"])
        self.org_suffix_heads = lexicon(resources, orgs["org_suffix_heads"])
        self.org_heads = tuple(orgs["org_heads"])
        self._build_matchers(nlp, resources)
        self.gazetteer = Gazetteer.from_resources(resources)

    def _build_matchers(self, nlp: Language, resources: Resources) -> None:
        make_doc = _pattern_maker(nlp)
        capitalised, any_case = org_names(resources)
        self.org_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.org_lower.add("ORG_CAP", [make_doc(v) for n in capitalised
                                       for v in _genitive_variants(n)])
        self.org_lower.add("ORG_ANY", [make_doc(v) for n in any_case
                                       for v in _genitive_variants(n)])
        # abbreviations by regex on the text: "SCB:s" -> SCB, but not "ESF-projektet"
        alternation = "|".join(regex.escape(a) for a in sorted(org_abbreviations(resources), key=len,
                                                               reverse=True))
        self.abbreviations = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}-])(?:{alternation})(?![\p{{L}}\p{{N}}]|-\p{{L}})")
        # words before a group word that make it part of a fixed name (svenska för invandrare)
        self.stop_before = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.stop_before.add("STOP", [Doc(nlp.vocab, words=words)
                                      for words in self.cues["tg_stop_before"]])
        self.loc_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.loc_exact.add("LOC", [make_doc(v) for n in location_names(resources)
                                   for v in _genitive_variants(n)])

    def __call__(self, doc: Doc) -> Doc:
        self.annotate(doc)
        return doc

    def annotate(self, doc: Doc) -> list[Entity]:
        """Set ``doc._.entities`` and ``doc._.target_groups``; the entities, as set (records
        are stored as dicts: reading them back from the Doc makes them again)."""
        text = doc.text  # spaCy joins the tokens anew on every access: once per document
        candidates = promote_names(list(self.candidates(doc, text)), text)
        chosen = resolve(candidates)
        again = list(self._repeated_names(doc, chosen, text))
        if again:
            chosen = resolve(chosen + again)
        entities = [e for e in (self._to_entity(text, c) for c in chosen) if e is not None]
        doc._.entities = entities
        doc._.target_groups = list(self._target_groups(doc, chosen))
        return entities

    def candidates(self, doc: Doc, text: str | None = None) -> Iterator[Candidate]:
        """Every rule's and the NER's proposals (``text``: ``doc.text``, if already built)."""
        text = doc.text if text is None else text
        table = TokenTable.of(doc, self._form, self.forms)  # read once, shared by the rules
        yield from self._municipalities(doc, text)
        yield from self._orgs(doc, text)
        for rule in (self._locations, self._place_names, self._cued_names, self._quoted_names,
                     self._suffix_projects, self._headed_orgs, self._acronym_projects,
                     self._titled_orgs, self._people, self._named_events, self._lexicon):
            yield from rule(doc, table)
        yield from self._ner(doc)

    def _form(self, token: Token) -> Form:
        """The attributes and word tests of the token's form (kept per text in ``forms``)."""
        text, lower, alpha = token.text, token.lower_, token.is_alpha
        capitalised = capitalised_text(text)
        rules = self._word_rules(text, lower, alpha, capitalised) | self._lexical_rules(text, alpha)
        return Form(lower, alpha, capitalised, rules)

    def _municipalities(self, doc: Doc, text: str) -> Iterator[Candidate]:
        for mention in self.gazetteer.find(text, current=doc._.context_municipality):
            yield Candidate(RULE, mention.start, mention.end, "MUNICIPALITY",
                            mention.municipality.code)

    def _orgs(self, doc: Doc, text: str) -> Iterator[Candidate]:
        cap_id = doc.vocab.strings["ORG_CAP"]
        for match_id, start, end in self.org_lower(doc):
            if match_id == cap_id and not doc[start].text[:1].isupper():
                continue
            yield token_span(doc, RULE, start, end, "ORG")
        for match in self.abbreviations.finditer(text):
            yield Candidate(RULE, match.start(), match.end(), "ORG")

    def _locations(self, doc: Doc, table: TokenTable) -> Iterator[Candidate]:
        for _, start, end in self.loc_exact(doc):
            yield token_span(doc, RULE, start, end, "LOC")
        capitalised = table.capitalised
        for i in table.at("capitalised"):
            text = table.text[i]
            if (i >= 1 and table.lower[i - 1] in self.loc_prepositions
                    and not starts_sentence(doc, i)
                    and not text.isupper() and text not in self.name_stop
                    and text not in self.not_names):
                end = i + 1
                while end < len(doc) and capitalised[end]:
                    end += 1
                yield token_span(doc, WEAK, i, end, "LOC")

    def _ner(self, doc: Doc) -> Iterator[Candidate]:
        mapping = self.cues["ner_labels"]
        for ent in doc.ents:
            label = mapping.get(ent.label_)
            if label is None:
                continue
            if (ent.text.lower() in self.not_org or not ent.text[:1].isupper()
                    or ent.text in self.not_names):
                continue
            first = doc[ent.start]
            if (starts_sentence(doc, first.i) and first.pos_ and first.pos_ not in ("PROPN", "X")
                    and all(t.is_lower or not t.is_alpha for t in ent[1:])):
                continue  # "Biblioteket …", "Färska siffror …": capitalised by their position
            if len(ent) == 1 and self._compound_of_non_name(first.text):
                continue  # "Skypemöten": a common noun made on a word that is never a name
            if len(ent) == 1 and first.pos_ in ("ADJ", "VERB", "ADV", "ADP"):
                continue  # "Sverigeledande": a word, not a name
            if not self._name_like(ent):
                continue  # a runaway span over a clause
            yield token_span(doc, NER, ent.start, ent.end, label)

    def _compound_of_non_name(self, word: str) -> bool:
        """``word`` is a never-a-name word (``not_names``: Skype, Facebook) glued to a
        lower-case noun of at least three letters (Skypemöten, Facebookgruppen)."""
        for name in self.not_names:
            rest = word[len(name):]
            if word.startswith(name) and len(rest) >= 3 and rest.isalpha() and rest.islower():
                return True
        return False

    def _to_entity(self, doc_text: str, cand: Candidate) -> Entity | None:
        text = doc_text[cand.start:cand.end]
        if not text.strip():
            return None
        return Entity(text=text, label=cand.label, start=cand.start, end=cand.end,
                      code=cand.code)


def _pattern_maker(nlp: Language):
    """Tokenize phrase patterns with spaCy's rule tokenizer, whatever the backend: a
    backend whose tokenizer runs a whole pipeline (Stanza) must not see thousands of
    patterns."""
    from spacy.tokenizer import Tokenizer

    if isinstance(nlp.tokenizer, Tokenizer):
        return nlp.make_doc
    import spacy

    return spacy.blank(nlp.lang, vocab=nlp.vocab).make_doc
