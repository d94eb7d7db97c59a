"""The council's appraisal service on a real SQLite workspace: overlay, reasons, undo, statuses,
the append-only history, survey and agency-list files, reviewers."""

from __future__ import annotations

import sqlite3
from decimal import Decimal as D

import openpyxl
import pytest

from cchc_desktop.core.errors import InvalidInput
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.services.inspection_setup import Reviewer, write_agency_template

from ..inspection.helpers import snapshot


def test_appraisal_never_changes_the_signed_answers(round_with):
    ws = round_with("XA-001")
    sha = ws.submission("XA-001").manifest_sha256
    before = ws.answers(sha)
    ws.appraise("XA-001", "1.4", "1", "Sáng kiến chưa được công nhận")
    assert ws.answers(sha) == before
    assert ws.self_sheet("XA-001").final_points == D("5.75")  # the agency's own score stays
    assert ws.final_sheet("XA-001").final_points == D("5.25")  # 5.75 - (1.5 - 1)


def test_a_reason_is_required_when_the_points_differ(round_with):
    ws = round_with("XA-001")
    with pytest.raises(InvalidInput, match="hãy ghi lý do"):
        ws.appraise("XA-001", "1.4", "1")
    a = ws.appraise("XA-001", "1.4", "1.5")  # same as self: no reason needed
    assert a.points == D("1.5") and a.reviewer == "test" and a.round == 1 and a.at
    with pytest.raises(InvalidInput, match="hãy ghi lý do"):
        ws.appraise("XA-001", "2.1", "2")  # the agency said N/A: 2 points differ


def test_refused_values_store_nothing(round_with):
    ws = round_with("XA-001")
    before = snapshot(ws.folder)["rows"]
    for code, pts in (("1.1.1", "0.3"), ("1.3", "2"), ("3.1", "1"), ("9.9", "1")):
        with pytest.raises(InvalidInput):
            ws.appraise("XA-001", code, pts, "lý do")
    with pytest.raises(InvalidInput, match="chưa có hồ sơ"):
        ws.appraise("XA-002", "1.3", "1", "lý do")
    assert snapshot(ws.folder)["rows"] == before


def test_undo_and_redo_restore_the_previous_appraisal(round_with):
    ws = round_with("XA-001")
    ws.appraise("XA-001", "1.4", "1", "lần 1")
    ws.appraise("XA-001", "1.4", "0.5", "lần 2")
    ws.undo()
    [a] = ws.appraisals("XA-001")
    assert (a.points, a.reason) == (D(1), "lần 1")
    ws.undo()
    assert ws.appraisals("XA-001") == [] and not ws.can_undo()
    ws.redo()
    assert ws.appraisals("XA-001")[0].reason == "lần 1"
    log = ws.appraisal_log("XA-001")
    assert [(e["before"] or {}).get("points") for e in log] == [None, "1", "0.5", "1", None]
    assert [(e["after"] or {}).get("points") for e in log] == ["1", "0.5", "1", None, "1"]


def test_the_history_is_append_only(round_with):
    ws = round_with("XA-001")
    ws.appraise("XA-001", "1.3", "1")
    con = sqlite3.connect(ws.folder / "workspace.sqlite")
    try:
        for sql in ("UPDATE appraisal_log SET actor = 'x'", "DELETE FROM appraisal_log"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                con.execute(sql)
    finally:
        con.close()


def test_statuses_follow_the_work(round_with):
    ws = round_with("XA-001")
    status = {o.code: o.status for o in ws.overview()}
    assert status == {"XA-001": "submitted", "XA-002": "not_submitted", "XA-003": "not_submitted"}
    ws.appraise("XA-001", "1.3", "1")
    assert ws.overview("XA-001")[0].status == "in_appraisal"
    for code in ("1.1.1", "1.1.2", "1.2", "1.4", "2.1", "2.2"):
        ws.accept_self("XA-001", code)
    ws.appraise("XA-001", "2.3", "1", "Kiểm tra: đạt một nửa")
    o = ws.overview("XA-001")[0]
    assert o.status == "appraised" and (o.appraised, o.to_appraise) == (8, 8) and o.disagreements == 0  # 2.3: council-only
    ws.set_final("XA-001")
    assert ws.overview("XA-001")[0].status == "final"


def test_accept_self_refuses_council_items(round_with):
    ws = round_with("XA-001")
    with pytest.raises(InvalidInput, match="không có điểm tự chấm"):
        ws.accept_self("XA-001", "2.3")
    a = ws.accept_self("XA-001", "2.1")  # the agency's N/A (exclude) accepted
    assert a.not_applicable and ws.final_sheet("XA-001").applicable_max == D(17)


def test_identical_submissions_tie_in_the_ranking(round_with):
    ws = round_with("XA-001", "XA-002")
    ranking = ws.ranking()
    assert [(e.rank, e.tied_with) for e in ranking] == [(1, ("XA-002",)), (1, ("XA-001",))]
    ws.appraise("XA-002", "2.3", "0.5", "Có kiểm tra")
    assert [(e.agency_code, e.rank, e.percent) for e in ws.ranking()] == [
        ("XA-002", 1, D("36.76")), ("XA-001", 2, D("33.82"))]  # 6.25/17 and 5.75/17


# ---------------------------------------------------------------- survey file


def _survey_file(ws: InspectionWorkspace, path, rows):
    ws.write_survey_template(path)
    wb = openpyxl.load_workbook(path)
    sh = wb.active
    for r, values in enumerate(rows, 4):
        for c, v in enumerate(values, 1):
            sh.cell(r, c, v)
    wb.save(path)
    return path


def test_survey_points_are_imported_and_count(round_with, tmp_path):
    ws = round_with("XA-001")
    f = _survey_file(ws, tmp_path / "khao-sat.xlsx", [["XA-001", "UBND xã Một", 7], ["XA-002", "UBND xã Hai", "6,5"],
                                                       ["XA-003", "UBND xã Ba", 8]])
    r = ws.import_survey(f)
    assert (r.agencies, r.cells) == (3, 3)
    assert ws.survey_points()["XA-002"] == {"3.1": D("6.5")}
    assert ws.final_sheet("XA-001").final_points == D("12.75")  # 5.75 + 7
    assert ws.overview("XA-001")[0].surveyed


@pytest.mark.parametrize(("rows", "says"), [
    ([["XA-001", "x", 9]], "ô C5 (XA-001, tiêu chí 3.1): điểm 9 phải từ 0 đến 8"),
    ([["XA-001", "x", "nhiều"]], "“nhiều” không phải là số"),
    ([["XA-009", "x", 1]], "mã cơ quan “XA-009” không có"),
    ([["XA-001", "x", 1], ["XA-001", "x", 2]], "xuất hiện hai lần"),
])
def test_a_bad_survey_file_changes_nothing(round_with, tmp_path, rows, says):
    ws = round_with("XA-001")
    good = _survey_file(ws, tmp_path / "tot.xlsx", [["XA-001", "x", 7]])
    ws.import_survey(good)
    before = snapshot(ws.folder)["rows"]
    bad = _survey_file(ws, tmp_path / "xau.xlsx", [["XA-002", "x", 1]] + rows)
    with pytest.raises(InvalidInput) as exc:
        ws.import_survey(bad)
    assert says in exc.value.vi and "chưa nhập điểm nào" in exc.value.vi
    assert snapshot(ws.folder)["rows"] == before


def test_a_file_that_is_not_a_workbook_is_refused(round_with, tmp_path):
    ws = round_with()
    f = tmp_path / "khao-sat.xlsx"
    f.write_bytes(b"")
    with pytest.raises(Exception) as exc:
        ws.import_survey(f)
    assert "Excel" in exc.value.vi


# ---------------------------------------------------------------- round setup


def test_the_agency_list_comes_from_the_template(council, tmp_path):
    ws = council()
    path = write_agency_template(tmp_path / "ds.xlsx", "xa")
    wb = openpyxl.load_workbook(path)
    sh = wb.active
    sh.delete_rows(2)
    for row in (["XA-001", "UBND xã Một", "xã"], ["XA-002", "UBND phường Hai", "Phường"], ["XA-003", "UBND xã Ba", None]):
        sh.append(row)
    wb.save(path)
    assert ws.import_agency_list(path) == 3
    assert [(a.code, a.name, a.expected) for a in ws.agencies()] == [
        ("XA-001", "UBND xã Một", True), ("XA-002", "UBND phường Hai", True), ("XA-003", "UBND xã Ba", True)]
    sh.append(["XA-004", "Sở Tư pháp", "sở"])
    sh.append(["", "Không mã", "xã"])
    wb.save(path)
    with pytest.raises(InvalidInput) as exc:
        ws.import_agency_list(path)
    assert "dòng 5: cấp “sở” khác cấp" in exc.value.vi and "dòng 6: mã cơ quan" in exc.value.vi
    assert len(ws.agencies()) == 3


def test_reviewers_and_their_fields(council):
    ws = council()
    ws.set_reviewers([Reviewer("Sở Tư pháp", "STP", ("1",)), Reviewer("Sở Nội vụ", "", ())])
    assert ws.reviewers() == [Reviewer("Sở Nội vụ", "", ()), Reviewer("Sở Tư pháp", "STP", ("1",))]
    with pytest.raises(InvalidInput, match="không phải là lĩnh vực"):
        ws.set_reviewers([Reviewer("A", "", ("1.1",))])
    assert len(ws.reviewers()) == 2
