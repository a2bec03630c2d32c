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


def _export_to(page, monkeypatch, path):
    monkeypatch.setattr(LearnersPage, "choose_export_file", lambda self, suggested: str(path))


def test_export_the_learners_matching_the_search(qtbot, page, tmp_path, monkeypatch):
    qtbot.keyClicks(page.search_box, "Noor Learner 01")
    qtbot.waitUntil(lambda: page.model.total == 10, timeout=10_000)
    _export_to(page, monkeypatch, tmp_path / "noor")  # the .csv is added
    qtbot.keyClick(page, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "exported" in page.export_message.text(), timeout=10_000)
    assert page.export_message.text().startswith("10 learners exported to")
    with open(tmp_path / "noor.csv", encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    assert lines[0].startswith("Registration no,Full name,Guardian name,CNIC")
    assert len(lines) == 11 and lines[1].split(",")[1] == "Noor Learner 010"
    assert page.export_button.isEnabled() and page.export_bar.isHidden()


def test_an_export_to_a_missing_folder_says_so(qtbot, page, tmp_path, monkeypatch):
    _export_to(page, monkeypatch, tmp_path / "unplugged" / "learners.csv")
    page.export_button.click()
    qtbot.waitUntil(lambda: "could not be written" in page.export_message.text(), timeout=10_000)
    assert "No such file or directory" in page.export_message.text()
    assert page.export_button.isEnabled()


def test_stopping_an_export_writes_no_file(qtbot, page, tmp_path, monkeypatch):
    _export_to(page, monkeypatch, tmp_path / "learners.csv")
    monkeypatch.setattr("desktop.ui.tasks.Progress.cancelled", lambda self: True)
    page.export_button.click()
    qtbot.waitUntil(lambda: "stopped" in page.export_message.text(), timeout=10_000)
    assert not (tmp_path / "learners.csv").exists()


def test_assessors_are_not_offered_the_export(qtbot, many):
    runner = TaskRunner(many.path)
    page = LearnersPage(runner, Session(many.assessor))
    qtbot.addWidget(page)
    page.show()
    assert page.export_button.isHidden() and page.import_button.isHidden()
    runner.close()
