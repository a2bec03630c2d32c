"""Importing learners from the CSV files campuses really have."""

from __future__ import annotations

import csv

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.learner_import import (
    ImportCancelled,
    guess_mapping,
    plan_import,
    read_csv,
    run_import,
    write_problem_report,
)
from tests.conftest import database_bytes

HEADER = "Reg No,Student Name,Father's Name,CNIC,Gender,DOB,Mobile,Program"
ROWS = [
    "QAU-2026-1001,Mehwish Soomro,Ali Soomro,45504-1234567-2,F,14/03/2004,0333-5550101,BBA",
    "QAU-2026-1002,Danish Bugti,Sher Bugti,54400-7654321-1,M,2003-01-09,0300 1112223,BS Physics",
    "QAU-2026-1003,Rimsha Awan,Tariq Awan,12345,F,01/01/2002,0345-1234567,MBA",  # bad CNIC
    "QAU-2026-0001,Someone Else,X,,M,,,",  # a registration number already used
    "QAU-2026-1004,Urooj Khattak,Faisal Khattak,17301-1112223-4,F,05-06-2001,,MBA",
    "qau-2026-1001,Mehwish Again,,,F,,,",  # repeats the first row
]


def _write(tmp_path, text: str, encoding: str = "utf-8-sig", name: str = "learners.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_an_excel_file_with_three_bad_rows(campus, tmp_path):
    path = _write(tmp_path, "\n".join([HEADER, *ROWS]) + "\n")
    table = read_csv(path)
    assert table.encoding == "utf-8-sig" and table.delimiter == ","
    mapping = guess_mapping(table.headers)
    assert mapping == {
        "registration_no": 0,
        "full_name": 1,
        "guardian_name": 2,
        "cnic": 3,
        "gender": 4,
        "date_of_birth": 5,
        "phone": 6,
        "programme": 7,
    }
    plan = plan_import(campus.store, table, mapping)
    assert plan.total == 6 and len(plan.valid) == 3
    assert plan.refused_lines == [4, 5, 7]
    by_line = {p.line: p for p in plan.problems}
    assert (by_line[4].column, by_line[4].value) == ("CNIC", "12345")
    assert "13 digits" in by_line[4].reason
    assert by_line[5].column == "Reg No" and "Is already registered here" in by_line[5].reason
    assert "Repeats row 1 of this file" in by_line[7].reason
    first = plan.valid[0]
    assert (first["date_of_birth"], first["gender"], first["phone"]) == (
        "2004-03-14",
        "female",
        "+923335550101",
    )
    assert plan.valid[2]["date_of_birth"] == "2001-06-05"  # day first, as written in Pakistan

    created = run_import(campus.store, campus.admin, plan, source="learners.csv")
    assert [r["registration_no"] for r in created] == [
        "QAU-2026-1001",
        "QAU-2026-1002",
        "QAU-2026-1004",
    ]
    audit = campus.store.one("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert audit["action"] == "learner.import" and '"skipped": 3' in audit["detail"]

    report = write_problem_report(plan, tmp_path / "problems.csv")
    assert report.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(report, encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[0] == ["line", "column", "value", "problem"]
    assert [line[0] for line in lines[1:]] == ["4", "5", "7"]


def test_urdu_headers_and_names_in_the_windows_urdu_code_page(campus, tmp_path):
    # Windows-1256 has no Urdu yeh (ی) or kaf (ک): such files carry the Arabic letters.
    text = (
        "رجسٹريشن نمبر,نام,ولديت,شناختي كارڈ\n"
        "QAU-2026-2001,عائشہ خان,محمد اسلم خان,35202-7777777-2\n"
        "QAU-2026-2002,بلال احمد,احمد علي,61101-8888888-1\n"
    )
    table = read_csv(_write(tmp_path, text, "cp1256"))
    assert table.encoding == "cp1256"
    assert table.rows[0][1] == "عائشہ خان"
    assert table.rows[1][2] == "احمد علی"  # stored with the Urdu yeh
    mapping = guess_mapping(table.headers)
    assert mapping == {"registration_no": 0, "full_name": 1, "guardian_name": 2, "cnic": 3}
    plan = plan_import(campus.store, table, mapping)
    assert [r["full_name"] for r in plan.valid] == ["عائشہ خان", "بلال احمد"]


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    text = "Reg No\tName\r\nQAU-1\tHira Baloch\r\n"
    table = read_csv(_write(tmp_path, text, "utf-16"))
    assert (table.delimiter, table.rows) == ("\t", [["QAU-1", "Hira Baloch"]])


def test_semicolons_and_short_rows(tmp_path):
    table = read_csv(_write(tmp_path, "Reg No;Name;Phone\nQAU-1;Hira Baloch\n\n", "utf-8"))
    assert table.delimiter == ";"
    assert table.rows == [["QAU-1", "Hira Baloch", ""]]


def test_cancelling_imports_nothing(campus, tmp_path):
    table = read_csv(_write(tmp_path, "\n".join([HEADER, *ROWS])))
    plan = plan_import(campus.store, table, guess_mapping(table.headers))
    before = database_bytes(campus.store)
    with pytest.raises(ImportCancelled):
        run_import(campus.store, campus.admin, plan, source="x.csv", cancelled=lambda: True)
    assert database_bytes(campus.store) == before


def test_the_name_and_number_columns_are_required(campus, tmp_path):
    table = read_csv(_write(tmp_path, "Mobile,Email\n0300-1234567,a@b.pk\n"))
    with pytest.raises(InvalidInput) as caught:
        plan_import(campus.store, table, guess_mapping(table.headers))
    assert caught.value.fields == ["registration_no", "full_name"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"\xff\xfe\x00\xd8", "damaged at byte")],
)
def test_unreadable_files_are_explained(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        read_csv(path)


def test_a_unicode_file_keeps_arabic_letters_as_written(tmp_path):
    """Only the Arabic code page lacks the Urdu kaf and yeh; in UTF-8 an Arabic name (ك, ي) is
    what its writer meant, and an export of it must import back the same."""
    from desktop.core.learner_import import read_csv

    path = tmp_path / "arabic.csv"
    path.write_text("Registration no,Full name\nQAU-1,علي الكاظمي\n", encoding="utf-8-sig")
    assert read_csv(path).rows == [["QAU-1", "علي الكاظمي"]]
