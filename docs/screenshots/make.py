"""Render the current screens to PNG files in this folder (offscreen, no display needed).

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make.py

The demo campus is built in a throw-away home folder, so the pictures show the paths a user
would see (``~/.local/share/Sanad/…``) and nothing of the machine that made them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        os.environ["HOME"] = home
        os.environ.pop("SANAD_DATA_DIR", None)
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from desktop.core.demo import create_demo
        from desktop.core.paths import demo_database
        from desktop.ui.overview import MainWindow

        app = QApplication.instance() or QApplication(sys.argv[:1])
        db_path = demo_database()
        db_path.parent.mkdir(parents=True)
        create_demo(db_path, learners=400, seed=2026)
        window = MainWindow(db_path)
        window.resize(760, 480)
        loop = QEventLoop()
        window.overview_loaded.connect(loop.quit)
        QTimer.singleShot(15_000, loop.quit)
        window.show()
        loop.exec()
        app.processEvents()
        out = HERE / "main-window-en.png"
        window.grab().save(str(out))
        print(f"wrote {out.relative_to(HERE.parent.parent)}")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
