"""Languages: English and Urdu, with Urdu laid out right to left in an Urdu typeface.

Every visible string goes through Qt's ``tr()``. ``resources/translations/sanad_<lang>.ts`` are the
sources (``packaging/translations.py`` refreshes them from the code with ``pyside6-lupdate`` and
compiles the ``.qm`` files the app loads); English has a file too, for its plural forms only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.core.resources import resource_path

__all__ = [
    "LANGUAGES",
    "apply_language",
    "computer_settings",
    "ltr",
    "save_language",
    "saved_language",
]

log = logging.getLogger(__name__)

# code: (name shown in the language menu, locale)
LANGUAGES = {
    "en": ("English", QLocale(QLocale.Language.English, QLocale.Country.Pakistan)),
    "ur": ("اردو", QLocale(QLocale.Language.Urdu, QLocale.Country.Pakistan)),
}
# The interface uses Naskh, as phones and most software show Urdu: Nastaliq's tall strokes are
# clipped by the line heights of list rows and table headers. Nastaliq is kept for certificates.
URDU_FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
URDU_FAMILY = "Noto Naskh Arabic"


def ltr(text: str) -> str:
    """Text that reads left to right whatever the layout (numbers, codes, paths). In a
    right-to-left layout it is wrapped in Unicode's left-to-right isolate, so in Urdu
    ``0300 1234567`` does not become ``1234567 0300``; otherwise it is left as it is."""
    if not text or QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return f"\u2066{text}\u2069"


def computer_settings() -> QSettings:
    """The settings of this computer (an INI file per user): language, locking, backups."""
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


def _load_fonts() -> list[str]:
    families: list[str] = []
    for name in URDU_FONT_FILES:
        try:
            path = resource_path("fonts", name)
        except FileNotFoundError:
            log.warning("the Urdu font %s is missing from the installation", name)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families += QFontDatabase.applicationFontFamilies(font_id)
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
    font = QFont(base)
    if code == "ur" and URDU_FAMILY in _load_fonts():
        # Naskh is small on the eye at Latin sizes; a little larger reads like the Latin text.
        font.setFamilies([URDU_FAMILY, *base.families()])
        font.setPointSizeF(base.pointSizeF() * 1.15)
    app.setFont(font)
    return translators
