"""Helpers of the Excel tests: write real .xlsx files with openpyxl, summarise frameworks."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import openpyxl

from cchc_desktop.core.framework.canonical import rule_document
from cchc_desktop.core.framework.load import parse_framework
from cchc_desktop.core.framework.model import Framework

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted(p for p in (ROOT / "forms").glob("*.json") if not p.name.endswith(".schema.json"))
MINI = ROOT / "tests" / "data" / "mini_framework.json"
TEMPLATE = ROOT / "forms" / "template-khung-tieu-chi.xlsx"
HEADER = ["Mã", "Tiêu chí", "Điểm tối đa", "Cách chấm", "Tài liệu kiểm chứng", "Ghi chú"]
INFO = [
    ["Mã bộ tiêu chí", "thu-xa-2026"],
    ["Tên bộ tiêu chí", "Bộ tiêu chí thử"],
    ["Cấp đánh giá", "xa"],
    ["Năm đánh giá", 2026],
    [],
    ["Xếp loại", "Từ (%)", "Mã xếp loại"],
    ["Tốt", 80, "tot"],
    ["Khá", 65, "kha"],
    ["Yếu", 0, "yeu"],
]


def write_xlsx(path: Path, rows: Iterable[list[Any]], *, header: list[str] | None = HEADER,
               info: list[list[Any]] | None = INFO, merges: Iterable[str] = (), above: Iterable[list[Any]] = (),
               sheet: str = "Bộ tiêu chí") -> Path:
    """A workbook whose first sheet has `above` rows, the header, then `rows`; plus "Thông tin"."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in above:
        ws.append(r)
    if header is not None:
        ws.append(header)
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    if info is not None:
        ws2 = wb.create_sheet("Thông tin")
        for r in info:
            ws2.append(r)
    wb.save(path)
    return path


def load_doc(doc: dict[str, Any]) -> Framework:
    fw, _ = parse_framework(json.dumps(doc, ensure_ascii=False))
    return fw


def plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value != 0 else "0"
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def items(fw: Framework) -> dict[str, dict[str, Any]]:
    """code -> {max, kind, rule parameters, na, evidence, guidance} for comparisons."""
    out = {}
    for i in fw.walk():
        out[i.code] = {
            "title": i.title,
            "max": plain(i.max_points),
            "rule": plain(rule_document(i.rule)) if i.rule is not None else None,
            "children": [c.code for c in i.children],
            "na": None if i.na_mode is None else (i.na_mode.value, i.na_label),
            "evidence": (i.evidence.required, i.evidence.hint),
            "guidance": i.guidance,
        }
    return out
