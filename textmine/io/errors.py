"""The errors of reading and writing: each names the file and the problem."""
from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file that cannot be read as a report; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


class OutputError(Exception):
    """An output path that cannot be written (checked before any work is done)."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem
