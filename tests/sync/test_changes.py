"""The version vector says what a peer lacks, batch by batch, across devices."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.services import setup
from desktop.core.store import SYSTEM, Store
from sync.changes import VersionVector, changes_after, local_vector


def _campus(path):
    store = Store.open(path)
    setup.initialise_campus(
        store,
        code="QAU",
        name_en="Quaid-i-Azam University",
        admin_username="focal",
        admin_display_name="Focal Person",
        admin_password="a-long-password",
    )
    return store


def _write_tracks(store: Store, device_id: str, count: int) -> None:
    with store.transaction(SYSTEM, device_id=device_id) as tx:
        for n in range(count):
            tx.insert(
                "tracks",
                {"code": f"T{device_id[:4]}{n}", "name_en": f"Track {n}"},
                owner="national",
            )
        tx.audit("track.create", "tracks", None, {"count": count})


def test_local_vector_counts_each_device(tmp_path):
    store = _campus(tmp_path / "hub.db")
    _write_tracks(store, "head-office-device", 5)
    vector = local_vector(store)
    assert vector["head-office-device"] == 5
    assert vector[store.device_id] == 3  # campus, device, admin user


def test_changes_after_sends_only_what_the_peer_lacks_in_batches(tmp_path):
    store = _campus(tmp_path / "hub.db")
    _write_tracks(store, "head-office-device", 7)
    peer = VersionVector({store.device_id: 3, "head-office-device": 2})
    first = list(changes_after(store, peer, limit=3))
    assert [(c.device_id, c.seq) for c in first] == [("head-office-device", s) for s in (3, 4, 5)]
    for change in first:
        peer[change.device_id] = change.seq
    rest = list(changes_after(store, peer, limit=100))
    assert [c.seq for c in rest] == [6, 7]
    assert rest[-1].row["code"].startswith("Thead")
    peer = peer.merged({"head-office-device": 7})
    assert list(changes_after(store, peer)) == []


@given(st.dictionaries(st.text(min_size=1, max_size=8), st.integers(0, 10**9), max_size=6))
def test_vector_json_round_trip_and_merge(data):
    vector = VersionVector(data)
    assert VersionVector.from_json(vector.to_json()) == vector
    merged = vector.merged({"x": 3})
    assert merged["x"] == max(3, data.get("x", 0))
    assert all(merged.covers(device, seq) for device, seq in data.items())


def test_another_devices_entries_out_of_scope_leave_numbers_unheld(tmp_path):
    """A hub holds head office's national-catalogue entries but not head office's own records:
    its counter for head office is the highest it holds (batches arrive whole and in seq
    order), and the health check does not call the missing numbers a gap."""
    from desktop.core.health import check_database

    store = _campus(tmp_path / "hub.db")
    _write_tracks(store, "head-office-device", 4)
    store.conn.execute("DROP TRIGGER IF EXISTS change_log_no_delete")
    store.conn.execute("DELETE FROM change_log WHERE device_id = 'head-office-device' AND seq = 3")
    assert local_vector(store)["head-office-device"] == 4
    assert not [p for p in check_database(store).problems if "gap" in p]


def test_a_gap_in_this_devices_own_log_is_reported(tmp_path):
    from desktop.core.health import check_database

    store = _campus(tmp_path / "hub.db")
    own = store.device_id
    top = store.scalar("SELECT max(seq) FROM change_log WHERE device_id = ?", (own,))
    store.conn.execute("DROP TRIGGER IF EXISTS change_log_no_delete")
    store.conn.execute("DELETE FROM change_log WHERE device_id = ? AND seq = ?", (own, top - 1))
    assert [p for p in check_database(store).problems if "gap" in p]


@settings(deadline=None, max_examples=9)  # each example sets a campus up (a password hash)
@given(st.integers(1, 9))
def test_pages_continued_by_position_are_the_whole_in_order(page_size):
    import tempfile
    from pathlib import Path

    from sync.changes import changes_page

    with tempfile.TemporaryDirectory() as folder:
        store = _campus(Path(folder) / "hub.db")
        try:
            _write_tracks(store, "head-office-device", 11)
            peer = VersionVector({store.device_id: 1})
            whole, _end = changes_page(store, peer, limit=1000)
            pages, position = [], 0
            while True:
                page, position = changes_page(store, peer, after=position, limit=page_size)
                if not page:
                    break
                pages.extend(page)
            assert pages == whole and len(whole) == 2 + 11
        finally:
            store.close()
