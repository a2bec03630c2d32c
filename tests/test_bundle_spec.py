"""The Linux bundle's spec (packaging/pyinstaller/sanad.spec) collects what the program needs.

The spec is run here with stand-ins for PyInstaller's classes, which record what it asks for:
no PyInstaller, no build. A new resource, module or registry package cannot be forgotten.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
import tomllib
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "sanad.spec"
RESOURCES = ROOT / "resources"


@pytest.fixture(scope="module")
def contents():
    sys.path.insert(0, str(SPEC.parent))
    try:
        import bundle_contents

        yield bundle_contents
    finally:
        sys.path.remove(str(SPEC.parent))


@pytest.fixture(scope="module")
def analysis(tmp_path_factory) -> dict:
    """What the spec hands to PyInstaller's Analysis, by keyword, and the files it staged."""
    asked: dict = {}

    class Analysis:
        def __init__(self, scripts, **options):
            asked.update(options, scripts=scripts)
            self.binaries, self.datas, self.pure, self.scripts = [], [], [], []

    def ignore(*_args, **_options):
        return None

    workpath = tmp_path_factory.mktemp("pyinstaller-work")
    namespace = {"SPECPATH": str(SPEC.parent), "workpath": str(workpath), "Analysis": Analysis,
                 "PYZ": ignore, "EXE": ignore, "COLLECT": ignore}  # fmt: skip
    saved_path = list(sys.path)
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        sys.path[:] = saved_path
    asked["workpath"] = workpath
    return asked


def _collected(analysis) -> dict[str, str]:
    """resources/… path → the folder the bundle puts it in."""
    return {
        Path(source).relative_to(RESOURCES).as_posix(): destination
        for source, destination in analysis["datas"]
    }


def _resource_files() -> list[str]:
    return sorted(
        p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def test_every_resource_is_collected_or_known_as_source_only(analysis, contents):
    collected = _collected(analysis)
    forgotten = [
        name for name in _resource_files()
        if name not in collected
        and not any(fnmatch.fnmatch(name, p) for p in contents.SOURCE_ONLY_RESOURCES)
    ]  # fmt: skip
    assert forgotten == [], (
        "resources the bundle would leave out: add their pattern to "
        "[tool.setuptools.package-data] in pyproject.toml (the wheel needs it too), or to "
        "SOURCE_ONLY_RESOURCES in packaging/pyinstaller/bundle_contents.py"
    )
    for name, destination in collected.items():
        assert destination == str(PurePosixPath("sanad_resources", name).parent), name
    # the spec saw the real tree: fonts, translations, contexts, the schema, icon and web pages
    for expected in ("fonts/NotoNastaliqUrdu-Regular.ttf", "translations/sanad_ur.qm",
                     "contexts/credentials-v2.jsonld", "icons/sanad.svg", "web/ur.json",
                     "web/templates/verify.html", "web/static/sanad.css",
                     "schemas/ob_v3p0_achievementcredential_schema.json"):  # fmt: skip
        assert expected in collected, expected


def test_source_only_resources_stay_out(analysis, contents):
    collected = _collected(analysis)
    for name in _resource_files():
        if any(fnmatch.fnmatch(name, p) for p in contents.SOURCE_ONLY_RESOURCES):
            assert name not in collected, name
    assert "translations/sanad_ur.ts" in _resource_files()  # the pattern still matches a file


def _named_resources() -> list[tuple[str, str]]:
    """``(source file, resource path glob)`` of every resource_path("…", …) call in the code;
    an f-string part becomes ``*``."""
    found = []
    for path in [*(ROOT / "desktop").rglob("*.py"), *(ROOT / "sync").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "resource_path"
                    and node.args):  # fmt: skip
                parts = []
                for arg in node.args:
                    if isinstance(arg, ast.Constant):
                        parts.append(arg.value)
                    elif isinstance(arg, ast.JoinedStr):
                        parts.append("".join(v.value if isinstance(v, ast.Constant) else "*"
                                             for v in arg.values))  # fmt: skip
                    else:
                        parts.append("*")
                found.append((str(path.relative_to(ROOT)), "/".join(parts)))
    return found


def test_every_resource_the_code_names_is_in_the_bundle(analysis):
    collected = _collected(analysis)
    named = _named_resources()
    assert len(named) >= 5  # the scan saw the calls
    missing = [(source, glob) for source, glob in named
               if not any(fnmatch.fnmatch(name, glob) or name.startswith(glob + "/")
                          for name in collected)]  # fmt: skip
    assert missing == []


def test_every_module_of_sanad_is_a_hidden_import(analysis, contents):
    hidden = set(analysis["hiddenimports"])
    modules = contents.sanad_modules(ROOT)
    assert "desktop.ui.overview" in modules  # a screen the main window imports by name
    assert set(modules) <= hidden
    assert not [m for m in modules if m.startswith("sync.registry")]
    assert {"sanad_resources", "PySide6.QtCharts", "PySide6.QtPdf"} <= hidden
    assert (Path(analysis["workpath"]) / "staged" / "sanad_resources" / "__init__.py").is_file()


# Import names of the registry extra's requirements (pyproject.toml).
REGISTRY_IMPORTS = {"sqlalchemy": "sqlalchemy", "psycopg": "psycopg", "jinja2": "jinja2",
                    "python-multipart": "python_multipart"}  # fmt: skip
DEV_ONLY_IMPORTS = {"pytest", "hypothesis", "playwright", "tusclient", "setuptools"}


def test_the_registry_extra_and_test_tools_are_left_out(analysis):
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = config["project"]["optional-dependencies"]
    requirement_names = {re.split(r"[\[<>=!~ ]", r, maxsplit=1)[0].lower()
                         for r in extras["registry"]}  # fmt: skip
    assert requirement_names == set(REGISTRY_IMPORTS), "name the new package's import name"
    excluded = set(analysis["excludes"])
    assert {*REGISTRY_IMPORTS.values(), *DEV_ONLY_IMPORTS} <= excluded
    # nothing the campus program uses is excluded
    for needed in ("starlette", "uvicorn", "httpx", "PySide6", "pyld", "cbor2", "pycose"):
        assert needed not in excluded
    assert extras["packaging"] == ["pyinstaller>=6.5"]


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("libpython3.11.so.1.0", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", False),
        ("libstdc++.so.6", False),
        ("libgcc_s.so.1", False),
    ],
)
def test_which_libraries_are_kept(contents, destination, kept):
    assert contents.keep_binary(destination) is kept


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_en.qm", False),
        ("sanad_resources/translations/sanad_ur.qm", True),
        ("jsonschema_specifications/schemas/draft202012/metaschema.json", True),
        ("jsonschema/benchmarks/issue232/issue.json", False),
        ("certifi/cacert.pem", True),
        ("PySide6/QtCore.pyi", False),
    ],
)
def test_which_data_files_are_kept(contents, destination, kept):
    assert contents.keep_data(destination) is kept


def test_libraries_only_dropped_plugins_need_are_dropped_too(contents):
    links = {"/src/gtk3.so": ["libgtk-3.so.0", "libglib-2.0.so.0"],
             "/src/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
             "/src/libcairo.so.2": [], "/src/libglib-2.0.so.0": [],
             "/src/QtCore.so": ["libglib-2.0.so.0"], "/src/ctypes-loaded.so": []}  # fmt: skip
    entry = {name: (name.removeprefix("/src/"), name, "BINARY") for name in links}
    kept = [entry[n] for n in links if n != "/src/gtk3.so"]
    pruned = contents.prune_orphans(kept, [entry["/src/gtk3.so"]], links.__getitem__)
    assert [e[0] for e in pruned] == ["libglib-2.0.so.0", "QtCore.so", "ctypes-loaded.so"]
