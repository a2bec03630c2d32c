"""The Open Badges 3.0 credential a learner receives: built from the records, signed, checked.

A micro-credential is an ``AchievementCredential`` (VC Data Model 2.0) whose achievement has
``achievementType: "MicroCredential"``; a pathway credential (earned by stacking) is the same
shape with ``achievementType: "Certificate"`` and its component credentials as evidence.

- *The learner* is named (an ``IdentityObject`` of type ``name``, in the clear, as on the paper
  certificate) and identified by a salted SHA-256 of the CNIC (``nationalIdentityNumber``), or of
  the registration number when there is no CNIC: an employer who is shown the CNIC can check
  it; nobody can read it off the credential.
- *Evidence* entries name each file with its SHA-256, as an RFC 6920 ``ni:///sha-256;…`` URI
  (the file itself stays at the campus), and each link by its URL.
- *Level, hours, credit*: ``creditsAvailable`` / ``creditsEarned`` carry the credit; Open
  Badges has no field for the level or the notional hours, so the criteria say them in words
  and ``tag`` carries them as ``PQF level 5`` and ``60 notional hours``.
- *Identifiers*: the issuer is ``<registry>/issuers/<campus code>`` (served by the registry),
  the proof's ``verificationMethod`` a ``did:key`` of the campus key, so the key is known from
  the credential itself and the trust decision is whether the root certified it.

Signing is ``eddsa-rdfc-2022`` (``desktop.core.proofs``); every credential is checked against
the bundled 1EdTech JSON Schema before it is recorded.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
from functools import cache
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.proofs import create_proof, public_key_multikey
from desktop.core.resources import resource_path
from desktop.core.status_lists import status_entry

__all__ = [
    "CONTEXT",
    "SCHEMA_ID",
    "CredentialSchemaProblem",
    "achievement_credential",
    "identity_hash",
    "issuer_id",
    "schema_problems",
    "sign_credential",
    "status_list_url",
    "verification_method",
]

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA_ID = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
SCHEMA_FILE = "ob_v3p0_achievementcredential_schema.json"


class CredentialSchemaProblem(Exception):
    """A built credential the Open Badges 3.0 schema refuses (a bug, never the user's input)."""


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def issuer_id(registry_url: str, campus_code: str) -> str:
    return f"{registry_url.rstrip('/')}/issuers/{campus_code}"


def status_list_url(registry_url: str, campus_code: str) -> str:
    return f"{registry_url.rstrip('/')}/status/{campus_code}"


def verification_method(key: Ed25519PrivateKey) -> str:
    multikey = public_key_multikey(key.public_key())
    return f"did:key:{multikey}#{multikey}"


def identity_hash(value: str, salt: str) -> str:
    """OB 3.0 ``IdentityHash``: ``sha256$`` and the hex SHA-256 of the value and the salt."""
    return "sha256$" + hashlib.sha256((value + salt).encode("utf-8")).hexdigest()


def _ni_uri(sha256_hex: str) -> str:
    digest = base64.urlsafe_b64encode(bytes.fromhex(sha256_hex)).decode("ascii").rstrip("=")
    return f"ni:///sha-256;{digest}"


def issuer_profile(registry_url: str, campus: dict[str, Any]) -> dict[str, Any]:
    profile = {
        "id": issuer_id(registry_url, campus["code"]),
        "type": ["Profile"],
        "name": campus["name_en"],
    }
    if campus.get("city"):
        profile["address"] = {"type": ["Address"], "addressLocality": campus["city"],
                              "addressCountry": "Pakistan"}  # fmt: skip
    return profile


def _learner_identifiers(learner: dict[str, Any], salt: str) -> list[dict[str, Any]]:
    if learner.get("cnic"):
        kind, value = "nationalIdentityNumber", learner["cnic"]
    else:
        kind, value = "identifier", learner["registration_no"]
    return [
        {"type": "IdentityObject", "identityType": "name", "hashed": False,
         "identityHash": learner["full_name"]},
        {"type": "IdentityObject", "identityType": kind, "hashed": True,
         "identityHash": identity_hash(value, salt), "salt": salt},
    ]  # fmt: skip


def _evidence(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    evidence = []
    for item in items:
        if item["kind"] == "file":
            evidence.append({
                "id": _ni_uri(item["sha256"]),
                "type": ["Evidence"],
                "name": item.get("original_name") or item["sha256"][:12],
                "description": f"SHA-256 {item['sha256']}, {item['size']} bytes",
                "genre": item["requirement"],
            })  # fmt: skip
        elif item["kind"] == "link" and item.get("url"):
            evidence.append({"id": item["url"], "type": ["Evidence"], "name": item["url"],
                             "genre": item["requirement"]})  # fmt: skip
    return evidence


def achievement_credential(
    *,
    credential_id: str,
    serial: str,
    registry_url: str,
    campus: dict[str, Any],
    learner: dict[str, Any],
    achievement: dict[str, Any],
    issued_at: dt.datetime,
    valid_until: dt.datetime | None,
    status_index: int,
    evidence: list[dict[str, Any]] = (),  # type: ignore[assignment]
    activity: tuple[str, str] | None = None,
    supersedes: str | None = None,
) -> dict[str, Any]:
    """The unsigned credential. ``achievement`` has ``code, edition, title_en, title_ur,
    description_en, criteria, competencies (list of {id, text_en}), level, notional_hours,
    credit_value, track`` and ``kind`` (``MicroCredential`` or ``Certificate``)."""
    salt = secrets.token_hex(16)
    achievement_id = (
        f"{registry_url.rstrip('/')}/achievements/{achievement['code']}/{achievement['edition']}"
    )
    tags = [f"PQF level {achievement['level']}"] if achievement.get("level") else []
    if achievement.get("notional_hours"):
        tags.append(f"{achievement['notional_hours']} notional hours")
    body: dict[str, Any] = {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": achievement["kind"],
        "humanCode": achievement["code"],
        "name": achievement["title_en"],
        "description": achievement["description_en"],
        "criteria": {"narrative": achievement["criteria"]},
        "creditsAvailable": float(achievement["credit_value"]),
        "version": str(achievement["edition"]),
        "inLanguage": "en",
    }
    if achievement.get("track"):
        body["fieldOfStudy"] = achievement["track"]
    if tags:
        body["tag"] = tags
    if achievement.get("competencies"):
        body["alignment"] = [
            {
                "type": ["Alignment"],
                "targetType": "ceasn:Competency",
                "targetName": item["text_en"],
                "targetCode": item["id"],
                "targetUrl": f"{achievement_id}#competency-{item['id']}",
                "targetFramework": achievement["code"],
            }
            for item in achievement["competencies"]
        ]
    subject: dict[str, Any] = {
        "type": ["AchievementSubject"],
        "identifier": _learner_identifiers(learner, salt),
        "achievement": body,
        "creditsEarned": float(achievement["credit_value"]),
    }
    if activity:
        subject["activityStartDate"], subject["activityEndDate"] = (
            f"{activity[0]}T00:00:00Z", f"{activity[1]}T00:00:00Z")  # fmt: skip
    list_url = status_list_url(registry_url, campus["code"])
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{credential_id}",
        "type": ["VerifiableCredential", "AchievementCredential"],
        "name": f"{achievement['title_en']} — {serial}",
        "description": f"Credential {serial} issued by {campus['name_en']}",
        "issuer": issuer_profile(registry_url, campus),
        "validFrom": _stamp(issued_at),
        "awardedDate": _stamp(issued_at),
        "credentialSubject": subject,
        "credentialStatus": status_entry(list_url, status_index),
        "credentialSchema": [{"id": SCHEMA_ID, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if valid_until is not None:
        document["validUntil"] = _stamp(valid_until)
    found = _evidence(list(evidence))
    if supersedes:
        found.append({"id": f"urn:uuid:{supersedes}", "type": ["Evidence"],
                      "name": "Supersedes an earlier credential",
                      "genre": "Superseded credential"})  # fmt: skip
    if found:
        document["evidence"] = found
    return document


def sign_credential(
    document: dict[str, Any], key: Ed25519PrivateKey, *, created: dt.datetime
) -> dict[str, Any]:
    """The credential with its ``eddsa-rdfc-2022`` proof by the campus key, as a proof set of
    one: the Open Badges 3.0 JSON Schema wants ``proof`` to be an array."""
    signed = create_proof(document, key, verification_method=verification_method(key),
                          created=_stamp(created))  # fmt: skip
    signed["proof"] = [signed["proof"]]
    return signed


@cache
def _validator() -> Any:
    from jsonschema import Draft201909Validator

    schema = json.loads(resource_path("schemas", SCHEMA_FILE).read_text(encoding="utf-8"))
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


def schema_problems(document: dict[str, Any]) -> list[str]:
    """What the OB 3.0 JSON Schema finds wrong with ``document`` (empty: it conforms)."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(document)'}: {error.message}"
        for error in _validator().iter_errors(document)
    ]
