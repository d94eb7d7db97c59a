"""Keyboard access: every menu and the visible buttons and labels of each council screen have
distinct Alt+letter mnemonics (two equal letters make Alt+letter ambiguous)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QTabWidget, QWidget

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of the menu titles, tab titles and visible buttons/labels with a mnemonic."""
    out: list[tuple[str, str]] = []

    def add(text: str) -> None:
        m = MNEMONIC.search(text.replace("&&", ""))
        if m:
            out.append((m.group(1).casefold(), text))

    if isinstance(window, QMainWindow):
        for a in window.menuBar().actions():
            add(a.text())
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            add(w.text())
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w.tabText(i))
    return out


def assert_distinct(window: QWidget) -> None:
    seen: dict[str, str] = {}
    for letter, text in mnemonics(window):
        assert letter not in seen, f"Alt+{letter}: “{seen[letter]}” and “{text}”"
        seen[letter] = text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_mnemonics_are_distinct(lang, council_round, council_window, review_window, qtbot, qapp):
    from PySide6.QtCore import QLocale

    from cchc_desktop.gui.dialogs.round_setup import RoundSetupDialog
    from cchc_desktop.gui.resources import install_language

    locale = QLocale()
    if lang == "en":
        assert install_language("en")
    try:
        ws = council_round()
        win = council_window(ws, lang=lang)
        assert_distinct(win)
        review = review_window(ws, "XA-001", lang=lang)
        review.select_item("2.1")  # the N/A box shows too
        assert_distinct(review)
        if lang == "vi":  # the walk does see them
            assert {"t", "c", "q", "n", "i", "p", "l", "x", "o"} <= {letter for letter, _ in mnemonics(review)}
        dlg = RoundSetupDialog(ws, 0, lang, win)
        qtbot.addWidget(dlg)
        dlg.show()
        for i in range(dlg.tabs.count()):
            dlg.tabs.setCurrentIndex(i)
            assert_distinct(dlg)
    finally:
        install_language("vi")
        QLocale.setDefault(locale)
