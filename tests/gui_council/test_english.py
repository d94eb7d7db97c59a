"""In English, the council's new screens show no Vietnamese but data: the dashboard, the ranking,
the review window (items of every kind, a refusal, the comparison), the round setup tabs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ..gui.ui_texts import data_strings, untranslated


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    from PySide6.QtCore import QLocale

    from cchc_desktop.gui.resources import install_language

    locale = QLocale()
    assert install_language("en")
    try:
        yield
    finally:
        install_language("vi")
        QLocale.setDefault(locale)


def data_of(ws: Any) -> set[str]:
    docs = [d for p in ws.packages() for d in ws.documents(p.manifest_sha256)]
    answers = [a for p in ws.packages() for a in ws.answers(p.manifest_sha256).values()]
    return data_strings(ws.framework, ws.agencies(), ws.packages(), docs, answers, ws.reviewers(), ws.appraisals())


def test_the_council_screens_have_no_vietnamese_left(english, council_round, council_window, qtbot, monkeypatch):
    from cchc_desktop.core.services.inspection_setup import Reviewer
    from cchc_desktop.gui.dialogs.round_setup import TAB_AGENCIES, RoundSetupDialog, SetupTab
    from cchc_desktop.gui.widgets.submission_diff import SubmissionDiffDialog

    ws = council_round()
    ws.set_reviewers([Reviewer("Trần Thị Lan", "Sở Tư pháp", ("2",))])
    ws.appraise("XA-001", "1.1.1", "1", "Ban hành đúng hạn")
    win = council_window(ws, lang="en")
    data = data_of(ws)
    found: list[str] = []
    assert "council" in win.windowTitle().lower()
    win.dashboard.select("XA-001")
    found += untranslated(win, data)
    with qtbot.waitSignal(win.ranking_loaded, timeout=5000):
        win.tabs.setCurrentIndex(1)
    found += untranslated(win, data)
    win.tabs.setCurrentIndex(0)

    review = win.open_review("XA-001")
    qtbot.addWidget(review)
    assert review.windowTitle().startswith("Appraisal")
    for code in ("1", "1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "T.1", "T.2"):
        review.select_item(code)
        found += untranslated(review, data)
    review.select_item("1.1.2")
    review.editor.points.setText("0,3")
    review.save()  # refused: the service's message in English
    assert review.editor.error.isVisible() and "Allowed" in review.editor.error.text()
    found += untranslated(review, data)
    review.reviewer_combo.setCurrentIndex(1)
    found += untranslated(review, data)
    diff = SubmissionDiffDialog(ws.framework, [], review.review, "en", review)
    qtbot.addWidget(diff)
    diff.show()
    found += untranslated(diff, data)
    review.close()

    monkeypatch.setattr(SetupTab, "ask_open", staticmethod(lambda parent, title: ws.folder / "khong-co.xlsx"))
    dlg = RoundSetupDialog(ws, TAB_AGENCIES, "en", win)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.agencies.import_button.click()  # a file that is not there: refused, in English
    assert dlg.agencies.error.isVisible()
    dlg.reviewers.add_row()
    dlg.reviewers.save_button.click()  # a reviewer without a name: refused
    dlg.survey.import_button.click()
    for i in range(dlg.tabs.count()):
        dlg.tabs.setCurrentIndex(i)
        found += untranslated(dlg, data)
    assert not found, "Vietnamese left in the English interface:\n" + "\n".join(sorted(set(found)))


def test_the_walk_sees_the_vietnamese_ones(council_round, council_window):
    """Guards the check above: in Vietnamese the same walk finds the new screens' texts."""
    ws = council_round()
    win = council_window(ws)
    left = untranslated(win, data_of(ws))
    assert any("Bảng điều khiển" in t for t in left) and any("Trạng thái" in t for t in left)
    review = win.open_review("XA-001")
    review.select_item("1.1.1")
    assert any("Điểm hợp lệ" in t for t in untranslated(review, data_of(ws)))
    assert review.tree.currentIndex().data(Qt.ItemDataRole.DisplayRole) == "1.1.1"
    review.close()
