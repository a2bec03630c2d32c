"""The demo campus is believable and obeys every rule a real campus does."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter

import pytest

from desktop.core.blobs import BlobStore
from desktop.core.demo import DEMO_ACCOUNTS, DEMO_PASSWORDS, create_demo
from desktop.core.paths import evidence_dir
from desktop.core.rubric import meets_pass_rule, validate_scores
from desktop.core.services import users
from desktop.core.services.enrolments import STATUSES
from desktop.core.services.learners import validate_learner
from desktop.core.store import Store
from tests.core.test_change_log import assert_log_invariants

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    summary = create_demo(path, learners=120, seed=7, today=TODAY)
    store = Store.open(path)
    yield path, store, summary
    store.close()


# The lawful steps of the lifecycle (services/enrolments.py and the assessment and evidence
# services): manual changes, submitting an attempt, and the outcomes of an assessment.
LAWFUL = {
    (None, "enrolled"),
    ("enrolled", "in_progress"),
    ("enrolled", "withdrawn"),
    ("in_progress", "submitted"),
    ("in_progress", "withdrawn"),
    ("submitted", "passed"),
    ("submitted", "failed"),
    ("submitted", "resubmit"),
    ("submitted", "withdrawn"),
    ("resubmit", "submitted"),
    ("resubmit", "in_progress"),
    ("resubmit", "withdrawn"),
    ("withdrawn", "enrolled"),
}


def test_summary_counts_match_the_database(demo):
    _, store, summary = demo
    assert summary["learners"] == 120 == store.scalar("SELECT COUNT(*) FROM learners")
    assert summary["enrolments"] == store.scalar("SELECT COUNT(*) FROM enrolments")
    assert 3 * 120 <= summary["enrolments"] <= 7 * 120
    assert summary["assessments"] == store.scalar("SELECT COUNT(*) FROM assessments")


def test_database_is_healthy_and_its_log_whole(demo):
    _, store, _ = demo
    assert_log_invariants(store)


def test_the_catalogue_has_the_seed_tracks_and_concept_note_credentials(demo):
    _, store, _ = demo
    tracks = {r["name_en"] for r in store.query("SELECT name_en FROM tracks")}
    assert tracks == {
        "Data Analytics",
        "Management Sciences",
        "Business and Marketing",
        "Programming Languages",
    }
    titles = {r["title_en"] for r in store.query("SELECT title_en FROM micro_credentials")}
    for expected in ("Data Science", "Python Programming", "Business Management",
                     "Cloud Computing Essentials", "Educational Leadership", "Biostatistics",
                     "Tools for Climate Change", "Inclusive Learning"):  # fmt: skip
        assert expected in titles
    assert all(r["title_ur"] for r in store.query("SELECT title_ur FROM micro_credentials")), (
        "every micro-credential has an Urdu title"
    )
    editions = store.query(
        "SELECT edition, status FROM micro_credentials WHERE code = 'DA-101' ORDER BY edition"
    )
    assert editions == [
        {"edition": 1, "status": "retired"},
        {"edition": 2, "status": "published"},
    ]
    assert store.scalar("SELECT COUNT(*) FROM pathways WHERE status = 'published'") == 2


def test_national_records_come_from_the_head_office_device(demo):
    _, store, _ = demo
    head_office = store.one("SELECT id FROM devices WHERE kind = 'head_office'")["id"]
    origins = {
        r["device_id"]
        for r in store.query(
            "SELECT DISTINCT c.device_id FROM change_log c JOIN micro_credentials m "
            "ON m.id = c.row_id WHERE m.scope = 'national'"
        )
    }
    assert origins == {head_office}
    assert store.device_id != head_office


def test_learners_pass_the_same_validation_as_typed_ones(demo):
    _, store, _ = demo
    fields = ("registration_no", "full_name", "guardian_name", "cnic", "gender",
              "date_of_birth", "email", "phone", "programme")  # fmt: skip
    for learner in store.query("SELECT * FROM learners"):
        data = {name: learner[name] for name in fields}
        assert validate_learner(data) == data
    genders = Counter(r["gender"] for r in store.query("SELECT gender FROM learners"))
    assert genders["female"] > 20 and genders["male"] > 20


def test_enrolments_in_every_state_with_lawful_histories(demo):
    _, store, _ = demo
    statuses = {r["status"] for r in store.query("SELECT DISTINCT status FROM enrolments")}
    assert statuses == set(STATUSES)
    events: dict[str, list[dict]] = {}
    for event in store.query("SELECT * FROM enrolment_events ORDER BY at, id"):
        events.setdefault(event["enrolment_id"], []).append(event)
    for enrolment in store.query("SELECT * FROM enrolments"):
        history = events[enrolment["id"]]
        steps = [(e["from_status"], e["to_status"]) for e in history]
        assert set(steps) <= LAWFUL, steps
        assert all(a[1] == b[0] for a, b in itertools.pairwise(steps)), steps
        assert steps[-1][1] == enrolment["status"]
        assert history[-1]["at"] == enrolment["status_changed_at"]
        withdrawn = [e for e in history if e["to_status"] == "withdrawn"]
        assert all(e["reason"] for e in withdrawn), "a withdrawal always has its reason"


def test_nothing_happened_after_today(demo):
    _, store, _ = demo
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert store.scalar("SELECT MAX(at) FROM enrolment_events") < tomorrow
    assert store.scalar("SELECT MAX(assessed_at) FROM assessments") < tomorrow
    # and closed cohorts are those that ended
    for cohort in store.query("SELECT status, ends_on FROM cohorts"):
        assert (cohort["status"] == "closed") == (cohort["ends_on"] < TODAY.isoformat())


def test_assessments_follow_their_rubric(demo):
    _, store, _ = demo
    rows = store.query(
        "SELECT a.*, m.rubric, e.status, e.attempt AS current_attempt FROM assessments a "
        "JOIN enrolments e ON e.id = a.enrolment_id JOIN cohorts c ON c.id = e.cohort_id "
        "JOIN micro_credentials m ON m.id = c.micro_credential_id"
    )
    assert {r["decision"] for r in rows} == {"pass", "resubmit", "fail"}
    for row in rows:
        rubric = json.loads(row["rubric"])
        scores = validate_scores(rubric, json.loads(row["scores"]))
        assert meets_pass_rule(rubric, scores) == (row["decision"] == "pass")
        assert row["feedback"].strip()
        marker = store.one(
            "SELECT 1 FROM cohort_assessors ca JOIN enrolments e ON e.cohort_id = ca.cohort_id "
            "WHERE e.id = ? AND ca.user_id = ?",
            (row["enrolment_id"], row["marker_id"]),
        )
        assert marker, "the marker is an assessor of the cohort"
        if row["decision"] == "resubmit":
            assert row["attempt"] < row["current_attempt"]


def test_evidence_files_are_stored_under_their_hash(demo):
    path, store, summary = demo
    blobs = BlobStore(evidence_dir(path))
    files = store.query("SELECT DISTINCT sha256 FROM evidence WHERE kind = 'file'")
    assert len(files) == summary["evidence files"] > 50
    assert all(blobs.verify(f["sha256"]) for f in files)
    kinds = {r["kind"] for r in store.query("SELECT DISTINCT kind FROM evidence")}
    assert kinds == {"file", "link", "reflection"}


def test_demo_accounts_sign_in(demo):
    _, store, _ = demo
    username, name, role = DEMO_ACCOUNTS[0]
    actor = users.authenticate(store, username, DEMO_PASSWORDS[role])
    assert (actor.name, actor.role) == (name, role)
    student = store.one("SELECT username FROM users WHERE role = 'student' LIMIT 1")
    assert users.authenticate(store, student["username"], DEMO_PASSWORDS["student"]).role == (
        "student"
    )


def test_the_same_seed_gives_the_same_people(tmp_path):
    def people(name: str) -> list[tuple]:
        path = tmp_path / name
        create_demo(path, learners=15, seed=11, today=TODAY)
        with Store.open(path) as store:
            return [
                tuple(r.values())
                for r in store.query(
                    "SELECT registration_no, full_name, cnic, phone FROM learners "
                    "ORDER BY registration_no"
                )
            ]

    assert people("a.db") == people("b.db")


def test_an_existing_file_is_never_overwritten(tmp_path):
    path = tmp_path / "campus.db"
    path.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        create_demo(path, learners=5)
    assert path.read_bytes() == b"precious"
    assert not list(tmp_path.glob(".*partial*"))


def test_work_waiting_or_open_is_the_learners_own(demo):
    """What an assessor or student opens in the app names its own learner: files reused from
    the pool of a large demo are only ever behind decided work."""
    path, store, _summary = demo
    blobs = BlobStore(evidence_dir(path))
    rows = store.query(
        "SELECT v.sha256, l.registration_no FROM evidence v "
        "JOIN enrolments e ON e.id = v.enrolment_id JOIN learners l ON l.id = e.learner_id "
        "WHERE v.kind = 'file' AND e.status IN ('enrolled', 'in_progress', 'submitted', 'resubmit')"
    )
    assert rows
    for row in rows:
        assert row["registration_no"] in blobs.path_for(row["sha256"]).read_text(errors="replace")
