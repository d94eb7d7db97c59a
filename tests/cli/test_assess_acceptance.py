"""THE acceptance test: workspace init + assess fill + assess score --json against hand-computed totals.

The mini framework (tests/data/mini_framework.json), max points:
  I   (6)  1.1 (2) = 1.1.1 choice (1) + 1.1.2 percent tiers (1); 1.2 deduction 0.25/violation floor 0 (1);
           1.3 yes/no (1); 1.4 manual step 0.5 (2)
  II  (6)  2.1 ratio tiers, N/A "exclude" (3); 2.2 yes/no, N/A "full" (1); 2.3 council (2)
  III (8)  3.1 survey (8)
  T.1 bonus (1), T.2 penalty (1); bonus_cap 1, penalty_cap 1; categories Tốt 80, Khá 65, TB 50, Yếu 0.
Council (2.3) and survey (3.1) items are pending in a self-assessment: they stay in the applicable
max but not in the assessable max.
"""

from __future__ import annotations

from pathlib import Path

from cchc_desktop.core.services.agency import AgencyWorkspace

from .helpers import answers_file, items_by_code, mini_doc, write_json

EVIDENCE = b"%PDF-1.4\n% Quyet dinh ban hanh ke hoach CCHC 2026\n"


def fields_of(score: dict) -> dict[str, tuple[str, str, str, str]]:
    return {f["code"]: (f["max"], f["applicable_max"], f["assessable_max"], f["points"]) for f in score["fields"]}


def score_of(cli, ws: Path) -> dict:
    r = cli("assess", "score", ws, "--json")
    assert r.code == 0, r.err
    return r.json()


def test_scenario_a_not_applicable_floor_tiers_bonus_penalty(cli, new_workspace, tmp_path: Path) -> None:
    ws = new_workspace("a")
    (tmp_path / "kem-theo").mkdir()
    (tmp_path / "kem-theo" / "qd-ke-hoach.pdf").write_bytes(EVIDENCE)
    citation = {"file": "kem-theo/qd-ke-hoach.pdf", "doc_type": "Quyết định", "number_symbol": "12/QĐ-UBND",
                "issue_date": "15/01/2026", "issuer": "UBND xã Thử Nghiệm", "excerpt": "Ban hành Kế hoạch CCHC năm 2026",
                "pages": "1-2"}
    path = answers_file(tmp_path / "tra-loi-a.json", {
        "1.1.1": {"value": "cham", "note": "Ban hành chậm 5 ngày", "evidence": [citation]},  # late -> 0.5
        "1.1.2": {"value": 90},             # 90 is in [70; 90] (max_inclusive) -> 0.5, not 1
        "1.2": {"value": 5},                # 1 - 5 x 0.25 = -0.25 -> floor 0
        "1.3": {"value": True},             # -> 1
        "1.4": {"value": 1.5},              # manual, step 0.5 -> 1.5
        "2.1": {"not_applicable": True, "reason": "Năm 2026 không phát sinh hồ sơ"},  # exclude: max 6 -> 3
        "2.2": {"not_applicable": True, "reason": "Không có khiếu nại"},               # full: 1 point
        "2.3": {"note": "Đã được tỉnh kiểm tra tháng 9", "evidence": [dict(citation, pages="3")]},  # council: pending
        "T.1": {"value": 1},                # bonus 1 (cap 1)
        "T.2": {"value": 0.5},              # penalty 0.5 (cap 1)
    })
    r = cli("assess", "fill", ws, "--answers", path)
    assert r.code == 0, r.err
    assert "Đã cập nhật 10 mục" in r.out
    assert "Tổng điểm tự đánh giá: 5 / 7 điểm chấm được = 71,43% → xếp loại dự kiến: Khá" in r.out

    s = score_of(cli, ws)
    # Field I: 1.1.1 0.5 + 1.1.2 0.5 + 1.2 0 + 1.3 1 + 1.4 1.5 = 3.5 of 6 (all self-scored).
    # Field II: 2.1 excluded (applicable 6 - 3 = 3); 2.2 N/A full = 1; 2.3 council pending (not assessable) -> 1 of 1.
    # Field III: survey only -> applicable 8, assessable 0, points 0.
    assert fields_of(s) == {"1": ("6", "6", "6", "3.5"), "2": ("6", "3", "1", "1"), "3": ("8", "8", "0", "0")}
    # base 3.5 + 1 = 4.5; final 4.5 + bonus 1 - penalty 0.5 = 5; max 20; applicable 6+3+8 = 17;
    # assessable 6+1+0 = 7; percent 5/7 x 100 = 71.428... -> 71.43 -> Khá (>= 65, < 80).
    assert s["total"] == {"base_points": "4.5", "bonus": "1", "bonus_cap": "1", "penalty": "0.5", "penalty_cap": "1",
                          "final_points": "5", "max": "20", "applicable_max": "17", "assessable_max": "7",
                          "percent": "71.43", "category": {"key": "kha", "name": "Khá"}}
    # 7 self-scored leaves (1.1.1, 1.1.2, 1.2, 1.3, 1.4, 2.1, 2.2), all answered or N/A.
    assert s["progress"] == {"answered": 7, "to_answer": 7, "complete": True}
    assert s["problems"] == []
    it = items_by_code(s)
    assert [it[c]["points"] for c in ("1.1.1", "1.1.2", "1.2", "1.3", "1.4", "1.1")] == ["0.5", "0.5", "0", "1", "1.5", "1"]
    assert (it["1.1.2"]["value"], it["1.2"]["value"], it["1.3"]["value"], it["1.1.1"]["value"]) == ("90", 5, True, "cham")
    assert (it["2.1"]["status"], it["2.1"]["applicable_max"], it["2.1"]["not_applicable_reason"]) == (
        "not_applicable", "0", "Năm 2026 không phát sinh hồ sơ")
    assert (it["2.2"]["status"], it["2.2"]["points"]) == ("not_applicable", "1")
    assert (it["2.3"]["status"], it["2.3"]["assessable_max"], it["2.3"]["evidence_count"]) == ("pending", "0", 1)
    assert (it["3.1"]["status"], it["3.1"]["applicable_max"], it["3.1"]["assessable_max"]) == ("pending", "8", "0")
    assert [(a["code"], a["kind"], a["points"]) for a in s["adjustments"]] == [("T.1", "bonus", "1"), ("T.2", "penalty", "0.5")]
    # One file backing two items is stored once, with its citation (date normalised to ISO).
    assert s["workspace"]["evidence"]["documents"] == 1
    with AgencyWorkspace.open(ws) as w:
        (doc,) = w.documents()
        assert doc.citation.issue_date == "2026-01-15" and doc.citation.number_symbol == "12/QĐ-UBND"
        assert sorted(doc.links) == [("1.1.1", "1-2"), ("2.3", "3")]
        assert w.evidence_path(doc.id).read_bytes() == EVIDENCE

    human = cli("assess", "score", ws)
    assert human.code == 0
    assert any(line.split()[:1] == ["II"] and line.split()[-5:] == ["6", "3", "1", "1", "2/2"] for line in human.out.splitlines())
    assert "Không còn vấn đề cần xử lý." in human.out


def test_scenario_b_tier_bounds_ratio_two_violations_and_problems(cli, new_workspace, tmp_path: Path) -> None:
    ws = new_workspace("b")
    r = cli("assess", "fill", ws, "--answers", answers_file(tmp_path / "b1.json", {
        "1.1.1": {"value": "dung_han"},     # 1, but evidence is required: no file, no note -> problem
        "1.1.2": {"value": "90.01"},        # just above 90: the (90; +inf) tier -> 1
        "1.2": {"value": 2},                # 1 - 2 x 0.25 = 0.5
        "1.3": {"value": False},            # 0
        # 1.4 left unanswered -> problem
        "2.1": {"value": {"numerator": 40, "denominator": 40}},  # exactly 100% -> [100; 100] tier -> 3
        "2.2": {"value": True},             # 1
        "T.1": {"value": 1},
        "T.2": {"value": 1},
    }))
    assert r.code == 0, r.err
    s = score_of(cli, ws)
    # Field I: 1 + 1 + 0.5 + 0 + 0 = 2.5; field II: 3 + 1 = 4 of assessable 4 (2.3 pending), applicable 6.
    assert fields_of(s) == {"1": ("6", "6", "6", "2.5"), "2": ("6", "6", "4", "4"), "3": ("8", "8", "0", "0")}
    # base 6.5 + 1 - 1 = 6.5 of assessable 10 -> exactly 65.00% -> Khá (the cut-off is inclusive).
    t = s["total"]
    assert (t["base_points"], t["final_points"], t["applicable_max"], t["assessable_max"], t["percent"]) == ("6.5", "6.5", "20", "10", "65")
    assert t["category"] == {"key": "kha", "name": "Khá"}
    assert s["progress"] == {"answered": 6, "to_answer": 7, "complete": False}
    assert [(p["code"], p["kind"]) for p in s["problems"]] == [("1.1.1", "missing_evidence"), ("1.4", "unanswered")]
    assert items_by_code(s)["2.1"]["value"] == {"numerator": 40, "denominator": 40}

    # Second pass: an explanation instead of a file, 1.4 answered, 70% exactly (min inclusive -> 0.5), 99% -> 2.
    r = cli("assess", "fill", ws, "--answers", answers_file(tmp_path / "b2.json", {
        "1.1.1": {"note": "Bản giấy lưu tại văn phòng UBND xã"},
        "1.1.2": {"value": 70},
        "1.4": {"value": "2"},
        "2.1": {"value": {"numerator": 99, "denominator": 100}},
        "1.3": {"value": False},            # unchanged: not counted
    }))
    assert r.code == 0, r.err
    assert "Đã cập nhật 4 mục: 1.1.1, 1.1.2, 1.4, 2.1." in r.out
    s = score_of(cli, ws)
    # Field I: 1 + 0.5 + 0.5 + 0 + 2 = 4; field II: 2 + 1 = 3; base 7 + 1 - 1 = 7 of 10 -> 70% -> Khá.
    assert fields_of(s)["1"][3] == "4" and fields_of(s)["2"][3] == "3"
    assert (s["total"]["final_points"], s["total"]["percent"]) == ("7", "70")
    assert s["problems"] == [] and s["progress"]["complete"] is True

    # Exactly 4 violations reach 0; the deduction never goes below its floor.
    cli("assess", "fill", ws, "--answers", answers_file(tmp_path / "b3.json", {"1.2": {"value": 4}}))
    assert items_by_code(score_of(cli, ws))["1.2"]["points"] == "0"


def test_scenario_c_bonus_and_penalty_caps(cli, new_workspace, tmp_path: Path) -> None:
    doc = mini_doc()
    doc["bonus_cap"], doc["penalty_cap"] = 0.5, 0.5  # below what T.1 / T.2 alone can claim
    ws = new_workspace("c", write_json(tmp_path / "capped.json", doc))
    (tmp_path / "khen-thuong.pdf").write_bytes(b"%PDF-1.4 bang khen")
    r = cli("assess", "fill", ws, "--answers", answers_file(tmp_path / "c1.json", {
        "1.1.1": {"value": "dung_han", "evidence": [{"file": "khen-thuong.pdf", "issue_date": "2026-03-01"}]},
        "1.1.2": {"value": 95}, "1.2": {"value": 0}, "1.3": {"value": True}, "1.4": {"value": 2},  # field I = 6
        "2.1": {"not_applicable": True, "reason": "Không phát sinh"}, "2.2": {"value": True},  # field II = 1 of 1
        "T.1": {"value": 1},                # raw 1, capped at 0.5
        "T.2": {"value": 1},                # raw 1, capped at 0.5
    }))
    assert r.code == 0, r.err
    s = score_of(cli, ws)
    # base 6 + 1 = 7 = assessable max; 7 + 0.5 - 0.5 = 7 -> 100% -> Tốt.
    assert [(a["code"], a["points"]) for a in s["adjustments"]] == [("T.1", "1"), ("T.2", "1")]
    t = s["total"]
    assert (t["base_points"], t["bonus"], t["penalty"], t["final_points"], t["assessable_max"], t["percent"]) == (
        "7", "0.5", "0.5", "7", "7", "100")
    assert t["category"]["key"] == "tot"

    cli("assess", "fill", ws, "--answers", answers_file(tmp_path / "c2.json", {"T.2": {"value": 0}}))
    t = score_of(cli, ws)["total"]
    # 7 + 0.5 - 0 = 7.5, but the final score never exceeds the assessable max (7).
    assert (t["bonus"], t["penalty"], t["final_points"], t["percent"]) == ("0.5", "0", "7", "100")

    cli("assess", "fill", ws, "--answers", answers_file(tmp_path / "c3.json", {"T.1": {"value": 0}, "T.2": {"value": 0.5}}))
    t = score_of(cli, ws)["total"]
    # 7 + 0 - 0.5 = 6.5 of 7 = 92.857... -> 92.86 -> Tốt.
    assert (t["bonus"], t["penalty"], t["final_points"], t["percent"]) == ("0", "0.5", "6.5", "92.86")


def test_english_score_and_full_framework_workspace(cli, tmp_path: Path) -> None:
    from .helpers import FORMS

    if not FORMS:
        return
    ws = tmp_path / "so"
    fid = cli("framework", "check", FORMS[0], "--json").json()["id"]
    r = cli("workspace", "init", ws, "--role", "agency", "--framework", fid, "--agency-code", "SNV", "--agency-name", "Sở Nội vụ")
    assert r.code == 0, r.err
    en = cli("assess", "score", ws, "--lang", "en")
    assert en.code == 0 and "Self-assessed total" in en.out
    s = score_of(cli, ws)
    assert s["total"]["max"] == "100" and s["progress"]["answered"] == 0 and s["problems"]
    info = cli("workspace", "info", ws, "--json").json()
    assert (info["agency_code"], info["framework_id"], info["role"]) == ("SNV", fid, "agency")
