"""`cchc inspect export`: the handler and its arguments (cli/export_cmd.py), driven like `main()`
drives a command: Vietnamese messages, exit codes of docs/cli.md, nothing written on an error."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.cli.common import Context
from cchc_desktop.cli.export_cmd import add_export_command
from cchc_desktop.core.errors import UserFacingError


def run(capsys: pytest.CaptureFixture[str], *argv: Any, lang: str = "vi") -> tuple[int, str, str]:
    """Parse `inspect export …` with the command's own argument builder and run it as main() does
    (a UserFacingError is printed to stderr and gives its exit code)."""
    from cchc_desktop.cli import main
    from cchc_desktop.cli.parser import NOT_YET

    capsys.readouterr()
    if ("inspect", "export") not in NOT_YET:  # wired into the real parser: the real thing
        code = main(["inspect", "export", *map(str, argv), "--lang", lang])
        cap = capsys.readouterr()
        return code, cap.out, cap.err
    ctx = Context(lang)
    root = argparse.ArgumentParser(prog="cchc inspect")
    sub = root.add_subparsers()

    def command(group: Any, name: str, vi: str, en: str, handler: Any) -> argparse.ArgumentParser:
        c = group.add_parser(name, help=ctx.tr(vi, en))
        c.set_defaults(handler=handler)
        return c

    add_export_command(sub, command, ctx.tr)
    args = root.parse_args(["export", *map(str, argv)])
    try:
        code = args.handler(args, ctx) or 0
    except UserFacingError as exc:
        ctx.err(exc.message(lang))
        code = exc.exit_code
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_export_writes_every_output(council_round, tmp_path, capsys):
    ws = council_round
    out = tmp_path / "ra"
    out.mkdir()
    code, stdout, err = run(capsys, ws.folder, "--xlsx", out / "xep-hang.xlsx", "--pdf", out / "bao-cao.pdf",
                            "--agency-pdfs", out / "pdf", "--place", "Khánh Hòa", "--superior", "UBND TỈNH KHÁNH HÒA")
    assert code == 0, err
    assert f"Đã tạo bảng xếp hạng Excel: {out / 'xep-hang.xlsx'}" in stdout
    assert f"Đã tạo báo cáo công bố PDF: {out / 'bao-cao.pdf'}" in stdout
    assert "Đã tạo 2 PDF kết quả thẩm định" in stdout and "2 là dự thảo" in stdout
    assert "Mã kiểm tra kết quả xếp hạng (SHA-256" in stdout
    assert sorted(p.name for p in (out / "pdf").iterdir()) == ["XA-001-2026-ket-qua-tham-dinh.pdf",
                                                               "XA-002-2026-ket-qua-tham-dinh.pdf"]


def test_digest_and_json(council_round, tmp_path, capsys):
    from cchc_desktop.core.services.council_reports import round_digest

    digest, document = round_digest(council_round)
    code, stdout, _ = run(capsys, council_round.folder, "--digest")
    assert code == 0 and digest in stdout
    assert json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) in stdout
    code, stdout, _ = run(capsys, council_round.folder, "--digest", "--json")
    assert code == 0 and json.loads(stdout) == {"digest": {"sha256": digest, "document": document}}
    code, stdout, _ = run(capsys, council_round.folder, "--pdf", tmp_path / "b.pdf", "--json")
    doc = json.loads(stdout)
    assert code == 0 and doc["pdf"] == str(tmp_path / "b.pdf") and doc["xlsx"] is None and doc["agency_pdfs"] == []
    assert doc["digest"]["sha256"] == digest and doc["ranked"] == 2


@pytest.mark.parametrize(("argv", "vi", "en"), [
    ((), "Hãy chọn ít nhất một đầu ra", "Choose at least one output"),
    (("--pdf", "{tmp}/khong-co/b.pdf"), "không tồn tại", "does not exist"),
    (("--xlsx", "{tmp}"), "là một thư mục", "is a folder"),
    (("--agency-pdfs", "{tmp}/tep.txt"), "là một tệp", "is a file"),
    (("--agency", "XA-001"), "--agency chỉ dùng cùng với --agency-pdfs", "--agency needs --agency-pdfs"),
])
def test_bad_input_exit_1_and_write_nothing(council, tmp_path, capsys, argv, vi, en):
    ws = council()  # outputs are checked before the round is read
    (tmp_path / "tep.txt").write_text("x", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, stdout, err = run(capsys, ws.folder, *args)
    assert code == 1 and vi in err and stdout == ""
    code, _, err = run(capsys, ws.folder, *args, lang="en")
    assert code == 1 and en in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_not_a_workspace(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "khong-phai", "--pdf", tmp_path / "b.pdf")
    assert code == 1 and "chưa phải là không gian làm việc" in err
    assert not (tmp_path / "b.pdf").exists()


def test_the_command_is_a_light_import():
    """Building the parser must not import the services (cchc --version stays fast)."""
    import subprocess
    import sys

    code = ("import sys, argparse; from cchc_desktop.cli import export_cmd; "
            "print(any(m.startswith('cchc_desktop.core.services') or m.startswith('reportlab') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[2],
                         check=False)
    assert out.stdout.strip() == "False", out.stderr
