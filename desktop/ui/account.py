"""Account safety on shared computers: lock after a while without input, and change password.

``InactivityLock`` watches the application's input events; after the chosen minutes without
any it emits ``locked``, and the window hides its content until someone signs in again. The
minutes are a setting of this computer (``lock_minutes``, default 10; 0 never locks).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import FieldProblem, InvalidInput
from desktop.core.services import users
from desktop.core.store import Store
from desktop.ui.forms import FieldMarks
from desktop.ui.i18n import computer_settings
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner

__all__ = ["ChangePasswordDialog", "InactivityLock", "lock_minutes", "save_lock_minutes"]

DEFAULT_LOCK_MINUTES = 10
INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def lock_minutes() -> int:
    """Minutes without input before the window locks on this computer (0: never)."""
    try:
        return max(0, int(computer_settings().value("lock_minutes", DEFAULT_LOCK_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_LOCK_MINUTES


def save_lock_minutes(minutes: int) -> None:
    settings = computer_settings()
    settings.setValue("lock_minutes", minutes)
    settings.sync()


class InactivityLock(QObject):
    """Emits ``locked`` after ``milliseconds`` without keyboard, mouse or touch input."""

    locked = Signal()

    def __init__(self, milliseconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(milliseconds)
        self.timer.timeout.connect(self.locked)
        if milliseconds > 0:
            QApplication.instance().installEventFilter(self)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.interval() > 0:
            self.timer.start()
        return False

    def resume(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()

    def set_minutes(self, minutes: int) -> None:
        """A new setting takes effect at once; 0 never locks."""
        app = QApplication.instance()
        app.removeEventFilter(self)
        self.timer.stop()
        self.timer.setInterval(minutes * 60_000)
        if minutes > 0:
            app.installEventFilter(self)
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _change(store: Store, actor, old: str, new: str) -> None:
    users.change_password(store, actor, old_password=old, new_password=new)


class ChangePasswordDialog(QDialog):
    """The signed-in person changes their own password."""

    def __init__(self, runner: TaskRunner, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.setWindowTitle(self.tr("Change password"))
        layout = QVBoxLayout(self)
        general = QLabel(self)
        layout.addWidget(general)
        self.marks = FieldMarks(general)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields: dict[str, QLineEdit] = {}
        for name, title in (("old_password", self.tr("&Current password")),
                            ("new_password", self.tr("&New password")),
                            ("confirm", self.tr("New password &again"))):  # fmt: skip
            edit = QLineEdit(self)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[name] = self.marks.add_row(form, name, title, edit)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Change password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        old, new = self.fields["old_password"].text(), self.fields["new_password"].text()
        if new != self.fields["confirm"].text():
            self.marks.show(
                InvalidInput(
                    FieldProblem(
                        "confirm", "", self.tr("is not the same password"), self.tr("Type it again")
                    )
                )
            )
            return
        self.save_button.setEnabled(False)
        self.runner.write(
            _change, self.session.actor, old, new, done=self._changed, failed=self._refused
        )

    def _changed(self, _result: None) -> None:
        self.save_button.setEnabled(True)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.marks.show_any(error)
