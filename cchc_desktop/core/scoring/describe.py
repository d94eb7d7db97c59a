"""A scoring rule in plain words, for the editor panel and printed reports."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..framework.canonical import number_text
from ..framework.model import (
    ChoiceRule,
    DeductionRule,
    Item,
    NaMode,
    PercentTiersRule,
    RatioTiersRule,
    Tier,
    YesNoRule,
)


def numbers(lang: str) -> Callable[[Decimal], str]:
    """Vietnamese writes a decimal comma (0,5), English a point."""
    if lang == "en":
        return number_text
    return lambda d: number_text(d).replace(".", ",")


def tier_text(t: Tier, lang: str = "vi") -> str:
    vi = lang != "en"
    n = numbers(lang)
    if t.low is not None and t.high is not None:
        lo = ("từ " if vi else "from ") + n(t.low) + ("%" if t.low_inclusive else "% (không tính)" if vi else "% (exclusive)")
        hi = ("đến " if vi else "to ") + n(t.high) + ("%" if t.high_inclusive else "% (không tính)" if vi else "% (exclusive)")
        span = f"{lo} {hi}"
    elif t.low is not None:
        span = (("từ " if t.low_inclusive else "trên ") if vi else ("≥ " if t.low_inclusive else "> ")) + n(t.low) + "%"
    elif t.high is not None:
        span = (("đến " if t.high_inclusive else "dưới ") if vi else ("≤ " if t.high_inclusive else "< ")) + n(t.high) + "%"
    else:
        span = "mọi giá trị" if vi else "any value"
    return f"{span}: {n(t.points)} " + ("điểm" if vi else "pt")


def describe_rule(item: Item, lang: str = "vi") -> str:
    """One or a few lines saying how the item is scored."""
    vi = lang != "en"
    n = numbers(lang)
    rule = item.rule
    mx = n(item.max_points)
    if rule is None:
        text = (
            f"Tổng điểm các mục con, tối đa {mx} điểm." if vi else f"Sum of the sub-items, at most {mx} points."
        )
    elif isinstance(rule, YesNoRule):
        text = (
            f"{rule.yes_label}: {mx} điểm; {rule.no_label}: 0 điểm." if vi else f"Yes: {mx} points; no: 0 points."
        )
    elif isinstance(rule, ChoiceRule):
        text = "; ".join(f"{o.label}: {n(o.points)}" + (" điểm" if vi else " pt") for o in rule.options) + "."
    elif isinstance(rule, PercentTiersRule):
        head = "Nhập tỷ lệ (%). " if vi else "Enter the percentage. "
        text = head + "; ".join(tier_text(t, lang) for t in rule.tiers) + "."
    elif isinstance(rule, RatioTiersRule):
        head = (
            f"Tỷ lệ = {rule.numerator_label} / {rule.denominator_label} × 100. "
            if vi
            else f"Ratio = {rule.numerator_label} / {rule.denominator_label} × 100. "
        )
        text = head + "; ".join(tier_text(t, lang) for t in rule.tiers) + "."
    elif isinstance(rule, DeductionRule):
        text = (
            f"Tối đa {mx} điểm, trừ {n(rule.per_violation)} điểm cho mỗi lần vi phạm, thấp nhất {n(rule.floor)} điểm."
            if vi
            else f"{mx} points minus {n(rule.per_violation)} per violation, at least {n(rule.floor)}."
        )
    elif rule.kind == "manual":
        step = getattr(rule, "step", None)
        text = (f"Tự chấm từ 0 đến {mx} điểm" if vi else f"Score 0 to {mx} points") + (
            (f", bước {n(step)}." if vi else f", in steps of {n(step)}.") if step else "."
        )
    elif rule.kind == "council":
        text = (
            f"Hội đồng thẩm định chấm (tối đa {mx} điểm). Cơ quan thuyết minh và đính kèm tài liệu kiểm chứng."
            if vi
            else f"Scored by the appraisal council (max {mx}). Explain and attach evidence."
        )
    elif rule.kind == "survey":
        text = (
            f"Điểm từ kết quả điều tra xã hội học (tối đa {mx} điểm); cơ quan không tự chấm."
            if vi
            else f"From the survey results (max {mx}); not self-scored."
        )
    elif rule.kind == "bonus":
        text = f"Điểm thưởng, tối đa {mx} điểm." if vi else f"Bonus, at most {mx} points."
    else:
        text = f"Điểm trừ, tối đa {mx} điểm." if vi else f"Penalty, at most {mx} points."
    if item.na_mode is NaMode.FULL:
        text += (" Nếu không phát sinh: tính đủ điểm." if vi else " If not applicable: full points.")
    elif item.na_mode is NaMode.EXCLUDE:
        text += (
            " Nếu không phát sinh: không tính vào điểm tối đa." if vi else " If not applicable: excluded from the maximum."
        )
    return text
