"""`cchc workspace init DIR --role inspection`: a self-contained round, or nothing at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.core.errors import WorkspaceError
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.inspection import InspectionWorkspace

from .helpers import MINI


def test_init_copies_trust_and_stores_the_framework(cli, trust_dirs, tmp_path: Path, mini_framework) -> None:
    hd = tmp_path / "hd"
    r = cli("workspace", "init", hd, "--role", "inspection", "--framework", MINI, "--year", "2026", "--trust", trust_dirs["crl"])
    assert r.code == 0, r.err
    assert f"SHA-256: {mini_framework.sha256}" in r.out and "1 danh sách thu hồi (CRL)" in r.out
    assert "cchc inspect import" in r.out
    assert sorted(p.name for p in (hd / "trust").iterdir()) == ["ca.crl", "ca.crt"]
    with InspectionWorkspace.open(hd) as ws:
        assert ws.framework.sha256 == mini_framework.sha256 and ws.year == 2026
        assert len(ws.trust().anchors) == 1 and len(ws.trust().crls) == 1
    with pytest.raises(WorkspaceError, match="không phải không gian làm việc của cơ quan"):
        AgencyWorkspace.open(hd)
    listed = cli("inspect", "list", hd)
    assert listed.code == 0 and "Chưa nhập gói hồ sơ nào" in listed.out


def test_single_pem_file_as_trust(cli, keys, tmp_path: Path) -> None:
    pem = tmp_path / "ca-tinh.txt"
    pem.write_bytes(keys.ca_pem + keys.crl_pem)
    r = cli("workspace", "init", tmp_path / "hd", "--role", "inspection", "--framework", MINI, "--trust", pem)
    assert r.code == 0, r.err
    assert [p.name for p in (tmp_path / "hd" / "trust").iterdir()] == ["ca-tinh.txt.pem"]
    with InspectionWorkspace.open(tmp_path / "hd") as ws:
        assert len(ws.trust().crls) == 1


@pytest.mark.parametrize("extra, message", [
    ([], "Cần --trust"),
    (["--trust", "khong-ton-tai"], "Không tìm thấy tệp hoặc thư mục tin cậy"),
    (["--trust", "BAD"], "không có chứng thư"),
    (["--trust", "CRL", "--agency-code", "X"], "--agency-code chỉ dùng cho không gian làm việc của cơ quan"),
    (["--trust", "CRL", "--year", "2025"], "dành cho năm 2026, không phải năm 2025"),
], ids=["no-trust", "missing-trust", "bad-trust", "agency-option", "wrong-year"])
def test_init_refusals_create_nothing(cli, trust_dirs, tmp_path: Path, extra: list[str], message: str) -> None:
    bad = tmp_path / "xau.pem"
    bad.write_text("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", encoding="ascii")
    extra = [str(bad) if e == "BAD" else str(trust_dirs["crl"]) if e == "CRL" else e for e in extra]
    r = cli("workspace", "init", tmp_path / "hd", "--role", "inspection", "--framework", MINI, *extra)
    assert r.code == 1 and message in r.err, r.err
    assert not (tmp_path / "hd").exists()


def test_init_refuses_a_non_empty_folder(cli, trust_dirs, tmp_path: Path) -> None:
    hd = tmp_path / "hd"
    hd.mkdir()
    (hd / "cua-toi.txt").write_text("x", encoding="utf-8")
    r = cli("workspace", "init", hd, "--role", "inspection", "--framework", MINI, "--trust", trust_dirs["crl"])
    assert r.code == 1 and "không trống" in r.err
    assert [p.name for p in hd.iterdir()] == ["cua-toi.txt"]


def test_inspect_commands_refuse_an_agency_workspace(cli, agency_folder) -> None:
    folder = agency_folder(fill=False)
    r = cli("inspect", "list", folder)
    assert r.code == 1 and "không phải không gian làm việc của Hội đồng thẩm định" in r.err
    r = cli("--lang", "en", "inspect", "import", folder, folder)
    assert r.code == 1 and "not an inspection workspace" in r.err
