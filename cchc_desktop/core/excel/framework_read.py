"""Reading a framework from the Excel table a province publishes (docs/framework-excel.md).

The main sheet is read robustly: the header row is found by its content, header rows repeated
on every printed page and column-number rows are skipped, merged cells give their value to the
top-left cell only, blank rows and footnotes under the table are ignored, text is cleaned (NFC,
stray and non-breaking spaces) and numbers may be written "0,5".  The rows are turned into a
framework document that goes through the ordinary reader and validator; every problem they find
is mapped back to the sheet, row and column it comes from.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InvalidFramework
from ..framework.codes import from_roman
from ..framework.model import Framework
from .info_sheet import Info, read_info
from .layout import (
    ADJ_SHEET,
    INFO_SHEET,
    MAIN_SHEET,
    NotANumber,
    XlsxFinding,
    cell_number,
    clean_line,
    clean_lines,
    clean_text,
    column_letter,
    fold,
    vn_number,
)
from .scoring_lines import Line, parse_na, split_points
from .sheet_grid import Grid, find_header, find_sheet, header_key, open_workbook

TOTAL_WORDS = {"tong cong", "tong", "tong diem", "tong so", "cong", "tong so diem", "tong diem toi da"}
CODE_PREFIXES = {"linh vuc": 1, "lv": 1, "tieu chi": 2, "tc": 2, "chi so": 2, "tieu chi thanh phan": 3,
                 "tctp": 3, "chi so thanh phan": 3, "tieu chi con": 3, "muc": None}
_FOOTNOTE = re.compile(r"^(?:ghi chú|chú thích|lưu ý|chú ý|nguồn|\*|\(\*|\(\d+\)|\d+/|-{3,}|_{3,})", re.I)
_CODE_AND_TITLE = re.compile(r"^((?:[IVXLC]+|\d+(?:\.\d+)*)[.)]?)\s+(\S.*)$")
_TITLE_MAX = re.compile(r"\(\s*(\d+(?:[.,]\d+)?)\s*điểm\s*\)\s*$", re.I)


class InvalidXlsxFramework(InvalidFramework):
    """An Excel table that does not make a usable framework; `findings` say where (exit 2)."""

    def __init__(self, findings: list[XlsxFinding]) -> None:
        self.findings = findings
        super().__init__([f.problem() for f in findings])


@dataclass(frozen=True)
class XlsxImport:
    framework: Framework
    warnings: tuple[XlsxFinding, ...]  # everything worth a look, the lines not understood included

    @property
    def not_understood(self) -> tuple[XlsxFinding, ...]:
        return tuple(w for w in self.warnings if w.not_understood)


# ---------------------------------------------------------------- rows


@dataclass
class _Rec:
    row: int
    sheet: str
    code: str
    title: str
    max: Decimal | None
    lines: list[Line] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    note: list[str] = field(default_factory=list)
    adj: str | None = None  # None in the tree; "bonus"/"penalty"/"" in the bonus and penalty section
    numeric_code: bool = False
    children: list["_Rec"] = field(default_factory=list)
    bad: bool = False


class _Reader:
    def __init__(self) -> None:
        self.errors: list[XlsxFinding] = []
        self.warnings: list[XlsxFinding] = []
        self.items: list[_Rec] = []
        self.total: tuple[Decimal, str, int] | None = None
        self.above_header: list[str] = []
        self.letters: dict[str, dict[str, str]] = {}  # sheet -> column key -> letter

    def err(self, grid: Grid, r: int | None, key: str | None, vi: str, en: str) -> None:
        self.errors.append(XlsxFinding(grid.title, r, grid.letter(key) if key else None, vi, en))

    def warn(self, grid: Grid, r: int | None, key: str | None, vi: str, en: str, nu: bool = False) -> None:
        self.warnings.append(XlsxFinding(grid.title, r, grid.letter(key) if key else None, vi, en, True, nu))

    # -- one sheet --------------------------------------------------------------------------

    def read_sheet(self, grid: Grid, adjustments_only: bool = False) -> None:
        header = find_header(grid)
        if header is None:
            self.errors.append(XlsxFinding(
                grid.title, None, None,
                "Không tìm thấy dòng tiêu đề của bảng: cần các cột “Mã”, “Tiêu chí” và “Điểm tối đa” "
                "(xem mẫu forms/template-khung-tieu-chi.xlsx).",
                "No header row found: the table needs the columns 'Mã', 'Tiêu chí' and 'Điểm tối đa'."))
            return
        for r in range(1, header if not adjustments_only else 1):
            text = " ".join(clean_line(v) for v in grid.rows[r - 1] if v is not None and clean_line(v))
            if text:
                self.above_header.append(text)
        self.letters[grid.title] = {k: column_letter(c) for k, c in grid.cols.items()}
        header_folds = {k: fold(str(grid.raw(header, c) or "")) for k, c in grid.cols.items()}
        recs: list[tuple[str, int, Any]] = []  # (kind, row, payload)
        adj: str | None = "" if adjustments_only else None
        for r in range(header + 1, grid.nrows + 1):
            vals = {k: grid.get(r, k) for k in grid.cols}
            texts = {k: clean_line(v) if v is not None else "" for k, v in vals.items()}
            if not any(texts.values()):
                continue
            if self._header_like(texts, header_folds) or self._numbering(grid.rows[r - 1]):
                continue
            code_t, title_t = texts.get("code", ""), texts.get("title", "")
            max_t = texts.get("max", "")
            words = fold(title_t or code_t)
            if not max_t and (not code_t or re.fullmatch(r"[A-Z]\.?|[IVX]+\.?", code_t) or not title_t) and \
                    words.startswith(("diem thuong", "diem tru", "diem cong")):
                both = "thuong" in words and "tru" in words
                adj = "" if both else ("penalty" if words.startswith("diem tru") else "bonus")
                recs.append(("section", r, None))
                continue
            if (not code_t and fold(title_t) in TOTAL_WORDS) or (fold(code_t) in TOTAL_WORDS and not title_t):
                try:
                    total = cell_number(vals.get("max"))
                except NotANumber as exc:
                    self.err(grid, r, "max", f"“{exc}” không phải là số.", f"'{exc}' is not a number.")
                    total = None
                if total is not None:
                    self.total = (total, grid.title, r)
                recs.append(("section", r, None))
                continue
            if vals.get("code") is None or code_t == "":
                recs.append(("cont", r, vals))
                continue
            parsed = self._code(grid, r, vals["code"], adj)
            if parsed is None:
                continue
            kind, code = parsed
            if kind in ("option", "text"):
                recs.append(("cont", r, vals) if kind == "option" else ("text", r, code_t))
                continue
            if kind == "part":
                self.warn(grid, r, "code", f"Bỏ qua dòng tiêu đề phần “{' '.join(filter(None, (code_t, title_t)))}”.",
                          f"Part heading '{code_t} {title_t}' skipped.")
                recs.append(("section", r, None))
                continue
            if kind == "adj" and adj is None:
                adj = ""
            m = _CODE_AND_TITLE.match(code_t)
            if not title_t and m and isinstance(vals["code"], str):
                title_t = m.group(2)
            recs.append(("item", r, (code, title_t, vals, adj, isinstance(vals["code"], (int, float)))))
        last_item = max((i for i, rec in enumerate(recs) if rec[0] == "item"), default=-1)
        current: _Rec | None = None
        for i, (kind, r, payload) in enumerate(recs):
            if kind == "section":
                current = None
                continue
            if kind == "item":
                code, title_t, vals, adjk, numeric = payload
                current = self._item(grid, r, code, title_t, vals, adjk, numeric)
                continue
            if kind == "text":
                if i > last_item:
                    break
                self.warn(grid, r, "code", f"Bỏ qua dòng không có mã: “{payload}”.",
                          f"Row without a code skipped: '{payload}'.")
                continue
            vals = payload
            first = next((clean_line(vals[k]) for k in ("code", "title", "rule", "evidence", "note")
                          if vals.get(k) is not None and clean_line(vals[k])), "")
            if i > last_item and (_FOOTNOTE.match(first) or not self._option_like(vals)):
                break  # footnotes and signatures under the table
            if current is None:
                if first and i < last_item:
                    self.warn(grid, r, None, f"Bỏ qua dòng không có mã: “{first}”.",
                              f"Row without a code skipped: '{first}'.")
                continue
            self._continuation(grid, r, vals, current)

    def _header_like(self, texts: dict[str, str], header_folds: dict[str, str]) -> bool:
        hits = 0
        for k, t in texts.items():
            if not t:
                continue
            f = fold(t)
            if f == header_folds.get(k) or header_key(t) is not None:
                hits += 1
            else:
                return False
        return hits >= 1 and not re.fullmatch(r"[IVXLC]+|\d+(\.\d+)*\.?", texts.get("code", ""))

    @staticmethod
    def _numbering(row: list[Any]) -> bool:
        """A row numbering the columns: "(1) (2) (3)", "1 2 3 4", "A B 1 2"."""
        filled = [clean_line(v) for v in row if v is not None and clean_line(v)]
        tokens = [re.fullmatch(r"\(?(\d{1,2}|[A-Za-z])\)?", t) for t in filled]
        if len(tokens) < 3 or not all(tokens):
            return False
        prev = None
        for m in tokens:
            t = m.group(1) if m else ""
            if prev is not None and not (
                (t.isdigit() and prev.isdigit() and int(t) == int(prev) + 1)
                or (t.isalpha() and prev.isalpha() and ord(t.upper()) == ord(prev.upper()) + 1)
                or (t == "1" and prev.isalpha())
            ):
                return False
            prev = t
        return True

    @staticmethod
    def _option_like(vals: dict[str, Any]) -> bool:
        if vals.get("rule") is not None and clean_line(vals["rule"]):
            return True
        title = clean_line(vals.get("title"))
        if not title:
            return False
        try:
            if cell_number(vals.get("max")) is not None:
                return True
        except NotANumber:
            pass
        return split_points(title) is not None or parse_na(title) is not None

    def _code(self, grid: Grid, r: int, raw: Any, adj: str | None) -> tuple[str, str] | None:
        """(kind, code): kind is item, adj (bonus/penalty section), option (a bullet or a lower-case
        letter), part (a heading such as "A"), text (a footnote or sentence in the code column)."""
        if isinstance(raw, (_dt.date, _dt.time, _dt.timedelta)):
            self.err(grid, r, "code", f"Excel đã đổi mã thành ngày tháng ({raw}): hãy định dạng cột “Mã” là "
                     "Văn bản (Text) rồi gõ lại mã.", f"Excel turned the code into a date ({raw}): format the "
                     "'Mã' column as Text and type the code again.")
            return None
        if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
            d = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
            text = str(int(d)) if d == d.to_integral_value() else format(d, "f")
        else:
            text = clean_line(raw)
        original = text
        if re.fullmatch(r"[-+•*·▪]|[a-zđ][).]?", text):
            return "option", text
        depth: int | None = None
        pm = re.fullmatch(r"(.+?)\s*[.:]?\s+([0-9IVXLC][0-9.IVXLC]*?)[.):]?", text)
        if pm and fold(pm.group(1)) in CODE_PREFIXES:
            depth, text = CODE_PREFIXES[fold(pm.group(1))], pm.group(2)
        else:
            m = _CODE_AND_TITLE.match(text)
            if m:
                text = m.group(1)
            text = text.rstrip(".):").strip()
        up = text.upper()
        code: str | None = None
        if re.fullmatch(r"[IVXLC]+", up) and from_roman(up):
            code = str(from_roman(up))
        elif re.fullmatch(r"\d+(?:\.\d+)*", text):
            code = ".".join(str(int(p)) for p in text.split("."))
        elif re.fullmatch(r"[A-ZĐ]+(?:\.\d+)+", up) or (adj is not None and re.fullmatch(r"[0-9A-ZĐ]+", up)):
            return "adj", up
        elif re.fullmatch(r"[A-Z]", up):
            return "part", up
        elif _FOOTNOTE.match(original) or (len(original) > 15 and " " in original):
            return "text", original
        if code is None:
            self.err(grid, r, "code", f"Mã “{original}” không đúng dạng (ví dụ: I, 1.1, 1.1.1; T.1 cho điểm thưởng).",
                     f"Code '{original}' is malformed (e.g. I, 1.1, 1.1.1; T.1 for a bonus).")
            return None
        levels = code.count(".") + 1
        if depth is not None and depth != levels:
            self.err(grid, r, "code", f"Mã “{original}” không rõ ràng: tiền tố ghi cấp {depth} nhưng mã {code} có "
                     f"{levels} cấp.", f"Code '{original}' is ambiguous: the prefix says level {depth} but {code} "
                     f"has {levels} levels.")
            return None
        return ("adj" if adj is not None else "item"), code

    def _item(self, grid: Grid, r: int, code: str, title: str, vals: dict[str, Any], adj: str | None,
              numeric: bool) -> _Rec:
        try:
            mx = cell_number(vals.get("max"))
            if mx is not None and mx < 0:
                self.err(grid, r, "max", f"Điểm tối đa không được âm ({vn_number(mx)}).", "The max must not be negative.")
                mx = None
        except NotANumber as exc:
            self.err(grid, r, "max", f"Điểm tối đa “{exc}” không phải là số (ví dụ đúng: 1 hoặc 0,5).",
                     f"The max '{exc}' is not a number (e.g. 1 or 0,5).")
            mx = None
            bad = True
        else:
            bad = False
        if mx is None and not bad:
            m = _TITLE_MAX.search(title)
            if m:
                mx = Decimal(m.group(1).replace(",", "."))
        rec = _Rec(r, grid.title, code, title, mx, adj=adj, numeric_code=numeric, bad=bad)
        for line in clean_lines(vals.get("rule")):
            if line:
                rec.lines.append(Line(line, (grid.title, r, grid.letter("rule"))))
        if clean_text(vals.get("evidence")):
            rec.evidence.append(clean_text(vals.get("evidence")))
        if clean_text(vals.get("note")):
            rec.note.append(clean_text(vals.get("note")))
        if not title:
            self.err(grid, r, "title", f"Mục {code} thiếu tên tiêu chí.", f"Item {code} has no title.")
            rec.bad = True
        self.items.append(rec)
        return rec

    def _continuation(self, grid: Grid, r: int, vals: dict[str, Any], rec: _Rec) -> None:
        """A row without a code under an item: a scoring option, more evidence or notes."""
        title = clean_line(vals.get("title"))
        rule_lines = [ln for ln in clean_lines(vals.get("rule")) if ln]
        try:
            pts = cell_number(vals.get("max"))
        except NotANumber:
            pts = None
        rule_ref = (grid.title, r, grid.letter("rule"))
        title_ref = (grid.title, r, grid.letter("title"))
        if rule_lines:
            single = cell_number_or_none(rule_lines[0]) if len(rule_lines) == 1 else None
            if title and single is not None:
                rec.lines.append(Line(f"{title}: {vn_number(single)}", rule_ref))
            else:
                rec.lines.extend(Line(t, rule_ref) for t in rule_lines)
        elif title:
            if pts is not None:
                rec.lines.append(Line(f"{_strip_bullet(title)}: {vn_number(pts)}", title_ref))
            else:
                rec.lines.extend(Line(_strip_bullet(t), title_ref) for t in clean_lines(vals.get("title")) if t)
        if clean_text(vals.get("evidence")):
            rec.evidence.append(clean_text(vals.get("evidence")))
        if clean_text(vals.get("note")):
            rec.note.append(clean_text(vals.get("note")))


def cell_number_or_none(text: str) -> Decimal | None:
    try:
        return cell_number(text)
    except NotANumber:
        return None


def _strip_bullet(text: str) -> str:
    return re.sub(r"^(?:[-+•*·▪►]|[a-zđ]\)|\d{1,2}\))\s+", "", text)


# ---------------------------------------------------------------- the whole workbook


def import_xlsx(path: str | Path) -> XlsxImport:
    """Read a framework table.  Raises InvalidXlsxFramework (every error located) or
    UserFacingError (not a readable .xlsx); returns the framework and the warnings."""
    from .assemble import assemble

    wb = open_workbook(path)
    reader = _Reader()
    main = find_sheet(wb, MAIN_SHEET, "bo chi so", "bo tieu chi danh gia")
    info_ws = find_sheet(wb, INFO_SHEET, "thong tin chung")
    adj_ws = find_sheet(wb, ADJ_SHEET, "thuong tru", "diem thuong diem tru", "diem thuong tru")
    if main is None:
        skip = {id(info_ws), id(adj_ws), id(find_sheet(wb, "Hướng dẫn"))}
        for ws in wb.worksheets:
            if id(ws) not in skip and find_header(Grid(ws)) is not None:
                main = ws
                break
    if main is None:
        raise InvalidXlsxFramework([XlsxFinding(
            MAIN_SHEET, None, None,
            "Không có trang “Bộ tiêu chí” (hoặc trang nào có dòng tiêu đề với các cột “Mã”, “Tiêu chí”, "
            "“Điểm tối đa”).", "No 'Bộ tiêu chí' sheet (nor any sheet with a 'Mã', 'Tiêu chí', 'Điểm tối đa' header).")])
    reader.read_sheet(Grid(main))
    if adj_ws is not None and adj_ws is not main:
        reader.read_sheet(Grid(adj_ws), adjustments_only=True)
    info: Info = read_info(info_ws, reader.errors)
    return assemble(reader, info, main.title)

