"""`cchc inspect export-appraisals | import | conflicts | resolve`, and `workspace init --database`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.signing.keys import encrypt_pkcs12

from ..inspection.helpers import PASSPHRASE
from .conftest import MergeKeys


def _p12(path: Path, signer: Any) -> Path:
    path.write_bytes(encrypt_pkcs12(signer.private_key, signer.certificate, PASSPHRASE))
    return path


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_PASSPHRASE", PASSPHRASE)


def test_a_reviewers_package_through_the_command_line(
        copies: Callable[[str], InspectionWorkspace], merge_keys: MergeKeys, cli: Callable[..., Any], tmp_path: Path,
        env: None) -> None:
    main, minh = copies("chu-tri"), copies("minh")
    main.appraise("XA-001", "1.4", "2", "Hai sáng kiến")
    minh.appraise("XA-001", "1.4", "1", "Chỉ một sáng kiến")
    minh.appraise("XA-002", "2.3", "1.5", "Thiếu báo cáo")
    main.close()
    minh.close()
    key = _p12(tmp_path / "minh.p12", merge_keys.minh)
    pkg = tmp_path / "minh.cchc"
    r = cli("inspect", "export-appraisals", minh.folder, "-o", pkg, "--key", key, "--fields", "1,2")
    assert r.code == 0, r.err
    assert "Đã xuất 2 kết quả thẩm định (1, 2; 2 cơ quan)" in r.out
    r = cli("inspect", "import", main.folder, pkg)
    assert r.code == 0, r.err
    assert "1 mới" in r.out and "1 xung đột" in r.out
    r = cli("inspect", "conflicts", main.folder, "--json")
    assert r.code == 0, r.err
    [c] = r.json()["conflicts"]
    assert (c["agency_code"], c["item_code"], c["round"]) == ("XA-001", "1.4", 1)
    assert c["current"]["points"] == "2" and c["incoming"] == {
        "points": "1", "not_applicable": False, "reason": "Chỉ một sáng kiến", "reviewer": "minh",
        "appraised_at": "2026-03-02T08:30:00.000+00:00"}
    text = cli("inspect", "conflicts", main.folder)
    assert f"#{c['id']}  XA-001 · tiêu chí 1.4" in text.out and "mới nhận: 1 (minh" in text.out
    r = cli("inspect", "resolve", main.folder, "--id", c["id"], "--keep", "incoming")
    assert r.code == 0 and "lấy bản mới nhận" in r.out
    assert cli("inspect", "conflicts", main.folder).out.strip() == "Không có xung đột nào đang chờ giải quyết."
    r = cli("inspect", "resolve", main.folder, "--id", c["id"], "--keep", "current")
    assert r.code == 1 and "đã được giải quyết" in r.err and "Traceback" not in r.err
    with InspectionWorkspace.open(main.folder) as ws:
        assert {a.code: str(a.points) for a in ws.appraisals("XA-001")} == {"1.4": "1"}


def test_an_agency_key_cannot_export_appraisals(copies: Callable[[str], InspectionWorkspace], merge_keys: MergeKeys,
                                                cli: Callable[..., Any], tmp_path: Path, env: None) -> None:
    ws = copies("lan")
    ws.appraise("XA-001", "2.3", "1", "Thiếu")
    ws.close()
    r = cli("inspect", "export-appraisals", ws.folder, "-o", tmp_path / "x.cchc", "--key",
            _p12(tmp_path / "xa.p12", merge_keys.xa1))
    assert r.code == 1 and "chứng thư Hội đồng thẩm định" in r.err and not (tmp_path / "x.cchc").exists()
