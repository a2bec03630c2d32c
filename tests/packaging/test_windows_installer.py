"""The Windows installer script compiles with NSIS against a stand-in build, in English and
Urdu; the Urdu files NSIS lacks cover every string of its English ones, and Sanad's own texts
exist in both languages with the same variables.

Linux's makensis builds the same installer as Windows' does; what cannot be checked here is the
installer running (see packaging/windows/README.md for the checks on a Windows PC)."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from .tools import ROOT, needed_tool

WINDOWS = ROOT / "packaging" / "windows"
SCRIPT = WINDOWS / "sanad.nsi"
# $(^Name), ${VERSION}, $INSTDIR, $_CLICK, $0 and printf's %s: what must survive a translation
VARIABLE = re.compile(r"\$\([^)]+\)|\$\{[^}]+\}|\$[A-Za-z_]\w*|\$\d|%s")
LANG_FILE_STRING = re.compile(r'^\s*\$\{LangFileString\}\s+(\w+)\s+"(.*)"\s*$')
CONDITION = re.compile(r"^\s*!(ifdef|ifndef|else|endif)\b(.*)")


def _makensis(*options: str, **defines: Path | str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [needed_tool("makensis", "nsis"), *options,
         *(f"-D{name}={value}" for name, value in defines.items()), str(SCRIPT)],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    done.output = done.stdout + done.stderr
    return done


@pytest.fixture
def build(tmp_path: Path) -> Path:
    """A stand-in for PyInstaller's one-folder build, dist/sanad/."""
    folder = tmp_path / "sanad"
    (folder / "_internal" / "sanad_resources").mkdir(parents=True)
    (folder / "sanad.exe").write_text("a stand-in for the program\n")
    (folder / "_internal" / "python311.dll").write_text("a stand-in\n")
    (folder / "_internal" / "sanad_resources" / "README.md").write_text("resources\n")
    return folder


def test_the_installer_compiles_without_warnings(build, tmp_path):
    installer = tmp_path / "sanad-test-installer.exe"
    done = _makensis("-V2", "-WX", VERSION="0.1.0", SOURCE=build, OUTFILE=installer)
    assert done.returncode == 0, done.output
    assert installer.read_bytes()[:2] == b"MZ"


def test_setup_and_uninstaller_speak_english_and_urdu(build, tmp_path):
    done = _makensis("-V3", VERSION="0.1.0", SOURCE=build, OUTFILE=tmp_path / "sanad-test.exe")
    assert done.returncode == 0, done.output
    summary = {
        line.split(":")[0]: line
        for line in done.output.splitlines()
        if line.startswith(("Install:", "Uninstall:"))
    }
    assert "2 language tables" in summary["Install"], summary
    assert "2 language tables" in summary["Uninstall"], summary


@pytest.mark.parametrize("leftover", ["sanad.portable", "SanadData"])
def test_a_build_used_as_a_portable_sanad_is_refused(build, tmp_path, leftover):
    """Its data would go into the installer, and a marker would make every install portable."""
    if leftover == "SanadData":
        (build / leftover).mkdir()
    else:
        (build / leftover).touch()
    done = _makensis("-V2", VERSION="0.1.0", SOURCE=build, OUTFILE=tmp_path / "sanad-test.exe")
    assert done.returncode != 0
    assert f"{leftover} exists" in done.output


def test_a_folder_without_the_program_is_refused(tmp_path):
    done = _makensis("-V2", VERSION="0.1.0", SOURCE=tmp_path, OUTFILE=tmp_path / "sanad-test.exe")
    assert done.returncode != 0
    assert "sanad.exe does not exist: build the program first" in done.output


def test_the_version_must_have_three_numbers(build, tmp_path):
    done = _makensis("-V2", VERSION="0.1", SOURCE=build, OUTFILE=tmp_path / "sanad-test.exe")
    assert done.returncode != 0
    assert "VERSION must be MAJOR.MINOR.PATCH" in done.output


# --- the language files ---------------------------------------------------------------------


@cache
def _nsis_language_files() -> Path:
    info = subprocess.run(
        [needed_tool("makensis", "nsis"), "-HDRINFO"], capture_output=True, text=True
    ).stdout
    return Path(re.search(r"NSISDIR=([^,\s]+)", info).group(1)) / "Contrib" / "Language files"


def _nlf(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The header values (NLF version, language id, font, size, codepage, RTL) and the strings,
    each named by the ``# ^Name`` comment before it."""
    header, strings, name = [], [], None
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("# ^"):
            name = line[3:].strip()
        elif line.startswith(("#", ";")) or not line.strip():
            continue
        elif name is None:
            header.append(line.strip())
        else:
            strings.append((name, line))
            name = None
    return header, strings


def _lang_file_strings(path: Path) -> dict[tuple[str, ...], str]:
    """``${LangFileString}`` texts by the !ifdef conditions around them and their name."""
    found, conditions = {}, []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if match := CONDITION.match(line):
            keyword, rest = match.groups()
            if keyword in ("ifdef", "ifndef"):
                conditions.append(f"{keyword} {rest.strip()}")
            elif keyword == "else":
                conditions[-1] += " else"
            else:
                conditions.pop()
        elif match := LANG_FILE_STRING.match(line):
            found[(*conditions, match.group(1))] = match.group(2)
    assert not conditions, f"{path.name}: an !ifdef is not closed"
    return found


def _variables(text: str) -> Counter:
    return Counter(VARIABLE.findall(text))


def test_the_urdu_nlf_is_right_to_left_urdu():
    header, _strings = _nlf(WINDOWS / "Urdu.nlf")
    version, language_id, _font, _size, codepage, direction = header
    assert version == "NLF v6"
    assert language_id == "1056"  # Urdu (Pakistan)
    assert codepage == "1256"  # Arabic script
    assert direction == "RTL"


def test_the_urdu_nlf_has_every_string_of_nsis_english_one_in_order():
    _header, english = _nlf(_nsis_language_files() / "English.nlf")
    _header, urdu = _nlf(WINDOWS / "Urdu.nlf")
    assert [name for name, _ in urdu] == [name for name, _ in english]
    for (name, text), (_, original) in zip(urdu, english, strict=True):
        assert _variables(text) == _variables(original), name
        if name not in ("Branding", "ExecShell", "UnDirSubText"):
            assert re.search(r"[\u0600-\u06ff]", text), f"{name} is not in Urdu: {text}"


def test_the_urdu_modern_ui_strings_cover_nsis_english_ones():
    english = _lang_file_strings(_nsis_language_files() / "English.nsh")
    urdu = _lang_file_strings(WINDOWS / "Urdu.nsh")
    assert set(urdu) == set(english)
    for key, text in urdu.items():
        assert _variables(text) == _variables(english[key]), key
        assert re.search(r"[\u0600-\u06ff]", text), f"{key[-1]} is not in Urdu: {text}"


def test_sanads_own_texts_exist_in_both_languages_with_the_same_variables():
    english = _lang_file_strings(WINDOWS / "sanad-en.nsh")
    urdu = _lang_file_strings(WINDOWS / "sanad-ur.nsh")
    assert set(urdu) == set(english)
    for key, text in urdu.items():
        assert _variables(text) == _variables(english[key]), key


def test_the_script_uses_every_text_and_only_texts_that_exist():
    script = SCRIPT.read_text(encoding="utf-8-sig")
    used = set(re.findall(r"\$\((SANAD_\w+)\)", script))
    defined = {key[-1] for key in _lang_file_strings(WINDOWS / "sanad-en.nsh")}
    assert used == defined
