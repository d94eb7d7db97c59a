"""Regenerate the screenshots of the user guides (resources/help/screenshots/).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/guide_screenshots.py

Plays both users' first steps on demo data, in Vietnamese, and grabs each window as the guide
shows it: a demo province (CA) signs a copy of the commune sample framework; the agency goes
through the first-run wizard (new key), fills part of the framework, gets its certificate from
the province and exports its package; the council creates its round, imports that package and a
damaged copy; the About dialog.  Everything happens in a temporary folder that is removed.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from cchc_desktop.core.framework.load import parse_framework  # noqa: E402
from cchc_desktop.core.package.framework_package import sign_framework  # noqa: E402
from cchc_desktop.core.signing import ca as ca_mod  # noqa: E402
from cchc_desktop.core.signing.keys import load_pkcs12, load_pkcs12_bytes  # noqa: E402
from cchc_desktop.gui.resources import install_language, load_fonts  # noqa: E402

OUT = REPO / "resources" / "help" / "screenshots"
PASS = "mat-khau-cua-xa-2026"
AGENCY = ("XA-CHD", "UBND xã Cam Hải Đông")


def wait(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(widget: QWidget, name: str) -> None:
    widget.show()
    widget.raise_()
    wait(350)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(REPO)} ({widget.width()}x{widget.height()})")


def province(tmp: Path) -> tuple[Path, Any, Path]:
    """A demo province: its CA folder, the CA signer, and a signed (non-sample) commune framework."""
    p12, cert_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ tỉnh Thử Nghiệm", "mat-khau-cua-tinh", "ec")
    folder = tmp / "So-Noi-vu"
    ca_mod.write_ca_folder(folder, p12, cert_pem, crl_pem)
    ca = load_pkcs12_bytes(p12, "mat-khau-cua-tinh")
    doc = json.loads((REPO / "forms" / "xa-2026.json").read_text(encoding="utf-8"))
    doc["sample"], doc["id"] = False, "tinh-thu-nghiem-xa-2026"
    doc["title"] = "Bộ tiêu chí xác định Chỉ số CCHC của UBND xã, phường, đặc khu năm 2026 (tỉnh Thử Nghiệm)"
    fw, _ = parse_framework(json.dumps(doc, ensure_ascii=False))
    signed = tmp / "Tu-So-Noi-vu" / "bo-tieu-chi-xa-2026.cchc"
    signed.parent.mkdir()
    sign_framework(fw, signed, ca)
    shutil.copy(folder / "ca.crt", signed.parent / "ca.crt")
    return folder, ca, signed


def agency_wizard(tmp: Path, signed: Path) -> Any:
    from cchc_desktop.gui.dialogs import first_run as fr

    w = fr.FirstRunWizard(tmp / "CCHC Desktop" / "workspace")
    w.resize(900, 640)
    shot(w, "wizard-1-vai-tro")
    w.next()
    w.framework_page.source.set_signed_file(signed, signed.parent / "ca.crt")
    shot(w, "wizard-2-bo-tieu-chi")
    w.next()
    w.agency_page.code.setText(AGENCY[0])
    w.agency_page.name.setText(AGENCY[1])
    shot(w, "wizard-3-co-quan")
    w.next()
    w.key_page.passphrase.setText(PASS)
    w.key_page.repeat.setText(PASS)
    shot(w, "wizard-4-khoa")
    w.next()
    shot(w, "wizard-5-thu-muc")
    w.next()
    assert w.workspace is not None, w.currentPage().error.text()
    shot(w, "wizard-6-xong")
    w.close()
    return w.workspace, w.key_files


def agency_window(ws: Any, keys: Any, ca_folder: Path, ca: Any, tmp: Path) -> Path:
    from screenshots import fill

    from cchc_desktop.core.services.export import export_submission
    from cchc_desktop.gui.dialogs.about import AboutDialog
    from cchc_desktop.gui.dialogs.citation import CitationDialog
    from cchc_desktop.gui.dialogs.export_package import ExportDialog
    from cchc_desktop.gui.dialogs.keys import ImportCertificateDialog
    from cchc_desktop.gui.operations import AgencyOperations
    from cchc_desktop.gui.windows.agency_window import AgencyWindow

    code = fill(ws, tmp)
    ops = AgencyOperations(ws)
    win = AgencyWindow(ops)
    win.resize(1366, 740)
    win.show()
    win.select_item(code)
    shot(win, "co-quan-cua-so-chinh")

    doc = ws.documents()[0]
    dlg = CitationDialog(win, doc.file_name, None)
    dlg.number.setText(doc.citation.number_symbol)
    dlg.doc_type.setCurrentText(doc.citation.doc_type)
    dlg.date.setText("10/01/2026")
    dlg.issuer.setText(doc.citation.issuer)
    dlg.excerpt.setText(doc.citation.excerpt)
    dlg.pages.setText("trang 1-3")
    shot(dlg, "co-quan-trich-dan")
    dlg.close()

    win.tabs.setCurrentIndex(1)
    shot(win, "co-quan-van-de")
    win.tabs.setCurrentIndex(0)

    # The province issues the certificate from the request; the agency imports it.
    issued = tmp / f"{AGENCY[0]}-duoc-cap.crt"
    issued.write_bytes(ca_mod.issue(ca.private_key, ca.certificate, keys.request.read_bytes()))
    dlg = ImportCertificateDialog(ws.folder, AGENCY[0], win)
    dlg.passphrase.setText(PASS)
    dlg.cert.setText(str(issued))
    dlg.ca.setText(str(ca_folder / "ca.crt"))
    shot(dlg, "co-quan-nhap-chung-thu")
    dlg.accept()
    assert dlg.result() == 1, dlg.error.text()

    out = tmp / "Gui-Hoi-dong" / f"{AGENCY[0]}-2026-lan1.cchc"
    out.parent.mkdir()
    dlg = ExportDialog(ops, win)
    dlg.passphrase.setText(PASS)
    dlg.out.setText(str(out))
    dlg.allow.setChecked(True)
    shot(dlg, "co-quan-xuat-goi")
    dlg.close()
    ops.wait_idle()
    export_submission(ws, out, load_pkcs12(keys.p12, PASS), allow_problems=True)

    about = AboutDialog(win.about_info(), win)
    shot(about, "gioi-thieu")
    about.close()
    win.close()
    ops.close()
    return out


def council(tmp: Path, signed: Path, ca_folder: Path, package: Path) -> None:
    from cchc_desktop.gui.dialogs import first_run as fr
    from cchc_desktop.gui.windows.inspection_window import ImportResultsDialog, InspectionWindow

    w = fr.FirstRunWizard(tmp / "Hoi-dong" / "dot-tham-dinh-2026")
    w.resize(900, 640)
    w.show()  # a wizard starts on its first page when shown
    w.welcome_page.council.setChecked(True)
    w.next()
    w.framework_page.source.set_signed_file(signed, signed.parent / "ca.crt")
    w.next()
    w.trust_page.trust.setText(str(ca_folder))
    w.trust_page.check()
    shot(w, "hoi-dong-wizard-chung-thu")
    w.next()
    assert w.currentId() == fr.PAGE_FOLDER, (w.currentId(), w.currentPage().error.text())
    w.next()
    ws = w.workspace
    assert ws is not None, (w.currentId(), w.currentPage().error.text())
    w.close()

    usb = tmp / "USB"
    usb.mkdir()
    shutil.copy(package, usb / package.name)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x40  # a damaged copy: refused with its reason
    (usb / "XA-KHAC-2026-lan1.cchc").write_bytes(bytes(data))

    shown: list[ImportResultsDialog] = []
    ImportResultsDialog.exec = lambda self: shown.append(self) or 0  # type: ignore[method-assign]
    win = InspectionWindow(ws)
    win.resize(1366, 740)
    win.show()
    done: list[Any] = []
    win.imported.connect(done.append)
    win.import_paths([usb])
    while not done:
        wait(100)
    shot(win, "hoi-dong-cua-so")
    shot(shown[0], "hoi-dong-ket-qua-nhap")
    shown[0].close()
    win.close()
    ws.close()


def main() -> int:
    app = QApplication([])
    app.setStyle("Fusion")
    load_fonts(app)
    install_language("vi")
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="cchc-huong-dan-"))
    try:
        ca_folder, ca, signed = province(tmp)
        ws, keys = agency_wizard(tmp, signed)
        package = agency_window(ws, keys, ca_folder, ca, tmp)
        council(tmp, signed, ca_folder, package)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
