"""The framework reader and validator: every error kind is refused, located and explained."""

from __future__ import annotations

import json

import pytest

from cchc_desktop.core.errors import InvalidFramework, UserFacingError
from cchc_desktop.core.framework.canonical import canonical_bytes, framework_hash
from cchc_desktop.core.framework.codes import display_code, from_roman, parent_code, sort_key, to_roman
from cchc_desktop.core.framework.load import load_framework, parse_framework
from cchc_desktop.core.framework.model import NaMode, Scorer

from .helpers import describe, find, has_problem, mini_doc, mini_fw, problems_of, to_text

# ------------------------------------------------------------------ the reference document


def test_mini_framework_is_valid_and_shaped_as_documented():
    fw = mini_fw()
    assert fw.id == "test-mini"
    assert fw.total == 20
    assert [f.code for f in fw.fields] == ["1", "2", "3"]
    assert [a.code for a in fw.adjustments] == ["T.1", "T.2"]
    assert fw.item("1.1.2").depth == 3
    assert fw.item("2.1").na_mode is NaMode.EXCLUDE
    assert fw.item("2.2").na_mode is NaMode.FULL
    assert fw.item("2.3").scorer is Scorer.COUNCIL
    assert fw.item("3.1").scorer is Scorer.SURVEY
    assert fw.parent_of("1.1.2").code == "1.1"
    assert len(fw.sha256) == 64 and fw.sha256 == framework_hash(fw)


def test_unchanged_document_parses():
    fw, warnings = parse_framework(to_text(mini_doc()))
    assert warnings == []
    assert fw.sha256 == mini_fw().sha256


# ------------------------------------------------------------------ one test per error kind


def test_duplicate_codes():
    doc = mini_doc()
    find(doc, "1.3")["code"] = "1.2"
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.2", "1.2", "2 lần"), describe(problems)


def test_children_adding_up_to_more_than_the_parent():
    doc = mini_doc()
    item = find(doc, "1.1.2")
    item["max"] = 1.5  # 1.1 now holds 1 + 1.5 = 2.5 > 2
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1", "1.1", "2.5", "tối đa 2"), describe(problems)
    # the message names the parent code and both numbers
    msg = next(p.vi for p in problems if p.where == "mục 1.1")
    assert "cộng lại 2.5 điểm" in msg and "chỉ cho tối đa 2" in msg


def test_field_children_exceed_field_max():
    doc = mini_doc()
    find(doc, "2")["max"] = 5
    doc["total"] = 19
    problems = problems_of(doc)
    assert has_problem(problems, "mục 2", "cộng lại 6", "tối đa 5"), describe(problems)


def test_unknown_rule_kind():
    doc = mini_doc()
    find(doc, "1.3")["rule"]["kind"] = "bogus"
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.3", "“bogus”", "không được hỗ trợ"), describe(problems)


def test_overlapping_tiers():
    doc = mini_doc()
    # middle tier now runs [70; 95]: 90..95 falls both in it and in (90; +inf)
    find(doc, "1.1.2")["rule"]["tiers"][1]["max"] = 95
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1.2", "chồng lấn"), describe(problems)
    assert has_problem(problems, "mục 1.1.2", "92.5%"), describe(problems)


def test_gapped_tiers():
    doc = mini_doc()
    # the lowest tier now stops at 60: 60..70 is covered by no tier
    find(doc, "1.1.2")["rule"]["tiers"][2]["max"] = 60
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1.2", "khoảng hở", "60%"), describe(problems)
    assert has_problem(problems, "mục 1.1.2", "khoảng hở", "65%"), describe(problems)


def test_gap_of_a_single_point_at_an_exclusive_bound():
    doc = mini_doc()
    # (90; +inf) and [70; 90) leave exactly 90 uncovered
    find(doc, "1.1.2")["rule"]["tiers"][1]["max_inclusive"] = False
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1.2", "khoảng hở", "90%"), describe(problems)


def test_empty_tier():
    doc = mini_doc()
    tiers = find(doc, "2.1")["rule"]["tiers"]
    tiers[0]["max_inclusive"] = False  # [100; 100) is empty
    problems = problems_of(doc)
    assert has_problem(problems, "mục 2.1", "rỗng"), describe(problems)


def test_tier_points_above_max():
    doc = mini_doc()
    find(doc, "1.1.2")["rule"]["tiers"][0]["points"] = 2
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1.2", "2 điểm", "vượt điểm tối đa 1"), describe(problems)


def test_non_monotonic_tiers_declared_monotonic():
    doc = mini_doc()
    tiers = find(doc, "1.1.2")["rule"]["tiers"]
    tiers[0]["points"], tiers[2]["points"] = 0, 1
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1.2", "monotonic"), describe(problems)
    # ... and accepted once declared non-monotonic
    find(doc, "1.1.2")["rule"]["monotonic"] = False
    fw, warnings = parse_framework(to_text(doc))
    assert warnings == []
    assert fw.item("1.1.2").rule.monotonic is False


def test_choice_option_above_max():
    doc = mini_doc()
    find(doc, "1.1.1")["rule"]["options"][0]["points"] = 1.5
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1.1", "Ban hành đúng hạn", "1.5", "vượt điểm tối đa 1"), describe(problems)


def test_duplicate_choice_keys():
    doc = mini_doc()
    find(doc, "1.1.1")["rule"]["options"][1]["key"] = "dung_han"
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1.1", "“dung_han”", "trùng"), describe(problems)


def test_categories_out_of_order():
    doc = mini_doc()
    cats = doc["categories"]
    cats[0], cats[1] = cats[1], cats[0]
    problems = problems_of(doc)
    assert has_problem(problems, "xếp loại", "cao xuống thấp"), describe(problems)


def test_categories_with_equal_cut_offs():
    doc = mini_doc()
    doc["categories"][1]["min_percent"] = 80
    problems = problems_of(doc)
    assert has_problem(problems, "xếp loại", "giảm dần"), describe(problems)


def test_lowest_category_not_zero():
    doc = mini_doc()
    doc["categories"][-1]["min_percent"] = 10
    problems = problems_of(doc)
    assert has_problem(problems, "xếp loại", "thấp nhất", "0%"), describe(problems)


def test_no_category():
    doc = mini_doc()
    doc["categories"] = []
    problems = problems_of(doc)
    assert has_problem(problems, "xếp loại", "ít nhất một xếp loại"), describe(problems)


def test_fields_not_adding_up_to_total():
    doc = mini_doc()
    doc["total"] = 21
    problems = problems_of(doc)
    assert has_problem(problems, "bộ tiêu chí", "20", "21"), describe(problems)


def test_child_code_not_prefixed_by_parent_code():
    doc = mini_doc()
    find(doc, "1.3")["code"] = "2.9"
    problems = problems_of(doc)
    assert has_problem(problems, "mục 2.9", "“2.9”", "mục 1", "“1.”"), describe(problems)


def test_child_code_skipping_a_level():
    doc = mini_doc()
    find(doc, "1.3")["code"] = "1.1.9"  # sits under 1, not under 1.1
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1.9", "“1.1.9”", "mục 1"), describe(problems)


def test_malformed_code():
    doc = mini_doc()
    find(doc, "1.3")["code"] = "1.a"
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.a", "không đúng dạng"), describe(problems)


def test_field_code_with_a_dot():
    doc = mini_doc()
    field = find(doc, "3")
    field["code"] = "3.0"
    field["children"][0]["code"] = "3.0.1"
    problems = problems_of(doc)
    assert has_problem(problems, "mục 3.0", "dấu chấm"), describe(problems)


def test_bad_json_syntax_names_line_and_column():
    text = '{\n  "format": "cchc-framework",\n  "id": ,\n}'
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].where == "dòng 3, cột 9"
    assert "Lỗi cú pháp JSON" in problems[0].vi


def test_bad_json_in_a_real_document_points_at_the_right_line():
    lines = json.dumps(mini_doc(), indent=2, ensure_ascii=False).splitlines()
    n = next(i for i, line in enumerate(lines) if '"code": "1.3"' in line)
    lines[n] = lines[n].replace('"1.3",', '"1.3"')  # missing comma
    problems = problems_of("\n".join(lines))
    # the parser notices on the next line (1-based: n + 2), at the opening quote of "title"
    title_col = lines[n + 1].index('"title"') + 1
    assert problems[0].where == f"dòng {n + 2}, cột {title_col}"
    assert "Lỗi cú pháp JSON" in problems[0].vi


def test_non_utf8_bytes():
    with pytest.raises(InvalidFramework) as ei:
        parse_framework(b'{"format": "cchc-framework", "title": "\xe0\xff"}')
    assert "UTF-8" in ei.value.problems[0].vi


def test_utf8_bom_is_accepted():
    fw, _ = parse_framework(b"\xef\xbb\xbf" + to_text(mini_doc()).encode("utf-8"))
    assert fw.sha256 == mini_fw().sha256


def test_not_an_object():
    problems = problems_of("[1, 2]")
    assert has_problem(problems, "tệp", "đối tượng JSON"), describe(problems)


def test_wrong_format_name():
    doc = mini_doc()
    doc["format"] = "excel-export"
    problems = problems_of(doc)
    assert has_problem(problems, "tệp", "“excel-export”", "“cchc-framework”"), describe(problems)


def test_unsupported_format_version():
    doc = mini_doc()
    doc["format_version"] = 2
    problems = problems_of(doc)
    assert has_problem(problems, "tệp", "Phiên bản định dạng 2", "cập nhật"), describe(problems)


def test_bonus_item_inside_the_tree():
    doc = mini_doc()
    find(doc, "1.3")["rule"] = {"kind": "bonus", "step": 0.5}
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.3", "“bonus”", "“adjustments”"), describe(problems)


def test_scored_item_among_adjustments():
    doc = mini_doc()
    find(doc, "T.1")["rule"] = {"kind": "yes_no"}
    problems = problems_of(doc)
    assert has_problem(problems, "mục T.1", "“bonus”", "“penalty”"), describe(problems)


def test_missing_title():
    doc = mini_doc()
    del find(doc, "1.4")["title"]
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.4", "Thiếu “title”"), describe(problems)


def test_missing_code_is_located_by_position():
    doc = mini_doc()
    del find(doc, "1.4")["code"]
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1 > con 4", "Thiếu “code”"), describe(problems)


def test_missing_max():
    doc = mini_doc()
    del find(doc, "1.3")["max"]
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.3", "Thiếu “max”"), describe(problems)


def test_negative_max():
    doc = mini_doc()
    find(doc, "1.3")["max"] = -1
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.3", "không được âm"), describe(problems)


def test_leaf_without_rule():
    doc = mini_doc()
    del find(doc, "1.3")["rule"]
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.3", "“rule”"), describe(problems)


def test_item_with_both_rule_and_children():
    doc = mini_doc()
    find(doc, "1.1")["rule"] = {"kind": "yes_no"}
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.1", "“rule”", "“children”"), describe(problems)


def test_bad_not_applicable_mode():
    doc = mini_doc()
    find(doc, "2.1")["not_applicable"]["mode"] = "skip"
    problems = problems_of(doc)
    assert has_problem(problems, "mục 2.1", "“full”", "“exclude”"), describe(problems)


def test_step_not_dividing_max():
    doc = mini_doc()
    find(doc, "1.4")["rule"]["step"] = 0.75
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.4", "không chia hết", "0.75"), describe(problems)


def test_deduction_floor_above_max():
    doc = mini_doc()
    find(doc, "1.2")["rule"]["floor"] = 2
    problems = problems_of(doc)
    assert has_problem(problems, "mục 1.2", "sàn"), describe(problems)


def test_bonus_items_without_cap():
    doc = mini_doc()
    doc["bonus_cap"] = 0
    problems = problems_of(doc)
    assert has_problem(problems, "bộ tiêu chí", "“bonus_cap”"), describe(problems)


def test_invalid_level_and_year():
    doc = mini_doc()
    doc["level"] = "tinh"
    doc["year"] = 1999
    problems = problems_of(doc)
    assert has_problem(problems, "bộ tiêu chí", "“tinh”"), describe(problems)
    assert has_problem(problems, "bộ tiêu chí", "1999"), describe(problems)


def test_all_validation_errors_are_listed_at_once():
    doc = mini_doc()
    doc["total"] = 21
    find(doc, "1.3")["code"] = "1.2"
    find(doc, "1.1.1")["rule"]["options"][0]["points"] = 3
    problems = problems_of(doc)
    assert has_problem(problems, "bộ tiêu chí", "21")
    assert has_problem(problems, "mục 1.2", "2 lần")
    assert has_problem(problems, "mục 1.1.1", "vượt điểm tối đa")
    assert not any(p.warning for p in problems)


def test_invalid_framework_message_lists_every_problem():
    doc = mini_doc()
    doc["total"] = 21
    with pytest.raises(InvalidFramework) as ei:
        parse_framework(to_text(doc))
    assert ei.value.exit_code == 2
    assert ei.value.vi.startswith("Bộ tiêu chí không hợp lệ")
    assert all(p.vi in ei.value.vi for p in ei.value.problems)


# ------------------------------------------------------------------ warnings


def test_children_summing_to_less_than_parent_is_a_warning():
    doc = mini_doc()
    find(doc, "1")["max"] = 7
    doc["total"] = 21
    fw, findings = parse_framework(to_text(doc))
    assert fw.item("1").max_points == 7
    assert len(findings) == 1
    w = findings[0]
    assert w.warning is True
    assert w.where == "mục 1"
    assert "6" in w.vi and "7" in w.vi


def test_non_strict_returns_errors_with_warnings():
    doc = mini_doc()
    find(doc, "1")["max"] = 7  # warning; total still 20: error
    fw, findings = parse_framework(to_text(doc), strict=False)
    assert {p.warning for p in findings} == {True, False}
    assert has_problem([p for p in findings if not p.warning], "bộ tiêu chí", "21", "20")


# ------------------------------------------------------------------ load_framework


def test_load_framework_from_a_file(tmp_path):
    path = tmp_path / "fw.json"
    path.write_text(to_text(mini_doc()), encoding="utf-8")
    assert load_framework(path).sha256 == mini_fw().sha256


def test_load_framework_missing_file_names_it(tmp_path):
    path = tmp_path / "khong-co.json"
    with pytest.raises(UserFacingError) as ei:
        load_framework(path)
    assert "khong-co.json" in ei.value.vi


# ------------------------------------------------------------------ canonical form


def test_canonical_hash_ignores_layout_and_number_spelling():
    doc = mini_doc()
    text = json.dumps(doc, indent=4, ensure_ascii=True)
    text = text.replace('"max": 8', '"max": 8.00').replace('"total": 20', '"total": 2E1')
    fw, _ = parse_framework(text)
    assert fw.sha256 == mini_fw().sha256


def test_canonical_form_reparses_to_the_same_hash():
    fw = mini_fw()
    again, _ = parse_framework(canonical_bytes(fw))
    assert again.sha256 == fw.sha256
    assert canonical_bytes(again) == canonical_bytes(fw)


def test_canonical_hash_changes_with_meaning():
    doc = mini_doc()
    find(doc, "1.3")["title"] = "Tuyên truyền"
    fw, _ = parse_framework(to_text(doc))
    assert fw.sha256 != mini_fw().sha256


def test_canonical_hash_ignores_unicode_normalisation_and_padding():
    import unicodedata

    doc = mini_doc()
    doc["title"] = "  " + unicodedata.normalize("NFD", doc["title"]) + " "
    fw, _ = parse_framework(to_text(doc))
    assert fw.sha256 == mini_fw().sha256


# ------------------------------------------------------------------ codes.py


@pytest.mark.parametrize("n", range(1, 40))
def test_roman_round_trip(n):
    assert from_roman(to_roman(n)) == n
    assert from_roman(to_roman(n).lower()) == n


def test_roman_known_values():
    assert [to_roman(n) for n in (1, 4, 8, 9, 14, 19, 39)] == ["I", "IV", "VIII", "IX", "XIV", "XIX", "XXXIX"]
    assert from_roman(" vii ") == 7


@pytest.mark.parametrize("text", ["", "  ", "IIII", "VV", "IIV", "ABC", "12", "VX"])
def test_from_roman_refuses_non_numerals(text):
    assert from_roman(text) is None


def test_sort_key_natural_order():
    codes = ["10", "2", "1.10", "T.1", "1.2", "1", "1.1.1", "1.1.10", "1.1.2", "1.1", "3.1"]
    assert sorted(codes, key=sort_key) == ["1", "1.1", "1.1.1", "1.1.2", "1.1.10", "1.2", "1.10", "2", "3.1", "10", "T.1"]


def test_display_and_parent_code():
    assert display_code("3") == "III"
    assert display_code("3.1") == "3.1"
    assert parent_code("1.2.3") == "1.2"
    assert parent_code("1") is None
