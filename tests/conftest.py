"""Fixtures shared by the test files: the pipelines tests run on.

``bundled_nlp`` is textmine's full pipeline (the bundled model with the three extraction
components), loaded once per test session; ``rules_nlp`` is spaCy's blank Swedish
tokenizer with a sentencizer and the components added by name, as a user would.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile

import pytest
import spacy

EXTRACTORS = ("textmine_numbers", "textmine_entities", "textmine_activities")


@pytest.fixture(scope="session")
def bundled_nlp():
    import textmine

    return textmine.load()


@pytest.fixture(scope="session")
def rules_nlp():
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    for name in EXTRACTORS:
        nlp.add_pipe(name)
    return nlp


def run_python(code: str, *args: str, timeout: int = 300) -> str:
    """Run ``code`` in a fresh interpreter (nothing imported yet); its stdout. It runs in a
    temporary folder, so it imports textmine as installed, not the source tree of the
    working directory (where ``python -c`` would look first)."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                                text=True, timeout=timeout, cwd=folder)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout
