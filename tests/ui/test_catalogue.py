"""The Catalogue screen: create a micro-credential with its rubric, publish it, edit drafts."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop.core.store import Store
from desktop.ui.catalogue import CataloguePage
from desktop.ui.catalogue_tab import CatalogueTab
from desktop.ui.micro_credential_editor import MicroCredentialEditor
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner


@pytest.fixture
def page(qtbot, campus):
    campus.store.close()
    runner = TaskRunner(campus.path)
    screen = CataloguePage(runner, Session(campus.admin))
    qtbot.addWidget(screen)
    screen.show()
    page = screen.micro
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and bool(page.tracks), timeout=10_000)
    yield page
    runner.close()


def _set(table, row, column, text):
    table.item(row, column).setText(text)


def _fill(qtbot, editor: MicroCredentialEditor):
    qtbot.keyClicks(editor.code, "PL-101")
    qtbot.keyClicks(editor.title_en, "Python Programming")
    editor.title_ur.insert("پائتھن پروگرامنگ")
    editor.description_en.setPlainText("Write, test and document small Python programs.")
    editor.hours.setValue(45)
    editor.credit.setValue(1.5)
    editor.validity.setValue(24)
    _set(editor.competencies, 0, 0, "Write readable functions")
    _set(editor.evidence, 0, 0, "Program with tests")
    editor.evidence.item(0, 3).setCheckState(Qt.CheckState.Checked)  # links too
    # The rubric starts with four levels (0–3 points); describe one criterion and add another.
    _set(editor.criteria, 0, 0, "Correctness")
    for column, text in enumerate(["Wrong", "Partly right", "Right", "Right and explained"], 2):
        _set(editor.criteria, 0, column, text)
    editor.criteria.insertRow(1)
    editor._criteria_headers()
    _set(editor.criteria, 1, 0, "Testing")
    for column, text in enumerate(["None", "Some", "Most paths", "All paths"], 2):
        _set(editor.criteria, 1, column, text)
    editor.min_each.setValue(1)
    editor.min_total.setValue(4)


def test_create_a_micro_credential_with_a_rubric_and_publish_it(qtbot, page, campus, monkeypatch):
    page.new_button.click()
    editor = page.editor
    _fill(qtbot, editor)
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    row = page.selected()
    assert (row["code"], row["status"], row["edition"]) == ("PL-101", "draft", 1)
    assert page.publish_button.isEnabled() and not page.retire_button.isEnabled()

    monkeypatch.setattr(CatalogueTab, "confirm", lambda self, title, text: True)
    page.publish_button.click()
    qtbot.waitUntil(lambda: (page.selected() or {}).get("status") == "published", timeout=10_000)
    assert not page.edit_button.isEnabled() and page.edition_button.isEnabled()
    with Store.open(campus.path, readonly=True) as store:
        record = store.one("SELECT * FROM micro_credentials WHERE code = 'PL-101'")
    rubric = json.loads(record["rubric"])
    assert [c["title_en"] for c in rubric["criteria"]] == ["Correctness", "Testing"]
    assert rubric["criteria"][1]["descriptors_en"][3] == "All paths"
    assert rubric["pass_rule"] == {"min_points_each": 1, "min_total": 4}
    assert [lvl["points"] for lvl in rubric["levels"]] == [0, 1, 2, 3]
    evidence = json.loads(record["evidence_requirements"])
    assert evidence[0]["kinds"] == ["file", "link"]
    assert (record["title_ur"], record["credit_value"], record["validity_months"]) == (
        "پائتھن پروگرامنگ",
        1.5,
        24,
    )


def test_problems_are_marked_and_nothing_is_lost(qtbot, page):
    page.new_button.click()
    editor = page.editor
    _fill(qtbot, editor)
    editor.code.setText("DA-101")  # taken
    _set(editor.criteria, 1, 3, "")  # a missing descriptor is fine; a missing title is not
    _set(editor.criteria, 1, 0, "")
    editor.min_total.setValue(99)
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.marks.general.isVisible(), timeout=10_000)
    problems = editor.marks.general.text()
    assert "rubric criterion 2" in problems and "has no English title" in problems
    assert "asks for a total no learner can reach" in problems
    assert editor.isVisible()
    assert editor.title_en.text() == "Python Programming"
    editor.mark_pristine()  # leave without asking
    editor.reject()


def test_closing_with_unsaved_changes_asks(qtbot, page, monkeypatch):
    page.new_button.click()
    editor = page.editor
    qtbot.keyClicks(editor.title_en, "Half typed")
    asked = []
    monkeypatch.setattr(MicroCredentialEditor, "confirm_discard",
                        lambda self: asked.append(1) or False)  # fmt: skip
    editor.reject()
    assert asked == [1] and editor.isVisible()
    monkeypatch.setattr(MicroCredentialEditor, "confirm_discard", lambda self: True)
    editor.reject()
    assert not editor.isVisible()


def test_an_assessor_only_reads_the_catalogue(qtbot, page, campus):
    page.session.sign_in(campus.assessor)
    page.table.selectRow(0)
    assert not any(
        b.isEnabled()
        for b in (page.new_button, page.edit_button, page.publish_button, page.retire_button)
    )


def test_the_model_passes_qtmodeltester(qtmodeltester, page):
    qtmodeltester.check(page.model)


def test_editing_a_draft_keeps_what_the_editor_does_not_show(qtbot, page, campus):
    """Ids and the Urdu descriptors (hidden while English ones are shown) survive a save."""
    import copy

    from desktop.core.services import catalogue
    from tests.conftest import RUBRIC, micro_credential_data

    rubric = copy.deepcopy(RUBRIC)
    for criterion in rubric["criteria"]:
        criterion["descriptors_ur"] = ["ابتدائی", "ترقی پذیر", "ماہر", "مثالی"]
    with Store.open(campus.path) as store:
        draft = catalogue.create_micro_credential(
            store, campus.admin, {**micro_credential_data(campus.track_id, "MS-101"),
                                  "rubric": rubric},
        )  # fmt: skip
    page.refresh(draft["id"])
    qtbot.waitUntil(lambda: (page.selected() or {}).get("code") == "MS-101", timeout=10_000)
    page.edit()
    editor = page.editor
    editor.title_en.setText("Educational Leadership")
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        editor.save_button.click()
    with Store.open(campus.path, readonly=True) as store:
        saved = json.loads(store.get("micro_credentials", draft["id"])["rubric"])
        title = store.get("micro_credentials", draft["id"])["title_en"]
    assert title == "Educational Leadership"
    assert saved["criteria"][0]["descriptors_ur"] == ["ابتدائی", "ترقی پذیر", "ماہر", "مثالی"]
    assert [c["id"] for c in saved["criteria"]] == [c["id"] for c in json.loads(
        draft["rubric"])["criteria"]]  # fmt: skip


def test_national_records_are_read_only_at_a_campus(qtbot, page, campus):
    from desktop.core.services import catalogue
    from desktop.core.store import SYSTEM
    from tests.conftest import micro_credential_data

    with Store.open(campus.path) as store:
        national = catalogue.create_micro_credential(
            store, SYSTEM, micro_credential_data(campus.track_id, "NAT-1"), scope="national"
        )
    page.refresh(national["id"])
    qtbot.waitUntil(lambda: (page.selected() or {}).get("code") == "NAT-1", timeout=10_000)
    assert page.new_button.isEnabled()
    assert not page.edit_button.isEnabled() and not page.publish_button.isEnabled()
    page.session.head_office = True
    page.enable()
    assert page.edit_button.isEnabled() and page.publish_button.isEnabled()


URDU = {
    "Correctness": ["غلط", "کچھ درست", "درست", "درست اور وضاحت کے ساتھ"],
    "Testing": ["کوئی نہیں", "کچھ", "زیادہ تر راستے", "تمام راستے"],
}


def _stored_rubric(campus) -> dict:
    with Store.open(campus.path, readonly=True) as store:
        record = store.one("SELECT rubric FROM micro_credentials WHERE code = 'PL-101'")
    return json.loads(record["rubric"])


def test_write_the_descriptors_in_urdu_too(qtbot, page, campus):
    page.new_button.click()
    editor = page.editor
    _fill(qtbot, editor)
    editor.tabs.setCurrentIndex(3)
    editor.descriptor_language.setCurrentIndex(editor.descriptor_language.findData("ur"))
    assert editor.criteria.item(0, 2).text() == "", "the Urdu descriptors start empty"
    assert editor.criteria.item(0, 0).text() == "Correctness", "titles stay in view"
    assert editor.criteria.horizontalHeaderItem(5).text() == "مثالی", "the Urdu level names"
    for row, title in enumerate(URDU):
        for column, text in enumerate(URDU[title], 2):
            _set(editor.criteria, row, column, text)
    editor.descriptor_language.setCurrentIndex(editor.descriptor_language.findData("en"))
    assert editor.criteria.item(1, 5).text() == "All paths"
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        editor.save_button.click()
    rubric = _stored_rubric(campus)
    assert [c["descriptors_ur"] for c in rubric["criteria"]] == list(URDU.values())
    assert rubric["criteria"][1]["descriptors_en"][3] == "All paths"


def test_removing_a_level_removes_its_descriptors_in_both_languages(qtbot, page, campus):
    page.new_button.click()
    editor = page.editor
    _fill(qtbot, editor)
    editor.descriptor_language.setCurrentIndex(editor.descriptor_language.findData("ur"))
    for row, title in enumerate(URDU):
        for column, text in enumerate(URDU[title], 2):
            _set(editor.criteria, row, column, text)
    editor.levels.setCurrentCell(1, 0)  # "Developing", 1 point
    editor._remove_level()
    assert editor.criteria.item(0, 3).text() == "درست"
    editor.descriptor_language.setCurrentIndex(editor.descriptor_language.findData("en"))
    assert [editor.criteria.item(0, c).text() for c in range(2, 5)] == [
        "Wrong", "Right", "Right and explained"
    ]  # fmt: skip
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        editor.save_button.click()
    rubric = _stored_rubric(campus)
    assert [lvl["label_en"] for lvl in rubric["levels"]] == ["Beginning", "Proficient", "Exemplary"]
    assert rubric["criteria"][1]["descriptors_ur"] == ["کوئی نہیں", "زیادہ تر راستے", "تمام راستے"]


def test_urdu_descriptors_for_some_levels_only_are_refused(qtbot, page):
    page.new_button.click()
    editor = page.editor
    _fill(qtbot, editor)
    editor.descriptor_language.setCurrentIndex(editor.descriptor_language.findData("ur"))
    _set(editor.criteria, 0, 2, "غلط")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.marks.general.isVisible(), timeout=10_000)
    assert "has Urdu descriptors for some levels only" in editor.marks.general.text()
    assert editor.criteria.item(0, 2).text() == "غلط", "what was typed stays"
    editor.mark_pristine()
    editor.reject()
