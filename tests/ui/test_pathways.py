"""The Pathways tab: stack micro-credentials into a pathway, publish it when it can be taken."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop.core.services import catalogue
from desktop.core.store import Store
from desktop.ui.catalogue import CataloguePage
from desktop.ui.catalogue_tab import CatalogueTab
from desktop.ui.pathway_editor import PathwayEditor
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner
from tests.conftest import micro_credential_data


@pytest.fixture
def page(qtbot, campus):
    # A second course, still a draft, so the pathway cannot be published at first.
    catalogue.create_micro_credential(
        campus.store, campus.admin, micro_credential_data(campus.track_id, "PL-101"),
        scope="campus",
    )  # fmt: skip
    campus.store.close()
    runner = TaskRunner(campus.path)
    screen = CataloguePage(runner, Session(campus.admin))
    qtbot.addWidget(screen)
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    screen.tabs.setCurrentWidget(screen.pathways)
    page = screen.pathways
    qtbot.waitUntil(lambda: len(page.choices) == 2, timeout=10_000)
    yield page
    runner.close()


def _tick(editor: PathwayEditor, *codes: str) -> None:
    for row in range(editor.members.count()):
        item = editor.members.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in codes:
            item.setCheckState(Qt.CheckState.Checked)


def test_stack_two_micro_credentials_and_publish_the_pathway(qtbot, page, campus, monkeypatch):
    page.new_button.click()
    editor = page.editor
    qtbot.keyClicks(editor.code, "path-data")
    qtbot.keyClicks(editor.title_en, "Data Analyst Pathway")
    editor.title_ur.insert("ڈیٹا اینالسٹ کا راستہ")
    assert "(no published edition yet)" in editor.members.item(1).text()
    _tick(editor, "DA-101", "PL-101")
    assert editor.count.text() == "2 micro-credentials chosen"
    editor.rule.setCurrentIndex(editor.rule.findData("n_of"))
    assert editor.required.isEnabled() and editor.required.maximum() == 2
    editor.required.setValue(1)
    editor.credit.setValue(3)
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    row = page.selected()
    assert (row["code"], row["status"]) == ("PATH-DATA", "draft")
    assert page.model.data(page.model.index(0, 2)) == "any 1 of 2"

    monkeypatch.setattr(CatalogueTab, "confirm", lambda self, title, text: True)
    page.publish_button.click()
    qtbot.waitUntil(lambda: "no published edition" in page.message.text(), timeout=10_000)
    assert "PL-101" in page.message.text()
    with Store.open(campus.path) as store:
        pl = store.one("SELECT id FROM micro_credentials WHERE code = 'PL-101'")
        catalogue.publish_micro_credential(store, campus.admin, pl["id"])
    page.publish_button.click()
    qtbot.waitUntil(lambda: (page.selected() or {}).get("status") == "published", timeout=10_000)
    assert not page.edit_button.isEnabled() and page.retire_button.isEnabled()
    with Store.open(campus.path, readonly=True) as store:
        saved = store.one("SELECT * FROM pathways WHERE code = 'PATH-DATA'")
    assert json.loads(saved["members"]) == ["DA-101", "PL-101"]
    assert (saved["rule"], saved["required_count"], saved["credit_awarded"]) == ("n_of", 1, 3.0)
    assert saved["title_ur"] == "ڈیٹا اینالسٹ کا راستہ"


def test_problems_are_marked_and_nothing_is_lost(qtbot, page):
    page.new_button.click()
    editor = page.editor
    qtbot.keyClicks(editor.code, "PATH-ONE")
    qtbot.keyClicks(editor.title_en, "Only one course")
    _tick(editor, "DA-101")
    editor.save_button.click()
    error = editor.marks.fields["members"][1]
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "fewer than two micro-credentials" in error.text()
    assert editor.members.property("invalid") is True
    assert editor.isVisible() and editor.title_en.text() == "Only one course"
    assert editor.chosen_codes() == ["DA-101"]
    editor.mark_pristine()
    editor.reject()


def test_edit_a_draft_with_its_members_ticked(qtbot, page, campus):
    from desktop.core.services import pathways

    with Store.open(campus.path) as store:
        draft = pathways.create_pathway(
            store, campus.admin, code="PATH-X", title_en="X", rule="n_of", required_count=2,
            members=["DA-101", "PL-101"], credit_awarded=2,
        )  # fmt: skip
    page.refresh(draft["id"])
    qtbot.waitUntil(lambda: (page.selected() or {}).get("code") == "PATH-X", timeout=10_000)
    assert page.model.data(page.model.index(0, 2)) == "any 2 of 2"
    page.edit_button.click()
    editor = page.editor
    assert editor.code.isReadOnly() and editor.chosen_codes() == ["DA-101", "PL-101"]
    assert editor.required.isEnabled() and editor.required.value() == 2
    assert not editor.has_changes()
    editor.title_en.setText("X renamed")
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: (page.selected() or {}).get("title_en") == "X renamed", timeout=10_000)


def test_the_member_list_filters_as_one_types(qtbot, page):
    page.new_button.click()
    editor = page.editor
    qtbot.keyClicks(editor.filter, "pl-1")
    shown = [editor.members.item(r) for r in range(editor.members.count())]
    assert [i.data(Qt.ItemDataRole.UserRole) for i in shown if not i.isHidden()] == ["PL-101"]
    editor.reject()


def test_closing_with_unsaved_changes_asks(qtbot, page, monkeypatch):
    page.new_button.click()
    editor = page.editor
    _tick(editor, "PL-101")
    asked = []
    monkeypatch.setattr(PathwayEditor, "confirm_discard", lambda self: asked.append(1) or False)
    editor.reject()
    assert asked == [1] and editor.isVisible()
    monkeypatch.setattr(PathwayEditor, "confirm_discard", lambda self: True)
    editor.reject()
    assert not editor.isVisible()


def test_an_assessor_only_reads_pathways(page, campus):
    page.session.sign_in(campus.assessor)
    assert not page.new_button.isEnabled()


def test_the_model_passes_qtmodeltester(qtbot, qtmodeltester, page, campus):
    from desktop.core.services import pathways

    with Store.open(campus.path) as store:
        pathways.create_pathway(
            store, campus.admin, code="PATH-Y", title_en="Y", rule="n_of", required_count=1,
            members=["DA-101", "PL-101"], credit_awarded=2,
        )  # fmt: skip
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.model.data(page.model.index(0, 2)) == "any 1 of 2"
    qtmodeltester.check(page.model)
