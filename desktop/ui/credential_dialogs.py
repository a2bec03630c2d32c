"""Dialogs about one issued credential, used by the Credentials screen.

- :class:`ChangeCredentialDialog`: revoke, suspend, reinstate or reissue it, with a reason and
  the campus key's passphrase (the status list verifiers check is signed again; a reissue also
  signs the replacement).
- :class:`ShareDialog`: the verification link and the "Add to LinkedIn profile" link.

Opening the key (a slow key derivation) and signing run on the writer thread; a refusal is
shown beside its field and nothing typed is cleared. Issuing a batch is
:mod:`desktop.ui.credential_issuing`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.certificates import linkedin_url, verification_url
from desktop.core.errors import DomainError, InvalidInput, NotFound
from desktop.core.services.issuing import (
    change_status,
    reissue,
    unlock_issuer_key,
)
from desktop.core.store import Actor, Store
from desktop.core.validation import require_text
from desktop.ui.forms import ERROR_STYLE, FieldMarks
from desktop.ui.i18n import coded_title, ltr, rtl_line
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.sizing import characters
from desktop.ui.tasks import TaskRunner

__all__ = [
    "HINT_STYLE",
    "ChangeCredentialDialog",
    "ShareDialog",
    "credential_line",
    "credential_states",
    "local_day",
    "selectable",
]

translate = QCoreApplication.translate
HINT_STYLE = "background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 4px;"
WARNING_STYLE = "background: #fde7e9; color: #a4262c; padding: 6px; border-radius: 4px;"


def credential_states() -> dict[str, str]:
    """Each state of a credential as a person reads it, in the interface language."""
    return {
        "active": translate("CredentialState", "Active"),
        "suspended": translate("CredentialState", "Suspended"),
        "revoked": translate("CredentialState", "Revoked"),
        "expired": translate("CredentialState", "Expired"),
    }


def local_day(stamp: str | None) -> str:
    """The day of a stored UTC time on this computer's clock, kept left to right."""
    try:
        moment = dt.datetime.fromisoformat((stamp or "").replace("Z", "+00:00"))
    except ValueError:
        return ltr(stamp or "")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return ltr(moment.astimezone().date().isoformat())


def credential_line(credential: dict[str, Any]) -> str:
    """A credential in one line: serial, learner, code and title (right to left in Urdu, even
    though it starts with the serial)."""
    return rtl_line(
        f"{ltr(credential['serial'])} · {credential['full_name']} · "
        f"{coded_title(credential, 'code')}"
    )


def selectable(label: QLabel) -> QLabel:
    flags = Qt.TextInteractionFlag
    label.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard)
    return label


# -- jobs (plain functions: they run on the runner's threads) -----------------------------------


def change_job(
    store: Store, actor: Actor | None, credential_id: str, action: str, reason: str,
    passphrase: str,
) -> dict[str, Any]:  # fmt: skip
    """Revoke, suspend, reinstate (the status list signed again) or reissue a credential. A
    missing reason and a wrong passphrase are reported together, before anything changes."""
    problems = []
    try:
        require_text(reason, "reason", max_len=500)
    except DomainError as exc:
        problems += exc.problems
    issuer = None
    try:
        issuer = unlock_issuer_key(store, passphrase)
    except DomainError as exc:
        problems += exc.problems
    if problems or issuer is None:
        raise InvalidInput(problems)
    if action == "reissue":
        return reissue(store, actor, credential_id, reason, issuer)
    return change_status(store, actor, credential_id, action, reason, issuer)


def share_links(conn, credential_id: str) -> dict[str, str]:
    """The verification and LinkedIn links of a recorded credential."""
    row = Store(conn, Path()).get("issued_credentials", credential_id)
    if row is None:
        raise NotFound.single("credential", credential_id, "was never issued here",
                              "Reload the list of credentials")  # fmt: skip
    serial, document = row["serial"], json.loads(row["document"])
    return {"verify": verification_url(document, serial),
            "linkedin": linkedin_url(document, serial)}  # fmt: skip


# -- one credential -----------------------------------------------------------------------------


class ChangeCredentialDialog(QDialog):
    """Revoke, suspend, reinstate or reissue one credential, with a reason and the passphrase.
    ``saved`` holds what the core returned (for a reissue, the replacement credential)."""

    ACTIONS = ("revoke", "suspend", "reinstate", "reissue")

    def __init__(self, runner: TaskRunner, session: Session, credential: dict[str, Any],
                 action: str, demo_passphrase: str | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        if action not in self.ACTIONS:
            raise ValueError(f"unknown action {action!r}; one of {', '.join(self.ACTIONS)}")
        self.runner, self.session = runner, session
        self.credential, self.action = credential, action
        self.saved: dict[str, Any] | None = None
        self._working = False
        serial = ltr(credential["serial"])
        texts = {
            "revoke": (
                self.tr("Revoke {serial}"),
                self.tr("Revoking is final: verifiers will be told that this credential is "
                        "revoked, and it cannot be reinstated. To correct a mistake in it, use "
                        "Reissue instead, which also issues a replacement."),
                self.tr("Re&voke"),
            ),
            "suspend": (
                self.tr("Suspend {serial}"),
                self.tr("While it is suspended, verifiers are told so. Reinstate it when the "
                        "matter is settled, or revoke it."),
                self.tr("&Suspend"),
            ),
            "reinstate": (
                self.tr("Reinstate {serial}"),
                self.tr("Verifiers will be told that this credential is valid again."),
                self.tr("Rei&nstate"),
            ),
            "reissue": (
                self.tr("Reissue {serial}"),
                self.tr("{serial} is revoked with this reason, and a replacement with a new "
                        "serial is issued for the same passed enrolment, from the records as "
                        "they are now. Give the learner the new PDF and JSON: the old ones "
                        "will show as revoked."),
                self.tr("Reiss&ue"),
            ),
        }  # fmt: skip
        title, explanation, button = texts[action]
        self.setWindowTitle(title.format(serial=credential["serial"]))
        self.setMinimumWidth(characters(self, 80))
        layout = QVBoxLayout(self)
        what = selectable(QLabel(credential_line(credential), self))
        what.setObjectName("changedCredential")
        what.setWordWrap(True)
        layout.addWidget(what)
        self.explanation = QLabel(explanation.format(serial=serial), self)
        self.explanation.setObjectName("changeExplanation")
        self.explanation.setWordWrap(True)
        if action in ("revoke", "reissue"):  # both revoke for good
            self.explanation.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.explanation)
        key_note = QLabel(self.tr(
            "The campus key signs the status list that verifiers check, so its passphrase is "
            "needed."
        ), self)  # fmt: skip
        key_note.setWordWrap(True)
        layout.addWidget(key_note)
        self.general = QLabel(self)
        self.general.setObjectName("changeProblem")
        layout.addWidget(self.general)
        self.marks = FieldMarks(self.general)
        form = QFormLayout()
        self.reason = self.marks.add_row(form, "reason", self.tr("&Reason"), QLineEdit(self))
        self.reason.setMaxLength(500)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.marks.add_row(form, "passphrase", self.tr("Campus key &passphrase"), self.passphrase)
        layout.addLayout(form)
        if demo_passphrase:
            hint = selectable(QLabel(self.tr(
                "Demonstration campus: its key's passphrase is {passphrase}."
            ).format(passphrase=ltr(demo_passphrase)), self))  # fmt: skip
            hint.setObjectName("demoPassphrase")
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            layout.addWidget(hint)
        self.working = QLabel(self)
        self.working.setObjectName("changeWorking")
        layout.addWidget(self.working)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    @classmethod
    def ask(cls, runner: TaskRunner, session: Session, credential: dict[str, Any], action: str,
            demo_passphrase: str | None = None,
            parent: QWidget | None = None) -> dict[str, Any] | None:  # fmt: skip
        dialog = cls(runner, session, credential, action, demo_passphrase, parent)
        try:
            return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def submit(self) -> None:
        self.marks.clear()
        self._working = True
        self.save_button.setEnabled(False)
        self.working.setText(self.tr("Opening the campus key and signing…"))
        self.runner.write(change_job, self.session.actor, self.credential["id"], self.action,
                          self.reason.text(), self.passphrase.text(), done=self._saved,
                          failed=self._refused)  # fmt: skip

    def _saved(self, row: dict[str, Any]) -> None:
        self._working = False
        self.saved = row
        self.accept()

    def reject(self) -> None:
        """Not while signing: the change may already be made, and the screen must hear of it."""
        if not self._working:
            super().reject()

    def _refused(self, error: BaseException) -> None:
        self._working = False
        self.working.clear()
        self.save_button.setEnabled(True)
        self.marks.show_any(error)


class ShareDialog(QDialog):
    """The links a learner shares: the registry's verification page, and LinkedIn's "Add
    licence or certification" form filled in. Both are left to right, selectable and copied
    with a button."""

    loaded = Signal()

    def __init__(self, runner: TaskRunner, credential: dict[str, Any],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share {serial}").format(serial=credential["serial"]))
        self.setMinimumWidth(characters(self, 90))
        layout = QVBoxLayout(self)
        who = selectable(QLabel(credential_line(credential), self))
        who.setWordWrap(True)
        layout.addWidget(who)
        note = QLabel(self.tr(
            "These links work when the learner, or whoever they send them to, is online: the "
            "verification page shows whether the credential is valid today. The PDF and the "
            "JSON file are the learner's to keep; the PDF's QR code is checked even offline."
        ), self)  # fmt: skip
        note.setObjectName("shareNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.verify_link = self._link_row(
            layout,
            self.tr("Verification link"),
            self.tr("Copy the &verification link"),
            "verifyLink",
        )
        self.linkedin_link = self._link_row(
            layout,
            self.tr("Add to LinkedIn profile"),
            self.tr("Copy the &LinkedIn link"),
            "linkedinLink",
        )
        self.message = QLabel(self)
        self.message.setObjectName("shareMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        runner.read(share_links, credential["id"], done=self._links_in, failed=self._failed)

    def _link_row(self, layout: QVBoxLayout, title: str, copy_text: str, name: str) -> QLineEdit:
        layout.addWidget(QLabel(rtl_line(title), self))  # "LinkedIn …" starts in Latin
        row = QHBoxLayout()
        link = QLineEdit(self)
        link.setObjectName(name)
        link.setAccessibleName(title)
        link.setReadOnly(True)
        # A web address reads left to right in Urdu too.
        link.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        link.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        row.addWidget(link, 1)
        copy = QPushButton(rtl_line(copy_text), self)
        copy.setObjectName(f"{name}Copy")
        copy.clicked.connect(lambda: self.copy(link))
        row.addWidget(copy)
        layout.addLayout(row)
        return link

    @classmethod
    def ask(cls, runner: TaskRunner, credential: dict[str, Any], parent=None) -> None:
        dialog = cls(runner, credential, parent)
        dialog.exec()
        dialog.deleteLater()

    def _links_in(self, links: dict[str, str]) -> None:
        self.verify_link.setText(links["verify"])
        self.linkedin_link.setText(links["linkedin"])
        for link in (self.verify_link, self.linkedin_link):
            link.setCursorPosition(0)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))
        self.loaded.emit()

    def copy(self, link: QLineEdit) -> None:
        QGuiApplication.clipboard().setText(link.text())
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Copied."))
