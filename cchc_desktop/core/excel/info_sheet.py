"""The "Thông tin" sheet: the framework's metadata as label / value rows, then the categories.

    Mã bộ tiêu chí      | mau-xa-2026
    Tên bộ tiêu chí     | Bộ tiêu chí …
    …
    Xếp loại            | Từ (%)  | Mã xếp loại
    Tốt                 | 80      | tot
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..framework.model import Framework
from .layout import (
    CATEGORY_HEADER,
    CATEGORY_LABELS,
    INFO_ROWS,
    NotANumber,
    XlsxFinding,
    cell_number,
    clean_line,
    clean_text,
    excel_number,
    fold,
    slug,
)

_LABELS = {label: key for key, _, labels, _ in INFO_ROWS for label in labels}
_YES = {"co", "x", "true", "1", "dung", "yes", "phai"}
_NO = {"khong", "false", "0", "sai", "no", ""}


@dataclass
class Info:
    values: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # key -> row of its label
    categories: list[dict[str, Any]] = field(default_factory=list)
    category_rows: list[int] = field(default_factory=list)
    category_header_row: int | None = None
    present: bool = False


def _level(value: Any) -> str | None:
    words = fold(str(value or "")).split()
    text = " ".join(words)
    if text in ("so", "xa", "huyen"):
        return text
    if "huyen" in words:
        return "huyen"
    if "xa" in words or "phuong" in words:
        return "xa"
    if "so" in words or "nganh" in words:
        return "so"
    return None


def read_info(ws: Any, findings: list[XlsxFinding]) -> Info:
    """Values keyed as in the framework file; bad values are reported in `findings`."""
    info = Info(present=ws is not None)
    if ws is None:
        return info
    sheet = ws.title
    rows = list(ws.iter_rows(min_row=1, max_row=min(ws.max_row, 500), max_col=3, values_only=True))
    in_categories = False
    for r, row in enumerate(rows, 1):
        a, b, c = (tuple(row) + (None, None, None))[:3]
        label = fold(clean_line(a)) if a is not None else ""
        if in_categories:
            if not label or label in _LABELS:
                in_categories = False
            else:
                name = clean_line(a)
                try:
                    minimum = cell_number(b)
                except NotANumber as exc:
                    findings.append(XlsxFinding(sheet, r, "B", f"Ngưỡng xếp loại “{exc}” không phải là số.",
                                                f"Category cut-off '{exc}' is not a number."))
                    minimum = Decimal(0)
                if minimum is None:
                    findings.append(XlsxFinding(sheet, r, "B", f"Thiếu ngưỡng (%) của xếp loại “{name}”.",
                                                f"Category '{name}' has no cut-off (%)."))
                    minimum = Decimal(0)
                key = clean_line(c) or slug(name, "xep_loai")
                info.categories.append({"key": key, "name": name, "min_percent": minimum})
                info.category_rows.append(r)
                continue
        if label in CATEGORY_LABELS:
            in_categories = True
            info.category_header_row = r
            continue
        key = _LABELS.get(label)
        if key is None or key in info.rows:
            continue
        info.rows[key] = r
        info.values[key] = _value(key, b, sheet, r, findings)
    return info


def _value(key: str, raw: Any, sheet: str, r: int, findings: list[XlsxFinding]) -> Any:
    def bad(vi: str, en: str) -> None:
        findings.append(XlsxFinding(sheet, r, "B", vi, en))

    if key in ("total", "bonus_cap", "penalty_cap"):
        try:
            return cell_number(raw)
        except NotANumber as exc:
            bad(f"“{exc}” không phải là số.", f"'{exc}' is not a number.")
            return None
    if key == "year":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
            return int(raw)
        m = re.search(r"\b(\d{4})\b", clean_line(raw))
        if raw is not None and not m:
            bad(f"Năm “{clean_line(raw)}” không hợp lệ (ví dụ: 2026).", f"Invalid year '{clean_line(raw)}'.")
        return int(m.group(1)) if m else None
    if key == "level":
        if raw is None or not clean_line(raw):
            return None
        level = _level(raw)
        if level is None:
            bad(f"Cấp đánh giá “{clean_line(raw)}” không hợp lệ: ghi so (sở, ban, ngành), xa (UBND cấp xã) "
                "hoặc huyen (UBND cấp huyện).", f"Invalid level '{clean_line(raw)}': write so, xa or huyen.")
        return level
    if key == "sample":
        if isinstance(raw, bool):
            return raw
        f = fold(clean_line(raw))
        if f in _YES:
            return True
        if f not in _NO:
            bad(f"“{clean_line(raw)}”: ghi Có hoặc Không.", f"'{clean_line(raw)}': write Có (yes) or Không (no).")
        return False
    if key == "date":
        if isinstance(raw, _dt.datetime):
            return raw.date().isoformat()
        if isinstance(raw, _dt.date):
            return raw.isoformat()
        text = clean_line(raw)
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if m:
            try:
                return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
            except ValueError:
                bad(f"Ngày “{text}” không có thật.", f"'{text}' is not a real date.")
        return text
    if key == "description":
        return clean_text(raw)
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return clean_line(raw)


def write_info(ws: Any, fw: Framework, styles: Any) -> None:
    """The metadata sheet of an export (read back by `read_info`)."""
    lb = fw.legal_basis
    values = {
        "id": fw.id, "title": fw.title, "level": fw.level.value, "year": fw.year, "number": lb.number,
        "date": lb.date, "issuer": lb.issuer, "total": excel_number(fw.total),
        "bonus_cap": excel_number(fw.bonus_cap), "penalty_cap": excel_number(fw.penalty_cap),
        "sample": "Có" if fw.sample else "Không", "description": fw.description,
    }
    ws.append(["THÔNG TIN BỘ TIÊU CHÍ"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3)
    ws.append(["Thông tin", "Giá trị", "Hướng dẫn"])
    for key, label, _, hint in INFO_ROWS:
        ws.append([label, values[key], hint])
    ws.append([])
    ws.append(list(CATEGORY_HEADER))
    cat_header = ws.max_row
    for c in fw.categories:
        ws.append([c.name, excel_number(c.min_percent), c.key])
    styles.info(ws, header_rows=(2, cat_header), data_end=ws.max_row)
