"""Small helpers shared by the CLI commands."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import regex


def report_id_for(path: str | Path) -> str:
    """An ASCII id from a file name: ``På gång.txt`` -> ``pa-gang``."""
    stem = unicodedata.normalize("NFKD", Path(path).stem)
    ascii_stem = stem.encode("ascii", "ignore").decode("ascii").lower()
    return regex.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-") or "report"
