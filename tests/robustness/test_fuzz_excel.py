"""Fuzzing the province's Excel tables: an import either gives a valid framework or a clear
refusal (UserFacingError, incl. InvalidFramework with sheet/row/column), never anything else."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.excel import export_xlsx, import_xlsx
from cchc_desktop.core.framework.load import load_framework
from cchc_desktop.core.framework.validate import validate

ROOT = Path(__file__).resolve().parents[2]
_BASE: dict[str, bytes] = {}


def base_xlsx(tmp_dir: Path) -> bytes:
    if "mini" not in _BASE:
        out = tmp_dir / "base.xlsx"
        export_xlsx(load_framework(ROOT / "tests" / "data" / "mini_framework.json"), out)
        _BASE["mini"] = out.read_bytes()
    return _BASE["mini"]


def _check(path: Path) -> None:
    try:
        result = import_xlsx(path)
    except UserFacingError:
        return  # refused with a message: fine
    assert not [p for p in validate(result.framework) if not p.warning]


CELL_VALUES = st.one_of(
    st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["I", "1.1", "1.1.1", "1.1.1.1", "IIII", "0,5", "Từ 90% trở lên: 2", "Đạt: 1; Không đạt: 0",
                     "Trừ 0,25 điểm/lần vi phạm", "[x] A: 5", "Hội đồng thẩm định chấm", "=1/0", "Tổng cộng"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(1, 40), st.integers(1, 8), CELL_VALUES), min_size=1, max_size=8))
def test_cell_mutations_give_a_framework_or_a_clear_refusal(tmp_path_factory, edits) -> None:
    tmp = tmp_path_factory.mktemp("x")
    wb = openpyxl.load_workbook(io.BytesIO(base_xlsx(tmp)))
    ws = wb[wb.sheetnames[0]]
    from openpyxl.cell.cell import MergedCell

    for row, col, value in edits:
        cell = ws.cell(row=row, column=col)
        if not isinstance(cell, MergedCell):  # merged cells are read-only in openpyxl
            cell.value = value
    path = tmp / "mutant.xlsx"
    wb.save(path)
    _check(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_files_are_refused_cleanly(tmp_path_factory, data) -> None:
    tmp = tmp_path_factory.mktemp("y")
    raw = bytearray(base_xlsx(tmp))
    how = data.draw(st.sampled_from(["flip", "truncate", "entry"]))
    if how == "flip":
        for pos in data.draw(st.lists(st.integers(0, len(raw) - 1), min_size=1, max_size=16)):
            raw[pos] ^= data.draw(st.integers(1, 255))
        blob = bytes(raw)
    elif how == "truncate":
        blob = bytes(raw[: data.draw(st.integers(0, len(raw) - 1))])
    else:  # rewrite one XML part of the workbook with damaged text
        src = zipfile.ZipFile(io.BytesIO(bytes(raw)))
        names = src.namelist()
        victim = data.draw(st.sampled_from(names))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for n in names:
                body = src.read(n)
                if n == victim:
                    cut = data.draw(st.integers(0, len(body)))
                    body = body[:cut] + data.draw(st.binary(max_size=40)) + body[cut:]
                dst.writestr(n, body)
        blob = out.getvalue()
    path = tmp / "damaged.xlsx"
    path.write_bytes(blob)
    _check(path)
