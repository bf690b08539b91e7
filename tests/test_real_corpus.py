"""corpus/real: every line is well formed, the split follows its stated rule, and nothing in
it is reserved evaluation material (checked with ../shared/tools/heldout-check when the
project's shared folder is there; a user's clone has none)."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from textmine.municipalities import default_gazetteer

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "corpus" / "real"
HELDOUT_CHECK = ROOT.parent / "shared" / "tools" / "heldout-check"
THEMES = {"utbildning_arbetsmarknad", "barn_unga", "folkhalsa", "digitalisering",
          "demokrati_utveckling", "annat"}
ACTIVITIES = {"rekrytering", "utbildning", "motesplats", "samverkan", "digital_tjanst",
              "fysisk_miljo", "evenemang", "praktik_arbete", "stod_radgivning",
              "strategi_organisation", "delaktighet_dialog"}
KINDS = {"count", "percent", "money", "year", "date", "period", "duration", "age", "grade",
         "ratio", "change", "ordinal", "other"}
LATER = tuple(sorted(path.name for path in REAL.glob("dev-*.jsonl")))  # batches b, c, ...
FILES = ("dev.jsonl", "test.jsonl", "agreement.jsonl", *LATER)


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (REAL / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_sizes_the_issue_asks_for():
    dev, test = rows("dev.jsonl"), rows("test.jsonl")
    assert len(dev) + len(test) >= 500 and len(test) >= 150
    assert len({r["url"] for r in dev + test}) >= 80
    assert sum("numbers" in r for r in dev + test) >= 200


@pytest.mark.parametrize("name", FILES)
def test_lines_are_well_formed(name):
    gazetteer = default_gazetteer()
    ids = set()
    for row in rows(name):
        where = f"{name}:{row['id']}"
        assert row["id"] not in ids, where
        ids.add(row["id"])
        text = row["text"]
        assert row["url"].startswith("http") and row["publisher"] and text.strip(), where
        assert row["theme"] in THEMES and row["theme2"] in THEMES | {None}, where
        if row["municipality"] is not None:
            found = gazetteer.by_code(row["municipality"]["code"])
            assert found is not None and found.name == row["municipality"]["name"], where
        for activity in row["activities"]:
            assert activity["type"] in ACTIVITIES and activity["evidence"] in text, where
        assert all(sentence in text for sentence in row["outcomes"]), where
        for number in row.get("numbers", []):
            assert number["kind"] in KINDS, where
            assert text[number["start"]:number["end"]] == number["text"], where


def test_the_split_follows_its_stated_rule():
    spec = importlib.util.spec_from_file_location("real_split", REAL / "split.py")
    split = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(split)
    assert split.check() == []
    dev_groups = {r["source_group"] for r in rows("dev.jsonl")}
    assert not dev_groups & {r["source_group"] for r in rows("test.jsonl")}


@pytest.mark.skipif(not HELDOUT_CHECK.exists(), reason="../shared/tools/heldout-check is not here "
                    "(a user's clone has no ../shared)")
def test_no_reserved_passage_or_page():
    files = [str(REAL / name) for name in FILES]
    urls = sorted({row["url"] for name in FILES for row in rows(name)})
    args = [a for url in urls for a in ("--url", url)]
    for command in ([sys.executable, str(HELDOUT_CHECK), *files],
                    [sys.executable, str(HELDOUT_CHECK), *args]):
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
