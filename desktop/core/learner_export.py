"""Exporting learners to a CSV file a spreadsheet opens and Sanad imports back.

The file is UTF-8 with a byte-order mark, so Excel on Windows shows Urdu names correctly.
CNIC and phone numbers are written the way people write them (``35202-1234567-1``,
``0300 1234567``): as bare digits Excel would turn them into numbers and lose digits. The
headers are words :func:`desktop.core.learner_import.guess_mapping` recognises, so an exported
file imports into another campus without mapping columns by hand. Learners are read in keyset
pages, so memory stays flat at 50,000 rows, and the file appears only when it is complete.
Exporting personal data is recorded in the audit log.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path

from desktop.core.errors import phrase
from desktop.core.files import write_text_atomically
from desktop.core.search import count_learners, search_learners
from desktop.core.services.access import require_role
from desktop.core.services.learners import LEARNER_FIELDS
from desktop.core.store import Actor, Store
from desktop.core.validation import format_cnic, format_phone

__all__ = ["EXPORT_HEADERS", "ExportCancelled", "export_learners", "record_learner_export"]

PAGE = 2000
# English column headers; a screen may pass the same in the person's language.
EXPORT_HEADERS: dict[str, str] = {
    "registration_no": "Registration no",
    "full_name": "Full name",
    "guardian_name": "Guardian name",
    "cnic": "CNIC",
    "gender": "Gender",
    "date_of_birth": "Date of birth",
    "email": "Email",
    "phone": "Phone",
    "programme": "Programme",
}
_SHOWN: dict[str, Callable[[str], str]] = {"cnic": format_cnic, "phone": format_phone}


class ExportCancelled(Exception):
    """The person cancelled; no file was written."""


def export_learners(
    conn: sqlite3.Connection,
    actor: Actor,
    destination: str | Path,
    *,
    text: str = "",
    headers: Mapping[str, str] = EXPORT_HEADERS,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the learners of the actor's campus that match ``text`` (all when blank) to
    ``destination``, ordered by name; returns how many were written."""
    require_role(actor, "admin", doing=phrase("export learners"))
    campus_id = actor.campus_id
    total = count_learners(conn, text, campus_id=campus_id)
    written = 0
    with write_text_atomically(destination, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([headers[f] for f in LEARNER_FIELDS])
        after: tuple[str, str] | None = None
        while True:
            if cancelled is not None and cancelled():
                raise ExportCancelled
            page = search_learners(conn, text, campus_id=campus_id, after=after, limit=PAGE)
            for row in page.rows:
                writer.writerow(
                    [
                        _SHOWN[f](row[f]) if row[f] and f in _SHOWN else (row[f] or "")
                        for f in LEARNER_FIELDS
                    ]
                )
            written += len(page.rows)
            if progress is not None:
                progress(written, max(total, written))
            if page.next_after is None:
                break
            after = page.next_after
    return written


def record_learner_export(store: Store, actor: Actor, count: int, text: str = "") -> None:
    """Note in the audit log who exported how many learners, and with which search."""
    require_role(actor, "admin", doing=phrase("export learners"))
    with store.transaction(actor) as tx:
        tx.audit("learner.export", "learners", None, {"count": count, "search": text})
