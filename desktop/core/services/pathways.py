"""Pathways: stacks of micro-credentials that together earn a larger credential.

A pathway names its members by micro-credential code (any edition counts), and asks for all of
them or any ``required_count`` of them. Like a micro-credential it is edited while a draft;
publishing needs every member to have a published edition, so learners are never pointed at a
course nobody can offer. A campus pathway may stack national micro-credentials and its own; a
national one only national ones.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.errors import Duplicate, Immutable, InvalidInput, phrase
from desktop.core.services.access import require_role
from desktop.core.services.catalogue import existing, require_catalogue_writer, scope_owner
from desktop.core.store import Actor, Store
from desktop.core.validation import Checker, require_choice, require_code, require_int, require_text

__all__ = [
    "PATHWAY_FIELDS",
    "create_pathway",
    "publish_pathway",
    "retire_pathway",
    "update_pathway",
]

PATHWAY_FIELDS = (
    "code",
    "title_en",
    "title_ur",
    "rule",
    "members",
    "required_count",
    "credit_awarded",
)


def _member_codes(store: Store, scope: str, campus_id: str | None) -> set[str]:
    """Codes a pathway of this scope may stack."""
    rows = store.query(
        "SELECT DISTINCT code FROM micro_credentials WHERE deleted = 0 "
        "AND (scope = 'national' OR (?1 = 'campus' AND campus_id = ?2))",
        (scope, campus_id),
    )
    return {r["code"] for r in rows}


def _validate(
    store: Store, data: dict[str, Any], scope: str, campus_id: str | None
) -> dict[str, Any]:
    unknown = set(data) - set(PATHWAY_FIELDS)
    if unknown:
        raise ValueError(f"unknown pathway fields {sorted(unknown)}")
    check = Checker()
    clean: dict[str, Any] = {
        "code": check.check(require_code, data.get("code")),
        "title_en": check.check(require_text, data.get("title_en"), "title_en", max_len=120),
        "title_ur": check.check(
            require_text, data.get("title_ur"), "title_ur", max_len=120, required=False
        ),
        "rule": check.check(require_choice, data.get("rule"), "rule", ("all_of", "n_of")),
    }
    codes = sorted({str(c).strip().upper() for c in data.get("members") or [] if str(c).strip()})
    if len(codes) < 2:
        check.add(
            "members", codes, "name fewer than two micro-credentials", "A stack needs at least two"
        )
    missing = [c for c in codes if c not in _member_codes(store, scope, campus_id)]
    if missing:
        check.add(
            "members",
            ", ".join(missing),
            "are not in the catalogue",
            "Pick members from the catalogue",
        )
    clean["members"] = json.dumps(codes)
    if clean["rule"] == "n_of":
        clean["required_count"] = check.check(
            require_int,
            data.get("required_count"),
            "required_count",
            minimum=1,
            maximum=max(1, len(codes)),
        )
    else:
        clean["required_count"] = None
    try:
        clean["credit_awarded"] = float(data.get("credit_awarded"))  # type: ignore[arg-type]
        if not 0 <= clean["credit_awarded"] <= 200:
            raise ValueError
    except (TypeError, ValueError):
        check.add(
            "credit_awarded",
            data.get("credit_awarded"),
            "is not a credit value",
            "Use a number from 0 to 200",
        )
    check.done()
    return clean


def create_pathway(
    store: Store,
    actor: Actor,
    *,
    code: str,
    title_en: str,
    title_ur: str | None = None,
    rule: str,
    members: list[str],
    required_count: int | None = None,
    credit_awarded: float,
    scope: str = "campus",
) -> dict[str, Any]:
    """A draft stack of micro-credentials (by code): all of them, or any ``required_count``."""
    require_role(actor, "admin", doing=phrase("add pathways"))
    owner, campus_id = scope_owner(store, actor, scope)
    data = {"code": code, "title_en": title_en, "title_ur": title_ur, "rule": rule,
            "members": members, "required_count": required_count,
            "credit_awarded": credit_awarded}  # fmt: skip
    clean = _validate(store, data, scope, campus_id)
    if store.one("SELECT 1 FROM pathways WHERE code = ?", (clean["code"],)):
        raise Duplicate.single("code", clean["code"], "is already a pathway", "Choose another code")
    with store.transaction(actor) as tx:
        pathway = tx.insert(
            "pathways",
            {**clean, "status": "draft", "scope": scope, "campus_id": campus_id},
            owner=owner,
        )
        tx.audit("pathway.create", "pathways", pathway["id"], {"code": pathway["code"]})
    return pathway


def update_pathway(
    store: Store, actor: Actor, pathway_id: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change a draft pathway; the code stays."""
    record = existing(store, "pathways", pathway_id, "pathway")
    require_catalogue_writer(store, actor, record, phrase("edit pathways"), "pathway")
    if record["status"] != "draft":
        raise Immutable.single(
            "pathway",
            record["code"],
            "is {status} and can no longer change",
            "Retire it and create a new pathway",
            status=record["status"],
        )
    if "code" in changes and str(changes["code"]).strip().upper() != record["code"]:
        raise InvalidInput.single(
            "code", changes["code"], "cannot change", "Create a new pathway with the new code"
        )
    merged = {name: record[name] for name in PATHWAY_FIELDS}
    merged["members"] = json.loads(record["members"])
    merged.update(changes)
    clean = _validate(store, merged, record["scope"], record["campus_id"])
    with store.transaction(actor) as tx:
        updated = tx.update("pathways", pathway_id, clean)
        if updated["version"] != record["version"]:
            tx.audit(
                "pathway.edit",
                "pathways",
                pathway_id,
                {
                    "code": record["code"],
                    "fields": sorted(k for k in clean if clean[k] != record[k]),
                },
            )
    return updated


def _set_status(
    store: Store, actor: Actor, pathway_id: str, *, allowed_from: str, to: str, doing: str
) -> dict[str, Any]:
    record = existing(store, "pathways", pathway_id, "pathway")
    require_catalogue_writer(store, actor, record, doing, "pathway")
    if record["status"] != allowed_from:
        raise InvalidInput.single(
            "status",
            record["status"],
            "cannot become {to}",
            "Only a {required} pathway can be {to}",
            to=to,
            required=allowed_from,
        )
    if to == "published":
        published = {
            r["code"]
            for r in store.query(
                "SELECT DISTINCT code FROM micro_credentials "
                "WHERE status = 'published' AND deleted = 0"
            )
        }
        unpublished = [c for c in json.loads(record["members"]) if c not in published]
        if unpublished:
            raise InvalidInput.single(
                "members",
                ", ".join(unpublished),
                "have no published edition",
                "Publish them first, or take them out of the pathway",
            )
    verb = "publish" if to == "published" else "retire"
    with store.transaction(actor) as tx:
        updated = tx.update("pathways", pathway_id, {"status": to})
        tx.audit(f"pathway.{verb}", "pathways", pathway_id, {"code": record["code"]})
    return updated


def publish_pathway(store: Store, actor: Actor, pathway_id: str) -> dict[str, Any]:
    """Offer a draft pathway to learners; every member must have a published edition."""
    return _set_status(
        store, actor, pathway_id, allowed_from="draft", to="published",
        doing=phrase("publish pathways"),
    )  # fmt: skip


def retire_pathway(store: Store, actor: Actor, pathway_id: str) -> dict[str, Any]:
    """Stop offering a published pathway; credentials already earned toward it stand."""
    return _set_status(
        store, actor, pathway_id, allowed_from="published", to="retired",
        doing=phrase("retire pathways"),
    )  # fmt: skip
