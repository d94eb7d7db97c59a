"""`cchc framework check` and `cchc framework show`."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from ..core.errors import InvalidFramework
from ..core.framework.codes import display_code
from ..core.framework.load import parse_framework
from ..core.framework.model import Framework, Item, Scorer
from ..core.framework.validate import FrameworkProblem
from .common import Context, clip, human, num, print_framework_problems, read_framework_bytes, resolve_form, table, where_text
from .describe import framework_document, level_name


def counts(fw: Framework) -> dict[str, Any]:
    items = [i for f in fw.fields for i in f.walk()]
    leaves = [i for i in items if i.is_leaf]
    return {
        "fields": len(fw.fields),
        "criteria": sum(1 for i in items if i.depth == 2),
        "sub_criteria": sum(1 for i in items if i.depth >= 3),
        "leaves": len(leaves),
        "adjustments": len(fw.adjustments),
        "by_scorer": {s.value: sum(1 for i in leaves if i.scorer is s) for s in Scorer},
    }


def _problems(problems: list[FrameworkProblem], lang: str) -> list[dict[str, str]]:
    return [{"where": where_text(p.where, lang), "message": p.en if lang == "en" else p.vi} for p in problems]


def check_document(path: str, fw: Framework | None, errors: list[FrameworkProblem],
                   warnings: list[FrameworkProblem], lang: str) -> dict[str, Any]:
    """The `framework check --json` shape (docs/cli.md); keys are present even when unknown."""
    return {
        "ok": fw is not None and not errors,
        "file": path,
        "id": fw.id if fw else None,
        "title": fw.title if fw else None,
        "level": fw.level.value if fw else None,
        "year": fw.year if fw else None,
        "sample": fw.sample if fw else None,
        "sha256": fw.sha256 if fw else None,
        "total": num(fw.total) if fw else None,
        "fields_total": num(sum((f.max_points for f in fw.fields), Decimal(0))) if fw else None,
        "bonus_cap": num(fw.bonus_cap) if fw else None,
        "penalty_cap": num(fw.penalty_cap) if fw else None,
        "fields": [
            {"code": f.code, "display_code": display_code(f.code), "title": f.title, "max": num(f.max_points)}
            for f in (fw.fields if fw else ())
        ],
        "categories": [
            {"key": c.key, "name": c.name, "min_percent": num(c.min_percent)} for c in (fw.categories if fw else ())
        ],
        "counts": counts(fw) if fw else None,
        "errors": _problems(errors, lang),
        "warnings": _problems(warnings, lang),
    }


def _summary(ctx: Context, fw: Framework) -> None:
    tr, lang = ctx.tr, ctx.lang
    sample = tr("  [BẢN MẪU]", "  [SAMPLE]") if fw.sample else ""
    ctx.out(tr("Bộ tiêu chí: ", "Framework: ") + fw.title + sample)
    ctx.out(tr(f"Mã: {fw.id} · Cấp: {level_name(fw, lang)} ({fw.level.value}) · Năm: {fw.year}",
               f"Id: {fw.id} · Level: {level_name(fw, lang)} ({fw.level.value}) · Year: {fw.year}"))
    lb = fw.legal_basis
    if lb.number or lb.issuer:
        date = lb.date
        if len(date) == 10 and date[4] == "-" and date[7] == "-":  # ISO -> dd/mm/yyyy as documents write it
            date = f"{date[8:]}/{date[5:7]}/{date[:4]}"
        parts = [lb.number]
        parts += [tr(f"ngày {date}", f"of {date}")] if date else []
        parts += [tr(f"của {lb.issuer}", f"by {lb.issuer}")] if lb.issuer else []
        ctx.out(tr("Căn cứ: ", "Legal basis: ") + " ".join(p for p in parts if p))
    ctx.out(f"SHA-256: {fw.sha256}")
    ctx.out(tr("Điểm tối đa theo lĩnh vực:", "Max points per field:"))
    rows = [[display_code(f.code), clip(f.title, 60), human(f.max_points, lang)] for f in fw.fields]
    fields_sum = sum((f.max_points for f in fw.fields), Decimal(0))
    total = human(fields_sum, lang)
    if fields_sum != fw.total:
        total += tr(f" (khai báo: {human(fw.total, lang)})", f" (declared: {human(fw.total, lang)})")
    rows.append(["", tr("Tổng", "Total"), total])
    for line in table(rows, "llr"):
        ctx.out("  " + line)
    if fw.adjustments or fw.bonus_cap or fw.penalty_cap:
        ctx.out(tr(f"Điểm thưởng tối đa {human(fw.bonus_cap, lang)} · điểm trừ tối đa {human(fw.penalty_cap, lang)}",
                   f"Bonus cap {human(fw.bonus_cap, lang)} · penalty cap {human(fw.penalty_cap, lang)}"))
    if fw.categories:
        ctx.out(tr("Xếp loại: ", "Categories: ") + " · ".join(f"{c.name} ≥ {human(c.min_percent, lang)}%" for c in fw.categories))
    n = counts(fw)
    s = n["by_scorer"]
    ctx.out(tr(
        f"Số mục: {n['fields']} lĩnh vực · {n['criteria']} tiêu chí · {n['sub_criteria']} tiêu chí thành phần · "
        f"{n['leaves']} mục chấm điểm (cơ quan tự chấm {s['agency']}, Hội đồng chấm {s['council']}, "
        f"điều tra xã hội học {s['survey']}) · {n['adjustments']} mục điểm thưởng/trừ",
        f"Items: {n['fields']} fields · {n['criteria']} criteria · {n['sub_criteria']} sub-criteria · "
        f"{n['leaves']} scored items (agency {s['agency']}, council {s['council']}, survey {s['survey']}) · "
        f"{n['adjustments']} bonus/penalty items",
    ))


def check(args: argparse.Namespace, ctx: Context) -> int:
    path = resolve_form(args.form, ctx)
    data = read_framework_bytes(path)
    try:
        fw, findings = parse_framework(data, strict=False)
    except InvalidFramework as exc:
        if args.json:
            ctx.json(check_document(str(path), None, exc.problems, [], ctx.lang))
        else:
            ctx.out(ctx.tr(f"Tệp: {path}", f"File: {path}"))
            ctx.out(ctx.tr("Kết quả: KHÔNG hợp lệ.", "Result: INVALID."))
        print_framework_problems(ctx, exc.problems, str(path))
        return exc.exit_code
    errors = [p for p in findings if not p.warning]
    warnings = [p for p in findings if p.warning]
    if args.json:
        ctx.json(check_document(str(path), fw, errors, warnings, ctx.lang))
    else:
        _summary(ctx, fw)
        if warnings:
            ctx.out(ctx.tr(f"Cảnh báo ({len(warnings)}):", f"Warnings ({len(warnings)}):"))
            for w in warnings:
                ctx.out(f"  - {where_text(w.where, ctx.lang)}: {w.en if ctx.lang == 'en' else w.vi}")
        if errors:
            ctx.out(ctx.tr(f"Kết quả: KHÔNG hợp lệ ({len(errors)} lỗi, liệt kê ở luồng lỗi).",
                           f"Result: INVALID ({len(errors)} errors, listed on stderr)."))
        else:
            ctx.out(ctx.tr("Kết quả: hợp lệ.", "Result: valid."))
    if errors:
        print_framework_problems(ctx, errors, str(path))
        return InvalidFramework.exit_code
    return 0


def _show_item(ctx: Context, item: Item, indent: int) -> None:
    from .describe import rule_text

    tr, lang = ctx.tr, ctx.lang
    pad = "  " * indent
    ctx.out(f"{pad}{display_code(item.code)}  {item.title} — {tr('tối đa', 'max')} {human(item.max_points, lang)}")
    if item.rule is not None:
        ctx.out(f"{pad}    {rule_text(item, lang)}")
    notes = []
    if item.na_mode is not None:
        full = item.na_mode.value == "full"
        mode = tr("tính đủ điểm", "full points") if full else tr("loại khỏi điểm tối đa", "excluded from the max")
        label = f" “{item.na_label}”" if item.na_label else ""
        notes.append(tr(f"cho phép không áp dụng{label}: {mode}", f"may be not applicable{label}: {mode}"))
    if item.evidence.required:
        hint = f": {item.evidence.hint}" if item.evidence.hint else ""
        notes.append(tr(f"cần tài liệu kiểm chứng{hint}", f"evidence required{hint}"))
    if notes:
        ctx.out(f"{pad}    [" + "; ".join(notes) + "]")
    for child in item.children:
        _show_item(ctx, child, indent + 1)


def show(args: argparse.Namespace, ctx: Context) -> int:
    from .common import load_form

    fw = load_form(args.form, ctx)
    if args.json:
        ctx.json(framework_document(fw, ctx.lang))
        return 0
    sample = ctx.tr("  [BẢN MẪU]", "  [SAMPLE]") if fw.sample else ""
    ctx.out(f"{fw.title}{sample}")
    total = f"{ctx.tr('tổng', 'total')} {human(fw.total, ctx.lang)}"
    ctx.out(f"{fw.id} · {level_name(fw, ctx.lang)} · {fw.year} · {total} · SHA-256 {fw.sha256}")
    for f in fw.fields:
        ctx.out()
        _show_item(ctx, f, 0)
    if fw.adjustments:
        ctx.out()
        ctx.out(ctx.tr(f"Điểm thưởng (tối đa {human(fw.bonus_cap, ctx.lang)}) / điểm trừ (tối đa {human(fw.penalty_cap, ctx.lang)}):",
                       f"Bonus (cap {human(fw.bonus_cap, ctx.lang)}) / penalty (cap {human(fw.penalty_cap, ctx.lang)}):"))
        for a in fw.adjustments:
            _show_item(ctx, a, 1)
    return 0
