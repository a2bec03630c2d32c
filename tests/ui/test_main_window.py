"""The first window shows the campus and its figures, read off the UI thread."""

from __future__ import annotations

from desktop.core.paths import display_path
from desktop.core.services import learners, setup
from desktop.core.store import Store
from desktop.ui.overview import MainWindow


def test_main_window_shows_campus_and_counts(qtbot, tmp_path):
    db_path = tmp_path / "campus.db"
    with Store.open(db_path) as store:
        admin = setup.initialise_campus(
            store,
            code="QAU",
            name_en="Quaid-i-Azam University",
            name_ur="قائداعظم یونیورسٹی",
            admin_username="focal",
            admin_display_name="Sana Mirza",
            admin_password="a-long-password",
        )
        learners.register_learners(
            store,
            admin,
            [
                {"registration_no": f"QAU-2026-{n:05d}", "full_name": f"Learner {n}"}
                for n in range(1234)
            ],
        )
    window = MainWindow(db_path, user_name="Sana Mirza")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        window.show()
    assert "Quaid-i-Azam University (QAU)" in window.campus_label.text()
    assert "قائداعظم یونیورسٹی" in window.campus_label.text()
    assert window.count_labels["learners"].text() == window.locale().toString(1234)
    assert window.count_labels["enrolments"].text() == "0"
    assert not window.demo_label.isVisible()
    assert "Sana Mirza" in window.statusBar().currentMessage()
    assert display_path(db_path) in window.statusBar().currentMessage()


def test_main_window_on_a_database_without_campus(qtbot, tmp_path):
    db_path = tmp_path / "empty.db"
    Store.open(db_path).close()
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        window.show()
    assert window.campus_label.text() == "This database has no campus yet."
