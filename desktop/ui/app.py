"""Start the desktop app: first-run set-up, sign-in, then the main window."""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop import __version__
from desktop.core.blobs import BlobStore
from desktop.core.errors import DomainError
from desktop.core.paths import demo_database, evidence_dir
from desktop.core.resources import resource_path
from desktop.core.store import Actor, Store
from desktop.ui.i18n import apply_language, saved_language
from desktop.ui.main_window import MainWindow
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.signin import SignInDialog
from desktop.ui.tasks import TaskRunner

__all__ = ["campus_facts", "run"]


class _QuitAfterFirstPaint(QObject):
    """Ends the event loop once the window has painted: for measuring start-up.

    It also prints the system's monotonic clock at that paint (``first paint at monotonic
    <seconds>``), so a measuring script that read the same clock before starting the process
    knows when the window appeared, apart from the time the process takes to exit.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            if sys.stdout is not None:  # none under pythonw on Windows
                print(f"first paint at monotonic {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def campus_facts(conn: sqlite3.Connection) -> dict[str, Any]:
    """What start-up needs to know: is there a campus, its name, is it the demo. A lab
    station whose first sync never finished is not set up yet (it has nobody's account):
    ``joined_url`` is the hub it joined, where the first run continues."""
    settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    campus = conn.execute(
        "SELECT code, name_en, name_ur FROM campuses WHERE id = ?", (settings.get("campus_id"),)
    ).fetchone()
    joined_url = ""
    if settings.get("node_kind") == "station":
        link = conn.execute("SELECT url, last_success_at FROM sync_links").fetchone()
        if link is not None and link[1] is None:
            joined_url = link[0]
    return {
        "set_up": "device_id" in settings and not joined_url,
        "joined_url": joined_url,
        "demo": settings.get("demo") == "1",
        "head_office": settings.get("node_kind") == "head_office",
        "campus": f"{campus[1]} ({campus[0]})" if campus else "",
    }


def _wait_for(runner: TaskRunner, submit: str, fn, *args) -> Any:
    """Run a job and keep the event loop turning until it answers (start-up only)."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(value: Any) -> None:
        outcome["value"] = value
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    getattr(runner, submit)(fn, *args, done=done, failed=failed)
    loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _demo_sign_in(store: Store) -> Actor:
    """The demo opens signed in as its focal person, with the demo's published password."""
    from desktop.core.demo import DEMO_ACCOUNTS, DEMO_PASSWORDS
    from desktop.core.services.users import authenticate

    username, _, role = DEMO_ACCOUNTS[0]
    return authenticate(store, username, DEMO_PASSWORDS[role])


def _with_progress(label: str, work) -> Any:
    """Long start-up work (creating the demo) on a thread, with a busy indicator."""
    progress = QProgressDialog(label, "", 0, 0)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.show()
    try:
        return _in_thread(work)
    finally:
        progress.close()


def _in_thread(work) -> Any:
    """Run ``work`` on a plain thread while the event loop turns (long start-up work)."""
    import threading

    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:
            outcome["error"] = exc
        QTimer.singleShot(0, loop.quit)

    thread = threading.Thread(target=target, name="sanad-start-up", daemon=True)
    thread.start()
    while thread.is_alive():
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def run(db_path: Path, *, quit_after_start: bool = False, language: str | None = None) -> int:
    """Open the app on ``db_path`` in ``language`` (else the one saved on this computer)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Sanad")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Sanad")
    # Wayland matches the window to its menu entry (packaging/linux) by this name, for the icon
    app.setDesktopFileName("org.sanad.Sanad")
    app.setWindowIcon(QIcon(str(resource_path("icons", "sanad.svg"))))
    apply_language(app, language or saved_language())
    try:
        # Opening migrates an older schema; a newer one is refused without being changed.
        Store.open(db_path).close()
        # Copies a crash or power cut left unfinished (none is recorded in the database).
        BlobStore(evidence_dir(db_path)).remove_partial_copies()
    except DomainError as exc:
        QMessageBox.critical(None, app.translate("run", "Sanad"), error_text(exc))
        return 1
    runner = TaskRunner(db_path)
    facts = _wait_for(runner, "read", campus_facts)
    actor: Actor | None = None
    if not facts["set_up"]:
        from desktop.ui.first_run import FirstRunWizard  # only a fresh computer needs it

        choice, actor = FirstRunWizard.ask(runner, joined_url=facts["joined_url"])
        if choice == "cancel":
            runner.close()
            return 0
        if choice == "station":  # joined a hub: its accounts are here now, people sign in
            facts = _wait_for(runner, "read", campus_facts)
        if choice == "demo":
            runner.close()
            db_path = demo_database()
            if not db_path.exists():
                label = app.translate("run", "Creating the demo campus…")
                _with_progress(label, lambda: _create_demo(db_path))
            runner = TaskRunner(db_path)
            facts = _wait_for(runner, "read", campus_facts)
    demo_sign_in = actor is None and facts["demo"]
    if actor is None and not demo_sign_in:
        actor = SignInDialog.ask(runner, facts["campus"])
        if actor is None:
            runner.close()
            return 0
    session = Session(actor, demo=facts["demo"], head_office=facts["head_office"])
    people = _People(db_path, facts)
    if actor is not None and actor.role == "student":
        people.open_student(actor, runner)
        return app.exec()
    window = MainWindow(db_path, runner=runner, session=session)
    window.student_arrived.connect(people.open_student)
    if demo_sign_in:
        # The demo signs in while the window is built and painted (Argon2 takes a moment).
        runner.write(_demo_sign_in, done=session.sign_in, failed=lambda error: (
            QMessageBox.critical(window, app.translate("run", "Sanad"), error_text(error)),
            window.close(),
        ))  # fmt: skip
    if quit_after_start:
        window.installEventFilter(_QuitAfterFirstPaint(window))
    window.show()
    return app.exec()


class _People(QObject):
    """Who uses this computer next: a student's window, then whoever signs in after them."""

    def __init__(self, db_path: Path, facts: dict[str, Any]) -> None:
        super().__init__(QApplication.instance())
        self.db_path = db_path
        self.facts = facts
        self.windows: list[QObject] = []

    def open_student(self, actor: Actor, runner: TaskRunner | None = None) -> None:
        from desktop.ui.student import StudentWindow

        window = StudentWindow(self.db_path, Session(actor, demo=self.facts["demo"]),
                               runner=runner)  # fmt: skip
        window.signed_out.connect(self.next_person)
        window.show()
        self.windows = [w for w in self.windows if w.isVisible()] + [window]

    def next_person(self) -> None:
        """After a student signs out: the sign-in again, for the next person."""
        runner = TaskRunner(self.db_path)
        actor = SignInDialog.ask(runner, self.facts["campus"])
        if actor is None:
            runner.close()
            QApplication.instance().quit()
            return
        if actor.role == "student":
            self.open_student(actor, runner)
            return
        session = Session(actor, demo=self.facts["demo"], head_office=self.facts["head_office"])
        window = MainWindow(self.db_path, runner=runner, session=session)
        window.student_arrived.connect(self.open_student)
        window.show()
        self.windows = [w for w in self.windows if w.isVisible()] + [window]


def _create_demo(path: Path) -> None:
    from desktop.core.demo import create_demo

    create_demo(path, learners=400, seed=2026)
