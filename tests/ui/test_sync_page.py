"""The Sync screen with head office's real registry on loopback: a campus joins with a code
(a wrong one refused in the registry's words, nothing typed lost), syncs, and sees the last
sync and nothing waiting; with the registry gone, it says so with what waits and when it tries
again; a sync cancelled halfway leaves everything usable."""

from __future__ import annotations

import threading

import anyio
import pytest
from PySide6.QtCore import Qt

from desktop.core.services import learners
from desktop.core.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.sync_dialogs import JoinDialog
from desktop.ui.sync_scheduler import due_links, save_sync_interval
from tests.sync.servers import serve_in_thread
from tests.ui.dialogs import when_shown


def _sync_screen(qtbot, campus, actor=None):
    campus.store.close()
    window = MainWindow(campus.path, session=Session(actor or campus.admin))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window.navigation, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window.sync
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.state is not None, timeout=10_000)
    return window, page


def _register(campus, n: int) -> None:
    with Store.open(campus.path) as store:
        learners.register_learner(store, campus.admin, {"registration_no": f"QAU-2026-8{n:03d}",
                                                        "full_name": f"New Learner {n}"})


def _box(page):
    boxes = list(page.boxes.values())
    assert len(boxes) == 1
    return boxes[0]


def _refreshed(qtbot, page):
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()


def test_join_sync_and_the_registry_gone(qtbot, campus, registry, no_retries):
    code, _expires = registry.node.create_code("QAU")
    window, page = _sync_screen(qtbot, campus)
    assert page.join_button.isVisible() and not page.sync_button.isVisible()
    seen = {}

    def join(dialog):
        dialog.url.setText(registry.url)
        dialog.code.setText("AAAA-BBBB-CCCC-DDDD")
        dialog.primary.click()
        qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)
        seen["refusal"] = dialog.message.text()
        seen["kept"] = (dialog.url.text(), dialog.code.text())
        dialog.code.setText(code)
        dialog.primary.click()

    when_shown(JoinDialog, join)
    scheduler = window.sync_scheduler
    with qtbot.waitSignal(scheduler.finished, timeout=20_000):
        page.join_button.click()  # joined: the first sync starts at once
    assert "code" in seen["refusal"] and seen["kept"] == (registry.url, "AAAA-BBBB-CCCC-DDDD")
    box = _box(page)
    qtbot.waitUntil(lambda: box.state.text().startswith("Last synced"), timeout=10_000)
    assert box.title() == f"Head office — {registry.url}"
    assert not page.join_button.isVisible() and page.sync_button.isEnabled()
    assert box.facts.text().startswith("0 changes waiting to be sent.")
    # The campus's own track is a national record it may not write: refused, with the reason.
    assert box.refused_label.text() == "1 change refused by head office in the last sync:"
    assert box.refused.item(0).text().startswith("learning track ")
    assert "may not write records of 'national'" in box.refused.item(0).text()
    assert window.sync_status.text().startswith("Last synced")

    _register(campus, 1)
    _refreshed(qtbot, page)
    assert box.facts.text().startswith("1 change waiting to be sent.")
    with qtbot.waitSignal(scheduler.finished, timeout=20_000):
        page.sync_button.click()
    qtbot.waitUntil(lambda: box.facts.text().startswith("0 changes"), timeout=10_000)
    assert not box.problem.isVisible()

    registry.stop()
    _register(campus, 2)
    _register(campus, 3)
    with qtbot.waitSignal(scheduler.failed, timeout=20_000) as failed:
        page.sync_button.click()
    assert failed.args == ["unreachable (no connection)"]
    qtbot.waitUntil(lambda: box.problem.isVisible(), timeout=10_000)
    text = box.problem.text()
    assert text.startswith("Head office unreachable (no connection) — 2 changes waiting, "
                           "will retry at ")  # fmt: skip
    assert len(text.rsplit(" ", 1)[1]) == 5  # HH:MM, on this computer's clock
    assert box.state.text().startswith("Last synced")
    qtbot.waitUntil(lambda: "unreachable" in window.sync_status.text(), timeout=10_000)
    assert page.sync_button.isEnabled()
    window.close()


class HeldHello:
    """The registry's app, but ``hello`` waits until the test lets it go: a sync is stopped
    exactly while its first request is out."""

    def __init__(self, app) -> None:
        self.app = app
        self.arrived = threading.Event()
        self.release = threading.Event()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["path"].endswith("/sync/v1/hello"):
            self.arrived.set()
            await anyio.to_thread.run_sync(self.release.wait)
        await self.app(scope, receive, send)


def test_a_cancelled_sync_leaves_the_app_usable(qtbot, campus, tmp_path):
    from sync.client import join
    from sync.registry.store import Registry
    from sync.server import make_app

    node = Registry.open(f"sqlite:///{tmp_path / 'registry.db'}")
    node.add_campus("QAU", "Quaid-i-Azam University")
    code, _ = node.create_code("QAU")
    held = HeldHello(make_app(node))
    with serve_in_thread(held) as url:
        join(campus.store, url, code)
        window, page = _sync_screen(qtbot, campus)
        scheduler = window.sync_scheduler
        page.sync_button.click()
        qtbot.waitUntil(held.arrived.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: page.stage.text() == "Checking…", timeout=10_000)
        assert page.cancel_button.isVisible() and not page.sync_button.isEnabled()
        with qtbot.waitSignal(scheduler.failed, timeout=20_000) as failed:
            page.cancel_button.click()
            assert page.stage.text() == "Stopping…"
            held.release.set()
        assert failed.args == ["the sync was cancelled; it continues from here next time"]
        box = _box(page)
        qtbot.waitUntil(lambda: box.problem.isVisible(), timeout=10_000)
        assert box.problem.text().startswith("Head office: the sync was cancelled; it continues "
                                             "from here next time — ")  # fmt: skip
        assert not page.cancel_button.isVisible() and page.sync_button.isEnabled()
        # Usable: other screens still read and write, and the next sync goes through.
        window.show_screen(window.learners)
        qtbot.waitUntil(lambda: window.learners.model.rowCount() == 5, timeout=10_000)
        window.show_screen(page)
        with qtbot.waitSignal(scheduler.finished, timeout=20_000):
            page.sync_button.click()
        qtbot.waitUntil(lambda: box.state.text().startswith("Last synced"), timeout=10_000)
        assert not box.problem.isVisible()
        window.close()
    node.close()


def test_a_scheduled_sync_waits_for_the_backoff(qtbot, campus, registry, no_retries):
    """The schedule syncs a link when its interval has passed; after a failure, not before
    the retry time the link was given."""
    import datetime as dt

    from sync.client import SyncProblem, join, links, sync_once

    code, _ = registry.node.create_code("QAU")
    join(campus.store, registry.url, code)
    now = dt.datetime.now(dt.UTC)
    assert len(due_links(campus.store, 15, now)) == 1  # never tried
    assert due_links(campus.store, 0, now) == []  # only on demand
    sync_once(campus.store)
    assert due_links(campus.store, 15, now + dt.timedelta(minutes=14)) == []
    assert len(due_links(campus.store, 15, now + dt.timedelta(minutes=16))) == 1
    registry.stop()
    with pytest.raises(SyncProblem):
        sync_once(campus.store)
    retry_at = dt.datetime.fromisoformat(links(campus.store)[0].next_attempt_at)
    assert due_links(campus.store, 15, retry_at - dt.timedelta(seconds=30)) == []
    assert len(due_links(campus.store, 15, retry_at + dt.timedelta(seconds=1))) == 1

    # In the app: "only when asked" checks nothing; a check before the retry time syncs nothing.
    window, page = _sync_screen(qtbot, campus)
    scheduler = window.sync_scheduler
    started = []
    scheduler.started.connect(lambda: started.append(True))
    page.interval.setValue(0)
    assert page.interval.text() == "Only when asked"
    assert not scheduler.check()
    save_sync_interval(15)
    assert scheduler.check()  # it looks, and finds the link waiting for its retry time
    qtbot.waitUntil(lambda: not scheduler.running, timeout=10_000)
    assert started == []
    window.close()


def test_the_sync_screen_is_for_focal_persons(qtbot, campus, qtmodeltester):
    window, page = _sync_screen(qtbot, campus)
    qtmodeltester.check(page.conflicts)
    qtmodeltester.check(page.hub_panel.model)
    assert page.conflict_count.text().startswith("No conflicts")
    window.session.sign_in(campus.assessor)
    assert window.navigation.isRowHidden(8)
    assert window.stack.currentWidget() is window.overview
    qtbot.keyClick(window.navigation, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.overview
    window.close()


def test_conflicts_are_listed(qtbot, campus, qtmodeltester):
    campus.store.execute(
        "INSERT INTO sync_conflicts (table_name, row_id, losing_version, losing_device, "
        "losing_row, winning_version, winning_device, detected_at) VALUES "
        "('learners', ?, 2, 'other-device', '{}', 2, ?, '2026-11-30T09:15:00.000Z')",
        (campus.learner_ids[0], campus.store.device_id),
    )
    window, page = _sync_screen(qtbot, campus)
    assert page.tabs.tabText(2) == "C&onflicts (1)"
    assert page.conflict_count.text().startswith("1 record was edited in two places at once.")
    qtmodeltester.check(page.conflicts)
    assert page.conflicts.data(page.conflicts.index(0, 0)) == "learner"
    assert page.conflicts.data(page.conflicts.index(0, 2)) == "other-device"
    window.close()
