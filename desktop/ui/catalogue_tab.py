"""What the Catalogue's tabs share: a search box, a table of records with their status, the
admin's buttons under it, and the core's refusals shown in a line.

A tab loads when first shown, so start-up does not wait for it. Changes that cannot be undone
(publish, retire) are confirmed first, through :meth:`CatalogueTab.confirm`, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store import Actor, Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.models import Column, RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner

__all__ = ["CatalogueTab"]


class CatalogueTab(QWidget):
    """One kind of catalogue record in a searchable table; subclasses add columns and buttons,
    say how to load rows (:meth:`load`) and which buttons apply (:meth:`enable`)."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, session: Session, name: str, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.status_names = {
            "draft": self.tr("draft"),
            "published": self.tr("published"),
            "retired": self.tr("retired"),
        }
        self.model = RowsModel(self.columns(), self)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName(f"{name}Search")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.table = QTableView(self)
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.button_row = QHBoxLayout()
        layout.addLayout(self.button_row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.enable())
        self.search.textChanged.connect(lambda _text: self.refresh())
        session.changed.connect(lambda _actor: self.enable())
        self._sized = False
        self._loaded = False

    # -- for subclasses --------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def load(self, select_id: str | None) -> None:
        """Start reading the rows; hand them to :meth:`rows_in`."""
        raise NotImplementedError

    def enable(self) -> None:
        raise NotImplementedError

    def add_buttons(self, buttons: Sequence[QPushButton]) -> None:
        for button in buttons:
            self.button_row.addWidget(button)
        self.button_row.addStretch(1)

    # -- shared ----------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh()
        super().showEvent(event)

    def refresh(self, select_id: str | None = None) -> None:
        self.load(select_id)

    def localised(self, row: dict[str, Any], english: str, urdu: str) -> str:
        """The Urdu text of a row in the Urdu interface when there is one, else the English."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return row[urdu] if rtl and row[urdu] else row[english]

    def scope_name(self, row: dict[str, Any]) -> str:
        return self.tr("national") if row["scope"] == "national" else self.tr("campus")

    def rows_in(self, rows: list[dict[str, Any]], select_id: str | None) -> None:
        chosen = select_id or (self.selected() or {}).get("id")
        self.model.set_rows(rows)
        if rows and not self._sized:
            self.table.resizeColumnsToContents()
            self._sized = True
        for number, row in enumerate(rows):
            if row["id"] == chosen:
                self.table.selectRow(number)
        self.enable()
        self.changed.emit()

    def selected(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def writable_status(self) -> tuple[bool, str | None]:
        """Whether the signed-in person is an admin, and the status of the selected record if
        they may change it (the core refuses the same: national records change at head office)."""
        actor = self.session.actor
        admin = bool(actor) and actor.role == "admin"
        row = self.selected()
        writable = (
            admin and row is not None and (row["scope"] == "campus" or self.session.head_office)
        )
        return admin, row["status"] if writable and row else None

    def confirm(self, title: str, text: str) -> bool:
        """Asked before a change that cannot be undone; tests replace it."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def act(self, action: Callable[[Store, Actor | None, str], dict[str, Any]]) -> None:
        """Run ``action(store, actor, id)`` on the selected record, then show the result."""
        row = self.selected()
        if row is None:
            return
        actor = self.session.actor
        self.message.clear()
        self.runner.write(
            lambda store: action(store, actor, row["id"]),
            done=lambda record: self.refresh(record["id"]),
            failed=self.refused,
        )

    def refused(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))
