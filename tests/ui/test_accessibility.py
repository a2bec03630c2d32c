"""Keyboard and screen-reader reach of every screen and dialog.

Walks each screen of the main window and each dialog a focal person opens, and checks what a
keyboard or screen-reader user depends on: every control takes focus with Tab, every input and
list has a name a screen reader reads (its own, or the label it is the buddy of), and no two
mnemonics (Alt+letter) of one window collide, so each reaches what it says.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit)
_MNEMONIC = re.compile(r"&([^&\s])")


def _visible(root: QWidget, kind) -> list:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, kind)
        and not isinstance(w, QHeaderView)  # part of its table, reached through it
        and w.isVisibleTo(root)
        and w.window() is root
    ]


def _buddies(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}


def _unnamed(root: QWidget) -> list[str]:
    buddies = _buddies(root)
    missing = []
    for widget in _visible(root, INPUTS):
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the line edit inside a combo or spin box is named by its owner
        if not widget.accessibleName() and id(widget) not in buddies:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def _unfocusable(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()!r}"
        for w in _visible(root, (*INPUTS, QAbstractButton))
        if w.isEnabled()
        and not (w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and not isinstance(w.parent(), QTabBar | QComboBox | QAbstractSpinBox)
        and not w.objectName().startswith("qt_")
    ]


def _mnemonics(root: QWidget) -> list[str]:
    """Alt+letters of the visible controls of one window (the menu bar's too)."""
    texts: list[str] = []
    for widget in _visible(root, QAbstractButton):
        texts.append(widget.text())
    for label in _visible(root, QLabel):
        if label.buddy() is not None:
            texts.append(label.text())
    for tabs in _visible(root, QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for bar in root.findChildren(QMenuBar):
        texts += [action.text() for action in bar.actions()]
    letters = [m.group(1).lower() for text in texts for m in _MNEMONIC.finditer(text)]
    return [letter for letter, n in Counter(letters).items() if n > 1]


def _audit(root: QWidget) -> dict[str, list[str]]:
    found = {
        "unnamed": _unnamed(root),
        "unfocusable": _unfocusable(root),
        "clashing mnemonics": _mnemonics(root),
    }
    return {k: v for k, v in found.items() if v}


@pytest.fixture(params=["en", "ur"])
def language(request, qapp):
    """Each check runs in English and in Urdu: translated mnemonics can clash anew."""
    from desktop.ui.i18n import apply_language

    apply_language(qapp, request.param)
    yield request.param
    apply_language(qapp, "en")


@pytest.fixture
def window(qtbot, campus, language):
    campus.store.close()
    window = MainWindow(campus.path, session=Session(campus.admin))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview.loaded, timeout=10_000):
        window.show()
    yield window
    window.close()


def test_every_screen(qtbot, window):
    screens = [
        window.overview,
        window.catalogue,
        window.learners,
        window.cohorts,
        window.enrolments,
        window.marking,
        window.credentials,
        window.verify,
        window.sync,
    ]
    problems = {}
    for screen in screens:
        window.show_screen(screen)
        qtbot.wait(50)
        tabs = screen.findChild(QTabWidget)
        for index in range(tabs.count() if tabs else 1):
            if tabs:
                tabs.setCurrentIndex(index)
            found = _audit(window)
            if found:
                problems[f"{type(screen).__name__} tab {index}"] = found
    assert problems == {}


def _dialogs(window, campus):
    from desktop.ui.cohort_form import CohortForm
    from desktop.ui.enrolment_dialogs import EnrolDialog, StatusDialog, status_names
    from desktop.ui.enrolments import ChooseCohortDialog
    from desktop.ui.learner_form import LearnerForm
    from desktop.ui.learner_import import LearnerImportWizard
    from desktop.ui.micro_credential_editor import MicroCredentialEditor
    from desktop.ui.pathway_editor import PathwayEditor
    from desktop.ui.settings import SettingsDialog

    runner, session = window.runner, window.session
    yield "learner form", LearnerForm(runner, session)
    yield "cohort form", CohortForm(runner, session)
    yield "import wizard", LearnerImportWizard(runner, session)
    yield "settings", SettingsDialog(runner, session, window.backups)
    yield "enrol", EnrolDialog(runner, session, {"id": campus.cohort_id, "code": "DA-101-A"})
    enrolment = {"id": "none", "status": "enrolled", "full_name": "Ayesha Khan"}
    yield "status", StatusDialog(runner, session, enrolment, status_names())
    yield "choose cohort", ChooseCohortDialog(runner, session)
    yield from _credential_dialogs(runner, session)
    from desktop.ui.marking_dialog import MarkingDialog

    yield "marking", MarkingDialog(runner, session, "no-such-enrolment")
    choices = [{"code": "DA-101", "title_en": "Data", "title_ur": "", "published": 1}]
    yield "pathway editor", PathwayEditor(runner, session, choices)
    yield from _sync_dialogs(window)
    editor = MicroCredentialEditor(runner, session, [])
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        yield f"micro-credential editor tab {index}", editor


def _sync_dialogs(window):
    from desktop.ui.sync_dialogs import JoinDialog, RevokeStationDialog, StationCodeDialog

    yield "join head office", JoinDialog(window.sync_scheduler)
    url = ["https://192.168.1.20:8765"]
    yield "station code", StationCodeDialog("7K3M-Q9XD-2PWA-H4TN", "2026-12-03T09:30:00Z", url)
    yield "revoke station", RevokeStationDialog("Lab PC 1")


def _credential_dialogs(runner, session):
    """The Credentials screen's dialogs, the issue dialog's summary with every part shown."""
    from desktop.core.errors import InvalidInput
    from desktop.core.services.issuing import BatchResult
    from desktop.core.services.stacking import Proposal
    from desktop.ui.credential_dialogs import ChangeCredentialDialog, ShareDialog
    from desktop.ui.credential_issuing import BatchProgressDialog, IssueDialog
    from desktop.ui.tasks import Progress

    yield "issue credentials", IssueDialog(runner, session, "a demo passphrase")
    summary = IssueDialog(runner, session)
    refusal = InvalidInput.single("enrolment", "x", "has not been passed", "Pass it first")
    proposal = Proposal("l", "Ayesha Khan", "p", "PATH-DATA", "Data Analyst", ("c",))
    summary.show_summary(
        BatchResult(refused=[("none", refusal)], cancelled=True, proposals=[proposal]), {}
    )
    yield "issue credentials: summary", summary
    yield "issuing progress", BatchProgressDialog(Progress(summary), summary)
    credential = {"id": "none", "serial": "QAU-2026-000001", "full_name": "Ayesha Khan",
                  "code": "DA-101", "title_en": "Data", "title_ur": None}  # fmt: skip
    for action in ChangeCredentialDialog.ACTIONS:
        dialog = ChangeCredentialDialog(runner, session, credential, action, "a demo passphrase")
        yield f"{action} credential", dialog
    yield "share credential", ShareDialog(runner, credential)


def _key_dialogs(qtbot, window, head_office, runners):
    """Tools → Signing keys and its steps, at a campus and at head office (with and without
    its root key: the buttons differ)."""
    from desktop.core.services import signing_keys
    from desktop.core.store import Store
    from desktop.ui.signing_key_steps import CertifyDialog, InstallDialog, NewKeyDialog
    from desktop.ui.signing_keys import SigningKeysDialog
    from desktop.ui.tasks import TaskRunner

    def loaded(dialog):
        with qtbot.waitSignal(dialog.loaded, timeout=10_000):
            dialog.show()
        return dialog

    def choose(title, name):
        return ""

    yield "signing keys (campus)", loaded(SigningKeysDialog(window.runner, window.session))
    yield "new campus key", NewKeyDialog(window.runner, window.session, "campus", choose)
    key = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    document = {
        "campus": {"code": "QAU", "name": "Quaid-i-Azam University"},
        "publicKeyMultibase": key,
        "requested": "2026-05-02T10:00:00Z",
        "validFrom": "2026-05-02T10:00:00Z",
        "validUntil": "2028-05-02T10:00:00Z",
    }
    yield "install certificate", InstallDialog(window.runner, window.session, document, None)
    runner = TaskRunner(head_office.path)
    runners.append(runner)
    office = Session(head_office.admin, head_office=True)
    yield "signing keys (head office, no root)", loaded(SigningKeysDialog(runner, office))
    yield "new root key", NewKeyDialog(runner, office, "root", choose)
    with Store.open(head_office.path) as store:
        signing_keys.create_root_key(store, head_office.admin, "four unrelated words")
    yield "signing keys (head office)", loaded(SigningKeysDialog(runner, office))
    yield "certify request", CertifyDialog(runner, office, document, "", choose)


def test_every_dialog(qtbot, window, campus, head_office):
    problems = {}
    runners = []
    # Lazily: a dialog shown in several states (editor tabs) is audited in each.
    dialogs = chain(_dialogs(window, campus), _key_dialogs(qtbot, window, head_office, runners))
    for name, dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(20)
        found = _audit(dialog)
        if found:
            problems[name] = found
        assert isinstance(dialog, QDialog)
    for runner in runners:
        runner.close()
    assert problems == {}


def _focused() -> QWidget:
    """Where a key press goes: the focused widget, else the active window."""
    from PySide6.QtWidgets import QApplication

    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing would receive the key"
    return target


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(_focused(), text)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(_focused(), key, modifier)


def test_add_and_find_a_learner_with_the_keyboard_alone(qtbot, campus):
    from PySide6.QtWidgets import QApplication

    campus.store.close()
    window = MainWindow(campus.path, session=Session(campus.admin))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    _key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.learners
    qtbot.waitUntil(lambda: window.learners.model.rowCount() == 5, timeout=10_000)
    _key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # A&dd a learner…
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    form = window.learners.form
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.registration_no, timeout=5_000)
    _type(qtbot, "QAU-2026-0777")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Sadia Parveen")
    _key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Phone
    _type(qtbot, "0345-7654321")
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        _key(qtbot, Qt.Key.Key_Return)
    # The window manager gives the window back its focus when a dialog closes; offscreen has none.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    _key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.learners.search_box
    _type(qtbot, "0345-7654321")
    qtbot.waitUntil(lambda: window.learners.model.total == 1, timeout=10_000)
    assert window.learners.model.rows[0]["full_name"] == "Sadia Parveen"
    window.close()


def test_the_catalogue_tabs_by_keyboard(qtbot, campus):
    campus.store.close()
    window = MainWindow(campus.path, session=Session(campus.admin))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    _key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    _key(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # Pat&hways
    assert window.catalogue.tabs.currentWidget() is window.catalogue.pathways
    _key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # &Micro-credentials
    assert window.catalogue.tabs.currentWidget() is window.catalogue.micro
    window.close()


def test_forms_grow_with_a_larger_system_font(qtbot, qapp, campus):
    """A person who sets a larger font gets wider forms and taller lists, not clipped text."""
    from PySide6.QtGui import QFont

    from desktop.ui.cohort_form import CohortForm
    from desktop.ui.learner_form import LearnerForm
    from desktop.ui.tasks import TaskRunner

    campus.store.close()
    runner = TaskRunner(campus.path)
    session = Session(campus.admin)
    normal = QFont(qapp.font())
    sizes = {}
    try:
        for scale in (1, 2):
            large = QFont(normal)
            large.setPointSizeF(normal.pointSizeF() * scale)
            qapp.setFont(large)
            learner, cohort = LearnerForm(runner, session), CohortForm(runner, session)
            qtbot.addWidget(learner)
            qtbot.addWidget(cohort)
            sizes[scale] = (learner.minimumWidth(), cohort.assessors.height())
    finally:
        qapp.setFont(normal)
        runner.close()
    assert sizes[2][0] >= 1.8 * sizes[1][0]
    assert sizes[2][1] >= 1.8 * sizes[1][1]
