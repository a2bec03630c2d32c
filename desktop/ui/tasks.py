"""Database work off the UI thread.

One writer thread owns the read-write :class:`~desktop.core.store.Store` (SQLite allows one writer;
queuing writes on one thread keeps them in order and never blocks the UI on the write lock).
Reads run on a small pool, each pool thread with its own read-only connection, so a long query
never waits behind a write. Results come back to the UI thread through Qt signals; a screen passes
``done`` and ``failed`` callables, which always run on the UI thread.

    runner.read(search_learners_page, "khan", done=model.show_page)
    runner.write(register_learner, actor, data, done=..., failed=form.show_problems)

A job is a plain function whose first argument is the store (writes) or the read-only connection
(reads), so the same functions are tested without Qt.
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QMetaObject,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)

from desktop.core.store import Store

__all__ = ["Progress", "TaskRunner"]

log = logging.getLogger(__name__)
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Writer(QObject):
    """Lives on the writer thread; opens the store there on first use."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.store: Store | None = None

    @Slot(int, object, object)
    def run(self, job_id: int, fn: Callable[..., Any], args: tuple) -> None:
        try:
            if self.store is None:
                self.store = Store.open(self.db_path)
            result = fn(self.store, *args)
        except BaseException as exc:  # reported to the screen that asked, never lost
            self.failed.emit(job_id, exc)
        else:
            self.finished.emit(job_id, result)

    @Slot()
    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


class _ReadSignals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)


class _ReadJob(QRunnable):
    def __init__(self, runner: TaskRunner, job_id: int, fn: Callable[..., Any], args: tuple):
        super().__init__()
        self.runner = runner
        self.job_id = job_id
        self.fn = fn
        self.args = args
        self.signals = runner._read_signals

    def run(self) -> None:
        try:
            result = self.fn(self.runner._read_connection(), *self.args)
        except BaseException as exc:
            self.signals.failed.emit(self.job_id, exc)
        else:
            self.signals.finished.emit(self.job_id, result)


class Progress(QObject):
    """Progress and cancellation of one long job.

    The job calls :meth:`report` from its thread (a signal carries it to the UI thread) and asks
    :meth:`cancelled`; the UI calls :meth:`cancel`.
    """

    changed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self.changed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class TaskRunner(QObject):
    """Runs reads and writes of one database off the UI thread; see the module docstring."""

    _submit_write = Signal(int, object, object)

    def __init__(self, db_path: Path, parent: QObject | None = None, *, readers: int = 2) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("sanad-writer")
        self._writer = _Writer(self.db_path)
        self._writer.moveToThread(self._thread)
        self._submit_write.connect(self._writer.run)
        self._writer.finished.connect(self._finished)
        self._writer.failed.connect(self._failed)
        self._thread.start()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(readers)
        self._pool.setExpiryTimeout(-1)  # keep threads, and their connections, for the session
        self._read_signals = _ReadSignals()
        self._read_signals.finished.connect(self._finished)
        self._read_signals.failed.connect(self._failed)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    # -- submitting ------------------------------------------------------------------------------

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> int:
        """Run ``fn(store, *args)`` on the writer thread, after every write submitted before."""
        job_id = self._register(done, failed)
        self._submit_write.emit(job_id, fn, args)
        return job_id

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> int:
        """Run ``fn(connection, *args)`` on a reader thread with a read-only connection."""
        job_id = self._register(done, failed)
        self._pool.start(_ReadJob(self, job_id, fn, args))
        return job_id

    def _register(self, done: Done | None, failed: Failed | None) -> int:
        if self._closed:
            raise RuntimeError("the task runner is closed")
        job_id = next(self._ids)
        self._callbacks[job_id] = (done, failed)
        return job_id

    # -- results (UI thread) ---------------------------------------------------------------------

    @Slot(int, object)
    def _finished(self, job_id: int, result: Any) -> None:
        done, _ = self._callbacks.pop(job_id, (None, None))
        if done is not None:
            done(result)

    @Slot(int, object)
    def _failed(self, job_id: int, error: BaseException) -> None:
        _, failed = self._callbacks.pop(job_id, (None, None))
        if failed is not None:
            failed(error)
        else:
            log.error("database task failed", exc_info=error)

    # -- connections -----------------------------------------------------------------------------

    def _read_connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = Store.open(self.db_path, readonly=True).conn
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def pending(self) -> int:
        """Jobs submitted whose result has not been delivered yet."""
        return len(self._callbacks)

    def close(self) -> None:
        """Finish queued work, then close every connection. Called when the window closes."""
        if self._closed:
            return
        self._closed = True
        self._pool.waitForDone()
        # Blocking: runs on the writer thread after every write queued before it.
        QMetaObject.invokeMethod(self._writer, "close", Qt.ConnectionType.BlockingQueuedConnection)
        self._thread.quit()
        self._thread.wait()
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
