"""self_assessment on the mini framework, with totals computed by hand.

Mini framework (total 20): agency-scored leaves 1.1.1 (1), 1.1.2 (1), 1.2 (1), 1.3 (1), 1.4 (2),
2.1 (3, N/A exclude), 2.2 (1, N/A full) = 10 assessable points; council 2.3 (2) and survey 3.1 (8)
are pending in a self-assessment.  Bonus T.1 and penalty T.2 (1 each, caps 1 and 1).
Categories: Tốt >= 80, Khá >= 65, Trung bình >= 50, Yếu >= 0.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_desktop.core.framework.load import parse_framework
from cchc_desktop.core.scoring.engine import Answer, self_assessment

from .helpers import answer, answers, find, mini_doc, mini_fw, to_text

D = Decimal
FW = mini_fw()

# every agency leaf at full marks
FULL = {
    "1.1.1": "dung_han",  # 1
    "1.1.2": 95,  # 1
    "1.2": 0,  # 1
    "1.3": True,  # 1
    "1.4": 2,  # 2
    "2.1": {"numerator": 100, "denominator": 100},  # 3
    "2.2": True,  # 1
}
# a mixed self-assessment: 0.5 + 0.5 + 0.5 + 0 + 1.5 + 2 + 1 = 6 of 10
MIXED = {
    "1.1.1": "cham",  # 0.5
    "1.1.2": 80,  # 0.5
    "1.2": 2,  # 1 - 2 x 0.25 = 0.5
    "1.3": False,  # 0
    "1.4": "1.5",  # 1.5
    "2.1": {"numerator": 95, "denominator": 100},  # 95% -> 2
    "2.2": True,  # 1
}
ZEROS = {
    "1.1.1": "khong",
    "1.1.2": 0,
    "1.2": 4,
    "1.3": False,
    "1.4": 0,
    "2.1": {"numerator": 0, "denominator": 5},
    "2.2": False,
}


def sheet(raw, fw=FW, **extra):
    a = answers(fw, raw, evidence_count=1)
    a.update(extra)
    return self_assessment(fw, a)


def node_tuple(s, code):
    n = s.node(code)
    return (n.max_points, n.applicable_max, n.assessable_max, n.points)


def na(code, reason="Không phát sinh trong năm"):
    return Answer(code, not_applicable=True, na_reason=reason, evidence_count=1)


def fw_from(fields, total, adjustments=(), bonus_cap=0, penalty_cap=0):
    doc = mini_doc()
    doc.update(fields=list(fields), adjustments=list(adjustments), total=total, bonus_cap=bonus_cap, penalty_cap=penalty_cap)
    fw, _ = parse_framework(to_text(doc))
    return fw


def manual_leaf(code, max_points, **extra):
    return {"code": code, "title": f"Tiêu chí {code}", "max": max_points, "rule": {"kind": "manual"}, **extra}


# ------------------------------------------------------------------ totals


def test_all_answered_to_full_marks():
    s = sheet(FULL)
    assert s.base_points == 10
    assert s.final_points == 10
    assert s.max_points == 20
    assert s.applicable_max == 20  # council 2 and survey 8 are applicable ...
    assert s.assessable_max == 10  # ... but not assessable by the agency
    assert s.percent == D("100.00")
    assert s.category.key == "tot"
    assert s.bonus == 0 and s.penalty == 0
    assert (s.answered, s.to_answer) == (7, 7)
    assert s.problems == ()
    assert node_tuple(s, "1") == (6, 6, 6, 6)
    assert node_tuple(s, "1.1") == (2, 2, 2, 2)
    assert node_tuple(s, "2") == (6, 6, 4, 4)
    assert node_tuple(s, "2.3") == (2, 2, 0, 0)
    assert node_tuple(s, "3") == (8, 8, 0, 0)
    assert [f.code for f in s.fields] == ["1", "2", "3"]
    assert s.framework_hash == FW.sha256


def test_mixed_answers():
    s = sheet(MIXED)
    assert s.final_points == 6
    assert s.percent == D("60.00")
    assert s.category.name == "Trung bình"
    assert node_tuple(s, "1.1") == (2, 2, 2, 1)
    assert node_tuple(s, "1") == (6, 6, 6, D("3"))
    assert node_tuple(s, "2") == (6, 6, 4, 3)


def test_all_zero():
    s = sheet(ZEROS)
    assert s.final_points == 0
    assert s.percent == 0
    assert s.category.key == "yeu"


def test_na_exclude_shrinks_numerator_and_denominator():
    answered = sheet(MIXED)
    s = sheet({k: v for k, v in MIXED.items() if k != "2.1"}, **{"2.1": na("2.1")})
    # 2.1 earned 2 of 3 when answered; excluded, it leaves both sides
    assert answered.final_points == 6 and answered.assessable_max == 10
    assert s.final_points == 4
    assert s.assessable_max == 7
    assert s.applicable_max == 17
    assert s.max_points == 20
    assert s.percent == D("57.14")  # 4 / 7 = 57.142857...
    assert s.category.key == "tb"
    assert node_tuple(s, "2.1") == (3, 0, 0, 0)
    assert node_tuple(s, "2") == (6, 3, 1, 1)
    assert (s.answered, s.to_answer) == (7, 7)  # N/A counts as answered
    assert s.problems == ()


def test_na_exclude_with_everything_else_full_is_100_percent():
    s = sheet({k: v for k, v in FULL.items() if k != "2.1"}, **{"2.1": na("2.1")})
    assert (s.final_points, s.assessable_max, s.percent) == (7, 7, D("100.00"))


def test_na_full_counts_full_points():
    no = sheet({**MIXED, "2.2": False})
    assert no.final_points == 5 and no.percent == 50
    s = sheet({k: v for k, v in MIXED.items() if k != "2.2"}, **{"2.2": na("2.2", "Không có khiếu nại")})
    assert s.final_points == 6
    assert s.assessable_max == 10  # nothing leaves the maximum
    assert s.applicable_max == 20
    assert node_tuple(s, "2.2") == (1, 1, 1, 1)
    assert s.percent == D("60.00")


def test_na_ignored_on_an_item_that_does_not_allow_it():
    s = sheet({k: v for k, v in FULL.items() if k != "1.3"}, **{"1.3": na("1.3")})
    assert node_tuple(s, "1.3") == (1, 1, 1, 0)
    assert s.assessable_max == 10
    assert [(p.code, p.kind) for p in s.problems] == [("1.3", "invalid_value")]


def test_council_and_survey_items_are_pending():
    # the agency cannot score them, even if a value is stored
    s = sheet(FULL, **{"2.3": Answer("2.3", value=D(2)), "3.1": Answer("3.1", value=D(8))})
    assert node_tuple(s, "2.3") == (2, 2, 0, 0)
    assert node_tuple(s, "3.1") == (8, 8, 0, 0)
    assert s.applicable_max == 20
    assert s.assessable_max == 10
    assert s.final_points == 10
    assert s.to_answer == 7
    assert s.node("2.3").to_answer == 0 and s.node("3").to_answer == 0


def test_applicable_maximum_is_the_divisor_published_example():
    # DOMAIN.md: "68.32 points = 81.33%" when 16 of the 100 points do not apply.
    fw = fw_from(
        [
            {"code": "1", "title": "A", "max": 84, "children": [manual_leaf("1.1", 84)]},
            {"code": "2", "title": "B", "max": 16, "children": [
                manual_leaf("2.1", 16, not_applicable={"mode": "exclude", "label": "Không có TTHC"})]},
        ],
        total=100,
    )
    s = self_assessment(fw, {"1.1": answer(fw, "1.1", "68.32"), "2.1": na("2.1")})
    assert s.final_points == D("68.32")
    assert s.applicable_max == 84 and s.assessable_max == 84
    assert s.percent == D("81.33")
    assert s.category.key == "tot"


# ------------------------------------------------------------------ bonus and penalty


def test_bonus_and_penalty_within_caps():
    s = sheet(MIXED, **{"T.1": answer(FW, "T.1", "0.5"), "T.2": answer(FW, "T.2", 1)})
    assert (s.bonus, s.penalty) == (D("0.5"), 1)
    assert s.base_points == 6
    assert s.final_points == D("5.5")
    assert s.percent == D("55.00")
    assert (s.answered, s.to_answer) == (7, 7)  # adjustments are never work to do


@pytest.fixture(scope="module")
def adj_fw():
    """The mini framework with two bonus and two penalty items: claims can exceed the caps."""
    doc = mini_doc()
    doc["adjustments"] += [
        {"code": "T.3", "title": "Sáng kiến được công nhận", "max": 1, "rule": {"kind": "bonus", "step": 0.5}},
        {"code": "T.4", "title": "Vi phạm kỷ luật", "max": 1, "rule": {"kind": "penalty", "step": 0.5}},
    ]
    doc["bonus_cap"] = 1
    doc["penalty_cap"] = 0.75
    fw, _ = parse_framework(to_text(doc))
    return fw


def test_bonus_claims_above_cap_are_capped(adj_fw):
    s = sheet(MIXED, adj_fw, **answers(adj_fw, {"T.1": 1, "T.3": 1, "T.2": "0.5"}))
    assert s.bonus == 1  # 2 claimed, cap 1
    assert s.penalty == D("0.5")
    assert s.final_points == D("6.5")
    assert s.percent == D("65.00")
    assert s.category.key == "kha"  # exactly at the Khá cut-off


def test_penalty_claims_above_cap_are_capped(adj_fw):
    s = sheet(MIXED, adj_fw, **answers(adj_fw, {"T.2": 1, "T.4": 1}))
    assert s.penalty == D("0.75")  # 2 claimed, cap 0.75
    assert s.final_points == D("5.25")
    assert s.percent == D("52.50")


def test_final_points_never_below_zero():
    s = sheet(ZEROS, **{"T.2": answer(FW, "T.2", 1)})
    assert s.base_points == 0 and s.penalty == 1
    assert s.final_points == 0
    assert s.percent == 0
    assert s.category.key == "yeu"


def test_final_points_never_above_assessable_max():
    s = sheet(FULL, **{"T.1": answer(FW, "T.1", 1)})
    assert s.bonus == 1
    assert s.final_points == 10
    assert s.percent == 100


# ------------------------------------------------------------------ percent rounding and category


@pytest.fixture(scope="module")
def eight_fw():
    """One manual leaf of 8 points without step: percent = points x 12.5, exact to 3 decimals."""
    return fw_from([{"code": "1", "title": "A", "max": 8, "children": [manual_leaf("1.1", 8)]}], total=8)


@pytest.mark.parametrize(
    "points, percent, category",
    [
        ("0.01", "0.13", "yeu"),  # 0.125 -> 0.13 (half-up; half-even would give 0.12)
        ("6.21", "77.63", "kha"),  # 77.625 -> 77.63
        ("6.39", "79.88", "kha"),  # 79.875 -> 79.88
        ("6.3992", "79.99", "kha"),  # 79.99
        ("6.3996", "80.00", "tot"),  # 79.995 rounds to 80.00, and the category reads the rounded value
        ("6.4", "80.00", "tot"),
        ("5.2", "65.00", "kha"),
        ("5.1992", "64.99", "tb"),
        ("4", "50.00", "tb"),
        ("3.9992", "49.99", "yeu"),
        ("8", "100.00", "tot"),
        ("0", "0.00", "yeu"),
    ],
)
def test_percent_rounded_half_up_and_category_from_rounded_percent(eight_fw, points, percent, category):
    s = self_assessment(eight_fw, {"1.1": answer(eight_fw, "1.1", points)})
    assert s.final_points == D(points)
    assert s.percent == D(percent)
    assert str(s.percent) == percent  # two decimals, always
    assert s.category.key == category


def test_no_assessable_points_gives_no_category():
    fw = fw_from(
        [{"code": "1", "title": "A", "max": 8, "children": [
            manual_leaf("1.1", 8, not_applicable={"mode": "exclude", "label": "x"})]}],
        total=8,
    )
    s = self_assessment(fw, {"1.1": na("1.1")})
    assert s.assessable_max == 0
    assert s.percent == 0
    assert s.category is None


# ------------------------------------------------------------------ problems


def kinds(s):
    return [(p.code, p.kind) for p in s.problems]


def test_nothing_answered():
    s = self_assessment(FW, {})
    assert kinds(s) == [(c, "unanswered") for c in ("1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.1", "2.2")]
    assert all(p.vi.startswith(p.code + ":") for p in s.problems)
    assert s.final_points == 0 and s.percent == 0
    assert (s.answered, s.to_answer) == (0, 7)
    # unanswered leaves still count in the maximum
    assert s.assessable_max == 10


def test_missing_evidence_without_explanation():
    a = answers(FW, FULL, evidence_count=1)
    a["1.1.1"] = answer(FW, "1.1.1", "dung_han")  # evidence required, none attached, no note
    s = self_assessment(FW, a)
    assert kinds(s) == [("1.1.1", "missing_evidence")]
    assert "1.1.1" in s.problems[0].vi and "kiểm chứng" in s.problems[0].vi
    assert s.final_points == 10  # a problem to fix, not a score change


@pytest.mark.parametrize(
    "extra, cleared",
    [
        ({"note": "Kế hoạch ban hành kèm Quyết định 12/QĐ-UBND, bản giấy lưu tại văn phòng."}, True),
        ({"evidence_count": 1}, True),
        ({"evidence_count": 2, "note": ""}, True),
        ({"note": "   "}, False),
        ({}, False),
    ],
)
def test_note_or_evidence_clears_missing_evidence(extra, cleared):
    a = answers(FW, FULL, evidence_count=1)
    a["1.1.1"] = answer(FW, "1.1.1", "dung_han", **extra)
    s = self_assessment(FW, a)
    assert (("1.1.1", "missing_evidence") not in kinds(s)) is cleared


def test_evidence_is_required_only_where_the_framework_says():
    a = answers(FW, FULL)  # no evidence anywhere
    s = self_assessment(FW, a)
    assert kinds(s) == [("1.1.1", "missing_evidence")]


def test_council_item_needing_evidence_is_a_problem_for_the_agency():
    doc = mini_doc()
    find(doc, "2.3")["evidence"] = {"required": True}
    fw, _ = parse_framework(to_text(doc))
    s = self_assessment(fw, answers(fw, FULL, evidence_count=1))
    assert kinds(s) == [("2.3", "missing_evidence")]
    s = self_assessment(fw, {**answers(fw, FULL, evidence_count=1), "2.3": Answer("2.3", evidence_count=1)})
    assert kinds(s) == []


def test_bonus_claim_needs_evidence_when_required():
    doc = mini_doc()
    find(doc, "T.1")["evidence"] = {"required": True}
    fw, _ = parse_framework(to_text(doc))
    base = answers(fw, FULL, evidence_count=1)
    assert kinds(self_assessment(fw, base)) == []  # no claim, nothing to prove
    assert kinds(self_assessment(fw, {**base, "T.1": answer(fw, "T.1", 0)})) == []
    assert kinds(self_assessment(fw, {**base, "T.1": answer(fw, "T.1", "0.5")})) == [("T.1", "missing_evidence")]


@pytest.mark.parametrize("reason", ["", "   "])
def test_na_without_reason(reason):
    a = answers(FW, {k: v for k, v in FULL.items() if k != "2.1"}, evidence_count=1)
    a["2.1"] = Answer("2.1", not_applicable=True, na_reason=reason)
    s = self_assessment(FW, a)
    assert kinds(s) == [("2.1", "na_without_reason")]
    assert "lý do" in s.problems[0].vi
    assert s.assessable_max == 7  # still excluded: the reason is a problem, not a refusal


def test_stored_value_no_longer_valid():
    a = answers(FW, FULL, evidence_count=1)
    a["1.4"] = Answer("1.4", value=D("1.25"), evidence_count=1)  # step is 0.5
    a["1.1.1"] = Answer("1.1.1", value="da_bo", evidence_count=1)  # option removed
    s = self_assessment(FW, a)
    assert kinds(s) == [("1.1.1", "invalid_value"), ("1.4", "invalid_value")]
    assert s.node("1.1.1").points == 0


def test_stored_value_of_the_wrong_type_is_a_problem_not_a_crash():
    a = answers(FW, FULL, evidence_count=1)
    a["1.1.2"] = Answer("1.1.2", value=True, evidence_count=1)
    s = self_assessment(FW, a)
    assert ("1.1.2", "invalid_value") in kinds(s)
    assert s.node("1.1.2").points == 0


def test_problems_are_in_framework_order():
    a = {
        "2.2": Answer("2.2", not_applicable=True),
        "1.3": Answer("1.3", not_applicable=True, na_reason="x"),
    }
    s = self_assessment(FW, a)
    assert [p.code for p in s.problems] == ["1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.1", "2.2"]
    assert dict(kinds(s))["2.2"] == "na_without_reason"
    assert dict(kinds(s))["1.3"] == "invalid_value"


# ------------------------------------------------------------------ progress


def test_progress_counts():
    a = answers(FW, {"1.1.1": "cham", "1.3": True, "1.4": 1}, evidence_count=1)
    a["2.1"] = na("2.1")
    s = self_assessment(FW, a)
    assert (s.answered, s.to_answer) == (4, 7)
    assert (s.node("1").answered, s.node("1").to_answer) == (3, 5)
    assert (s.node("1.1").answered, s.node("1.1").to_answer) == (1, 2)
    assert (s.node("2").answered, s.node("2").to_answer) == (1, 2)
    assert (s.node("3").answered, s.node("3").to_answer) == (0, 0)
    assert s.node("3").complete
    assert not s.node("1").complete
    assert s.node("1.3").complete


def test_progress_complete_when_all_answered():
    s = sheet(FULL)
    assert all(s.node(c).complete for c in ("1", "2", "3", "1.1"))


# ------------------------------------------------------------------ documented definitions


def test_applicable_max_is_max_minus_excluded_items_even_when_children_fall_short():
    doc = mini_doc()
    find(doc, "1")["max"] = 7  # children add up to 6: a warning, not an error
    doc["total"] = 21
    fw, warnings = parse_framework(to_text(doc))
    assert [w.where for w in warnings] == ["mục 1"]
    s = sheet(FULL, fw)
    assert s.max_points == 21
    assert s.node("1").applicable_max == 7
    assert s.applicable_max == 21
    assert s.percent < 100


def test_na_on_an_inner_item_is_refused_or_honoured():
    from cchc_desktop.core.errors import InvalidFramework

    doc = mini_doc()
    find(doc, "2")["not_applicable"] = {"mode": "exclude", "label": "Không có thủ tục hành chính"}
    try:
        fw, _ = parse_framework(to_text(doc))
    except InvalidFramework:
        return  # refusing it is an acceptable fix
    a = answers(fw, {k: v for k, v in FULL.items() if not k.startswith("2.")}, evidence_count=1)
    a["2"] = Answer("2", not_applicable=True, na_reason="Đơn vị không có TTHC")
    s = self_assessment(fw, a)
    assert s.node("2").applicable_max == 0
    assert s.applicable_max == 14
