"""The Cohorts screen: the campus's cohorts, a cohort's roster, enrolling learners into it, and
changing an enrolment's status with a reason, with its history.

Reads run on reader threads, writes on the writer thread; the core decides what is allowed
(seats, closed cohorts, lawful status changes, reasons) and its problems are shown as they come.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cohort_lists import list_cohorts, roster
from desktop.ui.enrolment_dialogs import EnrolDialog, StatusDialog, status_names
from desktop.ui.i18n import coded_title, ltr
from desktop.ui.models import RowsModel
from desktop.ui.session import Session
from desktop.ui.tables import rows_table
from desktop.ui.tasks import TaskRunner

__all__ = ["CohortsPage"]


class CohortsPage(QWidget):
    """Cohorts on the left, the selected cohort's roster on the right."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.statuses = status_names()
        self.cohorts = RowsModel(
            [
                ("code", self.tr("Cohort"), lambda r: ltr(r["code"])),
                ("title_en", self.tr("Micro-credential"), coded_title),
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
        self.cohort_table = rows_table(left, "cohortTable", self.tr("Cohorts"), self.cohorts)
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
        self.roster_table = rows_table(right, "rosterTable", self.tr("Roster"), self.members)
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
