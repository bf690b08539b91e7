"""What several commands share: collecting per-file errors, checking an output file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def help_and_fail(parser: argparse.ArgumentParser) -> int:
    """A command given without its subcommand: its help, and the usage-error exit code."""
    parser.print_help(sys.stderr)
    return 2


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


def unusable_output(path: str | Path) -> bool:
    """True (after saying why) when ``path`` is a folder or its folder does not exist."""
    path = Path(path)
    if path.is_dir() or not path.parent.is_dir():
        print(f"error: {path}: not a file in an existing folder", file=sys.stderr)
        return True
    return False
