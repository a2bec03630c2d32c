"""Sync over a thin link: 10,000 records and 100 MB of evidence through 256 kbit/s.

A demo campus of about 10,000 change-log entries is built, and ``--evidence-mb`` of evidence
files (4 MB PDFs of random bytes, which no compressor shrinks, added through the evidence
service) are added to its open enrolments. The campus joins a real registry (uvicorn on
loopback, SQLite) through the fault-injecting TCP proxy of the tests, which then limits the
link to ``--kbit`` kbit/s each way and adds ``--latency`` seconds each way (a 3G or satellite
round trip). One whole ``sync_once`` then runs, as ``sanad sync`` would.

- *Goodput*: the bytes that had to cross (the compressed record batches and the evidence
  files) per second, as a share of the link's capacity. The rest is HTTP headers, the
  signatures, the tus requests and the round trips between pieces.
- *Cut at 90 %*: the same sync on a second copy over a second, identical link (run at the same
  time); when 90 % of the bytes have gone up, the proxy resets the connection once. The sync is
  run again (as the next scheduled run would) and the bytes that crossed twice are counted,
  against the piece size (256 KiB).

    .venv/bin/python bench/sync_link.py [--evidence-mb 100] [--kbit 256] [--latency 0.15]

At 256 kbit/s, 100 MB take about 55 minutes; ``--evidence-mb 8`` gives the same ratios in
about five.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import print_machine, print_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.blobs import BlobStore  # noqa: E402
from desktop.core.demo import create_demo  # noqa: E402
from desktop.core.paths import evidence_dir  # noqa: E402
from desktop.core.services import evidence  # noqa: E402
from desktop.core.store import Actor, Store  # noqa: E402
from sync.changes import changes_page  # noqa: E402
from sync.client import SyncProblem, join, links, sync_once  # noqa: E402
from sync.file_store import LocalFileStore  # noqa: E402
from sync.registry.store import Registry  # noqa: E402
from sync.server import make_app  # noqa: E402
from sync.uploads import upload_routes  # noqa: E402
from sync.wire import encode_batch  # noqa: E402
from tests.sync.fault_proxy import FaultProxy  # noqa: E402
from tests.sync.servers import serve_in_thread  # noqa: E402

CHUNK = 256 * 1024
FILE_MB = 4


def add_evidence(db: Path, megabytes: int, folder: Path) -> int:
    """Add ``megabytes`` of incompressible PDF evidence to open enrolments; the bytes added."""
    with Store.open(db) as store:
        admin_row = store.one("SELECT * FROM users WHERE role = 'admin' LIMIT 1")
        admin = Actor(admin_row["id"], admin_row["display_name"], "admin",
                      admin_row["campus_id"], admin_row["username"])  # fmt: skip
        evidence.set_evidence_limit(store, admin, FILE_MB + 1)
        open_ones = store.query(
            "SELECT e.id, m.evidence_requirements FROM enrolments e "
            "JOIN cohorts c ON c.id = e.cohort_id "
            "JOIN micro_credentials m ON m.id = c.micro_credential_id "
            "WHERE e.status IN ('enrolled', 'in_progress', 'resubmit') LIMIT 500"
        )
        import json

        blobs = BlobStore(evidence_dir(db))
        targets = [
            (e["id"], r["id"]) for e in open_ones
            for r in json.loads(e["evidence_requirements"]) if "file" in r["kinds"]
        ]  # fmt: skip
        added = 0
        files = max(1, megabytes // FILE_MB)
        for n in range(files):
            enrolment_id, requirement = targets[n % len(targets)]
            path = folder / f"report-{n:03d}.pdf"
            path.write_bytes(b"%PDF-1.4\n" + os.urandom(FILE_MB * 1_000_000 - 9))
            evidence.add_file(store, admin, blobs, enrolment_id, requirement, path)
            added += path.stat().st_size
            path.unlink()
    return added


def batch_bytes(db: Path) -> tuple[int, int]:
    """The compressed batches a first push sends, and how many records they hold."""
    with Store.open(db) as store:
        total = records = position = 0
        while True:
            changes, position = changes_page(store, {}, after=position, limit=2000)
            if not changes:
                return total, records
            total += len(encode_batch(changes))
            records += len(changes)


class Link:
    """A registry behind a rate-limited proxy, and a campus joined to it."""

    def __init__(self, folder: Path, demo: Path, kbit: int, latency: float) -> None:
        self.folder = folder
        folder.mkdir()
        self.hub_db = folder / "hub.db"
        shutil.copy(demo, self.hub_db)
        shutil.copytree(evidence_dir(demo), evidence_dir(self.hub_db))
        self.registry = Registry.open(f"sqlite:///{folder / 'registry.db'}",
                                      has_file=None)  # fmt: skip
        self.files = LocalFileStore(folder / "registry-files")
        self.registry._has_file = self.files.has
        import datetime as dt

        self.app = make_app(self.registry, upload_routes=lambda auth: upload_routes(
            self.files, authenticate=auth, max_size=1 << 30, expiry=dt.timedelta(days=1)))
        self.kbit, self.latency = kbit, latency

    def run(self, *, cut_at: int | None, results: dict) -> None:
        with serve_in_thread(self.app) as url:
            host, port = url.removeprefix("http://").split(":")
            with FaultProxy((host, int(port))) as proxy, Store.open(self.hub_db) as hub:
                code = hub.one("SELECT code FROM campuses")["code"]
                self.registry.add_campus(code, "Bench campus")
                join(hub, proxy.url, self.registry.create_code(code)[0])
                proxy.rate_limit(self.kbit * 1000)
                proxy.latency(self.latency)
                proxy.reset_counters()
                watcher = None
                if cut_at is not None:
                    def watch() -> None:
                        while proxy.bytes_up < cut_at:
                            time.sleep(0.05)
                        proxy.reset_after(0, "both", once=True)

                    watcher = threading.Thread(target=watch, daemon=True)
                    watcher.start()
                started = time.perf_counter()
                attempts = 0
                while True:
                    attempts += 1
                    try:
                        report = sync_once(hub, links(hub)[0], upload_chunk=CHUNK)
                        break
                    except SyncProblem as exc:
                        results.setdefault("errors", []).append(str(exc))
                        if attempts > 5:
                            raise
                results.update(seconds=time.perf_counter() - started, up=proxy.bytes_up,
                               down=proxy.bytes_down, report=report, attempts=attempts,
                               fired=len(proxy.faults_fired))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=280)
    parser.add_argument("--evidence-mb", type=int, default=100)
    parser.add_argument("--kbit", type=int, default=256)
    parser.add_argument("--latency", type=float, default=0.15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sanad-bench-link-"))
    try:
        print_machine(folder)
        demo = folder / "demo.db"
        create_demo(demo, learners=args.learners)
        files_bytes = add_evidence(demo, args.evidence_mb, folder)
        batches, records = batch_bytes(demo)
        with Store.open(demo) as store:
            demo_files = store.scalar("SELECT sum(size) FROM evidence WHERE kind = 'file'")
        print(f"\nCampus: {records:,} change-log entries ({batches:,} bytes of batches), "
              f"{demo_files / 1e6:.1f} MB of evidence files ({files_bytes / 1e6:.0f} MB added); "
              f"link {args.kbit} kbit/s each way, {args.latency * 1000:.0f} ms each way\n")
        sys.stdout.flush()
        whole, cut = {}, {}
        plain = Link(folder / "plain", demo, args.kbit, args.latency)
        cutting = Link(folder / "cut", demo, args.kbit, args.latency)
        expected_up = batches + demo_files
        threads = [threading.Thread(target=plain.run, kwargs={"cut_at": None, "results": whole}),
                   threading.Thread(target=cutting.run,
                                    kwargs={"cut_at": int(expected_up * 0.9), "results": cut})]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        capacity = args.kbit * 1000 / 8
        useful = batches + whole["report"].file_bytes
        goodput = useful / whole["seconds"] / capacity
        utilisation = max(whole["up"], whole["down"]) / whole["seconds"] / capacity
        resent = cut["up"] - whole["up"]
        print_table(
            ["run", "seconds", "bytes up", "bytes down", "goodput (useful/capacity)",
             "link busy", "syncs"],
            [["whole sync", f"{whole['seconds']:,.0f}", f"{whole['up']:,}", f"{whole['down']:,}",
              f"{goodput:.1%}", f"{utilisation:.1%}", whole["attempts"]],
             ["cut once at 90 %", f"{cut['seconds']:,.0f}", f"{cut['up']:,}", f"{cut['down']:,}",
              "", "", cut["attempts"]]],
        )  # fmt: skip
        print("\nWhere the time went (whole sync): " + ", ".join(
            f"{k} {v:,.1f} s" for k, v in whole["report"].seconds.items()))
        print(f"\nBytes sent twice because of the cut: {resent:,} "
              f"({resent / CHUNK:.2f} pieces of {CHUNK // 1024} KiB); faults fired: {cut['fired']}")
        for error in cut.get("errors", []):
            print(f"  the cut sync said: {error}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
