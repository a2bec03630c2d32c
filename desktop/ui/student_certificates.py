"""A student's own certificates, in student mode: the list, the PDF and JSON to save, and the
links to share.

Every read starts from the signed-in student (``student_view.own_learner``), and saving asks
again that the credential is theirs, so a student sees and saves only their own. Files are
drawn and written on a reader thread, each through a temporary file renamed into place
(``write_bytes_atomically``); the file dialog is Qt's own, as for evidence (see ``student``).
A revoked credential is listed, with its state, but not offered for saving or sharing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.certificates import (
    credential_json,
    credential_pdf,
    linkedin_url,
    verification_url,
)
from desktop.core.credential_lists import CredentialFilter, search_credentials
from desktop.core.files import write_bytes_atomically
from desktop.core.store import Actor, Store
from desktop.core.student_view import own_learner
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import in_language, ltr
from desktop.ui.models import RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.tables import rows_table
from desktop.ui.tasks import TaskRunner

__all__ = ["CertificatesPanel", "NotYours", "own_certificates", "save_certificate"]


class NotYours(LookupError):
    """A credential that is not the signed-in student's (or no longer exists)."""


def own_certificates(conn, actor: Actor) -> list[dict[str, Any]]:
    """The student's issued credentials, newest first, each with its links (a reader job)."""
    learner = own_learner(conn, actor)
    wanted = CredentialFilter(None, learner_id=learner["id"])
    rows: list[dict[str, Any]] = []
    after = None
    while True:
        page = search_credentials(conn, wanted, after=after)
        rows += page.rows
        if page.next_after is None:
            break
        after = page.next_after
    for row in rows:
        document = json.loads(_document(conn, learner["id"], row["id"]))
        row["verify_url"] = verification_url(document, row["serial"])
        row["linkedin_url"] = linkedin_url(document, row["serial"])
    return rows


def _document(conn, learner_id: str, credential_id: str) -> str:
    found = conn.execute(
        "SELECT document FROM issued_credentials WHERE id = ? AND learner_id = ? AND deleted = 0",
        (credential_id, learner_id),
    ).fetchone()
    if found is None:
        raise NotYours(credential_id)
    return found[0]


def save_certificate(conn, actor: Actor, credential_id: str, kind: str, path: str) -> Path:
    """Write the student's own credential as its PDF certificate or its JSON (a reader job)."""
    document = _document(conn, own_learner(conn, actor)["id"], credential_id)
    if kind == "pdf":
        data = credential_pdf(Store(conn, Path()), credential_id)
    else:
        data = credential_json(document)
    return write_bytes_atomically(path, data)


def _day(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return ltr(stamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return ltr(moment.date().isoformat())


class CertificatesPanel(QWidget):
    """The signed-in student's certificates; ``loaded`` when the list is in."""

    loaded = Signal()

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self._ended = False
        self.states = {
            "active": self.tr("In force"),
            "suspended": self.tr("Suspended"),
            "revoked": self.tr("Revoked"),
            "expired": self.tr("Expired"),
        }
        self.model = RowsModel(
            [
                ("serial", self.tr("Serial"), lambda r: ltr(r["serial"])),
                ("title_en", self.tr("Title"), in_language),
                ("issued_at", self.tr("Issued"), lambda r: _day(r["issued_at"])),
                ("valid_until", self.tr("Valid until"),
                 lambda r: _day(r["valid_until"]) or self.tr("No end date")),
                ("state", self.tr("State"), lambda r: self.states.get(r["state"], r["state"])),
            ],
            self,
        )  # fmt: skip
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Reading your certificates…"), self)
        self.summary.setObjectName("certificatesSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = rows_table(self, "ownCertificates", self.tr("Your certificates"), self.model)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Save &PDF…"), self)
        self.pdf_button.setObjectName("savePdf")
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.json_button = QPushButton(self.tr("Save &JSON…"), self)
        self.json_button.setObjectName("saveJson")
        self.json_button.clicked.connect(lambda: self.save("json"))
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.json_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        links = QGridLayout()
        self.verify_link = self._link("verificationLink", self.tr("Verification link"))
        self.linkedin_link = self._link("linkedinLink", self.tr("Add to LinkedIn profile"))
        self.copy_verify = QPushButton(self.tr("Copy the &verification link"), self)
        self.copy_verify.setObjectName("copyVerificationLink")
        self.copy_verify.clicked.connect(lambda: self._copy(self.verify_link))
        self.copy_linkedin = QPushButton(self.tr("Copy the &LinkedIn link"), self)
        self.copy_linkedin.setObjectName("copyLinkedinLink")
        self.copy_linkedin.clicked.connect(lambda: self._copy(self.linkedin_link))
        for row, (edit, copy) in enumerate(((self.verify_link, self.copy_verify),
                                            (self.linkedin_link, self.copy_linkedin))):
            label = QLabel(edit.accessibleName(), self)
            label.setBuddy(edit)
            links.addWidget(label, row, 0)
            links.addWidget(edit, row, 1)
            links.addWidget(copy, row, 2)  # fmt: skip
        links.setColumnStretch(1, 1)
        layout.addLayout(links)
        self.online_note = QLabel(self.tr(
            "The links work when online: the verification link shows anyone you send it to "
            "that the certificate is genuine and still in force, and the LinkedIn link adds "
            "it to your LinkedIn profile. The PDF and the JSON file can be checked offline."),
            self)  # fmt: skip
        self.online_note.setWordWrap(True)
        layout.addWidget(self.online_note)
        self.message = QLabel(self)
        self.message.setObjectName("certificatesMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_chosen())
        self._show_chosen()
        self.refresh()

    def _link(self, name: str, title: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(title)
        edit.setReadOnly(True)
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return edit

    # -- reading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        actor = self.session.actor
        self.runner.read(own_certificates, actor, done=self._in, failed=self._failed)

    def _in(self, rows: list[dict[str, Any]]) -> None:
        if self._ended:
            return
        self.model.set_rows(rows)
        if rows:
            self.summary.setText(self.tr("%n certificate(s) issued to you.", "", len(rows)))
            self.table.resizeColumnsToContents()
            # Not selectRow: right to left, before the view is laid out (a hidden tab), it
            # finds no column at the viewport's edge and selects nothing.
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.summary.setText(self.tr(
                "No certificate has been issued to you yet. When you pass a micro-credential, "
                "the campus issues its certificate and it appears here."))  # fmt: skip
        self._show_chosen()
        self.loaded.emit()

    def chosen(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _show_chosen(self) -> None:
        row = self.chosen()
        usable = row is not None and row["state"] != "revoked"
        for widget in (self.pdf_button, self.json_button, self.copy_verify, self.copy_linkedin):
            widget.setEnabled(usable)
        for edit, key in ((self.verify_link, "verify_url"), (self.linkedin_link, "linkedin_url")):
            edit.setText(row[key] if usable else "")
            edit.setCursorPosition(0)  # the start of a long link shows, not its end
        if row is not None and not usable:
            self._say(self.tr("This certificate was revoked by the campus: it is not offered "
                              "for saving or sharing. Ask the focal person why."))  # fmt: skip
        elif self.message.text() and not self.message.styleSheet():
            self.message.clear()

    # -- saving ----------------------------------------------------------------------------------

    def choose_save_path(self, title: str, suggested: str, filter_text: str) -> str:
        """Ask where to save; "" when the person cancels. Qt's own dialog, so the system's
        recent-file list never hears of it (and its history is forgotten at sign-out). Tests
        replace this."""
        dialog = QFileDialog(self, title)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setHistory([])
        dialog.setNameFilter(filter_text)
        dialog.selectFile(suggested)
        chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
        dialog.deleteLater()
        return chosen[0] if chosen else ""

    def save(self, kind: str) -> None:
        row = self.chosen()
        if row is None or row["state"] == "revoked":
            return
        suffix = ".pdf" if kind == "pdf" else ".json"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{row['serial']}{suffix}")
        if kind == "pdf":
            path = self.choose_save_path(self.tr("Save the PDF certificate"), suggested,
                                         self.tr("PDF certificates (*.pdf)"))  # fmt: skip
        else:
            path = self.choose_save_path(self.tr("Save the JSON credential"), suggested,
                                         self.tr("JSON credentials (*.json)"))  # fmt: skip
        if not path:
            return
        if Path(path).suffix.lower() != suffix:
            path += suffix
        actor, name = self.session.actor, ltr(Path(path).name)
        self._say(self.tr("Saving {file}…").format(file=name))
        self.runner.read(
            save_certificate, actor, row["id"], kind, path,
            done=lambda _path: self._say(self.tr("Saved {file}.").format(file=name)),
            failed=lambda error: self._save_failed(name, error),
        )  # fmt: skip

    def _save_failed(self, name: str, error: BaseException) -> None:
        if isinstance(error, OSError):
            reason = ltr(error.strerror or str(error))
            self._say(self.tr("{file} could not be saved: {reason}. Choose another folder, or "
                              "a USB drive with space on it.").format(file=name, reason=reason),
                      error=True)  # fmt: skip
        elif isinstance(error, NotYours):
            self._say(self.tr("This certificate is not yours to save."), error=True)
        else:
            self._failed(error)

    def _copy(self, edit: QLineEdit) -> None:
        if edit.text():
            QGuiApplication.clipboard().setText(edit.text())
            self._say(self.tr("Copied: paste it where you want to share it."))

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        if self._ended:
            return
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def clear(self) -> None:
        """Forget everything shown (the student signed out)."""
        self._ended = True
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() and clipboard.text() in (self.verify_link.text(),
                                                     self.linkedin_link.text()):  # fmt: skip
            clipboard.clear()  # the next person at this computer does not paste it
        self.model.set_rows([])
        for edit in (self.verify_link, self.linkedin_link):
            edit.clear()
        self.message.clear()
