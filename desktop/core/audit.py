"""The append-only audit log: one entry per security-relevant action, hash-chained per device.

Each entry's hash covers its own fields and the previous entry's hash, so editing, inserting or
deleting an entry breaks the chain at that point. Change-log entries name the audit entry of their
transaction, so removing the newest audit entries is caught too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

__all__ = ["GENESIS", "AuditEntry", "ChainBreak", "entry_hash", "verify_chain"]

GENESIS = "0" * 64

HASHED_FIELDS = (
    "device_id",
    "seq",
    "at",
    "actor_id",
    "actor_name",
    "action",
    "entity",
    "entity_id",
    "detail",
    "prev_hash",
)


@dataclass(frozen=True)
class AuditEntry:
    device_id: str
    seq: int
    at: str
    actor_id: str | None
    actor_name: str
    action: str
    entity: str
    entity_id: str | None
    detail: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainBreak:
    device_id: str
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"audit chain of device {self.device_id} breaks at entry {self.seq}: {self.reason}"


def entry_hash(fields: dict[str, Any]) -> str:
    material = json.dumps(
        [fields[name] for name in HASHED_FIELDS], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def verify_chain(rows: list[dict[str, Any]]) -> list[ChainBreak]:
    """Check entries of one or more devices, each device's entries in ``seq`` order."""
    breaks: list[ChainBreak] = []
    expected: dict[str, tuple[int, str]] = {}
    for row in rows:
        device = row["device_id"]
        want_seq, want_prev = expected.get(device, (1, GENESIS))
        if row["seq"] != want_seq:
            kind = "missing entries before it" if row["seq"] > want_seq else "out of order"
            breaks.append(ChainBreak(device, row["seq"], f"expected entry {want_seq}, {kind}"))
        elif row["prev_hash"] != want_prev:
            breaks.append(
                ChainBreak(device, row["seq"], "does not follow the entry before it (inserted?)")
            )
        elif entry_hash(row) != row["hash"]:
            breaks.append(ChainBreak(device, row["seq"], "its content was changed after writing"))
        expected[device] = (row["seq"] + 1, row["hash"])
    return breaks
