"""Finding a learner by any part of what a focal person remembers."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.search import count_learners, search_learners
from desktop.core.services import learners as learner_service


def _names(campus, text, **kwargs) -> list[str]:
    return [r["full_name"] for r in search_learners(campus.store.conn, text, **kwargs).rows]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("1234567", ["Ayesha Khan"]),  # the middle of a CNIC
        ("35202-123", ["Ayesha Khan"]),  # the dashed form as printed on the card
        ("3520212", ["Ayesha Khan"]),
        ("776543", []),
        ("7654321-1", ["Bilal Ahmed"]),
        ("0300-1234503", ["Hira Baloch"]),  # a phone as people write it
        ("+92300123450", sorted(["Ayesha Khan", "Bilal Ahmed", "Hira Baloch", "Usman Tareen",
                                 "Zainab Rizvi"])),
        ("2026-0004", ["Usman Tareen"]),  # registration number
        ("qau-2026-0005", ["Zainab Rizvi"]),
        ("baloch", ["Hira Baloch"]),
        ("ayesha kha", ["Ayesha Khan"]),
        ("khan ayesha", ["Ayesha Khan"]),
        ("esh", ["Ayesha Khan"]),
        ("Bi", ["Bilal Ahmed"]),  # two letters: the start of a name
        ("z", ["Zainab Rizvi"]),
        ("", ["Ayesha Khan", "Bilal Ahmed", "Hira Baloch", "Usman Tareen", "Zainab Rizvi"]),
    ],
)  # fmt: skip
def test_find_by_part_of_name_cnic_phone_or_number(campus, typed, found):
    assert _names(campus, typed) == found
    assert count_learners(campus.store.conn, typed) == len(found)


@pytest.mark.parametrize("typed", ['"', 'a"b', "NEAR(x y)", "khan*", "-", "% _", "OR AND", "'; --"])
def test_nothing_typed_is_search_syntax(campus, typed):
    search_learners(campus.store.conn, typed)  # no error, whatever it finds


def test_the_index_follows_edits_and_removals(campus):
    store, admin = campus.store, campus.admin
    learner_service.update_learner(
        store, admin, campus.learner_ids[0], {"full_name": "Ayesha Iqbal"}
    )
    assert _names(campus, "iqbal") == ["Ayesha Iqbal"]
    assert _names(campus, "khan") == []
    learner_service.delete_learner(store, admin, campus.learner_ids[1])
    assert _names(campus, "bilal") == []
    new = learner_service.register_learner(
        store, admin, {"registration_no": "QAU-2026-0777", "full_name": "Mehwish Soomro"}
    )
    assert [r["id"] for r in search_learners(store.conn, "soomro").rows] == [new["id"]]


def test_only_the_campus_asked_for(campus):
    assert _names(campus, "", campus_id="another-campus") == []
    assert len(_names(campus, "", campus_id=campus.admin.campus_id)) == 5


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from(["Ali", "Amna", "Asad", "Ayesha", "Aiman", "Khan"]), min_size=1),
    st.integers(1, 7),
)
def test_pages_continue_by_keyset_and_miss_nothing(campus, first_names, page_size):
    store, admin = campus.store, campus.admin
    start = store.scalar("SELECT COUNT(*) FROM learners")
    learner_service.register_learners(
        store,
        admin,
        [
            {"registration_no": f"P-{start}-{n}", "full_name": f"{name} Paged"}
            for n, name in enumerate(first_names)
        ],
    )
    expected = [
        (r["full_name"], r["id"])
        for r in store.query(
            "SELECT full_name, id FROM learners WHERE full_name LIKE '% Paged' AND deleted = 0 "
            "ORDER BY full_name, id"
        )
    ]
    seen, after = [], None
    while True:
        page = search_learners(store.conn, "paged", after=after, limit=page_size)
        seen += [(r["full_name"], r["id"]) for r in page.rows]
        if page.next_after is None:
            break
        after = page.next_after
    assert seen == expected
