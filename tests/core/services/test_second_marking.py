"""Blind second marking for quality assurance: marked alone, compared, disagreements held until
the focal person resolves them; and the queue, backlog and turnaround the screens show."""

from __future__ import annotations

import pytest

from desktop.core.errors import InvalidInput, InvalidTransition, PermissionDenied
from desktop.core.marking_lists import (
    QueueFilter,
    backlog_by_assessor,
    backlog_by_cohort,
    marking_queue,
    turnaround_days,
)
from desktop.core.services import assessments, cohorts, enrolments
from tests.core.services.test_assessments import _mark, _second_assessor, _submitted


@pytest.fixture
def two_markers(campus):
    second = _second_assessor(campus)
    cohorts.assign_assessor(campus.store, campus.admin, campus.cohort_id, second.user_id)
    return campus.assessor, second


def _status(campus, enrolment_id):
    return enrolments.get_enrolment(campus.store, enrolment_id)["status"]


def test_a_blind_marking_decides_nothing_by_itself(campus, tmp_path, two_markers):
    _first, second = two_markers
    enrolment_id = _submitted(campus, tmp_path)
    _mark(campus, enrolment_id, "pass", actor=second, blind=True)
    assert _status(campus, enrolment_id) == "submitted"
    queue = marking_queue(campus.store.conn, QueueFilter(campus.admin.campus_id))
    assert [(q["state"], q["blind_markings"]) for q in queue] == [("to_mark", 1)]


def test_agreeing_markings_take_effect_at_once(campus, tmp_path, two_markers):
    first, second = two_markers
    enrolment_id = _submitted(campus, tmp_path)
    _mark(campus, enrolment_id, "pass", actor=second, blind=True)
    _mark(campus, enrolment_id, "pass", actor=first)
    assert _status(campus, enrolment_id) == "passed"
    assert marking_queue(campus.store.conn, QueueFilter(campus.admin.campus_id)) == []


def test_disagreeing_markings_are_held_until_the_focal_person_resolves(
    campus, tmp_path, two_markers
):
    first, second = two_markers
    enrolment_id = _submitted(campus, tmp_path)
    blind = _mark(campus, enrolment_id, "resubmit", scores=(1, 1), actor=second, blind=True,
                  feedback="The analysis is missing its explanation.")  # fmt: skip
    deciding = _mark(campus, enrolment_id, "pass", actor=first)
    assert _status(campus, enrolment_id) == "submitted"  # held
    queue = marking_queue(campus.store.conn, QueueFilter(campus.admin.campus_id))
    assert queue[0]["state"] == "disagreement"
    with pytest.raises(InvalidTransition, match="its markings disagree"):
        _mark(campus, enrolment_id, "fail", scores=(0, 0), actor=campus.admin)
    with pytest.raises(PermissionDenied):
        assessments.resolve_disagreement(campus.store, first, enrolment_id, deciding["id"], "ok")
    with pytest.raises(InvalidInput, match="is required"):
        assessments.resolve_disagreement(campus.store, campus.admin, enrolment_id, blind["id"], "")
    assessments.resolve_disagreement(
        campus.store, campus.admin, enrolment_id, blind["id"], "Moderated: explanation missing"
    )
    enrolment = enrolments.get_enrolment(campus.store, enrolment_id)
    assert (enrolment["status"], enrolment["attempt"]) == ("resubmit", 2)
    events = enrolments.history(campus.store, enrolment_id)
    assert events[-1]["reason"] == "resolved: Moderated: explanation missing"
    audit = campus.store.one("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert audit["action"] == "assessment.resolve"


def test_nothing_to_resolve_is_refused(campus, tmp_path, two_markers):
    first, _second = two_markers
    enrolment_id = _submitted(campus, tmp_path)
    mark = _mark(campus, enrolment_id, "pass", actor=first)
    with pytest.raises(InvalidTransition, match="has no markings that disagree"):
        assessments.resolve_disagreement(campus.store, campus.admin, enrolment_id, mark["id"], "x")


def test_a_blind_marker_sees_no_other_marks_until_it_is_decided(campus, tmp_path, two_markers):
    first, second = two_markers
    enrolment_id = _submitted(campus, tmp_path)
    _mark(campus, enrolment_id, "pass", actor=second, blind=True)
    assert assessments.attempt_markings(campus.store, first, enrolment_id) == []
    assert len(assessments.attempt_markings(campus.store, second, enrolment_id)) == 1
    assert len(assessments.attempt_markings(campus.store, campus.admin, enrolment_id)) == 1


def test_no_one_marks_the_same_attempt_twice(campus, tmp_path, two_markers):
    _first, second = two_markers
    enrolment_id = _submitted(campus, tmp_path)
    _mark(campus, enrolment_id, "pass", actor=second, blind=True)
    with pytest.raises(InvalidTransition, match="has already been marked by you"):
        _mark(campus, enrolment_id, "pass", actor=second)


def test_an_assessor_queue_holds_their_cohorts_only(campus, tmp_path, two_markers):
    first, second = two_markers
    _submitted(campus, tmp_path)
    cohorts.unassign_assessor(campus.store, campus.admin, campus.cohort_id, second.user_id)
    conn = campus.store.conn
    assert len(marking_queue(conn, QueueFilter(campus.admin.campus_id, first.user_id))) == 1
    assert marking_queue(conn, QueueFilter(campus.admin.campus_id, second.user_id)) == []
    assert marking_queue(conn, QueueFilter(campus.admin.campus_id, micro_code="XX-000")) == []
    assert marking_queue(conn, QueueFilter(campus.admin.campus_id, waiting_days=3)) == []


def test_backlog_and_turnaround(campus, tmp_path, two_markers):
    first, _second = two_markers
    decided = _submitted(campus, tmp_path)
    _submitted(campus, tmp_path, n=1)
    _mark(campus, decided, "pass", actor=first)
    conn = campus.store.conn
    by_cohort = backlog_by_cohort(conn, campus.admin.campus_id)
    assert [(r["code"], r["waiting"], r["oldest_days"]) for r in by_cohort] == [("DA-101-A", 1, 0)]
    assert "Dr Farhan Qureshi" in by_cohort[0]["assessors"]
    by_person = {r["display_name"]: r for r in backlog_by_assessor(conn, campus.admin.campus_id)}
    assert by_person["Dr Farhan Qureshi"]["waiting"] == 1
    assert by_person["Dr Farhan Qureshi"]["turnaround_days"] == 0.0
    assert by_person["Dr Nadia Jamil"]["turnaround_days"] is None
    assert turnaround_days(conn, campus.admin.campus_id) == 0.0


def test_reassigning_a_cohort_moves_its_waiting_work(campus, tmp_path, two_markers):
    first, second = two_markers
    _submitted(campus, tmp_path)
    conn, campus_id = campus.store.conn, campus.admin.campus_id
    cohorts.set_assessors(campus.store, campus.admin, campus.cohort_id, [second.user_id])
    assert marking_queue(conn, QueueFilter(campus_id, first.user_id)) == []
    assert len(marking_queue(conn, QueueFilter(campus_id, second.user_id))) == 1
    audit = campus.store.one("SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert audit["action"] == "cohort.assessors"
    with pytest.raises(InvalidInput, match="would have nobody to mark its work"):
        cohorts.set_assessors(campus.store, campus.admin, campus.cohort_id, [])
    with pytest.raises(PermissionDenied):
        cohorts.set_assessors(campus.store, first, campus.cohort_id, [first.user_id])
    cohorts.set_assessors(campus.store, campus.admin, campus.cohort_id,
                          [first.user_id, second.user_id])  # fmt: skip
    assert len(marking_queue(conn, QueueFilter(campus_id, first.user_id))) == 1
