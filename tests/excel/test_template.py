"""forms/template-khung-tieu-chi.xlsx: what scripts/make_xlsx_template.py makes, and it imports."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl

from cchc_desktop.core.excel import import_xlsx

from .helpers import ROOT, TEMPLATE, items


def _script():
    spec = importlib.util.spec_from_file_location("make_xlsx_template", ROOT / "scripts" / "make_xlsx_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _values(wb) -> dict[str, list[tuple]]:
    """Cell values per sheet (an empty string reads back as an empty cell)."""
    return {ws.title: [tuple(None if v == "" else v for v in r) for r in ws.iter_rows(values_only=True)]
            for ws in wb.worksheets}


def test_the_shipped_template_is_what_the_script_makes() -> None:
    shipped = openpyxl.load_workbook(TEMPLATE)
    fresh = _script().build_template()
    assert _values(shipped) == _values(fresh)
    assert shipped.sheetnames == ["Bộ tiêu chí", "Thông tin", "Hướng dẫn"]


def test_the_template_imports_as_is_with_every_way_of_writing_scoring_lines() -> None:
    result = import_xlsx(TEMPLATE)
    assert result.warnings == ()
    fw = result.framework
    assert (fw.id, fw.level.value, fw.year, fw.total, fw.sample) == ("vi-du-xa-2026", "xa", 2026, 10, True)
    kinds = {c: (v["rule"] or {}).get("kind") for c, v in items(fw).items()}
    assert kinds == {
        "1": None, "1.1": None, "1.1.1": "choice", "1.1.2": "percent_tiers", "1.2": "deduction", "1.3": "yes_no",
        "1.4": "manual", "2": None, "2.1": "ratio_tiers", "2.2": "choice", "2.3": "council", "3": None,
        "3.1": "survey", "T.1": "bonus", "TR.1": "penalty"}
    assert [o.label for o in fw.item("2.2").rule.options] == [
        "Xin lỗi đầy đủ, đúng quy định", "Có xin lỗi nhưng chưa đầy đủ", "Không xin lỗi"]
    assert (fw.item("2.2").na_mode.value, fw.item("2.1").na_mode.value) == ("full", "exclude")
    assert fw.item("1.4").evidence.required is False and fw.item("1.1.1").evidence.required is True


def test_a_province_fills_the_template(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(TEMPLATE)
    ws = wb["Bộ tiêu chí"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "1.3")
    ws.cell(row, 2).value = "Tổ chức đối thoại với người dân về cải cách hành chính"
    ws.cell(row, 4).value = "Có tổ chức: 1\nKhông tổ chức: 0"
    info = wb["Thông tin"]
    info["B3"] = "khanh-hoa-xa-2027"
    info["B6"] = 2027
    wb.save(tmp_path / "tinh.xlsx")
    fw = import_xlsx(tmp_path / "tinh.xlsx").framework
    assert (fw.id, fw.year) == ("khanh-hoa-xa-2027", 2027)
    assert fw.item("1.3").rule.kind == "yes_no" and fw.item("1.3").rule.yes_label == "Có tổ chức"
