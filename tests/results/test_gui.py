"""The results window (agency) and the issue-results dialog (council), driven offscreen with pytest-qt;
only modal dialogs are patched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.signing.keys import encrypt_pkcs12
from cchc_desktop.core.storage.records import Citation

from ..inspection.helpers import PASSPHRASE
from .conftest import trust_of

TIMEOUT = 20000


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda parent, title, text, *a, **k: seen.append(text) or 0))
    return seen


@pytest.fixture
def p12(pki, tmp_path) -> dict[str, Path]:
    out = {}
    for name, signer in (("hd", pki.council), ("xa", pki.agencies["XA-001"])):
        out[name] = tmp_path / f"{name}.p12"
        out[name].write_bytes(encrypt_pkcs12(signer.private_key, signer.certificate, PASSPHRASE, signer.chain))
    return out


def test_issue_results_dialog_issues_for_the_ticked_agencies(scenario, qtbot, p12, tmp_path, boxes) -> None:
    from cchc_desktop.gui.dialogs.issue_results import IssueResultsDialog, open_issue_results

    ws = scenario.council
    dlg = open_issue_results(None, ws)
    qtbot.addWidget(dlg)
    assert isinstance(dlg, IssueResultsDialog)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 3, timeout=TIMEOUT)
    assert [dlg.table.item(r, 0).text() for r in range(3)] == ["XA-001", "XA-002", "XA-003"]
    assert dlg.checked_codes() == ["XA-001", "XA-002", "XA-003"]
    # Refused before any work: no key.
    dlg.set_checked(["XA-001", "XA-002"])
    assert dlg.start() is None and "tệp khóa" in dlg.error.text()
    folder = tmp_path / "ket-qua"
    folder.mkdir()
    dlg.key.setText(str(p12["hd"]))
    dlg.passphrase.setText(PASSPHRASE)
    dlg.folder.setText(str(folder))
    with qtbot.waitSignal(dlg.issued, timeout=TIMEOUT) as sig:
        dlg.start()
    outcomes = sig.args[0]
    assert [o.agency_code for o in outcomes] == ["XA-001", "XA-002"] and all(o.ok for o in outcomes)
    lines = [dlg.results.item(i).text() for i in range(dlg.results.count())]
    assert lines[0].startswith("✔ XA-001: kết quả lần 1 (vòng 1), chỉ số 75% → XA-001-2026-ket-qua-1.cchc")
    for o in outcomes:
        assert verify_package(o.issued.path, trust_of(scenario.pki.trust)).verdict is Verdict.VALID
    qtbot.waitUntil(lambda: dlg.table.item(0, 5) is not None and dlg.table.item(0, 5).text() == "lần 1 (vòng 1)",
                    timeout=TIMEOUT)
    # A wrong passphrase: shown, nothing issued.
    dlg.passphrase.setText("sai-mat-khau")
    with qtbot.waitSignal(dlg.runner.busy_changed, timeout=TIMEOUT, check_params_cb=lambda busy: not busy):
        dlg.start()
    assert boxes and "mật khẩu" in boxes[-1].lower()
    assert sorted(p.name for p in folder.iterdir()) == ["XA-001-2026-ket-qua-1.cchc", "XA-002-2026-ket-qua-1.cchc"]
    assert boxes[:-1] == []
    dlg.close()


def _window(qtbot, ws) -> Any:
    from cchc_desktop.gui.windows.results_window import ResultsWindow, open_results_window

    win = open_results_window(None, ws)
    qtbot.addWidget(win)
    assert isinstance(win, ResultsWindow)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=TIMEOUT)
    return win


def test_results_window_import_rebut_and_export(scenario, qtbot, p12, tmp_path, make_file, boxes, monkeypatch) -> None:
    from cchc_desktop.core.services.results import issue_result
    from cchc_desktop.gui.windows.results_window import RebuttalExportDialog, ResultsWindow

    issued = issue_result(scenario.council, "XA-001", tmp_path / "kq.cchc", scenario.pki.council)
    ws = scenario.agency("XA-001")
    win = _window(qtbot, ws)
    assert "Chưa nhận kết quả thẩm định nào" in win.banner.text()
    assert not win.export_button.isEnabled()

    # A result for another agency is refused with its reason; then ours is imported.
    other = issue_result(scenario.council, "XA-002", tmp_path / "kq2.cchc", scenario.pki.council)
    with qtbot.waitSignal(win.failed, timeout=TIMEOUT):
        win.import_file(other.path, scenario.pki.trust)
    assert "không phải của cơ quan này" in boxes[-1]
    with qtbot.waitSignal(win.imported, timeout=TIMEOUT):
        win.import_file(issued.path, scenario.pki.trust)
    qtbot.waitUntil(lambda: win.table.rowCount() == 11, timeout=TIMEOUT)
    assert "Kết quả thẩm định lần 1" in win.banner.text() and "75%" in win.banner.text()
    row = {win.table.item(r, 0).text(): r for r in range(11)}
    cells = [win.table.item(row["1.1.1"], c).text() for c in range(8)]
    assert cells[2:6] == ["1", "0,5", "0", "0"] and cells[6].startswith("Không có quyết định")
    diff = win.table.item(row["1.1.1"], 0).background().color().name()
    assert diff == "#ffe0b2" and win.table.item(row["1.3"], 0).background().color().name() != diff

    # The rebuttal of 1.1.1: a text and a new document (the citation dialog answered by the test).
    win.select_code("1.1.1")
    assert "Không có quyết định ban hành" in win.item_label.text()
    win.text.setPlainText("Đã ban hành theo Quyết định 15/QĐ-UBND.")
    with qtbot.waitSignal(win.saved, timeout=TIMEOUT):
        win.save_button.click()
    monkeypatch.setattr(ResultsWindow, "ask_citation", staticmethod(
        lambda parent, name, current: (Citation("Quyết định", "15/QĐ-UBND", "10/01/2026", "UBND xã Một", "Kế hoạch"), "tr. 1")))
    pdf = make_file("qd-15.pdf", b"%PDF-1.4 quyet dinh 15\n")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    with qtbot.waitSignal(win.saved, timeout=TIMEOUT):
        win.attach_button.click()
    qtbot.waitUntil(lambda: win.evidence.count() == 1, timeout=TIMEOUT)
    assert "15/QĐ-UBND" in win.evidence.item(0).text()
    assert "(+1 tài liệu)" in win.table.item(row["1.1.1"], 8).text()
    assert win.export_button.isEnabled()

    # Export through the button: the dialog is answered as a user would.
    out = tmp_path / "giai-trinh.cchc"

    def fake_exec(dlg: RebuttalExportDialog) -> int:
        dlg.key.setText(str(p12["xa"]))
        dlg.passphrase.setText(PASSPHRASE)
        dlg.out.setText(str(out))
        dlg.accept()
        return int(dlg.result())

    monkeypatch.setattr(RebuttalExportDialog, "exec", fake_exec)
    with qtbot.waitSignal(win.exported, timeout=TIMEOUT) as sig:
        win.export_button.click()
    assert sig.args[0].items == ("1.1.1",)
    report = verify_package(out, trust_of(scenario.pki.trust))
    assert report.verdict is Verdict.VALID and report.manifest.kind == "rebuttal" and report.manifest.sequence == 2
    assert any("giai-trinh.cchc" in b for b in boxes)
    # The council takes it: round 2.
    [res] = scenario.council.import_packages([out])
    assert res.status == "imported" and scenario.council.round_of("XA-001") == 2
    qtbot.waitUntil(lambda: "Đã gửi giải trình: lần nộp 2" in win.banner.text(), timeout=TIMEOUT)
    win.close()


def test_results_window_shares_the_agency_operations_worker(scenario, qtbot, tmp_path, boxes) -> None:
    from cchc_desktop.core.services.agency_results import import_result
    from cchc_desktop.core.services.results import issue_result
    from cchc_desktop.gui.operations import AgencyOperations

    issued = issue_result(scenario.council, "XA-001", tmp_path / "kq.cchc", scenario.pki.council)
    ws = scenario.agency("XA-001")
    import_result(ws, issued.path, trust_of(scenario.pki.trust))
    ops = AgencyOperations(ws)
    try:
        win = _window(qtbot, ops)
        assert win.runner is ops.runner and win.workspace is ws
        qtbot.waitUntil(lambda: win.table.rowCount() == 11, timeout=TIMEOUT)
        win.close()
    finally:
        ops.wait_idle()
        ops.runner.shutdown()


@pytest.fixture
def english(qapp: Any) -> Any:
    from PySide6.QtCore import QLocale

    from cchc_desktop.gui.resources import install_language

    locale = QLocale()
    assert install_language("en")
    try:
        yield
    finally:
        install_language("vi")
        QLocale.setDefault(locale)


def test_in_english_no_vietnamese_is_left_but_data(english, scenario, qtbot, p12, tmp_path, make_file, boxes) -> None:
    from cchc_desktop.core.services.agency_results import (
        add_rebuttal_evidence,
        import_result,
        set_rebuttal_text,
    )
    from cchc_desktop.core.services.results import issue_result
    from cchc_desktop.gui.dialogs.issue_results import IssueResultsDialog
    from cchc_desktop.gui.windows.results_window import RebuttalExportDialog, ResultsWindow

    from ..gui.ui_texts import data_strings, untranslated

    issued = issue_result(scenario.council, "XA-001", tmp_path / "kq.cchc", scenario.pki.council)
    ws = scenario.agency("XA-001")
    done = import_result(ws, issued.path, trust_of(scenario.pki.trust))
    set_rebuttal_text(ws, "1.1.1", "Đã ban hành theo Quyết định 15/QĐ-UBND.")
    ev = add_rebuttal_evidence(ws, "1.1.1", make_file("qd.pdf"), Citation("Quyết định", "15/QĐ-UBND", "", "UBND xã Một", ""))
    data = data_strings(ws.framework, ws.info(), done.result.document, ev, "Đã ban hành theo Quyết định 15/QĐ-UBND.",
                        ev.citation.summary())
    win = ResultsWindow(ws, lang="en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.table.rowCount() == 11, timeout=TIMEOUT)
    win.select_code("1.1.1")
    assert "Appraisal result 1" in win.banner.text()
    found = untranslated(win, data)
    dlg = RebuttalExportDialog(tmp_path / "x.cchc", "", win)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.accept()  # refused: no key, the reason shown
    found += untranslated(dlg, data)
    council = IssueResultsDialog(scenario.council, lang="en")
    qtbot.addWidget(council)
    council.show()
    qtbot.waitUntil(lambda: council.table.rowCount() == 3, timeout=TIMEOUT)
    council.key.setText(str(p12["hd"]))
    council.passphrase.setText(PASSPHRASE)
    council.folder.setText(str(tmp_path))
    council.set_checked(["XA-002"])
    with qtbot.waitSignal(council.issued, timeout=TIMEOUT):
        council.start()
    names = data_strings(scenario.council.agencies(), [o.issued.path.name for o in council.outcomes])
    found += untranslated(council, data | names)
    assert found == []
    win.close()
    council.close()
