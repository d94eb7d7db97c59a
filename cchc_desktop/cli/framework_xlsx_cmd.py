"""`cchc framework import-xlsx` and `cchc framework export-xlsx` (docs/framework-excel.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import UserFacingError
from .common import Context, load_form


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise UserFacingError(
            f"Tệp “{path}” đã có; thêm --force để ghi đè. Không có gì thay đổi.",
            f"'{path}' already exists; add --force to overwrite it. Nothing was changed.",
        )


def import_xlsx(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.excel import InvalidXlsxFramework, save_framework_json
    from ..core.excel import import_xlsx as read_table
    from ..core.framework.load import parse_framework
    from .framework_cmd import counts

    src, out = Path(args.xlsx), Path(args.output)
    _refuse_existing(out, args.force)
    try:
        result = read_table(src)
    except InvalidXlsxFramework as exc:
        ctx.err(ctx.tr(f"Bảng “{src}” chưa thành bộ tiêu chí dùng được ({len(exc.findings)} lỗi):",
                       f"The table '{src}' is not a usable framework ({len(exc.findings)} errors):"))
        for f in exc.findings:
            where = f.where_en if ctx.lang == "en" else f.where
            ctx.err(f"  - {where}: {f.en if ctx.lang == 'en' else f.vi}")
        ctx.err(ctx.tr("Không có tệp nào được ghi.", "No file was written."))
        return exc.exit_code
    fw = result.framework
    save_framework_json(fw, out, overwrite=args.force)
    written, _ = parse_framework(out.read_bytes())
    if written.sha256 != fw.sha256:  # never expected: the file must mean what was read
        raise RuntimeError(f"written framework hash {written.sha256} differs from {fw.sha256}")
    n = counts(fw)
    tr = ctx.tr
    ctx.out(tr(f"Đã đọc “{src}”: {fw.title}", f"Read '{src}': {fw.title}"))
    ctx.out(tr(
        f"{n['fields']} lĩnh vực · {n['criteria']} tiêu chí · {n['sub_criteria']} tiêu chí thành phần · "
        f"{n['leaves']} mục chấm điểm · {n['adjustments']} mục điểm thưởng/trừ",
        f"{n['fields']} fields · {n['criteria']} criteria · {n['sub_criteria']} sub-criteria · "
        f"{n['leaves']} scored items · {n['adjustments']} bonus/penalty items"))
    if result.warnings:
        nu = len(result.not_understood)
        ctx.out(tr(f"Cảnh báo ({len(result.warnings)}, trong đó {nu} dòng cách chấm chưa hiểu):",
                   f"Warnings ({len(result.warnings)}, {nu} scoring lines not understood):"))
        for w in result.warnings:
            ctx.out(f"  - {w.cell}: {w.en if ctx.lang == 'en' else w.vi}")
    ctx.out(tr(f"Đã ghi “{out}”.", f"Wrote '{out}'."))
    ctx.out(f"SHA-256: {fw.sha256}")
    return 0


def export_xlsx(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.excel import export_xlsx as write_table

    fw = load_form(args.form, ctx)
    out = Path(args.output)
    if out.suffix.lower() != ".xlsx":
        raise UserFacingError(f"Tên tệp “{out}” phải có đuôi .xlsx.", f"'{out}' must end in .xlsx.")
    _refuse_existing(out, args.force)
    write_table(fw, out)
    items = sum(1 for _ in fw.walk())
    ctx.out(ctx.tr(f"Đã ghi “{out}”: {fw.title} ({items} dòng tiêu chí).",
                   f"Wrote '{out}': {fw.title} ({items} item rows)."))
    ctx.out(f"SHA-256: {fw.sha256}")
    return 0
