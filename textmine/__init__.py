"""textmine: structured, measured data from Swedish public-sector activity reports."""
from __future__ import annotations

__version__ = "0.1.0"
