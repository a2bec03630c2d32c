"""The Enrolments screen's list: every enrolment of a campus, filtered, newest change first,
page after page without losing or repeating one."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import enrolment_lists
from desktop.core.demo import create_demo
from desktop.core.enrolment_lists import (
    EnrolmentFilter,
    count_enrolments,
    micro_credential_codes,
    search_enrolments,
)
from desktop.core.search import search_learners
from desktop.core.services.enrolments import STATUSES
from desktop.core.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("enrolments") / "demo.db"
    create_demo(path, learners=150, seed=11, today=dt.date(2026, 11, 23))
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    campus_id = conn.execute("SELECT value FROM settings WHERE key = 'campus_id'").fetchone()[0]
    yield conn, campus_id
    conn.close()


def _all_pages(conn, wanted: EnrolmentFilter, size: int) -> list[dict]:
    rows, after = [], None
    while True:
        page = search_enrolments(conn, wanted, after=after, limit=size)
        rows += page.rows
        if page.next_after is None:
            return rows
        after = page.next_after


def _learners_matching(conn, text: str) -> set[str]:
    """Whom the Learners screen finds for the same words."""
    found, after = set(), None
    while True:
        page = search_learners(conn, text, after=after, limit=500)
        found |= {row["id"] for row in page.rows}
        if page.next_after is None:
            return found
        after = page.next_after


def _expected(conn, wanted: EnrolmentFilter) -> list[str]:
    """The same list worked out the plain way: every enrolment, filtered in Python."""
    rows = conn.execute(
        """SELECT e.id, e.status, e.status_changed_at, e.learner_id, e.campus_id, m.code
           FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
           JOIN micro_credentials m ON m.id = c.micro_credential_id WHERE e.deleted = 0"""
    ).fetchall()
    people = _learners_matching(conn, wanted.text) if wanted.text.strip() else None
    kept = [
        r
        for r in rows
        if (wanted.campus_id is None or r[4] == wanted.campus_id)
        and (wanted.status is None or r[1] == wanted.status)
        and (wanted.micro_code is None or r[5] == wanted.micro_code)
        and (people is None or r[3] in people)
    ]
    kept.sort(key=lambda r: (r[2], r[0]), reverse=True)
    return [r[0] for r in kept]


def _words(conn) -> list[str]:
    """Things a focal person types: parts of names, CNICs, registration numbers; nonsense."""
    words = ["", "a", "zz", "qau", "xyzzy"]
    for name, cnic, number in conn.execute(
        "SELECT full_name, cnic, registration_no FROM learners ORDER BY id LIMIT 12"
    ):
        words += [name.split()[0].lower(), name, number[-6:]]
        if cnic:
            words.append(f"{cnic[:5]}-{cnic[5:9]}")
    return words


def test_the_whole_campus_newest_change_first(demo):
    conn, campus_id = demo
    wanted = EnrolmentFilter(campus_id)
    rows = _all_pages(conn, wanted, 200)
    assert [r["id"] for r in rows] == _expected(conn, wanted)
    assert count_enrolments(conn, wanted) == len(rows) > 300
    first = rows[0]
    assert {"registration_no", "full_name", "cohort_code", "micro_code", "title_en",
            "status", "attempt"} <= first.keys()  # fmt: skip
    assert {r["status"] for r in rows} == set(STATUSES)  # the demo has every state


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_filter_pages_through_exactly_its_enrolments(demo, data):
    conn, campus_id = demo
    codes = [row["code"] for row in micro_credential_codes(conn, campus_id)]
    wanted = EnrolmentFilter(
        campus_id=data.draw(st.sampled_from([campus_id, None])),
        text=data.draw(st.sampled_from(_words(conn))),
        status=data.draw(st.sampled_from([None, *STATUSES])),
        micro_code=data.draw(st.sampled_from([None, *codes])),
    )
    size = data.draw(st.integers(1, 60))
    expected = _expected(conn, wanted)
    assert [r["id"] for r in _all_pages(conn, wanted, size)] == expected
    assert count_enrolments(conn, wanted) == len(expected)


@pytest.mark.parametrize("few", [0, 1, 10_000])
def test_narrow_and_broad_searches_agree(demo, monkeypatch, few):
    """A search matching few learners goes through the learner index, a broad one through
    the date index; the rows must not depend on which."""
    conn, campus_id = demo
    monkeypatch.setattr(enrolment_lists, "FEW_LEARNERS", few)
    for text in _words(conn):
        wanted = EnrolmentFilter(campus_id, text=text)
        assert [r["id"] for r in _all_pages(conn, wanted, 7)] == _expected(conn, wanted), text


def test_no_query_walks_the_whole_table(demo):
    """Every list query reads through an index (a second per page on 250,000 enrolments
    otherwise), and the next page of a narrow search stays on the learner index."""
    conn, campus_id = demo
    name = conn.execute("SELECT full_name FROM learners LIMIT 1").fetchone()[0]
    cases = [
        (EnrolmentFilter(campus_id), None),
        (EnrolmentFilter(campus_id, status="submitted"), None),
        (EnrolmentFilter(campus_id, micro_code="DA-101"), None),
        (EnrolmentFilter(campus_id, text=name), ("2026-01-01", "z")),
    ]
    traced: list[str] = []
    conn.set_trace_callback(traced.append)
    try:
        for wanted, after in cases:
            search_enrolments(conn, wanted, after=after)
            count_enrolments(conn, wanted)
    finally:
        conn.set_trace_callback(None)
    for statement in traced:
        if "enrolments e" not in statement:
            continue
        plan = " | ".join(
            row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + statement).fetchall()
        )
        assert "SCAN e" not in plan, plan
        if "few" in statement:
            assert "enrolments_learner_live" in plan, plan


def test_the_filter_lists_the_micro_credentials_taught_here(demo):
    conn, campus_id = demo
    codes = micro_credential_codes(conn, campus_id)
    taught = {
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT m.code FROM cohorts c JOIN micro_credentials m "
            "ON m.id = c.micro_credential_id"
        )
    }
    assert [row["code"] for row in codes] == sorted(taught)
    assert all(row["title_en"] for row in codes)


def test_an_upgraded_database_has_the_list_indexes(tmp_path):
    path = tmp_path / "fresh.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    conn.close()
    assert {
        "enrolments_recent",
        "enrolments_status_recent",
        "enrolments_learner_live",
        "enrolments_cohort_live",
    } <= names
