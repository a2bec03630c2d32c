"""Importing a CSV through the wizard, as the focal person does it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from desktop.core.store import Store
from desktop.ui.learner_import import LearnerImportWizard
from desktop.ui.learners import LearnersPage
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner
from tests.core.test_learner_import import HEADER, ROWS


@pytest.fixture
def setting(qtbot, campus, tmp_path):
    campus.store.close()
    runner = TaskRunner(campus.path)
    page = LearnersPage(runner, Session(campus.admin))
    qtbot.addWidget(page)
    path = tmp_path / "learners.csv"
    path.write_bytes(("\n".join([HEADER, *ROWS]) + "\n").encode("utf-8-sig"))
    yield runner, page, path, campus
    runner.close()


def _to_check_page(qtbot, wizard: LearnerImportWizard, path) -> None:
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()  # reads the file on a reader thread, then moves on
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    assert wizard.mapping_page.choices["cnic"].currentText() == "CNIC"
    assert wizard.mapping_page.choices["email"].currentText() == "(not in the file)"
    assert wizard.mapping_page.sample.rowCount() == 5
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.plan is not None, timeout=10_000)


def test_a_csv_with_three_bad_rows(qtbot, setting):
    _runner, page, path, campus = setting
    page.import_button.click()
    wizard = page.wizard
    _to_check_page(qtbot, wizard, path)
    check = wizard.check_page
    assert check.summary.text() == ("3 learners are ready to import. 3 rows will be left out:")
    lines = [check.problems.item(r, 0).text() for r in range(check.problems.rowCount())]
    assert lines == ["4", "5", "7"]
    assert check.problems.item(0, 1).text() == "CNIC"
    assert check.save.isVisible()
    with qtbot.waitSignal(wizard.imported, timeout=10_000) as imported:
        wizard.next()  # the commit page: import
    assert imported.args == [3]
    assert wizard.import_page.message.text() == "3 learners imported."
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible() or not (
        wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    )
    qtbot.waitUntil(lambda: page.model.total == 8, timeout=10_000)
    with Store.open(campus.path, readonly=True) as store:
        names = {r["full_name"] for r in store.query("SELECT full_name FROM learners")}
    assert {"Mehwish Soomro", "Danish Bugti", "Urooj Khattak"} <= names
    wizard.close()


def test_stopping_the_import_imports_nothing(qtbot, setting, monkeypatch):
    runner, _page, path, campus = setting
    wizard = LearnerImportWizard(runner, Session(campus.admin))
    qtbot.addWidget(wizard)
    _to_check_page(qtbot, wizard, path)
    # The stop is pressed before the writer gets to the first batch.
    monkeypatch.setattr("desktop.ui.tasks.Progress.cancelled", lambda self: True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.finished, timeout=10_000)
    assert wizard.import_page.message.text() == "Stopped. Nothing was imported."
    with Store.open(campus.path, readonly=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM learners") == 5


def test_a_missing_file_is_said_and_the_path_kept(qtbot, setting, tmp_path):
    runner, _page, _path, campus = setting
    wizard = LearnerImportWizard(runner, Session(campus.admin))
    qtbot.addWidget(wizard)
    wizard.show()
    missing = str(tmp_path / "nowhere.csv")
    wizard.file_page.path.setText(missing)
    wizard.next()
    qtbot.waitUntil(lambda: "does not exist" in wizard.file_page.message.text(), timeout=10_000)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.path.text() == missing


def test_only_admins_are_offered_the_import(qtbot, setting):
    _runner, page, _path, campus = setting
    assert not page.import_button.isHidden()
    page.session.sign_in(campus.assessor)
    assert page.import_button.isHidden()


def test_the_list_of_problems_is_saved_or_the_failure_said(qtbot, setting, monkeypatch):
    from desktop.ui.learner_import import _CheckPage

    _runner, page, path, _campus = setting
    page.import_button.click()
    wizard = page.wizard
    _to_check_page(qtbot, wizard, path)
    report = path.with_name("problems.csv")
    monkeypatch.setattr(_CheckPage, "choose_report_file", lambda self: str(report))
    wizard.check_page.save.click()
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "line,column,value,problem" and lines[1].startswith("4,CNIC,12345,")

    unplugged = path.with_name("unplugged") / "problems.csv"
    monkeypatch.setattr(_CheckPage, "choose_report_file", lambda self: str(unplugged))
    wizard.check_page.save.click()
    assert "could not be written (No such file or directory)" in wizard.check_page.summary.text()
    wizard.close()
