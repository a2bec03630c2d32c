"""A believable demo campus, for trying Sanad out and for benchmarks.

``create_demo(path, learners=400)`` builds Quaid-i-Azam University's micro-credential centre: the
national catalogue (written as head office's device, as sync would bring it), campus accounts,
learners registered through the same import service a focal person uses, and two years of cohorts
with enrolments in every state, evidence files and assessments. The same seed gives the same
people and records (identifiers and write times differ).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.blobs import BlobStore
from desktop.core.demo.catalogue import CREDENTIALS, PATHWAYS, TRACKS, rubric_for
from desktop.core.demo.credentials import issue_demo_credentials
from desktop.core.demo.history import HistoryWriter
from desktop.core.demo.people import LearnerFactory
from desktop.core.files import replace_durably
from desktop.core.ids import new_id, utc_today
from desktop.core.paths import evidence_dir
from desktop.core.services import catalogue, pathways, setup, users
from desktop.core.services import learners as learner_service
from desktop.core.store import SYSTEM, Actor, Store

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORDS", "create_demo"]

CAMPUS = {
    "code": "QAU",
    "name_en": "Quaid-i-Azam University",
    "name_ur": "قائداعظم یونیورسٹی",
    "region": "Islamabad Capital Territory",
    "city": "Islamabad",
}
# Printed on the sign-in screen of a demo campus; never used for a real one.
DEMO_PASSWORDS = {"admin": "sanad-demo-admin", "assessor": "sanad-demo-assessor",
                  "student": "sanad-demo-student"}  # fmt: skip
DEMO_ACCOUNTS = (
    ("focal", "Sana Mirza", "admin"),
    ("dr.farhan", "Dr Farhan Qureshi", "assessor"),
    ("dr.nadia", "Dr Nadia Hashmi", "assessor"),
    ("kashif.awan", "Kashif Awan", "assessor"),
    ("rubina.baloch", "Rubina Baloch", "assessor"),
    ("dr.imtiaz", "Dr Imtiaz Khattak", "assessor"),
    ("saima.rizvi", "Saima Rizvi", "assessor"),
)
# DA-101's first edition was replaced by a second one this many days ago.
DA101_SECOND_EDITION_DAYS_AGO = 200
LEARNER_CHUNK = 5000
STUDENT_ACCOUNTS = 3

Progress = Callable[[str, int, int], None]


def create_demo(
    path: str | Path,
    *,
    learners: int = 400,
    seed: int = 2026,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Create the demo campus in a new database at ``path``; return what it holds.

    ``progress(stage, done, total)`` is called as the work goes on.
    """
    path = Path(path)
    if learners < 1:
        raise ValueError("a demo campus needs at least one learner")
    if path.exists():
        raise FileExistsError(f"{path} already exists; the demo campus needs a new file")
    # Built in a temporary file and renamed into place when complete, so a half-built demo
    # never appears under the real name; that is also why the build may skip the journal's
    # fsyncs (the finished file is synced once, before the rename).
    partial = path.with_name(f".{path.name}.partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    try:
        summary = _build(partial, evidence_dir(path), learners, seed, today, progress)
        replace_durably(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return summary


def _build(
    path: Path,
    evidence: Path,
    learners: int,
    seed: int,
    today: dt.date | None,
    progress: Progress | None,
) -> dict[str, int]:
    rng = random.Random(seed)
    today = today or utc_today()
    report = progress or (lambda stage, done, total: None)
    with Store.open(path) as store:
        store.conn.execute("PRAGMA journal_mode = MEMORY")
        store.conn.execute("PRAGMA synchronous = OFF")
        # A large campus's randomly keyed indexes (cohort, file hash) outgrow the default cache.
        store.conn.execute("PRAGMA cache_size = -262144")
        admin = setup.initialise_campus(
            store,
            **CAMPUS,
            admin_username=DEMO_ACCOUNTS[0][0],
            admin_display_name=DEMO_ACCOUNTS[0][1],
            admin_password=DEMO_PASSWORDS["admin"],
        )
        with store.transaction(SYSTEM) as tx:
            tx.set_setting("demo", "1")
            tx.set_setting("demo_seed", str(seed))
        report("catalogue", 0, 1)
        editions = _national_catalogue(store, today)
        editions.append(_campus_credential(store, admin))
        report("catalogue", 1, 1)
        assessor_ids = [
            users.create_user(
                store,
                admin,
                username=username,
                display_name=name,
                role=role,
                password=DEMO_PASSWORDS[role],
            )["id"]
            for username, name, role in DEMO_ACCOUNTS[1:]
        ]

        factory = LearnerFactory(rng, CAMPUS["code"], today)
        registered: list[dict[str, Any]] = []
        for start in range(0, learners, LEARNER_CHUNK):
            rows = [factory.make() for _ in range(min(LEARNER_CHUNK, learners - start))]
            result = _import_learners(store, admin, rows)
            registered.extend(result)
            report("learners", len(registered), learners)

        blobs = BlobStore(evidence)
        writer = HistoryWriter(
            store, admin, blobs, rng, today, max_files=min(4000, max(200, learners * 3))
        )
        plans = writer.create_cohorts(learners * 5, editions, assessor_ids)
        done = 0
        for start in range(0, len(registered), LEARNER_CHUNK):
            chunk = registered[start : start + LEARNER_CHUNK]
            writer.enrol(chunk, plans)
            done += len(chunk)
            report("enrolments", done, len(registered))
        writer.finish()
        os.sync()  # evidence files were written without an fsync each; make them durable once

        for learner in _students_for_accounts(store, registered):
            users.create_user(
                store,
                admin,
                username=learner["registration_no"].lower(),
                display_name=learner["full_name"],
                role="student",
                password=DEMO_PASSWORDS["student"],
                learner_id=learner["id"],
            )
        report("credentials", 0, 1)
        issued = issue_demo_credentials(store, admin, rng, today,
                                        limit=min(300, max(20, learners // 2)))  # fmt: skip
        report("credentials", 1, 1)
        summary = {
            "learners": len(registered),
            "micro-credentials": store.scalar("SELECT COUNT(*) FROM micro_credentials") or 0,
            "cohorts": len(plans),
            **writer.counts,
            **issued,
        }
        store.conn.execute("PRAGMA journal_mode = WAL")
    return summary


def _import_learners(store: Store, admin: Actor, rows: list[dict[str, Any]]) -> list[dict]:
    """Register generated learners through the import service; none may be refused."""
    result = learner_service.register_learners(store, admin, rows, source="demo")
    if result.problems:
        index, problems = next(iter(result.problems.items()))
        raise RuntimeError(f"demo learner {rows[index]} was refused: {problems[0]}")
    return result.created


def _national_catalogue(
    store: Store, today: dt.date
) -> list[tuple[dict[str, Any], str, dt.date | None]]:
    """Tracks, micro-credentials and pathways, written as head office's own device."""
    head_office = new_id()
    with store.transaction(SYSTEM, device_id=head_office) as tx:
        tx.insert(
            "devices",
            {"id": head_office, "name": "Head office registry", "kind": "head_office"},
            owner="national",
        )
        tx.audit("device.register", "devices", head_office, {"kind": "head_office"})
    editions: list[tuple[dict[str, Any], str, dt.date | None]] = []
    with store.acting_as_device(head_office):
        track_ids = {
            code: catalogue.create_track(store, SYSTEM, code=code, name_en=en, name_ur=ur)["id"]
            for code, en, ur in TRACKS
        }
        for item in CREDENTIALS:
            record = catalogue.create_micro_credential(
                store, SYSTEM, _credential_data(item, track_ids[item.track]), scope="national"
            )
            if item.status != "published":
                continue
            record = catalogue.publish_micro_credential(store, SYSTEM, record["id"])
            if item.code == "DA-101":
                # A second edition, with one more competency, replaced the first.
                replaced_on = today - dt.timedelta(days=DA101_SECOND_EDITION_DAYS_AGO)
                draft = catalogue.new_edition(store, SYSTEM, record["id"])
                competencies = [
                    *json.loads(draft["competencies"]),
                    {
                        "text_en": "State the limits of the data honestly",
                        "text_ur": "ڈیٹا کی حدود دیانت داری سے بیان کرنا",
                    },
                ]
                catalogue.update_micro_credential(
                    store, SYSTEM, draft["id"], {"competencies": competencies}
                )
                second = catalogue.publish_micro_credential(store, SYSTEM, draft["id"])
                editions.append((store.get("micro_credentials", record["id"]), item.artefact,
                                 replaced_on))  # fmt: skip
                editions.append((second, item.artefact, None))
            else:
                editions.append((record, item.artefact, None))
        for code, en, ur, rule, members, count, credit in PATHWAYS:
            pathway = pathways.create_pathway(
                store,
                SYSTEM,
                code=code,
                title_en=en,
                title_ur=ur,
                rule=rule,
                members=list(members),
                required_count=count,
                credit_awarded=credit,
                scope="national",
            )
            pathways.publish_pathway(store, SYSTEM, pathway["id"])
    return editions


def _campus_credential(store: Store, admin: Actor) -> tuple[dict[str, Any], str, dt.date | None]:
    """One campus-local micro-credential, made by the focal person."""
    track = store.one("SELECT id FROM tracks WHERE code = 'MS'")
    data = {
        "code": "QAU-UR-101",
        "title_en": "Academic Writing in Urdu",
        "title_ur": "اردو میں علمی تحریر",
        "description_en": "Write a short research summary in clear, correct Urdu for a general "
        "reader.",
        "description_ur": "عام قاری کے لیے صاف اور درست اردو میں مختصر تحقیقی خلاصہ لکھیں۔",
        "track_id": track["id"],
        "level": 5,
        "notional_hours": 30,
        "credit_value": 1.0,
        "competencies": [
            {"text_en": "Write a clear research summary", "text_ur": "واضح تحقیقی خلاصہ لکھنا"}
        ],
        "evidence_requirements": [
            {"title_en": "Research summary", "title_ur": "تحقیقی خلاصہ", "kinds": ["file"]},
            {"title_en": "Reflection", "title_ur": "غور و فکر", "kinds": ["reflection"]},
        ],
        "rubric": {
            "levels": [
                {"label_en": "Not yet", "label_ur": "ابھی نہیں", "points": 0},
                {"label_en": "Competent", "label_ur": "اہل", "points": 1},
                {"label_en": "Excellent", "label_ur": "بہترین", "points": 2},
            ],
            "criteria": [
                {
                    "title_en": "Clarity",
                    "title_ur": "وضاحت",
                    "descriptors_en": ["Hard to follow", "Clear", "Clear and elegant"],
                    "descriptors_ur": ["سمجھنا مشکل", "واضح", "واضح اور شستہ"],
                },
                {
                    "title_en": "Correct Urdu",
                    "title_ur": "درست اردو",
                    "descriptors_en": ["Many errors", "Few errors", "No errors"],
                    "descriptors_ur": ["بہت سی غلطیاں", "چند غلطیاں", "کوئی غلطی نہیں"],
                },
            ],
            "pass_rule": {"min_points_each": 1, "min_total": None},
        },
        "validity_months": None,
    }
    record = catalogue.create_micro_credential(store, admin, data, scope="campus")
    return catalogue.publish_micro_credential(store, admin, record["id"]), "txt", None


def _credential_data(item: Any, track_id: str) -> dict[str, Any]:
    return {
        "code": item.code,
        "title_en": item.title_en,
        "title_ur": item.title_ur,
        "description_en": item.description_en,
        "description_ur": item.description_ur,
        "track_id": track_id,
        "level": item.level,
        "notional_hours": item.notional_hours,
        "credit_value": item.credit_value,
        "competencies": [{"text_en": en, "text_ur": ur} for en, ur in item.competencies],
        "evidence_requirements": [
            {"title_en": en, "title_ur": ur, "kinds": list(kinds)}
            for en, ur, kinds in item.evidence
        ],
        "rubric": rubric_for(item),
        "validity_months": item.validity_months,
    }


def _students_for_accounts(store: Store, registered: list[dict[str, Any]]) -> list[dict]:
    """The first few learners with an enrolment still open for evidence get a student account,
    so student mode has someone to sign in as."""
    chosen = []
    for learner in registered:
        if store.one(
            "SELECT 1 FROM enrolments WHERE learner_id = ? AND status IN "
            "('enrolled', 'in_progress', 'resubmit')",
            (learner["id"],),
        ):
            chosen.append(learner)
        if len(chosen) == STUDENT_ACCOUNTS:
            break
    return chosen
