"""Stacking: which pathway credentials a learner has earned, and issuing them.

When a micro-credential is issued the learner's live credentials are held against every
published pathway open to the campus (national ones and the campus's own): a pathway asks for
all of its member codes or any ``required_count`` of them. An earned pathway not yet issued is
*proposed*; the focal person issues it, and its credential names its component credentials as
evidence. A revoked or expired component does not count.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from desktop.core.credential_document import (
    CredentialSchemaProblem,
    achievement_credential,
    schema_problems,
    sign_credential,
)
from desktop.core.errors import Duplicate, InvalidInput, NotFound, phrase
from desktop.core.ids import new_id
from desktop.core.qr_payload import QrClaims, encode_payload
from desktop.core.services.access import require_role, require_same_campus
from desktop.core.services.credentials import credential_status, free_status_index, next_serial
from desktop.core.services.issuing import IssuerKey
from desktop.core.store import Actor, Store

__all__ = ["Proposal", "issue_pathway_credential", "proposals_for"]


@dataclass(frozen=True)
class Proposal:
    """An earned pathway credential not yet issued: the pathway and the credentials that earn it."""

    learner_id: str
    learner_name: str
    pathway_id: str
    pathway_code: str
    title_en: str
    components: tuple[str, ...]  # credential ids, in the pathway's member order


def _live_by_code(store: Store, learner_id: str, today: str) -> dict[str, str]:
    """The learner's live micro-credential credentials: code → the newest credential's id."""
    live: dict[str, str] = {}
    for row in store.query(
        "SELECT i.id, m.code, i.valid_until FROM issued_credentials i "
        "JOIN micro_credentials m ON m.id = i.micro_credential_id "
        "WHERE i.learner_id = ? AND i.kind = 'micro_credential' AND i.deleted = 0 "
        "ORDER BY i.issued_at",
        (learner_id,),
    ):
        if row["valid_until"] and row["valid_until"] <= today:
            continue
        if credential_status(store, row["id"]) == "revoked":
            continue
        live[row["code"]] = row["id"]
    return live


def proposals_for(store: Store, learner_id: str, *, today: dt.date | None = None) -> list[Proposal]:
    """The pathway credentials ``learner_id`` has earned and does not hold yet."""
    learner = store.get("learners", learner_id)
    if learner is None:
        raise NotFound.single("learner", learner_id, "does not exist", "Reload the list")
    live = _live_by_code(store, learner_id, (today or dt.date.today()).isoformat())
    if not live:
        return []
    held = {
        row["pathway_id"]
        for row in store.query(
            "SELECT id, pathway_id FROM issued_credentials WHERE learner_id = ? "
            "AND kind = 'pathway' AND deleted = 0",
            (learner_id,),
        )
        if credential_status(store, row["id"]) != "revoked"
    }
    found = []
    for pathway in store.query(
        "SELECT * FROM pathways WHERE status = 'published' AND deleted = 0 "
        "AND (scope = 'national' OR campus_id = ?) ORDER BY code",
        (learner["campus_id"],),
    ):
        if pathway["id"] in held:
            continue
        members = json.loads(pathway["members"])
        earned = [live[code] for code in members if code in live]
        needed = len(members) if pathway["rule"] == "all_of" else pathway["required_count"]
        if len(earned) >= needed:
            found.append(Proposal(learner_id, learner["full_name"], pathway["id"], pathway["code"],
                                  pathway["title_en"], tuple(earned)))  # fmt: skip
    return found


def _criteria(pathway: dict[str, Any]) -> str:
    count = "all" if pathway["rule"] == "all_of" else str(pathway["required_count"])
    return f"Hold {count} of the micro-credentials {', '.join(json.loads(pathway['members']))}."


def issue_pathway_credential(
    store: Store, actor: Actor, proposal: Proposal, issuer: IssuerKey
) -> dict[str, Any]:
    """Issue the pathway credential of ``proposal``, naming its component credentials."""
    require_role(actor, "admin", doing=phrase("issue credentials"))
    learner = store.get("learners", proposal.learner_id)
    require_same_campus(actor, learner["campus_id"], doing=phrase("issue credentials for it"))
    current = {p.pathway_id: p for p in proposals_for(store, proposal.learner_id)}
    if proposal.pathway_id not in current:
        raise Duplicate.single(
            "credential", proposal.pathway_code, "is not due: it was issued already, or a "
            "component credential is no longer in force",
            "Reload the proposals",
        )  # fmt: skip
    proposal = current[proposal.pathway_id]
    pathway = store.get("pathways", proposal.pathway_id)
    campus = store.get("campuses", learner["campus_id"])
    components = [store.get("issued_credentials", cid) for cid in proposal.components]
    evidence_of = [
        {"id": f"urn:uuid:{c['id']}", "type": ["Evidence"], "genre": "Component credential",
         "name": f"{c['serial']} {json.loads(c['document'])['credentialSubject']['achievement']['name']}"}  # noqa: E501
        for c in components
    ]  # fmt: skip
    with store.transaction(actor) as tx:
        credential_id = new_id()
        issued_at = dt.datetime.fromisoformat(tx.now.replace("Z", "+00:00")).replace(
            microsecond=0
        )
        serial = next_serial(store, campus["id"], issued_at.year)
        status_index = free_status_index(store, campus["id"])
        achievement = {
            "kind": "Certificate", "code": pathway["code"], "edition": 1,
            "title_en": pathway["title_en"], "title_ur": pathway["title_ur"],
            "description_en": f"Earned by stacking micro-credentials: {pathway['title_en']}.",
            "criteria": _criteria(pathway),
            "competencies": [], "level": None, "notional_hours": None,
            "credit_value": pathway["credit_awarded"], "track": None,
        }  # fmt: skip
        unsigned = achievement_credential(
            credential_id=credential_id, serial=serial, registry_url=issuer.registry_url,
            campus=campus, learner=learner, achievement=achievement, issued_at=issued_at,
            valid_until=None, status_index=status_index,
        )  # fmt: skip
        unsigned["evidence"] = evidence_of
        problems = schema_problems(unsigned)
        if problems:
            raise CredentialSchemaProblem("; ".join(problems[:3]))
        signed = sign_credential(unsigned, issuer.key, created=issued_at)
        qr_text = encode_payload(
            QrClaims(serial=serial, learner_name=learner["full_name"],
                     achievement_code=pathway["code"], issued_at=issued_at, valid_until=None,
                     status_index=status_index),
            issuer.key, issuer.compact_certificate, issuer.registry_url,
        )  # fmt: skip
        text = json.dumps(signed, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        if issuer.checked.campus_code != campus["code"]:
            raise InvalidInput.single("key", issuer.checked.campus_code,
                                      "is certified for another campus",
                                      "Use this campus's own key")  # fmt: skip
        credential = tx.insert(
            "issued_credentials",
            {
                "id": credential_id, "campus_id": campus["id"], "serial": serial,
                "kind": "pathway", "learner_id": learner["id"], "pathway_id": pathway["id"],
                "components": json.dumps(list(proposal.components)),
                "issued_at": tx.now, "valid_from": issued_at.date().isoformat(),
                "valid_until": None, "document": text,
                "document_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "status_index": status_index, "qr_text": qr_text,
            },
            owner=learner["owner"],
        )  # fmt: skip
        tx.audit("credential.issue", "issued_credentials", credential_id,
                 {"serial": serial, "pathway": pathway["code"],
                  "components": list(proposal.components)})  # fmt: skip
    return credential
