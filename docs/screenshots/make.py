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


def _wait(app, signal) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    loop.exec()
    app.processEvents()


def _save(window, name: str) -> None:
    out = HERE / name
    window.grab().save(str(out))
    print(f"wrote {out.relative_to(HERE.parent.parent)}")


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        os.environ["HOME"] = home
        os.environ.pop("SANAD_DATA_DIR", None)
        from PySide6.QtWidgets import QApplication

        from desktop.core.demo import create_demo
        from desktop.core.errors import InvalidInput, PermissionDenied
        from desktop.core.paths import demo_database
        from desktop.ui.first_run import FirstRunWizard
        from desktop.ui.i18n import apply_language
        from desktop.ui.main_window import MainWindow
        from desktop.ui.signin import SignInDialog

        app = QApplication.instance() or QApplication(sys.argv[:1])
        db_path = demo_database()
        db_path.parent.mkdir(parents=True)
        create_demo(db_path, learners=400, seed=2026)
        for language, search in (("en", "khan"), ("ur", "0300")):
            apply_language(app, language)
            window = MainWindow(db_path)
            window.resize(1000, 620)
            window.show()
            _wait(app, window.overview.loaded)
            _save(window, f"dashboard-{language}.png")
            window.show_screen(window.learners)
            window.learners.search_box.setText(search)
            _wait(app, window.learners.model.searched)
            _save(window, f"learners-{language}.png")
            window.close()

            dialog = SignInDialog(window.runner, "Quaid-i-Azam University (QAU)")
            dialog.username.setText("focal")
            dialog._refused(PermissionDenied.single("username", "focal",
                                                    "and this password do not match an account",
                                                    "Check"))  # fmt: skip
            dialog.resize(420, 220)
            dialog.show()
            app.processEvents()
            _save(dialog, f"sign-in-{language}.png")
            dialog.close()

            wizard = FirstRunWizard(window.runner)
            wizard.resize(640, 520)
            wizard.show()
            wizard.next()
            wizard.campus.code.setText("U O B")
            wizard.campus.name_en.setText("University of Balochistan")
            wizard.campus.name_ur.setText("جامعہ بلوچستان")
            wizard.campus.region.setCurrentText("Balochistan")
            wizard.campus.city.setText("Quetta")
            wizard.campus.marks.show(
                InvalidInput.single(
                    "code", "U O B", "must be 1–32 capital letters, digits or dashes",
                    "Use something short such as DA-101",
                )
            )  # fmt: skip
            app.processEvents()
            _save(wizard, f"first-run-{language}.png")
            wizard.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
