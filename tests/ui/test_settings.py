"""Settings of this computer, daily backups to a chosen folder, and restoring one."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.backup import backup_database, backups_in
from desktop.core.services import learners
from desktop.core.store import Store
from desktop.ui.account import lock_minutes
from desktop.ui.i18n import save_language, saved_language
from desktop.ui.session import Session
from desktop.ui.settings import (
    BackupSchedule,
    BackupSettings,
    SettingsDialog,
    backup_settings,
    save_backup_settings,
)
from desktop.ui.tasks import TaskRunner


@pytest.fixture
def opened(qtbot, campus, tmp_path):
    """The settings dialog of a focal person, with an empty backup folder chosen."""
    campus.store.close()
    folder = tmp_path / "usb"
    folder.mkdir()
    save_backup_settings(BackupSettings(str(folder), True, 3))
    runner = TaskRunner(campus.path)
    schedule = BackupSchedule(runner, campus.path)
    dialog = SettingsDialog(runner, Session(campus.admin), schedule)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog, folder
    runner.close()
    save_language("en")


def test_settings_are_kept(qtbot, opened):
    dialog, folder = opened
    dialog.language.setCurrentIndex(dialog.language.findData("ur"))
    dialog.lock_minutes.setValue(25)
    dialog.keep.setValue(7)
    dialog.daily.setChecked(False)
    dialog.accept()
    assert saved_language() == "ur" and lock_minutes() == 25
    assert backup_settings() == BackupSettings(str(folder), False, 7)


def test_back_up_now_keeps_the_newest(qtbot, opened, campus):
    dialog, folder = opened
    for days in (3, 2, 1):  # three older backups already on the drive
        stamp = (dt.datetime.now() - dt.timedelta(days=days)).strftime("%Y%m%d-%H%M%S")
        (folder / f"campus-{stamp}.db").write_bytes(b"old")
    dialog.keep.setValue(2)
    dialog.back_up.click()
    qtbot.waitUntil(lambda: "Backed up to" in dialog.message.text(), timeout=20_000)
    kept = backups_in(folder, "campus")
    assert len(kept) == 2 and kept[0].made.date() == dt.date.today()
    with Store.open(kept[0].path, readonly=True) as copy:
        assert copy.scalar("SELECT COUNT(*) FROM learners") == 5
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 2, timeout=10_000)


def test_a_missing_folder_is_said_and_nothing_is_lost(qtbot, opened):
    dialog, folder = opened
    dialog.folder.setText(str(folder / "unplugged"))
    dialog.back_up.click()
    qtbot.waitUntil(lambda: "not made" in dialog.message.text(), timeout=20_000)
    assert "unplugged" in dialog.message.text()
    assert dialog.folder.text().endswith("unplugged")  # what was typed stays


def test_the_daily_backup_is_made_when_due(qtbot, campus, tmp_path):
    campus.store.close()
    save_backup_settings(BackupSettings(str(tmp_path), True, 5))
    runner = TaskRunner(campus.path)
    schedule = BackupSchedule(runner, campus.path)
    with qtbot.waitSignal(schedule.finished, timeout=20_000):
        schedule.check()
    assert len(backups_in(tmp_path, "campus")) == 1
    done = []
    schedule.finished.connect(done.append)
    schedule.check()  # made an hour ago at most: not due
    qtbot.wait(500)
    assert done == [] and len(backups_in(tmp_path, "campus")) == 1
    runner.close()


def test_restore_asks_then_puts_the_backup_back(qtbot, opened, campus):
    dialog, folder = opened
    with Store.open(campus.path) as store:
        backup_database(store, folder)
        learners.register_learner(
            store, campus.admin, {"registration_no": "QAU-2026-0099", "full_name": "Sana Iqbal"}
        )
    dialog.list_backups()
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 1, timeout=10_000)
    dialog.list.selectRow(0)
    asked = []
    dialog.confirm_restore = lambda backup: asked.append(backup) or False
    dialog.restore.click()
    assert len(asked) == 1
    with Store.open(campus.path, readonly=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM learners") == 6  # said no: nothing changed
    dialog.confirm_restore = lambda backup: True
    with qtbot.waitSignal(dialog.restored, timeout=30_000):
        dialog.restore.click()
    assert "Restored" in dialog.message.text()
    with Store.open(campus.path, readonly=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM learners") == 5
    assert list(campus.path.parent.glob("campus.before-restore-*.db"))


def test_only_a_focal_person_may_restore(qtbot, campus, tmp_path):
    campus.store.close()
    with Store.open(campus.path) as store:
        backup_database(store, tmp_path)
    save_backup_settings(BackupSettings(str(tmp_path), True, 3))
    runner = TaskRunner(campus.path)
    dialog = SettingsDialog(runner, Session(campus.assessor), BackupSchedule(runner, campus.path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 1, timeout=10_000)
    dialog.list.selectRow(0)
    assert not dialog.restore.isEnabled()
    runner.close()


def test_a_focal_person_sets_the_largest_evidence_file(qtbot, opened, campus):
    import json

    from desktop.core.evidence_files import max_evidence_bytes
    from desktop.core.store import Store

    dialog, _folder = opened
    qtbot.waitUntil(lambda: dialog._limit_read == 200, timeout=10_000)
    assert dialog.evidence_limit.value() == 200
    dialog.evidence_limit.setValue(50)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.accept()
    with Store.open(campus.path, readonly=True) as store:
        assert max_evidence_bytes(store.conn) == 50_000_000
        audit = store.one("SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert audit["action"] == "settings.evidence_limit"
    assert json.loads(audit["detail"]) == {"before": 200, "after": 50}


def test_an_assessor_does_not_see_the_campus_evidence_rule(qtbot, campus):
    campus.store.close()
    runner = TaskRunner(campus.path)
    try:
        schedule = BackupSchedule(runner, campus.path)
        dialog = SettingsDialog(runner, Session(campus.assessor), schedule)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.evidence_box.isVisibleTo(dialog)
    finally:
        runner.close()


def test_a_folder_typed_with_a_tilde_is_in_the_home_folder(qtbot, opened, monkeypatch):
    dialog, folder = opened
    monkeypatch.setenv("HOME", str(folder.parent))
    dialog.folder.setText("~/usb")
    dialog.back_up.click()
    qtbot.waitUntil(lambda: "Backed up to" in dialog.message.text(), timeout=20_000)
    assert len(backups_in(folder, "campus")) == 1
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 1, timeout=10_000)
