"""The Credentials screen: issue the credentials of passed enrolments in a batch (and the
pathway credentials they earn), save and share a credential, and revoke, suspend, reinstate
or reissue it, each signed with the campus key; only focal persons are offered the screen."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.core.services import catalogue, issuing, pathways
from desktop.core.status_lists import decode_list, status_of
from desktop.core.store import Store
from desktop.ui import credential_issuing
from desktop.ui.credential_dialogs import ChangeCredentialDialog, ShareDialog
from desktop.ui.credential_issuing import IssueDialog
from desktop.ui.credentials import CredentialsPage
from desktop.ui.session import Session
from desktop.ui.tasks import Progress, TaskRunner
from tests.conftest import micro_credential_data
from tests.credential_kit import PASSPHRASE, certify_campus, passed_enrolment
from tests.ui.dialogs import when_shown

WAIT = 30_000  # opening the key (a slow key derivation) and signing, on a loaded machine


def _page(qtbot, campus, actor=None):
    runner = TaskRunner(campus.path)
    page = CredentialsPage(runner, Session(actor or campus.admin))
    qtbot.addWidget(page)
    with qtbot.waitSignals([page.situation_loaded, page.model.loaded], timeout=WAIT):
        page.show()
    return page, runner


@pytest.fixture
def three_passed(campus, tmp_path):
    """A certified campus key and three passed enrolments waiting for their credential."""
    keys = certify_campus(campus.store)
    ids = [passed_enrolment(campus, tmp_path, n) for n in range(3)]
    return keys, ids


@pytest.fixture
def one_issued(campus, tmp_path):
    """Ayesha's credential, issued and active."""
    keys = certify_campus(campus.store)
    enrolment_id = passed_enrolment(campus, tmp_path, 0)
    row = issuing.issue_for_enrolment(campus.store, campus.admin, enrolment_id, keys.issuer)
    campus.store.close()
    return row


@pytest.fixture
def page(qtbot, campus, one_issued):
    page, runner = _page(qtbot, campus)
    yield page
    runner.close()


def _column(page, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _credentials(campus) -> list[dict]:
    with Store.open(campus.path, readonly=True) as store:
        return store.query("SELECT * FROM issued_credentials ORDER BY issued_at, serial")


def _issue_all(qtbot, dialog, passphrase=PASSPHRASE) -> None:
    qtbot.waitUntil(lambda: dialog.choices.rowCount() > 0, timeout=WAIT)
    dialog.passphrase.setText(passphrase)
    dialog.issue_button.click()


def test_issue_the_checked_enrolments_and_the_table_shows_them(qtbot, campus, three_passed):
    campus.store.close()
    page, runner = _page(qtbot, campus)
    try:
        assert page.waiting_label.text().startswith("3 passed enrolment")
        assert page.model.rowCount() == 0 and page.issue_button.isEnabled()
        seen = {}

        def issue(dialog: IssueDialog):
            qtbot.waitUntil(lambda: dialog.choices.rowCount() == 3, timeout=WAIT)
            seen["checked"] = len(dialog.choices.checked)  # all, by default
            dialog.none_button.click()
            assert not dialog.issue_button.isEnabled()
            dialog.all_button.click()
            dialog.table.setCurrentIndex(dialog.choices.index(2, 1))  # the newest pass: Hira's
            qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # any cell of the row will do
            seen["chosen"] = dialog.chosen_label.text()
            _issue_all(qtbot, dialog)
            qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
            seen["summary"] = dialog.summary.text()
            seen["stopped"] = dialog.cancelled_note.isVisible()
            seen["pathways"] = dialog.pathway_box.isVisible()
            dialog.close_button.click()

        when_shown(IssueDialog, issue)
        page.issue_button.click()
        assert seen["checked"] == 3
        assert seen["chosen"].startswith("2 of 3")
        assert seen["summary"].startswith("2 credential")
        assert seen["stopped"] is False and seen["pathways"] is False
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
        assert sorted(_column(page, 1)) == ["Ayesha Khan", "Bilal Ahmed"]
        assert _column(page, 6) == ["Active", "Active"]
        assert _column(page, 3) == ["DA-101 Data Analytics Fundamentals"] * 2
        assert all(serial.startswith("QAU-") for serial in _column(page, 0))
        assert _column(page, 5)[0] != "Does not expire"  # DA-101 is valid for 36 months
        qtbot.waitUntil(lambda: page.waiting_label.text().startswith("1 passed"), timeout=WAIT)
        assert page.count_label.text().startswith("2 credential")
    finally:
        runner.close()
    assert {row["learner_id"] for row in _credentials(campus)} == set(campus.learner_ids[:2])


def test_stopping_a_batch_keeps_what_was_issued(qtbot, campus, three_passed, monkeypatch):
    campus.store.close()
    stopped = threading.Event()

    class HeldProgress(Progress):
        """Holds the writer after the first credential until the test has pressed Cancel."""

        def report(self, done: int, total: int) -> None:
            super().report(done, total)
            if done == 1:
                stopped.wait(WAIT / 1000)

    monkeypatch.setattr(credential_issuing, "Progress", HeldProgress)
    page, runner = _page(qtbot, campus)
    seen = {}

    def issue(dialog: IssueDialog):
        _issue_all(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.progress_dialog is not None
                        and dialog.progress_dialog.bar.value() == 1, timeout=WAIT)  # fmt: skip
        dialog.progress_dialog.cancel_button.click()
        seen["stopping"] = dialog.progress_dialog.label.text()
        stopped.set()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
        seen["summary"] = dialog.summary.text()
        seen["stopped"] = dialog.cancelled_note.isVisible()
        dialog.reject()

    try:
        when_shown(IssueDialog, issue)
        page.issue_button.click()
        assert seen["stopping"] == "Stopping after the current credential…"
        assert seen["summary"].startswith("1 credential")
        assert seen["stopped"] is True
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
        qtbot.waitUntil(lambda: page.waiting_label.text().startswith("2 passed"), timeout=WAIT)
    finally:
        runner.close()
    assert len(_credentials(campus)) == 1


def test_a_wrong_passphrase_is_shown_beside_it_and_nothing_is_lost(qtbot, campus, three_passed):
    campus.store.close()
    page, runner = _page(qtbot, campus)
    seen = {}

    def issue(dialog: IssueDialog):
        qtbot.waitUntil(lambda: dialog.choices.rowCount() == 3, timeout=WAIT)
        dialog.choices.check_all(False)
        dialog.choices.setData(dialog.choices.index(0, 0), Qt.CheckState.Checked.value,
                               Qt.ItemDataRole.CheckStateRole)  # fmt: skip
        _issue_all(qtbot, dialog, "not the passphrase at all")
        error = dialog.findChild(QLabel, "passphraseError")
        qtbot.waitUntil(lambda: error.isVisible(), timeout=WAIT)
        seen["error"] = error.text()
        seen["page"] = dialog.pages.currentIndex()
        seen["kept"] = (dialog.passphrase.text(), dialog.choices.chosen_ids())
        seen["can_retry"] = dialog.issue_button.isEnabled()
        dialog.reject()

    try:
        when_shown(IssueDialog, issue)
        page.issue_button.click()
    finally:
        runner.close()
    assert seen["error"] == (
        "Does not open this key. Type the passphrase chosen when the key was made."
    )
    assert seen["page"] == 0 and seen["can_retry"]
    assert seen["kept"] == ("not the passphrase at all", [three_passed[1][0]])
    assert _credentials(campus) == []


def test_without_a_certified_campus_key_the_dialog_says_what_to_do(qtbot, campus, tmp_path):
    passed_enrolment(campus, tmp_path, 0)
    campus.store.close()
    page, runner = _page(qtbot, campus)
    seen = {}

    def issue(dialog: IssueDialog):
        _issue_all(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.general.isVisible(), timeout=WAIT)
        seen["problem"] = dialog.general.text()
        dialog.reject()

    try:
        when_shown(IssueDialog, issue)
        page.issue_button.click()
    finally:
        runner.close()
    assert "Tools → Signing keys" in seen["problem"]


def _change(qtbot, page, action: str, reason: str, passphrase: str = PASSPHRASE) -> None:
    def act(dialog: ChangeCredentialDialog):
        qtbot.keyClicks(dialog.reason, reason)
        dialog.passphrase.setText(passphrase)
        dialog.save_button.click()

    when_shown(ChangeCredentialDialog, act)
    button = {
        "revoke": page.revoke_button,
        "suspend": page.suspend_button,
        "reinstate": page.reinstate_button,
        "reissue": page.reissue_button,
    }[action]
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        button.click()


def _listed_state(campus, credential) -> str:
    with Store.open(campus.path, readonly=True) as store:
        listed = json.loads(store.scalar("SELECT document FROM status_lists"))
    return status_of(decode_list(listed["credentialSubject"]["encodedList"]),
                     credential["status_index"])  # fmt: skip


def _enabled(page) -> set[str]:
    buttons = {
        "pdf": page.pdf_button,
        "json": page.json_button,
        "share": page.share_button,
        "revoke": page.revoke_button,
        "suspend": page.suspend_button,
        "reinstate": page.reinstate_button,
        "reissue": page.reissue_button,
    }
    return {name for name, button in buttons.items() if button.isEnabled()}


def test_suspend_reinstate_and_revoke_sign_the_status_list(qtbot, campus, one_issued, page):
    page.table.selectRow(0)
    assert _enabled(page) == {"pdf", "json", "share", "revoke", "suspend", "reissue"}
    _change(qtbot, page, "suspend", "Complaint about the assessment")
    qtbot.waitUntil(lambda: page.credential() is not None, timeout=WAIT)  # selection kept
    assert _column(page, 6) == ["Suspended"]
    assert _listed_state(campus, one_issued) == "suspended"
    assert _enabled(page) == {"pdf", "json", "share", "revoke", "reinstate", "reissue"}

    _change(qtbot, page, "reinstate", "Complaint dismissed")
    qtbot.waitUntil(lambda: page.credential() is not None, timeout=WAIT)
    assert _column(page, 6) == ["Active"]
    assert _listed_state(campus, one_issued) == "active"

    _change(qtbot, page, "revoke", "Evidence found to be copied")
    qtbot.waitUntil(lambda: page.credential() is not None, timeout=WAIT)
    assert _column(page, 6) == ["Revoked"]
    assert _listed_state(campus, one_issued) == "revoked"
    # Revoked with no replacement yet: reissuing is how its replacement is still issued.
    assert _enabled(page) == {"pdf", "json", "share", "reissue"}
    _change(qtbot, page, "reissue", "Replacement after the copied evidence was redone")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    page.table.selectRow([r["serial"] for r in page.model.rows].index(one_issued["serial"]))
    assert _enabled(page) == {"pdf", "json", "share"}  # replaced: final


def test_a_change_without_a_reason_or_with_a_wrong_passphrase_is_refused(qtbot, page, campus):
    page.table.selectRow(0)
    seen = {}

    def act(dialog: ChangeCredentialDialog):
        dialog.passphrase.setText("wrong passphrase")
        dialog.save_button.click()
        error = dialog.findChild(QLabel, "passphraseError")
        qtbot.waitUntil(lambda: error.isVisible(), timeout=WAIT)
        seen["reason"] = dialog.findChild(QLabel, "reasonError").text()
        seen["passphrase"] = error.text()
        seen["warning"] = dialog.explanation.text()
        dialog.reject()

    when_shown(ChangeCredentialDialog, act)
    page.revoke_button.click()
    assert seen["reason"] == "Is required. Fill it in."
    assert seen["passphrase"].startswith("Does not open this key")
    assert "final" in seen["warning"]
    with Store.open(campus.path, readonly=True) as store:
        assert store.scalar("SELECT count(*) FROM credential_status_events") == 0


def test_reissue_shows_the_replacement_and_the_old_one_revoked(qtbot, campus, one_issued, page):
    old = one_issued["serial"]
    page.table.selectRow(0)
    _change(qtbot, page, "reissue", "Name misspelt on the certificate")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: page.credential() is not None, timeout=WAIT)
    rows = {row["serial"]: row["state"] for row in page.model.rows}
    new = next(serial for serial in rows if serial != old)
    assert rows == {old: "revoked", new: "active"}
    assert page.credential()["serial"] == new  # the replacement is chosen
    assert page.message.text() == f"{old} is revoked; its replacement is {new}."
    replacement = next(r for r in _credentials(campus) if r["serial"] == new)
    assert replacement["supersedes_id"] == one_issued["id"]
    assert _listed_state(campus, one_issued) == "revoked"


def test_save_the_pdf_and_the_json(qtbot, campus, one_issued, page, tmp_path):
    page.table.selectRow(0)
    asked = []

    def choose(title, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / Path(suggested).name)

    page.choose_save_path = choose
    serial = one_issued["serial"]
    with qtbot.waitSignal(page.saved, timeout=WAIT) as pdf:
        page.pdf_button.click()
    assert Path(asked[0]).name == f"{serial}.pdf"
    assert pdf.args == [str(tmp_path / f"{serial}.pdf")]
    assert (tmp_path / f"{serial}.pdf").read_bytes().startswith(b"%PDF")
    assert page.message.text() == f"Saved {tmp_path / f'{serial}.pdf'}."
    with qtbot.waitSignal(page.saved, timeout=WAIT):
        page.json_button.click()
    assert Path(asked[1]).name == f"{serial}.json"
    document = json.loads((tmp_path / f"{serial}.json").read_text(encoding="utf-8"))
    assert document == json.loads(one_issued["document"])
    assert not list(tmp_path.glob(".*.partial"))


def test_share_shows_the_verification_link_with_the_serial(qtbot, page, one_issued):
    page.table.selectRow(0)
    seen = {}

    def share(dialog: ShareDialog):
        qtbot.waitUntil(lambda: bool(dialog.verify_link.text()), timeout=WAIT)
        seen["verify"] = dialog.verify_link.text()
        seen["linkedin"] = dialog.linkedin_link.text()
        seen["read_only"] = dialog.verify_link.isReadOnly()
        dialog.findChild(QPushButton, "verifyLinkCopy").click()
        seen["copied"] = QGuiApplication.clipboard().text()
        dialog.reject()

    when_shown(ShareDialog, share)
    page.share_button.click()
    serial = one_issued["serial"]
    assert seen["verify"] == f"https://registry.sanad.example/verify/{serial}"
    assert seen["linkedin"].startswith("https://www.linkedin.com/profile/add?")
    assert f"certId={serial}" in seen["linkedin"]
    assert seen["read_only"] and seen["copied"] == seen["verify"]


def test_narrow_by_state_and_by_serial(qtbot, campus, tmp_path):
    keys = certify_campus(campus.store)
    rows = [issuing.issue_for_enrolment(campus.store, campus.admin,
                                        passed_enrolment(campus, tmp_path, n), keys.issuer)
            for n in range(2)]  # fmt: skip
    issuing.change_status(campus.store, campus.admin, rows[0]["id"], "suspend", "Complaint",
                          keys.issuer)  # fmt: skip
    campus.store.close()
    page, runner = _page(qtbot, campus)
    try:
        suspended = page.state_filter.findData("suspended")
        with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
            page.state_filter.setCurrentIndex(suspended)
        assert _column(page, 1) == ["Ayesha Khan"]
        assert page.count_label.text().startswith("1 credential")
        with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
            page.state_filter.setCurrentIndex(0)
        with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
            page.search_box.setText(rows[1]["serial"].lower())
        assert _column(page, 0) == [rows[1]["serial"]]
    finally:
        runner.close()


def test_a_demo_database_says_its_credentials_prove_nothing(qtbot, campus, one_issued):
    with Store.open(campus.path) as store:
        store.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('demo', '1')")
    page, runner = _page(qtbot, campus)
    try:
        from desktop.core.demo.credentials import DEMO_KEY_PASSPHRASE

        assert page.demo_banner.isVisible()
        assert "prove nothing" in page.demo_banner.text()
        assert DEMO_KEY_PASSPHRASE in page.demo_banner.text()
        assert page.demo_passphrase == DEMO_KEY_PASSPHRASE
    finally:
        runner.close()


def test_only_focal_persons_are_offered_the_screen(qtbot, campus):
    from desktop.ui.main_window import MainWindow

    campus.store.close()
    session = Session(campus.assessor)
    window = MainWindow(campus.path, session=session)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    row = [name for name, *_ in window.SCREENS].index("credentials")
    assert row == 6  # after Marking: Ctrl+7
    assert window.navigation.isRowHidden(row)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.overview
    session.sign_in(campus.admin)
    assert not window.navigation.isRowHidden(row)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.credentials
    assert window.navigation.currentItem().text() == "Credentials"
    session.sign_in(campus.assessor)  # another person at the same computer
    assert window.navigation.isRowHidden(row)
    assert window.stack.currentWidget() is window.overview
    window.close()


@pytest.fixture
def pathway_campus(campus, tmp_path):
    """A published campus pathway that DA-101 alone completes (one of DA-101 and PL-101),
    and Ayesha's DA-101 passed, waiting for its credential."""
    store, admin = campus.store, campus.admin
    other = catalogue.create_micro_credential(
        store, admin, micro_credential_data(campus.track_id, "PL-101"), scope="campus"
    )
    catalogue.publish_micro_credential(store, admin, other["id"])
    pathway = pathways.create_pathway(
        store, admin, code="PATH-DATA", title_en="Data Analyst Pathway",
        title_ur="ڈیٹا اینالسٹ کا راستہ", rule="n_of", members=["DA-101", "PL-101"],
        required_count=1, credit_awarded=4,
    )  # fmt: skip
    pathways.publish_pathway(store, admin, pathway["id"])
    certify_campus(store)
    passed_enrolment(campus, tmp_path, 0)
    store.close()
    return pathway


def test_a_pathway_earned_by_the_batch_is_proposed_and_issued(qtbot, campus, pathway_campus):
    page, runner = _page(qtbot, campus)
    seen = {}

    def issue(dialog: IssueDialog):
        _issue_all(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
        seen["box"] = dialog.pathway_box.isVisible()
        model = dialog.proposals
        seen["proposed"] = [[model.data(model.index(r, c)) for c in range(2)]
                            for r in range(model.rowCount())]  # fmt: skip
        dialog.pathway_button.click()
        qtbot.waitUntil(lambda: "issued" in dialog.pathway_result.text(), timeout=WAIT)
        seen["result"] = dialog.pathway_result.text()
        seen["again"] = dialog.pathway_button.isEnabled()
        dialog.close_button.click()
        seen["key_dropped"] = dialog.issuer is None

    try:
        when_shown(IssueDialog, issue)
        page.issue_button.click()
        assert seen["box"] is True
        assert seen["proposed"] == [["Ayesha Khan", "PATH-DATA Data Analyst Pathway"]]
        assert seen["result"].startswith("1 pathway credential")
        assert seen["again"] is False and seen["key_dropped"] is True
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
        by_code = {row["code"]: row for row in page.model.rows}
        assert by_code["PATH-DATA"]["kind"] == "pathway"
        assert _column(page, 3)[0] == "PATH-DATA Data Analyst Pathway"  # the newest first
        assert _column(page, 5)[0] == "Does not expire"
        page.table.selectRow(0)
        assert "reissue" not in _enabled(page)  # a pathway credential is not reissued
        assert "revoke" in _enabled(page)
    finally:
        runner.close()
