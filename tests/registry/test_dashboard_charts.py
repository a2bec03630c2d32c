"""The dashboard's bar charts: axis steps, stacking, and the mirror image for Urdu."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.registry.charts import SERIES, bars_by_name, months_chart, nice_top
from sync.registry.web_texts import translator

MONTHS = ["2025-11", "2025-12", "2026-01", "2026-02"]


@pytest.mark.parametrize(("value", "top", "step"),
                         [(0, 1, 1), (1, 1, 1), (3, 3, 1), (7, 8, 2), (18, 20, 5), (95, 100, 50),
                          (1234, 1500, 500)])  # fmt: skip
def test_the_axis_reaches_the_largest_value_in_round_steps(value, top, step):
    assert nice_top(value) == (top, step)


@given(st.integers(0, 10**7))
def test_the_axis_top_is_at_least_the_value_and_not_much_more(value):
    top, step = nice_top(value)
    assert top >= value and step >= 1 and top / step <= 5
    assert value == 0 or top < value * 2.5 + 4


def test_bars_stack_per_month_and_totals_are_written_above():
    chart = months_chart(MONTHS, [("QAU", [1, 0, 4, 2]), ("KIU", [0, 0, 3, 1])], title="t",
                         translate=translator("en"))  # fmt: skip
    assert len(chart.bars) == 5 and {b.css for b in chart.bars} == {"s0", "s1"}
    values = [t.text for t in chart.texts if t.css == "value"]
    assert values == ["1", "7", "3"]
    months = [t.text for t in chart.texts if t.css == "axis" and t.text.isalpha()]
    assert months == ["Nov", "Dec", "Jan", "Feb"]
    assert [t.text for t in chart.texts if "year" in t.css] == ["2025", "2026"]
    january = [b for b in chart.bars if "Jan 2026" in b.title]
    assert [b.title for b in january] == ["QAU, Jan 2026: 4", "KIU, Jan 2026: 3"]
    assert january[1].y + january[1].height == pytest.approx(january[0].y)  # stacked


def test_in_urdu_time_runs_right_to_left():
    series = [("QAU", [1, 2, 3, 4])]
    ltr = months_chart(MONTHS, series, title="t", translate=translator("en"))
    rtl = months_chart(MONTHS, series, title="t", translate=translator("ur"), rtl=True)
    assert [b.x for b in ltr.bars] == sorted(b.x for b in ltr.bars)
    assert [b.x for b in rtl.bars] == sorted((b.x for b in rtl.bars), reverse=True)
    for left, right in zip(ltr.bars, rtl.bars, strict=True):
        assert left.x + right.x + right.width == pytest.approx(ltr.width)
    assert "جنوری" in {t.text for t in rtl.texts}
    ltr_bars = bars_by_name([("QAU", 3), ("KIU", 1)], title="t", translate=translator("en"))
    rtl_bars = bars_by_name([("QAU", 3), ("KIU", 1)], title="t", translate=translator("ur"),
                            rtl=True)  # fmt: skip
    assert all(b.x == ltr_bars.bars[0].x for b in ltr_bars.bars)  # grow from the left edge
    ends = {round(b.x + b.width, 3) for b in rtl_bars.bars}
    assert len(ends) == 1  # grow from the right edge


def test_many_campuses_share_the_last_colour_as_other_campuses():
    series = [(f"C{n}", [n + 1, 0, 0, 0]) for n in range(SERIES + 3)]
    chart = months_chart(MONTHS, series, title="t", translate=translator("en"))
    assert len(chart.legend) == SERIES and chart.legend[-1] == ("s7", "Other campuses")
    assert {b.css for b in chart.bars} == {f"s{n}" for n in range(SERIES)}


def test_an_empty_chart_says_so():
    assert months_chart(MONTHS, [], title="t", translate=translator("en")).empty
    assert bars_by_name([("QAU", 0)], title="t", translate=translator("en")).empty
