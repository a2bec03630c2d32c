"""Sync through a link that fails: the fault-injecting proxy resets, stalls, truncates,
corrupts and slows the connection between a campus hub (or head office) and the registry; the
registry and the client are also killed with ``kill -9`` in the middle of a batch. Afterwards a
sync completes, the registry holds exactly the hub's records (nothing lost, nothing twice) and
every database passes the health check."""

from __future__ import annotations

import datetime as dt
import subprocess
import time
from pathlib import Path

import pytest

from desktop.core.health import check_database
from desktop.core.services import learners
from desktop.core.store import Store
from sync.client import SyncProblem, join, links, sync_once
from sync.file_store import LocalFileStore
from sync.registry import schema as t
from sync.registry.store import Registry
from sync.server import make_app
from sync.uploads import upload_routes
from tests.sync.fault_proxy import FaultProxy
from tests.sync.network import make_campus, make_head_office, registry_rows, rows_of
from tests.sync.servers import SANAD, SanadProcess, free_port, serve_in_thread

LEARNERS = 2000


@pytest.fixture(scope="module")
def campus_with_records(tmp_path_factory):
    """A campus hub with a couple of thousand learners (some 2,400 change-log entries)."""
    folder = tmp_path_factory.mktemp("campus")
    path = folder / "hub.db"
    admin = make_campus(path, "QAU")
    with Store.open(path) as store:
        learners.register_learners(store, admin, [
            {"registration_no": f"QAU-2026-{n:05d}", "full_name": f"Learner {n}",
             "gender": "female" if n % 2 else "male", "phone": f"0300-1{n:06d}"}
            for n in range(LEARNERS)
        ])  # fmt: skip
        for n in range(0, LEARNERS, 7):  # edited since: later versions of some rows
            row = store.one("SELECT id FROM learners WHERE registration_no = ?",
                            (f"QAU-2026-{n:05d}",))  # fmt: skip
            learners.update_learner(store, admin, row["id"], {"phone": f"0333-7{n:06d}"})
    return path


class Network:
    def __init__(self, folder: Path, hub_source: Path) -> None:
        self.folder = folder
        self.hub_db = folder / "hub.db"
        self.hub_db.write_bytes(hub_source.read_bytes())
        self.ho_db = folder / "ho.db"
        make_head_office(self.ho_db)
        self.registry_url = f"sqlite:///{folder / 'registry.db'}"
        self.registry = Registry.open(self.registry_url)
        self.registry.add_campus("QAU", "QAU")
        self.registry.add_campus("HO", "Head office")
        self.files = LocalFileStore(folder / "registry-files")

    def app(self):
        return make_app(self.registry, upload_routes=lambda auth: upload_routes(
            self.files, authenticate=auth, max_size=1 << 26, expiry=dt.timedelta(days=1)))

    def join_all(self, url: str) -> None:
        with Store.open(self.hub_db) as hub:
            join(hub, url, self.registry.create_code("QAU")[0])
        with Store.open(self.ho_db) as ho:
            join(ho, url, self.registry.create_code("HO", kind="head_office")[0])

    def sync(self, path: Path, **options) -> object:
        with Store.open(path) as store:
            return sync_once(store, links(store)[0], **options)

    def assert_whole(self) -> None:
        """The registry holds exactly the hub's rows and head office holds everything; the log
        holds each entry once; every database is healthy."""
        with Store.open(self.hub_db) as hub:
            campus_id = hub.campus_id
            assert check_database(hub).healthy, check_database(hub).problems
            hub_entries = hub.scalar("SELECT count(*) FROM change_log")
        hub_rows = rows_of(self.hub_db, {campus_id})
        assert registry_rows(self.registry, {campus_id}) == hub_rows
        assert len(hub_rows) > LEARNERS
        assert self.registry.count(t.log) >= hub_entries  # and unique by (device, seq)
        assert registry_rows(self.registry) == rows_of(self.ho_db)
        with Store.open(self.ho_db) as ho:
            assert check_database(ho).healthy, check_database(ho).problems


@pytest.fixture
def network(tmp_path, campus_with_records):
    net = Network(tmp_path, campus_with_records)
    yield net
    net.registry.close()


@pytest.fixture
def proxied(network):
    with serve_in_thread(network.app()) as url:
        host, port = url.removeprefix("http://").split(":")
        with FaultProxy((host, int(port))) as proxy:
            network.join_all(proxy.url)
            yield network, proxy


def _sync_until_done(network: Network, path: Path, attempts: int = 4, **options) -> list[str]:
    """Sync as the scheduler would: again after a failure. The failures' messages."""
    said = []
    for _ in range(attempts):
        try:
            network.sync(path, **options)
            return said
        except SyncProblem as exc:
            said.append(str(exc))
    raise AssertionError(f"sync did not complete: {said}")


@pytest.mark.parametrize("direction", ["upstream", "downstream"])
def test_a_reset_mid_batch_then_sync_completes(proxied, direction):
    network, proxy = proxied
    proxy.reset_after(10_000, direction, once=True)
    _sync_until_done(network, network.hub_db, batch=300)
    _sync_until_done(network, network.ho_db, batch=300)
    assert [f.kind for f in proxy.faults_fired] == ["reset"]
    network.assert_whole()


def test_a_stalled_link_times_out_with_a_plain_message_then_resumes(proxied):
    network, proxy = proxied
    proxy.stall_after(2_000, "upstream")  # every connection, after 2 kB
    with pytest.raises(SyncProblem) as stalled:
        network.sync(network.hub_db, batch=300, timeout=1.0)
    assert "nothing moved" in str(stalled.value) or "connection broke" in str(stalled.value)
    with Store.open(network.hub_db) as hub:
        link = links(hub)[0]
        assert link.last_error == str(stalled.value) and link.next_attempt_at
    proxy.clear()
    _sync_until_done(network, network.hub_db, batch=300)
    _sync_until_done(network, network.ho_db, batch=300)
    network.assert_whole()


@pytest.mark.parametrize("direction", ["upstream", "downstream"])
def test_a_truncated_answer_or_request_changes_nothing_wrongly(proxied, direction):
    network, proxy = proxied
    proxy.truncate_after(10_000, direction, once=True)
    _sync_until_done(network, network.hub_db, batch=300)
    proxy.truncate_after(5_000, direction, once=True)
    _sync_until_done(network, network.ho_db, batch=300)
    network.assert_whole()


@pytest.mark.parametrize("direction", ["upstream", "downstream"])
def test_corrupted_bytes_are_refused_not_applied(proxied, direction):
    """A flipped byte breaks the request's signature (upstream) or the answer's (downstream),
    or HTTP itself: either way nothing damaged is applied, and a clean sync then completes."""
    network, proxy = proxied
    proxy.corrupt_every(2_001, direction)
    failures = []
    for path in (network.hub_db, network.ho_db):
        try:
            network.sync(path, batch=300, timeout=2.0)
        except SyncProblem as exc:
            failures.append(str(exc))
    assert failures, "a link that flips every 2,001st byte cannot carry a whole sync"
    proxy.clear()
    _sync_until_done(network, network.hub_db, batch=300)
    _sync_until_done(network, network.ho_db, batch=300)
    network.assert_whole()


def test_a_slow_link_carries_a_whole_sync(proxied):
    network, proxy = proxied
    before = proxy.bytes_up
    proxy.rate_limit(2_000_000)  # 2 Mbit/s each way
    network.sync(network.hub_db)
    network.sync(network.ho_db)
    # Every byte of both syncs went through the limiter.
    assert proxy.rate_limiter.tokens_granted["upstream"] == proxy.bytes_up - before
    network.assert_whole()


def _wait_for(condition, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def test_kill_9_of_the_registry_mid_batch_then_sync_completes(network, tmp_path):
    port = free_port()
    server = SanadProcess(["registry", "serve", "--db", network.registry_url, "--port",
                           str(port), "--files", str(tmp_path / "files")], port=port,
                          log=tmp_path / "registry.log")  # fmt: skip
    network.registry.close()
    server.start()
    try:
        with FaultProxy(("127.0.0.1", port)) as proxy:
            network.join_all(proxy.url)
            proxy.rate_limit(100_000)  # slow enough to be killed in the middle of a batch
            client = subprocess.Popen([*SANAD, "sync", "--db", str(network.hub_db)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            _wait_for(lambda: proxy.bytes_up > 30_000, "the push to be under way")
            server.kill()
            _out, err = client.communicate(timeout=120)
            assert client.returncode == 1 and b"unreachable" in err
            proxy.clear()
            server.start()
            _sync_until_done(network, network.hub_db)
            _sync_until_done(network, network.ho_db)
    finally:
        server.stop()
    network.registry = Registry.open(network.registry_url)
    network.assert_whole()


@pytest.mark.parametrize("who", ["hub", "head_office"])
def test_kill_9_of_the_client_mid_batch_then_sync_completes(proxied, who):
    """The hub killed while pushing, or head office while pulling: the next sync completes
    from the last checkpoint, and nothing was applied twice or half."""
    network, proxy = proxied
    if who == "head_office":
        network.sync(network.hub_db)
    path = network.hub_db if who == "hub" else network.ho_db
    proxy.rate_limit(100_000)
    client = subprocess.Popen([*SANAD, "sync", "--db", str(path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    moved = (lambda: proxy.bytes_up > 30_000) if who == "hub" else (
        lambda: proxy.bytes_down > 30_000)
    _wait_for(moved, "the sync to be under way")
    client.kill()
    client.wait(30)
    proxy.clear()
    with Store.open(path) as store:
        assert check_database(store).healthy, check_database(store).problems
    _sync_until_done(network, network.hub_db)
    _sync_until_done(network, network.ho_db)
    network.assert_whole()
