"""QA requests travel with sync: head office draws a sample, the registry's ``/sync/v1/files``
names those files under ``requested``, and the campus's next sync sends them even though the
evidence policy had declined them before; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import secrets

import httpx
import pytest
from sqlalchemy import insert
from starlette.testclient import TestClient

from desktop.core.services.users import authenticate
from desktop.core.store import Store
from sync.client import join_station, links, sync_once
from sync.hub import HubNode, create_station_code
from sync.identity import device_key, sign_request
from sync.registry import reports
from sync.registry import schema as t
from sync.server import make_app
from tests.conftest import ADMIN_PASSWORD
from tests.registry.dashboard_kit import build_network, expected_figures, head_office_on


@pytest.fixture(params=["sqlite", "postgresql"])
def held_back(request, tmp_path):
    """Both campuses synced while the policy wanted no evidence file: all are declined."""
    with head_office_on(request.param, tmp_path) as office:
        office.registry.set_setting("evidence_policy", "sample:0")
        yield build_network(office, tmp_path)


def _files_answer(office, path, offered=()):
    body = json.dumps({"offered": [list(o) for o in offered]}).encode()
    with Store.open(path) as store:
        headers = sign_request(device_key(store), "POST", "/sync/v1/files", body)
    answer = TestClient(office.app).post("/sync/v1/files", content=body, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _sent_rows(path):
    with Store.open(path) as store:
        return {r["sha256"] for r in store.query("SELECT sha256 FROM files_sent")}


def test_requested_files_go_up_with_the_next_sync_though_declined_before(held_back):
    office, qau, kiu = held_back.office, held_back.campuses["QAU"], held_back.campuses["KIU"]
    every_file = set(expected_figures(qau)["files"])
    assert _sent_rows(qau) == every_file  # each was offered and declined
    assert not any(office.files.has(sha) for sha in every_file)

    sample = reports.draw_sample(office.registry, "QAU", 2, "qa-lead", files=office.files)
    asked = sorted(f.sha256 for f in sample.files)
    assert _files_answer(office, qau) == {"wanted": [], "requested": asked}
    assert _files_answer(office, kiu)["requested"] == []  # another campus is not asked
    by_campus = {d["campus_code"]: office.registry.peer(d["id"])
                 for d in office.registry.devices()}  # fmt: skip
    assert office.registry.requested_files(by_campus["QAU"]) == asked
    assert office.registry.requested_files(by_campus["KIU"]) == []

    report = office.sync(qau)
    assert report.files_sent == 2
    assert {sha for sha in every_file if office.files.has(sha)} == set(asked)
    assert _files_answer(office, qau)["requested"] == []
    [listed] = reports.samples(office.registry, office.files)
    assert (listed.received, listed.waiting) == (2, 0)
    assert office.sync(qau).files_sent == 0  # nothing asked, nothing declined is offered again
    assert office.sync(kiu).files_sent == 0


def test_a_requested_file_the_campus_lacks_is_passed_over(held_back):
    office, qau = held_back.office, held_back.campuses["QAU"]
    missing = secrets.token_hex(32)
    with office.registry.engine.begin() as conn:
        conn.execute(insert(t.samples).values(id="s-1", campus_code="QAU", size=1,
                                              drawn_at="2026-01-01T00:00:00.000Z",
                                              drawn_by="qa-lead", note=""))  # fmt: skip
        conn.execute(insert(t.file_requests).values(sample_id="s-1", sha256=missing,
                                                    campus_code="QAU", evidence_id="e-1",
                                                    requested_at="2026-01-01T00:00:00.000Z"))
    assert _files_answer(office, qau)["requested"] == [missing]
    assert office.sync(qau).files_sent == 0
    [listed] = reports.samples(office.registry, office.files)
    assert (listed.received, listed.waiting) == (0, 1)


class _Answering(httpx.BaseTransport):
    """The registry, but its ``/sync/v1/files`` answer also names ``extra`` as requested."""

    def __init__(self, inner: httpx.BaseTransport, extra: list[str]) -> None:
        self.inner, self.extra = inner, extra

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path != "/sync/v1/files":
            return response
        response.read()
        data = response.json()
        data["requested"] = [*data["requested"], *self.extra]
        return httpx.Response(200, json=data)


def test_only_hashes_of_the_campus_own_evidence_are_sent(held_back):
    """A requested name is used only as the hash of evidence this computer recorded: not a
    path, not a file it never had."""
    office, qau = held_back.office, held_back.campuses["QAU"]
    one = sorted(expected_figures(qau)["files"])[0]
    strange = ["../../../etc/passwd", one.upper(), 42, None, secrets.token_hex(32), one]
    with Store.open(qau) as store:
        report = sync_once(store, links(store)[0], transport=_Answering(office.transport, strange),
                           retry_delays=())  # fmt: skip
    assert report.files_sent == 1 and office.files.has(one)


def test_a_hub_asks_its_stations_for_nothing_by_name(held_back, tmp_path):
    hub_path = held_back.campuses["KIU"]
    with Store.open(hub_path) as hub:
        admin = authenticate(hub, "focal", ADMIN_PASSWORD)
        code, _ = create_station_code(hub, admin)
    node = HubNode(hub_path)
    try:
        app = make_app(node)
        station = join_station(tmp_path / "station.db", "http://hub", code, name="Lab PC 1",
                               transport=TestClient(app)._transport)  # fmt: skip
        with station:
            body = json.dumps({"offered": []}).encode()
            headers = sign_request(device_key(station), "POST", "/sync/v1/files", body)
            answer = TestClient(app).post("/sync/v1/files", content=body, headers=headers)
            assert answer.json() == {"wanted": [], "requested": []}
            assert node.requested_files(node.peer(station.device_id)) == []
            sync_once(station, links(station)[0], transport=TestClient(app)._transport,
                      retry_delays=())  # fmt: skip
    finally:
        node.close()
