"""The Verify screen: a focal person, an assessor or anyone signed in checks a credential by
its JSON file, its PDF, the QR code's text or a dropped file, and reads a distinct answer."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core import certificates
from desktop.core.keys import demo_root
from desktop.core.services import issuing
from desktop.core.verification import Outcome
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner
from desktop.ui.verify import VerifyPage
from tests.credential_kit import certify_campus, passed_enrolment


@pytest.fixture
def issued(campus, tmp_path):
    keys = certify_campus(campus.store)
    enrolment_id = passed_enrolment(campus, tmp_path)
    row = issuing.issue_for_enrolment(campus.store, campus.admin, enrolment_id, keys.issuer)
    return row, keys


@pytest.fixture
def page(qtbot, campus):
    runner = TaskRunner(campus.path)
    page = VerifyPage(runner, Session(campus.assessor))
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    yield page
    runner.close()


def _checked(qtbot, page, start):
    """Run ``start()`` and wait for the verdict it leads to."""
    with qtbot.waitSignal(page.checked, timeout=15_000) as answer:
        start()
    return answer.args[0]


def _facts(page) -> dict[str, str]:
    form = page.panel.facts
    shown = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole).widget()
        field = form.itemAt(row, form.ItemRole.FieldRole).widget()
        shown[label.text()] = field.text()
    return shown


def test_the_json_credential_is_valid_and_its_facts_are_shown(qtbot, page, issued, tmp_path):
    row, _keys = issued
    path = tmp_path / f"{row['serial']}.json"
    path.write_text(row["document"], encoding="utf-8")
    verdict = _checked(qtbot, page, lambda: page.check_file(path))
    assert verdict.outcome is Outcome.VALID
    assert page.panel.headline.text() == "✓  Valid"
    assert "genuine" in page.panel.meaning.text()
    assert page.panel.details.text().startswith("Signed by a certified campus key")
    assert page.panel.details.layoutDirection() == Qt.LayoutDirection.LeftToRight
    facts = _facts(page)
    assert facts["Learner"] == "Ayesha Khan"
    assert facts["Credential"] == "DA-101 Data Analytics Fundamentals"
    assert facts["Issued by"] == "Quaid-i-Azam University (QAU)"
    assert facts["Serial"] == row["serial"]
    assert facts["Valid until"]
    assert not page.panel.demo.isVisible()
    assert row["serial"] + ".json" in page.panel.checked.text()


def test_the_scanned_qr_text_is_valid_and_stays_for_the_next_scan(qtbot, page, issued):
    row, _keys = issued
    with qtbot.waitActive(page):
        page.activateWindow()
    page.check_button.setFocus()  # after a check by the button, the next scan goes to the text
    page.text.setText("HTTPS://EXAMPLE.ORG/NOT-OURS")
    _checked(qtbot, page, page.check_button.click)
    assert page.text.hasFocus() and page.text.selectedText() == "HTTPS://EXAMPLE.ORG/NOT-OURS"
    qtbot.keyClicks(page.text, row["qr_text"])
    verdict = _checked(qtbot, page, lambda: qtbot.keyClick(page.text, Qt.Key.Key_Return))
    assert verdict.outcome is Outcome.VALID and verdict.source == "qr"
    assert page.panel.headline.text() == "✓  Valid"
    assert _facts(page)["Serial"] == row["serial"]
    assert "Data Analytics Fundamentals" in _facts(page)["Credential"]  # the QR has the code only
    assert page.text.text() == row["qr_text"]
    assert page.text.selectedText() == row["qr_text"]  # the next scan types over it


def test_a_credential_revoked_since_the_last_check_reads_revoked(qtbot, page, campus, issued):
    row, keys = issued
    page.text.setText(row["qr_text"])
    assert _checked(qtbot, page, page.check_button.click).outcome is Outcome.VALID
    issuing.change_status(campus.store, campus.admin, row["id"], "revoke",
                          "Issued to the wrong learner", keys.issuer)  # fmt: skip
    verdict = _checked(qtbot, page, page.check_button.click)
    assert verdict.outcome is Outcome.REVOKED
    assert page.panel.headline.text() == "✗  Revoked"
    assert page.panel.property("tone") == "bad"
    assert "withdrawn" in page.panel.meaning.text()


def test_elsewhere_status_is_unknown_until_the_campus_list_comes_then_dated(
    qtbot, campus, issued, tmp_path
):
    """An employer's desk that knows the root and the campus's key certificate only."""
    from desktop.core.services import setup
    from desktop.core.store import SYSTEM, Store
    from desktop.core.trust import install_status_list

    row, keys = issued
    issuing.change_status(campus.store, campus.admin, row["id"], "revoke", "Error", keys.issuer)
    listed = json.loads(campus.store.scalar("SELECT document FROM status_lists"))
    certificate = campus.store.scalar(
        "SELECT certificate FROM signing_keys WHERE certificate IS NOT NULL"
    )
    desk = tmp_path / "employer.db"
    with Store.open(desk) as employer:
        setup.initialise_campus(employer, code="EMP", name_en="Employer desk",
                                admin_username="hr", admin_display_name="HR",
                                admin_password="a-long-password")  # fmt: skip
        employer.conn.execute(
            "INSERT INTO key_certificates (public_key, campus_code, certificate, certified_at) "
            "VALUES (?, 'QAU', ?, '2026-01-01T00:00:00Z')",
            (json.loads(certificate)["publicKeyMultibase"], certificate),
        )
        with employer.transaction(SYSTEM) as tx:
            tx.set_setting("root_public_key", keys.root_multikey)
    runner = TaskRunner(desk)
    page = VerifyPage(runner, Session(campus.admin))
    qtbot.addWidget(page)
    try:
        page.text.setText(row["qr_text"])
        verdict = _checked(qtbot, page, page.check_text)
        assert verdict.outcome is Outcome.STATUS_UNKNOWN
        assert page.panel.headline.text() == "?  Status unknown (offline)"
        assert page.panel.property("tone") == "unsure"
        assert page.panel.status_as_of.isHidden()
        with Store.open(desk) as employer:
            install_status_list(employer, SYSTEM, listed)
        verdict = _checked(qtbot, page, page.check_text)
        assert verdict.outcome is Outcome.REVOKED and verdict.status_as_of is not None
        assert page.panel.status_as_of.text().startswith("Status as of ")
        assert not page.panel.status_as_of.isHidden()
    finally:
        runner.close()


def test_a_name_changed_by_one_letter_is_not_valid(qtbot, page, issued, tmp_path):
    row, _keys = issued
    document = json.loads(row["document"])
    for identifier in document["credentialSubject"]["identifier"]:
        if identifier["identityType"] == "name":
            identifier["identityHash"] = identifier["identityHash"].replace("Khan", "Khen")
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    verdict = _checked(qtbot, page, lambda: page.check_file(path))
    assert verdict.outcome is Outcome.SIGNATURE_INVALID
    assert page.panel.headline.text().startswith("✗  Not valid: changed")
    assert _facts(page)["Learner"] == "Ayesha Khen"  # what it claims, beside the verdict


def test_a_text_file_is_not_a_credential_and_what_was_typed_stays(qtbot, page, tmp_path):
    page.text.setText("HTTPS://EXAMPLE.ORG/NOT-OURS")
    verdict = _checked(qtbot, page, page.check_text)
    assert verdict.outcome is Outcome.UNREADABLE
    assert page.text.text() == "HTTPS://EXAMPLE.ORG/NOT-OURS"
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping: flour, tea, sugar\n", encoding="utf-8")
    verdict = _checked(qtbot, page, lambda: page.check_file(notes))
    assert verdict.outcome is Outcome.UNREADABLE
    assert page.panel.headline.text() == "✗  Not a credential"
    assert page.panel.details.isVisible()


def test_a_missing_or_huge_file_is_said_not_raised(qtbot, page, tmp_path, monkeypatch):
    verdict = _checked(qtbot, page, lambda: page.check_file(tmp_path / "gone.pdf"))
    assert verdict.outcome is Outcome.UNREADABLE
    assert "cannot be read" in page.panel.details.text()
    monkeypatch.setattr("desktop.ui.verify.MAX_FILE_BYTES", 10)
    video = tmp_path / "lecture.mp4"
    video.write_bytes(bytes(2_000_000))
    page.check_file(video)
    qtbot.waitUntil(lambda: "far larger" in page.panel.meaning.text(), timeout=10_000)
    assert page.panel.headline.text() == "✗  Not a credential"


def test_the_pdf_certificate_is_valid(qtbot, page, campus, issued, tmp_path, monkeypatch):
    row, _keys = issued
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificates.credential_pdf(campus.store, row["id"]))
    monkeypatch.setattr(page, "choose_file", lambda: str(path))
    verdict = _checked(qtbot, page, page.open_button.click)
    assert verdict.outcome is Outcome.VALID and verdict.source == "pdf"
    assert _facts(page)["Serial"] == row["serial"]


def test_a_file_dropped_on_the_screen_is_checked(qtbot, page, issued, tmp_path):
    row, _keys = issued
    path = tmp_path / "credential.json"
    path.write_text(row["document"], encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    centre = QPointF(page.rect().center())
    enter = QDragEnterEvent(centre.toPoint(), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    verdict = _checked(qtbot, page, lambda: QApplication.sendEvent(page, drop))
    assert verdict.outcome is Outcome.VALID


def test_pasted_json_text_is_checked_as_a_credential(qtbot, page, issued):
    row, _keys = issued
    page.text.setText(row["document"])
    verdict = _checked(qtbot, page, page.check_text)
    assert verdict.outcome is Outcome.VALID and verdict.source == "json"


def test_demonstration_credentials_carry_a_banner(qtbot, page, campus, tmp_path):
    keys = certify_campus(campus.store, demo_root())
    enrolment_id = passed_enrolment(campus, tmp_path)
    row = issuing.issue_for_enrolment(campus.store, campus.admin, enrolment_id, keys.issuer)
    page.text.setText(row["qr_text"])
    verdict = _checked(qtbot, page, page.check_text)
    assert verdict.demo and verdict.outcome is Outcome.VALID
    assert page.panel.demo.isVisible()
    assert "DEMONSTRATION" in page.panel.demo.text()
    assert "DEMONSTRATION" not in page.panel.details.text()  # said once, in the banner


def test_only_the_newest_check_is_shown_and_the_next_person_sees_none(
    qtbot, page, campus, issued
):
    row, _keys = issued
    page.text.setText("not a code")
    page.check_text()
    page.text.setText(row["qr_text"])
    verdict = _checked(qtbot, page, page.check_text)
    qtbot.wait(200)  # the first answer, if late, must not replace the second
    assert verdict.outcome is Outcome.VALID
    assert page.panel.headline.text() == "✓  Valid"
    page.session.sign_in(campus.admin)
    assert page.panel.verdict is None and page.text.text() == ""
    shown = " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())
    assert "Ayesha" not in shown


def test_the_main_window_offers_verify_to_an_assessor(qtbot, campus):
    from desktop.ui.main_window import MainWindow

    campus.store.close()
    window = MainWindow(campus.path, session=Session(campus.assessor))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    row = [name for name, *_ in window.SCREENS].index("verify")
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{row + 1}"), Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.verify
    assert window.navigation.currentItem().text() == "Verify"
    window.close()
