"""Issued credentials: serials, validity, and revoke / suspend / reinstate / replace."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.blobs import BlobStore
from desktop.core.errors import (
    Duplicate,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
)
from desktop.core.services import (
    assessments,
    catalogue,
    cohorts,
    credentials,
    enrolments,
    evidence,
)
from tests.conftest import database_bytes, micro_credential_data

DOCUMENT = {"type": ["VerifiableCredential", "OpenBadgeCredential"], "name": "ڈیٹا"}
DAY = dt.date(2026, 3, 14)


def _hand_in(campus, tmp_path, cohort_id, n):
    store, admin = campus.store, campus.admin
    micro = store.one(
        "SELECT m.* FROM cohorts c JOIN micro_credentials m ON m.id = c.micro_credential_id "
        "WHERE c.id = ?",
        (cohort_id,),
    )
    file_req, link_req = (r["id"] for r in json.loads(micro["evidence_requirements"]))
    enrolment_id = enrolments.enrol(store, admin, cohort_id, campus.learner_ids[n])["id"]
    work = tmp_path / f"work-{n}.csv"
    work.write_text(f"district,enrolled\nQuetta,{n}\n")
    evidence.add_file(store, admin, BlobStore(tmp_path / "ev"), enrolment_id, file_req, work)
    evidence.add_link(store, admin, enrolment_id, link_req, "https://example.org/da")
    evidence.submit_attempt(store, admin, enrolment_id)
    criteria = [c["id"] for c in json.loads(micro["rubric"])["criteria"]]
    return enrolment_id, criteria


def _passed(campus, tmp_path, n=0, cohort_id=None, decision="pass"):
    enrolment_id, criteria = _hand_in(campus, tmp_path, cohort_id or campus.cohort_id, n)
    assessments.record_assessment(
        campus.store,
        campus.admin,
        enrolment_id,
        scores=dict.fromkeys(criteria, 2),
        decision=decision,
        feedback="Assessed.",
    )
    return enrolment_id


def _issue(campus, enrolment_id, day=DAY, **kwargs):
    return credentials.issue_credential(
        campus.store, campus.admin, enrolment_id, document=DOCUMENT, issued_on=day, **kwargs
    )


def _audit_actions(store, credential_id):
    return [
        (r["action"], json.loads(r["detail"]).get("reason"))
        for r in store.query(
            "SELECT action, detail FROM audit_log WHERE entity_id = ? ORDER BY seq",
            (credential_id,),
        )
    ]


def test_serials_count_up_per_campus_and_year(campus, tmp_path):
    first = _issue(campus, _passed(campus, tmp_path, 0))
    second = _issue(campus, _passed(campus, tmp_path, 1), dt.date(2026, 12, 31))
    third = _issue(campus, _passed(campus, tmp_path, 2), dt.date(2027, 1, 1))
    assert [c["serial"] for c in (first, second, third)] == [
        "QAU-2026-000001",
        "QAU-2026-000002",
        "QAU-2027-000001",
    ]
    assert (first["valid_from"], first["valid_until"]) == ("2026-03-14", "2029-03-14")
    assert first["learner_id"] == campus.learner_ids[0]
    assert first["micro_credential_id"] == campus.micro_credential_id
    assert json.loads(first["document"]) == DOCUMENT
    assert first["document_sha256"] == hashlib.sha256(first["document"].encode()).hexdigest()
    assert credentials.next_serial(campus.store, campus.admin.campus_id, 2026) == (
        "QAU-2026-000003"
    )
    assert _audit_actions(campus.store, first["id"]) == [("credential.issue", None)]
    assert credentials.credential_status(campus.store, first["id"]) == "active"


@pytest.mark.parametrize("status", ["enrolled", "submitted", "resubmit", "failed", "withdrawn"])
def test_only_a_passed_enrolment_earns_a_credential(campus, tmp_path, status):
    if status in ("resubmit", "failed"):
        enrolment_id = _passed(campus, tmp_path, decision=status.replace("ed", ""))
    elif status == "submitted":
        enrolment_id, _ = _hand_in(campus, tmp_path, campus.cohort_id, 0)
    else:
        enrolment_id = enrolments.enrol(
            campus.store, campus.admin, campus.cohort_id, campus.learner_ids[0]
        )["id"]
    if status == "withdrawn":
        enrolments.change_status(campus.store, campus.admin, enrolment_id, status, "Left")
    assert enrolments.get_enrolment(campus.store, enrolment_id)["status"] == status
    before = database_bytes(campus.store)
    with pytest.raises(InvalidTransition) as caught:
        _issue(campus, enrolment_id)
    assert f"enrolment '{status}': has not been passed" in str(caught.value)
    assert database_bytes(campus.store) == before


def test_one_credential_per_enrolment(campus, tmp_path):
    enrolment_id = _passed(campus, tmp_path)
    issued = _issue(campus, enrolment_id)
    before = database_bytes(campus.store)
    with pytest.raises(Duplicate) as caught:
        _issue(campus, enrolment_id)
    assert "enrolment 'QAU-2026-000001': already has a credential" in str(caught.value)
    assert "revoke it and issue a replacement that supersedes it" in str(caught.value)
    assert database_bytes(campus.store) == before
    credentials.suspend_credential(campus.store, campus.admin, issued["id"], "Complaint")
    with pytest.raises(Duplicate, match="already has a credential"):
        _issue(campus, enrolment_id)  # a suspended credential is still the live one
    with pytest.raises(InvalidTransition, match="'QAU-2026-000001': has not been revoked"):
        _issue(campus, enrolment_id, supersedes_id=issued["id"])
    assert campus.store.scalar("SELECT COUNT(*) FROM issued_credentials") == 1


@pytest.mark.parametrize(
    ("months", "issued_on", "until"),
    [
        (36, "2026-03-14", "2029-03-14"),
        (1, "2026-01-31", "2026-02-28"),
        (1, "2028-01-31", "2028-02-29"),
        (1, "2026-03-31", "2026-04-30"),
        (12, "2028-02-29", "2029-02-28"),
        (13, "2026-12-15", "2028-01-15"),
        (None, "2026-03-14", None),
    ],
)
def test_valid_until_follows_the_validity_in_months(campus, tmp_path, months, issued_on, until):
    data = {**micro_credential_data(campus.track_id, "DA-201"), "validity_months": months}
    micro = catalogue.create_micro_credential(campus.store, campus.admin, data, scope="campus")
    catalogue.publish_micro_credential(campus.store, campus.admin, micro["id"])
    today = dt.date.today()
    cohort = cohorts.create_cohort(
        campus.store,
        campus.admin,
        micro_credential_id=micro["id"],
        code="DA-201-A",
        starts_on=today.isoformat(),
        ends_on=(today + dt.timedelta(days=30)).isoformat(),
        mode="online",
        capacity=5,
    )
    enrolment_id = _passed(campus, tmp_path, cohort_id=cohort["id"])
    issued = _issue(campus, enrolment_id, dt.date.fromisoformat(issued_on))
    assert (issued["valid_from"], issued["valid_until"]) == (issued_on, until)


@given(st.dates(dt.date(1990, 1, 1), dt.date(2200, 12, 31)), st.integers(1, 600))
def test_adding_months_keeps_the_day_or_falls_to_the_month_end(day, months):
    result = credentials._add_months(day, months)
    index = day.year * 12 + day.month - 1 + months
    assert (result.year, result.month) == (index // 12, index % 12 + 1)
    assert result.day == min(day.day, calendar.monthrange(result.year, result.month)[1])


def test_suspend_reinstate_and_revoke(campus, tmp_path):
    issued = _issue(campus, _passed(campus, tmp_path))
    store, admin, cid = campus.store, campus.admin, issued["id"]
    steps = [
        (credentials.suspend_credential, "Complaint under review", "suspended"),
        (credentials.reinstate_credential, "Complaint dismissed", "active"),
        (credentials.suspend_credential, "Second complaint", "suspended"),
        (credentials.revoke_credential, "Misconduct confirmed", "revoked"),
    ]
    for change, reason, status in steps:
        event = change(store, admin, cid, reason)
        assert (event["credential_id"], event["reason"]) == (cid, reason)
        assert event["actor_id"] == admin.user_id
        assert credentials.credential_status(store, cid) == status
    assert _audit_actions(store, cid) == [
        ("credential.issue", None),
        ("credential.suspend", "Complaint under review"),
        ("credential.reinstate", "Complaint dismissed"),
        ("credential.suspend", "Second complaint"),
        ("credential.revoke", "Misconduct confirmed"),
    ]
    assert store.scalar(
        "SELECT COUNT(*) FROM credential_status_events WHERE credential_id = ?", (cid,)
    ) == len(steps)


def test_a_revocation_is_final(campus, tmp_path):
    issued = _issue(campus, _passed(campus, tmp_path))
    store, admin, cid = campus.store, campus.admin, issued["id"]
    credentials.revoke_credential(store, admin, cid, "Issued in error")
    before = database_bytes(store)
    for change in (
        credentials.revoke_credential,
        credentials.suspend_credential,
        credentials.reinstate_credential,
    ):
        with pytest.raises(InvalidTransition) as caught:
            change(store, admin, cid, "Try again")
        assert "credential 'QAU-2026-000001': is revoked and cannot be" in str(caught.value)
        assert "A revocation is final" in str(caught.value)
    assert credentials.credential_status(store, cid) == "revoked"
    assert database_bytes(store) == before


def test_only_a_suspended_credential_is_reinstated(campus, tmp_path):
    issued = _issue(campus, _passed(campus, tmp_path))
    before = database_bytes(campus.store)
    with pytest.raises(InvalidTransition, match="is active and cannot be reinstated"):
        credentials.reinstate_credential(campus.store, campus.admin, issued["id"], "Why not")
    assert database_bytes(campus.store) == before
    credentials.suspend_credential(campus.store, campus.admin, issued["id"], "Complaint")
    before = database_bytes(campus.store)
    with pytest.raises(InvalidTransition, match="is suspended and cannot be"):
        credentials.suspend_credential(campus.store, campus.admin, issued["id"], "Again")
    assert database_bytes(campus.store) == before
    assert credentials.credential_status(campus.store, issued["id"]) == "suspended"


def test_a_refused_suspension_says_suspended(campus, tmp_path):
    issued = _issue(campus, _passed(campus, tmp_path))
    credentials.suspend_credential(campus.store, campus.admin, issued["id"], "Complaint")
    with pytest.raises(InvalidTransition) as caught:
        credentials.suspend_credential(campus.store, campus.admin, issued["id"], "Again")
    assert "is suspended and cannot be suspended." in str(caught.value)


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_every_status_change_needs_a_reason(campus, tmp_path, reason):
    issued = _issue(campus, _passed(campus, tmp_path))
    before = database_bytes(campus.store)
    for change in (
        credentials.revoke_credential,
        credentials.suspend_credential,
        credentials.reinstate_credential,
    ):
        with pytest.raises(InvalidInput) as caught:
            change(campus.store, campus.admin, issued["id"], reason)
        assert caught.value.fields == ["reason"]
    assert database_bytes(campus.store) == before


def test_a_replacement_supersedes_a_revoked_credential_of_the_same_enrolment(campus, tmp_path):
    enrolment_id, other_id = _passed(campus, tmp_path, 0), _passed(campus, tmp_path, 1)
    old, others = _issue(campus, enrolment_id), _issue(campus, other_id)
    credentials.revoke_credential(campus.store, campus.admin, old["id"], "Name misspelt")
    credentials.revoke_credential(campus.store, campus.admin, others["id"], "Issued in error")
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput, match="is not a credential of this enrolment"):
        _issue(campus, enrolment_id, supersedes_id=others["id"])
    assert database_bytes(campus.store) == before
    new = _issue(campus, enrolment_id, dt.date(2026, 4, 1), supersedes_id=old["id"])
    assert (new["serial"], new["supersedes_id"]) == ("QAU-2026-000003", old["id"])
    assert new["valid_until"] == "2029-04-01"
    assert credentials.credential_status(campus.store, new["id"]) == "active"
    with pytest.raises(Duplicate, match="'QAU-2026-000003': already has a credential"):
        _issue(campus, enrolment_id)


def test_a_revoked_credential_is_replaced_once(campus, tmp_path):
    enrolment_id = _passed(campus, tmp_path)
    old = _issue(campus, enrolment_id)
    credentials.revoke_credential(campus.store, campus.admin, old["id"], "Name misspelt")
    _issue(campus, enrolment_id, supersedes_id=old["id"])
    with pytest.raises((Duplicate, InvalidTransition, InvalidInput)):
        _issue(campus, enrolment_id, supersedes_id=old["id"])
    assert campus.store.scalar("SELECT COUNT(*) FROM issued_credentials") == 2


def test_a_replacement_must_name_what_it_supersedes(campus, tmp_path):
    enrolment_id = _passed(campus, tmp_path)
    old = _issue(campus, enrolment_id)
    credentials.revoke_credential(campus.store, campus.admin, old["id"], "Name misspelt")
    with pytest.raises((Duplicate, InvalidInput, InvalidTransition)):
        _issue(campus, enrolment_id)


def test_only_an_admin_issues_and_changes_credentials(campus, tmp_path):
    enrolment_id = _passed(campus, tmp_path)
    before = database_bytes(campus.store)
    with pytest.raises(PermissionDenied, match="role 'assessor': may not issue credentials"):
        credentials.issue_credential(campus.store, campus.assessor, enrolment_id, document=DOCUMENT)
    with pytest.raises(InvalidInput, match="is not a credential document"):
        credentials.issue_credential(campus.store, campus.admin, enrolment_id, document={})
    assert database_bytes(campus.store) == before
    issued = _issue(campus, enrolment_id)
    with pytest.raises(PermissionDenied, match="may not revoke credentials"):
        credentials.revoke_credential(campus.store, campus.assessor, issued["id"], "Because")
    with pytest.raises(NotFound, match="credential 'nope': does not exist"):
        credentials.revoke_credential(campus.store, campus.admin, "nope", "Because")


def test_the_status_of_an_unknown_credential_is_not_active(campus):
    with pytest.raises(NotFound, match="was never issued here"):
        credentials.credential_status(campus.store, "no-such-credential")


def test_serials_count_on_past_a_million(campus, tmp_path):
    enrolment_id = _passed(campus, tmp_path)
    issued = _issue(campus, enrolment_id)
    # Pretend the campus has issued 999,999 this year (the serial column is immutable, so the
    # earlier credential's serial is set before the triggers see it, as an old database would).
    conn = campus.store.conn
    conn.execute("DROP TRIGGER issued_credentials_no_update")
    conn.execute(
        "UPDATE issued_credentials SET serial = 'QAU-2026-999999' WHERE id = ?", (issued["id"],)
    )
    assert credentials.next_serial(campus.store, campus.admin.campus_id, 2026) == (
        "QAU-2026-1000000"
    )
    conn.execute("UPDATE issued_credentials SET serial = 'QAU-2026-1000000' WHERE id = ?",
                 (issued["id"],))  # fmt: skip
    assert credentials.next_serial(campus.store, campus.admin.campus_id, 2026) == (
        "QAU-2026-1000001"
    )
    assert credentials.next_serial(campus.store, campus.admin.campus_id, 2027) == (
        "QAU-2027-000001"
    )


def test_a_nearly_full_status_list_still_finds_its_last_free_entry(campus, monkeypatch):
    monkeypatch.setattr(credentials, "STATUS_ENTRIES", 3)
    campus_id = campus.admin.campus_id
    assert credentials.free_status_index(campus.store, campus_id, also_taken={0, 2}) == 1
    with pytest.raises(InvalidInput, match="would exceed the 3 entries"):
        credentials.free_status_index(campus.store, campus_id, also_taken={0, 1, 2})
