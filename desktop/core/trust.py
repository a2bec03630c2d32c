"""What this computer trusts when it verifies, read from its database.

- The national root public key: head office's own root, or the anchor a campus typed in when it
  installed its certificate (``settings.root_public_key``).
- Campus key certificates: this campus's own, those head office's root made here, and those in
  the newest trust list received (each is checked against the root again when used).
- Revoked campus keys: from the newest trust list and head office's own records.
- Status: this campus's own credentials from its records (current); any other campus's from the
  cached signed status list, checked against that campus's certified key, with its date.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from desktop.core.keys import CertificateProblem, check_certificate
from desktop.core.proofs import ProofError, public_key_from_multikey, verify_proof
from desktop.core.services.credentials import credential_status
from desktop.core.status_lists import StatusListProblem, decode_list, status_of
from desktop.core.store import Actor, Store
from desktop.core.verification import StatusAnswer, Trust

__all__ = ["install_status_list", "trust_from_store"]


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _root(store: Store) -> str | None:
    row = store.one(
        "SELECT public_key FROM signing_keys WHERE purpose = 'root' AND retired_at IS NULL"
    )
    return row["public_key"] if row else store.setting("root_public_key")


def trust_from_store(store: Store) -> Trust:
    """The :class:`Trust` of this computer, as its database has it now."""
    root_text = _root(store)
    root = public_key_from_multikey(root_text) if root_text else None
    certificates: dict[str, dict[str, Any]] = {}
    revoked: dict[str, dict[str, str]] = {}
    newest = store.one("SELECT document FROM trust_lists ORDER BY version DESC LIMIT 1")
    if newest:
        trust_list = json.loads(newest["document"])
        for certificate in trust_list.get("certificates", []):
            certificates[certificate["publicKeyMultibase"]] = certificate
        revoked.update(trust_list.get("revocations", {}))
    for row in store.query("SELECT * FROM key_certificates"):
        certificates[row["public_key"]] = json.loads(row["certificate"])
        if row["revoked_at"]:
            revoked[row["public_key"]] = {"revoked": row["revoked_at"],
                                          "reason": row["revoked_reason"] or ""}  # fmt: skip
    for row in store.query("SELECT certificate FROM signing_keys WHERE certificate IS NOT NULL"):
        certificate = json.loads(row["certificate"])
        certificates[certificate["publicKeyMultibase"]] = certificate

    campus_id = store.setting("campus_id")
    campus = store.get("campuses", campus_id) if campus_id else None
    lists = {row["campus_code"]: row for row in store.query(
        "SELECT * FROM status_lists ORDER BY fetched_at")}  # fmt: skip
    newest_list = max((_moment(r["fetched_at"]) for r in lists.values()), default=None)

    def status(campus_code: str, index: int) -> StatusAnswer | None:
        if campus is not None and campus_code == campus["code"]:
            row = store.one(
                "SELECT id FROM issued_credentials WHERE campus_id = ? AND status_index = ?",
                (campus["id"], index),
            )
            if row is not None:
                return StatusAnswer(credential_status(store, row["id"]), None)
        cached = lists.get(campus_code)
        if cached is None or root is None:
            return None
        document = json.loads(cached["document"])
        method = (document.get("proof") or {}).get("verificationMethod", "")
        key = method.split("#", 1)[0].removeprefix("did:key:")
        certificate = certificates.get(key)
        try:
            if certificate is None or check_certificate(certificate, root).campus_code != (
                cached["campus_code"]
            ):
                return None
            if not verify_proof(document, public_key_from_multikey(key)):
                return None
            bits = decode_list(document["credentialSubject"]["encodedList"])
            return StatusAnswer(status_of(bits, index), _moment(cached["fetched_at"]))
        except (CertificateProblem, ProofError, StatusListProblem, KeyError, ValueError):
            return None

    return Trust(root=root, certificates=certificates, revoked_keys=revoked, status=status,
                 newest_status_list=newest_list)  # fmt: skip


def install_status_list(store: Store, actor: Actor, document: dict[str, Any]) -> dict[str, Any]:
    """Keep another campus's signed status list (from the registry, or a file carried by
    hand), dated now: it must be signed by that campus's certified key and not older than the
    one kept. Verification then tells revoked and suspended credentials of that campus, and
    says how old its knowledge is."""
    from desktop.core.errors import InvalidInput

    trust = trust_from_store(store)
    try:
        method = document["proof"]["verificationMethod"]
        key = method.split("#", 1)[0].removeprefix("did:key:")
        certificate = trust.certificates[key]
        if trust.root is None:
            raise CertificateProblem("this computer has no national root key")
        code = check_certificate(certificate, trust.root).campus_code
        if not verify_proof(document, public_key_from_multikey(key)):
            raise CertificateProblem("its signature does not match its content")
        decode_list(document["credentialSubject"]["encodedList"])
        valid_from = document["validFrom"]
    except KeyError as exc:
        raise InvalidInput.single("status_list", None, "is not trusted: {reason}",
                                  "Get the campus's status list again from the registry",
                                  reason=f"it lacks {exc}") from exc  # fmt: skip
    except (CertificateProblem, ProofError, StatusListProblem, TypeError) as exc:
        raise InvalidInput.single("status_list", None, "is not trusted: {reason}",
                                  "Get the campus's status list again from the registry",
                                  reason=str(exc)) from exc  # fmt: skip
    kept = store.one("SELECT document FROM status_lists WHERE url = ?", (document["id"],))
    if kept and json.loads(kept["document"]).get("validFrom", "") > valid_from:
        raise InvalidInput.single("status_list", valid_from, "is older than the list kept here",
                                  "Use the newest status list from the registry")  # fmt: skip
    fetched = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with store.transaction(actor) as tx:
        store.conn.execute(
            "INSERT INTO status_lists (url, campus_code, purpose, document, made_here, fetched_at)"
            " VALUES (?, ?, 'message', ?, 0, ?) ON CONFLICT (url) DO UPDATE SET "
            "document = excluded.document, fetched_at = excluded.fetched_at",
            (document["id"], code, json.dumps(document, ensure_ascii=False), fetched),
        )
        tx.audit("status_list.install", "status_lists", None, {"url": document["id"]})
    return document
