"""Dialogs about enrolments, used by the Cohorts and Enrolments screens: enrol learners into a
cohort (search and multi-select, or a CSV of registration numbers), and change an enrolment's
status with a reason, with its history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.core.cohort_lists import learners_by_registration, registration_numbers_from_csv
from desktop.core.services import enrolments
from desktop.core.store import Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import ltr
from desktop.ui.learners import LearnerTableModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner

__all__ = ["EnrolDialog", "StatusDialog", "status_names"]


def status_names() -> dict[str, str]:
    """Each enrolment status as a person reads it on a screen, in the interface language."""
    # Spelled out in full each time: the translation tools only read literal calls.
    return {
        "enrolled": QCoreApplication.translate("EnrolmentStatus", "Enrolled"),
        "in_progress": QCoreApplication.translate("EnrolmentStatus", "In progress"),
        "submitted": QCoreApplication.translate("EnrolmentStatus", "Submitted"),
        "passed": QCoreApplication.translate("EnrolmentStatus", "Passed"),
        "resubmit": QCoreApplication.translate("EnrolmentStatus", "Resubmit"),
        "failed": QCoreApplication.translate("EnrolmentStatus", "Failed"),
        "withdrawn": QCoreApplication.translate("EnrolmentStatus", "Withdrawn"),
    }


def _history(conn, enrolment_id: str) -> list[dict[str, Any]]:
    return enrolments.history(Store(conn, Path()), enrolment_id)


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
        self.close_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.next_status.count() == 0:
            self.save_button.setEnabled(False)
            self.message.setStyleSheet("")
            self.message.setText(self.tr("This status is final; an assessment decides it."))
        actor = session.actor
        if not (actor and actor.role == "admin"):
            # Only a focal person changes a status (the core says so too): others read.
            self.setWindowTitle(self.tr("History of {name}").format(name=enrolment["full_name"]))
            for widget in (self.next_status, self.reason):
                form.setRowVisible(widget, False)
            self.save_button.hide()
            self.close_button.setText(self.tr("Close"))
            self.message.clear()
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
