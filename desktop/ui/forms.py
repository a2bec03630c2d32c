"""Forms that edit a record: the core's problems shown next to the fields, keeping what was typed.

A service raises a :class:`~desktop.core.errors.DomainError` whose problems name fields
(``cnic``, ``name_en`` …). :class:`FieldMarks` maps those names to widgets: each problem is shown
under its widget and the widget is marked; problems for fields the form does not show are listed
at the top. Nothing the person typed is cleared. :class:`RecordForm` is the dialog around them:
it saves on the writer thread and asks before closing with unsaved changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from desktop.core.errors import DomainError
from desktop.core.store import Actor, Store
from desktop.ui.i18n import follow_script
from desktop.ui.problems import error_text, problem_line, problem_text
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner

__all__ = ["FieldMarks", "RecordForm", "ask_discard"]

ERROR_STYLE = "color: #a4262c;"
MARK_PROPERTY = "invalid"


class FieldMarks:
    """Error labels for the fields of one form."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        self.fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, name: str, widget: QWidget, label: QLabel) -> None:
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self.fields[name] = (widget, label)

    def add_row(self, form: QFormLayout, name: str, title: str, widget: QWidget) -> QWidget:
        """Put a labelled input on ``form`` with its error line under it, named ``name`` as the
        core names the field."""
        widget.setObjectName(name)
        widget.setAccessibleName(title.replace("&", ""))
        if isinstance(widget, QLineEdit):
            follow_script(widget)
        error = QLabel()
        error.setObjectName(f"{name}Error")
        form.addRow(title, widget)
        form.addRow("", error)
        self.add(name, widget, error)
        return widget

    def show_any(self, error: BaseException) -> None:
        """A refusal from a job: the core's problems in place, anything else at the top."""
        if isinstance(error, DomainError):
            self.show(error)
        else:
            self.clear()
            self.general.setText(error_text(error))
            self.general.show()

    def clear(self) -> None:
        self.general.hide()
        self.general.clear()
        for widget, label in self.fields.values():
            label.hide()
            label.clear()
            widget.setProperty(MARK_PROPERTY, False)
            widget.setStyleSheet("")
            widget.setAccessibleDescription("")

    def show(self, error: DomainError) -> list[str]:
        """Mark every problem; return the names of the fields marked (the first gets focus)."""
        self.clear()
        marked: list[str] = []
        unplaced: list[str] = []
        for problem in error.problems:
            if problem.field in self.fields:
                widget, label = self.fields[problem.field]
                text = problem_text(problem)
                label.setText(f"{label.text()}\n{text}" if label.text() else text)
                label.show()
                widget.setProperty(MARK_PROPERTY, True)
                widget.setStyleSheet("border: 1px solid #a4262c;")
                widget.setAccessibleDescription(text)
                if problem.field not in marked:
                    marked.append(problem.field)
            else:
                unplaced.append(problem_line(problem))
        if unplaced:
            self.general.setText("\n".join(unplaced))
            self.general.show()
        if marked:
            self.fields[marked[0]][0].setFocus()
        return marked


def ask_discard(parent: QWidget) -> bool:
    """Asked when a form with unsaved changes is closed: ``True`` to discard them."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("forms", "Unsaved changes"),
        QCoreApplication.translate("forms", "Close without saving your changes?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class RecordForm(QDialog):
    """A dialog that creates or changes one record.

    A subclass builds its inputs, gives ``self.marks`` (a :class:`FieldMarks`), calls
    :meth:`add_buttons`, then :meth:`mark_pristine` once its inputs hold the record; it implements
    :meth:`values` (what the inputs hold) and :meth:`save_job` (the write to run). Saving runs on
    the writer thread; a refusal marks the fields and keeps what was typed; Cancel, Escape and
    closing the window ask before unsaved changes are lost.
    """

    def __init__(
        self,
        runner: TaskRunner,
        session: Session,
        record: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.record = record
        self.saved: dict[str, Any] | None = None
        self.marks: FieldMarks
        self._pristine: dict[str, Any] | None = None

    def add_buttons(self, layout: QBoxLayout, save_text: str) -> None:
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = QCoreApplication.translate("forms", "Cancel")
        self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def mark_pristine(self) -> None:
        """What the inputs hold now is what closing without saving keeps."""
        self._pristine = self.values()

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def save_job(self, actor: Actor | None, data: dict[str, Any]) -> Callable[[Store], Any]:
        """The write that saves ``data``; it runs on the writer thread, so it must not touch
        widgets."""
        raise NotImplementedError

    def submit(self) -> None:
        job = self.save_job(self.session.actor, self.values())
        self.save_button.setEnabled(False)
        self.runner.write(job, done=self._saved, failed=self._refused)

    def _saved(self, record: dict[str, Any]) -> None:
        self.saved = record
        self.mark_pristine()
        self.save_button.setEnabled(True)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.marks.show_any(error)

    def has_changes(self) -> bool:
        return self._pristine is not None and self.values() != self._pristine

    def confirm_discard(self) -> bool:
        """Asked when closing with unsaved changes; tests replace it."""
        return ask_discard(self)

    def reject(self) -> None:
        """Cancel, Escape and closing the window all come here: ask before losing changes."""
        if self.saved is None and self.has_changes() and not self.confirm_discard():
            return
        super().reject()
