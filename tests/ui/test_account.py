"""Locking a shared computer after a while without use, and changing one's password."""

from __future__ import annotations

from desktop.core.services.users import authenticate
from desktop.core.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.signin import SignInDialog
from tests.conftest import ADMIN_PASSWORD


def test_the_window_locks_and_the_same_person_signs_back_in(qtbot, campus, monkeypatch):
    campus.store.close()
    asked = []

    def ask(cls, runner, heading, parent=None, username=""):
        asked.append((heading, username, parent.centralWidget().isVisible()))
        return campus.admin

    monkeypatch.setattr(SignInDialog, "ask", classmethod(ask))
    window = MainWindow(campus.path, session=Session(campus.admin), lock_ms=50)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    heading, username, content_visible = asked[0]
    assert "sign in to go on" in heading
    assert username == "focal"
    assert not content_visible  # nothing of the campus shows while locked
    assert window.centralWidget().isVisible()
    window.close()


def test_giving_up_at_the_lock_closes_the_window(qtbot, campus, monkeypatch):
    campus.store.close()
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, *a, **k: None))
    window = MainWindow(campus.path, session=Session(campus.admin), lock_ms=50)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)


def test_input_keeps_the_window_unlocked(qtbot, campus, monkeypatch):
    from PySide6.QtCore import Qt

    campus.store.close()
    asked = []
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(1)))
    window = MainWindow(campus.path, session=Session(campus.admin), lock_ms=400)
    qtbot.addWidget(window)
    window.show()
    for _ in range(6):
        qtbot.wait(150)
        qtbot.keyClick(window.learners.search_box, Qt.Key.Key_Shift)
    assert asked == []
    window.lock.stop()
    window.close()


def test_change_password(qtbot, campus):
    campus.store.close()
    window = MainWindow(campus.path, session=Session(campus.admin), lock_ms=0)
    qtbot.addWidget(window)
    window.change_password_action.trigger()
    dialog = window.password_dialog
    fields = dialog.fields
    qtbot.keyClicks(fields["old_password"], "wrong-one")
    qtbot.keyClicks(fields["new_password"], "a-new-long-password")
    qtbot.keyClicks(fields["confirm"], "a-new-long-password")
    dialog.save_button.click()
    error = dialog.marks.fields["old_password"][1]
    qtbot.waitUntil(lambda: "Is not the current password" in error.text(), timeout=10_000)
    fields["old_password"].setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save_button.click()
    window.close()
    with Store.open(campus.path) as store:
        assert authenticate(store, "focal", "a-new-long-password").name == "Sana Mirza"
