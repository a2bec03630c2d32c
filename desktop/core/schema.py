"""The versioned schema: one migration per step, applied in order, never edited once released.

A database at any earlier version upgrades by applying the migrations it lacks. Every replicated
table carries the replication columns of :data:`REPLICATION_COLUMNS`; local tables do not.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

__all__ = [
    "APPEND_ONLY_TABLES",
    "MIGRATION_SET",
    "REPLICATED_TABLES",
    "applied_migration_names",
    "migration_names",
    "migrations",
]

MIGRATION_SET = "sanad"
_STEPS: list[tuple[str, Any]] = []
_MIGRATIONS: Migrations | None = None


def _migration(name: str):
    def register(fn):
        _STEPS.append((name, fn))
        return fn

    return register


def migrations() -> Migrations:
    """The sqlite-utils migration set. Built on first use: sqlite-utils is a noticeable import,
    and opening an up-to-date database (every start of the app) does not need it."""
    global _MIGRATIONS
    if _MIGRATIONS is None:
        from sqlite_utils.migrations import Migrations

        built = Migrations(MIGRATION_SET)
        for name, fn in _STEPS:
            built(name=name)(fn)
        _MIGRATIONS = built
    return _MIGRATIONS


def __getattr__(name: str) -> Any:
    if name == "MIGRATIONS":
        return migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def applied_migration_names(conn: sqlite3.Connection) -> list[str]:
    """The migrations recorded in a database, read directly (the table sqlite-utils keeps)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            (MIGRATION_SET,),
        )
    ]


# owner: campus id, or 'national' for head office's records.
# version: 1 on insert, +1 on every change; with last_device it orders versions without clocks.
REPLICATION_COLUMNS = """
    owner TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    last_device TEXT NOT NULL,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"""

# Replicated tables in dependency order (parents first), as sync applies them.
REPLICATED_TABLES = (
    "campuses",
    "devices",
    "users",
    "learners",
    "tracks",
    "micro_credentials",
    "pathways",
    "cohorts",
    "cohort_assessors",
    "enrolments",
    "enrolment_events",
    "evidence",
    "assessments",
    "issued_credentials",
    "credential_status_events",
)

# Rows of these tables are written once and never updated or deleted.
APPEND_ONLY_TABLES = frozenset(
    {"enrolment_events", "assessments", "issued_credentials", "credential_status_events"}
)


def _run(db: Database, script: str) -> None:
    """Execute a script statement by statement inside the migration's transaction.

    ``executescript`` would commit first, so it cannot be used here.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending.replace("{REPLICATION}", REPLICATION_COLUMNS))
            pending = ""
    if pending.strip():
        raise ValueError(f"unterminated SQL statement in migration: {pending[:60]}")


def _append_only(table: str) -> str:
    return f"""
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END;
"""


@_migration("0001_replication_campuses_users")
def m0001(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE change_log (
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    row TEXT NOT NULL,
    audit_seq INTEGER NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX change_log_origin ON change_log (device_id, seq);
CREATE INDEX change_log_row ON change_log (table_name, row_id, version);
CREATE TABLE audit_log (
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;

CREATE TABLE campuses (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_ur TEXT,
    region TEXT,
    city TEXT,
    {REPLICATION}
);
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    campus_id TEXT REFERENCES campuses (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('hub', 'station', 'registry', 'head_office')),
    public_key TEXT,
    revoked_at TEXT,
    revoked_reason TEXT,
    {REPLICATION}
);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    campus_id TEXT REFERENCES campuses (id),
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'assessor', 'student')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    {REPLICATION}
);
""",
    )


@_migration("0002_learners")
def m0002(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE learners (
    id TEXT PRIMARY KEY,
    campus_id TEXT NOT NULL REFERENCES campuses (id),
    registration_no TEXT NOT NULL,
    full_name TEXT NOT NULL,
    guardian_name TEXT,
    cnic TEXT CHECK (cnic IS NULL OR (length(cnic) = 13 AND cnic NOT GLOB '*[^0-9]*')),
    gender TEXT CHECK (gender IN ('female', 'male', 'other')),
    date_of_birth TEXT,
    email TEXT,
    phone TEXT,
    programme TEXT,
    {REPLICATION}
);
CREATE UNIQUE INDEX learners_registration ON learners (campus_id, registration_no);
CREATE UNIQUE INDEX learners_cnic ON learners (cnic) WHERE cnic IS NOT NULL AND deleted = 0;
CREATE INDEX learners_name ON learners (campus_id, full_name, id);
ALTER TABLE users ADD COLUMN learner_id TEXT REFERENCES learners (id);
CREATE UNIQUE INDEX users_learner ON users (learner_id) WHERE learner_id IS NOT NULL;
""",
    )


@_migration("0003_catalogue")
def m0003(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE tracks (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_ur TEXT,
    {REPLICATION}
);
CREATE TABLE micro_credentials (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    edition INTEGER NOT NULL CHECK (edition >= 1),
    title_en TEXT NOT NULL,
    title_ur TEXT,
    description_en TEXT NOT NULL,
    description_ur TEXT,
    track_id TEXT NOT NULL REFERENCES tracks (id),
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 8),
    notional_hours INTEGER NOT NULL CHECK (notional_hours > 0),
    credit_value REAL NOT NULL CHECK (credit_value >= 0),
    competencies TEXT NOT NULL,
    evidence_requirements TEXT NOT NULL,
    rubric TEXT NOT NULL,
    validity_months INTEGER CHECK (validity_months IS NULL OR validity_months > 0),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    scope TEXT NOT NULL CHECK (scope IN ('national', 'campus')),
    campus_id TEXT REFERENCES campuses (id),
    previous_edition_id TEXT REFERENCES micro_credentials (id),
    published_at TEXT,
    {REPLICATION},
    CHECK ((scope = 'campus') = (campus_id IS NOT NULL))
);
CREATE UNIQUE INDEX micro_credentials_edition ON micro_credentials (code, edition);
CREATE INDEX micro_credentials_track ON micro_credentials (track_id, status);
CREATE TABLE pathways (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    title_en TEXT NOT NULL,
    title_ur TEXT,
    rule TEXT NOT NULL CHECK (rule IN ('all_of', 'n_of')),
    required_count INTEGER,
    members TEXT NOT NULL,
    credit_awarded REAL NOT NULL CHECK (credit_awarded >= 0),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    scope TEXT NOT NULL CHECK (scope IN ('national', 'campus')),
    campus_id TEXT REFERENCES campuses (id),
    {REPLICATION}
);
""",
    )


@_migration("0004_cohorts_enrolments")
def m0004(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE cohorts (
    id TEXT PRIMARY KEY,
    campus_id TEXT NOT NULL REFERENCES campuses (id),
    micro_credential_id TEXT NOT NULL REFERENCES micro_credentials (id),
    code TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('online', 'hybrid', 'in_person')),
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    fee_pkr INTEGER CHECK (fee_pkr IS NULL OR fee_pkr >= 0),
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    {REPLICATION},
    CHECK (ends_on >= starts_on)
);
CREATE UNIQUE INDEX cohorts_code ON cohorts (campus_id, code);
CREATE INDEX cohorts_micro_credential ON cohorts (micro_credential_id);
CREATE TABLE cohort_assessors (
    id TEXT PRIMARY KEY,
    cohort_id TEXT NOT NULL REFERENCES cohorts (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    {REPLICATION}
);
CREATE UNIQUE INDEX cohort_assessors_pair ON cohort_assessors (cohort_id, user_id);
CREATE TABLE enrolments (
    id TEXT PRIMARY KEY,
    campus_id TEXT NOT NULL REFERENCES campuses (id),
    cohort_id TEXT NOT NULL REFERENCES cohorts (id),
    learner_id TEXT NOT NULL REFERENCES learners (id),
    status TEXT NOT NULL CHECK (status IN
        ('enrolled', 'in_progress', 'submitted', 'passed', 'resubmit', 'failed', 'withdrawn')),
    attempt INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    status_changed_at TEXT NOT NULL,
    {REPLICATION}
);
CREATE UNIQUE INDEX enrolments_pair ON enrolments (cohort_id, learner_id);
CREATE INDEX enrolments_learner ON enrolments (learner_id);
CREATE INDEX enrolments_status ON enrolments (cohort_id, status);
CREATE TABLE enrolment_events (
    id TEXT PRIMARY KEY,
    enrolment_id TEXT NOT NULL REFERENCES enrolments (id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    reason TEXT,
    actor_id TEXT REFERENCES users (id),
    at TEXT NOT NULL,
    {REPLICATION}
);
CREATE INDEX enrolment_events_enrolment ON enrolment_events (enrolment_id, at);
"""
        + _append_only("enrolment_events"),
    )


@_migration("0005_evidence_assessments")
def m0005(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    enrolment_id TEXT NOT NULL REFERENCES enrolments (id),
    attempt INTEGER NOT NULL CHECK (attempt >= 1),
    requirement_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('file', 'link', 'reflection')),
    sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
    size INTEGER,
    media_type TEXT,
    original_name TEXT,
    url TEXT,
    text TEXT,
    added_by TEXT REFERENCES users (id),
    {REPLICATION},
    CHECK ((kind = 'file') = (sha256 IS NOT NULL))
);
CREATE INDEX evidence_enrolment ON evidence (enrolment_id, attempt);
CREATE INDEX evidence_sha256 ON evidence (sha256) WHERE sha256 IS NOT NULL;
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    stored_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE assessments (
    id TEXT PRIMARY KEY,
    enrolment_id TEXT NOT NULL REFERENCES enrolments (id),
    attempt INTEGER NOT NULL CHECK (attempt >= 1),
    marker_id TEXT NOT NULL REFERENCES users (id),
    scores TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('pass', 'resubmit', 'fail')),
    feedback TEXT NOT NULL,
    blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),
    assessed_at TEXT NOT NULL,
    {REPLICATION}
);
CREATE INDEX assessments_enrolment ON assessments (enrolment_id, attempt);
"""
        + _append_only("assessments"),
    )


@_migration("0006_issued_credentials")
def m0006(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE issued_credentials (
    id TEXT PRIMARY KEY,
    campus_id TEXT NOT NULL REFERENCES campuses (id),
    serial TEXT NOT NULL UNIQUE,
    enrolment_id TEXT NOT NULL REFERENCES enrolments (id),
    learner_id TEXT NOT NULL REFERENCES learners (id),
    micro_credential_id TEXT NOT NULL REFERENCES micro_credentials (id),
    issued_at TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    document TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    supersedes_id TEXT REFERENCES issued_credentials (id),
    {REPLICATION}
);
CREATE INDEX issued_credentials_learner ON issued_credentials (learner_id);
CREATE INDEX issued_credentials_enrolment ON issued_credentials (enrolment_id);
CREATE TABLE credential_status_events (
    id TEXT PRIMARY KEY,
    credential_id TEXT NOT NULL REFERENCES issued_credentials (id),
    action TEXT NOT NULL CHECK (action IN ('revoke', 'suspend', 'reinstate')),
    reason TEXT NOT NULL,
    actor_id TEXT REFERENCES users (id),
    at TEXT NOT NULL,
    {REPLICATION}
);
CREATE INDEX credential_status_events_credential ON credential_status_events (credential_id, at);
"""
        + _append_only("issued_credentials")
        + _append_only("credential_status_events"),
    )


# Learner search: an FTS5 index with the trigram tokenizer, so any three or more characters of a
# name, registration number, CNIC or phone number find the learner. CNIC (13 digits) and phone
# (E.164) are indexed in their stored form only; the query side (desktop/core/search.py) turns
# what was typed (dashes, a leading 0) into that form. Triggers keep the index in step with
# every write, including rows that arrive by sync; tombstoned learners leave it. The index row's
# rowid is the learner's rowid.
_LEARNER_SEARCH_VALUES = """
    {row}.rowid, {row}.full_name, {row}.registration_no,
    coalesce({row}.cnic, ''), coalesce({row}.phone, '')
"""


@_migration("0007_learner_search")
def m0007(db: Database) -> None:
    insert = (
        "INSERT INTO learner_search (rowid, name, registration_no, cnic, phone) VALUES ("
        + _LEARNER_SEARCH_VALUES.format(row="new")
        + ");"
    )
    _run(
        db,
        f"""
CREATE VIRTUAL TABLE learner_search USING fts5(
    name, registration_no, cnic, phone, tokenize = 'trigram'
);
INSERT INTO learner_search (rowid, name, registration_no, cnic, phone)
    SELECT {_LEARNER_SEARCH_VALUES.format(row="learners")} FROM learners WHERE deleted = 0;
CREATE TRIGGER learners_search_insert AFTER INSERT ON learners WHEN new.deleted = 0
BEGIN {insert} END;
CREATE TRIGGER learners_search_update AFTER UPDATE ON learners
BEGIN
    DELETE FROM learner_search WHERE rowid = old.rowid;
    {insert.replace("VALUES (", "SELECT ").replace(");", " WHERE new.deleted = 0;")}
END;
""",
    )


# The Enrolments screen lists a campus's enrolments with the latest change first, optionally of
# one status or one learner, paged by keyset on (status_changed_at, id). Partial indexes of the
# live rows, carrying cohort and learner, so filtering and counting never visit the table; and
# one by cohort, to count a micro-credential's enrolments cohort by cohort.
@_migration("0008_enrolment_lists")
def m0008(db: Database) -> None:
    live = "WHERE deleted = 0"
    _run(
        db,
        f"""
CREATE INDEX enrolments_recent
    ON enrolments (campus_id, status_changed_at, id, cohort_id, learner_id) {live};
CREATE INDEX enrolments_status_recent
    ON enrolments (campus_id, status, status_changed_at, id, cohort_id, learner_id) {live};
CREATE INDEX enrolments_learner_live
    ON enrolments (learner_id, campus_id, status, status_changed_at, id, cohort_id) {live};
CREATE INDEX enrolments_cohort_live ON enrolments (cohort_id, status) {live};
""",
    )


# Signing keys of this node, local and never replicated: the national root (at head office) and
# the campus's issuer keys, each private key sealed with a passphrase (desktop/core/keys.py);
# a campus key gets its root certificate when head office's response file is installed.
@_migration("0009_signing_keys")
def m0009(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE signing_keys (
    id TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('root', 'campus')),
    public_key TEXT NOT NULL UNIQUE,
    sealed BLOB NOT NULL,
    certificate TEXT,
    created_at TEXT NOT NULL,
    retired_at TEXT
);
""",
    )


# Credentials of two kinds: a micro-credential earned by an enrolment, and a pathway credential
# earned by stacking component credentials (``components``, their ids as JSON). Each holds the
# index of its entry in the campus's status list and the signed QR text of its paper certificate
# (made with the campus key at issue, so a PDF can be printed later without the key). SQLite
# cannot relax NOT NULL in place, so both credential tables are rebuilt (the status events
# reference the credentials). Local tables: the signed status lists this node made or fetched
# (with when), the campus key certificates head office's root made (for its trust list), and
# trust lists received.
_CREDENTIAL_COLUMNS = (
    "id, campus_id, serial, enrolment_id, learner_id, micro_credential_id, issued_at, "
    "valid_from, valid_until, document, document_sha256, supersedes_id, owner, version, "
    "last_device, created_at, modified_at, deleted"
)
_STATUS_EVENT_COLUMNS = (
    "id, credential_id, action, reason, actor_id, at, owner, version, last_device, created_at, "
    "modified_at, deleted"
)


@_migration("0010_credential_kinds_status_lists")
def m0010(db: Database) -> None:
    _run(
        db,
        f"""
CREATE TEMP TABLE old_credentials AS SELECT {_CREDENTIAL_COLUMNS} FROM issued_credentials;
CREATE TEMP TABLE old_status_events AS SELECT {_STATUS_EVENT_COLUMNS}
    FROM credential_status_events;
DROP TABLE credential_status_events;
DROP TABLE issued_credentials;
CREATE TABLE issued_credentials (
    id TEXT PRIMARY KEY,
    campus_id TEXT NOT NULL REFERENCES campuses (id),
    serial TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('micro_credential', 'pathway')),
    enrolment_id TEXT REFERENCES enrolments (id),
    learner_id TEXT NOT NULL REFERENCES learners (id),
    micro_credential_id TEXT REFERENCES micro_credentials (id),
    pathway_id TEXT REFERENCES pathways (id),
    components TEXT,
    issued_at TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    document TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    supersedes_id TEXT REFERENCES issued_credentials (id),
    status_index INTEGER CHECK (status_index IS NULL OR status_index >= 0),
    qr_text TEXT,
    {{REPLICATION}},
    CHECK ((kind = 'micro_credential') =
           (enrolment_id IS NOT NULL AND micro_credential_id IS NOT NULL)),
    CHECK ((kind = 'pathway') = (pathway_id IS NOT NULL AND components IS NOT NULL))
);
CREATE INDEX issued_credentials_learner ON issued_credentials (learner_id, kind);
CREATE INDEX issued_credentials_enrolment ON issued_credentials (enrolment_id);
CREATE INDEX issued_credentials_recent ON issued_credentials (campus_id, issued_at, id);
CREATE UNIQUE INDEX issued_credentials_status_index
    ON issued_credentials (campus_id, status_index) WHERE status_index IS NOT NULL;
CREATE TABLE credential_status_events (
    id TEXT PRIMARY KEY,
    credential_id TEXT NOT NULL REFERENCES issued_credentials (id),
    action TEXT NOT NULL CHECK (action IN ('revoke', 'suspend', 'reinstate')),
    reason TEXT NOT NULL,
    actor_id TEXT REFERENCES users (id),
    at TEXT NOT NULL,
    {{REPLICATION}}
);
CREATE INDEX credential_status_events_credential ON credential_status_events (credential_id, at);
INSERT INTO issued_credentials ({_CREDENTIAL_COLUMNS}, kind)
    SELECT {_CREDENTIAL_COLUMNS}, 'micro_credential' FROM old_credentials;
INSERT INTO credential_status_events ({_STATUS_EVENT_COLUMNS})
    SELECT {_STATUS_EVENT_COLUMNS} FROM old_status_events;
DROP TABLE old_credentials;
DROP TABLE old_status_events;
CREATE TABLE status_lists (
    url TEXT PRIMARY KEY,
    campus_code TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('message', 'revocation', 'suspension')),
    document TEXT NOT NULL,
    made_here INTEGER NOT NULL CHECK (made_here IN (0, 1)),
    fetched_at TEXT NOT NULL
);
CREATE TABLE key_certificates (
    public_key TEXT PRIMARY KEY,
    campus_code TEXT NOT NULL,
    certificate TEXT NOT NULL,
    certified_at TEXT NOT NULL,
    revoked_at TEXT,
    revoked_reason TEXT
);
CREATE TABLE trust_lists (
    version INTEGER PRIMARY KEY,
    document TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
"""
        + _append_only("issued_credentials")
        + _append_only("credential_status_events"),
    )


# Sync (issue 6): when two nodes edited the same version of a row, the deterministic winner
# (higher version, then device) is kept and the losing version is recorded here, local to the
# node that met both, for a person to review.
@_migration("0011_sync_conflicts")
def m0011(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    losing_version INTEGER NOT NULL,
    losing_device TEXT NOT NULL,
    losing_row TEXT NOT NULL,
    winning_version INTEGER NOT NULL,
    winning_device TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    UNIQUE (table_name, row_id, losing_version, losing_device)
);
""",
    )


# Sync peers, local: what each peer device last said it holds (its acknowledgement), so the next
# bundle or batch to it carries only what it still lacks.
@_migration("0012_sync_peers")
def m0012(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE sync_peers (
    device_id TEXT PRIMARY KEY,
    acknowledged TEXT NOT NULL,
    last_bundle_at TEXT
);
""",
    )


# Sync over HTTP, local tables. ``sync_links``: the node this one syncs with upstream (a station's
# hub, a hub's registry), the key it proved at joining, the TLS certificate pinned then (LAN
# hubs), the positions in each direction (checkpoints: an interrupted sync resumes from them)
# and the outcome of the last attempt. ``join_codes``: one-time codes this hub gave out for
# stations (only their hash is kept). ``upload_resume``: where an unfinished evidence upload
# continues (its tus URL), so a killed or cut upload sends only what is left; ``files_sent``:
# which evidence files the peer has confirmed holding, so they are not offered again. ``sync_peers``
# also keeps when each station last synced with this hub, from where, and its clock's offset.
@_migration("0013_sync_links")
def m0013(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE sync_links (
    peer_device_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    peer_kind TEXT NOT NULL CHECK (peer_kind IN ('hub', 'registry')),
    peer_public_key TEXT NOT NULL,
    tls_certificate TEXT,
    peer_epoch TEXT,
    pull_cursor INTEGER NOT NULL DEFAULT 0,
    push_cursor INTEGER NOT NULL DEFAULT 0,
    joined_at TEXT NOT NULL,
    last_attempt_at TEXT,
    last_success_at TEXT,
    last_error TEXT,
    next_attempt_at TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    clock_offset_seconds REAL,
    sent_bytes INTEGER NOT NULL DEFAULT 0,
    received_bytes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE join_codes (
    code_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('station')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT
);
CREATE TABLE upload_resume (
    sha256 TEXT NOT NULL,
    peer_device_id TEXT NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (sha256, peer_device_id)
);
CREATE TABLE files_sent (
    sha256 TEXT NOT NULL,
    peer_device_id TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (sha256, peer_device_id)
);
ALTER TABLE sync_peers ADD COLUMN last_seen_at TEXT;
ALTER TABLE sync_peers ADD COLUMN last_address TEXT;
ALTER TABLE sync_peers ADD COLUMN clock_offset_seconds REAL;
""",
    )


def migration_names() -> list[str]:
    """Every migration this program knows, oldest first; the schema version is their count."""
    return [name for name, _ in _STEPS]
