"""Learners: register one, import many, edit, remove — with every rule a focal person meets."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import Duplicate, InvalidInput, PermissionDenied
from desktop.core.services import enrolments
from desktop.core.services import learners as learner_service
from desktop.core.store import Actor
from tests.conftest import database_bytes


def test_register_normalises_what_was_typed(campus):
    learner = learner_service.register_learner(
        campus.store,
        campus.admin,
        {
            "registration_no": " qau-2026-da-0042 ",
            "full_name": "  Mahnoor   Qureshi ",
            "guardian_name": "Tariq Qureshi",
            "cnic": "37405 1234567 8",
            "gender": "Female",
            "date_of_birth": "2003-05-17",
            "email": "Mahnoor.Q@Students.QAU.edu.pk",
            "phone": "0333 5550101",
            "programme": "BS Statistics",
        },
    )
    assert learner["registration_no"] == "QAU-2026-DA-0042"
    assert learner["full_name"] == "Mahnoor Qureshi"
    assert learner["cnic"] == "3740512345678"
    assert learner["gender"] == "female"
    assert learner["email"] == "Mahnoor.Q@students.qau.edu.pk"
    assert learner["phone"] == "+923335550101"
    assert learner["campus_id"] == campus.admin.campus_id
    assert campus.store.get("learners", learner["id"])["phone"] == "+923335550101"


def test_every_field_problem_is_reported_at_once(campus):
    with pytest.raises(InvalidInput) as caught:
        learner_service.register_learner(
            campus.store,
            campus.admin,
            {
                "registration_no": "QAU 2026 #1",
                "full_name": "",
                "phone": "12345",
                "email": "not-an-address",
                "date_of_birth": "2020-01-01",
            },
        )
    assert set(caught.value.fields) == {
        "registration_no",
        "full_name",
        "phone",
        "email",
        "date_of_birth",
    }
    assert "makes the learner" in str(caught.value) and "between 12 and 100" in str(caught.value)


def test_cnic_that_contradicts_the_gender(campus):
    with pytest.raises(InvalidInput) as caught:
        learner_service.register_learner(
            campus.store,
            campus.admin,
            {
                "registration_no": "QAU-2026-0200",
                "full_name": "Hamza Ali",
                "cnic": "35202-1234567-2",
                "gender": "male",
            },
        )
    assert caught.value.fields == ["cnic"]
    assert "even digit, which NADRA gives to women" in str(caught.value)


def test_a_cnic_belongs_to_one_learner(campus):
    with pytest.raises(Duplicate) as caught:
        learner_service.register_learner(
            campus.store,
            campus.admin,
            {"registration_no": "QAU-2026-0201", "full_name": "A. Khan", "cnic": "3520212345672"},
        )
    assert "CNIC '35202-1234567-2': is already registered to Ayesha Khan (QAU-2026-0001)" in str(
        caught.value
    )


def test_only_an_admin_registers_learners(campus):
    before = database_bytes(campus.store)
    with pytest.raises(PermissionDenied) as caught:
        learner_service.register_learner(
            campus.store, campus.assessor, {"registration_no": "X-1", "full_name": "X"}
        )
    assert "role 'assessor': may not register learners. Ask an admin" in str(caught.value)
    assert database_bytes(campus.store) == before


def test_batch_import_skips_bad_rows_and_says_why(campus):
    rows = [
        {"registration_no": "QAU-2026-0301", "full_name": "Areeba Malik"},
        {"registration_no": "QAU-2026-0001", "full_name": "Already Here"},
        {"registration_no": "QAU-2026-0302", "full_name": "Owais Durrani", "cnic": "bad"},
        {"registration_no": "qau-2026-0301", "full_name": "Repeat Of Row One"},
        {
            "registration_no": "QAU-2026-0303",
            "full_name": "Saba Laghari",
            "cnic": "61101-0000001-2",
        },
    ]
    result = learner_service.register_learners(campus.store, campus.admin, rows, source="t.csv")
    assert [r["registration_no"] for r in result.created] == ["QAU-2026-0301", "QAU-2026-0303"]
    assert sorted(result.problems) == [1, 2, 3]
    assert "is already registered here" in str(result.problems[1][0])
    assert result.problems[2][0].field == "cnic"
    assert "repeats row 1 of this file" in str(result.problems[3][0])
    audit = campus.store.one("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert audit["action"] == "learner.import"
    assert '"created": 2' in audit["detail"] and '"skipped": 3' in audit["detail"]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(1, 30), max_size=25))
def test_batch_import_creates_each_new_number_once(campus, numbers):
    rows = [{"registration_no": f"QAU-2027-{n:04d}", "full_name": f"Learner {n}"} for n in numbers]
    before = campus.store.scalar("SELECT COUNT(*) FROM learners")
    existing = {
        r["registration_no"] for r in campus.store.query("SELECT registration_no FROM learners")
    }
    result = learner_service.register_learners(campus.store, campus.admin, rows)
    wanted = {f"QAU-2027-{n:04d}" for n in numbers} - existing
    assert {r["registration_no"] for r in result.created} == wanted
    assert len(result.created) + len(result.problems) == len(rows)
    assert campus.store.scalar("SELECT COUNT(*) FROM learners") == before + len(wanted)


def test_edit_keeps_unchanged_fields_and_checks_duplicates(campus):
    first, second = campus.learner_ids[:2]
    updated = learner_service.update_learner(
        campus.store, campus.admin, first, {"phone": "+92 345 1112223"}
    )
    assert updated["phone"] == "+923451112223"
    assert updated["cnic"] == "3520212345672"
    assert updated["version"] == 2
    with pytest.raises(Duplicate, match="already belongs to Ayesha Khan"):
        learner_service.update_learner(
            campus.store, campus.admin, second, {"registration_no": "QAU-2026-0001"}
        )


def test_a_learner_with_enrolments_is_withdrawn_not_removed(campus):
    learner_id = campus.learner_ids[0]
    enrolments.enrol(campus.store, campus.admin, campus.cohort_id, learner_id)
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput, match=r"has enrolments \(1\)"):
        learner_service.delete_learner(campus.store, campus.admin, learner_id)
    assert database_bytes(campus.store) == before
    learner_service.delete_learner(campus.store, campus.admin, campus.learner_ids[1])
    assert campus.store.get("learners", campus.learner_ids[1]) is None


def test_learners_of_another_campus_cannot_be_edited(campus):
    outsider = Actor("u-x", "Other Focal", "admin", "another-campus")
    with pytest.raises(PermissionDenied, match="belongs to another campus"):
        learner_service.update_learner(
            campus.store, outsider, campus.learner_ids[0], {"full_name": "Changed"}
        )


def test_age_limits_use_today(campus):
    today = dt.date.today()
    too_young = dt.date(today.year - 11, today.month, min(today.day, 28)).isoformat()
    with pytest.raises(InvalidInput, match="makes the learner 11 years old"):
        learner_service.validate_learner(
            {"registration_no": "A-1", "full_name": "Child", "date_of_birth": too_young}
        )
