"""Syncing in the background: on a schedule, and when someone asks.

:class:`SyncScheduler` runs :func:`sync.client.sync_once` for each link of the database on a
network thread (:class:`~desktop.ui.network.NetworkJobs`) with its own read-write connection
(``Store.open`` on that thread): never on the UI thread, never on the task runner's writer, so
screens keep saving while a sync waits on the network. One sync runs at a time.

The schedule is a setting of this computer, ``sync_interval_minutes`` (default 15; 0 = only on
demand), read at every check, so a change applies at once. A check runs a minute apart; a link
is due when the interval has passed since its last attempt, except after a failure: then the
link's own ``next_attempt_at`` (the client's backoff: 5, 15, 60, 180 minutes) decides, and a
failure no retry can mend (a revoked device) waits for someone to press Sync now.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.store import Store
from desktop.ui.i18n import computer_settings
from desktop.ui.network import NetworkJobs, Note

__all__ = [
    "DEFAULT_INTERVAL",
    "LinkOutcome",
    "SyncScheduler",
    "due_links",
    "save_sync_interval",
    "sync_interval_minutes",
]

DEFAULT_INTERVAL = 15
CHECK_EVERY_MS = 60_000
# The first check after start: soon, so a lab station that was off overnight catches up, but
# not during the start itself.
FIRST_CHECK_MS = 20_000


def sync_interval_minutes() -> int:
    """Minutes between scheduled syncs on this computer; 0 means only when someone asks."""
    try:
        return max(0, int(computer_settings().value("sync_interval_minutes", DEFAULT_INTERVAL)))
    except (TypeError, ValueError):
        return DEFAULT_INTERVAL


def save_sync_interval(minutes: int) -> None:
    settings = computer_settings()
    settings.setValue("sync_interval_minutes", max(0, int(minutes)))
    settings.sync()


def _utc(stamp: str | None) -> dt.datetime | None:
    if not stamp:
        return None
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def due_links(store: Store, interval_minutes: int, now: dt.datetime) -> list[Any]:
    """The links a scheduled check syncs now (see the module docstring)."""
    from sync.client import links

    if interval_minutes <= 0:
        return []
    due = []
    for link in links(store):
        row = store.one("SELECT last_attempt_at FROM sync_links WHERE peer_device_id = ?",
                        (link.peer_device_id,))  # fmt: skip
        last_attempt = _utc(row["last_attempt_at"] if row else None)
        if link.last_error:
            retry_at = _utc(link.next_attempt_at)
            if retry_at is not None and now >= retry_at:
                due.append(link)
        elif last_attempt is None or now >= last_attempt + dt.timedelta(minutes=interval_minutes):
            due.append(link)
    return due


@dataclass
class LinkOutcome:
    """How one link's sync ended: its report, or the problem in plain words."""

    peer_device_id: str
    report: Any = None  # sync.client.SyncReport
    problem: str = ""
    code: str = ""


def _sync(note: Note, db_path: Path, interval: int | None, cancel: threading.Event
          ) -> list[LinkOutcome]:  # fmt: skip
    """The job: sync every link (``interval`` None) or the due ones, on this thread's own
    connection."""
    from sync.client import SyncProblem, links, sync_once

    with Store.open(db_path) as store:
        if interval is None:
            chosen = links(store)
        else:
            chosen = due_links(store, interval, dt.datetime.now(dt.UTC))
        if not chosen:
            return []
        note(("started",))
        outcomes = []
        for link in chosen:
            try:
                report = sync_once(store, link, cancel=cancel.is_set,
                                   progress=lambda stage, done, total: note(
                                       ("progress", stage, done, total)))  # fmt: skip
            except SyncProblem as exc:
                outcomes.append(LinkOutcome(link.peer_device_id, problem=str(exc),
                                            code=exc.code))  # fmt: skip
                if cancel.is_set():
                    break
                continue
            outcomes.append(LinkOutcome(link.peer_device_id, report=report))
        return outcomes


class SyncScheduler(QObject):
    """Syncs this computer's links in the background; see the module docstring.

    ``started`` when a sync begins, ``progress(stage, done, total)`` as it goes (stage
    ``hello``, ``push``, ``pull`` or ``files``; ``total`` None when unknown), then for each link
    ``finished(report)`` or ``failed(message)``. ``reports`` keeps the last report of each link
    (by the other side's device id) for the screens.
    """

    started = Signal()
    progress = Signal(str, object, object)
    finished = Signal(object)  # sync.client.SyncReport
    failed = Signal(str)

    def __init__(self, db_path: Path, parent: QObject | None = None, *,
                 schedule: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.jobs = NetworkJobs(self)
        self.running = False
        self.reports: dict[str, Any] = {}
        self.problems: dict[str, str] = {}
        self._cancel = threading.Event()
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        if schedule:
            self.timer.start()
            QTimer.singleShot(FIRST_CHECK_MS, self, self.check)

    def check(self) -> bool:
        """Sync the links that are due; False when a sync is running already (or none may)."""
        interval = sync_interval_minutes()
        if interval <= 0:
            return False
        return self._start(interval)

    def sync_now(self) -> bool:
        """Sync every link now, whatever the schedule; False when a sync is running already."""
        return self._start(None)

    def cancel(self) -> None:
        """Stop the sync running at its next step; what was sent and received is kept, and the
        next sync continues from there."""
        self._cancel.set()

    def _start(self, interval: int | None) -> bool:
        if self.running or self._closed:
            return False
        self.running = True
        self._cancel = threading.Event()
        self.jobs.run(_sync, self.db_path, interval, self._cancel, noted=self._noted,
                      done=self._ended, failed=self._broke)  # fmt: skip
        return True

    def _noted(self, event: tuple) -> None:
        if event[0] == "started":
            self.started.emit()
        else:
            _kind, stage, done, total = event
            self.progress.emit(stage, done, total)

    def _ended(self, outcomes: list[LinkOutcome]) -> None:
        self.running = False
        for outcome in outcomes:
            if outcome.report is not None:
                self.reports[outcome.peer_device_id] = outcome.report
                self.problems.pop(outcome.peer_device_id, None)
                self.finished.emit(outcome.report)
            else:
                self.problems[outcome.peer_device_id] = outcome.code
                self.failed.emit(outcome.problem)

    def _broke(self, error: BaseException) -> None:
        # Not a sync problem (those are outcomes): the database could not be opened, say.
        self.running = False
        self.failed.emit(str(error) or type(error).__name__)

    def run_job(self, fn, *args: Any, done=None, failed=None) -> int:
        """Another network job beside the syncs (joining head office): ``fn(note, *args)``."""
        return self.jobs.run(fn, *args, done=done, failed=failed)

    def close(self) -> None:
        """Stop syncing: a sync running is cancelled and its result dropped (never waited
        for: the window closes now)."""
        self._closed = True
        self.timer.stop()
        self._cancel.set()
        self.jobs.close()
