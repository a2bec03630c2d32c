"""Read-only table models over rows (dicts), for every list in the app."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.ui.i18n import font_for

__all__ = ["Column", "RowsModel"]

AnyIndex = QModelIndex | QPersistentModelIndex
# (row key, column title, how the row shows in that column)
Column = tuple[str, str, Callable[[dict[str, Any]], str]]


class RowsModel(QAbstractTableModel):
    """Read-only rows (dicts) with columns of (key, title, how to show it)."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.columns[index.column()][2](row)
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        if role == Qt.ItemDataRole.FontRole:
            # The stored value, not the shown text: formatting a cell (a phone number) again
            # for every paint would double the work of the largest table.
            value = row.get(self.columns[index.column()][0])
            return font_for(value) if isinstance(value, str) else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section][1]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
