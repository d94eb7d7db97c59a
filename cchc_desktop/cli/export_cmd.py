"""`cchc inspect export DIR [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--agency-pdfs DIR] [--digest [--json]]`:
the council's reports (docs/reports.md, "Council reports"; docs/cli.md).

`add_export_command` adds the command to the `inspect` group (same style as
appraise_cmd.add_appraisal_commands); the services are imported only when it runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ..core.errors import UserFacingError
from .common import Context


def add_export_command(ins: Any, command: Callable[..., Any], tr: Callable[[str, str], str]) -> None:
    c = command(ins, "export",
                "Xuất báo cáo của Hội đồng: bảng xếp hạng Excel, báo cáo công bố PDF, PDF kết quả thẩm định từng cơ quan.",
                "Export the council's reports: the ranking workbook, the publication PDF, one appraisal PDF per agency.",
                export)
    c.add_argument("dir", metavar="DIR", help=tr("không gian làm việc của Hội đồng", "the council's workspace"))
    c.add_argument("--xlsx", metavar="OUT.xlsx", help=tr(
        "bảng xếp hạng Excel: xếp hạng, theo lĩnh vực, theo tiêu chí, chi tiết thẩm định",
        "the ranking workbook: ranking, per field, per criterion, appraisal details"))
    c.add_argument("--pdf", metavar="OUT.pdf", help=tr(
        "báo cáo công bố kết quả (PDF, thể thức văn bản hành chính)", "the publication report (PDF, state-document layout)"))
    c.add_argument("--agency-pdfs", metavar="DIR", help=tr(
        "thư mục ghi PDF kết quả thẩm định của từng cơ quan (tạo mới nếu chưa có)",
        "folder for one appraisal PDF per agency (created if missing)"))
    c.add_argument("--agency", action="append", metavar="CODE", help=tr(
        "chỉ PDF của cơ quan này (lặp lại cho nhiều cơ quan)", "only this agency's PDF (repeat for several)"))
    c.add_argument("--digest", action="store_true", help=tr(
        "in mã kiểm tra (SHA-256) của kết quả xếp hạng và dữ liệu để tính lại (docs/reports.md)",
        "print the round digest (SHA-256) and the canonical data it hashes (docs/reports.md)"))
    c.add_argument("--json", action="store_true", help=tr("in kết quả dạng JSON (cấu trúc ổn định, xem docs/cli.md)",
                                                          "print JSON (stable shape, see docs/cli.md)"))
    for name, vi, en in (("--superior", "cơ quan chủ quản in phía trên (mặc định: như lần xuất trước, hoặc “UBND TỈNH ……”)",
                          "the superior body printed on top (default: as last time, or 'UBND TỈNH ……')"),
                         ("--body", "tên Hội đồng ban hành (mặc định: như lần xuất trước, hoặc “HỘI ĐỒNG THẨM ĐỊNH”)",
                          "the issuing body (default: as last time, or 'HỘI ĐỒNG THẨM ĐỊNH')"),
                         ("--place", "địa danh ở dòng ngày tháng (mặc định: để trống để ghi tay)",
                          "the place on the date line (default: blank, to fill by hand)"),
                         ("--signer", "họ tên người ký (mặc định: để trống)", "the signer's name (default: blank)")):
        c.add_argument(name, metavar="NAME", help=tr(vi, en))


def export(args: argparse.Namespace, ctx: Context) -> int:
    """Write the chosen outputs (each complete under its final name, or none) and/or print the digest."""
    from dataclasses import replace

    from ..core.services.council_reports import (
        council_report_data,
        council_report_options,
        export_council_reports,
    )
    from ..core.services.inspection import InspectionWorkspace

    xlsx, pdf, folder = getattr(args, "xlsx", None), getattr(args, "pdf", None), getattr(args, "agency_pdfs", None)
    digest_only = bool(getattr(args, "digest", False)) and not (xlsx or pdf or folder)
    if getattr(args, "agency", None) and not folder:
        raise UserFacingError("--agency chỉ dùng cùng với --agency-pdfs THU_MUC.", "--agency needs --agency-pdfs FOLDER.")
    if not (xlsx or pdf or folder or getattr(args, "digest", False)):
        raise UserFacingError(
            "Hãy chọn ít nhất một đầu ra: --xlsx BANG_XEP_HANG.xlsx, --pdf BAO_CAO.pdf, --agency-pdfs THU_MUC "
            "hoặc --digest. Không có gì được tạo.",
            "Choose at least one output: --xlsx RANKING.xlsx, --pdf REPORT.pdf, --agency-pdfs FOLDER or --digest. "
            "Nothing was written.")
    with InspectionWorkspace.open(args.dir) as ws:
        options = council_report_options(ws)
        overrides: dict[str, Any] = {k: v for k in ("superior", "body", "place", "signer")
                                     if (v := getattr(args, k, None)) is not None}
        options = replace(options, **overrides)
        if digest_only:
            data = council_report_data(ws, options)
            digest, document, result = data.digest, dict(data.digest_document), None
        else:
            result = export_council_reports(ws, xlsx, pdf, folder, options, agencies=getattr(args, "agency", None))
            digest, document = result.digest, result.digest_document
    if args.json:
        doc: dict[str, Any] = {"digest": {"sha256": digest, "document": document}}
        if result is not None:
            doc.update({
                "xlsx": None if result.xlsx is None else str(result.xlsx),
                "pdf": None if result.pdf is None else str(result.pdf),
                "agency_pdfs": [{"agency_code": a.agency_code, "file": str(a.path), "issued": a.issued, "sha256": a.sha256}
                                for a in result.agency_pdfs],
                "ranked": result.ranked,
            })
        ctx.json(doc)
        return 0
    tr = ctx.tr
    if result is not None:
        if result.xlsx is not None:
            ctx.out(tr(f"Đã tạo bảng xếp hạng Excel: {result.xlsx}", f"Wrote the ranking workbook: {result.xlsx}"))
        if result.pdf is not None:
            ctx.out(tr(f"Đã tạo báo cáo công bố PDF: {result.pdf}", f"Wrote the publication PDF: {result.pdf}"))
        if folder:
            n = len(result.agency_pdfs)
            ctx.out(tr(f"Đã tạo {n} PDF kết quả thẩm định trong “{folder}”: {result.issued} mang mã gói kết quả đã ban hành, "
                       f"{result.drafts} là dự thảo (chưa ban hành kết quả, mang mã gói hồ sơ).",
                       f"Wrote {n} appraisal PDFs into '{folder}': {result.issued} carry an issued result package's hash, "
                       f"{result.drafts} are drafts (no result issued; they carry the submission's hash)."))
        ctx.out(tr(f"{result.ranked} cơ quan được xếp hạng.", f"{result.ranked} agencies ranked."))
    ctx.out(tr(f"Mã kiểm tra kết quả xếp hạng (SHA-256, in ở chân mỗi trang báo cáo công bố): {digest}",
               f"Round digest (SHA-256, in every footer of the publication report): {digest}"))
    if getattr(args, "digest", False):
        from ..core.reports.council_model import canonical_bytes

        ctx.out(tr("Dữ liệu chuẩn hóa được băm (JSON, UTF-8):", "Canonical data hashed (JSON, UTF-8):"))
        ctx.out(canonical_bytes(document).decode("utf-8"))
    return 0
