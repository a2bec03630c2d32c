"""What the Enrolments screen shows: every enrolment of a campus, the latest change first.

Filtered by status, by micro-credential (its code, any edition) and by the learner as typed
(the same words as the Learners search: any part of a name, registration number, CNIC or
phone). Pages continue by keyset on ``(status_changed_at, id)``, never by OFFSET, over the
indexes of migration 0008, so the hundredth page of 250,000 enrolments costs what the first does.

Read-only queries on a plain connection (the UI runs them on a reader thread).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from desktop.core.search import learner_filter
from desktop.core.store import dict_rows

__all__ = [
    "EnrolmentFilter",
    "EnrolmentPage",
    "count_enrolments",
    "micro_credential_codes",
    "search_enrolments",
]


@dataclass(frozen=True)
class EnrolmentFilter:
    """Which enrolments to show; blank fields do not narrow."""

    campus_id: str | None = None
    text: str = ""
    status: str | None = None
    micro_code: str | None = None


@dataclass(frozen=True)
class EnrolmentPage:
    rows: list[dict[str, Any]]
    # Pass as ``after`` for the next page; ``None`` when there is none.
    next_after: tuple[str, str] | None


_COLUMNS = """
    e.id, e.status, e.attempt, e.status_changed_at, e.cohort_id,
    l.id AS learner_id, l.registration_no, l.full_name,
    c.code AS cohort_code, m.code AS micro_code, m.title_en, m.title_ur
"""
_JOINS = """
    JOIN learners l ON l.id = e.learner_id
    JOIN cohorts c ON c.id = e.cohort_id
    JOIN micro_credentials m ON m.id = c.micro_credential_id
"""


# A search that matches at most this many learners reads their enrolments through the learner
# index and sorts them; a broader one walks the date index and keeps the matching rows. Measured
# on 250,000 enrolments: either way a page takes milliseconds, where the wrong one takes a second.
FEW_LEARNERS = 2000


def _where(wanted: EnrolmentFilter) -> tuple[str, list[Any]]:
    clauses = ["e.deleted = 0"]
    params: list[Any] = []
    if wanted.campus_id is not None:
        clauses.append("e.campus_id = ?")
        params.append(wanted.campus_id)
    if wanted.status:
        clauses.append("e.status = ?")
        params.append(wanted.status)
    if wanted.micro_code:
        clauses.append(
            "e.cohort_id IN (SELECT c2.id FROM cohorts c2 JOIN micro_credentials m2 "
            "ON m2.id = c2.micro_credential_id WHERE m2.code = ?)"
        )
        params.append(wanted.micro_code)
    return " AND ".join(clauses), params


def _learners(
    conn: sqlite3.Connection, wanted: EnrolmentFilter, *, counting: bool = False
) -> tuple[str, list[Any]]:
    """How the learners of a text search join in: ``(FROM clause, its parameters)``."""
    if not wanted.text.strip():
        return "enrolments e", []
    where, params = learner_filter(wanted.text, alias="l2")
    # INDEXED BY: given a keyset bound on the date, SQLite would otherwise walk the date index
    # once per learner (seconds); CROSS JOIN keeps the learners as the outer loop.
    by_learner = "CROSS JOIN enrolments e INDEXED BY enrolments_learner_live ON e.learner_id"
    if counting:
        return f"learners l2 {by_learner} = l2.id AND {where}", params
    ids = [
        row[0]
        for row in conn.execute(
            f"SELECT l2.id FROM learners l2 WHERE {where} LIMIT ?", (*params, FEW_LEARNERS + 1)
        )
    ]
    if len(ids) <= FEW_LEARNERS:
        return f"json_each(?) AS few {by_learner} = few.value", [json.dumps(ids)]
    return f"enrolments e JOIN learners l2 ON l2.id = e.learner_id AND {where}", params


def search_enrolments(
    conn: sqlite3.Connection,
    wanted: EnrolmentFilter,
    *,
    after: tuple[str, str] | None = None,
    limit: int = 200,
) -> EnrolmentPage:
    """One page of the enrolments ``wanted``, the most recently changed first."""
    source, params = _learners(conn, wanted)
    where, where_params = _where(wanted)
    params += where_params
    if after is not None:
        where += " AND (e.status_changed_at, e.id) < (?, ?)"
        params += list(after)
    rows = dict_rows(
        conn.execute(
            f"SELECT {_COLUMNS} FROM {source} {_JOINS} WHERE {where} "
            "ORDER BY e.status_changed_at DESC, e.id DESC LIMIT ?",
            (*params, limit + 1),
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    next_after = (rows[-1]["status_changed_at"], rows[-1]["id"]) if more and rows else None
    return EnrolmentPage(rows, next_after)


def count_enrolments(conn: sqlite3.Connection, wanted: EnrolmentFilter) -> int:
    if wanted.micro_code and not wanted.text.strip():
        return _count_by_cohort(conn, wanted)
    source, params = _learners(conn, wanted, counting=True)
    where, where_params = _where(wanted)
    return conn.execute(
        f"SELECT COUNT(*) FROM {source} WHERE {where}", (*params, *where_params)
    ).fetchone()[0]


def _count_by_cohort(conn: sqlite3.Connection, wanted: EnrolmentFilter) -> int:
    """One micro-credential's enrolments, counted cohort by cohort (20 ms where walking every
    enrolment of the campus took 150)."""
    clauses, params = ["m2.code = ?", "e.deleted = 0"], [wanted.micro_code]
    if wanted.campus_id is not None:
        clauses.append("c2.campus_id = ?")  # an enrolment belongs to its cohort's campus
        params.append(wanted.campus_id)
    if wanted.status:
        clauses.append("e.status = ?")
        params.append(wanted.status)
    return conn.execute(
        "SELECT COUNT(*) FROM cohorts c2 JOIN micro_credentials m2 "
        "ON m2.id = c2.micro_credential_id "
        "CROSS JOIN enrolments e INDEXED BY enrolments_cohort_live ON e.cohort_id = c2.id "
        f"WHERE {' AND '.join(clauses)}",
        params,
    ).fetchone()[0]


def micro_credential_codes(conn: sqlite3.Connection, campus_id: str | None) -> list[dict[str, Any]]:
    """The micro-credentials this campus has cohorts of (one row per code, newest edition's
    titles), for the filter."""
    return dict_rows(
        conn.execute(
            """SELECT m.code, m.title_en, m.title_ur FROM micro_credentials m
               WHERE m.deleted = 0 AND m.code IN (
                   SELECT m2.code FROM cohorts c JOIN micro_credentials m2
                     ON m2.id = c.micro_credential_id
                   WHERE c.deleted = 0 AND (?1 IS NULL OR c.campus_id = ?1))
                 AND m.edition = (SELECT MAX(m3.edition) FROM micro_credentials m3
                                  WHERE m3.code = m.code AND m3.deleted = 0)
               ORDER BY m.code""",
            (campus_id,),
        )
    )
