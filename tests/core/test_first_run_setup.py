"""First-run setup and the agency's key, without Qt (core/services/first_run.py, agency_keys.py):
checks change nothing, creation is all or nothing, the issued certificate goes into the key file."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.services import agency_keys as keys
from cchc_desktop.core.services import first_run
from cchc_desktop.core.services.framework_source import choose_unsigned
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.certutil import agency_code_of
from cchc_desktop.core.signing.keys import create_agency_key, load_pkcs12, load_pkcs12_bytes, write_agency_key

PASS = "mat-khau-du-dai"


def _tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.fixture
def choice(mini_framework):
    return choose_unsigned(Path("mini.json"), framework=mini_framework)


def test_agency_setup_with_a_new_key_in_the_workspace(tmp_path, choice):
    ws, files = first_run.create_agency_setup(tmp_path / "ws", choice, " XA-01 ", "  UBND   xã  Một ", keys.NewKey(PASS, kind="ec"))
    try:
        assert ws.info().agency_code == "XA-01" and ws.info().agency_name == "UBND xã Một"
        assert ws.framework_trust.status == "sample"
        assert files == keys.KeyFiles(tmp_path / "ws/keys/XA-01.p12", tmp_path / "ws/keys/XA-01.crt", tmp_path / "ws/keys/XA-01.csr")
        assert agency_code_of(load_pkcs12(files.p12, PASS).certificate) == "XA-01"
        assert keys.workspace_keys(ws.folder) == [files.p12]
    finally:
        ws.close()


@pytest.mark.parametrize("code, name, key, message", [
    ("", "UBND xã Một", None, "Mã cơ quan"),
    ("XÃ-01", "UBND xã Một", None, "Mã cơ quan"),
    ("XA-01", "   ", None, "tên cơ quan"),
    ("XA-01", "UBND xã Một", keys.NewKey("ngan", kind="ec"), "ít nhất 8 ký tự"),
    ("XA-01", "UBND xã Một", keys.NewKey(PASS, Path("/khong/co/thu-muc"), "ec"), "không tồn tại"),
])
def test_refusals_create_nothing_and_make_no_key(tmp_path, choice, monkeypatch, code, name, key, message):
    monkeypatch.setattr(first_run, "prepare_key", lambda *a: pytest.fail("a key was made before the checks"))
    with pytest.raises(UserFacingError) as err:
        first_run.create_agency_setup(tmp_path / "ws", choice, code, name, key)
    assert message in err.value.vi
    assert not (tmp_path / "ws").exists()


def test_a_non_empty_folder_is_refused_before_anything(tmp_path, choice, monkeypatch):
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "ghi-chu.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(first_run, "prepare_key", lambda *a: pytest.fail("a key was made for a refused folder"))
    with pytest.raises(UserFacingError, match="không trống"):
        first_run.create_agency_setup(tmp_path / "ws", choice, "XA-01", "UBND xã Một", keys.NewKey(PASS, kind="ec"))
    assert _tree(tmp_path / "ws") == ["ghi-chu.txt"]
    # check_folder itself never creates the folder it is asked about
    first_run.check_folder(tmp_path / "moi")
    assert not (tmp_path / "moi").exists()


def test_an_existing_key_is_opened_checked_and_copied(tmp_path, choice):
    (tmp_path / "cu").mkdir()
    p12 = write_agency_key(tmp_path / "cu" / "khoa.p12", *create_agency_key("XA-01", "UBND xã Một", PASS, "ec"))[0]
    with pytest.raises(UserFacingError, match="Sai mật khẩu"):
        first_run.create_agency_setup(tmp_path / "ws", choice, "XA-01", "UBND xã Một", keys.ExistingKey(p12, "sai-mat-khau"))
    with pytest.raises(UserFacingError, match="thuộc cơ quan mã “XA-01”"):
        first_run.create_agency_setup(tmp_path / "ws", choice, "XA-02", "UBND xã Hai", keys.ExistingKey(p12, PASS))
    assert not (tmp_path / "ws").exists()
    ws, files = first_run.create_agency_setup(tmp_path / "ws", choice, "XA-01", "UBND xã Một", keys.ExistingKey(p12, PASS))
    ws.close()
    assert files == keys.KeyFiles(tmp_path / "ws" / "keys" / "khoa.p12")
    assert files.p12.read_bytes() == p12.read_bytes()


def test_council_setup_copies_the_trust_and_refuses_a_bad_one(tmp_path, mini_framework):
    (tmp_path / "rac.crt").write_text("không phải chứng thư", encoding="utf-8")
    with pytest.raises(UserFacingError, match="rac.crt"):
        first_run.create_council_setup(tmp_path / "hd", mini_framework, tmp_path / "rac.crt")
    assert not (tmp_path / "hd").exists()
    _p12, cert_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ tỉnh Thử", "mat-khau-ca", "ec")
    trust = tmp_path / "tinh"
    trust.mkdir()
    (trust / "ca.crt").write_bytes(cert_pem)
    (trust / "ca.crl").write_bytes(crl_pem)
    assert first_run.describe_trust(trust) == (1, 0, 1)
    ws = first_run.create_council_setup(tmp_path / "hd", mini_framework, trust)
    try:
        assert ws.year == 2026 and sorted(p.name for p in ws.trust_dir.iterdir()) == ["ca.crl", "ca.crt"]
    finally:
        ws.close()


def test_import_the_issued_certificate(tmp_path):
    ca_p12, ca_pem, _crl = ca_mod.init_ca("Sở Nội vụ tỉnh Thử", "mat-khau-ca", "ec")
    ca = load_pkcs12_bytes(ca_p12, "mat-khau-ca")
    (tmp_path / "ca.crt").write_bytes(ca_pem)
    _rogue_p12, rogue_pem, _ = ca_mod.init_ca("Sở Nội vụ tỉnh Thử", "mat-khau-ca", "ec")
    (tmp_path / "rogue.crt").write_bytes(rogue_pem)
    ws_folder = tmp_path / "ws"
    (ws_folder / "keys").mkdir(parents=True)
    files = keys.create_workspace_key(ws_folder, "XA-01", "UBND xã Một", keys.NewKey(PASS, kind="ec"))
    before = files.p12.read_bytes()
    issued = tmp_path / "cap.crt"
    issued.write_bytes(ca_mod.issue(ca.private_key, ca.certificate, files.request.read_bytes()))
    with pytest.raises(UserFacingError, match="không phải “XA-02”"):
        keys.import_issued_certificate(files.p12, PASS, issued, tmp_path / "ca.crt", "XA-02")
    with pytest.raises(UserFacingError, match="không do chứng thư CA"):
        keys.import_issued_certificate(files.p12, PASS, issued, tmp_path / "rogue.crt", "XA-01")
    with pytest.raises(UserFacingError, match="Sai mật khẩu"):
        keys.import_issued_certificate(files.p12, "sai-mat-khau", issued, tmp_path / "ca.crt", "XA-01")
    assert files.p12.read_bytes() == before  # nothing changed by the refusals
    issuer = keys.import_issued_certificate(files.p12, PASS, issued, tmp_path / "ca.crt", "XA-01")
    assert issuer == "Sở Nội vụ tỉnh Thử"
    signer = load_pkcs12(files.p12, PASS)
    assert signer.certificate.issuer == ca.certificate.subject and signer.chain[0] == ca.certificate
    # The same key again: never over existing files.
    with pytest.raises(UserFacingError, match="XA-01.p12"):
        keys.create_workspace_key(ws_folder, "XA-01", "UBND xã Một", keys.NewKey(PASS, kind="ec"))
