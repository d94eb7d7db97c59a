"""Help and About, from the "Trợ giúp" menu of both windows; and the user guides they show."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "resources" / "help"
GUIDES = {"agency": HELP / "huong-dan-co-quan.md", "inspection": HELP / "huong-dan-hoi-dong.md"}
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")

# The libraries the About dialog must name with their licences (the brief of issue 7).
LIBRARIES = [("PySide6", "LGPL-3.0"), ("SQLAlchemy", "MIT"), ("alembic", "MIT"), ("openpyxl", "MIT"),
             ("reportlab", "BSD"), ("cryptography", "Apache-2.0"), ("asn1crypto", "MIT"), ("python-pkcs11", "MIT")]


@pytest.fixture
def captured_about(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    from cchc_desktop.gui.dialogs.about import AboutDialog

    seen: list[Any] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: seen.append(self) or 0)
    return seen


def _menu_titles(window: Any) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_about_shows_version_workspace_role_framework_and_licences(agency_ws, open_window, captured_about, qapp):
    d = open_window(agency_ws)
    assert "Trợ &giúp" in _menu_titles(d.window)
    d.window.about_action.trigger()
    dlg = captured_about[0]
    assert dlg.version.text() == __version__
    assert __version__ in dlg.findChild(type(dlg.version), "aboutHeading").text()
    assert dlg.folder.text() == str(agency_ws.folder)
    labels = [w.text() for w in dlg.findChildren(type(dlg.version))]
    assert "Cơ quan tự đánh giá" in labels and "XA-001 — UBND xã Thử Nghiệm" in labels
    assert any("Bộ tiêu chí thử nghiệm nhỏ (2026)" == t for t in labels)
    assert "MẪU" in dlg.findChild(type(dlg.version), "aboutTrust").text()  # the sample is said to be one
    assert "Python" in dlg.versions.text() and "Qt" in dlg.versions.text()

    licences = dlg.licences.toPlainText()  # resources/licenses/THIRD-PARTY.md, rendered
    source = (ROOT / "resources" / "licenses" / "THIRD-PARTY.md").read_text(encoding="utf-8")
    for name, licence in LIBRARIES:
        row = next((ln for ln in source.splitlines() if ln.startswith(f"| {name}")), "")
        assert licence in row, (name, row)  # the library's row names its licence
        assert name in licences and licence in licences
    assert "DejaVu" in licences and "Bitstream Vera" in licences
    font = (ROOT / "resources" / "fonts" / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert dlg.font_licence.toPlainText() == font and "Bitstream Vera" in font

    dlg.copy_details()
    copied = qapp.clipboard().text()
    assert __version__ in copied and str(agency_ws.folder) in copied and "sample" in copied


def test_about_from_the_council_window(tmp_path, mini_framework, captured_about, qtbot):
    from cchc_desktop.core.services.inspection import InspectionWorkspace
    from cchc_desktop.core.signing import ca as ca_mod
    from cchc_desktop.gui.windows.inspection_window import InspectionWindow

    _p12, cert_pem, _crl = ca_mod.init_ca("Sở Nội vụ tỉnh Thử", "mat-khau-ca", "ec")
    (tmp_path / "ca.crt").write_bytes(cert_pem)
    ws = InspectionWorkspace.create(tmp_path / "hd", mini_framework, 2026, tmp_path / "ca.crt")
    win = InspectionWindow(ws)
    qtbot.addWidget(win)
    try:
        assert "Trợ &giúp" in _menu_titles(win)
        win.about_action.trigger()
        dlg = captured_about[0]
        labels = [w.text() for w in dlg.findChildren(type(dlg.version))]
        assert dlg.version.text() == __version__ and dlg.folder.text() == str(ws.folder)
        assert "Hội đồng thẩm định" in labels and str(ws.trust_dir) in labels and mini_framework.sha256 in labels
        assert "PySide6" in dlg.licences.toPlainText()
    finally:
        win.close()
        ws.close()


def _images_of(browser: Any) -> list[str]:
    from PySide6.QtGui import QTextImageFormat

    names = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(QTextImageFormat(fmt).name())
            it += 1
        block = block.next()
    return names


@pytest.mark.parametrize("role", ["agency", "inspection"])
def test_help_opens_the_bundled_guide_with_its_pictures(role, agency_ws, open_window, tmp_path, mini_framework, qtbot):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from cchc_desktop.gui.dialogs.help import MAX_IMAGE_WIDTH, HelpDialog

    if role == "agency":
        window = open_window(agency_ws).window
    else:
        from cchc_desktop.core.services.inspection import InspectionWorkspace
        from cchc_desktop.core.signing import ca as ca_mod
        from cchc_desktop.gui.windows.inspection_window import InspectionWindow

        _p12, cert_pem, _crl = ca_mod.init_ca("Sở Nội vụ tỉnh Thử", "mat-khau-ca", "ec")
        (tmp_path / "ca.crt").write_bytes(cert_pem)
        ws = InspectionWorkspace.create(tmp_path / "hd", mini_framework, 2026, tmp_path / "ca.crt")
        window = InspectionWindow(ws)
        qtbot.addWidget(window)
        window.show()
    window.help_action.trigger()
    dialogs = [w for w in window.findChildren(HelpDialog) if w.isVisible()]
    assert len(dialogs) == 1
    browser = dialogs[0].browser
    assert Path(browser.source().toLocalFile()) == GUIDES[role]
    text = browser.toPlainText()
    assert ("dành cho cơ quan tự đánh giá" if role == "agency" else "dành cho Hội đồng thẩm định") in text
    images = _images_of(browser)
    assert len(images) >= 3
    for name in images:
        image = browser.loadResource(int(QTextDocument.ResourceType.ImageResource.value), browser.source().resolved(QUrl(name)))
        assert isinstance(image, QImage) and not image.isNull(), name
        assert image.width() <= MAX_IMAGE_WIDTH
    dialogs[0].close()
    if role != "agency":
        window.close()
        ws.close()


def test_guides_their_screenshots_and_links():
    referenced: set[str] = set()
    for path in GUIDES.values():
        text = path.read_text(encoding="utf-8")
        for link in IMAGE_LINK.findall(text):
            assert (path.parent / link).is_file(), f"{path.name}: missing picture {link}"
            referenced.add(link)
    shots = {f"screenshots/{p.name}" for p in (HELP / "screenshots").glob("*.png")}
    assert shots == referenced, f"pictures not used by a guide: {sorted(shots - referenced)}"
    agency = GUIDES["agency"].read_text(encoding="utf-8")
    for topic in ("trình thiết lập", "Đạt / Không đạt", "Tỷ lệ từ hai số", "Số lần vi phạm", "Không áp dụng",
                  "trích dẫn", "Vấn đề", "Hoàn tác", ".csr", "Nhập chứng thư được cấp", "Xuất gói", "Gửi hồ sơ"):
        assert topic in agency, topic
    council = GUIDES["inspection"].read_text(encoding="utf-8")
    for topic in ("Tạo đợt thẩm định", "ca.crl", "Nhập cả thư mục / USB", "Tính lại", "bị từ chối", "chống phát lại"):
        assert topic in council, topic
    # docs/ holds pointers to the one copy; the README links the guides.
    for name in GUIDES.values():
        pointer = (ROOT / "docs" / name.name).read_text(encoding="utf-8")
        assert f"../resources/help/{name.name}" in pointer
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docs = readme[readme.index("## Documentation"):]
    assert "Hướng dẫn sử dụng" in docs
    assert all(f"resources/help/{p.name}" in docs for p in GUIDES.values())
