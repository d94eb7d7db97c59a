"""Signing on a PKCS#11 token, simulated by SoftHSM2 in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.signing.pkcs11 import DEFAULT_MODULES, Pkcs11Signer, generate_key_on_token
from cchc_desktop.core.signing.verify import verify_detached

from .conftest import CONTENT, Pki

SO_PIN, PIN, LABEL = "12345678", "123456", "CCHC-TEST"


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh SoftHSM2 token; yields the module path.  SOFTHSM2_CONF is set for the module's tests."""
    util = shutil.which("softhsm2-util")
    module = next((m for m in DEFAULT_MODULES if "softhsm" in m and Path(m).exists()), None)
    if not util or not module:
        pytest.skip("SoftHSM2 is not installed (apt-get install softhsm2): no simulated token to test with")
    pytest.importorskip("pkcs11", reason="python-pkcs11 is not installed")
    import pkcs11

    root = tmp_path_factory.mktemp("softhsm")
    (root / "tokens").mkdir()
    conf = root / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    pkcs11.unload(module)  # SoftHSM reads its configuration when the library is initialised
    try:
        subprocess.run([util, "--init-token", "--free", "--label", LABEL, "--so-pin", SO_PIN, "--pin", PIN],
                       check=True, capture_output=True, timeout=60)
        yield module
    finally:
        pkcs11.unload(module)
        if old is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = old


@pytest.mark.parametrize("kind", ["ec", "rsa"])
def test_sign_on_token_verifies_here_and_with_openssl(token: str, kind: str, request, openssl_verify) -> None:
    pki: Pki = request.getfixturevalue("pki")
    key_label = f"agency-{kind}"
    public_key = generate_key_on_token(token, LABEL, PIN, key_label, kind)
    cert = ca_mod.issue_for_public_key(pki.key, pki.cert, public_key, "XA-TOKEN", "UBND xã Có Token")
    signer = Pkcs11Signer(token, LABEL, PIN, key_label, cert, [pki.cert])
    sig = signer.sign_detached(CONTENT)
    report = verify_detached(sig, CONTENT, pki.trust())
    assert report.verdict is Verdict.VALID, report.findings
    assert report.agency_code == "XA-TOKEN"
    r = openssl_verify(sig, CONTENT, pki.cert)
    assert r.returncode == 0, r.stderr
    assert openssl_verify(sig, CONTENT + b"!", pki.cert).returncode != 0


def test_wrong_pin_says_so_and_warns_about_locking(token: str, pki: Pki) -> None:
    cert = pki.signer("XA-TOKEN").certificate
    signer = Pkcs11Signer(token, LABEL, "999999", "agency-ec", cert)
    with pytest.raises(UserFacingError) as exc:
        signer.sign_detached(CONTENT)
    assert "PIN" in exc.value.vi and "không đúng" in exc.value.vi and "khóa" in exc.value.vi
    assert "Wrong token PIN" in exc.value.en


def test_missing_token_key_and_mismatched_certificate(token: str, pki: Pki) -> None:
    generate_key_on_token(token, LABEL, PIN, "lonely", "ec")
    cert = pki.signer("XA-TOKEN").certificate  # a certificate for another key
    with pytest.raises(UserFacingError, match="không khớp"):
        Pkcs11Signer(token, LABEL, PIN, "lonely", cert).sign_detached(CONTENT)
    with pytest.raises(UserFacingError, match="không có khóa"):
        Pkcs11Signer(token, LABEL, PIN, "no-such-key", cert).sign_detached(CONTENT)
    with pytest.raises(UserFacingError, match="Không tìm thấy thiết bị"):
        Pkcs11Signer(token, "NO-SUCH-TOKEN", PIN, "lonely", cert).sign_detached(CONTENT)
    with pytest.raises(UserFacingError, match="PKCS#11"):
        Pkcs11Signer("/nonexistent/libnothing.so", LABEL, PIN, "lonely", cert).sign_detached(CONTENT)
