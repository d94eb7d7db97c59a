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
