"""Time building demo campuses of several sizes, then check the largest one.

Each build runs ``create_demo`` in its own freshly started Python process, so the peak resident
memory reported (``getrusage`` in that process) belongs to that build alone. Printed per size, as
medians over the runs:

- seconds in ``create_demo``, and seconds for the whole process (start, imports, build, exit);
- learners/s and enrolments/s, from the summary ``create_demo`` returns;
- time per learner against the smallest size measured in the same run (how the build scales);
- the database file's size, the evidence folder's size, peak RSS and RSS after the imports;
- where the time went: the stages ``create_demo`` reports through ``progress``, and the seconds
  spent inside a few calls (account creation, learner import, history writes, evidence files,
  syncs), timed by wrappers that do not change what the build does.

Then ``check_database`` (what ``sanad db check`` runs) on the largest campus, in its own process,
with the space each table and index takes (SQLite's ``dbstat``), and whether the target was met:
``sanad demo create X.db --learners 50000`` in 60 s or less on a 2-core machine (judged on the
whole process's time), reported healthy by ``sanad db check``.

    .venv/bin/python bench/demo_build.py [--sizes 400 5000 50000] [--repeat N]
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from pathlib import Path
from typing import Any

from common import cores, load_average, median, print_machine, print_table

TARGET_LEARNERS = 50_000
TARGET_SECONDS = 60.0
TARGET_CORES = 2
INSIDE = (
    ("create_user", "users.create_user (Argon2 hash each)"),
    ("register_learners", "learners.register_learners"),
    ("create_cohorts", "HistoryWriter.create_cohorts"),
    ("history_write", "HistoryWriter._write (one chunk's rows)"),
    ("insert_many", "Transaction.insert_many (any thread)"),
    ("log_rows", "Transaction._log_inserted_rows (inside insert_many)"),
    ("put_bytes", "BlobStore.put_bytes (evidence-file thread)"),
    ("finish", "HistoryWriter.finish (waiting for evidence files)"),
    ("os_sync", "os.sync()"),
    ("fsync", "fsync of the file and its folder"),
)
STAGES = (
    ("catalogue", "set-up and catalogue"),
    ("learners", "accounts and learners"),
    ("enrolments", "cohort history"),
    ("end", "finishing"),
)


def peak_rss_mib() -> float:
    """This process's peak resident set size so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def folder_bytes(folder: Path) -> int:
    if not folder.is_dir():
        return 0
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# -- what runs in the child processes ----------------------------------------------------------


def _time_calls(owner: Any, name: str, totals: dict[str, float], key: str) -> None:
    """Wrap ``owner.name`` so the seconds spent in it add up in ``totals[key]``."""
    original = getattr(owner, name)
    totals[key] = 0.0

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[key] += time.perf_counter() - start

    setattr(owner, name, timed)


def build(path: str, learners: int, seed: int) -> dict[str, Any]:
    """Build one demo campus at ``path`` and report the time, the sizes and the memory."""
    import desktop.core.demo as demo
    from desktop.core.blobs import BlobStore
    from desktop.core.demo import create_demo
    from desktop.core.demo.history import HistoryWriter
    from desktop.core.paths import evidence_dir
    from desktop.core.services import learners as learner_service
    from desktop.core.services import users
    from desktop.core.store import Transaction

    rss_after_imports = peak_rss_mib()
    # Time spent inside the steps that the progress reports do not separate. The wrappers
    # only time the calls; what the build does is unchanged.
    inside: dict[str, float] = {}
    _time_calls(users, "create_user", inside, "create_user")
    _time_calls(learner_service, "register_learners", inside, "register_learners")
    _time_calls(HistoryWriter, "create_cohorts", inside, "create_cohorts")
    _time_calls(HistoryWriter, "_write", inside, "history_write")
    _time_calls(HistoryWriter, "finish", inside, "finish")
    _time_calls(BlobStore, "put_bytes", inside, "put_bytes")
    _time_calls(Transaction, "insert_many", inside, "insert_many")
    _time_calls(Transaction, "_log_inserted_rows", inside, "log_rows")
    _time_calls(os, "sync", inside, "os_sync")
    _time_calls(demo, "_fsync", inside, "fsync")
    marks: dict[str, float] = {}
    cpu = time.process_time()
    start = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        if done == total:
            marks[stage] = time.perf_counter() - start

    summary = create_demo(Path(path), learners=learners, seed=seed, progress=progress)
    seconds = time.perf_counter() - start
    marks["end"] = seconds
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu,
        "summary": summary,
        "marks": marks,
        "inside": inside,
        "db_bytes": Path(path).stat().st_size,
        "evidence_bytes": folder_bytes(evidence_dir(path)),
        "peak_rss_mib": peak_rss_mib(),
        "rss_after_imports_mib": rss_after_imports,
    }


def check(path: str) -> dict[str, Any]:
    """Open the database as ``sanad db check`` does and run the health check."""
    from desktop.core.health import check_database
    from desktop.core.store import Store

    cpu = time.process_time()
    start = time.perf_counter()
    with Store.open(path, migrate=False) as store:
        report = check_database(store)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "space": space_by_object(path),
        "healthy": report.healthy,
        "problems": report.problems[:5],
        "change_log": report.counts.get("change_log", 0),
        "audit_log": report.counts.get("audit_log", 0),
        "peak_rss_mib": peak_rss_mib(),
    }


def space_by_object(path: str) -> dict[str, int]:
    """Bytes of each table and index (SQLite's dbstat), or nothing where dbstat is missing."""
    try:
        with closing(sqlite3.connect(Path(path).as_uri() + "?mode=ro", uri=True)) as conn:
            rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.Error:
        return {}
    return {name: size for name, size in rows}


def in_fresh_process(fn: Callable[..., dict[str, Any]], *args: Any) -> tuple[dict[str, Any], float]:
    """Run ``fn(*args)`` in a newly started interpreter; return its result and the seconds from
    starting that process until it has exited."""
    context = multiprocessing.get_context("spawn")
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        result = pool.submit(fn, *args).result()
    return result, time.perf_counter() - start


# -- the benchmark -----------------------------------------------------------------------------


def default_repeat(learners: int) -> int:
    return 1 if learners >= TARGET_LEARNERS else 3


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Time create_demo for several sizes, then check_database on the largest."
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[400, 5000, 50_000],
        metavar="N",
        help="learners per campus (default 400 5000 50000)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="builds of each size (default 3, or 1 from 50000 learners up)",
    )
    parser.add_argument("--seed", type=int, default=2026, help="demo seed (default 2026)")
    parser.add_argument("--no-check", action="store_true", help="skip the health check")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes))
    if not sizes or sizes[0] < 1:
        parser.error("sizes must be at least 1")

    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sanad-bench-") as temp:
        folder = Path(temp)
        print_machine(folder)
        print(f"Seed {args.seed}; every figure is the median of the builds of that size.\n")
        results: dict[int, list[tuple[dict[str, Any], float]]] = {}
        kept: Path | None = None
        for size in sizes:
            repeat = args.repeat or default_repeat(size)
            results[size] = []
            for n in range(repeat):
                path = folder / f"demo-{size}-{n}.db"
                if kept is not None:
                    shutil.rmtree(kept.with_name(kept.stem + ".evidence"), ignore_errors=True)
                    kept.unlink()
                outcome = in_fresh_process(build, str(path), size, args.seed)
                results[size].append(outcome)
                kept = path
                print(
                    f"  {size:,} learners, build {n + 1} of {repeat}: "
                    f"{outcome[0]['seconds']:.1f} s",
                    flush=True,
                )

        largest = sizes[-1]
        checked = None
        if not args.no_check and kept is not None:
            checked = in_fresh_process(check, str(kept))
            print(
                f"  health check of the {largest:,}-learner campus: {checked[0]['seconds']:.1f} s"
            )

    print("\nBuilds:\n")
    base = median([r["seconds"] for r, _ in results[sizes[0]]]) / sizes[0]
    rows = []
    for size in sizes:
        runs = [r for r, _ in results[size]]
        seconds = median([r["seconds"] for r in runs])
        wall = median([w for _, w in results[size]])
        summary = runs[-1]["summary"]
        rows.append(
            [
                f"{size:,}",
                len(runs),
                f"{seconds:.2f}",
                f"{min(r['seconds'] for r in runs):.1f}–{max(r['seconds'] for r in runs):.1f}",
                f"{wall:.2f}",
                f"{summary['learners'] / seconds:,.0f}",
                f"{summary['enrolments'] / seconds:,.0f}",
                f"{seconds / size / base:.2f}",
                f"{median([r['cpu_seconds'] / r['seconds'] for r in runs]):.0%}",
                f"{median([r['db_bytes'] for r in runs]) / 1e6:,.0f}",
                f"{median([r['evidence_bytes'] for r in runs]) / 1e6:,.1f}",
                f"{median([r['peak_rss_mib'] for r in runs]):,.0f}",
                f"{median([r['rss_after_imports_mib'] for r in runs]):,.0f}",
            ]
        )
    print_table(
        [
            "learners",
            "builds",
            "create_demo s",
            "range s",
            "whole process s",
            "learners/s",
            "enrolments/s",
            f"time per learner ÷ {sizes[0]:,}'s",
            "CPU ÷ wall",
            "database MB",
            "evidence MB",
            "peak RSS MiB",
            "RSS after imports MiB",
        ],
        rows,
    )

    print("\nWhat each campus holds (the same seed gives the same counts):\n")
    keys = list(results[sizes[0]][0][0]["summary"])
    print_table(
        ["learners", *keys[1:]],
        [
            [f"{size:,}", *(f"{results[size][-1][0]['summary'][k]:,}" for k in keys[1:])]
            for size in sizes
        ],
    )

    print("\nWhere the build's time went (seconds, from create_demo's progress reports):\n")
    rows = []
    for size in sizes:
        runs = [r for r, _ in results[size]]
        spans = []
        for stage, _ in STAGES:
            spans.append(median([_span(r["marks"], stage) for r in runs]))
        total = median([r["seconds"] for r in runs])
        rows.append([f"{size:,}", *(f"{s:.2f} ({s / total:.0%})" for s in spans)])
    print_table(["learners", *(label for _, label in STAGES)], rows)
    print(
        "  set-up and catalogue: open, first-run set-up, national and campus catalogue;\n"
        "  accounts and learners: assessor accounts, then register_learners in chunks of 5000;\n"
        "  cohort history: cohorts, then per chunk of learners generating enrolments, evidence\n"
        "  and assessments and writing them in one transaction;\n"
        "  finishing: waiting for and syncing evidence files, student accounts,\n"
        "  switching back to WAL, fsync and rename."
    )

    print("\nTime inside particular calls (seconds, share of create_demo):\n")
    totals = {size: median([r["seconds"] for r, _ in results[size]]) for size in sizes}
    rows = []
    for key, label in INSIDE:
        cells = []
        for size in sizes:
            spent = median([r["inside"][key] for r, _ in results[size]])
            cells.append(f"{spent:.2f} ({spent / totals[size]:.0%})")
        rows.append([label, *cells])
    print_table(["call", *(f"{size:,} learners" for size in sizes)], rows)
    print(
        "  Evidence files are written on a thread of their own, so put_bytes overlaps other work;\n"
        "  finish() is the main thread waiting for the last of them.\n"
        "  os.sync() flushes every dirty page of the system, which includes the database file\n"
        "  written with synchronous = OFF."
    )

    if checked is not None:
        report, wall = checked
        print(f"\nHealth check of the {largest:,}-learner campus (check_database):\n")
        print_table(
            [
                "learners",
                "seconds",
                "whole process s",
                "CPU ÷ wall",
                "change-log entries",
                "audit entries",
                "peak RSS MiB",
                "healthy",
            ],
            [
                [
                    f"{largest:,}",
                    f"{report['seconds']:.2f}",
                    f"{wall:.2f}",
                    f"{report['cpu_seconds'] / report['seconds']:.0%}",
                    f"{report['change_log']:,}",
                    f"{report['audit_log']:,}",
                    f"{report['peak_rss_mib']:,.0f}",
                    "yes" if report["healthy"] else "NO",
                ]
            ],
        )
        for text in report["problems"]:
            print(f"  problem: {text}")
        _print_space(report["space"])

    print()
    _verdict(results, checked)
    print(f"\nTotal time {time.perf_counter() - began:.0f} s; {load_average()}")


def _print_space(space: dict[str, int]) -> None:
    if not space:
        print("  (this SQLite has no dbstat, so the space per table is not shown)")
        return
    total = sum(space.values())
    log = {k: v for k, v in space.items() if k == "change_log" or k.startswith("change_log_")}
    others = sorted((v, k) for k, v in space.items() if k not in log)[::-1][:4]
    print(
        f"  Space: the change log takes {sum(log.values()) / 1e6:,.0f} MB of the "
        f"{total / 1e6:,.0f} MB in tables and indexes ({sum(log.values()) / total:.0%}; "
        f"its indexes {(sum(log.values()) - log.get('change_log', 0)) / 1e6:,.0f} MB); "
        "next largest: " + ", ".join(f"{k} {v / 1e6:,.0f} MB" for v, k in others) + "."
    )


def _span(marks: dict[str, float], stage: str) -> float:
    """Seconds between the end of the stage before ``stage`` and the end of ``stage``."""
    names = [name for name, _ in STAGES]
    index = names.index(stage)
    previous = marks.get(names[index - 1], 0.0) if index else 0.0
    return marks.get(stage, previous) - previous


def _verdict(
    results: dict[int, list[tuple[dict[str, Any], float]]],
    checked: tuple[dict[str, Any], float] | None,
) -> None:
    target = f"{TARGET_LEARNERS:,} learners in ≤ {TARGET_SECONDS:.0f} s on {TARGET_CORES} cores"
    if TARGET_LEARNERS not in results:
        print(f"Target ({target}): not measured; run with --sizes including {TARGET_LEARNERS}.")
        return
    runs = results[TARGET_LEARNERS]
    seconds = median([r["seconds"] for r, _ in runs])
    wall = median([w for _, w in runs])
    met = wall <= TARGET_SECONDS
    machine = "" if cores() == TARGET_CORES else f" (this machine has {cores()} cores)"
    print(
        f"Target ({target}){machine}: create_demo {seconds:.1f} s, whole process {wall:.1f} s "
        f"(median of {len(runs)}) — {'met' if met else 'NOT met'}."
    )
    if checked is None:
        print("Health check: not run.")
    elif max(results) != TARGET_LEARNERS:
        print(f"Health check: run on the {max(results):,}-learner campus, not the target's.")
    else:
        healthy = checked[0]["healthy"]
        print(f"Health check of that campus: {'healthy' if healthy else 'NOT healthy'}.")


if __name__ == "__main__":
    main()
