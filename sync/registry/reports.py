"""Head office's figures from what the campuses sent, and QA samples of their evidence.

The registry keeps each replicated row as JSON text (``registry_rows``), so every figure is
one SQL aggregate over fields pulled out of that JSON (SQLite ``json_extract``, PostgreSQL
``(row::jsonb) ->> …``), grouped by the row's owner (the campus id):

- *learners*, *enrolments*: rows not deleted; *passes*: enrolments whose status is ``passed``;
- *credentials issued*: ``issued_credentials`` rows; *revoked*: credentials whose latest status
  event (by its time, then id) is ``revoke`` (a reinstated one is not counted);
- *evidence files waiting*: distinct file hashes of the campus's evidence (not deleted) that
  the evidence policy wants (:meth:`Registry.wanted_files`) or that a QA sample asked for,
  and that the file store does not hold. The store is a folder, so this one check is made per
  distinct file in Python;
- *sync health* per device: last contact, clock offset, revoked, and *changes behind*: for
  each device d in the vector the device reported with its last pull, max(0, its top for d −
  the registry's top for d), summed (a ``json_each`` / ``jsonb_each_text`` join);
- *credentials issued per month* of the last twelve, per campus.

A QA sample (:func:`draw_sample`) picks, with ``secrets.SystemRandom``, among a campus's
*assessed* file evidence (an assessment of the same enrolment and attempt exists) that head
office does not hold and has not already asked for; the sample and its file requests are
written in one transaction. The campus's next sync sends the files
(``/sync/v1/files`` → ``requested``).

Without a file store (``files=None``) no file counts as received.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select, text

from desktop.core.ids import new_id, utc_now
from sync.file_store import FileStore
from sync.node import PeerDevice
from sync.registry import schema as t
from sync.registry.store import Registry

__all__ = [
    "CLOCK_DRIFT_LIMIT",
    "MAX_SAMPLE",
    "SILENCE_LIMIT",
    "CampusFigures",
    "DeviceHealth",
    "FileRequest",
    "MonthlyIssued",
    "ReportProblem",
    "Sample",
    "campus_figures",
    "device_health",
    "draw_sample",
    "monthly_issued",
    "samples",
    "totals",
]

SILENCE_LIMIT = dt.timedelta(days=7)  # a device silent longer is flagged
CLOCK_DRIFT_LIMIT = 300.0  # seconds: a device clock further off is flagged
MAX_SAMPLE = 500


class ReportProblem(Exception):
    """A report or sample request that is refused, with what to do. ``template`` and
    ``fields`` let a page say it in its own language."""

    def __init__(self, template: str, **fields: Any) -> None:
        super().__init__(template.format(**fields))
        self.template, self.fields = template, fields


# -- SQL over the JSON rows --------------------------------------------------------------------


class _Json:
    """The dialect's spelling of "field ``name`` of the row's JSON" (names are constants of
    this module, never input)."""

    def __init__(self, registry: Registry) -> None:
        self.sqlite = registry.is_sqlite

    def field(self, name: str, alias: str = "r") -> str:
        if self.sqlite:
            return f"json_extract({alias}.row, '$.{name}')"
        return f"(({alias}.row::jsonb) ->> '{name}')"

    def integer(self, name: str, alias: str = "r") -> str:
        return f"CAST({self.field(name, alias)} AS BIGINT)"

    def live(self, alias: str = "r") -> str:
        """The row is not a tombstone."""
        if self.sqlite:
            return f"COALESCE(json_extract({alias}.row, '$.deleted'), 0) = 0"
        return f"COALESCE((({alias}.row::jsonb) ->> 'deleted'), '0') IN ('0', 'false')"

    def vector_entries(self, column: str) -> str:
        """A JSON object column as rows (key, value)."""
        if self.sqlite:
            return f"json_each({column}) AS e"
        return f"jsonb_each_text(({column})::jsonb) AS e(key, value)"


def _has(files: FileStore | None) -> Callable[[str], bool]:
    return files.has if files is not None else (lambda _sha: False)


def _campus_rows(conn: Connection, campus_code: str | None) -> list[dict[str, Any]]:
    query = select(t.campuses).order_by(t.campuses.c.code)
    if campus_code is not None:
        query = query.where(t.campuses.c.code == campus_code)
    return [dict(r) for r in conn.execute(query).mappings()]


# -- campus figures -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CampusFigures:
    code: str
    name: str
    campus_id: str | None
    learners: int = 0
    enrolments: int = 0
    passes: int = 0
    issued: int = 0
    revoked: int = 0
    files_waiting: int = 0

    @property
    def joined(self) -> bool:
        return self.campus_id is not None


def campus_figures(registry: Registry, files: FileStore | None = None, *,
                   campus_code: str | None = None) -> list[CampusFigures]:  # fmt: skip
    """The figures of every registered campus (or of one), in campus-code order."""
    j = _Json(registry)
    only = "AND r.owner = :owner" if campus_code is not None else ""
    counts_sql = text(f"""
        SELECT r.owner,
               SUM(CASE WHEN r.table_name = 'learners' THEN 1 ELSE 0 END) AS learners,
               SUM(CASE WHEN r.table_name = 'enrolments' THEN 1 ELSE 0 END) AS enrolments,
               SUM(CASE WHEN r.table_name = 'enrolments' AND {j.field('status')} = 'passed'
                        THEN 1 ELSE 0 END) AS passes,
               SUM(CASE WHEN r.table_name = 'issued_credentials' THEN 1 ELSE 0 END) AS issued
        FROM registry_rows r
        WHERE r.table_name IN ('learners', 'enrolments', 'issued_credentials')
          AND {j.live()} {only}
        GROUP BY r.owner""")  # fmt: skip
    revoked_sql = text(f"""
        SELECT latest.owner, COUNT(*) AS revoked
        FROM (SELECT r.owner, {j.field('action')} AS action,
                     ROW_NUMBER() OVER (PARTITION BY {j.field('credential_id')}
                                        ORDER BY {j.field('at')} DESC, r.row_id DESC) AS n
              FROM registry_rows r
              WHERE r.table_name = 'credential_status_events' AND {j.live()} {only}) latest
        WHERE latest.n = 1 AND latest.action = 'revoke'
        GROUP BY latest.owner""")  # fmt: skip
    files_sql = text(f"""
        SELECT r.owner, {j.field('sha256')} AS sha256, MAX({j.integer('size')}) AS size
        FROM registry_rows r
        WHERE r.table_name = 'evidence' AND {j.field('kind')} = 'file'
          AND {j.field('sha256')} IS NOT NULL AND {j.live()} {only}
        GROUP BY r.owner, {j.field('sha256')}""")  # fmt: skip
    with registry.engine.connect() as conn:
        campuses = _campus_rows(conn, campus_code)
        owner = campuses[0]["campus_id"] if campus_code is not None and campuses else None
        params = {"owner": owner} if campus_code is not None else {}
        counts = {row.owner: row for row in conn.execute(counts_sql, params)}
        revoked = dict(conn.execute(revoked_sql, params).all())
        offered: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for row in conn.execute(files_sql, params):
            offered[row.owner].append((row.sha256, int(row.size or 0)))
        requests = select(t.file_requests.c.campus_code, t.file_requests.c.sha256).distinct()
        if campus_code is not None:
            requests = requests.where(t.file_requests.c.campus_code == campus_code)
        requested: dict[str, set[str]] = defaultdict(set)
        for code, sha256 in conn.execute(requests):
            requested[code].add(sha256)
    has = _has(files)
    figures = []
    for campus in campuses:
        campus_id, code = campus["campus_id"], campus["code"]
        row = counts.get(campus_id)
        waiting = set(requested.get(code, ()))
        if campus_id in offered:
            waiting.update(registry.wanted_files(_peer_of(campus), offered[campus_id]))
        figures.append(CampusFigures(
            code=code, name=campus["name"], campus_id=campus_id,
            learners=int(row.learners) if row else 0,
            enrolments=int(row.enrolments) if row else 0,
            passes=int(row.passes) if row else 0, issued=int(row.issued) if row else 0,
            revoked=int(revoked.get(campus_id, 0)),
            files_waiting=sum(1 for sha in waiting if not has(sha)),
        ))  # fmt: skip
    return figures


def _peer_of(campus: dict[str, Any]) -> PeerDevice:
    """The campus as the evidence policy sees a sender (the policy looks only at files)."""
    return PeerDevice(id="", kind="hub", name=campus["name"], campus_id=campus["campus_id"] or "",
                      campus_code=campus["code"], public_key="")  # fmt: skip


def totals(figures: list[CampusFigures]) -> CampusFigures:
    """Every figure summed (the table's last row)."""
    return CampusFigures(
        code="", name="", campus_id=None,
        learners=sum(f.learners for f in figures), enrolments=sum(f.enrolments for f in figures),
        passes=sum(f.passes for f in figures), issued=sum(f.issued for f in figures),
        revoked=sum(f.revoked for f in figures),
        files_waiting=sum(f.files_waiting for f in figures),
    )  # fmt: skip


# -- devices ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceHealth:
    id: str
    name: str
    kind: str
    campus_code: str
    last_seen_at: str | None
    clock_offset_seconds: float | None
    behind: int
    revoked_at: str | None
    revoked_reason: str | None

    def silent_for(self, now: dt.datetime) -> dt.timedelta | None:
        """How long since its last contact (None: never)."""
        if not self.last_seen_at:
            return None
        then = dt.datetime.fromisoformat(self.last_seen_at.replace("Z", "+00:00"))
        return max(dt.timedelta(), now - then)  # a contact "after now": clocks differ a little

    def silent(self, now: dt.datetime) -> bool:
        """Not heard from for longer than :data:`SILENCE_LIMIT` (or never)."""
        quiet = self.silent_for(now)
        return quiet is None or quiet > SILENCE_LIMIT

    @property
    def clock_off(self) -> bool:
        return (self.clock_offset_seconds is not None
                and abs(self.clock_offset_seconds) > CLOCK_DRIFT_LIMIT)  # fmt: skip

    def flags(self, now: dt.datetime) -> list[str]:
        """What needs a person: ``revoked``, else ``silent`` and/or ``clock``."""
        if self.revoked_at:
            return ["revoked"]
        return [name for name, on in (("silent", self.silent(now)), ("clock", self.clock_off))
                if on]  # fmt: skip


def device_health(registry: Registry, *, campus_code: str | None = None) -> list[DeviceHealth]:
    """Every device that joined the registry (or those of one campus), by campus and name."""
    j = _Json(registry)
    only = "WHERE d.campus_code = :code" if campus_code is not None else ""
    sql = text(f"""
        SELECT d.id, d.name, d.kind, d.campus_code, d.last_seen_at, d.clock_offset_seconds,
               d.revoked_at, d.revoked_reason,
               (SELECT COALESCE(SUM(CASE WHEN CAST(e.value AS BIGINT) > COALESCE(v.top, 0)
                                         THEN CAST(e.value AS BIGINT) - COALESCE(v.top, 0)
                                         ELSE 0 END), 0)
                FROM {j.vector_entries('d.reported_vector')}
                LEFT JOIN registry_vector v ON v.device_id = e.key) AS behind
        FROM registry_devices d {only}
        ORDER BY d.campus_code, d.name, d.id""")  # fmt: skip
    with registry.engine.connect() as conn:
        rows = conn.execute(sql, {"code": campus_code} if campus_code is not None else {})
        return [DeviceHealth(r.id, r.name, r.kind, r.campus_code, r.last_seen_at,
                             r.clock_offset_seconds, int(r.behind or 0), r.revoked_at,
                             r.revoked_reason) for r in rows]  # fmt: skip


# -- credentials per month ----------------------------------------------------------------------


@dataclass(frozen=True)
class MonthlyIssued:
    months: list[str]  # "2026-03", oldest first
    counts: dict[str, list[int]]  # campus code → one count per month

    def total(self) -> list[int]:
        return [sum(values[i] for values in self.counts.values())
                for i in range(len(self.months))]  # fmt: skip


def last_months(today: dt.date, months: int = 12) -> list[str]:
    """The ``months`` months up to and including today's, oldest first, as "YYYY-MM"."""
    year, month = today.year, today.month
    out = []
    for _ in range(months):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def monthly_issued(registry: Registry, *, today: dt.date | None = None, months: int = 12,
                   campus_code: str | None = None) -> MonthlyIssued:  # fmt: skip
    """Credentials issued in each of the last ``months`` months, per campus."""
    wanted = last_months(today or dt.datetime.now(dt.UTC).date(), months)
    j = _Json(registry)
    issued_at = j.field("issued_at")
    sql = text(f"""
        SELECT r.owner, substr({issued_at}, 1, 7) AS month, COUNT(*) AS issued
        FROM registry_rows r
        WHERE r.table_name = 'issued_credentials' AND {issued_at} >= :since
        GROUP BY r.owner, substr({issued_at}, 1, 7)""")  # fmt: skip
    with registry.engine.connect() as conn:
        campuses = _campus_rows(conn, campus_code)
        found = conn.execute(sql, {"since": wanted[0]}).all()
    code_of = {c["campus_id"]: c["code"] for c in campuses if c["campus_id"]}
    counts = {c["code"]: [0] * len(wanted) for c in campuses}
    index = {month: i for i, month in enumerate(wanted)}
    for owner, month, issued in found:
        if owner in code_of and month in index:
            counts[code_of[owner]][index[month]] += int(issued)
    return MonthlyIssued(wanted, counts)


# -- QA samples ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileRequest:
    sha256: str
    evidence_id: str
    original_name: str | None
    size: int | None
    received: bool


@dataclass(frozen=True)
class Sample:
    id: str
    campus_code: str
    size: int
    drawn_at: str
    drawn_by: str
    note: str
    files: list[FileRequest] = field(default_factory=list)

    @property
    def received(self) -> int:
        return sum(1 for f in self.files if f.received)

    @property
    def waiting(self) -> int:
        return len(self.files) - self.received


def draw_sample(registry: Registry, campus_code: str, size: int, user_id: str, note: str = "",
                *, files: FileStore | None = None) -> Sample:  # fmt: skip
    """Ask ``campus_code`` for ``size`` of its assessed evidence files, chosen at random among
    those head office lacks and has not asked for yet (fewer if fewer are left)."""
    code = (campus_code or "").strip().upper()
    if not isinstance(size, int) or not 1 <= size <= MAX_SAMPLE:
        raise ReportProblem("A sample is 1 to {maximum} files, not {size}.", maximum=MAX_SAMPLE,
                            size=size)
    note = (note or "").strip()
    if len(note) > 500:
        raise ReportProblem("The note is longer than 500 characters: shorten it.")
    j = _Json(registry)
    sql = text(f"""
        WITH assessed AS (
            SELECT DISTINCT {j.field('enrolment_id', 'a')} AS enrolment_id,
                            {j.integer('attempt', 'a')} AS attempt
            FROM registry_rows a
            WHERE a.table_name = 'assessments' AND a.owner = :owner AND {j.live('a')})
        SELECT {j.field('sha256')} AS sha256, MIN(r.row_id) AS evidence_id
        FROM registry_rows r
        JOIN assessed ON assessed.enrolment_id = {j.field('enrolment_id')}
                     AND assessed.attempt = {j.integer('attempt')}
        WHERE r.table_name = 'evidence' AND r.owner = :owner AND {j.field('kind')} = 'file'
          AND {j.field('sha256')} IS NOT NULL AND {j.live()}
        GROUP BY {j.field('sha256')}""")  # fmt: skip
    has = _has(files)
    with registry.engine.begin() as conn:
        campus = conn.execute(select(t.campuses).where(t.campuses.c.code == code)).mappings()
        found = campus.first()
        if found is None:
            raise ReportProblem("Campus {campus} is not registered.", campus=code or "—")
        if found["campus_id"] is None:
            raise ReportProblem("Campus {campus} has not joined yet: it has sent no evidence.",
                                campus=code)
        asked = set(conn.execute(select(t.file_requests.c.sha256)
                                 .where(t.file_requests.c.campus_code == code)).scalars())
        candidates = [
            (sha256, evidence_id)
            for sha256, evidence_id in conn.execute(sql, {"owner": found["campus_id"]})
            if not has(sha256) and sha256 not in asked
        ]  # fmt: skip
        if not candidates:
            raise ReportProblem(
                "Campus {campus} has no assessed evidence file that head office lacks and has "
                "not asked for already: there is nothing to sample.", campus=code)
        candidates.sort()  # the database's order must not matter: the choice is the random's
        chosen = secrets.SystemRandom().sample(candidates, min(size, len(candidates)))
        now = utc_now()
        sample = {"id": new_id(), "campus_code": code, "size": len(chosen), "drawn_at": now,
                  "drawn_by": user_id, "note": note}  # fmt: skip
        conn.execute(t.samples.insert().values(**sample))
        conn.execute(t.file_requests.insert(), [
            {"sample_id": sample["id"], "sha256": sha256, "campus_code": code,
             "evidence_id": evidence_id, "requested_at": now}
            for sha256, evidence_id in chosen
        ])  # fmt: skip
    return samples(registry, files, sample_id=sample["id"])[0]


def samples(
    registry: Registry,
    files: FileStore | None = None,
    *,
    campus_code: str | None = None,
    sample_id: str | None = None,
) -> list[Sample]:
    """The samples drawn (newest first), each with its files and whether each has arrived."""
    query = select(t.samples).order_by(t.samples.c.drawn_at.desc(), t.samples.c.id.desc())
    if campus_code is not None:
        query = query.where(t.samples.c.campus_code == campus_code)
    if sample_id is not None:
        query = query.where(t.samples.c.id == sample_id)
    j = _Json(registry)
    with registry.engine.connect() as conn:
        drawn = [dict(r) for r in conn.execute(query).mappings()]
        ids = [s["id"] for s in drawn]
        requests: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for r in conn.execute(select(t.file_requests)
                                  .where(t.file_requests.c.sample_id.in_(chunk))
                                  .order_by(t.file_requests.c.sha256)).mappings():  # fmt: skip
                requests[r["sample_id"]].append(dict(r))
        evidence_ids = sorted({r["evidence_id"] for rs in requests.values() for r in rs})
        described: dict[str, tuple[str | None, int | None]] = {}
        for start in range(0, len(evidence_ids), 500):
            chunk = evidence_ids[start : start + 500]
            found = conn.execute(text(
                f"SELECT r.row_id, {j.field('original_name')} AS name, {j.integer('size')} AS size "
                "FROM registry_rows r WHERE r.table_name = 'evidence' AND r.row_id IN "
                f"({', '.join(f':e{i}' for i in range(len(chunk)))})"),
                {f"e{i}": value for i, value in enumerate(chunk)})  # fmt: skip
            described.update({row.row_id: (row.name, row.size) for row in found})
    has = _has(files)
    out = []
    for s in drawn:
        listed = [FileRequest(r["sha256"], r["evidence_id"],
                              *described.get(r["evidence_id"], (None, None)), has(r["sha256"]))
                  for r in requests[s["id"]]]  # fmt: skip
        out.append(Sample(s["id"], s["campus_code"], s["size"], s["drawn_at"], s["drawn_by"],
                          s["note"] or "", listed))  # fmt: skip
    return out
