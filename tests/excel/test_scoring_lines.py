"""The scoring-line reader, one phrase family at a time, and the list of what it did not understand."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from cchc_desktop.core.excel import import_xlsx
from cchc_desktop.core.excel.scoring_lines import Line, parse_lines, parse_tier

from .helpers import plain, write_xlsx


def rule(text: str, mx: str = "1", **kw):
    p = parse_lines([Line(t) for t in text.split("\n")], D(mx), **kw)
    assert not p.unknown, [u.text for u in p.unknown]
    return plain(p.rule), p.not_applicable


def tiers(text: str, mx: str = "2") -> list[tuple]:
    r, _ = rule(text, mx)
    assert r["kind"] in ("percent_tiers", "ratio_tiers")
    return [(t["min"], t["max"], t["min_inclusive"], t["max_inclusive"], t["points"]) for t in r["tiers"]]


def test_choice_lines_keys_and_separators() -> None:
    r, _ = rule("Ban hành đúng hạn: 1\nBan hành chậm: 0,5 điểm\nKhông ban hành = 0")
    assert r == {"kind": "choice", "options": [
        {"key": "ban_hanh_dung_han", "label": "Ban hành đúng hạn", "points": "1"},
        {"key": "ban_hanh_cham", "label": "Ban hành chậm", "points": "0.5"},
        {"key": "khong_ban_hanh", "label": "Không ban hành", "points": "0"}]}
    r, _ = rule("[dung_han] Ban hành đúng hạn: 1\n[cham] Ban hành chậm (0,5 điểm)")
    assert [(o["key"], o["label"], o["points"]) for o in r["options"]] == [
        ("dung_han", "Ban hành đúng hạn", "1"), ("cham", "Ban hành chậm", "0.5")]
    r, _ = rule("Đúng hạn 1 điểm; chậm 0,5 điểm; không thực hiện 0 điểm.")  # the Cà Mau style on one line
    assert [o["points"] for o in r["options"]] == ["1", "0.5", "0"]
    r, _ = rule("- Tốt: 1\n- Tốt: 0,5")  # same label twice: keys kept unique
    assert [o["key"] for o in r["options"]] == ["tot", "tot_2"]


@pytest.mark.parametrize("text, expected", [
    ("Từ 90% trở lên", ("90", None, True, False)),
    ("90% trở lên", ("90", None, True, False)),
    ("≥ 90%", ("90", None, True, False)),
    ("Trên 90%", ("90", None, False, False)),
    ("> 90 %", ("90", None, False, False)),
    ("Dưới 70%", (None, "70", True, False)),
    ("< 70%", (None, "70", True, False)),
    ("Từ 70% trở xuống", (None, "70", True, True)),
    ("≤ 70%", (None, "70", True, True)),
    ("Từ 70% đến dưới 90%", ("70", "90", True, False)),
    ("Từ 70% đến 90%", ("70", "90", True, True)),
    ("Trên 70% đến 90%", ("70", "90", False, True)),
    ("Trên 70% đến dưới 90%", ("70", "90", False, False)),
    ("Tỷ lệ hồ sơ đúng hạn từ 95,5% trở lên", ("95.5", None, True, False)),
    ("Đạt 100%", ("100", "100", True, True)),
    ("Bằng 100%", ("100", "100", True, True)),
    ("Mọi tỷ lệ", (None, None, True, False)),
    ("Trên 90% kế hoạch", ("90", None, False, False)),
    ("Từ 70% - 90% nhiệm vụ", ("70", "90", True, True)),
])
def test_one_percentage_band(text: str, expected: tuple) -> None:
    t = parse_tier(text, D(1))
    assert t is not None
    assert (plain(t.low), plain(t.high), t.low_inclusive, t.high_inclusive) == expected


def test_a_label_with_a_percentage_is_not_a_band() -> None:
    assert parse_tier("Hoàn thành từ 80% nội dung trở lên", D(1)) is None
    assert parse_tier("Từ 3 hình thức trở lên", D(1)) is None


def test_percent_tiers_and_coverage_of_ranges_written_with_a_dash() -> None:
    assert tiers("Trên 90%: 2; 70-90%: 1; <70%: 0") == [
        ("90", None, False, False, "2"), ("70", "90", True, True, "1"), (None, "70", True, False, "0")]
    assert tiers("≥ 90%: 2\n70 - 90%: 1\nDưới 70%: 0") == [  # 90 already belongs to the first band
        ("90", None, True, False, "2"), ("70", "90", True, False, "1"), (None, "70", True, False, "0")]
    assert tiers("0-70%: 0\n70-90%: 1\n90-100%: 2") == [
        ("0", "70", True, False, "0"), ("70", "90", True, False, "1"), ("90", "100", True, True, "2")]


def test_reversed_tiers_are_not_monotonic_and_parameter_lines() -> None:
    r, _ = rule("Dưới 5%: 2\nTừ 5% đến 10%: 1\nTrên 10%: 0", "2")
    assert r["monotonic"] is False
    r, _ = rule("Nhập: Tỷ lệ giải ngân (%)\nKhông đơn điệu: điểm có thể giảm khi tỷ lệ tăng\nMọi tỷ lệ: 1")
    assert (r["unit_label"], r["monotonic"]) == ("Tỷ lệ giải ngân (%)", False)


def test_ratio_tiers() -> None:
    r, _ = rule("Tỷ lệ = Số hồ sơ đúng hạn / Số hồ sơ đã giải quyết × 100%\nBằng 100%: 2\nDưới 100%: 0", "2")
    assert (r["kind"], r["numerator_label"], r["denominator_label"]) == (
        "ratio_tiers", "Số hồ sơ đúng hạn", "Số hồ sơ đã giải quyết")


@pytest.mark.parametrize("text, yes, no", [
    ("Đạt: 1; Không đạt: 0", "Đạt", "Không đạt"),
    ("Có: 1\nKhông: 0", "Có", "Không"),
    ("Có ban hành: 1\nKhông ban hành: 0", "Có ban hành", "Không ban hành"),
    ("Đã thực hiện: 1\nChưa thực hiện: 0", "Đã thực hiện", "Chưa thực hiện"),
    ("Đạt/Không đạt", "Đạt", "Không đạt"),
    ("[Đạt] Không còn việc quá hạn: 1\n[Không đạt] Còn việc quá hạn: 0", "Không còn việc quá hạn", "Còn việc quá hạn"),
])
def test_yes_no(text: str, yes: str, no: str) -> None:
    assert rule(text)[0] == {"kind": "yes_no", "yes_label": yes, "no_label": no}


def test_yes_no_needs_the_full_max() -> None:
    assert rule("Đạt: 0,5; Không đạt: 0")[0]["kind"] == "choice"  # 0.5 of a max of 1: a choice


@pytest.mark.parametrize("text, mx, per, floor", [
    ("Trừ 0,25 điểm/lần vi phạm, tối thiểu 0", "1", "0.25", "0"),
    ("Trừ 0,5 điểm mỗi lần, tối thiểu 0,5 điểm", "1.5", "0.5", "0.5"),
    ("Mỗi báo cáo chậm trừ 0,25 điểm", "1", "0.25", "0"),
    ("Trừ 0,25 điểm cho mỗi báo cáo chậm, trừ tối đa 0,5 điểm", "1", "0.25", "0.5"),
])
def test_deduction(text: str, mx: str, per: str, floor: str) -> None:
    r, _ = rule(text, mx)
    assert (r["kind"], r["per_violation"], r["floor"], r["count_label"]) == ("deduction", per, floor, "Số lần vi phạm")
    r, _ = rule(text + "\nNhập: Số báo cáo chậm", mx)
    assert r["count_label"] == "Số báo cáo chậm"


def test_council_survey_manual_bonus_penalty() -> None:
    assert rule("Hội đồng thẩm định chấm")[0] == {"kind": "council", "step": None}
    assert rule("Tổ thẩm định chấm, bước 0,25")[0] == {"kind": "council", "step": "0.25"}
    assert rule("Do Hội đồng thẩm định chấm căn cứ kết quả kiểm tra")[0]["kind"] == "council"
    assert rule("Điều tra xã hội học")[0] == {"kind": "survey"}
    assert rule("Theo kết quả khảo sát SIPAS")[0] == {"kind": "survey"}
    assert rule("Tự chấm 0–2, bước 0,5", "2")[0] == {"kind": "manual", "step": "0.5"}
    assert rule("Điểm thưởng, bước 0,5", adjustment="")[0] == {"kind": "bonus", "step": "0.5"}
    assert rule("Điểm trừ", adjustment="bonus")[0] == {"kind": "penalty", "step": None}
    assert rule("", adjustment="penalty")[0] == {"kind": "penalty", "step": None}


@pytest.mark.parametrize("line, mode, label", [
    ("Không phát sinh: tính đủ điểm", "full", "Không phát sinh"),
    ("Không phát sinh: không tính", "exclude", "Không phát sinh"),
    ("Không phát sinh hồ sơ: không tính vào điểm tối đa", "exclude", "Không phát sinh hồ sơ"),
    ("Trong năm không có khiếu nại: tính đủ điểm", "full", "Trong năm không có khiếu nại"),
    ("Không áp dụng []: tính đủ điểm", "full", ""),
    ("Nếu không phát sinh thì được tính đủ điểm", "full", "Nếu không phát sinh"),
])
def test_not_applicable_lines(line: str, mode: str, label: str) -> None:
    _, na = rule(f"Đạt: 1; Không đạt: 0\n{line}")
    assert na == {"mode": mode, "label": label}


@pytest.mark.parametrize("text", [
    "Chấm theo mức độ hoàn thành thực tế",
    "Đạt: 1\nKhông đạt: 0\nCăn cứ báo cáo của cơ quan",
    "Hội đồng thẩm định chấm\nĐiều tra xã hội học",
])
def test_lines_not_understood_become_manual_points(text: str) -> None:
    p = parse_lines([Line(t, ref=i) for i, t in enumerate(text.split("\n"))], D(1))
    assert p.fallback and p.rule == {"kind": "manual", "step": None}
    assert p.unknown


def test_not_understood_list_names_the_cell(tmp_path: Path) -> None:
    rows = [["I", "Lĩnh vực", 3, None, None, None],
            ["1.1", "a", 1, "Chấm theo mức độ hoàn thành thực tế", None, "Hướng dẫn"],
            ["1.2", "b", 1, None, None, None],
            [None, "Tốt: 1", None, None, None, None],
            [None, "Tùy tình hình", None, None, None, None],
            ["1.3", "c", 1, "Đạt: 1; Không đạt: 0", None, None],
            [None, "Ghi chú: dòng này ở dưới mục cuối cùng nên là chú thích của bảng", None, None, None, None]]
    result = import_xlsx(write_xlsx(tmp_path / "n.xlsx", rows))
    assert [(w.cell, w.vi) for w in result.not_understood] == [
        ("Bộ tiêu chí!D3", "không hiểu cách chấm: “Chấm theo mức độ hoàn thành thực tế”; mục 1.1 tạm được chấm tự do "
                           "từ 0 đến 1 điểm."),
        ("Bộ tiêu chí!B6", "không hiểu cách chấm: “Tùy tình hình”; mục 1.2 tạm được chấm tự do từ 0 đến 1 điểm."),
    ]
    fw = result.framework
    assert fw.item("1.1").rule.kind == "manual"
    assert fw.item("1.1").guidance == "Hướng dẫn\nCách chấm: Chấm theo mức độ hoàn thành thực tế"


def test_an_item_without_scoring_lines_is_listed(tmp_path: Path) -> None:
    rows = [["I", "Lĩnh vực", 1, None, None, None], ["1.1", "a", 1, None, None, None]]
    result = import_xlsx(write_xlsx(tmp_path / "e.xlsx", rows))
    assert [(w.cell, w.vi) for w in result.not_understood] == [
        ("Bộ tiêu chí!D3", "Chưa ghi cách chấm: mục 1.1 tạm được chấm tự do từ 0 đến 1 điểm.")]
