"""The Marking screen: submitted attempts waiting for marks.

An assessor sees the attempts of their own cohorts, the longest waiting first, narrowed by
cohort, micro-credential and days waiting; a focal person sees every cohort, including the
attempts held because their markings disagree, and a second tab with the backlog per cohort
and per assessor (``marking_backlog``). Opening an attempt opens ``MarkingDialog``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.marking_lists import QueueFilter, marking_queue
from desktop.ui.i18n import coded_title, ltr
from desktop.ui.marking_dialog import MarkingDialog
from desktop.ui.models import RowsModel
from desktop.ui.session import Session
from desktop.ui.tables import rows_table
from desktop.ui.tasks import TaskRunner

__all__ = ["MarkingPage"]


class MarkingPage(QWidget):
    """The queue of submitted attempts, with filters; open one to mark it."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.queue = RowsModel(
            [
                ("registration_no", self.tr("Registration no."),
                 lambda r: ltr(r["registration_no"])),
                ("full_name", self.tr("Name"), lambda r: r["full_name"]),
                ("cohort_code", self.tr("Cohort"), lambda r: ltr(r["cohort_code"])),
                ("micro_code", self.tr("Micro-credential"), coded_title),
                ("attempt", self.tr("Attempt"), lambda r: str(r["attempt"])),
                ("waiting_days", self.tr("Waiting"),
                 lambda r: self.tr("%n day(s)", "", r["waiting_days"])),
                ("state", self.tr("State"), self._state),
            ],
            self,
        )  # fmt: skip
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("markingTabs")
        outer.addWidget(self.tabs)
        submissions = QWidget(self.tabs)
        self.tabs.addTab(submissions, self.tr("&Submissions"))
        from desktop.ui.marking_backlog import BacklogPanel

        # The focal person's tab; shown while an admin is signed in.
        self.backlog = BacklogPanel(runner, session, self.tabs)
        self.tabs.addTab(self.backlog, self.tr("&Backlog and assessors"))
        actor = session.actor
        self.tabs.setTabVisible(1, bool(actor) and actor.role == "admin")
        session.changed.connect(
            lambda who: self.tabs.setTabVisible(1, bool(who) and who.role == "admin")
        )
        layout = QVBoxLayout(submissions)
        filters = QHBoxLayout()
        self.micro_filter = QComboBox(self)
        self.micro_filter.setObjectName("markingMicroFilter")
        self.micro_filter.setAccessibleName(self.tr("Micro-credential"))
        self.micro_filter.addItem(self.tr("Every micro-credential"), None)
        micro_label = QLabel(self.tr("&Micro-credential"), self)
        micro_label.setBuddy(self.micro_filter)
        self.waiting_filter = QSpinBox(self)
        self.waiting_filter.setObjectName("waitingFilter")
        self.waiting_filter.setAccessibleName(self.tr("Waiting at least, in days"))
        self.waiting_filter.setRange(0, 365)
        self.waiting_filter.setSuffix(self.tr(" days"))
        waiting_label = QLabel(self.tr("Waiting at &least"), self)
        waiting_label.setBuddy(self.waiting_filter)
        self.cohort_filter = QComboBox(self)
        self.cohort_filter.setObjectName("markingCohortFilter")
        self.cohort_filter.setAccessibleName(self.tr("Cohort"))
        self.cohort_filter.addItem(self.tr("Every cohort"), None)
        cohort_label = QLabel(self.tr("Co&hort"), self)
        cohort_label.setBuddy(self.cohort_filter)
        filters.addWidget(cohort_label)
        filters.addWidget(self.cohort_filter, 1)
        filters.addWidget(micro_label)
        filters.addWidget(self.micro_filter, 2)
        filters.addWidget(waiting_label)
        filters.addWidget(self.waiting_filter)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.count_label = QLabel(self.tr("Loading the submissions…"), self)
        self.count_label.setObjectName("markingCount")
        layout.addWidget(self.count_label)
        self.table = rows_table(self, "markingQueue", self.tr("Submissions to mark"), self.queue)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open the submission…"), self)
        self.open_button.setObjectName("openSubmission")
        self.open_button.setEnabled(False)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.micro_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.cohort_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.waiting_filter.valueChanged.connect(lambda _v: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.open_button.setEnabled(self.chosen() is not None)
        )
        self.table.activated.connect(lambda _index: self.open_chosen())
        self.open_button.clicked.connect(self.open_chosen)
        session.changed.connect(lambda _actor: self._loaded and self.refresh())
        self._loaded = False
        self._sized = False

    def showEvent(self, event) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh()
        super().showEvent(event)

    def _state(self, row: dict[str, Any]) -> str:
        actor = self.session.actor
        if row["state"] == "disagreement":
            return self.tr("Markings disagree: the focal person resolves")
        if actor and actor.user_id in row["marked_by"]:
            return self.tr("You marked it; waiting for the deciding marking")
        if row["blind_markings"]:
            return self.tr("To mark (%n second marking(s) done)", "", row["blind_markings"])
        return self.tr("To mark")

    def current_filter(self) -> QueueFilter:
        actor = self.session.actor
        return QueueFilter(
            campus_id=actor.campus_id if actor else None,
            assessor_id=actor.user_id if actor and actor.role == "assessor" else None,
            cohort_id=self.cohort_filter.currentData(),
            micro_code=self.micro_filter.currentData(),
            waiting_days=self.waiting_filter.value() or None,
        )

    def refresh(self) -> None:
        wanted = self.current_filter()
        self.runner.read(lambda conn: marking_queue(conn, wanted), done=self._queue_in)

    def _queue_in(self, rows: list[dict[str, Any]]) -> None:
        self.queue.set_rows(rows)
        self.count_label.setText(self.tr("%n submission(s) waiting", "", len(rows)))
        if self.micro_filter.count() == 1 and self.cohort_filter.count() == 1:
            # Filled once, from the whole queue: the choices are what is waiting.
            micro: dict[str, str] = {}
            cohort: dict[str, str] = {}
            for row in rows:
                micro.setdefault(row["micro_code"], coded_title(row))
                cohort.setdefault(row["cohort_code"], row["cohort_id"])
            for code, title in sorted(micro.items()):
                self.micro_filter.addItem(title, code)
            for code, cohort_id in sorted(cohort.items()):
                self.cohort_filter.addItem(ltr(code), cohort_id)
        if rows and not self._sized:
            self.table.resizeColumnsToContents()
            self._sized = True
        self.open_button.setEnabled(self.chosen() is not None)
        self.changed.emit()

    def chosen(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.queue.rows[index.row()] if index.isValid() else None

    def open_chosen(self) -> None:
        row = self.chosen()
        if row is not None and MarkingDialog.ask(self.runner, self.session, row["id"], self):
            self.refresh()
