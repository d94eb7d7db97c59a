"""The Excel layout of a framework (docs/framework-excel.md) and the text helpers shared by the
reader and the writer: sheet and column names, cell references, cleaning and numbers.

Numbers are exact decimals everywhere: a cell holding 0.5 and a text "0,5" both read as
Decimal("0.5"); Vietnamese text uses a decimal comma, so the writer prints "0,5" in text.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ..framework.canonical import number_text

MAIN_SHEET = "Bộ tiêu chí"
INFO_SHEET = "Thông tin"
ADJ_SHEET = "Thưởng - trừ"  # accepted on import; the writer puts adjustments in the main sheet
GUIDE_SHEET = "Hướng dẫn"

# (key, header written, width in characters)
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("code", "Mã", 9),
    ("title", "Tiêu chí", 46),
    ("max", "Điểm tối đa", 10),
    ("rule", "Cách chấm", 44),
    ("evidence", "Tài liệu kiểm chứng", 32),
    ("note", "Ghi chú", 32),
)
HEADER = {key: text for key, text, _ in COLUMNS}

# Header texts accepted for each column, folded (no diacritics, lower case, see `fold`).
HEADER_EXACT: dict[str, set[str]] = {
    "code": {"ma", "ma so", "stt", "tt", "so tt", "so thu tu", "ma tieu chi", "ky hieu", "ma chi so", "ma muc"},
    "title": {"tieu chi", "noi dung", "ten tieu chi", "chi so", "ten", "cac tieu chi", "noi dung danh gia",
              "linh vuc tieu chi", "linh vuc chi so", "tieu chi tieu chi thanh phan", "noi dung tieu chi"},
    "max": {"diem toi da", "diem chuan", "thang diem", "diem", "so diem toi da", "toi da", "diem toi da duoc cham"},
    "rule": {"cach cham", "cach cham diem", "huong dan cham", "huong dan cham diem", "phuong phap cham",
             "phuong phap cham diem", "thang cham", "muc cham", "cach tinh diem", "cach tinh", "tieu chuan cham",
             "cach cham muc diem"},
    "evidence": {"tai lieu kiem chung", "tai lieu minh chung", "minh chung", "kiem chung", "tai lieu"},
    "note": {"ghi chu", "huong dan", "giai thich", "huong dan thuc hien"},
}
HEADER_PREFIX: dict[str, tuple[str, ...]] = {
    "title": ("linh vuc", "tieu chi", "noi dung"),
    "max": ("diem toi da",),
    "rule": ("cach cham", "huong dan cham", "phuong phap cham"),
    "evidence": ("tai lieu kiem chung", "tai lieu minh chung"),
}

# The "Thông tin" sheet: (key, label written, accepted labels folded, hint written in column C)
INFO_ROWS: tuple[tuple[str, str, set[str], str], ...] = (
    ("id", "Mã bộ tiêu chí", {"ma bo tieu chi", "ma", "id", "ma so"},
     "Mã ổn định, không dấu, ví dụ: khanh-hoa-xa-2026"),
    ("title", "Tên bộ tiêu chí", {"ten bo tieu chi", "ten", "tieu de", "ten goi"}, "Tên như trong quyết định ban hành"),
    ("level", "Cấp đánh giá", {"cap danh gia", "cap", "doi tuong", "doi tuong ap dung", "cap co quan"},
     "so: sở, ban, ngành; xa: UBND xã, phường, đặc khu; huyen: UBND cấp huyện (trước 07/2025)"),
    ("year", "Năm đánh giá", {"nam danh gia", "nam"}, "Ví dụ: 2026"),
    ("number", "Số quyết định ban hành", {"so quyet dinh ban hanh", "so quyet dinh", "so ky hieu", "quyet dinh so",
                                          "can cu", "so hieu van ban", "van ban ban hanh"}, "Ví dụ: 3604/QĐ-UBND"),
    ("date", "Ngày ban hành", {"ngay ban hanh", "ngay quyet dinh", "ngay ky", "ngay"}, "Dạng năm-tháng-ngày, ví dụ 2025-12-15"),
    ("issuer", "Cơ quan ban hành", {"co quan ban hanh", "noi ban hanh"}, "Ví dụ: Ủy ban nhân dân tỉnh Khánh Hòa"),
    ("total", "Tổng điểm tối đa", {"tong diem toi da", "tong diem", "tong so diem", "diem toi da"},
     "Bằng tổng điểm tối đa các lĩnh vực, thường là 100"),
    ("bonus_cap", "Điểm thưởng tối đa", {"diem thuong toi da", "tong diem thuong toi da", "gioi han diem thuong"},
     "Tổng điểm thưởng không vượt quá số này"),
    ("penalty_cap", "Điểm trừ tối đa", {"diem tru toi da", "tong diem tru toi da", "gioi han diem tru"},
     "Tổng điểm trừ không vượt quá số này"),
    ("sample", "Bản mẫu", {"ban mau", "mau", "la ban mau"}, "Có: bản mẫu để thử, không phải văn bản chính thức; Không"),
    ("description", "Mô tả", {"mo ta", "gioi thieu"}, "Không bắt buộc"),
)
CATEGORY_HEADER = ("Xếp loại", "Từ (%)", "Mã xếp loại")
CATEGORY_LABELS = {"xep loai", "cac muc xep loai", "xep hang", "muc xep loai"}

LEVEL_WORDS = {"so": "so", "xa": "xa", "huyen": "huyen"}


# ---------------------------------------------------------------- text


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean_lines(value: Any) -> list[str]:
    """A cell's text as NFC lines, non-breaking and repeated spaces collapsed, blank lines dropped
    at both ends (kept inside, so a multi-line note keeps its shape)."""
    if value is None:
        return []
    text = unicodedata.normalize("NFC", str(value)).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def clean_text(value: Any) -> str:
    """Multi-line text (notes, evidence hints, descriptions): cleaned, line breaks kept."""
    return "\n".join(clean_lines(value))


def clean_line(value: Any) -> str:
    """Single-line text (titles, codes, labels): cleaned, line breaks turned into spaces."""
    return " ".join(line for line in clean_lines(value) if line)


def fold(text: str) -> str:
    """For matching headers and labels: lower case, no diacritics (đ -> d), only letters, digits
    and single spaces.  "Điểm tối đa (1):" -> "diem toi da"."""
    text = re.sub(r"\(.*?\)", " ", clean_line(text).lower())
    text = unicodedata.normalize("NFD", text.replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def slug(text: str, fallback: str = "muc") -> str:
    """A key from a label: "Ban hành đúng hạn" -> "ban_hanh_dung_han" (at most 40 characters)."""
    words = fold(text).split()
    out = ""
    for w in words:
        if len(out) + len(w) + (1 if out else 0) > 40:
            break
        out = f"{out}_{w}" if out else w
    return out or fallback


# ---------------------------------------------------------------- numbers

NUMBER_RE = r"\d+(?:[.,]\d+)?"
_POINTS_TEXT = re.compile(rf"^\(?\s*({NUMBER_RE})\s*(?:điểm|đ\.?)?\s*\)?$", re.I)


def decimal_of_text(text: str) -> Decimal | None:
    """ "0,5", "0.5", "1 điểm", "(2 điểm)" -> Decimal; anything else None."""
    m = _POINTS_TEXT.match(clean_line(text))
    if not m:
        return None
    try:
        return Decimal(m.group(1).replace(",", "."))
    except InvalidOperation:
        return None


class NotANumber(ValueError):
    pass


def cell_number(value: Any) -> Decimal | None:
    """A number cell or a number written as text; None for an empty cell; NotANumber otherwise."""
    if value is None or (isinstance(value, str) and not clean_line(value)):
        return None
    if isinstance(value, bool) or isinstance(value, (_dt.date, _dt.time, _dt.timedelta)):
        raise NotANumber(str(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotANumber(str(value))
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    d = decimal_of_text(str(value))
    if d is None:
        raise NotANumber(clean_line(value))
    return d


def dec(text: str) -> Decimal:
    """ "0,5" or "0.5" -> Decimal("0.5") (the text is known to be a number)."""
    return Decimal(text.replace(",", "."))


def low_text(text: str) -> str:
    """For matching scoring lines: lower case, one kind of dash, comparison signs and colon."""
    t = text.lower()
    for a, b in (("≥", ">="), ("≤", "<="), ("–", "-"), ("—", "-"), ("−", "-"), ("：", ":"), ("tỉ lệ", "tỷ lệ"),
                 ("＞", ">"), ("＜", "<"), ("=>", "→"), ("->", "→")):
        t = t.replace(a, b)
    return " ".join(t.split())


def vn_number(d: Decimal) -> str:
    """Shortest decimal with a decimal comma, as Vietnamese text writes it: 0,25; 14,5; 100."""
    return number_text(d).replace(".", ",")


def excel_number(d: Decimal) -> int | Decimal:
    return int(d) if d == d.to_integral_value() else d.normalize()


# ---------------------------------------------------------------- where


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    out = ""
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


@dataclass(frozen=True)
class XlsxFinding:
    """A problem or remark located in the workbook (sheet, row and column when known)."""

    sheet: str
    row: int | None
    column: str | None  # letter, e.g. "C"
    vi: str
    en: str
    warning: bool = False
    not_understood: bool = False  # a scoring line the reader did not understand

    @property
    def where(self) -> str:
        parts = [self.sheet]
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column}")
        return ", ".join(parts)

    @property
    def where_en(self) -> str:
        parts = [f"sheet '{self.sheet}'"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    @property
    def cell(self) -> str:
        """Excel-style reference: "Bộ tiêu chí!D17" (the sheet alone when no cell is known)."""
        if self.row is None:
            return self.sheet
        return f"{self.sheet}!{self.column or 'A'}{self.row}"

    def problem(self) -> Any:
        from ..framework.validate import FrameworkProblem

        return FrameworkProblem(self.where, self.vi, self.en, self.warning)
