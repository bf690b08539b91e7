"""What several commands share: collecting per-file errors, checking an output file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterable


def help_and_fail(parser: argparse.ArgumentParser) -> int:
    """A command given without its subcommand: its help, and the usage-error exit code."""
    parser.print_help(sys.stderr)
    return 2


def add_record_inputs(parser: argparse.ArgumentParser) -> None:
    """The inputs of the commands that read records (report, tables, conllu): record files
    that 'textmine extract' wrote, or report files and folders, run through the pipeline."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=".jsonl/.json record files, or report files or folders")


def say_skipped(message: str) -> None:
    """One file's error on stderr, in the form every batch command uses."""
    print(f"error: {message} (skipped)", file=sys.stderr)


class ErrorLog:
    """Per-file errors of a batch command: each printed as it comes (the file is skipped),
    all of them deciding the exit code."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, message: str) -> None:
        say_skipped(message)
        self.messages.append(message)

    @property
    def exit_code(self) -> int:
        return 1 if self.messages else 0


def output_refused(path: str | Path, inputs: Iterable[str | Path] = ()) -> bool:
    """True (after saying why) when ``path`` cannot be written or is one of the ``inputs``:
    the same check ``textmine extract`` makes, before any work is done."""
    from textmine.io import OutputError, check_output

    try:
        check_output(path, inputs)
    except OutputError as err:
        print(f"error: output {err}", file=sys.stderr)
        return True
    return False
