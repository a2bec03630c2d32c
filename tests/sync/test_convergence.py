"""A property test of the whole protocol: random writes at two lab stations, their campus hub
and head office, random syncs between them in any order, in batches of any size, each cut
after any number of requests — then every node syncs until quiet, and all hold the same rows
in their scope, each entry once, every database healthy.

The servers are the real Starlette apps (``sync.server``) over the real nodes (``HubNode``,
``Registry``), reached in-process through Starlette's test transport, so one example costs
milliseconds of set-up, not a process start."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from desktop.core.health import check_database
from desktop.core.services import catalogue, learners
from desktop.core.store import Actor, Store
from sync.client import SyncProblem, join, join_station, links, sync_once
from sync.hub import HubNode, create_station_code
from sync.registry import schema as t
from sync.registry.store import Registry
from sync.server import make_app
from tests.sync.network import make_campus, make_head_office, registry_rows, rows_of

STATIONS = 2
NODES = ("hub", "station-1", "station-2", "head_office")
EDGES = ("station-1", "station-2", "hub", "head_office")  # each syncs with its upstream


def _transport(app) -> httpx.BaseTransport:
    return TestClient(app)._transport


class Cut(httpx.BaseTransport):
    """A link that drops after ``requests`` requests (``None``: never)."""

    def __init__(self, inner: httpx.BaseTransport, requests: int | None) -> None:
        self.inner, self.left = inner, requests

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.left is not None:
            if self.left <= 0:
                raise httpx.ConnectError("the link dropped", request=request)
            self.left -= 1
        return self.inner.handle_request(request)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Head office, a hub and two stations, all joined, nothing synced beyond joining."""
    folder = tmp_path_factory.mktemp("network")
    registry = Registry.open(f"sqlite:///{folder / 'registry.db'}")
    registry.add_campus("QAU", "QAU")
    registry.add_campus("HO", "Head office")
    ho_admin = make_head_office(folder / "head_office.db")
    hub_admin = make_campus(folder / "hub.db", "QAU")
    app = make_app(registry)
    with Store.open(folder / "head_office.db") as ho:
        join(ho, "http://registry", registry.create_code("HO", kind="head_office")[0],
             transport=_transport(app))  # fmt: skip
    with Store.open(folder / "hub.db") as hub:
        join(hub, "http://registry", registry.create_code("QAU")[0], transport=_transport(app))
    node = HubNode(folder / "hub.db")
    hub_app = make_app(node)
    for n in range(1, STATIONS + 1):
        code, _ = create_station_code(node.store, hub_admin)
        join_station(folder / f"station-{n}.db", "http://hub", code, name=f"Lab PC {n}",
                     transport=_transport(hub_app)).close()  # fmt: skip
    node.close()
    registry.close()
    return folder, {"hub": hub_admin, "head_office": ho_admin}


class Network:
    def __init__(self, template: Path, folder: Path, admins: dict[str, Actor]) -> None:
        for source in template.glob("*.db"):
            shutil.copy(source, folder / source.name)
        self.folder = folder
        self.registry = Registry.open(f"sqlite:///{folder / 'registry.db'}")
        self.hub_node = HubNode(folder / "hub.db")
        self.apps = {"registry": make_app(self.registry), "hub": make_app(self.hub_node)}
        self.stores = {name: Store.open(folder / f"{name}.db") for name in NODES
                       if name != "hub"}  # fmt: skip
        self.stores["hub"] = self.hub_node.store  # the app's and the served node's, as in the app
        self.admins = admins
        self.written = 0

    def close(self) -> None:
        for name, store in self.stores.items():
            if name != "hub":
                store.close()
        self.hub_node.close()
        self.registry.close()

    def write(self, where: str, n: int) -> None:
        store = self.stores[where]
        self.written += 1
        if where == "head_office":
            catalogue.create_track(store, self.admins["head_office"], code=f"T{self.written}",
                                   name_en=f"Track {self.written}")  # fmt: skip
            return
        admin = self.admins["hub"]
        rows = store.query("SELECT id FROM learners ORDER BY id")
        if rows and n % 2:
            learners.update_learner(store, admin, rows[n % len(rows)]["id"],
                                    {"phone": f"0300-{self.written:07d}"})  # fmt: skip
        else:
            learners.register_learner(store, admin, {
                "registration_no": f"{where[:3].upper()}-{self.written:05d}",
                "full_name": f"Learner {self.written}"})  # fmt: skip

    def sync(self, who: str, batch: int, cut: int | None) -> None:
        upstream = "registry" if who in ("hub", "head_office") else "hub"
        store = self.stores[who]
        transport = Cut(_transport(self.apps[upstream]), cut)
        try:
            sync_once(store, links(store)[0], batch=batch, transport=transport,
                      retry_delays=())
        except SyncProblem as exc:
            assert cut is not None, exc  # only a cut link may fail

    def settle(self) -> None:
        for _ in range(2):
            for who in ("station-1", "station-2", "hub", "head_office", "hub",
                        "station-1", "station-2"):  # fmt: skip
                self.sync(who, 500, None)


operations = st.lists(
    st.one_of(
        st.tuples(st.just("write"), st.sampled_from(NODES), st.integers(0, 100)),
        st.tuples(st.just("sync"), st.sampled_from(EDGES), st.integers(1, 40),
                  st.one_of(st.none(), st.integers(0, 6))),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=operations)
def test_any_writes_and_syncs_converge(template, tmp_path_factory, steps):
    folder, admins = template
    network = Network(folder, tmp_path_factory.mktemp("run"), admins)
    try:
        for step in steps:
            if step[0] == "write":
                network.write(step[1], step[2])
            else:
                network.sync(step[1], step[2], step[3])
        network.settle()
        hub = network.stores["hub"]
        scope = {hub.campus_id, "national"}
        hub_rows = rows_of(network.folder / "hub.db", scope)
        for n in range(1, STATIONS + 1):
            assert rows_of(network.folder / f"station-{n}.db", scope) == hub_rows
        everything = registry_rows(network.registry)
        assert registry_rows(network.registry, scope) == hub_rows
        assert rows_of(network.folder / "head_office.db") == everything
        log = network.registry.count(t.log)
        assert log == len({(c["device_id"], c["seq"]) for c in _log(network.registry)})
        for store in network.stores.values():
            assert check_database(store).healthy, check_database(store).problems
    finally:
        network.close()


def _log(registry: Registry) -> list[dict]:
    from sqlalchemy import select

    with registry.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(t.log.c.device_id, t.log.c.seq)).mappings()]
