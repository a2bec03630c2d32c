"""Adding or editing one learner: every field, checked by the core, problems shown in place.

The form keeps what was typed when the core refuses it; closing with unsaved changes asks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import learners
from desktop.core.store import Actor, Store
from desktop.core.validation import format_cnic, format_phone
from desktop.ui.forms import FieldMarks, RecordForm
from desktop.ui.session import Session
from desktop.ui.sizing import characters
from desktop.ui.tasks import TaskRunner

__all__ = ["LearnerForm"]


class LearnerForm(RecordForm):
    """A new learner, or changes to one (``record`` is the learner's row)."""

    def __init__(
        self,
        runner: TaskRunner,
        session: Session,
        record: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, session, record, parent)
        self.setWindowTitle(
            self.tr("New learner")
            if record is None
            else self.tr("Edit {name}").format(name=record["full_name"])
        )
        self.setMinimumWidth(characters(self, 92))
        layout = QVBoxLayout(self)
        general = QLabel(self)
        general.setObjectName("learnerFormProblems")
        layout.addWidget(general)
        self.marks = FieldMarks(general)
        form = QFormLayout()
        layout.addLayout(form)
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        titles = {
            "registration_no": self.tr("&Registration number"),
            "full_name": self.tr("Full &name"),
            "guardian_name": self.tr("&Guardian (father or mother)"),
            "cnic": self.tr("&CNIC (12345-1234567-1)"),
            "gender": self.tr("G&ender"),
            "date_of_birth": self.tr("&Date of birth (YYYY-MM-DD)"),
            "email": self.tr("E-&mail"),
            "phone": self.tr("&Phone (0300-1234567)"),
            "programme": self.tr("Programme of stud&y"),
        }
        for name in learners.LEARNER_FIELDS:
            if name == "gender":
                widget: QLineEdit | QComboBox = QComboBox(self)
                for value, label in (
                    ("", ""),
                    ("female", self.tr("Female")),
                    ("male", self.tr("Male")),
                    ("other", self.tr("Other")),
                ):
                    widget.addItem(label, value)  # fmt: skip
            else:
                widget = QLineEdit(self)
            self.inputs[name] = self.marks.add_row(form, name, titles[name], widget)
        self.date_of_birth.setPlaceholderText(
            QDate.currentDate().addYears(-20).toString("yyyy-MM-dd")
        )
        self.add_buttons(layout, self.tr("&Save"))
        self._load(record)
        self.mark_pristine()

    def __getattr__(self, name: str) -> Any:
        inputs = self.__dict__.get("inputs")
        if inputs and name in inputs:
            return inputs[name]
        raise AttributeError(name)

    def _load(self, record: dict[str, Any] | None) -> None:
        if record is None:
            return
        for name, widget in self.inputs.items():
            value = record.get(name)
            if name == "cnic" and value:
                value = format_cnic(value)
            elif name == "phone" and value:
                value = format_phone(value)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value or "")))
            else:
                widget.setText(value or "")

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            data[name] = widget.currentData() if isinstance(widget, QComboBox) else widget.text()
        return data

    def save_job(self, actor: Actor | None, data: dict[str, Any]) -> Callable[[Store], Any]:
        record = self.record

        def save(store: Store) -> dict[str, Any]:
            if record is None:
                return learners.register_learner(store, actor, data)
            return learners.update_learner(store, actor, record["id"], data)

        return save
