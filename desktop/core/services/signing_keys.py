"""This node's signing keys: making them, certifying campus keys, installing certificates.

Head office makes the national root key once; a campus makes its issuer key and a request file;
head office certifies the request into a certificate file; the campus installs it, after
checking it against the root public key it was given (by hand, on paper or by telephone: the
trust anchor). Private keys are stored sealed (``desktop.core.keys``); every step is audited.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.errors import Duplicate, InvalidInput, NotFound
from desktop.core.ids import new_id
from desktop.core.keys import (
    CertificateProblem,
    certificate_request,
    certify,
    check_certificate,
    seal,
    unseal,
)
from desktop.core.proofs import public_key_from_multikey, public_key_multikey
from desktop.core.store import Actor, Store

__all__ = [
    "certify_request",
    "create_campus_key",
    "create_root_key",
    "install_certificate",
    "list_keys",
    "set_registry_url",
]


def _insert(
    store: Store, actor: Actor, purpose: str, key: Ed25519PrivateKey, passphrase: str
) -> dict[str, Any]:
    row = {
        "id": new_id(),
        "purpose": purpose,
        "public_key": public_key_multikey(key.public_key()),
        "sealed": seal(key, passphrase),
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    with store.transaction(actor) as tx:
        store.conn.execute(
            "INSERT INTO signing_keys (id, purpose, public_key, sealed, created_at) "
            "VALUES (:id, :purpose, :public_key, :sealed, :created_at)",
            row,
        )
        tx.audit(f"key.create_{purpose}", "signing_keys", row["id"],
                 {"public_key": row["public_key"]})  # fmt: skip
    return row


def create_root_key(store: Store, actor: Actor, passphrase: str) -> dict[str, Any]:
    """Head office: the national root key (one live root per node)."""
    if store.one("SELECT 1 FROM signing_keys WHERE purpose = 'root' AND retired_at IS NULL"):
        raise Duplicate.single(
            "key", "root", "already exists on this computer",
            "Use the root key made before; a second one would split the trust",
        )  # fmt: skip
    return _insert(store, actor, "root", Ed25519PrivateKey.generate(), passphrase)


def create_campus_key(
    store: Store, actor: Actor, passphrase: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A campus: a new issuer key, stored sealed, and the request to send to head office."""
    campus = store.one(
        "SELECT c.id, c.code, c.name_en AS name FROM campuses c "
        "JOIN settings s ON s.key = 'campus_id' AND s.value = c.id"
    )
    if campus is None:
        raise NotFound.single("campus", None, "is not set up on this computer",
                              "Set the campus up first (sanad gui)")  # fmt: skip
    key = Ed25519PrivateKey.generate()
    row = _insert(store, actor, "campus", key, passphrase)
    return row, certificate_request(dict(campus), key)


def set_registry_url(store: Store, actor: Actor, url: str) -> str:
    """Head office: the registry's address, written into every campus certificate from now on
    (a campus's credentials name their issuer and status list there)."""
    from urllib.parse import urlsplit

    text = (url or "").strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise InvalidInput.single(
            "registry_url", url, "is not a web address such as https://registry.example.pk",
            "Type the registry's address with https:// and no path after the host",
        )  # fmt: skip
    with store.transaction(actor) as tx:
        tx.set_setting("registry_url", text)
        tx.audit("settings.registry_url", "settings", None, {"registry_url": text})
    return text


def certify_request(
    store: Store, actor: Actor, request: dict[str, Any], passphrase: str, *, years: int = 2
) -> dict[str, Any]:
    """Head office: the root's certificate for a campus's request, valid from now."""
    root = store.one(
        "SELECT * FROM signing_keys WHERE purpose = 'root' AND retired_at IS NULL"
    )
    if root is None:
        raise NotFound.single(
            "key", "root", "is not on this computer",
            "Certify on head office's computer, which holds the root key",
        )  # fmt: skip
    if not 1 <= years <= 10:
        raise InvalidInput.single("years", years, "is not between 1 and 10",
                                  "Certify for a few years, such as 2")  # fmt: skip
    key = unseal(root["sealed"], passphrase)
    registry_url = store.setting("registry_url")
    if not registry_url:
        raise NotFound.single(
            "registry_url", None, "is not set on head office's computer",
            "Give the registry's address (sanad keys certify --registry URL)",
        )  # fmt: skip
    start = dt.datetime.now(dt.UTC).replace(microsecond=0)
    until = start.replace(year=start.year + years)
    try:
        certificate = certify(request, key, valid_from=start, valid_until=until,
                              registry_url=registry_url)  # fmt: skip
    except (CertificateProblem, KeyError) as exc:
        raise InvalidInput.single("request", None, "cannot be certified: {reason}",
                                  "Ask the campus for a new request file",
                                  reason=str(exc)) from exc  # fmt: skip
    with store.transaction(actor) as tx:
        store.conn.execute(
            "INSERT OR REPLACE INTO key_certificates "
            "(public_key, campus_code, certificate, certified_at) VALUES (?, ?, ?, ?)",
            (request["publicKeyMultibase"], request["campus"]["code"],
             json.dumps(certificate, ensure_ascii=False), certificate["validFrom"]),
        )  # fmt: skip
        tx.audit("key.certify", "signing_keys", root["id"],
                 {"campus": request["campus"]["code"], "public_key": request["publicKeyMultibase"],
                  "valid_until": certificate["validUntil"]})  # fmt: skip
    return certificate


def install_certificate(
    store: Store, actor: Actor, certificate: dict[str, Any], root_public_key: str
) -> dict[str, Any]:
    """A campus: keep head office's certificate beside the key it certifies, after checking
    it was signed by the root key given (and remember that root as this node's trust anchor)."""
    try:
        root = public_key_from_multikey(root_public_key)
        checked = check_certificate(certificate, root)
    except Exception as exc:  # a bad anchor or a bad certificate: both say why
        raise InvalidInput.single("certificate", None, "is not trusted: {reason}",
                                  "Check the root key you typed, or ask for the file again",
                                  reason=str(exc)) from exc  # fmt: skip
    row = store.one(
        "SELECT * FROM signing_keys WHERE purpose = 'campus' AND public_key = ?",
        (checked.public_key_multibase,),
    )
    if row is None:
        raise NotFound.single("certificate", checked.campus_code, "is for a key not made here",
                              "Install it on the computer that made the request")  # fmt: skip
    with store.transaction(actor) as tx:
        store.conn.execute(
            "UPDATE signing_keys SET certificate = ? WHERE id = ?",
            (json.dumps(certificate, ensure_ascii=False), row["id"]),
        )
        tx.set_setting("root_public_key", root_public_key)
        tx.audit("key.install_certificate", "signing_keys", row["id"],
                 {"valid_until": certificate["validUntil"], "root": root_public_key})  # fmt: skip
    return {**row, "certificate": certificate}


def list_keys(store: Store) -> list[dict[str, Any]]:
    """This node's keys, newest first, without their sealed private parts."""
    rows = store.query(
        "SELECT id, purpose, public_key, certificate, created_at, retired_at FROM signing_keys "
        "ORDER BY created_at DESC, id"
    )
    for row in rows:
        row["certificate"] = json.loads(row["certificate"]) if row["certificate"] else None
    return rows
