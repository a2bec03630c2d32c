"""Student mode on a shared lab computer, end to end: a student hands in, is asked to
resubmit, hands in again, is second-marked blind and passes; the next student sees none of it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core.services import cohorts, enrolments, users
from desktop.core.store import Store
from desktop.ui.marking_dialog import MarkingDialog
from desktop.ui.session import Session
from desktop.ui.student import StudentWindow
from tests.ui.dialogs import when_shown

STUDENT_PASSWORD = "my-own-long-password"


@pytest.fixture
def lab(campus, tmp_path):
    """Two students (Ayesha, Bilal) enrolled in DA-101-A, and a second assessor."""
    store, admin = campus.store, campus.admin
    people = {}
    for n, name in ((0, "ayesha"), (1, "bilal")):
        enrolments.enrol(store, admin, campus.cohort_id, campus.learner_ids[n])
        users.create_user(store, admin, username=f"qau-2026-000{n + 1}", display_name=name,
                          role="student", password=STUDENT_PASSWORD,
                          learner_id=campus.learner_ids[n])  # fmt: skip
        people[name] = users.authenticate(store, f"qau-2026-000{n + 1}", STUDENT_PASSWORD)
    nadia = users.create_user(store, admin, username="dr.nadia", display_name="Dr Nadia Jamil",
                              role="assessor", password="another-good-password")  # fmt: skip
    cohorts.assign_assessor(store, admin, campus.cohort_id, nadia["id"])
    people["nadia"] = users.authenticate(store, "dr.nadia", "another-good-password")
    store.close()
    files = []
    for name, text in (("cleaned.csv", "district,enrolled\nQuetta,120\n"),
                       ("notes.md", "# Cleaning\nDuplicates removed.\n")):  # fmt: skip
        path = tmp_path / name
        path.write_text(text)
        files.append(str(path))
    return people, files


def _student_window(qtbot, campus, actor) -> StudentWindow:
    window = StudentWindow(campus.path, Session(actor), lock_ms=0)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.enrolment_list.count() > 0, timeout=10_000)
    return window


def _wait_refreshed(qtbot, window, text):
    qtbot.waitUntil(lambda: text in window.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: window.requirements_layout.count() > 0, timeout=10_000)


def _hand_in(qtbot, window, campus, files, monkeypatch, reflection):
    file_req, reflection_req = campus_requirements(campus)
    monkeypatch.setattr(window, "choose_files", lambda: files)
    monkeypatch.setattr(window, "ask_text", lambda *a: reflection)
    monkeypatch.setattr(window, "confirm_submit", lambda: True)
    window.pick_file(file_req)
    _wait_refreshed(qtbot, window, "Added.")
    qtbot.waitUntil(lambda: _shown(window, "File: cleaned.csv"), timeout=10_000)
    window.message.clear()
    window.add_reflection(reflection_req)
    _wait_refreshed(qtbot, window, "Added.")
    qtbot.waitUntil(lambda: window.submit_button.isEnabled(), timeout=10_000)
    window.message.clear()
    window.submit_button.click()
    _wait_refreshed(qtbot, window, "Submitted for marking.")


def campus_requirements(campus):
    with Store.open(campus.path, readonly=True) as store:
        import json

        record = store.get("micro_credentials", campus.micro_credential_id)
        return [r["id"] for r in json.loads(record["evidence_requirements"])]


def _shown(window, text) -> bool:
    return any(text in label.text() for label in window.findChildren(QLabel)
               if label.isVisibleTo(window))  # fmt: skip


def _criteria(dialog):
    return [c["id"] for c in dialog.data["rubric"]["criteria"]]


def _marks(qtbot, actor, enrolment_id, runner, points, decision, feedback, blind=False):
    def mark(dialog):
        qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
        for criterion in _criteria(dialog):
            next(b for b in dialog.levels[criterion].buttons()
                 if b.property("points") == points).click()  # fmt: skip
        next(b for b in dialog.decision.buttons() if b.property("decision") == decision).click()
        dialog.feedback.setPlainText(feedback)
        dialog.blind.setChecked(blind)
        dialog.save_button.click()

    when_shown(MarkingDialog, mark)
    assert MarkingDialog.ask(runner, Session(actor), enrolment_id)


def test_a_student_hands_in_resubmits_and_passes_and_the_next_sees_nothing(
    qtbot, campus, lab, monkeypatch
):
    people, files = lab
    window = _student_window(qtbot, campus, people["ayesha"])
    enrolment_id = window.current()["id"]
    _hand_in(qtbot, window, campus, files, monkeypatch,
             "I removed duplicate rows and explained each choice.")  # fmt: skip
    assert window.current()["status"] == "submitted"
    assert sum(1 for e in window.current()["evidence"] if e["kind"] == "file") == 2

    _marks(qtbot, campus.assessor, enrolment_id, window.runner, 1, "resubmit",
           "Explain why each duplicate was removed.")  # fmt: skip
    window.refresh()
    qtbot.waitUntil(lambda: window.current()["status"] == "resubmit", timeout=10_000)
    assert "Explain why each duplicate was removed." in window.history.item(0).text()

    window.message.clear()
    _hand_in(qtbot, window, campus, files[:1], monkeypatch,
             "Each duplicate came from a district reporting twice; I kept the later report.")
    _marks(qtbot, people["nadia"], enrolment_id, window.runner, 3, "pass",
           "Clear and complete.", blind=True)  # fmt: skip
    _marks(qtbot, campus.assessor, enrolment_id, window.runner, 3, "pass",
           "Well explained this time.")  # fmt: skip
    window.refresh()
    qtbot.waitUntil(lambda: window.current()["status"] == "passed", timeout=10_000)
    history = [window.history.item(i).text() for i in range(window.history.count())]
    assert len(history) == 2
    assert history[0].startswith("Attempt 1: 3 pieces of evidence")
    assert "Ask for a resubmission — Explain why each duplicate was removed." in history[0]
    assert history[1].startswith("Attempt 2: 2 pieces of evidence")
    assert "Pass — Well explained this time." in history[1]
    assert "Clear and complete." not in " ".join(history)  # the blind marking is QA, not feedback

    QSettings("QtProject").setValue("FileDialog/history", files)  # as Qt's dialog would
    with qtbot.waitSignal(window.signed_out, timeout=5_000):
        window.sign_out_button.click()
    assert not window.isVisible()
    assert QSettings("QtProject").value("FileDialog/history") is None

    bilal = _student_window(qtbot, campus, people["bilal"])
    assert bilal.enrolment_list.count() == 1
    everything = " ".join(
        [label.text() for label in bilal.findChildren(QLabel)]
        + [bilal.history.item(i).text() for i in range(bilal.history.count())]
        + [bilal.enrolment_list.item(i).text() for i in range(bilal.enrolment_list.count())]
    )
    for trace in ("ayesha", "Ayesha", "cleaned.csv", "notes.md", "duplicate", "Well explained"):
        assert trace not in everything
    assert bilal.current()["status"] == "enrolled"
    assert bilal.history.item(0).text() == "Attempt 1: 0 pieces of evidence"


def test_a_student_is_signed_out_after_a_while_without_use(qtbot, campus, lab):
    people, _files = lab
    window = StudentWindow(campus.path, Session(people["ayesha"]), lock_ms=200)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.signed_out, timeout=5_000):
        pass
    assert not window.isVisible()


def test_a_refused_file_is_said_in_the_window(qtbot, campus, lab, tmp_path, monkeypatch):
    people, _files = lab
    window = _student_window(qtbot, campus, people["ayesha"])
    program = tmp_path / "assignment.pdf"
    program.write_bytes(b"MZ" + b"\x90\x00" * 30 + b"PE\x00\x00" + bytes(300))
    file_req, _ = campus_requirements(campus)
    window.add_files(file_req, [str(program)])
    qtbot.waitUntil(lambda: "is a program" in window.message.text(), timeout=10_000)
    assert "whatever its name says" in window.message.text()


def test_a_student_signing_in_at_the_office_window_gets_student_mode(
    qtbot, campus, lab, monkeypatch
):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.signin import SignInDialog

    people, _files = lab
    window = MainWindow(campus.path, session=Session(campus.admin))
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, *a, **k: people["ayesha"]))
    with qtbot.waitSignal(window.student_arrived, timeout=5_000) as arrived:
        window.switch_user()
    assert arrived.args[0].role == "student"
    assert not window.isVisible()


def test_the_student_window_is_usable_by_keyboard_and_screen_reader(qtbot, campus, lab):
    from tests.ui.test_accessibility import _audit

    people, _files = lab
    window = _student_window(qtbot, campus, people["ayesha"])
    assert _audit(window) == {}


def test_a_file_dropped_on_a_requirement_is_added(qtbot, campus, lab):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from desktop.ui.student import RequirementBox

    people, files = lab
    window = _student_window(qtbot, campus, people["ayesha"])
    file_req, reflection_req = campus_requirements(campus)
    box = window.findChild(RequirementBox, f"requirement_{file_req}")
    assert box.acceptDrops()
    assert not window.findChild(RequirementBox, f"requirement_{reflection_req}").acceptDrops()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(files[0])])
    centre = QPointF(box.rect().center())
    enter = QDragEnterEvent(centre.toPoint(), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(box, enter)
    assert enter.isAccepted()
    drop = QDropEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(box, drop)
    qtbot.waitUntil(lambda: _shown(window, "File: cleaned.csv"), timeout=10_000)


def test_after_a_student_signs_out_the_next_person_gets_their_own_window(
    qtbot, campus, lab, monkeypatch
):
    from desktop.ui import app as app_module
    from desktop.ui.main_window import MainWindow
    from desktop.ui.signin import SignInDialog

    people, _files = lab
    facts = {"demo": False, "head_office": False, "campus": "QAU"}
    people_here = app_module._People(campus.path, facts)
    arrivals = iter([people["bilal"], campus.assessor])
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, *a, **k: next(arrivals)))
    people_here.open_student(people["ayesha"])
    first = people_here.windows[-1]
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.enrolment_list.count() == 1, timeout=10_000)
    first.sign_out()  # Bilal signs in next
    second = people_here.windows[-1]
    qtbot.addWidget(second)
    assert isinstance(second, StudentWindow) and second is not first
    assert second.session.actor.user_id == people["bilal"].user_id
    second.sign_out()  # then the assessor, who gets the office window
    third = people_here.windows[-1]
    qtbot.addWidget(third)
    assert isinstance(third, MainWindow)
    third.close()
