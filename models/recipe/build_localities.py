"""Build ``textmine/data/localities.csv``: Sweden's postal localities (postorter) that lie in
one municipality, with its SCB code, for attributing a passage that names only a town or
village of a municipality ("Fritidsbanken i Tumba" -> Botkyrka).

    python models/recipe/build_localities.py postal_to_municipality.csv

The input is ``data/postal_to_municipality.csv`` of sjbrg/swedish-geodata (CC0 1.0, see
``textmine/data/SOURCES-gazetteers.md``). A locality is kept when every postal code of it
lies in one municipality and its name is no municipality's. ``common_word`` marks one that
is also an ordinary word: the bundled lemma table gives proper names a capitalised lemma
('tumba' -> 'Tumba') and ordinary words a lower-case one ('hallen' -> 'hall', 'viken' ->
'vika'), so a locality whose lower-cased name is such a form or lemma ('skog', 'kista')
is marked (textmine does not read it in a headline of an address, where case is lost).
"""
from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "textmine" / "data"
LEMMAS = ROOT / "models" / "sv_textmine" / "textmine_lemma_backoff" / "lemma_table.tsv.gz"


def common_words() -> set[str]:
    """The lower-case lemmas of the lemma table and the forms it gives them: ordinary
    words, not names (the table stores no form that is its own lemma, so both are read)."""
    words: set[str] = set()
    with gzip.open(LEMMAS, "rt", encoding="utf-8") as table:
        for form, lemma in (line.rstrip("\n").split("\t")[:2] for line in table):
            if lemma[:1].islower():
                words |= {form, lemma}
    return words


def localities(postal: Path) -> dict[str, str]:
    """Locality -> code for the localities whose postal codes all lie in one municipality."""
    codes: dict[str, set[str]] = defaultdict(set)
    with postal.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            codes[row["locality"]].add(row["municipality_code"])
    with (DATA / "kommuner.csv").open(encoding="utf-8") as handle:
        municipalities = {row["name"] for row in csv.DictReader(handle)}
    return {name: next(iter(found)) for name, found in sorted(codes.items())
            if len(found) == 1 and name not in municipalities}


def main(postal: str) -> None:
    kept = localities(Path(postal))
    common = common_words()
    with (DATA / "localities.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["locality", "code", "common_word"])
        writer.writerows([name, code, int(name.lower() in common)] for name, code in kept.items())
    print(f"{len(kept)} localities, {sum(name.lower() in common for name in kept)} common words")


if __name__ == "__main__":
    main(sys.argv[1])
