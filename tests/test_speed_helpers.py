"""The shortcuts of issue 12 (speed) give what the plain code they replace gives."""
from __future__ import annotations

from dataclasses import asdict

import regex
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from textmine.components.activities.literals import required_literal, required_literals
from textmine.components.activities.outcomes import OutcomeRules, is_outcome, plan_start
from textmine.components.activities.patterns import Pattern, Word
from textmine.components.activities.recognizer import sentences
from textmine.components.entities.resolve import capitalised_text, compound_of, is_capitalised
from textmine.components.entities.tokens import TokenTable
from textmine.components.numbers.scan import _Tok
from textmine.components.numbers.words import bundled_words, compound_stems
from textmine.lexicon import MIN_COMPOUND_PREFIX, Lexicon
from textmine.records import Activity, Entity, Number, record_dict
from textmine.resources import bundled

WORDS = st.text(alphabet="abcåäöABCÅÄÖ-1 Ⅻⓐ", max_size=12)


@given(WORDS)
def test_capitalised_text_is_the_plain_definition(text):
    plain = bool(text) and text[0].isupper() and any(c.isalpha() for c in text)
    assert capitalised_text(text) == plain


def test_capitalised_first_character_that_is_no_letter():
    assert not capitalised_text("Ⅻ")  # upper-case, but a numeral: no letter at all
    assert capitalised_text("Ⅻb")


@given(WORDS, st.lists(st.sampled_from(["gruppen", "en", "modellen", "a"]), max_size=3))
def test_compound_of_is_the_plain_definition(word, heads):
    heads = tuple(heads)
    plain = any(word.endswith(h) and len(word) - len(h) >= MIN_COMPOUND_PREFIX for h in heads)
    assert compound_of(word, heads) == plain


def test_record_dict_equals_asdict():
    records = [Entity("Eda kommun", "MUNICIPALITY", 0, 10, "1730"),
               Activity("x", "En mening.", "mening"),
               Number("1990-talet", "period", [1990, 1999], None, False, 0, 10),
               Number("3/4", "ratio", {"part": 3, "whole": 4}, None, True, 0, 3),
               Number("tre", "count", 3, "personer", False, 0, 3)]
    for record in records:
        assert record_dict(record) == asdict(record)
    period = records[2]
    record_dict(period)["value"].append(0)  # containers are copies, as asdict makes them
    assert period.value == [1990, 1999]


def test_number_token_lower_form_is_no_part_of_equality():
    assert _Tok("ÅR", 0, 2, "word").low == "år"
    assert _Tok("ÅR", 0, 2, "word") == _Tok("ÅR", 0, 2, "word")


def test_token_table_is_aligned_with_the_doc():
    doc = spacy.blank("sv")("Projektet Ungdomslyftet startade i Eda 2023 .")
    table = TokenTable.of(doc)
    assert table.text == [t.text for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.alpha == [t.is_alpha for t in doc]
    assert table.capitalised == [is_capitalised(t) for t in doc]
    assert table.alpha_indices(capitalised=True) == [0, 1, 4]
    assert table.alpha_indices(capitalised=False) == [2, 3]


def test_lexicon_match_memo_keeps_form_and_lemma_apart():
    lexicon = Lexicon.from_lines(["coach", "man"], false={})
    vocab = spacy.blank("sv").vocab
    doc = Doc(vocab, words=["ungdomscoacher", "män", "män"], lemmas=["", "man", ""])
    first = [lexicon.match(t) for t in doc]
    again = [lexicon.match(t) for t in doc]
    assert first == again
    assert first[0].lemma == "coach" and first[0].prefix == "ungdoms"
    assert first[1] is not None and first[1].lemma == "man"  # by its lemma
    assert first[2] is None  # same form, no lemma: no match


def _duration_reference(raw):
    """The number-compound regex without its first-character test."""
    words = "|".join(sorted(map(regex.escape, raw["cardinals"]), key=len, reverse=True))
    stems = "|".join(sorted(map(regex.escape, compound_stems(raw)), key=len, reverse=True))
    return regex.compile(rf"(?i)(?<![\p{{L}}0-9])(?:(?P<digits>[0-9]{{1,3}})-|(?P<word>{words}))"
                         rf"(?P<stem>{stems})(?!{raw['duration_compound_not']})\p{{L}}*",
                         regex.V1)


@settings(max_examples=200)
@given(st.text(alphabet="treåigaTREÅIGA0123456789- sdnvckorFEMTIOÅRSPE", max_size=30))
def test_duration_compound_first_character_test_changes_no_match(text):
    words = bundled_words()
    fast, plain = words.number_compound, _duration_reference(words.raw)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_duration_compound_still_case_insensitive():
    found = bundled_words().number_compound.search("under TREÅRIGA projekt och 10-årsperiod")
    assert found is not None and found.group().lower() == "treåriga"


def test_outcome_rules_with_the_callers_lower_case_text():
    doc = spacy.blank("sv")("Målet är att fler ska få jobb. Insatsen har lett till att 40 fick jobb.")
    rules = OutcomeRules.of()
    for sentence in sentences(doc):
        lowered = sentence.text.lower()
        assert is_outcome(sentence, (), rules, lowered) == is_outcome(sentence, (), rules)
        assert plan_start(sentence, rules, lowered) == plan_start(sentence, rules)
    first, second = sentences(doc)
    assert plan_start(first, rules) == 0 and not is_outcome(first, (), rules)
    assert is_outcome(second, (), rules)


def test_number_memo_gives_the_first_reading_again():
    from textmine.components.numbers import NumberWords, extract_numbers, parse_number
    from textmine.resources import bundled

    words = NumberWords.of(bundled("numbers.json").json("numbers.json"))  # an empty memo
    doc = spacy.blank("sv")("Den tredje träffen samlade tvåhundrafemtio deltagare och ett trettiotal ledare.")
    first = [n.to_dict() for n in extract_numbers(doc, words)]
    assert ("word", "tredje") in words.memo and ("parse", "tvåhundrafemtio") in words.memo
    assert words.memo[("word", "tredje")] == (3, "ordinal")
    assert words.memo[("parse", "tvåhundrafemtio")] == parse_number("tvåhundrafemtio") == 250
    assert [n.to_dict() for n in extract_numbers(doc, words)] == first
    assert {n["value"] for n in first} >= {3, 250, 30}


def test_memo_computes_once_and_stays_bounded():
    from textmine.memo import Memo

    calls = []
    memo = Memo(limit=3)
    assert memo.lookup("a", lambda key: calls.append(key) or None) is None
    assert memo.lookup("a", lambda key: calls.append(key) or "other") is None  # kept: None too
    assert calls == ["a"]
    for key in "bcdef":
        memo.lookup(key, str.upper)
    assert len(memo) <= 4 and memo.lookup("f", str.lower) == "F"


_CUE_WORDS = st.sampled_from(
    "har lett till att målet är nästa steg ska ökat med från 3 till 40 fick 12 deltagare "
    "nu finns som planerar kommer att i syfte utreda utreds vilket gett positiva de ser "
    "upplever , . – syftet med projektet var".split())


@settings(max_examples=300)
@given(st.lists(_CUE_WORDS, max_size=14))
def test_cue_sets_give_what_their_patterns_give(words):
    """A cue set searches only texts with a pattern's literal: same answers as every
    pattern searched."""
    text = " ".join(words)
    rules = OutcomeRules.of()
    config = bundled("outcome_patterns.json").json("outcome_patterns.json")
    for key in ("effect", "goal", "not_effect", "effect_blocking", "plan_blocking"):
        patterns = [regex.compile(p) for p in config[key]]
        starts = [m.start() for m in (p.search(text) for p in patterns) if m]
        assert getattr(rules, key).any(text) == bool(starts)
        assert getattr(rules, key).first(text) == (min(starts) if starts else None)


def test_required_literal_is_in_every_match():
    assert required_literal(r"\bhar lett till\b") == "har lett till"
    assert required_literal(r"(?<!\bsom )\bkommer (?:\w+ ){0,2}att\b") == "kommer "
    assert required_literal(r"\bsamverkan?\b") == "samverka"  # 'n' is optional
    assert required_literal(r"\bfick\b.*\d|\d.*\bfick\b") == "fick"  # in either alternative
    assert required_literal(r"\bnu\b|\d+") == ""  # an alternative without one
    assert required_literal(r"(?<=\S )i syfte att\b") == "i syfte att"  # after the lookbehind
    assert required_literal(r"\b(?:ökade|minskade) med\b") == ""  # no single text


def test_required_literals_of_a_group_of_words():
    assert required_literals(r"\b(?:ökade|minskade) med\b") == ("ökade med", "minskade med")
    assert required_literals(r"\b(?:har|hade) (?:\w+ ){0,2}fått\b") == ("har ", "hade ")
    assert required_literals(r"\b(?:ökning|minskning)\b") == ("ökning", "minskning")
    assert required_literals(r"\b(?:mer|mest)?\s*aktiv") == ("aktiv",)  # the group may be absent
    assert required_literals(r"(?<=\b(?:utreda|utreder) )") == ("utreda ", "utreder ")
    assert required_literals(r"\b(?:\w+s|vår) (?:mål|syfte) är") == ("mål är", "syfte är")
    assert required_literals(r"^\W*om\b") == ("om",)
    assert required_literals(r"(?i)\bhar\b") == ("",)  # another case would match
    # escapes and classes read whole: the 'L' of \p{L} and the 'a' of \u00a0 are no text
    assert required_literals(r"\p{L}+ \u00a0x[a-z]? ") == ("x",)
    assert required_literals(r"\p{L}+ \u00a0[a-z]? ") == ("",)


def test_phrases_are_looked_up_by_their_opening_in_list_order():
    pattern = Pattern("samverkan", phrases=(("i", "samverkan", "med"), ("tillsammans",),
                                            ("i", "samarbete"), ("i", "samverkan")))
    assert pattern.phrases_only
    openings = {("i",), ("i", "samverkan"), ("tillsammans",), ("med", "i")}
    assert pattern.phrases_opening(openings) == [("i", "samverkan", "med"), ("tillsammans",),
                                                 ("i", "samverkan")]  # not 'i samarbete'
    assert pattern.phrases_opening({("i",), ("i", "dag")}) == []
    assert not Pattern("x", phrases=(("i", "dag"),), prefixes=("dag",)).phrases_only


def test_words_of_a_doc_are_word_of_each_token():
    doc = spacy.blank("sv")("Kommunen anställde 3 coacher.")
    assert Word.all_of(doc) == [Word.of(t) for t in doc]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    "ett par tusen hälften först ut 30 - tal trettiotal tre hundra 12 000 en och ett halvt "
    "varannan är år personer miljoner fem , .".split()), max_size=16))
def test_numeral_start_test_changes_no_number(words):
    """Tokens that cannot start a numeral are skipped: same numbers as trying each."""
    from textmine.components.numbers import extract_numbers
    from textmine.components.numbers.scan import Scan

    doc = spacy.blank("sv")(" ".join(words))
    fast = [n.to_dict() for n in extract_numbers(doc)]
    shortcut = Scan._may_start_numeral
    Scan._may_start_numeral = lambda self, tok: True
    try:
        plain = [n.to_dict() for n in extract_numbers(doc)]
    finally:
        Scan._may_start_numeral = shortcut
    assert fast == plain


def test_unreal_words_by_parse_with_the_callers_words(bundled_nlp):
    from textmine.components.activities.patterns import load_patterns
    from textmine.components.activities.scope import unreal_tokens

    scope = load_patterns()[3]
    doc = bundled_nlp("Kommunen ska inte anställa fler. Vi planerar att starta en fritidsgård, "
              "och många saknar e-tjänster. Det finns ingen mötesplats men biblioteket "
              "har öppnat.")
    for sentence in sentences(doc):
        words = [Word.of(t) for t in sentence]
        assert unreal_tokens(sentence, scope, words=words) == unreal_tokens(sentence, scope)
    assert any(unreal_tokens(s, scope) for s in sentences(doc))


def test_lexicon_word_memo_on_the_written_word():
    lexicon = Lexicon.from_lines(["coach"], false={})
    assert lexicon.match_word("Ungdomscoacher") == lexicon.match_word("ungdomscoacher")
    assert lexicon.match_word("UNGDOMSCOACHER").lemma == "coach"
    assert lexicon.match_word("Bil") is None and lexicon.match_word("bil") is None


def _plain_sentences(doc):
    """``sentences`` as first written: every span, then those with text once stripped."""
    from textmine.pipeline.sentences import ends_sentence

    spans, start = [], 0
    for token in doc:
        if ends_sentence(token):
            spans.append(doc[start:token.i + 1])
            start = token.i + 1
    if start < len(doc):
        spans.append(doc[start:])
    return [span for span in spans if span.text.strip()]


_BLANK = spacy.blank("sv")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?\n\t\u00a0\u2003", max_size=30))
def test_sentences_in_one_pass_are_the_stripped_spans(text):
    doc = _BLANK(text)
    assert [(s.start, s.end) for s in sentences(doc)] == \
        [(s.start, s.end) for s in _plain_sentences(doc)]


def _floret_table(strings) -> "spacy.vectors.Vectors":
    """A small floret table with random rows (what matters is that both tables agree)."""
    import numpy
    from spacy.vectors import Vectors

    rows = numpy.random.default_rng(0).standard_normal((50, 8)).astype("float32")
    return Vectors(strings=strings, data=rows, mode="floret", minn=2, maxn=3, hash_count=2)


def test_cached_floret_vectors_are_the_tables_own_vectors():
    from textmine.pipeline.vectors import CachedFloretVectors, cached

    strings = spacy.blank("sv").vocab.strings
    words = ["kommunen", "feriejobb", "", "kommunen", "ungdomar", "Kommunen", "3"]
    keys = [strings.add(w) for w in words]
    plain = _floret_table(strings)
    table = cached(plain)
    small = cached(plain)
    small.capacity = 3  # forces the remembered words to be forgotten and built again
    assert isinstance(table, CachedFloretVectors)
    for _ in range(2):  # built, then remembered
        for batch in (keys, keys[2:], keys[::-1]):
            assert (table.get_batch(batch) == plain.get_batch(batch)).all()
            assert (small.get_batch(batch) == plain.get_batch(batch)).all()


def test_the_bundled_model_names_the_cached_table_and_it_survives_saving(bundled_nlp, tmp_path):
    nlp = bundled_nlp
    from textmine.pipeline.vectors import VECTORS_NAME, CachedFloretVectors

    assert nlp.config["nlp"]["vectors"]["@vectors"] == VECTORS_NAME
    assert isinstance(nlp.vocab.vectors, CachedFloretVectors)
    before = nlp("Kommunen anställde tre coacher.")
    nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")
    assert isinstance(again.vocab.vectors, CachedFloretVectors)
    after = again("Kommunen anställde tre coacher.")
    assert [(t.pos_, t.dep_, t.lemma_) for t in after] == [(t.pos_, t.dep_, t.lemma_) for t in before]


_NUMBER_WORDS = st.sampled_from(
    "går i nian Tvåan på gymnasiet ETTAN anställd på halvtid HELTID treåriga 10-årsperiod "
    "sexprocentig ÅRS dagars ett två 3 www.eda.se https://x.se kl. 18.30 Storgatan 3 E "
    "och en , .".split())


@settings(max_examples=300)
@given(st.lists(_NUMBER_WORDS, max_size=12))
def test_number_scan_first_tests_let_every_match_through(words):
    """The number scan runs a pattern only on a text that passes its first test
    (``Scan._specials``): every text with a match passes it."""
    from textmine.components.numbers.scan import _DIGIT, _SPECIAL, _URL_STARTS, _holds_any

    text = " ".join(words)
    lex = bundled_words()
    folded, digits = text.casefold(), _DIGIT.search(text) is not None
    for pattern, key in ((lex.grade_nickname, "grade_nicknames"),
                         (lex.post_share, "post_share_words"),
                         (lex.number_compound, "compound_stems")):
        if pattern.search(text):
            assert _holds_any(folded, lex.guard_words[key]) or (digits and key == "compound_stems")
    for pattern in (lex.school_stage, lex.street_number, lex.name_digits):
        assert digits or pattern.search(text) is None
    if _SPECIAL.search(text):
        assert digits or any(start in text for start in _URL_STARTS)


def test_entity_word_tests_pick_the_tokens_the_rules_walked():
    from textmine.components.entities.component import _default_recognizer

    recognizer = _default_recognizer("sv")
    doc = spacy.blank("sv")('Stiftelsen Ljusglimten och HLT-projektet "Unga Röster" i Eda.')
    table = TokenTable.of(doc, recognizer._form, recognizer.forms)
    assert table.text == [t.text for t in doc]
    assert table.at("capitalised") == [i for i, t in enumerate(doc) if is_capitalised(t)]
    assert table.at("quote") == [4, 7]  # the same mark opens and closes
    assert table.at("acronym") == [3]
    assert 0 in table.at("title")
