"""Showing the core's field problems on a form, next to the fields, keeping what was typed.

A service raises a :class:`~desktop.core.errors.DomainError` whose problems name fields
(``cnic``, ``name_en`` …). :class:`FieldMarks` maps those names to widgets: each problem is shown
under its widget and the widget is marked; problems for fields the form does not show are listed
at the top. Nothing the person typed is cleared.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QWidget

from desktop.core.errors import DomainError
from desktop.ui.problems import error_text, problem_line, problem_text

__all__ = ["FieldMarks", "ask_discard"]

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
