"""Cohorts: a published micro-credential offered with dates, seats and assessors."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import Duplicate, InvalidInput, NotFound, PermissionDenied
from desktop.core.ids import new_id
from desktop.core.services import catalogue, cohorts, enrolments, users
from desktop.core.store import SYSTEM, Actor
from tests.conftest import database_bytes, micro_credential_data

TODAY = dt.date.today()
_codes = itertools.count(1)


def _data(**changes):
    data = {
        "code": "DA-101-B",
        "starts_on": TODAY.isoformat(),
        "ends_on": (TODAY + dt.timedelta(days=90)).isoformat(),
        "mode": "online",
        "capacity": 25,
    }
    return {**data, **changes}


def _create(campus, actor=None, assessor_ids=None, micro_credential_id=None, **changes):
    return cohorts.create_cohort(
        campus.store,
        actor or campus.admin,
        micro_credential_id=micro_credential_id or campus.micro_credential_id,
        assessor_ids=assessor_ids,
        **_data(**changes),
    )


def _user(campus, username, role, **extra):
    return users.create_user(
        campus.store,
        campus.admin,
        username=username,
        display_name=username.replace(".", " ").title(),
        role=role,
        password="a-good-long-password",
        **extra,
    )


def _last_audit(store):
    return store.one("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")


def _assessor_rows(store, cohort_id):
    return store.query("SELECT * FROM cohort_assessors WHERE cohort_id = ?", (cohort_id,))


def test_create_offers_a_published_micro_credential(campus):
    cohort = _create(
        campus,
        assessor_ids=[campus.assessor.user_id, campus.assessor.user_id],
        code=" da-101-b ",
        capacity="25",
        fee_pkr="5000",
        mode="Hybrid",
    )
    assert (cohort["code"], cohort["status"], cohort["mode"]) == ("DA-101-B", "open", "hybrid")
    assert (cohort["capacity"], cohort["fee_pkr"]) == (25, 5000)
    assert cohort["campus_id"] == campus.admin.campus_id
    assert campus.store.get("cohorts", cohort["id"])["micro_credential_id"] == (
        campus.micro_credential_id
    )
    rows = _assessor_rows(campus.store, cohort["id"])
    assert [r["user_id"] for r in rows] == [campus.assessor.user_id]
    audit = _last_audit(campus.store)
    assert (audit["action"], audit["entity_id"]) == ("cohort.create", cohort["id"])
    assert json.loads(audit["detail"]) == {
        "code": "DA-101-B",
        "micro_credential": "DA-101",
        "assessors": 1,
    }


def test_a_draft_micro_credential_cannot_be_offered(campus):
    data = micro_credential_data(campus.track_id, "DA-102")
    draft = catalogue.create_micro_credential(campus.store, campus.admin, data, scope="campus")
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        _create(campus, micro_credential_id=draft["id"])
    assert "micro-credential 'DA-102': is not published" in str(caught.value)
    assert "publish the draft first" in str(caught.value)
    with pytest.raises(InvalidInput, match="does not exist"):
        _create(campus, micro_credential_id="no-such-id")
    assert database_bytes(campus.store) == before


def test_every_field_problem_is_reported_at_once(campus):
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        _create(campus, code="DA 101!", mode="by post", capacity=0, starts_on="14/03/2026")
    assert set(caught.value.fields) == {"code", "mode", "capacity", "starts_on"}
    assert database_bytes(campus.store) == before


def test_the_end_cannot_come_before_the_start(campus):
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        _create(campus, starts_on="2026-09-01", ends_on="2026-08-31")
    assert caught.value.fields == ["ends_on"]
    assert "end date '2026-08-31': is before the start, 2026-09-01" in str(caught.value)
    assert database_bytes(campus.store) == before
    one_day = _create(campus, starts_on="2026-09-01", ends_on="2026-09-01")
    assert one_day["starts_on"] == one_day["ends_on"] == "2026-09-01"


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(-400, 400), st.integers(-400, 400))
def test_dates_are_accepted_exactly_when_the_end_is_not_before_the_start(campus, start, end):
    starts, ends = TODAY + dt.timedelta(days=start), TODAY + dt.timedelta(days=end)
    code = f"P-{next(_codes)}"
    kwargs = {"code": code, "starts_on": starts.isoformat(), "ends_on": ends.isoformat()}
    if ends >= starts:
        assert _create(campus, **kwargs)["ends_on"] == ends.isoformat()
    else:
        with pytest.raises(InvalidInput, match="is before the start"):
            _create(campus, **kwargs)


def test_a_cohort_code_is_used_once_per_campus(campus):
    before = database_bytes(campus.store)
    with pytest.raises(Duplicate) as caught:
        _create(campus, code="da-101-a")
    assert "code 'DA-101-A': is already a cohort here" in str(caught.value)
    assert database_bytes(campus.store) == before


@pytest.mark.parametrize("who", ["student", "deactivated assessor", "unknown"])
def test_only_active_assessors_can_mark_a_cohort(campus, who):
    if who == "student":
        user_id = _user(campus, "ayesha.khan", "student", learner_id=campus.learner_ids[0])["id"]
    elif who == "deactivated assessor":
        user_id = _user(campus, "dr.nadia", "assessor")["id"]
        users.deactivate_user(campus.store, campus.admin, user_id)
    else:
        user_id = "no-such-user"
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        _create(campus, assessor_ids=[campus.assessor.user_id, user_id])
    assert f"assessors '{user_id}': is not an active assessor here" in str(caught.value)
    assert database_bytes(campus.store) == before
    with pytest.raises(InvalidInput, match="is not an active assessor here"):
        cohorts.assign_assessor(campus.store, campus.admin, campus.cohort_id, user_id)
    assert database_bytes(campus.store) == before


def test_an_admin_may_mark_and_an_outsider_may_not(campus):
    cohort = _create(campus, assessor_ids=[campus.admin.user_id])
    assert [r["user_id"] for r in _assessor_rows(campus.store, cohort["id"])] == [
        campus.admin.user_id
    ]
    campus_id = new_id()
    with campus.store.transaction(SYSTEM) as tx:
        tx.insert(
            "campuses", {"id": campus_id, "code": "UOP", "name_en": "Peshawar"}, owner=campus_id
        )
        outsider = tx.insert(
            "users",
            {
                "campus_id": campus_id,
                "username": "dr.gul",
                "display_name": "Dr Gul",
                "role": "assessor",
                "password_hash": "-",
                "active": 1,
            },
            owner=campus_id,
        )
        tx.audit("test.other_campus", "campuses", campus_id)
    with pytest.raises(InvalidInput, match=r"assessors 'dr\.gul': works at another campus"):
        _create(campus, code="DA-101-C", assessor_ids=[outsider["id"]])


@pytest.mark.parametrize("role", ["student", "assessor"])
def test_only_an_admin_creates_and_changes_cohorts(campus, role):
    actor = Actor(new_id(), "Someone", role, campus.admin.campus_id)
    before = database_bytes(campus.store)
    with pytest.raises(PermissionDenied) as caught:
        _create(campus, actor=actor)
    assert f"role '{role}': may not create cohorts. Ask an admin" in str(caught.value)
    for call in (
        lambda: cohorts.update_cohort(campus.store, actor, campus.cohort_id, {"capacity": 9}),
        lambda: cohorts.close_cohort(campus.store, actor, campus.cohort_id),
        lambda: cohorts.assign_assessor(campus.store, actor, campus.cohort_id, actor.user_id),
        lambda: cohorts.unassign_assessor(
            campus.store, actor, campus.cohort_id, campus.assessor.user_id
        ),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert database_bytes(campus.store) == before


def test_another_campus_cannot_change_this_cohort(campus):
    outsider = Actor(new_id(), "Other Focal", "admin", "another-campus")
    with pytest.raises(PermissionDenied, match="belongs to another campus"):
        cohorts.close_cohort(campus.store, outsider, campus.cohort_id)
    with pytest.raises(NotFound, match="Reload the list of cohorts"):
        cohorts.close_cohort(campus.store, campus.admin, "no-such-cohort")


def test_capacity_cannot_drop_below_the_learners_enrolled(campus):
    result = enrolments.enrol_many(
        campus.store, campus.admin, campus.cohort_id, campus.learner_ids[:3]
    )
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        cohorts.update_cohort(campus.store, campus.admin, campus.cohort_id, {"capacity": 2})
    assert "capacity 2: is below the 3 learners already enrolled" in str(caught.value)
    assert "Use at least 3, or withdraw learners first" in str(caught.value)
    assert database_bytes(campus.store) == before
    enrolments.change_status(
        campus.store, campus.admin, result.created[0]["id"], "withdrawn", "Moved to Lahore"
    )
    updated = cohorts.update_cohort(campus.store, campus.admin, campus.cohort_id, {"capacity": 2})
    assert (updated["capacity"], updated["version"]) == (2, 2)
    audit = _last_audit(campus.store)
    assert audit["action"] == "cohort.edit"
    assert json.loads(audit["detail"]) == {"code": "DA-101-A", "fields": ["capacity"]}


def test_a_code_change_to_a_taken_code_is_refused(campus):
    other = _create(campus)
    before = database_bytes(campus.store)
    with pytest.raises(Duplicate, match="code 'DA-101-A': is already a cohort here"):
        cohorts.update_cohort(campus.store, campus.admin, other["id"], {"code": "da-101-a"})
    assert database_bytes(campus.store) == before
    same = cohorts.update_cohort(campus.store, campus.admin, other["id"], {"code": "da-101-b"})
    assert same["version"] == other["version"]
    assert database_bytes(campus.store) == before  # nothing changed, nothing written
    renamed = cohorts.update_cohort(campus.store, campus.admin, other["id"], {"code": "DA-101-Z"})
    assert (renamed["code"], renamed["version"]) == ("DA-101-Z", 2)


def test_update_checks_dates_against_the_other_stored_one(campus):
    cohort = campus.store.get("cohorts", campus.cohort_id)
    early = (dt.date.fromisoformat(cohort["starts_on"]) - dt.timedelta(days=1)).isoformat()
    with pytest.raises(InvalidInput, match="is before the start"):
        cohorts.update_cohort(campus.store, campus.admin, campus.cohort_id, {"ends_on": early})


def test_close_a_cohort_once(campus):
    closed = cohorts.close_cohort(campus.store, campus.admin, campus.cohort_id)
    assert (closed["status"], closed["version"]) == ("closed", 2)
    assert _last_audit(campus.store)["action"] == "cohort.close"
    before = database_bytes(campus.store)
    again = cohorts.close_cohort(campus.store, campus.admin, campus.cohort_id)
    assert again["version"] == 2
    assert database_bytes(campus.store) == before


def test_assign_and_unassign_an_assessor(campus):
    nadia = _user(campus, "dr.nadia", "assessor")
    store, cohort_id = campus.store, campus.cohort_id
    first = cohorts.assign_assessor(store, campus.admin, cohort_id, nadia["id"])
    assert (first["user_id"], first["version"], first["deleted"]) == (nadia["id"], 1, 0)
    assert _last_audit(store)["action"] == "cohort.assessor_assign"

    before = database_bytes(store)
    again = cohorts.assign_assessor(store, campus.admin, cohort_id, nadia["id"])
    assert again["id"] == first["id"]
    assert database_bytes(store) == before  # assigning twice changes nothing

    cohorts.unassign_assessor(store, campus.admin, cohort_id, nadia["id"])
    assert store.get("cohort_assessors", first["id"]) is None
    assert _last_audit(store)["action"] == "cohort.assessor_remove"
    before = database_bytes(store)
    cohorts.unassign_assessor(store, campus.admin, cohort_id, nadia["id"])
    assert database_bytes(store) == before  # removing twice changes nothing

    back = cohorts.assign_assessor(store, campus.admin, cohort_id, nadia["id"])
    assert (back["id"], back["version"], back["deleted"]) == (first["id"], 3, 0)
    live = [r["user_id"] for r in _assessor_rows(store, cohort_id) if not r["deleted"]]
    assert sorted(live) == sorted([campus.assessor.user_id, nadia["id"]])
    assert len(_assessor_rows(store, cohort_id)) == 2  # the same row, not a new one


def test_fields_that_are_not_edited_here_are_refused_not_ignored(campus):
    with pytest.raises(ValueError, match=r"\['status'\] are not edited here"):
        cohorts.update_cohort(campus.store, campus.admin, campus.cohort_id, {"status": "closed"})


def test_a_closed_cohort_can_be_reopened_until_it_ends(campus):
    cohorts.close_cohort(campus.store, campus.admin, campus.cohort_id)
    reopened = cohorts.reopen_cohort(campus.store, campus.admin, campus.cohort_id)
    assert reopened["status"] == "open"
    assert _last_audit(campus.store)["action"] == "cohort.reopen"
    enrolments.enrol(campus.store, campus.admin, campus.cohort_id, campus.learner_ids[0])
    ended = _create(
        campus,
        code="DA-101-OLD",
        starts_on=(TODAY - dt.timedelta(days=90)).isoformat(),
        ends_on=(TODAY - dt.timedelta(days=1)).isoformat(),
    )
    cohorts.close_cohort(campus.store, campus.admin, ended["id"])
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput, match="Move its end date first"):
        cohorts.reopen_cohort(campus.store, campus.admin, ended["id"])
    assert database_bytes(campus.store) == before
