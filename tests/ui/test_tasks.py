"""Database work runs off the UI thread and comes back in order, failures included."""

from __future__ import annotations

import threading

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.services import learners
from desktop.ui.tasks import TaskRunner


@pytest.fixture
def runner(campus):
    campus.store.close()  # the runner's own connections take over
    runner = TaskRunner(campus.path)
    yield runner
    runner.close()


def test_writes_run_in_order_on_one_thread_and_reads_see_them(qtbot, runner, campus):
    ui_thread = threading.get_ident()
    seen_threads, results = set(), []

    def register(store, n):
        seen_threads.add(threading.get_ident())
        row = {"registration_no": f"QAU-2026-7{n:03d}", "full_name": f"Ordered {n}"}
        return learners.register_learner(store, campus.admin, row)["registration_no"]

    for n in range(5):
        runner.write(register, n, done=results.append)
    qtbot.waitUntil(lambda: len(results) == 5, timeout=10_000)
    assert results == [f"QAU-2026-7{n:03d}" for n in range(5)]
    assert len(seen_threads) == 1 and ui_thread not in seen_threads

    counted = []
    runner.read(
        lambda conn: conn.execute(
            "SELECT COUNT(*) FROM learners WHERE full_name LIKE 'Ordered%'"
        ).fetchone()[0],
        done=counted.append,
    )
    qtbot.waitUntil(lambda: counted == [5], timeout=10_000)


def test_a_refused_write_reaches_the_screen_that_asked(qtbot, runner, campus):
    errors = []
    runner.write(
        lambda store: learners.register_learner(
            store, campus.admin, {"registration_no": "X-1", "full_name": "Bad", "cnic": "12"}
        ),
        failed=errors.append,
    )
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert isinstance(errors[0], InvalidInput) and errors[0].fields == ["cnic"]


def test_reads_are_read_only(qtbot, runner):
    errors = []
    runner.read(lambda conn: conn.execute("DELETE FROM settings"), failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "readonly" in str(errors[0]).replace("-", "").replace(" ", "")


def test_close_finishes_queued_work_and_refuses_more(qtbot, runner, campus):
    done = []
    runner.write(lambda store: store.scalar("SELECT COUNT(*) FROM learners"), done=done.append)
    runner.close()
    qtbot.waitUntil(lambda: done == [5], timeout=10_000)
    with pytest.raises(RuntimeError, match="closed"):
        runner.read(lambda conn: None)


def test_close_stops_long_reads_but_finishes_writes(qtbot, runner, campus):
    import time

    def slow_read(conn):
        # A query that would run for a long time: a recursive count to 10^9.
        return conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
            "SELECT COUNT(*) FROM n"
        ).fetchone()

    written = []
    runner.read(slow_read)
    time.sleep(0.2)  # the read is under way
    runner.write(
        lambda store: learners.register_learner(
            store, campus.admin, {"registration_no": "QAU-2026-9999", "full_name": "Last Write"}
        ),
        done=written.append,
    )
    started = time.perf_counter()
    runner.close()
    assert time.perf_counter() - started < 5  # the count to a billion was stopped
    qtbot.waitUntil(lambda: len(written) == 1, timeout=10_000)
    assert written[0]["full_name"] == "Last Write"


def test_a_result_for_a_closed_screen_is_dropped(qtbot, runner):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    gate = threading.Event()
    runner.read(lambda conn: gate.wait(5) and 1, done=lambda n: label.setText(str(n)))
    label.deleteLater()
    qtbot.wait(50)  # the label is gone before its job ends
    later = []
    gate.set()
    runner.read(lambda conn: 2, done=later.append)
    qtbot.waitUntil(lambda: later == [2], timeout=10_000)  # and the runner goes on
