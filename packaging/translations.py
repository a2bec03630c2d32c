"""Refresh the translation sources from the code and compile them.

    python packaging/translations.py update    # pyside6-lupdate: new strings into the .ts files
    python packaging/translations.py compile   # pyside6-lrelease: .ts -> .qm (shipped)

Translate with Qt Linguist (``pyside6-linguist resources/translations/sanad_ur.ts``) or any .ts
editor, then compile. ``tests/ui/test_translations.py`` fails when a string is untranslated, a
placeholder differs, the .ts lags behind the code or a .qm behind its .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = sorted((ROOT / "desktop" / "ui").rglob("*.py"))
# language: extra lupdate options (English only needs its plural forms)
LANGUAGES = {"ur": [], "en": ["-pluralonly"]}


def tool(name: str) -> str:
    """A Qt tool from the PySide6 installation next to this Python."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} was not found; install PySide6 (pip install 'sanad[dev]')")
    return found


def update(target: Path = TRANSLATIONS) -> list[Path]:
    written = []
    for language, options in LANGUAGES.items():
        ts = target / f"sanad_{language}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *map(str, SOURCES),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                *options,
                "-ts",
                str(ts),
            ],
            check=True,
            capture_output=True,
        )
        written.append(ts)
    return written


def compile_all(source: Path = TRANSLATIONS, target: Path = TRANSLATIONS) -> list[Path]:
    written = []
    for language in LANGUAGES:
        qm = target / f"sanad_{language}.qm"
        subprocess.run(
            [tool("pyside6-lrelease"), str(source / f"sanad_{language}.ts"), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        for path in update():
            print(f"updated {path.relative_to(ROOT)}")
    elif argv[1:] == ["compile"]:
        for path in compile_all():
            print(f"compiled {path.relative_to(ROOT)}")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
