"""Every data file the components read is checked against its schema (JSON Schema for the
pattern and cue files, header and shape for CSV and word lists), so a mistyped key or a
pattern of an unknown activity type is caught here rather than silently ignored."""
from __future__ import annotations

import copy
import csv
import json
from importlib import resources

import pytest

jsonschema = pytest.importorskip("jsonschema")

from textmine.components.activities.component import ActivitiesComponent  # noqa: E402
from textmine.components.entities.component import EntitiesComponent  # noqa: E402
from textmine.components.numbers.component import NumbersComponent  # noqa: E402

DATA = resources.files("textmine.data")
SCHEMAS = ("numbers", "cues", "orgs", "activity_patterns", "outcome_patterns")
CSV_HEADERS = {
    "kommuner.csv": {"code", "name", "county_code", "county_name", "long_name"},
    "regioner.csv": {"county_code", "county_name", "region_name", "lansstyrelse_name"},
    "myndigheter.csv": {"name", "abbreviation", "esv_name"},
    "municipality_aliases.csv": {"alias", "code"},
    "localities.csv": {"locality", "code", "common_word"},
    "city_districts.csv": {"district", "code"},
}


def load(name: str):
    return json.loads(DATA.joinpath(name).read_text(encoding="utf-8"))


def validator(name: str):
    return jsonschema.Draft202012Validator(load(f"schemas/{name}.schema.json"))


@pytest.mark.parametrize("name", SCHEMAS)
def test_json_data_file_matches_its_schema(name):
    validator(name).validate(load(f"{name}.json"))


def test_schemas_reject_unknown_keys_and_types():
    patterns = load("activity_patterns.json")
    broken = copy.deepcopy(patterns)
    broken["types"]["okand_typ"] = [{"nouns": ["x"]}]
    assert not validator("activity_patterns").is_valid(broken)
    broken = copy.deepcopy(patterns)
    first_type = next(iter(broken["types"]))
    broken["types"][first_type][0]["verbz"] = ["anställa"]
    assert not validator("activity_patterns").is_valid(broken)
    numbers = load("numbers.json")
    numbers["never_read_key"] = ["x"]
    assert not validator("numbers").is_valid(numbers)


def test_every_data_file_a_component_names_exists_and_parses():
    for component in (NumbersComponent, EntitiesComponent, ActivitiesComponent):
        for name in component.DATA_FILES:
            text = DATA.joinpath(name).read_text(encoding="utf-8")
            assert text.strip(), name
            if name.endswith(".json"):
                json.loads(text)


@pytest.mark.parametrize("name,header", sorted(CSV_HEADERS.items()))
def test_csv_files_have_their_columns_and_no_ragged_rows(name, header):
    rows = list(csv.reader(DATA.joinpath(name).read_text(encoding="utf-8").splitlines()))
    assert header <= set(rows[0])
    assert all(len(row) == len(rows[0]) for row in rows[1:] if row)


@pytest.mark.parametrize("name", ["roles.txt", "target_groups.txt", "tg_modifiers.txt",
                                  "locations.txt", "false_heads.txt"])
def test_word_lists_are_one_entry_per_line(name):
    for line in DATA.joinpath(name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            assert line == " ".join(line.split()), f"{name}: stray whitespace in {line!r}"
