"""Signing in: user name and password, checked by the core on the writer thread.

The password check is deliberately slow (Argon2), so it never runs on the UI thread; the dialog
stays responsive and says it is checking. The message for a wrong name and a wrong password is
the same, as the core makes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import DomainError
from desktop.core.services.users import authenticate
from desktop.core.store import Actor, Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.problems import error_text
from desktop.ui.tasks import TaskRunner

__all__ = ["SignInDialog"]


def _sign_in(store: Store, username: str, password: str) -> Actor:
    return authenticate(store, username, password)


class SignInDialog(QDialog):
    """Asks for a user name and password until they match an account, or the person cancels."""

    def __init__(
        self,
        runner: TaskRunner,
        campus: str,
        parent: QWidget | None = None,
        *,
        username: str = "",
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in to Sanad"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        heading = QLabel(campus, self)
        heading.setObjectName("signInCampus")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        layout.addWidget(heading)
        form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Sign-in message"))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    @classmethod
    def ask(
        cls, runner: TaskRunner, campus: str, parent: QWidget | None = None, username: str = ""
    ) -> Actor | None:
        """Show the dialog; the signed-in actor, or ``None`` if the person gave up."""
        dialog = cls(runner, campus, parent, username=username)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None

    def submit(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.message.setText(self.tr("Type your user name and your password."))
            return
        self._busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Checking…"))
        self.runner.write(
            _sign_in,
            self.username.text(),
            self.password.text(),
            done=self._signed_in,
            failed=self._refused,
        )

    def _busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)

    def _signed_in(self, actor: Actor) -> None:
        self._busy(False)
        self.actor = actor
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._busy(False)
        self.message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, DomainError):
            problem = error.problems[0]
            if problem.problem.endswith("do not match an account"):
                text = self.tr(
                    "The user name and password do not match an account. "
                    "Check both (is Caps Lock on?)."
                )
            elif problem.problem == "is deactivated":
                text = self.tr("This account is deactivated. Ask the campus focal person.")
            else:
                text = error_text(error)
        else:
            text = self.tr("Could not check the password: {error}").format(error=error_text(error))
        self.message.setText(text)
        self.password.clear()
        self.password.setFocus()
