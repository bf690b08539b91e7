"""The training passages of the activity recipes and the rule hits in them (issue 11).

Real development text (``corpus/real/dev.jsonl`` and the later batches ``dev-b.jsonl`` and
``dev-c.jsonl``, grouped by ``source_group``; no two share a source) and the development
reports of the bundled corpus (dev, dev2, dev3 extraction gold); never held-out, blind or
real-test. Each passage goes through the bundled pipeline exactly as ``textmine evaluate
extraction`` runs it (real text: the municipality textmine attributes itself).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from textmine.evaluation.extraction import (attribute, is_real, load_gold,  # noqa: E402
                                            passage_municipality)

# real-dev (dev.jsonl) and every later batch (dev-b.jsonl, dev-c.jsonl, ...)
REAL_DEV = {"real-dev": ROOT / "corpus" / "real" / "dev.jsonl",
            **{path.stem: path for path in sorted((ROOT / "corpus" / "real").glob("dev-*.jsonl"))}}
DEV_REPORTS = [ROOT / "corpus" / "gold" / "extraction" / f"{n}.jsonl"
               for n in ("dev", "dev2", "dev3")]


@dataclass
class Passage:
    """One gold passage, its Doc after the pipeline, and its group for grouped CV."""

    line: dict
    doc: object
    gold: set[str]
    group: str
    real: bool
    split: str  # real-dev, dev-b, dev-c, or the bundled report set (dev, dev2, dev3)


def _municipality(line: dict):
    from textmine.municipalities import default_gazetteer

    if is_real(line):
        code, _ = attribute(line["text"], line.get("publisher", ""))
        return default_gazetteer().by_code(code) if code else None
    return passage_municipality(line)


def rules_pipeline():
    """textmine's pipeline with the activity rules alone (no hit filter): what the recipes
    measure and what the filter is trained on."""
    import textmine

    nlp = textmine.load()
    nlp.get_pipe("textmine_activities").use_hit_filter(False)
    return nlp


def load_passages(nlp, reports: bool = True) -> list[Passage]:
    """Real development passages (dev, dev-b, then dev-c), then (``reports``) those of the bundled
    development reports."""
    from textmine.pipeline.context import make_doc

    rows: list[tuple[dict, str, bool, str]] = [
        (line, "real:" + line["source_group"], True, split)
        for split, path in REAL_DEV.items() for line in load_gold(path)]
    if reports:
        for path in DEV_REPORTS:
            rows += [(line, f"{path.stem}:{line.get('report', '')}:{line.get('municipality')}",
                      False, path.stem) for line in load_gold(path)]
    docs = nlp.pipe((make_doc(nlp, line["text"], _municipality(line)) for line, *_ in rows),
                    batch_size=32)
    return [Passage(line, doc, {a["type"] for a in line["activities"]}, group, real, split)
            for (line, group, real, split), doc in zip(rows, docs)]
