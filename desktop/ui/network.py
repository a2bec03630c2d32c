"""Work that waits on the network, off the UI thread and off the task runner's threads.

Sync, joining, and starting or stopping the hub's server can each wait a minute on a dead link;
on the task runner's writer they would hold up every save behind them. Each job here runs on a
Python thread of its own and opens its own database connection if it needs one. As in
:class:`~desktop.ui.tasks.TaskRunner`, a finished job leaves its outcome in a locked dict and
only its integer id crosses to the UI thread (a queued signal), where ``done`` or ``failed``
runs; a job hands progress to the UI thread the same way, through ``note``.

The threads are daemons, and closing never waits for them: a window must close even when the
registry does not answer. A job still running then finishes on its own (a cancelled sync stops
at its next request); its result is dropped, and SQLite rolls back whatever a job was writing if
the process ends first.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

__all__ = ["NetworkJobs", "Note"]

log = logging.getLogger(__name__)

Note = Callable[[Any], None]  # what a job calls to hand a value to its ``noted`` callback
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class NetworkJobs(QObject):
    """Runs ``fn(note, *args)`` on a thread of its own; see the module docstring."""

    _ready = Signal(int)
    _noted = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None, Note | None]] = {}
        self._outcomes: dict[int, tuple[bool, Any]] = {}
        self._notes: list[tuple[int, Any]] = []
        self._lock = threading.Lock()
        self._closed = False
        self._ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._noted.connect(self._deliver_notes, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[..., Any], *args: Any, done: Done | None = None,
            failed: Failed | None = None, noted: Note | None = None) -> int:  # fmt: skip
        """Start ``fn(note, *args)`` now; ``noted(value)`` runs on the UI thread for every
        ``note(value)`` the job makes, ``done`` or ``failed`` once it ends."""
        if self._closed:
            raise RuntimeError("the network jobs are closed")
        job_id = next(self._ids)
        self._callbacks[job_id] = (done, failed, noted)
        thread = threading.Thread(target=self._run, args=(job_id, fn, args),
                                  name=f"sanad-network-{job_id}", daemon=True)  # fmt: skip
        thread.start()
        return job_id

    def pending(self) -> int:
        return len(self._callbacks)

    def _run(self, job_id: int, fn: Callable[..., Any], args: tuple) -> None:
        def note(value: Any) -> None:
            with self._lock:
                self._notes.append((job_id, value))
            self._emit(self._noted, job_id)

        try:
            outcome = (True, fn(note, *args))
        except BaseException as exc:  # reported to whoever asked, never lost
            outcome = (False, exc)
        with self._lock:
            self._outcomes[job_id] = outcome
        self._emit(self._ready, job_id)

    def _emit(self, signal: Any, job_id: int) -> None:
        try:
            signal.emit(job_id)
        except RuntimeError:  # the application is gone (Sanad is closing): nobody to tell
            log.debug("network job %d ended after the application", job_id)

    # -- on the UI thread -------------------------------------------------------------------------

    @Slot(int)
    def _deliver_notes(self, _job_id: int) -> None:
        with self._lock:
            notes, self._notes = self._notes, []
        for job_id, value in notes:
            noted = self._callbacks.get(job_id, (None, None, None))[2]
            if noted is not None and not self._closed:
                noted(value)

    @Slot(int)
    def _deliver(self, job_id: int) -> None:
        self._deliver_notes(job_id)  # every note of the job before its end
        with self._lock:
            succeeded, value = self._outcomes.pop(job_id)
        done, failed, _noted = self._callbacks.pop(job_id, (None, None, None))
        if self._closed:
            if not self._callbacks:
                self.deleteLater()  # kept alive by the application until its last job ended
            return
        if succeeded:
            if done is not None:
                done(value)
        elif failed is not None:
            failed(value)
        else:
            log.error("network job failed", exc_info=value)

    def close(self) -> None:
        """Drop the results of jobs still running; the owner may go away now."""
        if self._closed:
            return
        self._closed = True
        if self._callbacks:
            # Its threads still report to it: the application keeps it until they have.
            self.setParent(QCoreApplication.instance())
        else:
            self.deleteLater()
