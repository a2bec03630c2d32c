"""Issuing signed credentials: one, a batch, or a pathway's; and re-signing the status list.

The campus issuer key is opened once with its passphrase (:func:`unlock_issuer_key`) and held
for the batch. Each credential is built from the records, signed (``eddsa-rdfc-2022``), checked
against the Open Badges 3.0 schema and recorded in one transaction, with the signed QR text of
its paper certificate, so the PDF can be printed later on any computer of the campus without
the key. A revocation, suspension or reinstatement re-signs the campus's status list.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.credential_document import (
    CredentialSchemaProblem,
    achievement_credential,
    issuer_profile,
    schema_problems,
    sign_credential,
    status_list_url,
)
from desktop.core.errors import DomainError, InvalidInput, NotFound, phrase
from desktop.core.keys import CertificateProblem, KeyCertificate, check_certificate, unseal
from desktop.core.proofs import create_proof, multibase_decode, public_key_from_multikey
from desktop.core.qr_payload import QrClaims, encode_payload
from desktop.core.services import credentials as records
from desktop.core.services.access import require_role
from desktop.core.status_lists import status_list_document
from desktop.core.store import Actor, Store

__all__ = [
    "BatchResult",
    "IssuerKey",
    "change_status",
    "count_issuable",
    "issuable_enrolments",
    "issue_batch",
    "issue_for_enrolment",
    "reissue",
    "sign_draft",
    "sign_status_list",
    "unlock_issuer_key",
    "worker_pool",
]


@dataclass(frozen=True)
class IssuerKey:
    """The campus key, opened, with the certificate head office gave it."""

    key: Ed25519PrivateKey
    certificate: dict[str, Any]
    checked: KeyCertificate
    compact_certificate: bytes
    registry_url: str


def unlock_issuer_key(
    store: Store, passphrase: str, *, at: dt.datetime | None = None
) -> IssuerKey:
    """The newest certified campus key of this computer, opened with ``passphrase``; refused
    when there is none, it is not certified now, or the passphrase does not open it."""
    rows = store.query(
        "SELECT * FROM signing_keys WHERE purpose = 'campus' AND retired_at IS NULL "
        "AND certificate IS NOT NULL ORDER BY created_at DESC"
    )
    if not rows:
        raise NotFound.single(
            "key", None, "is not on this computer, or not certified yet",
            "Make a campus key and install head office's certificate (Tools → Signing keys)",
        )  # fmt: skip
    root_text = store.setting("root_public_key")
    moment = at or dt.datetime.now(dt.UTC)
    problem = None
    for row in rows:
        certificate = json.loads(row["certificate"])
        try:
            checked = check_certificate(certificate, public_key_from_multikey(root_text), at=moment)
        except CertificateProblem as exc:
            problem = exc
            continue
        key = unseal(row["sealed"], passphrase)
        return IssuerKey(
            key=key,
            certificate=certificate,
            checked=checked,
            compact_certificate=multibase_decode(certificate["compact"]),
            registry_url=certificate["registry"],
        )
    raise InvalidInput.single(
        "certificate", None, "is not valid now: {reason}",
        "Ask head office to certify a new campus key (Tools → Signing keys)",
        reason=str(problem),
    )  # fmt: skip


def _json(text: str | None) -> Any:
    return json.loads(text) if text else []


def credential_facts(store: Store, enrolment_id: str) -> dict[str, Any]:
    """What the credential of a passed enrolment says, read from the records."""
    row = store.one(
        "SELECT e.id, e.attempt, e.learner_id, c.starts_on, c.ends_on, c.campus_id, "
        "m.code, m.edition, m.title_en, m.title_ur, m.description_en, m.level, "
        "m.notional_hours, m.credit_value, m.competencies, m.evidence_requirements, "
        "t.name_en AS track FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id "
        "JOIN micro_credentials m ON m.id = c.micro_credential_id "
        "JOIN tracks t ON t.id = m.track_id WHERE e.id = ?",
        (enrolment_id,),
    )
    if row is None:
        raise NotFound.single("enrolment", enrolment_id, "does not exist", "Reload the list")
    requirements = {r["id"]: r["title_en"] for r in _json(row["evidence_requirements"])}
    evidence = store.query(
        "SELECT kind, sha256, size, original_name, url, requirement_id FROM evidence "
        "WHERE enrolment_id = ? AND attempt = ? AND deleted = 0 AND kind IN ('file', 'link') "
        "ORDER BY created_at, id",
        (enrolment_id, row["attempt"]),
    )
    for item in evidence:
        item["requirement"] = requirements.get(item.pop("requirement_id"), "Evidence")
    competencies = _json(row["competencies"])
    criteria = (
        f"Assessed against a rubric on evidence of each competency: "
        f"{'; '.join(c['text_en'] for c in competencies)}. "
        f"Level {row['level']} of the Pakistan Qualifications Framework, "
        f"{row['notional_hours']} notional learning hours, {row['credit_value']:g} credit hours."
    )
    return {
        "campus": store.get("campuses", row["campus_id"]),
        "learner": store.get("learners", row["learner_id"]),
        "achievement": {
            "kind": "MicroCredential", "code": row["code"], "edition": row["edition"],
            "title_en": row["title_en"], "title_ur": row["title_ur"],
            "description_en": row["description_en"], "criteria": criteria,
            "competencies": competencies, "level": row["level"],
            "notional_hours": row["notional_hours"], "credit_value": row["credit_value"],
            "track": row["track"],
        },
        "evidence": evidence,
        "activity": (row["starts_on"], row["ends_on"]),
    }  # fmt: skip


def _moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(microsecond=0)


def sign_draft(
    issuer: IssuerKey | SigningMaterial,
    facts: dict[str, Any],
    draft: dict[str, Any],
    issued_at: dt.datetime | None = None,
) -> tuple[dict[str, Any], str]:
    """The signed credential of ``draft`` and its QR text: pure work on the CPU (no database),
    so a batch can run it in worker processes."""
    moment = issued_at or _moment(draft["issued_at"])
    valid_until = (
        dt.datetime.combine(dt.date.fromisoformat(draft["valid_until"]), dt.time(), tzinfo=dt.UTC)
        if draft["valid_until"] else None
    )  # fmt: skip
    unsigned = achievement_credential(
        credential_id=draft["id"], serial=draft["serial"], registry_url=issuer.registry_url,
        campus=facts["campus"], learner=facts["learner"], achievement=facts["achievement"],
        issued_at=moment, valid_until=valid_until, status_index=draft["status_index"],
        evidence=facts["evidence"], activity=facts["activity"],
        supersedes=draft["supersedes_id"],
    )  # fmt: skip
    problems = schema_problems(unsigned)
    if problems:
        raise CredentialSchemaProblem("; ".join(problems[:3]))
    signed = sign_credential(unsigned, issuer.key, created=moment)
    claims = QrClaims(
        serial=draft["serial"], learner_name=facts["learner"]["full_name"],
        achievement_code=facts["achievement"]["code"], issued_at=moment,
        valid_until=valid_until, status_index=draft["status_index"],
    )  # fmt: skip
    qr_text = encode_payload(claims, issuer.key, issuer.compact_certificate, issuer.registry_url)
    return signed, qr_text


def _facts_for_issuer(store: Store, enrolment_id: str, issuer: IssuerKey) -> dict[str, Any]:
    facts = credential_facts(store, enrolment_id)
    if facts["campus"]["code"] != issuer.checked.campus_code:
        raise InvalidInput.single(
            "key", issuer.checked.campus_code, "is certified for another campus",
            "Use this campus's own key",
        )  # fmt: skip
    return facts


def issue_for_enrolment(
    store: Store,
    actor: Actor,
    enrolment_id: str,
    issuer: IssuerKey,
    *,
    supersedes_id: str | None = None,
    issued_at: dt.datetime | None = None,
) -> dict[str, Any]:
    """Issue, sign and record the credential of one passed enrolment. ``issued_at`` (default:
    now) is the moment the credential states; only the demo campus sets it, to show expiry."""
    facts = _facts_for_issuer(store, enrolment_id, issuer)
    return records.issue_credential(
        store, actor, enrolment_id,
        document=lambda draft: sign_draft(issuer, facts, draft, issued_at),
        supersedes_id=supersedes_id, issued_on=issued_at.date() if issued_at else None,
    )  # fmt: skip


@dataclass(frozen=True)
class SigningMaterial:
    """What a worker process needs to sign: the campus key (raw bytes cross the process
    boundary, never the disk), its compact certificate and the registry."""

    raw_key: bytes
    compact_certificate: bytes
    registry_url: str

    @property
    def key(self) -> Ed25519PrivateKey:
        return _WORKER_KEYS.setdefault(self.raw_key, Ed25519PrivateKey.from_private_bytes(
            self.raw_key))  # fmt: skip


_WORKER_KEYS: dict[bytes, Ed25519PrivateKey] = {}


def _worker_sign(
    material: SigningMaterial, facts: dict[str, Any], draft: dict[str, Any]
) -> tuple[dict[str, Any], str]:
    return sign_draft(material, facts, draft)


def worker_pool(workers: int) -> Executor:
    """Worker processes for signing and rendering. "spawn": a fresh interpreter each, safe
    beside the app's threads (fork is not); they start in about a second, so a caller doing
    several batches, or a batch and its PDFs, keeps one pool."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


_ISSUABLE = (
    "FROM enrolments e WHERE e.campus_id = ? AND e.status = 'passed' AND e.deleted = 0 "
    "AND NOT EXISTS (SELECT 1 FROM issued_credentials i WHERE i.enrolment_id = e.id)"
)


def count_issuable(store: Store, campus_id: str) -> int:
    """How many passed enrolments of the campus wait for their credential."""
    return store.scalar(f"SELECT count(*) {_ISSUABLE}", (campus_id,)) or 0


def issuable_enrolments(store: Store, campus_id: str) -> list[dict[str, Any]]:
    """Passed enrolments of the campus that hold no live credential, oldest pass first."""
    return store.query(
        "SELECT e.id, e.learner_id, l.full_name, l.registration_no, m.code, m.title_en, "
        "m.validity_months, e.status_changed_at FROM enrolments e "
        "JOIN learners l ON l.id = e.learner_id JOIN cohorts c ON c.id = e.cohort_id "
        "JOIN micro_credentials m ON m.id = c.micro_credential_id "
        "WHERE e.campus_id = ? AND e.status = 'passed' AND e.deleted = 0 AND NOT EXISTS ("
        "  SELECT 1 FROM issued_credentials i WHERE i.enrolment_id = e.id)"
        " ORDER BY e.status_changed_at, e.id",
        (campus_id,),
    )


@dataclass
class BatchResult:
    issued: list[dict[str, Any]] = field(default_factory=list)
    refused: list[tuple[str, DomainError]] = field(default_factory=list)
    cancelled: bool = False
    # pathway credentials the learners of this batch have now earned (services/stacking.py)
    proposals: list[Any] = field(default_factory=list)


def issue_batch(
    store: Store,
    actor: Actor,
    enrolment_ids: Iterable[str],
    issuer: IssuerKey,
    *,
    progress: Callable[[int, int], bool] | None = None,
    workers: int = 1,
    pool: Executor | None = None,
) -> BatchResult:
    """Issue each enrolment's credential, each in its own transaction; ``progress(done, total)``
    is called after each and returns ``False`` to stop (what was issued stays issued). An
    enrolment that cannot be issued is reported and the batch goes on.

    With ``workers`` > 1 the signing (JSON-LD canonicalisation is most of the time) runs in
    that many worker processes while this thread reads and records: drafts are allocated here
    ahead of the signatures, and recorded in order. ``pool`` (see :func:`worker_pool`) is used
    instead of starting ``workers`` processes."""
    require_role(actor, "admin", doing=phrase("issue credentials"))
    ids = list(enrolment_ids)
    result = BatchResult()
    if pool is not None or (workers > 1 and len(ids) >= 4 * workers):
        if pool is None:
            with worker_pool(workers) as own:
                _issue_in_workers(store, actor, ids, issuer, result, progress, own, workers)
        else:
            _issue_in_workers(store, actor, ids, issuer, result, progress, pool, max(workers, 2))
    else:
        for done, enrolment_id in enumerate(ids, start=1):
            try:
                result.issued.append(issue_for_enrolment(store, actor, enrolment_id, issuer))
            except DomainError as exc:
                result.refused.append((enrolment_id, exc))
            if progress is not None and not progress(done, len(ids)) and done < len(ids):
                result.cancelled = True
                break
    from desktop.core.services.stacking import proposals_for

    for learner_id in dict.fromkeys(row["learner_id"] for row in result.issued):
        result.proposals.extend(proposals_for(store, learner_id))
    return result


def _issue_in_workers(
    store: Store,
    actor: Actor,
    ids: list[str],
    issuer: IssuerKey,
    result: BatchResult,
    progress: Callable[[int, int], bool] | None,
    pool: Executor,
    workers: int,
) -> None:
    from collections import deque

    material = SigningMaterial(issuer.key.private_bytes_raw(), issuer.compact_certificate,
                               issuer.registry_url)  # fmt: skip
    pending: deque = deque()
    queue = iter(ids)
    done = 0

    def step() -> bool:
        """Report one more enrolment handled; False when the person asked to stop."""
        nonlocal done
        done += 1
        return progress is None or progress(done, len(ids)) or done == len(ids)

    def submit_next() -> bool:
        for enrolment_id in queue:
            held = [(d["serial"], d["status_index"]) for _e, d, _f in pending]
            try:
                facts = _facts_for_issuer(store, enrolment_id, issuer)
                draft = records.prepare_credential(store, actor, enrolment_id, held=held)
            except DomainError as exc:
                result.refused.append((enrolment_id, exc))
                if not step():
                    return False
                continue
            future = pool.submit(_worker_sign, material, facts, draft)
            pending.append((enrolment_id, draft, future))
            return True
        return True

    going = all(submit_next() for _ in range(4 * workers))
    while going and pending:
        enrolment_id, draft, future = pending.popleft()
        signed, qr_text = future.result()
        try:
            result.issued.append(
                records.record_credential(store, actor, draft, signed, qr_text))
        except DomainError as exc:
            result.refused.append((enrolment_id, exc))
        going = step() and submit_next()
    if pending or not going:
        result.cancelled = done < len(ids)
        for _e, _d, future in pending:
            future.cancel()


def sign_status_list(store: Store, actor: Actor, issuer: IssuerKey) -> dict[str, Any]:
    """Re-sign the campus's status list from the status events, keep it (as made here) and
    return it: what the registry publishes and verifiers cache."""
    campus = store.get("campuses", issuer.checked.campus_id) or store.one(
        "SELECT * FROM campuses WHERE code = ?", (issuer.checked.campus_code,)
    )
    states = {}
    for row in store.query(
        "SELECT id, status_index FROM issued_credentials WHERE campus_id = ? "
        "AND status_index IS NOT NULL AND EXISTS (SELECT 1 FROM credential_status_events s "
        "WHERE s.credential_id = issued_credentials.id)",
        (campus["id"],),
    ):
        state = records.credential_status(store, row["id"])
        if state != "active":
            states[row["status_index"]] = state
    url = status_list_url(issuer.registry_url, campus["code"])
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    document = status_list_document(url, issuer_profile(issuer.registry_url, campus), states,
                                    valid_from=stamp)  # fmt: skip
    signed = create_proof(document, issuer.key, created=stamp,
                          verification_method=_method(issuer))  # fmt: skip
    with store.transaction(actor) as tx:
        store.conn.execute(
            "INSERT INTO status_lists (url, campus_code, purpose, document, made_here, fetched_at)"
            " VALUES (?, ?, 'message', ?, 1, ?) ON CONFLICT (url) DO UPDATE SET "
            "document = excluded.document, made_here = 1, fetched_at = excluded.fetched_at",
            (url, campus["code"], json.dumps(signed, ensure_ascii=False), stamp),
        )
        tx.audit("status_list.sign", "status_lists", None,
                 {"url": url, "not_active": len(states)})  # fmt: skip
    return signed


def _method(issuer: IssuerKey) -> str:
    multikey = issuer.checked.public_key_multibase
    return f"did:key:{multikey}#{multikey}"


def change_status(
    store: Store,
    actor: Actor,
    credential_id: str,
    action: str,
    reason: str,
    issuer: IssuerKey,
) -> dict[str, Any]:
    """Revoke, suspend or reinstate a credential and re-sign the status list with it."""
    change = {
        "revoke": records.revoke_credential,
        "suspend": records.suspend_credential,
        "reinstate": records.reinstate_credential,
    }[action]
    event = change(store, actor, credential_id, reason)
    sign_status_list(store, actor, issuer)
    return event


def reissue(
    store: Store, actor: Actor, credential_id: str, reason: str, issuer: IssuerKey
) -> dict[str, Any]:
    """Replace a micro-credential's credential (a misspelt name, a corrected record): revoke
    it with ``reason`` unless it is revoked already, re-sign the status list, and issue the
    replacement, which names the credential it supersedes."""
    old = store.get("issued_credentials", credential_id)
    if old is None:
        raise NotFound.single("credential", credential_id, "does not exist",
                              "Reload the list of credentials")  # fmt: skip
    if old["kind"] != "micro_credential":
        raise InvalidInput.single(
            "credential", old["serial"], "is a pathway credential",
            "Revoke it; the pathway is proposed again while its components stand",
        )  # fmt: skip
    if records.credential_status(store, credential_id) != "revoked":
        change_status(store, actor, credential_id, "revoke", reason, issuer)
    return issue_for_enrolment(store, actor, old["enrolment_id"], issuer,
                               supersedes_id=credential_id)  # fmt: skip
