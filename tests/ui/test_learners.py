"""The Learners screen: find anyone among many by what the focal person remembers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.services import learners
from desktop.ui.learners import PAGE_SIZE, LearnersPage
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner


@pytest.fixture
def many(campus):
    """The campus with 450 more learners: more than two pages."""
    learners.register_learners(
        campus.store,
        campus.admin,
        [
            {"registration_no": f"QAU-2025-{n:04d}", "full_name": f"Noor Learner {n:03d}"}
            for n in range(450)
        ],
    )
    campus.store.close()
    return campus


@pytest.fixture
def page(qtbot, many):
    runner = TaskRunner(many.path)
    page = LearnersPage(runner, Session(many.admin))
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    yield page
    runner.close()


def _names(page):
    model = page.model
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


def test_opens_with_the_first_page_and_the_count(page):
    assert page.model.rowCount() == PAGE_SIZE
    assert page.count_label.text() == "455 learners"
    assert page.model.headerData(3, Qt.Orientation.Horizontal) == "CNIC"


def test_find_a_learner_by_part_of_a_cnic(qtbot, page):
    qtbot.keyClicks(page.search_box, "1234567")
    qtbot.waitUntil(lambda: _names(page) == ["Ayesha Khan"], timeout=10_000)
    row = page.model.rows[0]
    assert page.model.data(page.model.index(0, 3)) == "35202-1234567-2"
    assert page.model.data(page.model.index(0, 4)) == "0300 1234501"
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.UserRole) == row["id"]
    assert page.count_label.text() == "1 learner matches “1234567”"


def test_typing_fast_ends_on_the_last_text(qtbot, page):
    for text in ("z", "za", "zai", "zain", "zaina", "zainab"):
        page.search_box.setText(text)
    qtbot.waitUntil(lambda: page.model.text == "zainab", timeout=10_000)
    assert _names(page) == ["Zainab Rizvi"]
    page.search_box.clear()
    qtbot.waitUntil(
        lambda: page.model.text == "" and page.model.rowCount() == PAGE_SIZE, timeout=10_000
    )


def test_scrolling_fetches_the_next_pages(qtbot, page):
    model = page.model
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=10_000)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 455, timeout=10_000)
    assert not model.canFetchMore()
    names = _names(page)
    assert names == sorted(names) and len(set(names)) == 455


def test_the_model_passes_qtmodeltester(qtbot, qtmodeltester, page):
    qtmodeltester.check(page.model)
    page.search_box.setText("noor")
    qtbot.waitUntil(lambda: page.model.text == "noor", timeout=10_000)
    qtmodeltester.check(page.model)


def test_ctrl_f_goes_to_the_search_box(qtbot, page):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_box.hasFocus()
