"""Tools → Signing keys: this computer's keys, and the steps that certify a campus key.

Head office makes the national root key once and certifies each campus's request with it. A
campus makes its issuer key and a request file, carries the request to head office (USB drive
or e-mail), and installs the certificate that comes back, checked against the root public key
head office gave it by a way it trusts (on paper or by telephone): the trust anchor.

The core does every step (``desktop.core.services.signing_keys``, as ``sanad keys`` does).
Sealing and unsealing keys, the database and the files all run on the task runner; the steps
are small dialogs (:mod:`desktop.ui.signing_key_steps`) that keep what was typed when refused.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.files import write_text_atomically
from desktop.core.services.signing_keys import list_keys
from desktop.core.store import Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import ltr
from desktop.ui.models import RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.sizing import characters, lines
from desktop.ui.tables import rows_table
from desktop.ui.tasks import TaskRunner

__all__ = ["SigningKeysDialog", "grouped_key", "read_document", "read_keys", "write_document"]

REQUEST = "SanadKeyCertificateRequest"
CERTIFICATE = "SanadKeyCertificate"
translate = QCoreApplication.translate
DEMO_STYLE = "background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 4px;"


# -- jobs (plain functions: they run on the runner's threads) -----------------------------------


def read_keys(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the dialog shows: the kind of node, whether it is the demo, the trust anchor
    installed here, the registry address, and the keys (public parts only)."""
    settings = dict(conn.execute(
        "SELECT key, value FROM settings "
        "WHERE key IN ('node_kind', 'demo', 'root_public_key', 'registry_url')"
    ).fetchall())  # fmt: skip
    return {
        "head_office": settings.get("node_kind") == "head_office",
        "demo": settings.get("demo") == "1",
        "anchor": settings.get("root_public_key"),
        "registry_url": settings.get("registry_url") or "",
        "keys": list_keys(Store(conn, Path())),
    }


def read_document(_conn: Any, path: str) -> dict[str, Any]:
    """A request or certificate file as the JSON object it holds (what kind is checked by the
    caller, and its signature by the core)."""
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise ValueError("it holds no JSON object")
    return document


def write_document(_conn: Any, path: str, document: dict[str, Any]) -> str:
    """Write a request or certificate whole or not at all, formatted as ``sanad keys`` does."""
    with write_text_atomically(path) as handle:
        handle.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return path


# -- how keys and times read ----------------------------------------------------------------------


def grouped_key(key: str) -> str:
    """A public key in groups of four, to read aloud on the telephone or copy from paper
    (the install step ignores the spaces)."""
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def short_key(key: str) -> str:
    return f"{key[:8]}…{key[-6:]}" if len(key) > 16 else key


def _moment(stamp: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def local_day(stamp: str | None) -> str:
    """The day of a stored UTC time on this computer's clock, ISO-ordered, kept left to right."""
    moment = _moment(stamp or "")
    return ltr(moment.astimezone().date().isoformat() if moment else (stamp or ""))


def span(certificate: dict[str, Any]) -> tuple[str, str]:
    """The first and last day of a certificate, as shown."""
    return local_day(certificate.get("validFrom")), local_day(certificate.get("validUntil"))


def document_kind_problem(document: dict[str, Any], wanted: str, path: str) -> str:
    """Why a chosen file is not the kind this step needs ("" when it is)."""
    kind = document.get("type")
    if kind == wanted and isinstance(document.get("campus"), dict):
        return ""
    name = ltr(Path(path).name)
    if wanted == REQUEST and kind == CERTIFICATE:
        text = translate("SigningKeys", "{file} is a certificate, not a request: it goes back to "
                         "the campus, which installs it.")  # fmt: skip
    elif wanted == CERTIFICATE and kind == REQUEST:
        text = translate("SigningKeys", "{file} is this campus's request, not a certificate: send "
                         "it to head office, which certifies it and sends a certificate file "
                         "back.")  # fmt: skip
    elif wanted == REQUEST:
        text = translate("SigningKeys", "{file} is not a key certificate request made by Sanad. "
                         "Choose the request file the campus sent.")  # fmt: skip
    else:
        text = translate("SigningKeys", "{file} is not a key certificate made by Sanad. Choose "
                         "the certificate file head office sent back.")  # fmt: skip
    return text.format(file=name)


def file_problem(path: str, error: BaseException, *, writing: bool) -> str:
    """Why a file could not be read or written, and what to do."""
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    if writing:
        text = translate("SigningKeys", "{file} could not be written ({reason}). Choose another "
                         "place, such as a USB drive with room on it.")  # fmt: skip
    else:
        text = translate("SigningKeys", "{file} could not be read as a Sanad file ({reason}).")
    return text.format(file=ltr(path), reason=reason)


def leading_alignment() -> Qt.AlignmentFlag:
    """Where a line starts in the interface's direction, whatever the text's own direction."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    return Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter


def monospace_label(parent: QWidget) -> QLabel:
    """A label for a public key: fixed-width and selectable (its text is given in a
    left-to-right isolate, so it reads left to right in Urdu too)."""
    label = QLabel(parent)
    label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# -- the table ----------------------------------------------------------------------------------


class KeysModel(RowsModel):
    """This computer's keys; the public key's cell has the whole key as its tooltip."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.rows[index.row()]
            key = self.columns[index.column()][0]
            if key == "public_key":
                return ltr(row["public_key"])
            if key == "certificate" and row.get("certificate"):
                cert = row["certificate"]
                return ltr(f"{cert['validFrom']} – {cert['validUntil']} (UTC)")
            return None
        return super().data(index, role)


# -- the dialog ---------------------------------------------------------------------------------


class SigningKeysDialog(QDialog):
    """This computer's signing keys and, for a focal person, the next step with them."""

    loaded = Signal()  # the keys are in (after every refresh)

    def __init__(self, runner: TaskRunner, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.session = runner, session
        self.facts: dict[str, Any] | None = None
        self.anchor: str | None = None  # the root public key shown (head office's own, or
        # the one a campus installed)
        self.step: QDialog | None = None  # the step dialog open, if any
        self.folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.setWindowTitle(self.tr("Signing keys"))
        layout = QVBoxLayout(self)

        self.demo_banner = QLabel(self.tr(
            "Demonstration data: the keys made here are demonstration keys. Certificates made "
            "with them are not valid: do not send them to anyone or use them for real learners."
        ), self)  # fmt: skip
        self.demo_banner.setObjectName("keysDemoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setStyleSheet(DEMO_STYLE)
        self.demo_banner.hide()
        layout.addWidget(self.demo_banner)
        self.intro = QLabel(self.tr("Reading the keys…"), self)
        self.intro.setObjectName("keysIntro")
        self.intro.setWordWrap(True)
        self.intro.setMinimumWidth(characters(self.intro, 100))
        layout.addWidget(self.intro)

        self.anchor_box = QGroupBox(self)
        anchor = QVBoxLayout(self.anchor_box)
        self.anchor_key = monospace_label(self.anchor_box)
        self.anchor_key.setObjectName("anchorKey")
        font = self.anchor_key.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.anchor_key.setFont(font)
        self.anchor_note = QLabel(self.anchor_box)
        self.anchor_note.setObjectName("anchorNote")
        self.anchor_note.setWordWrap(True)
        anchor_row = QHBoxLayout()
        anchor_row.addWidget(self.anchor_key)
        anchor_row.addStretch(1)
        self.copy_anchor = QPushButton(self.tr("Copy the &root key"), self.anchor_box)
        self.copy_anchor.setObjectName("copyRootKey")
        self.copy_anchor.clicked.connect(self._copy_anchor)
        anchor_row.addWidget(self.copy_anchor)
        self.make_root = QPushButton(self.tr("&Make the root key…"), self.anchor_box)
        self.make_root.setObjectName("makeRootKey")
        self.make_root.clicked.connect(self.make_root_key)
        anchor_row.addWidget(self.make_root)
        anchor.addLayout(anchor_row)
        anchor.addWidget(self.anchor_note)
        self.anchor_box.hide()
        layout.addWidget(self.anchor_box)

        self.model = KeysModel([
            ("purpose", self.tr("Purpose"), self._purpose),
            ("public_key", self.tr("Public key"), lambda r: ltr(short_key(r["public_key"]))),
            ("created_at", self.tr("Made"), lambda r: local_day(r["created_at"])),
            ("certificate", self.tr("Certificate"), self._validity),
            ("retired_at", self.tr("Retired"), lambda r: local_day(r["retired_at"])
             if r["retired_at"] else self.tr("In use")),
        ], self)  # fmt: skip
        self.table = rows_table(self, "signingKeys", self.tr("Signing keys of this computer"),
                                self.model)  # fmt: skip
        self.table.setMinimumHeight(lines(self.table, 6))
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.copy_key = QPushButton(self.tr("Co&py public key"), self)
        self.copy_key.setObjectName("copyPublicKey")
        self.copy_key.clicked.connect(self._copy_selected)
        self.certify = QPushButton(self.tr("&Certify a campus request…"), self)
        self.certify.setObjectName("certifyRequest")
        self.certify.clicked.connect(self.certify_request)
        self.make_campus = QPushButton(self.tr("Make a campus &key and request…"), self)
        self.make_campus.setObjectName("makeCampusKey")
        self.make_campus.clicked.connect(self.make_campus_key)
        self.install = QPushButton(self.tr("&Install certificate…"), self)
        self.install.setObjectName("installCertificate")
        self.install.clicked.connect(self.install_certificate)
        actions.addWidget(self.copy_key)
        actions.addStretch(1)
        for button in (self.certify, self.make_campus, self.install):
            button.hide()
            actions.addWidget(button)
        layout.addLayout(actions)

        self.message = QLabel(self)
        self.message.setObjectName("keysMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._enable()
        self.refresh()

    # -- what is shown ----------------------------------------------------------------------------

    @property
    def admin(self) -> bool:
        actor = self.session.actor
        return bool(actor) and actor.role == "admin"

    def _purpose(self, row: dict[str, Any]) -> str:
        return (
            self.tr("National root") if row["purpose"] == "root" else self.tr("Campus issuer key")
        )

    def _validity(self, row: dict[str, Any]) -> str:
        if row["purpose"] == "root":
            return self.tr("Not needed: the root is the trust anchor")
        certificate = row.get("certificate")
        if not certificate:
            return self.tr("Not certified yet — send the request file to head office")
        start, until = span(certificate)
        ends = _moment(certificate["validUntil"])
        if ends is not None and ends <= dt.datetime.now(dt.UTC):
            return self.tr("Ended {until} (was from {start})").format(start=start, until=until)
        return self.tr("From {start} until {until}").format(start=start, until=until)

    def refresh(self) -> None:
        self.runner.read(read_keys, done=self._keys_in,
                         failed=lambda error: self.say(error_text(error), error=True))  # fmt: skip

    def _keys_in(self, facts: dict[str, Any]) -> None:
        self.facts = facts
        head_office = facts["head_office"]
        self.model.set_rows(facts["keys"])
        if facts["keys"]:
            self.table.resizeColumnsToContents()
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.demo_banner.setVisible(facts["demo"])
        root = self.live_root()
        if head_office:
            self.intro.setText(self.tr(
                "This is head office's computer. Its root key certifies the key of each campus: "
                "a certificate says from when until when a campus key may sign credentials."
            ))  # fmt: skip
            self.anchor_box.setTitle(self.tr("Root public key — the trust anchor"))
            self._show_anchor(root["public_key"] if root else None, self.tr(
                "Every campus types this key in when it installs its certificate: it is how "
                "they know the certificate is head office's. Give it to them by a way you "
                "trust — on paper or by telephone — not only in the e-mail that carries the "
                "certificate."
            ) if root else self.tr(
                "There is no root key yet. Make it once, on this computer. Keep its passphrase "
                "safe: nobody can recover it, and without it no campus can be certified."
            ))  # fmt: skip
        else:
            self.intro.setText(self.tr(
                "To sign credentials, this campus needs a key certified by head office:\n"
                "1. Make a campus key and request here.\n"
                "2. Send the request file to head office on a USB drive or by e-mail.\n"
                "3. Install the certificate they send back, with the root public key they give "
                "you on paper or by telephone."
            ))  # fmt: skip
            self.anchor_box.setTitle(self.tr("Head office's root public key"))
            self._show_anchor(facts["anchor"], self.tr(
                "Installed with the certificate: credentials are checked against it."
            ) if facts["anchor"] else self.tr(
                "Not installed yet: you type it in with the first certificate."
            ))  # fmt: skip
        self.anchor_box.show()
        self.make_root.setVisible(head_office and root is None)
        self.certify.setVisible(head_office)
        self.make_campus.setVisible(not head_office)
        self.install.setVisible(not head_office)
        self._enable()
        self.loaded.emit()

    def _show_anchor(self, key: str | None, note: str) -> None:
        self.anchor = key
        self.anchor_key.setText(ltr(grouped_key(key)) if key else "")
        self.anchor_key.setVisible(bool(key))
        self.copy_anchor.setVisible(bool(key))
        self.anchor_note.setText(note)

    def live_root(self) -> dict[str, Any] | None:
        keys = self.facts["keys"] if self.facts else []
        return next((k for k in keys if k["purpose"] == "root" and not k["retired_at"]), None)

    def _enable(self) -> None:
        ready, admin = self.facts is not None, self.admin
        self.copy_key.setEnabled(self.table.currentIndex().isValid())
        self.make_root.setEnabled(ready and admin)
        self.certify.setEnabled(ready and admin and self.live_root() is not None)
        self.make_campus.setEnabled(ready and admin)
        self.install.setEnabled(ready and admin)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _copy_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            QGuiApplication.clipboard().setText(self.model.rows[index.row()]["public_key"])
            self.say(self.tr("The public key is copied."))

    def _copy_anchor(self) -> None:
        if self.anchor:
            QGuiApplication.clipboard().setText(self.anchor)
            self.say(self.tr("The root public key is copied."))

    # -- files (tests replace these two) --------------------------------------------------------

    def _choose_open_file(self, title: str) -> str:
        """Ask which request or certificate file to open; "" when the person cancels."""
        name, _ = QFileDialog.getOpenFileName(self, title, self.folder,
                                              self.tr("Sanad key files (*.json)"))  # fmt: skip
        return name

    def _choose_save_file(self, title: str, suggested: str) -> str:
        """Ask where to save a request or certificate; "" when the person cancels."""
        name, _ = QFileDialog.getSaveFileName(self, title, suggested,
                                              self.tr("Sanad key files (*.json)"))  # fmt: skip
        return name

    def choose_save(self, title: str, name: str) -> str:
        """Where to save ``name`` (in the folder used last), with ``.json`` added if missing."""
        path = self._choose_save_file(title, str(Path(self.folder) / name))
        if not path:
            return ""
        if Path(path).suffix.lower() != ".json":
            path += ".json"
        self.folder = str(Path(path).parent)
        return path

    def _open_document(
        self, title: str, wanted: str, then: Callable[[str, dict[str, Any]], None]
    ) -> None:
        path = self._choose_open_file(title)
        if not path:
            return
        self.folder = str(Path(path).parent)
        self.say(self.tr("Reading {file}…").format(file=ltr(Path(path).name)))

        def read(document: dict[str, Any]) -> None:
            problem = document_kind_problem(document, wanted, path)
            if problem:
                self.say(problem, error=True)
                return
            self.say("")
            then(path, document)

        self.runner.read(read_document, path, done=read, failed=lambda error: self.say(
            file_problem(path, error, writing=False), error=True))  # fmt: skip

    # -- the steps --------------------------------------------------------------------------------

    def _open_step(self, step: QDialog) -> QDialog:
        self.step = step
        step.open()
        return step

    def make_root_key(self) -> None:
        from desktop.ui.signing_key_steps import NewKeyDialog

        step = NewKeyDialog(self.runner, self.session, "root", self.choose_save, self)
        step.made.connect(lambda _row, _path: self._made_root())
        self._open_step(step)

    def _made_root(self) -> None:
        self.say(self.tr(
            "The root key is made. Give every campus its public key, shown above, by a way you "
            "trust: on paper or by telephone."
        ))  # fmt: skip
        self.refresh()

    def make_campus_key(self) -> None:
        from desktop.ui.signing_key_steps import NewKeyDialog

        step = NewKeyDialog(self.runner, self.session, "campus", self.choose_save, self)
        step.made.connect(lambda _row, path: self._made_campus_key(path))
        self._open_step(step)

    def _made_campus_key(self, path: str) -> None:
        self.say(self.tr(
            "The campus key is made and its request saved as {file}. Send that file to head "
            "office on a USB drive or by e-mail, then install the certificate they send back."
        ).format(file=ltr(path)))  # fmt: skip
        self.refresh()

    def certify_request(self) -> None:
        self._open_document(self.tr("Choose the request file a campus sent"), REQUEST,
                            self._certify_file)  # fmt: skip

    def _certify_file(self, _path: str, request: dict[str, Any]) -> None:
        from desktop.ui.signing_key_steps import CertifyDialog

        registry_url = self.facts["registry_url"] if self.facts else ""
        step = CertifyDialog(self.runner, self.session, request, registry_url, self.choose_save,
                             self)  # fmt: skip
        step.certified.connect(self._certified)
        self._open_step(step)

    def _certified(self, certificate: dict[str, Any], path: str) -> None:
        self.refresh()  # the registry address may be new
        start, until = span(certificate)
        self.say(self.tr(
            "Certified {campus} from {start} until {until}. The certificate is saved as "
            "{file}: send it back to the campus, and give them the root public key on paper or "
            "by telephone."
        ).format(campus=ltr(certificate["campus"]["code"]), start=start, until=until,
                 file=ltr(path)))  # fmt: skip

    def install_certificate(self) -> None:
        self._open_document(self.tr("Choose the certificate file from head office"),
                            CERTIFICATE, self._install_file)  # fmt: skip

    def _install_file(self, _path: str, certificate: dict[str, Any]) -> None:
        from desktop.ui.signing_key_steps import InstallDialog

        anchor = self.facts["anchor"] if self.facts else None
        step = InstallDialog(self.runner, self.session, certificate, anchor, self)
        step.installed.connect(self._installed)
        self._open_step(step)

    def _installed(self, row: dict[str, Any]) -> None:
        start, until = span(row["certificate"])
        self.say(self.tr(
            "Installed: this campus's key is certified from {start} until {until}."
        ).format(start=start, until=until))  # fmt: skip
        self.refresh()
