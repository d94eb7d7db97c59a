"""The agency service on a real workspace: every rule kind, bad input that changes nothing, N/A,
notes, undo/redo as data and evidence links (citations, reopening, creation and bulk fill are in
test_agency_fill_and_creation.py).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.core.changes import Changes
from cchc_desktop.core.errors import EvidenceError, InvalidInput, UserFacingError
from cchc_desktop.core.scoring.rules import Ratio
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.storage.records import Citation

from .agency_views import reopen, rows, view

D = Decimal


# ------------------------------------------------------------------------------ values and points

EMPTY_ASSESSABLE = D(10)  # fields 1 (6) + 2 without the council item (4); the survey field is pending


RULE_CASES = {  # code (rule kind): [(input, points it yields)]
    "1.1.1": [("dung_han", "1"), ("cham", "0.5"), ("khong", "0")],  # choice
    # percent tiers: 90 is in the middle tier (inclusive max); a decimal comma as typed
    "1.1.2": [(95, "1"), ("90", "0.5"), (70, "0.5"), ("69,9", "0")],
    "1.2": [(0, "1"), (2, "0.5"), (9, "0")],  # deduction, floor 0
    "1.3": [(True, "1"), (False, "0"), ("có", "1")],  # yes/no
    "1.4": [(1.5, "1.5"), ("2", "2"), (0, "0")],  # manual, step 0.5
    "2.1": [  # ratio tiers
        ({"numerator": 40, "denominator": 40}, "3"),
        ({"numerator": 37, "denominator": 40}, "2"),
        ({"numerator": 30, "denominator": 40}, "0"),
    ],
    "2.2": [(True, "1"), (False, "0")],  # yes/no with N/A "full"
}


@pytest.mark.parametrize("code", sorted(RULE_CASES))
def test_set_value_for_every_rule_kind_yields_its_points(agency_ws: AgencyWorkspace, code: str) -> None:
    for raw, points in RULE_CASES[code]:
        changes = agency_ws.set_value(code, raw)
        assert changes in (Changes(items=frozenset({code}), score=True), Changes()), raw
        sheet = agency_ws.score()
        assert sheet.node(code).points == D(points), raw
        assert sheet.base_points == sheet.final_points == D(points), raw
        assert sheet.assessable_max == EMPTY_ASSESSABLE
        assert sheet.percent == (D(points) * 100 / EMPTY_ASSESSABLE).quantize(D("0.01"))
        assert sheet.answered == 1
        assert agency_ws.answer(code).answered
        assert code not in {p.code for p in sheet.problems if p.kind == "unanswered"}
        assert rows(agency_ws, "SELECT item_code FROM answers") == [(code,)]


def test_typed_values_and_roll_up(agency_ws: AgencyWorkspace) -> None:
    ws = agency_ws
    ws.set_value("1.1.1", "cham")
    ws.set_value("1.1.2", 95)
    ws.set_value("1.2", 1)
    ws.set_value("1.3", True)
    ws.set_value("1.4", 1.5)
    ws.set_value("2.1", {"numerator": 19, "denominator": 20})
    ws.set_value("2.2", False)
    assert ws.answer("1.1.2").value == D(95)
    assert ws.answer("1.2").value == 1
    assert ws.answer("2.1").value == Ratio(19, 20)
    sheet = ws.score()
    assert sheet.node("1.1").points == D("1.5")
    assert sheet.node("1").points == D("4.75")  # 1.5 + 0.75 + 1 + 1.5
    assert sheet.node("2").points == D("2")
    assert sheet.node("2").assessable_max == D("4")  # 2.3 is the council's
    assert sheet.node("3").assessable_max == D("0")  # survey pending
    assert (sheet.final_points, sheet.assessable_max, sheet.max_points) == (D("6.75"), D("10"), D("20"))
    assert sheet.percent == D("67.50")
    assert sheet.category is not None and sheet.category.key == "kha"
    assert (sheet.answered, sheet.to_answer) == (7, 7)


def test_bonus_and_penalty_adjust_the_final_points(agency_ws: AgencyWorkspace) -> None:
    ws = agency_ws
    ws.set_value("1.3", True)
    ws.set_value("1.4", 2)
    ws.set_value("T.1", 0.5)
    sheet = ws.score()
    assert (sheet.base_points, sheet.bonus, sheet.final_points) == (D(3), D("0.5"), D("3.5"))
    ws.set_value("T.2", 1)
    sheet = ws.score()
    assert (sheet.penalty, sheet.final_points) == (D(1), D("2.5"))
    # Claims are optional: they never count as work to do.
    assert sheet.to_answer == 7


INVALID = [
    ("1.4", 2.5, "vượt điểm tối đa"),
    ("1.4", -0.5, "không được âm"),
    ("1.4", 0.3, "bội số của 0.5"),
    ("1.4", "abc", "không phải là số"),
    ("1.4", "NaN", "hữu hạn"),
    ("1.4", True, "phải là một số"),
    ("T.1", 1.5, "vượt điểm tối đa"),
    ("1.2", -1, "không được âm"),
    ("1.2", 1.5, "số nguyên"),
    ("1.1.2", 100.5, "từ 0 đến 100"),
    ("1.1.2", -1, "từ 0 đến 100"),
    ("1.3", "có lẽ", "chỉ nhận"),
    ("2.1", {"numerator": 0, "denominator": 0}, "bằng 0"),
    ("2.1", {"numerator": 5, "denominator": 4}, "không thể lớn hơn"),
    ("2.1", {"numerator": -1, "denominator": 4}, "không được âm"),
    ("2.1", 95, "tử số và mẫu số"),
    ("1.1.1", "som", "không có trong quy tắc"),
    ("3.1", 5, "điều tra xã hội học"),
    ("3.1", None, "điều tra xã hội học"),
    ("2.3", 1, "Hội đồng thẩm định"),
    ("1.1", 1, "mục tổng hợp"),
    ("1", 1, "mục tổng hợp"),
    ("9.9", 1, "Không có tiêu chí mã “9.9”"),
]


def test_invalid_values_are_refused_and_change_nothing(agency_ws: AgencyWorkspace, ws_snapshot) -> None:
    ws = agency_ws
    # Something entered before, including on the items under test, must survive untouched.
    ws.set_value("1.4", 1)
    ws.set_value("2.1", {"numerator": 9, "denominator": 10})
    ws.set_value("1.1.1", "cham")
    ws.set_value("1.2", 2)
    ws.set_value("1.1.2", 80)
    ws.set_value("1.3", True)
    before = ws_snapshot(ws)
    for code, raw, message in INVALID:
        case = f"set_value({code!r}, {raw!r})"
        with pytest.raises(InvalidInput) as ei:
            ws.set_value(code, raw)
        assert isinstance(ei.value, UserFacingError)
        assert message in ei.value.vi, (case, ei.value.vi)
        assert code in ei.value.vi, case
        assert ei.value.en and ei.value.en != ei.value.vi, case
        assert ws_snapshot(ws) == before, case


def test_changes_for_an_edit_that_changes_nothing(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_value("1.3", True)
    label = agency_ws.undo_label
    assert agency_ws.set_value("1.3", "có") == Changes()
    assert agency_ws.undo_label == label
    assert len(agency_ws.change_log()) == 1


def test_clearing_a_value(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_value("1.4", 2)
    agency_ws.clear_value("1.4")
    assert "1.4" not in agency_ws.answers()
    assert agency_ws.score().final_points == 0
    assert rows(agency_ws, "SELECT * FROM answers") == []


# -------------------------------------------------------------------------------- not applicable


def test_na_on_an_item_that_does_not_allow_it_is_refused(agency_ws: AgencyWorkspace, ws_snapshot) -> None:
    agency_ws.set_value("1.3", True)
    before = ws_snapshot(agency_ws)
    for code in ("1.3", "1.1", "3.1", "2.3", "T.1"):
        with pytest.raises(InvalidInput) as ei:
            agency_ws.set_not_applicable(code, True, "Không phát sinh")
        assert "không cho phép" in ei.value.vi and code in ei.value.vi
        assert ws_snapshot(agency_ws) == before, code


def test_na_exclude_removes_the_item_from_the_applicable_and_assessable_max(
    agency_ws: AgencyWorkspace,
) -> None:
    ws = agency_ws
    ws.set_value("2.1", {"numerator": 10, "denominator": 10})
    assert ws.score().final_points == 3
    ws.set_not_applicable("2.1", True, "Không phát sinh hồ sơ")
    a = ws.answer("2.1")
    assert (a.not_applicable, a.na_reason, a.value) == (True, "Không phát sinh hồ sơ", None)
    sheet = ws.score()
    assert sheet.node("2.1").applicable_max == 0 and sheet.node("2.1").points == 0
    assert sheet.node("2").applicable_max == 3
    assert (sheet.applicable_max, sheet.assessable_max, sheet.final_points) == (D(17), D(7), D(0))
    assert sheet.node("2").answered == 1
    assert "2.1" not in {p.code for p in sheet.problems}
    # Back to applicable: the old value is gone (N/A replaced it), the maxima come back.
    ws.set_not_applicable("2.1", False)
    assert ws.state_of("2.1").empty
    sheet = ws.score()
    assert (sheet.applicable_max, sheet.assessable_max) == (D(20), D(10))


def test_na_full_gives_the_max_points_and_keeps_the_max(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_not_applicable("2.2", True, "Không phát sinh khiếu nại")
    sheet = agency_ws.score()
    assert sheet.node("2.2").points == 1
    assert (sheet.applicable_max, sheet.assessable_max, sheet.final_points) == (D(20), D(10), D(1))


def test_na_without_a_reason_is_a_problem(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_not_applicable("2.2", True, "   ")
    problems = [(p.code, p.kind) for p in agency_ws.problems()]
    assert ("2.2", "na_without_reason") in problems
    agency_ws.set_not_applicable("2.2", True, "Không có đơn khiếu nại trong năm")
    assert "2.2" not in {p.code for p in agency_ws.problems()}


def test_a_value_replaces_na(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_not_applicable("2.1", True, "Không phát sinh")
    agency_ws.set_value("2.1", {"numerator": 9, "denominator": 10})
    a = agency_ws.answer("2.1")
    assert (a.not_applicable, a.value) == (False, Ratio(9, 10))
    assert agency_ws.score().node("2.1").points == 2


def test_a_value_replacing_na_drops_the_na_reason(agency_ws: AgencyWorkspace) -> None:
    """Regression: set_value used to clear not_applicable but keep the stale na_reason."""
    agency_ws.set_not_applicable("2.1", True, "Không phát sinh")
    agency_ws.set_value("2.1", {"numerator": 9, "denominator": 10})
    assert agency_ws.state_of("2.1").na_reason == ""
    assert rows(agency_ws, "SELECT na_reason FROM answers WHERE item_code = '2.1'") == [("",)]


# ----------------------------------------------------------------------------------------- notes


def test_notes_are_nfc_normalised_stored_and_clear_the_missing_evidence_problem(
    agency_ws: AgencyWorkspace,
) -> None:
    ws = agency_ws
    ws.set_value("1.1.1", "dung_han")
    assert ("1.1.1", "missing_evidence") in [(p.code, p.kind) for p in ws.problems()]
    decomposed = unicodedata.normalize("NFD", "  Kế hoạch đã đăng trên cổng thông tin  ")
    ws.set_note("1.1.1", decomposed)
    note = "Kế hoạch đã đăng trên cổng thông tin"
    assert ws.answer("1.1.1").note == note
    assert rows(ws, "SELECT note FROM answers WHERE item_code = '1.1.1'") == [(note,)]
    assert "1.1.1" not in {p.code for p in ws.problems()}
    assert ws.answer("1.1.1").value == "dung_han"  # the note leaves the value alone
    # A note on a field (inner item) is allowed; on an unknown code it is refused.
    ws.set_note("2", "Thuyết minh chung lĩnh vực 2")
    assert ws.answer("2").note == "Thuyết minh chung lĩnh vực 2"
    with pytest.raises(InvalidInput):
        ws.set_note("7.7", "x")


# ------------------------------------------------------------------------------------- undo/redo


def test_undo_redo_of_values_restores_each_state_with_vietnamese_labels(agency_ws: AgencyWorkspace) -> None:
    ws = agency_ws
    assert (ws.undo_label, ws.redo_label) == (None, None)
    s0 = view(ws)
    ws.set_value("1.4", 1)
    s1 = view(ws)
    ws.set_value("1.4", 2)
    s2 = view(ws)
    assert ws.undo_label == ("Nhập kết quả 1.4", "Enter result 1.4")

    assert ws.undo() == Changes(items=frozenset({"1.4"}), score=True)
    assert view(ws) == s1
    assert ws.redo_label == ("Nhập kết quả 1.4", "Enter result 1.4")
    ws.undo()
    assert view(ws) == s0
    assert "1.4" not in ws.answers() and rows(ws, "SELECT * FROM answers") == []
    assert ws.undo_label is None
    assert ws.undo() == Changes()  # nothing left: nothing happens
    assert view(ws) == s0

    ws.redo()
    assert view(ws) == s1
    ws.redo()
    assert view(ws) == s2
    assert ws.redo_label is None
    assert ws.redo() == Changes()
    assert view(ws) == s2


def test_a_new_edit_clears_the_redo_stack(agency_ws: AgencyWorkspace) -> None:
    ws = agency_ws
    ws.set_value("1.4", 1)
    ws.undo()
    assert ws.redo_label is not None
    ws.set_value("1.3", True)
    assert ws.redo_label is None
    s = view(ws)
    assert ws.redo() == Changes()
    assert view(ws) == s
    assert ws.undo_label == ("Nhập kết quả 1.3", "Enter result 1.3")


def _check_undo_redo(ws: AgencyWorkspace, edit, label_vi: str) -> None:
    before = view(ws)
    edit()
    after = view(ws)
    assert after != before
    assert ws.undo_label is not None and ws.undo_label[0] == label_vi
    ws.undo()
    assert view(ws) == before
    assert ws.redo_label is not None and ws.redo_label[0] == label_vi
    ws.redo()
    assert view(ws) == after
    assert ws.undo_label[0] == label_vi and ws.redo_label is None


def test_undo_redo_of_na(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_value("2.1", {"numerator": 1, "denominator": 2})
    ws = agency_ws
    _check_undo_redo(ws, lambda: ws.set_not_applicable("2.1", True, "Không phát sinh"), "Không áp dụng 2.1")
    _check_undo_redo(ws, lambda: ws.set_not_applicable("2.1", False), "Bỏ “không áp dụng” 2.1")


def test_undo_redo_of_a_note(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_value("1.3", True)
    agency_ws.set_note("1.3", "cũ")
    ws = agency_ws
    _check_undo_redo(ws, lambda: ws.set_note("1.3", "Đã tuyên truyền trên loa"), "Sửa thuyết minh 1.3")


def test_undo_redo_of_attach_link_unlink_and_citation(agency_ws: AgencyWorkspace, make_file) -> None:
    ws = agency_ws
    ws.add_evidence("1.3", make_file("co-san.pdf", b"first"))
    plan = make_file("kh.pdf", b"plan")
    _check_undo_redo(ws, lambda: ws.add_evidence("1.1.1", plan, pages="tr. 3"), "Đính kèm tài liệu cho 1.1.1")
    doc = next(d for d in ws.documents() if d.file_name == "kh.pdf")
    assert ws.answer("1.1.1").evidence_count == 1
    _check_undo_redo(ws, lambda: ws.link_evidence("1.4", doc.id, "mục II"), "Đính kèm tài liệu cho 1.4")
    _check_undo_redo(ws, lambda: ws.unlink_evidence("1.1.1", doc.id), "Gỡ tài liệu khỏi 1.1.1")
    _check_undo_redo(
        ws,
        lambda: ws.update_citation(
            doc.id, Citation("Kế hoạch", "12/KH-UBND", "05/01/2026", "UBND xã", "CCHC năm 2026")
        ),
        "Sửa trích dẫn tài liệu",
    )
    assert ws.document(doc.id).citation.issue_date == "2026-01-05"
    ws.undo()
    assert ws.document(doc.id).citation == Citation()


def test_undo_of_attaching_a_new_file_gives_back_the_package_size(
    agency_ws: AgencyWorkspace, make_file
) -> None:
    """Regression: the unlinked document left by the undo used to count in evidence_bytes()."""
    ws = agency_ws
    ws.add_evidence("1.3", make_file("scan-nham.pdf", b"x" * 10_000))
    assert ws.evidence_bytes() == 10_000
    ws.undo()
    assert ws.evidence_for("1.3") == []
    assert ws.evidence_bytes() == 0
    assert [d for d in ws.documents() if d.links] == ws.documents()


def test_values_written_by_undo_persist_after_reopening(agency_ws: AgencyWorkspace) -> None:
    ws = agency_ws
    ws.set_value("1.4", 1)
    ws.set_value("1.4", 2)
    ws.set_not_applicable("2.2", True, "Không phát sinh")
    ws.undo()
    ws.undo()
    expected = view(ws)
    ws = reopen(ws)
    try:
        assert view(ws) == expected
        assert ws.answer("1.4").value == D(1)
        assert "2.2" not in ws.answers()
        assert [e.action for e in ws.change_log()] == ["edit", "edit", "edit", "undo", "undo"]
        assert (ws.undo_label, ws.redo_label) == (None, None)  # the stacks are per session
    finally:
        ws.close()


def test_a_failed_undo_goes_back_on_the_stack(agency_ws: AgencyWorkspace, make_file) -> None:
    ws = agency_ws
    ws.add_evidence("1.3", make_file("a.pdf", b"aaa"))
    doc = ws.documents()[0]
    ws.update_citation(doc.id, Citation(doc_type="Báo cáo"))
    # Someone removes the document behind the service's back: the undo cannot apply.
    con = sqlite3.connect(ws.folder / "workspace.sqlite")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("DELETE FROM evidence_documents")
    con.commit()
    con.close()
    with pytest.raises(EvidenceError):
        ws.undo()
    assert ws.undo_label == ("Sửa trích dẫn tài liệu", "Edit citation")
    assert ws.redo_label is None


EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("1.4"), st.sampled_from([0, 0.5, 1, 1.5, 2, None])),
        st.tuples(st.just("1.3"), st.sampled_from([True, False, None])),
        st.tuples(st.just("1.2"), st.integers(0, 6)),
        st.tuples(st.just("na"), st.sampled_from([True, False])),
        st.tuples(st.just("note"), st.sampled_from(["", "a", "b"])),
    ),
    min_size=1,
    max_size=8,
)


def test_undoing_every_edit_returns_to_the_start_and_redo_replays_them(agency_ws: AgencyWorkspace) -> None:
    ws = agency_ws  # one workspace for every example: the property holds from any starting state

    @settings(max_examples=20, deadline=None, database=None)
    @given(EDITS)
    def prop(edits: list[tuple[str, Any]]) -> None:
        states = [view(ws)]
        for kind, arg in edits:
            if kind == "na":
                changed = ws.set_not_applicable("2.2", arg, "lý do")
            elif kind == "note":
                changed = ws.set_note("1.4", arg)
            else:
                changed = ws.set_value(kind, arg)
            if changed != Changes():
                states.append(view(ws))
        for expected in reversed(states[:-1]):
            ws.undo()
            assert view(ws) == expected
        for expected in states[1:]:
            ws.redo()
            assert view(ws) == expected
        assert ws.redo_label is None

    prop()


# -------------------------------------------------------------------------------- evidence links


def test_one_document_backs_several_items(agency_ws: AgencyWorkspace, make_file, ws_snapshot) -> None:
    ws = agency_ws
    ws.add_evidence("1.1.1", make_file("qd-12.pdf", b"decision 12"), Citation("Quyết định", "12/QĐ-UBND"))
    (doc,) = ws.documents()
    changes = ws.link_evidence("1.3", doc.id, "tr. 2")
    assert changes == Changes(items=frozenset({"1.3"}), evidence=True, score=True)
    ws.link_evidence("2.3", doc.id)  # council items take evidence too
    answers = ws.answers()
    assert {c: answers[c].evidence_count for c in ("1.1.1", "1.3", "2.3")} == {"1.1.1": 1, "1.3": 1, "2.3": 1}
    assert ws.document(doc.id).links == (("1.1.1", ""), ("1.3", "tr. 2"), ("2.3", ""))
    assert [e.pages for e in ws.evidence_for("1.3")] == ["tr. 2"]
    assert rows(ws, "SELECT COUNT(*) FROM evidence_files") == [(1,)]
    assert rows(ws, "SELECT COUNT(*) FROM evidence_documents") == [(1,)]
    assert ws.evidence_bytes() == len(b"decision 12")
    assert "1.1.1" not in {p.code for p in ws.problems() if p.kind == "missing_evidence"}

    before = ws_snapshot(ws)
    with pytest.raises(EvidenceError):
        ws.link_evidence("1.3", doc.id)  # already linked
    with pytest.raises(EvidenceError):
        ws.link_evidence("1.4", doc.id + 100)  # no such document
    with pytest.raises(InvalidInput):
        ws.link_evidence("8.8", doc.id)
    with pytest.raises(EvidenceError):
        ws.unlink_evidence("1.4", doc.id)  # not linked there
    with pytest.raises(EvidenceError):
        ws.add_evidence("1.3", make_file("copy-of-qd-12.pdf", b"decision 12"))  # same content, same item
    assert ws_snapshot(ws) == before

    ws.unlink_evidence("1.3", doc.id)
    assert ws.answer("1.3").evidence_count == 0 and ws.answer("1.1.1").evidence_count == 1


def test_attaching_to_an_unknown_item_or_with_a_bad_date_stores_nothing(
    agency_ws: AgencyWorkspace, make_file, ws_snapshot
) -> None:
    before = ws_snapshot(agency_ws)
    with pytest.raises(InvalidInput):
        agency_ws.add_evidence("4.4", make_file("a.pdf", b"a"))
    with pytest.raises(EvidenceError) as ei:
        agency_ws.add_evidence("1.3", make_file("b.pdf", b"b"), Citation(issue_date="31/02/2026"))
    assert "không tồn tại" in ei.value.vi
    assert ws_snapshot(agency_ws) == before
