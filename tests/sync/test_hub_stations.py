"""A campus hub and its lab stations over HTTPS on loopback (``sync.hub_server``): who may
give codes and revoke stations, what a revoked station is told, how far off a station's clock
is, and that a refused join leaves a new database new."""

from __future__ import annotations

import contextlib

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.core.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from desktop.core.store import SYSTEM, Store
from sync import client
from sync.client import SyncProblem, join_station, sync_once
from sync.hub import create_station_code, revoke_station, stations
from sync.hub_server import HubServer


@contextlib.contextmanager
def _serving(path):
    server = HubServer(path, host="127.0.0.1", port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def hub(campus, monkeypatch):
    # The server reads a device's record again only every few seconds: here, at once.
    monkeypatch.setattr("sync.server.PEER_CACHE_SECONDS", 0.0)
    with _serving(campus.path) as server:
        yield campus, server


def test_only_a_focal_person_gives_codes_and_revokes(hub, tmp_path):
    campus, server = hub
    with pytest.raises(PermissionDenied):
        create_station_code(campus.store, campus.assessor)
    code, _ = create_station_code(campus.store, campus.admin)
    join_station(tmp_path / "station.db", server.url, code, name="Lab PC 1").close()
    station = stations(campus.store)[0]
    with pytest.raises(PermissionDenied):
        revoke_station(campus.store, campus.assessor, station["id"], "lost")
    with pytest.raises(InvalidInput):
        revoke_station(campus.store, campus.admin, station["id"], "  ")
    with pytest.raises(NotFound):
        revoke_station(campus.store, campus.admin, campus.store.device_id, "not a station")
    revoked = revoke_station(campus.store, campus.admin, station["id"], "Stolen from lab 2")
    assert revoked["revoked_reason"] == "Stolen from lab 2"
    with pytest.raises(InvalidTransition):
        revoke_station(campus.store, campus.admin, station["id"], "again")
    audit = campus.store.one("SELECT actor_name, detail FROM audit_log "
                             "WHERE action = 'device.revoke'")  # fmt: skip
    assert audit["actor_name"] == "Sana Mirza" and "Stolen from lab 2" in audit["detail"]
    with Store.open(tmp_path / "station.db") as lab, pytest.raises(SyncProblem) as told:
        sync_once(lab)
    assert told.value.code == "revoked" and "Stolen from lab 2" in str(told.value)


def test_the_command_line_revokes_through_the_same_rule(hub, tmp_path):
    campus, server = hub
    code, _ = create_station_code(campus.store, SYSTEM)
    join_station(tmp_path / "station.db", server.url, code, name="Lab PC 1").close()
    station = stations(campus.store)[0]
    args = ["hub", "revoke-station", "--db", str(campus.path), station["id"], "--reason", "lost"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and result.output == "Revoked Lab PC 1.\n"
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 1 and "was already revoked on" in again.output


def test_the_hub_keeps_how_far_off_a_station_clock_is(hub, tmp_path, monkeypatch):
    """Only hello is signed by the station's own clock; the later requests are corrected, and
    must not overwrite what hello showed."""
    campus, server = hub
    code, _ = create_station_code(campus.store, campus.admin)
    station = join_station(tmp_path / "station.db", server.url, code)
    opened = client._Session.__init__

    def slow_clock(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        self.clock_offset = -600.0  # this station's clock is ten minutes slow

    monkeypatch.setattr(client._Session, "__init__", slow_clock)
    sync_once(station)
    station.close()
    offset = stations(campus.store)[0]["clock_offset_seconds"]
    assert 590 < offset < 610


def test_a_refused_join_leaves_the_new_database_new(hub, tmp_path):
    campus, server = hub
    path = tmp_path / "station.db"
    with pytest.raises(SyncProblem, match="no such code"):
        join_station(path, server.url, "ZZZZ-ZZZZ-ZZZZ-ZZZZ")
    with Store.open(path) as store:
        assert store.device_id is None and store.setting("node_kind") is None
    code, _ = create_station_code(campus.store, campus.admin)
    with join_station(path, server.url, code) as station:  # the second try is not refused
        assert station.setting("node_kind") == "station" and station.campus_id
