"""Trained models shipped with textmine (installed as ``textmine.models``).

The folder also holds the recipes that rebuild them (``models/recipe/``); those are
not installed. ``path(name)`` resolves a bundled model whether textmine runs from a
clone or from an installed wheel.
"""
from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """Return the folder or file of the bundled model ``name``."""
    return MODELS_DIR / name
