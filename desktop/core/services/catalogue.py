"""The catalogue: learning tracks and micro-credentials (by edition); pathways are in
:mod:`desktop.core.services.pathways`.

A micro-credential is edited only while it is a draft. Publishing freezes the edition, because
cohorts, assessments and signed credentials point at it; a change after that is a new edition.
National records are written at head office; a campus may add its own campus-local ones.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.errors import Duplicate, Immutable, InvalidInput, NotFound, phrase
from desktop.core.rubric import (
    validate_competencies,
    validate_evidence_requirements,
    validate_rubric,
)
from desktop.core.services.access import require_role, require_same_campus
from desktop.core.store import Actor, Store
from desktop.core.validation import Checker, require_choice, require_code, require_int, require_text

__all__ = [
    "MICRO_CREDENTIAL_FIELDS",
    "create_micro_credential",
    "create_track",
    "new_edition",
    "publish_micro_credential",
    "retire_micro_credential",
    "update_micro_credential",
]

NATIONAL = "national"
MICRO_CREDENTIAL_FIELDS = (
    "code",
    "title_en",
    "title_ur",
    "description_en",
    "description_ur",
    "track_id",
    "level",
    "notional_hours",
    "credit_value",
    "competencies",
    "evidence_requirements",
    "rubric",
    "validity_months",
)


def scope_owner(store: Store, actor: Actor, scope: str) -> tuple[str, str | None]:
    """Return (owner partition, campus_id) for a catalogue record of this scope, or refuse."""
    scope = require_choice(scope, "scope", ("national", "campus"))
    if scope == "national":
        if not (actor.is_system or store.is_head_office):
            raise InvalidInput.single(
                "scope",
                scope,
                "records are written at head office only",
                "Create it as campus-local, or ask head office to add it to the national catalogue",
            )
        return NATIONAL, None
    campus_id = actor.campus_id or store.campus_id
    if campus_id is None:
        raise InvalidInput.single("scope", scope, "needs a campus", "Use the national scope")
    return campus_id, campus_id


def require_catalogue_writer(
    store: Store, actor: Actor, record: dict[str, Any], doing: str, label: str = "micro-credential"
) -> None:
    """Admins change campus records at their campus; national records change at head office."""
    require_role(actor, "admin", doing=doing)
    if record["scope"] == "national" and not (actor.is_system or store.is_head_office):
        raise Immutable.single(
            label,
            record.get("code"),
            "is in the national catalogue",
            "Only head office changes national records",
        )
    if record["scope"] == "campus":
        require_same_campus(actor, record["campus_id"], doing=doing)


def create_track(
    store: Store, actor: Actor, *, code: str, name_en: str, name_ur: str | None = None
) -> dict[str, Any]:
    require_role(actor, "admin", doing=phrase("add learning tracks"))
    owner, _ = scope_owner(store, actor, "national")
    check = Checker()
    clean = {
        "code": check.check(require_code, code),
        "name_en": check.check(require_text, name_en, "name_en", max_len=80),
        "name_ur": check.check(require_text, name_ur, "name_ur", max_len=80, required=False),
    }
    check.done()
    if store.one("SELECT 1 FROM tracks WHERE code = ?", (clean["code"],)):
        raise Duplicate.single("code", clean["code"], "is already a track", "Choose another code")
    with store.transaction(actor) as tx:
        track = tx.insert("tracks", clean, owner=owner)
        tx.audit("track.create", "tracks", track["id"], {"code": track["code"]})
    return track


def _validate_micro_credential(store: Store, data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(MICRO_CREDENTIAL_FIELDS)
    if unknown:
        raise ValueError(f"unknown micro-credential fields {sorted(unknown)}")
    check = Checker()
    clean: dict[str, Any] = {
        "code": check.check(require_code, data.get("code")),
        "title_en": check.check(require_text, data.get("title_en"), "title_en", max_len=120),
        "title_ur": check.check(
            require_text, data.get("title_ur"), "title_ur", max_len=120, required=False
        ),
        "description_en": check.check(
            require_text, data.get("description_en"), "description_en", max_len=2000
        ),
        "description_ur": check.check(
            require_text, data.get("description_ur"), "description_ur", max_len=2000, required=False
        ),
        "level": check.check(require_int, data.get("level"), "level", minimum=1, maximum=8),
        "notional_hours": check.check(
            require_int, data.get("notional_hours"), "notional_hours", minimum=1, maximum=2000
        ),
        "validity_months": None
        if data.get("validity_months") in (None, "")
        else check.check(
            require_int, data.get("validity_months"), "validity_months", minimum=1, maximum=600
        ),
    }
    try:
        credit = float(data.get("credit_value"))
        if not 0 <= credit <= 60 or round(credit * 2) != credit * 2:
            raise ValueError
        clean["credit_value"] = credit
    except (TypeError, ValueError):
        check.add(
            "credit_value",
            data.get("credit_value"),
            "is not a credit value",
            "Use credit hours from 0 to 60, in halves (e.g. 1.5)",
        )
    track = store.get("tracks", data.get("track_id") or "")
    if track is None:
        check.add(
            "track_id",
            data.get("track_id"),
            "is not a learning track",
            "Choose a track from the list",
        )
    clean["track_id"] = data.get("track_id")
    for name, validate in (
        ("competencies", validate_competencies),
        ("evidence_requirements", validate_evidence_requirements),
        ("rubric", validate_rubric),
    ):
        value = check.check(validate, data.get(name) if data.get(name) is not None else [])
        clean[name] = None if value is None else json.dumps(value, ensure_ascii=False)
    check.done()
    return clean


def create_micro_credential(
    store: Store, actor: Actor, data: dict[str, Any], *, scope: str = "campus"
) -> dict[str, Any]:
    """A new micro-credential, as edition 1 in draft."""
    require_role(actor, "admin", doing=phrase("add micro-credentials"))
    owner, campus_id = scope_owner(store, actor, scope)
    clean = _validate_micro_credential(store, data)
    if store.one("SELECT 1 FROM micro_credentials WHERE code = ?", (clean["code"],)):
        raise Duplicate.single(
            "code",
            clean["code"],
            "is already in the catalogue",
            "Choose another code, or start a new edition of that one",
        )
    with store.transaction(actor) as tx:
        record = tx.insert(
            "micro_credentials",
            {**clean, "edition": 1, "status": "draft", "scope": scope, "campus_id": campus_id},
            owner=owner,
        )
        tx.audit(
            "micro_credential.create",
            "micro_credentials",
            record["id"],
            {"code": record["code"], "edition": 1},
        )
    return record


def existing(store: Store, table: str, record_id: str, label: str) -> dict[str, Any]:
    record = store.get(table, record_id)
    if record is None:
        raise NotFound.single(label, record_id, "does not exist", "Reload the catalogue")
    return record


def update_micro_credential(
    store: Store, actor: Actor, micro_credential_id: str, changes: dict[str, Any]
) -> dict[str, Any]:
    record = existing(store, "micro_credentials", micro_credential_id, "micro-credential")
    require_catalogue_writer(store, actor, record, phrase("edit this micro-credential"))
    if record["status"] != "draft":
        raise Immutable.single(
            "micro-credential",
            f"{record['code']} edition {record['edition']}",
            "is {status} and can no longer change",
            "Start a new edition to change it",
            status=record["status"],
        )
    if "code" in changes and changes["code"] != record["code"]:
        raise InvalidInput.single(
            "code",
            changes["code"],
            "cannot change",
            "Create a new micro-credential with the new code",
        )
    merged = {name: record[name] for name in MICRO_CREDENTIAL_FIELDS}
    merged.update(changes)
    clean = _validate_micro_credential(store, merged)
    with store.transaction(actor) as tx:
        updated = tx.update("micro_credentials", micro_credential_id, clean)
        if updated["version"] != record["version"]:
            tx.audit(
                "micro_credential.edit",
                "micro_credentials",
                micro_credential_id,
                {
                    "code": record["code"],
                    "fields": sorted(k for k in clean if clean[k] != record[k]),
                },
            )
    return updated


def _set_status(
    store: Store,
    actor: Actor,
    micro_credential_id: str,
    *,
    allowed_from: str,
    to: str,
    verb: str,
    doing: str,
) -> dict[str, Any]:
    record = existing(store, "micro_credentials", micro_credential_id, "micro-credential")
    require_catalogue_writer(store, actor, record, doing)
    if record["status"] != allowed_from:
        raise InvalidInput.single(
            "status",
            record["status"],
            "cannot become {to}",
            "Only a {required} micro-credential can be {to}",
            to=to,
            required=allowed_from,
        )
    changes: dict[str, Any] = {"status": to}
    with store.transaction(actor) as tx:
        if to == "published":
            changes["published_at"] = tx.now
            # One published edition per code: publishing a new one retires the old.
            for older in store.query(
                "SELECT id FROM micro_credentials WHERE code = ? AND status = 'published' "
                "AND deleted = 0",
                (record["code"],),
            ):
                tx.update("micro_credentials", older["id"], {"status": "retired"})
        updated = tx.update("micro_credentials", micro_credential_id, changes)
        tx.audit(
            f"micro_credential.{verb}",
            "micro_credentials",
            micro_credential_id,
            {"code": record["code"], "edition": record["edition"]},
        )
    return updated


def publish_micro_credential(
    store: Store, actor: Actor, micro_credential_id: str
) -> dict[str, Any]:
    return _set_status(
        store,
        actor,
        micro_credential_id,
        allowed_from="draft",
        to="published",
        verb="publish",
        doing=phrase("publish micro-credentials"),
    )


def retire_micro_credential(store: Store, actor: Actor, micro_credential_id: str) -> dict[str, Any]:
    return _set_status(
        store,
        actor,
        micro_credential_id,
        allowed_from="published",
        to="retired",
        verb="retire",
        doing=phrase("retire micro-credentials"),
    )


def new_edition(store: Store, actor: Actor, micro_credential_id: str) -> dict[str, Any]:
    """A draft copy of a published or retired edition, with the next edition number."""
    record = existing(store, "micro_credentials", micro_credential_id, "micro-credential")
    require_catalogue_writer(store, actor, record, phrase("start new editions"))
    if record["status"] == "draft":
        raise InvalidInput.single(
            "micro-credential", record["code"], "is still a draft", "Edit the draft itself"
        )
    latest = store.scalar(
        "SELECT MAX(edition) FROM micro_credentials WHERE code = ?", (record["code"],)
    )
    if store.one(
        "SELECT 1 FROM micro_credentials WHERE code = ? AND status = 'draft' AND deleted = 0",
        (record["code"],),
    ):
        raise Duplicate.single(
            "micro-credential",
            record["code"],
            "already has a draft edition",
            "Open that draft instead",
        )
    copy = {name: record[name] for name in MICRO_CREDENTIAL_FIELDS}
    with store.transaction(actor) as tx:
        draft = tx.insert(
            "micro_credentials",
            {
                **copy,
                "edition": latest + 1,
                "status": "draft",
                "scope": record["scope"],
                "campus_id": record["campus_id"],
                "previous_edition_id": record["id"],
            },
            owner=record["owner"],
        )
        tx.audit(
            "micro_credential.new_edition",
            "micro_credentials",
            draft["id"],
            {"code": record["code"], "edition": latest + 1},
        )
    return draft
