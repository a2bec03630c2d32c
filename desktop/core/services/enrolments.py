"""Enrolments and their lifecycle.

    enrolled → in progress → submitted → passed | resubmit | failed
                                    resubmit → submitted (next attempt)
    any state but passed/failed → withdrawn → enrolled (reinstated)

Passed, resubmit and failed come only from an assessment; submitted only from submitting an
attempt. Every change appends an event with its reason, so the history is never lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import (
    CohortClosed,
    CohortFull,
    FieldProblem,
    InvalidTransition,
    NotFound,
    phrase,
)
from desktop.core.ids import utc_today
from desktop.core.services.access import require_role, require_same_campus
from desktop.core.store import Actor, Store, Transaction
from desktop.core.validation import require_text

__all__ = [
    "MANUAL_TRANSITIONS",
    "STATUSES",
    "EnrolResult",
    "change_status",
    "enrol",
    "enrol_many",
    "get_enrolment",
    "history",
    "move",
]

STATUSES = ("enrolled", "in_progress", "submitted", "passed", "resubmit", "failed", "withdrawn")
MANUAL_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "enrolled": ("in_progress", "withdrawn"),
    "in_progress": ("withdrawn",),
    "submitted": ("withdrawn",),
    "resubmit": ("in_progress", "withdrawn"),
    "withdrawn": ("enrolled",),
    "passed": (),
    "failed": (),
}
REASON_REQUIRED = {"withdrawn", "enrolled"}


@dataclass
class EnrolResult:
    created: list[dict[str, Any]] = field(default_factory=list)
    already_enrolled: list[str] = field(default_factory=list)


def _open_cohort(store: Store, actor: Actor, cohort_id: str) -> dict[str, Any]:
    cohort = store.get("cohorts", cohort_id)
    if cohort is None:
        raise NotFound.single("cohort", cohort_id, "does not exist", "Reload the list of cohorts")
    require_same_campus(actor, cohort["campus_id"], doing=phrase("enrol learners in this cohort"))
    if cohort["status"] != "open":
        raise CohortClosed.single(
            "cohort",
            cohort["code"],
            "is closed to new enrolments",
            "Choose an open cohort, or reopen this one",
        )
    if cohort["ends_on"] < utc_today().isoformat():
        raise CohortClosed.single(
            "cohort",
            cohort["code"],
            "ended on {date}",
            "Choose a cohort that has not ended",
            date=dt.date.fromisoformat(cohort["ends_on"]),
        )
    return cohort


def _seats_left(store: Store, cohort: dict[str, Any]) -> int:
    taken = store.scalar(
        "SELECT COUNT(*) FROM enrolments WHERE cohort_id = ? AND status != 'withdrawn' "
        "AND deleted = 0",
        (cohort["id"],),
    )
    return cohort["capacity"] - taken


def _event(
    tx: Transaction,
    enrolment: dict[str, Any],
    from_status: str | None,
    to_status: str,
    reason: str | None,
) -> dict[str, Any]:
    return tx.insert(
        "enrolment_events",
        {
            "enrolment_id": enrolment["id"],
            "from_status": from_status,
            "to_status": to_status,
            "reason": reason,
            "actor_id": tx.actor.user_id,
            "at": tx.now,
        },
        owner=enrolment["owner"],
    )


def enrol(store: Store, actor: Actor, cohort_id: str, learner_id: str) -> dict[str, Any]:
    result = enrol_many(store, actor, cohort_id, [learner_id])
    if not result.created:
        learner = store.get("learners", learner_id)
        raise InvalidTransition.single(
            "learner",
            learner["registration_no"] if learner else learner_id,
            "is already enrolled in this cohort",
            "Open the existing enrolment",
        )
    return result.created[0]


def enrol_many(
    store: Store, actor: Actor, cohort_id: str, learner_ids: Sequence[str]
) -> EnrolResult:
    """Enrol learners together, or none of them if the cohort has too few seats."""
    require_role(actor, "admin", doing=phrase("enrol learners"))
    cohort = _open_cohort(store, actor, cohort_id)
    wanted = list(dict.fromkeys(learner_ids))
    result = EnrolResult()
    existing = {
        r["learner_id"]
        for r in store.query("SELECT learner_id FROM enrolments WHERE cohort_id = ?", (cohort_id,))
    }
    new_ids = []
    for learner_id in wanted:
        if learner_id in existing:
            result.already_enrolled.append(learner_id)
            continue
        learner = store.get("learners", learner_id)
        if learner is None:
            raise NotFound.single(
                "learner", learner_id, "does not exist", "Reload the list of learners"
            )
        if learner["campus_id"] != cohort["campus_id"]:
            raise InvalidTransition.single(
                "learner",
                learner["registration_no"],
                "is registered at another campus",
                "Register the learner at this campus first",
            )
        new_ids.append(learner_id)
    seats = _seats_left(store, cohort)
    if len(new_ids) > seats:
        raise CohortFull.single(
            "cohort",
            cohort["code"],
            "has {seats} of {capacity} seats left, and {chosen} learners were chosen",
            "Raise the capacity, choose fewer learners, or open another cohort",
            seats=max(seats, 0),
            capacity=cohort["capacity"],
            chosen=len(new_ids),
        )
    if not new_ids:
        return result
    with store.transaction(actor) as tx:
        result.created = tx.insert_many(
            "enrolments",
            [
                {
                    "campus_id": cohort["campus_id"],
                    "cohort_id": cohort_id,
                    "learner_id": lid,
                    "status": "enrolled",
                    "attempt": 1,
                    "status_changed_at": tx.now,
                }
                for lid in new_ids
            ],
            owner=cohort["owner"],
        )
        tx.insert_many(
            "enrolment_events",
            [
                {
                    "enrolment_id": e["id"],
                    "from_status": None,
                    "to_status": "enrolled",
                    "reason": None,
                    "actor_id": actor.user_id,
                    "at": tx.now,
                }
                for e in result.created
            ],
            owner=cohort["owner"],
        )
        tx.audit(
            "enrolment.create",
            "cohorts",
            cohort_id,
            {"code": cohort["code"], "enrolled": len(new_ids)},
        )
    return result


def get_enrolment(store: Store, enrolment_id: str) -> dict[str, Any]:
    enrolment = store.get("enrolments", enrolment_id)
    if enrolment is None:
        raise NotFound.single(
            "enrolment", enrolment_id, "does not exist", "Reload the list of enrolments"
        )
    return enrolment


def move(
    tx: Transaction,
    enrolment: dict[str, Any],
    to_status: str,
    reason: str | None,
    *,
    attempt: int | None = None,
) -> dict[str, Any]:
    """Change status and append the event; callers have checked the transition is allowed."""
    changes: dict[str, Any] = {"status": to_status, "status_changed_at": tx.now}
    if attempt is not None:
        changes["attempt"] = attempt
    updated = tx.update("enrolments", enrolment["id"], changes)
    _event(tx, enrolment, enrolment["status"], to_status, reason)
    return updated


def _refused_transition(current: str, to_status: str) -> FieldProblem:
    params = {"current": current, "allowed": list(MANUAL_TRANSITIONS.get(current, ()))}
    if to_status in ("passed", "resubmit", "failed"):
        return FieldProblem(
            "status",
            to_status,
            "cannot follow {current}",
            "Record an assessment of the submitted work instead",
            params,
        )
    if to_status == "submitted":
        return FieldProblem(
            "status",
            to_status,
            "cannot follow {current}",
            "The learner submits an attempt with its evidence",
            params,
        )
    if params["allowed"]:
        return FieldProblem(
            "status", to_status, "cannot follow {current}", "It can become {allowed}", params
        )
    return FieldProblem("status", to_status, "cannot follow {current}", "It is final", params)


def change_status(
    store: Store, actor: Actor, enrolment_id: str, to_status: str, reason: str | None = None
) -> dict[str, Any]:
    """A focal person's change: start, withdraw or reinstate, with a reason where one is due."""
    require_role(actor, "admin", doing=phrase("change enrolment status"))
    enrolment = get_enrolment(store, enrolment_id)
    require_same_campus(actor, enrolment["campus_id"], doing=phrase("change this enrolment"))
    current = enrolment["status"]
    if to_status not in MANUAL_TRANSITIONS.get(current, ()):
        raise InvalidTransition(_refused_transition(current, to_status))
    text = require_text(reason, "reason", max_len=500, required=to_status in REASON_REQUIRED)
    if to_status == "enrolled":
        cohort = _open_cohort(store, actor, enrolment["cohort_id"])
        if _seats_left(store, cohort) < 1:
            raise CohortFull.single(
                "cohort", cohort["code"], "has no seats left", "Raise the capacity first"
            )
    with store.transaction(actor) as tx:
        updated = move(tx, enrolment, to_status, text)
        tx.audit(
            "enrolment.status",
            "enrolments",
            enrolment_id,
            {"from": current, "to": to_status, "reason": text},
        )
    return updated


def history(store: Store, enrolment_id: str) -> list[dict[str, Any]]:
    """Every status change of an enrolment, oldest first, with who made it and why."""
    return store.query(
        "SELECT e.from_status, e.to_status, e.reason, e.at, u.display_name AS actor "
        "FROM enrolment_events e LEFT JOIN users u ON u.id = e.actor_id "
        "WHERE e.enrolment_id = ? ORDER BY e.at, e.id",
        (enrolment_id,),
    )
