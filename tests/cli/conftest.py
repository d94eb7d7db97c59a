"""Fixtures of the CLI tests: `cli(...)` runs `cchc` in-process; every workspace is fresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from cchc_desktop.cli import main

from .helpers import MINI, Result


@pytest.fixture(autouse=True)
def _no_env_leaks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CCHC_DEBUG", raising=False)
    monkeypatch.delenv("CCHC_LANG", raising=False)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    def run(*argv: Any) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        cap = capsys.readouterr()
        return Result(code, cap.out, cap.err)

    return run


@pytest.fixture
def new_workspace(cli: Callable[..., Result], tmp_path: Path) -> Callable[..., Path]:
    """A fresh agency workspace on the mini framework, made through `cchc workspace init`."""

    def make(name: str = "ws", framework: Path = MINI) -> Path:
        folder = tmp_path / name
        r = cli("workspace", "init", folder, "--role", "agency", "--framework", framework,
                "--agency-code", "XA-THU", "--agency-name", "UBND xã Thử Nghiệm", "--year", "2026")
        assert r.code == 0, r.err
        return folder

    return make
