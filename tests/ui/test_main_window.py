"""The main window: the dashboard shows the campus and its figures, read off the UI thread;
the navigation reaches every screen by mouse and by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.paths import display_path
from desktop.core.services import learners, setup
from desktop.core.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session


def _campus(db_path, count=1234):
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
                for n in range(count)
            ],
        )
        return admin


def test_dashboard_shows_campus_and_counts(qtbot, tmp_path):
    db_path = tmp_path / "campus.db"
    admin = _campus(db_path)
    window = MainWindow(db_path, session=Session(admin))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview.loaded, timeout=10_000):
        window.show()
    page = window.overview
    assert "Quaid-i-Azam University (QAU)" in page.campus_label.text()
    assert "قائداعظم یونیورسٹی" in page.campus_label.text()
    assert page.count_labels["learners"].text() == window.locale().toString(1234)
    assert page.count_labels["enrolments"].text() == "0"
    assert not page.demo_label.isVisible()
    assert "Sana Mirza" in window.statusBar().currentMessage()
    assert display_path(db_path) in window.statusBar().currentMessage()
    assert window.windowTitle() == "Sanad — Sana Mirza"
    window.close()


def test_dashboard_on_a_database_without_campus(qtbot, tmp_path):
    db_path = tmp_path / "empty.db"
    Store.open(db_path).close()
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview.loaded, timeout=10_000):
        window.show()
    assert window.overview.campus_label.text() == "This database has no campus yet."
    window.close()


def test_screens_are_reached_by_keyboard(qtbot, tmp_path):
    db_path = tmp_path / "campus.db"
    _campus(db_path, count=3)
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.navigation.setFocus()
    assert window.stack.currentWidget() is window.overview
    qtbot.keyClick(window.navigation, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.learners
    qtbot.keyClick(window.learners.search_box, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.overview
    qtbot.keyClick(window.navigation, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.enrolments
    assert window.navigation.currentItem().text() == "Enrolments"
    window.close()


def test_a_screen_is_made_when_first_shown(qtbot, tmp_path):
    """Start-up builds the dashboard only; the others wait until someone opens them."""
    db_path = tmp_path / "campus.db"
    _campus(db_path, count=3)
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    assert window.navigation.count() == len(MainWindow.SCREENS)
    assert window.stack.count() == 1
    assert "desktop.ui.enrolments" not in _screen_modules(window)
    window.navigation.setCurrentRow(4)
    assert window.stack.count() == 2
    assert window.stack.currentWidget() is window.enrolments
    window.navigation.setCurrentRow(0)
    window.navigation.setCurrentRow(4)
    assert window.stack.count() == 2  # made once
    window.close()


def _screen_modules(window) -> set[str]:
    return {type(window.stack.widget(i)).__module__ for i in range(window.stack.count())}


def test_dashboard_charts_on_the_demo_campus(qtbot, tmp_path):
    """Enrolments per track and the completion funnel, with the figures the database holds."""
    from desktop.core.demo import create_demo

    path = tmp_path / "demo.db"
    create_demo(path, learners=60)
    window = MainWindow(path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview.charts_loaded, timeout=20_000):
        window.show()
    figures = window.overview.figures
    with Store.open(path, readonly=True) as store:
        enrolled = store.scalar(
            "SELECT COUNT(*) FROM enrolments WHERE status != 'withdrawn' AND deleted = 0"
        )
    assert sum(t["enrolments"] for t in figures["tracks"]) == enrolled
    assert {t["name_en"] for t in figures["tracks"]} <= {
        "Data Analytics", "Management Sciences", "Business and Marketing",
        "Programming Languages",
    }  # fmt: skip
    for cohort in figures["funnel"]:
        assert cohort["enrolled"] >= cohort["started"] >= cohort["submitted"] >= cohort["passed"]
    chart = window.overview.funnel_chart.chart()
    assert [s.label() for s in chart.series()[0].barSets()] == [
        "Enrolled", "Started", "Submitted", "Passed",
    ]  # fmt: skip
    track_chart = window.overview.track_chart.chart()
    assert track_chart.title() == "Enrolments per learning track"
    window.close()


def test_after_a_restore_the_screens_are_fresh_and_someone_signs_in(qtbot, tmp_path, monkeypatch):
    from desktop.core.backup import backup_database, restore_database
    from desktop.ui.signin import SignInDialog

    db_path = tmp_path / "campus.db"
    admin = _campus(db_path, count=3)
    with Store.open(db_path) as store:
        backup, _ = backup_database(store, tmp_path / "monday.db")
        learners.register_learner(store, admin, {"registration_no": "X-1", "full_name": "Extra"})
    window = MainWindow(db_path, session=Session(admin))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window.navigation, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.learners.model.rowCount() == 4, timeout=10_000)
    asked = []
    monkeypatch.setattr(
        SignInDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(1) or admin)
    )
    with Store.open(db_path) as store:
        result = restore_database(store, admin, backup)
    window._restored(result)
    assert asked == [1]
    assert window.stack.currentWidget() is window.learners  # the same screen, made again
    qtbot.waitUntil(lambda: window.learners.model.rowCount() == 3, timeout=10_000)
    window.close()


def test_settings_open_from_the_keyboard(qtbot, tmp_path):
    db_path = tmp_path / "campus.db"
    admin = _campus(db_path, count=1)
    window = MainWindow(db_path, session=Session(admin))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings_dialog.isVisible(), timeout=5_000)
    window.settings_dialog.lock_minutes.setValue(0)
    window.settings_dialog.accept()
    assert window.lock.timer.interval() == 0 and not window.lock.timer.isActive()
    window.close()
