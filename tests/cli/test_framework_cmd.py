"""`cchc --version`, `cchc framework check` and `cchc framework show`."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop import __version__

from .helpers import FORMS, MINI, find_item, mini_doc, run_subprocess, write_json


def test_version(cli) -> None:
    r = cli("--version")
    assert (r.code, r.out.strip()) == (0, f"cchc {__version__}")


def test_version_as_a_module_subprocess() -> None:
    r = run_subprocess("--version")
    assert (r.code, r.out.strip(), r.err) == (0, f"cchc {__version__}", "")


def test_check_mini_prints_max_per_field_and_total(cli) -> None:
    r = cli("framework", "check", MINI)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    for roman, title, mx in (("I", "Công tác chỉ đạo, điều hành", "6"), ("II", "Thủ tục hành chính", "6"),
                             ("III", "Điều tra xã hội học", "8")):
        assert any(re.fullmatch(rf"\s*{roman}\s+{title}\s+{mx}", line) for line in lines), r.out
    assert any(re.fullmatch(r"\s*Tổng\s+20", line) for line in lines), r.out
    assert "test-mini" in r.out and "2026" in r.out and "Kết quả: hợp lệ." in r.out
    assert re.search(r"SHA-256: [0-9a-f]{64}", r.out)
    assert "3 lĩnh vực · 8 tiêu chí · 2 tiêu chí thành phần" in r.out
    assert r.err == ""


def test_check_json_shape(cli) -> None:
    r = cli("framework", "check", MINI, "--json")
    assert r.code == 0
    doc = r.json()
    assert doc["ok"] is True and doc["errors"] == [] and doc["warnings"] == []
    assert (doc["id"], doc["level"], doc["year"], doc["total"]) == ("test-mini", "xa", 2026, "20")
    assert len(doc["sha256"]) == 64
    assert doc["fields"][0] == {"code": "1", "display_code": "I", "title": "Công tác chỉ đạo, điều hành", "max": "6"}
    assert [f["max"] for f in doc["fields"]] == ["6", "6", "8"]
    assert doc["counts"] == {"fields": 3, "criteria": 8, "sub_criteria": 2, "leaves": 9, "adjustments": 2,
                             "by_scorer": {"agency": 7, "council": 1, "survey": 1}}


def test_the_forms_folder_has_frameworks() -> None:
    assert FORMS, "forms/*.json should ship at least one framework"


@pytest.mark.parametrize("form", FORMS, ids=[p.name for p in FORMS])
def test_check_every_bundled_form(cli, form: Path) -> None:
    r = cli("framework", "check", form, "--json")
    assert r.code == 0, r.err
    doc = r.json()
    assert doc["ok"] and doc["errors"] == []
    # Decimals travel as strings: "14.5" stays exact; the fields add up to the declared total.
    assert sum(Decimal(f["max"]) for f in doc["fields"]) == Decimal(doc["total"]) == Decimal(doc["fields_total"])
    human = cli("framework", "check", form)
    assert human.code == 0
    for f in doc["fields"]:
        shown = f["max"].replace(".", ",")  # Vietnamese decimal comma
        assert any(re.match(rf"\s*{f['display_code']}\s.*\s{re.escape(shown)}$", line) for line in human.out.splitlines()), f
    assert re.search(rf"^\s*Tổng\s+{re.escape(doc['total'].replace('.', ','))}$", human.out, re.M)


def test_check_by_bundled_id(cli) -> None:
    if not FORMS:
        pytest.skip("no bundled forms")
    fid = cli("framework", "check", FORMS[0], "--json").json()["id"]
    r = cli("framework", "check", fid, "--json")
    assert r.code == 0 and r.json()["file"] == str(FORMS[0])


def test_children_exceeding_parent_exit_2_naming_the_item(cli, tmp_path: Path) -> None:
    doc = mini_doc()
    find_item(doc, "1.1")["max"] = 1  # its children add up to 2
    path = write_json(tmp_path / "broken.json", doc)
    r = cli("framework", "check", path)
    assert r.code == 2
    assert "mục 1.1: Các mục con của 1.1 cộng lại 2 điểm nhưng 1.1 chỉ cho tối đa 1" in r.err
    assert "Traceback" not in r.err
    # Field 1 now cannot reach its max of 6 (5 < 6): a warning, on stdout.
    assert "Cảnh báo (1):" in r.out and "mục 1:" in r.out

    j = cli("framework", "check", path, "--json")
    assert j.code == 2
    doc_out = j.json()
    assert doc_out["ok"] is False
    assert [e["where"] for e in doc_out["errors"]] == ["mục 1.1"]
    assert [w["where"] for w in doc_out["warnings"]] == ["mục 1"]

    en = cli("--lang", "en", "framework", "check", path)
    assert en.code == 2
    assert "item 1.1: The children of 1.1 add up to 2 but 1.1 allows 1." in en.err


def test_json_syntax_error_exit_2_with_line_and_column(cli, tmp_path: Path) -> None:
    path = tmp_path / "syntax.json"
    path.write_text('{\n  "format": "cchc-framework",\n  "id": ,\n  "year": 2026\n}\n', encoding="utf-8")
    r = cli("framework", "check", path)
    assert r.code == 2
    assert "dòng 3, cột 9: Lỗi cú pháp JSON: Expecting value." in r.err
    j = cli("framework", "check", path, "--json")
    assert j.code == 2
    out = j.json()
    assert out["ok"] is False and out["id"] is None and out["fields"] == [] and out["counts"] is None
    assert out["errors"][0]["where"] == "dòng 3, cột 9"
    en = cli("framework", "check", path, "--lang", "en")
    assert "line 3, column 9: JSON syntax error" in en.err


def test_missing_framework_file_is_a_user_error(cli, tmp_path: Path) -> None:
    r = cli("framework", "check", tmp_path / "khong-co.json")
    assert r.code == 1
    assert "Không tìm thấy bộ tiêu chí" in r.err and "Traceback" not in r.err


def test_show_json_tree_with_rules_and_inputs(cli) -> None:
    r = cli("framework", "show", MINI, "--json")
    assert r.code == 0, r.err
    doc = r.json()
    nodes = {}

    def walk(n):
        nodes[n["code"]] = n
        for c in n["children"]:
            walk(c)

    for n in doc["fields"] + doc["adjustments"]:
        walk(n)
    assert doc["total"] == "20" and doc["bonus_cap"] == "1"
    choice = nodes["1.1.1"]
    assert choice["rule"]["options"][1] == {"key": "cham", "label": "Ban hành chậm", "points": "0.5"}
    assert choice["input"] == {"type": "choice", "keys": ["dung_han", "cham", "khong"]}
    assert choice["evidence"] == {"required": True, "hint": "Quyết định ban hành kế hoạch"}
    tiers = nodes["1.1.2"]["rule"]["tiers"]
    assert tiers[1] == {"min": "70", "max": "90", "min_inclusive": True, "max_inclusive": True, "points": "0.5"}
    assert nodes["1.1.2"]["input"] == {"type": "percent", "min": "0", "max": "100"}
    ded = nodes["1.2"]["rule"]
    assert (ded["kind"], ded["per_violation"], ded["floor"]) == ("deduction", "0.25", "0")
    ratio = nodes["2.1"]
    assert ratio["input"]["type"] == "ratio"
    assert (ratio["rule"]["numerator_label"], ratio["rule"]["denominator_label"]) == ("Số hồ sơ đúng hạn", "Số hồ sơ đã giải quyết")
    assert ratio["not_applicable"] == {"mode": "exclude", "label": "Không phát sinh hồ sơ"}
    assert nodes["2.2"]["not_applicable"]["mode"] == "full"
    assert (nodes["2.3"]["scorer"], nodes["2.3"]["input"]) == ("council", {"type": "none"})
    assert (nodes["3.1"]["scorer"], nodes["3.1"]["rule"]["kind"]) == ("survey", "survey")
    assert nodes["1.4"]["input"] == {"type": "points", "min": "0", "max": "2", "step": "0.5"}
    assert nodes["T.1"]["rule"]["kind"] == "bonus" and nodes["T.2"]["rule"]["kind"] == "penalty"
    assert nodes["1"]["display_code"] == "I" and nodes["1"]["rule"] is None and not nodes["1"]["leaf"]
    assert "trừ 0,25 điểm cho mỗi lần vi phạm" in nodes["1.2"]["rule_text"]


def test_show_human_and_invalid(cli, tmp_path: Path) -> None:
    r = cli("framework", "show", MINI)
    assert r.code == 0 and "1.1.2  Mức độ hoàn thành kế hoạch" in r.out and "từ 70% đến 90%: 0,5 điểm" in r.out
    doc = mini_doc()
    find_item(doc, "1.1")["max"] = 1
    bad = cli("framework", "show", write_json(tmp_path / "b.json", doc), "--json")
    assert bad.code == 2 and bad.out == "" and "mục 1.1" in bad.err
