"""Head office and a campus with no link at all: joining by request and response files, and
USB bundles at the registry's end.

Joining offline: the campus writes a *join request* (``write_join_request``: its device, its
key, the one-time code, signed with the new key) and carries it to head office; the registry
checks it and joins the campus exactly as over HTTP (``answer_join_request``), and writes a
*join response*, signed with the registry's key and proved with the code (a keyed hash only the
holder of the code could make). The campus checks that proof (``accept_join_response``) and
from then on trusts the registry's key: its bundles are accepted, and an HTTP sync is possible
once there is an address.

Bundles at the registry: ``import_campus_bundle`` checks a campus's bundle whole (the sender
must be a device that joined and is not revoked), applies it as a push, keeps its documents
and its acknowledgement; ``export_campus_bundle`` writes the reply: what the campus lacks in
its scope (the national catalogue, its own records restored, …), the trust list and status
lists, and the registry's own counters as the acknowledgement.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature

from desktop.core.files import write_text_atomically
from desktop.core.ids import utc_now
from desktop.core.proofs import ProofError, public_key_from_multikey
from desktop.core.store import SYSTEM, Store
from sync.bundles import BundleProblem, BundleSummary, read_bundle, write_bundle
from sync.changes import VersionVector
from sync.identity import PROTOCOL, device_key
from sync.node import JoinRefused, JoinRequest, normalise_code

__all__ = [
    "JoinFileProblem",
    "accept_join_response",
    "answer_join_request",
    "export_campus_bundle",
    "import_campus_bundle",
    "write_join_request",
]

REQUEST_FORMAT = "sanad-join-request"
RESPONSE_FORMAT = "sanad-join-response"
_PENDING = "pending_join_code"


class JoinFileProblem(Exception):
    """A join request or response that is refused, and why."""


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _proof(code: str, node_public_key: str, device_id: str) -> str:
    message = f"{node_public_key}\n{device_id}".encode("ascii")
    return hmac.new(normalise_code(code).encode("ascii"), message, hashlib.sha256).hexdigest()


def _write(path: Path, document: dict[str, Any]) -> None:
    with write_text_atomically(path) as handle:
        handle.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def _read(path: Path, expected: str) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise JoinFileProblem(f"{path} does not exist") from None
    except (OSError, ValueError):
        raise JoinFileProblem(f"{path.name} cannot be read: it is not a Sanad file") from None
    if not isinstance(document, dict) or document.get("format") != expected:
        raise JoinFileProblem(f"{path.name} is not a {expected.replace('-', ' ')}")
    return document


# -- the campus ----------------------------------------------------------------------------


def write_join_request(store: Store, code: str, destination: Path) -> None:
    """The signed request to carry to head office; the code is kept here until the answer
    comes back (to check the answer with)."""
    kind = store.setting("node_kind") or "campus"
    if store.device_id is None or store.campus_id is None:
        raise JoinFileProblem("set up this computer's campus first")
    key = device_key(store)
    campus = store.one("SELECT code FROM campuses WHERE id = ?", (store.campus_id,))
    device = store.one("SELECT name FROM devices WHERE id = ?", (store.device_id,))
    request = {
        "code": code, "device_id": key.device_id, "public_key": key.public_multikey,
        "name": device["name"] if device else "Campus hub",
        "kind": "head_office" if kind == "head_office" else "hub",
        "campus_id": store.campus_id, "campus_code": campus["code"], "protocol": PROTOCOL,
    }  # fmt: skip
    signature = key.sign(_canonical(request)).hex()
    with store.transaction(SYSTEM) as tx:
        tx.set_setting(_PENDING, code)
        tx.audit("sync.join_request", "devices", key.device_id, {"file": destination.name})
    _write(destination, {"format": REQUEST_FORMAT, "request": request, "signature": signature})


def accept_join_response(store: Store, source: Path, *, url: str = "") -> None:
    """Check head office's answer against the code sent and keep the registry as this node's
    upstream (``url`` may be given now or never: bundles need none)."""
    document = _read(source, RESPONSE_FORMAT)
    code = store.setting(_PENDING)
    if code is None:
        raise JoinFileProblem("this computer has no join request waiting for an answer: write "
                              "one first (sanad sync join-request)")  # fmt: skip
    try:
        grant = document["grant"]
        node_key = public_key_from_multikey(grant["node_public_key"])
        node_key.verify(bytes.fromhex(document["signature"]), _canonical(grant))
        proved = hmac.compare_digest(
            document["proof"], _proof(code, grant["node_public_key"], store.device_id or "")
        )
    except (KeyError, TypeError, ValueError, ProofError, InvalidSignature):
        raise JoinFileProblem(f"{source.name} is not signed by head office's registry, or was "
                              "changed on the way") from None  # fmt: skip
    if not proved or grant.get("campus_id") != store.campus_id:
        raise JoinFileProblem(f"{source.name} answers another request (another code or another "
                              "campus): use the answer to this computer's request")  # fmt: skip
    with store.transaction(SYSTEM) as tx:
        store.conn.execute(
            "INSERT INTO sync_links (peer_device_id, url, peer_kind, peer_public_key, peer_epoch,"
            " joined_at) VALUES (?, ?, 'registry', ?, ?, ?) ON CONFLICT (peer_device_id) DO "
            "UPDATE SET url = excluded.url",
            (grant["node_device_id"], url.rstrip("/"), grant["node_public_key"], grant["epoch"],
             utc_now()),
        )  # fmt: skip
        tx.set_setting(_PENDING, None)
        tx.audit("sync.join", "devices", store.device_id,
                 {"peer": grant["node_device_id"], "kind": "registry", "by": "file"})


# -- the registry --------------------------------------------------------------------------


def answer_join_request(registry: Any, source: Path, destination: Path) -> dict[str, Any]:
    """Join the campus of a request file, as over HTTP, and write the signed answer."""
    document = _read(source, REQUEST_FORMAT)
    try:
        request = document["request"]
        public_key_from_multikey(request["public_key"]).verify(
            bytes.fromhex(document["signature"]), _canonical(request))
        join = JoinRequest(str(request["code"]), str(request["device_id"]),
                           str(request["public_key"]), str(request.get("name") or ""),
                           str(request["kind"]), request.get("campus_id"),
                           request.get("campus_code"))  # fmt: skip
    except (KeyError, TypeError, ValueError, ProofError, InvalidSignature):
        raise JoinFileProblem(f"{source.name} is not signed by the key it names, or was "
                              "changed on the way") from None  # fmt: skip
    try:
        grant = registry.join(join)
    except JoinRefused as exc:
        raise JoinFileProblem(str(exc)) from None
    answer = {
        "node_device_id": grant.node_device_id, "node_public_key": grant.node_public_key,
        "node_kind": grant.node_kind, "campus_id": grant.campus_id,
        "campus_code": grant.campus_code, "campus_name": grant.campus_name,
        "epoch": grant.epoch, "time": utc_now(), "protocol": PROTOCOL,
    }  # fmt: skip
    _write(destination, {
        "format": RESPONSE_FORMAT, "grant": answer,
        "signature": registry.identity.sign(_canonical(answer)).hex(),
        "proof": _proof(join.code, grant.node_public_key, join.device_id),
    })  # fmt: skip
    return answer


def import_campus_bundle(registry: Any, source: Path) -> BundleSummary:
    trusted = {d["id"]: d["public_key"] for d in registry.devices() if not d["revoked_at"]}
    revoked = {d["id"]: d for d in registry.devices() if d["revoked_at"]}
    try:
        manifest, changes = read_bundle(source, trusted)
    except BundleProblem:
        sender = _sender_of(source)
        if sender in revoked:
            raise BundleProblem(f"{source.name} comes from {revoked[sender]['name']}, which was "
                                f"removed from sync on {revoked[sender]['revoked_at'][:10]}: "
                                f"{revoked[sender]['revoked_reason']}") from None  # fmt: skip
        raise
    peer = registry.peer(manifest["from_device"])
    report = registry.receive(peer, changes)
    registry.receive_documents(peer, manifest["documents"])
    holds = VersionVector(manifest.get("holds") or {})
    registry.set_acknowledged(peer.id, holds)
    return BundleSummary(peer.id, manifest["created"], len(changes), holds, report,
                         manifest.get("parts", []))  # fmt: skip


def _sender_of(source: Path) -> str | None:
    import zipfile

    try:
        with zipfile.ZipFile(source) as archive:
            return json.loads(archive.read("manifest.json")).get("from_device")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None


def export_campus_bundle(registry: Any, device_id: str, destination: Path) -> BundleSummary:
    peer = registry.peer(device_id)
    if peer is None:
        raise BundleProblem(f"no device {device_id} has joined this registry: see "
                            "sanad registry devices")  # fmt: skip
    if peer.revoked_at:
        raise BundleProblem(f"{peer.name} was removed from sync on {peer.revoked_at[:10]}")
    held = registry.acknowledged(device_id)

    def pages():
        position = 0
        while True:
            changes, position, more = registry.changes_for(peer, after=position, limit=5000,
                                                           held=held)  # fmt: skip
            if changes:
                yield changes
            if not more:
                return

    return write_bundle(destination, registry.identity.private,
                        sender=registry.identity.device_id, holds=registry.vector(), since=held,
                        pages=pages(), documents=registry.documents_for(peer, {}))  # fmt: skip
