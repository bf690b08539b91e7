"""Batches: bad -o refused before work, one bad file never loses the others, errors file,
atomic output, Ctrl-C, --resume, progress, over-long passages, bad theme data."""
import importlib
import json
import shutil
from pathlib import Path

import pytest
import spacy

from textmine import fill
from textmine.cli import main
from textmine.segment import segment

LAYOUTS = Path(__file__).parent / "data" / "layouts"
LOADER = importlib.import_module("textmine.pipeline.load")  # the module, not the function


@pytest.fixture(scope="module")
def shared_nlp():
    return LOADER.load()


@pytest.fixture(autouse=True)
def load_once(shared_nlp, monkeypatch):
    """Each run of ``extract`` would load the pipeline again; these tests share one."""
    monkeypatch.setattr(LOADER, "load", lambda *args, **kwargs: shared_nlp)


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(LAYOUTS / "combined.txt", folder / "a.txt")
    shutil.copy(LAYOUTS / "markdown.md", folder / "b.md")
    shutil.copy(LAYOUTS / "news.txt", folder / "c.txt")
    return folder


def _reports(path):
    return [json.loads(line)["report"] for line in path.read_text(encoding="utf-8").splitlines()]


def _no_model(*args, **kwargs):
    raise AssertionError("the model was loaded before the output was checked")


@pytest.mark.parametrize("output, problem", [
    ("missing/out.jsonl", "the folder {tmp}/missing does not exist"),
    (".", "is a folder"),
    ("in/a.txt", "is also an input file"),
])
def test_bad_output_is_refused_before_any_work(tmp_path, inputs, capsys, monkeypatch,
                                               output, problem):
    monkeypatch.setattr(LOADER, "load", _no_model)
    before = (inputs / "a.txt").read_bytes()
    code = main(["extract", str(inputs), "-o", str(tmp_path / output), "--format", "jsonl"])
    err = capsys.readouterr().err
    assert code == 2
    assert problem.format(tmp=tmp_path) in err and "Traceback" not in err
    assert (inputs / "a.txt").read_bytes() == before


def test_one_failing_file_is_reported_and_the_others_written(inputs, tmp_path, capsys,
                                                             monkeypatch):
    real = fill.extract_report

    def flaky(report, nlp, themes):
        if report.report_id == "b":
            raise RuntimeError("pipeline exploded")
        return real(report, nlp, themes)

    monkeypatch.setattr(fill, "extract_report", flaky)
    (inputs / "d.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes"]) == 1
    err = capsys.readouterr().err
    assert sorted(set(_reports(out))) == ["a", "c"]
    assert "2 file(s) failed" in err and "b.md: extraction failed (RuntimeError" in err
    errors = [json.loads(line) for line in
              (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(Path(e["path"]).name, e["error"].split(" (")[0]) for e in errors] == [
        ("b.md", "extraction failed"), ("d.txt", "binary file")]
    assert "pipeline exploded" in errors[0]["detail"]
    # a clean run removes the stale errors file
    (inputs / "d.txt").unlink()
    monkeypatch.setattr(fill, "extract_report", real)
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes"]) == 0
    assert not (tmp_path / "out.errors.jsonl").exists()


def test_a_file_that_vanishes_mid_batch_is_reported(inputs, tmp_path, capsys, monkeypatch):
    real = fill.extract_report

    def delete_c_first(report, nlp, themes):
        (inputs / "c.txt").unlink(missing_ok=True)
        return real(report, nlp, themes)

    monkeypatch.setattr(fill, "extract_report", delete_c_first)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes"]) == 1
    assert "c.txt: vanished during the run" in capsys.readouterr().err
    assert sorted(set(_reports(out))) == ["a", "b"]


def test_over_long_passage_goes_through_in_pieces(inputs, tmp_path, monkeypatch, shared_nlp):
    monkeypatch.setattr(shared_nlp, "max_length", 2000)  # E088 at 2,000 instead of 1,000,000
    sentence = "Under 2018 deltog 65 personer i Kiruna och 24 av dem fick jobb. "
    (inputs / "long.txt").write_text("Folkhälsa\n\nKiruna kommun\n\n" + sentence * 120 + "\n",
                                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    long = [r for r in records if r["report"] == "long"]
    assert len(long) == 1 and len(long[0]["text"]) > 2000 * 3
    numbers = long[0]["numbers"]
    assert len(numbers) == 120 * 3
    assert all(long[0]["text"][n["start"]:n["end"]] == n["text"] for n in numbers)
    assert {"a", "b", "c"} <= {r["report"] for r in records}


def test_passage_over_a_million_characters_no_longer_raises_e088():
    sentence = "Kommunen har anställt en samordnare för unga. "
    report = segment("Folkhälsa\n\nKiruna kommun\n\n" + sentence * 23000 + "\n")
    assert len(report.passages[0].text) > 1_000_000
    pieces = fill.split_text(report.passages[0].text, fill.MAX_DOC_CHARS)
    assert "".join(piece for _, piece in pieces) == report.passages[0].text
    assert all(piece.endswith(". ") for _, piece in pieces[:-1])  # cut after sentences
    fill.extract_report(report, spacy.blank("sv"))  # spaCy's limit is 1,000,000


def test_split_text_without_sentence_ends_cuts_at_spaces_then_anywhere():
    assert fill.split_text("ord " * 10, 12) == [(0, "ord ord ord "), (12, "ord ord ord "),
                                                (24, "ord ord ord "), (36, "ord ")]
    assert fill.split_text("x" * 25, 10) == [(0, "x" * 10), (10, "x" * 10), (20, "x" * 5)]


def test_output_is_atomic_and_a_crash_keeps_the_previous_output(inputs, tmp_path,
                                                               monkeypatch):
    out = tmp_path / "out.jsonl"
    out.write_text("previous output\n", encoding="utf-8")
    from textmine.io import writers

    real_add = writers.RecordWriter.add

    def crash(self, passages):
        real_add(self, passages)
        raise MemoryError("out of memory while writing")

    monkeypatch.setattr(writers.RecordWriter, "add", crash)
    with pytest.raises(MemoryError):
        main(["extract", str(inputs), "-o", str(out), "--no-themes"])
    assert out.read_text(encoding="utf-8") == "previous output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]  # no temp file


def test_ctrl_c_writes_the_finished_files_and_resume_completes_the_run(inputs, tmp_path,
                                                                       monkeypatch, capsys):
    full = tmp_path / "full.jsonl"
    assert main(["extract", str(inputs), "-o", str(full), "--no-themes"]) == 0
    real = fill.extract_report
    seen = []

    def interrupt_at_c(report, nlp, themes):
        seen.append(report.report_id)
        if report.report_id == "c":
            raise KeyboardInterrupt
        return real(report, nlp, themes)

    monkeypatch.setattr(fill, "extract_report", interrupt_at_c)
    out = tmp_path / "out.jsonl"
    capsys.readouterr()
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes"]) == 130
    err = capsys.readouterr().err
    assert "interrupted: 2 of 3 file(s) done" in err and "--resume" in err
    assert sorted(set(_reports(out))) == ["a", "b"]
    # --resume skips a and b (their report ids are in the output) and does c only
    seen.clear()
    monkeypatch.setattr(fill, "extract_report",
                        lambda report, nlp, themes: (seen.append(report.report_id),
                                                     real(report, nlp, themes))[1])
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes", "--resume"]) == 0
    assert seen == ["c"]
    assert "2 file(s) skipped" in capsys.readouterr().err
    assert out.read_bytes() == full.read_bytes()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_resume_in_json_and_csv(inputs, tmp_path, fmt):
    full = tmp_path / f"full.{fmt}"
    assert main(["extract", str(inputs), "-o", str(full), "--no-themes"]) == 0
    out = tmp_path / f"out.{fmt}"
    assert main(["extract", str(inputs / "a.txt"), str(inputs / "b.md"), "-o", str(out),
                 "--no-themes"]) == 0
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes", "--resume"]) == 0
    assert out.read_bytes() == full.read_bytes()


def test_resume_needs_an_output_file_and_refuses_a_foreign_one(inputs, tmp_path, capsys):
    assert main(["extract", str(inputs), "--resume"]) == 2
    assert "--resume needs an output file" in capsys.readouterr().err
    foreign = tmp_path / "notes.jsonl"
    foreign.write_text("not json\n", encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(foreign), "--resume", "--no-themes"]) == 2
    assert "cannot be read back as JSONL output" in capsys.readouterr().err
    assert foreign.read_text(encoding="utf-8") == "not json\n"


def test_progress_line_on_a_terminal_only(inputs, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "[1/3]" not in err
    assert "3 file(s)" in err and "passages written to" in err  # the one summary line
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes"]) == 0
    err = capsys.readouterr().err
    assert "\r\033[K[1/3]" in err and "[3/3]" in err and "words/s" in err


def test_themes_file_that_is_not_a_model_is_a_clear_error(inputs, tmp_path, capsys):
    for bad in (inputs / "a.txt", tmp_path / "missing.skops"):
        code = main(["extract", str(inputs), "-o", str(tmp_path / "o.jsonl"), "--themes",
                     str(bad)])
        err = capsys.readouterr().err
        assert code == 2 and "Traceback" not in err
        assert f"--themes: {bad}" in err and ("not a theme model" in err
                                               or "no such theme model" in err)
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("rows, problem", [
    ([("En text om skolan.", "utbildning")], "need at least two different labels"),
    ([("En text om skolan.", "utbildning"), ("Om vården.", "folkhalsa")],
     "needs at least 2 passages of every label"),
    ([("Skolan.", "utbildning"), ("Skolor.", "utbildning"), ("Elever.", "utbildning")],
     "has only 'utbildning' (3 passages)"),
])
def test_evaluate_themes_on_too_little_data_is_a_clear_error(tmp_path, capsys, rows, problem):
    path = tmp_path / "labels.csv"
    path.write_text("text,label\n" + "".join(f"{t},{label}\n" for t, label in rows),
                    encoding="utf-8")
    assert main(["evaluate", "themes", str(path)]) == 1
    err = capsys.readouterr().err
    assert problem in err and "Traceback" not in err


def test_evaluate_themes_warns_about_ragged_rows_and_unseen_test_labels(tmp_path, capsys):
    train = tmp_path / "train.csv"
    train.write_text("text,label\nOm skolan och lärare.,utbildning\nOm elever.,utbildning\n"
                     "Om hälsa och vård.,folkhalsa\nOm vårdcentralen.,folkhalsa\n",
                     encoding="utf-8")
    test = tmp_path / "test.csv"
    test.write_text("text,label\nOm skolan.,utbildning\nEn rad utan etikett\n"
                    "Om kultur.,kultur\n", encoding="utf-8")
    assert main(["evaluate", "themes", str(train), "--test", str(test)]) == 0
    err = capsys.readouterr().err
    assert "1 row(s) with more or fewer fields than the header (rows 2)" in err
    assert "1 row(s) without text or label skipped (rows 2)" in err
    assert "--test labels not in the training data" in err and "kultur" in err


def test_two_workers_write_the_same_output_as_one(inputs, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    (inputs / "d.txt").write_bytes(b"")
    assert main(["extract", str(inputs), "-o", str(one), "--no-themes"]) == 1
    assert main(["extract", str(inputs), "-o", str(two), "--no-themes", "--workers", "2"]) == 1
    assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "two.errors.jsonl").read_text(encoding="utf-8") == \
        (tmp_path / "one.errors.jsonl").read_text(encoding="utf-8")


def test_extract_many_yields_records_and_reports_failures(inputs):
    import textmine

    (inputs / "d.txt").write_bytes(b"\x00\x01")
    failures = []
    records = list(textmine.extract_many([inputs], workers=2, themes=None,
                                         on_error=failures.append))
    assert [r["report"] for r in records] == sorted(r["report"] for r in records)
    assert {r["report"] for r in records} == {"a", "b", "c"}
    assert set(records[0]) >= {"report", "passage_id", "theme", "municipality", "numbers"}
    assert [Path(f.path).name for f in failures] == ["d.txt"]
    assert "binary file" in failures[0].problem


def test_a_worker_process_that_dies_stops_the_batch_with_the_finished_files_written(
        inputs, tmp_path, monkeypatch, capsys):
    import os

    real = fill.extract_report

    def die_at_c(report, nlp, themes):
        if report.report_id == "c":
            os._exit(1)  # as if the kernel killed it for memory
        return real(report, nlp, themes)

    monkeypatch.setattr(fill, "extract_report", die_at_c)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inputs), "-o", str(out), "--no-themes", "--workers", "2"]) == 1
    err = capsys.readouterr().err
    assert "a worker process died" in err and "stopped:" in err and "--resume" in err
    assert set(_reports(out)) <= {"a", "b"}  # whatever finished, whole; never c



def test_themes_scored_in_small_groups_give_the_same_records(shared_nlp, monkeypatch):
    import textmine

    def records(theme_batch):
        monkeypatch.setattr(fill, "THEME_BATCH", theme_batch)
        report = textmine.read_report(LAYOUTS / "markdown.md")
        fill.extract_report(report, shared_nlp, textmine._bundled().themes)
        return [p.to_dict() for p in report.passages]

    assert len(records(1)) > 2 and records(1) == records(256)


def test_a_folder_of_web_pages_word_files_and_text_is_extracted(tmp_path):
    docx = pytest.importorskip("docx")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(
        "<html><head><title>x</title><body><nav><a>Folkhälsa</a></nav><main>"
        "<h2>Folkhälsa</h2><h3>Kiruna kommun</h3><p>Kiruna har byggt ett spår.</p></main>"
        "<footer>Kontakt</footer>", encoding="utf-8")
    document = docx.Document()
    document.add_heading("Barn och unga", level=1)
    document.add_heading("Eda kommun", level=2)
    document.add_paragraph("Eda erbjuder simskola för barn.")
    document.save(folder / "word.docx")
    shutil.copy(LAYOUTS / "news.txt", folder / "news.txt")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--no-themes"]) == 0
    records = {r["report"]: r for r in
               map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(records) == {"page", "word", "news"}
    assert (records["page"]["theme"]["gold"], records["page"]["municipality"]["name"],
            records["page"]["text"]) == ("folkhalsa", "Kiruna", "Kiruna har byggt ett spår.")
    assert (records["word"]["theme"]["gold"], records["word"]["municipality"]["name"]) == \
        ("barn_unga", "Eda")


def test_a_long_passage_keeps_only_its_start_for_the_theme(monkeypatch):
    """Pieces of a long passage are filled one by one; only the Docs of its first
    THEME_CHARS characters wait for theme scoring, so memory does not grow with length."""
    import spacy

    from textmine import fill
    from textmine.segment import segment

    nlp = spacy.blank("sv")
    for name in ("sentencizer", "textmine_numbers", "textmine_entities", "textmine_activities"):
        nlp.add_pipe(name)
    sentence = "Kommunen har anställt 3 samordnare för unga. "
    report = segment(sentence * 2000)  # one passage of 90,000 characters
    monkeypatch.setattr(fill, "MAX_DOC_CHARS", 5_000)
    scored: list = []

    class Themes:
        classes_ = ["a"]

        def predict_proba(self, docs):
            scored.extend(len(doc.text) for doc in docs)
            return [[1.0] for _ in docs]

    fill.extract_report(report, nlp, Themes())
    [passage] = report.passages
    assert len(passage.numbers) == 2000 and passage.numbers[-1].start > 80_000
    assert [a.type for a in passage.activities] == ["rekrytering"]
    assert scored and scored[0] <= fill.THEME_CHARS + fill.MAX_DOC_CHARS


def test_null_values_in_jsonl_are_not_reported_as_ragged_rows(tmp_path, capsys):
    rows = [("Om skolan och lärare.", "utbildning"), ("Om elever.", "utbildning"),
            ("Om hälsa och vård.", "folkhalsa"), ("Om vårdcentralen.", "folkhalsa")]
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps({"text": t, "label": label, "theme2": None}) + "\n"
                            for t, label in rows), encoding="utf-8")
    assert main(["evaluate", "themes", str(path)]) == 0
    assert "more or fewer fields" not in capsys.readouterr().err
