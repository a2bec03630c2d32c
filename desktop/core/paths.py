"""Where Sanad keeps its data: the platform's user data folder unless told otherwise.

*Portable mode* (Sanad on a USB stick, moved between lab computers): an installed program
with a file named ``sanad.portable`` beside its executable keeps everything — databases,
evidence, backups, and this computer's settings — in ``SanadData`` beside the program, and
nothing on the computer it runs on.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

__all__ = ["PORTABLE_MARKER", "data_dir", "default_database", "demo_database", "display_path",
           "evidence_dir", "portable_dir", "settings_file"]  # fmt: skip

APP_NAME = "Sanad"
PORTABLE_MARKER = "sanad.portable"
PORTABLE_DATA = "SanadData"


def portable_dir(executable: str | Path | None = None) -> Path | None:
    """``SanadData`` beside the program if it runs in portable mode, else None. Only an
    installed (frozen) program can be portable; ``executable`` is for tests."""
    if executable is None:
        if not getattr(sys, "frozen", False):
            return None
        executable = sys.executable
    folder = Path(executable).resolve().parent
    return folder / PORTABLE_DATA if (folder / PORTABLE_MARKER).is_file() else None


def data_dir() -> Path:
    """``SANAD_DATA_DIR`` if set; else ``SanadData`` beside a portable program; else e.g.
    ``~/.local/share/Sanad`` on Linux or ``%LOCALAPPDATA%\\Sanad`` on Windows."""
    override = os.environ.get("SANAD_DATA_DIR")
    if override:
        return Path(override)
    portable = portable_dir()
    return portable if portable else Path(platformdirs.user_data_dir(APP_NAME, False))


def settings_file() -> Path | None:
    """Where this computer's settings live in portable mode (an INI file in its data), or
    None: then they are the platform's per-user settings."""
    portable = portable_dir()
    return portable / "settings.ini" if portable else None


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
