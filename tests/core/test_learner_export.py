"""Exporting learners: a file Excel opens with Urdu intact, and Sanad imports back unchanged."""

from __future__ import annotations

import csv
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import PermissionDenied
from desktop.core.learner_export import (
    EXPORT_HEADERS,
    ExportCancelled,
    export_learners,
    record_learner_export,
)
from desktop.core.learner_import import guess_mapping, plan_import, read_csv, run_import
from desktop.core.services import learners, setup
from desktop.core.services.learners import LEARNER_FIELDS
from desktop.core.store import Store

URDU_LEARNER = {
    "registration_no": "QAU-2026-0100",
    "full_name": "فاطمہ بی بی",
    "guardian_name": "محمد اکرم",
    "cnic": "3520298765432",
    "gender": "female",
    "date_of_birth": "2003-05-17",
    "email": "fatima@example.pk",
    "phone": "+923331234567",
    "programme": "ایم بی اے",
}


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def _stored(store: Store, campus_id: str) -> list[dict]:
    columns = ", ".join(LEARNER_FIELDS)
    cursor = store.conn.execute(
        f"SELECT {columns} FROM learners WHERE campus_id = ? AND deleted = 0 "
        "ORDER BY registration_no",
        (campus_id,),
    )
    return [dict(zip(LEARNER_FIELDS, row, strict=True)) for row in cursor]


def test_the_file_opens_in_excel_with_urdu_and_whole_numbers(campus, tmp_path):
    learners.register_learner(campus.store, campus.admin, URDU_LEARNER)
    dest = tmp_path / "learners.csv"
    count = export_learners(campus.store.conn, campus.admin, dest)
    assert count == 6
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    rows = _rows(dest)
    assert rows[0] == list(EXPORT_HEADERS.values())
    fatima = next(r for r in rows if r[0] == "QAU-2026-0100")
    # Digits with dashes and spaces stay text in a spreadsheet, so no digit is lost.
    assert fatima[1:4] == ["فاطمہ بی بی", "محمد اکرم", "35202-9876543-2"]
    assert fatima[7] == "0333 1234567"
    assert [r[1] for r in rows[1:]] == sorted(r[1] for r in rows[1:])
    assert not list(tmp_path.glob(".*partial")), "no temporary file is left behind"


def test_an_exported_file_imports_into_another_campus_unchanged(campus, tmp_path):
    learners.register_learner(campus.store, campus.admin, URDU_LEARNER)
    dest = tmp_path / "learners.csv"
    export_learners(campus.store.conn, campus.admin, dest)

    with Store.open(tmp_path / "other.db") as other:
        admin = setup.initialise_campus(
            other,
            code="UOP",
            name_en="University of Peshawar",
            admin_username="focal",
            admin_display_name="Gul Khan",
            admin_password="another-long-password",
        )
        table = read_csv(dest)
        mapping = guess_mapping(table.headers)
        assert set(mapping) == set(LEARNER_FIELDS), "every exported column maps by itself"
        plan = plan_import(other, table, mapping)
        assert plan.problems == []
        run_import(other, admin, plan, source="learners.csv")
        assert _stored(other, admin.campus_id) == _stored(campus.store, campus.admin.campus_id)


def test_a_search_exports_only_its_matches(campus, tmp_path):
    dest = tmp_path / "some.csv"
    assert export_learners(campus.store.conn, campus.admin, dest, text="35202") == 1
    assert [r[1] for r in _rows(dest)[1:]] == ["Ayesha Khan"]


def test_headers_in_the_persons_language(campus, tmp_path):
    urdu = dict(EXPORT_HEADERS, full_name="نام", cnic="شناختی کارڈ نمبر")
    dest = tmp_path / "ur.csv"
    export_learners(campus.store.conn, campus.admin, dest, headers=urdu)
    assert _rows(dest)[0][1] == "نام"
    assert guess_mapping(_rows(dest)[0])["cnic"] == 3


def test_only_an_admin_may_export_personal_data(campus, tmp_path):
    dest = tmp_path / "x.csv"
    with pytest.raises(PermissionDenied) as refused:
        export_learners(campus.store.conn, campus.assessor, dest)
    assert "export learners" in str(refused.value)
    assert not dest.exists()


def test_cancelling_leaves_any_earlier_file_as_it_was(campus, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    dest = folder / "learners.csv"
    dest.write_text("an earlier export\n", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        export_learners(campus.store.conn, campus.admin, dest, cancelled=lambda: True)
    assert dest.read_text(encoding="utf-8") == "an earlier export\n"
    assert sorted(p.name for p in folder.iterdir()) == ["learners.csv"]


def test_progress_reaches_the_total(campus, tmp_path):
    seen: list[tuple[int, int]] = []
    export_learners(
        campus.store.conn, campus.admin, tmp_path / "l.csv", progress=lambda *a: seen.append(a)
    )
    assert seen[-1] == (5, 5)


def test_the_export_is_audited(campus):
    record_learner_export(campus.store, campus.admin, 5, "khan")
    action, detail = campus.store.conn.execute(
        "SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert action == "learner.export"
    assert json.loads(detail) == {"count": 5, "search": "khan"}


NAME = st.text(
    st.characters(codec="utf-8", categories=("L", "M", "Zs", "P")), min_size=2, max_size=40
).filter(lambda s: s.strip() and len(s.strip()) >= 2)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names=st.lists(NAME, min_size=1, max_size=5, unique_by=str.strip))
def test_any_names_survive_the_round_trip(campus, tmp_path_factory, names):
    """Commas, quotes and any script in names come back as they were stored."""
    store = campus.store
    created = learners.register_learners(
        store,
        campus.admin,
        [
            {"registration_no": f"RT-{i}-{abs(hash(n)) % 10**6}", "full_name": n, "gender": "other"}
            for i, n in enumerate(names)
        ],
    ).created
    try:
        dest = tmp_path_factory.mktemp("rt") / "l.csv"
        export_learners(store.conn, campus.admin, dest)
        table = read_csv(dest)
        by_reg = {row[0]: row[1] for row in table.rows}
        for row in created:
            assert by_reg[row["registration_no"]] == row["full_name"]
    finally:
        for row in created:
            learners.delete_learner(store, campus.admin, row["id"])
