"""The installed Qt binding keeps Python's reference counts whole where Sanad leans on it.

PySide6 6.12.0 lost a reference to ``None`` on every ``QApplication.processEvents()`` call, so a
window waiting on a long search aborted the interpreter ("deallocating None"); pyproject.toml
excludes it. This test runs in its own process, so a broken binding fails it without taking the
test session down.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
edit = QLineEdit()
before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
for _ in range(2000):
    app.processEvents()
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)
    edit.setText("x")
    edit.hasFocus()
after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
print(*(a - b for a, b in zip(after, before)))
"""


def test_processing_events_keeps_reference_counts():
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert done.returncode == 0, done.stderr[-1500:]
    lost = [int(n) for n in done.stdout.split()]
    assert all(n > -100 for n in lost), f"references lost (None, True, False): {lost}"
