"""The command-line tools the packaging tests drive, and the scripts of ``packaging/``."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def needed_tool(command: str, debian_package: str) -> str:
    """The path of ``command``. Without it a test fails on CI (``.ci/run`` installs it) and is
    skipped elsewhere, saying what to install."""
    found = shutil.which(command)
    if found:
        return found
    reason = f"{command} is not installed (Debian package {debian_package})"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must have it: add {debian_package} to the apt list in .ci/run")
    pytest.skip(reason)


def packaging_script(name: str) -> ModuleType:
    """``packaging/<name>.py``; packaging/ is a folder of scripts, not a package (its name would
    clash with the ``packaging`` library)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
