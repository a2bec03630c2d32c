"""Applying a batch of changes at the registry, in one transaction: the rules of
``sync.apply`` (held entries skipped, ownership by origin *and* sender, newer wins by
``(version, last_device)``, same-version losers kept as conflicts), written in a few
statements per batch (so ingest keeps pace with many campuses)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, or_, select

from desktop.core.ids import utc_now
from desktop.core.schema import REPLICATED_TABLES
from sync.apply import ApplyReport, Refusal
from sync.changes import Change
from sync.node import PeerDevice
from sync.registry import schema as t

if TYPE_CHECKING:
    from sync.registry.store import Registry

__all__ = ["Batch"]


class Batch:
    """One batch applied in one transaction."""

    def __init__(self, registry: Registry, conn: Connection, sender: PeerDevice,
                 report: ApplyReport) -> None:  # fmt: skip
        self.registry, self.conn, self.sender, self.report = registry, conn, sender, report
        self.current: dict[tuple[str, str], dict[str, Any]] = {}
        self.rights: dict[str, frozenset[str]] = {}

    def apply(self, changes: Sequence[Change]) -> None:
        held = self._held(changes)
        fresh: list[Change] = []
        seen: set[tuple[str, int]] = set()
        for change in changes:
            key = (change.device_id, change.seq)
            if key in held or key in seen:
                self.report.skipped += 1
            else:
                seen.add(key)
                fresh.append(change)
        # A first version (an insert) needs no look at what is held: UUIDv7 ids are never made
        # twice, and the upsert below keeps a held row that is newer or of another owner.
        self._load_current({(c.table, c.row_id) for c in fresh
                            if not (c.op == "insert" and c.version == 1)})
        log_rows: list[dict[str, Any]] = []
        changed: dict[tuple[str, str], dict[str, Any]] = {}
        conflicts: list[dict[str, Any]] = []
        now = utc_now()
        for change in fresh:
            refusal = self._refusal(change)
            if refusal:
                self.report.refused.append(Refusal(change.device_id, change.seq, change.table,
                                                   change.row_id, refusal))  # fmt: skip
                continue
            key = (change.table, change.row_id)
            row = change.row
            text_row = _json(row)
            incoming = (int(row["version"]), str(row["last_device"]))
            holding_row = self.current.get(key)
            if holding_row is None:
                self.report.applied += 1
                self._take(key, row, text_row, changed)
            else:
                holding = (holding_row["version"], holding_row["last_device"])
                if incoming > holding:
                    if incoming[0] == holding[0]:
                        conflicts.append(_conflict(change, json.loads(holding_row["row"]), row))
                    self.report.applied += 1
                    self._take(key, row, text_row, changed)
                elif incoming < holding:
                    if incoming[0] == holding[0] and _content(row) != _content(
                        json.loads(holding_row["row"])
                    ):
                        conflicts.append(_conflict(change, row, json.loads(holding_row["row"])))
                    self.report.kept += 1
            if change.table == "devices":
                self.rights.pop(change.row_id, None)
            log_rows.append({"device_id": change.device_id, "seq": change.seq,
                             "table_name": change.table, "row_id": change.row_id,
                             "version": change.version, "owner": row["owner"], "op": change.op,
                             "row": text_row, "received_at": now})  # fmt: skip
        self.report.conflicts += len(conflicts)
        registry = self.registry
        registry._insert_ignore(self.conn, t.log, log_rows)
        registry._upsert(
            self.conn, t.rows, list(changed.values()), ["table_name", "row_id"],
            ["owner", "version", "last_device", "row"],
            where=lambda table, new: and_(table.c.owner == new.owner, or_(
                table.c.version < new.version,
                and_(table.c.version == new.version, table.c.last_device < new.last_device),
            )),
        )
        registry._insert_ignore(self.conn, t.conflicts, conflicts)
        self._advance_vector({c.device_id for c in fresh})

    def _held(self, changes: Sequence[Change]) -> set[tuple[str, int]]:
        spans: dict[str, list[int]] = {}
        for change in changes:
            spans.setdefault(change.device_id, []).append(change.seq)
        held: set[tuple[str, int]] = set()
        for device, seqs in spans.items():
            result = self.conn.execute(
                select(t.log.c.seq).where(t.log.c.device_id == device,
                                          t.log.c.seq.between(min(seqs), max(seqs)))
            )  # fmt: skip
            held.update((device, s) for s in result.scalars())
        return held

    def _load_current(self, keys: set[tuple[str, str]]) -> None:
        by_table: dict[str, list[str]] = {}
        for table, row_id in keys:
            by_table.setdefault(table, []).append(row_id)
        for table, ids in by_table.items():
            for start in range(0, len(ids), 2000):
                chunk = ids[start : start + 2000]
                result = self.conn.execute(
                    select(t.rows.c.row_id, t.rows.c.owner, t.rows.c.version,
                           t.rows.c.last_device, t.rows.c.row)
                    .where(t.rows.c.table_name == table, t.rows.c.row_id.in_(chunk))
                ).mappings()  # fmt: skip
                for r in result:
                    self.current[(table, r["row_id"])] = dict(r)

    def _take(self, key: tuple[str, str], row: dict[str, Any], text_row: str,
              changed: dict[tuple[str, str], dict[str, Any]]) -> None:  # fmt: skip
        record = {"table_name": key[0], "row_id": key[1], "owner": row["owner"],
                  "version": int(row["version"]), "last_device": str(row["last_device"]),
                  "row": text_row}  # fmt: skip
        self.current[key] = record
        changed[key] = record

    def _owners_of(self, device_id: str) -> frozenset[str]:
        if device_id in self.rights:
            return self.rights[device_id]
        owners: frozenset[str] = frozenset()
        joined = self.registry.peer(device_id) if device_id != self.sender.id else self.sender
        if joined is not None:
            owners = frozenset() if joined.revoked_at else joined.owners
        else:
            # A station its hub registered: it writes for the campus that registered it.
            record = self.current.get(("devices", device_id))
            if record is None:
                self._load_current({("devices", device_id)})
                record = self.current.get(("devices", device_id))
            if record is not None:
                row = json.loads(record["row"])
                if not row.get("revoked_at") and not row.get("deleted"):
                    owners = frozenset({record["owner"]})
        self.rights[device_id] = owners
        return owners

    def _refusal(self, change: Change) -> str | None:
        if change.table not in REPLICATED_TABLES:
            return f"{change.table} is not a table that replicates"
        row = change.row
        if row.get("id") != change.row_id or not isinstance(row.get("version"), int):
            return "the entry's row does not match its id"
        owner = row.get("owner")
        if not isinstance(owner, str):
            return "the entry's row has no owner"
        for device, what in ((change.device_id, "its origin device"),
                             (self.sender.id, "the sending device")):  # fmt: skip
            owners = self._owners_of(device)
            if owner not in owners and "*" not in owners:
                return f"{what} {device} may not write records of {owner!r}"
        held = self.current.get((change.table, change.row_id))
        if held is not None and held["owner"] != owner:
            return f"the record belongs to {held['owner']!r}; a change cannot move it"
        return None

    def _advance_vector(self, devices: set[str]) -> None:
        if not devices:
            return
        tops = dict(self.conn.execute(
            select(t.vector.c.device_id, t.vector.c.top).where(t.vector.c.device_id.in_(devices))
        ).all())  # fmt: skip
        updates = []
        for device in devices:
            top = start = tops.get(device, 0)
            for seq in self.conn.execute(
                select(t.log.c.seq).where(t.log.c.device_id == device, t.log.c.seq > top)
                .order_by(t.log.c.seq)
            ).scalars():  # fmt: skip
                if seq != top + 1:
                    break
                top = seq
            if top != start:
                updates.append({"device_id": device, "top": top})
        self.registry._upsert(self.conn, t.vector, updates, ["device_id"], ["top"])


def _json(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def _content(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("version", "last_device", "modified_at")}


def _conflict(change: Change, loser: dict[str, Any], winner: dict[str, Any]) -> dict[str, Any]:
    return {"table_name": change.table, "row_id": change.row_id,
            "losing_version": loser["version"], "losing_device": loser["last_device"],
            "losing_row": _json(loser), "winning_version": winner["version"],
            "winning_device": winner["last_device"], "detected_at": utc_now()}  # fmt: skip
