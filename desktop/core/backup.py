"""Online backups through SQLite's backup API, verified before they are kept."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from desktop.core.errors import FieldProblem, InvalidInput
from desktop.core.health import HealthReport, check_database
from desktop.core.store import Store

__all__ = ["BackupFailed", "backup_database"]


class BackupFailed(InvalidInput):
    """The copy could not be made or did not verify; nothing was left at the destination."""


def backup_database(store: Store, destination: str | Path) -> tuple[Path, HealthReport]:
    """Copy the open database to ``destination`` (a file, or a folder to put a dated file in).

    The copy is made to a temporary file beside the destination while the database stays in
    use, checked with :func:`check_database`, fsynced, and only then renamed into place.
    """
    dest = Path(destination)
    if dest.is_dir():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = dest / f"{store.path.stem}-{stamp}.db"
    if not dest.parent.is_dir():
        raise BackupFailed(
            FieldProblem(
                "destination",
                str(dest.parent),
                "is not a folder",
                "Choose an existing folder, e.g. on the USB drive",
            )
        )
    temp = dest.with_name(f".{dest.name}.partial")
    temp.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(temp)
        try:
            store.conn.backup(target, pages=4096)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with Store.open(temp, readonly=True) as copy:
            report = check_database(copy)
        if not report.healthy:
            raise BackupFailed(
                FieldProblem(
                    "backup",
                    str(dest),
                    "did not verify: " + "; ".join(report.problems[:3]),
                    "Run 'sanad db check' on the database",
                )
            )
        for suffix in ("-wal", "-shm"):
            Path(str(temp) + suffix).unlink(missing_ok=True)
        with open(temp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(temp, dest)
        fd = os.open(dest.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise BackupFailed(
            FieldProblem(
                "destination",
                str(dest),
                f"could not be written ({exc.strerror or exc})",
                "Check the drive has space and is not read-only",
            )
        ) from exc
    finally:
        temp.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(str(temp) + suffix).unlink(missing_ok=True)
    return dest, report
