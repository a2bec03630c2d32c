"""Sync: bytes on the wire per record, and how fast the registry takes records in.

*Wire*: a demo campus is built; 10,000 of its enrolment change-log entries (about 480 bytes of
JSON each), their timestamps spread as if each had been written on its own, are pushed by the
real client code (signed requests, ``sync.wire`` batches of 2,000) to a real registry served by
uvicorn on loopback, through a TCP proxy that counts every byte both ways (HTTP headers, the
hello, the answers). Baseline in the same run: the same entries as JSON lines (the USB bundle's
format), gzip level 6, and as plain JSON lines. Then the whole demo campus's first sync to the
registry, per record, for context.

*Ingest*: the same kind of entries (fresh ids and counters each run) applied by
``Registry.receive`` in batches of 2,000, into PostgreSQL and into SQLite; and pushed over HTTP
into PostgreSQL by one client. Records per second, median of ``--runs``.

Targets (issue 6): ≤ 150 bytes per record on the wire; ingest ≥ 5,000 records/s into PostgreSQL.

    .venv/bin/python bench/sync_wire.py [--learners 2100] [--records 10000] [--runs 3]
        [--postgres postgresql://postgres@127.0.0.1:5432]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import json
import random
import secrets
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from common import median, print_machine, print_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from desktop.core.demo import create_demo  # noqa: E402
from desktop.core.ids import new_id  # noqa: E402
from desktop.core.store import Store  # noqa: E402
from sync.bundles import _line  # noqa: E402
from sync.changes import Change  # noqa: E402
from sync.client import _Session, join, sync_once  # noqa: E402
from sync.identity import device_key  # noqa: E402
from sync.registry.store import Registry  # noqa: E402
from sync.server import make_app  # noqa: E402
from sync.wire import MEDIA_TYPE, encode_batch  # noqa: E402
from tests.sync.fault_proxy import FaultProxy  # noqa: E402
from tests.sync.servers import serve_in_thread  # noqa: E402


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def enrolment_entries(db: Path, count: int, seed: int = 7) -> list[Change]:
    """``count`` enrolment entries of the demo, each row's times spread over two years."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT device_id, seq, row_id, version, op, row FROM change_log "
        "WHERE table_name = 'enrolments' ORDER BY rowid LIMIT ?", (count,)
    ).fetchall()
    conn.close()
    if len(rows) < count:
        raise SystemExit(f"the demo has only {len(rows)} enrolments; use more --learners")
    start = dt.datetime(2025, 1, 6, 8, 0, tzinfo=dt.UTC)
    changes = []
    moment = start
    for device, seq, row_id, version, op, text in rows:
        row = json.loads(text)
        moment += dt.timedelta(seconds=rng.expovariate(1 / 6000))
        row["created_at"] = row["modified_at"] = _stamp(moment)
        changes.append(Change(device, seq, "enrolments", row_id, version, op, row))
    return changes


def fresh_copies(changes: list[Change], device: str) -> list[Change]:
    """The same rows with new ids, one new origin device counting from 1."""
    out = []
    for seq, change in enumerate(changes, start=1):
        row = dict(change.row, id=new_id(), last_device=device)
        out.append(dataclasses.replace(change, device_id=device, seq=seq, row_id=row["id"],
                                       row=row))  # fmt: skip
    return out


def measure_wire(folder: Path, demo: Path, records: int) -> None:
    entries = enrolment_entries(demo, records)
    raw = ("\n".join(_line(c) for c in entries) + "\n").encode("utf-8")
    gzipped = gzip.compress(raw, 6)
    registry = Registry.open(f"sqlite:///{folder / 'wire-registry.db'}")
    hub_db = folder / "wire-hub.db"
    shutil.copy(demo, hub_db)
    with Store.open(hub_db) as hub:
        code = hub.one("SELECT code FROM campuses")["code"]
        registry.add_campus(code, "Demo")
        with serve_in_thread(make_app(registry)) as url:
            host, port = url.removeprefix("http://").split(":")
            with FaultProxy((host, int(port))) as proxy:
                join(hub, proxy.url, registry.create_code(code)[0])
                proxy.reset_counters()
                session = _Session(proxy.url, device_key(hub), verify=True, timeout=60,
                                   cancel=None)  # fmt: skip
                session.request("GET", "/sync/v1/hello")
                for start in range(0, len(entries), 2000):
                    session.request("POST", "/sync/v1/push",
                                    encode_batch(entries[start : start + 2000]),
                                    content_type=MEDIA_TYPE)  # fmt: skip
                session.close()
                wire = proxy.bytes_up + proxy.bytes_down
                print(f"\n### {records:,} enrolment records pushed to the registry\n")
                print_table(
                    ["encoding", "bytes", "bytes/record", "vs gzip of JSON lines"],
                    [["JSON lines (raw)", f"{len(raw):,}", f"{len(raw) / records:.0f}",
                      f"{len(raw) / len(gzipped):.2f}"],
                     ["JSON lines, gzip -6 (baseline)", f"{len(gzipped):,}",
                      f"{len(gzipped) / records:.1f}", "1.00"],
                     ["Sanad sync on the wire (all HTTP bytes, both ways)", f"{wire:,}",
                      f"{wire / records:.1f}", f"{wire / len(gzipped):.2f}"]],
                )  # fmt: skip
                # The whole campus, first sync (every table, credentials included).
                proxy.reset_counters()
                hub.execute("UPDATE sync_links SET push_cursor = 0")
                registry_fresh = folder / "wire-registry.db"
                report = sync_once(hub)
                total = proxy.bytes_up + proxy.bytes_down
                entries_total = hub.scalar("SELECT count(*) FROM change_log")
                print(f"\nWhole demo campus, first sync: {entries_total:,} change-log entries, "
                      f"{report.pushed:,} pushed, {total:,} bytes on the wire = "
                      f"{total / max(report.pushed, 1):.1f} bytes/record "
                      f"(registry file {registry_fresh.stat().st_size / 1e6:.0f} MB)")
    registry.close()


def _ingest(registry: Registry, peer, template: list[Change], total: int) -> float:
    device = new_id()
    changes = fresh_copies((template * (total // len(template) + 1))[:total], device)
    # The origin device is a station the hub registered: give the registry its devices row.
    registry.receive(peer, [Change(peer.id, 10_000_000 + secrets.randbelow(10**9), "devices",
                                   device, 1, "insert",
                                   {"id": device, "campus_id": peer.campus_id, "name": "bench",
                                    "kind": "station", "public_key": None, "revoked_at": None,
                                    "revoked_reason": None, "owner": peer.campus_id,
                                    "version": 1, "last_device": peer.id,
                                    "created_at": "2026-01-01T00:00:00.000Z",
                                    "modified_at": "2026-01-01T00:00:00.000Z",
                                    "deleted": 0})])  # fmt: skip
    started = time.perf_counter()
    for start in range(0, total, 2000):
        report = registry.receive(peer, changes[start : start + 2000])
        assert not report.refused, report.refused[:2]
    return total / (time.perf_counter() - started)


def _peer(registry: Registry, campus_id: str):
    from sync.node import JoinRequest

    registry.add_campus("BENCH", "Bench")
    code, _ = registry.create_code("BENCH")
    key = device_key_standalone()
    registry.join(JoinRequest(code, key[0], key[1], "bench hub", "hub", campus_id, "BENCH"))
    return registry.peer(key[0])


def device_key_standalone() -> tuple[str, str]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.core.proofs import public_key_multikey

    return new_id(), public_key_multikey(Ed25519PrivateKey.generate().public_key())


def measure_ingest(folder: Path, demo: Path, records: int, runs: int, postgres: str) -> None:
    template = enrolment_entries(demo, min(records, 10_000))
    results = []
    for name in ("PostgreSQL", "SQLite"):
        rates = []
        for run in range(runs):
            if name == "PostgreSQL":
                database = f"sanad_bench_{secrets.token_hex(3)}"
                with psycopg.connect(f"{postgres}/test", autocommit=True) as admin:
                    admin.execute(f'CREATE DATABASE "{database}"')
                url = f"{postgres}/{database}"
            else:
                url = f"sqlite:///{folder / f'ingest-{run}.db'}"
            registry = Registry.open(url)
            campus_id = new_id()
            peer = _peer(registry, campus_id)
            template_here = [dataclasses.replace(c, row=dict(c.row, owner=campus_id,
                                                             campus_id=campus_id))
                             for c in template]  # fmt: skip
            rates.append(_ingest(registry, peer, template_here, records))
            registry.close()
            if name == "PostgreSQL":
                with psycopg.connect(f"{postgres}/test", autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
        results.append([f"Registry.receive into {name}", f"{records:,}",
                        f"{median(rates):,.0f}", ", ".join(f"{r:,.0f}" for r in rates)])
    rates = []
    for _run in range(runs):
        database = f"sanad_bench_{secrets.token_hex(3)}"
        with psycopg.connect(f"{postgres}/test", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{database}"')
        rates.append(_ingest_over_http(folder, demo, f"{postgres}/{database}", template,
                                       records))  # fmt: skip
        with psycopg.connect(f"{postgres}/test", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
    results.append(["pushed over HTTP (uvicorn, one client) into PostgreSQL", f"{records:,}",
                    f"{median(rates):,.0f}", ", ".join(f"{r:,.0f}" for r in rates)])
    print(f"\n### Registry ingest, batches of 2,000, {runs} runs\n")
    print_table(["path", "records", "records/s (median)", "runs"], results)


def _ingest_over_http(folder: Path, demo: Path, url: str, template: list[Change],
                      total: int) -> float:  # fmt: skip
    """A hub pushes ``total`` records through the real client session and server app."""
    registry = Registry.open(url)
    hub_db = folder / f"http-hub-{secrets.token_hex(3)}.db"
    shutil.copy(demo, hub_db)
    with Store.open(hub_db) as hub:
        code = hub.one("SELECT code FROM campuses")["code"]
        registry.add_campus(code, "Demo")
        with serve_in_thread(make_app(registry)) as address:
            join(hub, address, registry.create_code(code)[0])
            key = device_key(hub)
            copies = fresh_copies((template * (total // len(template) + 1))[:total], key.device_id)
            copies = [dataclasses.replace(c, row=dict(c.row, owner=hub.campus_id,
                                                      campus_id=hub.campus_id))
                      for c in copies]  # fmt: skip
            session = _Session(address, key, verify=True, timeout=60, cancel=None)
            started = time.perf_counter()
            for start in range(0, total, 2000):
                session.request("POST", "/sync/v1/push", encode_batch(copies[start : start + 2000]),
                                content_type=MEDIA_TYPE)  # fmt: skip
            rate = total / (time.perf_counter() - started)
            session.close()
    registry.close()
    hub_db.unlink()
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=2100)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--ingest-records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sanad-bench-sync-"))
    try:
        print_machine(folder)
        demo = folder / "demo.db"
        create_demo(demo, learners=args.learners)
        measure_wire(folder, demo, args.records)
        measure_ingest(folder, demo, args.ingest_records, args.runs, args.postgres)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
