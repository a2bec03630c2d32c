"""The Credentials screen: the campus's issued credentials, newest first, for its focal person.

Narrowed by serial or learner's name and by state (active, suspended, revoked, expired), read
in keyset pages on a reader thread (:class:`PagedRowsModel`). Above the table, how many passed
enrolments wait for their credential, and the way to issue them (:class:`IssueDialog`). For the
chosen credential: its PDF and JSON saved where the person says, its links to share, and the
status changes its state allows (revoke, suspend, reinstate, reissue), each signed with the
campus key. A demonstration database says that its credentials prove nothing, and gives the
demo key's passphrase so that issuing can be tried.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.certificates import credential_json, credential_pdf
from desktop.core.credential_lists import (
    STATES,
    CredentialFilter,
    count_credentials,
    search_credentials,
)
from desktop.core.errors import NotFound
from desktop.core.files import write_bytes_atomically
from desktop.core.services.issuing import count_issuable
from desktop.core.store import Store
from desktop.ui.credential_dialogs import (
    HINT_STYLE,
    ChangeCredentialDialog,
    ShareDialog,
    credential_states,
    selectable,
)
from desktop.ui.credential_issuing import IssueDialog
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import coded_title, follow_script, ltr
from desktop.ui.models import PagedRowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.tables import rows_table
from desktop.ui.tasks import TaskRunner

__all__ = ["CredentialTableModel", "CredentialsPage", "save_credential_file"]

PAGE_SIZE = 200


# -- jobs (plain functions: they run on the runner's threads) -----------------------------------


def _first_page(conn, wanted: CredentialFilter):
    page = search_credentials(conn, wanted, limit=PAGE_SIZE)
    total = len(page.rows) if page.next_after is None else count_credentials(conn, wanted)
    return (page.rows, page.next_after), total


def _next_page(conn, wanted: CredentialFilter, after: tuple[str, str]):
    page = search_credentials(conn, wanted, after=after, limit=PAGE_SIZE)
    return page.rows, page.next_after


def read_situation(conn, campus_id: str | None) -> dict[str, Any]:
    """Whether this is the demo, and how many passed enrolments wait for their credential."""
    store = Store(conn, Path())
    waiting = count_issuable(store, campus_id) if campus_id else 0
    return {"demo": store.setting("demo") == "1", "waiting": waiting}


def save_credential_file(conn, credential_id: str, kind: str, path: str) -> str:
    """Write a credential's PDF certificate or its signed JSON to ``path``, whole or not at all."""
    store = Store(conn, Path())
    if kind == "pdf":
        data = credential_pdf(store, credential_id)
    else:
        row = store.get("issued_credentials", credential_id)
        if row is None:
            raise NotFound.single("credential", credential_id, "was never issued here",
                                  "Reload the list of credentials")  # fmt: skip
        data = credential_json(row["document"])
    write_bytes_atomically(path, data)
    return path


# -- the table ----------------------------------------------------------------------------------


class CredentialTableModel(PagedRowsModel):
    """The credentials of the current filter, loaded page by page."""

    def __init__(self, runner: TaskRunner, campus_id: str | None, parent=None) -> None:
        states = credential_states()
        columns = [
            ("serial", self.tr("Serial"), lambda r: ltr(r["serial"])),
            ("full_name", self.tr("Learner"), lambda r: r["full_name"]),
            ("registration_no", self.tr("Registration no."), lambda r: ltr(r["registration_no"])),
            ("code", self.tr("Micro-credential or pathway"), lambda r: coded_title(r, "code")),
            ("valid_from", self.tr("Issued on"), lambda r: ltr(r["valid_from"])),
            ("valid_until", self.tr("Valid until"),
             lambda r: ltr(r["valid_until"]) if r["valid_until"] else self.tr("Does not expire")),
            ("state", self.tr("State"), lambda r: states[r["state"]]),
        ]  # fmt: skip
        super().__init__(runner, columns, CredentialFilter(campus_id), parent)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 3:
            return super().data(index, Qt.ItemDataRole.DisplayRole)  # a title the column elides
        return super().data(index, role)

    def first_job(self, query: CredentialFilter):
        return lambda conn: _first_page(conn, query)

    def next_job(self, query: CredentialFilter, after: Any):
        return lambda conn: _next_page(conn, query, after)


# -- the screen ---------------------------------------------------------------------------------


class CredentialsPage(QWidget):
    """Issued credentials of the campus: issue, save, share, and change their status."""

    situation_loaded = Signal()  # the demo flag and the count of enrolments waiting are in
    saved = Signal(str)  # a file was written (its path)

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.states = credential_states()
        self.demo_passphrase: str | None = None
        self.folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        actor = session.actor
        self.model = CredentialTableModel(runner, actor.campus_id if actor else None, self)
        layout = QVBoxLayout(self)

        self.demo_banner = selectable(QLabel(self))
        self.demo_banner.setObjectName("credentialsDemoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setStyleSheet(HINT_STYLE)
        self.demo_banner.setTextFormat(Qt.TextFormat.RichText)
        self.demo_banner.hide()
        layout.addWidget(self.demo_banner)

        waiting = QHBoxLayout()
        self.waiting_label = QLabel(self.tr("Counting the enrolments that wait…"), self)
        self.waiting_label.setObjectName("credentialsWaiting")
        self.waiting_label.setWordWrap(True)
        waiting.addWidget(self.waiting_label, 1)
        self.issue_button = QPushButton(self.tr("&Issue credentials…"), self)
        self.issue_button.setObjectName("issueCredentials")
        self.issue_button.setEnabled(False)
        waiting.addWidget(self.issue_button)
        layout.addLayout(waiting)

        filters = QHBoxLayout()
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("credentialSearch")
        self.search_box.setPlaceholderText(self.tr("Serial or learner's name"))
        self.search_box.setAccessibleName(self.tr("Search credentials by serial or learner"))
        self.search_box.setClearButtonEnabled(True)
        follow_script(self.search_box)
        filters.addWidget(self.search_box, 3)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.setAccessibleName(self.tr("State"))
        self.state_filter.addItem(self.tr("Every state"), None)
        for state in STATES:
            self.state_filter.addItem(self.states[state], state)
        state_label = QLabel(self.tr("Sho&w"), self)
        state_label.setBuddy(self.state_filter)
        filters.addWidget(state_label)
        filters.addWidget(self.state_filter, 1)
        layout.addLayout(filters)

        self.count_label = QLabel(self.tr("Loading the credentials…"), self)
        self.count_label.setObjectName("credentialCount")
        layout.addWidget(self.count_label)
        self.table = rows_table(self, "credentialTable", self.tr("Credentials"), self.model)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.pdf_button = self._button(buttons, self.tr("Save &PDF…"), "savePdf")
        self.json_button = self._button(buttons, self.tr("Save &JSON…"), "saveJson")
        self.share_button = self._button(buttons, self.tr("S&hare…"), "shareCredential")
        buttons.addStretch(1)
        self.revoke_button = self._button(buttons, self.tr("&Revoke…"), "revokeCredential")
        self.suspend_button = self._button(buttons, self.tr("S&uspend…"), "suspendCredential")
        self.reinstate_button = self._button(buttons, self.tr("Rein&state…"),
                                             "reinstateCredential")  # fmt: skip
        self.reissue_button = self._button(buttons, self.tr("R&eissue…"), "reissueCredential")
        layout.addLayout(buttons)
        self.message = selectable(QLabel(self))
        self.message.setObjectName("credentialMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.search_box.textChanged.connect(lambda _text: self.apply_filter())
        self.state_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.model.loaded.connect(self._show_count)
        self.model.loaded.connect(lambda _total: self._find_wanted())
        self.model.rowsInserted.connect(lambda *_: self._find_wanted())
        self.model.modelReset.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.issue_button.clicked.connect(self.issue)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.json_button.clicked.connect(lambda: self.save("json"))
        self.share_button.clicked.connect(self.share)
        self.revoke_button.clicked.connect(lambda: self.change("revoke"))
        self.suspend_button.clicked.connect(lambda: self.change("suspend"))
        self.reinstate_button.clicked.connect(lambda: self.change("reinstate"))
        self.reissue_button.clicked.connect(lambda: self.change("reissue"))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self._wanted_serial: str | None = None
        self._wanted_row = 0
        self._saving = False
        self._sized = False
        self._loaded = False
        session.changed.connect(self._allow)
        self._allow(actor)

    def _button(self, row: QHBoxLayout, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setEnabled(False)
        row.addWidget(button)
        return button

    def showEvent(self, event) -> None:
        # Loaded when first shown: start-up should not wait for a screen nobody has opened.
        if not self._loaded:
            self._loaded = True
            self.refresh()
        super().showEvent(event)

    def _allow(self, actor) -> None:
        # The main window offers this screen to focal persons only; the core refuses others.
        self.admin = bool(actor) and actor.role == "admin"
        campus_id = actor.campus_id if actor else None
        if campus_id != self.model.query.campus_id and self._loaded:
            self.refresh()
        self._selection_changed()

    def refresh(self) -> None:
        """Read the list and the count of enrolments waiting again."""
        actor = self.session.actor
        self.runner.read(read_situation, actor.campus_id if actor else None,
                         done=self._situation_in, failed=self._situation_failed)  # fmt: skip
        self.apply_filter()

    def _situation_in(self, situation: dict[str, Any]) -> None:
        waiting = situation["waiting"]
        if waiting:
            self.waiting_label.setText(
                self.tr("%Ln passed enrolment(s) wait for their credential", "", waiting)
            )
        else:
            self.waiting_label.setText(self.tr("No passed enrolment waits for its credential."))
        self.issue_button.setEnabled(self.admin and waiting > 0)
        if situation["demo"]:
            from desktop.core.demo.credentials import DEMO_KEY_PASSPHRASE

            self.demo_passphrase = DEMO_KEY_PASSPHRASE
            # Rich text, so that the passphrase is never broken at its hyphens.
            passphrase = f'<b style="white-space: nowrap">{ltr(DEMO_KEY_PASSPHRASE)}</b>'
            self.demo_banner.setText(
                html.escape(self.tr("Demonstration data: these credentials are signed under the "
                                    "public demonstration root and prove nothing."))
                + "<br>"
                + html.escape(self.tr("To try issuing, the demo campus key's passphrase is "
                                      "{passphrase}.")).format(passphrase=passphrase)
            )  # fmt: skip
        self.demo_banner.setVisible(situation["demo"])
        self.situation_loaded.emit()

    def _situation_failed(self, error: BaseException) -> None:
        self.waiting_label.setText(error_text(error))
        self.situation_loaded.emit()

    def current_filter(self) -> CredentialFilter:
        actor = self.session.actor
        return CredentialFilter(
            campus_id=actor.campus_id if actor else None,
            text=self.search_box.text().strip(),
            state=self.state_filter.currentData(),
        )

    def apply_filter(self) -> None:
        self.model.search(self.current_filter())

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _show_count(self, total: int) -> None:
        query = self.model.query
        if total < 0:
            self.count_label.setText(self.tr("The credentials could not be read."))
        elif query.text or query.state:
            self.count_label.setText(self.tr("%Ln credential(s) match", "", total))
        else:
            self.count_label.setText(self.tr("%Ln credential(s)", "", total))
        if not self._sized and self.model.rows:
            self.table.resizeColumnsToContents()  # once: sizing every page again costs time
            # The title takes what the others leave: no sideways scrolling, long ones elided
            # (their whole text is in the tooltip).
            header = self.table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
            self._sized = True

    # -- the chosen credential -------------------------------------------------------------------

    def credential(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _selection_changed(self, *_: Any) -> None:
        row = self.credential()
        state = row["state"] if row else None
        for button in (self.pdf_button, self.json_button):
            button.setEnabled(row is not None and not self._saving)
        self.share_button.setEnabled(row is not None)
        admin = self.admin
        # What each state allows (the core decides again): a revocation is final, a suspended
        # credential is reinstated or revoked, and a pathway credential is not reissued (it is
        # proposed again while its components stand).
        self.revoke_button.setEnabled(admin and state in ("active", "suspended", "expired"))
        self.suspend_button.setEnabled(admin and state == "active")
        self.reinstate_button.setEnabled(admin and state == "suspended")
        # Reissue also mends a revocation whose replacement was never issued.
        self.reissue_button.setEnabled(
            admin and row is not None and row["kind"] == "micro_credential"
            and (state in ("active", "suspended") or (state == "revoked" and not row["replaced"]))
        )  # fmt: skip

    def keep_selection(self, serial: str | None) -> None:
        """After the next reload, choose the row of ``serial`` again if it is still listed."""
        self._wanted_serial = serial
        self._wanted_row = max(self.table.currentIndex().row(), 0)

    def _find_wanted(self) -> None:
        serial = self._wanted_serial
        if serial is None:
            return
        for number, row in enumerate(self.model.rows):
            if row["serial"] == serial:
                self._wanted_serial = None
                self.table.setCurrentIndex(self.model.index(number, 0))
                self.table.scrollTo(self.model.index(number, 0))
                return
        if self.model.canFetchMore() and len(self.model.rows) <= self._wanted_row + PAGE_SIZE:
            self.model.fetchMore()  # it was further down: read on to where it was
        else:
            self._wanted_serial = None

    def _changed(self, serial: str | None = None) -> None:
        """Something was issued or changed: read again, keeping the chosen serial."""
        chosen = self.credential()
        self.keep_selection(serial or (chosen["serial"] if chosen else None))
        self.refresh()

    # -- actions ---------------------------------------------------------------------------------

    def issue(self) -> None:
        if not self.admin:
            return
        IssueDialog.ask(self.runner, self.session, self.demo_passphrase, self,
                        changed=self._changed)  # fmt: skip

    def change(self, action: str) -> None:
        row = self.credential()
        if row is None or not self.admin:
            return
        saved = ChangeCredentialDialog.ask(self.runner, self.session, row, action,
                                           self.demo_passphrase, self)  # fmt: skip
        if saved is None:
            return
        if action == "reissue":
            self.message.setStyleSheet("")
            self.message.setText(self.tr("{old} is revoked; its replacement is {new}.").format(
                old=ltr(row["serial"]), new=ltr(saved["serial"])))  # fmt: skip
            self._changed(saved["serial"])  # the replacement is what the person wants next
        else:
            self.message.clear()
            self._changed(row["serial"])

    def share(self) -> None:
        row = self.credential()
        if row is not None:
            ShareDialog.ask(self.runner, row, self)

    def choose_save_path(self, title: str, suggested: str, filters: str) -> str:
        """Where to save a file ("" when the person gives up); tests replace it."""
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, filters)
        return path

    def save(self, kind: str) -> None:
        """Save the chosen credential's PDF certificate or its JSON, named by its serial."""
        row = self.credential()
        if row is None or self._saving:
            return
        suggested = str(Path(self.folder or Path.home()) / f"{row['serial']}.{kind}")
        if kind == "pdf":
            path = self.choose_save_path(self.tr("Save the PDF certificate"), suggested,
                                         self.tr("PDF files (*.pdf)"))  # fmt: skip
        else:
            path = self.choose_save_path(self.tr("Save the signed credential"), suggested,
                                         self.tr("JSON files (*.json)"))  # fmt: skip
        if not path:
            return
        self._saving = True
        self._selection_changed()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saving {file}…").format(file=ltr(Path(path).name)))
        self.runner.read(save_credential_file, row["id"], kind, path, done=self._saved,
                         failed=lambda error: self._not_saved(path, error))  # fmt: skip

    def _saved(self, path: str) -> None:
        self._saving = False
        self._selection_changed()
        self.folder = str(Path(path).parent)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved {path}.").format(path=ltr(path)))
        self.saved.emit(path)

    def _not_saved(self, path: str, error: BaseException) -> None:
        self._saving = False
        self._selection_changed()
        self.message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            self.message.setText(self.tr(
                "{file} could not be written ({reason}). Choose another folder, or check that "
                "the drive has room and is not read-only."
            ).format(file=ltr(path), reason=reason))  # fmt: skip
        else:
            self.message.setText(error_text(error))
