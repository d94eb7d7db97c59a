"""From the rows of a framework table to a validated `Framework`.

The rows become a framework document that goes through the ordinary reader and validator
(`parse_framework`), so an imported table obeys exactly the rules of a framework file; every
problem they report is mapped back to the sheet, row and column of the item it concerns.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..errors import InvalidFramework
from ..framework.canonical import FORMAT_NAME, FORMAT_VERSION, dumps
from ..framework.codes import parent_code
from ..framework.load import parse_framework
from ..framework.validate import FrameworkProblem
from .info_sheet import Info
from .layout import INFO_SHEET, XlsxFinding, fold, vn_number
from .scoring_lines import Line, parse_lines

if TYPE_CHECKING:
    from .framework_read import XlsxImport, _Reader, _Rec

_EVIDENCE_NO = {"không", "không có", "không yêu cầu", "-", "–", "—"}
_EVIDENCE_YES = {"x", "có", "bắt buộc"}


def evidence_of(texts: list[str]) -> dict[str, Any]:
    """ "Tài liệu kiểm chứng": any text means required, with that text as the hint;
    "(không bắt buộc) …" gives a hint without requiring; "(bắt buộc)" requires with no hint."""
    text = "\n".join(t for t in texts if t).strip()
    low = text.lower()
    if not text or low in _EVIDENCE_NO:
        return {"required": False, "hint": ""}
    if low in _EVIDENCE_YES:
        return {"required": True, "hint": ""}
    if low.startswith("(không bắt buộc)"):
        return {"required": False, "hint": text[len("(không bắt buộc)"):].strip()}
    if low.startswith("(bắt buộc)"):
        return {"required": True, "hint": text[len("(bắt buộc)"):].strip()}
    return {"required": True, "hint": text}


def evidence_text(required: bool, hint: str) -> str:
    """The cell `evidence_of` reads back to (required, hint)."""
    low = hint.lower()
    if not required:
        return f"(không bắt buộc) {hint}" if hint else ""
    if not hint:
        return "(bắt buộc)"
    if low in _EVIDENCE_NO or low in _EVIDENCE_YES or low.startswith(("(bắt buộc)", "(không bắt buộc)")):
        return f"(bắt buộc) {hint}"
    return hint


def _finding(ref: Any, vi: str, en: str, warning: bool = True, nu: bool = False) -> XlsxFinding:
    sheet, row, col = ref
    return XlsxFinding(sheet, row, col, vi, en, warning, nu)


class _Assembler:
    def __init__(self, reader: "_Reader", info: Info, main_title: str) -> None:
        self.reader, self.info, self.main = reader, info, main_title
        self.errors = reader.errors
        self.warnings = reader.warnings
        self.rows: dict[str, "_Rec"] = {}
        self.bad: set[str] = set()

    def at(self, rec: "_Rec", key: str, vi: str, en: str, warning: bool = False, nu: bool = False) -> None:
        f = XlsxFinding(rec.sheet, rec.row, self.reader.letters.get(rec.sheet, {}).get(key), vi, en, warning, nu)
        (self.warnings if warning else self.errors).append(f)

    # -- tree ---------------------------------------------------------------------------------

    def tree(self) -> tuple[list["_Rec"], list["_Rec"]]:
        roots: list[_Rec] = []
        adjustments: list[_Rec] = []
        for rec in self.reader.items:
            first = self.rows.get(rec.code)
            if first is not None:
                hint = (" Ô mã đang là số: Excel bỏ số 0 ở cuối (2.10 thành 2.1); hãy định dạng cột “Mã” là "
                        "Văn bản." if rec.numeric_code else "")
                there = "" if first.sheet == rec.sheet else f" (trang “{first.sheet}”)"
                self.at(rec, "code", f"Mã “{rec.code}” trùng với dòng {first.row}{there}: mỗi mục phải có mã riêng.{hint}",
                        f"Code '{rec.code}' repeats row {first.row}: codes must be unique.")
                self.bad.add(rec.code)
                continue
            self.rows[rec.code] = rec
            if rec.adj is not None:
                adjustments.append(rec)
                continue
            parent = parent_code(rec.code)
            if parent is None:
                roots.append(rec)
            elif parent in self.rows and self.rows[parent].adj is None:
                self.rows[parent].children.append(rec)
            else:
                self.at(rec, "code", f"Mã “{rec.code}” không có mục cha “{parent}” trong bảng (cần một dòng mã "
                        f"{parent} ở phía trên).", f"Code '{rec.code}' has no parent '{parent}' in the table.")
                self.bad.add(rec.code)
        return roots, adjustments

    def sums(self, rec: "_Rec") -> Decimal | None:
        """Fill a missing inner max with the children's sum; check the children against the max."""
        kids = [self.sums(c) for c in rec.children]
        if not rec.children:
            if rec.max is None and not rec.bad:
                self.at(rec, "max", f"Mục {rec.code} thiếu điểm tối đa.", f"Item {rec.code} has no max.")
                rec.bad = True
            return rec.max
        if any(k is None for k in kids):
            self.bad.add(rec.code)
            return rec.max
        total = sum(kids, Decimal(0))
        if rec.max is None:
            if rec.bad:
                return None
            rec.max = total
        elif total > rec.max:
            self.at(rec, "max", f"Các mục con của {rec.code} cộng lại {vn_number(total)} điểm nhưng {rec.code} chỉ cho "
                    f"tối đa {vn_number(rec.max)}.", f"The sub-items of {rec.code} add up to {vn_number(total)} but "
                    f"{rec.code} allows {vn_number(rec.max)}.")
            self.bad.add(rec.code)
        elif total < rec.max:
            self.at(rec, "max", f"Các mục con của {rec.code} chỉ cộng lại {vn_number(total)} trên tối đa "
                    f"{vn_number(rec.max)}: mục này không thể đạt đủ điểm.", f"The sub-items of {rec.code} add up to "
                    f"only {vn_number(total)} of {vn_number(rec.max)}.", warning=True)
        return rec.max

    # -- documents ----------------------------------------------------------------------------

    def item_doc(self, rec: "_Rec") -> dict[str, Any]:
        if rec.bad:
            self.bad.add(rec.code)
        leaf = not rec.children
        adjustment = rec.adj
        if adjustment == "":
            adjustment = self.adj_kind(rec)
        parsed = parse_lines(rec.lines, rec.max, leaf=leaf, adjustment=adjustment)
        guidance = list(rec.note)
        doc: dict[str, Any] = {"code": rec.code, "title": rec.title,
                               "max": rec.max if rec.max is not None else Decimal(0),
                               "evidence": evidence_of(rec.evidence)}
        if parsed.not_applicable is not None:
            doc["not_applicable"] = parsed.not_applicable
        if not leaf:
            for line in parsed.unknown:
                self.warnings.append(_finding(line.ref, f"Mục {rec.code} có mục con nên cách chấm ghi ở đây không được "
                                              f"dùng: “{line.text}”.", f"Item {rec.code} has sub-items; this scoring "
                                              f"line is not used: '{line.text}'."))
            doc["children"] = [self.item_doc(c) for c in rec.children]
        else:
            rule = parsed.rule or {"kind": "manual"}
            if rule.get("kind") == "":
                self.at(rec, "rule", f"Không rõ mục {rec.code} là điểm thưởng hay điểm trừ: ghi “Điểm thưởng” hoặc "
                        "“Điểm trừ” ở cột Cách chấm.", f"Cannot tell whether {rec.code} is a bonus or a penalty.")
                self.bad.add(rec.code)
                rule = {"kind": "bonus"}
            doc["rule"] = rule
            if parsed.fallback:
                self.not_understood(rec, parsed.unknown, rule["kind"])
                if rec.lines:
                    guidance.append("Cách chấm: " + "; ".join(line.text for line in rec.lines))
        guidance.extend(line.text for line in parsed.extra)
        doc["guidance"] = "\n".join(guidance)
        return doc

    def adj_kind(self, rec: "_Rec") -> str:
        code = rec.code.upper()
        if code.startswith(("TR", "ĐT", "DT")):
            return "penalty"
        if code.startswith("T"):
            return "bonus"
        low = rec.title.lower()
        if "điểm trừ" in low or low.startswith("trừ"):
            return "penalty"
        if "thưởng" in low:
            return "bonus"
        return ""

    def not_understood(self, rec: "_Rec", unknown: list[Line], kind: str) -> None:
        mx = vn_number(rec.max) if rec.max is not None else "?"
        then_vi = (f"mục {rec.code} tạm được chấm tự do từ 0 đến {mx} điểm" if kind == "manual"
                   else f"mục {rec.code} tạm là {'điểm thưởng' if kind == 'bonus' else 'điểm trừ'} tối đa {mx}")
        then_en = f"item {rec.code} is scored {kind} within 0-{mx} until the line is fixed"
        if not rec.lines:
            self.at(rec, "rule", f"Chưa ghi cách chấm: {then_vi}.", f"No scoring lines: {then_en}.", True, True)
            return
        for line in unknown or rec.lines[:1]:
            text = line.text if unknown else "; ".join(ln.text for ln in rec.lines)
            self.warnings.append(_finding(line.ref, f"không hiểu cách chấm: “{text}”; {then_vi}.",
                                          f"scoring line not understood: '{text}'; {then_en}.", nu=True))

    def document(self, roots: list["_Rec"], adjustments: list["_Rec"]) -> dict[str, Any]:
        info, v = self.info, self.info.values
        sheet = INFO_SHEET
        for key, vi_name in (("title", "Tên bộ tiêu chí"), ("level", "Cấp đánh giá"), ("year", "Năm đánh giá"),
                             ("id", "Mã bộ tiêu chí")):
            if v.get(key) in (None, ""):
                if key == "title" and self.reader.above_header:
                    lines = self.reader.above_header
                    v["title"] = next((t for t in lines if re.search(r"tieu chi|chi so", fold(t))), lines[0])
                    continue
                if key == "year":
                    m = re.search(r"\bnăm (\d{4})\b", str(v.get("title") or ""), re.I)
                    if m:
                        v["year"] = int(m.group(1))
                        continue
                if key == "id" and v.get("level") and v.get("year"):
                    v["id"] = f"{v['level']}-{v['year']}"
                    self.warnings.append(XlsxFinding(sheet, info.rows.get("id"), "B" if "id" in info.rows else None,
                                                     f"Thiếu mã bộ tiêu chí: tạm dùng “{v['id']}”.",
                                                     f"No framework id: using '{v['id']}'.", True))
                    continue
                row = info.rows.get(key)
                add = "" if info.present else f": thêm trang “{INFO_SHEET}” như trong mẫu forms/template-khung-tieu-chi.xlsx"
                self.errors.append(XlsxFinding(sheet, row, "B" if row else None, f"Thiếu “{vi_name}”{add}.",
                                               f"'{vi_name}' is missing."))
        total = v.get("total")
        fields_sum = sum((r.max for r in roots if r.max is not None), Decimal(0))
        if self.reader.total is not None:
            t, tsheet, trow = self.reader.total
            if total is None:
                total = t
            elif t != total:
                self.errors.append(XlsxFinding(
                    tsheet, trow, "C", f"Dòng tổng cộng ghi {vn_number(t)} nhưng trang “{sheet}” ghi tổng điểm "
                    f"{vn_number(total)}.", f"The total row says {t}, the info sheet {total}."))
        if total is None:
            total = fields_sum
        return {
            "format": FORMAT_NAME, "format_version": FORMAT_VERSION,
            "id": v.get("id") or "?", "title": v.get("title") or "?", "level": v.get("level") or "so",
            "year": v.get("year") or 2000, "sample": bool(v.get("sample", False)),
            "description": v.get("description") or "",
            "legal_basis": {k: v.get(k) or "" for k in ("number", "date", "issuer")},
            "total": total,
            "categories": info.categories,
            "bonus_cap": v.get("bonus_cap") or Decimal(0), "penalty_cap": v.get("penalty_cap") or Decimal(0),
            "fields": [self.item_doc(r) for r in roots],
            "adjustments": [self.item_doc(a) for a in adjustments],
        }

    # -- problems of the reader and validator, back to cells -----------------------------------

    def locate(self, p: FrameworkProblem) -> XlsxFinding | None:
        where, en = p.where, p.en
        m = re.match(r"^mục (\S+?)(?:,|$| >)", where)
        if m and m.group(1) in self.rows:
            code = m.group(1)
            if code in self.bad or any(code == b or b.startswith(code + ".") for b in self.bad):
                return None
            rec = self.rows[code]
            if "add up to" in en or "occurs" in en:
                return None  # reported by the reader itself, with decimal commas
            key = "rule"
            if en.startswith("A leaf's max"):
                key = "max"
            if re.search(r"[Cc]ode|levels", en):
                key = "code"
            if "'title'" in en:
                key = "title"
            return XlsxFinding(rec.sheet, rec.row, self.reader.letters.get(rec.sheet, {}).get(key), p.vi, p.en,
                               p.warning)
        v_rows = self.info.rows
        if where.startswith("xếp loại"):
            n = re.search(r"\d+", where)
            rows = self.info.category_rows
            if n and int(n.group()) <= len(rows):
                row = rows[int(n.group()) - 1]
            elif "lowest" in en and rows:
                row = rows[-1]
            else:
                row = self.info.category_header_row
            return XlsxFinding(INFO_SHEET, row, "A" if row else None, p.vi, p.en, p.warning)
        if where == "bộ tiêu chí":
            if self.bad and "fields add up" in en:
                return None
            words = (("total", "total"), ("bonus_cap", "bonus"), ("penalty_cap", "penalty"), ("id", "'id'"),
                     ("title", "'title'"))
            key = next((k for k, word in words if word in en.lower()), None)
            if key in ("id", "title") and any(e.sheet == INFO_SHEET and e.row == v_rows.get(key) for e in self.errors):
                return None
            row = v_rows.get(key) if key else None
            if key == "total" and row is None and self.reader.total is not None:
                _, tsheet, trow = self.reader.total
                return XlsxFinding(tsheet, trow, "C", p.vi, p.en, p.warning)
            return XlsxFinding(INFO_SHEET, row, "B" if row else None, p.vi, p.en, p.warning)
        return XlsxFinding(self.main, None, None, f"{where}: {p.vi}", f"{where}: {p.en}", p.warning)


def assemble(reader: "_Reader", info: Info, main_title: str) -> "XlsxImport":
    from .framework_read import InvalidXlsxFramework, XlsxImport

    a = _Assembler(reader, info, main_title)
    roots, adjustments = a.tree()
    if not roots and not a.errors:
        a.errors.append(XlsxFinding(main_title, None, None, "Bảng không có mục nào có mã (cột “Mã”: I, 1.1, 1.1.1…).",
                                    "The table has no item with a code."))
    for r in roots:
        a.sums(r)
    doc = a.document(roots, adjustments)
    findings: list[FrameworkProblem]
    try:
        fw, findings = parse_framework(dumps(doc), strict=False)
    except InvalidFramework as exc:
        fw, findings = None, [FrameworkProblem(p.where, p.vi, p.en, False) for p in exc.problems]
    for p in findings:
        if "'fields' must be a non-empty list" in p.en and a.errors:
            continue  # the rows' own errors explain it
        f = a.locate(p)
        if f is not None:
            (a.warnings if f.warning else a.errors).append(f)
    if a.errors or fw is None:
        raise InvalidXlsxFramework(_sorted(a.errors) or [
            XlsxFinding(main_title, None, None, "Bảng không đọc được.", "Unreadable table.")])
    return XlsxImport(fw, tuple(_sorted(a.warnings)))


def _sorted(findings: list[XlsxFinding]) -> list[XlsxFinding]:
    order = {INFO_SHEET: 0}
    return sorted(findings, key=lambda f: (order.get(f.sheet, 1), f.sheet, f.row or 0, f.column or ""))

