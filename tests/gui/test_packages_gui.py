"""Export from the agency window and import in the council window, driven through the widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.signing import ca as ca_mod
from cchc_desktop.core.signing.keys import create_agency_key, load_pkcs12_bytes, replace_certificate, write_agency_key
from cchc_desktop.core.signing.trust import load_trust

PASS = "mat-khau-thu"


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A province CA folder (cert + CRL) and an agency key XA-001 issued by it."""
    root = tmp_path_factory.mktemp("pki")
    ca_p12, ca_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ tỉnh Thử", "ca-passphrase", "ec")
    ca = load_pkcs12_bytes(ca_p12, "ca-passphrase")
    trust = root / "trust"
    trust.mkdir()
    (trust / "ca.crt").write_bytes(ca_pem)
    (trust / "ca.crl").write_bytes(crl_pem)
    p12, cert_pem, csr_pem = create_agency_key("XA-001", "UBND xã Thử Nghiệm", PASS, "ec")
    key_path = root / "xa.p12"
    write_agency_key(key_path, p12, cert_pem, csr_pem)
    issued = ca_mod.issue(ca.private_key, ca.certificate, csr_pem)
    replace_certificate(key_path, PASS, x509.load_pem_x509_certificate(issued), [ca.certificate])
    return {"trust": trust, "key": key_path}


def _export_through_dialog(d: Any, monkeypatch: pytest.MonkeyPatch, key: Path, out: Path, passphrase: str, allow: bool) -> Any:
    from PySide6.QtWidgets import QMessageBox

    from cchc_desktop.gui.dialogs.export_package import ExportDialog

    seen: dict[str, Any] = {}

    def fake_exec(dlg: ExportDialog) -> int:
        dlg.key.setText(str(key))
        dlg.passphrase.setText(passphrase)
        dlg.out.setText(str(out))
        dlg.accept()  # refused while problems remain and the box is not ticked
        seen["first_error"] = dlg.error.text()
        if allow:
            dlg.allow.setChecked(True)
            dlg.accept()
        seen["dialog"] = dlg
        return int(dlg.result())

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text, *a, **k: seen.setdefault("info", text)))
    d.window.export_action.trigger()
    d.settle()
    return seen


def test_export_from_the_window(agency_ws, open_window, province, tmp_path, monkeypatch, message_boxes):
    d = open_window(agency_ws)
    assert "Chưa nộp lần nào" in d.window.submission.text()
    out = tmp_path / "nop.cchc"
    seen = _export_through_dialog(d, monkeypatch, province["key"], out, PASS, allow=True)
    assert "Còn vấn đề chưa xử lý" in seen["first_error"]  # the explicit decision was required
    assert "lần nộp thứ 1" in seen["info"] and str(out) in seen["info"]
    report = verify_package(out, load_trust(province["trust"]))
    assert report.ok and report.manifest.agency_code == "XA-001" and report.manifest.sequence == 1
    assert "Đã xuất gói nộp lần 1" in d.window.submission.text()
    # An edit afterwards starts submission 2; the first stays as it was.
    d.select("1.3")
    d.choose("Đạt")
    assert "lần nộp thứ 2" in d.window.submission.text()
    assert message_boxes == []


def test_export_without_ticking_is_refused_and_wrong_passphrase_writes_nothing(
    agency_ws, open_window, province, tmp_path, monkeypatch, message_boxes
):
    d = open_window(agency_ws)
    out = tmp_path / "nop.cchc"
    seen = _export_through_dialog(d, monkeypatch, province["key"], out, PASS, allow=False)
    assert seen["dialog"].result() == 0 and not out.exists()
    seen = _export_through_dialog(d, monkeypatch, province["key"], out, "sai-mat-khau", allow=True)
    assert not out.exists() and not list(tmp_path.glob(".nop.cchc*"))
    assert len(message_boxes) == 1 and "mật khẩu" in message_boxes[0].lower()
    assert agency_ws.info().submission_seq == 0


def test_council_imports_a_folder_with_a_good_and_a_bad_package(
    agency_ws, province, tmp_path, mini_framework, qtbot, monkeypatch
):
    from cchc_desktop.core.services.export import export_submission
    from cchc_desktop.core.services.inspection import InspectionWorkspace
    from cchc_desktop.core.signing.keys import load_pkcs12
    from cchc_desktop.gui.windows.inspection_window import ImportResultsDialog, InspectionWindow

    usb = tmp_path / "usb"
    usb.mkdir()
    good = export_submission(agency_ws, usb / "a-good.cchc", load_pkcs12(province["key"], PASS), allow_problems=True).package
    data = bytearray(good.path.read_bytes())
    data[len(data) // 2] ^= 0x40
    (usb / "b-bad.cchc").write_bytes(bytes(data))

    council = InspectionWorkspace.create(tmp_path / "council", mini_framework, 2026, province["trust"])
    shown: list[ImportResultsDialog] = []
    monkeypatch.setattr(ImportResultsDialog, "exec", lambda self: shown.append(self) or 0)
    win = InspectionWindow(council)
    qtbot.addWidget(win)
    win.show()
    assert win.table.rowCount() == 0
    with qtbot.waitSignal(win.imported, timeout=20000) as signal:
        win.import_paths([usb])
    results = signal.args[0]
    assert [r.status for r in results] == ["imported", "refused"]
    lines = [shown[0].list.item(i).text() for i in range(shown[0].list.count())]
    assert lines[0].startswith("✔ a-good.cchc: đã nhập XA-001 lần nộp 1")
    assert lines[1].startswith("✘ b-bad.cchc: bị từ chối") and "\n    " in lines[1]
    assert win.table.rowCount() == 1 and win.table.item(0, 0).text() == "XA-001"
    assert win.import_files_action.isEnabled()
    win.close()
    council.close()
