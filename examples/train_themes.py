"""Train a theme classifier on your own labelled passages, check it, save it, use it.

    python examples/train_themes.py labelled.csv -o my_themes.skops
    python examples/train_themes.py             # without a file: the bundled report's passages

A CSV needs a text column and a label column (here `text` and `label`; `textmine train themes`
takes --text-column/--label-column/--group-column). Then `textmine extract reports/ -o out.jsonl
--themes my_themes.skops` uses the model.
"""
import argparse
import sys

from textmine.themes import ThemeClassifier, load_model, save_model
from textmine.themes.data import Columns, bundled_report, load_labelled
from textmine.themes.validation import grouped_splits, out_of_fold, score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("labelled", nargs="?", help="CSV/JSONL with text,label columns")
    parser.add_argument("-o", "--output", default="my_themes.skops")
    args = parser.parse_args(argv)
    data = (load_labelled([args.labelled], Columns("text", "label")) if args.labelled
            else bundled_report())
    labels = sorted(set(data.labels))
    splits = grouped_splits(data.labels_array(), data.groups, folds=5, seed=0)
    cv = score(data.labels, out_of_fold(ThemeClassifier, data.texts, data.labels_array(),
                                        splits, labels), labels)
    print(f"{len(data)} passages, {len(labels)} themes; grouped 5-fold CV macro-F1 "
          f"{cv.macro_f1:.3f}, accuracy {cv.accuracy:.3f}")
    path = save_model(ThemeClassifier().fit(data.texts, data.labels), args.output)
    model = load_model(path)
    text = "Kommunen har öppnat en fritidsgård och anställt två fältassistenter."
    print(f"saved {path}; '{text}' -> {model.predict([text])[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
