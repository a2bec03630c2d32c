"""Online backups through SQLite's backup API, verified before they are kept; the rotation a
daily backup keeps in its folder; and restoring a backup into the open database.

Backups in a folder are named ``<database stem>-YYYYMMDD-HHMMSS.db`` (local time, so a person
can find the one from last Tuesday); only files with that name are ever pruned.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import FieldProblem, InvalidInput, phrase
from desktop.core.files import replace_durably
from desktop.core.health import HealthReport, check_database
from desktop.core.ids import new_id
from desktop.core.schema import migrations
from desktop.core.services.access import require_role
from desktop.core.store import Actor, Store

__all__ = [
    "BackupFailed",
    "BackupFile",
    "RestoreResult",
    "backup_database",
    "backup_due",
    "backups_in",
    "make_scheduled_backup",
    "prune_backups",
    "restore_database",
]

_STAMP = "%Y%m%d-%H%M%S"


class BackupFailed(InvalidInput):
    """The copy could not be made or did not verify; nothing was left at the destination."""


def backup_database(store: Store, destination: str | Path) -> tuple[Path, HealthReport]:
    """Copy the open database to ``destination`` (a file, or a folder to put a dated file in).

    The copy is made to a temporary file beside the destination while the database stays in
    use, checked with :func:`check_database`, fsynced, and only then renamed into place.
    """
    dest = Path(destination)
    if dest.is_dir():
        dest = dest / f"{store.path.stem}-{dt.datetime.now().strftime(_STAMP)}.db"
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
                    "did not verify: {problems}",
                    "Run 'sanad db check' on the database",
                    {"problems": report.problems[:3]},
                )
            )
        for suffix in ("-wal", "-shm"):
            Path(str(temp) + suffix).unlink(missing_ok=True)
        replace_durably(temp, dest)
    except OSError as exc:
        raise BackupFailed(
            FieldProblem(
                "destination",
                str(dest),
                "could not be written ({reason})",
                "Check the drive has space and is not read-only",
                {"reason": exc.strerror or str(exc)},
            )
        ) from exc
    finally:
        temp.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(str(temp) + suffix).unlink(missing_ok=True)
    return dest, report


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made: dt.datetime  # local time, from the name
    size: int


def backups_in(folder: str | Path, stem: str) -> list[BackupFile]:
    """The backups of the database named ``stem`` in ``folder``, newest first."""
    pattern = re.compile(rf"{re.escape(stem)}-(\d{{8}}-\d{{6}})\.db")
    found = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    for path in entries:
        match = pattern.fullmatch(path.name)
        if match and path.is_file():
            made = dt.datetime.strptime(match.group(1), _STAMP)
            found.append(BackupFile(path, made, path.stat().st_size))
    return sorted(found, key=lambda b: b.made, reverse=True)


def backup_due(
    folder: str | Path, stem: str, now: dt.datetime, every: dt.timedelta = dt.timedelta(days=1)
) -> bool:
    """Whether the newest backup in the folder is older than ``every`` (or there is none)."""
    newest = backups_in(folder, stem)
    return not newest or now - newest[0].made >= every


def prune_backups(folder: str | Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups of the database; return what was deleted."""
    if keep < 1:
        raise ValueError(f"keep at least one backup, not {keep}")
    removed = []
    for old in backups_in(folder, stem)[keep:]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def make_scheduled_backup(
    store: Store, folder: str | Path, keep: int
) -> tuple[Path, HealthReport, list[Path]]:
    """A verified backup into ``folder``, then the oldest beyond ``keep`` pruned. A backup that
    fails leaves the older ones in place."""
    if not Path(folder).is_dir():
        raise BackupFailed(
            FieldProblem(
                "destination",
                str(folder),
                "is not a folder",
                "Plug in the backup drive, or choose the backup folder again",
            )
        )
    written, report = backup_database(store, folder)
    return written, report, prune_backups(folder, store.path.stem, keep)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path  # the database as it was just before, beside it
    device_id: str  # the new identity this database writes its changes under


def restore_database(
    store: Store,
    actor: Actor,
    backup: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> RestoreResult:
    """Put a backup's contents into the open database.

    The backup is checked first (readable, not from a newer Sanad, healthy, of this campus);
    the database as it is now is kept beside it (``<stem>.before-restore-<time>.db``); then
    SQLite's backup API copies the backup in, so connections stay valid and see the restored
    data. A backup older than this Sanad is upgraded. The restored database writes as a new
    device from then on: the changes it made after the backup were already numbered (and may
    have travelled by sync), and numbers must never be reused for other changes.
    """
    require_role(actor, "admin", doing=phrase("restore backups"))
    source = Path(backup)
    if not source.is_file():
        raise BackupFailed(
            FieldProblem("backup", str(source), "does not exist", "Choose the backup again")
        )
    try:
        with Store.open(source, readonly=True) as copy:
            report = check_database(copy)
            campus_id, old_device = copy.campus_id, copy.device_id
    except sqlite3.DatabaseError as exc:
        raise BackupFailed(
            FieldProblem(
                "backup",
                source.name,
                "is not a Sanad database ({reason})",
                "Choose a backup Sanad made",
                {"reason": str(exc)},
            )
        ) from exc
    if not report.healthy:
        raise BackupFailed(
            FieldProblem(
                "backup",
                source.name,
                "is damaged: {problems}",
                "Choose an older backup",
                {"problems": report.problems[:3]},
            )
        )
    if campus_id != store.campus_id:
        raise BackupFailed(
            FieldProblem(
                "backup",
                source.name,
                "is a backup of another campus",
                "Choose a backup of this campus's database",
            )
        )
    stamp = dt.datetime.now().strftime(_STAMP)
    safety, _ = backup_database(
        store, store.path.with_name(f"{store.path.stem}.before-restore-{stamp}.db")
    )
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        reader.backup(
            store.conn,
            pages=1024,
            progress=(lambda _status, left, total: progress(total - left, total))
            if progress
            else None,
        )
    finally:
        reader.close()
    if store.pending_migrations():
        migrations().apply(store.db)
    device = store.one("SELECT * FROM devices WHERE id = ?", (old_device,)) or {}
    device_id = new_id()
    with store.transaction(actor, device_id=device_id) as tx:
        tx.set_setting("device_id", device_id)
        tx.insert(
            "devices",
            {
                "id": device_id,
                "campus_id": device.get("campus_id", campus_id),
                "name": device.get("name") or "restored",
                "kind": device.get("kind") or "hub",
            },
            owner=device.get("owner") or campus_id,
        )
        tx.audit(
            "database.restore",
            "devices",
            device_id,
            {"backup": source.name, "previous_device": old_device, "safety_copy": safety.name},
        )
    return RestoreResult(source, safety, device_id)
