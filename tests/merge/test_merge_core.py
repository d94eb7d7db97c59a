"""The merge rules, fed directly (no package): stored, identical, newer own version, conflicts, refusals."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

import pytest

from cchc_desktop.core.errors import InvalidInput
from cchc_desktop.core.scoring.appraisal import Appraisal
from cchc_desktop.core.services.appraisal_package import IncomingAppraisal
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.services.inspection_merge import MergeRefused, merge_appraisals

T0 = "2026-03-02T09:00:00.000+00:00"
T1 = "2026-03-02T10:00:00.000+07:00"  # 03:00 UTC: earlier than T0, whatever the text says
T2 = "2026-03-03T09:00:00+00:00"
PKG = "a" * 64  # the appraisal package a merge came from


def incoming(ws: InspectionWorkspace, item: str, points: str | None, reviewer: str = "lan", at: str = T0,
             reason: str = "Theo hồ sơ", agency: str = "XA-001", sub: str | None = None, na: bool = False,
             rnd: int = 1) -> IncomingAppraisal:
    pkg = ws.submission(agency)
    sha = sub or (pkg.manifest_sha256 if pkg is not None else "0" * 64)
    return IncomingAppraisal(agency, sha, Appraisal(item, None if points is None else D(points), na, reason, reviewer, rnd, at))


def state(ws: InspectionWorkspace) -> tuple[Any, ...]:
    return (ws.appraisals(), ws.appraisal_log(), ws.conflicts())


@pytest.fixture
def main(copies: Callable[[str], InspectionWorkspace]) -> InspectionWorkspace:
    return copies("chu-tri")


def test_no_current_appraisal_is_stored_with_its_origin_and_log(main: InspectionWorkspace) -> None:
    out = merge_appraisals(main, [incoming(main, "2.3", "1.5"), incoming(main, "1.1.1", "0.5", reason="")], PKG)
    assert (out.stored, out.updated, out.unchanged, out.conflicts) == (2, 0, 0, 0)
    current = {a.code: a for a in main.appraisals("XA-001")}
    assert current["2.3"].points == D("1.5") and current["2.3"].reviewer == "lan" and current["2.3"].at == T0
    log = main.appraisal_log()
    assert [(e["item"], e["origin"], e["actor"]) for e in log] == [("2.3", PKG, "chu-tri"), ("1.1.1", PKG, "chu-tri")]
    assert all(e["before"] is None and e["after"]["package"] == main.submission("XA-001").manifest_sha256 for e in log)


def test_identical_changes_nothing(main: InspectionWorkspace) -> None:
    merge_appraisals(main, [incoming(main, "2.3", "1.5")], PKG)
    before = state(main)
    out = merge_appraisals(main, [incoming(main, "2.3", "1.5")], "b" * 64)
    assert (out.stored, out.unchanged, out.conflicts) == (0, 1, 0) and not out.changed
    assert state(main) == before


def test_different_points_make_a_conflict_and_overwrite_nothing(main: InspectionWorkspace) -> None:
    main.appraise("XA-001", "2.3", "1.5", "Đủ hồ sơ", reviewer="chu-tri")
    before = main.appraisals()
    out = merge_appraisals(main, [incoming(main, "2.3", "1", reviewer="minh")], PKG)
    assert out.conflicts == 1 and main.appraisals() == before
    [c] = main.conflicts()
    assert (c.agency_code, c.item_code, c.round, c.origin) == ("XA-001", "2.3", 1, PKG)
    assert c.current.points == D("1.5") and c.incoming.points == D("1") and c.incoming.reviewer == "minh"
    assert main.overview("XA-001")[0].open_conflicts == 1
    # The same conflict again: still one; another agency has none.
    merge_appraisals(main, [incoming(main, "2.3", "1", reviewer="minh")], "c" * 64)
    assert len(main.conflicts()) == 1 and main.conflicts("XA-002") == []


def test_another_reviewer_agreeing_changes_nothing(main: InspectionWorkspace) -> None:
    main.appraise("XA-001", "2.3", "1.5", "Đủ hồ sơ", reviewer="chu-tri")
    before = state(main)
    out = merge_appraisals(main, [incoming(main, "2.3", "1.5", reviewer="minh", reason="Cũng thấy vậy")], PKG)
    assert out.unchanged == 1 and state(main) == before


def test_the_same_reviewer_newer_version_updates_and_an_older_one_does_not(main: InspectionWorkspace) -> None:
    merge_appraisals(main, [incoming(main, "2.3", "1.5", at=T0)], PKG)
    out = merge_appraisals(main, [incoming(main, "2.3", "1", at=T2, reason="Xem lại: thiếu báo cáo")], "b" * 64)
    assert out.updated == 1 and out.conflicts == 0
    [a] = [a for a in main.appraisals() if a.code == "2.3"]
    assert (a.points, a.at) == (D("1"), T2)
    last = main.appraisal_log()[-1]
    assert last["before"]["points"] == "1.5" and last["after"]["points"] == "1" and last["origin"] == "b" * 64
    # An older version (T1 is 03:00 UTC, before T0) of his own appraisal: what is here stands.
    out = merge_appraisals(main, [incoming(main, "2.3", "2", at=T1)], "c" * 64)
    assert out.unchanged == 1 and [a.points for a in main.appraisals() if a.code == "2.3"] == [D("1")]
    assert main.conflicts() == []


def test_a_newer_disputed_version_supersedes_the_reviewers_open_conflict(main: InspectionWorkspace) -> None:
    main.appraise("XA-001", "2.3", "1.5", "Đủ hồ sơ", reviewer="chu-tri")
    merge_appraisals(main, [incoming(main, "2.3", "1", reviewer="minh", at=T0)], PKG)
    merge_appraisals(main, [incoming(main, "2.3", "0.5", reviewer="minh", at=T2)], "b" * 64)
    [c] = main.conflicts()
    assert c.incoming.points == D("0.5") and c.origin == "b" * 64


def test_resolve_keep_current_or_take_incoming(main: InspectionWorkspace) -> None:
    main.appraise("XA-001", "2.3", "1.5", "Đủ hồ sơ", reviewer="chu-tri")
    main.appraise("XA-001", "1.1.1", "0.5", "Chậm", reviewer="chu-tri")
    merge_appraisals(main, [incoming(main, "2.3", "1", reviewer="minh"), incoming(main, "1.1.1", "1", reviewer="minh")], PKG)
    first, second = main.conflicts()
    assert {first.item_code, second.item_code} == {"1.1.1", "2.3"}
    log_before = len(main.appraisal_log())
    kept = main.resolve_conflict(first.id, "current")
    assert kept.id == first.id and len(main.appraisal_log()) == log_before
    assert {a.code: a.points for a in main.appraisals()} == {"1.1.1": D("0.5"), "2.3": D("1.5")}
    main.resolve_conflict(second.id, "incoming")
    now = {a.code: a for a in main.appraisals()}
    assert now[second.item_code].points == D("1") and now[second.item_code].reviewer == "minh"
    last = main.appraisal_log()[-1]
    assert last["origin"] == PKG and last["before"]["reviewer"] == "chu-tri" and last["after"]["reviewer"] == "minh"
    assert main.conflicts() == [] and main.overview("XA-001")[0].open_conflicts == 0
    with pytest.raises(InvalidInput, match="đã được giải quyết"):
        main.resolve_conflict(second.id, "current")
    with pytest.raises(InvalidInput, match="Không có xung đột số 999"):
        main.resolve_conflict(999, "current")
    with pytest.raises(InvalidInput, match="không hợp lệ"):
        main.resolve_conflict(first.id, "both")


@pytest.mark.parametrize("bad, code", [
    (dict(item="9.9", points="1"), "unknown_item"),  # no such item
    (dict(item="1.1", points="1"), "unknown_item"),  # not a leaf
    (dict(item="3.1", points="1"), "unknown_item"),  # a survey leaf: not appraised one by one
    (dict(item="1.1.1", points="0.7"), "invalid_value"),  # the rule cannot give 0.7 (check_appraisal)
    (dict(item="2.3", points="5"), "invalid_value"),  # over the max
    (dict(item="1.3", points=None, na=True), "invalid_value"),  # N/A not allowed there
    (dict(item="2.3", points="1", sub="f" * 64), "unknown_submission"),  # a submission this round lacks
    (dict(item="2.3", points="1", agency="XA-003"), "unknown_submission"),  # an agency without one
    (dict(item="1.3", points="0", reason=""), "reason_missing"),  # differs from the self points, no reason
])
def test_one_unacceptable_appraisal_refuses_them_all(main: InspectionWorkspace, bad: dict[str, Any], code: str) -> None:
    before = state(main)
    good = incoming(main, "1.4", "1", reason="Một sáng kiến")
    with pytest.raises(MergeRefused) as ei:
        merge_appraisals(main, [good, incoming(main, **bad)], PKG)
    assert [n.code for n in ei.value.notes] == [code], ei.value.notes
    assert all(n.vi and n.en for n in ei.value.notes)
    assert state(main) == before


def test_an_appraisal_of_an_older_submission_is_skipped_and_said(
        main: InspectionWorkspace, seed: Any, merge_keys: Any, tmp_path: Any) -> None:
    from cchc_desktop.core.services.agency import AgencyWorkspace

    from ..inspection.helpers import build_package

    old = main.submission("XA-001").manifest_sha256
    with AgencyWorkspace.open(seed.agencies["XA-001"], actor="test") as ag:
        newer = build_package(ag, tmp_path / "XA-001-lan2.cchc", merge_keys.xa1, sequence=2, previous=old)
    assert main.import_packages([newer.path])[0].ok
    out = merge_appraisals(main, [incoming(main, "2.3", "1", sub=old), incoming(main, "1.4", "1", reason="Có")], PKG)
    assert out.stored == 1 and [n.code for n in out.skipped] == ["stale_submission"]
    assert "lần nộp 1" in out.skipped[0].vi and "lần 2" in out.skipped[0].vi
    assert [a.code for a in main.appraisals()] == ["1.4"]


def test_a_round_two_appraisal_before_the_rebuttal_is_imported_is_skipped(main: InspectionWorkspace) -> None:
    out = merge_appraisals(main, [incoming(main, "2.3", "1", rnd=2)], PKG)
    assert out.stored == 0 and [n.code for n in out.skipped] == ["round_not_reached"]
    assert main.appraisals() == []
