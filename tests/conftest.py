"""Shared set-up: Qt renders offscreen, and a ready campus database can be had cheaply."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings of "this computer" go to a folder of the test run, never the tester's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sanad-test-config-")

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.services import catalogue, cohorts, learners, setup, users
from desktop.core.store import SYSTEM, Actor, Store

ADMIN_PASSWORD = "a-long-password"
ASSESSOR_PASSWORD = "marking-is-fun"

RUBRIC = {
    "levels": [
        {"label_en": "Beginning", "points": 0},
        {"label_en": "Developing", "points": 1},
        {"label_en": "Proficient", "points": 2},
        {"label_en": "Exemplary", "points": 3},
    ],
    "criteria": [
        {
            "title_en": "Data preparation",
            "descriptors_en": ["Missing", "Partial", "Correct", "Correct and explained"],
        },
        {
            "title_en": "Analysis",
            "descriptors_en": ["Missing", "Partial", "Correct", "Correct and explained"],
        },
    ],
    "pass_rule": {"min_points_each": 1, "min_total": 4},
}


def micro_credential_data(track_id: str, code: str = "DA-101") -> dict:
    """A complete, valid micro-credential as the catalogue editor would submit it."""
    return {
        "code": code,
        "title_en": "Data Analytics Fundamentals",
        "title_ur": "ڈیٹا اینالیٹکس کی بنیادیں",
        "description_en": "Clean, summarise and visualise a real data set.",
        "track_id": track_id,
        "level": 5,
        "notional_hours": 60,
        "credit_value": 2,
        "competencies": [{"text_en": "Clean a data set", "text_ur": "ڈیٹا صاف کرنا"}],
        "evidence_requirements": [
            {"title_en": "Cleaned data set", "kinds": ["file"]},
            {"title_en": "Reflection", "kinds": ["reflection", "link"]},
        ],
        "rubric": RUBRIC,
        "validity_months": 36,
    }


@dataclass
class Campus:
    """A campus database opened for one test, and the people and records in it."""

    path: Path
    store: Store
    admin: Actor
    assessor: Actor
    track_id: str
    micro_credential_id: str
    cohort_id: str
    learner_ids: list[str]

    @property
    def requirement_ids(self) -> list[str]:
        import json

        record = self.store.get("micro_credentials", self.micro_credential_id)
        return [r["id"] for r in json.loads(record["evidence_requirements"])]

    @property
    def criterion_ids(self) -> list[str]:
        import json

        record = self.store.get("micro_credentials", self.micro_credential_id)
        return [c["id"] for c in json.loads(record["rubric"])["criteria"]]


def _build_template(path: Path) -> dict:
    store = Store.open(path)
    admin = setup.initialise_campus(
        store,
        code="QAU",
        name_en="Quaid-i-Azam University",
        name_ur="قائداعظم یونیورسٹی",
        admin_username="focal",
        admin_display_name="Sana Mirza",
        admin_password=ADMIN_PASSWORD,
    )
    assessor_row = users.create_user(
        store,
        admin,
        username="dr.farhan",
        display_name="Dr Farhan Qureshi",
        role="assessor",
        password=ASSESSOR_PASSWORD,
    )
    track = catalogue.create_track(store, SYSTEM, code="DA", name_en="Data Analytics")
    micro = catalogue.create_micro_credential(
        store, admin, micro_credential_data(track["id"]), scope="campus"
    )
    catalogue.publish_micro_credential(store, admin, micro["id"])
    today = dt.date.today()
    cohort = cohorts.create_cohort(
        store,
        admin,
        micro_credential_id=micro["id"],
        assessor_ids=[assessor_row["id"]],
        code="DA-101-A",
        starts_on=(today - dt.timedelta(days=7)).isoformat(),
        ends_on=(today + dt.timedelta(days=60)).isoformat(),
        mode="hybrid",
        capacity=3,
    )
    created = learners.register_learners(
        store,
        admin,
        [
            {
                "registration_no": f"QAU-2026-{n:04d}",
                "full_name": name,
                "cnic": cnic,
                "gender": gender,
                "phone": f"0300-12345{n:02d}",
            }
            for n, (name, cnic, gender) in enumerate(
                [
                    ("Ayesha Khan", "35202-1234567-2", "female"),
                    ("Bilal Ahmed", "61101-7654321-1", "male"),
                    ("Hira Baloch", "54400-1112223-4", "female"),
                    ("Usman Tareen", "17301-9998887-3", "male"),
                    ("Zainab Rizvi", "42101-5556667-8", "female"),
                ],
                1,
            )
        ],
    ).created
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return {
        "admin": admin,
        "assessor": Actor(
            assessor_row["id"], "Dr Farhan Qureshi", "assessor", admin.campus_id, "dr.farhan"
        ),
        "track_id": track["id"],
        "micro_credential_id": micro["id"],
        "cohort_id": cohort["id"],
        "learner_ids": [row["id"] for row in created],
    }


@pytest.fixture(scope="session", autouse=True)
def english_interface(request):
    """Widgets are tested as an English-speaking user sees them (plural forms included)."""
    if "qapp" not in request.fixturenames and not _qt_available():
        yield
        return
    app = request.getfixturevalue("qapp")
    from desktop.ui.i18n import apply_language

    apply_language(app, "en")
    yield


def _qt_available() -> bool:
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="session")
def campus_template(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("template") / "template.db"
    return path, _build_template(path)


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's backup API."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


@pytest.fixture
def campus(campus_template, tmp_path) -> Campus:
    """A campus with an admin, an assessor, a published micro-credential (two evidence
    requirements, a two-criterion rubric), an open cohort of three seats and five learners."""
    template, ids = campus_template
    path = copy_database(template, tmp_path / "campus.db")
    store = Store.open(path)
    yield Campus(path=path, store=store, **ids)
    store.close()


def database_bytes(store: Store) -> dict[str, bytes | None]:
    """The bytes of the database file and its write-ahead log (the shared-memory index is not
    data), to prove that a refused change wrote nothing."""
    files = [store.path, Path(f"{store.path}-wal")]
    return {f.name: (f.read_bytes() if f.exists() else None) for f in files}
