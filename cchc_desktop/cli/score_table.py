"""The human form of `cchc assess score`: a Vietnamese table (English with --lang en)."""

from __future__ import annotations

from typing import Any

from ..core.framework.codes import display_code
from ..core.scoring.engine import ScoreSheet
from .common import Context, clip, human, table, width


def print_score(ctx: Context, ws: Any, sheet: ScoreSheet) -> None:
    from .assess_cmd import total_line

    tr, lang = ctx.tr, ctx.lang
    fw, info = ws.framework, ws.info()
    titles = {i.code: i.title for i in fw.walk()}
    ctx.out(tr(f"Tự đánh giá Chỉ số CCHC năm {info.year} — {info.agency_name} (mã {info.agency_code})",
               f"CCHC self-assessment {info.year} — {info.agency_name} (code {info.agency_code})"))
    sample = tr(", bản mẫu", ", sample") if info.framework_sample else ""
    ctx.out(tr(f"Bộ tiêu chí: {info.framework_title} ({info.framework_id}{sample})",
               f"Framework: {info.framework_title} ({info.framework_id}{sample})"))
    ctx.out()
    head = [tr("Mã", "Code"), tr("Lĩnh vực", "Field"), tr("Tối đa", "Max"), tr("Áp dụng", "Applicable"),
            tr("Chấm được", "Assessable"), tr("Điểm", "Points"), tr("Đã nhập", "Answered")]
    rows = [head]
    for f in sheet.fields:
        rows.append([display_code(f.code), clip(titles[f.code], 44), human(f.max_points, lang), human(f.applicable_max, lang),
                     human(f.assessable_max, lang), human(f.points, lang), f"{f.answered}/{f.to_answer}"])
    rows.append(["", tr("Cộng các lĩnh vực", "Fields total"), human(sheet.max_points, lang), human(sheet.applicable_max, lang),
                 human(sheet.assessable_max, lang), human(sheet.base_points, lang), f"{sheet.answered}/{sheet.to_answer}"])
    if fw.adjustments:
        rows.append(["", tr(f"Điểm thưởng (tối đa {human(fw.bonus_cap, lang)})", f"Bonus (cap {human(fw.bonus_cap, lang)})"),
                     "", "", "", "+" + human(sheet.bonus, lang), ""])
        rows.append(["", tr(f"Điểm trừ (tối đa {human(fw.penalty_cap, lang)})", f"Penalty (cap {human(fw.penalty_cap, lang)})"),
                     "", "", "", "−" + human(sheet.penalty, lang), ""])
    rows.append(["", tr("Tổng điểm tự đánh giá", "Self-assessed total"), "", "", human(sheet.assessable_max, lang),
                 human(sheet.final_points, lang), ""])
    lines = table(rows, "llrrrrr")
    rule = "─" * max(width(line) for line in lines)
    n_fields = len(sheet.fields)
    for i, line in enumerate(lines):
        ctx.out(line)
        if i == 0 or i == n_fields:
            ctx.out(rule)
    ctx.out()
    ctx.out(total_line(ctx, sheet))
    ctx.out(tr(f"Tiến độ: đã nhập {sheet.answered}/{sheet.to_answer} mục cơ quan tự chấm.",
               f"Progress: {sheet.answered}/{sheet.to_answer} self-scored items answered."))
    if sheet.assessable_max < sheet.applicable_max:
        ctx.out(tr("Ghi chú: “Chấm được” không gồm các mục do Hội đồng thẩm định chấm hoặc lấy từ điều tra xã hội học "
                   "(chưa có điểm); “Áp dụng” đã trừ các mục không áp dụng.",
                   "Note: 'Assessable' leaves out council-scored and survey items (no points yet); "
                   "'Applicable' leaves out items not applicable."))
    if sheet.problems:
        ctx.out()
        ctx.out(tr(f"Cần xử lý ({len(sheet.problems)}):", f"To fix ({len(sheet.problems)}):"))
        for p in sheet.problems:
            ctx.out(f"  - {p.en if lang == 'en' else p.vi}")
    else:
        ctx.out(tr("Không còn vấn đề cần xử lý.", "No problems left."))
