"""The ``textmine`` command line.

Each concern registers its own subcommands: a module listed in ``COMMANDS`` has a
``register(subparsers)`` function, and a module in ``EVALUATORS`` a
``register(evaluate_subparsers)`` for ``textmine evaluate NAME``. Handlers return an
exit code (0 all well, 1 some input failed, 2 usage error).
"""
from __future__ import annotations

import argparse
import importlib
import sys

from textmine import __version__
from textmine.cli.common import help_and_fail

COMMANDS = ["textmine.cli.segment_cmd", "textmine.cli.extract_cmd", "textmine.cli.train_cmd",
            "textmine.cli.tables_cmd", "textmine.cli.report_cmd", "textmine.cli.conllu_cmd"]
EVALUATORS = [
    "textmine.evaluation.ud",
    "textmine.evaluation.ner",
    "textmine.evaluation.extraction",
    "textmine.evaluation.themes",
]


def _register_all(parser: argparse.ArgumentParser) -> None:
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = _import_optional(name)
        if module is not None:
            module.register(subparsers)
    evaluate = subparsers.add_parser(
        "evaluate", help="measure textmine's accuracy on held-out data",
        description="Measure textmine's accuracy on held-out data.")
    eval_sub = evaluate.add_subparsers(dest="evaluation", metavar="WHAT")
    evaluate.set_defaults(func=lambda args: help_and_fail(evaluate))
    for name in EVALUATORS:
        module = _import_optional(name)
        if module is not None:
            module.register(eval_sub)


def _import_optional(name: str):
    """Import a command module; modules not written yet are simply absent."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name == name:
            return None
        raise


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textmine",
        description="Structured data from Swedish public-sector activity reports.")
    parser.add_argument("--version", action="version", version=f"textmine {__version__}")
    _register_all(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
