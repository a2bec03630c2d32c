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

from desktop.core.errors import Duplicate, InvalidInput, NotFound, phrase
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
from desktop.core.services.access import require_role
from desktop.core.store import Actor, Store

__all__ = [
    "certify_request",
    "create_campus_key",
    "create_root_key",
    "install_certificate",
    "install_trust_list",
    "list_keys",
    "make_trust_list",
    "revoke_campus_key",
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
    require_role(actor, "admin", doing=phrase("make signing keys"))
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
    require_role(actor, "admin", doing=phrase("make signing keys"))
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
    require_role(actor, "admin", doing=phrase("change the registry address"))
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
    require_role(actor, "admin", doing=phrase("certify campus keys"))
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
    try:
        until = start.replace(year=start.year + years)
    except ValueError:  # certified on 29 February: the period ends on 1 March
        until = start.replace(year=start.year + years, month=3, day=1)
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
    require_role(actor, "admin", doing=phrase("install key certificates"))
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


def _root_row(store: Store) -> dict[str, Any]:
    root = store.one("SELECT * FROM signing_keys WHERE purpose = 'root' AND retired_at IS NULL")
    if root is None:
        raise NotFound.single(
            "key", "root", "is not on this computer",
            "Do this on head office's computer, which holds the root key",
        )  # fmt: skip
    return root


def revoke_campus_key(store: Store, actor: Actor, public_key: str, reason: str) -> dict[str, Any]:
    """Head office: a campus key is compromised or withdrawn. The next trust list says so, and
    verifiers then refuse what it signed; sign and send a new trust list after this."""
    require_role(actor, "admin", doing=phrase("revoke campus keys"))
    from desktop.core.validation import require_text

    text = require_text(reason, "reason", max_len=500)
    row = store.one("SELECT * FROM key_certificates WHERE public_key = ?", (public_key,))
    if row is None:
        raise NotFound.single("key", public_key, "was never certified here",
                              "Copy the campus key from its certificate file")  # fmt: skip
    moment = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with store.transaction(actor) as tx:
        store.conn.execute(
            "UPDATE key_certificates SET revoked_at = ?, revoked_reason = ? WHERE public_key = ?",
            (moment, text, public_key),
        )
        detail = {"public_key": public_key, "campus": row["campus_code"], "reason": text}
        tx.audit("key.revoke_campus_key", "key_certificates", None, detail)
    return {**row, "revoked_at": moment, "revoked_reason": text}


def make_trust_list(store: Store, actor: Actor, passphrase: str) -> dict[str, Any]:
    """Head office: the root-signed list of every campus key it certified, with revocations;
    each list's version is one more than the last."""
    require_role(actor, "admin", doing=phrase("sign the trust list"))
    from desktop.core.keys import sign_trust_list

    root = _root_row(store)
    key = unseal(root["sealed"], passphrase)
    rows = store.query("SELECT * FROM key_certificates ORDER BY campus_code, certified_at")
    revocations = {r["public_key"]: {"revoked": r["revoked_at"], "reason": r["revoked_reason"]}
                   for r in rows if r["revoked_at"]}  # fmt: skip
    version = (store.scalar("SELECT max(version) FROM trust_lists") or 0) + 1
    trust_list = sign_trust_list([json.loads(r["certificate"]) for r in rows], revocations, key,
                                 version=version)  # fmt: skip
    with store.transaction(actor) as tx:
        store.conn.execute(
            "INSERT INTO trust_lists (version, document, fetched_at) VALUES (?, ?, ?)",
            (version, json.dumps(trust_list, ensure_ascii=False), trust_list["issued"]),
        )
        tx.audit("key.trust_list", "trust_lists", None,
                 {"version": version, "keys": len(rows), "revoked": len(revocations)})  # fmt: skip
    return trust_list


def install_trust_list(store: Store, actor: Actor, trust_list: dict[str, Any]) -> dict[str, Any]:
    """Any node: keep a trust list signed by this node's root, if it is newer than the one
    kept; an older or equal version is refused (a replayed list cannot undo a revocation)."""
    require_role(actor, "admin", doing=phrase("install trust lists"))
    from desktop.core.keys import verify_trust_list

    root_text = store.one(
        "SELECT public_key FROM signing_keys WHERE purpose = 'root' AND retired_at IS NULL"
    )
    anchor = root_text["public_key"] if root_text else store.setting("root_public_key")
    if not anchor:
        raise NotFound.single(
            "key", "root", "is not known on this computer",
            "Install this campus's certificate first (it brings the root key)",
        )  # fmt: skip
    try:
        verify_trust_list(trust_list, public_key_from_multikey(anchor))
        version = int(trust_list["version"])
    except (CertificateProblem, KeyError, TypeError, ValueError) as exc:
        raise InvalidInput.single("trust_list", None, "is not trusted: {reason}",
                                  "Ask head office for the trust list file again",
                                  reason=str(exc)) from exc  # fmt: skip
    newest = store.scalar("SELECT max(version) FROM trust_lists") or 0
    if version <= newest:
        raise InvalidInput.single("trust_list", version, "is not newer than version {newest} "
                                  "kept here", "Use the newest trust list from head office",
                                  newest=newest)  # fmt: skip
    with store.transaction(actor) as tx:
        store.conn.execute(
            "INSERT INTO trust_lists (version, document, fetched_at) VALUES (?, ?, ?)",
            (version, json.dumps(trust_list, ensure_ascii=False),
             dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
        )  # fmt: skip
        detail = {"version": version, "revoked": len(trust_list.get("revocations", {}))}
        tx.audit("key.install_trust_list", "trust_lists", None, detail)
    return trust_list
