from decimal import Decimal as D


def test_overlay_flow(round_with):
    ws = round_with("XA-001")
    [row] = [o for o in ws.overview() if o.code == "XA-001"]
    assert row.status == "submitted"
    assert row.final_points == D("5.75") and row.applicable_max == D(17)
    ws.appraise("XA-001", "2.3", "1.5", "Đã kiểm tra")
    ws.appraise("XA-001", "1.1.1", "0.5")
    o = ws.overview("XA-001")[0]
    assert o.status == "in_appraisal" and o.appraised == 2
    assert ws.final_sheet("XA-001").final_points == D("7.25")
    assert ws.undo() is not None
    print(ws.overview())
    print(ws.ranking())


def test_accept_and_stats(round_with):
    ws = round_with("XA-001", "XA-002")
    ws.accept_self("XA-001", "1.1.1")
    ws.accept_self("XA-001", "2.1")
    st = ws.statistics()
    assert st.ranked == 2
    print(st)
