"""The agency window driven through its widgets: every rule kind, evidence, undo/redo, bad input."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from cchc_desktop.gui.models.criteria_tree import CriteriaTreeModel

from .conftest import small_pdf


def test_tree_model_passes_qtmodeltester(agency_ws, qtmodeltester):
    from cchc_desktop.core.services.snapshot import take_snapshot

    model = CriteriaTreeModel(agency_ws.framework, take_snapshot(agency_ws))
    qtmodeltester.check(model, force_py=True)
    # Fields, then the bonus/penalty group.
    assert model.rowCount() == len(agency_ws.framework.fields) + 1
    assert model.index(0, 0).data() == "I"


def test_every_rule_kind_through_the_widgets(agency_ws, open_window):
    d = open_window(agency_ws)
    assert d.score.final_points == 0

    d.select("1.1.1")  # choice: on time / late / not issued
    d.choose("Ban hành chậm")
    assert d.score.node("1.1.1").points == Decimal("0.5")
    assert d.tree_points("1.1.1") == "0.5"

    d.select("1.1.2")  # percent tiers: exactly 90 falls in the inclusive 70-90 band
    d.type_into(d.window.editor.input.edit, "90")
    assert d.score.node("1.1.2").points == Decimal("0.5")
    d.type_into(d.window.editor.input.edit, "90,5")  # Vietnamese decimal comma accepted
    assert d.score.node("1.1.2").points == Decimal("1")

    d.select("1.2")  # deduction: 1 - 2 x 0.25
    d.type_into(d.window.editor.input.edit, "2")
    assert d.score.node("1.2").points == Decimal("0.5")

    d.select("1.3")  # yes / no
    d.choose("Đạt")
    assert d.score.node("1.3").points == Decimal("1")

    d.select("1.4")  # manual points in steps of 0.5
    d.type_into(d.window.editor.input.edit, "1.5")
    assert d.score.node("1.4").points == Decimal("1.5")

    d.select("2.1")  # ratio of two counts: 99/100 = 99% -> 2
    d.window.editor.input.numerator.setFocus()
    d.type_into(d.window.editor.input.numerator, "99")
    d.type_into(d.window.editor.input.denominator, "100")
    assert d.score.node("2.1").points == Decimal("2")
    assert d.window.editor.input.percent.text() == "99.00 %"

    d.select("2.2")  # not applicable, counted as full points
    d.window.editor.na_check.click()
    d.settle()
    d.type_into(d.window.editor.na_reason, "Không phát sinh khiếu nại trong năm")
    assert d.score.node("2.2").points == Decimal("1")
    assert agency_ws.state_of("2.2").na_reason == "Không phát sinh khiếu nại trong năm"

    d.select("T.1")  # bonus
    d.type_into(d.window.editor.input.edit, "0.5")

    # 0.5 + 1 + 0.5 + 1 + 1.5 + 2 + 1 = 7.5 base, + 0.5 bonus = 8 of assessable 10
    # (2.3 council and 3.1 survey are pending): 80.00 % -> Tốt.
    s = d.score
    assert (s.base_points, s.bonus, s.final_points, s.assessable_max) == (Decimal("7.5"), Decimal("0.5"), Decimal("8"), Decimal("10"))
    assert s.percent == Decimal("80.00") and s.category.name == "Tốt"
    assert "8 / 10" in d.window.score_panel.total.text() and "80.00%" in d.window.score_panel.total.text()
    assert "Tốt" in d.window.score_panel.category.text()
    assert d.tree_points("1") == "4.5" and d.tree_points("2") == "3"  # 0.5+1+0.5+1+1.5 ; 2+1
    # Council and survey items have no input: the agency cannot score them.
    d.select("2.3")
    assert d.window.editor.input is None
    d.select("3.1")
    assert d.window.editor.input is None and not d.window.editor.evidence.isVisible()


def test_not_applicable_exclude_shrinks_the_denominator(agency_ws, open_window):
    d = open_window(agency_ws)
    before = d.score.assessable_max
    d.select("2.1")
    d.window.editor.na_check.click()
    d.settle()
    assert d.score.assessable_max == before - 3
    assert d.window.editor.input.isEnabled() is False


def test_bad_input_is_refused_and_changes_nothing(agency_ws, open_window):
    d = open_window(agency_ws)
    d.select("1.4")
    d.type_into(d.window.editor.input.edit, "1")
    log_len = len(agency_ws.change_log())
    for bad, fragment in (("5", "vượt điểm tối đa"), ("-1", "không được âm"), ("0.3", "bội số"), ("abc", "không phải là số")):
        d.type_into(d.window.editor.input.edit, bad)
        assert d.window.editor.error.isVisible()
        assert fragment in d.window.editor.error.text() and "1.4" in d.window.editor.error.text()
        assert d.score.node("1.4").points == Decimal("1")
        assert "Chưa lưu" in d.window.editor.error.text()
        assert agency_ws.answer("1.4").value == Decimal("1")
    assert len(agency_ws.change_log()) == log_len

    d.select("2.1")
    d.type_into(d.window.editor.input.numerator, "5")
    d.type_into(d.window.editor.input.denominator, "0")
    assert "bằng 0" in d.window.editor.error.text()
    d.type_into(d.window.editor.input.denominator, "3")
    assert "không thể lớn hơn" in d.window.editor.error.text()
    d.select("1.2")
    d.type_into(d.window.editor.input.edit, "-2")
    assert "không được âm" in d.window.editor.error.text()
    assert len(agency_ws.change_log()) == log_len
    assert agency_ws.answer("2.1").value is None


def test_undo_redo_through_the_actions(agency_ws, open_window):
    d = open_window(agency_ws)
    assert not d.window.undo_action.isEnabled()
    d.select("1.3")
    d.choose("Đạt")
    d.select("1.4")
    d.type_into(d.window.editor.input.edit, "2")
    assert d.score.final_points == 3
    assert d.window.undo_action.text() == "Hoàn tác: Nhập kết quả 1.4"
    d.window.undo_action.trigger()
    d.settle()
    assert d.score.final_points == 1 and d.window.editor.input.edit.text() == ""
    assert d.window.redo_action.text() == "Làm lại: Nhập kết quả 1.4"
    d.window.undo_action.trigger()
    d.settle()
    assert d.score.final_points == 0
    d.window.redo_action.trigger()
    d.window.redo_action.trigger()
    d.settle()
    assert d.score.final_points == 3 and d.window.editor.input.edit.text() == "2"
    assert agency_ws.answer("1.4").value == Decimal("2")


def test_explanation_is_saved_when_leaving_the_field(agency_ws, open_window, qtbot):
    d = open_window(agency_ws)
    d.select("1.1.1")
    d.choose("Ban hành đúng hạn")
    assert any(p.code == "1.1.1" and p.kind == "missing_evidence" for p in d.score.problems)
    d.window.editor.note.setFocus()
    d.window.editor.note.insertPlainText("Kế hoạch đang chờ ký ban hành")  # as an input method commits it
    d.window.tree.setFocus()  # focus out commits at once, without waiting for the idle timer
    d.settle()
    assert agency_ws.state_of("1.1.1").note == "Kế hoạch đang chờ ký ban hành"
    assert not any(p.code == "1.1.1" and p.kind == "missing_evidence" for p in d.score.problems)


def test_attach_evidence_by_button_and_drop_then_reuse(agency_ws, open_window, citation_answers, make_file, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from cchc_desktop.core.storage.records import Citation

    d = open_window(agency_ws)
    plan = make_file("ke-hoach.pdf", b"%PDF-1.4 plan" * 100)
    d.select("1.1.1")
    d.choose("Ban hành đúng hạn")
    assert any(p.code == "1.1.1" and p.kind == "missing_evidence" for p in d.score.problems)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(plan)], "")))
    citation_answers.append((Citation("Kế hoạch", "12/KH-UBND", "15/01/2026", "UBND xã Thử Nghiệm", "CCHC năm 2026"), "trang 1-2"))
    d.window.editor.evidence.add_button.click()
    d.settle()
    panel = d.window.editor.evidence
    assert panel.list.count() == 1
    assert "Kế hoạch số 12/KH-UBND ngày 15/01/2026" in panel.list.item(0).text()
    assert not any(p.code == "1.1.1" and p.kind == "missing_evidence" for p in d.score.problems)
    assert "1.3 KB" in d.window.score_panel.size.text()

    # Drag and drop a second file onto the panel.
    report = make_file("bao-cao.pdf", b"%PDF-1.4 report")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)
    d.settle()
    assert panel.list.count() == 2

    # The same plan backs criterion 1.3 too: stored once, cited twice.
    d.select("1.3")
    first = f"{plan.name} — "
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (next(x for x in a[3] if x.startswith(first)), True)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("mục II", True)))
    panel.reuse_button.click()
    d.settle()
    assert panel.list.count() == 1 and "Cũng dùng cho: 1.1.1" in panel.list.item(0).text()
    stored = [p for p in (agency_ws.folder / "evidence").rglob("*") if p.is_file() and ".tmp" not in p.parts]
    assert len(stored) == 2

    # Remove and undo the removal.
    panel.remove_button.click()
    d.settle()
    assert panel.list.count() == 0
    d.window.undo_action.trigger()
    d.settle()
    assert panel.list.count() == 1


def test_unusable_evidence_files_are_refused(agency_ws, open_window, citation_answers, message_boxes, make_file, tmp_path):
    d = open_window(agency_ws)
    agency_ws.set_evidence_limit(1000)
    d.select("1.1.1")
    panel = d.window.editor.evidence
    empty = make_file("rong.pdf", b"")
    big = make_file("lon.pdf", b"x" * 2000)
    for path in (empty, big, tmp_path / "khong-co.pdf"):
        panel.add_files([path])
        d.settle()
    assert len(message_boxes) == 3
    assert "rỗng (0 byte)" in message_boxes[0]
    assert "vượt giới hạn" in message_boxes[1]
    assert "Không đọc được tệp" in message_boxes[2]
    assert panel.list.count() == 0 and agency_ws.documents() == []


def test_preview_pdf_and_image(agency_ws, open_window, citation_answers, make_file, tmp_path, monkeypatch):
    from PySide6.QtGui import QColor, QImage

    from cchc_desktop.gui.dialogs.preview import PreviewDialog

    d = open_window(agency_ws)
    pdf = small_pdf(tmp_path / "kh.pdf")
    png = tmp_path / "anh.png"
    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    assert img.save(str(png))
    d.select("1.3")
    d.window.editor.evidence.add_files([pdf, png])
    d.settle()
    shown: list[PreviewDialog] = []
    monkeypatch.setattr(PreviewDialog, "show", lambda self: shown.append(self))
    panel = d.window.editor.evidence
    for row in range(2):
        panel.list.setCurrentRow(row)
        panel.preview_button.click()
    assert [dlg.kind for dlg in shown] == ["pdf", "image"]
    assert shown[0].document.pageCount() == 1


def test_problems_list_jumps_to_the_item(agency_ws, open_window):
    d = open_window(agency_ws)
    problems = d.window.problems
    assert problems.list.count() == len(d.score.problems) > 0
    assert d.window.tabs.tabText(1) == f"Vấn đề ({len(d.score.problems)})"
    row = next(problems.list.item(i) for i in range(problems.list.count()) if problems.list.item(i).text().startswith("1.4:"))
    problems.list.itemActivated.emit(row)
    assert d.window.editor.item.code == "1.4"
    # F8 goes to the next problem and puts the cursor in its input.
    d.window.next_action.trigger()
    assert d.window.editor.item.code == d.score.problems[[p.code for p in d.score.problems].index("1.4") + 1].code


def test_reopens_where_the_user_was(agency_ws, open_window, mini_framework):
    from cchc_desktop.core.services.agency import AgencyWorkspace

    d = open_window(agency_ws)
    d.select("2.1")
    d.settle()
    folder = agency_ws.folder
    d.ops.wait_idle()
    again = AgencyWorkspace.open(folder)
    try:
        d2 = open_window(again)
        d2.qtbot.waitUntil(lambda: d2.window.editor.item is not None and d2.window.editor.item.code == "2.1")
    finally:
        d2.ops.wait_idle()
