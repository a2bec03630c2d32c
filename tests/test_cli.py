"""The `sanad` command, driven as a user would: through its arguments and exit codes."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop import __version__
from desktop.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _commands(group=cli, path=()):
    """Every command and group of ``sanad``, as argument lists (the tree, walked)."""
    found = [list(path)]
    for name, command in getattr(group, "commands", {}).items():
        found += _commands(command, (*path, name))
    return found


COMMANDS = _commands()
GROUPS = {name for name, command in cli.commands.items() if hasattr(command, "commands")}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "create", str(path), "--learners", "40"])
    assert result.exit_code == 0, result.output
    return path


def _copy(path: Path, dest: Path) -> Path:
    source = sqlite3.connect(path)
    target = sqlite3.connect(dest)
    source.backup(target)
    source.close()
    target.close()
    return dest


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "sanad")
def test_every_command_has_help(args):
    for flag in ("--help", "-h"):
        result = CliRunner().invoke(cli, [*args, flag])
        assert result.exit_code == 0
        assert "Usage:" in result.output


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for args in COMMANDS:
        if args and not (len(args) == 1 and args[0] in GROUPS):
            assert f"sanad {' '.join(args)}" in readme, args


@pytest.mark.parametrize("frozen", [False, True], ids=["pip", "bundle"])
@pytest.mark.parametrize("args", [["campuses"], ["serve"], ["users"], ["root"],
                                  ["create-code", "--campus", "QAU"]])  # fmt: skip
def test_registry_commands_without_the_registry_extra_say_what_to_install(
    args, frozen, monkeypatch, tmp_path
):
    """The Linux bundle leaves out the registry's packages (packaging/README.md)."""
    monkeypatch.setitem(sys.modules, "sqlalchemy", None)  # import sqlalchemy fails
    if frozen:
        monkeypatch.setattr(sys, "frozen", True, raising=False)
    db = f"sqlite:///{tmp_path / 'registry.db'}"
    result = CliRunner().invoke(cli, ["registry", *args, "--db", db])
    assert result.exit_code == 1
    assert "needs its extra packages (sqlalchemy is missing)" in result.output
    assert "pip install 'sanad[registry]'" in result.output
    assert ("leaves out head office's registry" in result.output) is frozen
    assert not (tmp_path / "registry.db").exists()


def test_every_registry_command_checks_for_the_extra():
    registry = cli.commands["registry"]
    assert all(hasattr(c.callback, "__wrapped__") for c in registry.commands.values())


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_demo_create_then_check_is_healthy(demo_db):
    result = CliRunner().invoke(cli, ["db", "check", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert "healthy" in result.output
    report = json.loads(CliRunner().invoke(cli, ["db", "check", str(demo_db), "--json"]).output)
    assert report["healthy"] is True
    assert report["schema_version"] == report["schema_current"]
    assert report["counts"]["learners"] == 40


def test_demo_create_refuses_to_overwrite(demo_db):
    before = demo_db.read_bytes()
    result = CliRunner().invoke(cli, ["demo", "create", str(demo_db), "--learners", "5"])
    assert result.exit_code == 1
    assert "already exists" in result.output and "--force" in result.output
    assert demo_db.read_bytes() == before


def test_check_reports_a_tampered_database(demo_db, tmp_path):
    copy = _copy(demo_db, tmp_path / "tampered.db")
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE learners SET full_name = 'Someone Else' WHERE rowid = 1")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(cli, ["db", "check", str(copy)])
    assert result.exit_code == 1
    assert "NOT HEALTHY" in result.output
    assert re.search(r"learners row \S+ differs from its change-log entry", result.output)


def test_check_of_a_missing_file_says_so(tmp_path):
    missing = tmp_path / "nowhere.db"
    result = CliRunner().invoke(cli, ["db", "check", str(missing)])
    assert result.exit_code == 1
    assert f"{missing} does not exist" in result.output
    assert not missing.exists()


def test_backup_to_a_folder_is_verified_and_dated(demo_db, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["db", "backup", str(demo_db), str(folder)])
    assert result.exit_code == 0, result.output
    (copy,) = folder.glob("demo-*.db")
    assert "verified" in result.output
    check = CliRunner().invoke(cli, ["db", "check", str(copy)])
    assert check.exit_code == 0
    original = sqlite3.connect(demo_db).execute("SELECT COUNT(*) FROM change_log").fetchone()
    copied = sqlite3.connect(copy).execute("SELECT COUNT(*) FROM change_log").fetchone()
    assert original == copied
    assert [p.name for p in folder.iterdir()] == [copy.name]


def test_backup_to_a_missing_folder_fails_cleanly(demo_db, tmp_path):
    result = CliRunner().invoke(
        cli, ["db", "backup", str(demo_db), str(tmp_path / "gone" / "x.db")]
    )
    assert result.exit_code == 1
    assert "is not a folder" in result.output
    assert not (tmp_path / "gone").exists()


def test_installed_command_and_gui_quit_after_start(demo_db, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SANAD_DATA_DIR": str(tmp_path)}
    sanad = [sys.executable, "-m", "desktop.cli"]
    done = subprocess.run(
        [*sanad, "--version"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0 and __version__ in done.stdout
    done = subprocess.run(
        [*sanad, "gui", "--db", str(demo_db), "--quit-after-start"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    painted = [line for line in done.stdout.splitlines() if line.startswith("first paint at")]
    assert len(painted) == 1, done.stdout
    assert 0 < float(painted[0].split()[-1]) <= time.monotonic()


def test_check_of_a_file_that_is_not_a_database(tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database")
    result = CliRunner().invoke(cli, ["db", "check", str(bogus)])
    assert result.exit_code == 1
    assert f"{bogus} is not a Sanad database" in result.output
    assert bogus.read_text() == "not a database"


def test_check_and_backup_never_change_the_file_they_read(demo_db, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    CliRunner().invoke(cli, ["db", "backup", str(demo_db), str(folder)])
    (backup,) = folder.glob("*.db")
    before = backup.read_bytes()
    assert CliRunner().invoke(cli, ["db", "check", str(backup)]).exit_code == 0
    assert CliRunner().invoke(cli, ["db", "backup", str(backup), str(tmp_path)]).exit_code == 0
    assert backup.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [backup.name]
