"""Fixtures of the appraisal tests: a council round with imported submissions of the mini framework."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.services.inspection import InspectionWorkspace

from ..inspection.conftest import agency_folder, cli, council, keys, open_agency, trust_dirs  # noqa: F401
from ..inspection.helpers import build_package


@pytest.fixture
def round_with(council: Callable[..., InspectionWorkspace], agency_folder: Callable[..., Path],  # noqa: F811
               open_agency: Callable[[Path], Any], keys: Any, tmp_path: Path) -> Callable[..., InspectionWorkspace]:  # noqa: F811
    """`round_with("XA-001", "XA-002")`: a council round where those agencies submitted the mini answers."""

    def make(*codes: str) -> InspectionWorkspace:
        signers = {"XA-001": keys.a, "XA-002": keys.b}
        ws = council()
        ws.set_expected_agencies([("XA-001", "UBND xã Một"), ("XA-002", "UBND xã Hai"), ("XA-003", "UBND xã Ba")])
        for code in codes:
            folder = agency_folder(f"ag-{code}", code)
            pkg = build_package(open_agency(folder), tmp_path / f"{code}.cchc", signers[code])
            [res] = ws.import_packages([pkg.path])
            assert res.ok, res.reasons()
        return ws

    return make
