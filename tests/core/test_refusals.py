"""Refused changes: a clear error naming the field, the value and what to do, and a database
that is byte-for-byte what it was."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core.errors import (
    CohortClosed,
    CohortFull,
    Duplicate,
    Immutable,
    IncompleteAssessment,
    InvalidInput,
)
from desktop.core.services import assessments, cohorts, credentials, enrolments, evidence
from desktop.core.services import learners as learner_service
from tests.conftest import database_bytes


def _submitted(campus, tmp_path) -> str:
    """An enrolment with evidence for both requirements, submitted for marking."""
    store, admin = campus.store, campus.admin
    enrolment = enrolments.enrol(store, admin, campus.cohort_id, campus.learner_ids[0])
    work = tmp_path / "cleaned.csv"
    work.write_text("district,enrolled\nQuetta,120\n")
    file_req, reflection_req = campus.requirement_ids
    from desktop.core.blobs import BlobStore

    evidence.add_file(store, admin, BlobStore(tmp_path / "ev"), enrolment["id"], file_req, work)
    evidence.add_reflection(
        store, admin, enrolment["id"], reflection_req, "I cleaned the district data carefully."
    )
    evidence.submit_attempt(store, admin, enrolment["id"])
    return enrolment["id"]


def test_invalid_cnic(campus):
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        learner_service.register_learner(
            campus.store,
            campus.admin,
            {"registration_no": "QAU-2026-9001", "full_name": "Kiran Awan", "cnic": "35202-12345"},
        )
    message = str(caught.value)
    assert "CNIC '35202-12345'" in message
    assert "13 digits" in message and "this has 10" in message
    assert "Type the number exactly as it is printed on the card" in message
    assert caught.value.fields == ["cnic"]
    assert database_bytes(campus.store) == before


def test_duplicate_registration_number(campus):
    before = database_bytes(campus.store)
    with pytest.raises(Duplicate) as caught:
        learner_service.register_learner(
            campus.store,
            campus.admin,
            {"registration_no": "qau-2026-0001", "full_name": "Someone Else"},
        )
    assert "registration number 'QAU-2026-0001': already belongs to Ayesha Khan" in str(
        caught.value
    )
    assert database_bytes(campus.store) == before


def test_enrolment_into_a_full_cohort(campus):
    enrolments.enrol_many(campus.store, campus.admin, campus.cohort_id, campus.learner_ids[:3])
    before = database_bytes(campus.store)
    with pytest.raises(CohortFull) as caught:
        enrolments.enrol(campus.store, campus.admin, campus.cohort_id, campus.learner_ids[3])
    assert "cohort 'DA-101-A': has 0 of 3 seats left" in str(caught.value)
    assert "Raise the capacity" in str(caught.value)
    assert database_bytes(campus.store) == before


def test_enrolling_more_than_the_seats_left_enrols_nobody(campus):
    before = database_bytes(campus.store)
    with pytest.raises(CohortFull, match="has 3 of 3 seats left, and 4 learners were chosen"):
        enrolments.enrol_many(campus.store, campus.admin, campus.cohort_id, campus.learner_ids[:4])
    assert database_bytes(campus.store) == before


def test_enrolment_into_a_closed_cohort(campus):
    cohorts.close_cohort(campus.store, campus.admin, campus.cohort_id)
    before = database_bytes(campus.store)
    with pytest.raises(CohortClosed) as caught:
        enrolments.enrol(campus.store, campus.admin, campus.cohort_id, campus.learner_ids[0])
    assert "cohort 'DA-101-A': is closed to new enrolments" in str(caught.value)
    assert database_bytes(campus.store) == before


def test_assessment_without_all_rubric_scores(campus, tmp_path):
    enrolment_id = _submitted(campus, tmp_path)
    first, _second = campus.criterion_ids
    before = database_bytes(campus.store)
    with pytest.raises(IncompleteAssessment) as caught:
        assessments.record_assessment(
            campus.store,
            campus.assessor,
            enrolment_id,
            scores={first: 3},
            decision="pass",
            feedback="Good work on the cleaning.",
        )
    assert "score for 'Analysis' (empty): is missing. Score every criterion" in str(caught.value)
    assert database_bytes(campus.store) == before


def test_a_pass_that_breaks_the_pass_rule(campus, tmp_path):
    enrolment_id = _submitted(campus, tmp_path)
    first, second = campus.criterion_ids
    before = database_bytes(campus.store)
    with pytest.raises(IncompleteAssessment, match="breaks the pass rule"):
        assessments.record_assessment(
            campus.store,
            campus.assessor,
            enrolment_id,
            scores={first: 3, second: 0},
            decision="pass",
            feedback="Analysis missing.",
        )
    assert database_bytes(campus.store) == before


def test_credential_edit_after_issue(campus, tmp_path):
    enrolment_id = _submitted(campus, tmp_path)
    assessments.record_assessment(
        campus.store,
        campus.assessor,
        enrolment_id,
        scores=dict.fromkeys(campus.criterion_ids, 2),
        decision="pass",
        feedback="Well done.",
    )
    issued = credentials.issue_credential(
        campus.store, campus.admin, enrolment_id, document={"type": ["VerifiableCredential"]}
    )
    before = database_bytes(campus.store)
    with pytest.raises(Immutable) as caught, campus.store.transaction(campus.admin) as tx:
        tx.update("issued_credentials", issued["id"], {"valid_until": "2099-12-31"})
        tx.audit("credential.edit", "issued_credentials", issued["id"])
    assert f"credential '{issued['serial']}': was issued and can no longer change" in str(
        caught.value
    )
    assert "revoke it and issue a replacement that supersedes it" in str(caught.value)
    assert database_bytes(campus.store) == before
    # Not even SQL written outside Sanad can change it.
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        campus.store.conn.execute(
            "UPDATE issued_credentials SET valid_until = '2099-12-31' WHERE id = ?",
            (issued["id"],),
        )
    assert database_bytes(campus.store) == before
