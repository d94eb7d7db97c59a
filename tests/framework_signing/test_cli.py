"""The command line: `framework sign`, `framework verify`, and `workspace init` with a signed
framework (+ --trust), a sample, or an unsigned file (only with --unsigned)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from cchc_desktop.cli import main

from ..cli.helpers import MINI, Result
from .conftest import PASS, official_doc


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.setenv("CCHC_PASSPHRASE", PASS)
    monkeypatch.delenv("CCHC_LANG", raising=False)

    def run(*argv: Any) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        cap = capsys.readouterr()
        return Result(code, cap.out, cap.err)

    return run


@pytest.fixture
def official_json(tmp_path: Path) -> Path:
    path = tmp_path / "bo-tieu-chi-2026.json"
    path.write_text(json.dumps(official_doc(), ensure_ascii=False), encoding="utf-8")
    return path


def agency_init(cli, folder: Path, *extra: Any) -> Result:
    return cli("workspace", "init", folder, "--role", "agency", "--agency-code", "XA-001",
               "--agency-name", "UBND xã Một", *extra)


def test_sign_then_verify(cli, tmp_path, province, official_json):
    out = tmp_path / "bo.cchc"
    r = cli("framework", "sign", official_json, "--key", province.folder, "-o", out)
    assert r.code == 0, r.err
    assert "Đã ký bộ tiêu chí" in r.out and out.is_file()
    r = cli("framework", "verify", out, "--trust", province.ca_crt)
    assert r.code == 0 and r.out.startswith("HỢP LỆ"), r.out + r.err
    doc = cli("framework", "verify", out, "--trust", province.folder, "--json").json()
    assert doc["verdict"] == "valid" and doc["findings"] == []
    assert doc["framework"]["id"] == "test-mini-chinh-thuc" and doc["framework"]["sample"] is False
    assert doc["signer"]["role"] == "ca" and doc["signer"]["revocation"] == "good"
    # Never overwritten.
    r = cli("framework", "sign", official_json, "--key", province.folder, "-o", out)
    assert r.code == 1 and "đã tồn tại" in r.err


def test_verify_exit_codes(cli, tmp_path, province, signed):
    path = signed(signer=province.framework_signer)
    no_crl = tmp_path / "ca-only.crt"
    no_crl.write_bytes(province.ca_crt.read_bytes())
    r = cli("framework", "verify", path, "--trust", no_crl)
    assert r.code == 3 and "CHƯA XÁC ĐỊNH" in r.out  # revocation unknown
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x20
    path.write_bytes(bytes(data))
    r = cli("framework", "verify", path, "--trust", province.folder, "--json")
    assert r.code == 1 and r.json()["verdict"] == "invalid"
    r = cli("framework", "verify", tmp_path / "khong-co.cchc", "--trust", province.folder)
    assert r.code == 1 and "Không đọc được tệp" in r.out


def test_sign_refuses_an_agency_key(cli, tmp_path, official_json):
    key = tmp_path / "xa.p12"
    assert cli("keys", "create", "--agency-code", "XA-001", "--name", "UBND xã", "-o", key, "--ec").code == 0
    r = cli("framework", "sign", official_json, "--key", key, "-o", tmp_path / "x.cchc")
    assert r.code == 1 and "không phải của tỉnh" in r.err and not (tmp_path / "x.cchc").exists()


def test_framework_signer_issued_by_the_ca_from_the_command_line(cli, tmp_path, province, official_json):
    key = tmp_path / "snv.p12"
    assert cli("keys", "create", "--agency-code", "SNV", "--name", "Sở Nội vụ tỉnh Thử Nghiệm", "-o", key, "--ec").code == 0
    crt = tmp_path / "snv-ky.crt"
    r = cli("ca", "issue", "--ca", province.folder, "--csr", key.with_suffix(".csr"), "--framework-signer", "-o", crt)
    assert r.code == 0, r.err
    assert cli("keys", "import-cert", "--key", key, "--cert", crt, "--chain", province.ca_crt).code == 0
    out = tmp_path / "bo.cchc"
    r = cli("framework", "sign", official_json, "--key", key, "-o", out)
    assert r.code == 0, r.err
    doc = cli("framework", "verify", out, "--trust", province.folder, "--json").json()
    assert doc["verdict"] == "valid" and doc["signer"]["role"] == "framework-signer"
    # Such a certificate binds no agency: it cannot sign a submission for anyone.
    assert cli("package", "verify", out, "--trust", province.folder, "--json").json()["verdict"] == "invalid"


def test_init_with_a_signed_framework_records_signed(cli, tmp_path, province, signed, official):
    path = signed()
    ws = tmp_path / "ws"
    r = agency_init(cli, ws, "--framework", path, "--trust", province.ca_crt)
    assert r.code == 0, r.err
    assert "Chữ ký của tỉnh: đã xác minh" in r.out
    info = cli("workspace", "info", ws, "--json").json()
    assert info["framework_sha256"] == official.sha256
    trust = info["framework_trust"]
    assert trust["status"] == "signed" and trust["verdict"] == "valid"
    assert trust["signer_subject"] == "CN=Sở Nội vụ tỉnh Thử Nghiệm"
    from cchc_desktop.core.signing.certutil import fingerprint

    assert trust["signer_fingerprint"] == fingerprint(province.ca.certificate)
    report = cli("framework", "verify", path, "--trust", province.ca_crt, "--json").json()
    assert trust["package_sha256"] == report["manifest_sha256"]


def test_init_refuses_signed_without_trust_and_a_modified_signed_file(cli, tmp_path, province, signed):
    path = signed()
    r = agency_init(cli, tmp_path / "a", "--framework", path)
    assert r.code == 1 and "--trust" in r.err and not (tmp_path / "a").exists()
    data = bytearray(path.read_bytes())
    data[200] ^= 0x01
    path.write_bytes(bytes(data))
    r = agency_init(cli, tmp_path / "b", "--framework", path, "--trust", province.ca_crt)
    assert r.code == 1 and "đã bị sửa đổi sau khi tỉnh ký" in r.err, r.err
    assert not (tmp_path / "b").exists()


def test_init_signed_with_unknown_revocation_needs_the_flag(cli, tmp_path, province, signed):
    path = signed(signer=province.framework_signer)
    r = agency_init(cli, tmp_path / "a", "--framework", path, "--trust", province.ca_crt)  # no CRL in a lone .crt
    assert r.code == 1 and "--allow-unknown-revocation" in r.err and not (tmp_path / "a").exists()
    r = agency_init(cli, tmp_path / "a", "--framework", path, "--trust", province.ca_crt, "--allow-unknown-revocation")
    assert r.code == 0, r.err
    assert cli("workspace", "info", tmp_path / "a", "--json").json()["framework_trust"]["verdict"] == "unknown"


def test_unsigned_non_sample_json_needs_unsigned(cli, tmp_path, official_json):
    r = agency_init(cli, tmp_path / "a", "--framework", official_json)
    assert r.code == 1 and not (tmp_path / "a").exists()
    assert "không có chữ ký số của tỉnh" in r.err and "Sở Nội vụ" in r.err and "--unsigned" in r.err
    r = agency_init(cli, tmp_path / "a", "--framework", official_json, "--unsigned")
    assert r.code == 0, r.err
    assert "CẢNH BÁO" in r.out
    assert cli("workspace", "info", tmp_path / "a", "--json").json()["framework_trust"]["status"] == "unsigned"
    # --trust means nothing for an unsigned file: refused rather than silently ignored.
    r = agency_init(cli, tmp_path / "b", "--framework", official_json, "--unsigned", "--trust", tmp_path)
    assert r.code == 1 and "--trust" in r.err


def test_samples_stay_allowed_and_are_recorded_as_samples(cli, tmp_path):
    r = agency_init(cli, tmp_path / "a", "--framework", "mau-xa-2026")
    assert r.code == 0, r.err
    assert cli("workspace", "info", tmp_path / "a", "--json").json()["framework_trust"]["status"] == "sample"
    r = agency_init(cli, tmp_path / "b", "--framework", MINI)
    assert r.code == 0 and "bộ tiêu chí mẫu" in r.out
    r = cli("workspace", "init", tmp_path / "c", "--role", "inspection", "--framework", MINI, "--year", "2026",
            "--unsigned")
    assert r.code == 1 and "--unsigned" in r.err
