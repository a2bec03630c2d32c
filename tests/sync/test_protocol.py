"""The sync protocol's refusals and its downstream documents, against the real server app
(in-process): a revoked device, another protocol version, a wrong clock, a change that is not
the sender's to make, the evidence policy, and the trust list and status lists reaching every
node."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import httpx
import pytest
from starlette.testclient import TestClient

from desktop.core.ids import new_id
from desktop.core.services import learners, signing_keys
from desktop.core.services.issuing import sign_status_list, unlock_issuer_key
from desktop.core.store import SYSTEM, Store
from sync.client import SyncProblem, join, links, sync_once
from sync.registry.store import Registry
from sync.server import make_app
from tests.sync.network import make_campus, make_head_office

PASSPHRASE = "four unrelated words here"


def _transport(app) -> httpx.BaseTransport:
    return TestClient(app)._transport


@pytest.fixture
def joined(tmp_path):
    registry = Registry.open(f"sqlite:///{tmp_path / 'registry.db'}")
    registry.add_campus("QAU", "QAU")
    registry.add_campus("HO", "Head office")
    app = make_app(registry)
    hub_admin = make_campus(tmp_path / "hub.db", "QAU")
    ho_admin = make_head_office(tmp_path / "ho.db")
    hub, ho = Store.open(tmp_path / "hub.db"), Store.open(tmp_path / "ho.db")
    join(hub, "http://registry", registry.create_code("QAU")[0], transport=_transport(app))
    join(ho, "http://registry", registry.create_code("HO", kind="head_office")[0],
         transport=_transport(app))  # fmt: skip
    yield registry, app, hub, hub_admin, ho, ho_admin
    hub.close()
    ho.close()
    registry.close()


def _sync(store: Store, app) -> object:
    return sync_once(store, links(store)[0], transport=_transport(app), retry_delays=())


def test_a_revoked_device_is_refused_with_the_reason(joined):
    registry, app, hub, *_ = joined
    _sync(hub, app)
    registry.revoke_device(hub.device_id, "the office computer was stolen")
    with pytest.raises(SyncProblem) as refused:
        _sync(hub, make_app(registry))  # a new app: nothing cached from before
    words = str(refused.value)
    assert "was removed from sync on" in words and "the office computer was stolen" in words
    assert not refused.value.retry
    assert links(hub)[0].last_error == words and links(hub)[0].next_attempt_at is None


def test_another_protocol_version_gets_a_plain_message(joined):
    _registry, app, hub, *_ = joined
    client = TestClient(app)
    answer = client.get("/sync/v1/hello", headers={"sanad-protocol": "2",
                                                   "sanad-device": hub.device_id})
    assert answer.status_code == 409
    assert answer.json() == {
        "error": "protocol",
        "message": "this registry speaks sync protocol 1 and this computer speaks 2: update "
                   "Sanad on the older one",
    }  # fmt: skip


def test_an_unknown_device_is_told_to_join(joined, tmp_path):
    _registry, app, *_ = joined
    answer = TestClient(app).get("/sync/v1/hello", headers={"sanad-device": new_id()})
    assert answer.status_code == 401 and "join it first with a code" in answer.json()["message"]


def test_a_wrong_clock_is_reported_and_sync_still_works(joined):
    """This computer's clock is 3 h 10 min behind head office's: sync corrects the times it
    signs with, so it works, and says so in plain words."""
    registry, _app, hub, hub_admin, *_ = joined
    app = make_app(registry, clock=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(hours=3,
                                                                                  minutes=10))
    learners.register_learner(hub, hub_admin, {"registration_no": "QAU-1", "full_name": "A B"})
    report = _sync(hub, app)
    assert report.pushed > 0
    assert report.warnings == ["this computer's clock is 3 h 10 min behind head office's: set "
                               "its date and time, or the dates it writes will be wrong"]


def test_a_request_from_another_time_is_refused(joined):
    """Without the correction (a request replayed, or a clock changed mid-sync), the signed
    time is too far from the server's."""
    registry, _app, hub, *_ = joined
    from sync.identity import device_key, sign_request

    app = make_app(registry, clock=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    headers = sign_request(device_key(hub), "POST", "/sync/v1/pull", b"{}")
    answer = TestClient(app).post("/sync/v1/pull", content=b"{}", headers=headers)
    assert answer.status_code == 401 and "60 minutes from the server's time" in answer.text


def test_a_change_to_another_campus_is_refused_and_the_rest_applies(joined):
    registry, app, hub, hub_admin, *_ = joined
    learners.register_learner(hub, hub_admin, {"registration_no": "QAU-7", "full_name": "Own"})
    other_campus = new_id()
    with hub.transaction(SYSTEM) as tx:  # a forged row: this hub claiming another campus's
        forged = tx.insert("learners", {"campus_id": hub.campus_id, "registration_no": "X-1",
                                        "full_name": "Forged"}, owner=other_campus)
        tx.audit("test.forge", "learners", forged["id"], {})
    report = _sync(hub, app)
    assert [r.row_id for r in report.refused] == [forged["id"]]
    assert f"may not write records of '{other_campus}'" in report.refused[0].reason
    names = {row["full_name"] for row in registry.rows("learners").values()}
    assert names == {"Own"}


@pytest.mark.parametrize(
    ("policy", "wanted"),
    [("all", {"a" * 64, "b" * 64, "c" * 64}), ("cap:2000", {"a" * 64, "c" * 64}),
     ("sample:0", set()), ("sample:100", {"a" * 64, "b" * 64, "c" * 64})],
)  # fmt: skip
def test_the_evidence_policy_chooses_what_goes_up(joined, policy, wanted):
    registry, _app, hub, *_ = joined
    registry.set_setting("evidence_policy", policy)
    peer = registry.peer(hub.device_id)
    offered = [("a" * 64, 1000), ("b" * 64, 5000), ("c" * 64, 2000)]
    assert set(registry.wanted_files(peer, offered)) == wanted


def test_a_sample_policy_picks_the_same_files_every_time(joined):
    registry, _app, hub, *_ = joined
    registry.set_setting("evidence_policy", "sample:30")
    peer = registry.peer(hub.device_id)
    offered = [(hashlib.sha256(str(n).encode()).hexdigest(), 100) for n in range(1000)]
    first = registry.wanted_files(peer, offered)
    assert first == registry.wanted_files(peer, offered)
    assert 0.2 < len(first) / len(offered) < 0.4


def test_the_trust_list_and_status_lists_reach_every_node(joined):
    """Head office's signed trust list goes down to the campus; the campus's signed status list
    goes up to head office, each kept and checked against the root where it arrives."""
    _registry, app, hub, hub_admin, ho, ho_admin = joined
    signing_keys.create_root_key(ho, ho_admin, PASSPHRASE)
    signing_keys.set_registry_url(ho, ho_admin, "https://registry.sanad.example")
    _row, request = signing_keys.create_campus_key(hub, hub_admin, PASSPHRASE)
    certificate = signing_keys.certify_request(ho, ho_admin, request, PASSPHRASE)
    root = ho.one("SELECT public_key FROM signing_keys WHERE purpose = 'root'")["public_key"]
    signing_keys.install_certificate(hub, hub_admin, certificate, root)
    trust_list = signing_keys.make_trust_list(ho, ho_admin, PASSPHRASE)
    status_list = sign_status_list(hub, hub_admin, unlock_issuer_key(hub, PASSPHRASE))

    _sync(ho, app)  # the trust list goes up
    _sync(hub, app)  # the status list goes up, the trust list comes down
    report = _sync(ho, app)  # the status list comes down to head office
    kept = hub.one("SELECT document FROM trust_lists ORDER BY version DESC LIMIT 1")
    assert json.loads(kept["document"]) == trust_list
    at_ho = ho.one("SELECT document, made_here FROM status_lists WHERE url = ?",
                   (status_list["id"],))  # fmt: skip
    assert at_ho is not None and not at_ho["made_here"]
    assert json.loads(at_ho["document"]) == status_list
    assert report.documents == 1 and not report.warnings
    assert _sync(hub, app).documents == 0  # nothing new: nothing sent again


def test_health_says_up_and_the_database_answers(joined):
    registry, app, *_ = joined
    answer = TestClient(app).get("/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok" and answer.json()["node"] == "registry"

    class Down:
        kind = "registry"
        identity = registry.identity

        def log_end(self) -> int:
            raise OSError("connection refused")

    down = TestClient(make_app(Down())).get("/health")  # type: ignore[arg-type]
    assert down.status_code == 503 and down.json()["status"] == "unavailable"
