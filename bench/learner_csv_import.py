"""Time importing a large CSV of learners, stage by stage, into a fresh campus, and exporting
them back to CSV.

Writes a CSV of N generated learners (UTF-8 with BOM, Excel-style headers, day-first dates, local
phone numbers), then times reading it (``read_csv``), checking every row (``plan_import``) and
importing (``run_import``, one transaction) — the work behind the CSV import wizard. The baseline,
in the same run, is SQLite inserting the same rows with ``executemany`` into a plain table.

The export (``export_learners``: keyset pages, CNIC and phone formatted, temp file + fsync +
rename) is compared with a bare ``csv.writer`` over one ``SELECT`` of the same rows.

Target (issue 3): a 50,000-row CSV imports in ≤ 20 s with progress shown.

    .venv/bin/python bench/learner_csv_import.py [--rows 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import print_machine, print_table

from desktop.core.demo.people import LearnerFactory
from desktop.core.learner_export import export_learners
from desktop.core.learner_import import guess_mapping, plan_import, read_csv, run_import
from desktop.core.services import setup
from desktop.core.services.learners import LEARNER_FIELDS
from desktop.core.store import Store

TARGET_SECONDS = 20.0
HEADERS = ["Reg No", "Student Name", "Father Name", "CNIC", "Gender", "DOB", "Email", "Mobile",
           "Program"]  # fmt: skip


def write_csv(path: Path, rows: int, seed: int) -> None:
    factory = LearnerFactory(random.Random(seed), "QAU", dt.date(2026, 11, 23))
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for _ in range(rows):
            learner = factory.make()
            born = dt.date.fromisoformat(learner["date_of_birth"])
            writer.writerow(
                [
                    learner["registration_no"],
                    learner["full_name"],
                    learner["guardian_name"],
                    learner.get("cnic", ""),
                    "F" if learner["gender"] == "female" else "M",
                    born.strftime("%d/%m/%Y"),
                    learner.get("email", ""),
                    learner.get("phone", ""),
                    learner.get("programme") or "",
                ]
            )


def one_run(folder: Path, csv_path: Path) -> dict[str, float]:
    db = folder / f"campus-{time.perf_counter_ns()}.db"
    store = Store.open(db)
    admin = setup.initialise_campus(
        store,
        code="QAU",
        name_en="Quaid-i-Azam University",
        admin_username="focal",
        admin_display_name="Focal",
        admin_password="a-long-password",
    )
    times: dict[str, float] = {}
    start = time.perf_counter()
    table = read_csv(csv_path)
    times["read"] = time.perf_counter() - start
    start = time.perf_counter()
    plan = plan_import(store, table, guess_mapping(table.headers), progress=lambda d, t: None)
    times["check"] = time.perf_counter() - start
    start = time.perf_counter()
    created = run_import(store, admin, plan, source=csv_path.name, progress=lambda d, t: None)
    times["import"] = time.perf_counter() - start
    times["total"] = times["read"] + times["check"] + times["import"]
    times["created"] = len(created)
    times["refused"] = len(plan.refused_lines)
    out = folder / "export.csv"
    start = time.perf_counter()
    times["exported"] = export_learners(store.conn, admin, out, progress=lambda d, t: None)
    times["export"] = time.perf_counter() - start
    start = time.perf_counter()
    with open(folder / "raw.csv", "w", encoding="utf-8-sig", newline="") as raw:
        csv.writer(raw).writerows(
            store.conn.execute(f"SELECT {', '.join(LEARNER_FIELDS)} FROM learners")
        )
    times["raw export"] = time.perf_counter() - start
    store.close()
    return times


def baseline(folder: Path, rows: int) -> float:
    conn = sqlite3.connect(folder / f"baseline-{time.perf_counter_ns()}.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT, c TEXT, d TEXT, e TEXT)")
    data = [
        (f"id-{n}", "QAU-2026-000001", "Ayesha Khan", "3520212345672", "f", "x")
        for n in range(rows)
    ]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", data)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    print_machine()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        csv_path = folder / "learners.csv"
        write_csv(csv_path, args.rows, args.seed)
        size_mb = csv_path.stat().st_size / 1e6
        runs = []
        for run in range(args.runs):
            runs.append(one_run(folder, csv_path))
            print(f"  run {run + 1} of {args.runs}: {runs[-1]['total']:.1f} s", flush=True)
        raw = statistics.median(baseline(folder, args.rows) for _ in range(args.runs))
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(
        f"\nImporting {args.rows:,} learners from a {size_mb:.1f} MB CSV "
        f"(medians of {args.runs}):\n"
    )
    print_table(
        ["stage", "seconds", "rows/s"],
        [
            [stage, f"{med[stage]:.2f}", f"{args.rows / med[stage]:,.0f}"]
            for stage in ("read", "check", "import", "total")
        ],
    )
    print(f"\n  imported {med['created']:,.0f}, refused {med['refused']:,.0f}")
    print(f"  export of the {med['exported']:,.0f} imported learners: {med['export']:.2f} s; "
          f"a bare csv.writer over one SELECT: {med['raw export']:.2f} s "
          f"({med['export'] / med['raw export']:.1f}×)")  # fmt: skip
    print(f"  raw SQLite executemany of the same number of rows: {raw:.2f} s "
          f"(import ÷ raw: {med['import'] / raw:.1f}×)")  # fmt: skip
    verdict = "met" if med["total"] <= TARGET_SECONDS else "NOT met"
    print(
        f"\nTarget ({args.rows:,} rows in ≤ {TARGET_SECONDS:.0f} s): "
        f"{med['total']:.1f} s — {verdict}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
