"""``textmine evaluate themes``: how well the theme classifier does on unseen reports.

The honest estimate is grouped cross-validation with the municipality as the group:
a municipality's passages are never on both sides, as with a new report. Repeated
stratified CV (passages shuffled freely) is shown for comparison: the gap between
the two is what the classifier learns about municipalities rather than themes.
Baselines (majority class, keyword lexicon alone) are scored the same way, in the
same table. ``--compare`` adds the candidate classifiers, ``--nested`` the score of
choosing among them by inner grouped CV (never looking at the outer test fold).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.metrics import f1_score

from textmine.io import InputError
from textmine.themes import CLASSIFIERS, ThemeClassifier
from textmine.themes.data import Columns, DataError, LabelledData, add_data_arguments, \
    bundled_report, load_labelled
from textmine.themes.features import as_docs, load_lexicon
from textmine.themes.validation import (LexiconBaseline, Scores, aligned_proba, grouped_splits,
                                        out_of_fold, score, stratified_splits)

PLOT_NAMES = {"confusion": "themes_confusion.png", "learning_curve": "themes_learning_curve.png",
              "calibration": "themes_calibration.png"}


# --- candidates and baselines -------------------------------------------------------

def candidates(classifier: str = "logreg") -> dict[str, Callable[[], Any]]:
    """The classifiers compared (``--compare``); the first, "default", is ThemeClassifier
    with the given classifier on lemmas + compound parts + chars + lexicon."""
    from textmine.themes.textcat import SpacyTextcatClassifier

    return {
        "default": lambda: ThemeClassifier(classifier=classifier),
        "tfidf+logreg": lambda: ThemeClassifier(classifier="logreg", char_ngrams=None,
                                                lexicon=False, split_compounds=False),
        "tfidf+chars+lexicon+svm": lambda: ThemeClassifier(classifier="svm"),
        "tfidf+chars+lexicon+cnb": lambda: ThemeClassifier(classifier="cnb"),
        "spacy-textcat-bow": lambda: SpacyTextcatClassifier(epochs=10),
    }


def ablations() -> dict[str, Callable[[], Any]]:
    """The default classifier with one feature group removed (``--ablation``)."""
    return {
        "default -compounds": lambda: ThemeClassifier(split_compounds=False),
        "default -chars": lambda: ThemeClassifier(char_ngrams=None),
        "default -lexicon": lambda: ThemeClassifier(lexicon=False),
        "default +sigmoid calibration": lambda: ThemeClassifier(calibration="sigmoid"),
    }


def baselines(lexicon_ok: bool) -> dict[str, Callable[[], Any]]:
    found = {"majority": lambda: DummyClassifier(strategy="prior")}
    if lexicon_ok:
        found["lexicon"] = LexiconBaseline
    return found


# --- scoring ------------------------------------------------------------------------

@dataclass
class Row:
    """One line of the result table: a method under one CV scheme, over repeats."""

    method: str
    scheme: str
    runs: list[Scores]
    seconds: float

    def mean(self, metric: str) -> float:
        return float(np.mean([getattr(s, metric) for s in self.runs]))

    def sd(self, metric: str) -> float:
        return float(np.std([getattr(s, metric) for s in self.runs]))

    def to_dict(self) -> dict[str, Any]:
        metrics = ("accuracy", "macro_f1", "brier", "log_loss", "top2_accuracy",
                   "accuracy_secondary", "macro_f1_secondary")
        return {"method": self.method, "scheme": self.scheme, "repeats": len(self.runs),
                "seconds": round(self.seconds, 2),
                **{m: round(self.mean(m), 4) for m in metrics},
                **{f"{m}_sd": round(self.sd(m), 4) for m in metrics},
                "per_theme": self.runs[0].per_theme, "confusion": self.runs[0].confusion}


def evaluate_cv(methods: dict[str, Callable[[], Any]], X: list, y: np.ndarray,
                groups: Sequence[str], folds: int, repeats: int, schemes: Sequence[str],
                log=None, secondary: Sequence[str | None] | None = None) -> list[Row]:
    """Every method under grouped (and stratified) CV, ``repeats`` shuffles each."""
    classes = sorted(set(y))
    rows = []
    for scheme in schemes:
        for name, make in methods.items():
            start, runs = time.perf_counter(), []
            for seed in range(repeats):
                splits = (grouped_splits(y, groups, folds, seed) if scheme == "grouped"
                          else stratified_splits(y, folds, seed))
                runs.append(score(y, out_of_fold(make, X, y, splits, classes), classes,
                                  secondary))
            rows.append(Row(name, scheme, runs, time.perf_counter() - start))
            if log:
                log(f"{scheme:10} {name:28} macro-F1 {rows[-1].mean('macro_f1'):.3f}")
    return rows


def nested_selection(methods: dict[str, Callable[[], Any]], X: list, y: np.ndarray,
                     groups: Sequence[str], folds: int, repeats: int) -> tuple[Row, list[str]]:
    """Grouped CV of "pick the method with the best inner grouped-CV macro-F1, refit".

    The outer test fold is never used to choose: this is the honest score of the
    selection itself, not of the winner after the fact.
    """
    classes = sorted(set(y))
    groups = np.asarray(groups, dtype=object)
    start, runs, chosen = time.perf_counter(), [], []
    for seed in range(repeats):
        proba = np.zeros((len(y), len(classes)))
        for train, test in grouped_splits(y, list(groups), folds, seed):
            Xt, yt, gt = [X[i] for i in train], y[train], list(groups[train])
            inner = grouped_splits(yt, gt, folds - 1, seed)
            best = max(methods, key=lambda name: score(
                yt, out_of_fold(methods[name], Xt, yt, inner, sorted(set(yt))),
                sorted(set(yt))).macro_f1)
            chosen.append(best)
            model = methods[best]().fit(Xt, yt)
            proba[test] = aligned_proba(model, [X[i] for i in test], classes)
        runs.append(score(y, proba, classes))
    return Row("selected by inner CV", "nested", runs, time.perf_counter() - start), chosen


def learning_curve(make: Callable[[], Any], X: list, y: np.ndarray, groups: Sequence[str],
                   folds: int, repeats: int,
                   fractions=(0.15, 0.25, 0.4, 0.55, 0.7, 0.85, 1.0)) -> list[dict[str, float]]:
    """Grouped-CV macro-F1 when training on a random share of each training fold."""
    classes = sorted(set(y))
    points: dict[float, list[tuple[int, float]]] = {f: [] for f in fractions}
    for seed in range(repeats):
        rng = np.random.default_rng(seed)
        for train, test in grouped_splits(y, groups, folds, seed):
            for fraction in fractions:
                subset = _stratified_subset(train, y, fraction, rng)
                model = make().fit([X[i] for i in subset], y[subset])
                proba = aligned_proba(model, [X[i] for i in test], classes)
                predicted = np.asarray(classes, dtype=object)[np.argmax(proba, axis=1)]
                points[fraction].append((len(subset), float(
                    f1_score(y[test], predicted, labels=classes, average="macro",
                             zero_division=0))))
    return [{"fraction": f, "train_passages": float(np.mean([n for n, _ in pts])),
             "macro_f1": float(np.mean([s for _, s in pts])),
             "macro_f1_sd": float(np.std([s for _, s in pts]))} for f, pts in points.items()]


def _stratified_subset(indices: np.ndarray, y: np.ndarray, fraction: float, rng) -> np.ndarray:
    """A random share of ``indices`` keeping at least two items of every class."""
    chosen = []
    for label in np.unique(y[indices]):
        members = indices[y[indices] == label]
        k = min(len(members), max(2, int(round(fraction * len(members)))))
        chosen.extend(rng.choice(members, size=k, replace=False))
    return np.sort(np.asarray(chosen))


def train_test(methods: dict[str, Callable[[], Any]], train: LabelledData, test: LabelledData,
               docs_train: list, docs_test: list) -> list[Row]:
    """Train on one labelled set, score on another (labels unseen in training count as errors)."""
    classes = sorted(set(train.labels) | set(test.labels))
    rows = []
    for name, make in methods.items():
        start = time.perf_counter()
        model = make().fit(docs_train, train.labels_array())
        proba = aligned_proba(model, docs_test, classes)
        rows.append(Row(name, "train/test", [score(test.labels, proba, classes, test.secondary)],
                        time.perf_counter() - start))
    return rows


# --- output ------------------------------------------------------------------------

def format_table(rows: list[Row]) -> str:
    """One line per method; the last two columns accept a passage's secondary theme."""
    lines = [f"{'scheme':10} {'method':28} {'accuracy':>14} {'macro-F1':>14} {'Brier':>7} "
             f"{'log loss':>8} {'top-2':>6} {'acc 2nd':>7} {'F1 2nd':>7} {'time s':>7}"]
    for row in rows:
        lines.append(f"{row.scheme:10} {row.method:28} "
                     f"{row.mean('accuracy'):6.3f} ± {row.sd('accuracy'):5.3f} "
                     f"{row.mean('macro_f1'):6.3f} ± {row.sd('macro_f1'):5.3f} "
                     f"{row.mean('brier'):7.3f} {row.mean('log_loss'):8.3f} "
                     f"{row.mean('top2_accuracy'):6.3f} {row.mean('accuracy_secondary'):7.3f} "
                     f"{row.mean('macro_f1_secondary'):7.3f} {row.seconds:7.1f}")
    return "\n".join(lines)


def format_per_theme(row: Row) -> str:
    scores = row.runs[0]
    classes = list(scores.per_theme)
    width = max(len(c) for c in classes)
    lines = [f"{'theme':{width}} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}"]
    for c, s in scores.per_theme.items():
        lines.append(f"{c:{width}} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                     f"{s['support']:4d}")
    lines.append("")
    lines.append("confusion (rows gold, columns predicted; order as above):")
    for c, counts in zip(classes, scores.confusion):
        lines.append(f"{c:{width}} " + " ".join(f"{n:4d}" for n in counts))
    return "\n".join(lines)


def write_plots(directory: Path, best: Row, curves: dict[str, list[dict]] | None,
                baseline_f1: dict[str, float], calibration: tuple | None) -> list[str]:
    """PNG plots (needs matplotlib, the ``plots`` extra); returns notes for the user."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return ["matplotlib is not installed (pip install 'textmine[plots]'): no PNG written"]
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    scores = best.runs[0]
    classes = list(scores.per_theme)
    fig, ax = plt.subplots(figsize=(5.6, 4.6), dpi=90)
    matrix = np.asarray(scores.confusion)
    ax.imshow(matrix, cmap="Blues")
    for (i, j), n in np.ndenumerate(matrix):
        ax.text(j, i, str(n), ha="center", va="center",
                color="white" if n > matrix.max() / 2 else "black")
    ax.set_xticks(range(len(classes)), classes, rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(len(classes)), classes, fontsize=8)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(f"{best.method}, {best.scheme} CV", fontsize=9)
    fig.tight_layout()
    fig.savefig(directory / PLOT_NAMES["confusion"])
    plt.close(fig)
    written.append(str(directory / PLOT_NAMES["confusion"]))
    if curves:
        fig, ax = plt.subplots(figsize=(5.6, 3.8), dpi=90)
        for (name, curve), marker in zip(curves.items(), "os^"):
            n = [p["train_passages"] for p in curve]
            f1 = np.array([p["macro_f1"] for p in curve])
            sd = np.array([p["macro_f1_sd"] for p in curve])
            ax.plot(n, f1, marker=marker, label=name)
            ax.fill_between(n, f1 - sd, f1 + sd, alpha=0.15)
        for (name, value), style in zip(baseline_f1.items(), (":", "--")):
            ax.axhline(value, linestyle=style, color="grey", label=f"{name} baseline")
        ax.set_xlabel("training passages")
        ax.set_ylabel("macro-F1 (grouped CV)")
        ax.set_ylim(0, 1)
        ax.legend(fontsize=8, loc="lower right")
        fig.tight_layout()
        fig.savefig(directory / PLOT_NAMES["learning_curve"])
        plt.close(fig)
        written.append(str(directory / PLOT_NAMES["learning_curve"]))
    if calibration is not None:
        confidence, correct = calibration
        bins = np.linspace(0, 1, 6)
        index = np.clip(np.digitize(confidence, bins) - 1, 0, len(bins) - 2)
        xs, ys = [], []
        for b in range(len(bins) - 1):
            mask = index == b
            if mask.any():
                xs.append(confidence[mask].mean())
                ys.append(correct[mask].mean())
        fig, ax = plt.subplots(figsize=(4.2, 4.0), dpi=90)
        ax.plot([0, 1], [0, 1], ":", color="grey")
        ax.plot(xs, ys, marker="o")
        ax.set_xlabel("score of the predicted theme")
        ax.set_ylabel("share correct")
        ax.set_title("calibration (grouped CV)", fontsize=9)
        fig.tight_layout()
        fig.savefig(directory / PLOT_NAMES["calibration"])
        plt.close(fig)
        written.append(str(directory / PLOT_NAMES["calibration"]))
    return written


# --- the command ---------------------------------------------------------------------

def register(eval_subparsers) -> None:
    parser = eval_subparsers.add_parser(
        "themes", help="theme classifier: grouped CV, baselines, learning curve",
        description="Cross-validate the theme classifier (grouped by municipality, and "
                    "repeated stratified for comparison) against majority and lexicon "
                    "baselines, or train on one labelled set and test on another.")
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="labelled data: heading-structured reports or CSV/JSONL; "
                             "'bundled' for the bundled report (default: only it)")
    parser.add_argument("--test", nargs="+", metavar="INPUT",
                        help="score on these instead of cross-validating (train on INPUT)")
    add_data_arguments(parser)
    parser.add_argument("--classifier", choices=CLASSIFIERS, default="logreg",
                        help="the classifier of the 'default' row (the shipped model uses cnb, "
                             "see models/themes/README.md)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3,
                        help="CV repeats with different shuffles (default 3)")
    parser.add_argument("--compare", action="store_true",
                        help="also score the candidate classifiers (incl. spaCy textcat)")
    parser.add_argument("--ablation", action="store_true",
                        help="also score the default without each feature group")
    parser.add_argument("--nested", action="store_true",
                        help="score choosing among the scikit-learn candidates by inner CV")
    parser.add_argument("--learning-curve", action="store_true",
                        help="macro-F1 against the number of training passages")
    parser.add_argument("--plots", metavar="DIR",
                        help="write PNG plots (confusion, learning curve, calibration) here")
    parser.add_argument("--language-model", default=None,
                        help="language pipeline for lemmas: 'light' (default, lookup lemmas), "
                             "'bundled', or a spaCy package/path")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        data = load_data(args.inputs, args)
        test = load_data(args.test, args) if args.test else None
    except (DataError, InputError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for warning in data.warnings + (test.warnings if test else []):
        print(f"warning: {warning}", file=sys.stderr)
    problem = too_small(data, cross_validate=test is None)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    if test is not None:
        unseen = sorted(set(test.labels) - set(data.labels))
        if unseen:
            print(f"warning: --test labels not in the training data (every such passage "
                  f"counts as an error): {', '.join(unseen)}", file=sys.stderr)
    try:
        return _evaluate(args, data, test)
    except ValueError as err:  # scikit-learn's word on data it cannot split or fit
        print(f"error: cannot evaluate on this data ({err})", file=sys.stderr)
        return 1


def too_small(data: LabelledData, cross_validate: bool = True) -> str | None:
    """Why ``data`` is too small to train on (or to cross-validate), or None."""
    counts = Counter(data.labels)
    if len(counts) < 2:
        only = ", ".join(f"{label!r} ({n} passages)" for label, n in counts.items())
        return (f"need at least two different labels to train a theme classifier; the data "
                f"has only {only or 'none'}")
    if not cross_validate:
        return None
    rare = sorted(label for label, n in counts.items() if n < 2)
    if rare:
        return (f"cross-validation needs at least 2 passages of every label; "
                f"{', '.join(map(repr, rare))} {'has' if len(rare) == 1 else 'have'} only one "
                f"({len(data)} passages in all). Add passages, or train on these and score on "
                "others with --test")
    if len(set(data.groups)) < 2:
        return ("grouped cross-validation needs passages from at least 2 groups "
                "(municipalities or --group-column values)")
    return None


def _evaluate(args: argparse.Namespace, data: LabelledData, test: LabelledData | None) -> int:
    log = (lambda msg: print(msg, file=sys.stderr))
    to_docs = doc_maker(args.language_model)
    docs = to_docs(data.texts)
    y = data.labels_array()
    lexicon_ok = set(y) <= set(load_lexicon())
    methods = dict(baselines(lexicon_ok))
    all_candidates = candidates(args.classifier)
    methods.update(all_candidates if args.compare else {"default": all_candidates["default"]})
    if args.ablation:
        methods.update(ablations())
    result: dict[str, Any] = {"passages": len(y), "groups": len(set(data.groups)),
                              "labels": sorted(set(y))}
    notes = [] if lexicon_ok else ["lexicon baseline skipped: the labels are not the lexicon's"]
    if test is not None:
        rows = train_test(methods, data, test, docs, to_docs(test.texts))
    else:
        rows = evaluate_cv(methods, docs, y, data.groups, args.folds, args.repeats,
                           ("grouped", "stratified"), log, data.secondary)
        if args.nested:
            sklearn_only = {k: v for k, v in all_candidates.items() if "textcat" not in k}
            row, chosen = nested_selection(sklearn_only, docs, y, data.groups, args.folds,
                                           args.repeats)
            rows.append(row)
            result["nested_choices"] = chosen
    result["rows"] = [row.to_dict() for row in rows]
    main = next(r for r in rows if r.method == "default")
    curves: dict[str, list[dict]] = {}
    if args.learning_curve and test is None:
        curves["classifier"] = learning_curve(all_candidates["default"], docs, y, data.groups,
                                              args.folds, args.repeats)
        result["learning_curve"] = curves["classifier"]
        if lexicon_ok:  # how many labelled passages the lexicon is worth
            curves["classifier without lexicon"] = learning_curve(
                ablations()["default -lexicon"], docs, y, data.groups, args.folds, args.repeats)
            result["learning_curve_no_lexicon"] = curves["classifier without lexicon"]
    if args.plots:
        baseline_f1 = {r.method: r.mean("macro_f1") for r in rows
                       if r.method in ("majority", "lexicon") and r.scheme == main.scheme}
        calibration = None if test is not None else _calibration_points(docs, y, data.groups,
                                                                         args.folds,
                                                                         args.classifier)
        written = write_plots(Path(args.plots), main, curves, baseline_f1, calibration)
        notes += [w for w in written if not w.endswith(".png")]
        result["plots"] = [w for w in written if w.endswith(".png")]
    result["notes"] = notes
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print_text(result, rows, main, curves, notes)
    return 0


def _calibration_points(docs, y, groups, folds: int,
                        classifier: str) -> tuple[np.ndarray, np.ndarray]:
    classes = sorted(set(y))
    proba = out_of_fold(candidates(classifier)["default"], docs, y,
                        grouped_splits(y, groups, folds, 0), classes)
    predicted = np.asarray(classes, dtype=object)[np.argmax(proba, axis=1)]
    return proba.max(axis=1), (predicted == y).astype(float)


def _print_text(result, rows, main, curves, notes) -> None:
    print(f"{result['passages']} passages, {result['groups']} groups, "
          f"{len(result['labels'])} themes")
    print()
    print(format_table(rows))
    print()
    print(f"default classifier, {main.scheme} (first repeat):")
    print(format_per_theme(main))
    if "nested_choices" in result:
        print()
        print("nested CV chose: " + ", ".join(result["nested_choices"]))
    for name, curve in curves.items():
        print()
        print(f"learning curve, {name} (grouped CV): training passages -> macro-F1")
        for point in curve:
            print(f"  {point['train_passages']:6.1f}  {point['macro_f1']:.3f} ± "
                  f"{point['macro_f1_sd']:.3f}")
    for path in result.get("plots", []):
        print(f"plot: {path}")
    for note in notes:
        print(f"note: {note}")


def load_data(inputs: list[str] | None, args) -> LabelledData:
    """Labelled passages from the inputs ('bundled' = the bundled report; none = only it)."""
    if not inputs:
        return bundled_report()
    from textmine.segment import load_themes

    data = LabelledData()
    if "bundled" in inputs:
        data.extend(bundled_report())
    files = [i for i in inputs if i != "bundled"]
    if files:
        themes = load_themes(args.theme_labels) if args.theme_labels else None
        columns = Columns(args.text_column, args.label_column, args.group_column,
                          getattr(args, "secondary_column", None))
        data.extend(load_labelled(files, columns, themes))
    return data.without(getattr(args, "ignore_label", []))


def doc_maker(name: str | None) -> Callable[[list[str]], list]:
    """Texts -> Docs once, so CV does not re-tokenise per fold."""
    if name in (None, "light"):
        return as_docs
    from textmine.pipeline.load import load_base

    nlp = load_base(None if name == "bundled" else name)
    return lambda texts: list(nlp.pipe(texts))
