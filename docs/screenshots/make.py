"""Render the current screens to PNG files in this folder (offscreen, no display needed).

QT_QPA_PLATFORM=offscreen python docs/screenshots/make.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.demo import create_demo
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui.overview import MainWindow

HERE = Path(__file__).resolve().parent


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "demo-campus.db"
        create_demo(db_path, learners=400, seed=2026)
        window = MainWindow(db_path, user_name="Sana Mirza (demo focal person)")
        window.resize(760, 480)
        loop = QEventLoop()
        window.overview_loaded.connect(loop.quit)
        QTimer.singleShot(15_000, loop.quit)
        window.show()
        loop.exec()
        app.processEvents()
        out = HERE / "main-window-en.png"
        window.grab().save(str(out))
        print(f"wrote {out}")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
