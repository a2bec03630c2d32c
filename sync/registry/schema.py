"""The registry's tables, one definition for SQLite and PostgreSQL, and their migrations.

The registry does not keep Sanad's desktop schema: it relays and keeps *rows* of any replicated
table as JSON (``registry_rows``, the newest version of each) and the change-log entries that
carried them (``registry_log``, in arrival order, which is causal: each sender sends parents
before children). So a campus on a newer Sanad with a new column syncs through an older
registry, and the registry's schema changes only for its own needs (devices, codes, documents).

Migrations are numbered functions recorded in ``registry_migrations``; each runs in one
transaction, and any earlier schema upgrades to the newest.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    inspect,
    text,
)

__all__ = ["MIGRATIONS", "metadata"]

metadata = MetaData()

meta = Table(
    "registry_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)  # fmt: skip

campuses = Table(
    "registry_campuses", metadata,
    Column("code", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    # the campus id its hub made when it was set up: bound when the hub first joins
    Column("campus_id", String(36), unique=True),
    Column("added_at", String(32), nullable=False),
)  # fmt: skip

devices = Table(
    "registry_devices", metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(16), nullable=False),  # hub | head_office
    Column("name", Text, nullable=False),
    Column("campus_code", String(16), nullable=False),
    Column("campus_id", String(36), nullable=False),
    Column("public_key", Text, nullable=False),
    Column("joined_at", String(32), nullable=False),
    Column("last_seen_at", String(32)),
    Column("last_address", Text),
    Column("clock_offset_seconds", Float),
    Column("revoked_at", String(32)),
    Column("revoked_reason", Text),
    # what the device said it holds in its last USB bundle (its acknowledgement, JSON)
    Column("acknowledged", Text),
    Column("reported_vector", Text),  # 0003
)  # fmt: skip

codes = Table(
    "registry_codes", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("campus_code", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("used_at", String(32)),
    Column("used_by", String(36)),
)  # fmt: skip

log = Table(
    "registry_log", metadata,
    Column("pos", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("device_id", String(36), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("owner", String(36), nullable=False),
    Column("op", String(8), nullable=False),
    Column("row", Text, nullable=False),
    Column("received_at", String(32), nullable=False),
    UniqueConstraint("device_id", "seq", name="registry_log_origin"),
)  # fmt: skip
Index("registry_log_owner", log.c.owner, log.c.pos)

rows = Table(
    "registry_rows", metadata,
    Column("table_name", String(64), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("owner", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("last_device", String(36), nullable=False),
    Column("row", Text, nullable=False),
)  # fmt: skip
Index("registry_rows_owner", rows.c.owner, rows.c.table_name)

vector = Table(
    "registry_vector", metadata,
    Column("device_id", String(36), primary_key=True),
    Column("top", BigInteger, nullable=False),
)  # fmt: skip

conflicts = Table(
    "registry_conflicts", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("losing_version", Integer, nullable=False),
    Column("losing_device", String(36), nullable=False),
    Column("losing_row", Text, nullable=False),
    Column("winning_version", Integer, nullable=False),
    Column("winning_device", String(36), nullable=False),
    Column("detected_at", String(32), nullable=False),
    UniqueConstraint("table_name", "row_id", "losing_version", "losing_device",
                     name="registry_conflicts_pair"),
)  # fmt: skip

# Signed documents that travel beside the records: head office's trust list, each campus's
# status list. ``key`` is the document's id (a status list's URL, or "trust-list").
documents = Table(
    "registry_documents", metadata,
    Column("key", Text, primary_key=True),
    Column("kind", String(16), nullable=False),  # trust_list | status_list
    Column("campus_code", String(16)),
    Column("sha256", String(64), nullable=False),
    Column("document", Text, nullable=False),
    Column("received_at", String(32), nullable=False),
    Column("from_device", String(36), nullable=False),
)  # fmt: skip

# Head office's people who sign in to the dashboard (not campus accounts: those live in the
# campuses' own databases). Passwords are Argon2id hashes (desktop.core.passwords).
users = Table(
    "registry_users", metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("disabled_at", String(32)),
    Column("last_sign_in_at", String(32)),
)  # fmt: skip

# Dashboard sessions: only the SHA-256 of the cookie's token is kept, so a copy of the
# database signs nobody in; each session has its own CSRF token for the forms it posts.
sessions = Table(
    "registry_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(36), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("last_used_at", String(32), nullable=False),
)  # fmt: skip
Index("registry_sessions_user", sessions.c.user_id)

# QA sampling: head office draws a random sample of a campus's assessed evidence and asks
# for those files upward; each requested file is answered by the campus's next sync.
samples = Table(
    "registry_samples", metadata,
    Column("id", String(36), primary_key=True),
    Column("campus_code", String(16), nullable=False),
    Column("size", Integer, nullable=False),
    Column("drawn_at", String(32), nullable=False),
    Column("drawn_by", String(36), nullable=False),
    Column("note", Text, nullable=False, default=""),
)  # fmt: skip

file_requests = Table(
    "registry_file_requests", metadata,
    Column("sample_id", String(36), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("campus_code", String(16), nullable=False),
    Column("evidence_id", String(36), nullable=False),
    Column("requested_at", String(32), nullable=False),
)  # fmt: skip
Index("registry_file_requests_file", file_requests.c.sha256)
Index("registry_file_requests_campus", file_requests.c.campus_code)

migrations_table = Table(
    "registry_migrations", metadata,
    Column("name", String(64), primary_key=True),
    Column("applied_at", String(32), nullable=False),
)  # fmt: skip

_FIRST = [meta, campuses, devices, codes, log, rows, vector, conflicts, documents]


def _m0001(conn: Connection) -> None:
    existing = set(inspect(conn).get_table_names())
    for table in _FIRST:
        if table.name not in existing:
            table.create(conn)


def _m0002(conn: Connection) -> None:
    """USB bundles: each device's acknowledgement (a registry made by 0001 before it lacks it)."""
    columns = {c["name"] for c in inspect(conn).get_columns("registry_devices")}
    if "acknowledged" not in columns:
        conn.execute(text("ALTER TABLE registry_devices ADD COLUMN acknowledged TEXT"))


def _m0003(conn: Connection) -> None:
    """The web pages (issue 7): dashboard accounts and sessions, QA samples, what each device
    last said it holds, and an index to find a credential by its serial."""
    existing = set(inspect(conn).get_table_names())
    for table in (users, sessions, samples, file_requests):
        if table.name not in existing:
            table.create(conn)
    columns = {c["name"] for c in inspect(conn).get_columns("registry_devices")}
    if "reported_vector" not in columns:
        # the vector the device sent with its last pull: what it holds, so the dashboard can
        # tell how many of its changes have not reached the registry
        conn.execute(text("ALTER TABLE registry_devices ADD COLUMN reported_vector TEXT"))
    if conn.dialect.name == "sqlite":
        conn.execute(text(
            "CREATE INDEX IF NOT EXISTS registry_rows_serial ON registry_rows "
            "(json_extract(row, '$.serial')) WHERE table_name = 'issued_credentials'"))
    else:
        conn.execute(text(
            "CREATE INDEX IF NOT EXISTS registry_rows_serial ON registry_rows "
            "(((row::jsonb) ->> 'serial')) WHERE table_name = 'issued_credentials'"))


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_registry", _m0001),
    ("0002_device_acknowledgements", _m0002),
    ("0003_web", _m0003),
]
