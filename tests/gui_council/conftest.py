"""Fixtures of the council GUI tests: a round with imported submissions (as tests/appraisal's
`round_with("XA-001", "XA-002")`, built once and copied per test), the council window and the
review window over it, driven offscreen with pytest-qt."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.services.inspection import InspectionWorkspace

from ..conftest import TEST_ACTOR, fixed_clock
from ..inspection.conftest import _clean_cli_environment, keys, open_agency, trust_dirs  # noqa: F401 - fixtures


AGENCIES = [("XA-001", "UBND xã Một"), ("XA-002", "UBND xã Hai"), ("XA-003", "UBND xã Ba")]


@pytest.fixture(scope="session")
def round_template(tmp_path_factory: pytest.TempPathFactory, mini_framework: Any, keys: Any,  # noqa: F811
                   trust_dirs: dict[str, Path]) -> Path:  # noqa: F811
    """Built once: the round of `round_with("XA-001", "XA-002")` (XA-003 expected, not submitted).

    Making agency workspaces and signed packages takes a second or two; each test gets a copy of
    the finished folder instead (`council_round`), so the whole folder stays under a minute."""
    import json

    from cchc_desktop.cli import main
    from cchc_desktop.core.services.agency import AgencyWorkspace

    from ..inspection.helpers import MINI, answers_doc, build_package

    root = tmp_path_factory.mktemp("mau-hoi-dong")
    council = InspectionWorkspace.create(root / "hoi-dong", mini_framework, 2026, trust_dirs["crl"], clock=fixed_clock,
                                         actor=TEST_ACTOR)
    try:
        council.set_expected_agencies(AGENCIES)
        for code, signer in (("XA-001", keys.a), ("XA-002", keys.b)):
            folder, files = root / f"ag-{code}", root / f"{code}-tai-lieu"
            assert main(["workspace", "init", str(folder), "--role", "agency", "--framework", str(MINI), "--agency-code",
                         code, "--agency-name", "UBND xã Một", "--year", "2026"]) == 0
            files.mkdir()
            answers = root / f"{code}-tra-loi.json"
            answers.write_text(json.dumps(answers_doc(files), ensure_ascii=False), encoding="utf-8")
            assert main(["assess", "fill", str(folder), "--answers", str(answers)]) == 0
            agency = AgencyWorkspace.open(folder, clock=fixed_clock, actor=TEST_ACTOR)
            try:
                pkg = build_package(agency, root / f"{code}.cchc", signer)
            finally:
                agency.close()
            [res] = council.import_packages([pkg.path])
            assert res.ok, res.reasons()
    finally:
        council.close()
    return root / "hoi-dong"


@pytest.fixture
def council_round(round_template: Path, tmp_path: Path) -> Iterator[Callable[[], InspectionWorkspace]]:
    """`council_round()`: a fresh copy of the template round, opened (fixed clock, actor "test")."""
    import shutil

    opened: list[InspectionWorkspace] = []

    def make() -> InspectionWorkspace:
        dest = tmp_path / f"hoi-dong-{len(opened) + 1}"
        shutil.copytree(round_template, dest)
        ws = InspectionWorkspace.open(dest, clock=fixed_clock, actor=TEST_ACTOR)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


@pytest.fixture
def no_modal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal message boxes are recorded instead of blocking the test."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda parent, title, text, *a, **k: seen.append(text) or 0))
    return seen


@pytest.fixture
def council_window(qtbot: Any, no_modal: list[str]) -> Iterator[Callable[..., Any]]:
    """`council_window(ws)`: the council window over `ws`, shown, its dashboard loaded."""
    from cchc_desktop.gui.windows.inspection_window import InspectionWindow

    opened: list[Any] = []

    def make(ws: Any, lang: str = "vi") -> Any:
        win = InspectionWindow(ws)
        win.lang = lang
        qtbot.addWidget(win)
        win.resize(1366, 768)
        with qtbot.waitSignal(win.dashboard_loaded, timeout=10000):
            win.show()
        opened.append(win)
        return win

    yield make
    for win in opened:
        win.close()


@pytest.fixture
def review_window(qtbot: Any) -> Iterator[Callable[..., Any]]:
    """`review_window(ws, "XA-001", agencies=[...])`: the review window, shown at 1366x768."""
    from cchc_desktop.gui.windows.review_window import ReviewWindow

    opened: list[Any] = []

    def make(ws: Any, code: str, agencies: list[str] | None = None, lang: str = "vi") -> Any:
        win = ReviewWindow(ws, agencies or [code], code, lang)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        with qtbot.waitActive(win):  # window shortcuts (F8, PgDown…) fire only in the active window
            win.show()
            win.activateWindow()
        opened.append(win)
        return win

    yield make
    for win in opened:
        win.close()


def write_xlsx(path: Path, rows: list[list[Any]], sheet: str | None = None) -> Path:
    """A small Excel file as a user would fill it."""
    import openpyxl

    wb = openpyxl.Workbook()
    sh = wb.active
    if sheet:
        sh.title = sheet
    for row in rows:
        sh.append(row)
    wb.save(path)
    return path
