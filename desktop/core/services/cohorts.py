"""Cohorts (offerings): a published micro-credential run at a campus, with dates and assessors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.core.errors import Duplicate, InvalidInput, NotFound, phrase
from desktop.core.ids import utc_today
from desktop.core.services.access import local_campus, require_role, require_same_campus
from desktop.core.store import Actor, Store, Transaction
from desktop.core.validation import Checker, parse_date, require_choice, require_code, require_int

__all__ = [
    "MODES",
    "assign_assessor",
    "close_cohort",
    "create_cohort",
    "reopen_cohort",
    "set_assessors",
    "unassign_assessor",
    "update_cohort",
]

MODES = ("online", "hybrid", "in_person")
EDITABLE = ("code", "mode", "capacity", "fee_pkr", "starts_on", "ends_on")


def _validate(data: dict[str, Any]) -> dict[str, Any]:
    check = Checker()
    starts = check.check(parse_date, data.get("starts_on"), "starts_on")
    ends = check.check(parse_date, data.get("ends_on"), "ends_on")
    clean: dict[str, Any] = {
        "code": check.check(require_code, data.get("code")),
        "mode": check.check(require_choice, data.get("mode"), "mode", MODES),
        "capacity": check.check(
            require_int, data.get("capacity"), "capacity", minimum=1, maximum=10000
        ),
        "fee_pkr": None
        if data.get("fee_pkr") in (None, "")
        else check.check(
            require_int, data.get("fee_pkr"), "fee_pkr", minimum=0, maximum=10_000_000
        ),
        "starts_on": starts.isoformat() if starts else None,
        "ends_on": ends.isoformat() if ends else None,
    }
    if starts and ends and ends < starts:
        check.add(
            "ends_on",
            ends.isoformat(),
            "is before the start, {start}",
            "Set an end date on or after the start date",
            start=starts,
        )
    check.done()
    return clean


def _check_assessors(store: Store, campus_id: str, user_ids: list[str]) -> None:
    for user_id in user_ids:
        user = store.get("users", user_id)
        if user is None or user["role"] not in ("assessor", "admin") or not user["active"]:
            raise InvalidInput.single(
                "assessors",
                user_id,
                "is not an active assessor here",
                "Choose assessors from the list",
            )
        if user["campus_id"] != campus_id:
            raise InvalidInput.single(
                "assessors",
                user["username"],
                "works at another campus",
                "Choose assessors of this campus",
            )


def _assign(tx: Transaction, campus_id: str, cohort_id: str, user_id: str) -> dict[str, Any]:
    return tx.insert(
        "cohort_assessors", {"cohort_id": cohort_id, "user_id": user_id}, owner=campus_id
    )


def create_cohort(
    store: Store,
    actor: Actor,
    *,
    micro_credential_id: str,
    assessor_ids: list[str] | None = None,
    **data: Any,
) -> dict[str, Any]:
    require_role(actor, "admin", doing=phrase("create cohorts"))
    campus_id = actor.campus_id or local_campus(store)
    clean = _validate(data)
    credential = store.get("micro_credentials", micro_credential_id)
    if credential is None or credential["status"] != "published":
        raise InvalidInput.single(
            "micro_credential",
            credential["code"] if credential else micro_credential_id,
            "is not published" if credential else "does not exist",
            "Offer a published micro-credential; publish the draft first",
        )
    if credential["scope"] == "campus" and credential["campus_id"] != campus_id:
        raise InvalidInput.single(
            "micro_credential",
            credential["code"],
            "belongs to another campus",
            "Offer a national or own one",
        )
    if store.one(
        "SELECT 1 FROM cohorts WHERE campus_id = ? AND code = ?", (campus_id, clean["code"])
    ):
        raise Duplicate.single(
            "code",
            clean["code"],
            "is already a cohort here",
            "Choose another code, e.g. with the term: DA-101-2026S",
        )
    assessors = list(dict.fromkeys(assessor_ids or []))
    _check_assessors(store, campus_id, assessors)
    with store.transaction(actor) as tx:
        cohort = tx.insert(
            "cohorts",
            {
                **clean,
                "campus_id": campus_id,
                "micro_credential_id": micro_credential_id,
                "status": "open",
            },
            owner=campus_id,
        )
        for user_id in assessors:
            _assign(tx, campus_id, cohort["id"], user_id)
        tx.audit(
            "cohort.create",
            "cohorts",
            cohort["id"],
            {
                "code": cohort["code"],
                "micro_credential": credential["code"],
                "assessors": len(assessors),
            },
        )
    return cohort


def _cohort(store: Store, actor: Actor, cohort_id: str, doing: str) -> dict[str, Any]:
    require_role(actor, "admin", doing=doing)
    cohort = store.get("cohorts", cohort_id)
    if cohort is None:
        raise NotFound.single("cohort", cohort_id, "does not exist", "Reload the list of cohorts")
    require_same_campus(actor, cohort["campus_id"], doing=doing)
    return cohort


def update_cohort(
    store: Store, actor: Actor, cohort_id: str, changes: dict[str, Any]
) -> dict[str, Any]:
    cohort = _cohort(store, actor, cohort_id, phrase("edit cohorts"))
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"cohort fields {sorted(unknown)} are not edited here")
    merged = {k: cohort[k] for k in EDITABLE}
    merged.update(changes)
    clean = _validate(merged)
    taken = store.scalar(
        "SELECT COUNT(*) FROM enrolments WHERE cohort_id = ? AND status != 'withdrawn' "
        "AND deleted = 0",
        (cohort_id,),
    )
    if clean["capacity"] < taken:
        raise InvalidInput.single(
            "capacity",
            clean["capacity"],
            "is below the {taken} learners already enrolled",
            "Use at least {taken}, or withdraw learners first",
            taken=taken,
        )
    if clean["code"] != cohort["code"] and store.one(
        "SELECT 1 FROM cohorts WHERE campus_id = ? AND code = ?",
        (cohort["campus_id"], clean["code"]),
    ):
        raise Duplicate.single(
            "code", clean["code"], "is already a cohort here", "Choose another code"
        )
    with store.transaction(actor) as tx:
        updated = tx.update("cohorts", cohort_id, clean)
        if updated["version"] != cohort["version"]:
            tx.audit(
                "cohort.edit",
                "cohorts",
                cohort_id,
                {
                    "code": updated["code"],
                    "fields": sorted(k for k in clean if clean[k] != cohort[k]),
                },
            )
    return updated


def close_cohort(store: Store, actor: Actor, cohort_id: str) -> dict[str, Any]:
    cohort = _cohort(store, actor, cohort_id, phrase("close cohorts"))
    with store.transaction(actor) as tx:
        updated = tx.update("cohorts", cohort_id, {"status": "closed"})
        if updated["version"] != cohort["version"]:
            tx.audit("cohort.close", "cohorts", cohort_id, {"code": cohort["code"]})
    return updated


def reopen_cohort(store: Store, actor: Actor, cohort_id: str) -> dict[str, Any]:
    """Take enrolments again, e.g. after closing by mistake; an ended cohort stays closed."""
    cohort = _cohort(store, actor, cohort_id, phrase("reopen cohorts"))
    if cohort["ends_on"] < utc_today().isoformat():
        raise InvalidInput.single(
            "cohort",
            cohort["code"],
            "ended on {date}",
            "Move its end date first, or open a new cohort",
            date=dt.date.fromisoformat(cohort["ends_on"]),
        )
    with store.transaction(actor) as tx:
        updated = tx.update("cohorts", cohort_id, {"status": "open"})
        if updated["version"] != cohort["version"]:
            tx.audit("cohort.reopen", "cohorts", cohort_id, {"code": cohort["code"]})
    return updated


def assign_assessor(store: Store, actor: Actor, cohort_id: str, user_id: str) -> dict[str, Any]:
    cohort = _cohort(store, actor, cohort_id, phrase("assign assessors"))
    _check_assessors(store, cohort["campus_id"], [user_id])
    existing = store.one(
        "SELECT * FROM cohort_assessors WHERE cohort_id = ? AND user_id = ?", (cohort_id, user_id)
    )
    with store.transaction(actor) as tx:
        if existing is None:
            row = _assign(tx, cohort["campus_id"], cohort_id, user_id)
        elif existing["deleted"]:
            row = tx.restore("cohort_assessors", existing["id"])
        else:
            return existing
        tx.audit(
            "cohort.assessor_assign",
            "cohorts",
            cohort_id,
            {"code": cohort["code"], "user": user_id},
        )
    return row


def unassign_assessor(store: Store, actor: Actor, cohort_id: str, user_id: str) -> None:
    cohort = _cohort(store, actor, cohort_id, phrase("remove assessors"))
    existing = store.one(
        "SELECT * FROM cohort_assessors WHERE cohort_id = ? AND user_id = ? AND deleted = 0",
        (cohort_id, user_id),
    )
    if existing is None:
        return
    with store.transaction(actor) as tx:
        tx.delete("cohort_assessors", existing["id"])
        tx.audit(
            "cohort.assessor_remove",
            "cohorts",
            cohort_id,
            {"code": cohort["code"], "user": user_id},
        )


def set_assessors(
    store: Store, actor: Actor, cohort_id: str, user_ids: list[str]
) -> list[dict[str, Any]]:
    """Make exactly these the cohort's assessors (reassigning its marking), all or nothing.
    Markings already made stay theirs; attempts waiting go to the new list's queues."""
    cohort = _cohort(store, actor, cohort_id, phrase("assign assessors"))
    wanted = list(dict.fromkeys(user_ids))
    if not wanted:
        raise InvalidInput.single(
            "assessors",
            cohort["code"],
            "would have nobody to mark its work",
            "Keep at least one assessor",
        )
    _check_assessors(store, cohort["campus_id"], wanted)
    rows = store.query(
        "SELECT * FROM cohort_assessors WHERE cohort_id = ?", (cohort_id,)
    )
    by_user = {row["user_id"]: row for row in rows}
    before = sorted(u for u, row in by_user.items() if not row["deleted"])
    if before == sorted(wanted):
        return [by_user[u] for u in before]
    with store.transaction(actor) as tx:
        for user_id, row in by_user.items():
            if not row["deleted"] and user_id not in wanted:
                tx.delete("cohort_assessors", row["id"])
        for user_id in wanted:
            row = by_user.get(user_id)
            if row is None:
                _assign(tx, cohort["campus_id"], cohort_id, user_id)
            elif row["deleted"]:
                tx.restore("cohort_assessors", row["id"])
        tx.audit(
            "cohort.assessors",
            "cohorts",
            cohort_id,
            {"code": cohort["code"], "before": before, "after": sorted(wanted)},
        )
    return store.query(
        "SELECT * FROM cohort_assessors WHERE cohort_id = ? AND deleted = 0", (cohort_id,)
    )
