"""`cchc keys ...` and `cchc ca ...`: the province CA round trip, as an administrator would run it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from cryptography import x509

from cchc_desktop.cli import main
from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.signing.certutil import agency_code_of, fingerprint
from cchc_desktop.core.signing.keys import load_pkcs12
from cchc_desktop.core.signing.trust import load_trust
from cchc_desktop.core.signing.verify import verify_detached

from ..cli.helpers import Result
from .conftest import CONTENT

PASS = "mat-khau-CA-2026"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.delenv("CCHC_LANG", raising=False)
    monkeypatch.setenv("CCHC_PASSPHRASE", PASS)

    def run(*argv: Any) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        cap = capsys.readouterr()
        return Result(code, cap.out, cap.err)

    return run


def test_keys_create_writes_key_certificate_and_request(cli, tmp_path: Path) -> None:
    r = cli("keys", "create", "--agency-code", "XA-001", "--name", "UBND xã Thử Nghiệm", "-o", tmp_path / "xa.p12", "--ec")
    assert r.code == 0, r.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xa.crt", "xa.csr", "xa.p12"]
    cert = x509.load_pem_x509_certificate((tmp_path / "xa.crt").read_bytes())
    assert agency_code_of(cert) == "XA-001"
    assert fingerprint(cert) in r.out  # printed for pins.json
    assert load_pkcs12(tmp_path / "xa.p12", PASS).certificate == cert
    again = cli("keys", "create", "--agency-code", "XA-001", "--name", "X", "-o", tmp_path / "xa.p12", "--ec")
    assert again.code == 1 and "đã có" in again.err
    assert load_pkcs12(tmp_path / "xa.p12", PASS).certificate == cert
    shown = cli("keys", "show", tmp_path / "xa.crt")
    assert shown.code == 0 and "XA-001" in shown.out and fingerprint(cert) in shown.out


def test_ca_init_issue_import_revoke_round_trip(cli, tmp_path: Path) -> None:
    ca_dir, xa = tmp_path / "ca", tmp_path / "xa.p12"
    r = cli("ca", "init", "-o", ca_dir, "--name", "Sở Nội vụ tỉnh Thử Nghiệm", "--ec")
    assert r.code == 0, r.err
    assert sorted(p.name for p in ca_dir.iterdir()) == ["ca.crl", "ca.crt", "ca.p12"]
    assert cli("ca", "init", "-o", ca_dir, "--name", "again", "--ec").code == 1  # never over an existing CA
    assert cli("keys", "create", "--agency-code", "XA-001", "--name", "UBND xã A", "-o", xa, "--ec").code == 0

    r = cli("ca", "issue", "--ca", ca_dir, "--csr", tmp_path / "xa.csr", "-o", tmp_path / "xa-issued.crt")
    assert r.code == 0, r.err
    issued = x509.load_pem_x509_certificate((tmp_path / "xa-issued.crt").read_bytes())
    assert agency_code_of(issued) == "XA-001"
    assert (ca_dir / "issued" / f"{issued.serial_number:x}.crt").exists()
    r = cli("ca", "issue", "--ca", ca_dir, "--csr", tmp_path / "xa.csr", "--agency-code", "XA-002",
            "-o", tmp_path / "other.crt")
    assert r.code == 1 and "không khớp" in r.err and not (tmp_path / "other.crt").exists()

    r = cli("keys", "import-cert", "--key", xa, "--cert", tmp_path / "xa-issued.crt", "--chain", ca_dir / "ca.crt")
    assert r.code == 0, r.err
    signer = load_pkcs12(xa, PASS)
    assert signer.certificate == issued
    sig = signer.sign_detached(CONTENT)
    report = verify_detached(sig, CONTENT, load_trust(ca_dir))
    assert report.verdict is Verdict.VALID, report.findings
    assert report.agency_code == "XA-001"

    crl_before = (ca_dir / "ca.crl").read_bytes()
    r = cli("ca", "revoke", "--ca", ca_dir, "--cert", tmp_path / "xa-issued.crt", "--reason", "key-compromise")
    assert r.code == 0, r.err
    assert (ca_dir / "ca.crl").read_bytes() != crl_before
    assert sorted(p.name for p in ca_dir.iterdir()) == ["ca.crl", "ca.crt", "ca.p12", "issued"]  # no temp file
    report = verify_detached(sig, CONTENT, load_trust(ca_dir))
    assert report.verdict is Verdict.INVALID and [f.code for f in report.findings] == ["revoked"]
    again = cli("ca", "revoke", "--ca", ca_dir, "--serial", f"{issued.serial_number:x}")
    assert again.code == 1 and "đã bị thu hồi" in again.err
    assert cli("ca", "crl", "--ca", ca_dir).code == 0


def test_wrong_passphrase_is_a_user_error_in_vietnamese(cli, tmp_path: Path, monkeypatch) -> None:
    assert cli("ca", "init", "-o", tmp_path / "ca", "--name", "CA", "--ec").code == 0
    crl = (tmp_path / "ca" / "ca.crl").read_bytes()
    monkeypatch.setenv("CCHC_PASSPHRASE", "not-the-passphrase")
    r = cli("ca", "revoke", "--ca", tmp_path / "ca", "--serial", "1f")
    assert r.code == 1
    assert "Sai mật khẩu của tệp khóa" in r.err and "Traceback" not in r.err
    assert (tmp_path / "ca" / "ca.crl").read_bytes() == crl
    r = cli("ca", "revoke", "--ca", tmp_path / "ca", "--serial", "1f", "--lang", "en")
    assert r.code == 1 and "Wrong passphrase" in r.err


def test_no_passphrase_without_a_terminal(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("CCHC_PASSPHRASE")
    r = cli("keys", "create", "--agency-code", "XA-001", "--name", "X", "-o", tmp_path / "k.p12", "--ec")
    assert r.code == 1 and "CCHC_PASSPHRASE" in r.err
    assert list(tmp_path.iterdir()) == []


def test_short_passphrase_and_bad_inputs(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CCHC_PASSPHRASE", "abc")
    r = cli("ca", "init", "-o", tmp_path / "ca", "--name", "CA", "--ec")
    assert r.code == 1 and "ít nhất 8" in r.err and not (tmp_path / "ca").exists()
    monkeypatch.setenv("CCHC_PASSPHRASE", PASS)
    (tmp_path / "bad.csr").write_text("not a request")
    r = cli("ca", "issue", "--ca", tmp_path / "ca", "--csr", tmp_path / "bad.csr", "-o", tmp_path / "o.crt")
    assert r.code == 1 and "CSR" in r.err
    r = cli("ca", "revoke", "--ca", tmp_path / "ca")
    assert r.code == 1 and "cần một trong các tham số" in r.err
    r = cli("keys", "show", tmp_path / "bad.csr")
    assert r.code == 1 and "X.509" in r.err
