"""The Marking screen: an assessor's queue, marking a submission against the rubric with its
evidence in view, blind second marking, and the focal person resolving a disagreement."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.core.blobs import BlobStore
from desktop.core.paths import evidence_dir
from desktop.core.services import cohorts, enrolments, evidence, users
from desktop.core.store import Store
from desktop.ui.marking import MarkingPage
from desktop.ui.marking_dialog import MarkingDialog
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner
from tests.ui.dialogs import when_shown


@pytest.fixture
def submitted(qapp, campus, tmp_path):
    """Ayesha's attempt, handed in with a CSV, a photo and a reflection; a second assessor."""
    store, admin = campus.store, campus.admin
    enrolment_id = enrolments.enrol(store, admin, campus.cohort_id, campus.learner_ids[0])["id"]
    file_req, reflection_req = campus.requirement_ids
    blobs = BlobStore(evidence_dir(campus.path))
    work = tmp_path / "cleaned.csv"
    work.write_text("district,enrolled\nQuetta,120\n")
    evidence.add_file(store, admin, blobs, enrolment_id, file_req, work)
    photo = tmp_path / "chart.png"
    chart = QImage(40, 30, QImage.Format.Format_RGB32)
    chart.fill(0x2E86C1)
    assert chart.save(str(photo), "PNG")
    evidence.add_file(store, admin, blobs, enrolment_id, file_req, photo)
    evidence.add_reflection(store, admin, enrolment_id, reflection_req,
                            "I removed duplicate rows and explained each choice.")  # fmt: skip
    evidence.submit_attempt(store, admin, enrolment_id)
    second = users.create_user(store, admin, username="dr.nadia", display_name="Dr Nadia Jamil",
                               role="assessor", password="another-good-password")  # fmt: skip
    cohorts.assign_assessor(store, admin, campus.cohort_id, second["id"])
    nadia = users.authenticate(store, "dr.nadia", "another-good-password")
    store.close()
    return enrolment_id, nadia


@pytest.fixture
def runner(campus, submitted):
    runner = TaskRunner(campus.path)
    yield runner
    runner.close()


def _mark(qtbot, dialog, levels, decision, feedback, blind=False):
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    for criterion, points in levels.items():
        button = next(b for b in dialog.levels[criterion].buttons()
                      if b.property("points") == points)  # fmt: skip
        button.click()
    next(b for b in dialog.decision.buttons() if b.property("decision") == decision).click()
    dialog.feedback.setPlainText(feedback)
    dialog.blind.setChecked(blind)


def _page(qtbot, runner, actor):
    page = MarkingPage(runner, Session(actor))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.queue.rowCount() == 1, timeout=10_000)
    return page


def test_the_assessor_sees_the_submission_with_its_evidence(qtbot, campus, runner, submitted):
    page = _page(qtbot, runner, campus.assessor)
    model = page.queue
    assert model.data(model.index(0, 1)) == "Ayesha Khan"
    assert model.data(model.index(0, 5)) == "0 days"
    assert model.data(model.index(0, 6)) == "To mark"
    assert page.count_label.text() == "1 submission waiting"
    dialog = MarkingDialog(runner, Session(campus.assessor), submitted[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.evidence_list.count() == 3, timeout=10_000)
    assert "Ayesha Khan" in dialog.heading.text() and "attempt 1" in dialog.heading.text()
    dialog.evidence_list.setCurrentRow(0)
    assert dialog.viewer.currentWidget() is dialog.text
    assert "Quetta,120" in dialog.text.toPlainText()
    dialog.evidence_list.setCurrentRow(1)
    assert not dialog.image.pixmap().isNull()  # the photo, inside the app
    dialog.evidence_list.setCurrentRow(2)
    assert "duplicate rows" in dialog.text.toPlainText()
    assert dialog.rule_label.text() == "2 criteria still to score"


def test_mark_a_resubmission_with_feedback(qtbot, campus, runner, submitted):
    enrolment_id, _nadia = submitted
    page = _page(qtbot, runner, campus.assessor)
    page.table.selectRow(0)

    def mark(dialog):
        qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
        criteria = [c["id"] for c in dialog.data["rubric"]["criteria"]]
        _mark(qtbot, dialog, {criteria[0]: 1, criteria[1]: 1}, "pass", "")
        assert dialog.rule_label.text() == "Total 2: does not meet the pass rule"
        dialog.save_button.click()  # a pass that breaks the rule, no feedback: refused
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
        assert "breaks the pass rule" in dialog.message.text()
        next(b for b in dialog.decision.buttons() if b.property("decision") == "resubmit").click()
        dialog.feedback.setPlainText("Explain why each duplicate was removed.")
        dialog.save_button.click()

    when_shown(MarkingDialog, mark)
    with qtbot.waitSignal(page.changed, timeout=10_000):
        page.open_button.click()
    assert page.queue.rowCount() == 0
    with Store.open(campus.path, readonly=True) as store:
        enrolment = enrolments.get_enrolment(store, enrolment_id)
    assert (enrolment["status"], enrolment["attempt"]) == ("resubmit", 2)


def test_blind_second_marking_then_a_disagreement_resolved(qtbot, campus, runner, submitted):
    enrolment_id, nadia = submitted
    criteria = None

    def blind_mark(dialog):
        nonlocal criteria
        qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
        criteria = [c["id"] for c in dialog.data["rubric"]["criteria"]]
        _mark(qtbot, dialog, {criteria[0]: 1, criteria[1]: 1}, "resubmit",
              "The analysis needs its reasons.", blind=True)  # fmt: skip
        dialog.save_button.click()

    when_shown(MarkingDialog, blind_mark)
    assert MarkingDialog.ask(runner, Session(nadia), enrolment_id)

    def first_marker(dialog):
        qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
        assert dialog.markings.text() == ""  # the blind marking is not shown to him
        _mark(qtbot, dialog, {criteria[0]: 3, criteria[1]: 3}, "pass", "Clear and complete.")
        dialog.save_button.click()

    when_shown(MarkingDialog, first_marker)
    assert MarkingDialog.ask(runner, Session(campus.assessor), enrolment_id)
    page = _page(qtbot, runner, campus.admin)
    assert page.queue.data(page.queue.index(0, 6)) == (
        "Markings disagree: the focal person resolves"
    )

    def resolve(dialog):
        qtbot.waitUntil(lambda: dialog.resolution.isVisible(), timeout=10_000)
        assert "Dr Nadia Jamil (blind second marking): Ask for a resubmission" in (
            dialog.markings.text()
        )
        dialog.chosen_marking.setCurrentIndex(
            next(i for i in range(dialog.chosen_marking.count())
                 if "Farhan" in dialog.chosen_marking.itemText(i))
        )  # fmt: skip
        dialog.resolution_reason.setText("Moderated: the reasons are in the reflection")
        dialog.resolve_button.click()

    when_shown(MarkingDialog, resolve)
    assert MarkingDialog.ask(runner, Session(campus.admin), enrolment_id)
    with Store.open(campus.path, readonly=True) as store:
        assert enrolments.get_enrolment(store, enrolment_id)["status"] == "passed"


def test_the_queue_model_passes_qtmodeltester(qtbot, qtmodeltester, campus, runner):
    page = _page(qtbot, runner, campus.assessor)
    qtmodeltester.check(page.queue)


def test_the_focal_person_sees_the_backlog_and_reassigns_a_cohort(qtbot, campus, runner,
                                                                   submitted):  # fmt: skip
    from desktop.ui.marking_backlog import AssessorsDialog

    _enrolment_id, nadia = submitted
    page = _page(qtbot, runner, campus.admin)
    assert page.tabs.isTabVisible(1)
    with qtbot.waitSignal(page.backlog.loaded, timeout=10_000):
        page.tabs.setCurrentIndex(1)
    backlog = page.backlog
    assert backlog.summary.text() == "1 attempt waiting to be marked"
    assert backlog.by_cohort.data(backlog.by_cohort.index(0, 0)) == "DA-101-A"
    by_name = {r["display_name"]: r for r in backlog.by_assessor.rows}
    assert by_name["Dr Farhan Qureshi"]["waiting"] == 1
    backlog.cohort_table.selectRow(0)

    def only_nadia(dialog: AssessorsDialog):
        qtbot.waitUntil(lambda: dialog.people.count() >= 2, timeout=10_000)
        for i in range(dialog.people.count()):
            item = dialog.people.item(i)
            keep = item.text() == "Dr Nadia Jamil"
            item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
        dialog.save_button.click()

    when_shown(AssessorsDialog, only_nadia)
    with qtbot.waitSignal(backlog.loaded, timeout=10_000):
        backlog.assessors_button.click()
    assert backlog.by_cohort.data(backlog.by_cohort.index(0, 4)) == "Dr Nadia Jamil"
    assessor_page = _page(qtbot, runner, nadia)
    assert not assessor_page.tabs.isTabVisible(1)
    assert assessor_page.queue.rowCount() == 1


def test_an_assessor_narrows_the_queue_by_cohort(qtbot, campus, runner, submitted):
    page = _page(qtbot, runner, campus.assessor)
    assert page.cohort_filter.itemText(1) == "DA-101-A"
    page.cohort_filter.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.current_filter().cohort_id is not None, timeout=10_000)
    qtbot.waitUntil(lambda: page.queue.rowCount() == 1, timeout=10_000)


def test_a_pdf_is_shown_inside_the_app(qtbot, campus, tmp_path):
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
    from PySide6.QtPdf import QPdfDocument

    pdf = tmp_path / "report.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 200, "District enrolment report")
    painter.end()
    store, admin = campus.store, campus.admin
    enrolment_id = enrolments.enrol(store, admin, campus.cohort_id, campus.learner_ids[2])["id"]
    evidence.add_file(store, admin, BlobStore(evidence_dir(campus.path)), enrolment_id,
                      campus.requirement_ids[0], pdf)  # fmt: skip
    store.close()
    runner = TaskRunner(campus.path)
    try:
        dialog = MarkingDialog(runner, Session(campus.admin), enrolment_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.evidence_list.count() == 1, timeout=10_000)
        assert dialog.viewer.currentWidget() is dialog.pdf
        qtbot.waitUntil(
            lambda: dialog.pdf_document.status() == QPdfDocument.Status.Ready, timeout=10_000
        )
        assert dialog.pdf_document.pageCount() == 1
        assert not dialog.save_button.isEnabled()  # not submitted: nothing to mark yet
    finally:
        runner.close()
