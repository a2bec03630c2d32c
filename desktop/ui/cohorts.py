"""The Cohorts screen: the campus's cohorts, a cohort's roster, enrolling learners into it, and
changing an enrolment's status with a reason, with its history.

Reads run on reader threads, writes on the writer thread; the core decides what is allowed
(seats, closed cohorts, lawful status changes, reasons) and its problems are shown as they come.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cohort_lists import (
    learners_by_registration,
    list_cohorts,
    registration_numbers_from_csv,
    roster,
)
from desktop.core.services import enrolments
from desktop.core.store import Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import ltr
from desktop.ui.learners import LearnerTableModel
from desktop.ui.models import RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner

__all__ = ["CohortsPage", "EnrolDialog", "StatusDialog"]


def _table(parent: QWidget, name: str, accessible: str, model: QAbstractTableModel) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    # Size columns from the first rows only: measuring thousands of rows takes seconds.
    view.horizontalHeader().setResizeContentsPrecision(100)
    return view


def _history(conn, enrolment_id: str) -> list[dict[str, Any]]:
    return enrolments.history(Store(conn, Path()), enrolment_id)


class CohortsPage(QWidget):
    """Cohorts on the left, the selected cohort's roster on the right."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.statuses = {
            "enrolled": self.tr("Enrolled"),
            "in_progress": self.tr("In progress"),
            "submitted": self.tr("Submitted"),
            "passed": self.tr("Passed"),
            "resubmit": self.tr("Resubmit"),
            "failed": self.tr("Failed"),
            "withdrawn": self.tr("Withdrawn"),
        }
        self.cohorts = RowsModel(
            [
                ("code", self.tr("Cohort"), lambda r: ltr(r["code"])),
                ("title_en", self.tr("Micro-credential"), self._title),
                ("starts_on", self.tr("Starts"), lambda r: ltr(r["starts_on"])),
                ("ends_on", self.tr("Ends"), lambda r: ltr(r["ends_on"])),
                ("taken", self.tr("Seats"), lambda r: ltr(f"{r['taken']} / {r['capacity']}")),
                ("status", self.tr("Open"), lambda r: self.tr("open") if r["status"] == "open"
                 else self.tr("closed")),
            ],
            self,
        )  # fmt: skip
        self.members = RowsModel(
            [
                ("registration_no", self.tr("Registration no."),
                 lambda r: ltr(r["registration_no"])),
                ("full_name", self.tr("Name"), lambda r: r["full_name"]),
                ("status", self.tr("Status"), lambda r: self.statuses[r["status"]]),
                ("attempt", self.tr("Attempt"), lambda r: str(r["attempt"])),
            ],
            self,
        )  # fmt: skip
        layout = QVBoxLayout(self)
        splitter = QSplitter(self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.cohort_table = _table(left, "cohortTable", self.tr("Cohorts"), self.cohorts)
        left_layout.addWidget(self.cohort_table, 1)
        self.new_button = QPushButton(self.tr("&New cohort…"), left)
        self.new_button.setObjectName("newCohort")
        self.new_button.clicked.connect(self.new_cohort)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button)
        new_row.addStretch(1)
        left_layout.addLayout(new_row)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        self.roster_label = QLabel(self.tr("Choose a cohort to see its learners."), right)
        self.roster_label.setObjectName("rosterLabel")
        right_layout.addWidget(self.roster_label)
        self.roster_table = _table(right, "rosterTable", self.tr("Roster"), self.members)
        right_layout.addWidget(self.roster_table, 1)
        buttons = QHBoxLayout()
        self.enrol_button = QPushButton(self.tr("&Enrol learners…"), right)
        self.status_button = QPushButton(self.tr("Change &status…"), right)
        for button in (self.enrol_button, self.status_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 360])
        self._sized = False
        layout.addWidget(splitter)
        self.cohort_table.selectionModel().currentRowChanged.connect(self._cohort_chosen)
        self.roster_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.status_button.setEnabled(self._enrolment() is not None)
        )
        self.enrol_button.clicked.connect(self.enrol)
        session.changed.connect(
            lambda actor: self.new_button.setVisible(bool(actor) and actor.role == "admin")
        )
        actor = session.actor
        self.new_button.setVisible(bool(actor) and actor.role == "admin")
        self.status_button.clicked.connect(self.change_status)
        self._loaded = False

    def showEvent(self, event) -> None:
        # Loaded when first shown: a large campus has thousands of cohorts, and start-up
        # should not wait for a screen nobody has opened yet.
        if not self._loaded:
            self._loaded = True
            self.refresh()
        super().showEvent(event)

    def _title(self, row: dict[str, Any]) -> str:
        urdu = self.layoutDirection() == Qt.LayoutDirection.RightToLeft and row["title_ur"]
        return f"{ltr(row['micro_code'])} {row['title_ur'] if urdu else row['title_en']}"

    # -- loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        actor = self.session.actor
        self.runner.read(list_cohorts, actor.campus_id if actor else None, done=self._cohorts_in)

    def _cohorts_in(self, rows: list[dict[str, Any]]) -> None:
        chosen = self.cohort()
        self.cohorts.set_rows(rows)
        if rows and not self._sized:
            self.cohort_table.resizeColumnsToContents()
            self._sized = True
        if chosen is not None:
            for number, row in enumerate(rows):
                if row["id"] == chosen["id"]:
                    self.cohort_table.selectRow(number)
        self.changed.emit()

    def cohort(self) -> dict[str, Any] | None:
        index = self.cohort_table.currentIndex()
        return self.cohorts.rows[index.row()] if index.isValid() else None

    def _enrolment(self) -> dict[str, Any] | None:
        index = self.roster_table.currentIndex()
        return self.members.rows[index.row()] if index.isValid() else None

    def _cohort_chosen(self, *_: Any) -> None:
        cohort = self.cohort()
        self.enrol_button.setEnabled(cohort is not None)
        self.status_button.setEnabled(False)
        if cohort is not None:
            self.runner.read(roster, cohort["id"], done=self._roster_in)

    def _roster_in(self, rows: list[dict[str, Any]]) -> None:
        cohort = self.cohort()
        self.members.set_rows(rows)
        self.roster_table.resizeColumnsToContents()
        if cohort is not None:
            self.roster_label.setText(
                self.tr("{cohort}: %Ln learner(s)", "", len(rows)).format(
                    cohort=ltr(cohort["code"])
                )
            )
        self.changed.emit()

    # -- actions ---------------------------------------------------------------------------------

    def new_cohort(self) -> None:
        from desktop.ui.cohort_form import CohortForm

        form = CohortForm(self.runner, self.session, self)
        form.accepted.connect(self.refresh)
        form.open()
        self.form = form

    def enrol(self) -> None:
        cohort = self.cohort()
        if cohort is None:
            return
        if EnrolDialog.ask(self.runner, self.session, cohort, self):
            self.refresh()

    def change_status(self) -> None:
        enrolment = self.enrolment_or_none()
        if enrolment is None:
            return
        if StatusDialog.ask(self.runner, self.session, enrolment, self.statuses, self):
            self.refresh()

    def enrolment_or_none(self) -> dict[str, Any] | None:
        return self._enrolment()


class EnrolDialog(QDialog):
    """Find learners and enrol the chosen ones into a cohort, all or none."""

    def __init__(self, runner: TaskRunner, session: Session, cohort: dict[str, Any], parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.cohort = cohort
        self.setWindowTitle(self.tr("Enrol learners in {cohort}").format(cohort=cohort["code"]))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("enrolSearch")
        self.search.setPlaceholderText(
            self.tr("Search by name, registration number, CNIC or phone")
        )
        self.search.setAccessibleName(self.tr("Search learners"))
        layout.addWidget(self.search)
        actor = session.actor
        self.model = LearnerTableModel(runner, actor.campus_id if actor else None, self)
        self.table = QTableView(self)
        self.table.setObjectName("enrolCandidates")
        self.table.setAccessibleName(self.tr("Learners to enrol"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setObjectName("enrolMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.from_file = QPushButton(self.tr("From a CSV of &registration numbers…"), self)
        self.from_file.setObjectName("enrolFromCsv")
        self.from_file.clicked.connect(self.choose_file)
        layout.addWidget(self.from_file)
        self.buttons = QDialogButtonBox(self)
        self.enrol_button = self.buttons.addButton(
            self.tr("&Enrol the chosen learners"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self.model.search)
        self.model.search("")

    @classmethod
    def ask(cls, runner, session, cohort, parent=None) -> bool:
        return cls(runner, session, cohort, parent).exec() == QDialog.DialogCode.Accepted

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("CSV of registration numbers"), "",
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )  # fmt: skip
        if name:
            self.enrol_file(name)

    def enrol_file(self, path: str) -> None:
        """Look the file's numbers up, say what was found, and enrol those if confirmed."""
        actor = self.session.actor
        campus_id = actor.campus_id if actor else None

        def look_up(conn) -> tuple[dict[str, str], list[str]]:
            return learners_by_registration(conn, campus_id, registration_numbers_from_csv(path))

        self.runner.read(look_up, done=self._looked_up, failed=self._refused)

    def confirm(self, text: str) -> bool:
        """Asked before enrolling the learners of a file; tests replace it."""
        return QMessageBox.question(self, self.windowTitle(), text) == (
            QMessageBox.StandardButton.Yes
        )

    def _looked_up(self, result: tuple[dict[str, str], list[str]]) -> None:
        found, missing = result
        text = self.tr("%Ln learner(s) found in the file.", "", len(found))
        if missing:
            text += " " + self.tr("Not registered here: {numbers}.").format(
                numbers=", ".join(missing[:20]) + (" …" if len(missing) > 20 else "")
            )
        if not found:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(text)
            return
        self.message.setStyleSheet("")
        self.message.setText(text)
        if self.confirm(text + " " + self.tr("Enrol them?")):
            self._enrol(list(found.values()))

    def chosen(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r]["id"] for r in rows]

    def submit(self) -> None:
        learner_ids = self.chosen()
        if not learner_ids:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("Choose one or more learners first."))
            return
        self._enrol(learner_ids)

    def _enrol(self, learner_ids: list[str]) -> None:
        self.enrol_button.setEnabled(False)
        actor, cohort_id = self.session.actor, self.cohort["id"]
        self.runner.write(
            lambda store: enrolments.enrol_many(store, actor, cohort_id, learner_ids),
            done=self._enrolled,
            failed=self._refused,
        )

    def _enrolled(self, result: enrolments.EnrolResult) -> None:
        self.enrol_button.setEnabled(True)
        self.created = len(result.created)
        self.already = len(result.already_enrolled)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))


class StatusDialog(QDialog):
    """Start, withdraw or reinstate an enrolment, with the reason; and its history."""

    def __init__(self, runner, session, enrolment: dict[str, Any], statuses: dict[str, str],
                 parent=None) -> None:  # fmt: skip
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.enrolment = enrolment
        self.setWindowTitle(self.tr("Status of {name}").format(name=enrolment["full_name"]))
        self.setMinimumSize(460, 420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        current = QLabel(statuses[enrolment["status"]], self)
        form.addRow(self.tr("Now"), current)
        self.next_status = QComboBox(self)
        self.next_status.setObjectName("nextStatus")
        self.next_status.setAccessibleName(self.tr("New status"))
        for status in enrolments.MANUAL_TRANSITIONS.get(enrolment["status"], ()):
            self.next_status.addItem(statuses[status], status)
        form.addRow(self.tr("&Change to"), self.next_status)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("statusReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        form.addRow(self.tr("&Reason"), self.reason)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("statusMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("History"), self))
        self.history = QListWidget(self)
        self.history.setObjectName("statusHistory")
        self.history.setAccessibleName(self.tr("History"))
        layout.addWidget(self.history, 1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.next_status.count() == 0:
            self.save_button.setEnabled(False)
            self.message.setStyleSheet("")
            self.message.setText(self.tr("This status is final; an assessment decides it."))
        self.statuses = statuses
        runner.read(_history, enrolment["id"], done=self._history_in)

    @classmethod
    def ask(cls, runner, session, enrolment, statuses, parent=None) -> bool:
        return cls(runner, session, enrolment, statuses, parent).exec() == (
            QDialog.DialogCode.Accepted
        )

    def _history_in(self, events: list[dict[str, Any]]) -> None:
        self.history.clear()
        for event in events:
            text = f"{ltr(event['at'][:16].replace('T', ' '))}  {self.statuses[event['to_status']]}"
            if event["reason"]:
                text += f" — {event['reason']}"
            if event["actor"]:
                text += f" ({event['actor']})"
            self.history.addItem(text)

    def submit(self) -> None:
        to_status = self.next_status.currentData()
        actor, enrolment_id, reason = self.session.actor, self.enrolment["id"], self.reason.text()
        self.save_button.setEnabled(False)
        self.runner.write(
            lambda store: enrolments.change_status(store, actor, enrolment_id, to_status, reason),
            done=lambda _row: self.accept(),
            failed=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))
