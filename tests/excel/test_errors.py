"""Each bad row is reported with its sheet, row and column, and says what is wrong."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.excel import InvalidXlsxFramework, import_xlsx

from .helpers import INFO, write_xlsx

OK = [
    ["I", "Lĩnh vực", 3, None, None, None],
    ["1.1", "Tiêu chí a", 1, "Đạt: 1; Không đạt: 0", None, None],
    ["1.2", "Tiêu chí b", 2, "Tự chấm 0–2", None, None],
]


def errors(tmp_path: Path, rows: list, **kw) -> list[str]:
    with pytest.raises(InvalidXlsxFramework) as exc:
        import_xlsx(write_xlsx(tmp_path / "x.xlsx", rows, **kw))
    assert exc.value.exit_code == 2
    return [f"{f.where}: {f.vi}" for f in exc.value.findings]


def test_duplicate_code(tmp_path: Path) -> None:
    assert errors(tmp_path, OK + [["1.2", "Tiêu chí c", 1, "Đạt: 1; Không đạt: 0", None, None]]) == [
        "Bộ tiêu chí, dòng 5, cột A: Mã “1.2” trùng với dòng 4: mỗi mục phải có mã riêng."]


def test_duplicate_code_typed_as_a_number_explains_the_lost_zero(tmp_path: Path) -> None:
    rows = [["I", "Lĩnh vực", 2, None, None, None], ["1.1", "a", 1, "Đạt: 1; Không đạt: 0", None, None],
            [1.10, "b", 1, "Đạt: 1; Không đạt: 0", None, None]]
    (msg,) = errors(tmp_path, rows)
    assert msg.startswith("Bộ tiêu chí, dòng 4, cột A: Mã “1.1” trùng với dòng 3") and "2.10 thành 2.1" in msg


def test_children_exceeding_parent(tmp_path: Path) -> None:
    rows = [["I", "Lĩnh vực", 3, None, None, None],
            ["1.2", "Tiêu chí", 3, None, None, None],
            ["1.2.1", "a", 2, "Đạt: 2; Không đạt: 0", None, None],
            ["1.2.2", "b", "1,5", "Tự chấm 0–1,5", None, None]]
    assert errors(tmp_path, rows) == [
        "Bộ tiêu chí, dòng 3, cột C: Các mục con của 1.2 cộng lại 3,5 điểm nhưng 1.2 chỉ cho tối đa 3."]


def test_children_short_of_parent_is_a_warning(tmp_path: Path) -> None:
    rows = [["I", "Lĩnh vực", 4, None, None, None]] + OK[1:]
    result = import_xlsx(write_xlsx(tmp_path / "x.xlsx", rows))
    assert [f"{w.cell}: {w.vi}" for w in result.warnings] == [
        "Bộ tiêu chí!C2: Các mục con của 1 chỉ cộng lại 3 trên tối đa 4: mục này không thể đạt đủ điểm."]


def test_a_number_that_is_not_a_number(tmp_path: Path) -> None:
    rows = [OK[0], ["1.1", "Tiêu chí a", "một", "Đạt: 1; Không đạt: 0", None, None], OK[2]]
    assert errors(tmp_path, rows) == [
        "Bộ tiêu chí, dòng 3, cột C: Điểm tối đa “một” không phải là số (ví dụ đúng: 1 hoặc 0,5)."]


def test_a_code_whose_parent_is_missing(tmp_path: Path) -> None:
    rows = OK + [["1.3.1", "Tiêu chí c", 1, "Đạt: 1; Không đạt: 0", None, None]]
    assert errors(tmp_path, rows) == [
        "Bộ tiêu chí, dòng 5, cột A: Mã “1.3.1” không có mục cha “1.3” trong bảng (cần một dòng mã 1.3 ở phía trên)."]


def test_malformed_and_ambiguous_codes(tmp_path: Path) -> None:
    rows = OK + [["1..4", "x", 1, None, None, None], ["TC 1.4.1", "y", 1, None, None, None]]
    assert errors(tmp_path, rows) == [
        "Bộ tiêu chí, dòng 5, cột A: Mã “1..4” không đúng dạng (ví dụ: I, 1.1, 1.1.1; T.1 cho điểm thưởng).",
        "Bộ tiêu chí, dòng 6, cột A: Mã “TC 1.4.1” không rõ ràng: tiền tố ghi cấp 2 nhưng mã 1.4.1 có 3 cấp."]


def test_missing_title_and_missing_max(tmp_path: Path) -> None:
    rows = OK + [["1.3", None, 1, "Đạt: 1; Không đạt: 0", None, None], ["1.4", "z", None, "Tự chấm", None, None]]
    assert errors(tmp_path, rows) == [
        "Bộ tiêu chí, dòng 5, cột B: Mục 1.3 thiếu tên tiêu chí.",
        "Bộ tiêu chí, dòng 6, cột C: Mục 1.4 thiếu điểm tối đa."]


def test_validator_problems_point_at_the_row_of_the_code(tmp_path: Path) -> None:
    rows = [OK[0], ["1.1", "a", 1, "Trên 90%: 1\nDưới 80%: 0", None, None],
            ["1.2", "b", 2, "Ban hành đúng hạn: 3\nKhông ban hành: 0", None, None]]
    found = errors(tmp_path, rows)
    assert "Bộ tiêu chí, dòng 3, cột D: Các mức bỏ trống giá trị 85% (có khoảng hở)." in found
    assert "Bộ tiêu chí, dòng 4, cột D: Lựa chọn “Ban hành đúng hạn” cho 3 điểm, vượt điểm tối đa 2." in found


def test_total_and_categories_point_at_the_info_sheet(tmp_path: Path) -> None:
    info = INFO[:4] + [["Tổng điểm tối đa", 100]] + INFO[4:-1] + [["Yếu", 5, "yeu"]]
    found = errors(tmp_path, OK, info=info)
    assert found == [
        "Thông tin, dòng 5, cột B: Tổng điểm tối đa các lĩnh vực là 3, khác tổng khai báo 100.",
        "Thông tin, dòng 10, cột A: Xếp loại thấp nhất phải bắt đầu từ 0%."]


def test_missing_metadata_and_bad_level(tmp_path: Path) -> None:
    info = [["Mã bộ tiêu chí", "x"], ["Tên bộ tiêu chí", "T"], ["Cấp đánh giá", "tỉnh"], ["Năm đánh giá", "sắp tới"]]
    found = errors(tmp_path, OK, info=info)
    assert "Thông tin, dòng 3, cột B: Cấp đánh giá “tỉnh” không hợp lệ: ghi so (sở, ban, ngành), xa (UBND cấp xã) " \
           "hoặc huyen (UBND cấp huyện)." in found
    assert "Thông tin, dòng 4, cột B: Năm “sắp tới” không hợp lệ (ví dụ: 2026)." in found
    assert "Thông tin, dòng 4, cột B: Thiếu “Năm đánh giá”." in found


def test_no_info_sheet_says_to_add_it(tmp_path: Path) -> None:
    found = errors(tmp_path, OK, info=None)
    assert "Thông tin: Thiếu “Cấp đánh giá”: thêm trang “Thông tin” như trong mẫu " \
           "forms/template-khung-tieu-chi.xlsx." in found


def test_no_header_row(tmp_path: Path) -> None:
    assert errors(tmp_path, OK, header=["A", "B", "C"]) == [
        "Bộ tiêu chí: Không tìm thấy dòng tiêu đề của bảng: cần các cột “Mã”, “Tiêu chí” và “Điểm tối đa” "
        "(xem mẫu forms/template-khung-tieu-chi.xlsx)."]


def test_code_turned_into_a_date_by_excel(tmp_path: Path) -> None:
    import datetime as dt

    rows = OK + [[dt.datetime(2026, 2, 1), "x", 1, "Đạt: 1; Không đạt: 0", None, None]]
    (msg,) = errors(tmp_path, rows)
    assert msg.startswith("Bộ tiêu chí, dòng 5, cột A: Excel đã đổi mã thành ngày tháng")


def test_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(UserFacingError) as exc:
        import_xlsx(tmp_path / "khong-co.xlsx")
    assert type(exc.value) is UserFacingError and exc.value.exit_code == 1
    assert exc.value.vi.startswith(f"Không đọc được tệp “{tmp_path / 'khong-co.xlsx'}”:")


def test_a_text_file_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "bang.xlsx"
    path.write_text("Mã;Tiêu chí;Điểm tối đa\n1;A;1\n", encoding="utf-8")
    with pytest.raises(UserFacingError) as exc:
        import_xlsx(path)
    assert type(exc.value) is UserFacingError
    assert exc.value.vi.startswith(f"Tệp “{path}” không phải là bảng tính Excel .xlsx đọc được (có thể là tệp văn bản")


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "bang.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(UserFacingError) as exc:
        import_xlsx(path)
    assert "không phải là bảng tính Excel .xlsx đọc được" in exc.value.vi


def test_a_damaged_workbook(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", OK)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut in the middle of the XML
            zout.writestr(info, data)
    with pytest.raises(UserFacingError) as exc:
        import_xlsx(bad)
    assert "không phải là bảng tính Excel .xlsx đọc được" in exc.value.vi and "tệp hỏng" in exc.value.vi
