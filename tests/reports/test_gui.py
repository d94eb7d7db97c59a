"""The report in the agency window: the per-field chart, the report dialog, and "In báo cáo tự đánh
giá…" (Ctrl+P) building the files on the worker thread and opening the PDF in the preview."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from cchc_desktop.core.services.agency_report import ReportOptions, field_percentages

from ..gui.conftest import open_window  # noqa: F401 - fixture


def dark_pixels(widget: Any) -> int:
    img = widget.grab().toImage()
    return sum(1 for y in range(0, img.height(), 3) for x in range(0, img.width(), 3) if img.pixelColor(x, y).lightness() < 128)


def test_the_chart_shows_the_score_sheets_percent_per_field(qtbot, so_ws) -> None:
    from cchc_desktop.gui.widgets.field_chart import FieldChart

    chart = FieldChart()
    qtbot.addWidget(chart)
    chart.resize(640, 360)
    sheet = so_ws.score()
    chart.set_score(so_ws.framework, sheet)
    chart.show()
    expected = [(f.code, f.percent) for f in field_percentages(so_ws.framework, sheet)]
    assert chart.values() == expected and len(expected) == 8
    for code, pct in expected:
        node = sheet.node(code)
        if node.assessable_max:
            assert abs(pct - node.points * 100 / node.assessable_max) < 0.005
        else:
            assert pct is None  # the survey field: nothing to self-score, a dash
    assert chart.property("data") is True  # field titles are data, not interface text
    assert dark_pixels(chart) > 100  # something was painted


def test_the_window_has_the_chart_tab_and_the_print_action(qtbot, filled_mini, open_window) -> None:  # noqa: F811
    d = open_window(filled_mini)
    w = d.window
    tab = next(i for i in range(w.tabs.count()) if w.tabs.tabText(i) == "Biểu đồ")
    w.tabs.setCurrentIndex(tab)
    qtbot.waitUntil(lambda: w.chart.isVisible())
    assert w.chart.values() == [(f.code, f.percent) for f in field_percentages(filled_mini.framework, d.score)]
    # It fits a 1366×768 screen: every bar row inside the visible chart.
    assert w.chart.height() >= w.chart.minimumSizeHint().height() and w.height() <= 768
    before = w.chart.values()
    d.select("1.3")
    w.ops.set_value("1.3", False)  # the chart follows the score
    d.settle()
    assert w.chart.values() != before
    action = w.report_action
    assert action.text() == "In báo cáo tự đánh giá…" and action.shortcut().toString() == "Ctrl+P"
    file_menu = w.menuBar().actions()[0].menu()
    assert action in file_menu.actions()


def test_the_dialog_refuses_no_output_and_a_missing_folder(qtbot, filled_mini, tmp_path: Path) -> None:
    from cchc_desktop.gui.dialogs.report_dialog import ReportDialog

    opts = ReportOptions(superior="UBND huyện Thử", place="Thử Nghiệm")
    dlg = ReportDialog(filled_mini.info(), opts, None)
    qtbot.addWidget(dlg)
    assert dlg.superior.text() == "UBND huyện Thử" and dlg.place.text() == "Thử Nghiệm"
    assert dlg.pdf_check.isChecked() and dlg.xlsx_check.isChecked()
    assert dlg.pdf.text().endswith("bao-cao-tu-danh-gia-XA-001-2026.pdf")
    dlg.pdf_check.setChecked(False)
    dlg.xlsx_check.setChecked(False)
    assert not dlg.pdf.isEnabled()
    dlg.accept()
    assert dlg.result() == 0 and "ít nhất một tệp" in dlg.error.text()
    dlg.pdf_check.setChecked(True)
    dlg.pdf.setText(str(tmp_path / "khong-co" / "r.pdf"))
    dlg.accept()
    assert dlg.result() == 0 and "không tồn tại" in dlg.error.text()
    dlg.pdf.setText(str(tmp_path / "bao-cao"))  # the suffix is added
    dlg.signer.setText("Nguyễn Văn Một")
    dlg.difficulties.setPlainText("Thiếu công chức chuyên trách.")
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    req = dlg.request()
    assert req.pdf == tmp_path / "bao-cao.pdf" and req.xlsx is None
    assert req.options.signer == "Nguyễn Văn Một" and req.options.difficulties == "Thiếu công chức chuyên trách."
    assert req.options.superior == "UBND huyện Thử"


def test_print_builds_off_the_gui_thread_and_opens_the_preview(qtbot, filled_mini, open_window, tmp_path, monkeypatch):  # noqa: F811
    from cchc_desktop.core.services import agency_report
    from cchc_desktop.gui.dialogs import preview, report_dialog

    threads: list[str] = []
    real_build = agency_report.build_agency_report

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(agency_report, "build_agency_report", spy)

    def fill_and_accept(dlg: Any) -> int:
        dlg.pdf.setText(str(tmp_path / "bao-cao.pdf"))
        dlg.xlsx.setText(str(tmp_path / "bang-diem.xlsx"))
        dlg.place.setText("Thử Nghiệm")
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(report_dialog.ReportDialog, "exec", fill_and_accept)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda parent, title, text, *a, **k: asked.append(text)
                                                               or QMessageBox.StandardButton.Yes))
    shown: list[Any] = []
    real_show = preview.PreviewDialog.show
    monkeypatch.setattr(preview.PreviewDialog, "show", lambda self: shown.append(self) or real_show(self))

    d = open_window(filled_mini)
    w = d.window
    w.report_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert threads == ["cchc-db"]  # the worker thread, never the GUI's
    assert (tmp_path / "bao-cao.pdf").is_file() and (tmp_path / "bang-diem.xlsx").is_file()
    assert "bao-cao.pdf" in asked[0] and "BẢN NHÁP" in asked[0]
    assert shown[0].kind == "pdf" and shown[0].document.pageCount() >= 2
    shown[0].close()
    # The options typed are kept with the workspace for the next report.
    d.settle()
    w.ops.runner.submit(lambda: agency_report.report_options(filled_mini), lambda o: shown.append(o))
    qtbot.waitUntil(lambda: isinstance(shown[-1], ReportOptions))
    assert shown[-1].place == "Thử Nghiệm"


def test_a_failure_is_shown_plainly(qtbot, filled_mini, open_window, tmp_path, monkeypatch) -> None:  # noqa: F811
    from cchc_desktop.gui.dialogs import report_dialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: warnings.append(text)))
    d = open_window(filled_mini)
    runner = report_dialog.ReportRunner(d.window, d.ops)
    out = tmp_path / "ra"
    out.mkdir()
    with qtbot.waitSignal(runner.failed, timeout=15000):
        runner.build(report_dialog.ReportRequest(out, None, ReportOptions()))  # a folder as the PDF's name
    assert warnings and "là một thư mục" in warnings[0]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_chart_writes_percentages_in_the_interface_language(qtbot, filled_mini, lang) -> None:
    from cchc_desktop.gui.widgets.field_chart import percent_label

    assert percent_label(field_percentages(filled_mini.framework, filled_mini.score())[0].percent, lang) == \
        ("70,83%" if lang == "vi" else "70.83%")


def test_no_vietnamese_left_in_english(qtbot, filled_mini, open_window, tmp_path, qapp) -> None:  # noqa: F811
    """The dialog (with a refusal shown) and the chart tab, with the English translation installed."""
    from PySide6.QtCore import QLocale

    from cchc_desktop.gui.dialogs.report_dialog import ReportDialog
    from cchc_desktop.gui.resources import install_language

    from ..gui.ui_texts import data_strings, untranslated

    locale = QLocale()
    assert install_language("en")
    try:
        d = open_window(filled_mini)
        w = d.window
        data = data_strings(filled_mini.framework, filled_mini.info(), filled_mini.documents())
        w.tabs.setCurrentIndex(2)
        assert w.tabs.tabText(2) == "Chart" and w.report_action.text() == "Print the self-assessment report…"
        found = untranslated(w.chart_page, data)  # the rest of the window: tests/gui/test_no_untranslated_strings.py
        dlg = ReportDialog(filled_mini.info(), ReportOptions(superior="UBND huyện Thử"), w)
        qtbot.addWidget(dlg)
        dlg.pdf_check.setChecked(False)
        dlg.xlsx_check.setChecked(False)
        dlg.accept()
        dlg.show()
        found += untranslated(dlg, data | {"UBND huyện Thử"})
        assert dlg.error.text().startswith("Choose at least one file")
        assert not found, "Vietnamese left in the English interface:\n" + "\n".join(found)
    finally:
        install_language("vi")
        QLocale.setDefault(locale)
