"""export-xlsx then import-xlsx gives back the same framework: the same canonical SHA-256."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import openpyxl
import pytest

from cchc_desktop.core.excel import export_xlsx, framework_json, import_xlsx
from cchc_desktop.core.framework.load import load_framework, parse_framework

from .helpers import FORMS, MINI, load_doc


@pytest.mark.parametrize("path", FORMS + [MINI], ids=lambda p: p.name)
def test_export_then_import_gives_the_same_hash(path: Path, tmp_path: Path) -> None:
    fw = load_framework(path)
    out = export_xlsx(fw, tmp_path / "bang.xlsx")
    result = import_xlsx(out)
    assert result.framework.sha256 == fw.sha256
    assert result.warnings == ()
    # the JSON written for the imported framework reads back to the same identity too
    again, _ = parse_framework(framework_json(result.framework))
    assert again.sha256 == fw.sha256


EDGE = {
    "format": "cchc-framework", "format_version": 1, "id": "bien-2026", "title": "Bộ tiêu chí: các trường hợp biên",
    "level": "huyen", "year": 2024, "sample": False,
    "description": "Dòng một\nDòng hai, có dấu “ngoặc” và = bằng",
    "legal_basis": {"number": "12/QĐ-UBND", "date": "2024-01-31", "issuer": "UBND tỉnh Thử"},
    "total": 20,
    "categories": [{"key": "A", "name": "Loại A", "min_percent": 90}, {"key": "B", "name": "Loại B", "min_percent": 80.5},
                   {"key": "khac", "name": "Còn lại", "min_percent": 0}],
    "bonus_cap": 1.25, "penalty_cap": 0.75,
    "fields": [{"code": "1", "title": "=Lĩnh vực bắt đầu bằng dấu bằng", "max": 20,
                "guidance": "Hướng dẫn lĩnh vực", "evidence": {"required": True, "hint": ""}, "children": [
        {"code": "1.1", "title": "Có / không, nhãn lạ", "max": 1.5,
         "rule": {"kind": "yes_no", "yes_label": "Không còn nhiệm vụ quá hạn", "no_label": "Còn nhiệm vụ quá hạn"}},
        {"code": "1.2", "title": "Có / không, nhãn có %", "max": 1,
         "rule": {"kind": "yes_no", "yes_label": "Đạt 100%", "no_label": "Không đạt 100%"}},
        {"code": "1.3", "title": "Lựa chọn có dấu : ; % trong nhãn", "max": 1,
         "evidence": {"required": False, "hint": "Không"},
         "rule": {"kind": "choice", "options": [
             {"key": "a-1", "label": "Từ 90% trở lên: đạt; rất tốt", "points": 1},
             {"key": "b.2", "label": "[x] nhãn có ngoặc", "points": 0.25},
             {"key": "c", "label": "Không: 0", "points": 0}]}},
        {"code": "1.4", "title": "Mọi dạng mức", "max": 3, "guidance": "Dòng 1\n\nDòng 3",
         "rule": {"kind": "percent_tiers", "monotonic": False, "unit_label": "Tỷ lệ lạ: (%)", "tiers": [
             {"min": None, "max": 10, "min_inclusive": True, "max_inclusive": True, "points": 3},
             {"min": 10, "max": 20, "min_inclusive": False, "max_inclusive": False, "points": 2.5},
             {"min": 20, "max": 20, "min_inclusive": True, "max_inclusive": True, "points": 2},
             {"min": 20, "max": 50.5, "min_inclusive": False, "max_inclusive": True, "points": 1},
             {"min": 50.5, "max": None, "min_inclusive": False, "max_inclusive": False, "points": 0}]}},
        {"code": "1.5", "title": "Một mức phủ tất cả", "max": 1,
         "rule": {"kind": "percent_tiers", "tiers": [{"points": 1}]}},
        {"code": "1.6", "title": "Tỷ lệ từ hai số", "max": 2,
         "not_applicable": {"mode": "exclude", "label": ""},
         "rule": {"kind": "ratio_tiers", "numerator_label": "Số A, B", "denominator_label": "Tổng số C (gồm D)",
                  "tiers": [{"min": 0, "max": 100, "min_inclusive": True, "max_inclusive": True, "points": 2}]}},
        {"code": "1.7", "title": "Trừ điểm", "max": 2,
         "not_applicable": {"mode": "full", "label": "[Lý do] trong ngoặc"},
         "rule": {"kind": "deduction", "per_violation": 0.125, "floor": 0.5, "count_label": "Số lần: chậm"}},
        {"code": "1.8", "title": "Tự chấm không bước", "max": 1, "rule": {"kind": "manual"}},
        {"code": "1.9", "title": "Hội đồng không bước", "max": 1, "rule": {"kind": "council"},
         "not_applicable": {"mode": "full", "label": "Không áp dụng [x]"}},
        {"code": "1.10", "title": "Hội đồng có bước", "max": 1, "rule": {"kind": "council", "step": 0.25}},
        {"code": "1.11", "title": "Điều tra", "max": 5.5, "rule": {"kind": "survey"}},
        {"code": "1.12", "title": "Nhánh", "max": 1, "children": [
            {"code": "1.12.1", "title": "Mặc định", "max": 1, "rule": {"kind": "yes_no"},
             "not_applicable": {"mode": "exclude", "label": "Trong năm không phát sinh: đủ"}}]},
    ]}],
    "adjustments": [
        {"code": "T.1", "title": "Thưởng", "max": 1.25, "rule": {"kind": "bonus"}},
        {"code": "X.1", "title": "Trừ, mã lạ", "max": 0.75, "rule": {"kind": "penalty", "step": 0.25},
         "evidence": {"required": True, "hint": "(bắt buộc) nghĩa là gì"}},
    ],
}


def test_every_parameter_of_every_rule_kind_round_trips(tmp_path: Path) -> None:
    doc = copy.deepcopy(EDGE)
    doc["fields"][0]["max"] = sum(c["max"] for c in doc["fields"][0]["children"])
    doc["total"] = doc["fields"][0]["max"]
    fw = load_doc(doc)
    result = import_xlsx(export_xlsx(fw, tmp_path / "bien.xlsx"))
    assert result.framework.sha256 == fw.sha256
    assert result.warnings == ()


def test_export_layout_frozen_header_print_titles_a4_and_wrapping(tmp_path: Path) -> None:
    fw = load_framework(MINI)
    out = export_xlsx(fw, tmp_path / "mini.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["Bộ tiêu chí", "Thông tin"]
    ws = wb["Bộ tiêu chí"]
    assert [c.value for c in ws[4]] == ["Mã", "Tiêu chí", "Điểm tối đa", "Cách chấm", "Tài liệu kiểm chứng", "Ghi chú"]
    assert ws.freeze_panes == "A5"
    assert ws.print_title_rows == "$4:$4"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws["B5"].alignment.wrap_text and ws["D7"].alignment.wrap_text
    assert ws["C7"].number_format == "0.0#" and ws["C7"].value == 1
    assert (ws["A5"].value, ws["A7"].value) == ("I", "1.1.1")  # fields in Roman numerals, codes as text
    assert ws["D7"].value == "[dung_han] Ban hành đúng hạn: 1\n[cham] Ban hành chậm: 0,5\n[khong] Không ban hành: 0"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width
    assert not list(tmp_path.glob(".*.tmp"))  # written under a temporary name, then renamed


def test_framework_json_is_pretty_and_reads_back(tmp_path: Path) -> None:
    fw = load_framework(MINI)
    text = framework_json(fw)
    doc = json.loads(text)
    assert list(doc)[:4] == ["format", "format_version", "id", "title"]
    assert "\n  " in text and doc["fields"][0]["children"][0]["children"][0]["rule"]["kind"] == "choice"
    assert parse_framework(text)[0].sha256 == fw.sha256
