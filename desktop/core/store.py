"""The SQLite store: opening and migrating a database, and the one way to write to it.

Every write goes through a :class:`Transaction`, which stamps the replication columns, appends one
change-log entry per row it writes (``seq`` strictly increasing per device) and the audit entries
the service records, all inside one ``BEGIN IMMEDIATE`` … ``COMMIT``. If anything raises, nothing
is written.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from desktop.core import audit as audit_chain
from desktop.core.errors import FieldProblem, Immutable, NotFound, SchemaTooNew
from desktop.core.ids import new_id, utc_now
from desktop.core.schema import (
    APPEND_ONLY_TABLES,
    REPLICATED_TABLES,
    applied_migration_names,
    migration_names,
    migrations,
)

__all__ = ["SYSTEM", "Actor", "Store", "Transaction", "dict_rows", "row_json"]

REPLICATION_FIELDS = frozenset(
    ("owner", "version", "last_device", "created_at", "modified_at", "deleted")
)
NATIONAL = "national"
PAGE_SIZE = 16384


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in user, or the system itself (set-up, migrations, demo data)."""

    user_id: str | None
    name: str
    role: str
    campus_id: str | None = None
    username: str | None = None

    @property
    def is_system(self) -> bool:
        return self.role == "system"


SYSTEM = Actor(None, "system", "system")


_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def row_json(row: dict[str, Any]) -> str:
    """A row as compact JSON, the form the change log keeps and sync sends."""
    return _ROW_ENCODER.encode(row)


def dict_rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """All rows of an executed query as dicts by column name (for plain connections, such as
    the UI's read-only ones; a :class:`Store` does this itself in :meth:`Store.query`)."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def _dict_factory(cursor: sqlite3.Cursor, values: tuple) -> dict[str, Any]:
    return {col[0]: value for col, value in zip(cursor.description, values, strict=True)}


class Store:
    """One open Sanad database. Not thread-safe: one thread owns a store."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._db: Any = None
        self._columns: dict[str, tuple[str, ...]] = {}
        self._column_sets: dict[str, frozenset[str]] = {}
        self._in_transaction = False
        self._device_override: str | None = None

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, migrate: bool = True, readonly: bool = False) -> Store:
        """Open (creating if needed) and, unless ``migrate`` is false, bring the schema up to date.

        ``readonly`` opens an existing file without writing to it at all (no migration, no change
        of journal mode): for checking a database or a backup. Raises :class:`SchemaTooNew` if
        the database was written by a newer Sanad.
        """
        path = Path(path)
        if readonly:
            uri = path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
                # A new file: 16 KiB pages make bulk writes and scans faster (docs/design.md).
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        # 64 MiB of page cache: the indexes of a large campus stay in memory while it is used.
        conn.execute("PRAGMA cache_size = -65536")
        store = cls(conn, path)
        try:
            store._check_schema_not_newer()
            if migrate and not readonly and store.pending_migrations():
                if store.applied_migrations():
                    store._copy_before_upgrade()
                migrations().apply(store.db)
        except BaseException:
            conn.close()
            raise
        return store

    def _copy_before_upgrade(self) -> Path:
        """Keep the database as it was before an upgrade: ``campus.before-schema-6.db`` beside
        it (SQLite's backup API into a temporary file, checked, fsynced, renamed), so an
        upgrade can always be undone by putting the copy back."""
        version = len(self.applied_migrations())
        dest = self.path.with_name(f"{self.path.stem}.before-schema-{version}.db")
        if dest.exists():
            dest = dest.with_name(f"{dest.stem}-{utc_now()[:19].replace(':', '')}.db")
        temp = dest.with_name(f".{dest.name}.partial")
        target = sqlite3.connect(temp)
        try:
            self.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise RuntimeError(f"the copy of {self.path.name} before its upgrade is damaged")
        finally:
            target.close()
        with open(temp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(temp, dest)
        return dest

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db(self) -> Any:
        """The connection as a sqlite-utils ``Database`` (imported only when needed)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    def applied_migrations(self) -> list[str]:
        return applied_migration_names(self.conn)

    def pending_migrations(self) -> list[str]:
        applied = set(self.applied_migrations())
        return [name for name in migration_names() if name not in applied]

    @property
    def schema_version(self) -> int:
        return len(self.applied_migrations())

    def _check_schema_not_newer(self) -> None:
        unknown = [name for name in self.applied_migrations() if name not in migration_names()]
        if unknown:
            raise SchemaTooNew(
                FieldProblem(
                    "database",
                    str(self.path),
                    "was written by a newer Sanad (it has migration {migration})",
                    "Install the newer Sanad to open it; this copy has not changed it",
                    {"migration": unknown[-1]},
                )
            )

    # -- reading -----------------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run a statement; the cursor yields rows as dicts."""
        cursor = self.conn.cursor()
        cursor.row_factory = _dict_factory
        return cursor.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> dict[str, Any] | None:
        return self.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def get(self, table: str, row_id: str) -> dict[str, Any] | None:
        """A live (not deleted) row by id."""
        _check_table(table)
        return self.one(f"SELECT * FROM {table} WHERE id = ? AND deleted = 0", (row_id,))

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.one("SELECT value FROM settings WHERE key = ?", (key,))
        return default if row is None else row["value"]

    @property
    def device_id(self) -> str | None:
        """This installation's device id; ``None`` until the campus (or head office) is set up."""
        return self.setting("device_id")

    @property
    def campus_id(self) -> str | None:
        return self.setting("campus_id")

    @property
    def is_head_office(self) -> bool:
        return self.setting("node_kind") == "head_office"

    def columns(self, table: str) -> tuple[str, ...]:
        if table not in self._columns:
            rows = self.query(f"PRAGMA table_info({table})")
            self._columns[table] = tuple(r["name"] for r in rows)
            self._column_sets[table] = frozenset(self._columns[table])
        return self._columns[table]

    def column_set(self, table: str) -> frozenset[str]:
        if table not in self._column_sets:
            self.columns(table)
        return self._column_sets[table]

    # -- writing -----------------------------------------------------------------------------

    @contextmanager
    def acting_as_device(self, device_id: str) -> Iterator[None]:
        """Write as another device for a while: records that arrive from elsewhere (sync) and
        the demo's simulated head office, whose national catalogue must carry its own origin."""
        previous = self._device_override
        self._device_override = device_id
        try:
            yield
        finally:
            self._device_override = previous

    @contextmanager
    def transaction(self, actor: Actor, *, device_id: str | None = None) -> Iterator[Transaction]:
        """All writes of one service call: committed together, or not at all.

        ``device_id`` overrides the local device only for records that arrive from elsewhere
        (sync, and the demo's simulated head office).
        """
        if self._in_transaction:
            raise RuntimeError("a transaction is already open on this store")
        device = device_id or self._device_override or self.device_id
        if device is None:
            raise RuntimeError("this database has no device identity yet: set up a campus first")
        self._in_transaction = True
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            tx = Transaction(self, actor, device)
            yield tx
            tx._finish()
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._in_transaction = False


    @contextmanager
    def received(self) -> Iterator[None]:
        """One transaction for changes received from another node (``sync.apply``): they carry
        their own rows, versions and change-log entries, so nothing is stamped or audited here."""
        if self._in_transaction:
            raise RuntimeError("a transaction is already open on this store")
        self._in_transaction = True
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._in_transaction = False


def _check_table(table: str) -> None:
    if table not in REPLICATED_TABLES:
        raise ValueError(f"{table!r} is not a replicated table")


class Transaction:
    """Writes rows with their change-log entries; see :meth:`Store.transaction`."""

    def __init__(self, store: Store, actor: Actor, device_id: str) -> None:
        self.store = store
        self.actor = actor
        self.device_id = device_id
        self.now = utc_now()
        self._next_seq = (
            store.scalar(
                "SELECT COALESCE(MAX(seq), 0) FROM change_log WHERE device_id = ?", (device_id,)
            )
            + 1
        )
        last_audit = store.execute(
            "SELECT seq, hash FROM audit_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
            (device_id,),
        ).fetchone()
        self._audit_seq = (last_audit["seq"] if last_audit else 0) + 1
        self._audit_prev = last_audit["hash"] if last_audit else audit_chain.GENESIS
        self._unaudited_changes = 0
        self.changes = 0

    # rows --------------------------------------------------------------------------------------

    def _full_rows(
        self, table: str, rows: Sequence[dict[str, Any]], owner: str
    ) -> list[dict[str, Any]]:
        """Rows with every column, a new id where none was given, and the replication stamp."""
        allowed = self.store.column_set(table) - REPLICATION_FIELDS
        template = dict.fromkeys(self.store.columns(table))
        template.update(
            owner=owner,
            version=1,
            last_device=self.device_id,
            created_at=self.now,
            modified_at=self.now,
            deleted=0,
        )
        full = []
        for values in rows:
            if not values.keys() <= allowed:
                unknown = sorted(set(values) - allowed)
                raise ValueError(f"{table} has no settable column(s) {unknown}")
            row = {**template, **values}
            if not row["id"]:
                row["id"] = new_id()
            full.append(row)
        return full

    def insert(self, table: str, values: dict[str, Any], *, owner: str) -> dict[str, Any]:
        return self.insert_many(table, [values], owner=owner)[0]

    def insert_many(
        self, table: str, rows: Sequence[dict[str, Any]], *, owner: str
    ) -> list[dict[str, Any]]:
        """Insert rows and their change-log entries with two ``executemany`` calls."""
        _check_table(table)
        if not rows:
            return []
        full = self._full_rows(table, rows, owner)
        columns = self.store.columns(table)
        placeholders = ", ".join("?" for _ in columns)
        conn = self.store.conn
        before = conn.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {table}").fetchone()[0]
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
            map(itemgetter(*columns), full),
        )
        after = conn.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()[0]
        if len(full) > 1 and after - before == len(full):
            self._log_inserted_rows(table, before, len(full))
        else:
            self._log(table, full, "insert")
        return full

    def _log_inserted_rows(self, table: str, after_rowid: int, count: int) -> None:
        """Log a batch just inserted, letting SQLite write each row's JSON.

        The batch has the consecutive rowids after ``after_rowid`` (checked by the caller: this
        transaction holds the write lock and rows are never physically deleted). SQLite's
        ``json_object`` gives the same JSON document as :func:`row_json`, without the Python
        work, which is most of the cost of a large import.
        """
        first = self._next_seq
        self._next_seq += count
        columns = self.store.columns(table)
        document = "json_object(" + ", ".join(f"'{c}', {c}" for c in columns) + ")"
        self.store.conn.execute(
            "INSERT INTO change_log (device_id, seq, table_name, row_id, version, op, row, "
            f"audit_seq, recorded_at) SELECT ?, ? + (rowid - ?), ?, id, version, 'insert', "
            f"{document}, ?, ? FROM {table} WHERE rowid > ? ORDER BY rowid",
            (self.device_id, first, after_rowid + 1, table, self._audit_seq, self.now, after_rowid),
        )
        self._unaudited_changes += count
        self.changes += count

    def update(self, table: str, row_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Change some fields of a live row; a change that alters nothing writes nothing."""
        _check_table(table)
        current = self.store.get(table, row_id)
        if current is None:
            raise NotFound(
                FieldProblem(table, row_id, "does not exist or was deleted", "Reload and try again")
            )
        self._refuse_if_immutable(table, current)
        bad = set(changes) & {"id", *REPLICATION_FIELDS}
        if bad:
            raise ValueError(f"replication fields {sorted(bad)} are set by the store")
        if all(current.get(k) == v for k, v in changes.items()):
            return current
        return self._write_new_version(table, current, changes, "update")

    def delete(self, table: str, row_id: str) -> dict[str, Any]:
        """Tombstone a row: it stays, marked deleted, so the deletion can travel by sync."""
        _check_table(table)
        current = self.store.get(table, row_id)
        if current is None:
            raise NotFound(
                FieldProblem(table, row_id, "does not exist or was deleted", "Reload and try again")
            )
        self._refuse_if_immutable(table, current)
        return self._write_new_version(table, current, {"deleted": 1}, "delete")

    def restore(self, table: str, row_id: str) -> dict[str, Any]:
        """Bring a tombstoned row back, as a new version of the same row."""
        _check_table(table)
        current = self.store.one(f"SELECT * FROM {table} WHERE id = ? AND deleted = 1", (row_id,))
        if current is None:
            raise NotFound(
                FieldProblem(table, row_id, "is not a deleted row", "Reload and try again")
            )
        self._refuse_if_immutable(table, current)
        return self._write_new_version(table, current, {"deleted": 0}, "update")

    def _refuse_if_immutable(self, table: str, current: dict[str, Any]) -> None:
        if table == "issued_credentials":
            raise Immutable(
                FieldProblem(
                    "credential",
                    current["serial"],
                    "was issued and can no longer change",
                    "To correct it, revoke it and issue a replacement that supersedes it",
                )
            )
        if table in APPEND_ONLY_TABLES:
            raise Immutable(
                FieldProblem(
                    table,
                    current["id"],
                    "is a record of something that happened and cannot change",
                    "Record a new entry instead",
                )
            )

    def _write_new_version(
        self, table: str, current: dict[str, Any], changes: dict[str, Any], op: str
    ) -> dict[str, Any]:
        new = {**current, **changes}
        new.update(version=current["version"] + 1, last_device=self.device_id, modified_at=self.now)
        assignments = [c for c in new if c != "id" and new[c] != current[c]]
        assignments = [*assignments, "version", "last_device", "modified_at"]
        assignments = list(dict.fromkeys(assignments))
        self.store.conn.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in assignments)} "
            "WHERE id = ? AND version = ?",
            (*(new[c] for c in assignments), current["id"], current["version"]),
        )
        self._log(table, [new], op)
        return new

    def _log(self, table: str, rows: list[dict[str, Any]], op: str) -> None:
        first = self._next_seq
        self._next_seq += len(rows)
        device, audit_seq, now, encode = self.device_id, self._audit_seq, self.now, row_json
        self.store.conn.executemany(
            "INSERT INTO change_log (device_id, seq, table_name, row_id, version, op, row, "
            "audit_seq, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (device, seq, table, row["id"], row["version"], op, encode(row), audit_seq, now)
                for seq, row in enumerate(rows, first)
            ],
        )
        self._unaudited_changes += len(rows)
        self.changes += len(rows)

    def set_setting(self, key: str, value: str | None) -> None:
        """Write a local, unreplicated setting as part of this transaction."""
        self.store.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # audit -------------------------------------------------------------------------------------

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: str | None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Record what the changes written since the last call were, and who made them."""
        fields = {
            "device_id": self.device_id,
            "seq": self._audit_seq,
            "at": self.now,
            "actor_id": self.actor.user_id,
            "actor_name": self.actor.name,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
            "prev_hash": self._audit_prev,
        }
        fields["hash"] = audit_chain.entry_hash(fields)
        self.store.conn.execute(
            f"INSERT INTO audit_log ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
            tuple(fields.values()),
        )
        self._audit_prev = fields["hash"]
        self._audit_seq += 1
        self._unaudited_changes = 0

    def _finish(self) -> None:
        if self._unaudited_changes:
            raise RuntimeError(
                f"{self._unaudited_changes} change(s) were written without an audit entry"
            )
