"""The ``textmine evaluate`` commands: one module per thing measured."""
from __future__ import annotations

import sys
from pathlib import Path


def pipeline_for(model: str | None, file: str):
    """The base pipeline to score ``file`` with, or None after printing why not."""
    from textmine.pipeline.load import PipelineNotAvailable, load

    if not Path(file).exists():
        print(f"error: no such file: {file}", file=sys.stderr)
        return None
    try:
        return load(model, extractors=False)
    except PipelineNotAvailable as err:
        print(f"error: {err}", file=sys.stderr)
        return None
