"""Roll-up: leaf results -> criterion, field and total scores, percent, category, problems.

Pure: frozen dataclasses in, frozen dataclasses out, Decimal arithmetic, no I/O.

Definitions (docs/scoring.md explains them to users):
- applicable max: the max minus items that are not applicable with mode "exclude";
- assessable max: the applicable max of items whose points are known to this sheet (for the
  agency's self-assessment: everything but council-only and survey items, which are pending);
- a parent's points are the sum of its children's, capped at its applicable max;
- the final points add bonus and subtract penalty, each capped by the framework, and stay within
  0 .. assessable max; percent = final points / assessable max x 100, rounded half-up to 0.01;
  the category is read from the rounded percent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

from ..framework.model import Category, Framework, Item, NaMode, Scorer
from .rules import Value, parse_value, points_for

ZERO = Decimal(0)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Answer:
    """What the agency entered for one leaf (the stored, typed form)."""

    code: str
    value: Value | None = None
    not_applicable: bool = False
    na_reason: str = ""
    note: str = ""  # explanation (thuyết minh)
    evidence_count: int = 0

    @property
    def answered(self) -> bool:
        return self.not_applicable or self.value is not None


@dataclass(frozen=True)
class LeafResult:
    """The points of one leaf as this sheet knows them."""

    points: Decimal | None  # None: unanswered or pending
    excluded: bool = False  # not applicable with mode "exclude"
    known: bool = True  # False: pending (scored by someone else), counts in applicable max only


@dataclass(frozen=True)
class NodeScore:
    code: str
    max_points: Decimal
    applicable_max: Decimal
    assessable_max: Decimal
    points: Decimal
    answered: int  # leaves answered (or N/A) below this node, among those this sheet scores
    to_answer: int  # leaves this sheet scores below this node

    @property
    def complete(self) -> bool:
        return self.answered == self.to_answer


@dataclass(frozen=True)
class Problem:
    """Something to fix before submitting; `code` links to the item."""

    code: str
    kind: str  # unanswered | missing_evidence | na_without_reason | invalid_value (the engine's);
    # to_confirm (carried over from last year) is added by the agency service, not by the engine
    vi: str
    en: str


@dataclass(frozen=True)
class ScoreSheet:
    framework_hash: str
    nodes: Mapping[str, NodeScore]
    fields: tuple[NodeScore, ...]
    base_points: Decimal  # sum of the fields
    bonus: Decimal  # after the cap
    penalty: Decimal  # after the cap
    final_points: Decimal
    max_points: Decimal
    applicable_max: Decimal
    assessable_max: Decimal
    percent: Decimal
    category: Category | None
    answered: int
    to_answer: int
    problems: tuple[Problem, ...] = field(default=())

    def node(self, code: str) -> NodeScore:
        return self.nodes[code]


def leaf_result(item: Item, answer: Answer | None, scorer: Scorer = Scorer.AGENCY) -> LeafResult:
    """The points of a leaf from the answer of `scorer`; other scorers' leaves are pending.

    An N/A claim on a leaf someone else scores (council, survey) stays pending too: only the
    one who scores an item can declare it not applicable.
    """
    is_adjustment = item.rule is not None and item.rule.kind in ("bonus", "penalty")
    if item.scorer is not scorer and not is_adjustment:
        return LeafResult(points=None, known=False)
    if answer is not None and answer.not_applicable and item.na_mode is not None:
        if item.na_mode is NaMode.EXCLUDE:
            return LeafResult(points=None, excluded=True)
        return LeafResult(points=item.max_points)
    if answer is None or answer.value is None:
        return LeafResult(points=None)
    try:
        return LeafResult(points=points_for(item, parse_value(item, answer.value)))
    except Exception:  # noqa: BLE001 - a stale value the rule no longer accepts scores nothing
        return LeafResult(points=None)  # and self_assessment_problems reports it


def roll_up(fw: Framework, leaves: Mapping[str, LeafResult], problems: tuple[Problem, ...] = ()) -> ScoreSheet:
    """Sum leaf results up the tree.  Leaves missing from `leaves` count as unanswered."""
    nodes: dict[str, NodeScore] = {}

    def visit(item: Item) -> NodeScore:
        if item.is_leaf:
            r = leaves.get(item.code, LeafResult(points=None))
            applicable = ZERO if r.excluded else item.max_points
            assessable = applicable if r.known else ZERO
            pts = min(r.points, applicable) if (r.points is not None and r.known) else ZERO
            counted = 1 if r.known else 0
            answered = 1 if r.known and (r.points is not None or r.excluded) else 0
            ns = NodeScore(item.code, item.max_points, applicable, assessable, pts, answered, counted)
        else:
            kids = [visit(c) for c in item.children]
            # The max minus what the children gave up (N/A excluded, or pending): a shortfall of
            # the children's maxima (a validator warning) stays in the maximum, it is not forgiven.
            applicable = max(ZERO, item.max_points - sum((k.max_points - k.applicable_max for k in kids), ZERO))
            assessable = max(ZERO, applicable - sum((k.applicable_max - k.assessable_max for k in kids), ZERO))
            pts = min(applicable, sum((k.points for k in kids), ZERO))
            ns = NodeScore(
                item.code,
                item.max_points,
                applicable,
                assessable,
                pts,
                sum(k.answered for k in kids),
                sum(k.to_answer for k in kids),
            )
        nodes[item.code] = ns
        return ns

    fields = tuple(visit(f) for f in fw.fields)
    adj = tuple(visit(a) for a in fw.adjustments)
    bonus_raw = sum((n.points for n, a in zip(adj, fw.adjustments) if a.rule and a.rule.kind == "bonus"), ZERO)
    penalty_raw = sum((n.points for n, a in zip(adj, fw.adjustments) if a.rule and a.rule.kind == "penalty"), ZERO)
    bonus = min(bonus_raw, fw.bonus_cap)
    penalty = min(penalty_raw, fw.penalty_cap)
    base = sum((f.points for f in fields), ZERO)
    max_points = sum((f.max_points for f in fields), ZERO)
    applicable = sum((f.applicable_max for f in fields), ZERO)
    assessable = sum((f.assessable_max for f in fields), ZERO)
    final = min(assessable, max(ZERO, base + bonus - penalty))
    percent = (final * 100 / assessable).quantize(CENT, ROUND_HALF_UP) if assessable > 0 else ZERO
    return ScoreSheet(
        framework_hash=fw.sha256,
        nodes=nodes,
        fields=fields,
        base_points=base,
        bonus=bonus,
        penalty=penalty,
        final_points=final,
        max_points=max_points,
        applicable_max=applicable,
        assessable_max=assessable,
        percent=percent,
        category=fw.category_for(percent) if assessable > 0 else None,
        # Bonus and penalty claims are optional: they never count as work left to do.
        answered=sum(f.answered for f in fields),
        to_answer=sum(f.to_answer for f in fields),
        problems=problems,
    )


def self_assessment_problems(
    fw: Framework, answers: Mapping[str, Answer], own: Mapping[str, Answer] | None = None
) -> tuple[Problem, ...]:
    """What the agency must fix (or knowingly submit with), in framework order.

    `answers` are the effective leaf answers; `own` the answers as entered (to tell an N/A
    inherited from a parent from one entered on the leaf itself).
    """
    own = answers if own is None else own
    out: list[Problem] = []
    for item in fw.walk():
        a = own.get(item.code)
        if not item.is_leaf and a is not None and a.not_applicable and item.na_mode is not None and not a.na_reason.strip():
            out.append(Problem(item.code, "na_without_reason", f"{item.code}: chọn “không áp dụng” nhưng chưa ghi lý do.", f"{item.code}: not applicable without a reason."))
    for item in fw.leaves():
        scorer = item.scorer
        if scorer is Scorer.SURVEY:
            continue
        a = answers.get(item.code)
        if a is not None and a.not_applicable:
            if item.code not in own or not own[item.code].not_applicable:
                continue  # inherited from an N/A parent, reported there
            if item.na_mode is None:
                out.append(Problem(item.code, "invalid_value", f"{item.code}: tiêu chí này không cho phép “không áp dụng”.", f"{item.code}: not applicable is not allowed."))
            elif not a.na_reason.strip():
                out.append(Problem(item.code, "na_without_reason", f"{item.code}: chọn “không áp dụng” nhưng chưa ghi lý do.", f"{item.code}: not applicable without a reason."))
            continue
        is_adjustment = item.rule is not None and item.rule.kind in ("bonus", "penalty")
        if scorer is Scorer.AGENCY and not is_adjustment:
            if a is None or a.value is None:
                out.append(Problem(item.code, "unanswered", f"{item.code}: chưa nhập kết quả tự đánh giá.", f"{item.code}: not answered yet."))
                continue
            try:
                parse_value(item, a.value)
            except Exception:  # noqa: BLE001 - any stored value the rule no longer accepts is a problem to show
                out.append(Problem(item.code, "invalid_value", f"{item.code}: giá trị đã nhập không còn hợp lệ theo quy tắc, hãy nhập lại.", f"{item.code}: the stored value is not valid for the rule."))
                continue
        claimed = is_adjustment and a is not None and a.value not in (None, ZERO)
        needs_evidence = item.evidence.required and (not is_adjustment or claimed)
        if needs_evidence and (a is None or a.evidence_count == 0) and not (a and a.note.strip()):
            out.append(
                Problem(
                    item.code,
                    "missing_evidence",
                    f"{item.code}: thiếu tài liệu kiểm chứng và chưa có thuyết minh lý do.",
                    f"{item.code}: no evidence and no explanation.",
                )
            )
    return tuple(out)


def effective_answers(fw: Framework, answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Leaf answers with N/A on an inner item (e.g. a whole field the agency has no part in)
    carried down to every leaf below it."""
    out = dict(answers)
    for item in fw.walk():
        a = answers.get(item.code)
        if item.is_leaf or a is None or not a.not_applicable or item.na_mode is None:
            continue
        for leaf in item.leaves():
            prior = out.get(leaf.code, Answer(leaf.code))
            out[leaf.code] = Answer(
                leaf.code, None, True, a.na_reason, prior.note, prior.evidence_count
            )
    return out


def self_assessment(fw: Framework, answers: Mapping[str, Answer]) -> ScoreSheet:
    """The agency's live self-score: council-only and survey items are pending."""
    eff = effective_answers(fw, answers)
    leaves = {item.code: self_leaf(fw, item, answers) for item in fw.leaves()}
    return roll_up(fw, leaves, self_assessment_problems(fw, eff, answers))


def self_leaf(fw: Framework, item: Item, answers: Mapping[str, Answer]) -> LeafResult:
    """The agency's own result for a leaf.  N/A declared on a parent (a whole field the agency has
    no part in) applies its mode to every leaf below, whoever would have scored it."""
    mode = inherited_na_mode(fw, item.code, answers)
    if mode is not None:
        return LeafResult(points=None, excluded=True) if mode is NaMode.EXCLUDE else LeafResult(points=item.max_points)
    return leaf_result(item, answers.get(item.code))


def inherited_na_mode(fw: Framework, code: str, answers: Mapping[str, Answer]) -> NaMode | None:
    parent = fw.parent_of(code)
    while parent is not None:
        a = answers.get(parent.code)
        if a is not None and a.not_applicable and parent.na_mode is not None:
            return parent.na_mode
        parent = fw.parent_of(parent.code)
    return None
