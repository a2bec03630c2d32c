"""Enrolments: who takes a seat, and the lawful moves of an enrolment through its life."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.blobs import BlobStore
from desktop.core.errors import (
    CohortClosed,
    CohortFull,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
)
from desktop.core.ids import new_id
from desktop.core.services import assessments, cohorts, enrolments, evidence
from desktop.core.store import SYSTEM, Actor, Store
from tests.conftest import copy_database, database_bytes


def _enrol(campus, n=0):
    return enrolments.enrol(campus.store, campus.admin, campus.cohort_id, campus.learner_ids[n])


def _change(campus, enrolment_id, to_status, reason=None):
    return enrolments.change_status(campus.store, campus.admin, enrolment_id, to_status, reason)


def _passed(campus, tmp_path):
    enrolment = _enrol(campus)
    file_req, reflection_req = campus.requirement_ids
    work = tmp_path / "cleaned.csv"
    work.write_text("district,enrolled\nQuetta,120\n")
    store, admin = campus.store, campus.admin
    evidence.add_file(store, admin, BlobStore(tmp_path / "ev"), enrolment["id"], file_req, work)
    evidence.add_link(store, admin, enrolment["id"], reflection_req, "https://example.org/da")
    evidence.submit_attempt(store, admin, enrolment["id"])
    assessments.record_assessment(
        store,
        campus.assessor,
        enrolment["id"],
        scores=dict.fromkeys(campus.criterion_ids, 2),
        decision="pass",
        feedback="Well done.",
    )
    return enrolment["id"]


def test_enrol_many_reports_who_was_already_enrolled(campus):
    first, second, third = campus.learner_ids[:3]
    _enrol(campus, 0)
    result = enrolments.enrol_many(
        campus.store, campus.admin, campus.cohort_id, [first, second, second, third]
    )
    assert result.already_enrolled == [first]
    assert [e["learner_id"] for e in result.created] == [second, third]
    assert {e["status"] for e in result.created} == {"enrolled"}
    assert {e["attempt"] for e in result.created} == {1}
    audit = campus.store.one("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert audit["action"] == "enrolment.create"
    assert json.loads(audit["detail"]) == {"code": "DA-101-A", "enrolled": 2}
    for created in result.created:
        (event,) = enrolments.history(campus.store, created["id"])
        assert (event["from_status"], event["to_status"], event["actor"]) == (
            None,
            "enrolled",
            "Sana Mirza",
        )


def test_enrolling_only_those_already_enrolled_writes_nothing(campus):
    _enrol(campus, 0)
    before = database_bytes(campus.store)
    result = enrolments.enrol_many(
        campus.store, campus.admin, campus.cohort_id, campus.learner_ids[:1]
    )
    assert (result.created, result.already_enrolled) == ([], campus.learner_ids[:1])
    with pytest.raises(InvalidTransition, match="'QAU-2026-0001': is already enrolled"):
        _enrol(campus, 0)
    assert database_bytes(campus.store) == before


def test_a_learner_of_another_campus_is_not_enrolled(campus):
    campus_id = new_id()
    with campus.store.transaction(SYSTEM) as tx:
        tx.insert(
            "campuses", {"id": campus_id, "code": "UOP", "name_en": "Peshawar"}, owner=campus_id
        )
        outsider = tx.insert(
            "learners",
            {"campus_id": campus_id, "registration_no": "UOP-2026-0001", "full_name": "Gul Bibi"},
            owner=campus_id,
        )
        tx.audit("test.other_campus", "campuses", campus_id)
    before = database_bytes(campus.store)
    with pytest.raises(InvalidTransition) as caught:
        enrolments.enrol_many(
            campus.store, campus.admin, campus.cohort_id, [campus.learner_ids[0], outsider["id"]]
        )
    assert "learner 'UOP-2026-0001': is registered at another campus" in str(caught.value)
    with pytest.raises(NotFound, match="learner 'nobody': does not exist"):
        enrolments.enrol(campus.store, campus.admin, campus.cohort_id, "nobody")
    assert database_bytes(campus.store) == before


@pytest.mark.parametrize("role", ["assessor", "student"])
def test_only_an_admin_enrols(campus, role):
    actor = Actor(new_id(), "Someone", role, campus.admin.campus_id)
    before = database_bytes(campus.store)
    with pytest.raises(PermissionDenied, match=f"role '{role}': may not enrol learners"):
        enrolments.enrol(campus.store, actor, campus.cohort_id, campus.learner_ids[0])
    assert database_bytes(campus.store) == before


def test_a_cohort_that_has_ended_takes_nobody(campus):
    past = dt.date.today() - dt.timedelta(days=30)
    old = cohorts.create_cohort(
        campus.store,
        campus.admin,
        micro_credential_id=campus.micro_credential_id,
        code="DA-101-OLD",
        starts_on=(past - dt.timedelta(days=60)).isoformat(),
        ends_on=past.isoformat(),
        mode="online",
        capacity=10,
    )
    with pytest.raises(CohortClosed, match=f"cohort 'DA-101-OLD': ended on {past.isoformat()}"):
        enrolments.enrol(campus.store, campus.admin, old["id"], campus.learner_ids[0])


def test_lawful_moves_start_withdraw_and_reinstate(campus):
    enrolment = _enrol(campus)
    started = _change(campus, enrolment["id"], "in_progress")
    assert (started["status"], started["version"]) == ("in_progress", 2)
    withdrawn = _change(campus, enrolment["id"], "withdrawn", "  Family moved  to Gilgit ")
    assert withdrawn["status"] == "withdrawn"
    back = _change(campus, enrolment["id"], "enrolled", "Returned after the move")
    assert (back["status"], back["attempt"]) == ("enrolled", 1)
    audit = campus.store.one("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert audit["action"] == "enrolment.status"
    assert json.loads(audit["detail"]) == {
        "from": "withdrawn",
        "to": "enrolled",
        "reason": "Returned after the move",
    }


@pytest.mark.parametrize(
    ("to_status", "reason", "error", "message"),
    [
        ("passed", None, InvalidTransition, "status 'passed': cannot follow enrolled. Record an"),
        ("failed", "x", InvalidTransition, "Record an assessment of the submitted work instead"),
        ("submitted", None, InvalidTransition, "The learner submits an attempt"),
        ("enrolled", "x", InvalidTransition, "It can become in_progress or withdrawn"),
        ("graduated", None, InvalidTransition, "status 'graduated': cannot follow enrolled"),
        ("withdrawn", None, InvalidInput, "reason (empty): is required"),
        ("withdrawn", "   ", InvalidInput, "reason '   ': is required"),
    ],
)
def test_unlawful_moves_are_refused(campus, to_status, reason, error, message):
    enrolment = _enrol(campus)
    before = database_bytes(campus.store)
    with pytest.raises(error) as caught:
        _change(campus, enrolment["id"], to_status, reason)
    assert message in str(caught.value)
    assert database_bytes(campus.store) == before


def test_a_passed_enrolment_is_final(campus, tmp_path):
    enrolment_id = _passed(campus, tmp_path)
    before = database_bytes(campus.store)
    for to_status in ("withdrawn", "enrolled", "in_progress"):
        with pytest.raises(InvalidTransition) as caught:
            _change(campus, enrolment_id, to_status, "Asked by the learner")
        assert "cannot follow passed. It is final" in str(caught.value)
    assert database_bytes(campus.store) == before


def test_reinstating_into_a_full_cohort_is_refused(campus):
    result = enrolments.enrol_many(
        campus.store, campus.admin, campus.cohort_id, campus.learner_ids[:3]
    )
    leaver = result.created[0]["id"]
    _change(campus, leaver, "withdrawn", "Took a job in Karachi")
    _enrol(campus, 3)  # the freed seat is taken
    before = database_bytes(campus.store)
    with pytest.raises(CohortFull, match="cohort 'DA-101-A': has no seats left"):
        _change(campus, leaver, "enrolled", "Job fell through")
    assert database_bytes(campus.store) == before
    cohorts.close_cohort(campus.store, campus.admin, campus.cohort_id)
    cohorts.update_cohort(campus.store, campus.admin, campus.cohort_id, {"capacity": 4})
    with pytest.raises(CohortClosed, match="is closed to new enrolments"):
        _change(campus, leaver, "enrolled", "Job fell through")


def test_history_is_oldest_first_with_names_and_reasons(campus):
    enrolment = _enrol(campus)
    _change(campus, enrolment["id"], "in_progress")
    _change(campus, enrolment["id"], "withdrawn", "Illness")
    _change(campus, enrolment["id"], "enrolled", "Recovered")
    events = enrolments.history(campus.store, enrolment["id"])
    assert [(e["from_status"], e["to_status"], e["reason"]) for e in events] == [
        (None, "enrolled", None),
        ("enrolled", "in_progress", None),
        ("in_progress", "withdrawn", "Illness"),
        ("withdrawn", "enrolled", "Recovered"),
    ]
    assert {e["actor"] for e in events} == {"Sana Mirza"}
    assert [e["at"] for e in events] == sorted(e["at"] for e in events)
    assert enrolments.history(campus.store, "no-such-enrolment") == []


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(capacity=st.integers(1, 6), chosen=st.integers(0, 5), withdrawn=st.integers(0, 2))
def test_enrol_many_succeeds_exactly_when_the_seats_suffice(
    campus_template, tmp_path, capacity, chosen, withdrawn
):
    template, ids = campus_template
    path = copy_database(template, tmp_path / f"{uuid.uuid4().hex}.db")
    store = Store.open(path)
    admin, cohort_id, learners = ids["admin"], ids["cohort_id"], ids["learner_ids"]
    try:
        # Some learners enrol and leave first: a withdrawn learner holds no seat.
        leavers = enrolments.enrol_many(store, admin, cohort_id, learners[:withdrawn]).created
        for e in leavers:
            enrolments.change_status(store, admin, e["id"], "withdrawn", "Left")
        cohorts.update_cohort(store, admin, cohort_id, {"capacity": capacity})
        wanted = learners[withdrawn : withdrawn + chosen]
        before = database_bytes(store)
        if len(wanted) <= capacity:
            result = enrolments.enrol_many(store, admin, cohort_id, wanted)
            assert [e["learner_id"] for e in result.created] == wanted
        else:
            with pytest.raises(CohortFull) as caught:
                enrolments.enrol_many(store, admin, cohort_id, wanted)
            assert f"has {capacity} of {capacity} seats left, and {len(wanted)}" in str(
                caught.value
            )
            assert database_bytes(store) == before
        taken = store.scalar(
            "SELECT COUNT(*) FROM enrolments WHERE cohort_id = ? AND status != 'withdrawn'",
            (cohort_id,),
        )
        assert taken <= capacity
    finally:
        store.close()
