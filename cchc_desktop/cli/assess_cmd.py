"""`cchc assess fill` and `cchc assess score` (agency self-assessment)."""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.framework.codes import display_code
from ..core.framework.model import Item, Scorer
from ..core.scoring.engine import Answer, ScoreSheet
from ..core.scoring.rules import Ratio
from ..core.services.agency import AgencyWorkspace
from .common import Context, human, num
from .workspace_cmd import info_document


def value_json(value: Any) -> Any:
    """An answer value in --json output: as in the answers file, decimals as strings."""
    if isinstance(value, Ratio):
        return {"numerator": value.numerator, "denominator": value.denominator}
    if isinstance(value, Decimal):
        return num(value)
    return value


def leaf_status(item: Item, answer: Answer | None) -> str:
    if answer is not None and answer.not_applicable and item.na_mode is not None:
        return "not_applicable"
    if item.scorer in (Scorer.COUNCIL, Scorer.SURVEY):
        return "pending"
    if answer is None or answer.value is None:
        return "unanswered"
    return "answered"


def score_document(ws: AgencyWorkspace, sheet: ScoreSheet, lang: str) -> dict[str, Any]:
    """The `assess score --json` shape (docs/cli.md)."""
    fw = ws.framework
    answers = ws.answers()
    titles = {i.code: i.title for i in fw.walk()}
    items = []
    for item in fw.walk():
        n = sheet.node(item.code)
        a = answers.get(item.code)
        items.append({
            "code": item.code,
            "display_code": display_code(item.code),
            "title": item.title,
            "depth": item.depth,
            "leaf": item.is_leaf,
            "kind": item.rule.kind if item.rule is not None else None,
            "scorer": item.scorer.value if item.scorer is not None else None,
            "max": num(n.max_points),
            "applicable_max": num(n.applicable_max),
            "assessable_max": num(n.assessable_max),
            "points": num(n.points),
            "answered": n.answered,
            "to_answer": n.to_answer,
            "status": leaf_status(item, a) if item.is_leaf else None,
            "value": value_json(a.value) if (a is not None and item.is_leaf) else None,
            "not_applicable_reason": a.na_reason if (a is not None and a.not_applicable) else None,
            "note": a.note if a is not None else "",
            "evidence_count": a.evidence_count if a is not None else 0,
        })
    return {
        "workspace": info_document(ws),
        "fields": [
            {
                "code": f.code,
                "display_code": display_code(f.code),
                "title": titles[f.code],
                "max": num(f.max_points),
                "applicable_max": num(f.applicable_max),
                "assessable_max": num(f.assessable_max),
                "points": num(f.points),
                "answered": f.answered,
                "to_answer": f.to_answer,
            }
            for f in sheet.fields
        ],
        "adjustments": [
            {"code": a.code, "title": a.title, "kind": a.rule.kind if a.rule else None,
             "max": num(a.max_points), "points": num(sheet.node(a.code).points)}
            for a in fw.adjustments
        ],
        "total": {
            "base_points": num(sheet.base_points),
            "bonus": num(sheet.bonus),
            "bonus_cap": num(fw.bonus_cap),
            "penalty": num(sheet.penalty),
            "penalty_cap": num(fw.penalty_cap),
            "final_points": num(sheet.final_points),
            "max": num(sheet.max_points),
            "applicable_max": num(sheet.applicable_max),
            "assessable_max": num(sheet.assessable_max),
            "percent": num(sheet.percent),
            "category": None if sheet.category is None else {"key": sheet.category.key, "name": sheet.category.name},
        },
        "progress": {"answered": sheet.answered, "to_answer": sheet.to_answer, "complete": sheet.answered == sheet.to_answer},
        "problems": [{"code": p.code, "kind": p.kind, "message": p.en if lang == "en" else p.vi} for p in sheet.problems],
        "items": items,
    }


def total_line(ctx: Context, sheet: ScoreSheet) -> str:
    lang = ctx.lang
    cat = sheet.category.name if sheet.category else ctx.tr("chưa xếp loại", "no category")
    return ctx.tr(
        f"Tổng điểm tự đánh giá: {human(sheet.final_points, lang)} / {human(sheet.assessable_max, lang)} điểm chấm được "
        f"= {human(sheet.percent, lang)}% → xếp loại dự kiến: {cat}",
        f"Self-assessed total: {human(sheet.final_points, lang)} / {human(sheet.assessable_max, lang)} assessable points "
        f"= {human(sheet.percent, lang)}% → projected category: {cat}",
    )


def fill(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.answers_file import fill as fill_answers

    with AgencyWorkspace.open(args.dir) as ws:
        changes = fill_answers(ws, Path(args.answers))
        sheet = ws.score()
    codes = sorted(changes.items, key=_sort_key)
    if codes:
        ctx.out(ctx.tr(f"Đã cập nhật {len(codes)} mục: {', '.join(codes)}.", f"Updated {len(codes)} items: {', '.join(codes)}."))
    else:
        ctx.out(ctx.tr("Không có gì thay đổi: tệp trùng với dữ liệu đã có.", "Nothing changed: the file matches the stored data."))
    ctx.out(total_line(ctx, sheet))
    ctx.out(ctx.tr(f"Tiến độ: đã nhập {sheet.answered}/{sheet.to_answer} mục; cần xử lý: {len(sheet.problems)}.",
                   f"Progress: {sheet.answered}/{sheet.to_answer} answered; problems: {len(sheet.problems)}."))
    return 0


def _sort_key(code: str) -> tuple[object, ...]:
    from ..core.framework.codes import sort_key

    return sort_key(code)


def score(args: argparse.Namespace, ctx: Context) -> int:
    with AgencyWorkspace.open(args.dir) as ws:
        sheet = ws.score()
        if args.json:
            ctx.json(score_document(ws, sheet, ctx.lang))
            return 0
        from .score_table import print_score

        print_score(ctx, ws, sheet)
    return 0


def next_year(args: argparse.Namespace, ctx: Context) -> int:
    """`assess next-year DIR --framework FORM [--trust TRUST]`: this year's assessment from last year's."""
    from .workspace_cmd import print_trust, select_framework

    choice = select_framework(args, ctx)
    with AgencyWorkspace.open(args.dir) as ws:
        result = ws.start_next_year(choice.framework, choice.trust)
        info = ws.info()
        trust = ws.framework_trust
    ctx.out(ctx.tr(
        f"Đã bắt đầu năm {result.year} từ năm {result.from_year} trong “{info.folder}” (năm {result.from_year} vẫn xem được).",
        f"Started {result.year} from {result.from_year} in '{info.folder}' ({result.from_year} stays readable).",
    ))
    ctx.out(ctx.tr(f"  Bộ tiêu chí: {info.framework_title} ({info.framework_id})",
                   f"  Framework: {info.framework_title} ({info.framework_id})"))
    print_trust(ctx, trust)
    ctx.out(ctx.tr(
        f"  Mang sang {result.notes} thuyết minh và {result.documents} tài liệu kiểm chứng cho {len(result.carried)} mục "
        "(mã và tên tiêu chí giống năm trước); kết quả chấm không mang sang.",
        f"  Carried {result.notes} explanations and {result.documents} evidence documents to {len(result.carried)} items "
        "(same code and title as last year); results are not carried.",
    ))
    if result.carried:
        ctx.out(ctx.tr(f"  Cần xác nhận: {', '.join(result.carried)} (cchc assess confirm, hoặc sửa lại từng mục).",
                       f"  To confirm: {', '.join(result.carried)} (cchc assess confirm, or edit each item)."))
    if result.not_carried:
        ctx.out(ctx.tr(f"  Không mang sang (mã hoặc tên tiêu chí đã đổi): {', '.join(result.not_carried)}.",
                       f"  Not carried (code or title changed): {', '.join(result.not_carried)}."))
    return 0


def confirm(args: argparse.Namespace, ctx: Context) -> int:
    """`assess confirm DIR CODE... | --all`: confirm items carried over from the previous year."""
    from ..core.errors import UserFacingError

    with AgencyWorkspace.open(args.dir) as ws:
        carried = ws.carried()
        codes = sorted(carried, key=_sort_key) if args.all else list(args.codes or [])
        if not codes and not args.all:
            raise UserFacingError("Hãy nêu mã các mục cần xác nhận, hoặc --all.", "Name the items to confirm, or --all.")
        unknown = [c for c in codes if c not in carried]
        if unknown:
            raise UserFacingError(
                f"Các mục sau không có gì cần xác nhận: {', '.join(unknown)}. Không có gì thay đổi.",
                f"Nothing to confirm for: {', '.join(unknown)}. Nothing was changed.",
            )
        for code in codes:
            ws.confirm(code)
        left = len(ws.carried())
    ctx.out(ctx.tr(f"Đã xác nhận {len(codes)} mục; còn {left} mục cần xác nhận.",
                   f"Confirmed {len(codes)} items; {left} left to confirm."))
    return 0
