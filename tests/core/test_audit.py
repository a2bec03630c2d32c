"""The audit log is append-only and hash-chained: editing, inserting or deleting an entry, or
cutting off the newest ones, is found by ``check_database``.

The tests play someone with the database file and a SQLite shell: they drop the append-only
triggers first, as such a person could.
"""

from __future__ import annotations

import itertools
import sqlite3

import pytest

from desktop.core.audit import GENESIS, entry_hash, verify_chain
from desktop.core.health import check_database
from desktop.core.services import learners as learner_service


def _tamperer(campus) -> sqlite3.Connection:
    campus.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(campus.path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DROP TRIGGER change_log_no_delete")
    return conn


def _entries(campus) -> list[dict]:
    return campus.store.query(
        "SELECT * FROM audit_log WHERE device_id = ? ORDER BY seq", (campus.store.device_id,)
    )


def _problems(campus) -> list[str]:
    return check_database(campus.store).problems


def test_every_service_action_is_chained(campus):
    learner_service.register_learner(
        campus.store, campus.admin, {"registration_no": "QAU-2026-0300", "full_name": "Rimsha Ali"}
    )
    entries = _entries(campus)
    assert entries[0]["prev_hash"] == GENESIS
    for previous, entry in itertools.pairwise(entries):
        assert entry["prev_hash"] == previous["hash"]
        assert entry["hash"] == entry_hash(entry)
    last = entries[-1]
    assert (last["action"], last["actor_name"]) == ("learner.register", "Sana Mirza")
    assert '"registration_no":"QAU-2026-0300"' in last["detail"].replace(" ", "")
    assert _problems(campus) == []


def test_sanad_refuses_to_change_or_delete_audit_entries(campus):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        campus.store.conn.execute("UPDATE audit_log SET actor_name = 'x' WHERE seq = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        campus.store.conn.execute("DELETE FROM audit_log WHERE seq = 1")


def test_an_edited_entry_is_found(campus):
    conn = _tamperer(campus)
    conn.execute(
        "UPDATE audit_log SET actor_name = 'Someone Else' WHERE seq = 2 AND device_id = ?",
        (campus.store.device_id,),
    )
    assert any("breaks at entry 2: its content was changed" in p for p in _problems(campus))


def test_an_inserted_entry_is_found_even_with_a_correct_hash(campus):
    conn = _tamperer(campus)
    device = campus.store.device_id
    entries = _entries(campus)
    # Make room after entry 2 and forge a well-formed entry 3 that follows entry 2.
    for entry in reversed(entries[2:]):
        conn.execute(
            "UPDATE audit_log SET seq = seq + 1 WHERE device_id = ? AND seq = ?",
            (device, entry["seq"]),
        )
    forged = {**entries[2], "seq": 3, "action": "user.role", "prev_hash": entries[1]["hash"]}
    forged["hash"] = entry_hash(forged)
    conn.execute(
        f"INSERT INTO audit_log ({', '.join(forged)}) VALUES ({', '.join('?' * len(forged))})",
        tuple(forged.values()),
    )
    problems = _problems(campus)
    assert any("breaks at entry 4" in p for p in problems), problems


def test_a_deleted_entry_is_found(campus):
    conn = _tamperer(campus)
    conn.execute("DELETE FROM audit_log WHERE seq = 2 AND device_id = ?", (campus.store.device_id,))
    assert any("expected entry 2, missing entries before it" in p for p in _problems(campus))


def test_cutting_off_the_newest_entries_is_found(campus):
    conn = _tamperer(campus)
    top = campus.store.scalar(
        "SELECT MAX(seq) FROM audit_log WHERE device_id = ?", (campus.store.device_id,)
    )
    conn.execute(
        "DELETE FROM audit_log WHERE seq = ? AND device_id = ?", (top, campus.store.device_id)
    )
    assert any("point at audit entries that are missing" in p for p in _problems(campus))


def test_verify_chain_reports_each_device_separately():
    def chain(device: str, count: int) -> list[dict]:
        rows, prev = [], GENESIS
        for seq in range(1, count + 1):
            row = {
                "device_id": device,
                "seq": seq,
                "at": "2026-11-01T00:00:00.000Z",
                "actor_id": None,
                "actor_name": "system",
                "action": "x",
                "entity": "tracks",
                "entity_id": None,
                "detail": "{}",
                "prev_hash": prev,
            }
            row["hash"] = prev = entry_hash(row)
            rows.append(row)
        return rows

    good, bad = chain("hub", 3), chain("station", 3)
    bad[1]["detail"] = '{"changed": true}'
    breaks = verify_chain(good + bad)
    assert [(b.device_id, b.seq) for b in breaks] == [("station", 2)]
