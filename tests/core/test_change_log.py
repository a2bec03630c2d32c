"""The change log: one entry per row write, seq strictly increasing per device without gaps,
in the same transaction as the write, and nothing at all when a change is refused."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import DomainError
from desktop.core.health import check_database
from desktop.core.schema import REPLICATED_TABLES
from desktop.core.services import enrolments
from desktop.core.services import learners as learner_service
from desktop.core.store import SYSTEM, Store
from tests.conftest import copy_database, database_bytes


def assert_log_invariants(store: Store) -> None:
    """What every Sanad database must satisfy, whatever was done to it."""
    for row in store.query(
        "SELECT device_id, COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM change_log "
        "GROUP BY device_id"
    ):
        assert (row["lo"], row["hi"]) == (1, row["n"]), f"gap in the log of {row['device_id']}"
    for table in REPLICATED_TABLES:
        # Every version of every row was logged exactly once, and nothing more.
        bad = store.query(
            f"""SELECT t.id, t.version, COUNT(c.seq) AS entries, MAX(c.version) AS top,
                       COUNT(DISTINCT c.version) AS versions
                FROM {table} t LEFT JOIN change_log c
                  ON c.table_name = '{table}' AND c.row_id = t.id
                GROUP BY t.id
                HAVING entries != t.version OR top != t.version OR versions != t.version"""
        )
        assert not bad, f"{table}: rows whose versions are not each logged once: {bad[:3]}"
    report = check_database(store)
    assert report.healthy, report.problems


def test_seq_increases_per_device_and_each_write_is_logged_once(campus):
    store = campus.store
    top = store.scalar("SELECT MAX(seq) FROM change_log WHERE device_id = ?", (store.device_id,))
    learner = learner_service.register_learner(
        store, campus.admin, {"registration_no": "QAU-2026-0100", "full_name": "Laiba Siddiqui"}
    )
    learner_service.update_learner(store, campus.admin, learner["id"], {"programme": "BS Physics"})
    entries = store.query(
        "SELECT seq, table_name, row_id, version, op, row FROM change_log "
        "WHERE device_id = ? AND seq > ? ORDER BY seq",
        (store.device_id, top),
    )
    assert [(e["seq"], e["op"], e["version"]) for e in entries] == [
        (top + 1, "insert", 1),
        (top + 2, "update", 2),
    ]
    assert json.loads(entries[1]["row"])["programme"] == "BS Physics"
    assert_log_invariants(store)


def test_an_edit_that_changes_nothing_writes_nothing(campus):
    store = campus.store
    learner_id = campus.learner_ids[0]
    before = database_bytes(store)
    learner_service.update_learner(store, campus.admin, learner_id, {"full_name": "Ayesha  Khan"})
    assert database_bytes(store) == before


def test_deletion_is_a_logged_tombstone(campus):
    store = campus.store
    learner_id = campus.learner_ids[4]
    learner_service.delete_learner(store, campus.admin, learner_id)
    assert store.get("learners", learner_id) is None
    row = store.one("SELECT deleted, version FROM learners WHERE id = ?", (learner_id,))
    assert row == {"deleted": 1, "version": 2}
    last = store.one(
        "SELECT op, row FROM change_log WHERE row_id = ? ORDER BY version DESC", (learner_id,)
    )
    assert last["op"] == "delete" and json.loads(last["row"])["deleted"] == 1
    assert_log_invariants(store)


def test_a_write_without_an_audit_entry_is_rolled_back(campus):
    store = campus.store
    before = database_bytes(store)
    with pytest.raises(RuntimeError, match="without an audit entry"):  # noqa: SIM117
        with store.transaction(SYSTEM) as tx:
            tx.insert("tracks", {"code": "XX", "name_en": "Unaudited"}, owner="national")
    assert database_bytes(store) == before


def test_a_failure_inside_a_transaction_writes_nothing(campus):
    store = campus.store
    before = database_bytes(store)
    with pytest.raises(ZeroDivisionError):  # noqa: SIM117
        with store.transaction(SYSTEM) as tx:
            tx.insert("tracks", {"code": "XX", "name_en": "Half"}, owner="national")
            tx.audit("track.create", "tracks", None)
            1 / 0  # noqa: B018
    assert database_bytes(store) == before


def test_bulk_inserts_log_the_same_json_as_single_ones(campus):
    """Batches let SQLite write the change-log JSON; it must equal the rows exactly."""
    store = campus.store
    rows = [
        {"registration_no": f"QAU-2026-{n:04d}", "full_name": f"Noor Fatima {n}", "cnic": None}
        for n in range(200, 260)
    ]
    created = learner_service.register_learners(store, campus.admin, rows).created
    for row in created:
        logged = store.scalar(
            "SELECT row FROM change_log WHERE row_id = ? AND version = 1", (row["id"],)
        )
        assert json.loads(logged) == row
    assert_log_invariants(store)


# -- property: any sequence of good and bad operations keeps the invariants -------------------

NAMES = st.sampled_from(["Ayesha Khan", "Bilal Ahmed", "Sana Mirza", "Hamza Yousafzai", ""])
CNICS = st.one_of(
    st.none(),
    st.sampled_from(["35202-1234567-2", "61101-7654321-1", "0123-bad", "3520212345670"]),
)
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("register"), st.integers(0, 12), NAMES, CNICS),
        st.tuples(st.just("rename"), st.integers(0, 12), NAMES),
        st.tuples(st.just("delete"), st.integers(0, 12)),
        st.tuples(st.just("enrol"), st.integers(0, 12)),
        st.tuples(st.just("withdraw"), st.integers(0, 12)),
    ),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(OPERATIONS)
def test_any_sequence_of_operations_keeps_the_log_whole(campus_template, tmp_path, operations):
    template, ids = campus_template
    path = tmp_path / f"prop-{id(operations)}.db"
    path.unlink(missing_ok=True)
    store = Store.open(copy_database(template, path))
    admin = ids["admin"]
    try:
        for op in operations:
            kind, n = op[0], op[1]
            reg = f"QAU-2026-{n:04d}"
            learner = store.one("SELECT * FROM learners WHERE registration_no = ?", (reg,))
            log_before = store.scalar("SELECT COUNT(*) FROM change_log")
            audit_before = store.scalar("SELECT COUNT(*) FROM audit_log")
            try:
                if kind == "register":
                    learner_service.register_learner(
                        store, admin, {"registration_no": reg, "full_name": op[2], "cnic": op[3]}
                    )
                elif kind == "rename" and learner:
                    learner_service.update_learner(
                        store, admin, learner["id"], {"full_name": op[2]}
                    )
                elif kind == "delete" and learner:
                    learner_service.delete_learner(store, admin, learner["id"])
                elif kind == "enrol" and learner:
                    enrolments.enrol(store, admin, ids["cohort_id"], learner["id"])
                elif kind == "withdraw" and learner:
                    enrolment = store.one(
                        "SELECT id FROM enrolments WHERE learner_id = ?", (learner["id"],)
                    )
                    if enrolment:
                        enrolments.change_status(
                            store, admin, enrolment["id"], "withdrawn", "Moved away"
                        )
            except DomainError:
                # Refused: not one entry in either log.
                assert store.scalar("SELECT COUNT(*) FROM change_log") == log_before
                assert store.scalar("SELECT COUNT(*) FROM audit_log") == audit_before
            else:
                written = store.scalar("SELECT COUNT(*) FROM change_log") - log_before
                audited = store.scalar("SELECT COUNT(*) FROM audit_log") - audit_before
                assert audited == (1 if written else 0)
        assert_log_invariants(store)
    finally:
        store.close()
