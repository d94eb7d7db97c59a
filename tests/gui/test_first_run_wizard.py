"""The first-run wizard end to end: from the application's start with no workspace, through every
page, to the open window; and every refusal shown on its page with nothing created."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from cryptography import x509

from cchc_desktop.core.signing.certutil import agency_code_of
from cchc_desktop.core.signing.keys import create_agency_key, load_pkcs12, write_agency_key
from cchc_desktop.gui.dialogs import first_run as fr

from ..framework_signing.conftest import official, province, signed  # noqa: F401 - fixtures

PASS = "mat-khau-du-dai"


class FakeSettings:
    """UiSettings without QSettings: the tests never touch the user's real settings."""

    def __init__(self) -> None:
        self.language, self.last_workspace, self.saved = "vi", "", None

    def geometry(self) -> None:
        return None

    def set_geometry(self, data: Any) -> None:
        self.saved = data


@pytest.fixture
def controller(qapp: Any) -> Any:
    from cchc_desktop.gui.app import Application

    app = Application(qapp, FakeSettings(), "vi")  # type: ignore[arg-type]
    yield app
    if app.window is not None:
        app.window.close()
    app.shutdown()
    if app.window is not None and hasattr(app.window, "workspace"):
        app.window.workspace.close()


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[fr.FirstRunWizard], None]], list[fr.FirstRunWizard]]:
    """`drive(steps)`: the wizard's exec() runs `steps(wizard)` instead of waiting for a user."""
    seen: list[fr.FirstRunWizard] = []

    def install(steps: Callable[[fr.FirstRunWizard], None]) -> list[fr.FirstRunWizard]:
        def fake_exec(wizard: fr.FirstRunWizard) -> int:
            seen.append(wizard)
            wizard.show()
            steps(wizard)
            wizard.close()
            return int(wizard.result())

        monkeypatch.setattr(fr.FirstRunWizard, "exec", fake_exec)
        monkeypatch.setattr(fr.FirstRunWizard, "key_kind", "ec")  # the same files, made faster
        return seen

    return install


def go_next(wizard: fr.FirstRunWizard, expect: int) -> None:
    wizard.next()
    assert wizard.currentId() == expect, wizard.currentPage().error.text()


def stays(wizard: fr.FirstRunWizard, page: int, message: str) -> None:
    """Tiếp theo is refused: still on `page`, the reason shown there."""
    wizard.next()
    assert wizard.currentId() == page
    error = wizard.currentPage().error
    assert error.isVisible() and message in error.text(), error.text()


def choose_sample(wizard: fr.FirstRunWizard, level_word: str = "xã") -> None:
    combo = wizard.framework_page.source.framework
    row = next(i for i in range(combo.count()) if level_word in combo.itemText(i))
    combo.setCurrentIndex(row)
    combo.activated.emit(row)


def files_under(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) if root.exists() else []


# -- the agency --------------------------------------------------------------------------------------


def test_agency_with_a_new_key_from_start_to_the_open_window(controller, drive, tmp_path):
    folder = tmp_path / "ws"

    def steps(w: fr.FirstRunWizard) -> None:
        assert w.currentId() == fr.PAGE_WELCOME and w.welcome_page.agency.isChecked()
        assert w.button(w.WizardButton.NextButton).text() == "Tiếp theo >"
        go_next(w, fr.PAGE_FRAMEWORK)
        choose_sample(w)
        assert w.framework_page.source.sample_warning.isVisible()  # the sample says it is one
        go_next(w, fr.PAGE_AGENCY)
        assert w.agency_page.year.text() == "2026" and w.agency_page.level.text() == "UBND cấp xã"
        w.agency_page.code.setText("XA-01")
        w.agency_page.name.setText("UBND xã Cam Hải Đông")
        go_next(w, fr.PAGE_KEY)
        assert "XA-01.csr" in w.key_page.new_key.explain.text()
        w.key_page.passphrase.setText(PASS)
        w.key_page.repeat.setText(PASS)
        go_next(w, fr.PAGE_FOLDER)
        assert w.folder_page.folder.text() == str(folder)
        summary = w.folder_page.summary.text()
        assert "XA-01, UBND xã Cam Hải Đông" in summary and "Khóa ký số mới" in summary
        assert w.button(w.WizardButton.CommitButton).text() == "Tạo"
        go_next(w, fr.PAGE_DONE)  # the commit page created everything
        done = w.done_page.text.text()
        assert str(folder / "keys" / "XA-01.csr") in done and "Sở Nội vụ" in done
        assert not w.button(w.WizardButton.BackButton).isEnabled()  # created: no going back
        w.button(w.WizardButton.FinishButton).click()

    seen = drive(steps)
    assert controller.open_folder(folder) is True
    assert seen and seen[0].result() == 1

    from cchc_desktop.gui.windows.agency_window import AgencyWindow

    window = controller.window
    assert isinstance(window, AgencyWindow) and window.isVisible()
    assert "UBND xã Cam Hải Đông" in window.windowTitle()
    info = controller.ops.snapshot.info
    assert (info.agency_code, info.agency_name, info.level, info.year) == ("XA-01", "UBND xã Cam Hải Đông", "xa", 2026)
    assert info.framework_trust == "sample" and window.framework_warning is not None
    assert (folder / "workspace.sqlite").is_file()
    keys = folder / "keys"
    assert sorted(p.name for p in keys.iterdir()) == ["XA-01.crt", "XA-01.csr", "XA-01.p12"]
    signer = load_pkcs12(keys / "XA-01.p12", PASS)
    assert agency_code_of(signer.certificate) == "XA-01"
    csr = x509.load_pem_x509_csr((keys / "XA-01.csr").read_bytes())
    assert csr.is_signature_valid and agency_code_of(csr) == "XA-01"
    # The export dialog offers the key the wizard made.
    from cchc_desktop.gui.dialogs.export_package import ExportDialog

    dlg = ExportDialog(controller.ops, window)
    assert dlg.key.text() == str(keys / "XA-01.p12")
    dlg.deleteLater()


def test_agency_key_in_a_chosen_folder_and_an_existing_key(controller, drive, tmp_path):
    elsewhere = tmp_path / "usb-khoa"
    elsewhere.mkdir()

    def steps(w: fr.FirstRunWizard) -> None:
        go_next(w, fr.PAGE_FRAMEWORK)
        go_next(w, fr.PAGE_AGENCY)
        w.agency_page.code.setText("SO-NV")
        w.agency_page.name.setText("Sở Nội vụ")
        go_next(w, fr.PAGE_KEY)
        w.key_page.passphrase.setText(PASS)
        w.key_page.repeat.setText(PASS)
        w.key_page.new_key.folder.setText(str(elsewhere))
        w.key_page.new_key.elsewhere.setChecked(True)
        go_next(w, fr.PAGE_FOLDER)
        go_next(w, fr.PAGE_DONE)
        w.accept()

    drive(steps)
    assert controller.open_folder(tmp_path / "ws")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["SO-NV.crt", "SO-NV.csr", "SO-NV.p12"]
    assert not (tmp_path / "ws" / "keys").exists()

    # An existing key is opened with its passphrase, then copied into keys/ of the new workspace.
    p12, crt, csr = create_agency_key("XA-02", "UBND xã Hai", PASS, "ec")
    (tmp_path / "cu").mkdir()
    own = write_agency_key(tmp_path / "cu" / "xa-02.p12", p12, crt, csr)[0]
    other = create_agency_key("XA-99", "UBND xã Khác", PASS, "ec")
    (tmp_path / "khac").mkdir()
    foreign = write_agency_key(tmp_path / "khac" / "xa-99.p12", *other)[0]

    def steps2(w: fr.FirstRunWizard) -> None:
        go_next(w, fr.PAGE_FRAMEWORK)
        go_next(w, fr.PAGE_AGENCY)
        w.agency_page.code.setText("XA-02")
        w.agency_page.name.setText("UBND xã Hai")
        go_next(w, fr.PAGE_KEY)
        w.key_page.existing_radio.setChecked(True)
        w.key_page.key_path.setText(str(own))
        w.key_page.key_passphrase.setText("sai-mat-khau")
        stays(w, fr.PAGE_KEY, "Sai mật khẩu")
        w.key_page.key_path.setText(str(foreign))
        w.key_page.key_passphrase.setText(PASS)
        stays(w, fr.PAGE_KEY, "thuộc cơ quan mã “XA-99”")
        w.key_page.key_path.setText(str(own))
        go_next(w, fr.PAGE_FOLDER)
        go_next(w, fr.PAGE_DONE)
        assert "keys" in w.done_page.text.text()
        w.accept()

    drive(steps2)
    assert controller.open_folder(tmp_path / "ws2")
    copied = tmp_path / "ws2" / "keys" / "xa-02.p12"
    assert copied.read_bytes() == own.read_bytes()
    assert controller.ops.snapshot.info.agency_code == "XA-02"


# -- the council ---------------------------------------------------------------------------------------


def test_council_with_a_signed_framework_and_the_province_trust(controller, drive, tmp_path, province, signed, official):  # noqa: F811
    folder = tmp_path / "hoi-dong"

    def steps(w: fr.FirstRunWizard) -> None:
        w.welcome_page.council.setChecked(True)
        go_next(w, fr.PAGE_FRAMEWORK)
        assert "mã băm" in w.framework_page.subTitle()
        w.framework_page.source.set_signed_file(signed(), province.ca_crt)
        assert "✔ Chữ ký hợp lệ" in w.framework_page.source.verify_result.text()
        go_next(w, fr.PAGE_TRUST)
        # Prefilled with the province certificate given for the framework, and read at once.
        assert w.trust_page.trust.text() == str(province.ca_crt)
        assert w.trust_page.result.text().startswith("✔")
        w.trust_page.trust.setText(str(province.folder))  # the folder: the certificate and its CRL
        assert w.trust_page.check()
        assert "1 chứng thư CA" in w.trust_page.result.text() and "1 danh sách thu hồi" in w.trust_page.result.text()
        assert w.trust_page.year.text() == "2026"
        go_next(w, fr.PAGE_FOLDER)  # no key page for the council
        w.folder_page.folder.setText(str(folder))
        assert "Hội đồng thẩm định" in w.folder_page.summary.text()
        go_next(w, fr.PAGE_DONE)
        w.accept()

    drive(steps)
    assert controller.open_folder(tmp_path / "goi-y") is True

    from cchc_desktop.gui.windows.inspection_window import InspectionWindow

    window = controller.window
    assert isinstance(window, InspectionWindow) and window.isVisible()
    ws = window.workspace
    assert ws.folder == folder and ws.framework.sha256 == official.sha256 and ws.year == 2026
    assert (folder / "trust" / "ca.crt").read_bytes() == province.ca_crt.read_bytes()
    assert (folder / "trust" / "ca.crl").read_bytes() == (province.folder / "ca.crl").read_bytes()
    assert not (folder / "trust" / "ca.p12").exists()  # the CA's secret key is never copied
    assert not (tmp_path / "goi-y").exists()
    assert len(ws.trust().anchors) == 1


# -- refusals ----------------------------------------------------------------------------------------------


def test_refusals_are_shown_on_their_page_and_create_nothing(controller, drive, tmp_path, province, signed):  # noqa: F811
    full = tmp_path / "day"
    full.mkdir()
    (full / "ghi-chu.txt").write_text("không xóa", encoding="utf-8")
    before = files_under(tmp_path)

    def steps(w: fr.FirstRunWizard) -> None:
        go_next(w, fr.PAGE_FRAMEWORK)
        source = w.framework_page.source
        source.signed_radio.setChecked(True)  # signed, but nothing chosen
        stays(w, fr.PAGE_FRAMEWORK, "Hãy chọn tệp bộ tiêu chí có chữ ký")
        path = signed()
        data = bytearray(path.read_bytes())
        data[len(data) // 4] ^= 0x01
        path.write_bytes(bytes(data))
        source.set_signed_file(path, province.ca_crt)  # a changed byte: not verifiable
        assert "✖" in source.verify_result.text()
        stays(w, fr.PAGE_FRAMEWORK, "Hãy chọn tệp bộ tiêu chí có chữ ký")
        path.unlink()
        source.sample_radio.setChecked(True)
        broken = tmp_path / "hong.json"
        broken.write_text('{"format": "cchc-framework",', encoding="utf-8")
        source.add_framework_file(broken)  # a broken framework file: said on the page, not added
        assert "JSON" in w.framework_page.error.text()
        broken.unlink()
        go_next(w, fr.PAGE_AGENCY)

        page = w.agency_page
        page.code.setText("XA-01")
        stays(w, fr.PAGE_AGENCY, "Hãy nhập tên cơ quan")  # empty name
        page.name.setText("UBND xã Một")
        page.code.setText("XÃ 01")
        stays(w, fr.PAGE_AGENCY, "Mã cơ quan “XÃ 01” không hợp lệ")  # a code the certificate cannot carry
        page.code.setText("XA-01")
        go_next(w, fr.PAGE_KEY)

        key = w.key_page
        key.passphrase.setText("1234567")
        key.repeat.setText("1234567")
        stays(w, fr.PAGE_KEY, "ít nhất 8 ký tự")  # too short
        key.passphrase.setText(PASS)
        key.repeat.setText(PASS + "x")
        stays(w, fr.PAGE_KEY, "không giống nhau")  # mismatched
        key.repeat.setText(PASS)
        key.new_key.elsewhere.setChecked(True)
        key.new_key.folder.setText(str(tmp_path / "khong-co"))
        stays(w, fr.PAGE_KEY, "không tồn tại")  # the chosen key folder is missing
        key.new_key.in_workspace.setChecked(True)
        go_next(w, fr.PAGE_FOLDER)

        w.folder_page.folder.setText(str(full))
        stays(w, fr.PAGE_FOLDER, "không trống")  # a non-empty folder
        w.folder_page.folder.setText("")
        stays(w, fr.PAGE_FOLDER, "Hãy chọn thư mục")
        assert w.workspace is None
        w.reject()

    seen = drive(steps)
    assert controller.open_folder(tmp_path / "ws") is False
    assert controller.window is None and seen[0].workspace is None
    assert files_under(tmp_path) == before  # nothing created, nothing touched
    assert (full / "ghi-chu.txt").read_text(encoding="utf-8") == "không xóa"


def test_the_wizard_never_suggests_a_folder_it_would_refuse(controller, drive, tmp_path):
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "tai-lieu.docx").write_bytes(b"x")
    (tmp_path / "ws-2").mkdir()
    (tmp_path / "ws-2" / ".hidden").write_bytes(b"")  # hidden files do not count, as when creating
    seen = drive(lambda w: w.reject())
    assert controller.open_folder(tmp_path / "ws") is False
    assert seen[0].folder_page.folder.text() == str(tmp_path / "ws-2")


def test_council_refusals_create_nothing(controller, drive, tmp_path):
    (tmp_path / "rac.crt").write_text("không phải chứng thư", encoding="utf-8")
    before = files_under(tmp_path)

    def steps(w: fr.FirstRunWizard) -> None:
        w.welcome_page.council.setChecked(True)
        go_next(w, fr.PAGE_FRAMEWORK)
        go_next(w, fr.PAGE_TRUST)
        stays(w, fr.PAGE_TRUST, "Hãy chọn chứng thư CA của tỉnh")
        w.trust_page.trust.setText(str(tmp_path / "khong-co"))
        stays(w, fr.PAGE_TRUST, "Không tìm thấy")
        w.trust_page.trust.setText(str(tmp_path / "rac.crt"))
        stays(w, fr.PAGE_TRUST, "rac.crt")
        w.reject()

    drive(steps)
    assert controller.open_folder(tmp_path / "hd") is False
    assert files_under(tmp_path) == before


def test_a_failure_after_creation_leaves_no_half_workspace(tmp_path, monkeypatch, mini_framework):
    """If the key cannot be written once the workspace exists, the workspace is removed again."""
    from cchc_desktop.core.services import agency_keys, first_run
    from cchc_desktop.core.services.framework_source import choose_unsigned
    from cchc_desktop.core.errors import UserFacingError

    def broken(folder: Path, key: Any) -> Any:
        raise UserFacingError("Ổ đĩa đã đầy.", "The disk is full.")

    monkeypatch.setattr(first_run, "write_key", broken)
    choice = choose_unsigned(Path("mini.json"), framework=mini_framework)
    with pytest.raises(UserFacingError):
        first_run.create_agency_setup(tmp_path / "ws", choice, "XA-01", "UBND xã Một", agency_keys.NewKey(PASS, kind="ec"))
    assert not (tmp_path / "ws").exists()
