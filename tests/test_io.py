"""Reading files: encodings, HTML, and bad input refused with a clear message."""
import csv
import json

import pytest

from textmine.io import InputError, format_for, iter_input_files, read_text, write_passages
from textmine.records import Entity, Municipality, Number, Passage, Theme
from textmine.segment import segment

SAMPLE = "Folkhälsa\n\nKiruna kommun\n\nKiruna har byggt ett nytt spår för 2 000 kronor.\n"


def test_cp1252_and_latin1_are_decoded(tmp_path):
    for encoding in ("cp1252", "latin-1"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(SAMPLE.encode(encoding))
        assert read_text(path) == SAMPLE


def test_bom_crlf_soft_hyphen_are_normalised(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.replace("spår", "sp\u00adår").replace("\n", "\r\n")
                     .encode("utf-8"))
    assert read_text(path) == SAMPLE


@pytest.mark.parametrize("content, problem", [
    (b"", "empty file"),
    (b"  \n\n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image)"),
    (b"abc\x00\x01\x02def" * 10, "binary file (contains NUL bytes)"),
])
def test_bad_files_are_refused_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(path) in str(info.value) and problem in str(info.value)


def test_missing_file_and_directory_and_huge_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("ord " * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_text(big, max_bytes=100)


def test_pdf_without_the_extra_or_malformed_is_an_input_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n this is not really a pdf")
    with pytest.raises(InputError, match="broken.pdf: (malformed PDF|PDF input needs)"):
        read_text(path)


def test_malformed_html_gives_headings_and_paragraphs(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>x</title><script>var a=1;</script></head><body>"
                    "<h2>Folkhälsa<h3>Kiruna kommun</h3><p>Kiruna har byggt ett spår.<p>"
                    "Det &auml;r klart.</div></body>", encoding="utf-8")
    report = segment(read_text(path))
    assert [(p.theme.gold, p.municipality.name, p.text) for p in report.passages] == [
        ("folkhalsa", "Kiruna", "Kiruna har byggt ett spår."),
        ("folkhalsa", "Kiruna", "Det är klart.")]


def test_directories_yield_report_files_only(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("x", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    assert [p.name for p in iter_input_files([tmp_path])] == ["a.txt", "b.md"]


def _passage():
    return Passage(report="r", passage_id="p0001", text="Kiruna 2 000 kr", start=0, end=15,
                   theme=Theme(gold="folkhalsa", predicted="folkhalsa", scores={"folkhalsa": 0.9}),
                   municipality=Municipality("Kiruna", "2584", "Norrbottens län"),
                   entities=[Entity("Kiruna", "MUNICIPALITY", 0, 6, code="2584")],
                   numbers=[Number("2 000 kr", "money", 2000, "kronor", False, 7, 15)])


def test_writers_jsonl_json_csv(tmp_path):
    passages = [_passage()]
    write_passages(passages, tmp_path / "o.jsonl", "jsonl")
    record = json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8"))
    assert record["municipality"]["code"] == "2584"
    assert record["entities"][0] == {"text": "Kiruna", "label": "MUNICIPALITY", "start": 0,
                                     "end": 6, "code": "2584"}
    assert set(record) == {"report", "passage_id", "theme", "municipality", "text", "start", "end",
                           "entities", "numbers", "activities", "target_groups", "outcomes"}
    write_passages(passages, tmp_path / "o.json", "json")
    grouped = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert grouped[0]["report"] == "r" and grouped[0]["passages"][0] == record
    write_passages(passages, tmp_path / "o.csv", "csv")
    with open(tmp_path / "o.csv", encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["municipality_code"] == "2584" and row["theme_score"] == "0.9"
    assert json.loads(row["numbers"])[0]["value"] == 2000


def test_format_from_extension_or_flag():
    assert format_for("out.csv") == "csv"
    assert format_for("out.txt", "json") == "json"
    with pytest.raises(ValueError, match="unknown output format"):
        format_for("out.xml")
