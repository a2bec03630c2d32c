"""Build the one-folder Linux bundle with PyInstaller, and its tarball.

    .venv/bin/pip install -e '.[desktop,packaging]'    # once: PyInstaller (installs nothing here)
    .venv/bin/python packaging/build_bundle.py [DIST]  # default DIST: dist/

writes DIST/sanad/ (the program: DIST/sanad/sanad) and DIST/sanad-<version>-linux-<arch>.tar.gz
beside it, the one file a campus computer installs from, then prints their sizes and the time
taken. Check the result with ``packaging/smoke_bundle.py``. What goes into the bundle:
``packaging/pyinstaller/bundle_contents.py``; how to install it: packaging/README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "sanad.spec"


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def tarball_name(version: str) -> str:
    return f"sanad-{version}-linux-{platform.machine()}.tar.gz"


def folder_size(folder: Path) -> int:
    """Bytes of the files in ``folder``, each counted once (links are not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.0f} MB"


def build(dist: Path, work: Path) -> Path:
    """Run the spec: DIST/sanad/. Returns the folder."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"PyInstaller failed (exit code {done.returncode}): {' '.join(command)}")
    return dist / "sanad"


def write_tarball(bundle: Path, destination: Path) -> Path:
    """``sanad/…`` in a gzip tarball; symbolic links stay links (PyInstaller makes a few)."""
    partial = destination.with_name(destination.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=bundle.name)
    os.replace(partial, destination)
    return destination


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dist", nargs="?", type=Path, default=ROOT / "dist",
                        help="folder for sanad/ and the tarball (default: dist/)")  # fmt: skip
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        sys.exit(f"this builds the Linux bundle; this computer runs {sys.platform}")
    if importlib.util.find_spec("PyInstaller") is None:
        sys.exit(
            f"PyInstaller is not installed for {sys.executable}. Install the packaging extra "
            "into the project's venv, then run this again:\n"
            "    .venv/bin/pip install -e '.[desktop,packaging]'"
        )
    if importlib.util.find_spec("PySide6") is None:
        sys.exit(f"PySide6 is not installed for {sys.executable}: the bundle needs the "
                 "desktop extra (.venv/bin/pip install -e '.[desktop,packaging]')")  # fmt: skip
    dist, work = args.dist.resolve(), args.work.resolve()
    started = time.monotonic()
    bundle = build(dist, work)
    built = time.monotonic()
    tarball = write_tarball(bundle, dist / tarball_name(project_version()))
    finished = time.monotonic()
    print(f"Bundle:  {bundle} ({megabytes(folder_size(bundle))})")
    print(f"Tarball: {tarball} ({megabytes(tarball.stat().st_size)})")
    print(f"Took {built - started:.0f} s to build, {finished - built:.0f} s to pack.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
