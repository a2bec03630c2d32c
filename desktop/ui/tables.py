"""The one way the app makes a table of rows: whole rows selected, no row numbers, the last
column stretched, columns sized from the first hundred rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

__all__ = ["rows_table"]


def rows_table(
    parent: QWidget, name: str, accessible: str, model: QAbstractItemModel, *,
    single: bool = True,
) -> QTableView:  # fmt: skip
    """A table over ``model`` named ``name`` (for tests) and ``accessible`` (for screen readers);
    ``single``: one row chosen at a time, else several with Shift and Ctrl."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    # Size columns from the first rows only: measuring thousands of rows takes seconds.
    header.setResizeContentsPrecision(100)
    return view
