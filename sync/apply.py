"""Applying changes received from a peer: idempotent, ownership-checked, deterministic.

A batch of :class:`~sync.changes.Change` entries (in the sender's log order, which is causal:
the sender applied a parent before its child) is applied in one transaction. For each entry:

- *Already held* (its origin device and ``seq`` are in this node's change log): skipped, so a
  batch applied twice changes nothing and a resumed sync may resend freely.
- *Not the sender's to write*: the row's ``owner`` must be a partition the entry's origin device
  may write (:class:`Rights`); a refused entry is reported with the reason and the rest of the
  batch proceeds. It is still not recorded, so it is offered again after the rights change.
- *Newer* (higher ``version``, ties broken by ``last_device``: the same on every node, so every
  order of syncs converges): the row takes the entry's content.
- *Older*: the row stays; if the entry was a concurrent edit of the same version with other
  content, the losing version is kept in ``sync_conflicts`` for a person to review.

Every accepted entry is stored in the change log under its origin device and ``seq``, so this
node can relay it onward (station → hub → registry) and its version vector advances.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop.core.ids import utc_now
from desktop.core.schema import REPLICATED_TABLES
from desktop.core.store import Store
from sync.changes import Change

__all__ = ["ApplyReport", "Refusal", "Rights", "apply_changes"]


@dataclass(frozen=True)
class Refusal:
    device_id: str
    seq: int
    table: str
    row_id: str
    reason: str


@dataclass
class ApplyReport:
    applied: int = 0  # entries that changed a row
    kept: int = 0  # entries recorded whose row already held a newer version
    skipped: int = 0  # entries already held
    conflicts: int = 0
    refused: list[Refusal] = field(default_factory=list)


@dataclass(frozen=True)
class Rights:
    """Which partitions each origin device may write: ``device → owners``. A device not listed
    falls back to ``default`` (a callable, e.g. reading the devices table)."""

    by_device: dict[str, frozenset[str]] = field(default_factory=dict)
    default: Callable[[str], frozenset[str]] | None = None

    # The device that sent the batch, when it is not the origin of every entry (a hub relaying
    # its stations' changes): an entry must be within *its* partitions too, so a sender cannot
    # pass off a forged entry as another device's.
    sender: frozenset[str] | None = None

    def may_write(self, device_id: str, owner: str) -> bool:
        owners = self.by_device.get(device_id)
        if owners is None and self.default is not None:
            owners = self.default(device_id)
        if self.sender is not None and not (owner in self.sender or "*" in self.sender):
            return False
        return owners is not None and (owner in owners or "*" in owners)


def _wins(incoming: tuple[int, str], held: tuple[int, str]) -> bool:
    return incoming > held


def apply_changes(
    store: Store,
    changes: Iterable[Change],
    rights: Rights,
    *,
    checkpoint: Callable[[sqlite3.Connection], None] | None = None,
) -> ApplyReport:
    """Apply a batch in one transaction (all of it, or — on an error — none of it).
    ``checkpoint`` runs in the same transaction (a sync records how far it got, so the
    position and the changes are kept together or not at all)."""
    batch = list(changes)
    try:
        return _apply_batch(store, batch, rights, checkpoint, deferred=True)
    except sqlite3.IntegrityError:
        # An entry whose parent record is not here (refused upstream, or out of this node's
        # scope) fails the deferred check at commit. Apply again checking each entry as it
        # comes (the batch is in causal order, so parents are met first): the orphan is
        # refused and reported, the rest of the batch is kept.
        return _apply_batch(store, batch, rights, checkpoint, deferred=False)


def _apply_batch(
    store: Store,
    changes: list[Change],
    rights: Rights,
    checkpoint: Callable[[sqlite3.Connection], None] | None,
    *,
    deferred: bool,
) -> ApplyReport:
    report = ApplyReport()
    conn = store.conn
    with store.received():
        conn.execute(f"PRAGMA defer_foreign_keys = {'ON' if deferred else 'OFF'}")
        for change in changes:
            _apply_one(store, change, rights, report)
        if checkpoint is not None:
            checkpoint(conn)
    return report


def _apply_one(store: Store, change: Change, rights: Rights, report: ApplyReport) -> None:
    conn = store.conn
    held = conn.execute(
        "SELECT 1 FROM change_log WHERE device_id = ? AND seq = ?", (change.device_id, change.seq)
    ).fetchone()
    if held:
        report.skipped += 1
        return
    refusal = _refusal(store, change, rights)
    if refusal is not None:
        report.refused.append(refusal)
        return
    conn.execute("SAVEPOINT received_entry")
    try:
        _write(store, change, report)
    except sqlite3.IntegrityError as exc:
        # e.g. the same registration number registered at two places: refused, reported.
        conn.execute("ROLLBACK TO received_entry")
        reason = (
            "a record it refers to is not on this computer"
            if "FOREIGN KEY" in str(exc)
            else f"it clashes with a record here ({exc})"
        )
        report.refused.append(Refusal(change.device_id, change.seq, change.table,
                                      change.row_id, reason))
    conn.execute("RELEASE received_entry")


def _write(store: Store, change: Change, report: ApplyReport) -> None:
    conn = store.conn
    row = change.row
    current = conn.execute(
        f"SELECT * FROM {change.table} WHERE id = ?", (change.row_id,)
    ).fetchone()
    columns = store.columns(change.table)
    if current is None:
        values = [row.get(c) for c in columns]
        conn.execute(
            f"INSERT INTO {change.table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            values,
        )
        report.applied += 1
    else:
        current_row = dict(zip(columns, current, strict=True))
        incoming = (int(row["version"]), str(row["last_device"]))
        holding = (int(current_row["version"]), str(current_row["last_device"]))
        if incoming == holding:
            pass  # the same version (it came by another path)
        elif _wins(incoming, holding):
            if incoming[0] == holding[0]:
                _keep_conflict(store, change.table, change.row_id, current_row, row)
                report.conflicts += 1
            settable = [c for c in columns if c != "id"]
            conn.execute(
                f"UPDATE {change.table} SET {', '.join(f'{c} = ?' for c in settable)} "
                "WHERE id = ?",
                [*(row.get(c) for c in settable), change.row_id],
            )
            report.applied += 1
        else:
            if incoming[0] == holding[0] and _content(row) != _content(current_row):
                _keep_conflict(store, change.table, change.row_id, row, current_row)
                report.conflicts += 1
            report.kept += 1
    conn.execute(
        "INSERT INTO change_log (device_id, seq, table_name, row_id, version, op, row, "
        "audit_seq, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
        (change.device_id, change.seq, change.table, change.row_id, change.version, change.op,
         json.dumps(row, ensure_ascii=False, separators=(",", ":")), utc_now()),
    )  # fmt: skip


def _content(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("version", "last_device", "modified_at")}


def _refusal(store: Store, change: Change, rights: Rights) -> Refusal | None:
    def refuse(reason: str) -> Refusal:
        return Refusal(change.device_id, change.seq, change.table, change.row_id, reason)

    if change.table not in REPLICATED_TABLES:
        return refuse(f"{change.table} is not a table that replicates")
    row = change.row
    if not isinstance(row, dict) or row.get("id") != change.row_id:
        return refuse("the entry's row does not match its id")
    unknown = set(row) - store.column_set(change.table)
    if unknown:
        return refuse(f"the row has columns this version of Sanad does not know: {sorted(unknown)}")
    owner = row.get("owner")
    if not isinstance(owner, str) or not rights.may_write(change.device_id, owner):
        return refuse(f"device {change.device_id} may not write records of {owner!r}")
    existing = store.conn.execute(
        f"SELECT owner FROM {change.table} WHERE id = ?", (change.row_id,)
    ).fetchone()
    if existing is not None and existing[0] != owner:
        return refuse(f"the record belongs to {existing[0]!r}; a change cannot move it")
    return None


def _keep_conflict(
    store: Store, table: str, row_id: str, loser: dict[str, Any], winner: dict[str, Any]
) -> None:
    with contextlib.suppress(sqlite3.IntegrityError):  # the same pair met by another path
        store.conn.execute(
            "INSERT INTO sync_conflicts (table_name, row_id, losing_version, losing_device, "
            "losing_row, winning_version, winning_device, detected_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (table, row_id, loser["version"], loser["last_device"],
             json.dumps(loser, ensure_ascii=False), winner["version"], winner["last_device"],
             utc_now()),
        )  # fmt: skip
