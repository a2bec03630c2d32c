"""Student mode, for shared lab computers: a student's own enrolments and nothing else.

A student signs in with their registration number and password and sees their enrolments,
each requirement with the evidence of the current attempt, the status, and the feedback on
earlier attempts. They add files (a file picker, or dropped onto a requirement), links and
written reflections, and submit the attempt when every requirement has something. A second
tab lists their certificates, to save and share (``student_certificates``).

The next student must find nothing of the last one: signing out (the button, closing the
window, or a few minutes without use) ends the window; a new one is made for the next person.
The file picker is Qt's own, not the system's (which would add the file to a "recent files"
list), and its remembered folders are forgotten when the student signs out. Nothing is
previewed and no temporary file is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.blobs import BlobStore
from desktop.core.paths import evidence_dir
from desktop.core.services import evidence
from desktop.core.student_view import own_enrolments
from desktop.ui.account import InactivityLock, lock_minutes
from desktop.ui.enrolment_dialogs import status_names
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import coded_title, in_language, ltr, rtl_line
from desktop.ui.marking_dialog import decision_names
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.sizing import lines
from desktop.ui.student_certificates import CertificatesPanel
from desktop.ui.sync_scheduler import SyncScheduler
from desktop.ui.sync_status import SyncStatusLabel
from desktop.ui.tasks import TaskRunner

__all__ = ["RequirementBox", "StudentWindow", "forget_file_dialog_history"]

OPEN_FOR_EVIDENCE = ("enrolled", "in_progress", "resubmit")


def forget_file_dialog_history() -> None:
    """Qt's file dialog remembers folders and files in its own settings: forget them."""
    QSettings("QtProject").remove("FileDialog")
    QSettings("QtProject").sync()


class RequirementBox(QGroupBox):
    """One evidence requirement: what is in it for this attempt, and files dropped on it."""

    dropped = Signal(str, list)  # requirement id, local file paths

    def __init__(self, requirement: dict[str, Any], title: str, parent=None) -> None:
        super().__init__(title, parent)
        self.requirement = requirement
        self.setAcceptDrops("file" in requirement["kinds"])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(self.requirement["id"], paths)


class StudentWindow(QMainWindow):
    """The window a student works in; ``signed_out`` when they leave it."""

    signed_out = Signal()

    def __init__(
        self, db_path: Path, session: Session, *, runner: TaskRunner | None = None,
        lock_ms: int | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        self.db_path = Path(db_path)
        self.runner = runner or TaskRunner(self.db_path)
        self.runner.setParent(self)
        self.session = session
        self.session.setParent(self)
        self.blobs = BlobStore(evidence_dir(self.db_path))
        self.statuses = status_names()
        self.enrolments: list[dict[str, Any]] = []
        self._ended = False
        self.resize(1000, 640)
        actor = session.actor
        self.setWindowTitle(self.tr("Sanad — {name}").format(name=actor.name if actor else ""))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        self.who = QLabel(central)
        self.who.setObjectName("studentName")
        top.addWidget(self.who, 1)
        # A lab station syncs with the campus hub in the background while students work.
        self.sync_scheduler = SyncScheduler(self.db_path, self)
        self.sync_scheduler.finished.connect(self._synced)
        self.sync_status = SyncStatusLabel(self.runner, self.sync_scheduler, central)
        top.addWidget(self.sync_status)
        self.sign_out_button = QPushButton(self.tr("Sign &out"), central)
        self.sign_out_button.setObjectName("signOut")
        self.sign_out_button.clicked.connect(self.sign_out)
        top.addWidget(self.sign_out_button)
        layout.addLayout(top)
        splitter = QSplitter(central)
        self.enrolment_list = QListWidget(splitter)
        self.enrolment_list.setObjectName("ownEnrolments")
        self.enrolment_list.setAccessibleName(self.tr("Your enrolments"))
        right = QWidget(splitter)
        self.panel = QVBoxLayout(right)
        self.heading = QLabel(right)
        self.heading.setObjectName("enrolmentHeading")
        self.heading.setWordWrap(True)
        self.panel.addWidget(self.heading)
        self.requirements_area = QWidget(right)
        self.requirements_layout = QVBoxLayout(self.requirements_area)
        scroll = QScrollArea(right)
        scroll.setWidget(self.requirements_area)
        scroll.setWidgetResizable(True)
        self.panel.addWidget(scroll, 1)
        self.submit_button = QPushButton(self.tr("S&ubmit this attempt"), right)
        self.submit_button.setObjectName("submitAttempt")
        self.submit_button.clicked.connect(self.submit_attempt)
        self.panel.addWidget(self.submit_button)
        self.panel.addWidget(QLabel(self.tr("Attempts and feedback"), right))
        self.history = QListWidget(right)
        self.history.setObjectName("attemptHistory")
        self.history.setAccessibleName(self.tr("Attempts and feedback"))
        self.history.setWordWrap(True)
        self.history.setMaximumHeight(lines(self.history, 7))
        self.panel.addWidget(self.history)
        self.message = QLabel(right)
        self.message.setObjectName("studentMessage")
        self.message.setWordWrap(True)
        self.panel.addWidget(self.message)
        splitter.addWidget(self.enrolment_list)
        splitter.addWidget(right)
        splitter.setSizes([320, 680])
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("studentTabs")
        self.tabs.addTab(splitter, self.tr("My &enrolments"))
        self.certificates = CertificatesPanel(self.runner, self.session, self.tabs)
        self.tabs.addTab(self.certificates, self.tr("My &certificates"))
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.enrolment_list.currentRowChanged.connect(self._show_enrolment)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, activated=self.sign_out)
        # A shared lab computer: without use for a while, the student is signed out.
        self.lock = InactivityLock(lock_minutes() * 60_000 if lock_ms is None else lock_ms, self)
        self.lock.locked.connect(self.sign_out)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the student's enrolments again; ``then`` runs once they are shown."""
        actor = self.session.actor

        def shown(enrolments: list[dict[str, Any]]) -> None:
            self._in(enrolments)
            if then is not None and not self._ended:
                then()

        self.runner.read(lambda conn: own_enrolments(conn, actor), done=shown,
                         failed=self._refused)  # fmt: skip

    def _in(self, enrolments: list[dict[str, Any]]) -> None:
        if self._ended:
            return
        actor = self.session.actor
        self.who.setText(self.tr("Signed in: {name}").format(name=actor.name if actor else ""))
        chosen = self.current()
        self.enrolments = enrolments
        self.enrolment_list.blockSignals(True)
        self.enrolment_list.clear()
        for enrolment in enrolments:
            text = f"{coded_title(enrolment)} — {self.statuses[enrolment['status']]}"
            QListWidgetItem(text, self.enrolment_list)
        self.enrolment_list.blockSignals(False)
        row = next((n for n, e in enumerate(enrolments) if chosen and e["id"] == chosen["id"]), 0)
        if enrolments:
            self.enrolment_list.setCurrentRow(row)
            self._show_enrolment(row)
        else:
            self.heading.setText(self.tr("You are not enrolled in any micro-credential yet."))
            self.submit_button.setEnabled(False)

    def current(self) -> dict[str, Any] | None:
        row = self.enrolment_list.currentRow()
        return self.enrolments[row] if 0 <= row < len(self.enrolments) else None

    def _show_enrolment(self, row: int) -> None:
        if not 0 <= row < len(self.enrolments):
            return
        enrolment = self.enrolments[row]
        self.heading.setText(
            rtl_line(self.tr("{code} {title}, cohort {cohort}: {status}, attempt {attempt}").format(
                code=ltr(enrolment["micro_code"]), title=in_language(enrolment),
                cohort=ltr(enrolment["cohort_code"]),
                status=self.statuses[enrolment["status"]], attempt=enrolment["attempt"],
            )
        ))  # fmt: skip
        while self.requirements_layout.count():
            item = self.requirements_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        open_now = enrolment["status"] in OPEN_FOR_EVIDENCE
        current = [e for e in enrolment["evidence"] if e["attempt"] == enrolment["attempt"]]
        urdu = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        covered = set()
        for requirement in enrolment["evidence_requirements"]:
            title = (requirement.get("title_ur") if urdu else None) or requirement["title_en"]
            box = RequirementBox(requirement, title, self.requirements_area)
            box.setObjectName(f"requirement_{requirement['id']}")
            box.dropped.connect(self.add_files)
            box_layout = QVBoxLayout(box)
            items = [e for e in current if e["requirement_id"] == requirement["id"]]
            if items:
                covered.add(requirement["id"])
            for item in items:
                box_layout.addWidget(QLabel(self._evidence_text(item), box))
            if not items:
                box_layout.addWidget(QLabel(self.tr("Nothing added yet."), box))
            if open_now:
                buttons = QHBoxLayout()
                if "file" in requirement["kinds"]:
                    add = QPushButton(self.tr("Add a file… (or drop it here)"), box)
                    add.setObjectName(f"addFile_{requirement['id']}")
                    add.clicked.connect(lambda _c, r=requirement["id"]: self.pick_file(r))
                    buttons.addWidget(add)
                if "link" in requirement["kinds"]:
                    link = QPushButton(self.tr("Add a link…"), box)
                    link.setObjectName(f"addLink_{requirement['id']}")
                    link.clicked.connect(lambda _c, r=requirement["id"]: self.add_link(r))
                    buttons.addWidget(link)
                if "reflection" in requirement["kinds"]:
                    write = QPushButton(self.tr("Write a reflection…"), box)
                    write.setObjectName(f"addReflection_{requirement['id']}")
                    write.clicked.connect(lambda _c, r=requirement["id"]: self.add_reflection(r))
                    buttons.addWidget(write)
                buttons.addStretch(1)
                box_layout.addLayout(buttons)
            self.requirements_layout.addWidget(box)
        self.requirements_layout.addStretch(1)
        all_covered = len(covered) == len(enrolment["evidence_requirements"])
        self.submit_button.setEnabled(open_now and all_covered)
        self.submit_button.setVisible(open_now)
        self.history.clear()
        for attempt in range(1, enrolment["attempt"] + 1):
            count = sum(1 for e in enrolment["evidence"] if e["attempt"] == attempt)
            text = self.tr("Attempt {n}: %n piece(s) of evidence", "", count).format(n=attempt)
            for feedback in (f for f in enrolment["feedback"] if f["attempt"] == attempt):
                text += "\n" + self.tr("{decision} — {feedback} ({marker})").format(
                    decision=decision_names()[feedback["decision"]],
                    feedback=feedback["feedback"], marker=feedback["marker"] or "",
                )  # fmt: skip
            self.history.addItem(text)

    def _evidence_text(self, item: dict[str, Any]) -> str:
        if item["kind"] == "file":
            return self.tr("File: {name}").format(name=item["original_name"])
        if item["kind"] == "link":
            return self.tr("Link: {url}").format(url=ltr(item["url"]))
        text = item["text"]
        return self.tr("Reflection: {start}").format(
            start=text[:80] + ("…" if len(text) > 80 else "")
        )

    def _synced(self, report: Any) -> None:
        if report.applied and not self._ended:
            self.refresh()  # feedback or a new enrolment may have come from the hub

    # -- adding evidence -------------------------------------------------------------------------

    def choose_files(self) -> list[str]:
        """Ask which files to add. Qt's own dialog, so the system's recent-file list never
        hears of them; tests replace this."""
        dialog = QFileDialog(self, self.tr("Add files"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setHistory([])
        chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
        dialog.deleteLater()
        return chosen

    def pick_file(self, requirement_id: str) -> None:
        paths = self.choose_files()
        if paths:
            self.add_files(requirement_id, paths)

    def add_files(self, requirement_id: str, paths: list[str]) -> None:
        enrolment = self.current()
        if enrolment is None:
            return
        actor, blobs, enrolment_id = self.session.actor, self.blobs, enrolment["id"]
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Adding %n file(s)…", "", len(paths)))

        def add(store) -> int:
            for path in paths:
                evidence.add_file(store, actor, blobs, enrolment_id, requirement_id, path)
            return len(paths)

        self.runner.write(add, done=self._added, failed=self._refused)

    def ask_text(self, title: str, label: str, multiline: bool) -> str | None:
        """Ask for a link or a reflection; ``None`` if cancelled. Tests replace this."""
        if not multiline:
            text, ok = QInputDialog.getText(self, title, label)
            return text if ok else None
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        box = QVBoxLayout(dialog)
        box.addWidget(QLabel(label, dialog))
        editor = QPlainTextEdit(dialog)
        editor.setAccessibleName(label)
        box.addWidget(editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        box.addWidget(buttons)
        dialog.resize(560, 380)
        return editor.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def add_link(self, requirement_id: str) -> None:
        url = self.ask_text(self.tr("Add a link"), self.tr("Web address (https://…)"), False)
        enrolment = self.current()
        if url is None or enrolment is None:
            return
        actor, enrolment_id = self.session.actor, enrolment["id"]
        self.runner.write(
            lambda store: evidence.add_link(store, actor, enrolment_id, requirement_id, url),
            done=self._added, failed=self._refused,
        )  # fmt: skip

    def add_reflection(self, requirement_id: str) -> None:
        text = self.ask_text(
            self.tr("Write a reflection"),
            self.tr("What did you do, and what did you learn?"),
            True,
        )
        enrolment = self.current()
        if text is None or enrolment is None:
            return
        actor, enrolment_id = self.session.actor, enrolment["id"]
        self.runner.write(
            lambda store: evidence.add_reflection(store, actor, enrolment_id, requirement_id, text),
            done=self._added, failed=self._refused,
        )  # fmt: skip

    def confirm_submit(self) -> bool:
        """Asked before handing in; tests replace it."""
        return QMessageBox.question(
            self, self.tr("Submit this attempt"),
            self.tr("Submit this attempt for marking? You cannot add to it afterwards."),
        ) == QMessageBox.StandardButton.Yes  # fmt: skip

    def submit_attempt(self) -> None:
        enrolment = self.current()
        if enrolment is None or not self.confirm_submit():
            return
        actor, enrolment_id = self.session.actor, enrolment["id"]
        self.runner.write(
            lambda store: evidence.submit_attempt(store, actor, enrolment_id),
            done=lambda _row: self._added(self.tr("Submitted for marking.")),
            failed=self._refused,
        )

    def _added(self, result: Any = None) -> None:
        if self._ended:
            return
        text = result if isinstance(result, str) else self.tr("Added.")

        def say() -> None:  # once what was added shows: the message never runs ahead of it
            self.message.setStyleSheet("")
            self.message.setText(text)

        self.refresh(then=say)

    def _refused(self, error: BaseException) -> None:
        if self._ended:
            return
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))

    # -- leaving ---------------------------------------------------------------------------------

    def sign_out(self) -> None:
        """End the student's window; nothing of theirs stays for the next person."""
        if self._ended:
            return
        self._ended = True
        self.lock.stop()
        self.hide()  # before anything else is shown: the next person must not see this
        forget_file_dialog_history()
        self.certificates.clear()
        self.enrolments = []
        self.enrolment_list.clear()
        self.history.clear()
        self.signed_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window signs the student out too (and, with no other window, ends Sanad).
        if not self._ended:
            self._ended = True
            self.lock.stop()
            forget_file_dialog_history()
            self.certificates.clear()
        self.sync_scheduler.close()
        self.runner.close()
        super().closeEvent(event)
