"""What the Catalogue screen shows: micro-credentials by code and edition, and the tracks.

Read-only queries on a plain connection (the UI runs them on a reader thread).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop.core.store import dict_rows

__all__ = ["list_micro_credentials", "list_tracks"]


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
