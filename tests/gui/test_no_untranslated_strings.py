"""In English, no visible text is still Vietnamese, except data (see ui_texts.py for what counts
as data and how it is told apart); and switching the language from the menu rebuilds the window.

Every window and dialog is opened with the English translation installed, in the states that
show the most texts: the agency window with an item of each rule kind selected (and an input
refused, an item not applicable, one carried over from last year), its problems tab, every
dialog, every page of the first-run wizard for both roles (with a refusal on each), the council
window after importing a good and a bad package, Help and About.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from cchc_desktop.core.framework.load import parse_framework
from cchc_desktop.core.storage.records import Citation

from ..framework_signing.conftest import official, province, signed  # noqa: F401 - fixtures
from .conftest import small_pdf
from .test_first_run_wizard import PASS, FakeSettings
from .ui_texts import data_strings, untranslated, visible_texts, vietnamese


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    from PySide6.QtCore import QLocale

    from cchc_desktop.gui.resources import install_language

    locale = QLocale()
    assert install_language("en")
    try:
        yield
    finally:
        install_language("vi")
        QLocale.setDefault(locale)


@pytest.fixture
def no_modal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda parent, title, text, *a, **k: seen.append(text) or 0))
    return seen


def check(widget: QWidget, data: set[str], found: list[str]) -> None:
    """Show `widget` if needed and record what is still Vietnamese."""
    if not widget.isVisible():
        widget.show()
    found.extend(untranslated(widget, data))


def framework_2027_doc(doc: dict[str, Any]) -> dict[str, Any]:
    doc = json.loads(json.dumps(doc))
    doc["year"], doc["id"] = 2027, "test-mini-2027"
    return doc


@pytest.fixture
def filled_ws(agency_ws: Any, tmp_path: Path, mini_framework: Any) -> Any:
    """The mini workspace moved to 2027 with an item carried over, some answers, evidence, N/A."""
    ws = agency_ws
    pdf = small_pdf(tmp_path / "ke-hoach.pdf")
    cite = Citation("Kế hoạch", "12/KH-UBND", "15/01/2026", "UBND xã Thử Nghiệm", "Kế hoạch cải cách hành chính")
    ws.add_evidence("1.1.1", pdf, cite, pages="trang 1-2")
    ws.set_note("1.1.1", "Ban hành đúng hạn")
    doc = json.loads((Path(__file__).parents[1] / "data" / "mini_framework.json").read_text(encoding="utf-8"))
    fw27, _ = parse_framework(json.dumps(framework_2027_doc(doc), ensure_ascii=False))
    ws.start_next_year(fw27)
    ws.set_value("1.1.2", 95)
    ws.set_value("1.2", 1)
    ws.set_value("1.3", True)
    ws.set_not_applicable("2.2", True, "Không phát sinh khiếu nại")
    return ws


def test_agency_window_and_its_dialogs_have_no_vietnamese_left(english, filled_ws, qtbot, tmp_path, no_modal):
    from cchc_desktop.gui.models.criteria_tree import ADJUSTMENTS_KEY
    from cchc_desktop.gui.operations import AgencyOperations
    from cchc_desktop.gui.windows.agency_window import AgencyWindow

    from .conftest import WindowDriver

    ops = AgencyOperations(filled_ws)
    ops.lang = "en"  # as the application sets it in English
    window = AgencyWindow(ops)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    d = WindowDriver(qtbot, window)
    try:
        _check_agency_window(d, filled_ws, qtbot, tmp_path, ADJUSTMENTS_KEY)
    finally:
        ops.wait_idle()
        ops.runner.shutdown()


def _check_agency_window(d: Any, ws: Any, qtbot: Any, tmp_path: Path, adjustments: str) -> None:
    w = d.window
    data = data_strings(ws.framework, ws.info(), ws.documents(), ws.years())
    found: list[str] = []
    assert "self-assessment" in w.windowTitle()  # the translation is really on

    # One item of every rule kind, an inner item and the bonus/penalty group.
    for code in ("1", "1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "T.1", "T.2"):
        d.select(code)
        d.settle()
        check(w, data, found)
    w.select_item(adjustments)
    check(w, data, found)
    # A refused input: the message (from the core, in English) and the "not saved" note.
    d.select("1.1.2")
    d.type_into(w.editor.input.edit, "150")
    assert w.editor.error.isVisible()
    check(w, data, found)
    # The problems tab.
    w.tabs.setCurrentIndex(1)
    check(w, data, found)
    w.tabs.setCurrentIndex(0)

    # The dialogs of the window.
    from cchc_desktop.gui.dialogs.about import AboutDialog
    from cchc_desktop.gui.dialogs.citation import CitationDialog
    from cchc_desktop.gui.dialogs.export_package import ExportDialog
    from cchc_desktop.gui.dialogs.help import HelpDialog
    from cchc_desktop.gui.dialogs.keys import CreateKeyDialog, ImportCertificateDialog
    from cchc_desktop.gui.dialogs.next_year import NextYearDialog
    from cchc_desktop.gui.dialogs.preview import PreviewDialog

    export = ExportDialog(d.ops, w)
    qtbot.addWidget(export)
    check(export, data, found)
    export.accept()  # no key: refused, the reason shown
    assert export.error.text()
    check(export, data, found)

    from cchc_desktop.gui.dialogs.citation import EXAMPLE_NUMBER_SYMBOL

    doc = ws.documents()[0]
    for current in (None, doc.citation):
        dlg = CitationDialog(w, doc.file_name, current)
        qtbot.addWidget(dlg)
        dlg.date.setText("31/02/2026")
        dlg.accept()  # refused: no such date
        check(dlg, data | {EXAMPLE_NUMBER_SYMBOL}, found)

    dlg = NextYearDialog(2027, w)
    qtbot.addWidget(dlg)
    dlg.accept()  # a sample of the same year: refused
    check(dlg, data | data_strings(dlg.source.frameworks), found)

    dlg = CreateKeyDialog(ws.folder, "XA-001", "UBND xã Thử Nghiệm", w)
    qtbot.addWidget(dlg)
    dlg.form.passphrase.setText("ngan")
    dlg.accept()
    check(dlg, data, found)
    dlg = ImportCertificateDialog(ws.folder, "XA-001", w)
    qtbot.addWidget(dlg)
    dlg.accept()
    check(dlg, data, found)

    text_file = tmp_path / "ghi-chu.xyz"
    text_file.write_bytes(b"\x00\x01")
    dlg = PreviewDialog(text_file, "ghi-chu.xyz", "application/octet-stream", w)
    qtbot.addWidget(dlg)
    check(dlg, data, found)

    dlg = HelpDialog("agency", w)
    qtbot.addWidget(dlg)
    assert not dlg.language_note.isHidden()  # "the guide is in Vietnamese only"
    check(dlg, data, found)
    dlg = AboutDialog(w.about_info(), w)
    qtbot.addWidget(dlg)
    for i in range(dlg.tabs.count()):
        dlg.tabs.setCurrentIndex(i)
        check(dlg, data, found)

    assert not found, "Vietnamese left in the English interface:\n" + "\n".join(sorted(set(found)))


def test_the_wizard_has_no_vietnamese_left(english, qtbot, tmp_path, province, signed):  # noqa: F811
    from cchc_desktop.gui.dialogs import first_run as fr
    from cchc_desktop.gui.dialogs.framework_source import bundled_frameworks
    from cchc_desktop.gui.dialogs.new_workspace import NewWorkspaceDialog

    found: list[str] = []
    data = data_strings(bundled_frameworks(), fr.EXAMPLE_AGENCY_NAME)  # an example name is data too
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x", encoding="utf-8")

    for role in ("agency", "council"):
        w = fr.FirstRunWizard(tmp_path / role, None)
        w.key_kind = "ec"
        qtbot.addWidget(w)
        w.show()
        if role == "council":
            w.welcome_page.council.setChecked(True)
        check(w, data, found)
        w.next()
        src = w.framework_page.source
        src.signed_radio.setChecked(True)
        w.next()  # refused: nothing chosen
        check(w, data, found)
        src.set_signed_file(tmp_path / "khong-co.cchc", province.ca_crt)  # a file that is not there
        check(w, data, found)
        path = signed(f"bo-{role}.cchc")
        src.set_signed_file(path, province.ca_crt)
        data |= data_strings(src.current_framework(), src.selected())
        check(w, data, found)
        src.sample_radio.setChecked(True)
        check(w, data, found)
        w.next()
        if role == "agency":
            w.next()  # refused: empty code
            check(w, data, found)
            w.agency_page.code.setText("XA-01")
            w.agency_page.name.setText("UBND xã Một")
            data |= {"UBND xã Một"}
            w.next()
            w.key_page.passphrase.setText("ngan")
            w.next()  # refused: too short
            check(w, data, found)
            w.key_page.existing_radio.setChecked(True)
            w.key_page.key_path.setText(str(tmp_path / "khong-co.p12"))
            w.next()  # refused: no such file
            check(w, data, found)
            w.key_page.create_radio.setChecked(True)
            w.key_page.passphrase.setText(PASS)
            w.key_page.repeat.setText(PASS)
        else:
            w.next()  # refused: no trust chosen
            check(w, data, found)
            w.trust_page.trust.setText(str(province.folder))
            w.trust_page.check()
            check(w, data, found)
        w.next()
        assert w.currentId() == fr.PAGE_FOLDER
        w.folder_page.folder.setText(str(tmp_path / "full"))
        w.next()  # refused: not empty
        check(w, data, found)
        w.folder_page.folder.setText(str(tmp_path / role))
        w.next()
        assert w.currentId() == fr.PAGE_DONE, w.currentPage().error.text()
        check(w, data, found)
        w.workspace.close()

    dlg = NewWorkspaceDialog(tmp_path / "cu")
    qtbot.addWidget(dlg)
    dlg.accept()
    check(dlg, data, found)
    assert not found, "Vietnamese left in the English interface:\n" + "\n".join(sorted(set(found)))


def _council_with_two_packages(tmp_path: Path, agency_ws: Any, province: Any, official: Any) -> tuple[Any, Path]:  # noqa: F811
    from cchc_desktop.core.services.export import export_submission
    from cchc_desktop.core.services.inspection import InspectionWorkspace

    usb = tmp_path / "usb"
    usb.mkdir()
    good = export_submission(agency_ws, usb / "a-good.cchc", province.agency, allow_problems=True).package
    data = bytearray(good.path.read_bytes())
    data[len(data) // 2] ^= 0x40
    (usb / "b-bad.cchc").write_bytes(bytes(data))
    council = InspectionWorkspace.create(tmp_path / "council", agency_ws.framework, 2026, province.folder)
    return council, usb


def test_council_window_after_an_import_has_no_vietnamese_left(english, qtbot, tmp_path, agency_ws, province, official, monkeypatch):  # noqa: F811
    from cchc_desktop.gui.dialogs.about import AboutDialog
    from cchc_desktop.gui.dialogs.help import HelpDialog
    from cchc_desktop.gui.windows.inspection_window import ImportResultsDialog, InspectionWindow

    council, usb = _council_with_two_packages(tmp_path, agency_ws, province, official)
    shown: list[ImportResultsDialog] = []
    monkeypatch.setattr(ImportResultsDialog, "exec", lambda self: shown.append(self) or 0)
    win = InspectionWindow(council)
    win.lang = "en"
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.imported, timeout=20000):
        win.import_paths([usb])
    data = data_strings(council.framework, council.packages(), agency_ws.info())
    found: list[str] = []
    assert win.table.rowCount() == 1
    check(win, data, found)
    check(shown[0], data, found)
    for dlg in (HelpDialog("inspection", win), AboutDialog(win.about_info(), win)):
        qtbot.addWidget(dlg)
        check(dlg, data, found)
    win.close()
    council.close()
    assert not found, "Vietnamese left in the English interface:\n" + "\n".join(sorted(set(found)))


def test_the_walk_does_see_vietnamese(qtbot, agency_ws, open_window):
    """Guards the check above: in Vietnamese the same walk finds plenty (menus, labels, headers)."""
    d = open_window(agency_ws)
    texts = [t for _, t in visible_texts(d.window)]
    assert any(vietnamese(t) for t in texts)
    assert "&Tệp" in texts and "Mã" in texts and "Hoàn tác" in texts  # a menu, a header, a toolbar action
    left = untranslated(d.window, data_strings(agency_ws.framework, agency_ws.info()))
    assert any("&Tệp" in line for line in left)


# -- switching the language from the menu -----------------------------------------------------------


def _menu_action(window: Any, text: str) -> Any:
    for top in window.menuBar().actions():
        for a in top.menu().actions():
            if a.text() == text:
                return a
    raise AssertionError(f"no menu action {text!r}")


@pytest.fixture
def controller(qapp: Any) -> Iterator[Any]:
    from PySide6.QtCore import QLocale

    from cchc_desktop.gui.app import Application
    from cchc_desktop.gui.resources import install_language

    locale = QLocale()
    app = Application(qapp, FakeSettings(), "vi")  # type: ignore[arg-type]
    try:
        yield app
    finally:
        if app.window is not None:
            app.window.close()
        app.shutdown()
        if app.window is not None and hasattr(app.window, "workspace"):
            app.window.workspace.close()
        install_language("vi")
        QLocale.setDefault(locale)


def test_switching_the_language_rebuilds_the_agency_window(controller, agency_ws, qtbot):
    folder = agency_ws.folder
    data = data_strings(agency_ws.framework, agency_ws.info())
    agency_ws.close()
    assert controller.open_folder(folder)
    first = controller.window
    assert "Tự đánh giá" in first.windowTitle()
    _menu_action(first, "English").trigger()
    english = controller.window
    assert english is not first and english.isVisible() and not first.isVisible()
    assert controller.settings.language == "en" and controller.ops.lang == "en"
    assert "self-assessment" in english.windowTitle()
    assert [a.text() for a in english.menuBar().actions()][:2] == ["&File", "&Edit"]
    assert untranslated(english, data) == []
    _menu_action(english, "Tiếng Việt").trigger()
    back = controller.window
    assert back is not english and "Tự đánh giá" in back.windowTitle()
    assert [a.text() for a in back.menuBar().actions()][:2] == ["&Tệp", "&Sửa"]
    assert controller.settings.language == "vi"


def test_switching_the_language_rebuilds_the_council_window(controller, tmp_path, mini_framework, province, qtbot):  # noqa: F811
    from cchc_desktop.core.services.inspection import InspectionWorkspace

    InspectionWorkspace.create(tmp_path / "hd", mini_framework, 2026, province.ca_crt).close()
    assert controller.open_folder(tmp_path / "hd")
    first = controller.window
    assert "Hội đồng thẩm định" in first.windowTitle()
    _menu_action(first, "English").trigger()
    english = controller.window
    assert english is not first and "council" in english.windowTitle().lower()
    assert untranslated(english, data_strings(mini_framework)) == []
    _menu_action(english, "Tiếng Việt").trigger()
    assert "Hội đồng thẩm định" in controller.window.windowTitle()
