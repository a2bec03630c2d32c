"""Read-only table models over rows (dicts), for every list in the app: whole lists, and
large ones read page by page."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.ui.i18n import font_for

if TYPE_CHECKING:
    from desktop.ui.tasks import TaskRunner

__all__ = ["Column", "PagedRowsModel", "RowsModel"]

log = logging.getLogger(__name__)

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


# One page as a reader thread returns it: the rows, and the keyset to continue after (or None).
Page = tuple[list[dict[str, Any]], Any]


class PagedRowsModel(RowsModel):
    """Rows of a query too large to load whole (tens of thousands): the first page and the
    count, then keyset pages as the view scrolls (``canFetchMore`` / ``fetchMore``), each read
    on a reader thread.

    ``search(query)`` shows another query; while one is being read only the newest query
    waits, so fast typing never queues stale work. Subclasses say how to read: ``first_job``
    and ``next_job`` return plain functions of a connection, built on the UI thread from plain
    values, so nothing of Qt crosses to the reader.
    """

    # On the UI thread, when a query's first page is in: its total, or -1 if it failed.
    loaded = Signal(int)

    def __init__(self, runner: TaskRunner, columns: Sequence[Column], query: Any, parent=None):
        super().__init__(columns, parent)
        self.runner = runner
        self.query = query
        self.total = 0
        self._next_after: Any = None
        self._busy = False
        self._waiting: tuple[Any] | None = None

    def first_job(self, query: Any) -> Callable[[sqlite3.Connection], tuple[Page, int]]:
        raise NotImplementedError

    def next_job(self, query: Any, after: Any) -> Callable[[sqlite3.Connection], Page]:
        raise NotImplementedError

    def shown(self, query: Any, total: int) -> None:
        """Called when a query's first page is shown (or failed, total -1)."""
        self.loaded.emit(total)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next_after is not None and not self._busy

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._busy = True
        query = self.query
        self.runner.read(
            self.next_job(query, self._next_after),
            done=lambda page: self._append(query, page),
            failed=self._failed,
        )

    def search(self, query: Any) -> None:
        """Show the rows of ``query``; the newest query wins."""
        if self._busy:
            self._waiting = (query,)
            return
        self._start(query)

    def reload(self) -> None:
        """Read the current query again (after a change)."""
        self.search(self.query)

    def _start(self, query: Any) -> None:
        self._busy = True
        self._waiting = None
        self.runner.read(
            self.first_job(query),
            done=lambda result: self._show(query, *result),
            failed=self._failed,
        )

    # While rows go in, the model stays busy: a view or tester may ask for more from inside
    # the model's own signals, and it must not read again the page being inserted.

    def _show(self, query: Any, page: Page, total: int) -> None:
        if self._waiting is not None and self._waiting[0] != query:
            self._busy = False
            self._start(self._waiting[0])  # a newer query came in: this answer is stale
            return
        self._waiting = None
        rows, next_after = page
        self.beginResetModel()
        self.query = query
        self.rows = list(rows)
        self.total = total
        self._next_after = next_after
        self._busy = False
        self.endResetModel()
        self.shown(query, total)

    def _append(self, query: Any, page: Page) -> None:
        if self._waiting is not None:
            self._busy = False
            self._start(self._waiting[0])
            return
        rows, next_after = page
        if query != self.query or not rows:
            self._busy = False
            self._next_after = None if query == self.query else self._next_after
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self._next_after = next_after
        self._busy = False
        self.endInsertRows()

    def _failed(self, error: BaseException) -> None:
        log.error("reading a list failed", exc_info=error)
        self._busy = False
        self._next_after = None
        self.shown(self.query, -1)
