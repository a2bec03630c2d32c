"""The focal person's view of marking: what waits in each cohort and with each assessor, how long
marking takes, and who marks a cohort (assessors assigned and reassigned here)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cohort_lists import list_assessors
from desktop.core.marking_lists import backlog_by_assessor, backlog_by_cohort, turnaround_days
from desktop.core.services import cohorts
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import ltr
from desktop.ui.models import RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.tables import rows_table
from desktop.ui.tasks import TaskRunner

__all__ = ["AssessorsDialog", "BacklogPanel"]


def _backlog(conn, campus_id: str | None) -> dict[str, Any]:
    return {
        "cohorts": backlog_by_cohort(conn, campus_id),
        "assessors": backlog_by_assessor(conn, campus_id),
        "turnaround": turnaround_days(conn, campus_id),
    }


class BacklogPanel(QWidget):
    """Waiting work per cohort and per assessor, with each assessor's turnaround."""

    loaded = Signal()

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session

        def days(value: Any) -> str:
            return "—" if value is None else self.tr("%n day(s)", "", round(value))

        self.by_cohort = RowsModel(
            [
                ("code", self.tr("Cohort"), lambda r: ltr(r["code"])),
                ("micro_code", self.tr("Micro-credential"), lambda r: ltr(r["micro_code"])),
                ("waiting", self.tr("Waiting"), lambda r: str(r["waiting"])),
                ("oldest_days", self.tr("Oldest"), lambda r: days(r["oldest_days"])),
                ("assessors", self.tr("Assessors"), lambda r: r["assessors"] or ""),
            ],
            self,
        )
        self.by_assessor = RowsModel(
            [
                ("display_name", self.tr("Assessor"), lambda r: r["display_name"]),
                ("waiting", self.tr("Waiting for them"), lambda r: str(r["waiting"])),
                ("oldest_days", self.tr("Oldest"), lambda r: days(r["oldest_days"])),
                ("turnaround_days", self.tr("Median turnaround"),
                 lambda r: days(r["turnaround_days"])),
            ],
            self,
        )  # fmt: skip
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("backlogSummary")
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Waiting, by cohort"), self))
        self.cohort_table = rows_table(self, "backlogByCohort", self.tr("Waiting, by cohort"),
                                   self.by_cohort)  # fmt: skip
        layout.addWidget(self.cohort_table, 2)
        buttons = QHBoxLayout()
        self.assessors_button = QPushButton(self.tr("Ass&essors of this cohort…"), self)
        self.assessors_button.setObjectName("cohortAssessors")
        self.assessors_button.setEnabled(False)
        self.assessors_button.clicked.connect(self.change_assessors)
        buttons.addWidget(self.assessors_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Waiting, by assessor"), self))
        self.assessor_table = rows_table(self, "backlogByAssessor", self.tr("Waiting, by assessor"),
                                     self.by_assessor)  # fmt: skip
        layout.addWidget(self.assessor_table, 1)
        self.cohort_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.assessors_button.setEnabled(self.cohort() is not None)
        )
        self._loaded = False

    def showEvent(self, event) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        actor = self.session.actor
        self.runner.read(_backlog, actor.campus_id if actor else None, done=self._in)

    def _in(self, backlog: dict[str, Any]) -> None:
        self.by_cohort.set_rows(backlog["cohorts"])
        self.by_assessor.set_rows(backlog["assessors"])
        waiting = sum(row["waiting"] for row in backlog["cohorts"])
        text = self.tr("%n attempt(s) waiting to be marked", "", waiting)
        if backlog["turnaround"] is not None:
            text += " · " + self.tr("median turnaround {days} days").format(
                days=backlog["turnaround"]
            )
        self.summary.setText(text)
        self.cohort_table.resizeColumnsToContents()
        self.assessor_table.resizeColumnsToContents()
        self.loaded.emit()

    def cohort(self) -> dict[str, Any] | None:
        index = self.cohort_table.currentIndex()
        return self.by_cohort.rows[index.row()] if index.isValid() else None

    def change_assessors(self) -> None:
        cohort = self.cohort()
        if cohort is not None and AssessorsDialog.ask(self.runner, self.session, cohort, self):
            self.refresh()


class AssessorsDialog(QDialog):
    """Tick who marks a cohort; saved all at once."""

    def __init__(self, runner: TaskRunner, session: Session, cohort: dict[str, Any], parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.cohort = cohort
        self.setWindowTitle(self.tr("Assessors of {cohort}").format(cohort=cohort["code"]))
        self.resize(420, 380)
        layout = QVBoxLayout(self)
        self.people = QListWidget(self)
        self.people.setObjectName("assessorChoices")
        self.people.setAccessibleName(self.tr("Assessors"))
        layout.addWidget(self.people, 1)
        self.message = QLabel(self)
        self.message.setObjectName("assessorsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        actor = session.actor
        cohort_id = cohort["id"]

        def read(conn) -> tuple[list[dict[str, Any]], set[str]]:
            current = {
                row[0]
                for row in conn.execute(
                    "SELECT user_id FROM cohort_assessors WHERE cohort_id = ? AND deleted = 0",
                    (cohort_id,),
                )
            }
            return list_assessors(conn, actor.campus_id if actor else None), current

        runner.read(read, done=self._in)

    @classmethod
    def ask(cls, runner: TaskRunner, session: Session, cohort: dict[str, Any], parent=None):
        return cls(runner, session, cohort, parent).exec() == QDialog.DialogCode.Accepted

    def _in(self, result: tuple[list[dict[str, Any]], set[str]]) -> None:
        people, current = result
        for person in people:
            item = QListWidgetItem(person["display_name"], self.people)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person["id"] in current
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, person["id"])

    def chosen(self) -> list[str]:
        return [
            self.people.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]

    def submit(self) -> None:
        actor, cohort_id, chosen = self.session.actor, self.cohort["id"], self.chosen()
        self.save_button.setEnabled(False)
        self.runner.write(
            lambda store: cohorts.set_assessors(store, actor, cohort_id, chosen),
            done=lambda _rows: self.accept(),
            failed=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(error_text(error))
