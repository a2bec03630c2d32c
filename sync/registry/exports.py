"""The dashboard's CSV exports, safe to open in a spreadsheet.

A text cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some spreadsheets skip before reading a formula) would be run as a formula by Excel or
LibreOffice: a campus name such as ``=HYPERLINK(…)`` sent by a campus must stay text. Such a
cell gets a leading apostrophe, which spreadsheets show as nothing and read as "text".
Numbers stay numbers. The file starts with a UTF-8 byte-order mark so Excel reads Urdu names.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from sync.registry.reports import CampusFigures, DeviceHealth

__all__ = ["FORMULA_STARTS", "campuses_csv", "csv_document", "devices_csv", "neutralise"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` as a CSV cell that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    cell = str(value)
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_document(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


CAMPUS_COLUMNS = ("campus_code", "campus_name", "joined", "learners", "enrolments", "passes",
                  "credentials_issued", "credentials_revoked",
                  "evidence_files_waiting")  # fmt: skip
DEVICE_COLUMNS = ("device_id", "campus_code", "kind", "name", "last_contact", "days_silent",
                  "clock_offset_seconds", "changes_behind", "revoked_at", "revoked_reason",
                  "flags")  # fmt: skip


def campuses_csv(figures: Sequence[CampusFigures]) -> str:
    return csv_document(CAMPUS_COLUMNS, (
        (f.code, f.name, f.joined, f.learners, f.enrolments, f.passes, f.issued, f.revoked,
         f.files_waiting) for f in figures
    ))  # fmt: skip


def devices_csv(devices: Sequence[DeviceHealth], now: Any) -> str:
    def days(device: DeviceHealth) -> int | None:
        quiet = device.silent_for(now)
        return quiet.days if quiet is not None else None

    return csv_document(DEVICE_COLUMNS, (
        (d.id, d.campus_code, d.kind, d.name, d.last_seen_at, days(d),
         round(d.clock_offset_seconds, 1) if d.clock_offset_seconds is not None else None,
         d.behind, d.revoked_at, d.revoked_reason, " ".join(d.flags(now)))
        for d in devices
    ))  # fmt: skip
