"""`cchc inspect appraise | rank | status | survey | agencies | reviewers | finalize` end to end."""

from __future__ import annotations

import json

import openpyxl


def test_appraise_rank_and_status_from_the_command_line(round_with, cli):
    ws = round_with("XA-001", "XA-002")
    d = ws.folder
    r = cli("inspect", "appraise", d, "--agency", "XA-001", "--criterion", "2.3", "--points", "1,5", "--reason", "Đạt một phần")
    assert r.code == 0 and "điểm thẩm định 1,5 (vòng 1)" in r.out and "Chỉ số hiện tại: 42,65%" in r.out  # 7.25/17
    r = cli("inspect", "appraise", d, "--agency", "XA-001", "--criterion", "1.1.1", "--points", "0.3", "--reason", "x")
    assert r.code != 0 and "Điểm hợp lệ: 0; 0,5; 1" in r.err and "Traceback" not in r.err
    r = cli("inspect", "appraise", d, "--agency", "XA-001", "--criterion", "1.4", "--points", "1")
    assert r.code != 0 and "hãy ghi lý do" in r.err
    r = cli("--lang", "en", "inspect", "appraise", d, "--agency", "XA-001", "--criterion", "1.4", "--points", "3", "--reason", "x")
    assert r.code != 0 and "exceed the max of 2" in r.err
    r = cli("inspect", "appraise", d, "--agency", "XA-002", "--criterion", "1.3", "--accept", "--json")
    assert r.code == 0 and json.loads(r.out)["appraisal"]["points"] == "1"

    r = cli("inspect", "rank", d, "--json")
    doc = json.loads(r.out)
    assert [(e["rank"], e["agency_code"], e["index"], e["category"], e["tied"]) for e in doc["ranking"]] == [
        (1, "XA-001", "42.65", "Yếu", False), (2, "XA-002", "33.82", "Yếu", False)]
    assert doc["not_submitted"] == [{"agency_code": "XA-003", "agency_name": "UBND xã Ba"}]
    r = cli("inspect", "rank", d)
    assert r.code == 0 and "chưa thẩm định xong" in r.out and "Chưa nộp: XA-003 (UBND xã Ba)" in r.out

    r = cli("inspect", "status", d, "--agency", "XA-001", "--json")
    doc = json.loads(r.out)
    assert doc["agencies"][0]["status"] == "in_appraisal" and doc["agencies"][0]["appraised"] == 1
    item = next(i for i in doc["items"] if i["code"] == "2.3")
    assert item["appraisal"]["reason"] == "Đạt một phần" and item["final_points"] == "1.5"
    r = cli("inspect", "status", d)
    assert "Đang thẩm định" in r.out and "Chưa nộp" in r.out


def test_ties_are_shown_with_an_equals_sign(round_with, cli):
    ws = round_with("XA-001", "XA-002")
    r = cli("inspect", "rank", ws.folder)
    assert "=1" in r.out and "đồng hạng với XA-002" in r.out


def test_survey_agencies_reviewers_and_finalize(round_with, cli, tmp_path):
    ws = round_with("XA-001")
    d = ws.folder
    tpl = tmp_path / "ks.xlsx"
    assert cli("inspect", "survey", d, "--template", tpl).code == 0
    wb = openpyxl.load_workbook(tpl)
    wb.active["C4"] = 8
    wb.save(tpl)
    r = cli("inspect", "survey", d, "--xlsx", tpl)
    assert r.code == 0 and "Đã nhập 1 điểm điều tra của 1 cơ quan" in r.out
    wb.active["C4"] = 80
    wb.save(tpl)
    r = cli("inspect", "survey", d, "--xlsx", tpl)
    assert r.code != 0 and "điểm 80 phải từ 0 đến 8" in r.err

    lst = tmp_path / "ds.xlsx"
    assert cli("inspect", "agencies", d, "--template", lst).code == 0
    r = cli("inspect", "agencies", d, "--xlsx", lst)
    assert r.code == 0 and "1 cơ quan" in r.out

    r = cli("inspect", "reviewers", d, "--set", "Sở Tư pháp=1", "--set", "Sở Nội vụ=2,3")
    assert r.code == 0 and "Sở Tư pháp: 1" in r.out and "Sở Nội vụ: 2, 3" in r.out
    r = cli("inspect", "reviewers", d, "--set", "Ai đó")
    assert r.code != 0 and "Tên=1,2" in r.err

    r = cli("inspect", "finalize", d, "--agency", "XA-001")
    status = {a["agency_code"]: a["status"] for a in json.loads(cli("inspect", "status", d, "--json").out)["agencies"]}
    assert r.code == 0 and status["XA-001"] == "final" and status["000.00.01.H00"] == "not_submitted"
