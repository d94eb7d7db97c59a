"""`cchc assess report DIR --pdf OUT.pdf --xlsx OUT.xlsx`: the agency's self-assessment report
(PDF, state-document layout) and score sheet (Excel).  docs/reports.md describes both."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.errors import UserFacingError
from .common import Context


def add_report_arguments(parser: argparse.ArgumentParser, tr: Callable[[str, str], str]) -> None:
    """The arguments of `assess report` (the parser module wires the command to `report`)."""
    parser.add_argument("dir", metavar="DIR", help=tr("không gian làm việc của cơ quan", "the agency workspace"))
    parser.add_argument("--pdf", metavar="OUT.pdf", help=tr("báo cáo tự đánh giá (PDF, thể thức văn bản hành chính)",
                                                            "the self-assessment report (PDF, state-document layout)"))
    parser.add_argument("--xlsx", metavar="OUT.xlsx", help=tr("bảng điểm tự đánh giá (Excel)", "the score sheet (Excel)"))
    parser.add_argument("--superior", metavar="NAME", help=tr(
        "cơ quan chủ quản in phía trên tên cơ quan (mặc định: như lần in trước, hoặc không có)",
        "the superior body printed above the agency's name (default: as last time, or none)"))
    parser.add_argument("--place", metavar="NAME", help=tr("địa danh ở dòng ngày tháng (mặc định: để trống để ghi tay)",
                                                           "the place on the date line (default: blank, to fill by hand)"))
    parser.add_argument("--signer", metavar="NAME", help=tr("họ tên người ký (mặc định: để trống)",
                                                            "the signer's name (default: blank)"))


def report(args: argparse.Namespace, ctx: Context) -> int:
    """Write the PDF and/or the Excel file; each is complete under its final name or not there."""
    from dataclasses import replace

    from ..core.services.agency import AgencyWorkspace
    from ..core.services.agency_report import build_agency_report, report_options

    pdf, xlsx = getattr(args, "pdf", None), getattr(args, "xlsx", None)
    if not pdf and not xlsx:
        raise UserFacingError(
            "Hãy chọn ít nhất một tệp cần tạo: --pdf BAO_CAO.pdf (báo cáo) và/hoặc --xlsx BANG_DIEM.xlsx (bảng điểm). "
            "Không có gì được tạo.",
            "Choose at least one output: --pdf REPORT.pdf and/or --xlsx SCORES.xlsx. Nothing was written.",
        )
    with AgencyWorkspace.open(args.dir) as ws:
        options = report_options(ws)
        overrides: dict[str, Any] = {k: v for k in ("superior", "place", "signer") if (v := getattr(args, k, None)) is not None}
        result = build_agency_report(ws, Path(pdf) if pdf else None, Path(xlsx) if xlsx else None,
                                     replace(options, **overrides))  # under a second: no progress display
    if result.pdf is not None:
        ctx.out(ctx.tr(f"Đã tạo báo cáo PDF: {result.pdf}", f"Wrote the PDF report: {result.pdf}"))
    if result.xlsx is not None:
        ctx.out(ctx.tr(f"Đã tạo bảng điểm Excel: {result.xlsx}", f"Wrote the Excel score sheet: {result.xlsx}"))
    stamp = result.stamp
    if stamp.exported:
        ctx.out(ctx.tr(f"Nội dung đúng như gói nộp lần {stamp.sequence}; mã gói (in ở chân mỗi trang): {stamp.sha256}",
                       f"Content as in submission {stamp.sequence}; package code (in every page's footer): {stamp.sha256}"))
    else:
        ctx.out(ctx.tr(
            f"BẢN NHÁP: nội dung hiện tại chưa được xuất thành gói nộp; mã nội dung: {stamp.sha256}\n"
            "Xuất gói (cchc package export) rồi tạo lại báo cáo để báo cáo mang mã gói.",
            f"DRAFT: the current content has not been exported; content code: {stamp.sha256}\n"
            "Export the package (cchc package export), then make the report again to print the package code.",
        ))
    return 0

