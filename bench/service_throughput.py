"""Throughput of the learner and enrolment services on a fresh campus.

Measures, as medians over several runs (each on a new campus in a new database file):

- enrolments/s through ``enrol`` (one learner a call, so one transaction each) and through
  ``enrol_many`` (a cohort of 40 a call);
- learners/s through ``register_learner`` (one a call) and ``register_learners`` (1000 a call);
- the same loops with ``PRAGMA synchronous = OFF``, to show what the commits' fsyncs cost (the
  store itself always uses ``synchronous = FULL``);
- ``validate_learner`` alone over the same learner rows, to show how much of registering it is;
- a raw SQLite baseline in the same run: the rows each service created, inserted with
  ``executemany`` into a plain table (no indexes but the primary key, no triggers) in a fresh
  file with WAL and ``synchronous = FULL`` — once as one transaction, and once in transactions
  of the same size as the service's calls. The ratios "service ÷ raw" are printed.

Setting up each campus (campus, admin, track, published micro-credential, cohorts, the learners to
enrol) is not timed.

    .venv/bin/python bench/service_throughput.py [--runs 7] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import load_average, median, print_machine, print_table

from desktop.core.demo.people import LearnerFactory
from desktop.core.ids import utc_today
from desktop.core.schema import REPLICATED_TABLES
from desktop.core.services import catalogue, cohorts, enrolments, learners, setup
from desktop.core.store import SYSTEM, Actor, Store

SEATS = 40
SEED = 2026
CAMPUS = {
    "code": "BENCH",
    "name_en": "Benchmark Campus",
    "admin_username": "focal",
    "admin_display_name": "Focal Person",
    "admin_password": "benchmark-admin-password",
}
CREDENTIAL = {
    "code": "BN-101",
    "title_en": "Benchmarking Basics",
    "description_en": "Measure a program's speed honestly and report the medians.",
    "level": 5,
    "notional_hours": 30,
    "credit_value": 1.0,
    "competencies": [{"text_en": "Measure before changing anything"}],
    "evidence_requirements": [
        {"title_en": "Measurement report", "kinds": ["file"]},
        {"title_en": "Reflection", "kinds": ["reflection"]},
    ],
    "rubric": {
        "levels": [
            {"label_en": "Not yet", "points": 0},
            {"label_en": "Competent", "points": 1},
            {"label_en": "Excellent", "points": 2},
        ],
        "criteria": [
            {
                "title_en": "Method",
                "descriptors_en": ["Guessed", "Measured", "Measured and repeated"],
            },
            {
                "title_en": "Report",
                "descriptors_en": ["Unclear", "Clear", "Clear and reproducible"],
            },
        ],
        "pass_rule": {"min_points_each": 1, "min_total": None},
    },
    "validity_months": None,
}


# -- a fresh campus ----------------------------------------------------------------------------


@dataclass
class Campus:
    store: Store
    admin: Actor
    credential_id: str
    factory: LearnerFactory
    cohorts: int = 0


def open_campus(path: Path, *, fsync: bool = True) -> Campus:
    """A new campus with one published micro-credential; ``fsync=False`` sets synchronous=OFF."""
    store = Store.open(path)
    if not fsync:
        store.conn.execute("PRAGMA synchronous = OFF")
    admin = setup.initialise_campus(store, **CAMPUS)
    track = catalogue.create_track(store, SYSTEM, code="BN", name_en="Benchmarks")
    draft = catalogue.create_micro_credential(
        store, admin, {**CREDENTIAL, "track_id": track["id"]}, scope="campus"
    )
    published = catalogue.publish_micro_credential(store, admin, draft["id"])
    factory = LearnerFactory(random.Random(SEED), CAMPUS["code"], utc_today())
    return Campus(store, admin, published["id"], factory)


def add_learners(campus: Campus, count: int) -> list[str]:
    ids: list[str] = []
    for start in range(0, count, 5000):
        rows = [campus.factory.make() for _ in range(min(5000, count - start))]
        result = learners.register_learners(campus.store, campus.admin, rows)
        if result.problems:
            raise RuntimeError(f"generated learners were refused: {result.problems}")
        ids.extend(row["id"] for row in result.created)
    return ids


def add_cohorts(campus: Campus, count: int) -> list[str]:
    today = utc_today()
    ids = []
    for _ in range(count):
        campus.cohorts += 1
        cohort = cohorts.create_cohort(
            campus.store,
            campus.admin,
            micro_credential_id=campus.credential_id,
            code=f"BN-101-{campus.cohorts:05d}",
            mode="in_person",
            capacity=SEATS,
            starts_on=today.isoformat(),
            ends_on=(today + dt.timedelta(days=90)).isoformat(),
        )
        ids.append(cohort["id"])
    return ids


def rows_in_store(store: Store) -> int:
    """Rows in every replicated table, the change log and the audit log."""
    tables = [*REPLICATED_TABLES, "change_log", "audit_log"]
    return sum(store.scalar(f"SELECT COUNT(*) FROM {table}") or 0 for table in tables)


# -- one timed run -----------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    rows_written: int
    created: list[dict[str, Any]] = field(repr=False)


def timed(campus: Campus, work: Callable[[], list[dict[str, Any]]]) -> Run:
    before = rows_in_store(campus.store)
    cpu = time.process_time()
    start = time.perf_counter()
    created = work()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu
    return Run(seconds, cpu_seconds, rows_in_store(campus.store) - before, created)


def run_enrol(path: Path, count: int, batch: int | None, *, fsync: bool = True) -> Run:
    """Enrol ``count`` learners into cohorts of 40: one call each, or ``batch`` a call."""
    campus = open_campus(path, fsync=fsync)
    try:
        learner_ids = add_learners(campus, count)
        cohort_ids = add_cohorts(campus, math.ceil(count / SEATS))
        store, admin = campus.store, campus.admin

        def one_a_call() -> list[dict[str, Any]]:
            return [
                enrolments.enrol(store, admin, cohort_ids[i // SEATS], learner_id)
                for i, learner_id in enumerate(learner_ids)
            ]

        def batched() -> list[dict[str, Any]]:
            size = batch or SEATS
            created = []
            for start in range(0, count, size):
                chunk = learner_ids[start : start + size]
                result = enrolments.enrol_many(store, admin, cohort_ids[start // SEATS], chunk)
                created.extend(result.created)
            return created

        run = timed(campus, one_a_call if batch is None else batched)
    finally:
        campus.store.close()
    if len(run.created) != count:
        raise RuntimeError(f"expected {count} enrolments, made {len(run.created)}")
    return run


def run_register(path: Path, count: int, batch: int | None, *, fsync: bool = True) -> Run:
    """Register ``count`` learners: one call each, or ``batch`` a call."""
    campus = open_campus(path, fsync=fsync)
    try:
        rows = [campus.factory.make() for _ in range(count)]
        store, admin = campus.store, campus.admin

        def one_a_call() -> list[dict[str, Any]]:
            return [learners.register_learner(store, admin, row) for row in rows]

        def batched() -> list[dict[str, Any]]:
            created = []
            for start in range(0, count, batch or count):
                result = learners.register_learners(store, admin, rows[start : start + batch])
                if result.problems:
                    raise RuntimeError(f"generated learners were refused: {result.problems}")
                created.extend(result.created)
            return created

        run = timed(campus, one_a_call if batch is None else batched)
    finally:
        campus.store.close()
    if len(run.created) != count:
        raise RuntimeError(f"expected {count} learners, made {len(run.created)}")
    return run


# -- the raw SQLite baseline -------------------------------------------------------------------


def raw_insert(path: Path, rows: Sequence[dict[str, Any]], per_transaction: int) -> float:
    """Seconds to insert ``rows`` into a plain table of a fresh WAL, synchronous=FULL file,
    with one ``executemany`` per transaction of ``per_transaction`` rows."""
    columns = list(rows[0])
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        others = ", ".join(c for c in columns if c != "id")
        conn.execute(f"CREATE TABLE plain (id TEXT PRIMARY KEY, {others})")
        sql = f"INSERT INTO plain ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        values = [tuple(row[c] for c in columns) for row in rows]
        start = time.perf_counter()
        for first in range(0, len(values), per_transaction):
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(sql, values[first : first + per_transaction])
            conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def time_validation(count: int) -> float:
    """Seconds ``validate_learner`` alone takes over the rows a register case is given."""
    factory = LearnerFactory(random.Random(SEED), CAMPUS["code"], utc_today())
    rows = [factory.make() for _ in range(count)]
    start = time.perf_counter()
    for row in rows:
        learners.validate_learner(row)
    return time.perf_counter() - start


# -- the benchmark -----------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    unit: str
    count: int
    batch: int | None
    run: Callable[..., Run]
    runs: list[Run] = field(default_factory=list)
    raw_same: list[float] = field(default_factory=list)
    raw_bulk: list[float] = field(default_factory=list)
    no_fsync: list[float] = field(default_factory=list)
    validate_only: list[float] = field(default_factory=list)


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Throughput of the learner and enrolment services, against raw SQLite."
    )
    parser.add_argument("--runs", type=int, default=7, help="runs of each case (default 7)")
    parser.add_argument(
        "--single", type=int, default=1000, help="items for the one-a-call cases (default 1000)"
    )
    parser.add_argument(
        "--enrol-batched",
        type=int,
        default=8000,
        help="enrolments for enrol_many, 40 a call (default 8000)",
    )
    parser.add_argument(
        "--register-batched",
        type=int,
        default=10000,
        help="learners for register_learners, 1000 a call (default 10000)",
    )
    parser.add_argument(
        "--no-fsync-variant",
        action="store_true",
        help="skip the synchronous=OFF runs",
    )
    parser.add_argument(
        "--quick", action="store_true", help="2 runs of a tenth of the work (a smoke test)"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 2
        args.single = max(SEATS, args.single // 10)
        args.enrol_batched = max(SEATS, args.enrol_batched // 10)
        args.register_batched = max(1000, args.register_batched // 10)

    batched_learners = args.register_batched
    cases = [
        Case("enrol (1 a call)", "enrolments", args.single, None, run_enrol),
        Case("enrol_many (40 a call)", "enrolments", args.enrol_batched, SEATS, run_enrol),
        Case("register_learner (1 a call)", "learners", args.single, None, run_register),
        Case("register_learners (1000 a call)", "learners", batched_learners, 1000, run_register),
    ]

    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sanad-bench-") as temp:
        folder = Path(temp)
        print_machine(folder)
        print(f"{args.runs} runs of each case; every figure is the median of the runs.\n")
        files = 0

        def fresh(name: str) -> Path:
            nonlocal files
            files += 1
            return folder / f"{files:04d}-{name}.db"

        for round_no in range(args.runs):
            for case in cases:
                run = case.run(fresh("service"), case.count, case.batch)
                case.runs.append(run)
                same = case.batch or 1
                case.raw_same.append(raw_insert(fresh("raw"), run.created, same))
                case.raw_bulk.append(raw_insert(fresh("raw"), run.created, len(run.created)))
                if not args.no_fsync_variant:
                    quiet = case.run(fresh("nosync"), case.count, case.batch, fsync=False)
                    case.no_fsync.append(quiet.seconds)
                if case.unit == "learners":
                    case.validate_only.append(time_validation(case.count))
                for leftover in folder.iterdir():
                    leftover.unlink()
            print(f"  run {round_no + 1} of {args.runs} done", flush=True)

    print("\nService calls (synchronous = FULL, as the store runs):\n")
    rows = []
    for case in cases:
        seconds = median([r.seconds for r in case.runs])
        cpu = median([r.cpu_seconds / r.seconds for r in case.runs])
        written = median([r.rows_written / case.count for r in case.runs])
        same, bulk = median(case.raw_same), median(case.raw_bulk)
        rows.append(
            [
                case.name,
                f"{case.count:,}",
                f"{seconds:.3f}",
                f"{_rate(case.count, seconds)} {case.unit}/s",
                f"{seconds / case.count * 1000:.2f}",
                f"{cpu:.0%}",
                f"{written:.2f}",
                f"{_rate(case.count, same)}/s",
                f"{seconds / same:.1f}×",
                f"{_rate(case.count, bulk)}/s",
                f"{seconds / bulk:.0f}×",
            ]
        )
    print_table(
        [
            "operation",
            "items a run",
            "median s",
            "throughput",
            "ms per item",
            "CPU ÷ wall",
            "rows written per item",
            "raw, same transactions",
            "service ÷ raw same",
            "raw, one executemany",
            "service ÷ raw one",
        ],
        rows,
    )

    if not args.no_fsync_variant:
        print("\nWhat the commit's fsync costs (the same work with synchronous = OFF):\n")
        rows = []
        for case in cases:
            calls = math.ceil(case.count / (case.batch or 1))
            full = median([r.seconds for r in case.runs])
            off = median(case.no_fsync)
            rows.append(
                [
                    case.name,
                    f"{full / calls * 1000:.2f}",
                    f"{off / calls * 1000:.2f}",
                    f"{(full - off) / calls * 1000:.2f}",
                    f"{(full - off) / full:.0%}",
                ]
            )
        print_table(
            [
                "operation",
                "ms per call, FULL",
                "ms per call, OFF",
                "difference, ms",
                "share of the time",
            ],
            rows,
        )

    print("\nHow much of registering is validation (validate_learner alone, same rows):\n")
    rows = []
    for case in cases:
        if not case.validate_only:
            continue
        whole = median([r.seconds for r in case.runs])
        alone = median(case.validate_only)
        rows.append(
            [
                case.name,
                f"{whole / case.count * 1000:.3f}",
                f"{alone / case.count * 1000:.3f}",
                f"{alone / whole:.0%}",
            ]
        )
    print_table(
        ["operation", "ms per learner", "validate_learner alone, ms", "share of the time"], rows
    )
    print(f"\nTotal time {time.perf_counter() - began:.0f} s; {load_average()}")


if __name__ == "__main__":
    main()
