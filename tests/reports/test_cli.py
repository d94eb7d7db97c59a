"""`cchc assess report DIR --pdf OUT.pdf --xlsx OUT.xlsx`, through its handler (the parser wiring is
done in cli/parser.py): the arguments parse with the project's parser, the files are made, and bad
input gives a clear Vietnamese message, exit 1 and no file under the final name."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.cli import report_cmd
from cchc_desktop.cli.common import Context
from cchc_desktop.cli.parser import Parser, UsageError
from cchc_desktop.core.errors import UserFacingError

from ..cli.helpers import Result


def parse(argv: list[str], lang: str = "vi") -> argparse.Namespace:
    ctx = Context(lang)
    parser = type("Parser", (Parser,), {"lang": lang})(prog="cchc assess report")
    report_cmd.add_report_arguments(parser, ctx.tr)
    return parser.parse_args(argv)


def run(capsys: pytest.CaptureFixture[str], *argv: Any, lang: str = "vi") -> Result:
    """What `cchc assess report …` does once wired: parse, call the handler, and report a
    UserFacingError the way cli.main does (its message on stderr, its exit code)."""
    capsys.readouterr()
    ctx = Context(lang)
    try:
        code = report_cmd.report(parse([str(a) for a in argv], lang), ctx)
    except UserFacingError as exc:
        ctx.err(exc.message(lang))
        code = exc.exit_code
    cap = capsys.readouterr()
    return Result(code, cap.out, cap.err)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_both_outputs(filled_mini, tmp_path: Path, capsys) -> None:
    out = tmp_path / "ra"
    out.mkdir()
    filled_mini.close()  # the command opens the workspace itself
    r = run(capsys, filled_mini.folder, "--pdf", out / "bao-cao.pdf", "--xlsx", out / "bang-diem.xlsx",
            "--superior", "UBND huyện Thử", "--place", "Thử Nghiệm")
    assert r.code == 0, r.err
    assert files_in(out) == ["bang-diem.xlsx", "bao-cao.pdf"]
    assert (out / "bao-cao.pdf").read_bytes().startswith(b"%PDF-")
    assert f"Đã tạo báo cáo PDF: {out / 'bao-cao.pdf'}" in r.out and "Đã tạo bảng điểm Excel" in r.out
    assert "BẢN NHÁP" in r.out and "cchc package export" in r.out


def test_either_output_alone(filled_mini, tmp_path: Path, capsys) -> None:
    filled_mini.close()
    assert run(capsys, filled_mini.folder, "--xlsx", tmp_path / "chi-excel.xlsx").code == 0
    assert run(capsys, filled_mini.folder, "--pdf", tmp_path / "chi-pdf.pdf").code == 0
    assert files_in(tmp_path) == ["chi-excel.xlsx", "chi-pdf.pdf", "tai-lieu", "tra-loi.json", "ws"]


def test_english_messages(filled_mini, tmp_path: Path, capsys) -> None:
    filled_mini.close()
    r = run(capsys, filled_mini.folder, "--pdf", tmp_path / "r.pdf", lang="en")
    assert r.code == 0 and "Wrote the PDF report" in r.out and "DRAFT" in r.out


def test_neither_output_is_refused(filled_mini, tmp_path: Path, capsys) -> None:
    filled_mini.close()
    before = files_in(tmp_path)
    r = run(capsys, filled_mini.folder)
    assert r.code == 1 and r.out == ""
    assert "Hãy chọn ít nhất một tệp cần tạo" in r.err and "--pdf" in r.err and "--xlsx" in r.err
    assert "Traceback" not in r.err and files_in(tmp_path) == before


def test_a_missing_workspace_is_refused(tmp_path: Path, capsys) -> None:
    r = run(capsys, tmp_path / "khong-co", "--pdf", tmp_path / "r.pdf")
    assert r.code == 1 and "chưa phải là không gian làm việc" in r.err
    assert files_in(tmp_path) == [] and not (tmp_path / "khong-co").exists()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root (or Windows) writes anywhere: no read-only folder")
def test_an_unwritable_folder_is_refused_before_anything_is_built(filled_mini, tmp_path: Path, capsys) -> None:
    filled_mini.close()
    locked = tmp_path / "chi-doc"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        r = run(capsys, filled_mini.folder, "--pdf", tmp_path / "r.pdf", "--xlsx", locked / "b.xlsx")
    finally:
        locked.chmod(0o700)
    assert r.code == 1 and "Không có quyền ghi vào thư mục" in r.err
    assert files_in(locked) == [] and not (tmp_path / "r.pdf").exists()


def test_a_missing_output_folder_is_refused(filled_mini, tmp_path: Path, capsys) -> None:
    filled_mini.close()
    r = run(capsys, filled_mini.folder, "--pdf", tmp_path / "r.pdf", "--xlsx", tmp_path / "khong-co" / "b.xlsx")
    assert r.code == 1 and "không tồn tại" in r.err and "khong-co" in r.err
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "khong-co").exists()


def test_a_write_that_fails_leaves_no_file_under_either_name(filled_mini, tmp_path: Path, capsys, monkeypatch) -> None:
    """Works as root too: the second file's write fails (as on a full disk) after the first one
    was written; the first is taken back and no temporary file stays."""
    import errno

    from cchc_desktop.core.signing import files

    real = files._write_temp

    def failing(path: Path, data: bytes) -> Path:
        if path.suffix == ".xlsx":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(files, "_write_temp", failing)
    filled_mini.close()
    out = tmp_path / "ra"
    out.mkdir()
    r = run(capsys, filled_mini.folder, "--pdf", out / "r.pdf", "--xlsx", out / "b.xlsx")
    assert r.code == 1 and "Ổ đĩa đã đầy" in r.err
    assert files_in(out) == []


def test_an_output_that_is_a_folder_is_refused(filled_mini, tmp_path: Path, capsys) -> None:
    filled_mini.close()
    r = run(capsys, filled_mini.folder, "--pdf", tmp_path)
    assert r.code == 1 and "là một thư mục" in r.err


def test_the_arguments_parse_with_the_project_parser() -> None:
    args = parse(["ws", "--pdf", "a.pdf", "--place", "Khánh Hòa"])
    assert (args.dir, args.pdf, args.xlsx, args.place, args.superior) == ("ws", "a.pdf", None, "Khánh Hòa", None)
    with pytest.raises(UsageError):
        parse([])  # DIR is required
    with pytest.raises(UsageError):
        parse(["ws", "--pdf"])  # a value is required


def test_an_unwritable_folder_as_the_check_sees_it(filled_mini, tmp_path: Path, capsys, monkeypatch) -> None:
    """The same refusal where permissions cannot be taken away (these tests may run as root)."""
    from cchc_desktop.core.services import agency_report

    locked = tmp_path / "chi-doc"
    locked.mkdir()
    real = os.access
    monkeypatch.setattr(agency_report.os, "access", lambda p, mode: False if Path(p) == locked else real(p, mode))
    filled_mini.close()
    r = run(capsys, filled_mini.folder, "--pdf", tmp_path / "r.pdf", "--xlsx", locked / "b.xlsx")
    assert r.code == 1 and f"Không có quyền ghi vào thư mục “{locked}”" in r.err
    assert files_in(locked) == [] and not (tmp_path / "r.pdf").exists()
