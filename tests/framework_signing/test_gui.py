"""The first-run dialog: a signed framework (verified, result in Vietnamese) or a bundled sample
(with its warning); and the agency window's warning for frameworks that were not verified."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.storage.records import FrameworkTrust

from ..conftest import fixed_clock
from ..gui.conftest import open_window  # noqa: F401 - fixture
from .conftest import official_doc


def _dialog(qtbot, tmp_path):
    from cchc_desktop.gui.dialogs.new_workspace import NewWorkspaceDialog

    dlg = NewWorkspaceDialog(tmp_path / "ws")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.code.setText("XA-001")
    dlg.name.setText("UBND xã Một")
    return dlg


def test_dialog_signed_framework_is_verified_and_recorded(qtbot, tmp_path, province, signed, official):
    dlg = _dialog(qtbot, tmp_path)
    dlg.source.set_signed_file(signed(), province.ca_crt)
    result = dlg.source.verify_result
    assert result.isVisible() and "✔ Chữ ký hợp lệ" in result.text() and "Sở Nội vụ tỉnh Thử Nghiệm" in result.text()
    assert dlg.year.text() == "2026"
    assert not dlg.source.sample_warning.isVisible()
    dlg.accept()
    assert dlg.workspace is not None, dlg.error.text()
    try:
        trust = dlg.workspace.framework_trust
        assert trust.status == "signed" and trust.verdict == "valid"
        assert dlg.workspace.framework.sha256 == official.sha256
    finally:
        dlg.workspace.close()


def test_dialog_refuses_a_modified_signed_file(qtbot, tmp_path, province, signed):
    path = signed()
    data = bytearray(path.read_bytes())
    data[len(data) // 4] ^= 0x01
    path.write_bytes(bytes(data))
    dlg = _dialog(qtbot, tmp_path)
    dlg.source.set_signed_file(path, province.ca_crt)
    text = dlg.source.verify_result.text()
    assert "✖ Không dùng được tệp này." in text and "đã bị sửa đổi sau khi tỉnh ký" in text
    dlg.accept()
    assert dlg.workspace is None and "có chữ ký" in dlg.error.text()
    assert not (tmp_path / "ws" / "workspace.sqlite").exists()


def test_dialog_unknown_revocation_needs_the_box_ticked(qtbot, tmp_path, province, signed):
    dlg = _dialog(qtbot, tmp_path)
    dlg.source.set_signed_file(signed(signer=province.framework_signer), province.ca_crt)  # no CRL
    assert dlg.source.accept_unknown.isVisible() and "thu hồi" in dlg.source.verify_result.text()
    dlg.accept()
    assert dlg.workspace is None and "Vẫn dùng" in dlg.error.text()
    dlg.source.accept_unknown.setChecked(True)
    dlg.accept()
    assert dlg.workspace is not None
    assert dlg.workspace.framework_trust.verdict == "unknown"
    dlg.workspace.close()


def test_dialog_sample_shows_its_warning_and_records_sample(qtbot, tmp_path):
    dlg = _dialog(qtbot, tmp_path)
    assert dlg.source.sample_radio.isChecked()
    warning = dlg.source.sample_warning
    assert warning.isVisible() and "Bộ tiêu chí mẫu, không phải bộ chính thức" in warning.text()
    dlg.accept()
    assert dlg.workspace is not None
    assert dlg.workspace.framework_trust.status == "sample"
    dlg.workspace.close()


def test_dialog_unsigned_file_needs_explicit_consent(qtbot, tmp_path):
    path = tmp_path / "chinh-thuc.json"
    path.write_text(json.dumps(official_doc(), ensure_ascii=False), encoding="utf-8")
    dlg = _dialog(qtbot, tmp_path)
    dlg.add_framework_file(path)
    assert dlg.source.unsigned_ok.isVisible() and "chưa có chữ ký" in dlg.source.sample_warning.text()
    dlg.accept()
    assert dlg.workspace is None and "chưa có chữ ký" in dlg.error.text()
    dlg.source.unsigned_ok.setChecked(True)
    dlg.accept()
    assert dlg.workspace is not None
    assert dlg.workspace.framework_trust.status == "unsigned"
    dlg.workspace.close()


def _workspace(tmp_path: Path, fw, trust: FrameworkTrust | None) -> AgencyWorkspace:
    return AgencyWorkspace.create(tmp_path / "ws", fw, "XA-001", "UBND xã Một", clock=fixed_clock, actor="test",
                                  framework_trust=trust)


def test_window_warning_stays_for_an_unsigned_framework(tmp_path, official, open_window):  # noqa: F811
    ws = _workspace(tmp_path, official, FrameworkTrust("unsigned"))
    d = open_window(ws)
    warning = d.window.framework_warning
    assert warning is not None and warning.isVisible() and "CHƯA CÓ CHỮ KÝ" in warning.text()
    # Nothing dismisses it: it is a plain label in the layout, still there after work in the window.
    d.select("1.3")
    d.choose("Đạt")
    d.select("1.2")
    d.type_into(d.window.editor.input.edit, "1")
    d.window.next_problem()
    assert warning.isVisible() and warning.parent() is d.window.centralWidget()
    ws.close()


def test_window_warning_for_a_sample_and_none_for_a_signed_official(tmp_path, mini, official, open_window):  # noqa: F811
    ws = _workspace(tmp_path, mini, None)  # default: the sample is recorded as such
    d = open_window(ws)
    assert d.window.framework_warning is not None and d.window.framework_warning.isVisible()
    assert "BỘ TIÊU CHÍ MẪU" in d.window.framework_warning.text()
    ws.close()
    ws2 = AgencyWorkspace.create(tmp_path / "ws2", official, "XA-001", "UBND xã Một", clock=fixed_clock, actor="test",
                                 framework_trust=FrameworkTrust("signed", "CN=Sở Nội vụ", "ab" * 32, "cd" * 32, "valid"))
    d2 = open_window(ws2)
    assert d2.window.framework_warning is None
    ws2.close()
