"""A one-line sync status for the status bar and student mode: "Last synced 14:05", "Not
synced yet", or the last error. Hidden on a computer that has joined nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.store import Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.sync_scheduler import SyncScheduler
from desktop.ui.sync_texts import short_status
from desktop.ui.tasks import TaskRunner

__all__ = ["SyncStatusLabel", "read_links"]


def read_links(conn: Any) -> list[dict[str, Any]]:
    return Store(conn, Path()).query(
        "SELECT peer_kind, last_success_at, last_error, next_attempt_at FROM sync_links"
    )


class SyncStatusLabel(QLabel):
    """Follows a :class:`SyncScheduler`: "Syncing…" while it runs, then the link's state (read
    on a reader thread)."""

    def __init__(self, runner: TaskRunner, scheduler: SyncScheduler,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("syncStatus")
        self.hide()
        scheduler.started.connect(self._syncing)
        scheduler.finished.connect(self._ended)
        scheduler.failed.connect(self._ended)
        self.refresh()

    def _ended(self, _outcome: Any) -> None:
        self.refresh()

    def _syncing(self) -> None:
        self.setStyleSheet("")
        self.setText(self.tr("Syncing…"))
        self.show()

    def refresh(self) -> None:
        self.runner.read(read_links, done=self._links_in)

    def _links_in(self, links: list[dict[str, Any]]) -> None:
        # The link that needs attention first, else the one synced longest ago.
        link = next((lk for lk in links if lk["last_error"]), None) or min(
            links, key=lambda lk: lk["last_success_at"] or "", default=None)  # fmt: skip
        text, error = short_status(link)
        self.setStyleSheet(ERROR_STYLE if error else "")
        self.setText(text)
        self.setVisible(bool(text))
