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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.core.store import Store

__all__ = ["Progress", "TaskRunner"]

log = logging.getLogger(__name__)
# Page cache of each reader connection, KiB (the writer keeps the store's 64 MiB).
READER_CACHE_KIB = 32 * 1024

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


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
    """Runs reads and writes of one database off the UI thread; see the module docstring.

    The threads are Python's (``ThreadPoolExecutor``): one writer, a few readers. A finished job
    leaves its outcome in a locked dict and sends only its integer id to the UI thread through a
    queued signal, so no Python object crosses threads inside PySide (a ``QRunnable`` subclass
    and ``object``-typed signals crashed under load: "deallocating None").
    """

    _ready = Signal(int)

    def __init__(self, db_path: Path, parent: QObject | None = None, *, readers: int = 2) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._outcomes: dict[int, tuple[bool, Any]] = {}
        self._lock = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sanad-writer")
        self._readers = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="sanad-reader")
        self._store: Store | None = None  # touched only on the writer thread
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        self._ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

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
        self._writer.submit(self._run, job_id, self._writer_store, fn, args)
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
        self._readers.submit(self._run, job_id, self._read_connection, fn, args)
        return job_id

    def _register(self, done: Done | None, failed: Failed | None) -> int:
        if self._closed:
            raise RuntimeError("the task runner is closed")
        job_id = next(self._ids)
        self._callbacks[job_id] = (done, failed)
        return job_id

    def _run(self, job_id: int, handle: Callable[[], Any], fn: Callable[..., Any], args: tuple):
        try:
            outcome = (True, fn(handle(), *args))
        except BaseException as exc:  # reported to the screen that asked, never lost
            outcome = (False, exc)
        with self._lock:
            self._outcomes[job_id] = outcome
        self._ready.emit(job_id)

    # -- results (UI thread) ---------------------------------------------------------------------

    @Slot(int)
    def _deliver(self, job_id: int) -> None:
        with self._lock:
            succeeded, value = self._outcomes.pop(job_id)
        done, failed = self._callbacks.pop(job_id, (None, None))
        if self._closed and not succeeded and isinstance(value, sqlite3.OperationalError):
            return  # a read stopped by close(): nobody is waiting for it
        try:
            if succeeded:
                if done is not None:
                    done(value)
            elif failed is not None:
                failed(value)
            else:
                log.error("database task failed", exc_info=value)
        except RuntimeError as exc:
            # The screen that asked was closed (or rebuilt) while its job ran: its widgets are
            # gone, and so is anyone to show the result to.
            if "already deleted" not in str(exc):
                raise
            log.debug("dropped the result of job %d for a closed screen", job_id)

    # -- connections -----------------------------------------------------------------------------

    def _writer_store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.db_path)
        return self._store

    def _read_connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = Store.open(self.db_path, readonly=True).conn
            # Readers read pages of lists: a smaller cache of their own is enough, the system's
            # file cache holds the rest. Three caches of 64 MiB, filled by counting a quarter
            # of a million enrolments, took the app to 258 MiB; 16 MiB slowed the learner
            # search (p95 92 ms against 76 ms at 32 MiB, docs/benchmarks.md).
            conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
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
        # Reads nobody will see are stopped (SQLite's interrupt is meant to be called from
        # another thread); queued writes all still run.
        with self._lock:
            for conn in self._connections:
                conn.interrupt()
        self._readers.shutdown(wait=True, cancel_futures=True)

        def close_store() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        self._writer.submit(close_store).result()
        self._writer.shutdown(wait=True)
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
