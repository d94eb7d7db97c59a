"""The council's side of scoring: which appraised points a rule allows, the final sheet, the ranking.

Pure: frozen dataclasses in, frozen dataclasses out, Decimal arithmetic, no I/O.

Appraisal is an overlay on the agency's signed answers (never a change to them):
- a leaf the council appraised scores the appraised points (or, appraised "not applicable", what
  the item's N/A mode gives);
- a leaf it has not appraised yet keeps the agency's self points (the council has not disagreed);
- a council-only leaf not yet appraised scores 0; a survey leaf scores the merged survey points (0
  until merged);
- bonus and penalty are capped by the framework, final points stay within 0 .. applicable max;
- index (%) = final points / applicable max x 100, rounded half-up to 0.01; the category is read
  from the rounded index, and equal rounded indexes share a rank (1, 2, 2, 4).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidInput
from ..framework.canonical import number_text
from ..framework.model import (
    Category,
    ChoiceRule,
    DeductionRule,
    Framework,
    Item,
    NaMode,
    PercentTiersRule,
    RatioTiersRule,
    Scorer,
    YesNoRule,
)
from .engine import Answer, LeafResult, ScoreSheet, roll_up, self_leaf
from .rules import decimal_input

ZERO = Decimal(0)
MAX_DEDUCTION_STEPS = 10_000  # a framework with more distinct deduction values is not realistic


@dataclass(frozen=True)
class Appraisal:
    """The council's verdict on one leaf in one round."""

    code: str
    points: Decimal | None  # None when appraised as not applicable
    not_applicable: bool = False
    reason: str = ""
    reviewer: str = ""
    round: int = 1
    at: str = ""


@dataclass(frozen=True)
class AllowedPoints:
    """What an appraiser may enter for a leaf: a set of values, or a range with an optional step."""

    values: tuple[Decimal, ...] | None  # discrete values, ascending; None: a range
    max_points: Decimal
    step: Decimal | None = None

    def allows(self, points: Decimal) -> bool:
        if points < 0 or points > self.max_points:
            return False
        if self.values is not None:
            return points in self.values
        return self.step is None or points % self.step == 0

    def describe_vi(self) -> str:
        if self.values is not None:
            return "; ".join(_vi(v) for v in self.values)
        step = f", bước {_vi(self.step)}" if self.step else ""
        return f"từ 0 đến {_vi(self.max_points)}{step}"

    def describe_en(self) -> str:
        if self.values is not None:
            return "; ".join(number_text(v) for v in self.values)
        step = f", in steps of {number_text(self.step)}" if self.step else ""
        return f"0 to {number_text(self.max_points)}{step}"


def _vi(d: Decimal) -> str:
    return number_text(d).replace(".", ",")


def allowed_points(item: Item) -> AllowedPoints:
    """The points the item's rule can give: an appraised value outside them is refused."""
    rule, top = item.rule, item.max_points
    if isinstance(rule, YesNoRule):
        return AllowedPoints((ZERO, top) if top else (ZERO,), top)
    if isinstance(rule, ChoiceRule):
        return AllowedPoints(tuple(sorted({min(o.points, top) for o in rule.options})), top)
    if isinstance(rule, (PercentTiersRule, RatioTiersRule)):
        return AllowedPoints(tuple(sorted({min(t.points, top) for t in rule.tiers} | {ZERO})), top)
    if isinstance(rule, DeductionRule):
        values, pts = {top}, top
        for _ in range(MAX_DEDUCTION_STEPS):
            if rule.per_violation <= 0 or pts <= rule.floor:
                break
            pts = max(rule.floor, pts - rule.per_violation)
            values.add(max(pts, ZERO))
        return AllowedPoints(tuple(sorted(values)), top)
    return AllowedPoints(None, top, getattr(rule, "step", None))


def check_appraisal(item: Item, raw_points: object, not_applicable: bool = False) -> Decimal | None:
    """The appraised points as a Decimal (None for N/A), or InvalidInput saying what is allowed."""
    where_vi, where_en = f"Tiêu chí {item.code}", f"Item {item.code}"
    if not item.is_leaf or item.rule is None:
        raise InvalidInput(f"{where_vi} là mục tổng hợp: hãy thẩm định từng tiêu chí con.",
                           f"{where_en} sums its children: appraise each sub-item.")
    if item.scorer is Scorer.SURVEY:
        raise InvalidInput(f"{where_vi} lấy điểm từ kết quả điều tra xã hội học: hãy nhập bằng tệp Excel khảo sát.",
                           f"{where_en} is scored by the survey: import the survey Excel file.")
    if not_applicable:
        if item.na_mode is None:
            raise InvalidInput(f"{where_vi} không cho phép “không áp dụng”.", f"{where_en} does not allow not applicable.")
        return None
    points = decimal_input(item, raw_points, "Điểm thẩm định", "The appraised points")
    allowed = allowed_points(item)
    if points < 0:
        raise InvalidInput(f"{where_vi}: điểm thẩm định không được âm (đã nhập {_vi(points)}).",
                           f"{where_en}: appraised points cannot be negative ({number_text(points)}).")
    if points > item.max_points:
        raise InvalidInput(
            f"{where_vi}: điểm thẩm định {_vi(points)} vượt điểm tối đa {_vi(item.max_points)}.",
            f"{where_en}: {number_text(points)} points exceed the max of {number_text(item.max_points)}.")
    if not allowed.allows(points):
        raise InvalidInput(
            f"{where_vi}: quy tắc chấm không cho điểm {_vi(points)}. Điểm hợp lệ: {allowed.describe_vi()}.",
            f"{where_en}: the rule cannot give {number_text(points)} points. Allowed: {allowed.describe_en()}.")
    return points


def appraised_leaf(item: Item, appraisal: Appraisal) -> LeafResult:
    if appraisal.not_applicable:
        if item.na_mode is NaMode.EXCLUDE:
            return LeafResult(points=None, excluded=True)
        return LeafResult(points=item.max_points)
    return LeafResult(points=appraisal.points)


def self_leaves(fw: Framework, answers: Mapping[str, Answer]) -> dict[str, LeafResult]:
    """The agency's own result per leaf, from its answers."""
    return {item.code: self_leaf(fw, item, answers) for item in fw.leaves()}


def self_leaves_from_scores(fw: Framework, points: Mapping[str, Decimal], not_applicable: Iterable[str]) -> dict[str, LeafResult]:
    """The same as `self_leaves`, from what the council stored at import: the recomputed points of
    every node and the codes the agency declared not applicable (no answer is parsed again)."""
    na = set(not_applicable)
    out: dict[str, LeafResult] = {}

    def visit(item: Item, excluded_above: bool) -> None:
        excluded = excluded_above or (item.code in na and item.na_mode is NaMode.EXCLUDE)
        if item.is_leaf:
            out[item.code] = LeafResult(points=None, excluded=True) if excluded else LeafResult(points=points.get(item.code))
        for child in item.children:
            visit(child, excluded)

    for top in (*fw.fields, *fw.adjustments):
        visit(top, False)
    return out


def final_sheet(
    fw: Framework,
    own: Mapping[str, LeafResult],
    appraisals: Mapping[str, Appraisal],
    survey: Mapping[str, Decimal],
) -> ScoreSheet:
    """The agency's final score: its own leaf results overlaid by the effective appraisals and survey.

    `own`: the agency's result per leaf (`self_leaves`); `appraisals`: the effective appraisal per
    leaf (the latest round's).  Every leaf is known to this sheet, so the assessable max equals the
    applicable max and the percent is the index.
    """
    leaves: dict[str, LeafResult] = {}
    for item in fw.leaves():
        a = appraisals.get(item.code)
        if a is not None:
            r = appraised_leaf(item, a)
        elif item.scorer is Scorer.SURVEY:
            r = LeafResult(points=survey.get(item.code))
        elif item.scorer is Scorer.COUNCIL:
            r = LeafResult(points=None)
        else:
            r = own.get(item.code) or LeafResult(points=None)
        leaves[item.code] = LeafResult(points=r.points, excluded=r.excluded, known=True)
    return roll_up(fw, leaves)


def effective_appraisals(appraisals: Iterable[Appraisal]) -> dict[str, Appraisal]:
    """Per leaf, the appraisal of the latest round (round 2 replaces round 1 where it exists)."""
    out: dict[str, Appraisal] = {}
    for a in appraisals:
        prior = out.get(a.code)
        if prior is None or a.round >= prior.round:
            out[a.code] = a
    return out


# ---------------------------------------------------------------- ranking


@dataclass(frozen=True)
class RankInput:
    agency_code: str
    agency_name: str
    final_points: Decimal
    applicable_max: Decimal
    percent: Decimal  # the index, already rounded to 0.01


@dataclass(frozen=True)
class RankEntry:
    rank: int
    agency_code: str
    agency_name: str
    final_points: Decimal
    applicable_max: Decimal
    percent: Decimal
    category: Category | None
    tied_with: tuple[str, ...]  # other agencies with the same index (same rank)


def rank(fw: Framework, entries: Iterable[RankInput]) -> list[RankEntry]:
    """Standard competition ranking on the rounded index: equal indexes share a rank (1, 2, 2, 4).

    Within a tie the order is by agency code, so the table is stable; the tie itself is reported.
    """
    ordered = sorted(entries, key=lambda e: (-e.percent, e.agency_code))
    by_percent: dict[Decimal, list[str]] = {}
    for e in ordered:
        by_percent.setdefault(e.percent, []).append(e.agency_code)
    out: list[RankEntry] = []
    for pos, e in enumerate(ordered, 1):
        shared = bool(out) and out[-1].percent == e.percent
        out.append(RankEntry(
            rank=out[-1].rank if shared else pos,
            agency_code=e.agency_code,
            agency_name=e.agency_name,
            final_points=e.final_points,
            applicable_max=e.applicable_max,
            percent=e.percent,
            category=fw.category_for(e.percent) if e.applicable_max > 0 else None,
            tied_with=tuple(c for c in by_percent[e.percent] if c != e.agency_code),
        ))
    return out
