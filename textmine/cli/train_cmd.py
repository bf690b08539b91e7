"""``textmine train themes INPUT... -o MODEL``: a theme classifier from your own labels.

INPUT is heading-structured report text (theme headings give the labels; pass
``--theme-labels`` when the reports use other theme headings) or CSV/JSONL with a
text and a label column. The labels are whatever the data holds. The model is saved
with skops plus a JSON file of metadata; ``textmine extract --themes MODEL`` uses it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from textmine.cli.common import help_and_fail
from textmine.themes import CLASSIFIERS
from textmine.themes.data import add_data_arguments


def register(subparsers) -> None:
    train = subparsers.add_parser("train", help="train a model on your own labelled data",
                                  description="Train a model on your own labelled data.")
    train_sub = train.add_subparsers(dest="what", metavar="WHAT")
    train.set_defaults(func=lambda args: help_and_fail(train))
    parser = train_sub.add_parser(
        "themes", help="theme classifier",
        description="Train the theme classifier on heading-structured reports or on CSV/JSONL "
                    "of text + label, and save it (skops + JSON metadata).")
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="labelled data; 'bundled' for the bundled report (default: "
                             "only it)")
    parser.add_argument("-o", "--output", required=True, metavar="MODEL",
                        help="a folder (model.skops + model.json inside) or a .skops file")
    add_data_arguments(parser)
    parser.add_argument("--classifier", choices=CLASSIFIERS, default="logreg")
    parser.add_argument("--C", type=float, default=10.0, help="inverse regularisation")
    parser.add_argument("--lexicon", metavar="CSV", default=None,
                        help="theme lexicon CSV theme,term (default: the bundled one)")
    parser.add_argument("--no-lexicon", action="store_true", help="no lexicon features")
    parser.add_argument("--cv", type=int, default=5, metavar="FOLDS",
                        help="grouped CV folds for the scores in the metadata (0: skip)")
    parser.add_argument("--language-model", default="light",
                        help="pipeline for lemmas: 'light' (lookup lemmas, default), "
                             "'bundled', or a spaCy package/path")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from textmine.evaluation.themes import doc_maker, load_data
    from textmine.themes import save_model
    from textmine.io import InputError
    from textmine.themes.data import DataError
    from textmine.themes.train import train

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    try:
        data = load_data(args.inputs, args)
    except (DataError, InputError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for warning in data.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if len(set(data.labels)) < 2:
        print("error: need at least two different labels to train", file=sys.stderr)
        return 1
    log(f"{len(data)} labelled passages, {len(set(data.labels))} labels, "
        f"{len(set(data.groups))} groups")
    params = {"classifier": args.classifier, "C": args.C, "lexicon": not args.no_lexicon,
              "lexicon_path": str(Path(args.lexicon).resolve()) if args.lexicon else None}
    model, meta = train(data, params, args.cv, doc_maker(args.language_model),
                        args.language_model, log)
    path = save_model(model, args.output, meta)
    log(f"trained in {meta['training_seconds']:.1f} s; saved {path}")
    return 0

