"""Any standard tool can check a package's signature: the `openssl cms` line of docs/package-format.md.

Everything is made with the CLI, as a province and an agency would: `cchc ca init`, `cchc keys
create`, `cchc ca issue`, `cchc keys import-cert`, a filled workspace and `cchc package export`
(passphrases from CCHC_PASSPHRASE).
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from ..inspection.helpers import PASSPHRASE


def openssl_cms_verify(openssl: str, folder: Path, ca_crt: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in", str(folder / "manifest.p7s"),
         "-content", str(folder / "manifest.json"), "-CAfile", str(ca_crt), "-purpose", "any",
         "-out", str(folder / "verified.out")],
        check=False, capture_output=True, text=True, timeout=60,
    )


def test_openssl_verifies_an_exported_package_and_refuses_a_changed_manifest(
        openssl: str, cli, agency_folder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_PASSPHRASE", PASSPHRASE)
    ca, keys = tmp_path / "so-noi-vu", tmp_path / "khoa"
    keys.mkdir()
    r = cli("ca", "init", "-o", ca, "--name", "Sở Nội vụ tỉnh Thử Nghiệm", "--ec")
    assert r.code == 0, r.err
    r = cli("keys", "create", "--agency-code", "XA-001", "--name", "UBND xã Một", "-o", keys / "xa-001.p12", "--ec")
    assert r.code == 0, r.err
    r = cli("ca", "issue", "--ca", ca, "--csr", keys / "xa-001.csr", "-o", keys / "xa-001-cap.crt")
    assert r.code == 0, r.err
    r = cli("keys", "import-cert", "--key", keys / "xa-001.p12", "--cert", keys / "xa-001-cap.crt", "--chain", ca / "ca.crt")
    assert r.code == 0, r.err
    folder = agency_folder()
    pkg = tmp_path / "XA-001-lan-1.cchc"
    r = cli("package", "export", folder, "-o", pkg, "--key", keys / "xa-001.p12")
    assert r.code == 0, r.err
    assert "Đã xuất lần nộp thứ 1" in r.out
    assert cli("package", "verify", pkg, "--trust", ca).code == 0  # our verifier, the CA folder as trust

    # unzip -o package.cchc manifest.json manifest.p7s
    out = tmp_path / "giai-nen"
    with zipfile.ZipFile(pkg) as zf:
        zf.extractall(out, members=["manifest.json", "manifest.p7s"])
    done = openssl_cms_verify(openssl, out, ca / "ca.crt")
    assert done.returncode == 0, done.stderr
    assert "Verification successful" in done.stderr
    assert (out / "verified.out").read_bytes() == (out / "manifest.json").read_bytes()

    # One byte of the manifest changed: OpenSSL refuses too.
    manifest = bytearray((out / "manifest.json").read_bytes())
    at = manifest.index(b'"sequence": 1') + len(b'"sequence": ')
    manifest[at:at + 1] = b"2"
    (out / "manifest.json").write_bytes(bytes(manifest))
    done = openssl_cms_verify(openssl, out, ca / "ca.crt")
    assert done.returncode != 0
    assert "Verification failure" in done.stderr or "digest failure" in done.stderr.lower(), done.stderr

    # And a CA that is not the province's is refused as well.
    other = tmp_path / "ca-khac"
    assert cli("ca", "init", "-o", other, "--name", "CA khác", "--ec").code == 0
    with zipfile.ZipFile(pkg) as zf:
        (out / "manifest.json").write_bytes(zf.read("manifest.json"))
    assert openssl_cms_verify(openssl, out, ca / "ca.crt").returncode == 0
    assert openssl_cms_verify(openssl, out, other / "ca.crt").returncode != 0
