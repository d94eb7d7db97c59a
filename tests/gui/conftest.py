"""GUI fixtures: a real agency window over a real workspace, driven offscreen with pytest-qt."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from cchc_desktop.core.storage.records import Citation


class WindowDriver:
    """Small helpers that act as the user would: select an item, type, press Enter."""

    def __init__(self, qtbot: Any, window: Any) -> None:
        self.qtbot = qtbot
        self.window = window
        self.ops = window.ops

    def settle(self) -> None:
        """Wait until the worker thread has committed everything and the views are updated."""
        self.qtbot.waitUntil(lambda: not self.ops.runner.busy, timeout=10000)

    def select(self, code: str) -> None:
        self.window.select_item(code)
        assert self.window.editor.item is not None and self.window.editor.item.code == code

    def type_into(self, line_edit: Any, text: str) -> None:
        from PySide6.QtCore import Qt

        line_edit.setFocus()
        line_edit.selectAll()
        if text.isascii():
            self.qtbot.keyClicks(line_edit, text)
        else:
            # QTest can only synthesise ASCII keys; Vietnamese arrives via the input method as a
            # committed string, which is what insert() does.
            line_edit.insert(text)
        self.qtbot.keyClick(line_edit, Qt.Key.Key_Return)
        self.settle()

    def choose(self, label_start: str) -> None:
        """Pick a line of the current item's combo box by keyboard, as a user would."""
        from PySide6.QtCore import Qt

        combo = self.window.editor.input.combo
        combo.setFocus()
        target = next(i for i in range(combo.count()) if combo.itemText(i).startswith(label_start))
        key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
        while combo.currentIndex() != target:
            self.qtbot.keyClick(combo, key)
        self.settle()

    @property
    def score(self) -> Any:
        return self.ops.snapshot.score

    def tree_points(self, code: str) -> str:
        model = self.window.model
        return model.index_of(code, 3).data()


@pytest.fixture
def open_window(qtbot: Any) -> Iterator[Any]:
    """`open_window(workspace)` -> WindowDriver; the window and worker are closed at teardown."""
    from cchc_desktop.gui.operations import AgencyOperations
    from cchc_desktop.gui.windows.agency_window import AgencyWindow

    opened: list[Any] = []

    def make(ws: Any) -> WindowDriver:
        ops = AgencyOperations(ws)
        window = AgencyWindow(ops)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        opened.append(ops)
        driver = WindowDriver(qtbot, window)
        driver.settle()
        return driver

    yield make
    for ops in opened:
        ops.wait_idle()
        ops.runner.shutdown()


@pytest.fixture
def citation_answers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Citation, str]]:
    """Replace the citation dialog: each call pops the next prepared answer."""
    from cchc_desktop.gui.widgets.evidence_panel import EvidencePanel

    answers: list[tuple[Citation, str]] = []

    def fake(parent: Any, file_name: str, current: Citation | None) -> tuple[Citation, str] | None:
        return answers.pop(0) if answers else (Citation("Kế hoạch", "1/KH-UBND", "15/01/2026", "UBND xã", file_name), "tr. 1")

    monkeypatch.setattr(EvidencePanel, "ask_citation", staticmethod(fake))
    return answers


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal warnings are recorded instead of blocking the test."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: seen.append(text)))
    return seen


def small_pdf(path: Path) -> Path:
    """A real one-page PDF (reportlab) for preview tests."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "Ke hoach CCHC 2026")
    c.save()
    return path
