"""Survey points (điều tra xã hội học, SIPAS) from the council's Excel template: all or nothing.

The template (`write_survey_template`) has one row per agency and one column per survey item,
headed "<code> — <title> (tối đa <max>)".  A row left empty is an agency not surveyed yet; a row
partly filled is an error.  On import every cell is checked (known agency, survey
item, a number between 0 and the item's max); one bad cell refuses the whole file with the cell's
address, and nothing is stored.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..excel.layout import NotANumber, cell_number, column_letter, vn_number
from ..excel.sheet_grid import open_workbook
from ..framework.canonical import number_text
from ..framework.model import Item, Scorer
from ..storage.orm import SurveyPointRow
from ..storage.records import nfc

if TYPE_CHECKING:
    from .inspection import InspectionWorkspace

SHEET = "Điều tra XHH"
CODE_HEADER = "Mã cơ quan"
NAME_HEADER = "Tên cơ quan"
MAX_ERRORS = 20


@dataclass(frozen=True)
class SurveyImport:
    source_name: str
    agencies: int  # rows imported
    cells: int  # points stored


def survey_items(ws: InspectionWorkspace) -> list[Item]:
    return [i for i in ws.framework.leaves() if i.scorer is Scorer.SURVEY]


def write_survey_template(ws: InspectionWorkspace, path: Path | str) -> Path:
    """The survey table to fill: every agency of the round, every survey item, current points."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    items = survey_items(ws)
    if not items:
        raise InvalidInput("Bộ tiêu chí của đợt này không có tiêu chí điều tra xã hội học.",
                           "The round's framework has no survey items.")
    current = ws.survey_points()
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.title = SHEET
    sh.append([f"Điểm điều tra xã hội học — {ws.framework.title}"])
    sh["A1"].font = Font(bold=True, size=13)
    sh.append(["Nhập điểm của từng cơ quan (số, dấu phẩy hoặc dấu chấm thập phân); không đổi dòng tiêu đề."])
    sh.append([CODE_HEADER, NAME_HEADER] + [f"{i.code} — {i.title} (tối đa {vn_number(i.max_points)})" for i in items])
    for cell in sh[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for a in ws.agencies():
        mine = current.get(a.code, {})
        sh.append([a.code, a.name] + [float(mine[i.code]) if i.code in mine else None for i in items])
    sh.freeze_panes = "C4"
    sh.column_dimensions["A"].width, sh.column_dimensions["B"].width = 14, 40
    for n in range(len(items)):
        sh.column_dimensions[column_letter(3 + n)].width = 22
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _header_row(sheet: object) -> int | None:
    for r, row in enumerate(sheet.iter_rows(min_row=1, max_row=30, max_col=2, values_only=True), 1):  # type: ignore[attr-defined]
        if row and isinstance(row[0], str) and nfc(row[0]).strip().lower() == CODE_HEADER.lower():
            return r
    return None


def read_survey(ws: InspectionWorkspace, path: Path) -> dict[str, dict[str, Decimal]]:
    """agency code -> item code -> points, or InvalidInput listing every bad cell (up to 20)."""
    wb = open_workbook(path)
    sheet = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    header = _header_row(sheet)
    if header is None:
        raise InvalidInput(
            f"Không thấy dòng tiêu đề “{CODE_HEADER}” trong trang “{sheet.title}” của tệp “{path.name}”. "
            "Hãy dùng mẫu do ứng dụng tạo (Xuất mẫu điều tra xã hội học).",
            f"No '{CODE_HEADER}' header row on sheet '{sheet.title}' of '{path.name}'; use the template the app writes.")
    by_code = {i.code: i for i in survey_items(ws)}
    fw = ws.framework
    errors: list[tuple[str, str]] = []
    columns: dict[int, Item] = {}
    head = next(sheet.iter_rows(min_row=header, max_row=header, values_only=True))
    for c, title in enumerate(head[2:], 3):
        if title is None or not str(title).strip():
            continue
        code = nfc(str(title)).strip().split()[0]
        where = f"ô {column_letter(c)}{header}"
        if code in by_code:
            columns[c] = by_code[code]
        elif fw.has_item(code):
            errors.append((f"{where}: tiêu chí {code} không phải tiêu chí điều tra xã hội học.",
                           f"cell {column_letter(c)}{header}: item {code} is not a survey item."))
        else:
            errors.append((f"{where}: không có tiêu chí mã “{code}” trong bộ tiêu chí.",
                           f"cell {column_letter(c)}{header}: no item '{code}' in the framework."))
    known = {a.code for a in ws.agencies()}
    out: dict[str, dict[str, Decimal]] = {}
    for r, row in enumerate(sheet.iter_rows(min_row=header + 1, values_only=True), header + 1):
        if len(errors) >= MAX_ERRORS:
            break
        if not row or all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        code = nfc(str(row[0]).strip()) if row[0] is not None else ""
        if code not in known:
            errors.append((f"dòng {r}: mã cơ quan “{code}” không có trong danh sách cơ quan của đợt đánh giá.",
                           f"row {r}: agency code '{code}' is not in the round's list."))
            continue
        if code in out:
            errors.append((f"dòng {r}: cơ quan {code} xuất hiện hai lần.", f"row {r}: agency {code} appears twice."))
            continue
        cells = {c: row[c - 1] if c - 1 < len(row) else None for c in columns}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
            continue  # an agency not surveyed yet (the template lists every agency): left as it is
        points: dict[str, Decimal] = {}
        for c, item in columns.items():
            raw = cells[c]
            where_vi, where_en = f"ô {column_letter(c)}{r} ({code}, tiêu chí {item.code})", f"cell {column_letter(c)}{r}"
            try:
                d = cell_number(raw)
            except NotANumber:
                errors.append((f"{where_vi}: “{raw}” không phải là số.", f"{where_en}: '{raw}' is not a number."))
                continue
            if d is None:
                errors.append((f"{where_vi}: còn trống.", f"{where_en}: empty."))
            elif d < 0 or d > item.max_points:
                errors.append((f"{where_vi}: điểm {vn_number(d)} phải từ 0 đến {vn_number(item.max_points)}.",
                               f"{where_en}: {number_text(d)} must be between 0 and {number_text(item.max_points)}."))
            else:
                points[item.code] = d
        out[code] = points
    if errors:
        vi = "\n".join(f"  • {v}" for v, _ in errors[:MAX_ERRORS])
        en = "\n".join(f"  • {e}" for _, e in errors[:MAX_ERRORS])
        raise InvalidInput(f"Tệp điểm điều tra “{path.name}” có lỗi, chưa nhập điểm nào:\n{vi}",
                           f"The survey file '{path.name}' has errors; nothing was imported:\n{en}")
    if not out:
        raise InvalidInput(f"Tệp “{path.name}” không có dòng điểm nào.", f"'{path.name}' has no rows of points.")
    return out


def import_survey(ws: InspectionWorkspace, path: Path) -> SurveyImport:
    points = read_survey(ws, path)
    now = ws.now()
    with Session(ws.engine) as s, s.begin():
        for code, items in points.items():
            for item_code, d in items.items():
                row = s.get(SurveyPointRow, (code, item_code))
                if row is None:
                    row = SurveyPointRow(agency_code=code, item_code=item_code)
                    s.add(row)
                row.points, row.source_name, row.imported_at = number_text(d), path.name, now
    return SurveyImport(path.name, len(points), sum(len(v) for v in points.values()))


def survey_points(ws: InspectionWorkspace) -> dict[str, dict[str, Decimal]]:
    with Session(ws.engine) as s:
        out: dict[str, dict[str, Decimal]] = {}
        for r in s.scalars(select(SurveyPointRow)):
            out.setdefault(r.agency_code, {})[r.item_code] = Decimal(r.points)
        return out

