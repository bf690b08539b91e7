"""``textmine conllu PATH... -o OUT.conllu``: the linguistic layer of every passage."""
from __future__ import annotations

import argparse
import sys

from textmine.cli.common import ErrorLog, add_record_inputs, output_refused
from textmine.io import atomic_write, is_stdout
from textmine.tables import load_records


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "conllu", help="write the linguistic layer of the passages as CoNLL-U",
        description="Parse every passage and write CoNLL-U: tokens, lemmas, UPOS, XPOS, "
                    "features, dependencies, and textmine's entities as Entity=B-/I-LABEL "
                    "in MISC. Input: report files or folders, or .jsonl/.json records.")
    add_record_inputs(parser)
    parser.add_argument("-o", "--output", default="-",
                        help="the CoNLL-U file (default: standard output)")
    parser.add_argument("--model", default=None,
                        help="language pipeline (default: the bundled model)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from textmine.conllu import iter_conllu

    if output_refused(args.output, args.paths):
        return 2
    errors = ErrorLog()
    records = load_records(args.paths, on_error=errors, extract=False)
    nlp = None
    if args.model:
        from textmine.pipeline.load import load

        nlp = load(args.model)
    if is_stdout(args.output):
        sys.stdout.writelines(iter_conllu(records, nlp))
    else:
        with atomic_write(args.output, newline=None) as out:  # whole, or not at all
            out.writelines(iter_conllu(records, nlp))
    print(f"{len(records)} passages -> {args.output}", file=sys.stderr)
    return errors.exit_code
