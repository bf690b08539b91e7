"""Dump everything textmine's pipeline writes on development text, to check that a change
meant to be output-neutral (a speed-up, a refactoring) is one (a tool, not a test).

    PYTHONPATH=. python benchmarks/check_identical.py --out /tmp/before.json   # on main
    PYTHONPATH=. python benchmarks/check_identical.py --out /tmp/after.json --compare /tmp/before.json

Texts: the bundled development reports (``corpus/reports/*.txt``) segmented into passages
and also whole (one long Doc each), the dev, dev2 and dev3 gold passages and the real-text
development articles (``corpus/real/dev.jsonl`` and its later batches ``dev-*.jsonl``). No held-out, blind or
test text. For each
Doc: lemmas, tags, sentence starts, the extractors' Doc extensions and the ``textmine``
spans; for each report, the passage records of ``textmine.extract`` (themes off).
``--compare`` prints the first differences and exits 1 if there are any.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
GOLD_SPLITS = ("dev", "dev2", "dev3")
# corpus/real/dev.jsonl and every later development batch (dev-b.jsonl, dev-c.jsonl, ...)
REAL_DEV = ("real-dev", *(f"real-{p.stem}" for p in sorted((ROOT / "corpus" / "real").glob("dev-*.jsonl"))))
EXTENSIONS = ("textmine_numbers", "textmine_entities", "textmine_activities",
              "target_groups", "outcomes")


def report_files() -> list[Path]:
    """Development reports only: the blind report is a .md file and is left out."""
    return sorted(p for p in (ROOT / "corpus" / "reports").glob("*.txt")
                  if not p.name.startswith("blind"))


def gold_lines() -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, gold line) of the development splits and the real-text development set."""
    files = [(s, ROOT / "corpus" / "gold" / "extraction" / f"{s}.jsonl") for s in GOLD_SPLITS]
    files += [(name, ROOT / "corpus" / "real" / f"{name[5:]}.jsonl") for name in REAL_DEV]
    for split, path in files:
        if not path.exists():
            continue
        for k, raw in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if raw.strip():
                line = json.loads(raw)
                yield f"{split}:{line.get('passage_id') or line.get('id') or k}", line


def dump_doc(doc) -> dict[str, Any]:
    """What the pipeline wrote on ``doc``, as plain JSON values."""
    spans = doc.spans.get("textmine", [])
    return {
        "lemmas": [t.lemma_ for t in doc],
        "tags": [t.tag_ for t in doc],
        "sent_starts": [t.i for t in doc if t.is_sent_start],
        **{name: doc._.get(name) for name in EXTENSIONS},
        "spans": [[s.start, s.end, s.label_, s.kb_id_] for s in spans],
    }


def run() -> dict[str, Any]:
    """Every dump, keyed by text id."""
    import textmine
    from textmine.evaluation.extraction import predict
    from textmine.pipeline.context import make_doc

    nlp = textmine.load()
    out: dict[str, Any] = {}
    for path in report_files():
        report = textmine.read_report(path)
        textmine.extract(report, nlp, themes=None)
        out[f"records:{path.name}"] = [p.to_dict() for p in report.passages]
        docs = nlp.pipe(make_doc(nlp, p.text, p.municipality) for p in report.passages)
        out[f"docs:{path.name}"] = [dump_doc(doc) for doc in docs]
        out[f"whole:{path.name}"] = dump_doc(nlp(path.read_text(encoding="utf-8")))
    for key, line in gold_lines():
        out[f"predict:{key}"] = predict(nlp, line)
        out[f"doc:{key}"] = dump_doc(nlp(line["text"]))
    return out


def differences(before: Any, after: Any, where: str = "") -> Iterator[str]:
    """Paths at which two JSON values differ."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            if key not in before or key not in after:
                yield f"{where}/{key}: only in {'after' if key in after else 'before'}"
            else:
                yield from differences(before[key], after[key], f"{where}/{key}")
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for k, (b, a) in enumerate(zip(before, after)):
            yield from differences(b, a, f"{where}[{k}]")
    elif before != after:
        yield f"{where}: {json.dumps(before, ensure_ascii=False)[:200]} != " \
              f"{json.dumps(after, ensure_ascii=False)[:200]}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="JSON file to write the dump to")
    parser.add_argument("--compare", help="an earlier dump to compare with")
    args = parser.parse_args(argv)
    dump = json.loads(json.dumps(run(), ensure_ascii=False))  # tuples as lists, as on disk
    Path(args.out).write_text(json.dumps(dump, ensure_ascii=False, sort_keys=True), "utf-8")
    print(f"{len(dump)} dumps written to {args.out}")
    if args.compare:
        found = list(differences(json.loads(Path(args.compare).read_text("utf-8")), dump))
        for line in found[:30]:
            print(line)
        print(f"{len(found)} differences")
        sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
