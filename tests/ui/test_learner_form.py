"""Adding and editing a learner in the form, as a focal person does."""

from __future__ import annotations

import pytest

from desktop.core.learner_import import LEARNER_FIELDS
from desktop.core.store import Store
from desktop.ui.learners import LearnersPage
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner


@pytest.fixture
def page(qtbot, campus):
    campus.store.close()
    runner = TaskRunner(campus.path)
    page = LearnersPage(runner, Session(campus.admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=10_000)
    yield page
    runner.close()


def test_add_a_learner(qtbot, page, campus):
    page.add_button.click()
    form = page.form
    qtbot.keyClicks(form.registration_no, "qau-2026-0042")
    qtbot.keyClicks(form.full_name, "Mahnoor Qureshi")
    qtbot.keyClicks(form.cnic, "37405-1234567-8")
    form.gender.setCurrentIndex(form.gender.findData("female"))
    qtbot.keyClicks(form.date_of_birth, "2003-05-17")
    qtbot.keyClicks(form.phone, "0333 5550101")
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=10_000)
    with Store.open(campus.path, readonly=True) as store:
        row = store.one("SELECT * FROM learners WHERE registration_no = 'QAU-2026-0042'")
    assert (row["cnic"], row["phone"], row["date_of_birth"]) == (
        "3740512345678",
        "+923335550101",
        "2003-05-17",
    )


def test_every_problem_is_marked_and_what_was_typed_stays(qtbot, page):
    page.add_button.click()
    form = page.form
    qtbot.keyClicks(form.registration_no, "QAU-2026-0001")  # taken by Ayesha Khan
    qtbot.keyClicks(form.full_name, "Kiran Awan")
    qtbot.keyClicks(form.cnic, "35202-12345")
    qtbot.keyClicks(form.phone, "12345")
    form.save_button.click()
    cnic_error = form.marks.fields["cnic"][1]
    qtbot.waitUntil(lambda: cnic_error.isVisible(), timeout=10_000)
    assert "A CNIC has 13 digits" in cnic_error.text()
    assert "Is not a Pakistani phone number" in form.marks.fields["phone"][1].text()
    assert form.cnic.text() == "35202-12345" and form.full_name.text() == "Kiran Awan"
    form.cnic.setText("61101-1112223-2")
    form.phone.clear()
    form.save_button.click()
    reg_error = form.marks.fields["registration_no"][1]
    qtbot.waitUntil(lambda: "Already belongs to Ayesha Khan" in reg_error.text(), timeout=10_000)
    assert form.isVisible()
    form.confirm_discard = lambda: True
    form.reject()


def test_edit_keeps_every_field(qtbot, page, campus):
    page.table.selectRow(0)  # Ayesha Khan
    page.edit_selected()
    form = page.form
    assert form.cnic.text() == "35202-1234567-2"
    assert form.phone.text() == "0300 1234501"
    form.guardian_name.setText("Muhammad Aslam Khan")
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.save_button.click()
    with Store.open(campus.path, readonly=True) as store:
        row = store.get("learners", campus.learner_ids[0])
    assert row["guardian_name"] == "Muhammad Aslam Khan"
    assert (row["cnic"], row["phone"], row["version"]) == ("3520212345672", "+923001234501", 2)


def test_closing_with_unsaved_changes_asks(qtbot, page):
    page.add_button.click()
    form = page.form
    qtbot.keyClicks(form.full_name, "Half typed")
    asked = []
    form.confirm_discard = lambda: asked.append(1) or False
    form.reject()
    assert asked == [1] and form.isVisible()


def test_the_form_has_every_learner_field(qtbot, page):
    page.add_button.click()
    assert set(page.form.inputs) == set(LEARNER_FIELDS)
    page.form.reject()
