"""The Enrolments screen: every enrolment of the campus, narrowed by status, micro-credential
or learner; a status changed with a reason; learners enrolled into a cohort chosen here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.services import enrolments
from desktop.core.store import Store
from desktop.ui import enrolments as enrolments_screen
from desktop.ui.enrolment_dialogs import EnrolDialog, StatusDialog
from desktop.ui.enrolments import ChooseCohortDialog, EnrolmentsPage
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner
from tests.ui.dialogs import when_shown


@pytest.fixture
def enrolled(campus):
    """Ayesha enrolled, Bilal started, Hira withdrawn (newest change last)."""
    store, admin, cohort = campus.store, campus.admin, campus.cohort_id
    ayesha, bilal, hira = campus.learner_ids[:3]
    ids = {}
    for name, learner in (("ayesha", ayesha), ("bilal", bilal), ("hira", hira)):
        ids[name] = enrolments.enrol(store, admin, cohort, learner)["id"]
    enrolments.change_status(store, admin, ids["bilal"], "in_progress")
    enrolments.change_status(store, admin, ids["hira"], "withdrawn", "Moved to Quetta")
    campus.store.close()
    return ids


def _page(qtbot, campus, actor):
    runner = TaskRunner(campus.path)
    page = EnrolmentsPage(runner, Session(actor))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    return page, runner


@pytest.fixture
def page(qtbot, campus, enrolled):
    page, runner = _page(qtbot, campus, campus.admin)
    yield page
    runner.close()


def _column(page, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _set_filter(qtbot, page, change) -> None:
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        change()


def test_every_enrolment_newest_change_first(page):
    assert _column(page, 1) == ["Hira Baloch", "Bilal Ahmed", "Ayesha Khan"]
    assert _column(page, 4) == ["Withdrawn", "In progress", "Enrolled"]
    assert _column(page, 2) == ["DA-101-A"] * 3
    assert _column(page, 3) == ["DA-101 Data Analytics Fundamentals"] * 3
    assert page.count_label.text() == "3 enrolments"


def test_narrow_by_status_and_by_micro_credential(qtbot, page):
    withdrawn = page.status_filter.findData("withdrawn")
    _set_filter(qtbot, page, lambda: page.status_filter.setCurrentIndex(withdrawn))
    assert _column(page, 1) == ["Hira Baloch"]
    assert page.count_label.text() == "1 enrolment matches"
    _set_filter(qtbot, page, lambda: page.status_filter.setCurrentIndex(0))
    qtbot.waitUntil(lambda: page.micro_filter.count() == 2, timeout=10_000)
    assert page.micro_filter.itemText(1) == "DA-101 Data Analytics Fundamentals"
    _set_filter(qtbot, page, lambda: page.micro_filter.setCurrentIndex(1))
    assert page.model.rowCount() == 3
    passed = page.status_filter.findData("passed")
    _set_filter(qtbot, page, lambda: page.status_filter.setCurrentIndex(passed))
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 enrolments match"


def test_find_a_learners_enrolment_by_part_of_a_cnic(qtbot, page):
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        qtbot.keyClicks(page.search_box, "61101-765")
    qtbot.waitUntil(lambda: page.model.query.text == "61101-765", timeout=10_000)
    assert _column(page, 1) == ["Bilal Ahmed"]
    assert _column(page, 0) == ["QAU-2026-0002"]


def test_withdraw_from_the_enrolments_screen_with_a_reason(qtbot, page, campus, enrolled):
    page.table.selectRow(2)  # Ayesha, enrolled
    assert page.status_button.isEnabled()
    seen = {}

    def withdraw(dialog: StatusDialog):
        qtbot.waitUntil(lambda: dialog.history.count() == 1, timeout=10_000)
        dialog.next_status.setCurrentIndex(dialog.next_status.findData("withdrawn"))
        dialog.save_button.click()  # without the reason a withdrawal needs
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
        seen["refused"] = dialog.message.text()
        qtbot.keyClicks(dialog.reason, "Took a job in Lahore")
        dialog.save_button.click()

    when_shown(StatusDialog, withdraw)
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        page.status_button.click()
    assert "reason (empty): is required" in seen["refused"]
    assert _column(page, 1)[0] == "Ayesha Khan"  # now the newest change
    assert _column(page, 4)[0] == "Withdrawn"
    with Store.open(campus.path, readonly=True) as store:
        events = enrolments.history(store, enrolled["ayesha"])
    assert [(e["to_status"], e["reason"]) for e in events] == [
        ("enrolled", None),
        ("withdrawn", "Took a job in Lahore"),
    ]


def test_an_assessor_reads_the_history_but_changes_nothing(qtbot, campus, enrolled):
    page, runner = _page(qtbot, campus, campus.assessor)
    try:
        assert not page.status_button.isVisibleTo(page)
        assert not page.enrol_button.isVisibleTo(page)
        page.table.selectRow(0)  # Hira, withdrawn
        seen = {}

        def read(dialog: StatusDialog):
            qtbot.waitUntil(lambda: dialog.history.count() == 2, timeout=10_000)
            seen["title"] = dialog.windowTitle()
            seen["history"] = dialog.history.item(1).text()
            seen["can_save"] = dialog.save_button.isVisibleTo(dialog)
            dialog.reject()

        when_shown(StatusDialog, read)
        page.history_button.click()
        assert seen["title"] == "History of Hira Baloch"
        assert "Withdrawn — Moved to Quetta (Sana Mirza)" in seen["history"]
        assert seen["can_save"] is False
    finally:
        runner.close()


def test_enrol_learners_into_a_cohort_chosen_here(qtbot, page, campus):
    def choose(dialog: ChooseCohortDialog):
        qtbot.waitUntil(lambda: dialog.cohorts.rowCount() == 1, timeout=10_000)
        assert dialog.cohorts.data(dialog.cohorts.index(0, 4)) == "2 / 3"  # Hira withdrew
        dialog.next_button.click()

    def enrol_usman(dialog: EnrolDialog):
        qtbot.keyClicks(dialog.search, "usman")
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
        dialog.table.selectRow(0)
        dialog.enrol_button.click()

    when_shown(ChooseCohortDialog, choose)
    when_shown(EnrolDialog, enrol_usman)
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        page.enrol_button.click()
    assert _column(page, 1)[0] == "Usman Tareen"
    assert page.count_label.text() == "4 enrolments"


def test_no_open_cohort_is_said(qtbot, campus, enrolled):
    from desktop.core.services import cohorts

    with Store.open(campus.path) as store:
        cohorts.close_cohort(store, campus.admin, campus.cohort_id)
    runner = TaskRunner(campus.path)
    try:
        dialog = ChooseCohortDialog(runner, Session(campus.admin))
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
        assert dialog.message.text() == (
            "No cohort is open for enrolment. Create one on the Cohorts screen."
        )
        assert not dialog.next_button.isEnabled()
    finally:
        runner.close()


def test_pages_load_as_the_view_scrolls_and_pass_qtmodeltester(
    qtbot, qtmodeltester, campus, enrolled, monkeypatch
):
    monkeypatch.setattr(enrolments_screen, "PAGE_SIZE", 1)
    page, runner = _page(qtbot, campus, campus.admin)
    try:
        model = page.model
        qtbot.waitUntil(lambda: model.total == 3, timeout=10_000)  # counted after the rows
        assert page.count_label.text() == "3 enrolments"
        qtmodeltester.check(model)
        while model.canFetchMore() or model.rowCount() < 3:  # as the view scrolls down
            before = model.rowCount()
            model.fetchMore()
            qtbot.waitUntil(lambda before=before: model.rowCount() > before, timeout=10_000)
        assert not model.canFetchMore()
        assert _column(page, 1) == ["Hira Baloch", "Bilal Ahmed", "Ayesha Khan"]
        qtmodeltester.check(model)
    finally:
        runner.close()


def test_more_asked_for_while_rows_go_in_reads_no_page_twice(
    qtbot, campus, enrolled, monkeypatch
):
    """Views and model testers ask for more from inside the model's own signals."""
    monkeypatch.setattr(enrolments_screen, "PAGE_SIZE", 1)
    page, runner = _page(qtbot, campus, campus.admin)
    try:
        model = page.model
        model.rowsAboutToBeInserted.connect(lambda *_: model.fetchMore())
        model.modelAboutToBeReset.connect(lambda: model.fetchMore())
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.canFetchMore() and not model._busy, timeout=10_000)
        qtbot.wait(100)  # a second read of a page would arrive now
        assert _column(page, 1) == ["Hira Baloch", "Bilal Ahmed", "Ayesha Khan"]
    finally:
        runner.close()


def test_enter_on_a_row_opens_it(qtbot, page):
    page.table.setFocus()
    page.table.selectRow(1)
    seen = {}

    def look(dialog: StatusDialog):
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    when_shown(StatusDialog, look)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert seen["title"] == "Status of Bilal Ahmed"


def test_ctrl_f_goes_to_the_search_box(qtbot, page):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_box.hasFocus()


def test_the_rows_show_before_they_are_counted(qtbot, campus, enrolled, monkeypatch):
    monkeypatch.setattr(enrolments_screen, "PAGE_SIZE", 1)
    runner = TaskRunner(campus.path)
    try:
        page = EnrolmentsPage(runner, Session(campus.admin))
        qtbot.addWidget(page)
        seen = []
        page.model.rows_shown.connect(
            lambda: seen.append((page.model.rowCount(), page.count_label.text()))
        )
        with qtbot.waitSignal(page.model.loaded, timeout=10_000):
            page.show()
        assert seen[0] == (1, "Counting the enrolments…")
        assert page.count_label.text() == "3 enrolments"
        # a count that arrives for a filter no longer shown is dropped
        withdrawn = page.status_filter.findData("withdrawn")
        with qtbot.waitSignal(page.model.loaded, timeout=10_000):
            page.status_filter.setCurrentIndex(withdrawn)
        assert page.count_label.text() == "1 enrolment matches"
    finally:
        runner.close()
