"""The council's dashboard: one row per agency of `overview()`, numeric sort, filters, Enter opens
the review window.  Every number is checked against the service's own record, not against the
model's text."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from cchc_desktop.core.services.inspection_records import STATUS_NAMES
from cchc_desktop.gui.models.dashboard_model import (
    CODE_ROLE,
    COL_CATEGORY,
    COL_CODE,
    COL_DIFF,
    COL_FINAL,
    COL_INDEX,
    COL_NAME,
    COL_PROGRESS,
    COL_SELF,
    COL_STATUS,
    fold,
)


def vi(d: Decimal | None) -> str:
    """How a service number reads in the Vietnamese interface (decimal comma)."""
    return "—" if d is None else format(d.normalize(), "f").replace(".", ",")


def shown_codes(win) -> list[str]:
    proxy = win.dashboard.proxy
    return [proxy.index(r, 0).data(CODE_ROLE) for r in range(proxy.rowCount())]


def test_rows_are_the_service_overview(council_round, council_window, qtmodeltester):
    ws = council_round()
    ws.appraise("XA-002", "2.3", "1.5", "Đã kiểm tra tại xã")  # a council-only item: the final score moves
    ws.set_final("XA-001")
    win = council_window(ws)
    model = win.dashboard.model
    qtmodeltester.check(model)
    qtmodeltester.check(win.dashboard.proxy)
    overview = {o.code: o for o in ws.overview()}
    assert model.rowCount() == len(overview) == 3
    for row in range(model.rowCount()):
        code = model.index(row, COL_CODE).data()
        o = overview[code]
        cell = lambda col: model.index(row, col).data()  # noqa: E731
        assert cell(COL_NAME) == o.name
        assert cell(COL_STATUS) == STATUS_NAMES[o.status][0]
        if o.package_sha256 is None:
            assert (cell(COL_SELF), cell(COL_FINAL), cell(COL_INDEX), cell(COL_CATEGORY)) == ("—", "—", "—", "")
            continue
        assert cell(COL_SELF) == vi(o.self_points)
        assert cell(COL_FINAL) == vi(o.final_points)
        assert cell(COL_INDEX) == vi(o.percent)
        assert cell(COL_PROGRESS) == f"{o.appraised}/{o.to_appraise}"
        assert cell(COL_DIFF) == str(o.disagreements)
        assert cell(COL_CATEGORY) == ws.final_sheet(code).category.name
    assert model.index(model.row_of("XA-001"), COL_STATUS).data() == "Kết quả cuối cùng"
    assert model.index(model.row_of("XA-002"), COL_STATUS).data() == "Đang thẩm định"
    assert model.index(model.row_of("XA-003"), COL_STATUS).data() == "Chưa nộp"
    assert "3 cơ quan · 2 đã nộp" in win.dashboard.counts.text()
    assert win.table.rowCount() == 2  # the imported packages are still listed, in their own tab


def test_sorting_by_index_is_numeric(council_round, council_window, qtbot):
    ws = council_round()
    ws.appraise("XA-002", "2.3", "2", "Đã kiểm tra tại xã")
    win = council_window(ws)
    table = win.dashboard.table
    percents = {o.code: o.percent for o in ws.overview()}
    assert percents["XA-002"] > percents["XA-001"] and percents["XA-003"] is None
    table.sortByColumn(COL_INDEX, Qt.SortOrder.DescendingOrder)
    assert shown_codes(win) == ["XA-002", "XA-001", "XA-003"]  # nothing submitted: last
    table.sortByColumn(COL_INDEX, Qt.SortOrder.AscendingOrder)
    assert shown_codes(win) == ["XA-003", "XA-001", "XA-002"]
    # Clicking the header sorts too (the user's way).
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, COL_SELF))
    assert header.sortIndicatorSection() == COL_SELF


def _section_centre(header, col):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(col) + header.sectionSize(col) // 2, header.height() // 2)


def test_text_filter_ignores_case_and_diacritics_and_status_filter(council_round, council_window, qtbot):
    ws = council_round()
    win = council_window(ws)
    search = win.dashboard.search
    qtbot.keyClicks(search, "xa mot")  # typed without diacritics: finds "UBND xã Một"
    assert shown_codes(win) == ["XA-001"]
    search.clear()
    search.insert("HAI")
    assert shown_codes(win) == ["XA-002"]
    search.clear()
    qtbot.keyClicks(search, "xa-00")
    assert shown_codes(win) == ["XA-001", "XA-002", "XA-003"]
    status = win.dashboard.status
    status.setCurrentIndex(status.findData("not_submitted"))
    assert shown_codes(win) == ["XA-003"]
    status.setCurrentIndex(status.findData("submitted"))
    assert shown_codes(win) == ["XA-001", "XA-002"]
    status.setCurrentIndex(0)
    search.clear()
    assert len(shown_codes(win)) == 3
    assert fold("Đặc khu Côn Đảo") == "dac khu con dao"


def test_enter_and_double_click_open_the_review_window(council_round, council_window, qtbot):
    ws = council_round()
    win = council_window(ws)
    table = win.dashboard.table
    win.dashboard.select("XA-002")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    review = win.review_window
    assert review is not None and review.isVisible() and review.agency_code == "XA-002"
    assert review.agencies == ["XA-001", "XA-002"]  # PgDown/PgUp browse the dashboard's order
    review.close()
    qtbot.waitUntil(lambda: win.review_window is None)
    # A double-click on a row opens it too; an agency that has not submitted opens nothing.
    row = win.dashboard.proxy.mapFromSource(win.dashboard.model.index(win.dashboard.model.row_of("XA-001"), 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(row).center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(row).center())
    assert win.review_window is not None and win.review_window.agency_code == "XA-001"
    win.review_window.close()
    qtbot.waitUntil(lambda: win.review_window is None)
    win.dashboard.select("XA-003")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert win.review_window is None
    assert "chưa nộp hồ sơ" in win.statusBar().currentMessage()


def test_an_appraisal_refreshes_the_dashboard_and_the_ranking(council_round, council_window, qtbot):
    ws = council_round()
    win = council_window(ws)
    win.dashboard.select("XA-001")
    review = win.open_review("XA-001")
    review.select_item("2.3")
    review.editor.points.setText("2")
    review.editor.reason.setPlainText("Đã kiểm tra tại xã")
    with qtbot.waitSignal(win.dashboard_loaded, timeout=5000):
        review.save_and_next()
    model = win.dashboard.model
    o = ws.overview("XA-001")[0]
    assert model.index(model.row_of("XA-001"), COL_FINAL).data() == vi(o.final_points)
    assert model.index(model.row_of("XA-001"), COL_PROGRESS).data() == f"1/{o.to_appraise}"
    with qtbot.waitSignal(win.ranking_loaded, timeout=5000):
        win.tabs.setCurrentIndex(1)
    ranking = ws.ranking()
    table = win.ranking.table
    assert table.rowCount() == len(ranking) == 2
    assert [table.item(r, 1).text() for r in range(2)] == [e.agency_code for e in ranking]
    assert table.item(0, 5).text() == vi(ranking[0].percent)
    stats = ws.statistics()
    assert win.ranking.charts.categories == stats.categories and win.ranking.charts.ranked == stats.ranked
    assert win.ranking.charts.grab().width() > 0  # the painter draws without error


def test_ties_are_marked_in_the_ranking(council_round, council_window, qtbot):
    ws = council_round()  # the same answers: the same index
    win = council_window(ws)
    with qtbot.waitSignal(win.ranking_loaded, timeout=5000):
        win.tabs.setCurrentIndex(1)
    ranking = ws.ranking()
    assert [e.rank for e in ranking] == [1, 1] and ranking[0].tied_with == ("XA-002",)
    table = win.ranking.table
    assert [table.item(r, 0).text() for r in range(2)] == ["=1", "=1"]
    assert "XA-002" in table.item(0, 0).toolTip()
    assert table.item(0, 6).text() == ranking[0].category.name


def test_opening_another_agency_keeps_the_reviewer(council_round, council_window):
    from cchc_desktop.core.services.inspection_setup import Reviewer

    ws = council_round()
    ws.set_reviewers([Reviewer("Trần Thị Lan", "Sở Tư pháp", ("2",))])
    win = council_window(ws)
    review = win.open_review("XA-001")
    review.set_reviewer("Trần Thị Lan")
    again = win.open_review("XA-002")
    assert again is not review and not review.isVisible()
    assert again.reviewer == "Trần Thị Lan" and again.proxy.visible_leaves() == ["2.1", "2.2", "2.3"]
    again.close()
