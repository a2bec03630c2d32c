"""Marking a submitted attempt against the rubric."""

from __future__ import annotations

import json
from typing import Any

from desktop.core.errors import InvalidTransition, PermissionDenied, phrase
from desktop.core.rubric import decision_allowed, validate_scores
from desktop.core.services.access import require_role, require_same_campus
from desktop.core.services.enrolments import get_enrolment, move
from desktop.core.store import Actor, Store
from desktop.core.validation import require_choice, require_text

__all__ = ["DECISIONS", "record_assessment"]

DECISIONS = ("pass", "resubmit", "fail")
_OUTCOME = {"pass": "passed", "resubmit": "resubmit", "fail": "failed"}


def record_assessment(
    store: Store,
    actor: Actor,
    enrolment_id: str,
    *,
    scores: dict[str, int],
    decision: str,
    feedback: str,
) -> dict[str, Any]:
    """Score every rubric criterion, decide, and give written feedback.

    A pass must meet the rubric's pass rule. A resubmission opens the next attempt and keeps the
    old one with its evidence and this assessment.
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
                "blind": 0,
                "assessed_at": tx.now,
            },
            owner=enrolment["owner"],
        )
        next_attempt = enrolment["attempt"] + 1 if chosen == "resubmit" else None
        move(tx, enrolment, _OUTCOME[chosen], f"assessed: {chosen}", attempt=next_attempt)
        tx.audit(
            "assessment.record",
            "enrolments",
            enrolment_id,
            {
                "attempt": enrolment["attempt"],
                "decision": chosen,
                "total": sum(clean_scores.values()),
            },
        )
    return assessment
