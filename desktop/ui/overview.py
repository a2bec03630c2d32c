"""The dashboard: which campus this database holds, and how much is in it.

Figures are read on a reader thread (``TaskRunner.read``); the UI thread only receives them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.dashboard import completion_funnel, enrolments_per_track
from desktop.core.ids import utc_today
from desktop.core.schema import REPLICATED_TABLES
from desktop.ui.problems import error_text
from desktop.ui.sizing import lines
from desktop.ui.tasks import TaskRunner

__all__ = ["OverviewPage", "read_overview"]

SHOWN = (
    "learners",
    "micro_credentials",
    "cohorts",
    "enrolments",
    "assessments",
    "issued_credentials",
)


def read_overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """Campus and record counts, read on a reader thread."""
    campus = conn.execute(
        "SELECT c.code, c.name_en, c.name_ur FROM campuses c "
        "JOIN settings s ON s.key = 'campus_id' AND s.value = c.id"
    ).fetchone()
    counts = {
        table: conn.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted = 0").fetchone()[0]
        for table in SHOWN
        if table in REPLICATED_TABLES
    }
    demo = conn.execute("SELECT value FROM settings WHERE key = 'demo'").fetchone()
    return {"campus": campus, "counts": counts, "demo": bool(demo and demo[0] == "1")}


def read_figures(conn: sqlite3.Connection) -> dict[str, Any]:
    """The dashboard's charts, for this database's campus."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'campus_id'").fetchone()
    campus_id = row[0] if row else None
    return {
        "tracks": enrolments_per_track(conn, campus_id),
        "funnel": completion_funnel(conn, campus_id, today=utc_today().isoformat()),
    }


class OverviewPage(QWidget):
    """The campus, whether it is a demo, and how much is in it."""

    loaded = Signal()
    charts_loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.campus_label = QLabel(self.tr("Reading the database…"), self)
        self.campus_label.setObjectName("campusName")
        self.campus_label.setAccessibleName(self.tr("Campus"))
        font = self.campus_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.campus_label.setFont(font)
        self.campus_label.setWordWrap(True)
        layout.addWidget(self.campus_label)
        self.demo_label = QLabel(
            self.tr("Demo campus: the people and records here are invented."), self
        )
        self.demo_label.setObjectName("demoBanner")
        self.demo_label.setStyleSheet(
            "background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 4px;"
        )
        self.demo_label.hide()
        layout.addWidget(self.demo_label)

        figures = QFrame(self)
        figures.setFrameShape(QFrame.Shape.StyledPanel)
        self.form = QFormLayout(figures)
        self.count_labels: dict[str, QLabel] = {}
        titles = {
            "learners": self.tr("Learners"),
            "micro_credentials": self.tr("Micro-credentials"),
            "cohorts": self.tr("Cohorts"),
            "enrolments": self.tr("Enrolments"),
            "assessments": self.tr("Assessments"),
            "issued_credentials": self.tr("Credentials issued"),
        }
        for table in SHOWN:
            value = QLabel("…", figures)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setAccessibleName(titles[table])
            self.count_labels[table] = value
            self.form.addRow(titles[table], value)
        layout.addWidget(figures)
        # The charts (QtCharts, a large import) are made when their figures arrive, after the
        # window has first been painted.
        self.charts = QHBoxLayout()
        self.track_chart = None
        self.funnel_chart = None
        layout.addLayout(self.charts, 1)
        runner.read(read_overview, done=self._show_overview, failed=self._show_failure)
        runner.read(read_figures, done=self._show_charts, failed=self._show_failure)

    def _show_overview(self, overview: dict[str, Any]) -> None:
        campus = overview["campus"]
        if campus:
            code, name_en, name_ur = campus
            text = f"{name_en} ({code})"
            if name_ur:
                text += f"\n{name_ur}"
            self.campus_label.setText(text)
        else:
            self.campus_label.setText(self.tr("This database has no campus yet."))
        locale = self.locale()
        for table, label in self.count_labels.items():
            label.setText(locale.toString(int(overview["counts"].get(table, 0))))
        self.demo_label.setVisible(overview["demo"])
        self.loaded.emit()

    def _urdu(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _show_charts(self, figures: dict[str, Any]) -> None:
        from PySide6.QtCharts import (
            QBarCategoryAxis,
            QBarSeries,
            QBarSet,
            QChart,
            QChartView,
            QHorizontalBarSeries,
            QValueAxis,
        )

        if self.track_chart is None:
            self.track_chart = QChartView(self)
            self.track_chart.setObjectName("trackChart")
            self.track_chart.setAccessibleName(self.tr("Enrolments per learning track"))
            self.funnel_chart = QChartView(self)
            self.funnel_chart.setObjectName("funnelChart")
            self.funnel_chart.setAccessibleName(self.tr("How far learners came in recent cohorts"))
            for view in (self.track_chart, self.funnel_chart):
                view.setRenderHint(QPainter.RenderHint.Antialiasing)
                view.setMinimumHeight(lines(view, 18))
                self.charts.addWidget(view)
        tracks = figures["tracks"]
        chart = QChart()
        chart.setTitle(self.tr("Enrolments per learning track"))
        chart.legend().hide()
        counts = QBarSet(self.tr("Enrolments"))
        counts.append([float(t["enrolments"]) for t in reversed(tracks)])
        series = QHorizontalBarSeries()
        series.append(counts)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([(t["name_ur"] if self._urdu() and t["name_ur"] else t["name_en"])
                      for t in reversed(tracks)])  # fmt: skip
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setMin(0)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        values.applyNiceNumbers()
        self.track_chart.setChart(chart)

        funnel = figures["funnel"]
        chart = QChart()
        chart.setTitle(self.tr("How far learners came in recent cohorts"))
        series = QBarSeries()
        for stage, label in (
            ("enrolled", self.tr("Enrolled")),
            ("started", self.tr("Started")),
            ("submitted", self.tr("Submitted")),
            ("passed", self.tr("Passed")),
        ):
            bars = QBarSet(label)
            bars.append([float(c[stage]) for c in funnel])
            series.append(bars)  # fmt: skip
        chart.addSeries(series)
        cohorts = QBarCategoryAxis()
        # "DA-101-2026-007" on two lines ("DA-101", "2026-007"), so codes are not cut short.
        cohorts.append([c["code"].replace("-20", "\n20", 1) for c in funnel])
        chart.addAxis(cohorts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(cohorts)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setMin(0)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        values.applyNiceNumbers()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.funnel_chart.setChart(chart)
        self.figures = figures
        self.charts_loaded.emit()

    def _show_failure(self, error: BaseException) -> None:
        self.campus_label.setText(
            self.tr("Could not read the database: {error}").format(error=error_text(error))
        )
