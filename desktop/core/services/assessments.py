"""Marking a submitted attempt against the rubric, with optional blind second marking.

A *deciding* marking (``blind=False``) scores the attempt and decides it: pass, resubmit or
fail. For quality assurance another assessor may first mark the same attempt *blind*
(``blind=True``): independently, without seeing other marks of it, and without moving the
enrolment. When the deciding marking then agrees with every blind one, its decision takes
effect at once; when they disagree, the attempt is held (the enrolment stays submitted) until
the focal person resolves it by choosing one of the markings, whose decision then takes effect.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.errors import InvalidInput, InvalidTransition, PermissionDenied, phrase
from desktop.core.rubric import decision_allowed, validate_scores
from desktop.core.services.access import require_role, require_same_campus
from desktop.core.services.enrolments import get_enrolment, move
from desktop.core.store import Actor, Store, Transaction
from desktop.core.validation import require_choice, require_text

__all__ = ["DECISIONS", "attempt_markings", "record_assessment", "resolve_disagreement"]

DECISIONS = ("pass", "resubmit", "fail")
_OUTCOME = {"pass": "passed", "resubmit": "resubmit", "fail": "failed"}


def _attempt_markings(store: Store, enrolment: dict[str, Any]) -> list[dict[str, Any]]:
    return store.query(
        "SELECT a.*, u.display_name AS marker FROM assessments a "
        "LEFT JOIN users u ON u.id = a.marker_id "
        "WHERE a.enrolment_id = ? AND a.attempt = ? AND a.deleted = 0 "
        "ORDER BY a.assessed_at, a.id",
        (enrolment["id"], enrolment["attempt"]),
    )


def attempt_markings(store: Store, actor: Actor, enrolment_id: str) -> list[dict[str, Any]]:
    """The markings of an enrolment's current attempt that ``actor`` may see: none of other
    people's while the attempt waits and the actor has not marked it (a blind second marker
    must judge alone); all of them once it is decided, or to the focal person."""
    enrolment = get_enrolment(store, enrolment_id)
    require_same_campus(actor, enrolment["campus_id"], doing=phrase("see this enrolment"))
    markings = _attempt_markings(store, enrolment)
    waiting = enrolment["status"] == "submitted"
    if actor.role == "admin" or not waiting:
        return markings
    if any(m["marker_id"] == actor.user_id for m in markings):
        return markings
    return []


def record_assessment(
    store: Store,
    actor: Actor,
    enrolment_id: str,
    *,
    scores: dict[str, int],
    decision: str,
    feedback: str,
    blind: bool = False,
) -> dict[str, Any]:
    """Score every rubric criterion, decide, and give written feedback.

    A pass must meet the rubric's pass rule. A resubmission opens the next attempt and keeps the
    old one with its evidence and this assessment. ``blind`` records a second, independent
    marking that decides nothing by itself (see the module's description).
    """
    require_role(actor, "assessor", "admin", doing=phrase("assess evidence"))
    enrolment = get_enrolment(store, enrolment_id)
    require_same_campus(actor, enrolment["campus_id"], doing=phrase("assess this enrolment"))
    if actor.role == "assessor" and not store.one(
        "SELECT 1 FROM cohort_assessors WHERE cohort_id = ? AND user_id = ? AND deleted = 0",
        (enrolment["cohort_id"], actor.user_id),
    ):
        raise PermissionDenied.single(
            "cohort",
            enrolment["cohort_id"],
            "is not one of your cohorts",
            "Ask the focal person to assign you to it",
        )
    if enrolment["status"] != "submitted":
        raise InvalidTransition.single(
            "enrolment",
            enrolment["status"].replace("_", " "),
            "has no submitted attempt to mark",
            "Wait until the learner submits",
        )
    markings = _attempt_markings(store, enrolment)
    if any(m["marker_id"] == actor.user_id for m in markings):
        raise InvalidTransition.single(
            "attempt",
            enrolment["attempt"],
            "has already been marked by you",
            "Another assessor gives the second marking",
        )
    if any(not m["blind"] for m in markings):
        raise InvalidTransition.single(
            "attempt",
            enrolment["attempt"],
            "has been marked, and its markings disagree",
            "The focal person resolves it by choosing one of the markings",
        )
    rubric = json.loads(
        store.one(
            "SELECT m.rubric FROM cohorts c JOIN micro_credentials m "
            "ON m.id = c.micro_credential_id WHERE c.id = ?",
            (enrolment["cohort_id"],),
        )["rubric"]
    )
    clean_scores = validate_scores(rubric, scores)
    chosen = require_choice(decision, "decision", DECISIONS)
    decision_allowed(rubric, clean_scores, chosen)
    text = require_text(feedback, "feedback", max_len=5000)
    disagrees = not blind and any(m["decision"] != chosen for m in markings)
    with store.transaction(actor) as tx:
        assessment = tx.insert(
            "assessments",
            {
                "enrolment_id": enrolment_id,
                "attempt": enrolment["attempt"],
                "marker_id": actor.user_id,
                "scores": json.dumps(clean_scores),
                "decision": chosen,
                "feedback": text,
                "blind": 1 if blind else 0,
                "assessed_at": tx.now,
            },
            owner=enrolment["owner"],
        )
        if not blind and not disagrees:
            _apply(tx, enrolment, chosen, f"assessed: {chosen}")
        action = (
            "assessment.second" if blind
            else "assessment.disagreement" if disagrees
            else "assessment.record"
        )  # fmt: skip
        tx.audit(
            action,
            "enrolments",
            enrolment_id,
            {
                "attempt": enrolment["attempt"],
                "decision": chosen,
                "total": sum(clean_scores.values()),
            },
        )
    return assessment


def _apply(tx: Transaction, enrolment: dict[str, Any], decision: str, reason: str) -> None:
    next_attempt = enrolment["attempt"] + 1 if decision == "resubmit" else None
    move(tx, enrolment, _OUTCOME[decision], reason, attempt=next_attempt)


def resolve_disagreement(
    store: Store, actor: Actor, enrolment_id: str, assessment_id: str, note: str
) -> dict[str, Any]:
    """The focal person settles an attempt whose markings disagree: the decision of the chosen
    marking takes effect, with the reason written down."""
    require_role(actor, "admin", doing=phrase("resolve a disagreement between markers"))
    enrolment = get_enrolment(store, enrolment_id)
    require_same_campus(actor, enrolment["campus_id"], doing=phrase("resolve this enrolment"))
    markings = _attempt_markings(store, enrolment) if enrolment["status"] == "submitted" else []
    deciding = [m for m in markings if not m["blind"]]
    if not deciding or len({m["decision"] for m in markings}) < 2:
        raise InvalidTransition.single(
            "enrolment",
            enrolment_id,
            "has no markings that disagree",
            "Only an attempt held for disagreeing markers is resolved",
        )
    chosen = next((m for m in markings if m["id"] == assessment_id), None)
    if chosen is None:
        raise InvalidInput.single(
            "assessment",
            assessment_id,
            "is not a marking of this attempt",
            "Choose one of the markings shown",
        )
    text = require_text(note, "reason", max_len=1000)
    with store.transaction(actor) as tx:
        _apply(tx, enrolment, chosen["decision"], f"resolved: {text}")
        tx.audit(
            "assessment.resolve",
            "enrolments",
            enrolment_id,
            {
                "attempt": enrolment["attempt"],
                "chosen": assessment_id,
                "decision": chosen["decision"],
                "reason": text,
            },
        )
    return get_enrolment(store, enrolment_id)
