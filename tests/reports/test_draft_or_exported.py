"""The hash a report carries: the manifest SHA-256 of the last exported package while the answers are
exactly what was exported, otherwise a draft with the current content's hash."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from cchc_desktop.core.services.agency_report import build_agency_report, current_content_sha256, report_stamp
from cchc_desktop.core.services.export import export_submission

from .helpers import page_count, pdftotext

pytestmark = pytest.mark.usefixtures("poppler")


def manifest_sha256(pkg: Path) -> str:
    with zipfile.ZipFile(pkg) as zf:
        return hashlib.sha256(zf.read("manifest.json")).hexdigest()


def footers(pdf: Path) -> list[str]:
    return [" ".join(pdftotext(pdf, p).split()) for p in range(1, page_count(pdf) + 1)]


def test_a_report_after_an_export_carries_the_package_hash_until_an_edit(filled_mini, keys, tmp_path: Path) -> None:
    ws = filled_mini
    draft = report_stamp(ws)
    assert not draft.exported and draft.sequence == 0 and draft.last_sequence == 0
    assert draft.sha256 == draft.content_sha256 == current_content_sha256(ws)

    pkg = export_submission(ws, tmp_path / "XA-001-lan-1.cchc", keys.a).package.path
    sha = manifest_sha256(pkg)
    stamp = report_stamp(ws)
    assert stamp.exported and stamp.sha256 == sha and stamp.sequence == 1
    assert stamp.content_sha256 == draft.content_sha256  # exporting changed nothing of the content

    pdf, xlsx = tmp_path / "da-nop.pdf", tmp_path / "da-nop.xlsx"
    result = build_agency_report(ws, pdf, xlsx)
    assert result.stamp == stamp
    pages = footers(pdf)
    for n, text in enumerate(pages, start=1):
        assert f"Mã gói: {sha}" in text, n
        assert f"Trang {n}/{len(pages)}" in text and "gói nộp lần 1" in text
        assert "BẢN NHÁP" not in text
    import openpyxl

    sheet = openpyxl.load_workbook(xlsx)["Bảng điểm"]
    assert sheet["A3"].value == f"Mã gói: {sha}" and sha in sheet.oddFooter.left.text

    # An edit that leaves the score alone is still a change: a draft again, with a new content hash.
    ws.set_note("1.3", "Đã tuyên truyền trên loa truyền thanh")
    edited = report_stamp(ws)
    assert not edited.exported and edited.last_sequence == 1 and edited.sha256 != draft.sha256
    build_agency_report(ws, pdf)  # the same name: replaced
    for n, text in enumerate(footers(pdf), start=1):
        assert f"BẢN NHÁP — chưa xuất gói; mã nội dung: {edited.sha256}" in text, n
        assert sha not in text
        assert "nội dung đã thay đổi sau gói nộp lần 1" in text

    # Undone, the content is again exactly what was exported.
    ws.undo()
    assert report_stamp(ws) == stamp


def test_the_last_package_counts_not_an_earlier_one(filled_mini, keys, tmp_path: Path) -> None:
    ws = filled_mini
    first = manifest_sha256(export_submission(ws, tmp_path / "lan-1.cchc", keys.a).package.path)
    ws.set_value("1.2", 2)
    second = manifest_sha256(export_submission(ws, tmp_path / "lan-2.cchc", keys.a).package.path)
    assert report_stamp(ws).sha256 == second and report_stamp(ws).sequence == 2
    ws.set_value("1.2", 1)  # back to what package 1 holds: still not the last package's content
    stamp = report_stamp(ws)
    assert not stamp.exported and stamp.sha256 not in (first, second) and stamp.last_sequence == 2


def test_building_a_report_writes_nothing_into_the_workspace(filled_mini, ws_snapshot, tmp_path: Path) -> None:
    """A report is read-only for the assessment; saved options are workspace settings, not edits."""
    from cchc_desktop.core.services.agency_report import ReportOptions, report_options, save_report_options

    before = ws_snapshot(filled_mini)
    build_agency_report(filled_mini, tmp_path / "a.pdf", tmp_path / "a.xlsx")
    assert ws_snapshot(filled_mini) == before
    opts = ReportOptions(superior="UBND huyện Thử", place="Thử Nghiệm", signer="Nguyễn Văn Một", difficulties="Thiếu người.",
                         recipients=("Sở Nội vụ", "UBND huyện"))
    stamp = report_stamp(filled_mini)
    save_report_options(filled_mini, opts)
    assert report_options(filled_mini) == opts and report_stamp(filled_mini) == stamp
    after = ws_snapshot(filled_mini)
    assert after["rows"]["change_log"] == before["rows"]["change_log"] and after["score"] == before["score"]
