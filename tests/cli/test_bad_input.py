"""Bad input through the CLI: a clear message on stderr, exit 1, and nothing changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.services.agency import AgencyWorkspace

from .helpers import MINI, answers_file, find_item, mini_doc, write_json

BASELINE = {
    "1.1.1": {"value": "dung_han", "evidence": [{"file": "qd.pdf", "doc_type": "Quyết định", "issue_date": "2026-01-15"}]},
    "1.2": {"value": 1},
    "1.3": {"value": True},
    "2.1": {"value": {"numerator": 9, "denominator": 10}},
}
# Put first in every bad file: valid on its own, so a partial write would show (1.3 is true before).
VALID_CHANGE = {"1.3": {"value": False}, "1.4": {"value": 1}}


def snapshot(cli, ws: Path) -> tuple[str, int, list[str]]:
    score = cli("assess", "score", ws, "--json")
    assert score.code == 0, score.err
    with AgencyWorkspace.open(ws) as w:
        log = len(w.change_log())
    files = sorted(str(p.relative_to(ws)) for p in ws.rglob("*") if p.is_file() and ".tmp" not in p.parts and "sqlite" not in p.name)
    return score.out, log, files


@pytest.fixture
def filled(cli, new_workspace, tmp_path: Path) -> Path:
    ws = new_workspace()
    (tmp_path / "qd.pdf").write_bytes(b"%PDF-1.4 quyet dinh")
    r = cli("assess", "fill", ws, "--answers", answers_file(tmp_path / "baseline.json", BASELINE))
    assert r.code == 0, r.err
    return ws


CASES: list[tuple[str, dict[str, Any], str, str]] = [
    ("points above max", {"1.4": {"value": 2.5}}, "Tiêu chí 1.4: điểm 2.5 vượt điểm tối đa 2.", "exceed the max of 2"),
    ("points off step", {"1.4": {"value": 0.3}}, "điểm phải là bội số của 0.5", "multiple of 0.5"),
    ("negative count", {"1.2": {"value": -1}}, "Tiêu chí 1.2: Số lần vi phạm không được âm", "cannot be negative"),
    ("fractional count", {"1.2": {"value": 1.5}}, "phải là số nguyên", "whole number"),
    ("zero denominator", {"2.1": {"value": {"numerator": 0, "denominator": 0}}},
     "“Số hồ sơ đã giải quyết” bằng 0 nên không tính được tỷ lệ", "is 0, so no ratio"),
    ("numerator above denominator", {"2.1": {"value": {"numerator": 5, "denominator": 4}}},
     "“Số hồ sơ đúng hạn” (5) không thể lớn hơn “Số hồ sơ đã giải quyết” (4)", "cannot exceed the denominator"),
    ("ratio without counts", {"2.1": {"value": 90}}, "cần hai số: tử số và mẫu số", "numerator and a denominator"),
    ("percent above 100", {"1.1.2": {"value": 101}}, "tỷ lệ phải từ 0 đến 100%", "must be 0..100"),
    ("unknown choice key", {"1.1.1": {"value": "som"}}, "lựa chọn “som” không có trong quy tắc", "is not allowed"),
    ("yes/no gibberish", {"1.3": {"value": "có lẽ"}}, "chỉ nhận “Đạt” hoặc “Không đạt”", "only true or false"),
    ("value on survey item", {"3.1": {"value": 5}}, "Tiêu chí 3.1 được chấm từ kết quả điều tra xã hội học", "scored from the survey"),
    ("value on council item", {"2.3": {"value": 1}}, "Tiêu chí 2.3 do Hội đồng thẩm định chấm", "scored by the council"),
    ("value on inner item", {"1.1": {"value": 1}}, "1.1 là mục tổng hợp", "sums its children"),
    ("unknown item code", {"9.9": {"value": True}}, "Mã tiêu chí “9.9” không có trong bộ tiêu chí test-mini", "No item '9.9'"),
    ("N/A not allowed", {"1.3": {"not_applicable": True, "reason": "x"}}, "Tiêu chí 1.3 không cho phép “không áp dụng”", "does not allow"),
    ("unknown key", {"1.3": {"valeur": True}}, "khóa không hỗ trợ: valeur", "unknown keys"),
    ("empty evidence file", {"1.2": {"evidence": [{"file": "rong.pdf"}]}}, "tệp “rong.pdf” rỗng (0 byte)", "is empty"),
    ("missing evidence file", {"1.2": {"evidence": [{"file": "khong-co.pdf"}]}}, "không đọc được tệp “khong-co.pdf”", "cannot read"),
    ("evidence without file key", {"1.2": {"evidence": [{"doc_type": "Báo cáo"}]}}, "tài liệu 1: cần khóa “file”", "'file' is required"),
    ("impossible issue date", {"1.2": {"evidence": [{"file": "ok.pdf", "issue_date": "31/02/2026"}]}},
     "Ngày ban hành “2026-02-31” không tồn tại", "does not exist"),
    # JSON types: null is not the text "None" (checked by the core before anything is written).
    ("N/A not a boolean", {"2.2": {"not_applicable": "no"}}, "“not_applicable” phải là true hoặc false", "true or false"),
    ("null reason", {"2.2": {"not_applicable": True, "reason": None}}, "Tiêu chí 2.2: “reason” phải là chuỗi ký tự", "must be a string"),
    ("null pages", {"1.2": {"evidence": [{"file": "ok.pdf", "pages": None}]}}, "Tiêu chí 1.2, tài liệu 1: “pages” phải là chuỗi", "must be a string"),
    ("evidence not a list", {"1.2": {"evidence": "ok.pdf"}}, "“evidence” phải là một danh sách", "must be a list"),
]


@pytest.mark.parametrize("answers, vi, en", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_answers_change_nothing(cli, filled: Path, tmp_path: Path, answers: dict[str, Any], vi: str, en: str) -> None:
    (tmp_path / "rong.pdf").write_bytes(b"")
    (tmp_path / "ok.pdf").write_bytes(b"%PDF ok")
    path = answers_file(tmp_path / "bad.json", {**VALID_CHANGE, **answers})
    before = snapshot(cli, filled)
    r = cli("assess", "fill", filled, "--answers", path)
    assert r.code == 1, r.out + r.err
    assert vi in r.err, r.err
    assert "Traceback" not in r.err and r.out == ""
    assert snapshot(cli, filled) == before
    en_r = cli("--lang", "en", "assess", "fill", filled, "--answers", path)
    assert en_r.code == 1 and en in en_r.err, en_r.err
    assert snapshot(cli, filled) == before


def test_evidence_over_the_size_limit(cli, filled: Path, tmp_path: Path) -> None:
    with AgencyWorkspace.open(filled) as w:
        w.set_evidence_limit(10)
    (tmp_path / "lon.pdf").write_bytes(b"x" * 11)
    before = snapshot(cli, filled)
    r = cli("assess", "fill", filled, "--answers", answers_file(tmp_path / "bad.json", {
        **VALID_CHANGE, "1.2": {"evidence": [{"file": "lon.pdf"}]}}))
    assert r.code == 1
    assert "Tiêu chí 1.2: tệp “lon.pdf” vượt giới hạn dung lượng (10 byte)." in r.err
    assert snapshot(cli, filled) == before


@pytest.mark.parametrize("text, vi", [
    ('{"format": "cchc-answers", "format_version": 1,\n "answers": {"1.3": {"value": tru}}}',
     "lỗi cú pháp JSON ở dòng 2, cột 31"),
    ('{"format": "something-else", "answers": {}}', "không phải tệp kết quả nhập"),
    ('{"format": "cchc-answers", "format_version": 7, "answers": {}}', "Phiên bản tệp 7 không được hỗ trợ"),
    ('{"format": "cchc-answers", "format_version": 1, "answers": []}', "“answers” là một đối tượng"),
    ('\xff\xfe not text', "không phải văn bản UTF-8"),
], ids=["syntax", "format", "version", "answers-list", "not-utf8"])
def test_malformed_answers_file(cli, filled: Path, tmp_path: Path, text: str, vi: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(text.encode("latin-1") if text.startswith("\xff") else text.encode("utf-8"))
    before = snapshot(cli, filled)
    r = cli("assess", "fill", filled, "--answers", path)
    assert r.code == 1 and vi in r.err, r.err
    assert snapshot(cli, filled) == before


def test_missing_answers_file_and_not_a_workspace(cli, filled: Path, tmp_path: Path) -> None:
    r = cli("assess", "fill", filled, "--answers", tmp_path / "khong-co.json")
    assert r.code == 1 and "Không đọc được tệp" in r.err
    r = cli("assess", "score", tmp_path / "khong-phai")
    assert r.code == 1 and "chưa phải là không gian làm việc" in r.err
    r = cli("assess", "score", tmp_path / "khong-phai", "--lang", "en")
    assert r.code == 1 and "is not a workspace" in r.err


def test_init_refuses_non_empty_folder(cli, tmp_path: Path) -> None:
    folder = tmp_path / "co-san"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("của người dùng", encoding="utf-8")
    r = cli("workspace", "init", folder, "--role", "agency", "--framework", MINI, "--agency-code", "X", "--agency-name", "Y")
    assert r.code == 1 and "không trống" in r.err
    assert [p.name for p in folder.iterdir()] == ["ghi-chu.txt"]


def test_init_refuses_existing_workspace(cli, filled: Path) -> None:
    before = snapshot(cli, filled)
    r = cli("workspace", "init", filled, "--role", "agency", "--framework", MINI, "--agency-code", "KHAC", "--agency-name", "Khác")
    assert r.code == 1 and "đã là một không gian làm việc" in r.err
    assert snapshot(cli, filled) == before
    assert cli("workspace", "info", filled, "--json").json()["agency_code"] == "XA-THU"


def test_init_inspection_role_needs_a_trust_store(cli, tmp_path: Path) -> None:
    r = cli("workspace", "init", tmp_path / "hd", "--role", "inspection", "--framework", MINI, "--year", "2026")
    assert r.code == 1 and "--trust" in r.err
    assert not (tmp_path / "hd").exists()


@pytest.mark.parametrize("extra, code, message", [
    (["--agency-code", "X", "--agency-name", "Y", "--year", "2025"], 1, "dành cho năm 2026, không phải năm 2025"),
    (["--agency-name", "Y"], 1, "Cần --agency-code"),
    (["--agency-code", "a/b", "--agency-name", "Y"], 1, "Mã cơ quan"),
    (["--agency-code", "X", "--agency-name", "Y", "--year", "hai"], 1, "không phải là số nguyên"),
], ids=["wrong-year", "no-code", "bad-code", "year-not-int"])
def test_init_bad_options(cli, tmp_path: Path, extra: list[str], code: int, message: str) -> None:
    r = cli("workspace", "init", tmp_path / "w", "--role", "agency", "--framework", MINI, *extra)
    assert r.code == code and message in r.err, r.err
    assert not (tmp_path / "w").exists()


def test_init_with_invalid_framework_exit_2(cli, tmp_path: Path) -> None:
    doc = mini_doc()
    find_item(doc, "1.4")["rule"] = {"kind": "magic"}
    r = cli("workspace", "init", tmp_path / "w", "--role", "agency", "--framework", write_json(tmp_path / "f.json", doc),
            "--agency-code", "X", "--agency-name", "Y")
    assert r.code == 2 and "mục 1.4: Loại quy tắc chấm điểm không được hỗ trợ: “magic”" in r.err
    assert not (tmp_path / "w").exists()


def test_usage_errors_are_user_errors(cli) -> None:
    r = cli("assess", "score")
    assert r.code == 1 and "thiếu tham số bắt buộc: DIR" in r.err
    r = cli("framework", "frobnicate")
    assert r.code == 1 and "Lỗi cú pháp lệnh" in r.err
    r = cli("inspect", "rank", "D")
    assert r.code == 1 and "“D” chưa phải là không gian làm việc" in r.err


def test_evidence_limit_set_at_init_refuses_a_larger_file(tmp_path):
    """The per-file size limit is configurable; a file over it is refused and nothing changes."""
    from cchc_desktop.cli import main
    from cchc_desktop.core.services.agency import AgencyWorkspace

    ws_dir = tmp_path / "ws"
    assert main(["workspace", "init", str(ws_dir), "--role", "agency", "--framework", str(MINI),
                 "--agency-code", "XA-01", "--agency-name", "UBND xã Thử", "--evidence-limit-mb", "1"]) == 0
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF" + b"0" * (1024 * 1024 + 1))
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"format": "cchc-answers", "format_version": 1,
                                   "answers": {"1.3": {"value": True, "evidence": [{"file": "scan.pdf"}]}}}), encoding="utf-8")
    assert main(["assess", "fill", str(ws_dir), "--answers", str(answers)]) == 1
    with AgencyWorkspace.open(ws_dir) as ws:
        assert ws.evidence_limit == 1024 * 1024
        assert ws.answers() == {} and ws.documents() == []
    assert main(["workspace", "init", str(tmp_path / "ws2"), "--role", "agency", "--framework", str(MINI),
                 "--agency-code", "XA-01", "--agency-name", "X", "--evidence-limit-mb", "0"]) == 1
    assert not (tmp_path / "ws2").exists()
