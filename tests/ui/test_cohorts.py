"""The Cohorts screen: see a cohort's roster, enrol learners, change a status with its reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from desktop.core.store import Store
from desktop.ui.cohorts import CohortsPage
from desktop.ui.enrolment_dialogs import EnrolDialog, StatusDialog
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner
from tests.ui.dialogs import when_shown


@pytest.fixture
def page(qtbot, campus):
    campus.store.close()
    runner = TaskRunner(campus.path)
    page = CohortsPage(runner, Session(campus.admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.cohorts.rowCount() == 1, timeout=10_000)
    yield page
    runner.close()


def _cell(model, row, column):
    return model.data(model.index(row, column))


def _choose_cohort(qtbot, page):
    page.cohort_table.selectRow(0)
    qtbot.waitUntil(lambda: page.roster_label.text().startswith("DA-101-A"), timeout=10_000)


def test_the_cohort_and_its_seats(page):
    assert _cell(page.cohorts, 0, 0) == "DA-101-A"
    assert _cell(page.cohorts, 0, 1) == "DA-101 Data Analytics Fundamentals"
    assert _cell(page.cohorts, 0, 4) == "0 / 3"
    assert _cell(page.cohorts, 0, 5) == "open"


def test_enrol_a_learner_into_a_cohort(qtbot, page, campus):
    _choose_cohort(qtbot, page)
    assert page.roster_label.text() == "DA-101-A: 0 learners"

    def enrol_ayesha(dialog: EnrolDialog):
        qtbot.keyClicks(dialog.search, "ayesha")
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
        dialog.table.selectRow(0)
        dialog.enrol_button.click()

    when_shown(EnrolDialog, enrol_ayesha)
    page.enrol_button.click()
    qtbot.waitUntil(lambda: page.members.rowCount() == 1, timeout=10_000)
    assert _cell(page.members, 0, 1) == "Ayesha Khan"
    assert _cell(page.members, 0, 2) == "Enrolled"
    assert _cell(page.cohorts, 0, 4) == "1 / 3"
    with Store.open(campus.path, readonly=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM enrolments") == 1


def test_enrolling_more_than_the_seats_is_refused_and_explained(qtbot, page):
    _choose_cohort(qtbot, page)
    seen = {}

    def choose_four(dialog: EnrolDialog):
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 5, timeout=10_000)
        selection = dialog.table.selectionModel()
        for row in range(4):
            selection.select(
                dialog.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        dialog.enrol_button.click()
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
        seen["message"] = dialog.message.text()
        dialog.reject()

    when_shown(EnrolDialog, choose_four)
    page.enrol_button.click()
    assert "has 3 of 3 seats left, and 4 learners were chosen" in seen["message"]
    assert page.members.rowCount() == 0


def test_withdraw_with_a_reason_and_see_the_history(qtbot, page, campus):
    from desktop.core.services import enrolments

    with Store.open(campus.path) as store:
        enrolments.enrol(store, campus.admin, campus.cohort_id, campus.learner_ids[1])
    page.refresh()
    _choose_cohort(qtbot, page)
    qtbot.waitUntil(lambda: page.members.rowCount() == 1, timeout=10_000)
    page.roster_table.selectRow(0)
    seen = {}

    def withdraw(dialog: StatusDialog):
        qtbot.waitUntil(lambda: dialog.history.count() == 1, timeout=10_000)
        assert [dialog.next_status.itemData(i) for i in range(dialog.next_status.count())] == [
            "in_progress",
            "withdrawn",
        ]
        dialog.next_status.setCurrentIndex(1)
        dialog.save_button.click()  # no reason yet
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
        seen["first"] = dialog.message.text()
        qtbot.keyClicks(dialog.reason, "Moved to Quetta")
        dialog.save_button.click()

    when_shown(StatusDialog, withdraw)
    page.status_button.click()
    assert "reason (empty): is required" in seen["first"]
    qtbot.waitUntil(lambda: _cell(page.members, 0, 2) == "Withdrawn", timeout=10_000)
    with Store.open(campus.path, readonly=True) as store:
        events = enrolments.history(store, page.members.rows[0]["id"])
    assert [(e["to_status"], e["reason"]) for e in events] == [
        ("enrolled", None),
        ("withdrawn", "Moved to Quetta"),
    ]


def test_models_pass_qtmodeltester(qtbot, qtmodeltester, page):
    qtmodeltester.check(page.cohorts)
    _choose_cohort(qtbot, page)
    qtmodeltester.check(page.members)


def test_create_a_cohort_then_enrol_into_it(qtbot, page, campus):
    from PySide6.QtCore import QDate, Qt

    page.new_button.click()
    form = page.form
    qtbot.waitUntil(lambda: form.loaded == 2, timeout=10_000)
    assert form.micro.currentText() == "DA-101 — Data Analytics Fundamentals"
    assessors = [form.assessors.item(i).text() for i in range(form.assessors.count())]
    assert assessors == ["Dr Farhan Qureshi", "Sana Mirza"]
    form.assessors.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(form.code, "da-101-b")
    form.capacity.setValue(25)
    form.fee.setValue(8000)
    form.ends.setDate(form.starts.date().addDays(-1))  # before the start
    form.save_button.click()
    error = form.marks.fields["ends_on"][1]
    qtbot.waitUntil(lambda: "Is before the start" in error.text(), timeout=10_000)
    assert form.code.text() == "da-101-b"
    form.ends.setDate(QDate.currentDate().addDays(60))
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.save_button.click()
    qtbot.waitUntil(lambda: page.cohorts.rowCount() == 2, timeout=10_000)
    with Store.open(campus.path, readonly=True) as store:
        cohort = store.one("SELECT * FROM cohorts WHERE code = 'DA-101-B'")
        assigned = store.scalar(
            "SELECT COUNT(*) FROM cohort_assessors WHERE cohort_id = ?", (cohort["id"],)
        )
    assert (cohort["capacity"], cohort["fee_pkr"], cohort["mode"], assigned) == (
        25,
        8000,
        "in_person",
        1,
    )


def test_closing_a_half_filled_cohort_form_asks(qtbot, page, monkeypatch):
    from desktop.ui.cohort_form import CohortForm

    page.new_button.click()
    form = page.form
    qtbot.waitUntil(lambda: form.loaded == 2, timeout=10_000)
    asked = []
    monkeypatch.setattr(CohortForm, "confirm_discard", lambda self: asked.append(1) or False)
    form.reject()  # nothing typed yet: closes without asking
    assert asked == [] and not form.isVisible()
    page.new_button.click()
    form = page.form
    qtbot.waitUntil(lambda: form.loaded == 2, timeout=10_000)
    qtbot.keyClicks(form.code, "DA-101-C")
    form.reject()
    assert asked == [1] and form.isVisible()
    monkeypatch.setattr(CohortForm, "confirm_discard", lambda self: True)
    form.reject()
    assert not form.isVisible()


def test_only_admins_are_offered_a_new_cohort(page, campus):
    assert not page.new_button.isHidden()
    page.session.sign_in(campus.assessor)
    assert page.new_button.isHidden()


def test_enrol_from_a_csv_of_registration_numbers(qtbot, page, tmp_path, monkeypatch):
    path = tmp_path / "class-list.csv"
    path.write_text("Reg No,Name\nQAU-2026-0001,A\nqau-2026-0002 ,B\nQAU-2099-7777,C\n")
    _choose_cohort(qtbot, page)
    asked = []
    monkeypatch.setattr(EnrolDialog, "confirm", lambda self, text: asked.append(text) or True)
    seen = {}

    def from_file(dialog: EnrolDialog):
        dialog.enrol_file(str(path))
        seen["dialog"] = dialog

    when_shown(EnrolDialog, from_file)
    page.enrol_button.click()
    assert asked == [
        "2 learners found in the file. Not registered here: QAU-2099-7777. Enrol them?"
    ]
    qtbot.waitUntil(lambda: page.members.rowCount() == 2, timeout=10_000)
    assert {_cell(page.members, r, 1) for r in range(2)} == {"Ayesha Khan", "Bilal Ahmed"}


def test_a_file_of_bare_numbers_without_a_header(tmp_path):
    from desktop.core.cohort_lists import registration_numbers_from_csv

    path = tmp_path / "numbers.csv"
    path.write_text("QAU-2026-0001\nQAU-2026-0002\n")
    assert registration_numbers_from_csv(str(path)) == ["QAU-2026-0001", "QAU-2026-0002"]
