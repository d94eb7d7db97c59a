"""Reviewers' signed appraisal packages, exported from their copies and imported into the main round."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.errors import InvalidInput, UserFacingError
from cchc_desktop.core.services.appraisal_package import APPRAISALS
from cchc_desktop.core.services.inspection import InspectionWorkspace

from .conftest import MergeKeys, appraisal_package, entry


def state(ws: InspectionWorkspace) -> tuple[Any, ...]:
    return (ws.appraisals(), ws.appraisal_log(), ws.conflicts(), ws.packages())


@pytest.fixture
def main(copies: Callable[[str], InspectionWorkspace]) -> InspectionWorkspace:
    return copies("chu-tri")


def test_two_reviewers_packages_are_merged_into_the_main_round(
        main: InspectionWorkspace, copies: Callable[[str], InspectionWorkspace], merge_keys: MergeKeys,
        tmp_path: Path) -> None:
    lan, minh = copies("lan"), copies("minh")
    lan.appraise("XA-001", "1.1.1", "0.5", "Ban hành chậm")
    lan.appraise("XA-002", "1.4", "1", "Một sáng kiến")
    lan.appraise("XA-001", "2.3", "2", "Đầy đủ")  # field 2: not in Lan's export
    minh.appraise("XA-001", "2.3", "1.5", "Thiếu một báo cáo")
    minh.accept_self("XA-002", "2.1")
    p_lan = lan.export_appraisals(tmp_path / "lan.cchc", merge_keys.lan, fields=["1"])
    p_minh = minh.export_appraisals(tmp_path / "minh.cchc", merge_keys.minh, fields=["2"])
    assert (p_lan.count, p_lan.agencies, p_lan.fields) == (2, ("XA-001", "XA-002"), ("1",))
    with zipfile.ZipFile(p_lan.path) as zf:
        doc = json.loads(zf.read(APPRAISALS))
    assert doc["format"] == "cchc-appraisals" and doc["exported_by"] == "lan"
    assert {(e["agency"], e["item"], e["points"]) for e in doc["appraisals"]} == {("XA-001", "1.1.1", "0.5"),
                                                                                ("XA-002", "1.4", "1")}
    results = main.import_packages([p_lan.path, p_minh.path])
    assert [r.status for r in results] == ["imported", "imported"], [r.reasons() for r in results]
    assert results[0].codes == ("appraisals_merged",) and "2 mới" in results[0].reasons()[0]
    assert "Nguyễn Thị Lan" in results[0].reasons()[0]
    current = {(a.code, a.reviewer): a.points for a in main.appraisals()}
    assert current == {("1.1.1", "lan"): D("0.5"), ("2.3", "minh"): D("1.5"), ("1.4", "lan"): D("1"),
                       ("2.1", "minh"): current[("2.1", "minh")]}
    assert {e["origin"] for e in main.appraisal_log()} == {p_lan.manifest_sha256, p_minh.manifest_sha256}
    assert main.overview("XA-001")[0].appraised == 2 and main.packages() == main.packages()
    # Again: recognised, nothing changes.
    again = main.import_packages([p_lan.path])
    assert again[0].status == "already_imported"


def test_identical_appraisals_change_nothing_and_different_ones_are_conflicts(
        main: InspectionWorkspace, copies: Callable[[str], InspectionWorkspace], merge_keys: MergeKeys,
        tmp_path: Path) -> None:
    lan = copies("lan")
    lan.appraise("XA-001", "2.3", "1", "Thiếu báo cáo quý")
    first = lan.export_appraisals(tmp_path / "lan-1.cchc", merge_keys.lan)
    assert main.import_packages([first.path])[0].ok
    # Main and Lan already agree on everything: another package with the same appraisal changes nothing.
    before = state(main)
    same = lan.export_appraisals(tmp_path / "lan-2.cchc", merge_keys.lan, fields=["2"])
    assert same.manifest_sha256 != first.manifest_sha256
    [r] = main.import_packages([same.path])
    assert r.status == "imported" and "0 mới, 0 cập nhật, 1 không đổi, 0 xung đột" in r.reasons()[0]
    assert state(main) == before
    # The chair appraises differently; Minh's package disagrees with it: a conflict, nothing overwritten.
    main.appraise("XA-001", "1.4", "2", "Hai sáng kiến", reviewer="chu-tri")
    minh = copies("minh")
    minh.appraise("XA-001", "1.4", "1", "Chỉ một sáng kiến được công nhận")
    disputed = minh.export_appraisals(tmp_path / "minh.cchc", merge_keys.minh)
    before = main.appraisals()
    [r] = main.import_packages([disputed.path])
    assert r.ok and "1 xung đột" in r.reasons()[0]
    assert main.appraisals() == before
    [c] = main.conflicts()
    assert (c.item_code, c.current.points, c.incoming.points, c.origin) == ("1.4", D("2"), D("1"), disputed.manifest_sha256)
    # Taking the incoming one writes it, with its log row.
    main.resolve_conflict(c.id, "incoming")
    assert [a.points for a in main.appraisals() if a.code == "1.4"] == [D("1")]
    assert main.appraisal_log()[-1]["origin"] == disputed.manifest_sha256 and main.conflicts() == []


def test_exporting_needs_a_council_key_and_something_to_export(
        main: InspectionWorkspace, merge_keys: MergeKeys, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="Chưa có kết quả thẩm định"):
        main.export_appraisals(tmp_path / "rong.cchc", merge_keys.lan)
    main.appraise("XA-001", "2.3", "1", "Thiếu")
    with pytest.raises(UserFacingError, match="chứng thư của cơ quan XA-001"):
        main.export_appraisals(tmp_path / "ag.cchc", merge_keys.xa1)
    with pytest.raises(InvalidInput, match="không phải lĩnh vực"):
        main.export_appraisals(tmp_path / "x.cchc", merge_keys.lan, fields=["9"])
    with pytest.raises(InvalidInput, match="thuộc lĩnh vực 1"):
        main.export_appraisals(tmp_path / "x.cchc", merge_keys.lan, fields=["1"])
    assert not list(tmp_path.glob("*.cchc"))


def _hostile(main: InspectionWorkspace, sub: str) -> dict[str, tuple[Callable[..., Any], str]]:
    fw = main.framework
    return {
        "agency_signer": (lambda out, k: appraisal_package(out, k.xa1, [entry(sub, "2.3", "1")], fw), "not_council_signer"),
        "unknown_item": (lambda out, k: appraisal_package(out, k.lan, [entry(sub, "2.3", "1"), entry(sub, "7.7", "1")], fw),
                         "unknown_item"),
        "value_not_allowed": (lambda out, k: appraisal_package(out, k.lan, [entry(sub, "1.1.1", "0.7")], fw),
                              "invalid_value"),
        "unknown_submission": (lambda out, k: appraisal_package(out, k.lan, [entry("e" * 64, "2.3", "1")], fw),
                               "unknown_submission"),
        "malformed": (lambda out, k: appraisal_package(out, k.lan, [entry(sub, "2.3", 1)], fw), "appraisals_invalid"),  # type: ignore[arg-type]
        "duplicate": (lambda out, k: appraisal_package(out, k.lan, [entry(sub, "2.3", "1"), entry(sub, "2.3", "2")], fw),
                      "appraisals_invalid"),
        "other_year": (lambda out, k: appraisal_package(out, k.lan, [entry(sub, "2.3", "1")], fw, year=2025), "wrong_year"),
    }


@pytest.mark.parametrize("case", ["agency_signer", "unknown_item", "value_not_allowed", "unknown_submission", "malformed",
                                  "duplicate", "other_year"])
def test_a_hostile_appraisal_package_is_refused_with_nothing_stored(
        main: InspectionWorkspace, merge_keys: MergeKeys, tmp_path: Path, case: str) -> None:
    main.appraise("XA-001", "1.4", "2", "Hai sáng kiến")
    sub = main.submission("XA-001").manifest_sha256
    build, code = _hostile(main, sub)[case]
    pkg = build(tmp_path / f"{case}.cchc", merge_keys)
    before = state(main)
    [r] = main.import_packages([pkg.path])
    assert r.status == "refused" and code in r.codes, (r.codes, r.reasons())
    assert all(text for text in r.reasons())
    assert state(main) == before
