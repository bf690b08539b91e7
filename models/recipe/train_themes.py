"""Rebuild the bundled theme model ``models/themes/`` from the bundled report.

    python models/recipe/train_themes.py            # same as:
    textmine train themes -o models/themes --cv 5

Trains on the 138 passages of corpus/reports/pa-gang-i-uppdraget.txt (labels: their
theme headings) with the default ``ThemeClassifier`` parameters, and records the
grouped 5-fold CV scores (municipality as group) in models/themes/model.json.
Extra arguments are passed on to ``textmine train themes``.
"""
from __future__ import annotations

import sys
from pathlib import Path

from textmine.cli import main

OUTPUT = Path(__file__).resolve().parents[1] / "themes"

if __name__ == "__main__":
    sys.exit(main(["train", "themes", "-o", str(OUTPUT), "--cv", "5", *sys.argv[1:]]))
