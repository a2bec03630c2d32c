"""A small national network for the sync tests: head office, a campus hub, lab stations.

Head office's desktop writes the national catalogue; the campus writes its cohorts, learners
and enrolments; a station's student adds evidence. Each is a real database opened through the
services, as the app would write it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from desktop.core.schema import REPLICATED_TABLES
from desktop.core.services import catalogue, cohorts, enrolments, learners, setup, users
from desktop.core.store import Actor, Store
from tests.conftest import ADMIN_PASSWORD, micro_credential_data

PG_SERVER = os.environ.get("SANAD_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
STUDENT_PASSWORD = "student-password-1"


def make_head_office(path: Path) -> Actor:
    with Store.open(path) as store:
        admin = setup.initialise_campus(
            store, code="HO", name_en="Micro-credential Centre, head office",
            admin_username="centre", admin_display_name="Head office admin",
            admin_password=ADMIN_PASSWORD, device_name="Head office",
        )  # fmt: skip
        store.execute("UPDATE settings SET value = 'head_office' WHERE key = 'node_kind'")
        store.execute("UPDATE devices SET kind = 'head_office'")
    return admin


def publish_national(path: Path, admin: Actor, code: str = "DA-101") -> str:
    """Head office adds a track and a national micro-credential and publishes it."""
    with Store.open(path) as store:
        track = store.one("SELECT id FROM tracks WHERE code = 'DA'") or catalogue.create_track(
            store, admin, code="DA", name_en="Data Analytics"
        )
        micro = catalogue.create_micro_credential(
            store, admin, micro_credential_data(track["id"], code), scope="national"
        )
        catalogue.publish_micro_credential(store, admin, micro["id"])
    return micro["id"]


def make_campus(path: Path, code: str = "QAU") -> Actor:
    with Store.open(path) as store:
        return setup.initialise_campus(
            store, code=code, name_en=f"{code} University", admin_username="focal",
            admin_display_name="Sana Mirza", admin_password=ADMIN_PASSWORD,
        )  # fmt: skip


def run_campus_term(path: Path, admin: Actor, micro_credential_id: str, learners_n: int = 5
                    ) -> dict[str, Any]:  # fmt: skip
    """The campus opens a cohort of the national micro-credential, registers learners, enrols
    them and gives the first one a student account."""
    today = dt.date.today()
    with Store.open(path) as store:
        cohort = cohorts.create_cohort(
            store, admin, micro_credential_id=micro_credential_id, assessor_ids=[],
            code=f"C-{secrets.token_hex(2).upper()}",
            starts_on=(today - dt.timedelta(days=3)).isoformat(),
            ends_on=(today + dt.timedelta(days=60)).isoformat(), mode="hybrid",
            capacity=learners_n + 5,
        )  # fmt: skip
        created = learners.register_learners(store, admin, [
            {"registration_no": f"{secrets.token_hex(3).upper()}-{n:04d}",
             "full_name": f"Learner {n}", "gender": "female" if n % 2 else "male",
             "phone": f"0300-12345{n:02d}"}
            for n in range(1, learners_n + 1)
        ]).created  # fmt: skip
        enrolled = [enrolments.enrol(store, admin, cohort["id"], row["id"]) for row in created]
        student = users.create_user(
            store, admin, username=f"student-{secrets.token_hex(2)}",
            display_name=created[0]["full_name"], role="student",
            password=STUDENT_PASSWORD, learner_id=created[0]["id"],
        )  # fmt: skip
    return {"cohort": cohort, "learners": created, "enrolments": enrolled, "student": student}


def rows_of(path: Path, owners: set[str] | None = None) -> dict[tuple[str, str], tuple]:
    """Every replicated row of a database as (table, id) → (version, last_device, content)."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    out: dict[tuple[str, str], tuple] = {}
    try:
        for table in REPLICATED_TABLES:
            for row in conn.execute(f"SELECT * FROM {table}"):
                record = dict(row)
                if owners is None or record["owner"] in owners:
                    out[(table, record["id"])] = (record["version"], record["last_device"],
                                                  json.dumps(record, sort_keys=True))
    finally:
        conn.close()
    return out


def registry_rows(registry: Any, owners: set[str] | None = None) -> dict[tuple[str, str], tuple]:
    out = {}
    for table in REPLICATED_TABLES:
        for row_id, row in registry.rows(table).items():
            if owners is None or row["owner"] in owners:
                out[(table, row_id)] = (row["version"], row["last_device"],
                                        json.dumps(row, sort_keys=True))
    return out


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test; dropped afterwards. In CI a missing
    server fails the test (it must run there); elsewhere it is skipped."""
    import psycopg

    name = f"sanad_test_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(f"{PG_SERVER}/test", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL is not running at {PG_SERVER}: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with psycopg.connect(f"{PG_SERVER}/test", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
