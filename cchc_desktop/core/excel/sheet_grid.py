"""Opening a workbook and seeing a sheet as a grid: values, merged cells, the header row."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from ..errors import UserFacingError
from .layout import HEADER_EXACT, HEADER_PREFIX, column_letter, fold

MAX_XLSX_BYTES = 30 * 1024 * 1024
MAX_ROWS = 5000  # a framework table has a few hundred rows; formatting may claim a million
MAX_COLS = 40


# ---------------------------------------------------------------- opening


def open_workbook(path: str | Path) -> Any:
    import zipfile
    import zlib

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_XLSX_BYTES:
            raise UserFacingError(
                f"Tệp “{path}” quá lớn ({size // (1024 * 1024)} MB) để là một bảng tiêu chí.",
                f"'{path}' is too large ({size // (1024 * 1024)} MB) for a framework table.",
            )
        with path.open("rb") as fh, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Data Validation extension is not supported"…: not our concern
            return openpyxl.load_workbook(fh, data_only=True)
    except UserFacingError:
        raise
    except OSError as exc:
        raise UserFacingError(f"Không đọc được tệp “{path}”: {exc.strerror or exc}.",
                              f"Cannot read '{path}': {exc.strerror or exc}.") from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, IndexError, AttributeError,
            EOFError, SyntaxError, zlib.error, LookupError, ArithmeticError, RecursionError) as exc:
        # A damaged file can fail anywhere inside openpyxl (zip, inflate, XML): all mean "not readable".
        raise UserFacingError(
            f"Tệp “{path}” không phải là bảng tính Excel .xlsx đọc được (có thể là tệp văn bản, tệp .xls cũ "
            f"hoặc tệp hỏng): hãy mở bằng Excel rồi lưu dưới dạng “Excel Workbook (.xlsx)”. Chi tiết: {exc}.",
            f"'{path}' is not a readable Excel .xlsx workbook (a text file, an old .xls or a damaged file?): "
            f"open it in Excel and save it as 'Excel Workbook (.xlsx)'. Details: {exc}.",
        ) from None


def find_sheet(wb: Any, *names: str) -> Any:
    wanted = {fold(n) for n in names}
    for ws in wb.worksheets:
        if fold(ws.title) in wanted:
            return ws
    return None


# ---------------------------------------------------------------- a sheet as a grid


class Grid:
    def __init__(self, ws: Any) -> None:
        self.ws, self.title = ws, ws.title
        nrows, ncols = min(ws.max_row, MAX_ROWS), min(ws.max_column, MAX_COLS)
        self.rows = [list(r) for r in ws.iter_rows(min_row=1, max_row=nrows, max_col=ncols, values_only=True)]
        self.nrows = len(self.rows)
        self.cover: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            if (rng.max_row - rng.min_row + 1) * (rng.max_col - rng.min_col + 1) > 20000:
                continue
            for r in range(rng.min_row, min(rng.max_row, nrows) + 1):
                for c in range(rng.min_col, min(rng.max_col, ncols) + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        self.cover[(r, c)] = (rng.min_row, rng.min_col)
        self.cols: dict[str, int] = {}

    def raw(self, r: int, c: int) -> Any:
        if 1 <= r <= self.nrows and 1 <= c <= len(self.rows[r - 1]):
            return self.rows[r - 1][c - 1]
        return None

    def get(self, r: int, key: str) -> Any:
        """A column's value in row r.  A merged cell gives its value to its top-left cell only; a
        cell covered by a merge across the same row from a column the reader does not use (e.g.
        "STT" merged with "Mã") takes that value."""
        c = self.cols.get(key)
        if c is None:
            return None
        tl = self.cover.get((r, c))
        if tl is None:
            return self.raw(r, c)
        if tl[0] == r and tl[1] not in self.cols.values():
            return self.raw(*tl)
        return None

    def letter(self, key: str) -> str:
        return column_letter(self.cols.get(key, 1))


def header_key(value: Any) -> str | None:
    if value is None or isinstance(value, (int, float)):
        return None
    f = fold(str(value))
    for key, names in HEADER_EXACT.items():
        if f in names:
            return key
    for key, prefixes in HEADER_PREFIX.items():
        if f.startswith(prefixes):
            return key
    return None


def find_header(grid: Grid) -> int | None:
    """The row naming the columns (and the one below when "Điểm" spans "Tối đa | Tự chấm")."""
    for r in range(1, min(grid.nrows, 60) + 1):
        cols: dict[str, int] = {}
        for c in range(1, len(grid.rows[r - 1]) + 1):
            key = header_key(grid.raw(r, c))
            if key and key not in cols:
                cols[key] = c
        if "code" in cols and "title" in cols:
            last = r
            if "max" not in cols or fold(str(grid.raw(r, cols["max"]))) == "diem":
                for c in range(1, len(grid.rows[r] if r < grid.nrows else []) + 1):
                    f = fold(str(grid.raw(r + 1, c) or ""))
                    if f in ("toi da", "diem toi da", "diem chuan"):
                        cols["max"], last = c, r + 1
            if "max" in cols:
                grid.cols = cols
                return last
    return None
