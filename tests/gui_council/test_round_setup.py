"""Round setup: the agency list and the survey points from Excel files the test writes as a user
would, the reviewers' table; a bad file shows the service's message and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.core.errors import InvalidInput
from cchc_desktop.core.services.inspection_setup import HEADERS, Reviewer
from cchc_desktop.gui.dialogs.round_setup import TAB_AGENCIES, TAB_REVIEWERS, TAB_SURVEY, TAB_TRUST, RoundSetupDialog, SetupTab

from .conftest import write_xlsx


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> dict[str, Path | None]:
    """The file dialogs answer what the test puts here ("open", "save")."""
    answers: dict[str, Path | None] = {"open": None, "save": None}
    monkeypatch.setattr(SetupTab, "ask_open", staticmethod(lambda parent, title: answers["open"]))
    monkeypatch.setattr(SetupTab, "ask_save", staticmethod(lambda parent, title, suggested: answers["save"]))
    return answers


@pytest.fixture
def setup_dialog(qtbot):
    def make(ws, tab: int, lang: str = "vi") -> RoundSetupDialog:
        dlg = RoundSetupDialog(ws, tab, lang)
        qtbot.addWidget(dlg)
        dlg.show()
        return dlg

    return make


def agency_rows(tab) -> list[tuple[str, str, str]]:
    t = tab.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_agency_list_from_excel(council_round, setup_dialog, files, tmp_path, qtbot):
    ws = council_round()
    dlg = setup_dialog(ws, TAB_AGENCIES)
    tab = dlg.agencies
    changed = []
    dlg.changed.connect(lambda: changed.append(1))
    # The template, saved where the user chose.
    files["save"] = tmp_path / "mau-danh-sach.xlsx"
    tab.template_button.click()
    assert files["save"].exists() and "mau-danh-sach.xlsx" in tab.result.text()
    import openpyxl

    assert [c.value for c in openpyxl.load_workbook(files["save"]).active[1]] == list(HEADERS)
    # A filled list: XA-002 stays, XA-004 is new, XA-001 and XA-003 are no longer expected.
    files["open"] = write_xlsx(tmp_path / "danh-sach.xlsx", [list(HEADERS), ["XA-002", "UBND xã Hai", "xã"],
                                                           ["XA-004", "UBND xã Bốn", "xa"]])
    tab.import_button.click()
    assert not tab.error.isVisible() and "Đã nhập 2 cơ quan" in tab.result.text()
    expected = {a.code for a in ws.agencies() if a.expected}
    assert expected == {"XA-002", "XA-004"}
    assert agency_rows(tab) == [(a.code, a.name, "✔" if a.expected else "") for a in ws.agencies()]
    assert changed  # the council window refreshes its dashboard


def test_a_bad_agency_list_changes_nothing(council_round, setup_dialog, files, tmp_path):
    ws = council_round()
    before = ws.agencies()
    bad = write_xlsx(tmp_path / "sai.xlsx", [list(HEADERS), ["XA-009", "", "xa"], ["XA-002", "UBND xã Hai", "xa"],
                                             ["XA-002", "Trùng mã", "xa"]])
    with pytest.raises(InvalidInput) as refused:
        ws.import_agency_list(bad)
    dlg = setup_dialog(ws, TAB_AGENCIES)
    files["open"] = bad
    dlg.agencies.import_button.click()
    assert dlg.agencies.error.isVisible() and dlg.agencies.error.text() == refused.value.vi
    assert "dòng 2" in dlg.agencies.error.text() and "dòng 4" in dlg.agencies.error.text()
    assert ws.agencies() == before and not dlg.agencies.result.isVisible()


def test_reviewers_table(council_round, setup_dialog):
    from PySide6.QtCore import Qt

    ws = council_round()
    ws.set_reviewers([Reviewer("Lê Văn Nam", "Sở Nội vụ", ("1",))])
    dlg = setup_dialog(ws, TAB_REVIEWERS)
    tab = dlg.reviewers
    assert tab.table.rowCount() == 1 and tab.table.item(0, 0).text() == "Lê Văn Nam"
    assert tab.table.item(0, tab.FIRST_FIELD).checkState() == Qt.CheckState.Checked
    n = tab.add_row()
    tab.table.item(n, 0).setText("Trần Thị Lan")
    tab.table.item(n, 1).setText("Sở Tư pháp")
    tab.table.item(n, tab.FIRST_FIELD + 1).setCheckState(Qt.CheckState.Checked)  # field 2
    tab.save_button.click()
    assert not tab.error.isVisible() and "Đã lưu 2 người" in tab.result.text()
    assert ws.reviewers() == [Reviewer("Lê Văn Nam", "Sở Nội vụ", ("1",)), Reviewer("Trần Thị Lan", "Sở Tư pháp", ("2",))]
    # The same name twice is refused by the service: its message, nothing changed.
    n = tab.add_row()
    tab.table.item(n, 0).setText("Lê Văn Nam")
    with pytest.raises(InvalidInput) as refused:
        ws.set_reviewers(tab.reviewers())
    tab.save_button.click()
    assert tab.error.isVisible() and tab.error.text() == refused.value.vi
    assert len(ws.reviewers()) == 2
    tab.table.setCurrentCell(n, 0)
    tab.remove_button.click()
    tab.save_button.click()
    assert not tab.error.isVisible() and len(ws.reviewers()) == 2


def test_survey_points_from_excel(council_round, setup_dialog, files, tmp_path):
    import openpyxl

    ws = council_round()
    dlg = setup_dialog(ws, TAB_SURVEY)
    tab = dlg.survey
    assert "0/3" in tab.status.text()
    files["save"] = tmp_path / "dieu-tra.xlsx"
    tab.template_button.click()
    assert files["save"].exists()
    wb = openpyxl.load_workbook(files["save"])
    sh = wb.active
    for row, points in zip(sh.iter_rows(min_row=4), (6.5, "7,25", 5)):  # a decimal comma, as typed in Excel by hand
        row[2].value = points
    wb.save(tmp_path / "dieu-tra-da-dien.xlsx")
    files["open"] = tmp_path / "dieu-tra-da-dien.xlsx"
    tab.import_button.click()
    assert not tab.error.isVisible() and "3 điểm điều tra của 3 cơ quan" in tab.result.text()
    points = ws.survey_points()
    assert {c: str(p["3.1"]) for c, p in points.items()} == {"XA-001": "6.5", "XA-002": "7.25", "XA-003": "5"}
    assert "3/3" in tab.status.text()


def test_a_bad_survey_file_imports_nothing(council_round, setup_dialog, files, tmp_path):
    ws = council_round()
    bad = write_xlsx(tmp_path / "dieu-tra-sai.xlsx", [["Mã cơ quan", "Tên cơ quan", "3.1 — Mức độ hài lòng (tối đa 8)"],
                                                      ["XA-001", "UBND xã Một", 9], ["XA-009", "Không có", 5]])
    with pytest.raises(InvalidInput) as refused:
        ws.import_survey(bad)
    dlg = setup_dialog(ws, TAB_SURVEY)
    files["open"] = bad
    dlg.survey.import_button.click()
    error = dlg.survey.error
    assert error.isVisible() and error.text() == refused.value.vi and "C2" in error.text() and "XA-009" in error.text()
    assert ws.survey_points() == {}


def test_trust_folder_is_shown_read_only(council_round, setup_dialog):
    ws = council_round()
    dlg = setup_dialog(ws, TAB_TRUST)
    assert dlg.trust.folder.text() == str(ws.trust_dir) and dlg.trust.folder.isReadOnly()
    names = {dlg.trust.files.item(i).text() for i in range(dlg.trust.files.count())}
    assert {"ca.crt", "ca.crl"} <= names


def test_the_council_menus_open_the_setup_and_refresh(council_round, council_window, monkeypatch, qtbot):
    ws = council_round()
    win = council_window(ws)
    opened: list[int] = []
    monkeypatch.setattr(RoundSetupDialog, "exec", lambda self: opened.append(self.tabs.currentIndex()) or 0)
    for action, tab in ((win.agencies_action, TAB_AGENCIES), (win.reviewers_action, TAB_REVIEWERS),
                        (win.survey_action, TAB_SURVEY), (win.trust_action, TAB_TRUST)):
        action.trigger()
        assert opened[-1] == tab
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus[:5] == ["&Tệp", "Đợt đánh g&iá", "T&hẩm định", "&Xem", "&Kết quả"]
    results = win.menuBar().actions()[4].menu()
    assert [a.text() for a in results.actions()] == [
        "&Xếp hạng và biểu đồ", "&Gửi kết quả cho cơ quan (gói có chữ ký)…", "Xuất &báo cáo (Excel, PDF)…"]
