"""USB bundles: sync for a campus with no link at all, carried on a stick.

A bundle is a ZIP file:

- ``manifest.json``: format and version, the sending device and its public key (multikey), when
  it was made, ``holds`` (the sender's version vector: an acknowledgement of everything it has,
  so the reply can be incremental), ``since`` (what the sender believed the receiver held) and
  the parts, each with its SHA-256, size and number of changes;
- ``manifest.sig``: the sender's Ed25519 signature of the manifest's exact bytes;
- ``changes-NNNNN.jsonl``: the change-log entries, one JSON object a line, in the sender's log
  order (compressed by the ZIP's deflate).

Importing checks everything before it changes anything: a ZIP that is not whole, a manifest
that is not signed by a device this node trusts with that key, a part whose hash or size
differs, or a line that is not a change, is refused with the reason and nothing is applied.
Then all the changes are applied in one transaction (``sync.apply``: an entry already held is
skipped, so importing the same bundle twice is harmless), and the sender's ``holds`` is kept as
its acknowledgement, so the next bundle to it carries only what it still lacks.

A bundle is written to a temporary file, synced and renamed, so a stick pulled out mid-write
never holds a half bundle under the real name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.files import replace_durably
from desktop.core.proofs import ProofError, public_key_from_multikey, public_key_multikey
from desktop.core.store import Store
from sync.apply import ApplyReport, Rights, apply_changes
from sync.changes import Change, VersionVector, changes_page, local_vector
from sync.node import Document

__all__ = [
    "BundleProblem",
    "BundleSummary",
    "acknowledged",
    "export_bundle",
    "export_for_peer",
    "import_bundle",
    "import_from_file",
    "read_bundle",
]

FORMAT = "sanad-bundle"
VERSION = 1
PART_CHANGES = 5000
DOCUMENTS_PART = "documents.json"
MAX_PART_BYTES = 512 * 1024 * 1024  # a part larger than this is refused unread (a zip bomb)


class BundleProblem(Exception):
    """A bundle that is refused, and why (nothing was applied)."""


@dataclass
class BundleSummary:
    sender: str
    created: str
    changes: int
    holds: VersionVector
    report: ApplyReport | None = None
    parts: list[dict[str, Any]] = field(default_factory=list)
    received_documents: list[Document] = field(default_factory=list)
    documents: int = 0  # of those, kept
    warnings: list[str] = field(default_factory=list)


def _line(change: Change) -> str:
    return json.dumps(
        {"d": change.device_id, "s": change.seq, "t": change.table, "i": change.row_id,
         "v": change.version, "o": change.op, "r": change.row},
        ensure_ascii=False, separators=(",", ":"),
    )  # fmt: skip


def export_bundle(
    store: Store,
    destination: Path,
    key: Ed25519PrivateKey,
    *,
    since: Mapping[str, int],
    part_changes: int = PART_CHANGES,
    documents: Sequence[Document] = (),
) -> BundleSummary:
    """Write a bundle of everything this node holds beyond ``since`` (what the receiver is
    known to hold: its last acknowledgement, or nothing)."""
    peer = VersionVector(since)

    def pages() -> Iterator[list[Change]]:
        position = 0  # one pass over the log: each page continues where the last stopped
        while True:
            changes, position = changes_page(store, peer, after=position, limit=part_changes)
            if not changes:
                return
            yield changes

    return write_bundle(destination, key, sender=store.device_id or "", holds=local_vector(store),
                        since=since, pages=pages(), documents=documents)  # fmt: skip


def write_bundle(
    destination: Path,
    key: Ed25519PrivateKey,
    *,
    sender: str,
    holds: Mapping[str, int],
    since: Mapping[str, int],
    pages: Iterable[list[Change]],
    documents: Sequence[Document] = (),
) -> BundleSummary:
    """The bundle file itself, from pages of changes and signed documents (trust list, status
    lists): what a campus and the registry both write."""
    parts: list[tuple[str, bytes, int]] = []
    for changes in pages:
        data = ("\n".join(_line(c) for c in changes) + "\n").encode("utf-8")
        parts.append((f"changes-{len(parts) + 1:05d}.jsonl", data, len(changes)))
    if documents:
        data = json.dumps([{"key": d.key, "kind": d.kind, "campus_code": d.campus_code,
                            "document": d.document} for d in documents],
                          ensure_ascii=False).encode("utf-8")  # fmt: skip
        parts.append((DOCUMENTS_PART, data, 0))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "from_device": sender,
        "public_key": public_key_multikey(key.public_key()),
        "created": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "holds": dict(sorted(holds.items())),
        "since": dict(sorted(since.items())),
        "parts": [
            {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
             "changes": count}
            for name, data, count in parts
        ],
    }  # fmt: skip
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    temp = destination.with_name(f".{destination.name}.partial")
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as out:
            out.writestr("manifest.json", manifest_bytes)
            out.writestr("manifest.sig", key.sign(manifest_bytes))
            for name, data, _count in parts:
                out.writestr(name, data)
        replace_durably(temp, destination)
    finally:
        temp.unlink(missing_ok=True)
    return BundleSummary(sender, manifest["created"], sum(p[2] for p in parts),
                         VersionVector(holds), parts=manifest["parts"])  # fmt: skip


def read_bundle(
    source: Path, trusted: Mapping[str, str]
) -> tuple[dict[str, Any], list[Change]]:
    """The manifest and the changes of a bundle, every check passed (else ``BundleProblem``).
    ``trusted`` maps device ids to the public key (multikey) this node knows them by."""
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise BundleProblem(f"{source} does not exist") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise BundleProblem(f"{source.name} is not a whole Sanad bundle (cut short while "
                            f"copying?): {exc}") from None  # fmt: skip
    with archive:
        names = set(archive.namelist())
        if not {"manifest.json", "manifest.sig"} <= names:
            raise BundleProblem(f"{source.name} is not a Sanad bundle: it has no signed manifest")
        manifest_bytes = archive.read("manifest.json")
        signature = archive.read("manifest.sig")
        try:
            manifest = json.loads(manifest_bytes)
            sender, key_text = manifest["from_device"], manifest["public_key"]
            if manifest["format"] != FORMAT:
                raise BundleProblem(f"{source.name} is not a Sanad bundle")
        except (ValueError, KeyError, TypeError):
            raise BundleProblem(f"{source.name} has a manifest that cannot be read") from None
        if manifest.get("version") != VERSION:
            raise BundleProblem(
                f"{source.name} is a bundle of format version {manifest.get('version')}; this "
                f"Sanad reads version {VERSION}. Update Sanad on the older computer."
            )
        known = trusted.get(sender)
        if known is None:
            raise BundleProblem(f"{source.name} comes from device {sender}, which this computer "
                                "does not know: join that device first")  # fmt: skip
        if known != key_text:
            raise BundleProblem(f"{source.name} claims to come from device {sender} but is not "
                                "signed with its key: it may be forged")  # fmt: skip
        try:
            public_key_from_multikey(key_text).verify(signature, manifest_bytes)
        except (InvalidSignature, ProofError, ValueError):
            raise BundleProblem(f"{source.name} has a manifest whose signature does not match: "
                                "it was changed after it was made") from None  # fmt: skip
        changes: list[Change] = []
        documents: list[Document] = []
        for part in manifest.get("parts", []):
            if part.get("name") == DOCUMENTS_PART:
                documents = _documents_part(archive, part, source.name)
            else:
                changes.extend(_part(archive, part, source.name))
    manifest["documents"] = documents
    return manifest, changes


def _documents_part(archive: zipfile.ZipFile, part: dict[str, Any], bundle: str
                    ) -> list[Document]:  # fmt: skip
    data = _checked(archive, part, bundle)
    try:
        return [Document(str(d["key"]), str(d["kind"]), d.get("campus_code"), str(d["document"]))
                for d in json.loads(data)]  # fmt: skip
    except (ValueError, KeyError, TypeError):
        raise BundleProblem(f"{bundle}: its signed documents cannot be read") from None


def _checked(archive: zipfile.ZipFile, part: dict[str, Any], bundle: str) -> bytes:
    name = part.get("name")
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise BundleProblem(f"{bundle} lacks its part {name}: it is not whole") from None
    if info.file_size != part.get("size") or info.file_size > MAX_PART_BYTES:
        raise BundleProblem(f"{bundle}: part {name} is not the size its manifest says")
    try:
        data = archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BundleProblem(f"{bundle}: part {name} cannot be read ({exc})") from None
    if hashlib.sha256(data).hexdigest() != part.get("sha256"):
        raise BundleProblem(f"{bundle}: part {name} was changed after the bundle was made")
    return data


def _part(archive: zipfile.ZipFile, part: dict[str, Any], bundle: str) -> list[Change]:
    name = part.get("name")
    data = _checked(archive, part, bundle)
    changes = []
    for number, line in enumerate(io.StringIO(data.decode("utf-8")), start=1):
        try:
            item = json.loads(line)
            changes.append(Change(item["d"], int(item["s"]), item["t"], item["i"],
                                  int(item["v"]), item["o"], item["r"]))  # fmt: skip
        except (ValueError, KeyError, TypeError):
            raise BundleProblem(f"{bundle}: line {number} of {name} is not a change") from None
    if len(changes) != part.get("changes"):
        raise BundleProblem(f"{bundle}: part {name} holds {len(changes)} changes, not "
                            f"{part.get('changes')}")  # fmt: skip
    return changes


def import_bundle(
    store: Store,
    source: Path,
    *,
    trusted: Mapping[str, str],
    rights: Rights | Callable[[str], Rights],
) -> BundleSummary:
    """Check a bundle whole, then apply it in one transaction and keep the sender's
    acknowledgement; a refused bundle changes nothing. ``rights`` may depend on the sender
    (a callable given its device id): what comes from upstream is taken as it is, what comes
    from a station only for its campus."""
    manifest, changes = read_bundle(source, trusted)
    if not isinstance(rights, Rights):
        rights = rights(manifest["from_device"])
    report = apply_changes(store, changes, rights)
    holds = VersionVector(manifest.get("holds") or {})
    with store.received():
        store.conn.execute(
            "INSERT INTO sync_peers (device_id, acknowledged, last_bundle_at) VALUES (?, ?, ?) "
            "ON CONFLICT (device_id) DO UPDATE SET acknowledged = excluded.acknowledged, "
            "last_bundle_at = excluded.last_bundle_at",
            (manifest["from_device"], holds.to_json(), manifest["created"]),
        )
    return BundleSummary(manifest["from_device"], manifest["created"], len(changes), holds,
                         report, manifest.get("parts", []),
                         received_documents=manifest["documents"])  # fmt: skip


def acknowledged(store: Store, device_id: str) -> VersionVector:
    """What ``device_id`` said it holds in its last bundle to this node (nothing if none)."""
    row = store.one("SELECT acknowledged FROM sync_peers WHERE device_id = ?", (device_id,))
    return VersionVector.from_json(row["acknowledged"]) if row else VersionVector()


def export_for_peer(store: Store, destination: Path, peer: str | None = None) -> BundleSummary:
    """A bundle for ``peer`` (default: the node this one joined) with everything it has not
    acknowledged, signed with this node's device key: what ``sanad bundle export`` and the
    Sync screen write."""
    from sync.client import links
    from sync.documents import documents_to_offer
    from sync.identity import device_key

    if peer is None:
        known = links(store)
        peer = known[0].peer_device_id if known else None
    since = acknowledged(store, peer) if peer else VersionVector()
    return export_bundle(store, destination, device_key(store).private, since=since,
                         documents=documents_to_offer(store))  # fmt: skip


def import_from_file(store: Store, source: Path) -> BundleSummary:
    """Import a bundle from a device this node knows: the node it joined (whose changes are
    taken as they come, as over HTTP) or one of the campus's devices (only for the campus)."""
    from sync.client import FROM_UPSTREAM, links
    from sync.hub import owners_of

    known = links(store)
    trusted = {link.peer_device_id: link.peer_public_key for link in known}
    for row in store.query("SELECT id, public_key FROM devices WHERE public_key IS NOT NULL "
                           "AND revoked_at IS NULL AND deleted = 0"):  # fmt: skip
        trusted.setdefault(row["id"], row["public_key"])
    upstream = {link.peer_device_id for link in known}

    def rights_for(sender: str) -> Rights:
        if sender in upstream:
            return FROM_UPSTREAM
        return Rights(default=lambda device: owners_of(store, device),
                      sender=owners_of(store, sender))  # fmt: skip

    summary = import_bundle(store, source, trusted=trusted, rights=rights_for)
    from sync.documents import install_documents

    summary.documents, summary.warnings = install_documents(store, summary.received_documents)
    return summary
