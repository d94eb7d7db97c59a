"""Sequence rules: the same package twice, an older submission after a newer one, two different
packages with the same sequence, and a gap in the chain."""

from __future__ import annotations

import shutil
from pathlib import Path

from cchc_desktop.core.services.export import export_submission

from .helpers import snapshot


def test_identical_reimport_is_already_imported_and_changes_nothing(cli, council, agency_folder, open_agency, keys,
                                                                     tmp_path: Path) -> None:
    agency = open_agency(agency_folder())
    pkg = export_submission(agency, tmp_path / "p.cchc", keys.a).package
    ws = council()
    assert ws.import_packages([pkg.path])[0].status == "imported"
    copy = tmp_path / "ban-sao" / "cung-goi.cchc"
    copy.parent.mkdir()
    shutil.copy(pkg.path, copy)
    before = snapshot(ws.folder)
    results = ws.import_packages([pkg.path, copy])
    assert [r.status for r in results] == ["already_imported", "already_imported"]
    assert all(r.ok and r.sequence == 1 and r.agency_code == "XA-001" for r in results)
    assert snapshot(ws.folder) == before
    r = cli("inspect", "import", ws.folder, copy)
    assert r.code == 0, r.err
    assert "✔ XA-001 lần nộp 1: đã nhập từ trước, không nhập lại (cung-goi.cchc)" in r.out
    assert snapshot(ws.folder) == before


def test_older_sequence_after_newer_is_refused_as_replay(cli, council, agency_folder, open_agency, keys, tmp_path: Path) -> None:
    agency = open_agency(agency_folder())
    first = export_submission(agency, tmp_path / "lan-1.cchc", keys.a)
    agency.set_note("1.3", "Bổ sung thuyết minh sau lần nộp 1")
    second = export_submission(agency, tmp_path / "lan-2.cchc", keys.a)
    assert (first.sequence, second.sequence, second.previous_sha256) == (1, 2, first.package.manifest_sha256)
    ws = council()
    [r2] = ws.import_packages([second.package.path])
    assert r2.status == "imported" and not r2.chain_gap and r2.notes == ()
    before = snapshot(ws.folder)
    [r1] = ws.import_packages([first.package.path])
    assert r1.status == "refused" and r1.codes == ("replay",) and r1.sequence == 1
    assert "lần nộp 2 mới hơn" in r1.reasons()[0] and "chống phát lại" in r1.reasons()[0]
    assert "Replay" in r1.reasons("en")[0]
    assert snapshot(ws.folder) == before
    r = cli("inspect", "import", ws.folder, first.package.path)
    assert r.code == 1
    assert "✘ lan-1.cchc: bị từ chối — Gói cũ: đây là lần nộp 1" in r.out
    assert snapshot(ws.folder) == before


def test_in_order_import_keeps_the_chain(council, agency_folder, open_agency, keys, tmp_path: Path) -> None:
    agency = open_agency(agency_folder())
    paths = []
    for n in (1, 2, 3):
        agency.set_note("1.3", f"Thuyết minh lần {n}")
        paths.append(export_submission(agency, tmp_path / f"lan-{n}.cchc", keys.a).package.path)
    ws = council()
    results = ws.import_packages([paths[0], paths[2]])  # submission 2 never reached the council
    assert [r.status for r in results] == ["imported", "imported"]
    assert not results[0].chain_gap and results[1].chain_gap and results[1].codes == ("chain_gap",)
    assert "Đứt chuỗi" in results[1].reasons()[0] and "(2)" in results[1].reasons()[0]
    # 2 arrives late: older than 3, refused as a replay; the gap stays noted on 3.
    [late] = ws.import_packages([paths[1]])
    assert late.status == "refused" and late.codes == ("replay",)
    assert [(p.sequence, p.chain_gap) for p in ws.packages()] == [(1, False), (3, True)]


def test_same_sequence_different_content_is_a_conflict(council, agency_folder, open_agency, keys, tmp_path: Path) -> None:
    folder = agency_folder()
    twin = tmp_path / "ban-sao-co-quan"
    shutil.copytree(folder, twin)
    one, other = open_agency(folder), open_agency(twin)
    other.set_note("1.4", "Một bản khác của cùng hồ sơ")
    a = export_submission(one, tmp_path / "ban-a.cchc", keys.a).package
    b = export_submission(other, tmp_path / "ban-b.cchc", keys.a).package
    assert a.manifest_sha256 != b.manifest_sha256
    ws = council()
    assert ws.import_packages([a.path])[0].status == "imported"
    before = snapshot(ws.folder)
    [r] = ws.import_packages([b.path])
    assert r.status == "refused" and r.codes == ("conflict",) and r.sequence == 1
    assert "Xung đột" in r.reasons()[0] and "ban-a.cchc" in r.reasons()[0]
    assert snapshot(ws.folder) == before
    assert [p.manifest_sha256 for p in ws.packages()] == [a.manifest_sha256]
