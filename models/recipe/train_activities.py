"""Measure a learned activity-type classifier beside the rules (issue 11).

    python models/recipe/train_activities.py            # CV table and learning curve

Training data: real-dev (``corpus/real/dev.jsonl``) and the development reports of the
bundled corpus (dev, dev2, dev3 extraction gold); never held-out, blind or real-test. Every
passage goes through the bundled pipeline (the rules' types are features). Comparison:
grouped 5-fold cross-validation over real-dev's sources (the development reports are on the
training side unless a configuration says otherwise), types per passage scored as
``textmine evaluate extraction`` scores them, and a learning curve over the share of
real-dev's sources. No configuration beat the rules alone by more than 0.004 F1, so no
learned model is part of the product (README, Accuracy); this recipe reproduces the table.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from activity_classifier import ActivityClassifier  # noqa: E402
from textmine.evaluation.extraction import PRF, load_gold, passage_municipality  # noqa: E402

REAL_DEV = ROOT / "corpus" / "real" / "dev.jsonl"
DEV_REPORTS = [ROOT / "corpus" / "gold" / "extraction" / f"{n}.jsonl" for n in ("dev", "dev2", "dev3")]
CONFIGS = {
    "rules only": dict(combine="rules"),
    "model, words only": dict(rule_features=False),
    "model, words + rule types": dict(),
    "model, words + rule types, threshold 0.4": dict(threshold=0.4),
    "model, words + rule types, threshold 0.6": dict(threshold=0.6),
    "model, words + rule types, rule weight 1": dict(rule_weight=1.0),
    "model on real-dev only, words + rule types": dict(reports=False),
    "model on real-dev only, threshold 0.6": dict(reports=False, threshold=0.6),
    "model, words + rule types, C 1": dict(C=1.0),
    "model, words + rule types, C 16": dict(C=16.0),
    "rules + model (union), threshold 0.75": dict(combine="union", threshold=0.75),
    "rules filtered by the model (keep 0.25, add 0.8)": dict(combine="filter", keep=0.25,
                                                              threshold=0.8),
    "rules filtered by the model (keep 0.4, add 0.8)": dict(combine="filter", keep=0.4,
                                                             threshold=0.8),
    "rules filtered, words only (keep 0.3, add 0.9)": dict(combine="filter", keep=0.3,
                                                            threshold=0.9, rule_features=False),
}


def passages(nlp) -> tuple[list, list[set[str]], list[str], np.ndarray]:
    """(docs, gold type sets, groups, is-real-dev mask) of all training passages."""
    from textmine.pipeline.context import make_doc

    lines, groups, real = [], [], []
    for line in load_gold(REAL_DEV):
        lines.append(line)
        groups.append("real:" + line["source_group"])
        real.append(True)
    for path in DEV_REPORTS:
        for line in load_gold(path):
            lines.append(line)
            groups.append(f"{path.stem}:{line.get('report', '')}:{line.get('municipality')}")
            real.append(False)
    docs = list(nlp.pipe((make_doc(nlp, line["text"], passage_municipality(line))
                          for line in lines), batch_size=32))
    labels = [{a["type"] for a in line["activities"]} for line in lines]
    return docs, labels, groups, np.asarray(real)


def score(gold: list[set[str]], pred: list[set[str]]) -> PRF:
    total = PRF()
    for g, p in zip(gold, pred):
        total.score_set(p, g)
    return total


def cross_validate(params: dict, docs, labels, groups, real, folds: int = 5,
                   fraction: float = 1.0, seed: int = 0) -> PRF:
    """Out-of-fold F1 on real-dev; ``fraction`` of the real-dev training sources is used;
    ``params["reports"]`` False leaves the development reports out of training."""
    params = dict(params)
    reports = params.pop("reports", True)
    index = np.flatnonzero(real)
    predicted: dict[int, set[str]] = {}
    rng = np.random.default_rng(seed)
    for train, test in GroupKFold(n_splits=folds).split(index, groups=[groups[i] for i in index]):
        train_real = index[train]
        if fraction < 1.0:
            sources = sorted({groups[i] for i in train_real})
            keep = set(rng.choice(sources, size=max(1, int(len(sources) * fraction)),
                                  replace=False))
            train_real = np.array([i for i in train_real if groups[i] in keep])
        train_all = np.concatenate([train_real, np.flatnonzero(~real)]) if reports else train_real
        model = ActivityClassifier(**params).fit([docs[i] for i in train_all],
                                                 [labels[i] for i in train_all])
        for i, types in zip(index[test], model.predict([docs[i] for i in index[test]])):
            predicted[i] = types
    return score([labels[i] for i in index], [predicted[i] for i in index])


def main() -> int:
    from activity_hits import rules_pipeline

    nlp = rules_pipeline()  # the rules' own types are the baseline and the features
    start = time.perf_counter()
    docs, labels, groups, real = passages(nlp)
    print(f"{len(docs)} passages ({real.sum()} real-dev) in {time.perf_counter() - start:.0f} s",
          file=sys.stderr)
    table = {}
    for name, params in CONFIGS.items():
        result = cross_validate(params, docs, labels, groups, real)
        table[name] = {"params": params, **result.to_dict()}
        print(f"{name:50} P {result.precision:.3f} R {result.recall:.3f} F1 {result.f1:.3f}")
    best = max((n for n in table if n != "rules only"), key=lambda n: table[n]["f1"])
    print(f"best learned configuration: {best}")
    for fraction in (0.25, 0.5, 0.75):
        f1 = np.mean([cross_validate(table[best]["params"], docs, labels, groups, real,
                                     fraction=fraction, seed=s).f1 for s in range(2)])
        print(f"learning curve: {fraction:.2f} of real-dev's training sources -> F1 {f1:.3f}")
    print(f"learning curve: 1.00 of real-dev's training sources -> F1 {table[best]['f1']:.3f}"
          " (the table's own figure)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
