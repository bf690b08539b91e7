"""Rebuild the bundled theme model ``models/themes/`` from labelled passages.

    python models/recipe/train_themes.py            # same as:
    textmine train themes bundled corpus/real/dev.jsonl corpus/real/dev-b.jsonl \
        corpus/real/dev-c.jsonl ... (every later batch) \
        --label-column theme \
        --group-column source_group --ignore-label annat --classifier cnb -o models/themes --cv 5

Trains on the 138 passages of the bundled report (labels: their theme headings; groups:
municipalities) and the real-dev passages of ``corpus/real/dev.jsonl`` and its later
batches ``dev-b.jsonl`` and ``dev-c.jsonl`` (labels: their primary theme; groups: their
sources; ``annat`` left out: the model has the five SPEC themes), with complement naive Bayes
over the default features, the classifier that grouped CV on this data chose (models/themes/README.md). real-test (``corpus/real/test.jsonl``) is
never trained on. The grouped 5-fold CV scores are recorded in models/themes/model.json.
Extra arguments are passed on to ``textmine train themes``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from textmine.cli import main

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "models" / "themes"
# relative: named in the model's metadata
# real-dev, then every later batch (dev-b, dev-c, ...)
REAL_DEV = ("corpus/real/dev.jsonl",
            *(str(p.relative_to(ROOT)) for p in sorted(ROOT.glob("corpus/real/dev-*.jsonl"))))

if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(["train", "themes", "bundled", *REAL_DEV, "--label-column", "theme",
                   "--group-column", "source_group", "--ignore-label", "annat",
                   "--classifier", "cnb", "-o", str(OUTPUT), "--cv", "5", *sys.argv[1:]]))
