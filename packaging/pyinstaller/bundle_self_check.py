"""Run by the frozen ``sanad`` when ``SANAD_BUNDLE_SELF_CHECK=1``: imports the modules named
on its command line (the smoke test names every module of Sanad's source tree) and the ones
Sanad imports lazily, then prints, as JSON, which failed and which were loaded from outside
the bundle (a venv or the system's Python would show up there). Exits 1 if any.
"""

from __future__ import annotations

import importlib
import json
import sys
from importlib.resources import files
from pathlib import Path

__all__ = ["print_report"]

# Imported inside functions, or by name, where a missing one would only show in use.
LAZY_IMPORTS = [
    "PySide6.QtCharts",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSvg",
    "pypdfium2",
    "zxingcpp",
    "uharfbuzz",
    "jsonschema",
    "phonenumbers",
    "email_validator",
    "sqlite_utils.migrations",
    "uvicorn.loops.auto",
    "uvicorn.protocols.http.auto",
    "uvicorn.lifespan.on",
    "cryptography.hazmat.primitives.asymmetric.ed25519",
    "argon2",
    "bcrypt",
]


def report(names: list[str]) -> dict:
    failed = {}
    for name in [*names, *LAZY_IMPORTS]:
        try:
            importlib.import_module(name)
        except Exception as exc:  # every failure is reported, none stops the check
            failed[name] = f"{type(exc).__name__}: {exc}"
    bundle = Path(getattr(sys, "_MEIPASS", sys.prefix)).resolve()
    outside = {}
    for name, module in list(sys.modules.items()):
        where = getattr(module, "__file__", None)
        # a relative name is a module frozen into the executable or a library (PyInstaller's
        # bootstrap, shiboken's signature support): inside by construction
        if where and Path(where).is_absolute() and not Path(where).resolve().is_relative_to(
            bundle
        ):
            outside[name] = where
    return {
        "frozen": bool(getattr(sys, "frozen", False)),
        "bundle": str(bundle),
        "executable": sys.executable,
        "sys_path": sys.path,
        "resources": str(files("sanad_resources")),
        "imported": len(names) + len(LAZY_IMPORTS),
        "failed": failed,
        "outside": outside,
    }


def print_report() -> int:
    result = report(sys.argv[1:])
    print(json.dumps(result, indent=2))
    return 0 if result["frozen"] and not result["failed"] and not result["outside"] else 1
