"""Records as related tables: shapes, joins, CSV and Parquet files, the tables command."""
import csv
import json
from pathlib import Path

import pytest

import textmine
from textmine.cli import main
from textmine.tables import COLUMNS, TABLES, load_records, to_rows, write_tables

REPORT = Path(__file__).parents[1] / "corpus" / "reports" / "pa-gang-i-uppdraget.txt"
KEY = ["report", "passage_id"]


@pytest.fixture(scope="module")
def passages():
    return textmine.extract(textmine.read_report(REPORT)).passages


@pytest.fixture(scope="module")
def records(passages):
    return [p.to_dict() for p in passages]


def test_rows_have_one_table_per_kind_joined_by_report_and_passage(records):
    tables = to_rows(records)
    assert list(tables) == list(TABLES) == ["passages", "numbers", "entities", "activities",
                                            "outcomes"]
    assert len(tables["passages"]) == 138
    for name, field in [("numbers", "numbers"), ("entities", "entities"),
                        ("activities", "activities"), ("outcomes", "outcomes")]:
        assert len(tables[name]) == sum(len(r[field]) for r in records) > 0
    keys = [(row["report"], row["passage_id"]) for row in tables["passages"]]
    assert len(set(keys)) == len(keys)
    for name in TABLES[1:]:
        assert {(row["report"], row["passage_id"]) for row in tables[name]} <= set(keys)
    first = tables["passages"][0]
    assert (first["municipality"], first["municipality_code"], first["county"]) == \
        ("Eda", "1730", "Värmlands län")
    assert first["theme_score"] == records[0]["theme"]["scores"][first["theme_predicted"]]


def test_passage_objects_and_dicts_give_the_same_rows(passages, records):
    assert to_rows(passages[:5]) == to_rows(records[:5])


def test_numbers_keep_their_value_as_json_and_plain_numbers_as_floats(records):
    rows = to_rows(records)["numbers"]
    ranges = [row for row in rows if row["kind"] == "age" and row["text"] == "upp till 24 år"]
    assert ranges and json.loads(ranges[0]["value"]) == [None, 24]
    assert ranges[0]["value_num"] is None and ranges[0]["approx"] is True
    scalars = [row for row in rows if isinstance(json.loads(row["value"]), (int, float))]
    assert scalars and all(row["value_num"] == json.loads(row["value"]) for row in scalars)
    assert {type(row["value_num"]) for row in scalars} == {float}


def test_frames_join_on_report_and_passage_id(records):
    frames = textmine.to_frames(records)
    assert set(frames) == set(TABLES)
    assert frames["passages"].shape[0] == 138
    for name in TABLES:
        assert list(frames[name].columns)[:len(COLUMNS[name])] == list(COLUMNS[name])
    joined = frames["numbers"].merge(frames["passages"], on=KEY, suffixes=("", "_p"))
    assert len(joined) == len(frames["numbers"])
    per_municipality = joined.groupby("municipality").size()
    assert per_municipality.sum() == sum(len(r["numbers"]) for r in records)
    assert {"score_" + t for t in records[0]["theme"]["scores"]} <= set(frames["passages"])


def test_frames_of_no_records_have_the_columns():
    frames = textmine.to_frames([])
    assert all(frames[name].empty and list(frames[name].columns) == list(COLUMNS[name])
               for name in TABLES)


def test_csv_and_parquet_files_hold_the_same_tables(records, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frames = textmine.to_frames(records)
    csv_paths = write_tables(records, tmp_path / "csv", "csv")
    parquet_paths = write_tables(records, tmp_path / "pq", "parquet")
    assert [p.name for p in csv_paths] == [f"{name}.csv" for name in TABLES]
    for name, csv_path, pq_path in zip(TABLES, csv_paths, parquet_paths):
        with open(csv_path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == len(frames[name])
        table = pd.read_parquet(pq_path)
        assert list(table.columns) == list(frames[name].columns)
        assert table.shape == frames[name].shape
    numbers = pd.read_parquet(tmp_path / "pq" / "numbers.parquet")
    assert str(numbers["start"].dtype) == "int64" and str(numbers["approx"].dtype) == "bool"


def test_to_frames_without_pandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "pandas", None)
    with pytest.raises(ImportError, match=r"textmine\[tables\]"):
        textmine.to_frames([])


def test_tables_command_reads_jsonl_and_names_a_bad_file(records, tmp_path, capsys):
    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                     encoding="utf-8")
    assert main(["tables", str(jsonl), "-o", str(tmp_path / "t")]) == 0
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == \
        sorted(f"{name}.csv" for name in TABLES)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert main(["tables", str(bad), str(jsonl), "-o", str(tmp_path / "t2"),
                 "--format", "parquet"]) == 1
    assert "bad.jsonl: not a file of textmine records" in capsys.readouterr().err
    assert (tmp_path / "t2" / "passages.parquet").exists()
    assert len(load_records([jsonl])) == 138


def test_report_files_that_fail_are_named_and_the_others_loaded(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Eda\n\nI Eda deltog 65 personer i projektet.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    problems: list[str] = []
    records = load_records([tmp_path], on_error=problems.append, extract=False)
    assert [r["report"] for r in records] == ["good"] and "65 personer" in records[0]["text"]
    assert sorted(p.split(":")[0].rsplit("/", 1)[-1] for p in problems) == \
        ["binary.txt", "empty.txt"]
    with pytest.raises(textmine.io.InputError, match="empty.txt"):
        load_records([tmp_path / "empty.txt"], extract=False)
