"""What the Linux bundle carries and leaves out, as plain data: ``sanad.spec`` builds from it
and ``tests/test_bundle_spec.py`` checks it against the source tree, without PyInstaller.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path, PurePosixPath

__all__ = [
    "EXCLUDED_MODULES",
    "HIDDEN_IMPORTS",
    "SOURCE_ONLY_RESOURCES",
    "keep_binary",
    "keep_data",
    "prune_orphans",
    "resource_datas",
    "resource_patterns",
    "sanad_modules",
]

RESOURCES_PACKAGE = "sanad_resources"

# Files of resources/ that the program never reads: what the wheel leaves out too.
SOURCE_ONLY_RESOURCES = (
    "__init__.py",  # collected as the module sanad_resources, not as data
    "README.md",  # where each resource comes from
    "translations/*.ts",  # Qt Linguist sources; the program loads the compiled .qm
)

# Imported by name at run time, so PyInstaller's import scan cannot see them (with every
# module of Sanad: sanad_modules; the main window imports its screens by name).
HIDDEN_IMPORTS = [
    RESOURCES_PACKAGE,
    # the lazily imported Qt modules: the overview's charts, the evidence PDF viewer
    "PySide6.QtCharts",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSvg",  # the window icon and any SVG evidence (imageformats/libqsvg)
]

EXCLUDED_MODULES = [
    # only head office's registry needs these (the `registry` extra); `sanad registry …`
    # then says which extra to install
    "sqlalchemy",
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "jinja2",
    "multipart",
    "python_multipart",
    # test and development tools
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "playwright",
    "tusclient",
    "openapi_spec_validator",
    "openapi_schema_validator",
    "setuptools",
    "pkg_resources",
    "pip",
    "wheel",
    # what pyld's network document loaders would use: Sanad loads contexts offline
    "requests",
    "requests_cache",
    "aiohttp",
    # optional imports that Sanad never reaches: httpx's command line (pygments, rich),
    # e-mail deliverability checks over DNS (Sanad checks the syntax only, offline), uvicorn's
    # YAML and .env configuration, Pillow's AVIF and Tk support, sqlite-utils' data frames
    "httpx._main",
    "pygments",
    "rich",
    "email_validator.deliverability",
    "dns",
    "yaml",
    "dotenv",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL.ImageTk",
    "PIL._imagingtk",
    "readline",
    "lxml.objectify",  # pyld reads HTML with lxml.html, nothing more
    "lxml.isoschematron",
    "numpy",
    "pandas",
    "tkinter",
    "_tkinter",
    "IPython",
    "matplotlib",
    "PyQt5",  # other Qt bindings, which some libraries try first
    "PyQt6",
    "PySide2",
    "pydoc_data",  # the texts of help() at an interactive prompt
    "lib2to3",
    "test",  # CPython's own test suite
]

# Qt plugins the app has no use for (the libraries only they need go too: prune_orphans).
# Kept: platforms xcb, wayland, offscreen and minimal; every image format (svg, png, jpeg …);
# the svg icon engine; the compose and IBus input methods; the XDG portal theme; TLS.
_UNUSED_QT_PLUGINS = (
    "platforms/libqvnc",
    "platforms/libqlinuxfb",
    "platforms/libqeglfs",
    "platforms/libqminimalegl",
    "platforms/libqvkkhrdisplay",
    "egldeviceintegrations/",  # for eglfs, without a window system
    "generic/",  # touch screens and tablets read directly (evdev, tuio, libinput)
    "networkinformation/",  # QNetworkInformation, which the app does not use
    # Qt Quick's on-screen keyboard: it alone would bring Qt Quick and QML (17 MB)
    "platforminputcontexts/libqtvirtualkeyboardplugin",
    # GTK 3's dialogs and palette: it alone brings the build machine's GTK, Cairo and Pango
    # (17 MB), which can clash with the GTK of the computer it runs on
    "platformthemes/libqgtk3",
)


# Libraries of the build machine left to the computer the bundle runs on, which always has
# them: its own are as new or newer, and its graphics drivers need those (a bundled older C++
# runtime makes Mesa fail to load on a newer distribution). Debian 12's expat alone would also
# raise the glibc the bundle needs from 2.35 to 2.36.
_HOST_LIBRARIES = ("libstdc++.so.6", "libgcc_s.so.1", "libexpat.so.1")


# Head office's registry: left out with its extra (its modules come along, cannot import).
REGISTRY_PACKAGE = "sync.registry"


def sanad_modules(root: Path) -> list[str]:
    """Every module of Sanad's own packages in the source tree, but the registry's."""
    names = []
    for top in ("desktop", "sync"):
        for path in sorted((root / top).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            if name != REGISTRY_PACKAGE and not name.startswith(REGISTRY_PACKAGE + "."):
                names.append(name)
    return names


def resource_patterns(root: Path) -> list[str]:
    """The globs of ``sanad_resources`` files the wheel ships (pyproject.toml): the bundle
    ships the same."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["package-data"][RESOURCES_PACKAGE]


def _matches(relative: PurePosixPath, patterns: list[str]) -> bool:
    # as for setuptools, "**/*.json" also matches a file at the top of the folder
    return any(
        fnmatch.fnmatch(str(relative), pattern)
        or (pattern.startswith("**/") and fnmatch.fnmatch(str(relative), pattern[3:]))
        for pattern in patterns
    )


def resource_datas(root: Path) -> list[tuple[str, str]]:
    """``(source file, folder in the bundle)`` for every shipped file of ``resources/``."""
    resources = root / "resources"
    patterns = resource_patterns(root)
    datas = []
    for path in sorted(resources.rglob("*")):
        relative = PurePosixPath(path.relative_to(resources).as_posix())
        if path.is_file() and "__pycache__" not in relative.parts and _matches(relative, patterns):
            datas.append((str(path), str(PurePosixPath(RESOURCES_PACKAGE, relative.parent))))
    return datas


def keep_binary(destination: str) -> bool:
    """False for a collected library the app never loads (an unused Qt plugin), or that
    the computer it runs on must provide."""
    path = PurePosixPath(destination)
    if path.name in _HOST_LIBRARIES:
        return False
    if "plugins" not in path.parts:
        return True
    inside = str(PurePosixPath(*path.parts[path.parts.index("plugins") + 1 :]))
    return not any(inside.startswith(unused) for unused in _UNUSED_QT_PLUGINS)


def prune_orphans(kept: list[tuple], dropped: list[tuple], needs) -> list[tuple]:
    """``kept`` without the libraries that only ``dropped`` ones link to.

    Entries are PyInstaller's ``(destination, source, kind)``; ``needs(source)`` gives the
    file names a library links to. A library that anything kept links to, directly or not,
    stays.
    """
    by_name = {PurePosixPath(entry[0]).name: entry for entry in kept}

    def closure(roots: list[tuple]) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            for name in needs(todo.pop()[1]):
                if name in by_name and name not in seen:
                    seen.add(name)
                    todo.append(by_name[name])
        return seen

    only_for_dropped = closure(dropped)
    still_needed = closure([e for e in kept if PurePosixPath(e[0]).name not in only_for_dropped])
    orphans = only_for_dropped - still_needed
    return [entry for entry in kept if PurePosixPath(entry[0]).name not in orphans]


def keep_data(destination: str) -> bool:
    """False for collected data the app never reads: Qt's translations other than qtbase's
    in English and Urdu (the languages Sanad speaks), libraries' tests and benchmarks, type
    stubs, C headers."""
    path = PurePosixPath(destination)
    if {"tests", "benchmarks"} & set(path.parts[:-1]):
        return False
    if "translations" in path.parts and path.suffix == ".qm" and "PySide6" in path.parts:
        return fnmatch.fnmatch(path.name, "qtbase_en*.qm") or fnmatch.fnmatch(
            path.name, "qtbase_ur*.qm"
        )
    return path.suffix not in {".pyi", ".h", ".hpp", ".pxd", ".pyx"}
