"""parse_value and points_for for every rule kind, on the mini framework (hand-computed)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from cchc_desktop.core.errors import InvalidInput
from cchc_desktop.core.scoring.rules import Ratio, parse_value, points_for, value_to_json

from .helpers import mini_fw

D = Decimal
FW = mini_fw()


def score(code, raw):
    item = FW.item(code)
    return points_for(item, parse_value(item, raw))


def refused(code, raw) -> InvalidInput:
    with pytest.raises(InvalidInput) as ei:
        parse_value(FW.item(code), raw)
    err = ei.value
    assert err.vi.startswith(f"Tiêu chí {code}:"), err.vi  # the message names the item
    assert err.en.startswith(f"Item {code}:"), err.en
    return err


# ------------------------------------------------------------------ yes_no (1.3, max 1)


@pytest.mark.parametrize(
    "raw, value",
    [(True, True), (False, False), ("true", True), ("false", False), ("1", True), ("0", False),
     ("Đạt", True), ("đạt", True), ("  ĐẠT ", True), ("Không đạt", False), ("có", True), ("không", False),
     ("yes", True), ("no", False), (1, True), (0, False)],
)
def test_yes_no_accepts(raw, value):
    item = FW.item("1.3")
    assert parse_value(item, raw) is value
    assert points_for(item, value) == (D(1) if value else D(0))


@pytest.mark.parametrize("raw", ["maybe", "", 2, None, "đạt một phần"])
def test_yes_no_refuses(raw):
    err = refused("1.3", raw)
    assert "Đạt" in err.vi and "Không đạt" in err.vi


def test_yes_no_accepts_decomposed_unicode():
    item = FW.item("1.3")
    assert parse_value(item, unicodedata.normalize("NFD", "Đạt")) is True
    assert parse_value(item, unicodedata.normalize("NFD", "Không đạt")) is False


# ------------------------------------------------------------------ choice (1.1.1, max 1)


@pytest.mark.parametrize("raw, pts", [("dung_han", "1"), ("cham", "0.5"), ("khong", "0"), ("  cham ", "0.5")])
def test_choice_points(raw, pts):
    assert parse_value(FW.item("1.1.1"), raw) == raw.strip()
    assert score("1.1.1", raw) == D(pts)


@pytest.mark.parametrize("raw", ["CHAM", "Ban hành chậm", "", "khác", 1, None, True])
def test_choice_refuses_unknown_key(raw):
    err = refused("1.1.1", raw)
    assert "“dung_han”" in err.vi and "“cham”" in err.vi and "“khong”" in err.vi  # says what is allowed


# ------------------------------------------------------------------ percent_tiers (1.1.2, max 1)
# tiers: (90; +inf) -> 1, [70; 90] -> 0.5, (-inf; 70) -> 0


@pytest.mark.parametrize(
    "raw, pts",
    [(100, "1"), ("100", "1"), (D("90.01"), "1"), ("90.01", "1"), (95, "1"),
     (90, "0.5"), ("90", "0.5"), ("90.00", "0.5"), (80, "0.5"), (70, "0.5"), ("70,5", "0.5"),
     (D("69.99"), "0"), ("69,99", "0"), (0, "0"), (50.5, "0")],
)
def test_percent_tiers_points(raw, pts):
    assert score("1.1.2", raw) == D(pts)


def test_percent_tiers_inclusive_bounds_exactly():
    assert score("1.1.2", 90) == D("0.5")  # 90 belongs to [70; 90], not to (90; +inf)
    assert score("1.1.2", "90.01") == D(1)
    assert score("1.1.2", 70) == D("0.5")  # 70 is the inclusive low end of the middle tier
    assert score("1.1.2", "69.99") == D(0)


def test_percent_value_is_decimal():
    assert parse_value(FW.item("1.1.2"), "85,5") == D("85.5")
    assert parse_value(FW.item("1.1.2"), 85.5) == D("85.5")


@pytest.mark.parametrize("raw", ["100.01", 101, -1, "-0.01", D("-0.001")])
def test_percent_out_of_range(raw):
    err = refused("1.1.2", raw)
    assert "0 đến 100%" in err.vi


@pytest.mark.parametrize("raw", ["abc", "", "90%", "NaN", "Infinity", None, True, [90]])
def test_percent_not_a_number(raw):
    refused("1.1.2", raw)


# ------------------------------------------------------------------ ratio_tiers (2.1, max 3)
# tiers: [100; 100] -> 3, [90; 100) -> 2, [0; 90) -> 0


@pytest.mark.parametrize(
    "num, den, pts",
    [(100, 100, "3"), (1, 1, "3"), (99, 100, "2"), (90, 100, "2"), (9, 10, "2"), (899, 1000, "0"),
     (89, 100, "0"), (0, 5, "0"), (999_999_999, 1_000_000_000, "2")],
)
def test_ratio_points(num, den, pts):
    item = FW.item("2.1")
    value = parse_value(item, {"numerator": num, "denominator": den})
    assert value == Ratio(num, den)
    assert points_for(item, value) == D(pts)


def test_ratio_bounds_exactly():
    assert score("2.1", {"numerator": 100, "denominator": 100}) == 3
    assert score("2.1", {"numerator": 99, "denominator": 100}) == 2
    assert score("2.1", {"numerator": 90, "denominator": 100}) == 2


def test_ratio_accepts_counts_as_text_and_ratio_objects():
    item = FW.item("2.1")
    assert parse_value(item, {"numerator": "45", "denominator": " 50 "}) == Ratio(45, 50)
    assert parse_value(item, {"numerator": "45.0", "denominator": 50}) == Ratio(45, 50)
    assert parse_value(item, Ratio(3, 4)) == Ratio(3, 4)
    assert Ratio(45, 50).percent == 90


def test_ratio_zero_denominator():
    err = refused("2.1", {"numerator": 0, "denominator": 0})
    assert "Số hồ sơ đã giải quyết" in err.vi and "bằng 0" in err.vi
    refused("2.1", Ratio(0, 0))


def test_ratio_numerator_above_denominator():
    err = refused("2.1", {"numerator": 6, "denominator": 5})
    assert "(6)" in err.vi and "(5)" in err.vi


@pytest.mark.parametrize(
    "raw",
    [{"numerator": -1, "denominator": 5}, {"numerator": 1, "denominator": -5}, Ratio(-1, 5), Ratio(1, -5)],
)
def test_ratio_negative_counts(raw):
    err = refused("2.1", raw)
    assert "âm" in err.vi


@pytest.mark.parametrize(
    "raw", [{"numerator": 2.5, "denominator": 5}, {"numerator": 2, "denominator": "5.5"}]
)
def test_ratio_non_integer_counts(raw):
    err = refused("2.1", raw)
    assert "số nguyên" in err.vi


@pytest.mark.parametrize(
    "raw",
    [{"numerator": "x", "denominator": 5}, {"numerator": 1}, {"denominator": 1}, 0.9, "9/10", None, [9, 10]],
)
def test_ratio_malformed(raw):
    refused("2.1", raw)


# ------------------------------------------------------------------ deduction (1.2, max 1, 0.25 per violation)


@pytest.mark.parametrize(
    "raw, pts", [(0, "1"), (1, "0.75"), (2, "0.5"), ("2", "0.5"), ("2.0", "0.5"), (3, "0.25"), (4, "0"), (5, "0"), (1000, "0")]
)
def test_deduction_points(raw, pts):
    assert score("1.2", raw) == D(pts)


def test_deduction_floor():
    assert score("1.2", 5) == 0  # 1 - 5 x 0.25 = -0.25, floored at 0
    assert score("1.2", 2) == D("0.5")


def test_deduction_value_is_int():
    assert parse_value(FW.item("1.2"), "3") == 3
    assert isinstance(parse_value(FW.item("1.2"), "3"), int)


@pytest.mark.parametrize("raw", [-1, "-2"])
def test_deduction_negative_count(raw):
    err = refused("1.2", raw)
    assert "không được âm" in err.vi


@pytest.mark.parametrize("raw", [1.5, "0.5", D("2.25")])
def test_deduction_non_integer_count(raw):
    err = refused("1.2", raw)
    assert "số nguyên" in err.vi


@pytest.mark.parametrize("raw", ["hai", True, None, "1e10"])
def test_deduction_refuses_other(raw):
    refused("1.2", raw)


# ------------------------------------------------------------------ manual (1.4, max 2, step 0.5)


@pytest.mark.parametrize("raw, pts", [(0, "0"), (0.5, "0.5"), ("1,5", "1.5"), ("2", "2"), (2.0, "2"), (D("1.50"), "1.5")])
def test_manual_points(raw, pts):
    assert score("1.4", raw) == D(pts)


@pytest.mark.parametrize("raw", [2.5, "3", D("2.01")])
def test_manual_above_max(raw):
    err = refused("1.4", raw)
    assert "vượt điểm tối đa 2" in err.vi


@pytest.mark.parametrize("raw", [-0.5, "-1"])
def test_manual_negative(raw):
    err = refused("1.4", raw)
    assert "không được âm" in err.vi


@pytest.mark.parametrize("raw", [0.25, "1.75", "0.1"])
def test_manual_not_a_multiple_of_step(raw):
    err = refused("1.4", raw)
    assert "bội số của 0.5" in err.vi


@pytest.mark.parametrize("raw", ["một", "", "1.5 điểm", None, True, False])
def test_manual_non_numeric(raw):
    refused("1.4", raw)


# ------------------------------------------------------------------ council (2.3, max 2, step 0.5), survey (3.1, max 8)


def test_council_points():
    assert score("2.3", "1.5") == D("1.5")
    assert "bội số của 0.5" in refused("2.3", "1.25").vi
    assert "vượt điểm tối đa 2" in refused("2.3", 3).vi


def test_survey_points_without_step():
    assert score("3.1", "7.33") == D("7.33")
    assert score("3.1", 8) == 8
    assert "vượt điểm tối đa 8" in refused("3.1", "8.01").vi
    assert "không được âm" in refused("3.1", -1).vi


# ------------------------------------------------------------------ bonus / penalty (T.1, T.2: max 1, step 0.5)


def test_bonus_and_penalty_points():
    assert score("T.1", "0.5") == D("0.5")
    assert score("T.2", 1) == 1
    assert "vượt điểm tối đa 1" in refused("T.1", "1.5").vi
    assert "bội số của 0.5" in refused("T.2", "0.25").vi
    assert "không được âm" in refused("T.2", "-0.5").vi


# ------------------------------------------------------------------ inner items, JSON shapes


def test_inner_item_takes_no_value():
    with pytest.raises(InvalidInput) as ei:
        parse_value(FW.item("1.1"), 1)
    assert "1.1" in ei.value.vi


@pytest.mark.parametrize(
    "code, raw",
    [("1.3", True), ("1.1.1", "cham"), ("1.1.2", "85.5"), ("1.1.2", "33.33"), ("2.1", {"numerator": 3, "denominator": 7}),
     ("1.2", 3), ("1.4", "1.5"), ("1.4", 2), ("3.1", "7.1"), ("T.1", "0.5")],
)
def test_value_to_json_round_trip(code, raw):
    item = FW.item(code)
    value = parse_value(item, raw)
    assert parse_value(item, value_to_json(value)) == value
