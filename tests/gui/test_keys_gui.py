"""The agency's key after the first run: "Tệp > Tạo khóa ký số…" makes KEY.p12/.crt/.csr in keys/,
the province issues a certificate from the .csr, "Tệp > Nhập chứng thư được cấp…" puts it into the
key file, and a package exported with it verifies against the province CA alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.keys import load_pkcs12, load_pkcs12_bytes
from cchc_desktop.core.signing.trust import load_trust

PASS = "mat-khau-du-dai"


@pytest.fixture
def province_ca(tmp_path: Path) -> Any:
    p12, cert_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ tỉnh Thử", "ca-mat-khau", "ec")
    folder = tmp_path / "tinh"
    ca_mod.write_ca_folder(folder, p12, cert_pem, crl_pem)
    return folder, load_pkcs12_bytes(p12, "ca-mat-khau")


def _patch_exec(monkeypatch: pytest.MonkeyPatch, cls: type, steps: Any) -> list[Any]:
    seen: list[Any] = []

    def fake_exec(dlg: Any) -> int:
        seen.append(dlg)
        steps(dlg)
        return int(dlg.result())

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def test_create_key_then_import_the_issued_certificate_then_export(
    agency_ws, open_window, province_ca, tmp_path, monkeypatch, message_boxes
):
    from PySide6.QtWidgets import QMessageBox

    from cchc_desktop.gui.dialogs.keys import CreateKeyDialog, ImportCertificateDialog

    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda p, t, text, *a, **k: infos.append(text)))
    monkeypatch.setattr(CreateKeyDialog, "key_kind", "ec")
    d = open_window(agency_ws)
    keys = agency_ws.folder / "keys"

    def create(dlg: CreateKeyDialog) -> None:
        dlg.form.passphrase.setText("ngan")
        dlg.form.repeat.setText("ngan")
        dlg.accept()
        assert "ít nhất 8 ký tự" in dlg.error.text() and not keys.exists()
        dlg.form.passphrase.setText(PASS)
        dlg.form.repeat.setText(PASS)
        dlg.accept()

    _patch_exec(monkeypatch, CreateKeyDialog, create)
    d.window.create_key_action.trigger()
    assert sorted(p.name for p in keys.iterdir()) == ["XA-001.crt", "XA-001.csr", "XA-001.p12"]
    assert "XA-001.csr" in infos[-1]
    # Asked again, the same files are never overwritten.
    _patch_exec(monkeypatch, CreateKeyDialog, lambda dlg: (dlg.form.passphrase.setText(PASS), dlg.form.repeat.setText(PASS),
                                                           dlg.accept(), infos.append(dlg.error.text())))
    before = (keys / "XA-001.p12").read_bytes()
    d.window.create_key_action.trigger()
    assert "XA-001.p12" in infos[-1] and (keys / "XA-001.p12").read_bytes() == before

    # The province issues a certificate from the request; another agency's certificate is refused.
    folder, ca = province_ca
    issued = tmp_path / "XA-001-cap.crt"
    issued.write_bytes(ca_mod.issue(ca.private_key, ca.certificate, (keys / "XA-001.csr").read_bytes()))
    other = tmp_path / "khac.crt"
    from cchc_desktop.core.signing.keys import create_agency_key

    other.write_bytes(ca_mod.issue(ca.private_key, ca.certificate, create_agency_key("XA-999", "UBND xã Khác", PASS, "ec")[2]))

    def import_cert(dlg: ImportCertificateDialog) -> None:
        assert dlg.key.text() == str(keys / "XA-001.p12")  # the workspace's key is offered
        dlg.cert.setText(str(issued))
        dlg.ca.setText(str(folder / "ca.crt"))
        dlg.passphrase.setText("sai-mat-khau")
        dlg.accept()
        assert "Sai mật khẩu" in dlg.error.text()
        dlg.passphrase.setText(PASS)
        dlg.cert.setText(str(other))
        dlg.accept()
        assert "XA-999" in dlg.error.text()
        dlg.cert.setText(str(issued))
        dlg.accept()

    seen = _patch_exec(monkeypatch, ImportCertificateDialog, import_cert)
    d.window.import_cert_action.trigger()
    assert seen[0].result() == 1 and "Sở Nội vụ tỉnh Thử" in infos[-1]
    signer = load_pkcs12(keys / "XA-001.p12", PASS)
    assert signer.certificate.issuer == ca.certificate.subject
    assert x509.load_pem_x509_certificate(issued.read_bytes()) == signer.certificate

    # Exported with the issued certificate, the package verifies against the province CA alone.
    from cchc_desktop.gui.dialogs.export_package import ExportDialog

    out = tmp_path / "nop.cchc"

    def export(dlg: ExportDialog) -> None:
        assert dlg.key.text() == str(keys / "XA-001.p12")
        dlg.passphrase.setText(PASS)
        dlg.out.setText(str(out))
        dlg.allow.setChecked(True)
        dlg.accept()

    _patch_exec(monkeypatch, ExportDialog, export)
    d.window.export_action.trigger()
    d.settle()
    report = verify_package(out, load_trust(folder))
    assert report.ok and report.manifest.agency_code == "XA-001"
    assert message_boxes == []
