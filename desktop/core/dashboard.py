"""The figures on the dashboard: enrolments per learning track, and how far the learners of
recent cohorts have come (enrolled → started → submitted → passed)."""

from __future__ import annotations

import sqlite3
from typing import Any

__all__ = ["FUNNEL_STAGES", "completion_funnel", "enrolments_per_track"]

# Each stage counts the enrolments that reached it (a passed learner also started and submitted).
FUNNEL_STAGES = {
    "enrolled": ("enrolled", "in_progress", "submitted", "passed", "resubmit", "failed",
                 "withdrawn"),
    "started": ("in_progress", "submitted", "passed", "resubmit", "failed"),
    "submitted": ("submitted", "passed", "resubmit", "failed"),
    "passed": ("passed",),
}  # fmt: skip


def enrolments_per_track(conn: sqlite3.Connection, campus_id: str | None) -> list[dict[str, Any]]:
    """Enrolments not withdrawn, per track, largest first."""
    rows = conn.execute(
        """SELECT t.code, t.name_en, t.name_ur, COUNT(e.id)
           FROM tracks t
           JOIN micro_credentials m ON m.track_id = t.id
           JOIN cohorts c ON c.micro_credential_id = m.id
           JOIN enrolments e ON e.cohort_id = c.id
           WHERE e.deleted = 0 AND e.status != 'withdrawn' AND (?1 IS NULL OR c.campus_id = ?1)
           GROUP BY t.id ORDER BY COUNT(e.id) DESC, t.code""",
        (campus_id,),
    ).fetchall()
    return [{"code": r[0], "name_en": r[1], "name_ur": r[2], "enrolments": r[3]} for r in rows]


def completion_funnel(
    conn: sqlite3.Connection, campus_id: str | None, *, today: str, cohorts: int = 6
) -> list[dict[str, Any]]:
    """For the most recently started cohorts (up to ``cohorts``): how many reached each stage."""
    recent = conn.execute(
        """SELECT id, code FROM cohorts
           WHERE deleted = 0 AND starts_on <= ?2 AND (?1 IS NULL OR campus_id = ?1)
           ORDER BY starts_on DESC, code LIMIT ?3""",
        (campus_id, today, cohorts),
    ).fetchall()
    funnel = []
    for cohort_id, code in reversed(recent):
        counts = dict(
            conn.execute(
                "SELECT status, COUNT(*) FROM enrolments WHERE cohort_id = ? AND deleted = 0 "
                "GROUP BY status",
                (cohort_id,),
            ).fetchall()
        )
        funnel.append(
            {
                "code": code,
                **{stage: sum(counts.get(s, 0) for s in statuses)
                   for stage, statuses in FUNNEL_STAGES.items()},
            }
        )  # fmt: skip
    return funnel
