"""What the Cohorts screen shows: a campus's cohorts with their seats, and a cohort's roster.

Read-only queries on a plain connection (the UI runs them on a reader thread).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop.core.store import dict_rows

__all__ = [
    "learners_by_registration",
    "list_assessors",
    "list_cohorts",
    "offerable",
    "registration_numbers_from_csv",
    "roster",
]


def list_cohorts(conn: sqlite3.Connection, campus_id: str | None) -> list[dict[str, Any]]:
    """Cohorts newest first, each with its micro-credential and the seats taken."""
    return dict_rows(
        conn.execute(
            """SELECT c.id, c.code, c.starts_on, c.ends_on, c.mode, c.capacity, c.status,
                      m.code AS micro_code, m.title_en, m.title_ur,
                      (SELECT COUNT(*) FROM enrolments e WHERE e.cohort_id = c.id
                         AND e.status != 'withdrawn' AND e.deleted = 0) AS taken
               FROM cohorts c JOIN micro_credentials m ON m.id = c.micro_credential_id
               WHERE c.deleted = 0 AND (?1 IS NULL OR c.campus_id = ?1)
               ORDER BY c.starts_on DESC, c.code""",
            (campus_id,),
        )
    )


def roster(conn: sqlite3.Connection, cohort_id: str) -> list[dict[str, Any]]:
    """A cohort's enrolments with their learners, by name."""
    return dict_rows(
        conn.execute(
            """SELECT e.id, e.status, e.attempt, e.status_changed_at, l.id AS learner_id,
                      l.registration_no, l.full_name
               FROM enrolments e JOIN learners l ON l.id = e.learner_id
               WHERE e.cohort_id = ? AND e.deleted = 0
               ORDER BY l.full_name, e.id""",
            (cohort_id,),
        )
    )


def offerable(conn: sqlite3.Connection, campus_id: str | None) -> list[dict[str, Any]]:
    """Published micro-credentials this campus may offer: national ones and its own."""
    return dict_rows(
        conn.execute(
            """SELECT id, code, edition, title_en, title_ur FROM micro_credentials
               WHERE deleted = 0 AND status = 'published'
                 AND (scope = 'national' OR campus_id = ?)
               ORDER BY code""",
            (campus_id,),
        )
    )


def list_assessors(conn: sqlite3.Connection, campus_id: str | None) -> list[dict[str, Any]]:
    """Active accounts of this campus that may mark (assessors and admins)."""
    return dict_rows(
        conn.execute(
            """SELECT id, display_name, role FROM users
               WHERE deleted = 0 AND active = 1 AND role IN ('assessor', 'admin')
                 AND campus_id = ?
               ORDER BY role DESC, display_name""",
            (campus_id,),
        )
    )


def learners_by_registration(
    conn: sqlite3.Connection, campus_id: str | None, numbers: list[str]
) -> tuple[dict[str, str], list[str]]:
    """``({registration number: learner id}, [numbers not found])`` for a list as typed (case
    and spaces do not matter; a number listed twice counts once)."""
    wanted = list(dict.fromkeys(n.strip().upper() for n in numbers if n and n.strip()))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for number, learner_id in conn.execute(
            "SELECT registration_no, id FROM learners WHERE deleted = 0 "
            f"AND (? IS NULL OR campus_id = ?) AND registration_no IN ({marks})",
            (campus_id, campus_id, *chunk),
        ):
            found[number] = learner_id
    return found, [n for n in wanted if n not in found]


def registration_numbers_from_csv(path: str) -> list[str]:
    """The registration numbers in a CSV: the column whose header names them, else the first."""
    from desktop.core.learner_import import guess_mapping, read_csv

    table = read_csv(path)
    mapping = guess_mapping(table.headers)
    column = mapping.get("registration_no", 0)
    # Without a header naming the column, the first line is a number like the others.
    rows = ([] if "registration_no" in mapping else [table.headers]) + table.rows
    return [row[column] for row in rows if column < len(row) and row[column].strip()]
