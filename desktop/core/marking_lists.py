"""What the marking screens show: submitted attempts waiting for marks, the backlog per cohort
and per assessor, and how long marking takes.

An attempt waits while its enrolment is *submitted*. It is then in one of three states:
``to_mark`` (no deciding marking yet; blind second markings may exist), or ``disagreement``
(a deciding marking disagrees with a blind one and the focal person must resolve it). Read-only
queries on a plain connection (the UI runs them on a reader thread).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import NotFound
from desktop.core.services.assessments import attempt_markings
from desktop.core.store import Actor, Store, dict_rows

__all__ = [
    "QueueFilter",
    "backlog_by_assessor",
    "backlog_by_cohort",
    "marking_queue",
    "submission",
    "turnaround_days",
]


@dataclass(frozen=True)
class QueueFilter:
    """Whose queue and what of it; blank fields do not narrow."""

    campus_id: str | None
    # An assessor sees the cohorts assigned to them; None (a focal person) sees every cohort.
    assessor_id: str | None = None
    cohort_id: str | None = None
    micro_code: str | None = None
    waiting_days: int | None = None  # at least this many days waiting


def _days_since(stamp: str, today: dt.date) -> int:
    return (today - dt.date.fromisoformat(stamp[:10])).days


def marking_queue(
    conn: sqlite3.Connection, wanted: QueueFilter, *, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Submitted attempts, the longest waiting first, each with its markings so far."""
    today = today or dt.datetime.now(dt.UTC).date()
    clauses = ["e.deleted = 0", "e.status = 'submitted'"]
    params: list[Any] = []
    if wanted.campus_id is not None:
        clauses.append("e.campus_id = ?")
        params.append(wanted.campus_id)
    if wanted.assessor_id is not None:
        clauses.append(
            "e.cohort_id IN (SELECT cohort_id FROM cohort_assessors "
            "WHERE user_id = ? AND deleted = 0)"
        )
        params.append(wanted.assessor_id)
    if wanted.cohort_id is not None:
        clauses.append("e.cohort_id = ?")
        params.append(wanted.cohort_id)
    if wanted.micro_code is not None:
        clauses.append("m.code = ?")
        params.append(wanted.micro_code)
    if wanted.waiting_days:
        cutoff = (today - dt.timedelta(days=wanted.waiting_days)).isoformat()
        clauses.append("substr(e.status_changed_at, 1, 10) <= ?")
        params.append(cutoff)
    rows = dict_rows(
        conn.execute(
            f"""SELECT e.id, e.attempt, e.status_changed_at AS submitted_at, e.cohort_id,
                       l.registration_no, l.full_name, c.code AS cohort_code,
                       m.code AS micro_code, m.title_en, m.title_ur,
                       (SELECT COUNT(*) FROM assessments a WHERE a.enrolment_id = e.id
                          AND a.attempt = e.attempt AND a.blind = 1 AND a.deleted = 0)
                          AS blind_markings,
                       (SELECT COUNT(*) FROM assessments a WHERE a.enrolment_id = e.id
                          AND a.attempt = e.attempt AND a.blind = 0 AND a.deleted = 0)
                          AS deciding_markings,
                       (SELECT group_concat(a.marker_id) FROM assessments a
                          WHERE a.enrolment_id = e.id AND a.attempt = e.attempt
                          AND a.deleted = 0) AS markers
                FROM enrolments e
                JOIN learners l ON l.id = e.learner_id
                JOIN cohorts c ON c.id = e.cohort_id
                JOIN micro_credentials m ON m.id = c.micro_credential_id
                WHERE {" AND ".join(clauses)}
                ORDER BY e.status_changed_at, e.id""",
            params,
        )
    )
    for row in rows:
        row["waiting_days"] = _days_since(row["submitted_at"], today)
        row["state"] = "disagreement" if row["deciding_markings"] else "to_mark"
        markers = row.pop("markers")
        row["marked_by"] = markers.split(",") if markers else []
    return rows


def backlog_by_cohort(
    conn: sqlite3.Connection, campus_id: str | None, *, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Per cohort with work waiting: how many attempts wait, the oldest, and its assessors."""
    today = today or dt.datetime.now(dt.UTC).date()
    rows = dict_rows(
        conn.execute(
            """SELECT c.id, c.code, m.code AS micro_code, COUNT(*) AS waiting,
                      MIN(e.status_changed_at) AS oldest,
                      (SELECT group_concat(u.display_name, ', ') FROM cohort_assessors ca
                         JOIN users u ON u.id = ca.user_id
                         WHERE ca.cohort_id = c.id AND ca.deleted = 0) AS assessors
               FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
               JOIN micro_credentials m ON m.id = c.micro_credential_id
               WHERE e.status = 'submitted' AND e.deleted = 0
                 AND (?1 IS NULL OR e.campus_id = ?1)
               GROUP BY c.id ORDER BY MIN(e.status_changed_at)""",
            (campus_id,),
        )
    )
    for row in rows:
        row["oldest_days"] = _days_since(row["oldest"], today)
    return rows


def backlog_by_assessor(
    conn: sqlite3.Connection, campus_id: str | None, *, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Per active assessor: attempts waiting in their cohorts that they have not marked, the
    oldest of them, and their median turnaround over the attempts they decided."""
    today = today or dt.datetime.now(dt.UTC).date()
    people = dict_rows(
        conn.execute(
            "SELECT id, display_name FROM users WHERE role = 'assessor' AND active = 1 "
            "AND deleted = 0 AND (?1 IS NULL OR campus_id = ?1) ORDER BY display_name",
            (campus_id,),
        )
    )
    result = []
    for person in people:
        waiting = [
            row
            for row in marking_queue(
                conn, QueueFilter(campus_id, assessor_id=person["id"]), today=today
            )
            if person["id"] not in row["marked_by"]
        ]
        result.append(
            {
                "id": person["id"],
                "display_name": person["display_name"],
                "waiting": len(waiting),
                "oldest_days": max((row["waiting_days"] for row in waiting), default=None),
                "turnaround_days": turnaround_days(conn, campus_id, marker_id=person["id"]),
            }
        )
    return result


def turnaround_days(
    conn: sqlite3.Connection, campus_id: str | None, *, marker_id: str | None = None
) -> float | None:
    """Median days from an attempt's submission to its deciding marking (None: none yet)."""
    rows = conn.execute(
        """SELECT a.assessed_at,
                  (SELECT MAX(ev.at) FROM enrolment_events ev
                     WHERE ev.enrolment_id = a.enrolment_id AND ev.to_status = 'submitted'
                       AND ev.at <= a.assessed_at) AS submitted_at
           FROM assessments a JOIN enrolments e ON e.id = a.enrolment_id
           WHERE a.blind = 0 AND a.deleted = 0
             AND (?1 IS NULL OR e.campus_id = ?1) AND (?2 IS NULL OR a.marker_id = ?2)""",
        (campus_id, marker_id),
    ).fetchall()
    days = [
        (dt.datetime.fromisoformat(done.replace("Z", "+00:00"))
         - dt.datetime.fromisoformat(sent.replace("Z", "+00:00"))).total_seconds() / 86400
        for done, sent in rows
        if sent
    ]  # fmt: skip
    return round(statistics.median(days), 1) if days else None


def submission(conn: sqlite3.Connection, actor: Actor, enrolment_id: str) -> dict[str, Any]:
    """Everything a marker needs to judge an enrolment's current attempt: who and what, the
    rubric and requirements, the evidence of this attempt, earlier attempts with their
    feedback, and the markings of this attempt the actor may see."""
    store = Store(conn, Path())
    row = store.one(
        """SELECT e.id, e.status, e.attempt, e.campus_id, e.status_changed_at,
                  l.full_name, l.registration_no, c.code AS cohort_code,
                  m.code AS micro_code, m.title_en, m.title_ur, m.rubric,
                  m.evidence_requirements
           FROM enrolments e JOIN learners l ON l.id = e.learner_id
           JOIN cohorts c ON c.id = e.cohort_id
           JOIN micro_credentials m ON m.id = c.micro_credential_id
           WHERE e.id = ? AND e.deleted = 0""",
        (enrolment_id,),
    )
    if row is None:
        raise NotFound.single(
            "enrolment", enrolment_id, "does not exist", "Reload the list of enrolments"
        )
    row["rubric"] = json.loads(row["rubric"])
    row["evidence_requirements"] = json.loads(row["evidence_requirements"])
    row["evidence"] = store.query(
        "SELECT * FROM evidence WHERE enrolment_id = ? AND attempt = ? AND deleted = 0 "
        "ORDER BY created_at, id",
        (enrolment_id, row["attempt"]),
    )
    row["earlier"] = store.query(
        "SELECT a.attempt, a.decision, a.feedback, a.assessed_at, u.display_name AS marker "
        "FROM assessments a LEFT JOIN users u ON u.id = a.marker_id "
        "WHERE a.enrolment_id = ? AND a.attempt < ? AND a.blind = 0 AND a.deleted = 0 "
        "ORDER BY a.attempt, a.assessed_at",
        (enrolment_id, row["attempt"]),
    )
    row["markings"] = attempt_markings(store, actor, enrolment_id)
    for marking in row["markings"]:
        marking["scores"] = json.loads(marking["scores"])
    return row
