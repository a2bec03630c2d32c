"""Student mode: a student's own certificates, saved as PDF and JSON, and the links to share."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.core.services import issuing, users
from desktop.core.store import Store
from desktop.core.trust import trust_from_store
from desktop.core.verification import Outcome, verify_input
from desktop.ui.session import Session
from desktop.ui.student import StudentWindow
from tests.credential_kit import certify_campus, passed_enrolment

STUDENT_PASSWORD = "my-own-long-password"


@pytest.fixture
def students(campus, tmp_path):
    """Ayesha and Bilal, each with a student account and one issued credential."""
    store, admin = campus.store, campus.admin
    keys = certify_campus(store)
    people, issued = {}, {}
    for n, name in ((0, "ayesha"), (1, "bilal")):
        row = issuing.issue_for_enrolment(store, admin, passed_enrolment(campus, tmp_path, n),
                                          keys.issuer)  # fmt: skip
        users.create_user(store, admin, username=f"qau-2026-000{n + 1}", display_name=name,
                          role="student", password=STUDENT_PASSWORD,
                          learner_id=campus.learner_ids[n])  # fmt: skip
        people[name] = users.authenticate(store, f"qau-2026-000{n + 1}", STUDENT_PASSWORD)
        issued[name] = row
    return people, issued, keys


def _window(qtbot, campus, actor) -> StudentWindow:
    window = StudentWindow(campus.path, Session(actor), lock_ms=0)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.certificates.loaded, timeout=10_000):
        window.show()
    window.tabs.setCurrentWidget(window.certificates)
    return window


def test_a_student_sees_only_their_own_certificate_with_its_links(qtbot, campus, students):
    people, issued, _keys = students
    window = _window(qtbot, campus, people["ayesha"])
    panel = window.certificates
    assert [r["serial"] for r in panel.model.rows] == [issued["ayesha"]["serial"]]
    cells = [panel.model.index(0, c).data() for c in range(panel.model.columnCount())]
    assert cells[0] == issued["ayesha"]["serial"]
    assert cells[1] == "Data Analytics Fundamentals"
    assert cells[3] == issued["ayesha"]["valid_until"] and cells[4] == "In force"
    assert panel.summary.text().startswith("1 certificate")
    assert panel.verify_link.text() == (
        f"https://registry.sanad.example/verify/{issued['ayesha']['serial']}"
    )
    assert panel.linkedin_link.text().startswith("https://www.linkedin.com/profile/add?")
    assert panel.verify_link.isReadOnly()
    panel.copy_verify.click()
    assert QGuiApplication.clipboard().text() == panel.verify_link.text()
    assert "online" in panel.online_note.text()
    assert issued["bilal"]["serial"] not in panel.verify_link.text()
    window.sign_out()
    assert panel.model.rowCount() == 0 and panel.verify_link.text() == ""
    assert QGuiApplication.clipboard().text() == ""  # the next person cannot paste it


def test_a_student_saves_the_pdf_and_the_json_and_both_verify(
    qtbot, campus, students, tmp_path, monkeypatch
):
    people, issued, _keys = students
    window = _window(qtbot, campus, people["bilal"])
    panel = window.certificates
    asked = []

    def choose(title, suggested, filter_text):
        asked.append(suggested)
        return str(tmp_path / "mine")  # no suffix typed: it is added

    monkeypatch.setattr(panel, "choose_save_path", choose)
    panel.pdf_button.click()
    qtbot.waitUntil(lambda: panel.message.text() == "Saved mine.pdf.", timeout=15_000)
    assert asked[0].endswith(f"{issued['bilal']['serial']}.pdf")
    pdf = (tmp_path / "mine.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    panel.json_button.click()
    qtbot.waitUntil(lambda: panel.message.text() == "Saved mine.json.", timeout=15_000)
    text = (tmp_path / "mine.json").read_text(encoding="utf-8")
    assert json.loads(text) == json.loads(issued["bilal"]["document"])
    assert text.startswith('{\n  "@context"')  # pretty-printed, for a person to read
    assert not list(tmp_path.glob(".*.partial"))
    with Store.open(campus.path, readonly=True) as store:
        trust = trust_from_store(store)
        assert verify_input(pdf, trust).outcome is Outcome.VALID
        assert verify_input(text.encode(), trust).outcome is Outcome.VALID


def test_a_save_that_fails_is_said(qtbot, campus, students, tmp_path, monkeypatch):
    people, _issued, _keys = students
    window = _window(qtbot, campus, people["ayesha"])
    panel = window.certificates
    monkeypatch.setattr(panel, "choose_save_path",
                        lambda *a: str(tmp_path / "no-such-folder" / "mine.pdf"))  # fmt: skip
    panel.pdf_button.click()
    qtbot.waitUntil(lambda: "could not be saved" in panel.message.text(), timeout=15_000)


def test_a_revoked_certificate_is_listed_but_not_offered(qtbot, campus, students):
    people, issued, keys = students
    issuing.change_status(campus.store, campus.admin, issued["ayesha"]["id"], "revoke",
                          "Issued to the wrong learner", keys.issuer)  # fmt: skip
    window = _window(qtbot, campus, people["ayesha"])
    panel = window.certificates
    assert panel.model.index(0, 4).data() == "Revoked"
    assert not panel.pdf_button.isEnabled() and not panel.copy_linkedin.isEnabled()
    assert panel.verify_link.text() == ""
    assert "revoked" in panel.message.text()


def test_a_student_without_certificates_is_told_how_they_come(qtbot, campus, students):
    store, admin = campus.store, campus.admin
    users.create_user(store, admin, username="qau-2026-0003", display_name="Hira",
                      role="student", password=STUDENT_PASSWORD,
                      learner_id=campus.learner_ids[2])  # fmt: skip
    hira = users.authenticate(store, "qau-2026-0003", STUDENT_PASSWORD)
    window = _window(qtbot, campus, hira)
    assert window.certificates.model.rowCount() == 0
    assert "No certificate has been issued to you yet" in window.certificates.summary.text()
    assert not window.certificates.pdf_button.isEnabled()


def test_the_certificates_tab_is_usable_by_keyboard_and_screen_reader(
    qtbot, campus, students
):
    from tests.ui.test_accessibility import _audit

    people, _issued, _keys = students
    window = _window(qtbot, campus, people["ayesha"])
    assert _audit(window) == {}
    window.tabs.setCurrentIndex(0)
    assert _audit(window) == {}


def test_saving_someone_elses_credential_is_refused(campus, students, tmp_path):
    from desktop.ui.student_certificates import NotYours, save_certificate

    people, issued, _keys = students
    with Store.open(campus.path, readonly=True) as store, pytest.raises(NotYours):
        save_certificate(store.conn, people["ayesha"], issued["bilal"]["id"], "pdf",
                         str(tmp_path / "theirs.pdf"))  # fmt: skip
    assert not (tmp_path / "theirs.pdf").exists()
