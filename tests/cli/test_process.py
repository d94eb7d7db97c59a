"""Process-level behaviour: UTF-8 whatever the locale, bugs vs bad input, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import MINI, run_subprocess, subprocess_env


def test_utf8_output_even_with_an_ascii_console() -> None:
    env = subprocess_env(PYTHONIOENCODING="ascii", LC_ALL="C", LANG="C", PYTHONUTF8="0")
    r = run_subprocess("framework", "check", MINI, env=env)
    assert r.code == 0, r.err
    assert "Công tác chỉ đạo, điều hành" in r.out and "Kết quả: hợp lệ." in r.out


def test_error_in_a_subprocess_is_vietnamese_on_stderr_without_traceback(tmp_path: Path) -> None:
    env = subprocess_env(PYTHONIOENCODING="ascii")
    r = run_subprocess("assess", "score", tmp_path / "khong-co", env=env)
    assert r.code == 1 and r.out == ""
    assert "chưa phải là không gian làm việc" in r.err and "Traceback" not in r.err
    r = run_subprocess("--lang", "en", "framework", "check", tmp_path / "x.json")
    assert r.code == 1 and "not found" in r.err


def test_invalid_framework_exit_code_in_a_subprocess(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    r = run_subprocess("framework", "check", bad)
    assert r.code == 2 and "dòng 1, cột 6" in r.err and "Traceback" not in r.err


def test_a_bug_is_reported_as_one(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_desktop.cli import framework_cmd

    def boom(*_a, **_k):
        raise RuntimeError("hỏng ở đây")

    monkeypatch.setattr(framework_cmd, "parse_framework", boom)
    r = cli("framework", "check", MINI)
    assert r.code == 70
    assert r.err.startswith("Lỗi không mong đợi (lỗi phần mềm): RuntimeError: hỏng ở đây.")
    assert "Traceback" not in r.err
    monkeypatch.setenv("CCHC_DEBUG", "1")
    r = cli("framework", "check", MINI)
    assert r.code == 70 and "Traceback (most recent call last)" in r.err and "boom" in r.err
    r = cli("--lang", "en", "framework", "check", MINI)
    assert r.code == 70 and r.err.startswith("Unexpected error (a software bug)")


def test_help_and_no_command(cli) -> None:
    r = cli("--help")
    assert r.code == 0 and "cách dùng: cchc" in r.out and "framework" in r.out
    r = cli()
    assert r.code == 1 and "workspace" in r.err
