"""The dashboard's figures, from a registry filled by real syncs of two campuses, checked
against the same things counted in each campus's own database; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3

import pytest
from sqlalchemy import select, update
from starlette.testclient import TestClient

from desktop.core.paths import evidence_dir
from desktop.core.services import learners
from desktop.core.services.users import authenticate
from desktop.core.store import Store
from sync.identity import device_key, sign_request
from sync.registry import reports
from sync.registry import schema as t
from tests.conftest import ADMIN_PASSWORD
from tests.registry.dashboard_kit import (
    PLANS,
    build_network,
    expected_figures,
    head_office_on,
)

DATABASES = ["sqlite", "postgresql"]


@pytest.fixture(scope="module", params=DATABASES)
def network(request, tmp_path_factory):
    """Read by the tests, never changed."""
    folder = tmp_path_factory.mktemp(request.param)
    with head_office_on(request.param, folder) as office:
        yield build_network(office, folder)


@pytest.fixture(params=DATABASES)
def held_back(request, tmp_path):
    """A network whose evidence files all stayed at the campuses (the policy wanted none)."""
    with head_office_on(request.param, tmp_path) as office:
        office.registry.set_setting("evidence_policy", "sample:0")
        yield build_network(office, tmp_path)


def _by_code(figures):
    return {f.code: f for f in figures}


def test_each_campus_figures_are_what_it_holds(network):
    figures = _by_code(reports.campus_figures(network.office.registry, network.office.files))
    assert sorted(figures) == ["HO", "KIU", "QAU"]
    for code, path in network.campuses.items():
        expected = expected_figures(path)
        got = figures[code]
        assert got.campus_id == expected["campus_id"]
        assert (got.learners, got.enrolments, got.passes, got.issued, got.revoked) == (
            expected["learners"], expected["enrolments"], expected["passes"],
            expected["issued"], expected["revoked"])  # fmt: skip
        assert got.files_waiting == 0  # the policy was "all", and every file went up
    plan = PLANS["QAU"]
    assert figures["QAU"].passes == plan.passes and figures["QAU"].revoked == plan.revoke
    assert figures["KIU"].revoked == 0  # its one suspended credential is not revoked
    assert (figures["HO"].learners, figures["HO"].issued) == (0, 0)
    total = reports.totals(list(figures.values()))
    assert total.learners == sum(expected_figures(p)["learners"] for p in network.campuses.values())
    assert total.issued == figures["QAU"].issued + figures["KIU"].issued


def test_one_campus_alone_has_the_same_figures(network):
    everything = _by_code(reports.campus_figures(network.office.registry, network.office.files))
    [alone] = reports.campus_figures(network.office.registry, network.office.files,
                                     campus_code="KIU")  # fmt: skip
    assert alone == everything["KIU"]
    assert reports.campus_figures(network.office.registry, campus_code="NOPE") == []


def test_credentials_per_month_are_counted_in_their_month(network):
    today = dt.datetime.now(dt.UTC).date()
    monthly = reports.monthly_issued(network.office.registry, today=today)
    assert len(monthly.months) == 12 and monthly.months[-1] == today.strftime("%Y-%m")
    for code, path in network.campuses.items():
        assert monthly.counts[code] == [0] * 11 + [expected_figures(path)["issued"]]
    assert monthly.total()[-1] == sum(expected_figures(p)["issued"]
                                      for p in network.campuses.values())  # fmt: skip
    a_year_on = reports.monthly_issued(network.office.registry, today=today.replace(
        year=today.year + 1))  # fmt: skip
    assert a_year_on.total() == [0] * 12


def test_last_months_cross_the_year():
    assert reports.last_months(dt.date(2026, 2, 14), 4) == ["2025-11", "2025-12", "2026-01",
                                                            "2026-02"]  # fmt: skip


def test_every_device_is_healthy_after_a_sync(network):
    devices = reports.device_health(network.office.registry)
    assert sorted((d.campus_code, d.kind) for d in devices) == [
        ("HO", "head_office"), ("KIU", "hub"), ("QAU", "hub")]  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    for device in devices:
        assert device.behind == 0 and device.last_seen_at and device.flags(now) == []
    assert [d.campus_code for d in reports.device_health(network.office.registry,
                                                         campus_code="QAU")] == ["QAU"]


def _signed(app, store, method, path, body=b"", clock_offset=0.0):
    headers = sign_request(device_key(store), method, path, body, clock_offset=clock_offset)
    return TestClient(app).request(method, path, content=body, headers=headers)


def test_changes_a_campus_holds_that_have_not_come_up_are_counted(held_back):
    office, path = held_back.office, held_back.campuses["QAU"]
    with Store.open(path) as store:
        before = store.scalar("SELECT max(seq) FROM change_log WHERE device_id = ?",
                              (store.device_id,))  # fmt: skip
        actor = authenticate(store, "focal", ADMIN_PASSWORD)
        learners.register_learners(store, actor, [
            {"registration_no": f"QAU-LATE-{n}", "full_name": f"Late learner {n}"}
            for n in range(3)])  # fmt: skip
        written = store.scalar("SELECT count(*) FROM change_log WHERE device_id = ? AND seq > ?",
                               (store.device_id, before))  # fmt: skip
        held = {r["device_id"]: r["top"] for r in store.query(
            "SELECT device_id, max(seq) AS top FROM change_log GROUP BY device_id")}  # fmt: skip
        # a pull, as a sync that was cut before pushing makes it: it says what the hub holds
        body = json.dumps({"after": 0, "limit": 1, "held": held}).encode()
        assert _signed(office.app, store, "POST", "/sync/v1/pull", body).status_code == 200
    behind = {d.campus_code: d.behind for d in reports.device_health(office.registry)}
    assert written >= 3 and behind == {"HO": 0, "KIU": 0, "QAU": written}
    office.sync(path)
    assert reports.device_health(office.registry, campus_code="QAU")[0].behind == 0


def test_silent_revoked_and_wrong_clock_devices_are_flagged(held_back):
    office, path = held_back.office, held_back.campuses["KIU"]
    with Store.open(path) as store:  # a hello from a computer whose clock is 15 min behind
        assert _signed(office.app, store, "GET", "/sync/v1/hello",
                       clock_offset=-900).status_code == 200  # fmt: skip
        kiu_device = store.device_id
    now = dt.datetime.now(dt.UTC)
    flags = {d.campus_code: d.flags(now) for d in reports.device_health(office.registry)}
    assert flags == {"HO": [], "KIU": ["clock"], "QAU": []}
    [kiu] = reports.device_health(office.registry, campus_code="KIU")
    assert 890 < kiu.clock_offset_seconds < 910
    later = now + dt.timedelta(days=7, hours=1)
    assert {d.campus_code: d.flags(later) for d in reports.device_health(office.registry)} == {
        "HO": ["silent"], "KIU": ["silent", "clock"], "QAU": ["silent"]}  # fmt: skip
    office.registry.revoke_device(kiu_device, "stolen")
    assert reports.device_health(office.registry, campus_code="KIU")[0].flags(later) == [
        "revoked"]  # fmt: skip
    with office.registry.engine.begin() as conn:  # a device that never came back after joining
        conn.execute(update(t.devices).where(t.devices.c.campus_code == "QAU")
                     .values(last_seen_at=None))  # fmt: skip
    assert reports.device_health(office.registry, campus_code="QAU")[0].flags(now) == ["silent"]


def _wanted_by(policy: str, files: dict[str, int]) -> set[str]:
    """The evidence policy, written again from its description."""
    if policy == "all":
        return set(files)
    if policy.startswith("cap:"):
        return {sha for sha, size in files.items() if size <= int(policy[4:])}
    percent = int(policy.removeprefix("sample:"))
    return {sha for sha in files if int(sha[:8], 16) % 100 < percent}


def test_files_waiting_follow_the_policy_and_the_file_store(held_back):
    office = held_back.office
    files = {code: expected_figures(p)["files"] for code, p in held_back.campuses.items()}
    sizes = sorted(s for f in files.values() for s in f.values())
    for policy in ("sample:0", "all", f"cap:{sizes[len(sizes) // 2]}", "sample:50"):
        office.registry.set_setting("evidence_policy", policy)
        figures = _by_code(reports.campus_figures(office.registry, office.files))
        for code in held_back.campuses:
            assert figures[code].files_waiting == len(_wanted_by(policy, files[code])), policy
    # without a file store nothing has arrived; with one, a file that arrived is not waiting
    office.registry.set_setting("evidence_policy", "all")
    assert _by_code(reports.campus_figures(office.registry))["QAU"].files_waiting == len(
        files["QAU"])  # fmt: skip
    arrived = sorted(files["QAU"])[0]
    source = evidence_dir(held_back.campuses["QAU"]) / arrived[:2] / arrived
    office.files.path(arrived).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, office.files.path(arrived))
    figures = _by_code(reports.campus_figures(office.registry, office.files))
    assert (figures["QAU"].files_waiting, figures["KIU"].files_waiting) == (
        len(files["QAU"]) - 1, len(files["KIU"]))  # fmt: skip
    # a campus told once that its files were not wanted does not offer them again when the
    # policy changes: they stay waiting until head office asks for them (a QA sample)
    office.sync(held_back.campuses["QAU"])
    assert _by_code(reports.campus_figures(office.registry, office.files))["QAU"].files_waiting == (
        len(files["QAU"]) - 1)  # fmt: skip


def test_a_qa_request_counts_as_waiting_whatever_the_policy(held_back):
    office = held_back.office
    sample = reports.draw_sample(office.registry, "QAU", 2, "someone", files=office.files)
    figures = _by_code(reports.campus_figures(office.registry, office.files))
    assert figures["QAU"].files_waiting == 2 and figures["KIU"].files_waiting == 0
    assert {f.sha256 for f in sample.files} <= set(expected_figures(
        held_back.campuses["QAU"])["files"])  # fmt: skip


def test_a_sample_is_drawn_among_assessed_files_not_held_nor_asked(held_back):
    office, path = held_back.office, held_back.campuses["QAU"]
    assessed = expected_figures(path)["assessed_files"]
    assert 0 < len(assessed) < len(expected_figures(path)["files"])  # one is not marked yet
    first = reports.draw_sample(office.registry, "qau", 2, "u1", "  term 1  ", files=office.files)
    assert (first.campus_code, first.size, first.note, first.drawn_by) == ("QAU", 2, "term 1",
                                                                           "u1")  # fmt: skip
    assert len({f.sha256 for f in first.files}) == 2 and {f.sha256 for f in first.files} <= assessed
    rest = reports.draw_sample(office.registry, "QAU", 100, "u1", files=office.files)
    assert {f.sha256 for f in rest.files} == assessed - {f.sha256 for f in first.files}
    assert rest.size == len(assessed) - 2
    with pytest.raises(reports.ReportProblem, match="nothing to sample"):
        reports.draw_sample(office.registry, "QAU", 1, "u1", files=office.files)
    listed = reports.samples(office.registry, office.files, campus_code="QAU")
    assert [s.id for s in listed] == [rest.id, first.id]
    assert all(s.received == 0 and s.waiting == len(s.files) for s in listed)
    described = {f.sha256: f for s in listed for f in s.files}
    names = dict(sqlite3.connect(path).execute(
        "SELECT sha256, original_name FROM evidence WHERE kind = 'file'").fetchall())  # fmt: skip
    assert {sha: f.original_name for sha, f in described.items()} == {
        sha: names[sha] for sha in described}  # fmt: skip
    with office.registry.engine.connect() as conn:
        requests = conn.execute(select(t.file_requests.c.campus_code,
                                       t.file_requests.c.sha256)).all()  # fmt: skip
    assert sorted(requests) == sorted(("QAU", sha) for sha in assessed)


@pytest.mark.parametrize(
    ("campus", "size", "says"),
    [("QAU", 0, "1 to 500 files"), ("QAU", 501, "1 to 500 files"), ("NOPE", 3, "not registered"),
     ("", 3, "not registered")],
)  # fmt: skip
def test_a_sample_that_cannot_be_drawn_says_why(network, campus, size, says):
    with pytest.raises(reports.ReportProblem, match=says):
        reports.draw_sample(network.office.registry, campus, size, "u1")
    assert reports.samples(network.office.registry) == []


def test_a_campus_that_has_not_joined_has_no_sample(held_back):
    held_back.office.registry.add_campus("LUMS", "Lahore University")
    with pytest.raises(reports.ReportProblem, match="has not joined yet"):
        reports.draw_sample(held_back.office.registry, "LUMS", 3, "u1")
    figures = _by_code(reports.campus_figures(held_back.office.registry))
    assert figures["LUMS"] == reports.CampusFigures("LUMS", "Lahore University", None)
