"""`cchc framework import-xlsx` and `cchc framework export-xlsx`: exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from cchc_desktop.cli import main
from cchc_desktop.core.framework.load import load_framework, parse_framework

from .helpers import MINI, TEMPLATE, write_xlsx


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.delenv("CCHC_LANG", raising=False)
    monkeypatch.delenv("CCHC_DEBUG", raising=False)

    def run(*argv: Any) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        cap = capsys.readouterr()
        return Result(code, cap.out, cap.err)

    return run


def test_export_then_import_through_the_cli(cli, tmp_path: Path) -> None:
    fw = load_framework(MINI)
    r = cli("framework", "export-xlsx", MINI, "-o", tmp_path / "mini.xlsx")
    assert r.code == 0, r.err
    assert f"Đã ghi “{tmp_path / 'mini.xlsx'}”" in r.out and f"SHA-256: {fw.sha256}" in r.out
    r = cli("framework", "import-xlsx", tmp_path / "mini.xlsx", "-o", tmp_path / "mini.json")
    assert r.code == 0, r.err
    assert "3 lĩnh vực · 8 tiêu chí · 2 tiêu chí thành phần · 9 mục chấm điểm · 2 mục điểm thưởng/trừ" in r.out
    assert f"SHA-256: {fw.sha256}" in r.out and "Cảnh báo" not in r.out
    written = (tmp_path / "mini.json").read_text(encoding="utf-8")
    assert written.startswith('{\n  "format": "cchc-framework"') and written.endswith("}\n")
    assert parse_framework(written)[0].sha256 == fw.sha256
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_a_bundled_framework_by_its_id(cli, tmp_path: Path) -> None:
    r = cli("framework", "export-xlsx", "mau-xa-2026", "-o", tmp_path / "xa.xlsx")
    assert r.code == 0, r.err and (tmp_path / "xa.xlsx").is_file()


def test_import_refuses_to_overwrite_unless_forced(cli, tmp_path: Path) -> None:
    out = tmp_path / "bo.json"
    out.write_text("cũ", encoding="utf-8")
    r = cli("framework", "import-xlsx", TEMPLATE, "-o", out)
    assert r.code == 1 and f"Tệp “{out}” đã có; thêm --force để ghi đè. Không có gì thay đổi." in r.err
    assert out.read_text(encoding="utf-8") == "cũ"
    r = cli("framework", "import-xlsx", TEMPLATE, "-o", out, "--force")
    assert r.code == 0, r.err and json.loads(out.read_text(encoding="utf-8"))["id"] == "vi-du-xa-2026"


def test_export_refuses_to_overwrite_and_wants_xlsx(cli, tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"old")
    r = cli("framework", "export-xlsx", MINI, "-o", tmp_path / "a.xlsx")
    assert r.code == 1 and "đã có; thêm --force để ghi đè" in r.err and (tmp_path / "a.xlsx").read_bytes() == b"old"
    assert cli("framework", "export-xlsx", MINI, "-o", tmp_path / "a.xlsx", "--force").code == 0
    r = cli("framework", "export-xlsx", MINI, "-o", tmp_path / "a.xls")
    assert r.code == 1 and "phải có đuôi .xlsx" in r.err


def test_import_prints_what_it_did_not_understand_with_the_cell(cli, tmp_path: Path) -> None:
    rows = [["I", "Lĩnh vực", 2, None, None, None], ["1.1", "a", 1, "Chấm theo thực tế", None, None],
            ["1.2", "b", 1, "Đạt: 1; Không đạt: 0", None, None]]
    r = cli("framework", "import-xlsx", write_xlsx(tmp_path / "t.xlsx", rows), "-o", tmp_path / "t.json")
    assert r.code == 0, r.err
    assert "Cảnh báo (1, trong đó 1 dòng cách chấm chưa hiểu):" in r.out
    assert "  - Bộ tiêu chí!D3: không hiểu cách chấm: “Chấm theo thực tế”; mục 1.1 tạm được chấm tự do từ 0 đến 1 điểm." \
        in r.out


def test_import_errors_exit_2_with_sheet_row_and_column(cli, tmp_path: Path) -> None:
    rows = [["I", "Lĩnh vực", 2, None, None, None], ["1.1", "a", 1, "Đạt: 1; Không đạt: 0", None, None],
            ["1.1", "b", "hai", "Đạt: 1; Không đạt: 0", None, None]]
    path = write_xlsx(tmp_path / "t.xlsx", rows)
    r = cli("framework", "import-xlsx", path, "-o", tmp_path / "t.json")
    assert r.code == 2
    assert f"Bảng “{path}” chưa thành bộ tiêu chí dùng được (2 lỗi):" in r.err
    assert "  - Bộ tiêu chí, dòng 4, cột A: Mã “1.1” trùng với dòng 3: mỗi mục phải có mã riêng." in r.err
    assert "  - Bộ tiêu chí, dòng 4, cột C: Điểm tối đa “hai” không phải là số (ví dụ đúng: 1 hoặc 0,5)." in r.err
    assert not (tmp_path / "t.json").exists()
    r = cli("framework", "import-xlsx", path, "-o", tmp_path / "t.json", "--lang", "en")
    assert r.code == 2 and "  - sheet 'Bộ tiêu chí', row 4, column A: Code '1.1' repeats row 3" in r.err


def test_import_of_a_text_file_is_a_user_error(cli, tmp_path: Path) -> None:
    path = tmp_path / "bang.xlsx"
    path.write_text("không phải Excel", encoding="utf-8")
    r = cli("framework", "import-xlsx", path, "-o", tmp_path / "t.json")
    assert r.code == 1 and "không phải là bảng tính Excel .xlsx đọc được" in r.err and "Traceback" not in r.err
    r = cli("framework", "import-xlsx", tmp_path / "khong-co.xlsx", "-o", tmp_path / "t.json")
    assert r.code == 1 and "Không đọc được tệp" in r.err


def test_export_of_an_invalid_framework_exits_2(cli, tmp_path: Path) -> None:
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["total"] = 99
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = cli("framework", "export-xlsx", bad, "-o", tmp_path / "bad.xlsx")
    assert r.code == 2 and "khác tổng khai báo 99" in r.err and not (tmp_path / "bad.xlsx").exists()


def test_usage_is_checked(cli) -> None:
    r = cli("framework", "import-xlsx", "x.xlsx")
    assert r.code == 1 and "thiếu tham số bắt buộc: -o/--output" in r.err
