"""Evidence: files kept by their SHA-256, links, reflections, and handing in an attempt."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.blobs import BlobStore
from desktop.core.errors import InvalidInput, InvalidTransition, PermissionDenied
from desktop.core.ids import new_id
from desktop.core.services import enrolments, evidence, users
from desktop.core.store import SYSTEM, Actor
from tests.conftest import database_bytes

CSV = b"district,enrolled\nQuetta,120\nTurbat,45\n"
REFLECTION = "I removed duplicate rows and explained each choice."


def _enrol(campus, n=0):
    return enrolments.enrol(campus.store, campus.admin, campus.cohort_id, campus.learner_ids[n])


def _file(tmp_path, name="cleaned.csv", data=CSV):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _student(campus, n=0):
    users.create_user(
        campus.store,
        campus.admin,
        username=f"learner.{n}",
        display_name="Ayesha Khan",
        role="student",
        password="my-own-long-password",
        learner_id=campus.learner_ids[n],
    )
    return users.authenticate(campus.store, f"learner.{n}", "my-own-long-password")


def test_a_file_is_kept_under_its_sha256(campus, tmp_path):
    blobs = BlobStore(tmp_path / "evidence")
    enrolment = _enrol(campus)
    file_req = campus.requirement_ids[0]
    row = evidence.add_file(
        campus.store, campus.admin, blobs, enrolment["id"], file_req, _file(tmp_path)
    )
    digest = hashlib.sha256(CSV).hexdigest()
    assert (row["kind"], row["sha256"], row["size"]) == ("file", digest, len(CSV))
    assert (row["original_name"], row["media_type"]) == ("cleaned.csv", "text/csv")
    assert (row["attempt"], row["added_by"]) == (1, campus.admin.user_id)
    assert blobs.path_for(digest) == tmp_path / "evidence" / digest[:2] / digest
    assert blobs.path_for(digest).read_bytes() == CSV
    assert blobs.verify(digest)
    stored = campus.store.one("SELECT * FROM blobs WHERE sha256 = ?", (digest,))
    assert stored["size"] == len(CSV)
    audit = campus.store.one("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert audit["action"] == "evidence.add"
    assert json.loads(audit["detail"])["sha256"] == digest


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200)
PDF = b"%PDF-1.7\n" + b"1 0 obj << >> endobj\n" * 20
WINDOWS_PROGRAM = b"MZ" + b"\x90\x00" * 30 + b"PE\x00\x00" + bytes(300)


def _add(campus, tmp_path, path, blobs=None):
    return evidence.add_file(
        campus.store,
        campus.admin,
        blobs or BlobStore(tmp_path / "evidence"),
        _enrol(campus)["id"],
        campus.requirement_ids[0],
        path,
    )


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("photo.jpg", PNG, "image/png"),  # by its content, not its name
        ("report.pdf", PDF, "application/pdf"),
        ("cleaned.csv", CSV, "text/csv"),
        ("notes", "جمع شدہ اعداد و شمار\n".encode() * 10, "text/plain"),
        ("utf16.txt", "\ufeffQuetta,120\n".encode("utf-16-le"), "text/plain"),
    ],
)
def test_a_file_is_known_by_its_content(campus, tmp_path, name, data, media_type):
    assert _add(campus, tmp_path, _file(tmp_path, name, data))["media_type"] == media_type


def _refused_and_nothing_kept(campus, tmp_path, path, blobs=None) -> str:
    blobs = blobs or BlobStore(tmp_path / "evidence")
    enrolment = _enrol(campus)
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        evidence.add_file(
            campus.store, campus.admin, blobs, enrolment["id"], campus.requirement_ids[0], path
        )
    assert database_bytes(campus.store) == before
    assert list(blobs) == []
    leftovers = list((tmp_path / "evidence").glob(".incoming-*")) if blobs.root.exists() else []
    assert leftovers == []
    return str(caught.value)


def test_an_empty_file_is_refused(campus, tmp_path):
    said = _refused_and_nothing_kept(campus, tmp_path, _file(tmp_path, "final.pdf", b""))
    assert "file 'final.pdf': is empty. Choose the finished file" in said


def test_a_program_renamed_to_pdf_is_refused(campus, tmp_path):
    said = _refused_and_nothing_kept(
        campus, tmp_path, _file(tmp_path, "assignment.pdf", WINDOWS_PROGRAM)
    )
    assert "'assignment.pdf': is a program (exe), not a document, whatever its name says" in said


def test_an_unrecognised_binary_is_refused(campus, tmp_path):
    said = _refused_and_nothing_kept(
        campus, tmp_path, _file(tmp_path, "model.sanadx", b"\x00\x01binary" * 50)
    )
    assert "is of a type Sanad does not recognise" in said


def test_a_file_over_the_campus_limit_is_refused(campus, tmp_path):
    campus.store.conn.execute(
        "INSERT INTO settings (key, value) VALUES ('evidence_max_mb', '1')"
    )
    big = _file(tmp_path, "scan.pdf", PDF + bytes(1_000_001))
    said = _refused_and_nothing_kept(campus, tmp_path, big)
    assert "'scan.pdf': is 2 MB, more than the 1 MB allowed" in said


def test_the_default_limit_is_200_mb(campus):
    from desktop.core.evidence_files import max_evidence_bytes

    assert max_evidence_bytes(campus.store.conn) == 200_000_000


def test_a_file_named_in_urdu_keeps_its_name(campus, tmp_path):
    row = _add(campus, tmp_path, _file(tmp_path, "ڈیٹا کی صفائی.csv"))
    assert row["original_name"] == "ڈیٹا کی صفائی.csv"
    assert row["media_type"] == "text/csv"


def test_a_file_that_vanishes_is_refused(campus, tmp_path):
    said = _refused_and_nothing_kept(campus, tmp_path, tmp_path / "gone.pdf")
    assert "does not exist or is not a file" in said


def test_a_file_cut_short_while_copied_is_refused(campus, tmp_path, monkeypatch):
    """The drive's file shrinks under the copy (removed or overwritten meanwhile)."""
    path = _file(tmp_path, "draft.pdf", PDF + bytes(50_000))
    real_read = evidence._Rest.read

    def read_then_cut(self, size=-1):
        data = real_read(self, size)
        if data and not self.head:
            with open(path, "r+b") as writer:
                writer.truncate(100)
        return data

    monkeypatch.setattr(evidence._Rest, "read", read_then_cut)
    said = _refused_and_nothing_kept(campus, tmp_path, path)
    assert "'draft.pdf': changed while it was being copied" in said


def test_a_full_disk_is_said_and_nothing_kept(campus, tmp_path, monkeypatch):
    import errno
    import os

    from desktop.core import blobs as blobs_module

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    monkeypatch.setattr(blobs_module.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    said = _refused_and_nothing_kept(campus, tmp_path, _file(tmp_path, "cleaned.csv"))
    assert "could not be stored: the disk is full" in said
    assert "Free some space on the disk that holds the evidence folder" in said


def test_the_same_file_twice_is_stored_once(campus, tmp_path):
    blobs = BlobStore(tmp_path / "evidence")
    first, second = _enrol(campus, 0), _enrol(campus, 1)
    file_req = campus.requirement_ids[0]
    a = evidence.add_file(campus.store, campus.admin, blobs, first["id"], file_req, _file(tmp_path))
    copy = _file(tmp_path, "copy-of-cleaned.csv")
    b = evidence.add_file(campus.store, campus.admin, blobs, second["id"], file_req, copy)
    assert a["sha256"] == b["sha256"] and a["id"] != b["id"]
    assert b["original_name"] == "copy-of-cleaned.csv"
    assert list(blobs) == [a["sha256"]]
    assert campus.store.scalar("SELECT COUNT(*) FROM blobs") == 1
    assert not [p for p in (tmp_path / "evidence").iterdir() if p.name.startswith(".incoming")]


def test_a_kind_the_requirement_does_not_accept_is_refused(campus, tmp_path):
    blobs = BlobStore(tmp_path / "evidence")
    enrolment_id = _enrol(campus)["id"]
    file_req, reflection_req = campus.requirement_ids
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        evidence.add_file(
            campus.store, campus.admin, blobs, enrolment_id, reflection_req, _file(tmp_path)
        )
    assert "evidence 'file': is not accepted for 'Reflection'" in str(caught.value)
    assert "Submit it as link or reflection" in str(caught.value)
    with pytest.raises(InvalidInput, match="Submit it as file"):
        evidence.add_reflection(campus.store, campus.admin, enrolment_id, file_req, REFLECTION)
    with pytest.raises(InvalidInput, match="is not a requirement of this micro-credential"):
        evidence.add_link(campus.store, campus.admin, enrolment_id, "nope", "https://x.org")
    assert database_bytes(campus.store) == before
    assert list(blobs) == []


def test_an_empty_or_missing_file_is_refused(campus, tmp_path):
    blobs = BlobStore(tmp_path / "evidence")
    enrolment_id = _enrol(campus)["id"]
    file_req = campus.requirement_ids[0]
    before = database_bytes(campus.store)
    empty = _file(tmp_path, "empty.csv", b"")
    with pytest.raises(InvalidInput, match=r"file 'empty\.csv': is empty"):
        evidence.add_file(campus.store, campus.admin, blobs, enrolment_id, file_req, empty)
    for missing in (tmp_path / "gone.csv", tmp_path):
        with pytest.raises(InvalidInput, match="does not exist or is not a file"):
            evidence.add_file(campus.store, campus.admin, blobs, enrolment_id, file_req, missing)
    assert database_bytes(campus.store) == before
    assert list(blobs) == []


@pytest.mark.parametrize(
    "url",
    ["ftp://files.example.org/a.csv", "javascript:alert(1)", "www.example.org", "https://", ""],
)
def test_a_link_must_be_a_web_address(campus, url):
    enrolment_id = _enrol(campus)["id"]
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        evidence.add_link(campus.store, campus.admin, enrolment_id, campus.requirement_ids[1], url)
    assert caught.value.fields == ["link"]
    assert "is not a web address. Paste the full address" in str(caught.value)
    assert database_bytes(campus.store) == before


def test_a_web_link_is_kept_trimmed(campus):
    row = evidence.add_link(
        campus.store,
        campus.admin,
        _enrol(campus)["id"],
        campus.requirement_ids[1],
        "  https://github.com/ayesha/da-101  ",
    )
    assert (row["kind"], row["url"], row["sha256"]) == (
        "link",
        "https://github.com/ayesha/da-101",
        None,
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet="ab ی\n", max_size=40))
def test_a_reflection_needs_twenty_characters(campus, text):
    enrolment = campus.store.one(
        "SELECT * FROM enrolments WHERE learner_id = ?", (campus.learner_ids[0],)
    )
    enrolment_id = enrolment["id"] if enrolment else _enrol(campus)["id"]
    requirement = campus.requirement_ids[1]
    if len(text.strip()) >= 20:
        row = evidence.add_reflection(campus.store, campus.admin, enrolment_id, requirement, text)
        assert row["text"] == text.strip()
    else:
        with pytest.raises(InvalidInput, match="is shorter than 20 characters"):
            evidence.add_reflection(campus.store, campus.admin, enrolment_id, requirement, text)


def test_the_first_evidence_starts_the_work(campus):
    enrolment = _enrol(campus)
    evidence.add_reflection(
        campus.store, campus.admin, enrolment["id"], campus.requirement_ids[1], REFLECTION
    )
    assert enrolments.get_enrolment(campus.store, enrolment["id"])["status"] == "in_progress"
    evidence.add_link(
        campus.store, campus.admin, enrolment["id"], campus.requirement_ids[1], "https://a.org"
    )
    events = enrolments.history(campus.store, enrolment["id"])
    assert [(e["to_status"], e["reason"]) for e in events] == [
        ("enrolled", None),
        ("in_progress", "evidence added"),
    ]


def test_a_student_adds_evidence_to_their_own_enrolment_only(campus, tmp_path):
    mine, theirs = _enrol(campus, 0), _enrol(campus, 1)
    student = _student(campus, 0)
    assert student.role == "student"
    file_req, reflection_req = campus.requirement_ids
    row = evidence.add_reflection(campus.store, student, mine["id"], reflection_req, REFLECTION)
    assert row["added_by"] == student.user_id
    evidence.add_file(
        campus.store, student, BlobStore(tmp_path / "ev"), mine["id"], file_req, _file(tmp_path)
    )
    assert evidence.submit_attempt(campus.store, student, mine["id"])["status"] == "submitted"
    before = database_bytes(campus.store)
    with pytest.raises(PermissionDenied) as caught:
        evidence.add_reflection(campus.store, student, theirs["id"], reflection_req, REFLECTION)
    assert "belongs to another learner. Sign in with your own account" in str(caught.value)
    with pytest.raises(PermissionDenied, match="belongs to another learner"):
        evidence.submit_attempt(campus.store, student, theirs["id"])
    with pytest.raises(PermissionDenied, match="role 'assessor': may not add evidence"):
        evidence.add_reflection(
            campus.store, campus.assessor, theirs["id"], reflection_req, REFLECTION
        )
    assert database_bytes(campus.store) == before


def test_submit_waits_for_every_requirement(campus, tmp_path):
    enrolment_id = _enrol(campus)["id"]
    file_req, reflection_req = campus.requirement_ids
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        evidence.submit_attempt(campus.store, campus.admin, enrolment_id)
    assert "evidence 'Cleaned data set, Reflection': has nothing submitted yet" in str(caught.value)
    assert database_bytes(campus.store) == before
    blobs = BlobStore(tmp_path / "ev")
    evidence.add_file(campus.store, campus.admin, blobs, enrolment_id, file_req, _file(tmp_path))
    with pytest.raises(InvalidInput, match="evidence 'Reflection': has nothing submitted yet"):
        evidence.submit_attempt(campus.store, campus.admin, enrolment_id)
    evidence.add_reflection(campus.store, campus.admin, enrolment_id, reflection_req, REFLECTION)
    submitted = evidence.submit_attempt(campus.store, campus.admin, enrolment_id)
    assert (submitted["status"], submitted["attempt"]) == ("submitted", 1)
    last = enrolments.history(campus.store, enrolment_id)[-1]
    assert (last["from_status"], last["to_status"], last["reason"]) == (
        "in_progress",
        "submitted",
        "attempt 1 submitted",
    )
    assert len(evidence.attempt_evidence(campus.store, enrolment_id)) == 2

    before = database_bytes(campus.store)
    with pytest.raises(InvalidTransition) as caught:
        evidence.add_reflection(
            campus.store, campus.admin, enrolment_id, reflection_req, REFLECTION
        )
    assert "enrolment 'submitted': does not take evidence now" in str(caught.value)
    with pytest.raises(InvalidTransition, match="does not take evidence now"):
        evidence.submit_attempt(campus.store, campus.admin, enrolment_id)
    assert database_bytes(campus.store) == before


def test_a_withdrawn_learner_adds_no_evidence(campus):
    enrolment_id = _enrol(campus)["id"]
    enrolments.change_status(campus.store, campus.admin, enrolment_id, "withdrawn", "Left")
    with pytest.raises(InvalidTransition, match="enrolment 'withdrawn': does not take evidence"):
        evidence.add_link(
            campus.store, campus.admin, enrolment_id, campus.requirement_ids[1], "https://a.org"
        )


def test_an_admin_of_another_campus_cannot_add_evidence(campus):
    enrolment_id = _enrol(campus)["id"]
    campus_id = new_id()
    with campus.store.transaction(SYSTEM) as tx:
        tx.insert(
            "campuses", {"id": campus_id, "code": "UOP", "name_en": "Peshawar"}, owner=campus_id
        )
        user = tx.insert(
            "users",
            {
                "campus_id": campus_id,
                "username": "uop.focal",
                "display_name": "Gul Khan",
                "role": "admin",
                "password_hash": "-",
                "active": 1,
            },
            owner=campus_id,
        )
        tx.audit("test.other_campus", "campuses", campus_id)
    outsider = Actor(user["id"], "Gul Khan", "admin", campus_id)
    before = database_bytes(campus.store)
    with pytest.raises(PermissionDenied, match="belongs to another campus"):
        evidence.add_reflection(
            campus.store, outsider, enrolment_id, campus.requirement_ids[1], REFLECTION
        )
    assert database_bytes(campus.store) == before


def test_a_reflection_longer_than_twenty_thousand_characters_is_refused(campus):
    enrolment_id = _enrol(campus)["id"]
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput, match=r"is 20,001 characters\. Keep it under 20,000"):
        evidence.add_reflection(
            campus.store, campus.admin, enrolment_id, campus.requirement_ids[1], "x" * 20001
        )
    assert database_bytes(campus.store) == before
