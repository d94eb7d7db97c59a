"""Property tests: random valid frameworks and random answers keep the scoring invariants.

`framework_docs()` builds JSON documents (not model objects) so every example goes through the real
reader and validator: a document the strategy builds must validate without findings.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_desktop.core.framework.canonical import canonical_bytes
from cchc_desktop.core.framework.load import parse_framework
from cchc_desktop.core.framework.model import Framework, Item, Scorer
from cchc_desktop.core.scoring.engine import Answer, self_assessment
from cchc_desktop.core.scoring.rules import Ratio, parse_value, points_for, tier_points

D = Decimal
QUARTER = D("0.25")
CENT = D("0.01")
HUNDRED = D(100)
SCORED_KINDS = ("yes_no", "choice", "percent_tiers", "ratio_tiers", "deduction", "manual", "council", "survey")

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# The generators below are plain functions taking `draw` (called from one composite) rather than
# nested composites: building fresh strategy objects per node made these tests about twice as slow.
BOOLS = st.booleans()
KINDS = st.sampled_from(SCORED_KINDS)
NA_MODES = st.sampled_from([None, None, "full", "exclude", "exclude"])
CUT_KINDS = st.sampled_from(["to_lower", "to_upper", "point"])
MONOTONIC = st.sampled_from([True, True, True, False])
CUTS = st.lists(st.integers(0, 1000), max_size=3, unique=True)


def quarter(draw, lo: int, hi: int) -> Decimal:
    """lo*0.25 .. hi*0.25 in steps of 0.25."""
    return D(draw(st.integers(lo, hi))) * QUARTER


def _q(d: Decimal) -> int:
    return int(d / QUARTER)


# ------------------------------------------------------------------ framework documents


def tiers_doc(draw, max_points: Decimal, monotonic: bool) -> list[dict[str, Any]]:
    """A partition of 0..100 % into tiers (no gap, no overlap), as the JSON list."""
    cuts = sorted(draw(CUTS))  # tenths of a percent
    segs: list[tuple[Decimal, Decimal, bool, bool]] = []  # (low, high, low_inclusive, high_inclusive)
    lo, lo_inc = D(0), True
    for c in cuts:
        v = D(c) / 10
        kind = "point" if c in (0, 1000) else draw(CUT_KINDS)
        if kind == "point":  # a tier of its own, e.g. [100; 100] in "100% on time"
            if c != 0:
                segs.append((lo, v, lo_inc, False))
            segs.append((v, v, True, True))
            lo, lo_inc = v, False
        elif kind == "to_lower":
            segs.append((lo, v, lo_inc, True))
            lo, lo_inc = v, False
        else:
            segs.append((lo, v, lo_inc, False))
            lo, lo_inc = v, True
    if not cuts or cuts[-1] != 1000:
        segs.append((lo, HUNDRED, lo_inc, True))
    pts = [quarter(draw, 0, _q(max_points)) for _ in segs]
    if monotonic:
        pts.sort()
    out = []
    for n, ((low, high, low_inc, high_inc), p) in enumerate(zip(segs, pts)):
        t: dict[str, Any] = {"points": p}
        point_tier = low == high
        # the open ends of the scale may be written as bounds or left out (unbounded)
        if not (n == 0 and not point_tier and low == 0 and low_inc and draw(BOOLS)):
            t["min"] = low
            if not low_inc or draw(BOOLS):
                t["min_inclusive"] = low_inc
        if not (n == len(segs) - 1 and not point_tier and high == 100 and draw(BOOLS)):
            t["max"] = high
            if high_inc or draw(BOOLS):
                t["max_inclusive"] = high_inc
        out.append(t)
    return draw(st.permutations(out))


def rule_doc(draw, kind: str, max_points: Decimal) -> dict[str, Any]:
    mq = _q(max_points)
    if kind == "yes_no":
        return {"kind": "yes_no"}
    if kind == "choice":
        pts = [quarter(draw, 0, mq) for _ in range(draw(st.integers(1, 4)))]
        return {
            "kind": "choice",
            "options": [{"key": f"k{i}", "label": f"Mức {i}", "points": p} for i, p in enumerate(pts)],
        }
    if kind in ("percent_tiers", "ratio_tiers"):
        monotonic = draw(MONOTONIC)
        doc: dict[str, Any] = {"kind": kind, "tiers": tiers_doc(draw, max_points, monotonic)}
        if not monotonic or draw(BOOLS):
            doc["monotonic"] = monotonic
        if kind == "ratio_tiers":
            doc.update(numerator_label="Số hồ sơ đúng hạn", denominator_label="Số hồ sơ đã giải quyết")
        return doc
    if kind == "deduction":
        return {"kind": "deduction", "per_violation": quarter(draw, 1, mq), "floor": quarter(draw, 0, mq)}
    if kind in ("manual", "council", "bonus", "penalty"):
        steps: list[Decimal | None] = [None, QUARTER, max_points]
        if max_points % D("0.5") == 0:
            steps.append(D("0.5"))
        step = draw(st.sampled_from(steps))
        return {"kind": kind} if step is None else {"kind": kind, "step": step}
    assert kind == "survey"
    return {"kind": "survey"}


def leaf_doc(draw, code: str) -> dict[str, Any]:
    max_points = quarter(draw, 1, 40)  # 0.25 .. 10
    kind = draw(KINDS)
    doc: dict[str, Any] = {"code": code, "title": f"Tiêu chí {code}", "max": max_points, "rule": rule_doc(draw, kind, max_points)}
    na = draw(NA_MODES)
    if na is not None and kind != "survey":  # survey items cannot be N/A (the validator refuses it)
        doc["not_applicable"] = {"mode": na, "label": "Không phát sinh"}
    if draw(BOOLS):
        doc["evidence"] = {"required": True, "hint": "Văn bản chứng minh"}
    return doc


def item_doc(draw, code: str, depth: int, max_depth: int) -> dict[str, Any]:
    if depth >= max_depth or (depth > 1 and draw(st.integers(0, 2)) == 0):
        return leaf_doc(draw, code)
    n = draw(st.integers(1, 3))
    children = [item_doc(draw, f"{code}.{i}", depth + 1, max_depth) for i in range(1, n + 1)]
    return {
        "code": code,
        "title": f"Mục {code}",
        "max": sum((c["max"] for c in children), D(0)),  # parent max = sum of children
        "children": children,
    }


@st.composite
def framework_docs(draw) -> dict[str, Any]:
    n_fields = draw(st.integers(1, 4))
    fields = [item_doc(draw, str(i), 1, draw(st.integers(1, 3))) for i in range(1, n_fields + 1)]
    adjustments = []
    for i in range(1, draw(st.integers(0, 3)) + 1):
        max_points = quarter(draw, 1, 12)
        kind = draw(st.sampled_from(["bonus", "penalty"]))
        adjustments.append(
            {"code": f"T.{i}", "title": f"Điểm {kind} {i}", "max": max_points, "rule": rule_doc(draw, kind, max_points)}
        )
    kinds = {a["rule"]["kind"] for a in adjustments}
    cuts = sorted(draw(st.lists(st.integers(1, 100), max_size=3, unique=True)), reverse=True) + [0]
    return {
        "format": "cchc-framework",
        "format_version": 1,
        "id": "prop",
        "title": "Bộ tiêu chí ngẫu nhiên",
        "level": draw(st.sampled_from(["so", "huyen", "xa"])),
        "year": draw(st.integers(2000, 2100)),
        "total": sum((f["max"] for f in fields), D(0)),
        "categories": [{"key": f"c{i}", "name": f"Loại {i}", "min_percent": D(c)} for i, c in enumerate(cuts)],
        "bonus_cap": quarter(draw, 1, 12) if "bonus" in kinds else quarter(draw, 0, 4),
        "penalty_cap": quarter(draw, 1, 12) if "penalty" in kinds else quarter(draw, 0, 4),
        "fields": fields,
        "adjustments": adjustments,
    }


# ------------------------------------------------------------------ serialising documents


def _number(d: Decimal, spelling: int) -> str:
    plain = format(d, "f")
    if spelling == 1:  # trailing zeros
        return plain + ("00" if "." in plain else ".00")
    if spelling == 2:  # exponent
        return format(d.scaleb(1), "f") + "E-1"
    return plain


def dump(value: Any, rnd=None, ws: str = "") -> str:
    """JSON with Decimals as numbers; with `rnd`, keys shuffled and numbers spelled at random."""
    if isinstance(value, dict):
        items = list(value.items())
        if rnd is not None:
            rnd.shuffle(items)
        return "{" + ("," + ws).join(json.dumps(k) + ":" + ws + dump(v, rnd, ws) for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ("," + ws).join(dump(v, rnd, ws) for v in value) + "]"
    if isinstance(value, Decimal):
        return _number(value, rnd.randrange(3) if rnd is not None else 0)
    return json.dumps(value, ensure_ascii=rnd is not None and rnd.random() < 0.5)


def parse(doc: dict[str, Any]) -> Framework:
    fw, findings = parse_framework(dump(doc))
    assert findings == [], [str(f) for f in findings]
    return fw


# ------------------------------------------------------------------ answers


YES_NO_INPUTS = st.sampled_from([True, False, "Đạt", "không đạt", "1", "0"])
PERCENTS = st.decimals(min_value=0, max_value=100, places=2)
WHAT = st.sampled_from(["none", "value", "value", "value"])
WHAT_NA = st.sampled_from(["none", "value", "value", "value", "na"])
NOTES = st.sampled_from(["", "", "Thuyết minh"])
REASONS = st.sampled_from(["", "Không phát sinh trong năm"])


def raw_value(draw, item: Item) -> Any:
    """A raw input the item's rule must accept."""
    rule = item.rule
    kind = rule.kind
    if kind == "yes_no":
        return draw(YES_NO_INPUTS)
    if kind == "choice":
        return rule.options[draw(st.integers(0, len(rule.options) - 1))].key
    if kind == "percent_tiers":
        if draw(BOOLS):  # exactly at a bound
            bounds = sorted({b for t in rule.tiers for b in (t.low, t.high) if b is not None} | {D(0), HUNDRED})
            return bounds[draw(st.integers(0, len(bounds) - 1))]
        return draw(PERCENTS)
    if kind == "ratio_tiers":
        den = draw(st.integers(1, 1000))
        return {"numerator": draw(st.integers(0, den)), "denominator": den}
    if kind == "deduction":
        return draw(st.integers(0, 50))
    unit = getattr(rule, "step", None) or CENT
    return D(draw(st.integers(0, int(item.max_points / unit)))) * unit


def answer_for(draw, item: Item) -> Answer | None:
    what = draw(WHAT if item.na_mode is None else WHAT_NA)
    if what == "none":
        return None
    evidence = draw(st.integers(0, 2))
    note = draw(NOTES)
    if what == "na":
        return Answer(item.code, not_applicable=True, na_reason=draw(REASONS), note=note, evidence_count=evidence)
    value = parse_value(item, raw_value(draw, item))  # a valid input must be accepted
    return Answer(item.code, value=value, note=note, evidence_count=evidence)


def answers_for(draw, fw: Framework) -> dict[str, Answer]:
    out = {}
    for item in fw.leaves():
        a = answer_for(draw, item)
        if a is not None:
            out[item.code] = a
    return out


def ancestors(fw: Framework, code: str) -> list[str]:
    out = []
    parent = fw.parent_of(code)
    while parent is not None:
        out.append(parent.code)
        parent = fw.parent_of(parent.code)
    return out


def rounded_percent(final: Decimal, assessable: Decimal) -> Decimal:
    return (final * 100 / assessable).quantize(CENT, ROUND_HALF_UP) if assessable > 0 else D(0)


# ------------------------------------------------------------------ properties


@SETTINGS
@given(st.data())
def test_generated_frameworks_validate_and_hash_is_stable(data):
    doc = data.draw(framework_docs(), label="framework")
    fw = parse(doc)
    assert fw.total == sum((f.max_points for f in fw.fields), D(0))
    # re-serialised with shuffled keys, other number spellings and whitespace: same framework, same hash
    rnd = data.draw(st.randoms(use_true_random=False), label="shuffle")
    shuffled, warnings = parse_framework(dump(doc, rnd, ws=rnd.choice(["", " ", "\n  "])))
    assert warnings == []
    assert shuffled.sha256 == fw.sha256
    # the canonical form is a fixed point
    again, _ = parse_framework(canonical_bytes(fw))
    assert again.sha256 == fw.sha256
    assert canonical_bytes(again) == canonical_bytes(fw)


@SETTINGS
@given(st.data())
def test_roll_up_invariants(data):
    fw = parse(data.draw(framework_docs(), label="framework"))
    answers = answers_for(data.draw, fw)
    s = self_assessment(fw, answers)

    for item in fw.walk():
        n = s.node(item.code)
        assert n.max_points == item.max_points
        assert 0 <= n.points <= n.applicable_max <= n.max_points, (item.code, n)
        assert 0 <= n.assessable_max <= n.applicable_max, (item.code, n)
        assert 0 <= n.answered <= n.to_answer
        if not item.is_leaf:
            kids = [s.node(c.code) for c in item.children]
            assert n.points == min(n.applicable_max, sum((k.points for k in kids), D(0)))
            # parent max = sum of children in a valid framework: nothing is lost by the cap
            assert n.applicable_max == sum((k.applicable_max for k in kids), D(0))
            assert n.assessable_max == sum((k.assessable_max for k in kids), D(0))
            assert n.answered == sum(k.answered for k in kids)
            assert n.to_answer == sum(k.to_answer for k in kids)
        else:
            a = answers.get(item.code)
            if item.scorer is Scorer.AGENCY and a is not None and a.value is not None and not a.not_applicable:
                assert n.points == points_for(item, a.value)
            if a is None or not a.not_applicable:
                assert n.applicable_max == item.max_points
                if item.scorer is not Scorer.AGENCY and item.rule.kind not in ("bonus", "penalty"):
                    assert (n.points, n.assessable_max, n.to_answer) == (0, 0, 0)  # pending

    assert s.max_points == fw.total
    assert s.applicable_max == sum((f.applicable_max for f in s.fields), D(0))
    assert s.assessable_max == sum((f.assessable_max for f in s.fields), D(0))
    assert s.base_points == sum((f.points for f in s.fields), D(0))
    assert 0 <= s.assessable_max <= s.applicable_max <= s.max_points
    assert 0 <= s.bonus <= fw.bonus_cap and 0 <= s.penalty <= fw.penalty_cap
    bonus_claims = sum((s.node(a.code).points for a in fw.adjustments if a.rule.kind == "bonus"), D(0))
    penalty_claims = sum((s.node(a.code).points for a in fw.adjustments if a.rule.kind == "penalty"), D(0))
    assert s.bonus == min(bonus_claims, fw.bonus_cap)
    assert s.penalty == min(penalty_claims, fw.penalty_cap)
    assert 0 <= s.final_points <= s.assessable_max
    assert s.final_points == min(s.assessable_max, max(D(0), s.base_points + s.bonus - s.penalty))
    assert 0 <= s.percent <= 100
    assert s.percent == rounded_percent(s.final_points, s.assessable_max)
    assert s.percent == s.percent.quantize(CENT)
    if s.assessable_max > 0:
        assert s.category == fw.category_for(s.percent)
        assert s.category is not None
    assert 0 <= s.answered <= s.to_answer
    # every agency-scored leaf without an answer is reported, in framework order
    unanswered = [p.code for p in s.problems if p.kind == "unanswered"]
    expected = [
        i.code for f in fw.fields for i in f.leaves()
        if i.scorer is Scorer.AGENCY and (answers.get(i.code) is None or answers[i.code].value is None)
        and not (answers.get(i.code) is not None and answers[i.code].not_applicable)
    ]
    assert unanswered == expected


@st.composite
def doc_with_excludable_leaf(draw):
    """A framework document and the code of one leaf forced to allow N/A with mode exclude."""
    doc = draw(framework_docs())
    leaves = []

    def walk(item):
        if "children" in item:
            for c in item["children"]:
                walk(c)
        else:
            leaves.append(item)

    for f in doc["fields"]:
        walk(f)
    # Only the one who scores an item may declare it N/A: council and survey items stay pending.
    leaf = draw(st.sampled_from([x for x in leaves if x["rule"]["kind"] not in ("survey", "council")] or leaves))
    if leaf["rule"]["kind"] in ("survey", "council"):
        leaf["rule"] = {"kind": "manual"}
        leaf.pop("not_applicable", None)
    leaf["not_applicable"] = {"mode": "exclude", "label": "Không phát sinh"}
    return doc, leaf["code"]


@SETTINGS
@given(st.data())
def test_excluding_an_item_removes_exactly_its_max(data):
    doc, code = data.draw(doc_with_excludable_leaf(), label="framework")
    fw = parse(doc)
    item = fw.item(code)
    answers = answers_for(data.draw, fw)
    before_answer = parse_value(item, raw_value(data.draw, item)) if data.draw(BOOLS) else None
    with_value = {**answers, code: Answer(code, value=before_answer, evidence_count=1)}
    with_na = {**answers, code: Answer(code, not_applicable=True, na_reason="Không phát sinh", evidence_count=1)}
    s1, s2 = self_assessment(fw, with_value), self_assessment(fw, with_na)

    agency = item.scorer is Scorer.AGENCY
    earned = s1.node(code).points
    assert s2.node(code).applicable_max == 0 and s2.node(code).assessable_max == 0 and s2.node(code).points == 0
    changed = {code, *ancestors(fw, code)}
    for c in changed:
        a, b = s1.node(c), s2.node(c)
        assert a.applicable_max - b.applicable_max == item.max_points, c
        assert a.assessable_max - b.assessable_max == (item.max_points if agency else 0), c
        assert a.points - b.points == earned, c  # the numerator loses exactly what the item earned
    for other in fw.walk():
        if other.code not in changed:
            assert s1.node(other.code) == s2.node(other.code)
    assert s1.applicable_max - s2.applicable_max == item.max_points
    assert s1.assessable_max - s2.assessable_max == (item.max_points if agency else 0)
    assert s1.base_points - s2.base_points == earned
    assert s2.percent == rounded_percent(s2.final_points, s2.assessable_max)
    assert s2.final_points == min(s2.assessable_max, max(D(0), s2.base_points + s2.bonus - s2.penalty))


@SETTINGS
@given(st.data())
def test_tier_functions(data):
    fw = parse(data.draw(framework_docs(), label="framework"))
    tiered = [i for i in fw.leaves() if i.rule.kind in ("percent_tiers", "ratio_tiers")]
    percents = data.draw(
        st.lists(st.decimals(min_value=0, max_value=100, places=3), min_size=2, max_size=20), label="percents"
    )
    for item in tiered:
        rule = item.rule
        bounds = {b for t in rule.tiers for b in (t.low, t.high) if b is not None}
        sample = sorted(set(percents) | bounds | {D(0), HUNDRED})
        for p in sample:
            assert sum(t.contains(p) for t in rule.tiers) == 1, (item.code, p)  # a partition of 0..100
            assert 0 <= tier_points(rule.tiers, p) <= item.max_points
        if rule.monotonic:
            pts = [tier_points(rule.tiers, p) for p in sample]
            assert pts == sorted(pts), (item.code, list(zip(sample, pts)))
        if rule.kind == "percent_tiers":
            for p in sample:
                assert points_for(item, parse_value(item, p)) == tier_points(rule.tiers, p)
        else:
            dens = data.draw(st.lists(st.integers(1, 400), min_size=1, max_size=4), label="denominators")
            ratios = sorted(
                (Ratio(num, den) for den in dens for num in {0, den // 3, den // 2, den - 1, den} if 0 <= num <= den),
                key=lambda r: r.percent,
            )
            pts = [points_for(item, parse_value(item, {"numerator": r.numerator, "denominator": r.denominator})) for r in ratios]
            if rule.monotonic:
                assert pts == sorted(pts), (item.code, ratios, pts)


@SETTINGS
@given(st.data())
def test_valid_inputs_score_within_range(data):
    fw = parse(data.draw(framework_docs(), label="framework"))
    for item in fw.leaves():
        raw = raw_value(data.draw, item)
        value = parse_value(item, raw)
        assert 0 <= points_for(item, value) <= item.max_points
