"""Where Sanad keeps its data: the platform's user data folder unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["data_dir", "default_database", "demo_database", "display_path", "evidence_dir"]

APP_NAME = "Sanad"


def data_dir() -> Path:
    """``SANAD_DATA_DIR`` if set, else e.g. ``~/.local/share/Sanad`` on Linux or
    ``%LOCALAPPDATA%\\Sanad`` on Windows."""
    override = os.environ.get("SANAD_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def default_database() -> Path:
    return data_dir() / "sanad.db"


def demo_database() -> Path:
    return data_dir() / "demo" / "demo-campus.db"


def evidence_dir(database: str | Path) -> Path:
    """Evidence files live beside their database: ``campus.db`` → ``campus.evidence/``."""
    path = Path(database)
    return path.with_name(path.stem + ".evidence")


def display_path(path: str | Path) -> str:
    """A path as a person reads it: under the home folder it starts with ``~``."""
    resolved = Path(path).expanduser().resolve()
    try:
        return str(Path("~") / resolved.relative_to(Path.home().resolve()))
    except ValueError:
        return str(resolved)
