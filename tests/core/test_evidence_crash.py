"""Killed in the middle of adding an evidence file (``kill -9``, a power cut): the file is
either complete and recorded, or not recorded at all, and the database stays healthy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.blobs import BlobStore
from desktop.core.health import check_database
from desktop.core.paths import evidence_dir
from desktop.core.services import enrolments
from desktop.core.store import Store

# Adds one large file, slowly enough to be killed at any point of it; says when it starts.
CHILD = """
import sys, time
from pathlib import Path
from desktop.core.blobs import BlobStore
from desktop.core.paths import evidence_dir
from desktop.core.services import evidence
from desktop.core.store import Actor, Store
import desktop.core.blobs as blobs_module

db, actor_id, campus_id, enrolment_id, requirement_id, path = sys.argv[1:7]
blobs_module.CHUNK = 256 * 1024
real_read = evidence._Rest.read
def slow_read(self, size=-1):
    time.sleep(0.002)
    return real_read(self, size)
evidence._Rest.read = slow_read
store = Store.open(Path(db))
admin = Actor(actor_id, "Sana Mirza", "admin", campus_id, "focal")
print("copying", flush=True)
evidence.add_file(store, admin, BlobStore(evidence_dir(db)), enrolment_id, requirement_id, path)
print("recorded", flush=True)
store.close()
"""


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15, 0.3, 0.6, "after"])
def test_kill_9_while_adding_a_file(campus, tmp_path, delay):
    enrolment = enrolments.enrol(campus.store, campus.admin, campus.cohort_id,
                                 campus.learner_ids[0])  # fmt: skip
    requirement_id = campus.requirement_ids[0]
    campus.store.close()
    work = tmp_path / "dataset.csv"
    line = b"district,tehsil,enrolled,completed\n"
    work.write_bytes(line * (40 * 1024 * 1024 // len(line)))  # 40 MB
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(campus.path), campus.admin.user_id,
         campus.admin.campus_id, enrolment["id"], requirement_id, str(work)],
        stdout=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert child.stdout.readline().strip() == b"copying"
    if delay == "after":
        assert child.stdout.readline().strip() == b"recorded"
    else:
        time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)

    blobs = BlobStore(evidence_dir(campus.path))
    with Store.open(campus.path) as store:
        rows = store.query("SELECT sha256, size FROM evidence WHERE enrolment_id = ?",
                           (enrolment["id"],))  # fmt: skip
        report = check_database(store)
    assert report.healthy, report.problems
    if delay == 0.0:  # killed at once: the copy (0.3 s or more) cannot have finished
        assert rows == []
    if delay == "after":
        assert len(rows) == 1
    if rows:  # recorded: then the whole file is there, under its hash
        assert len(rows) == 1 and rows[0]["size"] == work.stat().st_size
        assert blobs.verify(rows[0]["sha256"])
    else:  # not recorded: no finished file without its record
        assert list(blobs) == []
    # A copy cut short is only ever a temporary file, cleared when it is old enough.
    partials = list(blobs.root.glob(".incoming-*")) if blobs.root.exists() else []
    for partial in partials:
        os.utime(partial, (time.time() - 7200, time.time() - 7200))
    assert blobs.remove_partial_copies() == len(partials)
    assert not list(blobs.root.glob(".incoming-*")) if blobs.root.exists() else True


def test_check_finds_a_recorded_file_that_is_missing(campus, tmp_path):
    from desktop.core.services import evidence

    enrolment = enrolments.enrol(campus.store, campus.admin, campus.cohort_id,
                                 campus.learner_ids[0])  # fmt: skip
    blobs = BlobStore(evidence_dir(campus.path))
    work = tmp_path / "cleaned.csv"
    work.write_bytes(b"district,enrolled\nQuetta,120\n")
    row = evidence.add_file(campus.store, campus.admin, blobs, enrolment["id"],
                            campus.requirement_ids[0], work)  # fmt: skip
    assert check_database(campus.store).healthy
    assert check_database(campus.store).counts["evidence_files"] == 1
    blobs.path_for(row["sha256"]).unlink()
    report = check_database(campus.store)
    assert not report.healthy
    assert "1 evidence files are recorded but missing" in report.problems[0]
