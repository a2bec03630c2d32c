"""The main window: navigation on the side, one screen at a time, status at the bottom.

Screens are added as they become real; each gets the window's :class:`TaskRunner` and nothing
else of the window. Ctrl+1 … Ctrl+9 switch screens from the keyboard.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.core.paths import display_path
from desktop.core.store import Actor
from desktop.ui.account import ChangePasswordDialog, InactivityLock, lock_minutes
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.hub_service import HubService, hub_settings
from desktop.ui.i18n import ltr
from desktop.ui.session import Session
from desktop.ui.settings import BackupSchedule, SettingsDialog, backup_settings
from desktop.ui.signin import SignInDialog
from desktop.ui.sizing import characters
from desktop.ui.sync_scheduler import SyncScheduler
from desktop.ui.sync_status import SyncStatusLabel
from desktop.ui.tasks import TaskRunner

__all__ = ["MainWindow"]


def node_kind(conn: Any) -> str:
    row = conn.execute("SELECT value FROM settings WHERE key = 'node_kind'").fetchone()
    return row[0] if row else "campus"


class MainWindow(QMainWindow):
    """The window on one campus database, for focal persons and assessors. A student who
    signs in here (switching user, or after the lock) gets student mode instead:
    ``student_arrived`` carries them, and this window closes."""

    student_arrived = Signal(object)

    def __init__(
        self,
        db_path: Path,
        *,
        runner: TaskRunner | None = None,
        session: Session | None = None,
        lock_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.resize(960, 600)
        self.runner = runner or TaskRunner(self.db_path)
        self.runner.setParent(self)
        self.session = session or Session(parent=self)
        self.session.setParent(self)
        actor = self.session.actor
        # Sync in the background, and (at a campus hub) serving the lab stations.
        self.sync_scheduler = SyncScheduler(self.db_path, self)
        self.hub_service = HubService(self.db_path, self)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Screens"))
        self.navigation.setFixedWidth(characters(self.navigation, 30))
        self.stack = QStackedWidget(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.navigation.currentRowChanged.connect(self._show_row)
        self._build_screens()
        for number in range(1, 10):
            QShortcut(
                QKeySequence(f"Ctrl+{number}"),
                self,
                activated=lambda row=number - 1: (
                    row < self.navigation.count()
                    and not self.navigation.isRowHidden(row)
                    and self.navigation.setCurrentRow(row)
                ),
            )

        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        tools.addAction(self.settings_action)
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.triggered.connect(self.back_up_now)
        tools.addAction(self.backup_action)
        # Keys are a focal person's (head office's registrar, a campus's focal person).
        self.keys_action = QAction(self.tr("Signing &keys…"), self)
        self.keys_action.triggered.connect(self.open_signing_keys)
        tools.addAction(self.keys_action)
        self.backups = BackupSchedule(self.runner, self.db_path, self)
        self.backup_status = QLabel(self)
        self.backup_status.setObjectName("backupStatus")
        self.statusBar().addPermanentWidget(self.backup_status)
        self.backups.finished.connect(lambda text: self._backup_said(text, False))
        self.backups.failed.connect(lambda text: self._backup_said(text, True))
        # The daily backup is checked a minute after start, so it never slows the start.
        QTimer.singleShot(60_000, self.backups.check)
        self.sync_status = SyncStatusLabel(self.runner, self.sync_scheduler, self)
        self.statusBar().addPermanentWidget(self.sync_status)
        if hub_settings().serve:
            self.runner.read(node_kind, done=self._serve_if_hub)

        account = self.menuBar().addMenu(self.tr("&Account"))
        self.switch_user_action = QAction(self.tr("&Switch user…"), self)
        self.switch_user_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_user_action.triggered.connect(self.switch_user)
        account.addAction(self.switch_user_action)
        self.change_password_action = QAction(self.tr("&Change password…"), self)
        self.change_password_action.triggered.connect(self.change_password)
        account.addAction(self.change_password_action)
        # Shared office and lab computers: lock after a while without input.
        self.lock = InactivityLock(lock_minutes() * 60_000 if lock_ms is None else lock_ms, self)
        self.lock.locked.connect(self.lock_screen)
        self.session.changed.connect(self._show_who)
        self._show_who(actor)

    def _show_who(self, actor: Actor | None) -> None:
        title = self.tr("Sanad")
        if self.session.demo and actor:
            title = self.tr("Sanad — demo campus — signed in automatically as {name}").format(
                name=actor.name
            )
        elif actor:
            title = self.tr("Sanad — {name}").format(name=actor.name)
        self.setWindowTitle(title)
        self.keys_action.setVisible(bool(actor) and actor.role == "admin")
        self._offer_screens()
        status = self.tr("Database: {path}").format(path=ltr(display_path(self.db_path)))
        if actor:
            status += "   ·   " + self.tr("Signed in: {name}").format(name=actor.name)
        self.statusBar().showMessage(status)

    def switch_user(self) -> None:
        """Another person signs in at this computer; the screens stay, the actor changes."""
        actor = SignInDialog.ask(self.runner, self.tr("Switch user"), self)
        if actor is not None and actor.role == "student":
            self._hand_to_student(actor)
        elif actor is not None:
            self.session.sign_in(actor)

    def _hand_to_student(self, actor: Actor) -> None:
        self.hide()
        self.student_arrived.emit(actor)
        self.close()

    # (attribute, module, class, takes the session): the screens in navigation order.
    SCREENS = (
        ("overview", "desktop.ui.overview", "OverviewPage", False),
        ("catalogue", "desktop.ui.catalogue", "CataloguePage", True),
        ("learners", "desktop.ui.learners", "LearnersPage", True),
        ("cohorts", "desktop.ui.cohorts", "CohortsPage", True),
        ("enrolments", "desktop.ui.enrolments", "EnrolmentsPage", True),
        ("marking", "desktop.ui.marking", "MarkingPage", True),
        ("credentials", "desktop.ui.credentials", "CredentialsPage", True),
        ("verify", "desktop.ui.verify", "VerifyPage", True),
        ("sync", "desktop.ui.sync_page", "SyncPage", True),
    )

    # Screens offered to focal persons only (the core refuses the others anyway); their rows
    # are hidden, not removed, so Ctrl+1 … Ctrl+9 stay the same for everyone.
    ADMIN_SCREENS = frozenset({"credentials", "sync"})

    def _screen_titles(self) -> dict[str, str]:
        return {
            "overview": self.tr("Dashboard"),
            "catalogue": self.tr("Catalogue"),
            "learners": self.tr("Learners"),
            "cohorts": self.tr("Cohorts"),
            "enrolments": self.tr("Enrolments"),
            "marking": self.tr("Marking"),
            "credentials": self.tr("Credentials"),
            "verify": self.tr("Verify"),
            "sync": self.tr("Sync"),
        }

    def _build_screens(self) -> None:
        """List the screens (again, after a restore: nothing shown may come from before).

        A screen is made, its module imported, when it is first shown: start-up builds only
        the dashboard, and a screen nobody opens costs nothing.
        """
        current = max(self.navigation.currentRow(), 0)
        self.navigation.blockSignals(True)
        self.navigation.clear()
        while self.stack.count():
            old = self.stack.widget(0)
            self.stack.removeWidget(old)
            old.deleteLater()
        self._screens: dict[str, QWidget] = {}
        titles = self._screen_titles()
        for name, *_ in self.SCREENS:
            item = QListWidgetItem(titles[name], self.navigation)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, titles[name])
        self.navigation.blockSignals(False)
        self.navigation.setCurrentRow(current)
        self._show_row(current)
        self._offer_screens()

    def _offer_screens(self) -> None:
        """Show the rows of the screens the signed-in person may use; leave a hidden one."""
        actor = self.session.actor
        admin = bool(actor) and actor.role == "admin"
        for row, (name, *_) in enumerate(self.SCREENS):
            self.navigation.setRowHidden(row, name in self.ADMIN_SCREENS and not admin)
        if self.navigation.isRowHidden(max(self.navigation.currentRow(), 0)):
            self.navigation.setCurrentRow(0)

    def screen(self, name: str) -> QWidget:
        """The screen called ``name`` (see :attr:`SCREENS`), made now if it is not yet."""
        page = self._screens.get(name)
        if page is None:
            import importlib

            _, module, cls, with_session = next(s for s in self.SCREENS if s[0] == name)
            page_class = getattr(importlib.import_module(module), cls)
            args = (self.runner, self.session) if with_session else (self.runner,)
            page = page_class(*args, self.stack, **self._screen_needs(name))
            self._screens[name] = page
            self.stack.addWidget(page)
        return page

    def _screen_needs(self, name: str) -> dict[str, Any]:
        """What a screen needs beside the runner and the session (never the window)."""
        if name == "sync":
            return {"scheduler": self.sync_scheduler, "hub": self.hub_service}
        return {}

    def _serve_if_hub(self, kind: str) -> None:
        """Serve lab stations from start-up when this computer is set to (a campus hub only:
        a lab station or head office has none to serve)."""
        if kind == "campus":
            self.hub_service.start(hub_settings().port)

    @property
    def overview(self) -> QWidget:
        return self.screen("overview")

    @property
    def catalogue(self) -> QWidget:
        return self.screen("catalogue")

    @property
    def learners(self) -> QWidget:
        return self.screen("learners")

    @property
    def cohorts(self) -> QWidget:
        return self.screen("cohorts")

    @property
    def enrolments(self) -> QWidget:
        return self.screen("enrolments")

    @property
    def marking(self) -> QWidget:
        return self.screen("marking")

    @property
    def credentials(self) -> QWidget:
        return self.screen("credentials")

    @property
    def verify(self) -> QWidget:
        return self.screen("verify")

    @property
    def sync(self) -> QWidget:
        return self.screen("sync")

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.SCREENS) and not self.navigation.isRowHidden(row):
            self.stack.setCurrentWidget(self.screen(self.SCREENS[row][0]))

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.runner, self.session, self.backups, self)
        dialog.restored.connect(self._restored)
        dialog.accepted.connect(lambda: self.lock.set_minutes(lock_minutes()))
        dialog.open()
        self.settings_dialog = dialog

    def open_signing_keys(self) -> None:
        from desktop.ui.signing_keys import SigningKeysDialog  # few open it: imported then

        if not (self.session.actor and self.session.actor.role == "admin"):
            return
        dialog = SigningKeysDialog(self.runner, self.session, self)
        dialog.open()
        self.keys_dialog = dialog

    def back_up_now(self) -> None:
        if not backup_settings().folder:
            self.open_settings()
            return
        self.backup_status.setText(self.tr("Backing up…"))
        self.backups.back_up_now()

    def _backup_said(self, text: str, failed: bool) -> None:
        self.backup_status.setStyleSheet(ERROR_STYLE if failed else "")
        self.backup_status.setText(text)

    def _restored(self, _result: object) -> None:
        """The database now holds the backup: fresh screens, and a sign-in against its
        accounts (the person signed in may not exist in it, or have another role)."""
        self._build_screens()
        self.lock_screen()

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.runner, self.session, self)
        dialog.open()
        self.password_dialog = dialog

    def lock_screen(self) -> None:
        """Hide everything until someone signs in; giving up closes the window."""
        actor = self.session.actor
        self.centralWidget().hide()
        self.statusBar().showMessage(self.tr("Locked after a while without use."))
        again = SignInDialog.ask(
            self.runner,
            self.tr("Locked after a while without use: sign in to go on"),
            self,
            username=(actor.username or "") if actor else "",
        )
        if again is None:
            self.close()
            return
        if again.role == "student":
            self._hand_to_student(again)
            return
        self.session.sign_in(again)
        self.centralWidget().show()
        self.lock.resume()

    def show_screen(self, page: QWidget) -> None:
        for row, (name, *_) in enumerate(self.SCREENS):
            if self._screens.get(name) is page:
                self.navigation.setCurrentRow(row)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock.stop()
        self.backups.stop()
        self.sync_scheduler.close()
        self.hub_service.close()
        self.runner.close()
        super().closeEvent(event)
