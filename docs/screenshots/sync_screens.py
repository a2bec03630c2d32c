"""The Sync pictures, made by ``make.py``: a campus joined to head office's registry (a real
registry, on loopback, in this process), the same campus with the registry gone and changes
waiting, the lab stations it serves, the dialogs, the first-run page a lab station joins with,
and student mode at a station.

Head office publishes two national micro-credentials through the registry and the campus
receives them, as in life; the demo campus is not used (its national catalogue was written as a
simulated head office, which a real registry rightly refuses from a campus).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

PASSWORD = "a-long-password"
STUDENT_PASSWORD = "a-student-password"
LAN_ADDRESS = "https://192.168.1.20:{port}"  # how a campus network address looks

Save = Callable[[Any, str], None]
Wait = Callable[[Any, Any], None]
WaitUntil = Callable[[Any, Callable[[], bool]], None]


@contextlib.contextmanager
def _serve(app: Any) -> Iterator[tuple[str, Callable[[], None]]]:
    """``app`` on 127.0.0.1 (a free port) in a thread; yields (url, stop)."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)

    def stop() -> None:
        server.should_exit = True
        thread.join(10)

    try:
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}", stop
    finally:
        stop()


def _free_port(wanted: int = 8765) -> int:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", wanted))
        except OSError:
            probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _head_office(path: Path, url: str, code: str) -> None:
    from desktop.core.demo import _credential_data
    from desktop.core.demo.catalogue import CREDENTIALS, TRACKS
    from desktop.core.services import catalogue, setup
    from desktop.core.store import Store
    from sync.client import join, sync_once

    with Store.open(path) as store:
        registrar = setup.initialise_campus(store, code="HO", name_en="Head office",
                                            admin_username="registrar",
                                            admin_display_name="Nadia Registrar",
                                            admin_password=PASSWORD)  # fmt: skip
        store.execute("UPDATE settings SET value = 'head_office' WHERE key = 'node_kind'")
        store.execute("UPDATE devices SET kind = 'head_office'")
        code_en_ur = next(t for t in TRACKS if t[0] == "DA")
        track = catalogue.create_track(store, registrar, code=code_en_ur[0],
                                       name_en=code_en_ur[1], name_ur=code_en_ur[2])  # fmt: skip
        for item in [c for c in CREDENTIALS if c.track == "DA"][:2]:
            record = catalogue.create_micro_credential(
                store, registrar, _credential_data(item, track["id"]), scope="national")
            catalogue.publish_micro_credential(store, registrar, record["id"])
        join(store, url, code)
        sync_once(store)


def _campus(path: Path, url: str, code: str) -> None:
    """QAU joins the registry, receives the national catalogue, runs a cohort of eight."""
    from desktop.core.services import cohorts, enrolments, learners, setup, users
    from desktop.core.store import Store
    from sync.client import join, sync_once

    names = ("Ayesha Khan", "Bilal Ahmed", "Hira Baloch", "Usman Tareen", "Zainab Rizvi",
             "Kiran Awan", "Danish Bugti", "Mehwish Soomro")  # fmt: skip
    with Store.open(path) as store:
        admin = setup.initialise_campus(store, code="QAU", name_en="Quaid-i-Azam University",
                                        name_ur="قائداعظم یونیورسٹی", admin_username="focal",
                                        admin_display_name="Sana Mirza",
                                        admin_password=PASSWORD)  # fmt: skip
        join(store, url, code)
        sync_once(store)
        micro = store.one("SELECT id FROM micro_credentials WHERE status = 'published' "
                          "ORDER BY code LIMIT 1")  # fmt: skip
        today = dt.date.today()
        cohort = cohorts.create_cohort(
            store, admin, micro_credential_id=micro["id"], assessor_ids=[], code="DA-101-A",
            starts_on=(today - dt.timedelta(days=10)).isoformat(),
            ends_on=(today + dt.timedelta(days=50)).isoformat(), mode="hybrid", capacity=30,
        )  # fmt: skip
        created = learners.register_learners(store, admin, [
            {"registration_no": f"QAU-2026-{n:04d}", "full_name": name}
            for n, name in enumerate(names, 1)
        ]).created  # fmt: skip
        for learner in created[:5]:
            enrolments.enrol(store, admin, cohort["id"], learner["id"])
        users.create_user(store, admin, username="qau-2026-0001", display_name=names[0],
                          role="student", password=STUDENT_PASSWORD,
                          learner_id=created[0]["id"])  # fmt: skip
        sync_once(store)


def _stations(campus: Path, home: Path) -> Path:
    """Three lab stations join the campus hub; one's clock is slow, one was stolen."""
    from desktop.core.services.users import authenticate
    from desktop.core.store import Store
    from sync.client import join_station
    from sync.hub import create_station_code, revoke_station, stations
    from sync.hub_server import HubServer

    server = HubServer(campus, host="127.0.0.1", port=0)
    server.start()
    try:
        with Store.open(campus) as store:
            focal = authenticate(store, "focal", PASSWORD)
            for n, name in enumerate(("Lab 1, PC 03", "Lab 1, PC 07", "Lab 2, PC 11")):
                code, _ = create_station_code(store, focal)
                join_station(home / f"station-{n}.db", server.url, code, name=name).close()
            found = {s["name"]: s["id"] for s in stations(store)}
            store.execute("UPDATE sync_peers SET clock_offset_seconds = 840 WHERE device_id = ?",
                          (found["Lab 1, PC 07"],))  # fmt: skip
            revoke_station(store, focal, found["Lab 2, PC 11"], "Stolen from the lab")
    finally:
        server.stop()
    return home / "station-0.db"


def _sync_screen(app: Any, campus: Path, wait_until: WaitUntil) -> Any:
    from desktop.core.services.users import authenticate
    from desktop.core.store import Store
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session

    with Store.open(campus) as store:
        focal = authenticate(store, "focal", PASSWORD)
    window = MainWindow(campus, session=Session(focal))
    window.hub_service.host = "127.0.0.1"
    window.resize(1280, 720)
    window.show()
    window.show_screen(window.sync)
    page = window.sync
    wait_until(app, lambda: page.state is not None)
    return window


def make_sync_screens(app: Any, home: Path, save: Save, wait: Wait, wait_until: WaitUntil
                      ) -> None:  # fmt: skip
    from desktop.core.services import learners
    from desktop.core.services.users import authenticate
    from desktop.core.store import Store
    from desktop.ui.hub_service import HubSettings, save_hub_settings
    from desktop.ui.i18n import apply_language
    from desktop.ui.session import Session
    from desktop.ui.student import StudentWindow
    from desktop.ui.sync_dialogs import JoinDialog, RevokeStationDialog, StationCodeDialog
    from sync.client import SyncProblem, sync_once
    from sync.registry.store import Registry
    from sync.server import make_app

    folder = home / "sync-pictures"
    folder.mkdir()
    campus = folder / "campus.db"
    registry = Registry.open(f"sqlite:///{folder / 'registry.db'}")
    registry.add_campus("HO", "Head office")
    registry.add_campus("QAU", "Quaid-i-Azam University")
    with _serve(make_app(registry)) as (url, stop):
        office_code, _ = registry.create_code("HO", kind="head_office")
        _head_office(folder / "head-office.db", url, office_code)
        _campus(campus, url, registry.create_code("QAU")[0])
        for language in ("en", "ur"):
            apply_language(app, language)
            window = _sync_screen(app, campus, wait_until)
            page = window.sync
            with Store.open(campus) as store:
                learners.register_learner(store, window.session.actor, {
                    "registration_no": f"QAU-2026-10{language == 'ur':d}1",
                    "full_name": "Rimsha Awan" if language == "en" else "رمشا اعوان"})  # fmt: skip
            page.sync_button.click()
            wait_until(app, lambda p=page: not p.scheduler.running and p.stage.text() == "")
            wait(app, page.loaded)
            save(window, f"sync-{language}.png")
            # Joining again with a code mistyped: the registry's words, what was typed kept.
            dialog = JoinDialog(window.sync_scheduler, window)
            dialog.url.setText(url)
            dialog.code.setText("7K3M-Q9XD-2PWA-H4TM")
            dialog.show()
            dialog.submit()
            wait_until(app, lambda d=dialog: d.message.text() != "")
            save(dialog, f"join-head-office-{language}.png")
            dialog.done(0)
            window.close()
        stop()

    # The registry is gone (head office's server is down, or the campus's internet is off).
    with Store.open(campus) as store:
        focal = authenticate(store, "focal", PASSWORD)
        for n in range(2):
            learners.register_learner(store, focal, {"registration_no": f"QAU-2026-20{n}",
                                                     "full_name": f"Late Registration {n}"})
        with contextlib.suppress(SyncProblem):
            sync_once(store)
    for language in ("en", "ur"):
        apply_language(app, language)
        window = _sync_screen(app, campus, wait_until)
        save(window, f"sync-waiting-{language}.png")
        window.close()

    station = _stations(campus, folder)
    port = _free_port()
    save_hub_settings(HubSettings(True, port))
    for language in ("en", "ur"):
        apply_language(app, language)
        window = _sync_screen(app, campus, wait_until)
        wait_until(app, lambda w=window: w.hub_service.running)
        # The address lab stations use on a campus network, not this machine's own.
        window.hub_service.addresses = lambda p=port: [LAN_ADDRESS.format(port=p)]
        page = window.sync
        page.tabs.setCurrentIndex(1)
        page.hub_panel.show_state()
        page.refresh()
        wait(app, page.loaded)
        page.hub_panel.table.setCurrentIndex(page.hub_panel.model.index(0, 0))
        save(window, f"sync-stations-{language}.png")
        code = StationCodeDialog("7K3M-Q9XD-2PWA-H4TN",
                                 (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat(),
                                 [LAN_ADDRESS.format(port=port)], window)  # fmt: skip
        code.show()
        app.processEvents()
        save(code, f"station-code-{language}.png")
        code.done(0)
        revoke = RevokeStationDialog("Lab 1, PC 03", window)
        revoke.reason.setText("Stolen from the lab" if language == "en" else "لیب سے چوری ہو گیا")
        revoke.show()
        app.processEvents()
        save(revoke, f"revoke-station-{language}.png")
        revoke.done(0)
        _first_run_station(app, folder, language, f"https://127.0.0.1:{port}", save, wait_until)
        window.close()
        wait_until(app, lambda w=window: not w.hub_service.jobs.pending())

        with Store.open(station) as store:
            student = authenticate(store, "qau-2026-0001", STUDENT_PASSWORD)
        lab = StudentWindow(station, Session(student), lock_ms=0)
        lab.resize(1180, 720)
        lab.show()
        wait_until(app, lambda w=lab: w.enrolment_list.count() > 0 and w.sync_status.isVisible())
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)
        save(lab, f"student-station-{language}.png")
        lab.close()
    save_hub_settings(HubSettings(False, port))
    registry.close()


def _first_run_station(app: Any, folder: Path, language: str, url: str, save: Save,
                       wait_until: WaitUntil) -> None:  # fmt: skip
    """A new computer in the lab joins the hub: a code mistyped is refused, nothing lost."""
    from desktop.core.store import Store
    from desktop.ui.first_run import FirstRunWizard
    from desktop.ui.tasks import TaskRunner

    fresh = folder / f"new-{language}.db"
    Store.open(fresh).close()
    runner = TaskRunner(fresh)
    wizard = FirstRunWizard(runner)
    wizard.resize(680, 540)
    wizard.show()
    wizard.choice.station.setChecked(True)
    wizard.next()
    page = wizard.station
    page.url.setText(url)
    page.code.setText("7K3M-Q9XD-2PWA-H4TM")
    page.name.setText("Lab 2, PC 14" if language == "en" else "لیب 2، پی سی 14")
    wizard.join_hub()
    wait_until(app, lambda: page.message.text() != "")
    save(wizard, f"first-run-station-{language}.png")
    wizard.close()
    runner.close()
