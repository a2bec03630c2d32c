"""The main window: navigation on the side, one screen at a time, status at the bottom.

Screens are added as they become real; each gets the window's :class:`TaskRunner` and nothing
else of the window. Ctrl+1 … Ctrl+9 switch screens from the keyboard.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.core.paths import display_path
from desktop.ui.i18n import ltr
from desktop.ui.learners import LearnersPage
from desktop.ui.overview import OverviewPage
from desktop.ui.tasks import TaskRunner

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """The window on one campus database."""

    def __init__(
        self, db_path: Path, user_name: str | None = None, campus_id: str | None = None
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.setWindowTitle(self.tr("Sanad"))
        self.resize(960, 600)
        self.runner = TaskRunner(self.db_path, self)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Screens"))
        self.navigation.setFixedWidth(180)
        self.stack = QStackedWidget(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.overview = OverviewPage(self.runner, self.stack)
        self.learners = LearnersPage(self.runner, campus_id, self.stack)
        for title, page in (
            (self.tr("Dashboard"), self.overview),
            (self.tr("Learners"), self.learners),
        ):
            self._add_screen(title, page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        status = self.tr("Database: {path}").format(path=ltr(display_path(self.db_path)))
        if user_name:
            status += "   ·   " + self.tr("Signed in: {name}").format(name=user_name)
        self.statusBar().showMessage(status)

    def _add_screen(self, title: str, page: QWidget) -> None:
        self.stack.addWidget(page)
        item = QListWidgetItem(title, self.navigation)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        number = self.navigation.count()
        if number <= 9:
            QShortcut(
                QKeySequence(f"Ctrl+{number}"),
                self,
                activated=lambda row=number - 1: self.navigation.setCurrentRow(row),
            )

    def show_screen(self, page: QWidget) -> None:
        self.navigation.setCurrentRow(self.stack.indexOf(page))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.close()
        super().closeEvent(event)
