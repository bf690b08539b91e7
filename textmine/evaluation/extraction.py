"""``textmine evaluate extraction``: precision, recall and F1 of the extractors against gold.

The gold (``corpus/gold/extraction/{dev,dev2,dev3,heldout}.jsonl``, see its README) holds passages
read by hand. Each passage runs through the pipeline with its municipality as context,
and every field the pipeline fills is scored:

- numbers: exact span, overlapping span, and strict (exact span + kind + value), per kind;
- entities: exact and overlapping span with the same label, per label, plus the accuracy
  of municipality linking (the SCB code of each gold MUNICIPALITY mention found);
- activities: the set of activity types per passage, per type;
- outcomes: sentences, matched by character overlap in the passage.

The scoring lives in small pure functions (``prf``, ``match_spans``, ``score_*``) so it
can be tested on hand-made pairs; a field the pipeline does not fill scores as empty, and a
field a gold passage does not annotate (no key) is not scored for that passage, so a gold
file may annotate only some fields. Splits are always reported apart: rules are tuned on
the development splits only, and ``--errors`` (the list of mismatches) is refused for the
held-out and blind parts.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from functools import lru_cache
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from spacy.scorer import PRFScore

# split name -> gold file under corpus/gold (the blind set was written apart from the code;
# dev2 and dev3 hold constructed development reports annotated for activities and outcomes only)
SPLITS = {"dev": "extraction/dev.jsonl", "dev2": "extraction/dev2.jsonl",
          "dev3": "extraction/dev3.jsonl", "heldout": "extraction/heldout.jsonl",
          "blind": "blind/extraction.jsonl"}
TUNABLE = ("dev", "dev2", "dev3")  # the splits whose mismatches may be read
Item = dict[str, Any]


# --------------------------------------------------------------------------- scoring


class PRF(PRFScore):
    """spaCy's ``PRFScore`` (0.0 where a ratio is undefined) with the report's names."""

    def __init__(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        super().__init__(tp=tp, fp=fp, fn=fn)

    @property
    def f1(self) -> float:
        return self.fscore

    def add(self, other: PRFScore) -> None:
        self += other

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def prf(tp: int, fp: int, fn: int) -> PRF:
    """PRF from counts."""
    return PRF(tp, fp, fn)


def overlap(a: Item, b: Item) -> int:
    """Number of characters two spans share."""
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match_spans(gold: Sequence[Item], pred: Sequence[Item], mode: str = "exact",
                same: Callable[[Item, Item], bool] | None = None) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of matching spans.

    ``mode`` "exact": same start and end; "overlap": at least one shared character (the
    largest overlaps pair first). ``same`` adds a condition (same label, same kind...).
    """
    if mode not in ("exact", "overlap"):
        raise ValueError(f"unknown match mode {mode!r}")
    candidates = []
    for g, gi in enumerate(gold):
        for p, pi in enumerate(pred):
            if same is not None and not same(gi, pi):
                continue
            if mode == "exact":
                if gi["start"] == pi["start"] and gi["end"] == pi["end"]:
                    candidates.append((0, g, p))
            else:
                shared = overlap(gi, pi)
                if shared > 0:
                    candidates.append((-shared, g, p))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, g, p in candidates:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def span_prf(gold: Sequence[Item], pred: Sequence[Item], mode: str = "exact",
             same: Callable[[Item, Item], bool] | None = None) -> PRF:
    """PRF of one passage's spans."""
    tp = len(match_spans(gold, pred, mode, same))
    return prf(tp, len(pred) - tp, len(gold) - tp)


def values_equal(a: Any, b: Any) -> bool:
    """Equality of number values: 2 == 2.0, lists and dicts element-wise."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k]) for k in a)
    return a == b


def _by_key(gold: Sequence[Item], pred: Sequence[Item], key: str, mode: str) -> dict[str, PRF]:
    """PRF per value of ``key`` (kind, label): spans matched with the same ``key``."""
    out: dict[str, PRF] = {}
    for value in sorted({str(x.get(key)) for x in list(gold) + list(pred)}):
        g = [x for x in gold if str(x.get(key)) == value]
        p = [x for x in pred if str(x.get(key)) == value]
        out[value] = span_prf(g, p, mode)
    return out


def score_numbers(gold: Sequence[Item], pred: Sequence[Item]) -> dict[str, Any]:
    """Number scores of one passage: strict (span + kind + value), exact, overlap, per kind."""
    strict = span_prf(gold, pred, "exact",
                      lambda g, p: g.get("kind") == p.get("kind") and values_equal(g.get("value"), p.get("value")))
    pairs = match_spans(gold, pred, "exact")
    units = sum(1 for g, p in pairs if gold[g].get("unit") == pred[p].get("unit"))
    approx = sum(1 for g, p in pairs if bool(gold[g].get("approx")) == bool(pred[p].get("approx")))
    return {"strict": strict, "exact": span_prf(gold, pred, "exact"),
            "overlap": span_prf(gold, pred, "overlap"),
            "by_kind": _by_key(gold, pred, "kind", "exact"),
            "unit_agree": (units, len(pairs)), "approx_agree": (approx, len(pairs))}


def score_entities(gold: Sequence[Item], pred: Sequence[Item]) -> dict[str, Any]:
    """Entity scores of one passage: exact and overlap with the same label, per label."""
    same_label = (lambda g, p: g.get("label") == p.get("label"))
    return {"exact": span_prf(gold, pred, "exact", same_label),
            "overlap": span_prf(gold, pred, "overlap", same_label),
            "by_label": _by_key(gold, pred, "label", "exact")}


def score_linking(gold: Sequence[Item], pred: Sequence[Item]) -> tuple[int, int, int]:
    """(correct codes, gold mentions found, gold mentions) for MUNICIPALITY entities."""
    g = [x for x in gold if x.get("label") == "MUNICIPALITY"]
    p = [x for x in pred if x.get("label") == "MUNICIPALITY"]
    pairs = match_spans(g, p, "overlap")
    correct = sum(1 for gi, pi in pairs if g[gi].get("code") == p[pi].get("code"))
    return correct, len(pairs), len(g)


def score_activities(gold: Sequence[Item], pred: Sequence[Item]) -> dict[str, Any]:
    """Activity scores of one passage: the set of types, overall and per type."""
    g = {a["type"] for a in gold}
    p = {a["type"] for a in pred}
    return {"types": prf(len(g & p), len(p - g), len(g - p)),
            "by_type": {t: prf(int(t in g and t in p), int(t in p and t not in g), int(t in g and t not in p))
                        for t in sorted(g | p)}}


def sentence_spans(text: str, sentences: Iterable[str]) -> list[Item]:
    """Locate sentences in ``text`` (whitespace-insensitive); unfound ones get an empty span."""
    spans = []
    for sentence in sentences:
        sentence = sentence.strip()
        start = text.find(sentence) if sentence else -1
        if start < 0:
            words = sentence.split()
            start = text.find(words[0]) if words else -1
            if start >= 0 and " ".join(text[start:].split()).startswith(" ".join(words)):
                spans.append({"start": start, "end": start + len(sentence)})
                continue
            spans.append({"start": 0, "end": 0})
            continue
        spans.append({"start": start, "end": start + len(sentence)})
    return spans


def score_outcomes(text: str, gold: Sequence[str], pred: Sequence[str]) -> PRF:
    """Outcome sentences matched by character overlap in the passage."""
    return span_prf(sentence_spans(text, gold), sentence_spans(text, pred), "overlap")


# --------------------------------------------------------------------------- aggregation


class Totals:
    """Sums of per-passage scores over a split."""

    def __init__(self) -> None:
        self.prf: dict[str, PRF] = defaultdict(PRF)
        self.groups: dict[str, dict[str, PRF]] = defaultdict(lambda: defaultdict(PRF))
        self.ratios: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.linking = [0, 0, 0]
        # real passages whose subject municipality is right: from the text alone, with the
        # page's publisher and address as the document's context, of all
        self.attribution = [0, 0, 0]
        self.passages = 0

    def add(self, gold: Item, pred: Item) -> None:
        self.passages += 1
        if "numbers" in gold:
            self._add_numbers(score_numbers(gold["numbers"], pred["numbers"]))
        if "entities" in gold:
            self._add_entities(gold["entities"], pred["entities"])
        if "activities" in gold:
            activities = score_activities(gold["activities"], pred["activities"])
            self.prf["activities/types"].add(activities["types"])
            for kind, value in activities["by_type"].items():
                self.groups["activities/type"][kind].add(value)
        if "outcomes" in gold:
            self.prf["outcomes/overlap"].add(score_outcomes(gold["text"], gold["outcomes"], pred["outcomes"]))
        if is_real(gold):
            self.attribution[0] += gold_code(gold) == pred.get("municipality")
            self.attribution[1] += gold_code(gold) == pred.get("municipality_with_source")
            self.attribution[2] += 1

    def _add_numbers(self, numbers: dict[str, Any]) -> None:
        for mode in ("strict", "exact", "overlap"):
            self.prf[f"numbers/{mode}"].add(numbers[mode])
        for kind, value in numbers["by_kind"].items():
            self.groups["numbers/kind"][kind].add(value)
        for name in ("unit_agree", "approx_agree"):
            self.ratios[f"numbers/{name}"][0] += numbers[name][0]
            self.ratios[f"numbers/{name}"][1] += numbers[name][1]

    def _add_entities(self, gold: Sequence[Item], pred: Sequence[Item]) -> None:
        entities = score_entities(gold, pred)
        for mode in ("exact", "overlap"):
            self.prf[f"entities/{mode}"].add(entities[mode])
        for label, value in entities["by_label"].items():
            self.groups["entities/label"][label].add(value)
        for k, v in enumerate(score_linking(gold, pred)):
            self.linking[k] += v

    def to_dict(self) -> dict[str, Any]:
        correct, found, total = self.linking
        right, right_source, passages = self.attribution
        attribution = {"municipality_attribution": {
            "accuracy": round(right / passages, 4), "correct": right, "passages": passages,
            "accuracy_with_source": round(right_source / passages, 4),
            "correct_with_source": right_source}} if passages else {}
        return {**attribution,
            "passages": self.passages,
            "fields": {k: v.to_dict() for k, v in sorted(self.prf.items())},
            "groups": {g: {k: v.to_dict() for k, v in sorted(items.items())}
                       for g, items in sorted(self.groups.items())},
            "agreement": {k: {"agree": a, "of": n, "rate": round(a / n, 4) if n else 0.0}
                          for k, (a, n) in sorted(self.ratios.items())},
            "municipality_linking": {
                "accuracy": round(correct / found, 4) if found else 0.0,
                "end_to_end": round(correct / total, 4) if total else 0.0,
                "correct": correct, "found": found, "gold": total},
        }


# --------------------------------------------------------------------------- running


def gold_file(split: str, gold_dir: str | None = None) -> Path:
    """The gold file of a split: in ``gold_dir`` if given, else the bundled corpus."""
    if gold_dir:
        return Path(gold_dir) / f"{split}.jsonl"
    from textmine.corpus import gold_path

    return Path(str(gold_path(SPLITS[split])))


def load_gold(path: Path) -> list[Item]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def is_real(line: Item) -> bool:
    """A passage of real text (``corpus/real``): no heading gives its municipality, which
    textmine must find in the text, as it would in a report without headings."""
    return "url" in line


def gold_code(line: Item) -> str | None:
    """The SCB code of the gold subject municipality of a real passage (None: no single one)."""
    municipality = line.get("municipality")
    return municipality.get("code") if isinstance(municipality, dict) else None


def attribute(text: str, publisher: str, url: str = "") -> tuple[str | None, str | None]:
    """The SCB code of a real passage's subject from its text alone, and with the page's
    publisher and address as well: a passage that names no municipality is about the one
    its page is, and a municipality's own page favours its own (as a paragraph of a whole
    page, see ``Segmenter`` and ``Gazetteer.passage_subject``)."""
    from textmine.municipalities import default_gazetteer

    gazetteer = default_gazetteer()
    mentions = gazetteer.find(text)
    alone = gazetteer.passage_subject(text, None, mentions)
    # as Segmenter reads a page's site name and address: a paragraph that names none takes
    # its page's; on a municipality's own page its own wins a tie or a comparison
    page = f"{publisher} {url}"
    with_page = gazetteer.passage_subject(text, gazetteer.home(page), mentions,
                                          gazetteer.own_site(page))
    return (alone.code if alone else None), (with_page.code if with_page else None)


def passage_municipality(line: Item):
    """The municipality of the section a passage stands in: for a passage of a bundled
    report its gold heading (code, else name); for real text the one textmine attributes."""
    from textmine.municipalities import default_gazetteer

    gazetteer = default_gazetteer()
    if is_real(line):
        return gazetteer.subject(line["text"])
    code = line.get("code")
    if code:
        found = gazetteer.by_code(code)
        if found is not None:
            return found
    for entity in line.get("entities", []):
        if entity.get("label") == "MUNICIPALITY" and entity.get("code") and \
                not entity["text"].lower().startswith("kommunen"):
            candidate = gazetteer.by_code(entity["code"])
            if candidate is not None and candidate.name == line.get("municipality"):
                return candidate
    name = line.get("municipality")
    return gazetteer.lookup(name) if name else None


def _as_dict(item: Any) -> Item:
    if hasattr(item, "to_dict"):
        return item.to_dict()
    if isinstance(item, dict):
        return item
    if hasattr(item, "start_char"):  # a spaCy Span
        return {"text": item.text, "start": item.start_char, "end": item.end_char, "label": item.label_}
    return {"value": item}


def _extension(doc, name: str) -> list:
    from spacy.tokens import Doc

    if not Doc.has_extension(name):
        return []
    return list(doc._.get(name) or [])


def predict(nlp, line: Item) -> Item:
    """Run the pipeline on one gold passage; missing fields come out empty."""
    from textmine.pipeline.context import make_doc

    from textmine.municipalities import default_gazetteer

    attributed: dict[str, str | None] = {}
    if is_real(line):
        code, with_source = attribute(line["text"], line.get("publisher", ""), line.get("url", ""))
        attributed = {"municipality_with_source": with_source}
        municipality = default_gazetteer().by_code(code) if code else None
    else:
        municipality = passage_municipality(line)
    doc = make_doc(nlp, line["text"], municipality)
    for _, component in nlp.pipeline:
        doc = component(doc)
    outcomes = []
    for outcome in _extension(doc, "outcomes"):
        outcomes.append(outcome if isinstance(outcome, str) else getattr(outcome, "text", str(outcome)))
    return {"numbers": [_as_dict(n) for n in _extension(doc, "numbers")],
            "entities": [_as_dict(e) for e in _extension(doc, "entities")],
            "activities": [_as_dict(a) for a in _extension(doc, "activities")],
            "outcomes": outcomes, "municipality": municipality.code if municipality else None,
            **attributed}


def load_pipeline(model: str | None):
    """textmine.load() (or a named pipeline); ``blank`` = rules only, no statistical model."""
    from textmine.pipeline.load import load

    return load(model)


def evaluate(nlp, lines: Sequence[Item], errors: list[str] | None = None) -> Totals:
    totals = Totals()
    for line in lines:
        pred = predict(nlp, line)
        totals.add(line, pred)
        if errors is not None:
            errors.extend(describe_errors(line, pred))
    return totals


def describe_errors(gold: Item, pred: Item) -> list[str]:
    """Readable mismatches of one passage, for the fields its gold annotates (development
    splits only)."""
    out: list[str] = []
    pid = ":".join(str(gold[k]) for k in ("report", "passage_id", "id") if k in gold) or "?"
    code = gold_code(gold)
    if is_real(gold) and (code != pred.get("municipality") or code != pred.get("municipality_with_source")):
        out.append(f"{pid} municipality {pred.get('municipality')}, with the page "
                   f"{pred.get('municipality_with_source')} (gold {code})")
    if "numbers" in gold:
        g_numbers, p_numbers = gold["numbers"], pred["numbers"]
        ok = match_spans(g_numbers, p_numbers, "exact", lambda g, p: g.get("kind") == p.get("kind")
                         and values_equal(g.get("value"), p.get("value")))
        out += _unmatched(pid, "number", ok, g_numbers, p_numbers,
                          lambda n: json.dumps(n, ensure_ascii=False))
    if "entities" in gold:
        g_ent, p_ent = gold["entities"], pred["entities"]
        ok = match_spans(g_ent, p_ent, "exact", lambda g, p: g.get("label") == p.get("label"))
        out += _unmatched(pid, "entity", ok, g_ent, p_ent, lambda e: f"{e.get('label')} {e.get('text')!r}")
    if "activities" in gold:
        g_act = {a["type"] for a in gold["activities"]}
        p_act = {a.get("type"): a.get("evidence") for a in pred["activities"]}
        if g_act != set(p_act):
            spurious = {t: p_act[t] for t in sorted(set(p_act) - g_act)}
            out.append(f"{pid} activities missed {sorted(g_act - set(p_act))} spurious {spurious}")
    if "outcomes" in gold:
        g_out, p_out = list(gold["outcomes"]), list(pred["outcomes"])
        ok = match_spans(sentence_spans(gold["text"], g_out), sentence_spans(gold["text"], p_out),
                         "overlap")
        out += _unmatched(pid, "outcome", ok, g_out, p_out, repr)
    return out


def _unmatched(pid: str, what: str, pairs, gold: Sequence[Item], pred: Sequence[Item],
               show: Callable[[Item], str]) -> list[str]:
    out = [f"{pid} {what} missed   {show(gold[g])}"
           for g in sorted(set(range(len(gold))) - {g for g, _ in pairs})]
    out += [f"{pid} {what} spurious {show(pred[p])}"
            for p in sorted(set(range(len(pred))) - {p for _, p in pairs})]
    return out


# --------------------------------------------------------------------------- output


def format_report(name: str, report: dict[str, Any], seconds: float) -> str:
    lines = [f"== {name}: {report['passages']} passages ({seconds:.1f} s)",
             f"{'field':<34}{'P':>8}{'R':>8}{'F1':>8}{'tp':>7}{'fp':>6}{'fn':>6}"]

    def row(label: str, v: dict[str, Any]) -> None:
        lines.append(f"{label:<34}{v['precision']:>8.3f}{v['recall']:>8.3f}{v['f1']:>8.3f}"
                     f"{v['tp']:>7}{v['fp']:>6}{v['fn']:>6}")

    fields, groups = report["fields"], report["groups"]
    if "numbers/strict" in fields:
        for key, title in (("numbers/strict", "numbers (span+kind+value)"),
                           ("numbers/exact", "numbers (exact span)"), ("numbers/overlap", "numbers (overlap)")):
            row(title, fields[key])
        for kind, v in groups.get("numbers/kind", {}).items():
            row(f"  kind {kind} (exact+kind)", v)
        for key, v in report["agreement"].items():
            lines.append(f"  {key.split('/')[1].replace('_', ' ')} on exact spans: "
                         f"{v['agree']}/{v['of']} = {v['rate']:.3f}")
    if "entities/exact" in fields:
        row("entities (exact span+label)", fields["entities/exact"])
        row("entities (overlap+label)", fields["entities/overlap"])
        for label, v in groups.get("entities/label", {}).items():
            row(f"  label {label} (exact)", v)
        link = report["municipality_linking"]
        lines.append(f"municipality linking accuracy: {link['accuracy']:.3f} ({link['correct']}/"
                     f"{link['found']} gold mentions found; end to end {link['end_to_end']:.3f} "
                     f"of {link['gold']})")
    if "activities/types" in fields:
        row("activities (types per passage)", fields["activities/types"])
        for kind, v in groups.get("activities/type", {}).items():
            row(f"  type {kind}", v)
    if "outcomes/overlap" in fields:
        row("outcomes (sentence overlap)", fields["outcomes/overlap"])
    if "municipality_attribution" in report:
        attribution = report["municipality_attribution"]
        lines.append(f"municipality attribution (subject of the passage, none included): "
                     f"{attribution['accuracy']:.3f} ({attribution['correct']}/"
                     f"{attribution['passages']}); with the page's publisher and address as context "
                     f"{attribution['accuracy_with_source']:.3f}")
    return "\n".join(lines)


def gold_sets(args: argparse.Namespace) -> dict[str, Path]:
    """Name -> gold file: the ``--gold`` files, else the bundled splits."""
    if args.gold:
        return {split_name(Path(path)): Path(path) for path in args.gold}
    splits = list(SPLITS) if args.split == "all" else [args.split]
    return {split: gold_file(split, args.gold_dir) for split in splits}


def split_name(path: Path) -> str:
    """``corpus/real/test.jsonl`` -> ``real-test``; other files by their stem."""
    return f"{path.parent.name}-{path.stem}" if path.parent.name == "real" else path.stem


def tunable(name: str) -> bool:
    """Whether a split's mismatches may be read: development data only, never a test,
    held-out or blind split."""
    return name in TUNABLE or (not any(word in name for word in ("test", "heldout", "blind"))
                               and name not in SPLITS)


def run(args: argparse.Namespace) -> int:
    sets = gold_sets(args)
    if args.errors and not all(tunable(name) for name in sets):
        print(f"--errors lists mismatches on development data only ({', '.join(TUNABLE)}, "
              "real-dev); test, held-out and blind errors must not be read", file=sys.stderr)
        return 2
    try:
        nlp = load_pipeline(args.model)
    except Exception as err:  # a missing model: say how to get one
        print(f"cannot load the pipeline: {err}\n(use --model blank for spacy.blank('sv') "
              "with textmine's extractors)", file=sys.stderr)
        return 1
    results: dict[str, Any] = {"model": args.model or "default", "pipeline": list(nlp.pipe_names)}
    texts = []
    for split, path in sets.items():
        if not path.exists():
            print(f"{path}: no such gold file", file=sys.stderr)
            return 1
        errors: list[str] | None = [] if args.errors else None
        started = time.perf_counter()
        totals = evaluate(nlp, load_gold(path), errors)
        seconds = time.perf_counter() - started
        report = totals.to_dict()
        report["seconds"] = round(seconds, 2)
        results[split] = report
        texts.append(format_report(split, report, seconds))
        if errors:
            texts.append("\n".join(errors))
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(f"pipeline: {', '.join(nlp.pipe_names)}")
        print("\n\n".join(texts))
    return 0


def register(eval_subparsers) -> None:
    parser = eval_subparsers.add_parser(
        "extraction", help="score numbers, entities, activities and outcomes against the gold",
        description="Precision, recall and F1 of textmine's extractors on the hand-read gold "
                    "passages, dev and held-out reported apart.")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all",
                        help="which gold part to score (default: all, reported apart; 'blind' is "
                             "a report written apart from the code)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--model", default=None,
                        help="pipeline: default = textmine.load(); 'blank' = spacy.blank('sv') + "
                             "extractors; or a spaCy package name / folder")
    parser.add_argument("--gold-dir", default=None, help="folder with SPLIT.jsonl gold files (default: the bundled corpus)")
    parser.add_argument("--gold", action="append", metavar="FILE",
                        help="score this gold file instead of the bundled splits (repeatable), "
                             "e.g. corpus/real/test.jsonl; a passage with a 'url' is real text "
                             "whose municipality textmine attributes itself")
    parser.add_argument("--errors", action="store_true",
                        help="list mismatches (development splits only: dev, dev2, dev3)")
    parser.set_defaults(func=run)
