"""Replicas exchanging changes by version vector converge, whatever the order of syncs and
wherever a sync is cut; a batch applied twice changes nothing; a change not the sender's to
make is refused and the rest applies."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.health import check_database
from desktop.core.services import learners
from desktop.core.store import Store
from sync.apply import Rights, apply_changes
from sync.changes import changes_after, local_vector

EVERYONE = Rights(default=lambda _device: frozenset({"*"}))
REPLICAS = 3


def _sync(source: Store, target: Store, *, batch: int, batches: int | None = None) -> int:
    """Send what ``target`` lacks from ``source`` in batches; stop after ``batches`` (a cut)."""
    sent = 0
    while batches is None or batches > 0:
        changes = list(changes_after(source, local_vector(target), limit=batch))
        if not changes:
            break
        report = apply_changes(target, changes, EVERYONE)
        assert not report.refused, report.refused
        sent += len(changes)
        if batches is not None:
            batches -= 1
    return sent


@pytest.fixture(scope="module")
def template(campus_template):
    """The test campus (its database and the ids of what it holds)."""
    return campus_template


def _replicas(template, folder) -> list[Store]:
    """The campus database on ``REPLICAS`` devices: the hub and stations joined by copy, each
    with its own device id (a joined station starts from the hub's state)."""
    path, _ids = template
    stores = []
    for n in range(REPLICAS):
        copy = folder / f"replica-{n}.db"
        shutil.copy(path, copy)
        if n:
            conn = sqlite3.connect(copy)
            conn.execute("UPDATE settings SET value = ? WHERE key = 'device_id'", (f"station-{n}",))
            conn.commit()
            conn.close()
        stores.append(Store.open(copy))
    return stores


def _state(store: Store) -> list[tuple]:
    sql = "SELECT id, version, last_device, full_name, phone, deleted FROM learners ORDER BY id"
    return [tuple(r.values()) for r in store.query(sql)]


OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("register"), st.integers(0, REPLICAS - 1)),
        st.tuples(st.just("phone"), st.integers(0, REPLICAS - 1), st.integers(0, 4)),
        st.tuples(st.just("sync"), st.integers(0, REPLICAS - 1), st.integers(0, REPLICAS - 1),
                  st.integers(1, 7), st.one_of(st.none(), st.integers(0, 2))),
    ),
    max_size=25,
)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(operations=OPERATIONS)
def test_any_order_of_syncs_and_cuts_converges(template, tmp_path_factory, operations):
    _path, ids = template
    folder = tmp_path_factory.mktemp("replicas")
    stores = _replicas(template, folder)
    admin = ids["admin"]
    try:
        registered = 0
        for operation in operations:
            if operation[0] == "register":
                store = stores[operation[1]]
                registered += 1
                learners.register_learner(store, admin, {
                    "registration_no": f"QAU-2026-{operation[1]}{registered:05d}",
                    "full_name": f"Learner {operation[1]}-{registered}",
                })  # fmt: skip
            elif operation[0] == "phone":
                store = stores[operation[1]]
                rows = store.query("SELECT id FROM learners WHERE deleted = 0 ORDER BY id")
                target = rows[operation[2] % len(rows)]["id"]
                phone = f"030{operation[1]}{operation[2]:07d}"
                learners.update_learner(store, admin, target, {"phone": phone})
            else:
                _kind, source, target, batch, cut = operation
                if source != target:
                    _sync(stores[source], stores[target], batch=batch, batches=cut)
        # Everyone syncs with everyone until nothing moves: all hold the same.
        for _round in range(2):
            for source in range(REPLICAS):
                for target in range(REPLICAS):
                    if source != target:
                        _sync(stores[source], stores[target], batch=5)
        states = [_state(store) for store in stores]
        assert states[0] == states[1] == states[2]
        vectors = [local_vector(store) for store in stores]
        assert vectors[0] == vectors[1] == vectors[2]
        for store in stores:
            report = check_database(store)
            assert report.healthy, report.problems
    finally:
        for store in stores:
            store.close()


def test_a_batch_applied_twice_changes_nothing(template, tmp_path):
    hub, station, _other = _replicas(template, tmp_path)
    try:
        _path, ids = template
        admin = ids["admin"]
        learners.register_learner(station, admin, {"registration_no": "QAU-2026-900001",
                                                   "full_name": "Hina Baig"})  # fmt: skip
        changes = list(changes_after(station, local_vector(hub)))
        first = apply_changes(hub, changes, EVERYONE)
        before = _state(hub)
        again = apply_changes(hub, changes, EVERYONE)
        assert first.applied == len(changes) and again.skipped == len(changes)
        assert again.applied == 0 and _state(hub) == before
    finally:
        for store in (hub, station, _other):
            store.close()


def test_a_change_not_the_senders_to_make_is_refused_and_the_rest_applies(template, tmp_path):
    hub, station, _other = _replicas(template, tmp_path)
    try:
        _path, ids = template
        admin = ids["admin"]
        for n in range(2):
            learners.register_learner(station, admin, {
                "registration_no": f"QAU-2026-80000{n}", "full_name": f"Learner {n}"})  # fmt: skip
        changes = list(changes_after(station, local_vector(hub)))
        forged = changes[0]
        forged.row["owner"] = "another-campus"
        only_its_campus = Rights({"station-1": frozenset({ids["admin"].campus_id})})
        report = apply_changes(hub, changes, only_its_campus)
        assert [r.row_id for r in report.refused] == [forged.row_id]
        assert "may not write records of 'another-campus'" in report.refused[0].reason
        assert report.applied == len(changes) - 1
        assert hub.get("learners", forged.row_id) is None
        # Not recorded: sent again, it is judged (and refused) again, not taken as held.
        assert not hub.scalar("SELECT count(*) FROM change_log WHERE device_id = 'station-1' "
                              "AND seq = ?", (forged.seq,))  # fmt: skip
        again = apply_changes(hub, [forged], only_its_campus)
        assert [r.row_id for r in again.refused] == [forged.row_id]
    finally:
        for store in (hub, station, _other):
            store.close()


def test_two_places_editing_the_same_version_keep_the_loser_for_review(template, tmp_path):
    hub, station, _other = _replicas(template, tmp_path)
    try:
        _path, ids = template
        admin = ids["admin"]
        learner_id = ids["learner_ids"][0]
        learners.update_learner(hub, admin, learner_id, {"phone": "03001234567"})
        learners.update_learner(station, admin, learner_id, {"phone": "03337654321"})
        _sync(hub, station, batch=10)
        _sync(station, hub, batch=10)
        assert _state(hub) == _state(station)  # the same winner at both
        for store in (hub, station):
            conflicts = store.query("SELECT * FROM sync_conflicts")
            assert len(conflicts) == 1 and conflicts[0]["row_id"] == learner_id
    finally:
        for store in (hub, station, _other):
            store.close()
