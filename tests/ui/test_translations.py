"""Every visible string is translated into Urdu, with the same placeholders, and the compiled
files are current; in Urdu the app is laid out right to left in an Urdu typeface."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.i18n import URDU_FAMILY, apply_language

ROOT = Path(__file__).resolve().parents[2]
# packaging/ is a folder of scripts (its name would clash with the `packaging` library on import)
_spec = importlib.util.spec_from_file_location(
    "translations", ROOT / "packaging" / "translations.py"
)
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)
TS = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{\w+\}|%L?n|%\d")


def _messages(path: Path) -> dict[tuple[str, str], list[str | None]]:
    found = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                forms = [None]
            elif message.get("numerus") == "yes":
                forms = [f.text for f in translation.iter("numerusform")]
            else:
                forms = [translation.text]
            found[(name, message.findtext("source"))] = forms
    return found


def test_every_string_has_an_urdu_translation_with_the_same_placeholders():
    messages = _messages(TS / "sanad_ur.ts")
    assert len(messages) > 20
    for (context, source), forms in messages.items():
        assert all(forms), f"{context}: {source!r} is not translated"
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (
                f"{context}: {source!r} → {form!r} has other placeholders"
            )


def test_english_plurals_are_written_out():
    for (context, source), forms in _messages(TS / "sanad_en.ts").items():
        assert len(forms) == 2 and all(forms), f"{context}: {source!r}"
        assert "(s)" not in "".join(forms)


def test_the_sources_cover_every_string_in_the_code(tmp_path):
    for ts in TS.glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    translations.update(tmp_path)
    for ts in TS.glob("*.ts"):
        assert _messages(tmp_path / ts.name) == _messages(ts), (
            f"{ts.name} is behind the code: run python packaging/translations.py update, "
            "translate, then compile"
        )


def test_the_compiled_files_match_their_sources(tmp_path):
    translations.compile_all(TS, tmp_path)
    for qm in TS.glob("*.qm"):
        assert (tmp_path / qm.name).read_bytes() == qm.read_bytes(), (
            f"{qm.name} is stale: run python packaging/translations.py compile"
        )


@pytest.fixture
def urdu(qapp):
    apply_language(qapp, "ur")
    yield qapp
    apply_language(qapp, "en")


def test_urdu_is_right_to_left_in_an_urdu_typeface(urdu, qtbot, campus):
    from desktop.ui.main_window import MainWindow

    campus.store.close()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert URDU_FAMILY in QApplication.font().families()
    assert QLocale().language() == QLocale.Language.Urdu
    window = MainWindow(campus.path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview.loaded, timeout=10_000):
        window.show()
    assert window.windowTitle() == "سند"
    assert window.navigation.item(2).text() == "طلبہ"
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # Numbers keep their order inside right-to-left text.
    from desktop.core.paths import display_path

    shown = f"\u2066{display_path(campus.path)}\u2069"
    assert window.statusBar().currentMessage() == f"ڈیٹا بیس: {shown}"
    model = window.learners.model
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=10_000)
    assert model.data(model.index(0, 4)) == "\u20660300 1234501\u2069"
    window.close()


def test_dates_keep_their_iso_order_in_urdu(urdu, qtbot, campus):
    from desktop.ui.cohort_form import CohortForm
    from desktop.ui.session import Session
    from desktop.ui.tasks import TaskRunner

    campus.store.close()
    runner = TaskRunner(campus.path)
    form = CohortForm(runner, Session(campus.admin))
    qtbot.addWidget(form)
    form.starts.setDate(form.starts.date().fromString("2026-11-23", "yyyy-MM-dd"))
    assert form.starts.text() == "2026-11-23"
    assert form.values()["starts_on"] == "2026-11-23"
    runner.close()


def test_the_core_texts_are_collected():
    """Every problem template of the core is a literal the tools collect, and the collection
    the translators work from is current."""
    assert translations.core_texts_module() == translations.CORE_TEXTS.read_text("utf-8"), (
        "desktop/ui/core_texts.py is behind the core: run python packaging/translations.py update"
    )


def test_every_field_a_problem_names_has_a_title():
    from desktop.core.errors import FIELD_TITLES

    named = translations.core_texts()["Field"]
    assert named <= set(FIELD_TITLES), sorted(named - set(FIELD_TITLES))


def test_a_refusal_reads_in_urdu(urdu, qtbot, campus):
    from desktop.ui.learners import LearnersPage
    from desktop.ui.session import Session
    from desktop.ui.tasks import TaskRunner

    campus.store.close()
    runner = TaskRunner(campus.path)
    page = LearnersPage(runner, Session(campus.admin))
    qtbot.addWidget(page)
    page.show()
    page.add_button.click()
    form = page.form
    form.registration_no.setText("QAU-2026-0001")  # Ayesha Khan's
    form.full_name.setText("کرن اعوان")
    form.cnic.setText("35202-12345")
    form.save_button.click()
    cnic_error = form.marks.fields["cnic"][1]
    qtbot.waitUntil(lambda: cnic_error.isVisible(), timeout=10_000)
    text = cnic_error.text()
    assert re.search("[\u0600-\u06ff]", text) and "digits" not in text and "{" not in text
    assert "10" in text  # the count of digits typed, filled into the Urdu sentence
    form.cnic.clear()
    form.save_button.click()
    reg_error = form.marks.fields["registration_no"][1]
    qtbot.waitUntil(lambda: "Ayesha Khan" in reg_error.text(), timeout=10_000)
    assert "already belongs" not in reg_error.text()
    assert "\u2068Ayesha Khan\u2069" in reg_error.text()  # a Latin name kept whole in Urdu
    assert form.full_name.text() == "کرن اعوان"
    form.confirm_discard = lambda: True
    form.reject()
    runner.close()


def test_an_urdu_export_imports_back_without_mapping_columns(urdu, qtbot, campus):
    """The export's Urdu headers are words the import recognises, so the two stay in step."""
    from desktop.core.learner_import import guess_mapping
    from desktop.core.services.learners import LEARNER_FIELDS
    from desktop.ui.learners import LearnersPage
    from desktop.ui.session import Session
    from desktop.ui.tasks import TaskRunner

    campus.store.close()
    runner = TaskRunner(campus.path)
    page = LearnersPage(runner, Session(campus.admin))
    qtbot.addWidget(page)
    headers = page.export_headers()
    assert headers["full_name"] == "نام"
    mapping = guess_mapping([headers[f] for f in LEARNER_FIELDS])
    assert mapping == {f: i for i, f in enumerate(LEARNER_FIELDS)}
    runner.close()


def test_urdu_text_in_the_english_interface_is_shaped_in_one_typeface(qtbot):
    """Interface fonts such as DejaVu Sans lack Urdu letters (ہ, ے); a word shaped half in one
    font and half in another shows boxes. Urdu text gets the bundled Urdu typeface whole."""
    from PySide6.QtGui import QTextLayout
    from PySide6.QtWidgets import QLineEdit

    from desktop.ui.i18n import follow_script, font_for
    from desktop.ui.models import RowsModel

    name = "فاطمہ بی بی کا راستہ"
    font = font_for(name)
    assert font is not None and font.families()[0] == URDU_FAMILY
    layout = QTextLayout(name, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    assert {run.rawFont().familyName() for run in layout.glyphRuns()} == {URDU_FAMILY}
    assert font_for("Ayesha Khan") is None

    model = RowsModel([("full_name", "Name", lambda r: r["full_name"])])
    model.set_rows([{"id": "1", "full_name": name}, {"id": "2", "full_name": "Ayesha Khan"}])
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).families()[0] == URDU_FAMILY
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole) is None

    edit = QLineEdit()
    qtbot.addWidget(edit)
    follow_script(edit)
    height = edit.minimumHeight()
    edit.setText(name)
    assert edit.font().families()[0] == URDU_FAMILY and edit.minimumHeight() == height
    edit.setText("Ayesha")
    assert edit.font().families()[0] != URDU_FAMILY


def test_in_the_urdu_interface_the_interface_font_is_already_urdu(urdu):
    from desktop.ui.i18n import font_for

    assert font_for("فاطمہ") is None
    assert QApplication.font().families()[0] == URDU_FAMILY
