"""The whole chain with real processes on loopback: head office's desktop and a campus hub
sync with the registry (``sanad registry serve``, on SQLite and on PostgreSQL); a lab station
joins the hub over HTTPS (``sanad hub serve``) and syncs with it. Every sync is the headless
``sanad sync --db PATH`` a scheduled task runs. Afterwards every node holds the same rows in its
scope, and every database passes ``sanad db check``."""

from __future__ import annotations

import subprocess

import pytest

from desktop.core.blobs import BlobStore
from desktop.core.paths import evidence_dir
from desktop.core.services import evidence, learners, users
from desktop.core.store import Store
from sync.registry.store import Registry
from tests.sync.network import (
    STUDENT_PASSWORD,
    make_campus,
    make_head_office,
    postgres_database,
    publish_national,
    registry_rows,
    rows_of,
    run_campus_term,
)
from tests.sync.servers import SANAD, SanadProcess, free_port


def sanad(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([*SANAD, *args], capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"sanad {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(params=["sqlite", "postgresql"])
def registry_db(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.db'}"
        return
    with postgres_database() as url:
        yield url


def test_station_hub_registry_converge(registry_db, tmp_path):
    ho_db, hub_db, station_db = tmp_path / "ho.db", tmp_path / "hub.db", tmp_path / "station.db"
    ho_admin = make_head_office(ho_db)
    hub_admin = make_campus(hub_db, "QAU")
    sanad("registry", "add-campus", "--db", registry_db, "--code", "HO", "--name", "Head office")
    sanad("registry", "add-campus", "--db", registry_db, "--code", "QAU", "--name", "QAU")
    ho_code = sanad("registry", "create-code", "--db", registry_db, "--campus", "HO",
                    "--kind", "head-office").stdout.strip()  # fmt: skip
    hub_code = sanad("registry", "create-code", "--db", registry_db,
                     "--campus", "QAU").stdout.strip()  # fmt: skip

    registry_port = free_port()
    with SanadProcess(["registry", "serve", "--db", registry_db, "--port", str(registry_port),
                       "--files", str(tmp_path / "registry-files")], port=registry_port,
                      log=tmp_path / "registry.log") as registry:  # fmt: skip
        # Head office joins and publishes the national catalogue; the campus joins and gets it.
        sanad("sync", "join", "--db", str(ho_db), "--url", registry.url, "--code", ho_code)
        national_id = publish_national(ho_db, ho_admin)
        sanad("sync", "--db", str(ho_db))
        sanad("sync", "join", "--db", str(hub_db), "--url", registry.url, "--code", hub_code)
        sanad("sync", "--db", str(hub_db))
        with Store.open(hub_db) as hub:
            assert hub.get("micro_credentials", national_id)["scope"] == "national"
        term = run_campus_term(hub_db, hub_admin, national_id)

        # A lab station joins the hub over HTTPS (certificate pinned at joining).
        hub_port = free_port()
        with SanadProcess(["hub", "serve", "--db", str(hub_db), "--host", "127.0.0.1",
                           "--port", str(hub_port)], port=hub_port, scheme="https",
                          log=tmp_path / "hub.log") as hub_server:  # fmt: skip
            station_code = sanad("hub", "station-code", "--db", str(hub_db)).stdout.strip()
            sanad("sync", "join", "--db", str(station_db), "--url", hub_server.url,
                  "--code", station_code, "--station", "--name", "Lab PC 1")  # fmt: skip

            # At the station, the student adds evidence; the focal person (at the hub) edits
            # a learner; both sync.
            student = term["student"]
            work = tmp_path / "my-analysis.csv"
            work.write_text("region,sales\nPunjab,120\nSindh,95\n")
            with Store.open(station_db) as station:
                # The student signs in at the station with the account made at the hub.
                student_actor = users.authenticate(station, student["username"],
                                                   STUDENT_PASSWORD)  # fmt: skip
                requirement = station.one(
                    "SELECT json_extract(evidence_requirements, '$[0].id') AS id "
                    "FROM micro_credentials WHERE id = ?", (national_id,))["id"]  # fmt: skip
                added = evidence.add_file(station, student_actor,
                                          BlobStore(evidence_dir(station_db)),
                                          term["enrolments"][0]["id"], requirement, work)
            with Store.open(hub_db) as hub:
                learners.update_learner(hub, hub_admin, term["learners"][1]["id"],
                                        {"phone": "0333-7654321"})  # fmt: skip
            sanad("sync", "--db", str(station_db))
            sanad("sync", "--db", str(hub_db))  # up to head office, down from it
            sanad("sync", "--db", str(ho_db))
            sanad("sync", "--db", str(station_db))

        registry_files = tmp_path / "registry-files"
        assert (evidence_dir(hub_db) / added["sha256"][:2] / added["sha256"]).exists()
        assert list(registry_files.rglob(added["sha256"])), "the evidence reached head office"

    with Store.open(hub_db) as hub:
        campus_id = hub.campus_id
    scope = {campus_id, "national"}
    hub_rows = rows_of(hub_db, scope)
    assert rows_of(station_db, scope) == hub_rows
    node = Registry.open(registry_db)
    try:
        assert registry_rows(node, scope) == hub_rows
        head_office_rows = rows_of(ho_db)
        assert registry_rows(node) == head_office_rows
    finally:
        node.close()
    assert ("evidence", added["id"]) in head_office_rows
    for path in (ho_db, hub_db, station_db):
        assert "healthy" in sanad("db", "check", str(path)).stdout
