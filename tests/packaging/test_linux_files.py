"""The Linux menu entry and AppStream metadata are valid, agree with the project, and install as
packaging/linux/README.md says."""

from __future__ import annotations

import configparser
import re
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .tools import ROOT, needed_tool, packaging_script

LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "org.sanad.Sanad.desktop"
METAINFO = LINUX / "org.sanad.Sanad.metainfo.xml"
README = LINUX / "README.md"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _problems(output: str) -> list[str]:
    """appstreamcli's errors and warnings (infos and pedantic notes are allowed)."""
    return [line for line in output.splitlines() if re.match(r"\s*[EW]: ", line)]


def test_the_desktop_entry_is_valid():
    done = subprocess.run(
        [needed_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "", "desktop-file-validate has warnings or hints"


def test_the_metainfo_is_valid():
    done = subprocess.run(
        [needed_tool("appstreamcli", "appstream"), "validate", "--no-net", "--pedantic",
         "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert _problems(done.stdout) == []


def test_the_desktop_entry_runs_the_installed_command_with_the_app_icon():
    entry = _desktop_entry()
    command, *arguments = entry["Exec"].split()
    assert command in PROJECT["scripts"]
    assert arguments == ["gui"]
    assert entry["Icon"] == packaging_script("icons").APP_ID == DESKTOP.stem
    assert entry["Name[ur]"] == "سند"


def test_the_metainfo_agrees_with_the_desktop_entry_and_the_project():
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == DESKTOP.stem
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") in PROJECT["scripts"]
    assert component.findtext("project_license") == PROJECT["license"]["text"]
    assert component.find("releases/release").get("version") == PROJECT["version"]
    categories = [c.text for c in component.iterfind("categories/category")]
    assert categories == [c for c in _desktop_entry()["Categories"].split(";") if c]
    for tag in ("name", "summary"):
        languages = {element.get(XML_LANG) for element in component.iterfind(tag)}
        assert languages == {None, "ur"}, tag
    paragraphs = component.iterfind("description/p")
    assert {p.get(XML_LANG) for p in paragraphs} == {None, "ur"}


def _readme_block(heading: str) -> str:
    """The first ``sh`` block under ``heading`` in packaging/linux/README.md."""
    text = README.read_text(encoding="utf-8")
    section = text.split(f"\n{heading}\n", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


@pytest.fixture
def build_folder(tmp_path: Path) -> Path:
    """A folder like a checkout after ``pyinstaller``: the repository's packaging/ and resources/,
    and a stand-in for the built program in dist/sanad/."""
    (tmp_path / "packaging").symlink_to(ROOT / "packaging")
    (tmp_path / "resources").symlink_to(ROOT / "resources")
    program = tmp_path / "dist" / "sanad" / "sanad"
    program.parent.mkdir(parents=True)
    program.write_text('#!/bin/sh\necho sanad "$@"\n')
    program.chmod(0o755)
    (tmp_path / "home").mkdir()
    return tmp_path


def _run_readme_block(heading: str, folder: Path) -> None:
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", _readme_block(heading)],
        cwd=folder,
        env={"HOME": str(folder / "home"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_the_readme_installs_for_one_person_and_the_result_validates(build_folder):
    validate_tree = needed_tool("appstreamcli", "appstream")
    desktop_validate = needed_tool("desktop-file-validate", "desktop-file-utils")
    _run_readme_block("## Install for one person (no root)", build_folder)

    local = build_folder / "home" / ".local"
    entry_file = local / "share" / "applications" / DESKTOP.name
    program = Path(_desktop_entry(entry_file)["Exec"].split()[0])
    assert program == local / "opt" / "sanad" / "sanad"
    assert subprocess.run([program, "gui"], capture_output=True, text=True).stdout == "sanad gui\n"
    assert (local / "bin" / "sanad").resolve() == program.resolve()
    for size in packaging_script("icons").PNG_SIZES:
        assert (local / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                / "org.sanad.Sanad.png").is_file()  # fmt: skip
    assert (local / "share/icons/hicolor/scalable/apps/org.sanad.Sanad.svg").is_file()

    done = subprocess.run([desktop_validate, str(entry_file)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout
    # the metadata, its desktop entry and icon found where a desktop looks
    done = subprocess.run(
        [validate_tree, "validate-tree", "--no-net", str(local)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert _problems(done.stdout) == []


def test_the_readme_uninstalls_for_one_person_and_keeps_the_data(build_folder):
    _run_readme_block("## Install for one person (no root)", build_folder)
    data = build_folder / "home" / ".local" / "share" / "Sanad" / "sanad.db"
    data.parent.mkdir(parents=True)
    data.write_text("the campus")
    text = README.read_text(encoding="utf-8")
    uninstall = re.search(r"For one person:\n\n```sh\n(.*?)```", text, re.S).group(1)
    subprocess.run(["bash", "-euo", "pipefail", "-c", uninstall], cwd=build_folder, check=True,
                   env={"HOME": str(build_folder / "home"), "PATH": "/usr/bin:/bin"})  # fmt: skip
    left = [p for p in (build_folder / "home").rglob("*") if p.is_file() or p.is_symlink()]
    assert left == [data]
