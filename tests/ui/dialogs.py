"""Driving modal dialogs from a test: ``exec()`` blocks, so the test's part runs from a timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_shown(dialog_class: type[QWidget], act: Callable[[QWidget], None]) -> None:
    """Run ``act(dialog)`` as soon as a dialog of this class is open."""

    def poll() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, dialog_class)
             and w.isVisible()),
            None,
        )  # fmt: skip
        if dialog is None:
            QTimer.singleShot(10, poll)
        else:
            act(dialog)

    QTimer.singleShot(0, poll)
