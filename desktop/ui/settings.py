"""Settings of this computer, and the dialog that edits them: language, locking, backups.

Backups go to a folder the focal person chooses, often on a USB drive: every day (checked when
Sanad starts and every half hour while it runs) and on demand, each verified, keeping the newest
N. Restoring a backup asks first and keeps the database as it was beside it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.backup import (
    BackupFile,
    RestoreResult,
    backup_due,
    backups_in,
    make_scheduled_backup,
    restore_database,
)
from desktop.core.evidence_files import DEFAULT_MAX_MB, max_evidence_bytes
from desktop.core.paths import display_path
from desktop.core.services import evidence
from desktop.core.store import Store
from desktop.ui.account import lock_minutes, save_lock_minutes
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import LANGUAGES, computer_settings, ltr, save_language, saved_language
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.sizing import characters
from desktop.ui.tasks import Progress, TaskRunner

__all__ = ["BackupSchedule", "BackupSettings", "SettingsDialog", "backup_settings"]

DEFAULT_KEEP = 14
CHECK_EVERY_MS = 30 * 60_000


@dataclass(frozen=True)
class BackupSettings:
    folder: str  # "" until one is chosen
    daily: bool
    keep: int


def backup_settings() -> BackupSettings:
    settings = computer_settings()
    try:
        keep = max(1, int(settings.value("backup/keep", DEFAULT_KEEP)))
    except (TypeError, ValueError):
        keep = DEFAULT_KEEP
    daily = str(settings.value("backup/daily", "true")).lower() == "true"
    return BackupSettings(str(settings.value("backup/folder", "") or ""), daily, keep)


def save_backup_settings(chosen: BackupSettings) -> None:
    settings = computer_settings()
    settings.setValue("backup/folder", chosen.folder)
    settings.setValue("backup/daily", "true" if chosen.daily else "false")
    settings.setValue("backup/keep", chosen.keep)
    settings.sync()


def _scheduled(_conn: Any, db_path: Path, folder: str, keep: int) -> tuple[Path, list[Path]]:
    # A connection of its own: the backup of a large campus takes a while, and a reader's
    # connection is shared with the screens' queries.
    with Store.open(db_path, readonly=True) as store:
        written, _report, removed = make_scheduled_backup(store, os.path.expanduser(folder), keep)
    return written, removed


def _due(_conn: Any, folder: str, stem: str) -> bool:
    return backup_due(os.path.expanduser(folder), stem, dt.datetime.now())


class BackupSchedule(QObject):
    """Makes the daily backup when one is due, on a reader thread; says how it went."""

    finished = Signal(str)  # a sentence for the status bar
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.db_path = Path(db_path)
        self.running = False
        self.stopped = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def stop(self) -> None:
        """No more backups from this schedule: its window closed (and its runner with it)."""
        self.stopped = True
        self.timer.stop()

    def check(self) -> None:
        chosen = backup_settings()
        if self.running or self.stopped or not chosen.daily or not chosen.folder:
            return
        self.runner.read(
            _due, chosen.folder, self.db_path.stem, done=lambda due: due and self.back_up_now()
        )

    def back_up_now(self) -> None:
        chosen = backup_settings()
        if self.running or self.stopped or not chosen.folder:
            return
        self.running = True
        self.runner.read(
            _scheduled,
            self.db_path,
            chosen.folder,
            chosen.keep,
            done=self._made,
            failed=self._not_made,
        )

    def _made(self, result: tuple[Path, list[Path]]) -> None:
        self.running = False
        written, _removed = result
        self.finished.emit(self.tr("Backed up to {path}").format(path=ltr(display_path(written))))

    def _not_made(self, error: BaseException) -> None:
        self.running = False
        self.failed.emit(
            self.tr("The backup was not made: {error}").format(error=error_text(error))
        )


class SettingsDialog(QDialog):
    """Language, locking and backups of this computer; restore for a focal person."""

    restored = Signal(object)  # RestoreResult

    def __init__(
        self,
        runner: TaskRunner,
        session: Session,
        schedule: BackupSchedule,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner, self.session, self.schedule = runner, session, schedule
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(characters(self, 92))
        layout = QVBoxLayout(self)

        general = QGroupBox(self.tr("This computer"), self)
        form = QFormLayout(general)
        self.language = QComboBox(general)
        self.language.setObjectName("language")
        self.language.setAccessibleName(self.tr("Language"))
        for code, (name, _locale) in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(saved_language()))
        form.addRow(self.tr("&Language"), self.language)
        self.language_note = QLabel(self.tr("A new language is used from the next start."), self)
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)
        self.lock_minutes = QSpinBox(general)
        self.lock_minutes.setObjectName("lockMinutes")
        self.lock_minutes.setAccessibleName(self.tr("Lock after minutes without use"))
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSpecialValueText(self.tr("Never"))
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(lock_minutes())
        form.addRow(self.tr("Lock &after"), self.lock_minutes)
        layout.addWidget(general)

        # The campus's own rule (a focal person's): how large an evidence file may be.
        self.evidence_box = QGroupBox(self.tr("Evidence"), self)
        evidence_form = QFormLayout(self.evidence_box)
        self.evidence_limit = QSpinBox(self.evidence_box)
        self.evidence_limit.setObjectName("evidenceLimit")
        self.evidence_limit.setAccessibleName(self.tr("Largest evidence file, in MB"))
        self.evidence_limit.setRange(1, evidence.MAX_LIMIT_MB)
        self.evidence_limit.setSuffix(self.tr(" MB"))
        self.evidence_limit.setValue(DEFAULT_MAX_MB)
        evidence_form.addRow(self.tr("Largest e&vidence file"), self.evidence_limit)
        actor = session.actor
        self.evidence_box.setVisible(bool(actor) and actor.role == "admin")
        layout.addWidget(self.evidence_box)
        self._limit_read = None
        runner.read(
            lambda conn: max_evidence_bytes(conn) // 1_000_000, done=self._limit_in
        )

        backups = QGroupBox(self.tr("Backups"), self)
        backup_form = QFormLayout(backups)
        chosen = backup_settings()
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(chosen.folder, backups)
        self.folder.setObjectName("backupFolder")
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.folder.setPlaceholderText(self.tr("A folder on a USB drive or another disk"))
        self.folder.editingFinished.connect(self.list_backups)
        self.browse = QPushButton(self.tr("&Browse…"), backups)
        self.browse.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        folder_label = QLabel(self.tr("&Folder"), backups)
        folder_label.setBuddy(self.folder)
        backup_form.addRow(folder_label, folder_row)
        self.daily = QCheckBox(self.tr("Back up &every day"), backups)
        self.daily.setObjectName("backupDaily")
        self.daily.setChecked(chosen.daily)
        backup_form.addRow("", self.daily)
        self.keep = QSpinBox(backups)
        self.keep.setObjectName("backupKeep")
        self.keep.setAccessibleName(self.tr("Backups to keep"))
        self.keep.setRange(1, 365)
        self.keep.setValue(chosen.keep)
        backup_form.addRow(self.tr("&Keep the newest"), self.keep)
        self.list = QTableWidget(0, 2, backups)
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(self.tr("Backups in the folder"))
        self.list.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Size")])
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.verticalHeader().setVisible(False)
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list.itemSelectionChanged.connect(self._enable)
        self.list.setMinimumHeight(self.list.verticalHeader().defaultSectionSize() * 5)
        backup_form.addRow(self.list)
        actions = QHBoxLayout()
        self.back_up = QPushButton(self.tr("Back &up now"), backups)
        self.back_up.clicked.connect(self.back_up_now)
        self.restore = QPushButton(self.tr("&Restore…"), backups)
        self.restore.setObjectName("restoreBackup")
        self.restore.clicked.connect(self.restore_selected)
        actions.addWidget(self.back_up)
        actions.addWidget(self.restore)
        actions.addStretch(1)
        backup_form.addRow(actions)
        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        backup_form.addRow(self.message)
        layout.addWidget(backups)

        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backups: list[BackupFile] = []
        schedule.finished.connect(self._backed_up)
        schedule.failed.connect(self._not_backed_up)
        self.list_backups()

    # -- backups -------------------------------------------------------------------------------

    def current(self) -> BackupSettings:
        return BackupSettings(self.folder.text().strip(), self.daily.isChecked(), self.keep.value())

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)
            self.list_backups()

    def list_backups(self) -> None:
        folder = self.folder.text().strip()
        stem = self.schedule.db_path.stem
        where = os.path.expanduser(folder)  # "~/…" as typed means the home folder
        self.runner.read(lambda _conn: backups_in(where, stem) if folder else [],
                         done=self._backups_in)  # fmt: skip

    def _backups_in(self, found: list[BackupFile]) -> None:
        self.backups = found
        self.list.setRowCount(len(found))
        locale = self.locale()
        for row, backup in enumerate(found):
            made = QTableWidgetItem(ltr(backup.made.strftime("%Y-%m-%d %H:%M")))
            made.setToolTip(str(backup.path))
            size = QTableWidgetItem(ltr(locale.formattedDataSize(backup.size)))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.setItem(row, 0, made)
            self.list.setItem(row, 1, size)
        self.list.resizeColumnToContents(0)
        self._enable()

    def _enable(self) -> None:
        admin = bool(self.session.actor and self.session.actor.role == "admin")
        self.restore.setEnabled(admin and bool(self.list.selectedItems()))
        self.back_up.setEnabled(not self.schedule.running)

    def back_up_now(self) -> None:
        chosen = self.current()
        if not chosen.folder:
            self._say(self.tr("Choose a folder for the backups first."), error=True)
            self.folder.setFocus()
            return
        save_backup_settings(chosen)
        self._say(self.tr("Backing up…"))
        self.schedule.back_up_now()
        self._enable()

    def _backed_up(self, text: str) -> None:
        self._say(text)
        self.list_backups()

    def _not_backed_up(self, text: str) -> None:
        self._say(text, error=True)
        self._enable()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def confirm_restore(self, backup: BackupFile) -> bool:
        """Ask before replacing the database (tests replace this)."""
        answer = QMessageBox.warning(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Restore the backup made {made}? Everything entered since then is replaced by "
                "the backup. The database as it is now is kept beside it, so this can be undone."
            ).format(made=ltr(backup.made.strftime("%Y-%m-%d %H:%M"))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows or self.session.actor is None:
            return
        backup = self.backups[rows[0].row()]
        if not self.confirm_restore(backup):
            return
        progress = Progress(self)
        dialog = QProgressDialog(self.tr("Restoring the backup…"), "", 0, 0, self)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        progress.changed.connect(lambda done, total: (dialog.setMaximum(total),
                                                      dialog.setValue(done)))  # fmt: skip
        self.restore.setEnabled(False)
        self.runner.write(
            lambda store, actor, path: restore_database(
                store, actor, path, progress=progress.report
            ),
            self.session.actor,
            backup.path,
            done=lambda result: (dialog.close(), self._restored(result)),
            failed=lambda error: (dialog.close(), self._say(error_text(error), error=True),
                                  self._enable()),
        )  # fmt: skip

    def _restored(self, result: RestoreResult) -> None:
        self._say(
            self.tr("Restored. The database as it was is kept as {name}.").format(
                name=ltr(result.safety_copy.name)
            )
        )
        self.restored.emit(result)
        self.list_backups()

    # -- saving --------------------------------------------------------------------------------

    def _limit_in(self, megabytes: int) -> None:
        self._limit_read = megabytes
        self.evidence_limit.setValue(megabytes)

    def accept(self) -> None:
        save_language(self.language.currentData())
        save_lock_minutes(self.lock_minutes.value())
        save_backup_settings(self.current())
        limit, actor = self.evidence_limit.value(), self.session.actor
        if self.evidence_box.isVisibleTo(self) and self._limit_read not in (None, limit):
            # The campus's rule is written first; the dialog stays open if it is refused.
            self.runner.write(
                lambda store: evidence.set_evidence_limit(store, actor, limit),
                done=lambda _mb: QDialog.accept(self),
                failed=lambda error: self._say(error_text(error), error=True),
            )
            return
        super().accept()
