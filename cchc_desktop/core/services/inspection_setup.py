"""Round setup: the expected agencies from the agency-list template, and the reviewers' fields.

The agency list is the table the province already keeps: code, name, level.  The template ships
in the app (`write_agency_template`); every row is checked and one bad row refuses the file.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..excel.sheet_grid import open_workbook
from ..framework.model import LEVEL_NAMES_VI, Level
from ..storage.orm import ReviewerFieldRow, ReviewerRow
from ..storage.records import nfc

if TYPE_CHECKING:
    from .inspection import InspectionWorkspace

SHEET = "Danh sách cơ quan"
HEADERS = ("Mã cơ quan", "Tên cơ quan", "Cấp")
MAX_ERRORS = 20
_LEVELS = {lv.value: lv.value for lv in Level} | {nfc(n).lower(): lv.value for lv, n in LEVEL_NAMES_VI.items()} | {
    "sở": "so", "xã": "xa", "huyện": "huyen", "phường": "xa", "đặc khu": "xa"}


@dataclass(frozen=True)
class Reviewer:
    """A member of the council (or a department) who appraises some fields."""

    name: str
    unit: str = ""
    fields: tuple[str, ...] = ()  # field codes; empty: every field


def write_agency_template(path: Path | str, level: str = "so") -> Path:
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    sh = wb.active
    sh.title = SHEET
    sh.append(list(HEADERS))
    for cell in sh[1]:
        cell.font = Font(bold=True)
    sh.append(["000.00.01.H00", "Sở Ví dụ (xóa dòng này)", level])
    sh.column_dimensions["A"].width, sh.column_dimensions["B"].width, sh.column_dimensions["C"].width = 18, 48, 10
    sh.freeze_panes = "A2"
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def read_agency_list(path: Path, round_level: str) -> list[tuple[str, str]]:
    """(code, name) of every row; InvalidInput names each bad row (up to 20), nothing is changed."""
    wb = open_workbook(path)
    sheet = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    rows = list(sheet.iter_rows(min_row=1, max_row=5000, max_col=3, values_only=True))
    head = next((n for n, r in enumerate(rows) if r and isinstance(r[0], str)
                 and nfc(r[0]).strip().lower() == HEADERS[0].lower()), None)
    if head is None:
        raise InvalidInput(f"Không thấy dòng tiêu đề “{HEADERS[0]} | {HEADERS[1]} | {HEADERS[2]}” trong tệp “{path.name}”.",
                           f"No '{' | '.join(HEADERS)}' header row in '{path.name}'.")
    errors: list[tuple[str, str]] = []
    out: dict[str, str] = {}
    for n, row in enumerate(rows[head + 1:], head + 2):
        code, name, level = (list(row) + [None, None, None])[:3]
        if all(v is None or not str(v).strip() for v in (code, name, level)):
            continue
        code, name = nfc(str(code or "")).strip(), nfc(str(name or "")).strip()
        lv = _LEVELS.get(nfc(str(level or "")).strip().lower(), "?") if level is not None else round_level
        if not code or len(code) > 64:
            errors.append((f"dòng {n}: mã cơ quan phải có từ 1 đến 64 ký tự.", f"row {n}: the code must be 1-64 characters."))
        elif code in out:
            errors.append((f"dòng {n}: mã “{code}” trùng với một dòng trên.", f"row {n}: code '{code}' appears twice."))
        elif not name:
            errors.append((f"dòng {n}: thiếu tên cơ quan.", f"row {n}: the name is missing."))
        elif lv != round_level:
            errors.append((f"dòng {n}: cấp “{level}” khác cấp của bộ tiêu chí đợt này ({round_level}).",
                           f"row {n}: level '{level}' differs from the round's ({round_level})."))
        else:
            out[code] = name
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        raise InvalidInput("Danh sách cơ quan có lỗi, chưa thay đổi gì:\n" + "\n".join(f"  • {v}" for v, _ in errors),
                           "The agency list has errors; nothing was changed:\n" + "\n".join(f"  • {e}" for _, e in errors))
    if not out:
        raise InvalidInput(f"Tệp “{path.name}” không có cơ quan nào.", f"'{path.name}' lists no agency.")
    return list(out.items())


def set_reviewers(ws: InspectionWorkspace, reviewers: list[Reviewer]) -> None:
    """Replace the reviewers and the fields each appraises (field codes checked against the framework)."""
    fields = {f.code for f in ws.framework.fields}
    seen: set[str] = set()
    for r in reviewers:
        if not r.name.strip() or len(r.name) > 200:
            raise InvalidInput("Tên người thẩm định phải có từ 1 đến 200 ký tự.", "A reviewer's name must be 1-200 characters.")
        if r.name in seen:
            raise InvalidInput(f"Người thẩm định “{r.name}” có tên hai lần.", f"Reviewer '{r.name}' is listed twice.")
        seen.add(r.name)
        bad = [c for c in r.fields if c not in fields]
        if bad:
            raise InvalidInput(f"“{', '.join(bad)}” không phải là lĩnh vực của bộ tiêu chí.", f"'{', '.join(bad)}' are not fields.")
    with Session(ws.engine) as s, s.begin():
        s.execute(delete(ReviewerFieldRow))
        s.execute(delete(ReviewerRow))
        s.flush()
        for r in reviewers:
            s.add(ReviewerRow(name=nfc(r.name.strip()), unit=nfc(r.unit.strip())))
        s.flush()
        for r in reviewers:
            for code in dict.fromkeys(r.fields):
                s.add(ReviewerFieldRow(reviewer=nfc(r.name.strip()), field_code=code))


def reviewers(ws: InspectionWorkspace) -> list[Reviewer]:
    with Session(ws.engine) as s:
        fields: dict[str, list[str]] = {}
        for f in s.scalars(select(ReviewerFieldRow).order_by(ReviewerFieldRow.field_code)):
            fields.setdefault(f.reviewer, []).append(f.field_code)
        return [Reviewer(r.name, r.unit, tuple(fields.get(r.name, ())))
                for r in s.scalars(select(ReviewerRow).order_by(ReviewerRow.name))]
