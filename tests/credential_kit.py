"""Helpers for tests that issue credentials: a root key, a certified campus key, passed work."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.blobs import BlobStore
from desktop.core.keys import certify
from desktop.core.proofs import public_key_multikey
from desktop.core.services import assessments, enrolments, evidence, signing_keys
from desktop.core.services.issuing import IssuerKey, unlock_issuer_key
from desktop.core.store import SYSTEM, Store

PASSPHRASE = "four unrelated words here"
REGISTRY = "https://registry.sanad.example"


@dataclass
class Keys:
    root: Ed25519PrivateKey
    root_multikey: str
    issuer: IssuerKey


def certify_campus(
    store: Store,
    root: Ed25519PrivateKey | None = None,
    *,
    valid_from: dt.datetime | None = None,
    valid_until: dt.datetime | None = None,
) -> Keys:
    """Make this campus's key, certify it with ``root`` (a new one by default) and install it."""
    root = root or Ed25519PrivateKey.generate()
    root_multikey = public_key_multikey(root.public_key())
    _row, request = signing_keys.create_campus_key(store, SYSTEM, PASSPHRASE)
    start = valid_from or dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    end = valid_until or start + dt.timedelta(days=730)
    certificate = certify(request, root, valid_from=start, valid_until=end, registry_url=REGISTRY)
    signing_keys.install_certificate(store, SYSTEM, certificate, root_multikey)
    at = start + (end - start) / 2 if valid_until is not None else None
    return Keys(root, root_multikey, unlock_issuer_key(store, PASSPHRASE, at=at))


def passed_enrolment(campus, tmp_path, n: int = 0) -> str:
    """Learner ``n`` enrolled in the campus cohort, with a file and a link handed in, passed."""
    store, admin = campus.store, campus.admin
    micro = store.get("micro_credentials", campus.micro_credential_id)
    file_req, link_req = (r["id"] for r in json.loads(micro["evidence_requirements"]))
    enrolment_id = enrolments.enrol(store, admin, campus.cohort_id, campus.learner_ids[n])["id"]
    work = tmp_path / f"work-{n}.csv"
    work.write_text(f"district,enrolled\nQuetta,{n}\n")
    evidence.add_file(store, admin, BlobStore(tmp_path / "ev"), enrolment_id, file_req, work)
    evidence.add_link(store, admin, enrolment_id, link_req, "https://example.org/da")
    evidence.submit_attempt(store, admin, enrolment_id)
    criteria = [c["id"] for c in json.loads(micro["rubric"])["criteria"]]
    assessments.record_assessment(store, admin, enrolment_id, scores=dict.fromkeys(criteria, 2),
                                  decision="pass", feedback="Assessed.")  # fmt: skip
    return enrolment_id
