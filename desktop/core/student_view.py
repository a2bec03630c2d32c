"""What a student sees of their own learning, and nothing of anyone else's.

A student's account names one learner (``users.learner_id``); every read here starts from the
signed-in actor and goes through that learner, so a lab computer shows a student their own
enrolments only. Blind second markings are never shown; markings of an attempt still waiting
are not shown either (the decision is not made yet). Read-only queries on a plain connection.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from desktop.core.errors import PermissionDenied, phrase
from desktop.core.services.access import require_role
from desktop.core.store import Actor, dict_rows

__all__ = ["own_enrolments", "own_learner"]


def own_learner(conn: sqlite3.Connection, actor: Actor) -> dict[str, Any]:
    """The learner a student account belongs to."""
    require_role(actor, "student", doing=phrase("see a student's own enrolments"))
    rows = dict_rows(
        conn.execute(
            "SELECT l.id, l.full_name, l.registration_no FROM users u "
            "JOIN learners l ON l.id = u.learner_id "
            "WHERE u.id = ? AND u.deleted = 0 AND l.deleted = 0",
            (actor.user_id,),
        )
    )
    if not rows:
        raise PermissionDenied.single(
            "account", actor.username or actor.user_id, "belongs to no learner",
            "Ask the focal person to link your account to your registration",
        )  # fmt: skip
    return rows[0]


def own_enrolments(conn: sqlite3.Connection, actor: Actor) -> list[dict[str, Any]]:
    """The student's enrolments, newest cohort first, each with its requirements, the
    evidence of every attempt and the feedback on decided attempts."""
    learner = own_learner(conn, actor)
    enrolments = dict_rows(
        conn.execute(
            """SELECT e.id, e.status, e.attempt, e.status_changed_at, c.code AS cohort_code,
                      c.starts_on, c.ends_on, m.code AS micro_code, m.title_en, m.title_ur,
                      m.evidence_requirements
               FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
               JOIN micro_credentials m ON m.id = c.micro_credential_id
               WHERE e.learner_id = ? AND e.deleted = 0
               ORDER BY c.starts_on DESC, c.code""",
            (learner["id"],),
        )
    )
    for enrolment in enrolments:
        enrolment["evidence_requirements"] = json.loads(enrolment["evidence_requirements"])
        enrolment["evidence"] = dict_rows(
            conn.execute(
                "SELECT id, attempt, requirement_id, kind, original_name, size, media_type, "
                "url, text, created_at FROM evidence WHERE enrolment_id = ? AND deleted = 0 "
                "ORDER BY attempt, created_at, id",
                (enrolment["id"],),
            )
        )
        enrolment["feedback"] = dict_rows(
            conn.execute(
                "SELECT a.attempt, a.decision, a.feedback, a.assessed_at, "
                "u.display_name AS marker FROM assessments a "
                "LEFT JOIN users u ON u.id = a.marker_id "
                "WHERE a.enrolment_id = ? AND a.blind = 0 AND a.deleted = 0 "
                "AND (a.attempt < ? OR ? != 'submitted') "
                "ORDER BY a.attempt, a.assessed_at",
                (enrolment["id"], enrolment["attempt"], enrolment["status"]),
            )
        )
    return enrolments
