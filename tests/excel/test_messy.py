"""Tables as provinces really publish them: each kind of mess on its own, read to the expected
framework (codes, max points, rule kinds and parameters)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl

from cchc_desktop.core.excel import import_xlsx

from .helpers import HEADER, INFO, items, write_xlsx

CHOICE = "Ban hành đúng hạn: 1\nBan hành chậm: 0,5\nKhông ban hành: 0"
TIERS = "Từ 90% trở lên: 2\nTừ 70% đến dưới 90%: 1\nDưới 70%: 0"
BASE = [
    ["I", "Công tác chỉ đạo, điều hành", 3, None, None, None],
    ["1.1", "Ban hành kế hoạch", 1, CHOICE, "Kế hoạch CCHC", None],
    ["1.2", "Hoàn thành kế hoạch", 2, TIERS, None, None],
]
CHOICE_RULE = {"kind": "choice", "options": [
    {"key": "ban_hanh_dung_han", "label": "Ban hành đúng hạn", "points": "1"},
    {"key": "ban_hanh_cham", "label": "Ban hành chậm", "points": "0.5"},
    {"key": "khong_ban_hanh", "label": "Không ban hành", "points": "0"}]}
TIERS_RULE = {"kind": "percent_tiers", "monotonic": True, "unit_label": "Tỷ lệ (%)", "tiers": [
    {"min": "90", "max": None, "min_inclusive": True, "max_inclusive": False, "points": "2"},
    {"min": "70", "max": "90", "min_inclusive": True, "max_inclusive": False, "points": "1"},
    {"min": None, "max": "70", "min_inclusive": True, "max_inclusive": False, "points": "0"}]}


def check_base(fw) -> dict:
    it = items(fw)
    assert list(it) == ["1", "1.1", "1.2"]
    assert (it["1"]["title"], it["1"]["max"], it["1"]["children"]) == ("Công tác chỉ đạo, điều hành", "3", ["1.1", "1.2"])
    assert it["1.1"]["rule"] == CHOICE_RULE and it["1.1"]["evidence"] == (True, "Kế hoạch CCHC")
    assert it["1.2"]["rule"] == TIERS_RULE and it["1.2"]["max"] == "2"
    assert fw.total == 3
    return it


def test_clean_table(tmp_path: Path) -> None:
    result = import_xlsx(write_xlsx(tmp_path / "a.xlsx", BASE))
    check_base(result.framework)
    assert result.warnings == ()


def test_merged_cells_take_the_top_left_value(tmp_path: Path) -> None:
    rows = [
        ["I", "Công tác chỉ đạo, điều hành", None, None, None, None],  # title merged over B:F
        ["1.1", "Ban hành kế hoạch", 1, "Ban hành đúng hạn: 1", "Kế hoạch CCHC", None],
        [None, None, None, "Ban hành chậm: 0,5", None, None],  # code, title, max merged downwards
        [None, None, None, "Không ban hành: 0", None, None],
        ["1.2", "Hoàn thành kế hoạch", 2, TIERS, None, None],
    ]
    path = write_xlsx(tmp_path / "m.xlsx", rows, merges=["B2:F2", "A3:A5", "B3:B5", "C3:C5", "E3:E5"])
    fw = import_xlsx(path).framework
    check_base(fw)  # the field's max, hidden by the merge, is the sum of its criteria


def test_code_and_title_merged_in_one_cell(tmp_path: Path) -> None:
    rows = [["I. Công tác chỉ đạo, điều hành", None, 3, None, None, None]] + BASE[1:]
    fw = import_xlsx(write_xlsx(tmp_path / "m.xlsx", rows, merges=["A2:B2"])).framework
    check_base(fw)


def test_header_rows_repeated_on_every_page_and_column_numbers_are_skipped(tmp_path: Path) -> None:
    rows = [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], BASE[0], BASE[1], HEADER, ["1", "2", "3", "4", "5", "6"],
            ["MÃ", "TIÊU CHÍ", "ĐIỂM TỐI ĐA", "CÁCH CHẤM", "TÀI LIỆU KIỂM CHỨNG", "GHI CHÚ"], BASE[2]]
    result = import_xlsx(write_xlsx(tmp_path / "h.xlsx", rows))
    check_base(result.framework)
    assert result.warnings == ()


def test_header_found_by_content_not_position(tmp_path: Path) -> None:
    above = [["ỦY BAN NHÂN DÂN TỈNH"], [], ["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CẤP XÃ NĂM 2026"], []]
    header = ["STT", "Nội dung", "Thang điểm", "Hướng dẫn chấm", "Tài liệu minh chứng", "Ghi chú"]
    info = [r for r in INFO if not r or r[0] != "Tên bộ tiêu chí"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bảng 1"
    for r in above:
        ws.append(r)
    ws.append([None, None] + header)  # the table starts in column C
    for r in BASE:
        ws.append([None, None] + r)
    ws2 = wb.create_sheet("Thông tin")
    for r in info:
        ws2.append(r)
    wb.save(tmp_path / "p.xlsx")
    fw = import_xlsx(tmp_path / "p.xlsx").framework
    check_base(fw)
    # no title in "Thông tin": the line above the table that names the framework
    assert fw.title == "BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CẤP XÃ NĂM 2026"


def test_roman_numerals_and_dotted_forms(tmp_path: Path) -> None:
    rows = [
        ["I", "Lĩnh vực một", 1, None, None, None],
        ["1.1.", "Tiêu chí", 1, "Đạt: 1; Không đạt: 0", None, None],
        ["II", "Lĩnh vực hai", 1, None, None, None],
        ["TC 2.1", "Tiêu chí", 1, None, None, None],
        ["TCTP 2.1.1", "Tiêu chí thành phần", 1, "Có: 1\nKhông: 0", None, None],
        ["III.", "Lĩnh vực ba", 1, None, None, None],
        [3.1, "Mã gõ thành số", 1, "Hội đồng thẩm định chấm", None, None],
        ["A", "PHẦN TỰ ĐÁNH GIÁ", None, None, None, None],
        ["LV IV", "Lĩnh vực bốn", 1, None, None, None],
        ["Tiêu chí 4.1", "Điều tra", 1, "Điều tra xã hội học (SIPAS)", None, None],
    ]
    result = import_xlsx(write_xlsx(tmp_path / "r.xlsx", rows))
    assert [(w.cell, w.vi) for w in result.warnings] == [
        ("Bộ tiêu chí!A9", "Bỏ qua dòng tiêu đề phần “A PHẦN TỰ ĐÁNH GIÁ”.")]
    fw = result.framework
    it = items(fw)
    assert list(it) == ["1", "1.1", "2", "2.1", "2.1.1", "3", "3.1", "4", "4.1"]
    assert it["1.1"]["rule"] == {"kind": "yes_no", "yes_label": "Đạt", "no_label": "Không đạt"}
    assert it["2.1.1"]["rule"] == {"kind": "yes_no", "yes_label": "Có", "no_label": "Không"}
    assert it["3.1"]["rule"] == {"kind": "council", "step": None}
    assert it["4.1"]["rule"] == {"kind": "survey"}


def test_blank_rows_are_ignored(tmp_path: Path) -> None:
    rows = [[], BASE[0], [None] * 6, ["", " ", "\u00a0"], BASE[1], [], [], BASE[2], []]
    result = import_xlsx(write_xlsx(tmp_path / "b.xlsx", rows))
    check_base(result.framework)
    assert result.warnings == ()


def test_decomposed_vietnamese_is_normalised_to_nfc(tmp_path: Path) -> None:
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    rows = [[nfd(c) if isinstance(c, str) else c for c in r] for r in BASE]
    info = [[nfd(c) if isinstance(c, str) else c for c in r] for r in INFO]
    header = [nfd(h) for h in HEADER]
    fw = import_xlsx(write_xlsx(tmp_path / "n.xlsx", rows, header=header, info=info, sheet=nfd("Bộ tiêu chí"))).framework
    check_base(fw)
    assert fw.categories[0].name == "Tốt" and unicodedata.is_normalized("NFC", fw.title)


def test_stray_spaces_and_non_breaking_spaces(tmp_path: Path) -> None:
    rows = [
        ["  I ", " Công tác\u00a0chỉ đạo,   điều hành\n", " 3 ", None, None, None],
        ["\u00a01.1", "Ban hành kế hoạch ", 1, "  Ban hành đúng hạn :  1 \n\nBan hành\u00a0chậm: 0,5\n Không ban hành: 0 ",
         " Kế hoạch\u00a0CCHC ", None],
        ["1.2\u200b", "Hoàn\u00a0thành kế hoạch", "2\u00a0", TIERS.replace("%", " %"), "", "  "],
    ]
    header = [" Mã ", "Tiêu\u00a0chí", "Điểm  tối đa", "Cách chấm ", "Tài liệu kiểm chứng", "Ghi chú"]
    fw = import_xlsx(write_xlsx(tmp_path / "s.xlsx", rows, header=header)).framework
    check_base(fw)


def test_comma_decimals_and_numbers_as_text(tmp_path: Path) -> None:
    rows = [
        ["I", "Lĩnh vực", "2,5", None, None, None],
        ["1.1", "A", "0,5", "Đạt: 0,5; Không đạt: 0", None, None],
        ["1.2", "B", "1,5 điểm", "Trừ 0,25 điểm/lần vi phạm, tối thiểu 0,5", None, None],
        ["1.3", "C", 0.5, "Tự chấm 0–0,5, bước 0,25", None, None],
    ]
    fw = import_xlsx(write_xlsx(tmp_path / "c.xlsx", rows)).framework
    it = items(fw)
    assert [it[c]["max"] for c in ("1", "1.1", "1.2", "1.3")] == ["2.5", "0.5", "1.5", "0.5"]
    assert it["1.2"]["rule"] == {"kind": "deduction", "per_violation": "0.25", "floor": "0.5",
                                 "count_label": "Số lần vi phạm"}
    assert it["1.3"]["rule"] == {"kind": "manual", "step": "0.25"}


def test_options_on_their_own_rows(tmp_path: Path) -> None:
    rows = [
        ["I", "Công tác chỉ đạo, điều hành", 3, None, None, None],
        ["1.1", "Ban hành kế hoạch", 1, None, "Kế hoạch CCHC", None],
        [None, "- Ban hành đúng hạn", 1, None, None, None],  # option text in "Tiêu chí", points in "Điểm tối đa"
        [None, "- Ban hành chậm", "0,5", None, None, None],
        [None, "- Không ban hành", 0, None, None, None],
        ["1.2", "Hoàn thành kế hoạch", 2, None, None, None],
        [None, None, None, "Từ 90% trở lên: 2", None, None],  # option lines in "Cách chấm"
        [None, "Từ 70% đến dưới 90%", None, "1", None, None],  # text in "Tiêu chí", points in "Cách chấm"
        [None, None, None, "Dưới 70%: 0", None, None],
        [None, None, None, "Không phát sinh: tính đủ điểm", None, None],
    ]
    result = import_xlsx(write_xlsx(tmp_path / "o.xlsx", rows))
    it = check_base(result.framework)
    assert it["1.2"]["na"] == ("full", "Không phát sinh")
    assert result.warnings == ()


def test_footnotes_under_the_table_are_ignored(tmp_path: Path) -> None:
    rows = BASE + [
        [], ["Ghi chú: (1) Tỷ lệ tính trên số hồ sơ đã giải quyết.", None, None, None, None, None],
        ["(*) Điểm điều tra xã hội học do Sở Nội vụ cung cấp.", None, None, None, None, None],
        [None, "* Các tiêu chí không phát sinh được tính đủ điểm", None, None, None, None],
        [None, None, None, None, "KT. CHỦ TỊCH", None], [None, None, None, None, "PHÓ CHỦ TỊCH", None],
    ]
    result = import_xlsx(write_xlsx(tmp_path / "f.xlsx", rows))
    check_base(result.framework)
    assert result.warnings == ()


def test_total_row_and_bonus_penalty_section(tmp_path: Path) -> None:
    rows = BASE + [
        [None, "TỔNG CỘNG", 3, None, None, None],
        [None, "ĐIỂM THƯỞNG, ĐIỂM TRỪ", None, None, None, None],
        ["T.1", "Được khen thưởng", "0,5", "Điểm thưởng, bước 0,5", None, None],
        ["TR.1", "Bị phê bình", 1, None, None, None],  # the kind from the code
    ]
    info = INFO[:4] + [["Điểm thưởng tối đa", 0.5], ["Điểm trừ tối đa", "1"]] + INFO[4:]
    fw = import_xlsx(write_xlsx(tmp_path / "t.xlsx", rows, info=info)).framework
    it = items(fw)
    assert it["T.1"]["rule"] == {"kind": "bonus", "step": "0.5"}
    assert it["TR.1"]["rule"] == {"kind": "penalty", "step": None}
    assert (fw.bonus_cap, fw.penalty_cap, fw.total) == (0.5, 1, 3)


def test_bonus_and_penalty_on_a_third_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "3.xlsx", BASE, info=INFO[:4] + [["Điểm thưởng tối đa", 1]] + INFO[4:])
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Thưởng - trừ")
    ws.append(HEADER)
    ws.append(["B.1", "Sáng kiến được công nhận", 1, "Điểm thưởng", None, None])
    wb.save(path)
    fw = import_xlsx(path).framework
    assert [(a.code, a.rule.kind) for a in fw.adjustments] == [("B.1", "bonus")]


def test_two_row_header_with_points_split_in_max_and_self_score(tmp_path: Path) -> None:
    header = ["Mã", "Tiêu chí", "Điểm", None, "Cách chấm", "Tài liệu kiểm chứng"]
    sub = [None, None, "Tối đa", "Tự chấm", None, None]
    rows = [sub] + [[r[0], r[1], r[2], None, r[3], r[4]] for r in BASE]
    fw = import_xlsx(write_xlsx(tmp_path / "2.xlsx", rows, header=header, merges=["C1:D1"])).framework
    check_base(fw)


def test_lowercase_letter_options_and_max_in_the_title(tmp_path: Path) -> None:
    rows = [
        ["I", "Công tác chỉ đạo, điều hành (3 điểm)", None, None, None, None],
        ["1.1", "Ban hành kế hoạch", 1, None, "Kế hoạch CCHC", None],
        ["a", "Ban hành đúng hạn", 1, None, None, None],
        ["b)", "Ban hành chậm", 0.5, None, None, None],
        ["c", "Không ban hành", 0, None, None, None],
        BASE[2],
    ]
    fw = import_xlsx(write_xlsx(tmp_path / "l.xlsx", rows)).framework
    it = items(fw)
    assert it["1.1"]["rule"] == CHOICE_RULE and it["1"]["max"] == "3"
