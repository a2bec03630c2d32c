"""The CSV exports: no cell a campus sent can run as a formula in a spreadsheet, and every
cell reads back as it was (but for the apostrophe that keeps a formula text)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import given
from hypothesis import strategies as st

from sync.registry.exports import (
    FORMULA_STARTS,
    campuses_csv,
    csv_document,
    devices_csv,
    neutralise,
)
from sync.registry.reports import CampusFigures, DeviceHealth

cells = st.one_of(
    st.text(),
    st.text(alphabet="=+-@\t\r\n\",;'ab1", max_size=8),
    st.sampled_from(['=HYPERLINK("http://evil.example","x")', "@SUM(A1)", "+1", "-1", "ٹیکسٹ"]),
)


@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=5))
def test_no_cell_starts_a_formula_and_each_reads_back(rows):
    text = csv_document(["a", "b", "c", "d", "e"], rows)
    assert text.startswith("\ufeff")
    back = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert back[0] == ["a", "b", "c", "d", "e"]
    for written, read in zip(rows, back[1:], strict=True):
        for original, cell in zip(written, read, strict=True):
            assert not cell.startswith(FORMULA_STARTS)
            assert cell == ("'" + original if original.startswith(FORMULA_STARTS) else original)


@given(st.one_of(st.integers(), st.floats(allow_nan=False)))
def test_numbers_stay_numbers(value):
    assert neutralise(value) == value


def test_empty_and_flags_are_plain_words():
    assert (neutralise(None), neutralise(True), neutralise(False)) == ("", "yes", "no")


def test_the_two_exports_have_their_columns():
    figures = [CampusFigures("QAU", "=cmd|' /C calc'!A0", "id-1", 9, 9, 3, 3, 1, 2)]
    rows = list(csv.DictReader(io.StringIO(campuses_csv(figures).removeprefix("\ufeff"))))
    assert rows == [{"campus_code": "QAU", "campus_name": "'=cmd|' /C calc'!A0", "joined": "yes",
                     "learners": "9", "enrolments": "9", "passes": "3",
                     "credentials_issued": "3", "credentials_revoked": "1",
                     "evidence_files_waiting": "2"}]  # fmt: skip
    now = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
    device = DeviceHealth("d-1", "-Lab hub", "hub", "QAU", "2026-03-01T09:00:00.000Z", -420.25,
                          7, None, None)  # fmt: skip
    [row] = csv.DictReader(io.StringIO(devices_csv([device], now).removeprefix("\ufeff")))
    assert (row["name"], row["days_silent"], row["clock_offset_seconds"], row["changes_behind"],
            row["flags"]) == ("'-Lab hub", "9", "-420.2", "7", "silent clock")  # fmt: skip
