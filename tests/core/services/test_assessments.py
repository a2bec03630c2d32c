"""Marking: an assigned assessor scores a submitted attempt against the rubric and decides."""

from __future__ import annotations

import itertools
import json

import pytest

from desktop.core.blobs import BlobStore
from desktop.core.errors import (
    IncompleteAssessment,
    InvalidInput,
    InvalidTransition,
    PermissionDenied,
)
from desktop.core.ids import new_id
from desktop.core.services import assessments, cohorts, enrolments, evidence, users
from desktop.core.store import Actor
from tests.conftest import database_bytes


def _enrol(campus, n=0):
    return enrolments.enrol(campus.store, campus.admin, campus.cohort_id, campus.learner_ids[n])[
        "id"
    ]


def _hand_in(campus, tmp_path, enrolment_id, text="The district data, cleaned and explained."):
    file_req, reflection_req = campus.requirement_ids
    work = tmp_path / "cleaned.csv"
    work.write_text(f"district,enrolled\n{text},1\n")
    blobs = BlobStore(tmp_path / "ev")
    evidence.add_file(campus.store, campus.admin, blobs, enrolment_id, file_req, work)
    evidence.add_reflection(campus.store, campus.admin, enrolment_id, reflection_req, text)
    return evidence.submit_attempt(campus.store, campus.admin, enrolment_id)


def _submitted(campus, tmp_path, n=0):
    enrolment_id = _enrol(campus, n)
    _hand_in(campus, tmp_path, enrolment_id)
    return enrolment_id


def _mark(
    campus, enrolment_id, decision="pass", scores=(2, 2), actor=None, feedback="Good.", blind=False
):
    if not isinstance(scores, dict):
        scores = dict(zip(campus.criterion_ids, scores, strict=True))
    return assessments.record_assessment(
        campus.store,
        actor or campus.assessor,
        enrolment_id,
        scores=scores,
        decision=decision,
        feedback=feedback,
        blind=blind,
    )


def _second_assessor(campus):
    users.create_user(
        campus.store,
        campus.admin,
        username="dr.nadia",
        display_name="Dr Nadia Jamil",
        role="assessor",
        password="another-good-password",
    )
    return users.authenticate(campus.store, "dr.nadia", "another-good-password")


def test_a_pass_passes_the_learner(campus, tmp_path):
    enrolment_id = _submitted(campus, tmp_path)
    first, second = campus.criterion_ids
    assessment = _mark(campus, enrolment_id, "pass", (3, 2), feedback="  Clear and careful. ")
    assert (assessment["attempt"], assessment["decision"]) == (1, "pass")
    assert assessment["marker_id"] == campus.assessor.user_id
    assert json.loads(assessment["scores"]) == {first: 3, second: 2}
    assert assessment["feedback"] == "Clear and careful."
    enrolment = enrolments.get_enrolment(campus.store, enrolment_id)
    assert (enrolment["status"], enrolment["attempt"]) == ("passed", 1)
    last = enrolments.history(campus.store, enrolment_id)[-1]
    assert (last["to_status"], last["reason"], last["actor"]) == (
        "passed",
        "assessed: pass",
        "Dr Farhan Qureshi",
    )
    audit = campus.store.one("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert audit["action"] == "assessment.record"
    assert json.loads(audit["detail"]) == {"attempt": 1, "decision": "pass", "total": 5}


def test_resubmit_opens_attempt_two_and_keeps_attempt_one(campus, tmp_path):
    enrolment_id = _submitted(campus, tmp_path)
    first = _mark(campus, enrolment_id, "resubmit", (1, 1), feedback="Explain the outliers.")
    enrolment = enrolments.get_enrolment(campus.store, enrolment_id)
    assert (enrolment["status"], enrolment["attempt"]) == ("resubmit", 2)
    assert evidence.attempt_evidence(campus.store, enrolment_id) == []
    kept = evidence.attempt_evidence(campus.store, enrolment_id, attempt=1)
    assert sorted(e["kind"] for e in kept) == ["file", "reflection"]

    with pytest.raises(InvalidInput, match="has nothing submitted yet"):
        evidence.submit_attempt(campus.store, campus.admin, enrolment_id)
    _hand_in(campus, tmp_path, enrolment_id, "Outliers in Turbat were data-entry errors.")
    assert enrolments.get_enrolment(campus.store, enrolment_id)["status"] == "submitted"
    second = _mark(campus, enrolment_id, "pass", (2, 2))
    assert (first["attempt"], second["attempt"]) == (1, 2)
    rows = campus.store.query(
        "SELECT attempt, decision FROM assessments WHERE enrolment_id = ? ORDER BY attempt",
        (enrolment_id,),
    )
    assert rows == [{"attempt": 1, "decision": "resubmit"}, {"attempt": 2, "decision": "pass"}]
    assert len(evidence.attempt_evidence(campus.store, enrolment_id, attempt=1)) == 2
    assert len(evidence.attempt_evidence(campus.store, enrolment_id, attempt=2)) == 2
    assert enrolments.get_enrolment(campus.store, enrolment_id)["status"] == "passed"


def test_a_fail_is_final(campus, tmp_path):
    enrolment_id = _submitted(campus, tmp_path)
    _mark(campus, enrolment_id, "fail", (0, 1), feedback="Plagiarised analysis.")
    enrolment = enrolments.get_enrolment(campus.store, enrolment_id)
    assert (enrolment["status"], enrolment["attempt"]) == ("failed", 1)
    with pytest.raises(InvalidTransition, match=r"cannot follow failed\. It is final"):
        enrolments.change_status(campus.store, campus.admin, enrolment_id, "withdrawn", "x")
    with pytest.raises(InvalidTransition, match="has no submitted attempt to mark"):
        _mark(campus, enrolment_id, "pass")


def test_an_assessor_marks_only_their_own_cohorts(campus, tmp_path):
    enrolment_id = _submitted(campus, tmp_path)
    nadia = _second_assessor(campus)
    before = database_bytes(campus.store)
    with pytest.raises(PermissionDenied) as caught:
        _mark(campus, enrolment_id, actor=nadia)
    assert "is not one of your cohorts. Ask the focal person to assign you" in str(caught.value)
    assert database_bytes(campus.store) == before
    cohorts.unassign_assessor(campus.store, campus.admin, campus.cohort_id, campus.assessor.user_id)
    with pytest.raises(PermissionDenied, match="is not one of your cohorts"):
        _mark(campus, enrolment_id)
    cohorts.assign_assessor(campus.store, campus.admin, campus.cohort_id, nadia.user_id)
    assert _mark(campus, enrolment_id, actor=nadia)["marker_id"] == nadia.user_id


def test_an_admin_may_mark_and_a_student_may_not(campus, tmp_path):
    first, second = _submitted(campus, tmp_path, 0), _submitted(campus, tmp_path, 1)
    student = Actor(new_id(), "Ayesha Khan", "student", campus.admin.campus_id)
    before = database_bytes(campus.store)
    with pytest.raises(PermissionDenied, match="role 'student': may not assess evidence"):
        _mark(campus, first, actor=student)
    outsider = Actor(new_id(), "Dr Gul", "assessor", "another-campus")
    with pytest.raises(PermissionDenied, match="belongs to another campus"):
        _mark(campus, first, actor=outsider)
    assert database_bytes(campus.store) == before
    assert _mark(campus, second, actor=campus.admin)["marker_id"] == campus.admin.user_id


@pytest.mark.parametrize("status", ["enrolled", "in_progress", "withdrawn"])
def test_nothing_is_marked_before_it_is_submitted(campus, status):
    enrolment_id = _enrol(campus)
    if status != "enrolled":
        enrolments.change_status(campus.store, campus.admin, enrolment_id, "in_progress")
    if status == "withdrawn":
        enrolments.change_status(campus.store, campus.admin, enrolment_id, status, "Left")
    before = database_bytes(campus.store)
    with pytest.raises(InvalidTransition) as caught:
        _mark(campus, enrolment_id)
    shown = status.replace("_", " ")
    assert f"enrolment '{shown}': has no submitted attempt to mark" in str(caught.value)
    assert database_bytes(campus.store) == before


@pytest.mark.parametrize("bad", [4, -1, 1.5, "2", None])
def test_a_score_must_be_a_rubric_level(campus, tmp_path, bad):
    enrolment_id = _submitted(campus, tmp_path)
    before = database_bytes(campus.store)
    with pytest.raises(IncompleteAssessment) as caught:
        _mark(campus, enrolment_id, "resubmit", (2, bad))
    assert "score for 'Analysis'" in str(caught.value)
    assert "is not a level of the rubric. Use one of 0, 1, 2 or 3" in str(caught.value)
    assert database_bytes(campus.store) == before


def test_a_yes_no_answer_is_not_a_score(campus, tmp_path):
    enrolment_id = _submitted(campus, tmp_path)
    with pytest.raises(IncompleteAssessment, match="is not a level of the rubric"):
        _mark(campus, enrolment_id, "resubmit", (2, True))


def test_a_score_for_an_unknown_criterion_is_refused(campus, tmp_path):
    enrolment_id = _submitted(campus, tmp_path)
    first, second = campus.criterion_ids
    before = database_bytes(campus.store)
    with pytest.raises(IncompleteAssessment) as caught:
        _mark(campus, enrolment_id, scores={first: 2, second: 2, "creativity": 3})
    assert "score 'creativity': is for a criterion not in this rubric" in str(caught.value)
    assert database_bytes(campus.store) == before


@pytest.mark.parametrize(
    ("decision", "feedback", "field"),
    [("maybe", "Fine.", "decision"), ("pass", "   ", "feedback"), ("pass", None, "feedback")],
)
def test_a_decision_and_feedback_are_required(campus, tmp_path, decision, feedback, field):
    enrolment_id = _submitted(campus, tmp_path)
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        _mark(campus, enrolment_id, decision, feedback=feedback)
    assert caught.value.fields == [field]
    assert database_bytes(campus.store) == before


@pytest.mark.parametrize(("a", "b"), list(itertools.product(range(4), repeat=2)))
def test_a_pass_follows_the_pass_rule_for_every_pair_of_scores(campus, tmp_path, a, b):
    enrolment_id = _submitted(campus, tmp_path)
    lawful = min(a, b) >= 1 and a + b >= 4
    if lawful:
        _mark(campus, enrolment_id, "pass", (a, b))
        assert enrolments.get_enrolment(campus.store, enrolment_id)["status"] == "passed"
    else:
        before = database_bytes(campus.store)
        with pytest.raises(IncompleteAssessment) as caught:
            _mark(campus, enrolment_id, "pass", (a, b))
        assert f"these scores total {a + b}, the lowest is {min(a, b)}" in str(caught.value)
        assert database_bytes(campus.store) == before
        _mark(campus, enrolment_id, "resubmit", (a, b))  # a resubmission is always allowed
        assert enrolments.get_enrolment(campus.store, enrolment_id)["status"] == "resubmit"
