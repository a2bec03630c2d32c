"""Start the desktop app on a database."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.core.errors import DomainError
from desktop.core.resources import resource_path
from desktop.core.store import Store
from desktop.ui.i18n import apply_language, saved_language
from desktop.ui.main_window import MainWindow

__all__ = ["run"]


class _QuitAfterFirstPaint(QObject):
    """Ends the event loop once the window has painted: for measuring start-up."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def run(db_path: Path, *, quit_after_start: bool = False, language: str | None = None) -> int:
    """Open the app on ``db_path`` in ``language`` (else the one saved on this computer)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Sanad")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Sanad")
    app.setWindowIcon(QIcon(str(resource_path("icons", "sanad.svg"))))
    apply_language(app, language or saved_language())
    try:
        # Opening migrates an older schema; a newer one is refused without being changed.
        Store.open(db_path).close()
    except DomainError as exc:
        QMessageBox.critical(None, app.translate("run", "Sanad"), str(exc))
        return 1
    window = MainWindow(db_path)
    if quit_after_start:
        watcher = _QuitAfterFirstPaint(window)
        window.installEventFilter(watcher)
    window.show()
    return app.exec()
