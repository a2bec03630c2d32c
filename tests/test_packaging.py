"""The wheel ships every package and resource the program needs."""

from __future__ import annotations

import tomllib
from pathlib import Path

from desktop.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[1]


def test_every_source_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = set()
    for top in ("desktop", "sync"):
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    found.add("sanad_resources")
    assert listed == found


def test_shipped_resources_are_found():
    assert resource_path("icons", "sanad.svg").read_text().startswith("<svg")
    assert "@context" in resource_path("contexts", "credentials-v2.jsonld").read_text()
