"""Fonts and translations, loaded once at start-up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..core.paths import resources_dir

UI_FAMILY = "DejaVu Sans"
_translator: QTranslator | None = None


def load_fonts(app: QApplication) -> str:
    """Register the bundled Vietnamese-complete font and make it the UI font.

    Without it a machine with no system fonts (or a poor one) draws boxes instead of ầ, ữ, ợ.
    """
    family = UI_FAMILY
    for ttf in sorted((resources_dir() / "fonts").glob("*.ttf")):
        fid = QFontDatabase.addApplicationFont(str(ttf))
        fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        if fams and "Sans" in fams[0]:
            family = fams[0]
    font = QFont(family)
    font.setPointSizeF(9.5)
    app.setFont(font)
    return family


def install_language(lang: str) -> bool:
    """Vietnamese is the source language; English comes from resources/translations/cchc_en.qm."""
    global _translator
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if lang == "en":
        tr = QTranslator(app)
        if tr.load(str(resources_dir() / "translations" / "cchc_en.qm")):
            app.installTranslator(tr)
            _translator = tr
            QLocale.setDefault(QLocale(QLocale.Language.English))
            return True
        return False
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    return True


def current_language() -> str:
    """"en" while the English translation is installed, else "vi" (the source language)."""
    return "en" if _translator is not None else "vi"
