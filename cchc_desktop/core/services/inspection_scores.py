"""The self-score a package claims, against the score the council recomputes."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from ..framework.canonical import number_text
from ..scoring.engine import ScoreSheet
from .inspection_records import Note


def score_document(sheet: ScoreSheet) -> dict[str, Any]:
    """The shape of `claimed_score` in a package (core/services/export.py writes it)."""
    cat = sheet.category
    return {
        "final_points": number_text(sheet.final_points),
        "assessable_max": number_text(sheet.assessable_max),
        "applicable_max": number_text(sheet.applicable_max),
        "percent": number_text(sheet.percent),
        "category": cat.key if cat else None,
        "bonus": number_text(sheet.bonus),
        "penalty": number_text(sheet.penalty),
        "items": {code: number_text(n.points) for code, n in sorted(sheet.nodes.items())},
    }


def number_of(raw: Any) -> Decimal | None:
    if isinstance(raw, bool) or not isinstance(raw, (str, int, Decimal)):
        return None
    try:
        d = Decimal(str(raw))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def _show(d: Decimal | None, lang: str) -> str:
    if d is None:
        return "—"
    text = number_text(d)
    return text.replace(".", ",") if lang == "vi" else text


def score_differences(claimed: Mapping[str, Any], sheet: ScoreSheet) -> Note | None:
    """A note when the claimed self-score differs from the recomputed one (final, percent, items)."""
    diffs_vi: list[str] = []
    diffs_en: list[str] = []
    for key, vi in (("final_points", "tổng điểm"), ("percent", "tỷ lệ %")):
        mine = sheet.final_points if key == "final_points" else sheet.percent
        theirs = number_of(claimed.get(key))
        if theirs != mine:
            diffs_vi.append(f"{vi}: khai {_show(theirs, 'vi')}, tính lại {_show(mine, 'vi')}")
            diffs_en.append(f"{key}: claimed {_show(theirs, 'en')}, recomputed {_show(mine, 'en')}")
    items = claimed.get("items") or {}
    for code in sorted(set(items) | set(sheet.nodes)):
        mine = sheet.nodes[code].points if code in sheet.nodes else None
        theirs = number_of(items.get(code))
        if theirs != mine:
            diffs_vi.append(f"mục {str(code)[:40]}: khai {_show(theirs, 'vi')}, tính lại {_show(mine, 'vi')}")
            diffs_en.append(f"item {str(code)[:40]}: claimed {_show(theirs, 'en')}, recomputed {_show(mine, 'en')}")
    if not diffs_vi:
        return None
    more_vi = f"; … và {len(diffs_vi) - 8} khác biệt khác" if len(diffs_vi) > 8 else ""
    more_en = f"; … and {len(diffs_en) - 8} more" if len(diffs_en) > 8 else ""
    return Note(
        "score_mismatch",
        "Lưu ý: điểm tự chấm khai trong gói khác với điểm tính lại theo bộ tiêu chí của đợt đánh giá ("
        + "; ".join(diffs_vi[:8]) + more_vi + "). Hội đồng dùng điểm tính lại.",
        "The self-score claimed in the package differs from the score recomputed with the round's framework ("
        + "; ".join(diffs_en[:8]) + more_en + "). The council uses the recomputed score.",
    )
