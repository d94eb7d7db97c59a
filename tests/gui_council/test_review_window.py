"""The review window, driven from the keyboard as an appraiser would: the numbers it shows come
from the service, every save goes through the service (`appraisals()` is checked), refusals show
the service's own message inline and store nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cchc_desktop.core.errors import InvalidInput
from cchc_desktop.core.services.inspection_setup import Reviewer
from cchc_desktop.gui.models.review_tree import COL_APPRAISED, COL_SELF, COL_STATUS

from .test_dashboard import vi

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user: QTest cannot synthesise Vietnamese letters, the input method commits them."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insertPlainText(text) if hasattr(widget, "insertPlainText") else widget.insert(text)


def stored(ws, agency: str) -> dict[str, object]:
    return {a.code: a for a in ws.appraisals(agency)}


def cell(win, code: str, col: int) -> str:
    return win.model.index_of(code, col).data()


def test_tree_and_panel_show_the_service_numbers(council_round, review_window, qtmodeltester):
    ws = council_round()
    ws.appraise("XA-001", "2.3", "1.5", "Đã kiểm tra tại xã")
    win = review_window(ws, "XA-001")
    qtmodeltester.check(win.model)
    qtmodeltester.check(win.proxy)
    own = ws.self_sheet("XA-001")
    final = ws.final_sheet("XA-001")
    for code in ("1", "1.1", "1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.2"):  # answered agency items and their sums
        assert cell(win, code, COL_SELF) == vi(own.nodes[code].points), code
    for code in ("1", "2", "2.3"):
        assert cell(win, code, COL_APPRAISED) == vi(final.nodes[code].points), code
    assert cell(win, "2.1", COL_SELF) == "KAD"  # not applicable, excluded from the maximum
    assert cell(win, "2.3", COL_SELF) == "—"  # council-only: no self points
    assert cell(win, "2.3", COL_STATUS) == "Đã chấm"
    assert cell(win, "1.1.1", COL_STATUS) == "Chưa thẩm định"
    o = ws.overview("XA-001")[0]
    summary = win.summary.text()
    assert f"<b>{vi(o.final_points)}</b>/{vi(o.applicable_max)}" in summary and f"{vi(o.percent)}%" in summary
    assert f"Đã thẩm định {o.appraised}/{o.to_appraise}" in summary
    # The selected leaf: the agency's input in words, its self points, explanation and evidence.
    win.select_item("1.1.1")
    details = win.details
    assert details.input.text() == "Ban hành chậm"
    assert "Tự chấm: <b>0,5</b>" in details.self_points.text()
    assert details.note.text() == "Ban hành chậm 5 ngày"
    rows = [details.evidence.item(i).text() for i in range(details.evidence.count())]
    assert len(rows) == 1 and "qd-ke-hoach.pdf" in rows[0] and "12/QĐ-UBND" in rows[0] and "15/01/2026" in rows[0]
    assert "Trang/mục chứng minh: 1-2" in rows[0] and "Ban hành Kế hoạch CCHC năm 2026" in rows[0]
    assert "Điểm hợp lệ: 0; 0,5; 1" in win.editor.allowed.text()
    win.select_item("2.1")
    assert details.input.text().endswith("Năm 2026 không phát sinh hồ sơ") and not win.editor.na.isHidden()


def test_keyboard_flow(council_round, review_window, qtbot):
    ws = council_round()
    win = review_window(ws, "XA-001", ["XA-001", "XA-002"])
    assert win.current_item().code == "1.1.1"  # opens on the first item to appraise
    # Points, Enter, reason, Ctrl+Enter: saved, and the next item to appraise is selected.
    qtbot.keyClick(win.tree, Qt.Key.Key_Return)
    assert win.editor.points.hasFocus()
    type_text(qtbot, win.editor.points, "1")
    qtbot.keyClick(win.editor.points, Qt.Key.Key_Return)
    assert win.editor.reason.hasFocus()
    type_text(qtbot, win.editor.reason, "Quyết định ban hành đúng hạn")
    qtbot.keyClick(win.editor.reason, Qt.Key.Key_Return, CTRL)
    a = stored(ws, "XA-001")["1.1.1"]
    assert (str(a.points), a.reason, a.reviewer) == ("1", "Quyết định ban hành đúng hạn", "test")
    assert win.current_item().code == "1.1.2" and win.editor.points.hasFocus()
    assert cell(win, "1.1.1", COL_STATUS) == "Điều chỉnh" and cell(win, "1.1.1", COL_APPRAISED) == "1"
    # Ctrl+D accepts the self points (from the service) and moves on.
    qtbot.keyClick(win.editor.points, Qt.Key.Key_D, CTRL)
    assert stored(ws, "XA-001")["1.1.2"].points == ws.self_sheet("XA-001").nodes["1.1.2"].points
    assert win.current_item().code == "1.2"
    # F8 / Shift+F8: next / previous item still to appraise; F9: next disagreement.
    qtbot.keyClick(win.tree, Qt.Key.Key_F8)
    assert win.current_item().code == "1.3"
    qtbot.keyClick(win.editor.points, Qt.Key.Key_F8, SHIFT)
    assert win.current_item().code == "1.2"
    qtbot.keyClick(win.tree, Qt.Key.Key_F9)
    assert win.current_item().code == "1.1.1"
    # Ctrl+Z undoes the last appraisal in the service; Ctrl+Y does it again.
    qtbot.keyClick(win.editor.points, Qt.Key.Key_Z, CTRL)
    assert "1.1.2" not in stored(ws, "XA-001") and "1.1.1" in stored(ws, "XA-001")
    assert win.current_item().code == "1.1.2" and cell(win, "1.1.2", COL_STATUS) == "Chưa thẩm định"
    qtbot.keyClick(win.tree, Qt.Key.Key_Y, CTRL)
    assert "1.1.2" in stored(ws, "XA-001")
    # PgDown: the next agency, the same criterion; PgUp back.
    qtbot.keyClick(win.tree, Qt.Key.Key_PageDown)
    assert win.agency_code == "XA-002" and win.current_item().code == "1.1.2"
    assert cell(win, "1.1.2", COL_STATUS) == "Chưa thẩm định" and stored(ws, "XA-002") == {}
    qtbot.keyClick(win.editor.points, Qt.Key.Key_PageUp)
    assert win.agency_code == "XA-001" and cell(win, "1.1.2", COL_STATUS) == "Đồng ý"


def test_undo_of_another_agency_shows_it(council_round, review_window, qtbot):
    ws = council_round()
    win = review_window(ws, "XA-001", ["XA-001", "XA-002"])
    win.select_item("1.3")
    qtbot.keyClick(win.tree, Qt.Key.Key_D, CTRL)
    qtbot.keyClick(win.tree, Qt.Key.Key_PageDown)
    assert win.agency_code == "XA-002"
    qtbot.keyClick(win.tree, Qt.Key.Key_Z, CTRL)
    assert stored(ws, "XA-001") == {}
    assert win.agency_code == "XA-001" and win.current_item().code == "1.3"
    assert "1.3" in win.statusBar().currentMessage()


@pytest.mark.parametrize(("code", "points", "reason"), [
    ("1.1.1", "2", "Quá điểm tối đa"),  # above the max
    ("1.1.1", "0,3", "Không phải mức của quy tắc"),  # not one of the choice's values (0; 0.5; 1)
    ("1.1.1", "1", ""),  # differs from the self points (0.5) without a reason
    ("1.4", "0.7", "Không theo bước 0,5"),  # a manual item's step
])
def test_refusals_show_the_service_message_and_store_nothing(council_round, review_window, qtbot, no_modal, code, points, reason):
    ws = council_round()
    with pytest.raises(InvalidInput) as refused:  # what the service says to the same input
        ws.appraise("XA-002", code, points, reason)
    win = review_window(ws, "XA-001")
    win.select_item(code)
    win.editor.focus_points()
    type_text(qtbot, win.editor.points, points)
    if reason:
        type_text(qtbot, win.editor.reason, reason)
    qtbot.keyClick(win.editor.points, Qt.Key.Key_Return, CTRL)
    assert win.editor.error.isVisible() and win.editor.error.text() == refused.value.vi
    assert "#c62828" in win.editor.error.styleSheet()  # red, inline
    assert no_modal == []  # no message box
    assert ws.appraisals() == []
    assert win.current_item().code == code  # stays on the item to correct it
    assert cell(win, code, COL_STATUS) == "Chưa thẩm định"
    # Correcting it clears the message.
    win.editor.points.setText(vi(ws.self_sheet("XA-001").nodes[code].points))
    qtbot.keyClick(win.editor.points, Qt.Key.Key_Return, CTRL)
    assert not win.editor.error.isVisible() and code in stored(ws, "XA-001")


def test_not_applicable_and_clear(council_round, review_window, qtbot):
    ws = council_round()
    win = review_window(ws, "XA-001")
    win.select_item("2.1")  # the agency claimed N/A (excluded from the maximum): the council agrees
    assert not win.editor.na.isHidden()
    win.editor.na.setChecked(True)
    assert not win.editor.points.isEnabled()
    qtbot.keyClick(win.tree, Qt.Key.Key_Return, CTRL)
    a = stored(ws, "XA-001")["2.1"]
    assert a.not_applicable and a.points is None and cell(win, "2.1", COL_APPRAISED) == "KAD"
    win.select_item("1.3")
    assert win.editor.na.isHidden()  # yes/no without N/A
    win.select_item("2.1")
    assert win.editor.na.isChecked() and win.editor.clear_button.isEnabled()
    win.editor.clear_button.click()
    assert "2.1" not in stored(ws, "XA-001") and cell(win, "2.1", COL_STATUS) == "Chưa thẩm định"


def test_reviewer_filter_and_name(council_round, review_window, qtbot):
    ws = council_round()
    ws.set_reviewers([Reviewer("Trần Thị Lan", "Sở Tư pháp", ("2",)), Reviewer("Lê Văn Nam", "Sở Nội vụ", ())])
    win = review_window(ws, "XA-001")
    combo = win.reviewer_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "Lê Văn Nam", "Trần Thị Lan"]
    assert win.proxy.rowCount() == 4  # three fields and the bonus/penalty group
    combo.setCurrentIndex(combo.findData("Trần Thị Lan"))
    assert win.proxy.rowCount() == 1 and win.proxy.visible_leaves() == ["2.1", "2.2", "2.3"]
    assert win.current_item().code == "2.1"  # the first of her items to appraise
    qtbot.keyClick(win.tree, Qt.Key.Key_F8)
    assert win.current_item().code == "2.2"
    qtbot.keyClick(win.tree, Qt.Key.Key_D, CTRL)
    assert stored(ws, "XA-001")["2.2"].reviewer == "Trần Thị Lan"
    combo.setCurrentIndex(combo.findData("Lê Văn Nam"))  # no fields ticked: every field
    assert win.proxy.rowCount() == 4


def test_evidence_preview_opens_in_the_app(council_round, review_window, qtbot):
    from cchc_desktop.gui.dialogs.preview import PreviewDialog

    ws = council_round()
    win = review_window(ws, "XA-001")
    win.select_item("2.3")
    assert win.details.evidence.count() == 2
    win.details.preview_button.click()
    dialogs = [d for d in win.findChildren(PreviewDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].windowTitle().startswith("Xem tài liệu")
    win.details.evidence.setCurrentRow(1)
    win.details.preview_button.click()  # the same preview window, reused
    qtbot.waitUntil(lambda: len([d for d in win.findChildren(PreviewDialog) if d.isVisible()]) == 1)


def test_survey_items_are_not_appraised_here(council_round, review_window):
    ws = council_round()
    win = review_window(ws, "XA-001")
    win.select_item("3.1")
    assert not win.editor.isEnabled() and cell(win, "3.1", COL_STATUS) == "Điều tra XHH"
    assert "3.1" not in win.review.unreviewed(win.proxy.visible_leaves())


def test_comparison_with_the_previous_submission(council_round, round_template, review_window, open_agency, keys, tmp_path,
                                                 qtbot):
    import shutil

    from ..inspection.helpers import build_package

    ws = council_round()
    first = ws.submission("XA-001").manifest_sha256
    folder = tmp_path / "ag-XA-001"
    shutil.copytree(round_template.parent / "ag-XA-001", folder)  # the agency that sent the first package
    agency = open_agency(folder)
    agency.set_value("1.3", False)
    agency.set_note("1.3", "Chưa tổ chức tuyên truyền")
    pkg = build_package(agency, tmp_path / "XA-001-2.cchc", keys.a, sequence=2, previous=first)
    [res] = ws.import_packages([pkg.path])
    assert res.ok, res.reasons()
    win = review_window(ws, "XA-001")
    assert not win.diff_button.isHidden() and win.diff_action.isEnabled()
    changes = ws.submission_diff("XA-001")
    assert [c.code for c in changes] == ["1.3"]
    from cchc_desktop.gui.widgets.submission_diff import SubmissionDiffDialog

    qtbot.keyClick(win.tree, Qt.Key.Key_K, CTRL)
    [dlg] = [d for d in win.findChildren(SubmissionDiffDialog) if d.isVisible()]
    assert dlg.table.rowCount() == 1
    assert dlg.table.item(0, 2).text() == "Đạt" and dlg.table.item(0, 3).text().startswith("Không đạt")
    assert "Chưa tổ chức tuyên truyền" in dlg.table.item(0, 3).text()
    win.select_item("1.1.1")
    pos = dlg.table.visualItemRect(dlg.table.item(0, 1)).center()
    qtbot.mouseClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert win.current_item().code == "1.3"


def test_round_two_shows_the_rebuttal_and_appraises_again(council_round, review_window, qtbot, monkeypatch):
    """After the agency's rebuttal (giải trình) the item it disputes is to appraise again, in round 2.
    (Importing a real rebuttal package is tested in tests/results; here the service reports it.)"""
    ws = council_round()
    ws.appraise("XA-001", "1.1.1", "0", "Không có quyết định ban hành")
    ws.accept_self("XA-001", "1.3")
    monkeypatch.setattr(ws, "round_of", lambda code: 2)
    monkeypatch.setattr(ws, "rebuttal_texts", lambda code: {"1.1.1": "Đã ban hành, xin gửi kèm quyết định"})
    win = review_window(ws, "XA-001")
    assert cell(win, "1.1.1", COL_STATUS) == "Có giải trình" and cell(win, "1.3", COL_STATUS) == "Đồng ý"
    assert win.current_item().code == "1.1.1"  # the disputed item comes first
    assert win.details.rebuttal.text() == "Đã ban hành, xin gửi kèm quyết định" and win.details.rebuttal_box.isVisible()
    assert "vòng 2" in win.editor.info.text() and win.editor.points.text() == "0"  # round 1's verdict, to revise
    win.editor.points.setText("0,5")
    win.editor.reason.setPlainText("Chấp nhận giải trình: ban hành chậm")
    qtbot.keyClick(win.tree, Qt.Key.Key_Return, CTRL)
    rounds = {(a.code, a.round): a for a in ws.appraisals("XA-001")}
    assert str(rounds[("1.1.1", 2)].points) == "0.5" and str(rounds[("1.1.1", 1)].points) == "0"
    assert cell(win, "1.1.1", COL_STATUS) == "Đồng ý" and cell(win, "1.1.1", COL_APPRAISED) == "0,5"
    win.select_item("1.3")
    assert not win.details.rebuttal_box.isVisible()
