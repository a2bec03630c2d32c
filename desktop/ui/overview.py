"""The start window: which campus this database holds, and how much is in it.

Figures are read on a worker thread with its own read-only connection; the UI thread only
receives the result by a signal.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from desktop.core.paths import display_path
from desktop.core.schema import REPLICATED_TABLES

__all__ = ["MainWindow", "read_overview"]

SHOWN = (
    ("learners", "Learners"),
    ("micro_credentials", "Micro-credentials"),
    ("cohorts", "Cohorts"),
    ("enrolments", "Enrolments"),
    ("assessments", "Assessments"),
    ("issued_credentials", "Credentials issued"),
)


def read_overview(db_path: Path) -> dict[str, Any]:
    """Campus and record counts, read through a separate read-only connection."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        campus = conn.execute(
            "SELECT c.code, c.name_en, c.name_ur FROM campuses c "
            "JOIN settings s ON s.key = 'campus_id' AND s.value = c.id"
        ).fetchone()
        counts = {
            table: conn.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted = 0").fetchone()[0]
            for table, _ in SHOWN
            if table in REPLICATED_TABLES
        }
        demo = conn.execute("SELECT value FROM settings WHERE key = 'demo'").fetchone()
    finally:
        conn.close()
    return {
        "campus": campus,
        "counts": counts,
        "demo": bool(demo and demo[0] == "1"),
    }


class _Signals(QObject):
    loaded = Signal(dict)
    failed = Signal(str)


class _OverviewJob(QRunnable):
    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.signals = _Signals()

    def run(self) -> None:
        try:
            self.signals.loaded.emit(read_overview(self.db_path))
        except (sqlite3.Error, OSError) as exc:
            self.signals.failed.emit(str(exc))


class MainWindow(QMainWindow):
    """The window on one campus database."""

    overview_loaded = Signal()

    def __init__(self, db_path: Path, user_name: str | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.setWindowTitle(self.tr("Sanad"))
        self.resize(720, 460)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.campus_label = QLabel(self.tr("Reading the database…"), central)
        self.campus_label.setObjectName("campusName")
        self.campus_label.setAccessibleName(self.tr("Campus"))
        font = self.campus_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.campus_label.setFont(font)
        self.campus_label.setWordWrap(True)
        layout.addWidget(self.campus_label)
        self.demo_label = QLabel(self.tr("Demo campus: the people and records here are invented."))
        self.demo_label.setObjectName("demoBanner")
        self.demo_label.setStyleSheet(
            "background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 4px;"
        )
        self.demo_label.hide()
        layout.addWidget(self.demo_label)

        figures = QFrame(central)
        figures.setFrameShape(QFrame.Shape.StyledPanel)
        self.form = QFormLayout(figures)
        self.count_labels: dict[str, QLabel] = {}
        for table, title in SHOWN:
            value = QLabel("…", figures)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setAccessibleName(self.tr(title))
            self.count_labels[table] = value
            self.form.addRow(self.tr(title), value)
        layout.addWidget(figures)
        layout.addStretch(1)
        self.setCentralWidget(central)

        status = self.tr("Database: {path}").format(path=display_path(db_path))
        if user_name:
            status += "   ·   " + self.tr("Signed in: {name}").format(name=user_name)
        self.statusBar().showMessage(status)

        job = _OverviewJob(db_path)
        job.signals.loaded.connect(self._show_overview)
        job.signals.failed.connect(self._show_failure)
        self._job = job
        QThreadPool.globalInstance().start(job)

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
        self.overview_loaded.emit()

    def _show_failure(self, message: str) -> None:
        self.campus_label.setText(
            self.tr("Could not read the database: {error}").format(error=message)
        )
