"""The province's Excel table through the GUI: export a framework, import it back, bad tables."""

from __future__ import annotations

from pathlib import Path

from cchc_desktop.core.framework.load import load_framework

REPO = Path(__file__).resolve().parents[2]


def test_export_then_import_gives_the_same_framework(qtbot, tmp_path):
    from cchc_desktop.gui.dialogs.framework_tools import FrameworkToolsDialog

    dlg = FrameworkToolsDialog()
    qtbot.addWidget(dlg)
    xlsx, back = tmp_path / "xa.xlsx", tmp_path / "xa-back.json"
    assert dlg.export_table(REPO / "forms" / "xa-2026.json", xlsx)
    assert "Đã xuất" in dlg.summary.text() and xlsx.stat().st_size > 5000
    assert dlg.import_table(xlsx, back)
    assert "Đã tạo “xa-back.json”: 8 lĩnh vực, tổng 100 điểm" in dlg.summary.text()
    assert load_framework(back).sha256 == load_framework(REPO / "forms" / "xa-2026.json").sha256


def test_bad_tables_say_where_and_write_nothing(qtbot, tmp_path):
    import openpyxl

    from cchc_desktop.gui.dialogs.framework_tools import FrameworkToolsDialog

    dlg = FrameworkToolsDialog()
    qtbot.addWidget(dlg)
    fake = tmp_path / "not-excel.xlsx"
    fake.write_text("không phải Excel", encoding="utf-8")
    assert not dlg.import_table(fake, tmp_path / "out.json")
    assert dlg.summary.text() and not (tmp_path / "out.json").exists()

    good = tmp_path / "mini.xlsx"
    assert dlg.export_table(REPO / "tests" / "data" / "mini_framework.json", good)
    wb = openpyxl.load_workbook(good)
    ws = wb["Bộ tiêu chí"]
    codes = [(row[0].row, row[0].value) for row in ws.iter_rows(min_col=1, max_col=1) if row[0].value == "1.3"]
    row_13 = codes[0][0]
    ws.cell(row=row_13, column=1).value = "1.2"  # a duplicate code
    wb.save(good)
    assert not dlg.import_table(good, tmp_path / "out.json")
    lines = [dlg.findings.item(i).text() for i in range(dlg.findings.count())]
    assert "lỗi" in dlg.summary.text() and any(f"dòng {row_13}" in line for line in lines), lines
    assert not (tmp_path / "out.json").exists()
