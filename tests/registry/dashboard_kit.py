"""Head office and campuses for the dashboard's tests, written through the real services and
brought to the registry by real syncs (in-process: the real Starlette app over Starlette's
test transport).

Head office's desktop publishes the national micro-credential; each campus
(:func:`build_campus`) joins, pulls it and runs one term: learners registered and enrolled, evidence
files and links handed in, markings (pass, resubmit, fail), one learner withdrawn, the passed
ones' credentials issued with a certified campus key, and some of those revoked, or suspended
and reinstated. :func:`expected_figures` counts the same things straight from the campus's own
SQLite database, apart from the code under test.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from desktop.core.blobs import BlobStore
from desktop.core.paths import evidence_dir
from desktop.core.services import (
    assessments,
    cohorts,
    credentials,
    enrolments,
    evidence,
    issuing,
    learners,
    setup,
)
from desktop.core.store import Actor, Store
from sync.client import join, links, sync_once
from sync.file_store import LocalFileStore
from sync.registry.accounts import Accounts
from sync.registry.dashboard import dashboard_routes
from sync.registry.pages import SecurityHeaders
from sync.registry.store import Registry
from sync.registry.web import static_routes
from sync.server import make_app
from sync.uploads import upload_routes
from tests.conftest import ADMIN_PASSWORD
from tests.credential_kit import certify_campus
from tests.sync.network import make_head_office, postgres_database, publish_national

PASSWORD = "head-office-password"


class Clock:
    """The dashboard's clock, moved by hand (starts at the real time: devices' last contact
    is written with it)."""

    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass(frozen=True)
class Plan:
    """One term at a campus: how many enrolments end each way."""

    code: str
    name: str
    learners: int = 9
    passes: int = 3
    resubmits: int = 1
    fails: int = 1
    submitted: int = 1  # handed in, not marked yet
    withdrawn: int = 1
    revoke: int = 1  # of the passes' credentials
    suspend_reinstate: int = 1  # suspended, then reinstated (not revoked)
    suspend: int = 0  # suspended and left so
    spread_months: int = 0  # credentials issued over this many past months too (not all now)


@dataclass
class Campus:
    path: Path
    code: str
    admin: Actor
    credential_ids: list[str] = field(default_factory=list)


def build_campus(path: Path, plan: Plan, office: HeadOffice, micro_credential_id: str
                 ) -> Campus:  # fmt: skip
    """A campus database joined to ``office``, with one term's records of the national
    micro-credential (pulled from head office first), as :class:`Plan` says."""
    with Store.open(path) as store:
        admin = setup.initialise_campus(
            store, code=plan.code, name_en=plan.name, admin_username="focal",
            admin_display_name="Focal person", admin_password=ADMIN_PASSWORD,
        )  # fmt: skip
    office.join(path, plan.code, plan.name)
    office.sync(path)  # the national catalogue comes down
    with Store.open(path) as store:
        today = dt.date.today()
        cohort = cohorts.create_cohort(
            store, admin, micro_credential_id=micro_credential_id, assessor_ids=[],
            code=f"{plan.code}-DA-1", starts_on=(today - dt.timedelta(days=30)).isoformat(),
            ends_on=(today + dt.timedelta(days=60)).isoformat(), mode="hybrid",
            capacity=plan.learners + 5,
        )  # fmt: skip
        people = learners.register_learners(store, admin, [
            {"registration_no": f"{plan.code}-2026-{n:04d}", "full_name": f"Learner {n}",
             "gender": "female" if n % 2 else "male"}
            for n in range(plan.learners)
        ]).created  # fmt: skip
        record = store.get("micro_credentials", micro_credential_id)
        file_req, link_req = (r["id"] for r in json.loads(record["evidence_requirements"]))
        criteria = [c["id"] for c in json.loads(record["rubric"])["criteria"]]
        blobs = BlobStore(evidence_dir(path))
        outcomes = (["pass"] * plan.passes + ["resubmit"] * plan.resubmits
                    + ["fail"] * plan.fails + ["submitted"] * plan.submitted
                    + ["withdrawn"] * plan.withdrawn)  # fmt: skip
        passed = []
        for n, person in enumerate(people):
            enrolment_id = enrolments.enrol(store, admin, cohort["id"], person["id"])["id"]
            outcome = outcomes[n] if n < len(outcomes) else "enrolled"
            if outcome == "withdrawn":
                enrolments.change_status(store, admin, enrolment_id, "withdrawn",
                                         reason="moved to another city")  # fmt: skip
            if outcome in ("enrolled", "withdrawn"):
                continue
            work = path.parent / f"{plan.code}-work-{n}.csv"
            work.write_text(f"campus,learner,value\n{plan.code},{n},{n * 7}\n" + "x" * (n * 40))
            evidence.add_file(store, admin, blobs, enrolment_id, file_req, work)
            evidence.add_link(store, admin, enrolment_id, link_req, "https://example.org/da")
            evidence.submit_attempt(store, admin, enrolment_id)
            if outcome == "submitted":
                continue
            score = 2 if outcome == "pass" else 0
            assessments.record_assessment(store, admin, enrolment_id,
                                          scores=dict.fromkeys(criteria, score),
                                          decision=outcome, feedback="Marked.")  # fmt: skip
            if outcome == "pass":
                passed.append(enrolment_id)
        campus = Campus(path, plan.code, admin)
        if passed:
            keys = certify_campus(store, valid_from=dt.datetime.now(dt.UTC)
                                  - dt.timedelta(days=31 * (plan.spread_months + 1)))
            for n, enrolment_id in enumerate(passed):
                months_ago = n % (plan.spread_months + 1)
                issued_at = (dt.datetime.now(dt.UTC) - dt.timedelta(days=30.5 * months_ago)
                             if months_ago else None)  # fmt: skip
                row = issuing.issue_for_enrolment(store, admin, enrolment_id, keys.issuer,
                                                  issued_at=issued_at)  # fmt: skip
                campus.credential_ids.append(row["id"])
            ids = iter(campus.credential_ids)
            for _ in range(plan.revoke):
                credentials.revoke_credential(store, admin, next(ids), "issued in error")
            for _ in range(plan.suspend_reinstate):
                chosen = next(ids)
                credentials.suspend_credential(store, admin, chosen, "under review")
                credentials.reinstate_credential(store, admin, chosen, "review cleared")
            for _ in range(plan.suspend):
                credentials.suspend_credential(store, admin, next(ids), "under review")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return campus


def expected_figures(path: Path) -> dict[str, Any]:
    """The campus's figures counted from its own database (not by the code under test)."""
    conn = sqlite3.connect(path)
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        latest: dict[str, tuple[str, str, str]] = {}
        for row_id, credential_id, action, at in conn.execute(
            "SELECT id, credential_id, action, at FROM credential_status_events"
        ):
            if credential_id not in latest or (at, row_id) > latest[credential_id][:2]:
                latest[credential_id] = (at, row_id, action)
        files = {sha: size for sha, size in conn.execute(
            "SELECT sha256, size FROM evidence WHERE kind = 'file' AND deleted = 0")}  # fmt: skip
        assessed = {sha for (sha,) in conn.execute(
            "SELECT DISTINCT e.sha256 FROM evidence e JOIN assessments a "
            "ON a.enrolment_id = e.enrolment_id AND a.attempt = e.attempt "
            "WHERE e.kind = 'file' AND e.deleted = 0")}  # fmt: skip
        return {
            "learners": one("SELECT count(*) FROM learners WHERE deleted = 0"),
            "enrolments": one("SELECT count(*) FROM enrolments WHERE deleted = 0"),
            "passes": one("SELECT count(*) FROM enrolments WHERE status = 'passed'"),
            "issued": one("SELECT count(*) FROM issued_credentials"),
            "revoked": sum(1 for *_k, action in latest.values() if action == "revoke"),
            "files": files,
            "assessed_files": assessed,
            "campus_id": one("SELECT value FROM settings WHERE key = 'campus_id'"),
        }
    finally:
        conn.close()


class HeadOffice:
    """The registry with its evidence file store and dashboard, served in-process."""

    def __init__(self, url: str, folder: Path) -> None:
        self.files = LocalFileStore(folder / "registry-files")
        self.registry = Registry.open(url, has_file=self.files.has)
        self.clock = Clock()
        self.accounts = Accounts(self.registry, clock=self.clock)
        self.app = make_app(
            self.registry,
            upload_routes=lambda auth: upload_routes(self.files, authenticate=auth,
                                                     max_size=1 << 26,
                                                     expiry=dt.timedelta(days=1)),
            extra_routes=[
                *dashboard_routes(self.registry, self.files, accounts=self.accounts),
                *static_routes(),
            ],
            wrap=SecurityHeaders,
        )  # fmt: skip
        self.transport = TestClient(self.app)._transport

    def close(self) -> None:
        self.registry.close()

    def join(self, path: Path, code: str, name: str) -> None:
        self.registry.add_campus(code, name)
        with Store.open(path) as store:
            join(store, "http://registry", self.registry.create_code(code)[0],
                 transport=self.transport)  # fmt: skip

    def sync(self, path: Path) -> Any:
        with Store.open(path) as store:
            return sync_once(store, links(store)[0], transport=self.transport, retry_delays=())

    def browser(self, scheme: str = "http") -> TestClient:
        """A person's browser on the dashboard (cookies kept between requests)."""
        return TestClient(self.app, base_url=f"{scheme}://registry.test")

    def add_user(self, username: str = "sana", name: str = "Sana Mirza") -> Any:
        return self.accounts.add_user(username, name, PASSWORD)


# Two campuses of different shapes: QAU (marks every way, one credential revoked, one
# suspended and reinstated) and KIU (one credential left suspended, none revoked).
PLANS = {
    "QAU": Plan("QAU", "Quaid-i-Azam University"),
    "KIU": Plan("KIU", "Karakoram International University", learners=6, passes=2,
                resubmits=0, fails=1, submitted=1, withdrawn=0, revoke=0, suspend_reinstate=0,
                suspend=1),
}  # fmt: skip
@contextmanager
def head_office_on(database: str, folder: Path) -> Iterator[HeadOffice]:
    """A head office whose registry is on ``sqlite`` or ``postgresql`` (a new database)."""
    if database == "sqlite":
        office = HeadOffice(f"sqlite:///{folder / 'registry.db'}", folder)
        try:
            yield office
        finally:
            office.close()
        return
    with postgres_database() as url:
        office = HeadOffice(url, folder)
        try:
            yield office
        finally:
            office.close()


@dataclass
class Network:
    """Head office's desktop and both campuses, joined to one registry and synced."""

    office: HeadOffice
    head_office: Path
    campuses: dict[str, Path]
    micro_credential_id: str


def build_network(office: HeadOffice, folder: Path,
                  plans: dict[str, Plan] | None = None) -> Network:  # fmt: skip
    """Head office's desktop publishes the national micro-credential; each campus of
    :data:`PLANS` joins, gets it, runs its term and syncs it up (evidence files too)."""
    head_office = folder / "head-office.db"
    ho_admin = make_head_office(head_office)
    office.registry.add_campus("HO", "Head office")
    with Store.open(head_office) as store:
        join(store, "http://registry",
             office.registry.create_code("HO", kind="head_office")[0],
             transport=office.transport)  # fmt: skip
    micro_credential_id = publish_national(head_office, ho_admin)
    office.sync(head_office)
    campuses = {}
    for code, plan in (plans or PLANS).items():
        path = folder / f"{code.lower()}.db"
        build_campus(path, plan, office, micro_credential_id)
        office.sync(path)
        campuses[code] = path
    return Network(office, head_office, campuses, micro_credential_id)
