"""Signed credentials for the demo campus, under a demonstration root that nobody may trust.

The demonstration root key is derived from a sentence printed here, so anyone can compute its
private key: a credential that chains to it proves nothing, and every verifier says so
(:func:`is_demo_root`). The demo campus's issuer key is certified by it and sealed with
:data:`DEMO_KEY_PASSPHRASE`, shown on the demo's sign-in screen like the demo passwords.

The demo issues some of the passed enrolments (the rest wait to be issued, as they would at a
real campus), revokes and suspends a few, and backdates a few to a micro-credential whose
validity has run out, so every outcome of verification can be seen.
"""

from __future__ import annotations

import datetime as dt
import random

from desktop.core.keys import certify, demo_root, demo_root_multikey, is_demo_root
from desktop.core.services import issuing, signing_keys
from desktop.core.store import SYSTEM, Actor, Store

__all__ = [
    "DEMO_KEY_PASSPHRASE",
    "DEMO_REGISTRY",
    "demo_root",
    "demo_root_multikey",
    "is_demo_root",
    "issue_demo_credentials",
]

DEMO_KEY_PASSPHRASE = "sanad-demo-key-passphrase"
DEMO_REGISTRY = "https://registry.sanad.example"


def issue_demo_credentials(
    store: Store, admin: Actor, rng: random.Random, today: dt.date, *, limit: int
) -> dict[str, int]:
    """Certify the demo campus key and issue up to ``limit`` credentials; returns counts."""
    root = demo_root()
    _row, request = signing_keys.create_campus_key(store, SYSTEM, DEMO_KEY_PASSPHRASE)
    start = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC) - dt.timedelta(days=10 * 365)
    certificate = certify(request, root, valid_from=start,
                          valid_until=start + dt.timedelta(days=12 * 365),
                          registry_url=DEMO_REGISTRY)  # fmt: skip
    signing_keys.install_certificate(store, SYSTEM, certificate, demo_root_multikey())
    issuer = issuing.unlock_issuer_key(store, DEMO_KEY_PASSPHRASE)
    due = issuing.issuable_enrolments(store, store.campus_id)
    # The demo's student accounts hold their certificates, so student mode shows some.
    accounts = "SELECT learner_id FROM users WHERE role = 'student' AND learner_id IS NOT NULL"
    students = {row["learner_id"] for row in store.query(accounts)}
    due.sort(key=lambda row: row["learner_id"] not in students)
    lapsing = [r for r in due if r["validity_months"] and r["learner_id"] not in students][:3]
    chosen = lapsing + [row for row in due if row not in lapsing][: max(0, limit - len(lapsing))]
    issued = []
    for number, row in enumerate(chosen):
        backdated = None
        if row in lapsing:  # issued long enough ago for its validity to have run out
            months = row["validity_months"] + 12
            backdated = dt.datetime.combine(today, dt.time(10), tzinfo=dt.UTC) - dt.timedelta(
                days=months * 31 + number)
        issued.append(issuing.issue_for_enrolment(store, admin, row["id"], issuer,
                                                  issued_at=backdated))  # fmt: skip
    live = issued[len(lapsing):]
    rng.shuffle(live)
    reasons = iter(["Issued to the wrong learner", "Evidence found to be copied"])
    for credential in live[:2]:
        issuing.change_status(store, admin, credential["id"], "revoke", next(reasons), issuer)
    for credential in live[2:3]:
        issuing.change_status(store, admin, credential["id"], "suspend",
                              "Complaint about the assessment under review", issuer)  # fmt: skip
    if not live[:3]:
        issuing.sign_status_list(store, admin, issuer)
    return {"credentials": len(issued), "revoked": min(2, len(live)),
            "suspended": len(live[2:3]), "expired": len(lapsing)}  # fmt: skip
