"""Bar charts for the dashboard, drawn on the server as inline SVG (the pages run no scripts).

A chart here is geometry only: rectangles, text and grid lines in a ``viewBox``, with CSS
classes for colour (``s0`` … ``s7``: the stylesheet's series colours). The template
``dashboard_chart.html`` writes it out. For a right-to-left page the x axis is mirrored, so
time runs from right to left and horizontal bars grow leftwards, as the page reads.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = ["SERIES", "Bar", "Chart", "Text", "bars_by_name", "months_chart", "nice_top"]

SERIES = 8  # colours in the stylesheet; further series share the last ("other")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "middle"  # start | middle | end (the SVG's direction is always ltr)
    css: str = "axis"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    title: str
    bars: list[Bar] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    grid: list[tuple[float, float, float, float]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css, name)

    @property
    def empty(self) -> bool:
        return not self.bars


def nice_top(value: float, steps: int = 4) -> tuple[float, float]:
    """The axis's top and step: ``steps`` round steps (1, 2 or 5 × 10ⁿ) reaching ``value``."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / steps
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1.0)  # counts: no steps of half a credential
    return step * math.ceil(value / step), step


def _number(value: float) -> str:
    return f"{round(value):,}"


def months_chart(
    months: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    title: str,
    translate: Callable[..., str],
    rtl: bool = False,
    width: int = 560,
    height: int = 240,
) -> Chart:
    """Vertical bars, one per month ("YYYY-MM"), stacked by series (name, one count a month),
    with each month's total above its bar."""
    left, right, top, bottom = 44, 12, 18, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(values[i] for _name, values in series) for i in range(len(months))]
    axis_top, step = nice_top(max(totals, default=0))
    chart = Chart(width, height, title)
    slot = plot_w / max(len(months), 1)
    bar_w = slot * 0.62

    def x_of(index: int) -> float:  # the left edge of the month's bar, mirrored when rtl
        start = left + index * slot + (slot - bar_w) / 2
        return width - start - bar_w if rtl else start

    def y_of(value: float) -> float:
        return top + plot_h - plot_h * value / axis_top

    tick = 0.0
    while tick <= axis_top + 1e-9:
        y = y_of(tick)
        chart.grid.append((left, y, width - right, y) if not rtl else (right, y, width - left, y))
        chart.texts.append(Text(left - 6 if not rtl else width - left + 6, y + 4, _number(tick),
                                "end" if not rtl else "start"))  # fmt: skip
        tick += step
    for index, month in enumerate(months):
        year, number = month.split("-")
        base = 0
        for position, (name, values) in enumerate(series):
            count = values[index]
            if count <= 0:
                continue
            css = f"s{min(position, SERIES - 1)}"
            chart.bars.append(Bar(
                x_of(index), y_of(base + count), bar_w, y_of(base) - y_of(base + count), css,
                translate("{name}, {month}: {count}", name=name,
                          month=f"{translate(_MONTHS[int(number) - 1])} {year}",
                          count=f"{count:,}"),
            ))  # fmt: skip
            base += count
        centre = x_of(index) + bar_w / 2
        if totals[index]:
            chart.texts.append(Text(centre, y_of(totals[index]) - 4, _number(totals[index]),
                                    css="value"))  # fmt: skip
        chart.texts.append(Text(centre, height - bottom + 16,
                                translate(_MONTHS[int(number) - 1])))  # fmt: skip
        if index == 0 or number == "01":
            chart.texts.append(Text(centre, height - bottom + 32, year, css="axis year"))
    chart.legend.extend((f"s{min(i, SERIES - 1)}", name) for i, (name, _v) in
                        enumerate(series) if i < SERIES)  # fmt: skip
    if len(series) > SERIES:
        chart.legend[-1] = (f"s{SERIES - 1}", translate("Other campuses"))
    return chart


def bars_by_name(
    values: Sequence[tuple[str, int]],
    *,
    title: str,
    translate: Callable[..., str],
    rtl: bool = False,
    width: int = 560,
    row: int = 28,
) -> Chart:
    """Horizontal bars, one per name, with the value after the bar."""
    label_w, value_w, top = 80, 56, 6
    height = top * 2 + row * max(len(values), 1)
    plot_w = width - label_w - value_w
    axis_top, _step = nice_top(max((v for _n, v in values), default=0))
    chart = Chart(width, height, title)
    for index, (name, value) in enumerate(values):
        y = top + index * row
        length = plot_w * value / axis_top
        start = label_w if not rtl else width - label_w - length
        if value > 0:
            chart.bars.append(Bar(start, y + 4, length, row - 8, "s0",
                                  f"{name}: {value:,}"))
        middle = y + row / 2 + 4
        if not rtl:
            chart.texts.append(Text(label_w - 8, middle, name, "end", "name"))
            chart.texts.append(Text(label_w + length + 6, middle, _number(value), "start",
                                    "value"))  # fmt: skip
        else:
            chart.texts.append(Text(width - label_w + 8, middle, name, "start", "name"))
            chart.texts.append(Text(start - 6, middle, _number(value), "end", "value"))
    return chart
