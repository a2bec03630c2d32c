"""Head office's registry: what campuses send, kept in SQLite or PostgreSQL, and served back.

One class for both databases (SQLAlchemy Core; the SQL it writes is the same on both but for
the upsert, which each dialect spells). It is a :class:`~sync.node.SyncNode`, so the HTTP server
serves it as it serves a campus hub.

Applying a batch (:meth:`Registry.receive`) keeps the rules of ``sync.apply``: an entry already
held is skipped; an entry is accepted only for a partition both its origin device *and* the
sending device may write (so a hub cannot pass off a forged entry as head office's); a row never
changes owner; newer wins by ``(version, last_device)``; a same-version edit that loses is kept
in ``registry_conflicts``. The whole batch is one transaction. On PostgreSQL an advisory lock
orders concurrent batches, so log positions are committed in the order they were given and a
client that pulls "after position N" never misses an entry committed late; on SQLite a single
writer does the same.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    func,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from desktop.core.ids import new_id, utc_now
from sync.apply import ApplyReport
from sync.changes import Change, VersionVector, scan_log
from sync.identity import DeviceKey
from sync.node import (
    Document,
    JoinGrant,
    JoinRefused,
    JoinRequest,
    PeerDevice,
    check_join_code,
    code_hash,
    new_join_code,
)
from sync.registry import schema as t
from sync.registry.ingest import Batch

__all__ = ["Registry", "RegistryProblem", "database_url"]

ADVISORY_LOCK = 0x53414E4144  # "SANAD": orders writers on PostgreSQL


class RegistryProblem(Exception):
    """An admin request the registry refuses, with what to do."""


def database_url(text_url: str) -> str:
    """The SQLAlchemy URL for what a person types: ``sqlite:///path``, a plain file path, or
    ``postgresql://user@host/db`` (driven by psycopg 3)."""
    if text_url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text_url.split("://", 1)[1]
    if text_url.startswith(("sqlite:", "postgresql+")):
        return text_url
    if "://" in text_url:
        raise RegistryProblem(
            f"{text_url!r} is not a database the registry can use: give sqlite:///path/registry.db "
            "or postgresql://user@host/database"
        )
    return f"sqlite:///{text_url}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.close()


class Registry:
    kind = "registry"

    def __init__(self, engine: Engine, *, has_file: Callable[[str], bool] | None = None) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._write_lock = threading.Lock()
        self._has_file = has_file or (lambda _sha: False)
        self._identity: DeviceKey | None = None
        self._epoch: str | None = None
        # rises whenever this process stores a document (the web pages' trust is rebuilt)
        self.documents_version = 0

    @classmethod
    def open(cls, url: str, *, has_file: Callable[[str], bool] | None = None) -> Registry:
        engine = create_engine(database_url(url), pool_pre_ping=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        registry = cls(engine, has_file=has_file)
        registry.migrate()
        return registry

    def close(self) -> None:
        self.engine.dispose()

    # -- schema and identity --------------------------------------------------------------

    def migrate(self) -> list[str]:
        applied: list[str] = []
        with self._write() as conn:
            t.migrations_table.create(conn, checkfirst=True)
            done = set(conn.execute(select(t.migrations_table.c.name)).scalars())
            for name, step in t.MIGRATIONS:
                if name not in done:
                    step(conn)
                    conn.execute(t.migrations_table.insert().values(name=name,
                                                                    applied_at=utc_now()))
                    applied.append(name)
            have = dict(conn.execute(select(t.meta.c.key, t.meta.c.value)).all())
            if "device_id" not in have:
                key = Ed25519PrivateKey.generate()
                conn.execute(t.meta.insert(), [
                    {"key": "device_id", "value": new_id()},
                    {"key": "device_key",
                     "value": base64.b64encode(key.private_bytes_raw()).decode("ascii")},
                    {"key": "epoch", "value": secrets.token_hex(8)},
                    {"key": "evidence_policy", "value": "all"},
                ])  # fmt: skip
        return applied

    def setting(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar()

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            self._upsert(conn, t.meta, [{"key": key, "value": value}], ["key"], ["value"])

    @property
    def identity(self) -> DeviceKey:
        if self._identity is None:
            raw = base64.b64decode(self.setting("device_key") or "")
            self._identity = DeviceKey(
                self.setting("device_id") or "", Ed25519PrivateKey.from_private_bytes(raw)
            )
        return self._identity

    @property
    def epoch(self) -> str:
        if self._epoch is None:
            self._epoch = self.setting("epoch") or ""
        return self._epoch

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction at a time (SQLite: one writer; PostgreSQL: the advisory lock,
        so log positions commit in order)."""
        with self._write_lock, self.engine.begin() as conn:
            if self.is_sqlite:
                conn.exec_driver_sql("SELECT 1")  # the transaction has begun
            else:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK})
            yield conn

    def _upsert(self, conn: Connection, table: Any, values: list[dict[str, Any]],
                keys: list[str], settable: list[str], where: Any = None) -> None:  # fmt: skip
        if not values:
            return
        if not self.is_sqlite and len(values) > 50:
            condition = where(table, _Excluded(table)) if where is not None else None
            self._copy_merge(conn, table, values, "DO UPDATE SET " + ", ".join(
                f"{c} = EXCLUDED.{c}" for c in settable) + (
                " WHERE " + str(condition.compile(dialect=conn.dialect,
                                                  compile_kwargs={"literal_binds": True}))
                if condition is not None else ""), keys)  # fmt: skip
            return
        dialect = sqlite if self.is_sqlite else postgresql
        statement = dialect.insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c[k] for k in keys],
            set_={c: statement.excluded[c] for c in settable},
            where=where(table, statement.excluded) if where is not None else None,
        )
        conn.execute(statement, values)

    def _insert_ignore(self, conn: Connection, table: Any, values: list[dict[str, Any]]) -> None:
        if not values:
            return
        if not self.is_sqlite and len(values) > 50:
            self._copy_merge(conn, table, values, "DO NOTHING", None)
            return
        dialect = sqlite if self.is_sqlite else postgresql
        conn.execute(dialect.insert(table).on_conflict_do_nothing(), values)

    def _copy_merge(self, conn: Connection, table: Any, values: list[dict[str, Any]],
                    action: str, keys: list[str] | None) -> None:  # fmt: skip
        """PostgreSQL: COPY the rows into a temporary table, then one INSERT … SELECT … ON
        CONFLICT, in the rows' order (so log positions keep the batch's causal order). An
        executemany of an upsert would be sent row by row."""
        columns = list(values[0])
        staging = f"staging_{table.name}"
        raw = conn.connection.driver_connection
        with raw.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {staging} ON COMMIT DELETE ROWS AS "
                f"SELECT {', '.join(columns)}, 0 AS ord_ FROM {table.name} WITH NO DATA"
            )
            with cursor.copy(
                f"COPY {staging} ({', '.join(columns)}, ord_) FROM STDIN"
            ) as copy:
                for number, row in enumerate(values):
                    copy.write_row([*(row[c] for c in columns), number])
            target = f"({', '.join(keys)})" if keys else ""
            cursor.execute(
                f"INSERT INTO {table.name} ({', '.join(columns)}) "
                f"SELECT {', '.join(columns)} FROM {staging} ORDER BY ord_ "
                f"ON CONFLICT {target} {action}"
            )
            cursor.execute(f"DELETE FROM {staging}")

    # -- admin ----------------------------------------------------------------------------

    def add_campus(self, code: str, name: str) -> dict[str, Any]:
        code = code.strip().upper()
        if not code or len(code) > 16 or not code.replace("-", "").isalnum():
            raise RegistryProblem(
                f"campus code {code!r} is not usable: use 2 to 16 letters, digits or hyphens, "
                "the code the campus set up with (e.g. QAU)"
            )
        with self._write() as conn:
            if conn.execute(select(t.campuses.c.code).where(t.campuses.c.code == code)).first():
                raise RegistryProblem(f"campus {code} is already registered")
            record = {"code": code, "name": name.strip() or code, "campus_id": None,
                      "added_at": utc_now()}  # fmt: skip
            conn.execute(t.campuses.insert().values(**record))
        return record

    def campuses(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            result = conn.execute(select(t.campuses).order_by(t.campuses.c.code))
            return [dict(r) for r in result.mappings()]

    def create_code(
        self, campus_code: str, *, kind: str = "hub", valid_for: dt.timedelta | None = None
    ) -> tuple[str, str]:
        """A one-time code for a hub (or head office's desktop) of ``campus_code`` to join
        with; the code and when it expires. Only its hash is kept."""
        if kind not in ("hub", "head_office"):
            raise RegistryProblem(f"a join code is for a hub or head_office, not {kind!r}")
        campus_code = campus_code.strip().upper()
        valid_for = valid_for or dt.timedelta(days=7)
        with self._write() as conn:
            if not conn.execute(
                select(t.campuses.c.code).where(t.campuses.c.code == campus_code)
            ).first():
                raise RegistryProblem(
                    f"campus {campus_code} is not registered: add it first "
                    f"(sanad registry add-campus --code {campus_code} --name …)"
                )
            code = new_join_code()
            now = dt.datetime.now(dt.UTC)
            expires = (now + valid_for).strftime("%Y-%m-%dT%H:%M:%SZ")
            conn.execute(t.codes.insert().values(
                code_hash=code_hash(code), campus_code=campus_code, kind=kind,
                created_at=utc_now(), expires_at=expires))  # fmt: skip
        return code, expires

    def devices(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            result = conn.execute(select(t.devices).order_by(t.devices.c.campus_code,
                                                             t.devices.c.joined_at))
            return [dict(r) for r in result.mappings()]

    def revoke_device(self, device_id: str, reason: str) -> dict[str, Any]:
        if not reason.strip():
            raise RegistryProblem("say why the device is revoked (--reason): it is shown to it")
        with self._write() as conn:
            row = conn.execute(select(t.devices).where(t.devices.c.id == device_id)).mappings()
            found = row.first()
            if found is None:
                raise RegistryProblem(
                    f"no device {device_id} has joined this registry: see sanad registry devices"
                )
            if found["revoked_at"]:
                raise RegistryProblem(f"device {device_id} was already revoked on "
                                      f"{found['revoked_at']}")  # fmt: skip
            conn.execute(update(t.devices).where(t.devices.c.id == device_id).values(
                revoked_at=utc_now(), revoked_reason=reason.strip()))  # fmt: skip
        return {**dict(found), "revoked_reason": reason.strip()}

    def acknowledged(self, device_id: str) -> VersionVector:
        """What the device said it holds in its last USB bundle (nothing if none)."""
        with self.engine.connect() as conn:
            text_value = conn.execute(select(t.devices.c.acknowledged)
                                      .where(t.devices.c.id == device_id)).scalar()  # fmt: skip
        return VersionVector.from_json(text_value) if text_value else VersionVector()

    def set_acknowledged(self, device_id: str, holds: VersionVector) -> None:
        with self._write() as conn:
            conn.execute(update(t.devices).where(t.devices.c.id == device_id)
                         .values(acknowledged=holds.to_json(), last_seen_at=utc_now()))

    # -- SyncNode -------------------------------------------------------------------------

    def peer(self, device_id: str) -> PeerDevice | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.devices).where(t.devices.c.id == device_id)).mappings()
            found = row.first()
        if found is None:
            return None
        return PeerDevice(found["id"], found["kind"], found["name"], found["campus_id"],
                          found["campus_code"], found["public_key"], found["revoked_at"],
                          found["revoked_reason"])  # fmt: skip

    def join(self, request: JoinRequest) -> JoinGrant:
        if request.kind not in ("hub", "head_office"):
            raise JoinRefused(f"a {request.kind} joins its campus hub, not the registry")
        if not (request.campus_id and request.campus_code):
            raise JoinRefused("set up the campus on this computer before joining the registry")
        with self._write() as conn:
            code = check_join_code(
                request.code,
                conn.execute(select(t.codes).where(t.codes.c.code_hash == code_hash(request.code))
                             ).mappings().first(),
                giver="head office", ask="head office", now=utc_now(),
            )  # fmt: skip
            if code["kind"] != request.kind:
                raise JoinRefused(f"this code is for a {code['kind'].replace('_', ' ')}, and "
                                  f"this computer is a {request.kind.replace('_', ' ')}")
            if code["campus_code"] != request.campus_code.upper():
                raise JoinRefused(
                    f"this code is for campus {code['campus_code']}, but this database is "
                    f"campus {request.campus_code}"
                )
            campus = conn.execute(
                select(t.campuses).where(t.campuses.c.code == code["campus_code"])
            ).mappings().one()
            if campus["campus_id"] and campus["campus_id"] != request.campus_id:
                raise JoinRefused(
                    f"campus {campus['code']} already syncs from another database (campus id "
                    f"{campus['campus_id']}); join from that database, or ask head office"
                )
            if conn.execute(select(t.devices.c.id).where(t.devices.c.id == request.device_id)
                            ).first():  # fmt: skip
                raise JoinRefused("this computer has already joined the registry")
            now = utc_now()
            conn.execute(update(t.campuses).where(t.campuses.c.code == campus["code"])
                         .values(campus_id=request.campus_id))  # fmt: skip
            conn.execute(update(t.codes).where(t.codes.c.code_hash == code["code_hash"])
                         .values(used_at=now, used_by=request.device_id))  # fmt: skip
            conn.execute(t.devices.insert().values(
                id=request.device_id, kind=request.kind, name=request.name[:100],
                campus_code=campus["code"], campus_id=request.campus_id,
                public_key=request.public_key, joined_at=now))  # fmt: skip
        return JoinGrant(self.identity.device_id, self.identity.public_multikey, "registry",
                         request.campus_id, campus["code"], campus["name"], self.epoch)

    def vector(self) -> VersionVector:
        with self.engine.connect() as conn:
            return VersionVector(conn.execute(select(t.vector.c.device_id, t.vector.c.top))
                                 .all())  # fmt: skip

    def seen(self, peer: PeerDevice, *, address: str | None,
             clock_offset: float | None) -> None:  # fmt: skip
        values: dict[str, Any] = {"last_seen_at": utc_now(), "last_address": address}
        if clock_offset is not None:  # only hello shows it (sync.server)
            values["clock_offset_seconds"] = clock_offset
        with self.engine.begin() as conn:
            conn.execute(update(t.devices).where(t.devices.c.id == peer.id).values(**values))

    def receive(self, peer: PeerDevice, changes: Sequence[Change]) -> ApplyReport:
        report = ApplyReport()
        if not changes:
            return report
        with self._write() as conn:
            Batch(self, conn, peer, report).apply(changes)
        return report

    def changes_for(
        self, peer: PeerDevice, *, after: int, limit: int, held: Mapping[str, int]
    ) -> tuple[list[Change], int, bool]:
        if held:  # what the device holds: the dashboard counts what has not reached here
            with self.engine.begin() as conn:
                conn.execute(update(t.devices).where(t.devices.c.id == peer.id).values(
                    reported_vector=VersionVector(held).to_json()))  # fmt: skip
        query = select(t.log.c.pos, t.log.c.device_id, t.log.c.seq, t.log.c.table_name,
                       t.log.c.row_id, t.log.c.version, t.log.c.op, t.log.c.row)  # fmt: skip
        if "*" not in peer.owners:
            query = query.where(t.log.c.owner.in_([*peer.owners, "national"]))
        with self.engine.connect() as conn:

            def fetch(position: int, count: int) -> list[tuple]:
                return list(conn.execute(query.where(t.log.c.pos > position)
                                         .order_by(t.log.c.pos).limit(count)).all())

            return scan_log(fetch, after=after, limit=limit, held=held)

    def log_end(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.coalesce(func.max(t.log.c.pos), 0))).scalar_one()

    def documents_for(self, peer: PeerDevice, held: Mapping[str, str]) -> list[Document]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents)).mappings().all()
        return [
            Document(r["key"], r["kind"], r["campus_code"], r["document"])
            for r in rows
            if held.get(r["key"]) != r["sha256"]
        ]

    def receive_documents(self, peer: PeerDevice, documents: Sequence[Document]) -> int:
        """Keep the trust list (from head office) and status lists (each campus its own); the
        documents' own signatures are checked by whoever uses them."""
        accepted = []
        for document in documents:
            if document.kind == "trust_list" and (
                peer.kind != "head_office" or not self._trusted_list(document.document)
            ):
                continue
            if document.kind == "status_list" and peer.kind != "head_office" and (
                document.campus_code != peer.campus_code
            ):
                continue
            accepted.append({"key": document.key, "kind": document.kind,
                             "campus_code": document.campus_code, "sha256": document.sha256,
                             "document": document.document, "received_at": utc_now(),
                             "from_device": peer.id})  # fmt: skip
        with self._write() as conn:
            self._upsert(conn, t.documents, accepted, ["key"],
                         ["kind", "campus_code", "sha256", "document", "received_at",
                          "from_device"])  # fmt: skip
        if accepted:
            self.documents_version += 1
        return len(accepted)

    def _trusted_list(self, text_document: str) -> bool:
        """A trust list from head office's desktop is kept if the national root signed it.
        The root is the ``root_public_key`` setting (``sanad registry root --set``); a
        registry without one takes the root of the first list head office sends."""
        from desktop.core.keys import CertificateProblem, verify_trust_list
        from desktop.core.proofs import ProofError, public_key_from_multikey

        try:
            document = json.loads(text_document)
            root = self.setting("root_public_key")
            if root is None:
                method = document["proof"]["verificationMethod"]
                root = method.split("#", 1)[0].removeprefix("urn:sanad:key:")
            verify_trust_list(document, public_key_from_multikey(root))
        except (ValueError, KeyError, TypeError, CertificateProblem, ProofError):
            return False
        if self.setting("root_public_key") is None:
            self.set_setting("root_public_key", root)
        return True

    def document(self, key: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            found = conn.execute(select(t.documents).where(t.documents.c.key == key)).mappings()
            row = found.first()
        return dict(row) if row else None

    def documents_of(self, kind: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            found = conn.execute(select(t.documents).where(t.documents.c.kind == kind))
            return [dict(r) for r in found.mappings()]

    def credential_by_serial(self, serial: str) -> dict[str, Any] | None:
        """The issued credential of that serial (its replicated row), by the serial index."""
        expression = ("json_extract(row, '$.serial')" if self.is_sqlite
                      else "((row::jsonb) ->> 'serial')")  # fmt: skip
        with self.engine.connect() as conn:
            found = conn.execute(text(
                f"SELECT row FROM registry_rows WHERE table_name = 'issued_credentials' "
                f"AND {expression} = :serial"), {"serial": serial}).scalar()  # fmt: skip
        return json.loads(found) if found else None

    def row(self, table: str, row_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            found = conn.execute(select(t.rows.c.row).where(
                t.rows.c.table_name == table, t.rows.c.row_id == row_id)).scalar()  # fmt: skip
        return json.loads(found) if found else None

    def wanted_files(self, peer: PeerDevice, offered: Sequence[tuple[str, int]]) -> list[str]:
        """By the evidence policy (``evidence_policy`` setting): ``all``; ``cap:<bytes>``
        (files up to that size); ``sample:<percent>`` (a QA sample chosen by the file's hash,
        so every sync of the campus picks the same files)."""
        policy = self.setting("evidence_policy") or "all"
        wanted = []
        for sha256, size in offered:
            if self._has_file(sha256):
                continue
            if policy.startswith("cap:") and size > int(policy[4:]):
                continue
            if policy.startswith("sample:") and int(sha256[:8], 16) % 100 >= int(policy[7:]):
                continue
            wanted.append(sha256)
        return wanted

    def requested_files(self, peer: PeerDevice) -> list[str]:
        """The evidence files head office asked of ``peer``'s campus in a QA sample
        (``registry_file_requests``) that it does not hold yet: sent whatever the policy."""
        with self.engine.connect() as conn:
            hashes = conn.execute(select(t.file_requests.c.sha256).distinct()
                                  .where(t.file_requests.c.campus_code == peer.campus_code)
                                  .order_by(t.file_requests.c.sha256)).scalars().all()  # fmt: skip
        return [sha256 for sha256 in hashes if not self._has_file(sha256)]

    # -- reading, for reports and tests -----------------------------------------------------

    def rows(self, table: str) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as conn:
            result = conn.execute(select(t.rows.c.row_id, t.rows.c.row)
                                  .where(t.rows.c.table_name == table))  # fmt: skip
            return {row_id: json.loads(row) for row_id, row in result}

    def count(self, table: Any) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar_one()


class _Excluded:
    """``EXCLUDED.column`` in a condition written with SQLAlchemy columns (for the COPY path)."""

    def __init__(self, table: Any) -> None:
        self._table = table

    def __getattr__(self, name: str) -> Any:
        return literal_column(f"EXCLUDED.{name}")
