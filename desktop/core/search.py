"""Finding learners as a person types: any part of a name, registration number, CNIC or phone.

Searches the ``learner_search`` FTS5 index (trigram tokenizer, migration 0007). Every word of
three or more characters must occur somewhere in the learner's name, registration number, CNIC
(either form) or phone number (either form); shorter words narrow by the start of the name or the
registration number. Results come in pages ordered by name, continued by keyset (the last name
and id seen), never by OFFSET, so the thousandth page costs what the first does.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from desktop.core.services.learners import LEARNER_FIELDS
from desktop.core.store import dict_rows

__all__ = [
    "LEARNER_COLUMNS",
    "LearnerPage",
    "count_learners",
    "learner_filter",
    "search_learners",
]

# Every learner field, so a row from a search can be edited without a second read.
LEARNER_COLUMNS = ("id", *LEARNER_FIELDS)
TRIGRAM = 3
_DIGITISH = re.compile(r"[0-9+\-]+")


@dataclass(frozen=True)
class LearnerPage:
    rows: list[dict[str, Any]]
    # Pass as ``after`` for the next page; ``None`` when there is none.
    next_after: tuple[str, str] | None


def _terms(text: str) -> tuple[list[str], list[str]]:
    words = [w for w in text.split() if w]
    long_words = [w for w in words if len(w) >= TRIGRAM]
    short_words = [w for w in words if len(w) < TRIGRAM]
    return long_words, short_words


def _match_term(word: str) -> str:
    """One FTS5 term for a typed word: the word itself, and for digits written with dashes,
    spaces or a + the bare digits, with and without a leading 0 (``0300-123`` finds
    ``+92300123…``, ``35202-123`` finds ``3520212…``). Each variant is a quoted FTS5 string
    (quotes doubled), so nothing typed is search syntax."""
    variants = [word]
    if _DIGITISH.fullmatch(word):
        digits = re.sub(r"\D", "", word)
        variants += [digits, digits[1:] if digits.startswith("0") else digits]
    quoted = dict.fromkeys('"' + v.replace('"', '""') + '"' for v in variants if len(v) >= TRIGRAM)
    return "(" + " OR ".join(quoted) + ")"


def learner_filter(text: str, *, alias: str = "l") -> tuple[str, list[Any]]:
    """The SQL condition (and its parameters) for live learners matching ``text``, on the
    ``learners`` table named ``alias`` in the query; other lists that find people by learner
    (enrolments) use it too."""
    long_words, short_words = _terms(text)
    a = alias
    clauses = [f"{a}.deleted = 0"]
    params: list[Any] = []
    if long_words:
        query = " AND ".join(_match_term(w) for w in long_words)
        clauses.append(
            f"{a}.rowid IN (SELECT rowid FROM learner_search WHERE learner_search MATCH ?)"
        )
        params.append(query)
    for word in short_words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append(
            f"({a}.full_name LIKE ? ESCAPE '\\' OR {a}.full_name LIKE ? ESCAPE '\\' "
            f"OR {a}.registration_no LIKE ? ESCAPE '\\')"
        )
        params += [f"{escaped}%", f"% {escaped}%", f"{escaped}%"]
    return " AND ".join(clauses), params


def search_learners(
    conn: sqlite3.Connection,
    text: str = "",
    *,
    campus_id: str | None = None,
    after: tuple[str, str] | None = None,
    limit: int = 200,
) -> LearnerPage:
    """One page of the learners matching ``text`` (all learners when it is blank)."""
    where, params = learner_filter(text)
    if campus_id is not None:
        where += " AND l.campus_id = ?"
        params.append(campus_id)
    if after is not None:
        where += " AND (l.full_name, l.id) > (?, ?)"
        params += list(after)
    columns = ", ".join(f"l.{c}" for c in LEARNER_COLUMNS)
    cursor = conn.execute(
        f"SELECT {columns} FROM learners l WHERE {where} ORDER BY l.full_name, l.id LIMIT ?",
        (*params, limit + 1),
    )
    rows = dict_rows(cursor)
    more = len(rows) > limit
    rows = rows[:limit]
    next_after = (rows[-1]["full_name"], rows[-1]["id"]) if more and rows else None
    return LearnerPage(rows, next_after)


def count_learners(
    conn: sqlite3.Connection, text: str = "", *, campus_id: str | None = None
) -> int:
    where, params = learner_filter(text)
    if campus_id is not None:
        where += " AND l.campus_id = ?"
        params.append(campus_id)
    return conn.execute(f"SELECT COUNT(*) FROM learners l WHERE {where}", params).fetchone()[0]
