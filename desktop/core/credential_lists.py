"""The list of a campus's issued credentials, newest first, in keyset pages.

Each row carries the credential's current state (the newest status event, or ``active``), and
``expired`` when its validity has run out. A filter narrows by state, by learner and by text: the
start of a serial, or any part of the learner's name.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any

from desktop.core.store import dict_rows

__all__ = [
    "STATES",
    "CredentialFilter",
    "CredentialPage",
    "count_credentials",
    "search_credentials",
]

STATES = ("active", "suspended", "revoked", "expired")

_STATE = """coalesce((SELECT CASE s.action WHEN 'reinstate' THEN 'active'
                                          WHEN 'suspend' THEN 'suspended' ELSE 'revoked' END
    FROM credential_status_events s WHERE s.credential_id = i.id AND s.deleted = 0
    ORDER BY s.at DESC, s.id DESC LIMIT 1), 'active')"""


@dataclass(frozen=True)
class CredentialFilter:
    campus_id: str | None
    text: str = ""
    state: str | None = None
    today: str = ""
    learner_id: str | None = None  # one learner's own (student mode)


@dataclass(frozen=True)
class CredentialPage:
    rows: list[dict[str, Any]]
    next_after: tuple[str, str] | None


def _where(wanted: CredentialFilter) -> tuple[str, list[Any]]:
    clauses = ["i.deleted = 0"]
    params: list[Any] = []
    if wanted.campus_id is not None:
        clauses.append("i.campus_id = ?")
        params.append(wanted.campus_id)
    if wanted.learner_id is not None:
        clauses.append("i.learner_id = ?")
        params.append(wanted.learner_id)
    text = wanted.text.strip()
    if text:
        pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("(i.serial LIKE ? ESCAPE '\\' OR l.full_name LIKE ? ESCAPE '\\')")
        params += [f"{pattern.upper()}%", f"%{pattern}%"]
    return " AND ".join(clauses), params


def _select(wanted: CredentialFilter) -> tuple[str, list[Any]]:
    where, params = _where(wanted)
    today = wanted.today or dt.date.today().isoformat()
    sql = f"""
SELECT * FROM (
  SELECT i.id, i.serial, i.kind, i.issued_at, i.valid_from, i.valid_until, i.learner_id,
         i.enrolment_id, i.supersedes_id, l.full_name, l.registration_no,
         coalesce(m.code, p.code) AS code, coalesce(m.title_en, p.title_en) AS title_en,
         coalesce(m.title_ur, p.title_ur) AS title_ur,
         EXISTS (SELECT 1 FROM issued_credentials r WHERE r.supersedes_id = i.id) AS replaced,
         CASE WHEN {_STATE} = 'active' AND i.valid_until IS NOT NULL AND i.valid_until <= ?
              THEN 'expired' ELSE {_STATE} END AS state
  FROM issued_credentials i JOIN learners l ON l.id = i.learner_id
  LEFT JOIN micro_credentials m ON m.id = i.micro_credential_id
  LEFT JOIN pathways p ON p.id = i.pathway_id
  WHERE {where})"""
    return sql, [today, *params]


def search_credentials(
    conn: sqlite3.Connection,
    wanted: CredentialFilter,
    *,
    after: tuple[str, str] | None = None,
    limit: int = 200,
) -> CredentialPage:
    """A page of credentials, newest issue first; ``after`` is the previous page's last key."""
    sql, params = _select(wanted)
    clauses = []
    if wanted.state:
        clauses.append("state = ?")
        params.append(wanted.state)
    if after is not None:
        clauses.append("(issued_at, id) < (?, ?)")
        params += list(after)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY issued_at DESC, id DESC LIMIT ?"
    rows = dict_rows(conn.execute(sql, [*params, limit + 1]))
    more = len(rows) > limit
    rows = rows[:limit]
    return CredentialPage(rows, (rows[-1]["issued_at"], rows[-1]["id"]) if more else None)


def count_credentials(conn: sqlite3.Connection, wanted: CredentialFilter) -> int:
    sql, params = _select(wanted)
    if wanted.state:
        sql += " WHERE state = ?"
        params.append(wanted.state)
    return conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
