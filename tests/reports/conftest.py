"""Fixtures of the report tests: filled workspaces (mini framework and the sample `sở` framework),
the inspection tests' signing keys (made once per session), poppler or skip."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.framework.load import load_framework
from cchc_desktop.core.services.agency import AgencyWorkspace

from ..conftest import TEST_ACTOR, fixed_clock
from ..inspection import conftest as inspection_fixtures
from ..inspection.helpers import answers_doc
from .helpers import FORMS, fill_any, have_poppler

keys = inspection_fixtures.keys  # session: province CA + XA-001 (a) …, EC keys


@pytest.fixture(scope="session")
def poppler() -> None:
    if not have_poppler():
        pytest.skip("poppler-utils (pdftotext, pdffonts, pdftoppm) not installed")


def fill_mini(ws: Any, folder: Path) -> Any:
    from cchc_desktop.core.services.answers_file import fill

    files = folder / "tai-lieu"
    files.mkdir()
    answers = folder / "tra-loi.json"
    answers.write_text(json.dumps(answers_doc(files), ensure_ascii=False), encoding="utf-8")
    fill(ws, answers)
    assert not ws.score().problems
    return ws


@pytest.fixture
def filled_mini(agency_ws: Any, tmp_path: Path) -> Any:
    """The mini workspace (XA-001) filled like the inspection tests' agency: every rule kind, two
    documents (one backing two items), N/A with reasons, bonus and penalty; no problems left."""
    return fill_mini(agency_ws, tmp_path)


@pytest.fixture(scope="module")
def mini_shared(tmp_path_factory: pytest.TempPathFactory, mini_framework: Any) -> Iterator[AgencyWorkspace]:
    """The same, made once for a module whose tests only read it."""
    root = tmp_path_factory.mktemp("mini")
    ws = AgencyWorkspace.create(root / "ws", mini_framework, "XA-001", "UBND xã Thử Nghiệm", clock=fixed_clock,
                                actor=TEST_ACTOR)
    try:
        yield fill_mini(ws, root)
    finally:
        ws.close()


@pytest.fixture(scope="session")
def so_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AgencyWorkspace]:
    """The sample provincial-agency framework (forms/so-2026.json), filled; made once, the tests
    only read it."""
    root = tmp_path_factory.mktemp("so")
    ws = AgencyWorkspace.create(root / "ws", load_framework(FORMS / "so-2026.json"), "SO-TTTT",
                                "Sở Thông tin và Truyền thông", clock=fixed_clock, actor=TEST_ACTOR)
    fill_any(ws, root / "tai-lieu")
    try:
        yield ws
    finally:
        ws.close()
