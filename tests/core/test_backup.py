"""Daily backups keep the newest N, each verified; a restore puts a backup back, safely."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.backup import (
    BackupFailed,
    backup_database,
    backup_due,
    backups_in,
    make_scheduled_backup,
    prune_backups,
    restore_database,
)
from desktop.core.errors import PermissionDenied
from desktop.core.health import check_database
from desktop.core.services import learners
from desktop.core.store import Store
from tests.conftest import copy_database, database_bytes


def _touch_backup(folder, stem, when: dt.datetime, body: bytes = b"x"):
    path = folder / f"{stem}-{when.strftime('%Y%m%d-%H%M%S')}.db"
    path.write_bytes(body)
    return path


def test_a_backup_is_dated_verified_and_complete(campus, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    written, report, removed = make_scheduled_backup(campus.store, folder, keep=3)
    assert report.healthy and removed == []
    assert [b.path for b in backups_in(folder, "campus")] == [written]
    assert not list(folder.glob("*.partial")) and not list(folder.glob("*-wal"))
    with Store.open(written, readonly=True) as copy:
        assert copy.scalar("SELECT COUNT(*) FROM learners") == 5
        assert check_database(copy).healthy


@settings(max_examples=60, deadline=None)
@given(
    ages=st.lists(
        st.integers(min_value=0, max_value=24 * 400), min_size=0, max_size=15, unique=True
    ),
    keep=st.integers(min_value=1, max_value=8),
)
def test_pruning_keeps_exactly_the_newest(tmp_path_factory, ages, keep):
    folder = tmp_path_factory.mktemp("backups")
    now = dt.datetime(2026, 11, 23, 9, 0, 0)
    made = [now - dt.timedelta(hours=h) for h in ages]
    for when in made:
        _touch_backup(folder, "campus", when)
    other = folder / "campus-notes.db"  # not a backup's name: never touched
    other.write_bytes(b"keep me")
    other_campus = _touch_backup(folder, "uob", now - dt.timedelta(days=900))
    prune_backups(folder, "campus", keep)
    left = [b.made for b in backups_in(folder, "campus")]
    assert left == sorted(made, reverse=True)[:keep]
    assert other.exists() and other_campus.exists()


def test_a_backup_is_due_once_a_day(tmp_path):
    now = dt.datetime(2026, 11, 23, 9, 0, 0)
    assert backup_due(tmp_path, "campus", now)
    _touch_backup(tmp_path, "campus", now - dt.timedelta(hours=23))
    assert not backup_due(tmp_path, "campus", now)
    assert backup_due(tmp_path, "campus", now + dt.timedelta(hours=1))
    assert backup_due(tmp_path / "unplugged", "campus", now)


def test_a_failed_backup_keeps_the_older_ones(campus, tmp_path):
    older = _touch_backup(tmp_path, "campus", dt.datetime(2026, 1, 1))
    with pytest.raises(BackupFailed, match="is not a folder"):
        make_scheduled_backup(campus.store, tmp_path / "unplugged", keep=1)
    assert older.exists()


def test_restore_brings_back_the_backup_and_keeps_what_was_there(campus, tmp_path):
    backup, _ = backup_database(campus.store, tmp_path / "monday.db")
    learners.register_learner(
        campus.store, campus.admin, {"registration_no": "QAU-2026-0099", "full_name": "Sana Iqbal"}
    )
    old_device = campus.store.device_id
    result = restore_database(campus.store, campus.admin, backup)
    store = campus.store
    assert store.scalar("SELECT COUNT(*) FROM learners") == 5  # as on Monday
    assert store.one("SELECT 1 FROM learners WHERE registration_no = 'QAU-2026-0099'") is None
    # What was there just before is kept beside the database, whole.
    assert result.safety_copy.parent == campus.path.parent
    with Store.open(result.safety_copy, readonly=True) as before:
        assert before.one("SELECT 1 FROM learners WHERE registration_no = 'QAU-2026-0099'")
    # From now on the database writes as a new device, and says it was restored.
    assert store.device_id == result.device_id != old_device
    entry = store.one(
        "SELECT * FROM audit_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1", (result.device_id,)
    )
    assert entry["action"] == "database.restore" and entry["device_id"] == result.device_id
    learners.register_learner(
        store, campus.admin, {"registration_no": "QAU-2026-0100", "full_name": "Hira Baig"}
    )
    assert (
        store.scalar("SELECT MIN(seq) FROM change_log WHERE device_id = ?", (result.device_id,))
        == 1
    )
    assert check_database(store).healthy
    # A connection opened before the restore sees the restored data.
    with Store.open(campus.path, readonly=True) as other:
        assert other.scalar("SELECT COUNT(*) FROM learners") == 6


def test_restore_refuses_a_backup_of_another_campus(campus, tmp_path, campus_template):
    template, _ = campus_template
    other = copy_database(template, tmp_path / "other.db")
    con = sqlite3.connect(other)
    con.execute("UPDATE settings SET value = 'another' WHERE key = 'campus_id'")
    con.commit()
    con.close()
    before = database_bytes(campus.store)
    with pytest.raises(BackupFailed, match="is a backup of another campus"):
        restore_database(campus.store, campus.admin, other)
    assert database_bytes(campus.store) == before
    assert not list(tmp_path.glob("campus.before-restore-*"))


def test_restore_refuses_what_is_not_a_database(campus, tmp_path):
    junk = tmp_path / "campus-20261101-090000.db"
    junk.write_bytes(b"this is a photo, not a database" * 100)
    before = database_bytes(campus.store)
    with pytest.raises(BackupFailed, match="is not a Sanad database"):
        restore_database(campus.store, campus.admin, junk)
    with pytest.raises(BackupFailed, match="does not exist"):
        restore_database(campus.store, campus.admin, tmp_path / "gone.db")
    assert database_bytes(campus.store) == before


def test_only_an_admin_restores(campus, tmp_path):
    backup, _ = backup_database(campus.store, tmp_path / "monday.db")
    with pytest.raises(PermissionDenied, match="may not restore backups"):
        restore_database(campus.store, campus.assessor, backup)
