"""What the Catalogue screen shows: micro-credentials by code and edition, the tracks, the
pathways, and the micro-credentials a pathway may stack.

Read-only queries on a plain connection (the UI runs them on a reader thread).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop.core.store import dict_rows

__all__ = ["list_member_choices", "list_micro_credentials", "list_pathways", "list_tracks"]


def list_micro_credentials(conn: sqlite3.Connection, text: str = "") -> list[dict[str, Any]]:
    """Every edition, by code then newest edition first; ``text`` filters code and titles."""
    pattern = f"%{text.strip()}%"
    return dict_rows(
        conn.execute(
            """SELECT m.*, t.name_en AS track_en, t.name_ur AS track_ur
               FROM micro_credentials m JOIN tracks t ON t.id = m.track_id
               WHERE m.deleted = 0 AND (?1 = '%%' OR m.code LIKE ?1 OR m.title_en LIKE ?1
                     OR m.title_ur LIKE ?1)
               ORDER BY m.code, m.edition DESC""",
            (pattern,),
        )
    )


def list_tracks(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return dict_rows(
        conn.execute(
            "SELECT id, code, name_en, name_ur FROM tracks WHERE deleted = 0 ORDER BY code"
        )
    )


def list_pathways(conn: sqlite3.Connection, text: str = "") -> list[dict[str, Any]]:
    """Every pathway by code; ``text`` filters code, titles and member codes."""
    pattern = f"%{text.strip()}%"
    return dict_rows(
        conn.execute(
            """SELECT * FROM pathways
               WHERE deleted = 0 AND (?1 = '%%' OR code LIKE ?1 OR title_en LIKE ?1
                     OR title_ur LIKE ?1 OR members LIKE ?1)
               ORDER BY code""",
            (pattern,),
        )
    )


def list_member_choices(conn: sqlite3.Connection, campus_id: str | None) -> list[dict[str, Any]]:
    """The micro-credentials a pathway of this campus may stack, one row per code with the
    titles of its newest edition and whether any edition is published."""
    return dict_rows(
        conn.execute(
            """SELECT m.code, m.title_en, m.title_ur, m.scope,
                      EXISTS (SELECT 1 FROM micro_credentials p WHERE p.code = m.code
                              AND p.status = 'published' AND p.deleted = 0) AS published
               FROM micro_credentials m
               WHERE m.deleted = 0 AND (m.scope = 'national' OR m.campus_id IS ?1)
                 AND m.edition = (SELECT MAX(x.edition) FROM micro_credentials x
                                  WHERE x.code = m.code AND x.deleted = 0)
               ORDER BY m.code""",
            (campus_id,),
        )
    )
