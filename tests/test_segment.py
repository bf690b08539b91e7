"""Segmentation against the hand-read gold file, and on other layouts written for the test."""
from collections import Counter
from pathlib import Path

import pytest

from textmine.corpus import load_report, read_jsonl
from textmine.io import read_text
from textmine.segment import Segmenter, segment

LAYOUTS = Path(__file__).parent / "data" / "layouts"
REPORT = Path(__file__).parents[1] / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"


@pytest.fixture(scope="module")
def report():
    return load_report("pa-gang-i-uppdraget")


def test_bundled_report_matches_gold(report):
    gold = read_jsonl("segments.jsonl")
    assert len(report.passages) == len(gold) == 138
    for expected, passage in zip(gold, report.passages):
        assert passage.passage_id == expected["passage_id"]
        assert (passage.start, passage.end) == (expected["start"], expected["end"])
        assert passage.theme.gold == expected["theme"]
        assert passage.municipality.code == expected["code"]
        assert passage.text.startswith(expected["first_words"])


def test_bundled_report_counts(report):
    assert Counter(p.theme.gold for p in report.passages) == {
        "utbildning_arbetsmarknad": 33, "barn_unga": 45, "folkhalsa": 22,
        "digitalisering": 15, "demokrati_utveckling": 23}
    assert len({p.municipality.code for p in report.passages}) == 30
    assert len(report.outline()) == 5


def test_front_matter_is_not_a_passage(report):
    start, end = report.front_matter
    front = report.text[start:end]
    assert front.startswith("Tillväxtverket") and front.endswith("Pågående aktiviteter")
    assert all(p.start > end for p in report.passages)
    assert report.title == "På gång i uppdraget"


@pytest.mark.parametrize("split, report_id", [
    ("dev2", "dev2-lansstyrelsen-redovisning"), ("dev2", "dev2-region-uppfoljning"),
    ("dev2", "dev2-utvardering-intervjuer"), ("dev2", "dev2-exempel-tolv-kommuner-a"),
    ("dev2", "dev2-exempel-tolv-kommuner-b"), ("dev3", "dev3-para-a"), ("dev3", "dev3-para-b"),
    ("dev3", "dev3-style-c"), ("dev3", "dev3-style-d"), ("dev3", "dev3-para-e"),
    ("dev3", "dev3-para-f"), ("dev3", "dev3-style-g"), ("dev3", "dev3-style-h")])
def test_other_bundled_reports_match_their_gold(split, report_id):
    """More layouts (label 'Tema:' headings with lists inside paragraphs, Markdown, numbered
    sections, genitive municipality headings), read by their own annotators."""
    gold = [g for g in read_jsonl(f"extraction/{split}.jsonl") if g["report"] == report_id]
    assert gold
    found = load_report(report_id).passages
    assert [(p.start, p.end, p.theme.gold, p.municipality.name) for p in found] == [
        (g["start"], g["end"], g["theme"], g["municipality"]) for g in gold]


def test_a_list_stays_in_its_paragraph_and_theme_labels_are_read():
    long = ("Kommunen har under året använt medlen till flera insatser som beskrivs i den här "
            "redovisningen, bland annat till följande kurser för vuxna:")
    text = (f"Tema: Folkhälsa\n\nKiruna kommun\n\n{long}\n– simning,\n– friluftsliv.\n"
            "Kurserna fortsätter.\nEn annan insats är ett nytt spår.\n")
    report = segment(text)
    assert [(p.theme.gold, p.text.splitlines()) for p in report.passages] == [
        ("folkhalsa", [long, "– simning,", "– friluftsliv.", "Kurserna fortsätter."]),
        ("folkhalsa", ["En annan insats är ett nytt spår."])]


def test_passage_offsets_slice_the_source(report):
    for passage in report.passages:
        assert report.text[passage.start:passage.end] == passage.text


def _summary(report):
    return [(p.theme.gold, p.municipality.name if p.municipality else None, p.text[:25])
            for p in report.passages]


EXPECTED_LAYOUT = [
    ("barn_unga", "Vimmerby", "Vimmerby har öppnat en ny"),
    ("barn_unga", "Vimmerby", "Kommunen har också anstäl"),
    ("barn_unga", "Kiruna", "I Kiruna får familjer stö"),
    ("folkhalsa", "Vimmerby", "Ett nytt motionsspår har "),
]


@pytest.mark.parametrize("name", ["markdown.md", "combined.txt", "numbered.txt"])
def test_other_heading_layouts(name):
    report = segment(read_text(LAYOUTS / name))
    assert _summary(report) == EXPECTED_LAYOUT


def test_text_without_headings_is_one_passage_per_paragraph():
    report = segment(read_text(LAYOUTS / "news.txt"))
    assert report.title == "Ny mötesplats för unga i Kiruna"
    assert [(p.theme.gold, p.municipality.name if p.municipality else None)
            for p in report.passages] == [(None, "Kiruna"), (None, "Vimmerby"), (None, None)]


def test_other_theme_labels_are_data():
    text = "Kultur\n\nKiruna kommun\n\nKiruna bygger ett nytt bibliotek.\n"
    assert _summary(segment(text)) == [(None, "Kiruna", "Kiruna bygger ett nytt bi")]
    report = Segmenter({"Kultur": "kultur"}).segment(text)
    assert _summary(report) == [("kultur", "Kiruna", "Kiruna bygger ett nytt bi")]


def test_heading_followed_by_text_without_blank_line():
    text = "Folkhälsa\nKiruna kommun\nKiruna bygger ett nytt spår.\nDet blev klart i maj.\n"
    report = segment(text)
    assert [(p.theme.gold, p.municipality.name, p.text) for p in report.passages] == [
        ("folkhalsa", "Kiruna", "Kiruna bygger ett nytt spår.\nDet blev klart i maj.")]


@pytest.mark.parametrize("variant", ["cp1252", "crlf_bom", "nbsp_soft_hyphen"])
def test_unclean_encodings_give_the_same_passages(tmp_path, variant):
    clean = REPORT.read_text(encoding="utf-8")
    path = tmp_path / f"{variant}.txt"
    if variant == "cp1252":
        path.write_bytes(clean.encode("cp1252"))
    elif variant == "crlf_bom":
        path.write_bytes(b"\xef\xbb\xbf" + clean.replace("\n", "\r\n").encode("utf-8"))
    else:
        noisy = clean.replace("Eda kommun", "Eda\u00a0kommun").replace("samordnare", "samord\u00adnare")
        path.write_text(noisy, encoding="utf-8")
    expected = segment(clean)
    report = segment(read_text(path))
    assert [(p.theme.gold, p.municipality.code) for p in report.passages] == \
        [(p.theme.gold, p.municipality.code) for p in expected.passages]
    if variant != "nbsp_soft_hyphen":
        assert [p.text for p in report.passages] == [p.text for p in expected.passages]
