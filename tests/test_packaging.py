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


def test_the_wheel_carries_fonts_translations_and_contexts(tmp_path):
    """Built for real, as an installer would: a file missing here is missing for users."""
    import subprocess
    import sys
    import zipfile

    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("sanad-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "sanad_resources/translations/sanad_ur.qm",
        "sanad_resources/translations/sanad_en.qm",
        "sanad_resources/fonts/NotoNaskhArabic-Regular.ttf",
        "sanad_resources/fonts/NotoNastaliqUrdu-Regular.ttf",
        "sanad_resources/fonts/OFL.txt",
        "sanad_resources/contexts/credentials-v2.jsonld",
        "sanad_resources/icons/sanad.svg",
        "desktop/core/demo/catalogue.py",
        "desktop/ui/main_window.py",
    ):
        assert expected in names, expected
