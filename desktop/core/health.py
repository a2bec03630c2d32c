"""``sanad db check``: is this database whole, current, and is its history intact?

Checks, each reported separately: SQLite's integrity and foreign keys; the schema version;
the change log (no gaps in this device's own ``seq``, every row's current version logged with
exactly its content, nothing logged beyond a row's version, every entry pointing at an audit
entry); and
the audit chain (hashes and links, per device); and that every evidence file recorded is in
the evidence folder beside the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.core.audit import verify_chain
from desktop.core.blobs import BlobStore
from desktop.core.paths import evidence_dir
from desktop.core.schema import REPLICATED_TABLES, migration_names
from desktop.core.store import Store

__all__ = ["HealthReport", "check_database"]


@dataclass
class HealthReport:
    schema_version: int = 0
    schema_current: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "healthy": self.healthy,
            "schema_version": self.schema_version,
            "schema_current": self.schema_current,
            "counts": self.counts,
            "problems": self.problems,
        }


def check_database(store: Store, *, max_problems: int = 50) -> HealthReport:
    report = HealthReport(
        schema_version=store.schema_version, schema_current=len(migration_names())
    )

    def problem(text: str) -> None:
        if len(report.problems) < max_problems:
            report.problems.append(text)

    for row in store.conn.execute("PRAGMA integrity_check").fetchall():
        if row[0] != "ok":
            problem(f"SQLite integrity: {row[0]}")
    for row in store.conn.execute("PRAGMA foreign_key_check").fetchall():
        problem(f"foreign key: {row[0]} row {row[1]} points at a missing {row[2]}")
    if report.schema_version < report.schema_current:
        problem(
            f"schema is at version {report.schema_version} of {report.schema_current}: "
            "open it with Sanad to upgrade it"
        )
        return report

    _check_change_log(store, problem, report)
    _check_audit(store, problem, report)
    _check_evidence_files(store, problem, report)
    return report


def _check_evidence_files(store: Store, problem: Any, report: HealthReport) -> None:
    """Every evidence file recorded is in the evidence folder beside the database. A copy of
    the database elsewhere (a backup) has no folder beside it: its files are not checked."""
    folder = evidence_dir(store.path) if store.path.name else None
    if folder is None or not folder.is_dir():
        return
    blobs = BlobStore(folder)
    recorded = [
        row[0]
        for row in store.conn.execute(
            "SELECT DISTINCT sha256 FROM evidence WHERE kind = 'file' AND deleted = 0"
        )
    ]
    report.counts["evidence_files"] = len(recorded)
    missing = [sha256 for sha256 in recorded if not blobs.has(sha256)]
    if missing:
        problem(
            f"{len(missing)} evidence files are recorded but missing from {folder} "
            f"(the first: {missing[0]})"
        )


def _check_change_log(store: Store, problem: Any, report: HealthReport) -> None:
    # Only this device's own entries must be gap-free: of another device's, a node holds
    # those in its sync scope (a hub gets head office's national catalogue, not head office's
    # own records), always in seq order but not every number.
    for row in store.query(
        "SELECT device_id, COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi "
        "FROM change_log WHERE device_id = ? GROUP BY device_id",
        (store.device_id,),
    ):
        if row["lo"] != 1 or row["hi"] != row["n"]:
            problem(
                f"change log of device {row['device_id']} has gaps: {row['n']} entries "
                f"numbered {row['lo']}–{row['hi']}"
            )
    report.counts["change_log"] = store.scalar("SELECT COUNT(*) FROM change_log") or 0
    for table in REPLICATED_TABLES:
        report.counts[table] = store.scalar(f"SELECT COUNT(*) FROM {table}") or 0
        # The newest logged version of every row must be the row itself, byte for byte.
        cursor = store.conn.execute(
            f"""SELECT t.id, t.version, latest.version, latest.row, t.*
                FROM {table} t
                LEFT JOIN (
                    SELECT row_id, MAX(version) AS version FROM change_log
                    WHERE table_name = ? GROUP BY row_id
                ) AS top ON top.row_id = t.id
                LEFT JOIN change_log latest
                  ON latest.table_name = ? AND latest.row_id = t.id AND latest.version = top.version
                 AND latest.device_id = t.last_device
            """,
            (table, table),
        )
        names = [d[0] for d in cursor.description][4:]
        for values in cursor:
            row_id, version, logged_version, logged_row = values[:4]
            if logged_version is None:
                problem(f"{table} row {row_id} has no change-log entry")
            elif logged_version != version:
                problem(
                    f"{table} row {row_id} is at version {version} but the change log "
                    f"has version {logged_version}"
                )
            elif json.loads(logged_row) != dict(zip(names, values[4:], strict=True)):
                problem(
                    f"{table} row {row_id} differs from its change-log entry "
                    "(changed outside Sanad?)"
                )
        orphans = store.scalar(
            f"SELECT COUNT(*) FROM change_log c WHERE c.table_name = ? "
            f"AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = c.row_id)",
            (table,),
        )
        if orphans:
            problem(
                f"{orphans} change-log entries name {table} rows that are missing (deleted "
                "outside Sanad?)"
            )


def _check_audit(store: Store, problem: Any, report: HealthReport) -> None:
    report.counts["audit_log"] = store.scalar("SELECT COUNT(*) FROM audit_log") or 0
    rows = store.query("SELECT * FROM audit_log ORDER BY device_id, seq")
    for brk in verify_chain(rows):
        problem(str(brk))
    unaudited = store.scalar(
        # Entries received by sync point at their origin's audit log, which stays there.
        "SELECT COUNT(*) FROM change_log c WHERE c.audit_seq != 0 AND NOT EXISTS "
        "(SELECT 1 FROM audit_log a WHERE a.device_id = c.device_id AND a.seq = c.audit_seq)"
    )
    if unaudited:
        problem(
            f"{unaudited} change-log entries point at audit entries that are missing "
            "(audit log cut short?)"
        )
