"""Creating a cohort: a published micro-credential offered with dates, mode, seats, fee and
assessors. The core checks everything; its problems are shown next to the fields, and closing
with unsaved changes asks first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cohort_lists import list_assessors, offerable
from desktop.core.services import cohorts
from desktop.core.store import Actor, Store
from desktop.ui.forms import FieldMarks, RecordForm
from desktop.ui.session import Session
from desktop.ui.sizing import lines
from desktop.ui.tasks import TaskRunner

__all__ = ["CohortForm"]


class CohortForm(RecordForm):
    """Create a cohort at the signed-in admin's campus."""

    def __init__(self, runner: TaskRunner, session: Session, parent: QWidget | None = None):
        super().__init__(runner, session, None, parent)
        self.setWindowTitle(self.tr("New cohort"))
        layout = QVBoxLayout(self)
        general = QLabel(self)
        general.setObjectName("cohortFormProblems")
        layout.addWidget(general)
        self.marks = FieldMarks(general)
        form = QFormLayout()
        layout.addLayout(form)

        def field(name: str, title: str, widget: QWidget) -> QWidget:
            return self.marks.add_row(form, name, title, widget)

        self.micro = field("micro_credential", self.tr("&Micro-credential"), QComboBox(self))
        self.code = field("code", self.tr("Cohort &code"), QLineEdit(self))
        self.code.setPlaceholderText("DA-101-2026-01")
        today = QDate.currentDate()
        self.starts = field("starts_on", self.tr("&Starts on"), QDateEdit(today, self))
        self.ends = field("ends_on", self.tr("&Ends on"), QDateEdit(today.addDays(56), self))
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            # ISO dates read left to right in Urdu too. Qt reverses the sections of a format set
            # while the widget is right to left (2026-11-23 became 23-11-2026), so the
            # direction comes first.
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.mode = field("mode", self.tr("M&ode"), QComboBox(self))
        for value, label in (("in_person", self.tr("In person")), ("hybrid", self.tr("Hybrid")),
                             ("online", self.tr("Online"))):  # fmt: skip
            self.mode.addItem(label, value)
        self.capacity = field("capacity", self.tr("Se&ats"), QSpinBox(self))
        self.capacity.setRange(1, 10000)
        self.capacity.setValue(40)
        self.fee = field("fee_pkr", self.tr("&Fee (PKR)"), QSpinBox(self))
        self.fee.setRange(0, 10_000_000)
        self.fee.setSingleStep(500)
        self.fee.setSpecialValueText(self.tr("no fee"))
        self.assessors = field("assessors", self.tr("Assessors"), QListWidget(self))
        self.assessors.setFixedHeight(lines(self.assessors, 7.5))
        self.add_buttons(layout, self.tr("C&reate the cohort"))
        campus_id = session.actor.campus_id if session.actor else None
        self.loaded = 0
        runner.read(offerable, campus_id, done=self._micro_in)
        runner.read(list_assessors, campus_id, done=self._assessors_in)

    def _micro_in(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self.micro.addItem(f"{row['code']} — {row['title_en']}", row["id"])
        self._one_loaded()

    def _assessors_in(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            item = QListWidgetItem(row["display_name"], self.assessors)
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._one_loaded()

    def _one_loaded(self) -> None:
        self.loaded += 1
        if self.loaded == 2:  # courses and assessors are in: what is shown now is the start
            self.mark_pristine()

    def values(self) -> dict[str, Any]:
        chosen = [
            self.assessors.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.assessors.count())
            if self.assessors.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "micro_credential_id": self.micro.currentData(),
            "assessor_ids": chosen,
            "code": self.code.text(),
            "starts_on": self.starts.date().toString("yyyy-MM-dd"),
            "ends_on": self.ends.date().toString("yyyy-MM-dd"),
            "mode": self.mode.currentData(),
            "capacity": self.capacity.value(),
            "fee_pkr": self.fee.value() or None,
        }

    def save_job(self, actor: Actor | None, data: dict[str, Any]) -> Callable[[Store], Any]:
        def create(store: Store) -> dict[str, Any]:
            return cohorts.create_cohort(store, actor, **data)

        return create
