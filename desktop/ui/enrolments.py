"""The Enrolments screen: every enrolment of the campus, the latest change first.

Narrowed by status, by micro-credential and by the learner as typed (name, registration number,
CNIC or phone, as on the Learners screen). A focal person opens an enrolment to change its
status with a reason and see its history, or enrols learners into a cohort chosen here.

The table reads keyset pages of 200 on a reader thread as the view scrolls
(:class:`PagedRowsModel`), so a campus with 250,000 enrolments opens as fast as one with 50.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cohort_lists import list_cohorts
from desktop.core.enrolment_lists import (
    EnrolmentFilter,
    count_enrolments,
    micro_credential_codes,
    search_enrolments,
)
from desktop.core.ids import utc_today
from desktop.core.services.enrolments import STATUSES
from desktop.ui.enrolment_dialogs import EnrolDialog, StatusDialog, status_names
from desktop.ui.i18n import coded_title, follow_script, ltr
from desktop.ui.models import PagedRowsModel, RowsModel
from desktop.ui.session import Session
from desktop.ui.sizing import characters
from desktop.ui.tables import rows_table
from desktop.ui.tasks import TaskRunner

__all__ = ["ChooseCohortDialog", "EnrolmentTableModel", "EnrolmentsPage"]

PAGE_SIZE = 200


def _first_page(conn, wanted: EnrolmentFilter):
    """The first page, and the total when that page is all there is; otherwise ``None``: the
    count is read next, so the rows show without waiting for it."""
    page = search_enrolments(conn, wanted, limit=PAGE_SIZE)
    total = len(page.rows) if page.next_after is None else None
    return (page.rows, page.next_after), total


def _next_page(conn, wanted: EnrolmentFilter, after: tuple[str, str]):
    page = search_enrolments(conn, wanted, after=after, limit=PAGE_SIZE)
    return page.rows, page.next_after


def _local_date(stamp: str) -> str:
    """The day of a stored UTC time on this computer's clock (the history has the time)."""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().date().isoformat()


class EnrolmentTableModel(PagedRowsModel):
    """The enrolments of the current filter, loaded page by page."""

    def __init__(self, runner: TaskRunner, campus_id: str | None, parent=None) -> None:
        statuses = status_names()
        columns = [
            ("registration_no", self.tr("Registration no."), lambda r: ltr(r["registration_no"])),
            ("full_name", self.tr("Name"), lambda r: r["full_name"]),
            ("cohort_code", self.tr("Cohort"), lambda r: ltr(r["cohort_code"])),
            ("micro_code", self.tr("Micro-credential"), coded_title),
            ("status", self.tr("Status"), lambda r: statuses[r["status"]]),
            ("attempt", self.tr("Attempt"), lambda r: str(r["attempt"])),
            ("status_changed_at", self.tr("Since"),
             lambda r: ltr(_local_date(r["status_changed_at"]))),
        ]  # fmt: skip
        super().__init__(runner, columns, EnrolmentFilter(campus_id), parent)

    # On the UI thread, when a query's first rows are in (its count may follow).
    rows_shown = Signal()

    def first_job(self, query: EnrolmentFilter):
        return lambda conn: _first_page(conn, query)

    def shown(self, query: EnrolmentFilter, total: int | None) -> None:
        """Rows first; a count of thousands (30–150 ms on a large campus) comes after them,
        and ``loaded`` fires with it. A count for a query no longer shown is dropped."""
        if total is not None:
            self.rows_shown.emit()
            super().shown(query, total)
            return
        self.total = -2  # being counted
        self.rows_shown.emit()

        def counted(value: int) -> None:
            if query == self.query:
                self.total = value
                super(EnrolmentTableModel, self).shown(query, value)

        def not_counted(_error: BaseException) -> None:
            if query == self.query:
                super(EnrolmentTableModel, self).shown(query, -1)

        self.runner.read(count_enrolments, query, done=counted, failed=not_counted)

    def next_job(self, query: EnrolmentFilter, after: Any):
        return lambda conn: _next_page(conn, query, after)


class EnrolmentsPage(QWidget):
    """Filters, count and table of enrolments; status changes and enrolling for admins."""

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.statuses = status_names()
        actor = session.actor
        self.model = EnrolmentTableModel(runner, actor.campus_id if actor else None, self)
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("enrolmentSearch")
        self.search_box.setPlaceholderText(
            self.tr("Learner: name, registration number, CNIC or phone")
        )
        self.search_box.setAccessibleName(self.tr("Search enrolments by learner"))
        self.search_box.setClearButtonEnabled(True)
        follow_script(self.search_box)
        filters.addWidget(self.search_box, 3)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("Every status"), None)
        for status in STATUSES:
            self.status_filter.addItem(self.statuses[status], status)
        status_label = QLabel(self.tr("Stat&us"), self)
        status_label.setBuddy(self.status_filter)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter, 1)
        self.micro_filter = QComboBox(self)
        self.micro_filter.setObjectName("microCredentialFilter")
        self.micro_filter.setAccessibleName(self.tr("Micro-credential"))
        self.micro_filter.addItem(self.tr("Every micro-credential"), None)
        micro_label = QLabel(self.tr("&Micro-credential"), self)
        micro_label.setBuddy(self.micro_filter)
        filters.addWidget(micro_label)
        filters.addWidget(self.micro_filter, 2)
        layout.addLayout(filters)

        self.count_label = QLabel(self.tr("Loading enrolments…"), self)
        self.count_label.setObjectName("enrolmentCount")
        layout.addWidget(self.count_label)
        self.table = rows_table(self, "enrolmentTable", self.tr("Enrolments"), self.model)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.status_button = QPushButton(self.tr("Change &status…"), self)
        self.status_button.setObjectName("changeEnrolmentStatus")
        self.status_button.setEnabled(False)
        self.history_button = QPushButton(self.tr("&History…"), self)
        self.history_button.setObjectName("enrolmentHistory")
        self.history_button.setEnabled(False)
        self.enrol_button = QPushButton(self.tr("&Enrol learners…"), self)
        self.enrol_button.setObjectName("enrolFromEnrolments")
        buttons.addWidget(self.status_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.enrol_button)
        layout.addLayout(buttons)

        self.search_box.textChanged.connect(lambda _text: self.apply_filter())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.micro_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.model.loaded.connect(self._show_count)
        self.model.rows_shown.connect(self._rows_shown)
        self.model.modelReset.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.open_enrolment())
        self.status_button.clicked.connect(self.open_enrolment)
        self.history_button.clicked.connect(self.open_enrolment)
        self.enrol_button.clicked.connect(self.enrol)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        session.changed.connect(self._allow)
        self._allow(actor)
        self._sized = False
        self._loaded = False

    def showEvent(self, event) -> None:
        # Loaded when first shown: start-up should not wait for a screen nobody has opened.
        if not self._loaded:
            self._loaded = True
            self._load_micro_credentials()
            self.apply_filter()
        super().showEvent(event)

    def _allow(self, actor) -> None:
        # The core refuses other roles anyway; nobody is offered what it would refuse.
        self.admin = bool(actor) and actor.role == "admin"
        self.status_button.setVisible(self.admin)
        self.history_button.setVisible(not self.admin)
        self.enrol_button.setVisible(self.admin)
        campus_id = actor.campus_id if actor else None
        if campus_id != self.model.query.campus_id and self._loaded:
            self._load_micro_credentials()
            self.apply_filter()

    def _load_micro_credentials(self) -> None:
        actor = self.session.actor
        self.runner.read(
            micro_credential_codes, actor.campus_id if actor else None, done=self._codes_in
        )

    def _codes_in(self, rows: list[dict[str, Any]]) -> None:
        chosen = self.micro_filter.currentData()
        self.micro_filter.blockSignals(True)
        self.micro_filter.clear()
        self.micro_filter.addItem(self.tr("Every micro-credential"), None)
        for row in rows:
            self.micro_filter.addItem(coded_title(row, "code"), row["code"])
        found = self.micro_filter.findData(chosen)
        self.micro_filter.setCurrentIndex(max(found, 0))
        self.micro_filter.blockSignals(False)
        if found < 0 and chosen is not None:
            self.apply_filter()

    def current_filter(self) -> EnrolmentFilter:
        actor = self.session.actor
        return EnrolmentFilter(
            campus_id=actor.campus_id if actor else None,
            text=self.search_box.text().strip(),
            status=self.status_filter.currentData(),
            micro_code=self.micro_filter.currentData(),
        )

    def apply_filter(self) -> None:
        self.model.search(self.current_filter())

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _rows_shown(self) -> None:
        if self.model.total == -2:
            self.count_label.setText(self.tr("Counting the enrolments…"))
        self._size_columns()

    def _size_columns(self) -> None:
        if not self._sized and self.model.rows:
            self.table.resizeColumnsToContents()  # once: sizing every page again costs time
            widest = characters(self.table, 34)  # long titles wrap rather than push "Since" out
            for column in range(self.model.columnCount()):
                if self.table.columnWidth(column) > widest:
                    self.table.setColumnWidth(column, widest)
            self._sized = True

    def _show_count(self, total: int) -> None:
        query = self.model.query
        narrowed = bool(query.text or query.status or query.micro_code)
        if total < 0:
            self.count_label.setText(self.tr("The enrolments could not be read."))
        elif narrowed:
            self.count_label.setText(self.tr("%Ln enrolment(s) match", "", total))
        else:
            self.count_label.setText(self.tr("%Ln enrolment(s)", "", total))

    def enrolment(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _selection_changed(self, *_: Any) -> None:
        chosen = self.enrolment() is not None
        self.status_button.setEnabled(chosen)
        self.history_button.setEnabled(chosen)

    def open_enrolment(self) -> None:
        """The chosen enrolment's status and history; an admin may change the status."""
        enrolment = self.enrolment()
        if enrolment is None:
            return
        if StatusDialog.ask(self.runner, self.session, enrolment, self.statuses, self):
            self.model.reload()

    def enrol(self) -> None:
        cohort = ChooseCohortDialog.ask(self.runner, self.session, self)
        if cohort is not None and EnrolDialog.ask(self.runner, self.session, cohort, self):
            self.model.reload()


def _open_cohorts(conn, campus_id: str | None, today: str) -> list[dict[str, Any]]:
    return [
        row
        for row in list_cohorts(conn, campus_id)
        if row["status"] == "open" and row["ends_on"] >= today
    ]


class ChooseCohortDialog(QDialog):
    """Which cohort to enrol into: the campus's open cohorts that have not ended."""

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrol learners: choose the cohort"))
        self.resize(720, 440)
        layout = QVBoxLayout(self)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("cohortFilter")
        self.filter_box.setPlaceholderText(self.tr("Cohort or micro-credential"))
        self.filter_box.setAccessibleName(self.tr("Find a cohort"))
        layout.addWidget(self.filter_box)
        self.cohorts = RowsModel(
            [
                ("code", self.tr("Cohort"), lambda r: ltr(r["code"])),
                ("title_en", self.tr("Micro-credential"), coded_title),
                ("starts_on", self.tr("Starts"), lambda r: ltr(r["starts_on"])),
                ("ends_on", self.tr("Ends"), lambda r: ltr(r["ends_on"])),
                ("taken", self.tr("Seats"), lambda r: ltr(f"{r['taken']} / {r['capacity']}")),
            ],
            self,
        )  # fmt: skip
        self.table = rows_table(self, "cohortChoices", self.tr("Open cohorts"), self.cohorts)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setObjectName("chooseCohortMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.next_button = self.buttons.addButton(
            self.tr("&Next"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.next_button.setEnabled(False)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.all_rows: list[dict[str, Any]] = []
        self.filter_box.textChanged.connect(self._narrow)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.next_button.setEnabled(self.chosen() is not None)
        )
        self.table.doubleClicked.connect(lambda _index: self.accept())
        actor = session.actor
        runner.read(
            _open_cohorts,
            actor.campus_id if actor else None,
            utc_today().isoformat(),
            done=self._cohorts_in,
        )

    @classmethod
    def ask(cls, runner: TaskRunner, session: Session, parent=None) -> dict[str, Any] | None:
        dialog = cls(runner, session, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()

    def _cohorts_in(self, rows: list[dict[str, Any]]) -> None:
        self.all_rows = rows
        if not rows:
            self.message.setText(
                self.tr("No cohort is open for enrolment. Create one on the Cohorts screen.")
            )
        self._narrow(self.filter_box.text())

    def _narrow(self, text: str) -> None:
        words = text.casefold().split()

        def shown(row: dict[str, Any]) -> str:
            return f"{row['code']} {row['micro_code']} {row['title_en']} {row['title_ur'] or ''}"

        rows = [row for row in self.all_rows if all(w in shown(row).casefold() for w in words)]
        self.cohorts.set_rows(rows)
        if rows:
            self.table.setCurrentIndex(self.cohorts.index(0, 0))
        self.next_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.cohorts.rows[index.row()] if index.isValid() else None

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()
