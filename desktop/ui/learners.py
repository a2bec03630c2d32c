"""The Learners screen: every learner of the campus, found as the focal person types.

Admins add, edit, import from CSV and export the learners shown (all, or those matching the
search) to CSV; the export runs on a reader thread with progress and a Stop button.

The table model fetches pages of 200 by keyset (``desktop.core.search``) on a reader thread as the
view scrolls, so 50,000 learners open as fast as 50. Typing starts a new search at once; while
one runs, only the newest text waits to run next, so fast typing never queues stale work.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.learner_export import ExportCancelled, export_learners, record_learner_export
from desktop.core.search import count_learners, search_learners
from desktop.core.store import Actor
from desktop.core.validation import format_cnic, format_phone
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import follow_script, ltr
from desktop.ui.models import PagedRowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.tasks import Progress, TaskRunner

__all__ = ["LearnerTableModel", "LearnersPage"]

PAGE_SIZE = 200
log = logging.getLogger(__name__)


def _first_page(
    conn: sqlite3.Connection, text: str, campus_id: str | None
) -> tuple[tuple[list[dict[str, Any]], Any], int]:
    page = search_learners(conn, text, campus_id=campus_id, limit=PAGE_SIZE)
    total = (
        len(page.rows)
        if page.next_after is None
        else count_learners(conn, text, campus_id=campus_id)
    )
    return (page.rows, page.next_after), total


def _next_page(
    conn: sqlite3.Connection, text: str, campus_id: str | None, after: tuple[str, str]
) -> tuple[list[dict[str, Any]], Any]:
    page = search_learners(conn, text, campus_id=campus_id, after=after, limit=PAGE_SIZE)
    return page.rows, page.next_after


def _export(
    conn: sqlite3.Connection,
    actor: Actor,
    path: str,
    text: str,
    headers: Mapping[str, str],
    progress: Progress,
) -> int:
    return export_learners(
        conn,
        actor,
        path,
        text=text,
        headers=headers,
        progress=progress.report,
        cancelled=progress.cancelled,
    )


class LearnerTableModel(PagedRowsModel):
    """Learners matching the current search, loaded page by page."""

    # Emitted on the UI thread when a search's first page is in: (text, total matches).
    searched = Signal(str, int)

    def __init__(self, runner: TaskRunner, campus_id: str | None = None, parent=None) -> None:
        def text(key: str, shown: Callable[[str], str] = str) -> Callable[[dict], str]:
            return lambda row: shown(row[key]) if row.get(key) else ""

        columns = [
            ("registration_no", self.tr("Registration no."), text("registration_no", ltr)),
            ("full_name", self.tr("Name"), text("full_name")),
            ("guardian_name", self.tr("Guardian"), text("guardian_name")),
            ("cnic", self.tr("CNIC"), text("cnic", lambda v: ltr(format_cnic(v)))),
            ("phone", self.tr("Phone"), text("phone", lambda v: ltr(format_phone(v)))),
            ("programme", self.tr("Programme"), text("programme")),
        ]
        super().__init__(runner, columns, "", parent)
        self.campus_id = campus_id

    @property
    def text(self) -> str:
        """The search whose learners are shown."""
        return self.query

    def search(self, text: str) -> None:
        """Show the learners matching ``text``; the newest text wins."""
        super().search(text.strip())

    def first_job(self, query: str):
        campus_id = self.campus_id
        return lambda conn: _first_page(conn, query, campus_id)

    def next_job(self, query: str, after: Any):
        campus_id = self.campus_id
        return lambda conn: _next_page(conn, query, campus_id, after)

    def shown(self, query: str, total: int) -> None:
        super().shown(query, total)
        self.searched.emit(query, total)


class LearnersPage(QWidget):
    """Search box, count and table of learners; admins import from CSV here."""

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        actor = session.actor
        self.model = LearnerTableModel(runner, actor.campus_id if actor else None, self)
        layout = QVBoxLayout(self)
        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("A&dd a learner…"), self)
        self.add_button.setObjectName("addLearner")
        self.add_button.clicked.connect(lambda: self.open_form(None))
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("editLearner")
        self.edit_button.clicked.connect(self.edit_selected)
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        self.import_button = QPushButton(self.tr("&Import from CSV…"), self)
        self.import_button.setObjectName("importLearners")
        self.import_button.clicked.connect(self.import_csv)
        self.export_button = QPushButton(self.tr("E&xport to CSV…"), self)
        self.export_button.setObjectName("exportLearners")
        self.export_button.setToolTip(
            self.tr("Save the learners shown (all, or those matching the search) as a CSV file")
        )
        self.export_button.clicked.connect(self.export_csv)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        layout.addLayout(actions)
        export_row = QHBoxLayout()
        self.export_bar = QProgressBar(self)
        self.export_bar.setAccessibleName(self.tr("Export progress"))
        self.export_stop = QPushButton(self.tr("Stop"), self)
        self.export_stop.setObjectName("stopExport")
        self.export_message = QLabel(self)
        self.export_message.setObjectName("exportMessage")
        self.export_message.setWordWrap(True)
        self.export_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        export_row.addWidget(self.export_message, 1)
        export_row.addWidget(self.export_bar)
        export_row.addWidget(self.export_stop)
        for widget in (self.export_message, self.export_bar, self.export_stop):
            widget.hide()
        layout.addLayout(export_row)
        self.export_progress: Progress | None = None
        session.changed.connect(self._allow)
        self._allow(actor)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("learnerSearch")
        self.search_box.setPlaceholderText(
            self.tr("Search by name, registration number, CNIC or phone")
        )
        self.search_box.setAccessibleName(self.tr("Search learners"))
        self.search_box.setClearButtonEnabled(True)
        follow_script(self.search_box)
        layout.addWidget(self.search_box)
        self.count_label = QLabel(self.tr("Loading learners…"), self)
        self.count_label.setObjectName("learnerCount")
        layout.addWidget(self.count_label)
        self.table = QTableView(self)
        self.table.setObjectName("learnerTable")
        self.table.setAccessibleName(self.tr("Learners"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(100)
        layout.addWidget(self.table, 1)
        self.search_box.textChanged.connect(self.model.search)
        self.model.searched.connect(self._show_count)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self._sized = False
        self.model.search("")

    def _allow(self, actor) -> None:
        # The core refuses other roles anyway; the buttons are hidden so nobody is offered them.
        admin = bool(actor) and actor.role == "admin"
        for button in (self.import_button, self.export_button, self.add_button, self.edit_button):
            button.setVisible(admin)
        campus_id = actor.campus_id if actor else None
        if campus_id != self.model.campus_id:
            self.model.campus_id = campus_id
            self.model.search(self.search_box.text())

    def open_form(self, record: dict[str, Any] | None) -> None:
        from desktop.ui.learner_form import LearnerForm

        form = LearnerForm(self.runner, self.session, record, self)
        form.accepted.connect(lambda: self.model.search(self.search_box.text()))
        form.open()
        self.form = form

    def edit_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_form(self.model.rows[index.row()])

    def import_csv(self) -> None:
        from desktop.ui.learner_import import LearnerImportWizard

        wizard = LearnerImportWizard(self.runner, self.session, self)
        wizard.imported.connect(lambda _count: self.model.search(self.search_box.text()))
        wizard.open()
        self.wizard = wizard

    # -- export ----------------------------------------------------------------------------------

    def export_headers(self) -> dict[str, str]:
        """Column headers in the person's language; the import recognises them in either."""
        return {
            "registration_no": self.tr("Registration no"),
            "full_name": self.tr("Full name"),
            "guardian_name": self.tr("Guardian name"),
            "cnic": self.tr("CNIC"),
            "gender": self.tr("Gender"),
            "date_of_birth": self.tr("Date of birth"),
            "email": self.tr("Email"),
            "phone": self.tr("Phone"),
            "programme": self.tr("Programme"),
        }

    def choose_export_file(self, suggested: str) -> str:
        """Ask where to save the export; ``""`` if the person cancels. Tests replace this."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export learners to CSV"), suggested, self.tr("CSV files (*.csv)")
        )
        return name

    def export_csv(self) -> None:
        actor = self.session.actor
        if actor is None or self.export_progress is not None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"learners-{dt.date.today().isoformat()}.csv")
        path = self.choose_export_file(suggested)
        if not path:
            return
        if Path(path).suffix.lower() != ".csv":
            path += ".csv"
        text = self.model.text
        progress = Progress(self)
        progress.changed.connect(self._export_progress)
        self.export_stop.clicked.connect(progress.cancel)
        self.export_progress = progress
        self.export_button.setEnabled(False)
        self.export_message.setStyleSheet("")
        self.export_message.setText(self.tr("Exporting learners…"))
        self.export_bar.setRange(0, 0)
        for widget in (self.export_message, self.export_bar, self.export_stop):
            widget.show()
        self.runner.read(
            _export,
            actor,
            path,
            text,
            self.export_headers(),
            progress,
            done=lambda count: self._exported(actor, path, text, count),
            failed=lambda error: self._export_failed(path, error),
        )

    def _export_progress(self, done: int, total: int) -> None:
        self.export_bar.setRange(0, max(total, 1))
        self.export_bar.setValue(done)

    def _export_ended(self) -> None:
        if self.export_progress is not None:
            self.export_stop.clicked.disconnect(self.export_progress.cancel)
            self.export_progress.deleteLater()
        self.export_progress = None
        self.export_button.setEnabled(True)
        self.export_bar.hide()
        self.export_stop.hide()

    def _exported(self, actor: Actor, path: str, text: str, count: int) -> None:
        self._export_ended()
        self.export_message.setText(
            self.tr("%Ln learner(s) exported to {file}", "", count).format(file=ltr(path))
        )
        self.runner.write(
            record_learner_export,
            actor,
            count,
            text,
            failed=lambda error: log.error("export not audited", exc_info=error),
        )

    def _export_failed(self, path: str, error: BaseException) -> None:
        self._export_ended()
        if isinstance(error, ExportCancelled):
            self.export_message.setText(self.tr("Export stopped; no file was written."))
            return
        self.export_message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            self.export_message.setText(
                self.tr(
                    "{file} could not be written ({reason}). Check the drive has space and is "
                    "not read-only, or choose another folder."
                ).format(file=ltr(path), reason=reason)
            )
        else:
            self.export_message.setText(error_text(error))

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _show_count(self, text: str, total: int) -> None:
        if total < 0:
            self.count_label.setText(self.tr("The search could not be run."))
        elif not text:
            self.count_label.setText(self.tr("%Ln learner(s)", "", total))
        else:
            self.count_label.setText(
                self.tr("%Ln learner(s) match “{text}”", "", total).format(text=text)
            )
        if not self._sized and self.model.rows:
            # Once: measuring every cell again on each keystroke cost tens of milliseconds.
            self.table.resizeColumnsToContents()
            self._sized = True
