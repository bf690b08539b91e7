"""Measure (and, when grouped CV supports it, build) the activity hit filter (issue 11).

    python models/recipe/train_activity_filter.py            # CV table + learning curve
    python models/recipe/train_activity_filter.py --save     # also fit on all and save

Every rule hit (passage, type, trigger sentence) of the training passages
(``activity_hits``: real-dev, dev-b, dev-c and the bundled dev, dev2, dev3 reports) is a row; it
is correct when the passage's gold has its type. Grouped 5-fold CV over the real
development text's ``source_group`` (real-dev, dev-b and dev-c): the weight of the bundled reports' hits (0: left out), C and the
threshold are chosen inside each training part by an inner grouped 3-fold CV, so the outer
folds score a procedure that never saw them. The rules alone are scored on the same folds.
F1 is over types per passage, as ``textmine evaluate extraction`` counts it. Each bundled
report set is also scored by a filter trained without it (``report_check``): the reports'
wording differs from real text, and the filter must be judged on them too.

Result (README, Activities): the filter beats the rules on real-dev's folds but costs the
bundled reports, so the component ships it switched off (``hit_filter`` config), for
text unlike the bundled reports.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from activity_hits import ROOT, Passage, load_passages, rules_pipeline  # noqa: E402
from textmine.components.activities.hit_filter import (HitFilter, hit_features,  # noqa: E402
                                                       save_filter)
from textmine.persistence import MODEL_FILE  # noqa: E402
from textmine.evaluation.extraction import PRF  # noqa: E402

GRID = {"report_weight": (0.0, 0.1, 0.3),  # the bundled reports' hits beside real-dev's
        "C": (0.1, 0.3, 1.0), "threshold": (0.2, 0.3, 0.4, 0.5)}
Config = tuple[float, float, float]  # (report_weight, C, threshold)
OUT = ROOT / "models" / "activities"


class Hits:
    """Rows of every passage: features, label, passage index."""

    def __init__(self, passages: list[Passage], recognizer) -> None:
        self.rows, self.labels, self.owner, self.types, real = [], [], [], [], []
        for i, p in enumerate(passages):
            candidates, _ = recognizer.candidates(p.doc)
            self.rows += hit_features(p.doc, candidates, recognizer.patterns)
            self.labels += [int(c.hit.type in p.gold) for c in candidates]
            self.owner += [i] * len(candidates)
            self.types += [c.hit.type for c in candidates]
            real += [p.real] * len(candidates)
        self.labels, self.owner = np.asarray(self.labels), np.asarray(self.owner)
        self.real = np.asarray(real, dtype=bool)

    def weights(self, rows: np.ndarray, report_weight: float) -> np.ndarray:
        """Sample weights: 1 for a real-dev hit, ``report_weight`` for a bundled report's."""
        return np.where(self.real[rows], 1.0, report_weight)

    def of(self, passages: np.ndarray) -> np.ndarray:
        return np.flatnonzero(np.isin(self.owner, passages))


def predicted_types(hits: Hits, rows: np.ndarray, keep: np.ndarray) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for r, k in zip(rows, keep):
        found.setdefault(int(hits.owner[r]), set())
        if k:
            found[int(hits.owner[r])].add(hits.types[r])
    return found


def score(passages: list[Passage], test: np.ndarray, found: dict[int, set[str]]) -> PRF:
    total = PRF()
    for i in test:
        total.score_set(found.get(int(i), set()), passages[i].gold)
    return total


def fit(hits: Hits, train: np.ndarray, config: Config) -> HitFilter:
    """A filter fitted on the hits of the ``train`` passages (reports weighted or left out)."""
    weight, C, threshold = config
    rows = hits.of(train)
    rows = rows[hits.weights(rows, weight) > 0]
    return HitFilter(C=C, threshold=threshold).fit(
        [hits.rows[r] for r in rows], hits.labels[rows], hits.weights(rows, weight))


def fit_predict(hits: Hits, train: np.ndarray, test: np.ndarray,
                config: Config) -> dict[int, set[str]]:
    model = fit(hits, train, config)
    test_rows = hits.of(test)
    return predicted_types(hits, test_rows, model.predict([hits.rows[r] for r in test_rows]))


def rules_alone(passages: list[Passage], hits: Hits, test: np.ndarray) -> PRF:
    rows = hits.of(test)
    return score(passages, test, predicted_types(hits, rows, np.ones(len(rows))))


def choose(passages, hits, real_train: np.ndarray, reports: np.ndarray,
           groups: list[str]) -> Config:
    """The configuration with the best inner grouped-CV F1 on the training part."""
    best, best_f1 = None, -1.0
    splits = list(GroupKFold(n_splits=3).split(real_train,
                                               groups=[groups[i] for i in real_train]))
    for config in itertools.product(*GRID.values()):
        total = PRF()
        for tr, te in splits:
            found = fit_predict(hits, np.concatenate([real_train[tr], reports]),
                                real_train[te], config)
            total.add(score(passages, real_train[te], found))
        if total.f1 > best_f1:
            best, best_f1 = config, total.f1
    return best


def cross_validate(passages, hits, fraction: float = 1.0, seed: int = 0,
                   folds: int = 5) -> dict:
    """Grouped CV over real-dev's sources, ``fraction`` of each training part's sources."""
    real = np.flatnonzero([p.real for p in passages])
    reports = np.flatnonzero([not p.real for p in passages])
    groups = [p.group for p in passages]
    rng = np.random.default_rng(seed)
    result = {"filter_folds": [], "rules_folds": [], "chosen": []}
    model_total, rules_total = PRF(), PRF()
    for train, test in GroupKFold(n_splits=folds).split(real, groups=[groups[i] for i in real]):
        train_real, test_real = real[train], real[test]
        if fraction < 1.0:
            sources = sorted({groups[i] for i in train_real})
            keep = set(rng.choice(sources, size=max(3, int(len(sources) * fraction)),
                                  replace=False))
            train_real = np.array([i for i in train_real if groups[i] in keep])
        config = choose(passages, hits, train_real, reports, groups)
        fold = score(passages, test_real,
                     fit_predict(hits, np.concatenate([train_real, reports]), test_real, config))
        rules = rules_alone(passages, hits, test_real)
        result["filter_folds"].append(round(fold.f1, 4))
        result["rules_folds"].append(round(rules.f1, 4))
        result["chosen"].append(config)
        model_total.add(fold)
        rules_total.add(rules)
    result.update(filter=model_total.to_dict(), rules=rules_total.to_dict())
    return result


def report_check(passages, hits) -> dict[str, tuple[float, float]]:
    """Each bundled development report set (dev, dev2, dev3) scored by a filter trained
    without it (all of real-dev and the other two sets; the configuration by grouped CV on
    real-dev): (rules F1, filter F1) per set."""
    real = np.flatnonzero([p.real for p in passages])
    reports = np.flatnonzero([not p.real for p in passages])
    groups = [p.group for p in passages]
    found = {}
    for split in ("dev", "dev2", "dev3"):
        held = np.flatnonzero([g.startswith(split + ":") for g in groups])
        others = np.setdiff1d(reports, held)
        config = choose(passages, hits, real, others, groups)
        kept = fit_predict(hits, np.concatenate([real, others]), held, config)
        found[split] = (round(rules_alone(passages, hits, held).f1, 4),
                        round(score(passages, held, kept).f1, 4), config)
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--save", action="store_true",
                        help="fit on all and save the model (models/activities)")
    parser.add_argument("--curve-seeds", type=int, default=1,
                        help="seeds per learning-curve point (0: no curve)")
    parser.add_argument("--json", help="write the table to this file")
    args = parser.parse_args()
    nlp = rules_pipeline()
    recognizer = nlp.get_pipe("textmine_activities").rules
    start = time.perf_counter()
    passages = load_passages(nlp)
    hits = Hits(passages, recognizer)
    print(f"{len(passages)} passages, {len(hits.rows)} hits "
          f"({time.perf_counter() - start:.0f} s)", flush=True)
    cv = cross_validate(passages, hits)
    print(f"grouped 5-fold CV on real text, F1 per fold: filter {cv['filter_folds']} "
          f"(mean {np.mean(cv['filter_folds']):.3f}); rules alone {cv['rules_folds']} "
          f"(mean {np.mean(cv['rules_folds']):.3f})\n  pooled: filter {cv['filter']}\n"
          f"          rules  {cv['rules']}\n  chosen (report weight, C, threshold): "
          f"{cv['chosen']}", flush=True)
    table = {"cv": cv, "curve": {}}
    for fraction in (0.25, 0.5, 0.75) if args.curve_seeds else ():
        means = [float(np.mean(cross_validate(passages, hits, fraction, seed)["filter_folds"]))
                 for seed in range(args.curve_seeds)]
        table["curve"][fraction] = means
        print(f"learning curve {fraction:.2f} of each fold's real training sources: "
              f"mean fold F1 {np.mean(means):.3f}", flush=True)
    print(f"learning curve 1.00: {np.mean(cv['filter_folds']):.3f}")
    table["reports"] = report_check(passages, hits)
    print("bundled report sets, each left out of training: (rules F1, filter F1, config) "
          f"{table['reports']}")
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1))
    if args.save:
        save(passages, hits, table)
    return 0


def save(passages: list[Passage], hits: Hits, table: dict) -> None:
    """Fit on every training hit (the configuration by grouped CV over all of real-dev, as
    inside the folds) and save the model where the component finds it."""
    import hashlib

    real = np.flatnonzero([p.real for p in passages])
    reports = np.flatnonzero([not p.real for p in passages])
    config = choose(passages, hits, real, reports, [p.group for p in passages])
    train = np.concatenate([real, reports]) if config[0] > 0 else real
    model = fit(hits, train, config)
    digest = hashlib.sha256("\n".join(passages[i].line["text"] for i in train
                                      ).encode("utf-8")).hexdigest()
    cv = table["cv"]
    path = save_filter(model, OUT / MODEL_FILE, {
        "trained_on": "every rule hit of corpus/real/dev.jsonl, dev-b.jsonl and dev-c.jsonl"
                      + (f" and of the dev, dev2, dev3 extraction gold (weight {config[0]})"
                         if config[0] > 0 else ""),
        "data": "sha256:" + digest, "passages": int(len(train)),
        "hits": int(len(hits.of(train))), "report_weight": config[0],
        "recipe": "models/recipe/train_activity_filter.py --save",
        "grouped_cv": {"folds": 5, "group": "source_group",
                       "filter_folds": cv["filter_folds"], "rules_folds": cv["rules_folds"],
                       "filter_mean_fold_f1": round(float(np.mean(cv["filter_folds"])), 4),
                       "rules_mean_fold_f1": round(float(np.mean(cv["rules_folds"])), 4),
                       "learning_curve": table["curve"]},
        "bundled_reports_left_out": {k: {"rules_f1": v[0], "filter_f1": v[1]}
                                     for k, v in table["reports"].items()}})
    print(f"saved {path} (report weight, C, threshold: {config})")


if __name__ == "__main__":
    sys.exit(main())
