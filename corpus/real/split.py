"""The rule that splits ``corpus/real`` into real-dev and real-test, as code that checks it.

    python corpus/real/split.py          # recompute the split from the files and compare

Passages are grouped into *sources*: two passages are in one group when they share a web
domain, a publisher, or a run of 8 words (the same text copied onto another site). The
groups are ordered by SHA-256 of ``"textmine-real-split:" + the group's smallest domain``;
real-test takes groups in that order until it holds at least ``MIN_TEST`` passages, all
the others are real-dev. The rule uses no label and was fixed before any development on
the corpus. Passages collected twice (by two annotators) are kept once, in dev.jsonl or
test.jsonl; the second annotation is in agreement.jsonl (``first`` = the id kept) and
belongs to the same group, so it never leaks across the split.

Passages collected after the split was fixed (``dev-b.jsonl``, real-dev batch b) are all
development data: each comes from a source that is in neither file (no shared domain,
publisher or 8-word run with a real-test passage; checked here), so adding them changes
nothing on the test side and the rule above is applied to the first collection alone.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_TEST = 150
# development passages collected after the split was fixed: every later batch, dev-b, dev-c, ...
LATER = tuple(sorted(path.name for path in HERE.glob("dev-*.jsonl")))
WINDOW = 8


def read(name: str) -> list[dict]:
    with (HERE / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def domain(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
    return re.sub(r"^(www|m|amp)\.", "", host)


def shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + WINDOW]) for i in range(max(0, len(words) - WINDOW + 1))}


def source_groups(rows: list[dict]) -> dict[str, str]:
    """Passage id -> its group key (the smallest domain of the connected sources)."""
    parent: dict[tuple, tuple] = {}

    def find(x: tuple) -> tuple:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: tuple, b: tuple) -> None:
        parent[find(a)] = find(b)

    for row in rows:
        union(("d", domain(row["url"])), ("p", row["publisher"].strip().lower()))
    owners: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for shingle in shingles(row["text"]):
            owners[shingle].append(i)
    for ids in owners.values():
        for j in ids[1:]:
            union(("d", domain(rows[ids[0]]["url"])), ("d", domain(rows[j]["url"])))
    members: dict[tuple, set[str]] = defaultdict(set)
    for row in rows:
        members[find(("d", domain(row["url"])))].add(domain(row["url"]))
    return {row["id"]: min(members[find(("d", domain(row["url"])))]) for row in rows}


def test_groups(kept: list[dict], groups: dict[str, str]) -> set[str]:
    """The groups of real-test under the rule above."""
    sizes = Counter(groups[row["id"]] for row in kept)
    chosen, passages = set(), 0
    for group in sorted(sizes, key=lambda g: hashlib.sha256(
            f"textmine-real-split:{g}".encode("utf-8")).hexdigest()):
        if passages >= MIN_TEST:
            break
        chosen.add(group)
        passages += sizes[group]
    return chosen


def check() -> list[str]:
    """Differences between the files and the rule (empty when they agree)."""
    dev, test, second = read("dev.jsonl"), read("test.jsonl"), read("agreement.jsonl")
    groups = source_groups(dev + test + second)
    chosen = test_groups(dev + test, groups)
    problems = [f"{row['id']}: in dev.jsonl, the rule puts it in test.jsonl"
                for row in dev if groups[row["id"]] in chosen]
    problems += [f"{row['id']}: in test.jsonl, the rule puts it in dev.jsonl"
                 for row in test if groups[row["id"]] not in chosen]
    problems += [f"{row['id']}: source_group {row.get('source_group')!r}, rule says "
                 f"{groups[row['id']]!r}" for row in dev + test
                 if row.get("source_group") != groups[row["id"]]]
    kept = {row["id"]: groups[row["id"]] for row in dev + test}
    problems += [f"{row['id']}: second annotation of {row['first']} in another group"
                 for row in second if kept.get(row["first"]) != groups[row["id"]]]
    return problems + check_later(dev + test + second)


def check_later(first: list[dict]) -> list[str]:
    """Passages added after the split (``LATER``) share no source with real-test."""
    later = [row for name in LATER if (HERE / name).exists() for row in read(name)]
    groups = source_groups(first + later)
    test_groups_now = {groups[row["id"]] for row in read("test.jsonl")}
    problems = [f"{row['id']}: shares a source with real-test ({groups[row['id']]})"
                for row in later if groups[row["id"]] in test_groups_now]
    problems += [f"{row['id']}: source_group {row.get('source_group')!r}, rule says "
                 f"{groups[row['id']]!r}" for row in later
                 if row.get("source_group") != groups[row["id"]]]
    return problems


if __name__ == "__main__":
    found = check()
    print("\n".join(found) or "the files follow the split rule")
    sys.exit(1 if found else 0)
