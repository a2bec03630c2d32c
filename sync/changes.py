"""What one node has that another lacks, by per-device counters (a version vector).

Every node keeps the change-log entries it wrote and those it received, each under its origin
device and that device's ``seq``. A node's knowledge is therefore summed up by the highest
``seq`` it holds per device; a peer sends it every entry above those counters. Because
entries carry whole rows with their versions, they can arrive over several hops and in any
order and still converge.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.store import Store

__all__ = [
    "Change",
    "VersionVector",
    "changes_after",
    "changes_page",
    "local_vector",
    "scan_log",
]


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
    """What this node holds: the highest seq per device. A node receives another device's
    entries in that device's seq order (every hop sends in its log order and applies whole
    batches), but only those in its scope: so the highest seq says "everything of that device
    that is mine to have, up to here", though not every number below it is held."""
    return VersionVector(
        store.conn.execute("SELECT device_id, MAX(seq) FROM change_log GROUP BY device_id")
    )


def changes_page(
    store: Store, peer: Mapping[str, int], *, after: int = 0, limit: int = 1000
) -> tuple[list[Change], int]:
    """Entries this node holds that ``peer`` lacks, at most ``limit``, in this node's log order,
    and the log position to continue ``after`` in the same pass. That order is causal (a parent
    row was logged here before its child), so the peer can apply them as they come; each
    device's entries are in ``seq`` order within it."""
    rows = store.conn.execute(
        "SELECT c.rowid, c.device_id, c.seq, c.table_name, c.row_id, c.version, c.op, c.row "
        "FROM change_log c "
        "LEFT JOIN json_each(?) seen ON seen.key = c.device_id "
        "WHERE c.rowid > ? AND c.seq > coalesce(seen.value, 0) "
        "ORDER BY c.rowid LIMIT ?",
        (json.dumps(dict(peer)), after, limit),
    ).fetchall()
    changes = [Change(d, seq, t, r, v, o, json.loads(row)) for _, d, seq, t, r, v, o, row in rows]
    return changes, (rows[-1][0] if rows else after)


def changes_after(store: Store, peer: Mapping[str, int], *, limit: int = 1000) -> Iterator[Change]:
    """The first page of :func:`changes_page` (the caller asks again with the updated vector)."""
    yield from changes_page(store, peer, limit=limit)[0]


LogRow = tuple  # (position, device_id, seq, table_name, row_id, version, op, row JSON text)
SCAN_PAGE = 4000


def scan_log(
    fetch: Callable[[int, int], Sequence[LogRow]],
    *,
    after: int,
    limit: int,
    held: Mapping[str, int],
    in_scope: Callable[[dict[str, Any]], bool] = lambda _row: True,
) -> tuple[list[Change], int, bool]:
    """What a pull sends, from any node's log: up to ``limit`` entries past position ``after``
    that are in scope and not ``held`` (the peer's vector), the position reached, and whether
    more may remain. ``fetch(position, n)`` gives the next ``n`` log rows past ``position`` in
    log order (a hub's change log, the registry's)."""
    out: list[Change] = []
    position = after
    more = True
    while more and len(out) < limit:
        page = fetch(position, SCAN_PAGE)
        for pos, device, seq, table, row_id, version, op, row_text in page:
            position = pos
            if seq <= held.get(device, 0):
                continue
            row = json.loads(row_text)
            if not in_scope(row):
                continue
            out.append(Change(device, seq, table, row_id, version, op, row))
            if len(out) >= limit:
                break
        if len(page) < SCAN_PAGE and (not page or position == page[-1][0]):
            more = False  # the whole log has been read
    return out, position, more
