"""Paths of the data files shipped in ``resources/`` (installed as ``sanad_resources``)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["resource_path"]


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("icons", "sanad.svg")``."""
    path = Path(str(files("sanad_resources").joinpath(*parts)))
    if not path.exists():
        raise FileNotFoundError(f"Sanad resource {'/'.join(parts)} is missing from {path.parent}")
    return path
