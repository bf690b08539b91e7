"""Passage records as related tables: passages, numbers, entities, activities, outcomes.

Every table carries ``report`` and ``passage_id``, the key that joins it to ``passages``.
Rows are plain dicts (``to_rows``), pandas DataFrames (``to_frames``, needs pandas), or
files: one CSV per table (standard library only) or one Parquet file per table (needs
pyarrow): ``pip install "textmine[tables]"``.

    frames = textmine.to_frames(records)      # records: Passage objects or their dicts
    frames["numbers"].merge(frames["passages"], on=["report", "passage_id"])
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Iterable, Mapping

from textmine.records import Passage

Record = Passage | Mapping[str, Any]

# Each table's fixed columns and their types (str, int, float, bool). The passages table
# adds one ``score_<theme>`` float column per theme seen in the records.
COLUMNS: dict[str, dict[str, str]] = {
    "passages": {
        "report": "str", "passage_id": "str", "start": "int", "end": "int",
        "municipality": "str", "municipality_code": "str", "county": "str",
        "theme_gold": "str", "theme_predicted": "str", "theme_score": "float",
        "target_groups": "str", "n_entities": "int", "n_numbers": "int",
        "n_activities": "int", "n_outcomes": "int", "text": "str",
    },
    "numbers": {
        "report": "str", "passage_id": "str", "n": "int", "text": "str", "kind": "str",
        "value": "str", "value_num": "float", "unit": "str", "approx": "bool",
        "start": "int", "end": "int",
    },
    "entities": {
        "report": "str", "passage_id": "str", "n": "int", "text": "str", "label": "str",
        "code": "str", "start": "int", "end": "int",
    },
    "activities": {
        "report": "str", "passage_id": "str", "n": "int", "type": "str",
        "evidence": "str", "sentence": "str",
    },
    "outcomes": {"report": "str", "passage_id": "str", "n": "int", "sentence": "str"},
}
TABLES = tuple(COLUMNS)
TABLE_FORMATS = ("csv", "parquet")
RECORD_SUFFIXES = (".jsonl", ".json")
MISSING_EXTRA = 'needs {module}: pip install "textmine[tables]"'


def as_dict(record: Record) -> Mapping[str, Any]:
    """The SPEC's record shape, whether given a ``Passage`` or its ``to_dict()``."""
    return record.to_dict() if isinstance(record, Passage) else record


def load_records(paths: Iterable[str | Path], *, on_error=None,
                 extract: bool = True) -> list[dict[str, Any]]:
    """Records of ``.jsonl``/``.json`` record files, and of report files (or folders of
    them) run through the bundled pipeline like ``textmine extract`` (only segmented,
    with ``extract=False``).

    A file that cannot be read is passed to ``on_error(message)`` and skipped; without
    ``on_error`` the error is raised.
    """
    from textmine.batch import Settings, process_files
    from textmine.io import InputError, OutputError, format_for, iter_input_files, read_records

    def failed(err: InputError) -> None:
        if on_error is None:
            raise err
        on_error(str(err))

    records: list[dict[str, Any]] = []
    for path in map(Path, paths):
        try:
            if path.suffix.lower() not in RECORD_SUFFIXES:
                files = list(iter_input_files([path]))
                for result in process_files(files, Settings(extract=extract)):
                    if result.error:
                        failed(InputError(result.path, result.error))
                    records.extend(map(as_dict, result.passages))
                continue
            try:
                records.extend(read_records(path, format_for(path)))
            except OutputError as err:
                raise InputError(path, f"not a file of textmine records ({err.problem})") from err
        except InputError as err:
            failed(err)
    return records


def to_rows(records: Iterable[Record]) -> dict[str, list[dict[str, Any]]]:
    """Every table as a list of row dicts (columns as in ``columns(...)``)."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for record in map(as_dict, records):
        key = {"report": record["report"], "passage_id": record["passage_id"]}
        tables["passages"].append(passage_row(record))
        for n, num in enumerate(record.get("numbers", [])):
            value = num.get("value")
            tables["numbers"].append({
                **key, "n": n, "text": num["text"], "kind": num["kind"],
                "value": json.dumps(value, ensure_ascii=False),
                "value_num": _number(value), "unit": num.get("unit"),
                "approx": bool(num.get("approx")), "start": num["start"], "end": num["end"]})
        for n, ent in enumerate(record.get("entities", [])):
            tables["entities"].append({
                **key, "n": n, "text": ent["text"], "label": ent["label"],
                "code": ent.get("code"), "start": ent["start"], "end": ent["end"]})
        for n, act in enumerate(record.get("activities", [])):
            tables["activities"].append({
                **key, "n": n, "type": act["type"], "evidence": act.get("evidence"),
                "sentence": act.get("sentence")})
        for n, sentence in enumerate(record.get("outcomes", [])):
            tables["outcomes"].append({**key, "n": n, "sentence": sentence})
    return tables


def columns(name: str, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Column names and types of a table: the fixed ones, then any ``score_*`` columns."""
    extra = sorted({key for row in rows for key in row if key.startswith("score_")})
    return {**COLUMNS[name], **{key: "float" for key in extra}}


def to_frames(records: Iterable[Record]) -> dict[str, Any]:
    """Every table as a pandas DataFrame, keyed by table name."""
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError(f"to_frames {MISSING_EXTRA.format(module='pandas')}") from err
    dtypes = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}
    frames = {}
    for name, rows in to_rows(records).items():
        cols = columns(name, rows)
        frame = pd.DataFrame(rows, columns=list(cols))
        frames[name] = frame.astype({col: dtypes[kind] for col, kind in cols.items()})
    return frames


def write_tables(records: Iterable[Record], directory: str | Path,
                 fmt: str = "csv") -> list[Path]:
    """Write ``DIR/<table>.csv`` or ``DIR/<table>.parquet`` for every table; the paths."""
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"unknown table format {fmt!r}; use one of {', '.join(TABLE_FORMATS)}")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    write = _write_parquet if fmt == "parquet" else _write_csv
    if fmt == "parquet":
        _require("pyarrow")
    paths = []
    for name, rows in to_rows(records).items():
        path = directory / f"{name}.{fmt}"
        write(path, rows, columns(name, rows))
        paths.append(path)
    return paths


def passage_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record's row of the passages table (also the CSV output's columns)."""
    theme = record.get("theme") or {}
    municipality = record.get("municipality") or {}
    scores = theme.get("scores") or {}
    predicted = theme.get("predicted")
    return {
        "report": record["report"], "passage_id": record["passage_id"],
        "start": record.get("start"), "end": record.get("end"),
        "municipality": municipality.get("name"), "municipality_code": municipality.get("code"),
        "county": municipality.get("county"),
        "theme_gold": theme.get("gold"), "theme_predicted": predicted,
        "theme_score": scores.get(predicted) if predicted else None,
        "target_groups": "; ".join(record.get("target_groups", [])),
        **{f"n_{field}": len(record.get(field, []))
           for field in ("entities", "numbers", "activities", "outcomes")},
        "text": record["text"],
        **{f"score_{label}": float(score) for label, score in sorted(scores.items())},
    }


def _number(value: Any) -> float | None:
    """A plain number as float; ranges, changes, ratios and dates give None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _write_csv(path: Path, rows: list[dict[str, Any]], cols: dict[str, str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(cols))
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(path: Path, rows: list[dict[str, Any]], cols: dict[str, str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(col, types[kind]) for col, kind in cols.items()])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


def _require(module: str) -> None:
    try:
        __import__(module)
    except ImportError as err:
        raise ImportError(f"Parquet output {MISSING_EXTRA.format(module=module)}") from err
