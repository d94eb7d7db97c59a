"""Percentage bands written in words: "từ 70% đến dưới 90%", "trên 90%", "70-90%", "≥ 90%"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..framework.model import Tier
from .layout import NUMBER_RE, dec, vn_number
from .layout import low_text as _low

N = rf"({NUMBER_RE})"

_LEAD = r"(?:(?:đạt|có|kết quả|mức|hoàn thành)\s+)?(?:tỷ lệ\b[^\d<>=%]*?\s*)?(?:(?:đạt|là)\s+)?"
_P = rf"{N}\s*(%?)"
_TIER_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^{_LEAD}(từ trên|từ|trên|lớn hơn|hơn|>=|>)\s*{_P}\s*(?:-|đến|tới|cho đến)\s*"
                rf"(dưới|<=|<|hết)?\s*{_P}$"), "two"),
    (re.compile(rf"^{_LEAD}{_P}\s*(-|đến|tới)\s*(dưới)?\s*{_P}$"), "range"),
    (re.compile(rf"^{_LEAD}(?:từ|>=|bằng hoặc (?:lớn|cao) hơn|không (?:dưới|thấp hơn|ít hơn))\s*{_P}\s*"
                r"(?:trở lên)?$"), "ge"),
    (re.compile(rf"^{_LEAD}{_P}\s*trở lên$"), "ge"),
    (re.compile(rf"^{_LEAD}(?:trên|>|lớn hơn|cao hơn|hơn|vượt)\s*{_P}$"), "gt"),
    (re.compile(rf"^{_LEAD}(?:dưới|<|nhỏ hơn|thấp hơn|ít hơn|chưa đạt|chưa tới|không đạt)\s*{_P}$"), "lt"),
    (re.compile(rf"^{_LEAD}(?:<=|không quá|tối đa|đến|không vượt quá)\s*{_P}$"), "le"),
    (re.compile(rf"^{_LEAD}(?:từ\s*)?{_P}\s*trở xuống$"), "le"),
    (re.compile(rf"^{_LEAD}(?:bằng|đúng|=)?\s*{_P}$"), "eq"),
]


@dataclass
class TierSpec:
    points: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    low_inclusive: bool = True
    high_inclusive: bool = False
    loose_low: bool = False  # "70-90%": inclusiveness decided by the neighbouring tiers
    loose_high: bool = False

    def contains(self, p: Decimal) -> bool:
        return Tier(self.points, self.low, self.high, self.low_inclusive, self.high_inclusive).contains(p)


def parse_tier(condition: str, points: Decimal) -> TierSpec | None:
    """The band a condition such as "từ 70% đến dưới 90%" describes, or None."""
    c = _low(condition).rstrip(":. ")
    if c in ("mọi tỷ lệ", "mọi giá trị", "mọi trường hợp"):
        return TierSpec(points)
    if "%" not in c and "tỷ lệ" not in c:
        return None
    spec = _match(c, points)
    if spec is None and "%" in c:  # "trên 90% kế hoạch": a noun after the percentage, no other bound
        head, tail = c.rsplit("%", 1)
        words = tail.split()
        if 0 < len(words) <= 4 and not re.search(r"\d|[<>=]", tail) and not _BOUND_WORDS & set(words):
            spec = _match(head + "%", points)
    return spec


_BOUND_WORDS = {"trở", "đến", "tới", "dưới", "trên", "từ", "hơn", "quá", "lên", "xuống", "và", "hoặc"}


def _match(c: str, points: Decimal) -> TierSpec | None:
    for pattern, form in _TIER_FORMS:
        m = pattern.match(c)
        if not m:
            continue
        g = m.groups()
        if form == "two":
            w1, a, _, w2, b, _ = g
            return TierSpec(points, dec(a), dec(b), w1 in ("từ", ">="), w2 not in ("dưới", "<"))
        if form == "range":
            a, _, sep, w2, b, _ = g
            if w2:  # "70% đến dưới 90%"
                return TierSpec(points, dec(a), dec(b), True, False, loose_low=True)
            if sep == "-":
                return TierSpec(points, dec(a), dec(b), True, True, loose_low=True, loose_high=True)
            return TierSpec(points, dec(a), dec(b), True, True, loose_low=True)
        a = dec(g[0])
        if form == "ge":
            return TierSpec(points, low=a, low_inclusive=True)
        if form == "gt":
            return TierSpec(points, low=a, low_inclusive=False)
        if form == "lt":
            return TierSpec(points, high=a, high_inclusive=False)
        if form == "le":
            return TierSpec(points, high=a, high_inclusive=True)
        return TierSpec(points, a, a, True, True)
    return None


def resolve_loose(tiers: list[TierSpec]) -> None:
    """A bound written without words ("70-90%") belongs to this tier unless another tier already
    claims it: ">90: 2; 70-90: 1" keeps 90 in the second, "≥90: 2; 70-90: 1" does not."""
    for t in tiers:
        if t.loose_high and t.high is not None:
            others = [u for u in tiers if u is not t]
            t.high_inclusive = not any(u.contains(t.high) or (u.low == t.high and u.loose_low) for u in others)
    for t in tiers:
        if t.loose_low and t.low is not None:
            t.low_inclusive = not any(u.contains(t.low) for u in tiers if u is not t)


def falls(tiers: list[TierSpec]) -> bool:
    """Points never rise and fall at least once as the percentage rises (a reversed table)."""
    bounds = sorted({Decimal(0), Decimal(100)} | {b for t in tiers for b in (t.low, t.high) if b is not None})
    probes = sorted(set(bounds) | {(a + b) / 2 for a, b in zip(bounds, bounds[1:])})
    pts = []
    for p in probes:
        hits = [t for t in tiers if t.contains(p)]
        if len(hits) != 1:
            return False
        pts.append(hits[0].points)
    return all(b <= a for a, b in zip(pts, pts[1:])) and any(b < a for a, b in zip(pts, pts[1:]))


def tier_text(t: Tier) -> str:
    if t.low is not None and t.high is not None:
        if t.low == t.high and t.low_inclusive and t.high_inclusive:
            return f"Bằng {vn_number(t.low)}%"
        lo = ("Từ " if t.low_inclusive else "Trên ") + vn_number(t.low) + "%"
        return f"{lo} đến {'' if t.high_inclusive else 'dưới '}{vn_number(t.high)}%"
    if t.low is not None:
        return f"Từ {vn_number(t.low)}% trở lên" if t.low_inclusive else f"Trên {vn_number(t.low)}%"
    if t.high is not None:
        return f"Từ {vn_number(t.high)}% trở xuống" if t.high_inclusive else f"Dưới {vn_number(t.high)}%"
    return "Mọi tỷ lệ"
