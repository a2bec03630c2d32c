"""What a node that serves sync offers, whoever it is: a campus hub serving its lab stations
(over its own SQLite database) or head office's registry serving campuses (SQLite or
PostgreSQL). The HTTP server (``sync.server``) speaks to either through :class:`SyncNode`, so
the protocol is written once.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sync.apply import ApplyReport
from sync.changes import Change, VersionVector
from sync.identity import DeviceKey

__all__ = [
    "CODE_ALPHABET",
    "Document",
    "JoinGrant",
    "JoinRefused",
    "JoinRequest",
    "PeerDevice",
    "SyncNode",
    "check_join_code",
    "code_hash",
    "new_join_code",
    "normalise_code",
]

# Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_LENGTH = 16  # 80 bits


def new_join_code() -> str:
    """A one-time code, in groups of four: ``7K3M-Q9XD-2PWA-H4TN``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(_CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, _CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """A typed code as stored: upper case, without spaces or hyphens, the look-alike letters
    read as the digits they resemble."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t")
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def code_hash(text: str) -> str:
    return hashlib.sha256(normalise_code(text).encode("ascii")).hexdigest()


def looks_like_code(text: str) -> bool:
    code = normalise_code(text)
    return len(code) == _CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)


class JoinRefused(Exception):
    """A join that is refused, with what to do (a used, expired or unknown code, another
    campus's code, …)."""


def check_join_code(code: str, record: Mapping[str, Any] | None, *, giver: str,
                    ask: str, now: str) -> Mapping[str, Any]:  # fmt: skip
    """The one rule for a typed code, at a hub and at the registry: well formed, given out by
    ``giver``, not used, not expired; ``ask`` is who gives a new one. Returns the record."""
    if not looks_like_code(code):
        raise JoinRefused("that is not a join code: it has 16 letters and digits, in four "
                          "groups (e.g. 7K3M-Q9XD-2PWA-H4TN)")  # fmt: skip
    if record is None:
        raise JoinRefused(f"{giver} gave out no such code: check it, or ask {ask} for a new one")
    if record["used_at"]:
        raise JoinRefused(f"this code was already used on {record['used_at']}: ask {ask} for a "
                          "new one")  # fmt: skip
    if record["expires_at"] < now:
        raise JoinRefused(f"this code expired on {record['expires_at']}: ask {ask} for a new one")
    return record


@dataclass(frozen=True)
class PeerDevice:
    """A device this node knows: one that joined it, or (at the registry) a station its hub
    registered."""

    id: str
    kind: str  # station | hub | head_office
    name: str
    campus_id: str
    campus_code: str
    public_key: str
    revoked_at: str | None = None
    revoked_reason: str | None = None

    @property
    def owners(self) -> frozenset[str]:
        """The partitions this device may write."""
        return frozenset({"*"}) if self.kind == "head_office" else frozenset({self.campus_id})


@dataclass(frozen=True)
class JoinRequest:
    code: str
    device_id: str
    public_key: str
    name: str
    kind: str  # what the joining device is: station | hub | head_office
    campus_id: str | None = None
    campus_code: str | None = None


@dataclass(frozen=True)
class JoinGrant:
    node_device_id: str
    node_public_key: str
    node_kind: str  # hub | registry
    campus_id: str
    campus_code: str
    campus_name: str
    epoch: str


@dataclass(frozen=True)
class Document:
    """A signed document that travels beside the records (a trust list, a status list)."""

    key: str
    kind: str  # trust_list | status_list
    campus_code: str | None
    document: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.document.encode("utf-8")).hexdigest()


class SyncNode(Protocol):
    """The serving side of sync."""

    kind: str  # hub | registry

    @property
    def identity(self) -> DeviceKey: ...

    @property
    def epoch(self) -> str:
        """Changes when this node's log starts over (a restore from an old backup): a client
        that kept positions in the old log starts again from the beginning."""
        ...

    def peer(self, device_id: str) -> PeerDevice | None: ...

    def join(self, request: JoinRequest) -> JoinGrant: ...

    def vector(self) -> VersionVector: ...

    def receive(self, peer: PeerDevice, changes: Sequence[Change]) -> ApplyReport: ...

    def changes_for(
        self, peer: PeerDevice, *, after: int, limit: int, held: Mapping[str, int]
    ) -> tuple[list[Change], int, bool]:
        """Up to ``limit`` entries in ``peer``'s scope past log position ``after`` that it does
        not hold (``held``: its vector); the position to continue from; whether more remain."""
        ...

    def log_end(self) -> int:
        """The last position in this node's log (a client past it starts again)."""
        ...

    def documents_for(self, peer: PeerDevice, held: Mapping[str, str]) -> list[Document]:
        """The documents ``peer`` should have whose hash differs from what it holds."""
        ...

    def receive_documents(self, peer: PeerDevice, documents: Sequence[Document]) -> int: ...

    def seen(self, peer: PeerDevice, *, address: str | None,
             clock_offset: float | None) -> None:
        """``peer`` made a request from ``address``; ``clock_offset`` (server time minus its
        clock) only when the request shows it (hello), else None: keep the last one."""

    def wanted_files(self, peer: PeerDevice, offered: Sequence[tuple[str, int]]) -> list[str]:
        """Which of the evidence files ``peer`` holds (sha256, size) this node wants sent."""
        ...

    def requested_files(self, peer: PeerDevice) -> list[str]:
        """Evidence files this node asked of ``peer``'s campus by name (head office's QA
        samples) and still lacks: ``peer`` sends those it holds even if it was told before
        that they were not wanted."""
        ...
