"""One leaf: which inputs its rule allows, and the points an input earns.  Pure functions.

Inputs by rule kind (the same shapes in the answers file, the database and packages):

    yes_no         true | false
    choice         "option key"
    percent_tiers  a percentage 0..100 (number)
    ratio_tiers    {"numerator": int, "denominator": int}   (0 <= numerator <= denominator, denominator > 0)
    deduction      number of violations (int >= 0)
    manual, council, bonus, penalty   points (number, 0..max, multiple of step)
    survey         points (number, 0..max) - from survey results, never from the agency
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Union

from ..errors import InvalidInput
from ..framework.canonical import number_text
from ..framework.model import (
    ChoiceRule,
    DeductionRule,
    Item,
    PercentTiersRule,
    RatioTiersRule,
    Tier,
    YesNoRule,
)

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def percent(self) -> Decimal:
        return Decimal(self.numerator) * HUNDRED / Decimal(self.denominator)


Value = Union[bool, str, Decimal, int, Ratio]


def _fmt(d: Decimal) -> str:
    return number_text(d)


def _bad(item: Item, vi: str, en: str) -> InvalidInput:
    return InvalidInput(f"Tiêu chí {item.code}: {vi}", f"Item {item.code}: {en}")


def decimal_input(item: Item, raw: Any, what_vi: str, what_en: str) -> Decimal:
    if isinstance(raw, bool) or raw is None:
        raise _bad(item, f"{what_vi} phải là một số.", f"{what_en} must be a number.")
    try:
        if isinstance(raw, float):
            d = Decimal(repr(raw))
        else:
            d = Decimal(str(raw).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise _bad(item, f"“{raw}” không phải là số.", f"'{raw}' is not a number.") from None
    if not d.is_finite():
        raise _bad(item, f"{what_vi} phải là số hữu hạn.", f"{what_en} must be finite.")
    return d


def _count(item: Item, raw: Any, what_vi: str, what_en: str) -> int:
    d = decimal_input(item, raw, what_vi, what_en)
    if d < 0:
        raise _bad(item, f"{what_vi} không được âm (đã nhập {_fmt(d)}).", f"{what_en} cannot be negative ({_fmt(d)}).")
    if d != d.to_integral_value():
        raise _bad(item, f"{what_vi} phải là số nguyên (đã nhập {_fmt(d)}).", f"{what_en} must be a whole number ({_fmt(d)}).")
    if d > 10**9:
        raise _bad(item, f"{what_vi} quá lớn ({_fmt(d)}).", f"{what_en} is too large ({_fmt(d)}).")
    return int(d)


def _points_in_range(item: Item, raw: Any, step: Decimal | None) -> Decimal:
    d = decimal_input(item, raw, "Điểm", "Points")
    if d < 0:
        raise _bad(item, f"điểm không được âm (đã nhập {_fmt(d)}).", f"points cannot be negative ({_fmt(d)}).")
    if d > item.max_points:
        raise _bad(
            item,
            f"điểm {_fmt(d)} vượt điểm tối đa {_fmt(item.max_points)}.",
            f"{_fmt(d)} points exceed the max of {_fmt(item.max_points)}.",
        )
    if step is not None and d % step != 0:
        raise _bad(item, f"điểm phải là bội số của {_fmt(step)} (đã nhập {_fmt(d)}).", f"points must be a multiple of {_fmt(step)}.")
    return d


def parse_value(item: Item, raw: Any) -> Value:
    """Check a raw input (JSON value, or text typed in a field) against the item's rule.

    Returns the typed value, or raises InvalidInput with a message that says what is allowed.
    """
    rule = item.rule
    if rule is None:
        raise _bad(item, "đây là mục tổng hợp, điểm được cộng từ các mục con.", "this item sums its children.")
    if isinstance(rule, YesNoRule):
        if isinstance(raw, bool):
            return raw
        # Typed text may arrive decomposed (NFD, e.g. Unikey's "Unicode tổ hợp"); labels are NFC.
        text = unicodedata.normalize("NFC", str(raw)).strip().lower()
        if text in ("true", "1", "yes", "có", "đạt", rule.yes_label.lower()):
            return True
        if text in ("false", "0", "no", "không", "không đạt", rule.no_label.lower()):
            return False
        raise _bad(item, f"chỉ nhận “{rule.yes_label}” hoặc “{rule.no_label}” (true/false).", "accepts only true or false.")
    if isinstance(rule, ChoiceRule):
        key = unicodedata.normalize("NFC", raw).strip() if isinstance(raw, str) else raw
        if isinstance(key, str) and rule.option(key) is not None:
            return key
        allowed = "; ".join(f"“{o.key}” ({o.label})" for o in rule.options)
        raise _bad(item, f"lựa chọn “{raw}” không có trong quy tắc. Chọn một trong: {allowed}.", f"option '{raw}' is not allowed.")
    if isinstance(rule, PercentTiersRule):
        d = decimal_input(item, raw, "Tỷ lệ", "The percentage")
        if d < 0 or d > HUNDRED:
            raise _bad(item, f"tỷ lệ phải từ 0 đến 100% (đã nhập {_fmt(d)}).", f"the percentage must be 0..100 ({_fmt(d)}).")
        return d
    if isinstance(rule, RatioTiersRule):
        if isinstance(raw, Ratio):
            num, den = raw.numerator, raw.denominator
        elif isinstance(raw, dict) and "numerator" in raw and "denominator" in raw:
            num = _count(item, raw["numerator"], rule.numerator_label, "The numerator")
            den = _count(item, raw["denominator"], rule.denominator_label, "The denominator")
        else:
            raise _bad(item, "cần hai số: tử số và mẫu số.", "needs a numerator and a denominator.")
        if num < 0 or den < 0:
            raise _bad(item, "các số đếm không được âm.", "counts cannot be negative.")
        if den == 0:
            raise _bad(
                item,
                f"“{rule.denominator_label}” bằng 0 nên không tính được tỷ lệ. "
                "Nếu trong năm không phát sinh, hãy chọn “Không phát sinh / không áp dụng” nếu tiêu chí cho phép.",
                f"'{rule.denominator_label}' is 0, so no ratio can be computed; mark the item not applicable if allowed.",
            )
        if num > den:
            raise _bad(
                item,
                f"“{rule.numerator_label}” ({num}) không thể lớn hơn “{rule.denominator_label}” ({den}).",
                f"the numerator ({num}) cannot exceed the denominator ({den}).",
            )
        return Ratio(num, den)
    if isinstance(rule, DeductionRule):
        return _count(item, raw, rule.count_label, "The number of violations")
    return _points_in_range(item, raw, getattr(rule, "step", None))


def tier_points(tiers: tuple[Tier, ...], percent: Decimal) -> Decimal:
    for t in tiers:
        if t.contains(percent):
            return t.points
    return Decimal(0)  # the validator guarantees coverage; 0 is the safe answer otherwise


def points_for(item: Item, value: Value) -> Decimal:
    """Points a valid value earns under the item's rule (0 <= points <= max)."""
    rule = item.rule
    if isinstance(rule, YesNoRule):
        pts = item.max_points if value else Decimal(0)
    elif isinstance(rule, ChoiceRule):
        opt = rule.option(str(value))
        pts = opt.points if opt else Decimal(0)
    elif isinstance(rule, PercentTiersRule):
        assert isinstance(value, Decimal)
        pts = tier_points(rule.tiers, value)
    elif isinstance(rule, RatioTiersRule):
        assert isinstance(value, Ratio)
        pts = tier_points(rule.tiers, value.percent)
    elif isinstance(rule, DeductionRule):
        assert isinstance(value, int)
        pts = max(rule.floor, item.max_points - rule.per_violation * value)
    else:
        assert isinstance(value, Decimal)
        pts = value
    return min(max(pts, Decimal(0)), item.max_points)


def value_to_json(value: Value) -> Any:
    """The JSON shape of a value (numbers as strings would lose nothing, but numbers read better)."""
    if isinstance(value, Ratio):
        return {"numerator": value.numerator, "denominator": value.denominator}
    if isinstance(value, Decimal):
        text = number_text(value)
        return int(text) if "." not in text else float(text) if Decimal(repr(float(text))) == value else text
    return value
