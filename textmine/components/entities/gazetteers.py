"""The name lists and word lexicons of the entity rules, built once from a component's
``Resources``: organisations (own list, the agency register, regions), their
abbreviations, places, roles, target groups and their modifiers."""
from __future__ import annotations

from textmine import municipalities
from textmine.lexicon import LEXICON_FILES
from textmine.resources import Resources

DATA_FILES = ("cues.json", "orgs.json", "tg_modifiers.txt", "locations.txt", "myndigheter.csv",
              "regioner.csv") + LEXICON_FILES + municipalities.DATA_FILES


def target_group_modifiers(resources: Resources) -> frozenset[str]:
    return frozenset(line.lower() for line in resources.lines("tg_modifiers.txt"))


def org_names(resources: Resources) -> tuple[list[str], list[str]]:
    """(names matched in any case with a capitalised first letter, names in any case)."""
    config = resources.json("orgs.json")
    capitalised: list[str] = list(config["names"])
    for row in resources.rows("myndigheter.csv"):
        capitalised.extend(n for n in (row["name"], row.get("esv_name", "")) if n)
    for row in resources.rows("regioner.csv"):
        capitalised.extend([row["region_name"], row["lansstyrelse_name"]])
    return capitalised, list(config["names_any_case"])


def org_abbreviations(resources: Resources) -> list[str]:
    """Case-sensitive short forms: the reviewed abbreviation column plus 'exact'."""
    config = resources.json("orgs.json")
    stop = set(config["abbreviation_stop"])
    allow_short = set(config["abbreviation_allow_short"])
    found = set(config["exact"])
    for row in resources.rows("myndigheter.csv"):
        abbr = row["abbreviation"].strip()
        if abbr and abbr not in stop and (len(abbr) >= 3 or abbr in allow_short):
            found.add(abbr)
    return sorted(found)


def location_names(resources: Resources) -> list[str]:
    names = list(resources.lines("locations.txt"))
    for row in resources.rows("regioner.csv"):
        names.append(row["county_name"])
    return names
