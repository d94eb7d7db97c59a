"""Reading every text a user can see in a window, and telling interface text from data.

`visible_texts(window)` walks the widgets visible in `window`: labels, buttons, group titles, tab
texts, placeholders, combo box lines, progress formats, tooltips, window titles, the actions of
its menus and toolbars, the header labels and cells of item views, the wizard's page titles and
status bar message.

Data is not interface text and is not translated: framework titles and labels, agency names,
file names, citations, licence texts, the user guide.  Two mechanisms keep it out, both explicit:

- a widget or action showing only data carries the dynamic property `data` = True (the widget and
  everything inside it are skipped): the guide browser, licence texts, the language names;
- a text that mixes interface words with data ("CCHC Desktop — PAR Index self-assessment —
  UBND xã Thử (2026)") has every known data string removed before it is checked:
  `data_strings(...)` collects every string of the framework (recursively through its frozen
  dataclasses), of the workspace info, and of the documents' citations.

`vietnamese(text)` is true when the text still has a letter with a Vietnamese diacritic.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from enum import Enum
from typing import Any, Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
    QWizard,
)

_VI_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)
VIETNAMESE_RE = re.compile(f"[{_VI_LETTERS}{_VI_LETTERS.upper()}]")
MAX_CELLS = 3000


def vietnamese(text: str) -> bool:
    return bool(VIETNAMESE_RE.search(unicodedata.normalize("NFC", text)))


# -- data --------------------------------------------------------------------------------------------


def _strings(obj: Any, seen: set[int], out: set[str]) -> None:
    if isinstance(obj, str):
        out.add(unicodedata.normalize("NFC", obj))
        return
    if isinstance(obj, (int, float, bool, bytes, Enum)) or obj is None or id(obj) in seen:
        return
    seen.add(id(obj))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _strings(getattr(obj, f.name), seen, out)
        for name in ("summary",):  # a citation's summary: how the document is cited (Vietnamese form)
            fn = getattr(obj, name, None)
            if callable(fn):
                try:
                    _strings(fn(), seen, out)
                except Exception:  # noqa: BLE001 - not every dataclass has a summary()
                    pass
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _strings(k, seen, out)
            _strings(v, seen, out)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            _strings(v, seen, out)
    elif hasattr(obj, "__fspath__"):
        out.add(str(obj))


def data_strings(*sources: Any) -> set[str]:
    """Every string inside `sources` (frameworks, workspace info, documents...) that has a
    Vietnamese letter: those are the ones that could be mistaken for untranslated text."""
    out: set[str] = set()
    seen: set[int] = set()
    for s in sources:
        _strings(s, seen, out)
    # Texts are compared as shown: single lines, collapsed spaces (a label may wrap a title).
    more = {" ".join(s.split()) for s in out}
    return {s for s in out | more if vietnamese(s) and s.strip()}


def strip_data(text: str, data: Iterable[str]) -> str:
    text = unicodedata.normalize("NFC", text)
    for d in sorted(data, key=len, reverse=True):
        if d in text:
            text = text.replace(d, " ")
    return text


# -- walking -----------------------------------------------------------------------------------------


def _is_data(obj: QObject | None, root: QObject) -> bool:
    while obj is not None:
        if obj.property("data") is True:
            return True
        if obj is root:
            return False
        obj = obj.parent()
    return False


def _menu_texts(where: str, actions: Iterable[QAction], out: list[tuple[str, str]]) -> None:
    for a in actions:
        if a.isSeparator() or a.property("data") is True or not a.isVisible():
            continue
        out.append((f"{where} › action", a.text()))
        if a.toolTip() and a.toolTip() != a.text().replace("&", ""):
            out.append((f"{where} › tooltip", a.toolTip()))
        menu = a.menu()
        if isinstance(menu, QMenu):
            _menu_texts(f"{where} › {a.text()}", menu.actions(), out)


def _view_texts(view: QAbstractItemView, where: str, out: list[tuple[str, str]]) -> None:
    """Header labels and cell texts (display and tooltip).  Qt's own item-widget models are read
    through their widgets (PySide does not expose their model methods); others through the model."""
    if isinstance(view, QListWidget):
        for i in range(min(view.count(), MAX_CELLS)):
            item = view.item(i)
            out.extend((f"{where} row {i}", t) for t in (item.text(), item.toolTip()))
        return
    if isinstance(view, QTableWidget):
        for c in range(view.columnCount()):
            header = view.horizontalHeaderItem(c)
            if header is not None:
                out.append((f"{where} header", header.text()))
        for r in range(min(view.rowCount(), MAX_CELLS // max(view.columnCount(), 1))):
            for c in range(view.columnCount()):
                item = view.item(r, c)
                if item is not None:
                    out.extend((f"{where} cell {r},{c}", t) for t in (item.text(), item.toolTip()))
        return
    model = view.model()
    if model is None:
        return
    root = view.rootIndex()
    for col in range(model.columnCount(root)):
        header = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(header, str):
            out.append((f"{where} header", header))
    cells = 0
    stack = [root]
    while stack and cells < MAX_CELLS:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            for col in range(model.columnCount(parent)):
                index = model.index(row, col, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str) and value:
                        out.append((f"{where} cell {row},{col}", value))
                cells += 1
            first = model.index(row, 0, parent)
            if first.isValid() and model.rowCount(first) > 0:
                stack.append(first)


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text shown by `window` and its visible, non-data widgets."""
    out: list[tuple[str, str]] = []
    name = type(window).__name__
    out.append((f"{name} window title", window.windowTitle()))
    if isinstance(window, QMainWindow):
        _menu_texts(f"{name} menu", window.menuBar().actions(), out)
        message = window.statusBar().currentMessage()
        if message:
            out.append((f"{name} status bar", message))
    if isinstance(window, QWizard):
        page = window.currentPage()
        if page is not None:
            out.append((f"{name} page title", page.title()))
            out.append((f"{name} page subtitle", page.subTitle()))
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or _is_data(w, window):
            continue
        where = f"{name} › {type(w).__name__}" + (f"#{w.objectName()}" if w.objectName() else "")
        if w.toolTip():
            out.append((f"{where} tooltip", w.toolTip()))
        if isinstance(w, QLabel):
            out.append((where, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((f"{where} placeholder", w.placeholderText()))
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append((f"{where} placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                out.append((f"{where} line {i}", w.itemText(i)))
        elif isinstance(w, QProgressBar):
            out.append((f"{where} format", w.text()))
        elif isinstance(w, QToolBar):
            out.append((f"{where} title", w.windowTitle()))
            _menu_texts(where, w.actions(), out)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                out.append((f"{where} tab {i}", w.tabText(i)))
        if isinstance(w, QAbstractItemView):
            _view_texts(w, where, out)
    return [(where, text) for where, text in out if text]


def untranslated(window: QWidget, data: Iterable[str]) -> list[str]:
    """The texts of `window` that still show Vietnamese once data is taken out."""
    data = set(data)
    return sorted({f"{where}: {text!r}" for where, text in visible_texts(window) if vietnamese(strip_data(text, data))})
