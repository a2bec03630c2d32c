"""How long a verified backup and a restore take on a campus database.

A backup is SQLite's online backup into a temporary file, a full health check of the copy, fsync
and rename; a restore checks the backup the same way, keeps a safety copy of the database, then
copies the backup in. Both are compared with a baseline measured in the same run: a plain
``cp`` of the file, the least any copy can cost on this disk.

No target is set by an issue; the figures tell a focal person how long the daily backup runs in
the background and how long a restore keeps the window busy.

    .venv/bin/python bench/backup_restore.py [--learners 5000] [--db PATH] [--runs 3]

Without ``--db`` it builds the demo campus in a temporary folder first.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import median, print_machine, print_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.backup import backup_database, restore_database  # noqa: E402
from desktop.core.demo import create_demo  # noqa: E402
from desktop.core.store import SYSTEM, Store  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a campus database (default: build a demo)")
    parser.add_argument("--learners", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print_machine()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = args.db
        if source is None:
            source = work / "demo.db"
            create_demo(source, learners=args.learners, seed=2026)
        db = work / "campus.db"
        shutil.copy(source, db)
        size = db.stat().st_size
        copy_s, backup_s, restore_s = [], [], []
        for run in range(args.runs):
            started = time.perf_counter()
            shutil.copy(db, work / f"plain-{run}.db")
            copy_s.append(time.perf_counter() - started)
            with Store.open(db) as store:
                started = time.perf_counter()
                backup, _ = backup_database(store, work / f"backup-{run}.db")
                backup_s.append(time.perf_counter() - started)
                started = time.perf_counter()
                restore_database(store, SYSTEM, backup)
                restore_s.append(time.perf_counter() - started)
        base = median(copy_s)
        print(f"database: {size / 2**20:.0f} MiB, {args.runs} runs, medians")
        print_table(
            ["operation", "seconds", "× plain copy"],
            [
                ["plain copy (cp)", f"{base:.2f}", "1.0"],
                ["verified backup", f"{median(backup_s):.2f}", f"{median(backup_s) / base:.1f}"],
                ["restore", f"{median(restore_s):.2f}", f"{median(restore_s) / base:.1f}"],
            ],
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
