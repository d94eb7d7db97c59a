"""The council's export dialog: choosing outputs, refusals, building off the GUI thread with the
options kept in the round, then the preview of the publication PDF."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from cchc_desktop.core.reports.council_model import CouncilReportOptions


def test_the_dialog_refuses_no_output_and_a_missing_folder(qtbot, tmp_path: Path) -> None:
    from cchc_desktop.gui.dialogs.council_export import CouncilExportDialog

    dlg = CouncilExportDialog(2026, CouncilReportOptions(superior="UBND TỈNH KHÁNH HÒA"), None)
    qtbot.addWidget(dlg)
    assert dlg.superior.text() == "UBND TỈNH KHÁNH HÒA" and dlg.body.text() == "HỘI ĐỒNG THẨM ĐỊNH"
    assert dlg.xlsx_check.isChecked() and dlg.pdf_check.isChecked() and not dlg.folder_check.isChecked()
    assert dlg.pdf.text().endswith("ket-qua-chi-so-cchc-2026.pdf") and not dlg.folder.isEnabled()
    dlg.xlsx_check.setChecked(False)
    dlg.pdf_check.setChecked(False)
    dlg.accept()
    assert dlg.result() == 0 and "ít nhất một đầu ra" in dlg.error.text()
    dlg.folder_check.setChecked(True)
    dlg.folder.setText(str(tmp_path / "khong-co" / "pdf"))
    dlg.accept()
    assert dlg.result() == 0 and "không tồn tại" in dlg.error.text()
    dlg.folder.setText(str(tmp_path / "pdf"))
    dlg.pdf_check.setChecked(True)
    dlg.pdf.setText(str(tmp_path / "bao-cao"))  # the suffix is added
    dlg.place.setText("Khánh Hòa")
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    req = dlg.request()
    assert (req.xlsx, req.pdf, req.agency_pdfs) == (None, tmp_path / "bao-cao.pdf", tmp_path / "pdf")
    assert req.options.place == "Khánh Hòa" and req.options.superior == "UBND TỈNH KHÁNH HÒA"


def test_export_runs_off_the_gui_thread_and_opens_the_preview(qtbot, council_round, tmp_path, monkeypatch) -> None:
    from cchc_desktop.core.services import council_reports
    from cchc_desktop.gui.dialogs import council_export, preview

    threads: list[str] = []
    real = council_reports.export_council_reports

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(council_reports, "export_council_reports", spy)

    def fill_and_accept(dlg: Any) -> int:
        dlg.xlsx.setText(str(tmp_path / "xep-hang.xlsx"))
        dlg.pdf.setText(str(tmp_path / "bao-cao.pdf"))
        dlg.folder_check.setChecked(True)
        dlg.folder.setText(str(tmp_path / "pdf"))
        dlg.superior.setText("UBND TỈNH KHÁNH HÒA")
        dlg.signer.setText("Lê Văn Thành")
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(council_export.CouncilExportDialog, "exec", fill_and_accept)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes))
    shown: list[Any] = []
    real_show = preview.PreviewDialog.show
    monkeypatch.setattr(preview.PreviewDialog, "show", lambda self: shown.append(self) or real_show(self))

    parent = QWidget()
    qtbot.addWidget(parent)
    runner = council_export.open_council_export(parent, council_round)
    with qtbot.waitSignal(runner.finished, timeout=60000) as blocker:
        pass
    result = blocker.args[0]
    assert threads and threads[0] != threading.main_thread().name
    assert result.xlsx.is_file() and result.pdf.is_file() and len(result.agency_pdfs) == 2
    assert result.digest in asked[0] and "Xem báo cáo công bố PDF ngay?" in asked[0]
    assert shown and shown[0].kind == "pdf"
    kept = council_reports.council_report_options(council_round)
    assert (kept.superior, kept.signer) == ("UBND TỈNH KHÁNH HÒA", "Lê Văn Thành")
    for dlg in shown:
        dlg.close()


def test_a_refused_export_is_shown_and_writes_nothing(qtbot, council, tmp_path, monkeypatch) -> None:
    from cchc_desktop.gui.dialogs import council_export

    target = tmp_path / "ra"
    target.mkdir()

    def accept_a_file_as_folder(dlg: Any) -> int:
        (target / "tep").write_text("x", encoding="utf-8")
        dlg.xlsx_check.setChecked(False)
        dlg.pdf_check.setChecked(False)
        dlg.folder_check.setChecked(True)
        dlg.folder.setText(str(target / "tep"))
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(council_export.CouncilExportDialog, "exec", accept_a_file_as_folder)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: warned.append(text)))
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = council_export.open_council_export(parent, council())
    with qtbot.waitSignal(runner.failed, timeout=30000):
        pass
    assert warned and "là một tệp" in warned[0]
    assert sorted(p.name for p in target.iterdir()) == ["tep"]


def test_in_english_the_dialog_shows_no_vietnamese_but_data(qtbot, qapp) -> None:
    from PySide6.QtCore import QLocale

    from cchc_desktop.gui.dialogs.council_export import CouncilExportDialog
    from cchc_desktop.gui.resources import install_language

    from ..gui.ui_texts import data_strings, untranslated

    opts = CouncilReportOptions(superior="UBND TỈNH KHÁNH HÒA", place="Khánh Hòa")
    locale = QLocale()
    assert install_language("en")
    try:
        dlg = CouncilExportDialog(2026, opts, None)
        qtbot.addWidget(dlg)
        dlg.show()
        dlg.xlsx_check.setChecked(False)
        dlg.pdf_check.setChecked(False)
        dlg.accept()  # the refusal is shown too
        assert dlg.windowTitle() == "Export the ranking reports"
        # The heading details are data (typed by the council, printed in Vietnamese); the
        # placeholders' examples are names of bodies, data too.
        data = data_strings(opts) | {"UBND TỈNH KHÁNH HÒA", "HỘI ĐỒNG THẨM ĐỊNH"}
        assert untranslated(dlg, data) == []
    finally:
        install_language("vi")
        QLocale.setDefault(locale)
