"""core.services.review_view (Qt-free): what the review screen reads for one agency, and the
agency's answers in words.  Plain pytest, no Qt."""

from __future__ import annotations

from decimal import Decimal

from cchc_desktop.core.scoring.engine import Answer
from cchc_desktop.core.scoring.rules import Ratio
from cchc_desktop.core.services.review_view import (
    AGREED,
    CHANGED,
    OPTIONAL,
    SCORED,
    SURVEY,
    TODO,
    answer_text,
    date_text,
    load_review,
    package_answer_text,
    progress,
)


def test_answers_in_words(mini_framework):
    fw = mini_framework
    words = {
        "1.1.1": (Answer("1.1.1", "cham"), "Ban hành chậm"),
        "1.1.2": (Answer("1.1.2", Decimal("92.5")), "92,5%"),
        "1.2": (Answer("1.2", 2), "2 lần vi phạm"),
        "1.3": (Answer("1.3", True), "Đạt"),
        "1.4": (Answer("1.4", Decimal("1.5")), "1,5 điểm"),
        "2.1": (Answer("2.1", Ratio(45, 50)), "Số hồ sơ đúng hạn: 45; Số hồ sơ đã giải quyết: 50 (90%)"),
        "2.2": (Answer("2.2", None, True, "Không có khiếu nại"), "Không phát sinh khiếu nại: Không có khiếu nại"),
    }
    for code, (answer, text) in words.items():
        assert answer_text(fw.item(code), answer) == text, code
    assert answer_text(fw.item("1.3"), Answer("1.3", False), "en") == "No"
    assert answer_text(fw.item("1.1.2"), Answer("1.1.2", Decimal("92.5")), "en") == "92.5%"
    assert answer_text(fw.item("1.3"), None) == ""
    assert date_text("2026-01-15") == "15/01/2026" and date_text("15/01/2026") == "15/01/2026"


def test_a_package_answer_in_words(council_round):
    ws = council_round()
    sha = ws.submission("XA-001").manifest_sha256
    raw = ws.answers(sha)
    assert package_answer_text(ws.framework.item("1.1.1"), raw["1.1.1"]) == "Ban hành chậm"
    assert package_answer_text(ws.framework.item("2.1"), raw["2.1"]).endswith("Năm 2026 không phát sinh hồ sơ")


def test_load_review_matches_the_service(council_round):
    ws = council_round()
    ws.accept_self("XA-001", "1.3")
    ws.appraise("XA-001", "1.1.1", "1", "Đúng hạn")
    ws.appraise("XA-001", "2.3", "2", "Đã kiểm tra")
    r = load_review(ws, "XA-001")
    assert r.round == 1 and r.sequence == 1 and r.submissions == 1
    assert r.final_sheet.final_points == ws.final_sheet("XA-001").final_points
    assert r.self_sheet.final_points == ws.self_sheet("XA-001").final_points
    states = {c: leaf.state for c, leaf in r.leaves.items()}
    assert states == {"1.1.1": CHANGED, "1.1.2": TODO, "1.2": TODO, "1.3": AGREED, "1.4": TODO, "2.1": TODO,
                      "2.2": TODO, "2.3": SCORED, "3.1": SURVEY, "T.1": TODO, "T.2": TODO}
    o = ws.overview("XA-001")[0]
    assert progress(ws.framework, r) == (o.appraised, o.to_appraise)
    order = [i.code for i in ws.framework.leaves()]
    assert len(r.disagreements(order)) == o.disagreements  # the dashboard's count, the same definition
    assert r.unreviewed(order) == ["1.1.2", "1.2", "1.4", "2.1", "2.2", "T.1", "T.2"]  # claimed bonus and penalty too
    assert [(d.file_name, pages) for d, pages in r.evidence_for("2.3")] == [("bao-cao.pdf", "4"), ("qd-ke-hoach.pdf", "3")]


def test_an_agency_that_did_not_submit(council_round, mini_framework):
    ws = council_round()
    r = load_review(ws, "XA-003")
    assert r.package_sha256 is None and r.sequence == 0 and r.answers == {}
    assert {leaf.state for leaf in r.leaves.values()} <= {TODO, SURVEY, OPTIONAL}
