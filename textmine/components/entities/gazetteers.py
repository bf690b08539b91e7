"""The name lists and word lexicons of the entity rules, built once from a component's
``Resources``: organisations (own list, the agency register, regions), their
abbreviations, places, roles, target groups and their modifiers."""
from __future__ import annotations

from textmine.lexicon import Lexicon, false_heads
from textmine.resources import Resources

DATA_FILES = ("cues.json", "orgs.json", "roles.txt", "target_groups.txt", "tg_modifiers.txt",
              "locations.txt", "myndigheter.csv", "regioner.csv", "false_heads.txt",
              "kommuner.csv", "municipality_aliases.csv", "municipality_common_words.txt",
              "municipality_subject.json")


def lexicon(resources: Resources, lines: list[str]) -> Lexicon:
    """A word lexicon that knows these resources' false compound heads."""
    return Lexicon.from_lines(lines, false=false_heads(resources))


def role_lexicon(resources: Resources) -> Lexicon:
    return resources.cached("roles", lambda: lexicon(resources, resources.lines("roles.txt")))


def target_group_lexicon(resources: Resources) -> Lexicon:
    return resources.cached("target_groups",
                            lambda: lexicon(resources, resources.lines("target_groups.txt")))


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
