"""Semantic checks of a framework: each finding says where (item code) and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .codes import CODE_RE, parent_code
from .model import (
    ADJUSTMENT_KINDS,
    ChoiceRule,
    DeductionRule,
    Framework,
    Item,
    PercentTiersRule,
    RatioTiersRule,
    Tier,
)

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class FrameworkProblem:
    where: str
    vi: str
    en: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.vi}"


def _fmt(d: Decimal) -> str:
    from .canonical import number_text

    return number_text(d)


def _tier_problems(where: str, tiers: tuple[Tier, ...], max_points: Decimal, monotonic: bool) -> list[FrameworkProblem]:
    """Tiers must cover 0..100 % exactly once: no gap, no overlap."""
    out: list[FrameworkProblem] = []
    for t in tiers:
        if t.points > max_points:
            out.append(
                FrameworkProblem(
                    where,
                    f"Mức {_span(t)} cho {_fmt(t.points)} điểm, vượt điểm tối đa {_fmt(max_points)}.",
                    f"Tier {_span(t)} gives {_fmt(t.points)} points, above the max {_fmt(max_points)}.",
                )
            )
        if t.low is not None and t.high is not None and (t.low > t.high or (t.low == t.high and not (t.low_inclusive and t.high_inclusive))):
            out.append(FrameworkProblem(where, f"Mức {_span(t)} rỗng.", f"Tier {_span(t)} is empty."))
    # Probe every boundary and the midpoints between them: each must fall in exactly one tier.
    bounds = sorted({Decimal(0), HUNDRED} | {b for t in tiers for b in (t.low, t.high) if b is not None and 0 <= b <= 100})
    probes = list(bounds) + [(a + b) / 2 for a, b in zip(bounds, bounds[1:])]
    for p in sorted(probes):
        hits = [t for t in tiers if t.contains(p)]
        if not hits:
            out.append(
                FrameworkProblem(where, f"Các mức bỏ trống giá trị {_fmt(p)}% (có khoảng hở).", f"The tiers leave {_fmt(p)}% uncovered (a gap).")
            )
        elif len(hits) > 1:
            out.append(
                FrameworkProblem(
                    where,
                    f"Giá trị {_fmt(p)}% thuộc nhiều mức ({', '.join(_span(t) for t in hits)}): các mức chồng lấn.",
                    f"{_fmt(p)}% falls in several tiers ({', '.join(_span(t) for t in hits)}): tiers overlap.",
                )
            )
    if monotonic and not out:
        ordered = sorted(probes)
        pts = [next(t for t in tiers if t.contains(p)).points for p in ordered]
        if any(b < a for a, b in zip(pts, pts[1:])):
            out.append(
                FrameworkProblem(
                    where,
                    "Điểm giảm khi tỷ lệ tăng nhưng quy tắc khai báo “monotonic”: sửa điểm các mức hoặc đặt monotonic = false.",
                    "Points fall as the percentage rises although the rule is declared monotonic.",
                )
            )
    return out


def _span(t: Tier) -> str:
    lo = "" if t.low is None else ("[" if t.low_inclusive else "(") + _fmt(t.low)
    hi = "" if t.high is None else _fmt(t.high) + ("]" if t.high_inclusive else ")")
    return f"{lo or '(-∞'}; {hi or '+∞)'}"


def _check_item(item: Item, where_parent: str | None, out: list[FrameworkProblem], adjustment: bool) -> None:
    where = f"mục {item.code}"
    if item.code and not CODE_RE.match(item.code):
        out.append(FrameworkProblem(where, f"Mã “{item.code}” không đúng dạng (ví dụ: 1, 1.2, 1.2.3).", f"Code '{item.code}' is malformed (e.g. 1, 1.2, 1.2.3)."))
    if where_parent is not None and parent_code(item.code) != where_parent:
        out.append(
            FrameworkProblem(
                where,
                f"Mã “{item.code}” nằm dưới mục {where_parent} nên phải bắt đầu bằng “{where_parent}.”.",
                f"Code '{item.code}' sits under {where_parent} and must start with '{where_parent}.'.",
            )
        )
    rule = item.rule
    if item.na_mode is not None and rule is not None and rule.kind in ("survey", "bonus", "penalty"):
        out.append(
            FrameworkProblem(
                where,
                "Mục điều tra xã hội học và điểm thưởng/trừ không thể “không áp dụng”: cơ quan không tự quyết định các mục này.",
                "Survey and bonus/penalty items cannot be marked not applicable.",
            )
        )
    if rule is not None:
        if (rule.kind in ADJUSTMENT_KINDS) != adjustment:
            if adjustment:
                out.append(FrameworkProblem(where, "Mục điểm thưởng/trừ phải dùng quy tắc “bonus” hoặc “penalty”.", "Adjustment items must use 'bonus' or 'penalty'."))
            else:
                out.append(
                    FrameworkProblem(where, "Quy tắc “bonus”/“penalty” chỉ dùng trong danh sách “adjustments”.", "'bonus'/'penalty' rules belong in 'adjustments'.")
                )
        if item.max_points <= 0:
            out.append(FrameworkProblem(where, "Điểm tối đa của mục lá phải lớn hơn 0.", "A leaf's max must be greater than 0."))
        if isinstance(rule, ChoiceRule):
            keys = [o.key for o in rule.options]
            for dup in sorted({k for k in keys if keys.count(k) > 1}):
                out.append(FrameworkProblem(where, f"Lựa chọn “{dup}” bị trùng.", f"Option '{dup}' is duplicated."))
            for o in rule.options:
                if o.points > item.max_points:
                    out.append(
                        FrameworkProblem(
                            where,
                            f"Lựa chọn “{o.label}” cho {_fmt(o.points)} điểm, vượt điểm tối đa {_fmt(item.max_points)}.",
                            f"Option '{o.label}' gives {_fmt(o.points)}, above the max {_fmt(item.max_points)}.",
                        )
                    )
        elif isinstance(rule, (PercentTiersRule, RatioTiersRule)):
            out.extend(_tier_problems(where, rule.tiers, item.max_points, rule.monotonic))
        elif isinstance(rule, DeductionRule):
            if rule.floor > item.max_points:
                out.append(FrameworkProblem(where, "Mức sàn của quy tắc trừ điểm vượt điểm tối đa.", "The deduction floor exceeds the max."))
        step = getattr(rule, "step", None)
        if step is not None and item.max_points % step != 0:
            out.append(
                FrameworkProblem(
                    where,
                    f"Điểm tối đa {_fmt(item.max_points)} không chia hết cho bước {_fmt(step)}.",
                    f"The max {_fmt(item.max_points)} is not a multiple of the step {_fmt(step)}.",
                )
            )
        return
    child_sum = sum((c.max_points for c in item.children), Decimal(0))
    if child_sum > item.max_points:
        out.append(
            FrameworkProblem(
                where,
                f"Các mục con của {item.code} cộng lại {_fmt(child_sum)} điểm nhưng {item.code} chỉ cho tối đa {_fmt(item.max_points)}.",
                f"The children of {item.code} add up to {_fmt(child_sum)} but {item.code} allows {_fmt(item.max_points)}.",
            )
        )
    elif child_sum < item.max_points:
        out.append(
            FrameworkProblem(
                where,
                f"Các mục con của {item.code} chỉ cộng lại {_fmt(child_sum)} trên tối đa {_fmt(item.max_points)}: mục này không thể đạt đủ điểm.",
                f"The children of {item.code} add up to only {_fmt(child_sum)} of {_fmt(item.max_points)}.",
                warning=True,
            )
        )
    for child in item.children:
        _check_item(child, item.code, out, adjustment)


def validate(fw: Framework) -> list[FrameworkProblem]:
    """All findings; those with warning=False make the framework unusable."""
    out: list[FrameworkProblem] = []
    seen: dict[str, int] = {}
    for item in fw.walk():
        seen[item.code] = seen.get(item.code, 0) + 1
    for code, n in sorted(seen.items()):
        if n > 1 and code:
            out.append(FrameworkProblem(f"mục {code}", f"Mã “{code}” xuất hiện {n} lần: mỗi mục phải có mã riêng.", f"Code '{code}' occurs {n} times."))
    for f in fw.fields:
        if "." in f.code:
            out.append(FrameworkProblem(f"mục {f.code}", "Mã lĩnh vực không được chứa dấu chấm.", "A field code must not contain a dot."))
        _check_item(f, None, out, adjustment=False)
    for a in fw.adjustments:
        if not a.is_leaf:
            out.append(FrameworkProblem(f"mục {a.code}", "Mục điểm thưởng/trừ không có mục con.", "Adjustment items have no children."))
        _check_item(a, None, out, adjustment=True)
    total = sum((f.max_points for f in fw.fields), Decimal(0))
    if total != fw.total:
        out.append(
            FrameworkProblem(
                "bộ tiêu chí",
                f"Tổng điểm tối đa các lĩnh vực là {_fmt(total)}, khác tổng khai báo {_fmt(fw.total)}.",
                f"The fields add up to {_fmt(total)}, not the declared total {_fmt(fw.total)}.",
            )
        )
    if not fw.categories:
        out.append(FrameworkProblem("xếp loại", "Cần ít nhất một xếp loại.", "At least one category is needed."))
    else:
        mins = [c.min_percent for c in fw.categories]
        if any(b >= a for a, b in zip(mins, mins[1:])):
            out.append(
                FrameworkProblem(
                    "xếp loại",
                    "Các xếp loại phải xếp từ cao xuống thấp với ngưỡng giảm dần (ví dụ Tốt 80, Khá 65, Trung bình 50, Yếu 0).",
                    "Categories must go from highest to lowest with falling cut-offs.",
                )
            )
        if mins[-1] != 0:
            out.append(
                FrameworkProblem("xếp loại", "Xếp loại thấp nhất phải bắt đầu từ 0%.", "The lowest category must start at 0%.")
            )
        if any(m > HUNDRED for m in mins):
            out.append(FrameworkProblem("xếp loại", "Ngưỡng xếp loại không được vượt 100%.", "A cut-off cannot exceed 100%."))
        keys = [c.key for c in fw.categories]
        if len(set(keys)) != len(keys):
            out.append(FrameworkProblem("xếp loại", "Mã xếp loại bị trùng.", "Duplicate category keys."))
    if fw.adjustments:
        kinds = {a.rule.kind for a in fw.adjustments if a.rule is not None}
        if "bonus" in kinds and fw.bonus_cap <= 0:
            out.append(FrameworkProblem("bộ tiêu chí", "Có mục điểm thưởng nhưng “bonus_cap” bằng 0.", "Bonus items exist but 'bonus_cap' is 0."))
        if "penalty" in kinds and fw.penalty_cap <= 0:
            out.append(FrameworkProblem("bộ tiêu chí", "Có mục điểm trừ nhưng “penalty_cap” bằng 0.", "Penalty items exist but 'penalty_cap' is 0."))
    return out
