"""A campus hub and its lab stations, over HTTPS on loopback: the focal person serves the
stations from the Sync screen, gives a code, sees the station that joined with it, revokes it;
a new computer joins as a station from the first run; USB bundles carry changes both ways;
student mode shows when the station last synced."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from desktop.core.services import enrolments, learners, users
from desktop.core.store import Store
from desktop.ui import app as app_module
from desktop.ui.app import campus_facts
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.signin import SignInDialog
from desktop.ui.student import StudentWindow
from desktop.ui.sync_dialogs import RevokeStationDialog, StationCodeDialog
from desktop.ui.tasks import TaskRunner
from sync.client import SyncProblem, join_station, links, sync_once
from sync.hub import create_station_code
from sync.hub_server import HubServer
from tests.conftest import ADMIN_PASSWORD

STUDENT_PASSWORD = "a-student-password"


@contextlib.contextmanager
def serving(path: Path):
    """The hub's server for the database at ``path`` on a free loopback port."""
    server = HubServer(path, host="127.0.0.1", port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _code(campus) -> str:
    return create_station_code(campus.store, campus.admin)[0]


def _window(qtbot, path, actor, *, head_office=False) -> MainWindow:
    window = MainWindow(path, session=Session(actor, head_office=head_office))
    qtbot.addWidget(window)
    window.show()
    return window


def _sync_page(qtbot, window):
    window.show_screen(window.sync)
    page = window.sync
    qtbot.waitUntil(lambda: page.state is not None, timeout=10_000)
    return page


def _cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def test_serving_lab_stations_from_the_sync_screen(qtbot, campus, tmp_path, monkeypatch,
                                                   qtmodeltester):  # fmt: skip
    from sync.tls import hub_certificate

    # The server reads a device's record again only every few seconds: here, at once.
    monkeypatch.setattr("sync.server.PEER_CACHE_SECONDS", 0.0)

    campus.store.close()
    window = _window(qtbot, campus.path, campus.admin)
    window.hub_service.host, window.hub_service.any_port = "127.0.0.1", True
    page = _sync_page(qtbot, window)
    assert page.tabs.isTabVisible(1)
    page.tabs.setCurrentIndex(1)
    panel = page.hub_panel
    assert panel.state.text() == "Not serving lab stations."
    panel.serve.click()
    qtbot.waitUntil(lambda: window.hub_service.running, timeout=20_000)
    port = window.hub_service.port
    url = f"https://127.0.0.1:{port}"
    assert panel.state.text() == f"Serving lab stations on port {port}."
    assert panel.addresses.text() == f"Stations join at: {url}"
    fingerprint = hub_certificate(campus.path).fingerprint.upper()
    grouped = " ".join(fingerprint[i : i + 4] for i in range(0, 16, 4))
    assert panel.fingerprint.text().startswith(f"Certificate fingerprint: {grouped} — ")
    assert not panel.port.isEnabled()

    shown = []
    monkeypatch.setattr(StationCodeDialog, "ask",
                        classmethod(lambda cls, parent, *args: shown.append(args)))  # fmt: skip
    panel.code_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    code, expires, addresses = shown[0]
    assert addresses == [url] and len(code) == 19 and expires.endswith("Z")

    station = join_station(tmp_path / "station.db", url, code, name="Lab PC 1")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    model = panel.model
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert [_cell(model, 0, c) for c in (0, 2, 3, 4)] == ["Lab PC 1", "127.0.0.1", "", "Active"]
    assert len(_cell(model, 0, 1)) == 5  # synced today: HH:MM on this computer's clock

    # A station whose clock is ten minutes slow is flagged.
    with Store.open(campus.path) as hub:
        hub.execute("UPDATE sync_peers SET clock_offset_seconds = 600")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    assert _cell(model, 0, 3) == "⚠ 10 min behind"

    monkeypatch.setattr(RevokeStationDialog, "ask",
                        classmethod(lambda cls, parent, name: "Stolen from lab 2"))  # fmt: skip
    assert panel.revoke_button.isEnabled()
    panel.revoke_button.click()
    qtbot.waitUntil(lambda: _cell(model, 0, 4).startswith("Revoked "), timeout=10_000)
    assert _cell(model, 0, 4).endswith(": Stolen from lab 2")
    assert panel.message.text() == "Lab PC 1 is revoked: it is refused from its next sync."
    assert not panel.revoke_button.isEnabled()
    with pytest.raises(SyncProblem, match="Stolen from lab 2") as refused:
        sync_once(station)
    assert refused.value.code == "revoked"
    station.close()

    # Serving is a setting of this computer: the next start serves again; closing stops it.
    server = window.hub_service.server
    window.close()
    qtbot.waitUntil(lambda: not server.running, timeout=20_000)
    again = MainWindow(campus.path, session=Session(campus.admin))
    qtbot.addWidget(again)
    again.hub_service.host, again.hub_service.any_port = "127.0.0.1", True
    again.show()
    qtbot.waitUntil(lambda: again.hub_service.running, timeout=20_000)
    panel = _sync_page(qtbot, again).hub_panel
    assert panel.serve.isChecked()
    panel.serve.click()
    qtbot.waitUntil(lambda: not again.hub_service.busy, timeout=20_000)
    assert not again.hub_service.running
    assert panel.state.text() == "Not serving lab stations."
    again.close()


def test_a_station_code_is_shown_large_with_what_to_type(qtbot):
    url = "https://192.168.1.20:8765"
    dialog = StationCodeDialog("7K3M-Q9XD-2PWA-H4TN", "2026-12-03T09:30:00Z", [url])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.code_label.text() == "7K3M-Q9XD-2PWA-H4TN"
    assert dialog.code_label.font().pointSizeF() > dialog.font().pointSizeF() * 1.5
    assert dialog.expiry.text().startswith("It works once, until 2026-12-03 ")
    assert "Join a campus hub (this is a lab station)" in dialog.steps.text()
    assert dialog.address.text() == url
    idle = StationCodeDialog("7K3M-Q9XD-2PWA-H4TN", "2026-12-03T09:30:00Z", [])
    qtbot.addWidget(idle)
    assert "not serving lab stations yet" in idle.steps.text()
    assert not idle.address.isVisibleTo(idle)


def test_bundles_carry_changes_both_ways_and_a_damaged_one_is_refused(qtbot, campus, tmp_path):
    with serving(campus.path) as server:
        station = join_station(tmp_path / "station.db", server.url, _code(campus), name="Lab 2")
    station_admin = users.authenticate(station, "focal", ADMIN_PASSWORD)
    learners.register_learner(station, station_admin, {"registration_no": "QAU-2026-9001",
                                                       "full_name": "Typed At The Lab"})
    station.close()
    learners.register_learner(campus.store, campus.admin, {"registration_no": "QAU-2026-9002",
                                                           "full_name": "Typed At The Office"})
    campus.store.close()
    usb = tmp_path / "usb"
    usb.mkdir()

    lab = _window(qtbot, tmp_path / "station.db", station_admin)
    lab_page = _sync_page(qtbot, lab)
    assert not lab_page.join_button.isVisible() and not lab_page.tabs.isTabVisible(1)
    assert next(iter(lab_page.boxes.values())).title().startswith("The campus hub — https://")
    lab_page.choose_export_path = lambda suggested: str(usb / "to-hub")
    with qtbot.waitSignal(lab_page.bundle_done, timeout=20_000) as wrote:
        lab_page.export_button.click()
    assert wrote.args[0].startswith(f"Wrote {usb / 'to-hub.sanad'}: ")

    office = _window(qtbot, campus.path, campus.admin)
    office_page = _sync_page(qtbot, office)
    office_page.choose_import_path = lambda: str(usb / "to-hub.sanad")
    with qtbot.waitSignal(office_page.bundle_done, timeout=20_000) as imported:
        office_page.import_button.click()
    assert imported.args[0].startswith("Imported to-hub.sanad: ")
    assert ", 1 new, " in imported.args[0] and imported.args[0].endswith(", 0 refused.")

    office_page.choose_export_path = lambda suggested: str(usb / "to-lab.sanad")
    with qtbot.waitSignal(office_page.bundle_done, timeout=20_000):
        office_page.export_button.click()
    lab_page.choose_import_path = lambda: str(usb / "to-lab.sanad")
    with qtbot.waitSignal(lab_page.bundle_done, timeout=20_000) as back:
        lab_page.import_button.click()
    assert ", 1 new, " in back.args[0]
    for path in (campus.path, tmp_path / "station.db"):
        with Store.open(path, readonly=True) as store:
            names = {r["full_name"] for r in store.query("SELECT full_name FROM learners")}
        assert {"Typed At The Lab", "Typed At The Office"} <= names

    cut = usb / "cut.sanad"
    cut.write_bytes((usb / "to-hub.sanad").read_bytes()[:300])
    office_page.choose_import_path = lambda: str(cut)
    with qtbot.waitSignal(office_page.bundle_done, timeout=20_000) as refused:
        office_page.import_button.click()
    assert refused.args[0].startswith("Nothing was imported: cut.sanad is not a whole Sanad "
                                      "bundle (cut short while copying?)")  # fmt: skip
    assert office_page.bundle_message.styleSheet()  # shown as a problem
    lab.close()
    office.close()


def _new_database(path: Path) -> Path:
    Store.open(path).close()  # as the app opens it: made and migrated, nothing set up
    return path


def test_a_new_computer_joins_the_hub_from_the_first_run(qtbot, campus, tmp_path):
    path = _new_database(tmp_path / "sanad.db")
    runner = TaskRunner(path)
    with serving(campus.path) as server:
        code = _code(campus)
        wizard = FirstRunWizard(runner)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.choice.station.setChecked(True)
        wizard.next()
        assert wizard.currentId() == FirstRunWizard.STATION
        page = wizard.station
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        assert finish.text() == "&Join the hub"
        page.url.setText(server.url)
        page.code.setText("ZZZZ-ZZZZ-ZZZZ-ZZZZ")
        page.name.setText("Lab 2, PC 14")
        finish.click()
        qtbot.waitUntil(lambda: page.message.text() != "", timeout=20_000)
        assert "no such code" in page.message.text()
        assert (page.url.text(), page.code.text()) == (server.url, "ZZZZ-ZZZZ-ZZZZ-ZZZZ")
        with Store.open(path, readonly=True) as store:
            assert not campus_facts(store.conn)["set_up"]  # still new: it can try again
        page.code.setText(code)
        finish.click()
        qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=20_000)
    assert wizard.chose_station
    with Store.open(path, readonly=True) as store:
        facts = campus_facts(store.conn)
        assert facts["set_up"] and facts["campus"] == "Quaid-i-Azam University (QAU)"
        assert store.scalar("SELECT name FROM devices WHERE id = ?", (store.device_id,)) == (
            "Lab 2, PC 14")  # fmt: skip
    runner.close()


def test_the_app_opens_on_the_station_once_joined(qtbot, campus, tmp_path, monkeypatch):
    path = _new_database(tmp_path / "sanad.db")
    asked, shown = [], {}
    with serving(campus.path) as server:
        code = _code(campus)

        def join(cls, runner, *args, **kwargs):
            join_station(runner.db_path, server.url, code).close()
            return "station", None

        def sign_in(cls, runner, heading, *args, **kwargs):
            asked.append(heading)
            with Store.open(runner.db_path) as store:
                return users.authenticate(store, "focal", ADMIN_PASSWORD)

        def capture(window_self):
            shown["window"] = window_self
            QTimer.singleShot(0, QApplication.instance().quit)

        monkeypatch.setattr(FirstRunWizard, "ask", classmethod(join))
        monkeypatch.setattr(SignInDialog, "ask", classmethod(sign_in))
        monkeypatch.setattr(MainWindow, "show", capture)
        assert app_module.run(path, language="en") == 0
    window = shown["window"]
    qtbot.addWidget(window)
    assert asked == ["Quaid-i-Azam University (QAU)"]
    assert window.db_path == path and window.session.actor.name == "Sana Mirza"
    window.close()


def test_a_first_sync_that_did_not_finish_goes_on_at_the_next_start(qtbot, campus, tmp_path):
    path = tmp_path / "sanad.db"
    with serving(campus.path) as server:
        join_station(path, server.url, _code(campus)).close()
        with Store.open(path) as store:
            store.execute("UPDATE sync_links SET last_success_at = NULL")
            facts = campus_facts(store.conn)
        assert not facts["set_up"] and facts["joined_url"] == server.url
        runner = TaskRunner(path)
        wizard = FirstRunWizard(runner, joined_url=server.url)
        qtbot.addWidget(wizard)
        wizard.show()
        assert wizard.choice.station.isChecked()
        wizard.next()
        page = wizard.station
        assert page.url.text() == server.url and not page.code.isEnabled()
        assert "no new code is needed" in page.note.text()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=20_000)
        runner.close()
    with Store.open(path, readonly=True) as store:
        assert campus_facts(store.conn)["set_up"]


def test_student_mode_shows_when_the_station_last_synced(qtbot, campus, tmp_path, no_retries):
    store, admin = campus.store, campus.admin
    enrolments.enrol(store, admin, campus.cohort_id, campus.learner_ids[0])
    users.create_user(store, admin, username="qau-2026-0001", display_name="Ayesha Khan",
                      role="student", password=STUDENT_PASSWORD,
                      learner_id=campus.learner_ids[0])  # fmt: skip
    path = tmp_path / "station.db"
    with serving(campus.path) as server:
        join_station(path, server.url, _code(campus)).close()
    with Store.open(path) as station:
        student = users.authenticate(station, "qau-2026-0001", STUDENT_PASSWORD)
        assert links(station)[0].last_success_at
    window = StudentWindow(path, Session(student), lock_ms=0)
    qtbot.addWidget(window)
    window.show()
    status = window.sync_status
    qtbot.waitUntil(lambda: status.isVisible(), timeout=10_000)
    assert status.text().startswith("Last synced ")
    qtbot.waitUntil(lambda: window.enrolment_list.count() == 1, timeout=10_000)

    # The hub is off (the office computer is shut): the station says so, and keeps working.
    with qtbot.waitSignal(window.sync_scheduler.failed, timeout=20_000):
        window.sync_scheduler.sync_now()
    qtbot.waitUntil(lambda: "unreachable" in status.text(), timeout=10_000)
    assert status.text().startswith("The campus hub unreachable (no connection) — last synced ")
    with Store.open(path) as station:
        station.execute("UPDATE sync_links SET last_success_at = NULL, last_error = NULL")
    status.refresh()
    qtbot.waitUntil(lambda: status.text() == "Not synced yet", timeout=10_000)
    window.close()


def test_the_student_window_of_a_campus_without_links_shows_no_sync_line(qtbot, campus):
    store, admin = campus.store, campus.admin
    enrolments.enrol(store, admin, campus.cohort_id, campus.learner_ids[0])
    users.create_user(store, admin, username="qau-2026-0001", display_name="Ayesha Khan",
                      role="student", password=STUDENT_PASSWORD,
                      learner_id=campus.learner_ids[0])  # fmt: skip
    student = users.authenticate(store, "qau-2026-0001", STUDENT_PASSWORD)
    store.close()
    window = StudentWindow(campus.path, Session(student), lock_ms=0)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.enrolment_list.count() == 1, timeout=10_000)
    window.sync_status.refresh()
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=10_000)
    assert not window.sync_status.isVisible() and window.sync_status.text() == ""
    window.close()
