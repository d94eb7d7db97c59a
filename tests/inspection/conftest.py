"""Fixtures of the inspection tests: keys once per session, fresh workspaces per test, `cli(...)`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.cli import main
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.inspection import InspectionWorkspace

from ..cli.helpers import Result
from ..conftest import TEST_ACTOR, fixed_clock
from .helpers import MINI, Keys, answers_doc, make_keys


@pytest.fixture(scope="session")
def keys() -> Keys:
    return make_keys()


@pytest.fixture(scope="session")
def trust_dirs(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> dict[str, Path]:
    """"crl": the province CA and its CRL; "no_crl": the CA alone (revocation undecidable)."""
    root = tmp_path_factory.mktemp("trust")
    with_crl, without = root / "voi-crl", root / "khong-crl"
    for folder in (with_crl, without):
        folder.mkdir()
        (folder / "ca.crt").write_bytes(keys.ca_pem)
        (folder / "README.txt").write_text("không phải chứng thư", encoding="utf-8")
    (with_crl / "ca.crl").write_bytes(keys.crl_pem)
    return {"crl": with_crl, "no_crl": without}


@pytest.fixture(autouse=True)
def _clean_cli_environment(monkeypatch: pytest.MonkeyPatch) -> None:
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
def agency_folder(cli: Callable[..., Result], tmp_path: Path) -> Callable[..., Path]:
    """`agency_folder(name, code)`: an agency workspace made and filled through the CLI."""

    def make(name: str = "co-quan", code: str = "XA-001", fill: bool = True) -> Path:
        folder = tmp_path / name
        r = cli("workspace", "init", folder, "--role", "agency", "--framework", MINI, "--agency-code", code,
                "--agency-name", "UBND xã Một", "--year", "2026")
        assert r.code == 0, r.err
        if fill:
            files = tmp_path / f"{name}-tai-lieu"
            files.mkdir()
            answers = tmp_path / f"{name}-tra-loi.json"
            answers.write_text(json.dumps(answers_doc(files), ensure_ascii=False), encoding="utf-8")
            r = cli("assess", "fill", folder, "--answers", answers)
            assert r.code == 0, r.err
        return folder

    return make


@pytest.fixture
def open_agency() -> Callable[[Path], AgencyWorkspace]:
    opened: list[AgencyWorkspace] = []

    def op(folder: Path) -> AgencyWorkspace:
        ws = AgencyWorkspace.open(folder, clock=fixed_clock, actor=TEST_ACTOR)
        opened.append(ws)
        return ws

    yield op  # type: ignore[misc]
    for ws in opened:
        ws.close()


@pytest.fixture
def council(tmp_path: Path, mini_framework: Any, trust_dirs: dict[str, Path]) -> Callable[..., InspectionWorkspace]:
    """`council(trust="crl")`: a fresh inspection workspace on the mini framework (fixed clock)."""
    opened: list[InspectionWorkspace] = []

    def make(trust: str = "crl", name: str = "hoi-dong") -> InspectionWorkspace:
        ws = InspectionWorkspace.create(tmp_path / name, mini_framework, 2026, trust_dirs[trust], clock=fixed_clock,
                                        actor=TEST_ACTOR)
        opened.append(ws)
        return ws

    yield make  # type: ignore[misc]
    for ws in opened:
        ws.close()
