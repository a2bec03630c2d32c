"""USB bundles: a station and its hub with no network, a stick carried both ways."""

from __future__ import annotations

import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.health import check_database
from desktop.core.proofs import public_key_multikey
from desktop.core.services import learners
from sync.apply import Rights
from sync.bundles import BundleProblem, acknowledged, export_bundle, import_bundle
from sync.changes import local_vector
from tests.sync.test_apply import _replicas, _state

EVERYONE = Rights(default=lambda _device: frozenset({"*"}))


@pytest.fixture
def pair(campus_template, tmp_path):
    hub, station, spare = _replicas(campus_template, tmp_path)
    keys = {"hub": Ed25519PrivateKey.generate(), "station": Ed25519PrivateKey.generate()}
    trusted = {hub.device_id: public_key_multikey(keys["hub"].public_key()),
               station.device_id: public_key_multikey(keys["station"].public_key())}  # fmt: skip
    yield hub, station, keys, trusted, campus_template[1]["admin"]
    for store in (hub, station, spare):
        store.close()


def _register(store, admin, n):
    learners.register_learner(store, admin, {"registration_no": f"QAU-2026-7{n:05d}",
                                             "full_name": f"Learner {n}"})  # fmt: skip


def test_a_round_trip_by_stick_converges_and_the_reply_is_incremental(pair, tmp_path):
    hub, station, keys, trusted, admin = pair
    for n in range(3):
        _register(station, admin, n)
    _register(hub, admin, 100)
    out = tmp_path / "to-hub.sanad"
    made = export_bundle(station, out, keys["station"], since=acknowledged(station, hub.device_id))
    got = import_bundle(hub, out, trusted=trusted, rights=EVERYONE)
    # The first bundle knows nothing of the hub: it carries the shared history too, skipped.
    assert got.changes == made.changes and got.report.applied == 3
    assert got.report.skipped == made.changes - 3
    reply = tmp_path / "to-station.sanad"
    back = export_bundle(hub, reply, keys["hub"], since=acknowledged(hub, station.device_id))
    # The reply carries only what the station lacks: the hub's own learner, not the station's.
    assert back.changes == 1
    import_bundle(station, reply, trusted=trusted, rights=EVERYONE)
    assert _state(hub) == _state(station)
    assert local_vector(hub) == local_vector(station)
    assert check_database(hub).healthy and check_database(station).healthy
    # Nothing new: the next bundle is empty, and importing one twice is harmless.
    again = export_bundle(station, out, keys["station"], since=acknowledged(station, hub.device_id))
    assert again.changes == 0
    twice = import_bundle(station, reply, trusted=trusted, rights=EVERYONE)
    assert twice.report.applied == 0 and twice.report.skipped == 1


def _tampered(path, tmp_path, change) -> object:
    """A copy of the bundle at ``path`` with ``change(files)`` applied to its members."""
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    change(files)
    forged = tmp_path / "forged.sanad"
    with zipfile.ZipFile(forged, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    return forged


def _flip_in_part(files):
    name = next(n for n in files if n.startswith("changes-"))
    files[name] = files[name].replace(b"Learner 0", b"Learner 9")


def _edit_manifest(files):
    manifest = json.loads(files["manifest.json"])
    manifest["holds"] = {}
    files["manifest.json"] = json.dumps(manifest).encode()


def _resign_with_another_key(files):
    files["manifest.sig"] = Ed25519PrivateKey.generate().sign(files["manifest.json"])


def _drop_part(files):
    del files[next(n for n in files if n.startswith("changes-"))]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (_flip_in_part, "was changed after the bundle was made"),
        (_edit_manifest, "signature does not match"),
        (_resign_with_another_key, "signature does not match"),
        (_drop_part, "lacks its part"),
    ],
    ids=["part changed", "manifest changed", "signed by another key", "part missing"],
)
def test_a_tampered_bundle_is_refused_with_the_reason_and_changes_nothing(
    pair, tmp_path, change, reason
):
    hub, station, keys, trusted, admin = pair
    _register(station, admin, 0)
    out = tmp_path / "to-hub.sanad"
    export_bundle(station, out, keys["station"], since={})
    before = _state(hub), local_vector(hub)
    with pytest.raises(BundleProblem, match=reason):
        import_bundle(hub, _tampered(out, tmp_path, change), trusted=trusted, rights=EVERYONE)
    assert (_state(hub), local_vector(hub)) == before


def test_a_bundle_from_an_unknown_device_or_with_a_stranger_key_is_refused(pair, tmp_path):
    hub, station, _keys, trusted, admin = pair
    _register(station, admin, 0)
    out = tmp_path / "to-hub.sanad"
    export_bundle(station, out, Ed25519PrivateKey.generate(), since={})
    with pytest.raises(BundleProblem, match="not signed with its key: it may be forged"):
        import_bundle(hub, out, trusted=trusted, rights=EVERYONE)
    with pytest.raises(BundleProblem, match="which this computer does not know"):
        import_bundle(hub, out, trusted={hub.device_id: trusted[hub.device_id]}, rights=EVERYONE)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(cut=st.floats(0.05, 0.99))
def test_a_bundle_cut_short_while_copying_is_refused(pair, tmp_path, cut):
    hub, station, keys, trusted, admin = pair
    if station.scalar("SELECT count(*) FROM learners WHERE full_name = 'Learner 0'") == 0:
        for n in range(20):
            _register(station, admin, n)
    out = tmp_path / "to-hub.sanad"
    export_bundle(station, out, keys["station"], since={})
    data = out.read_bytes()
    short = tmp_path / "short.sanad"
    short.write_bytes(data[: int(len(data) * cut)])
    before = _state(hub)
    with pytest.raises(BundleProblem):
        import_bundle(hub, short, trusted=trusted, rights=EVERYONE)
    assert _state(hub) == before
