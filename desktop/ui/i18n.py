"""Languages: English and Urdu, with Urdu laid out right to left in an Urdu typeface.

Every visible string goes through Qt's ``tr()``. ``resources/translations/sanad_<lang>.ts`` are the
sources (``packaging/translations.py`` refreshes them from the code with ``pyside6-lupdate`` and
compiles the ``.qm`` files the app loads); English has a file too, for its plural forms only.

Urdu text also appears in the English interface (Urdu titles, learners' names written in Urdu).
Common Latin interface fonts such as DejaVu Sans claim Arabic but lack Urdu letters (ہ, ے, ں),
so Qt shapes the word in one font and fills the holes from another, and boxes appear. There, text
in Arabic script is given the bundled Urdu typeface: :func:`font_for` in item models and
delegates, :func:`follow_script` for inputs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.resources import resource_path

__all__ = [
    "LANGUAGES",
    "ScriptFontDelegate",
    "apply_language",
    "coded_title",
    "computer_settings",
    "follow_script",
    "font_for",
    "in_language",
    "ltr",
    "rtl_line",
    "save_language",
    "saved_language",
]

log = logging.getLogger(__name__)

# code: (name shown in the language menu, locale)
# (By name: QLocale's Language and Country enums have hundreds of members, and making their
# Python types costs 40 ms of every start.)
LANGUAGES = {
    "en": ("English", QLocale("en_PK")),
    "ur": ("اردو", QLocale("ur_PK")),
}
# The interface uses Naskh, as phones and most software show Urdu: Nastaliq's tall strokes are
# clipped by the line heights of list rows and table headers. Nastaliq is kept for certificates.
URDU_FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
URDU_FAMILY = "Noto Naskh Arabic"
# Naskh is small on the eye at Latin sizes; a little larger reads like the Latin text.
URDU_SCALE = 1.15
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _right_to_left() -> bool:
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def in_language(row: Mapping[str, Any], field: str = "title") -> str:
    """``row[field + "_ur"]`` in the Urdu interface when there is one, else the English."""
    urdu = row.get(f"{field}_ur") if _right_to_left() else None
    return urdu or row[f"{field}_en"]


def coded_title(row: Mapping[str, Any], code: str = "micro_code") -> str:
    """A micro-credential as lists show it: its code, then its title in the interface language."""
    return f"{ltr(row[code])} {in_language(row)}"


def rtl_line(text: str) -> str:
    """A line that reads right to left in the Urdu interface even when it starts with a Latin
    name or code (a right-to-left mark first); unchanged in English."""
    return f"\u200f{text}" if _right_to_left() else text


def ltr(text: str) -> str:
    """Text that reads left to right whatever the layout (numbers, codes, paths). In a
    right-to-left layout it is wrapped in Unicode's left-to-right isolate, so in Urdu
    ``0300 1234567`` does not become ``1234567 0300``; otherwise it is left as it is."""
    if not text or QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return f"\u2066{text}\u2069"


def computer_settings() -> QSettings:
    """The settings of this computer (an INI file per user): language, locking, backups. A
    portable Sanad keeps them in its own data folder, so they travel with it."""
    from desktop.core.paths import settings_file

    portable = settings_file()
    if portable is not None:
        return QSettings(str(portable), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Sanad", "Sanad")


def saved_language() -> str:
    """The language chosen on this computer; English until one is chosen."""
    value = computer_settings().value("language", "en")
    return value if value in LANGUAGES else "en"


def save_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; Sanad speaks {', '.join(LANGUAGES)}")
    settings = computer_settings()
    settings.setValue("language", code)
    settings.sync()


_loaded_families: list[str] | None = None


def _load_fonts() -> list[str]:
    """Register the bundled Urdu typeface with Qt (once); returns its family names."""
    global _loaded_families
    if _loaded_families is not None:
        return _loaded_families
    families: list[str] = []
    for name in URDU_FONT_FILES:
        try:
            path = resource_path("fonts", name)
        except FileNotFoundError:
            log.warning("the Urdu font %s is missing from the installation", name)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families += QFontDatabase.applicationFontFamilies(font_id)
    _loaded_families = families
    return families


def apply_language(app: QApplication, code: str) -> list[QTranslator]:
    """Install the translators, locale, layout direction and font of a language.

    Call before the first window is made. Returns the translators (keep them alive).
    """
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; Sanad speaks {', '.join(LANGUAGES)}")
    for old in getattr(app, "_sanad_translators", []):
        app.removeTranslator(old)
    _, locale = LANGUAGES[code]
    QLocale.setDefault(locale)
    translators = []
    qt_own = QTranslator(app)
    if qt_own.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        translators.append(qt_own)
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"sanad_{code}.qm"))):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("no compiled translation for %s", code)
    app._sanad_translators = translators  # type: ignore[attr-defined]
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if code == "ur" else Qt.LayoutDirection.LeftToRight
    )
    if not hasattr(app, "_sanad_base_font"):
        app._sanad_base_font = QFont(app.font())  # type: ignore[attr-defined]
    base: QFont = app._sanad_base_font  # type: ignore[attr-defined]
    urdu = QFont(base)
    if URDU_FAMILY in _load_fonts():
        urdu.setFamilies([URDU_FAMILY, *base.families()])
        urdu.setPointSizeF(base.pointSizeF() * URDU_SCALE)
    app.setFont(urdu if code == "ur" else base)
    # In the Urdu interface every text is already in the Urdu typeface.
    app._sanad_script_font = None if code == "ur" else urdu  # type: ignore[attr-defined]
    return translators


def font_for(text: str | None) -> QFont | None:
    """The font to show ``text`` in when it is in Arabic script and the interface font is not
    an Urdu one; ``None`` when the interface font will do."""
    font = getattr(QApplication.instance(), "_sanad_script_font", None)
    if font is None or not text or not _ARABIC_SCRIPT.search(text):
        return None
    return font


def follow_script(edit: QLineEdit) -> None:
    """Show what is typed in ``edit`` in the Urdu typeface whenever it is in Arabic script. The
    input is made tall enough for that typeface from the start, so the form does not jump."""
    font = getattr(QApplication.instance(), "_sanad_script_font", None)
    if font is None:
        return
    extra = QFontMetrics(font).height() - QFontMetrics(edit.font()).height()
    if extra > 0:
        edit.setMinimumHeight(edit.sizeHint().height() + extra)

    def choose(text: str) -> None:
        wanted = font_for(text)
        edit.setFont(wanted if wanted is not None else QFont())

    edit.textChanged.connect(choose)
    choose(edit.text())


class ScriptFontDelegate(QStyledItemDelegate):
    """Shows and edits cells in Arabic script in the Urdu typeface (see :func:`font_for`)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        font = font_for(option.text)
        if font is not None:
            option.font = font

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            follow_script(editor)
        return editor
