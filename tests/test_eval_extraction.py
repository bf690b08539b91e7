"""Scoring functions of ``textmine evaluate extraction`` on tiny hand-made gold/prediction pairs."""
from __future__ import annotations

import json

import pytest

from textmine.evaluation.extraction import (
    PRF, Totals, match_spans, prf, score_activities, score_entities, score_linking,
    score_numbers, score_outcomes, sentence_spans, span_prf, values_equal)


def span(start, end, **fields):
    return {"start": start, "end": end, **fields}


def test_prf_figures():
    p = prf(3, 1, 2)
    assert p.precision == pytest.approx(0.75)
    assert p.recall == pytest.approx(0.6)
    assert p.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_prf_empty_is_zero_not_error():
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)


def test_exact_match_needs_same_offsets():
    gold = [span(0, 5), span(10, 15)]
    pred = [span(0, 5), span(10, 14)]
    assert match_spans(gold, pred, "exact") == [(0, 0)]
    assert span_prf(gold, pred, "exact").to_dict()["f1"] == 0.5


def test_overlap_match_is_one_to_one_and_prefers_largest_overlap():
    gold = [span(0, 10)]
    pred = [span(8, 12), span(1, 9)]
    assert match_spans(gold, pred, "overlap") == [(0, 1)]
    result = span_prf(gold, pred, "overlap")
    assert (result.tp, result.fp, result.fn) == (1, 1, 0)


def test_touching_spans_do_not_overlap():
    assert match_spans([span(0, 5)], [span(5, 9)], "overlap") == []


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError):
        match_spans([], [], "fuzzy")


def test_values_equal_normalises_numbers():
    assert values_equal(2, 2.0)
    assert values_equal([None, 24], [None, 24.0])
    assert values_equal({"part": 24, "whole": 65}, {"whole": 65, "part": 24})
    assert not values_equal({"part": 24, "whole": None}, {"part": 24, "whole": 65})
    assert not values_equal([1, 3], [1, 3, 5])
    assert not values_equal(1, True)


def test_numbers_strict_needs_kind_and_value():
    gold = [span(0, 11, kind="count", value=65, unit="person"),
            span(16, 25, kind="ratio", value={"part": 24, "whole": 65}, unit="person")]
    pred = [span(0, 11, kind="count", value=65, unit="personer"),
            span(16, 25, kind="ratio", value={"part": 24, "whole": None}, unit=None)]
    scores = score_numbers(gold, pred)
    assert (scores["strict"].tp, scores["strict"].fp, scores["strict"].fn) == (1, 1, 1)
    assert scores["exact"].tp == 2
    assert scores["unit_agree"] == (0, 2)
    assert scores["by_kind"]["ratio"].tp == 1


def test_numbers_overlap_counts_a_shorter_span():
    gold = [span(0, 15, kind="count", value=2000)]   # "över 2 000 unga"
    pred = [span(5, 10, kind="count", value=2000)]   # "2 000"
    scores = score_numbers(gold, pred)
    assert scores["exact"].tp == 0 and scores["overlap"].tp == 1


def test_entities_need_the_same_label():
    gold = [span(0, 10, label="MUNICIPALITY", code="1730"), span(20, 30, label="ROLE")]
    pred = [span(0, 10, label="ORG"), span(20, 30, label="ROLE")]
    scores = score_entities(gold, pred)
    assert (scores["exact"].tp, scores["exact"].fp, scores["exact"].fn) == (1, 1, 1)
    assert scores["by_label"]["MUNICIPALITY"].fn == 1 and scores["by_label"]["ORG"].fp == 1


def test_linking_counts_codes_of_found_mentions():
    gold = [span(0, 10, label="MUNICIPALITY", code="1730"),
            span(20, 28, label="MUNICIPALITY", code="1447"),
            span(40, 48, label="MUNICIPALITY", code="0860")]
    pred = [span(0, 10, label="MUNICIPALITY", code="1730"),
            span(20, 28, label="MUNICIPALITY", code="9999")]
    assert score_linking(gold, pred) == (1, 2, 3)


def test_activities_scored_as_sets_of_types():
    gold = [{"type": "rekrytering"}, {"type": "samverkan"}, {"type": "samverkan"}]
    pred = [{"type": "samverkan"}, {"type": "evenemang"}]
    scores = score_activities(gold, pred)
    assert (scores["types"].tp, scores["types"].fp, scores["types"].fn) == (1, 1, 1)
    assert scores["by_type"]["rekrytering"].fn == 1
    assert scores["by_type"]["evenemang"].fp == 1


def test_outcomes_match_by_sentence_overlap():
    text = "Kommunen anställde två. Det har lett till fler jobb. Målet är mer."
    gold = ["Det har lett till fler jobb."]
    pred = ["Det har lett till fler jobb", "Målet är mer."]
    result = score_outcomes(text, gold, pred)
    assert (result.tp, result.fp, result.fn) == (1, 1, 0)


def test_sentence_spans_tolerate_whitespace_and_missing():
    text = "A b.  Det har\nlett till  mer. C."
    spans = sentence_spans(text, ["Det har lett till mer.", "Finns inte."])
    assert spans[0]["start"] == text.index("Det") and spans[1] == {"start": 0, "end": 0}


def test_totals_sum_passages_and_treat_missing_fields_as_empty():
    totals = Totals()
    gold = {"text": "Totalt 28 stopp.", "numbers": [span(7, 15, kind="count", value=28)],
            "entities": [], "activities": [{"type": "evenemang"}], "outcomes": []}
    empty = {"numbers": [], "entities": [], "activities": [], "outcomes": []}
    totals.add(gold, empty)
    totals.add(gold, {**empty, "numbers": [span(7, 15, kind="count", value=28)]})
    report = totals.to_dict()
    assert report["passages"] == 2
    assert report["fields"]["numbers/strict"]["recall"] == 0.5
    assert report["fields"]["activities/types"]["fn"] == 2
    json.dumps(report)  # machine-readable


def test_cli_refuses_errors_on_heldout(capsys):
    from textmine.cli import main

    assert main(["evaluate", "extraction", "--errors", "--split", "heldout", "--model", "blank"]) == 2


def test_a_field_the_gold_does_not_annotate_is_not_scored():
    from textmine.evaluation.extraction import describe_errors, format_report

    totals = Totals()
    gold = {"report": "r", "passage_id": "p0001", "text": "Kommunen har anställt en coach.",
            "activities": [{"type": "rekrytering"}], "outcomes": []}
    pred = {"numbers": [span(0, 3, kind="count", value=1)], "entities": [span(0, 8, label="ORG")],
            "activities": [{"type": "rekrytering", "evidence": "anställt en coach"}], "outcomes": []}
    totals.add(gold, pred)
    report = totals.to_dict()
    assert set(report["fields"]) == {"activities/types", "outcomes/overlap"}
    assert report["fields"]["activities/types"]["f1"] == 1.0
    text = format_report("dev2", report, 0.1)
    assert "activities" in text and "numbers" not in text and "entities" not in text
    assert describe_errors(gold, pred) == []
    wrong = {**pred, "activities": [{"type": "evenemang", "evidence": "coach"}]}
    assert describe_errors(gold, wrong) == [
        "r:p0001 activities missed ['rekrytering'] spurious {'evenemang': 'coach'}"]


def test_outcome_errors_list_the_sentences_matched_by_overlap():
    from textmine.evaluation.extraction import describe_errors

    text = "Kommunen startade en kurs. Fler unga fick jobb. Målet är fler kurser."
    gold = {"id": "x1", "text": text, "outcomes": ["Fler unga fick jobb."]}
    found = {"activities": [], "outcomes": ["Fler unga fick jobb."]}
    assert describe_errors(gold, found) == []
    wrong = {"activities": [], "outcomes": ["Målet är fler kurser."]}
    assert describe_errors(gold, wrong) == ["x1 outcome missed   'Fler unga fick jobb.'",
                                            "x1 outcome spurious 'Målet är fler kurser.'"]


def test_attribution_errors_show_both_readings():
    from textmine.evaluation.extraction import describe_errors

    gold = {"id": "k1", "url": "https://example.se/a", "text": "Kommunen öppnar.",
            "municipality": {"name": "Kalix", "code": "2514"}}
    right = {"municipality": "2514", "municipality_with_source": "2514"}
    assert describe_errors(gold, right) == []
    page_only = {"municipality": None, "municipality_with_source": "2514"}
    assert describe_errors(gold, page_only) == ["k1 municipality None, with the page 2514 (gold 2514)"]
    text_only = {"municipality": "2514", "municipality_with_source": "0180"}
    assert describe_errors(gold, text_only) == ["k1 municipality 2514, with the page 0180 (gold 2514)"]


def test_cli_refuses_errors_on_blind(capsys):
    from textmine.cli import main

    assert main(["evaluate", "extraction", "--errors", "--split", "blind", "--model", "blank"]) == 2
    assert "development data only" in capsys.readouterr().err


def test_cli_refuses_errors_on_a_test_gold_file(tmp_path, capsys):
    from textmine.cli import main

    gold = tmp_path / "real" / "test.jsonl"
    gold.parent.mkdir()
    gold.write_text('{"id": "x1", "url": "https://example.se", "text": "Eda kommun.", '
                    '"municipality": {"name": "Eda", "code": "1730"}, "activities": []}\n',
                    encoding="utf-8")
    assert main(["evaluate", "extraction", "--errors", "--gold", str(gold), "--model", "blank"]) == 2
    assert "development data only" in capsys.readouterr().err
    dev = gold.with_name("dev.jsonl")
    dev.write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["evaluate", "extraction", "--json", "--gold", str(dev), "--model", "blank"]) == 0
    result = json.loads(capsys.readouterr().out)["real-dev"]
    attribution = result["municipality_attribution"]
    assert (attribution["accuracy"], attribution["passages"]) == (1.0, 1)
    assert attribution["accuracy_with_source"] == 1.0
