"""What one node has that another lacks, by per-device counters (a version vector).

Every node keeps the change-log entries it wrote and those it received, each under its origin
device and that device's ``seq``. A node's knowledge is therefore summed up by the highest
contiguous ``seq`` it holds per device; a peer sends it every entry above those counters. Because
entries carry whole rows with their versions, they can arrive over several hops and in any
order and still converge.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core.store import Store

__all__ = ["Change", "VersionVector", "changes_after", "changes_page", "local_vector"]


@dataclass(frozen=True)
class Change:
    device_id: str
    seq: int
    table: str
    row_id: str
    version: int
    op: str
    row: dict[str, Any]


class VersionVector(dict[str, int]):
    """``{device_id: highest seq held}``; a device not listed counts as 0."""

    def covers(self, device_id: str, seq: int) -> bool:
        return self.get(device_id, 0) >= seq

    def merged(self, other: Mapping[str, int]) -> VersionVector:
        result = VersionVector(self)
        for device, seq in other.items():
            result[device] = max(result.get(device, 0), seq)
        return result

    def to_json(self) -> str:
        return json.dumps(dict(sorted(self.items())), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> VersionVector:
        data = json.loads(text)
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and v >= 0 for k, v in data.items()
        ):
            raise ValueError("a version vector maps device ids to non-negative counters")
        return cls(data)


def local_vector(store: Store) -> VersionVector:
    """What this node holds: the highest seq per device with no gap below it."""
    vector = VersionVector()
    for row in store.query(
        "SELECT device_id, COUNT(*) AS n, MAX(seq) AS hi FROM change_log GROUP BY device_id"
    ):
        if row["n"] == row["hi"]:
            vector[row["device_id"]] = row["hi"]
        else:
            # A gap (an interrupted transfer): count only up to it, so the rest is sent again.
            vector[row["device_id"]] = _contiguous_top(store, row["device_id"])
    return vector


def _contiguous_top(store: Store, device_id: str) -> int:
    top = 0
    for (seq,) in store.conn.execute(
        "SELECT seq FROM change_log WHERE device_id = ? ORDER BY seq", (device_id,)
    ):
        if seq != top + 1:
            break
        top = seq
    return top


def changes_page(
    store: Store, peer: Mapping[str, int], *, after: int = 0, limit: int = 1000
) -> tuple[list[Change], int]:
    """Entries this node holds that ``peer`` lacks, at most ``limit``, in this node's log order,
    and the log position to continue ``after`` in the same pass. That order is causal (a parent
    row was logged here before its child), so the peer can apply them as they come; each
    device's entries are in ``seq`` order within it. Only entries up to each device's contiguous
    top are offered (a gap is filled first)."""
    tops = local_vector(store)
    rows = store.conn.execute(
        "SELECT c.rowid, c.device_id, c.seq, c.table_name, c.row_id, c.version, c.op, c.row "
        "FROM change_log c "
        "JOIN json_each(?) top ON top.key = c.device_id "
        "LEFT JOIN json_each(?) seen ON seen.key = c.device_id "
        "WHERE c.rowid > ? AND c.seq > coalesce(seen.value, 0) AND c.seq <= top.value "
        "ORDER BY c.rowid LIMIT ?",
        (tops.to_json(), json.dumps(dict(peer)), after, limit),
    ).fetchall()
    changes = [Change(d, seq, t, r, v, o, json.loads(row)) for _, d, seq, t, r, v, o, row in rows]
    return changes, (rows[-1][0] if rows else after)


def changes_after(store: Store, peer: Mapping[str, int], *, limit: int = 1000) -> Iterator[Change]:
    """The first page of :func:`changes_page` (the caller asks again with the updated vector)."""
    yield from changes_page(store, peer, limit=limit)[0]
