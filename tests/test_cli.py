"""The command line: outline, extraction to every format, batches with bad files."""
import json
import shutil
from pathlib import Path

import pytest

from textmine.cli import main
from textmine.corpus import read_jsonl

ROOT = Path(__file__).parents[1]
REPORT = ROOT / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"
LAYOUTS = Path(__file__).parent / "data" / "layouts"


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and "textmine" in capsys.readouterr().out
    for command in (["segment"], ["extract"], ["evaluate"]):
        with pytest.raises(SystemExit) as info:
            main([*command, "--help"])
        assert info.value.code == 0
        assert "usage: textmine" in capsys.readouterr().out


def test_segment_prints_the_outline(capsys):
    assert main(["segment", str(REPORT)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("pa-gang-i-uppdraget: 138 passages")
    assert "utbildning_arbetsmarknad: 33 passages" in out
    assert "  Eda: 1" in out


def test_segment_names_a_missing_file(capsys, tmp_path):
    assert main(["segment", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt: no such file" in capsys.readouterr().err


def test_extract_bundled_report_matches_gold(tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(REPORT), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gold = read_jsonl("segments.jsonl")
    assert len(records) == 138
    assert [(r["theme"]["gold"], r["municipality"]["code"]) for r in records] == \
        [(g["theme"], g["code"]) for g in gold]
    assert all(set(r["theme"]["scores"]) and r["theme"]["predicted"] for r in records)
    assert sum(len(r["numbers"]) for r in records) > 0
    assert sum(len(r["entities"]) for r in records) > 0


@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_extract_other_formats(tmp_path, suffix):
    out = tmp_path / f"out.{suffix}"
    assert main(["extract", str(LAYOUTS / "combined.txt"), "-o", str(out), "--no-themes"]) == 0
    assert "Vimmerby" in out.read_text(encoding="utf-8")


def test_batch_with_bad_files_writes_the_good_ones(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(LAYOUTS / "combined.txt", folder / "a.txt")
    shutil.copy(LAYOUTS / "news.txt", folder / "c.txt")
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "d.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--no-themes"]) == 1
    err = capsys.readouterr().err
    assert "b.txt: binary file" in err and "d.txt: empty file" in err
    reports = {json.loads(line)["report"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert reports == {"a", "c"}
