"""The campus hub as a sync server for its lab stations, over the campus database itself.

A station joins with a one-time code the focal person makes (``create_station_code``); the
hub records the station in its ``devices`` table (a replicated row, so the registry learns
which campus the station writes for). A station pushes its own changes, which the hub accepts
only for its campus; it pulls the campus's records and the national catalogue, in the hub's log
order from where it stopped.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.core.errors import InvalidTransition, NotFound, phrase
from desktop.core.ids import utc_now
from desktop.core.services.access import require_role
from desktop.core.store import SYSTEM, Actor, Store
from desktop.core.validation import require_text
from sync.apply import ApplyReport, Rights, apply_changes
from sync.changes import Change, VersionVector, local_vector, scan_log
from sync.identity import DeviceKey, device_key
from sync.node import (
    Document,
    JoinGrant,
    JoinRefused,
    JoinRequest,
    PeerDevice,
    check_join_code,
    code_hash,
    new_join_code,
)

__all__ = [
    "HubNode",
    "create_station_code",
    "node_documents",
    "owners_of",
    "revoke_station",
    "stations",
]

STATION_CODE_VALIDITY = dt.timedelta(days=1)


def create_station_code(
    store: Store, actor: Actor, *, valid_for: dt.timedelta = STATION_CODE_VALIDITY
) -> tuple[str, str]:
    """A one-time code a lab station joins this hub with; the code and when it expires.
    A focal person's (admin's) to give."""
    require_role(actor, "admin", doing=phrase("make codes for lab stations"))
    code = new_join_code()
    expires = (dt.datetime.now(dt.UTC) + valid_for).strftime("%Y-%m-%dT%H:%M:%SZ")
    with store.transaction(actor) as tx:
        store.conn.execute(
            "INSERT INTO join_codes (code_hash, kind, created_at, expires_at) "
            "VALUES (?, 'station', ?, ?)",
            (code_hash(code), utc_now(), expires),
        )
        tx.audit("device.join_code", "devices", None, {"expires": expires})
    return code, expires


def owners_of(store: Store, device_id: str) -> frozenset[str]:
    """The partitions a device may write, by this node's ``devices`` table."""
    row = store.one(
        "SELECT kind, campus_id, owner, revoked_at, deleted FROM devices WHERE id = ?",
        (device_id,),
    )
    if row is None or row["revoked_at"] or row["deleted"]:
        return frozenset()
    if row["kind"] == "head_office":
        return frozenset({"*"})
    return frozenset({row["campus_id"] or row["owner"]})


def stations(store: Store) -> list[dict[str, Any]]:
    """The stations joined to this hub, with when each last synced and from where."""
    return store.query(
        "SELECT d.id, d.name, d.revoked_at, d.revoked_reason, d.created_at AS joined_at, "
        "p.last_seen_at, p.last_address, p.clock_offset_seconds "
        "FROM devices d LEFT JOIN sync_peers p ON p.device_id = d.id "
        "WHERE d.kind = 'station' AND d.campus_id = ? AND d.deleted = 0 ORDER BY d.name",
        (store.campus_id,),
    )


def revoke_station(store: Store, actor: Actor, device_id: str, reason: str) -> dict[str, Any]:
    """Refuse every further request of a lab station (lost, stolen, or put to other use); the
    station is told ``reason`` when it next syncs. A focal person's (admin's) to do."""
    require_role(actor, "admin", doing=phrase("revoke lab stations"))
    reason = require_text(reason, "reason", max_len=500)
    row = store.one("SELECT name, revoked_at FROM devices WHERE id = ? AND kind = 'station' "
                    "AND deleted = 0", (device_id,))  # fmt: skip
    if row is None:
        raise NotFound.single("devices", device_id, "is not a lab station that joined this hub",
                              "Choose one of the stations listed")  # fmt: skip
    if row["revoked_at"]:
        raise InvalidTransition.single("devices", row["name"], "was already revoked on {day}",
                                       "Nothing more is needed", day=row["revoked_at"][:10])
    with store.transaction(actor) as tx:
        revoked = tx.update("devices", device_id, {"revoked_at": utc_now(),
                                                   "revoked_reason": reason})  # fmt: skip
        tx.audit("device.revoke", "devices", device_id, {"reason": reason})
    return revoked


def node_documents(store: Store) -> list[Document]:
    """The signed documents this database holds that travel with sync: the newest trust list
    and every status list."""
    documents = []
    newest = store.one("SELECT document FROM trust_lists ORDER BY version DESC LIMIT 1")
    if newest:
        documents.append(Document("trust-list", "trust_list", None, newest["document"]))
    for row in store.query("SELECT url, campus_code, document FROM status_lists ORDER BY url"):
        documents.append(Document(row["url"], "status_list", row["campus_code"], row["document"]))
    return documents


class HubNode:
    kind = "hub"

    def __init__(self, path: Path, *, evidence_has=None) -> None:
        self.path = path
        self.store = Store.open(path)
        self._lock = threading.Lock()
        self._identity = device_key(self.store)
        self._has_file = evidence_has or (lambda _sha: False)
        epoch = self.store.setting("sync_epoch")
        if epoch is None:
            epoch = secrets.token_hex(8)
            with self.store.transaction(SYSTEM) as tx:
                tx.set_setting("sync_epoch", epoch)
        self._epoch = epoch
        campus = self.store.one(
            "SELECT id, code, name_en FROM campuses WHERE id = ?", (self.store.campus_id,)
        )
        if campus is None:
            raise RuntimeError(f"{path} is not set up for a campus: it cannot serve stations")
        self.campus = campus

    def close(self) -> None:
        self.store.close()

    @property
    def identity(self) -> DeviceKey:
        return self._identity

    @property
    def epoch(self) -> str:
        return self._epoch

    def peer(self, device_id: str) -> PeerDevice | None:
        with self._lock:
            row = self.store.one(
                "SELECT d.id, d.kind, d.name, d.campus_id, d.public_key, d.revoked_at, "
                "d.revoked_reason, c.code FROM devices d JOIN campuses c ON c.id = d.campus_id "
                "WHERE d.id = ? AND d.deleted = 0",
                (device_id,),
            )
        if row is None or not row["public_key"] or row["kind"] != "station":
            return None
        return PeerDevice(row["id"], row["kind"], row["name"], row["campus_id"], row["code"],
                          row["public_key"], row["revoked_at"], row["revoked_reason"])  # fmt: skip

    def join(self, request: JoinRequest) -> JoinGrant:
        if request.kind != "station":
            raise JoinRefused(f"a {request.kind.replace('_', ' ')} joins head office's registry, "
                              "not a campus hub")  # fmt: skip
        store = self.store
        with self._lock:
            code = check_join_code(
                request.code,
                store.one("SELECT * FROM join_codes WHERE code_hash = ?",
                          (code_hash(request.code),)),
                giver="this hub", ask="the focal person", now=utc_now(),
            )  # fmt: skip
            if store.one("SELECT 1 FROM devices WHERE id = ?", (request.device_id,)):
                raise JoinRefused("this computer has already joined the campus")
            campus_id = store.campus_id
            with store.transaction(SYSTEM) as tx:
                tx.insert("devices", {"id": request.device_id, "campus_id": campus_id,
                                      "name": request.name[:100] or "Lab station",
                                      "kind": "station", "public_key": request.public_key},
                          owner=campus_id)  # fmt: skip
                store.conn.execute(
                    "UPDATE join_codes SET used_at = ?, used_by = ? WHERE code_hash = ?",
                    (utc_now(), request.device_id, code["code_hash"]),
                )
                tx.audit("device.join", "devices", request.device_id,
                         {"name": request.name[:100], "kind": "station"})  # fmt: skip
        return JoinGrant(self.identity.device_id, self.identity.public_multikey, "hub",
                         campus_id, self.campus["code"], self.campus["name_en"], self.epoch)

    def vector(self) -> VersionVector:
        with self._lock:
            return local_vector(self.store)

    def receive(self, peer: PeerDevice, changes: Sequence[Change]) -> ApplyReport:
        with self._lock:
            rights = Rights(default=lambda device: owners_of(self.store, device),
                            sender=peer.owners)  # fmt: skip
            return apply_changes(self.store, changes, rights)

    def changes_for(
        self, peer: PeerDevice, *, after: int, limit: int, held: Mapping[str, int]
    ) -> tuple[list[Change], int, bool]:
        scope = {peer.campus_id, "national"}

        def fetch(position: int, count: int) -> list[tuple]:
            return self.store.conn.execute(
                "SELECT rowid, device_id, seq, table_name, row_id, version, op, row "
                "FROM change_log WHERE rowid > ? ORDER BY rowid LIMIT ?", (position, count),
            ).fetchall()  # fmt: skip

        with self._lock:
            return scan_log(fetch, after=after, limit=limit, held=held,
                            in_scope=lambda row: row.get("owner") in scope)  # fmt: skip

    def log_end(self) -> int:
        with self._lock:
            return self.store.scalar("SELECT COALESCE(MAX(rowid), 0) FROM change_log") or 0

    def documents_for(self, peer: PeerDevice, held: Mapping[str, str]) -> list[Document]:
        with self._lock:
            documents = node_documents(self.store)
        return [d for d in documents if held.get(d.key) != d.sha256]

    def receive_documents(self, peer: PeerDevice, documents: Sequence[Document]) -> int:
        return 0  # a station makes no signed documents

    def seen(self, peer: PeerDevice, *, address: str | None,
             clock_offset: float | None) -> None:  # fmt: skip
        with self._lock, self.store.transaction(SYSTEM):
            self.store.conn.execute(
                "INSERT INTO sync_peers (device_id, acknowledged, last_seen_at, last_address, "
                "clock_offset_seconds) VALUES (?, '{}', ?, ?, ?) ON CONFLICT (device_id) DO "
                "UPDATE SET last_seen_at = excluded.last_seen_at, last_address = "
                "excluded.last_address, clock_offset_seconds = "
                "COALESCE(excluded.clock_offset_seconds, sync_peers.clock_offset_seconds)",
                (peer.id, utc_now(), address, clock_offset),
            )

    def wanted_files(self, peer: PeerDevice, offered: Sequence[tuple[str, int]]) -> list[str]:
        return [sha for sha, _size in offered if not self._has_file(sha)]

    def requested_files(self, peer: PeerDevice) -> list[str]:
        """A hub wants every file it lacks already: it never asks for more."""
        return []

