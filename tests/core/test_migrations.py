"""Any earlier schema upgrades to the current one, keeping its data; a newer one is refused."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from desktop.core.errors import SchemaTooNew
from desktop.core.health import check_database
from desktop.core.schema import MIGRATIONS, migration_names
from desktop.core.services import setup
from desktop.core.store import Store


def _schema(path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return sorted(
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
            ).fetchall()
        )
    finally:
        conn.close()


def _at_version(path, version: int) -> None:
    """A database as an older Sanad left it: the first ``version`` migrations applied."""
    db = Database(path)
    names = migration_names()
    if version < len(names):
        MIGRATIONS.apply(db, stop_before=names[version])
    else:
        MIGRATIONS.apply(db)
    db.close()


def test_the_migrations_are_numbered_in_order():
    names = migration_names()
    assert names == sorted(names)
    assert [int(n[:4]) for n in names] == list(range(1, len(names) + 1))


@pytest.mark.parametrize("version", range(len(migration_names())))
def test_every_earlier_version_upgrades_to_the_current_schema(tmp_path, version):
    fresh = tmp_path / "fresh.db"
    Store.open(fresh).close()
    old = tmp_path / f"v{version}.db"
    _at_version(old, version)
    if version >= 1:
        # Data written by the older program survives the upgrade.
        conn = sqlite3.connect(old)
        conn.execute(
            "INSERT INTO campuses (id, code, name_en, owner, version, last_device, created_at, "
            "modified_at) VALUES ('c1', 'QAU', 'Quaid-i-Azam University', 'c1', 1, 'd1', "
            "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"
        )
        conn.commit()
        conn.close()
    with Store.open(old) as store:
        assert store.schema_version == len(migration_names())
        assert store.pending_migrations() == []
        if version >= 1:
            assert store.one("SELECT code FROM campuses WHERE id = 'c1'") == {"code": "QAU"}
    assert _schema(old) == _schema(fresh)


def test_an_upgraded_database_works_and_checks_healthy(tmp_path):
    path = tmp_path / "v1.db"
    _at_version(path, 1)
    with Store.open(path) as store:
        setup.initialise_campus(
            store,
            code="UOB",
            name_en="University of Balochistan",
            admin_username="focal",
            admin_display_name="Marri Baloch",
            admin_password="a-long-password",
        )
        assert check_database(store).healthy


def test_a_database_from_a_newer_sanad_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('sanad', '0099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew) as caught:
        Store.open(path)
    assert "0099_from_the_future" in str(caught.value)
    assert "Install the newer Sanad to open it" in str(caught.value)
    assert path.read_bytes() == before


def test_opening_a_current_database_does_not_load_the_migration_machinery(tmp_path):
    """Every start of the app opens a current database; sqlite-utils is needed only to migrate."""
    import subprocess
    import sys

    path = tmp_path / "current.db"
    Store.open(path).close()
    script = (
        "import sys\n"
        "from desktop.core.store import Store\n"
        f"Store.open({str(path)!r}).close()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_an_upgrade_keeps_a_copy_of_the_database_as_it_was(tmp_path):
    path = tmp_path / "campus.db"
    _at_version(path, 3)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO campuses (id, code, name_en, owner, version, last_device, created_at, "
        "modified_at) VALUES ('c1', 'QAU', 'Quaid-i-Azam University', 'c1', 1, 'd1', "
        "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"
    )
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == len(migration_names())
    copy = tmp_path / "campus.before-schema-3.db"
    with Store.open(copy, readonly=True) as old:
        assert old.schema_version == 3
        assert old.one("SELECT code FROM campuses") == {"code": "QAU"}
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "campus.before-schema-3.db",
        "campus.db",
    ]


def test_no_copy_for_a_new_or_current_database(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    Store.open(path).close()
    assert [p.name for p in tmp_path.iterdir() if ".before-schema-" in p.name] == []
