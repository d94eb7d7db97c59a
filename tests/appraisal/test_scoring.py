"""The pure appraisal core: allowed points per rule, the overlay, N/A denominators, caps, ties.

Expected numbers are worked out by hand from tests/data/mini_framework.json (see each comment),
never taken from the code under test.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from cchc_desktop.core.errors import InvalidInput
from cchc_desktop.core.scoring.appraisal import (
    Appraisal,
    RankInput,
    allowed_points,
    check_appraisal,
    effective_appraisals,
    final_sheet,
    rank,
    self_leaves,
)
from cchc_desktop.core.scoring.engine import Answer
from cchc_desktop.core.scoring.rules import Ratio

# The mini answers (tests/inspection/helpers.answers_doc) as typed engine answers.
SELF = {
    "1.1.1": Answer("1.1.1", "cham", note="Ban hành chậm 5 ngày", evidence_count=1),  # 0.5
    "1.1.2": Answer("1.1.2", D(90)),  # 70-90 inclusive: 0.5
    "1.2": Answer("1.2", 1),  # 1 - 0.25: 0.75
    "1.3": Answer("1.3", True),  # 1
    "1.4": Answer("1.4", D("1.5")),  # 1.5
    "2.1": Answer("2.1", None, True, "Không phát sinh"),  # exclude: max 3 leaves the denominator
    "2.2": Answer("2.2", None, True, "Không có khiếu nại"),  # full: 1
    "T.1": Answer("T.1", D(1)),  # bonus 1 (cap 1)
    "T.2": Answer("T.2", D("0.5")),  # penalty 0.5 (cap 1)
}


def ap(code: str, points: str | None, reason: str = "lý do", rnd: int = 1, na: bool = False) -> Appraisal:
    return Appraisal(code, None if points is None else D(points), na, reason, "Tổ thẩm định", rnd)


@pytest.mark.parametrize(("code", "values"), [
    ("1.1.1", ["0", "0.5", "1"]),  # choice options
    ("1.1.2", ["0", "0.5", "1"]),  # percent tiers
    ("1.2", ["0", "0.25", "0.5", "0.75", "1"]),  # deduction 0.25 per violation down to 0
    ("1.3", ["0", "1"]),  # yes/no
    ("2.1", ["0", "2", "3"]),  # ratio tiers
])
def test_allowed_points_are_what_the_rule_can_give(mini_framework, code, values):
    assert allowed_points(mini_framework.item(code)).values == tuple(D(v) for v in values)


def test_range_rules_allow_steps_up_to_the_max(mini_framework):
    a = allowed_points(mini_framework.item("1.4"))  # manual, step 0.5, max 2
    assert a.values is None and a.allows(D("1.5")) and not a.allows(D("1.25")) and not a.allows(D("2.5"))
    assert a.describe_vi() == "từ 0 đến 2, bước 0,5"


@pytest.mark.parametrize(("code", "points", "says"), [
    ("1.1.1", "0.3", "Điểm hợp lệ: 0; 0,5; 1"),  # not a tier value
    ("1.1.1", "1.5", "vượt điểm tối đa 1"),  # above max
    ("1.4", "1.25", "từ 0 đến 2, bước 0,5"),  # off the step
    ("1.3", "-1", "không được âm"),
    ("1.3", "một", "không phải là số"),
    ("3.1", "5", "tệp Excel khảo sát"),  # survey points come from the survey file
    ("1.1", "1", "mục tổng hợp"),  # not a leaf
])
def test_values_the_rule_does_not_allow_are_refused_with_a_message(mini_framework, code, points, says):
    with pytest.raises(InvalidInput) as exc:
        check_appraisal(mini_framework.item(code), points)
    assert says in exc.value.vi


def test_not_applicable_only_where_the_item_allows_it(mini_framework):
    assert check_appraisal(mini_framework.item("2.1"), None, not_applicable=True) is None
    with pytest.raises(InvalidInput, match="không áp dụng"):
        check_appraisal(mini_framework.item("1.3"), None, not_applicable=True)
    assert check_appraisal(mini_framework.item("1.2"), "0,75") == D("0.75")  # a decimal comma is fine


def test_without_appraisal_the_self_points_count_and_council_and_survey_score_zero(mini_framework):
    sheet = final_sheet(mini_framework, self_leaves(mini_framework, SELF), {}, {})
    # fields: 0.5+0.5+0.75+1+1.5 = 4.25; 1 (2.2 N/A full) + 0 (2.3 council); 0 (survey) -> 5.25
    assert [f.points for f in sheet.fields] == [D("4.25"), D(1), D(0)]
    assert sheet.bonus == D(1) and sheet.penalty == D("0.5") and sheet.final_points == D("5.75")
    assert sheet.applicable_max == D(17)  # 20 - 3 (2.1 not applicable, mode exclude)
    assert sheet.percent == D("33.82")  # 5.75 / 17 = 33.8235…


def test_appraisals_and_survey_overlay_the_self_points(mini_framework):
    appraised = {"2.3": ap("2.3", "2"), "1.4": ap("1.4", "1"), "T.1": ap("T.1", "0.5")}
    sheet = final_sheet(mini_framework, self_leaves(mini_framework, SELF), appraised, {"3.1": D(7)})
    # 0.5+0.5+0.75+1+1 = 3.75; 1+2 = 3; 7 -> 13.75 + 0.5 - 0.5 = 13.75 of 17 = 80.88 % -> Tốt (>= 80)
    assert sheet.final_points == D("13.75") and sheet.percent == D("80.88")
    assert sheet.category.name == "Tốt"


def test_the_council_can_overturn_a_not_applicable_claim_and_the_denominator_grows(mini_framework):
    appraised = {"2.3": ap("2.3", "2"), "1.4": ap("1.4", "1"), "T.1": ap("T.1", "0.5"), "2.1": ap("2.1", "2")}
    sheet = final_sheet(mini_framework, self_leaves(mini_framework, SELF), appraised, {"3.1": D(7)})
    # 13.75 + 2 = 15.75 of 20 (2.1 applies again) = 78.75 % -> Khá
    assert sheet.applicable_max == D(20) and sheet.final_points == D("15.75") and sheet.percent == D("78.75")
    assert sheet.category.name == "Khá"


def test_appraised_not_applicable_follows_the_item_mode(mini_framework):
    answers = dict(SELF, **{"2.1": Answer("2.1", Ratio(9, 10)), "2.2": Answer("2.2", False)})
    base = final_sheet(mini_framework, self_leaves(mini_framework, answers), {}, {})
    assert base.applicable_max == D(20)  # 2.1 ratio 90 % -> 2 points; 2.2 "no" -> 0
    excl = final_sheet(mini_framework, self_leaves(mini_framework, answers), {"2.1": ap("2.1", None, na=True)}, {})
    assert excl.applicable_max == D(17) and excl.final_points == base.final_points - 2
    full = final_sheet(mini_framework, self_leaves(mini_framework, answers), {"2.2": ap("2.2", None, na=True)}, {})
    assert full.final_points == base.final_points + 1  # mode full: the item's max


def test_bonus_and_penalty_are_capped_by_the_framework(mini_framework):
    fw = replace(mini_framework, bonus_cap=D("0.5"), penalty_cap=D("0.25"))
    sheet = final_sheet(fw, self_leaves(fw, SELF), {}, {})  # claims: bonus 1, penalty 0.5
    assert (sheet.bonus, sheet.penalty) == (D("0.5"), D("0.25"))
    assert sheet.final_points == D("5.25") + D("0.5") - D("0.25")


def test_final_points_never_go_below_zero(mini_framework):
    nothing = {"T.2": Answer("T.2", D(1))}  # only a penalty
    sheet = final_sheet(mini_framework, self_leaves(mini_framework, nothing), {}, {})
    assert sheet.final_points == 0 and sheet.percent == 0


def test_round_two_replaces_round_one_where_it_exists():
    eff = effective_appraisals([ap("1.4", "1", rnd=1), ap("1.4", "2", rnd=2), ap("1.3", "0", rnd=1)])
    assert eff["1.4"].points == D(2) and eff["1.3"].points == D(0)


def test_equal_indexes_share_a_rank_and_the_tie_is_reported(mini_framework):
    entries = [RankInput("C", "Xã C", D("14.5"), D(17), D("85.29")), RankInput("A", "Xã A", D(17), D(20), D("85.00")),
               RankInput("B", "Xã B", D("14.45"), D(17), D("85.00")), RankInput("D", "Xã D", D(10), D(20), D("50.00")),
               RankInput("E", "Xã E", D(18), D(20), D("90.00"))]
    ranked = rank(mini_framework, entries)
    assert [(e.rank, e.agency_code) for e in ranked] == [(1, "E"), (2, "C"), (3, "A"), (3, "B"), (5, "D")]
    assert ranked[2].tied_with == ("B",) and ranked[3].tied_with == ("A",) and ranked[0].tied_with == ()
    assert [e.category.name for e in ranked] == ["Tốt", "Tốt", "Tốt", "Tốt", "Trung bình"]


def test_an_agency_with_nothing_applicable_has_no_category(mini_framework):
    [e] = rank(mini_framework, [RankInput("Z", "Xã Z", D(0), D(0), D(0))])
    assert e.rank == 1 and e.category is None


# ---------------------------------------------------------------- the stored route equals the answers route

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cchc_desktop.core.scoring.appraisal import self_leaves_from_scores  # noqa: E402
from cchc_desktop.core.scoring.engine import self_assessment  # noqa: E402

VALUES = {"1.1.1": st.sampled_from(["dung_han", "cham", "khong"]), "1.1.2": st.decimals(0, 100, places=1),
          "1.2": st.integers(0, 6), "1.3": st.booleans(), "1.4": st.sampled_from([D(0), D("0.5"), D(2)]),
          "2.1": st.builds(lambda d, n: Ratio(min(n, d), d), st.integers(1, 50), st.integers(0, 50)),
          "2.2": st.booleans(), "T.1": st.sampled_from([D(0), D(1)]), "T.2": st.sampled_from([D(0), D("0.5")])}
NA_OK = {"1", "2", "2.1", "2.2"}  # the mini framework allows N/A on 2.1, 2.2 and (see below) fields when set


@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries({code: st.one_of(st.none(), strat) for code, strat in VALUES.items()}),
       st.sets(st.sampled_from(sorted(NA_OK))))
def test_leaf_results_from_stored_scores_equal_those_from_answers(mini_framework, values, na):
    fw = mini_framework
    answers = {c: Answer(c, v) for c, v in values.items() if v is not None}
    for code in na:
        if fw.item(code).na_mode is not None:
            answers[code] = Answer(code, None, True, "lý do")
    sheet = self_assessment(fw, answers)
    stored = self_leaves_from_scores(fw, {c: n.points for c, n in sheet.nodes.items()},
                                     [c for c, a in answers.items() if a.not_applicable])
    direct = self_leaves(fw, answers)
    for item in fw.leaves():
        if item.scorer.value == "agency":
            a, b = stored[item.code], direct[item.code]
            assert (a.excluded, a.points or 0) == (b.excluded, b.points or 0), item.code
