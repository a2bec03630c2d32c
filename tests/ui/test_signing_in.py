"""First run, signing in, switching user, and how the app opens on each kind of database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from desktop.core.demo import create_demo
from desktop.core.store import Store
from desktop.ui import app as app_module
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.signin import SignInDialog
from desktop.ui.tasks import TaskRunner
from tests.conftest import ADMIN_PASSWORD


@pytest.fixture
def runner(campus):
    campus.store.close()
    runner = TaskRunner(campus.path)
    yield runner
    runner.close()


def test_sign_in_with_the_right_password(qtbot, runner):
    dialog = SignInDialog(runner, "Quaid-i-Azam University (QAU)")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "focal")
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.sign_in_button.click()
    assert (dialog.actor.name, dialog.actor.role) == ("Sana Mirza", "admin")


def test_a_wrong_password_says_so_and_keeps_the_name(qtbot, runner):
    dialog = SignInDialog(runner, "QAU")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "focal")
    qtbot.keyClicks(dialog.password, "not-it")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: "do not match an account" in dialog.message.text(), timeout=10_000)
    assert dialog.username.text() == "focal"
    assert dialog.password.text() == ""
    assert dialog.actor is None and dialog.result() != QDialog.DialogCode.Accepted


def test_empty_fields_are_asked_for_without_a_check(qtbot, runner):
    dialog = SignInDialog(runner, "QAU")
    qtbot.addWidget(dialog)
    dialog.sign_in_button.click()
    assert dialog.message.text() == "Type your user name and your password."
    assert runner.pending() == 0


def _new_database(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    return path


def _fill_campus_and_admin(qtbot, wizard, *, code="UOB", password="a-long-password"):
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.CAMPUS
    qtbot.keyClicks(wizard.campus.code, code)
    qtbot.keyClicks(wizard.campus.name_en, "University of Balochistan")
    wizard.campus.name_ur.insert("جامعہ بلوچستان")  # as an Urdu keyboard (IME) would
    wizard.campus.region.setCurrentText("Balochistan")
    qtbot.keyClicks(wizard.campus.city, "Quetta")
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ADMIN
    qtbot.keyClicks(wizard.admin.username, "focal")
    qtbot.keyClicks(wizard.admin.display_name, "Bibi Marri")
    qtbot.keyClicks(wizard.admin.password, password)
    qtbot.keyClicks(wizard.admin.confirm, password)


def test_first_run_creates_the_campus_and_signs_in_its_admin(qtbot, tmp_path):
    path = _new_database(tmp_path)
    runner = TaskRunner(path)
    wizard = FirstRunWizard(runner)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_campus_and_admin(qtbot, wizard)
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.actor.name == "Bibi Marri" and wizard.actor.role == "admin"
    runner.close()
    with Store.open(path) as store:
        campus = store.get("campuses", store.campus_id)
        assert (campus["code"], campus["name_ur"], campus["city"]) == (
            "UOB",
            "جامعہ بلوچستان",
            "Quetta",
        )


def test_first_run_problems_are_marked_on_their_page_and_nothing_is_lost(qtbot, tmp_path):
    path = _new_database(tmp_path)
    runner = TaskRunner(path)
    wizard = FirstRunWizard(runner)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_campus_and_admin(qtbot, wizard, code="U O B", password="short-pw")
    wizard.admin.confirm.setText("different")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.admin.marks.fields["confirm"][1].text().startswith("Is not the same password")
    wizard.admin.confirm.setText("short-pw")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.CAMPUS, timeout=10_000)
    error = wizard.campus.marks.fields["code"][1]
    assert error.isVisible() and "capital letters, digits or dashes" in error.text()
    assert wizard.campus.code.text() == "U O B"
    assert wizard.campus.name_ur.text() == "جامعہ بلوچستان"
    assert wizard.admin.password.text() == "short-pw"
    with Store.open(path) as store:
        assert store.device_id is None  # nothing was created
    runner.close()


def test_switch_user_changes_who_acts(qtbot, campus, monkeypatch):
    campus.store.close()
    window = MainWindow(campus.path, session=Session(campus.admin))
    qtbot.addWidget(window)
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, *a, **k: campus.assessor))
    window.switch_user_action.trigger()
    assert window.session.actor == campus.assessor
    assert window.windowTitle() == "Sanad — Dr Farhan Qureshi"
    window.close()


def _run_and_capture(monkeypatch, path):
    """Start the app on ``path`` and return the main window it shows, then quit."""
    shown = {}

    def capture(window_self):
        shown["window"] = window_self
        QTimer.singleShot(0, QApplication.instance().quit)

    monkeypatch.setattr(MainWindow, "show", capture)
    assert app_module.run(path, language="en") == 0
    return shown["window"]


def test_the_demo_opens_signed_in_as_its_focal_person(qtbot, monkeypatch, tmp_path):
    path = tmp_path / "demo.db"
    create_demo(path, learners=20)
    window = _run_and_capture(monkeypatch, path)
    # The window is shown at once; the automatic sign-in completes on the writer thread.
    qtbot.waitUntil(lambda: window.session.actor is not None, timeout=10_000)
    assert window.session.actor.name == "Sana Mirza"
    assert window.windowTitle() == ("Sanad — demo campus — signed in automatically as Sana Mirza")
    window.close()


def test_a_campus_asks_who_is_signing_in(qtbot, monkeypatch, campus):
    campus.store.close()
    asked = []
    monkeypatch.setattr(
        SignInDialog,
        "ask",
        classmethod(lambda cls, runner, heading, *a, **k: asked.append(heading) or campus.admin),
    )
    window = _run_and_capture(monkeypatch, campus.path)
    assert asked == ["Quaid-i-Azam University (QAU)"]
    assert window.session.actor == campus.admin
    window.close()


def test_cancelling_sign_in_closes_the_app(monkeypatch, campus):
    campus.store.close()
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, *a, **k: None))
    assert app_module.run(campus.path, language="en") == 0


def test_first_run_can_open_the_demo_instead(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("SANAD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(app_module, "_create_demo", lambda p: create_demo(p, learners=15))
    monkeypatch.setattr(FirstRunWizard, "ask", classmethod(lambda cls, *a, **k: ("demo", None)))
    window = _run_and_capture(monkeypatch, _new_database(tmp_path))
    qtbot.waitUntil(lambda: window.session.actor is not None, timeout=10_000)
    assert window.db_path == tmp_path / "data" / "demo" / "demo-campus.db"
    assert window.session.demo and window.session.actor.role == "admin"
    window.close()
