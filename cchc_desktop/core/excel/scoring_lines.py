"""Scoring lines ("Cách chấm") <-> rule documents.

Reading turns the lines a province writes under a criterion into a rule where the text is
unambiguous ("Ban hành đúng hạn: 1", "Từ 90% trở lên: 2", "Đạt: 1; Không đạt: 0", "Trừ 0,25
điểm/lần vi phạm, tối thiểu 0", "Hội đồng thẩm định chấm", "Điều tra xã hội học", "Không phát
sinh: tính đủ điểm"); anything else becomes manual points within the max, and each line not
understood is reported.  Writing produces a canonical phrasing that reading gives back exactly,
parameter for parameter (docs/framework-excel.md, "Cách chấm").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..framework.model import (
    ChoiceRule,
    DeductionRule,
    Item,
    NaMode,
    PercentTiersRule,
    RatioTiersRule,
    YesNoRule,
)
from .layout import NUMBER_RE, dec, slug, vn_number
from .layout import low_text as _low
from .tiers import TierSpec, falls, parse_tier, resolve_loose, tier_text

DEFAULT_UNIT = "Tỷ lệ (%)"
DEFAULT_COUNT = "Số lần vi phạm"
NA_FULL = "tính đủ điểm"
NA_EXCLUDE = "không tính vào điểm tối đa"
NOT_MONOTONIC = "Không đơn điệu: điểm có thể giảm khi tỷ lệ tăng"
YES_MARK, NO_MARK = "Đạt", "Không đạt"
N = rf"({NUMBER_RE})"
_PTS = r"\s*(?:điểm|đ)?\.?\s*"


@dataclass(frozen=True)
class Line:
    """One scoring line and where it came from (`ref` is the caller's, e.g. (row, column))."""

    text: str
    ref: Any = None


@dataclass
class Parsed:
    rule: dict[str, Any] | None = None  # a rule document as framework files write it (Decimals)
    not_applicable: dict[str, str] | None = None
    unknown: list[Line] = field(default_factory=list)  # lines not understood
    extra: list[Line] = field(default_factory=list)  # understood as commentary, not as a rule
    fallback: bool = False  # no rule could be read: manual points within the max


# ---------------------------------------------------------------- not applicable

_NA_STRONG_FULL = {"tính đủ điểm", "được tính đủ điểm", "được điểm tối đa", "tính điểm tối đa"}
_NA_STRONG_EXCL = {"không tính vào điểm tối đa", "loại khỏi điểm tối đa", "không tính vào tổng điểm",
                   "không tính vào điểm tối đa áp dụng"}
_NA_WEAK_FULL = {"đủ điểm", "được đủ điểm", "tính tối đa", "được tối đa"}
_NA_WEAK_EXCL = {"không tính", "không tính điểm", "loại trừ", "không chấm", "không chấm điểm", "không đánh giá"}
_NA_HEADS = ("không phát sinh", "không áp dụng", "nếu không phát sinh", "trường hợp không phát sinh",
             "nếu không có", "trường hợp không có", "trong năm không")
_NA_BRACKET = re.compile(r"^không áp dụng\s*\[(.*)\]$", re.I | re.S)


def parse_na(text: str) -> dict[str, str] | None:
    """ "Không phát sinh hồ sơ: tính đủ điểm" -> {"mode": "full", "label": "Không phát sinh hồ sơ"}."""
    if ":" in text:
        head, tail = text.rsplit(":", 1)
    else:
        m = re.match(r"^(.*?)\s*(?:→|=>|->|\sthì\s)\s*(.*)$", text.replace("：", ":"), re.I)
        if not m:
            return None
        head, tail = m.group(1), m.group(2)
    head = head.strip()
    tail_low = _low(tail).rstrip(".; ")
    head_low = _low(head)
    strong = tail_low in _NA_STRONG_FULL or tail_low in _NA_STRONG_EXCL
    weak = tail_low in _NA_WEAK_FULL or tail_low in _NA_WEAK_EXCL
    if not (strong or (weak and head_low.startswith(_NA_HEADS))):
        return None
    mode = "full" if tail_low in _NA_STRONG_FULL or tail_low in _NA_WEAK_FULL else "exclude"
    m = _NA_BRACKET.match(head)
    label = m.group(1).strip() if m else head
    return {"mode": mode, "label": label}


def format_na(mode: str, label: str) -> str:
    phrase = NA_FULL if mode == "full" else NA_EXCLUDE
    if not label or label.startswith("[") or _NA_BRACKET.match(label) or "\n" in label:
        return f"Không áp dụng [{label}]: {phrase}"
    return f"{label}: {phrase}"


# ---------------------------------------------------------------- option lines

_BULLET = re.compile(r"^(?:[-+•*·▪►]|[a-zđ]\)|\d{1,2}\))\s+")
_KEYED = re.compile(r"^\[([^\]]*)\]\s*(.*)$", re.S)
_KEY_OK = re.compile(r"^[A-Za-z0-9_.\-]+$")
_OPTION_FORMS = [
    re.compile(rf"^(.*\S)\s*[:=]\s*{N}{_PTS}[;.]?$"),
    re.compile(rf"^(.*\S)\s*\(\s*{N}\s*(?:điểm|đ)\s*\)\s*[;.]?$"),
    re.compile(rf"^(.*\S)\s+(?:-|→)\s*{N}{_PTS}[;.]?$"),
    re.compile(rf"^(.*\S)\s+{N}\s*(?:điểm|đ)\.?\s*[;.]?$"),
    re.compile(rf"^(.*[^\d\s,.:;=(])\s+{N}\s*[;.]?$"),
]
_SPLIT = re.compile(r"(?<=\d)(\s*(?:điểm|đ)\)?)?\s*(?:;|\.\s+(?=\S))\s*")


def split_points(text: str) -> tuple[str, Decimal] | None:
    """ "Ban hành chậm: 0,5 điểm" -> ("Ban hành chậm", Decimal("0.5"))."""
    t = text.replace("：", ":").strip()
    for pattern in _OPTION_FORMS:
        m = pattern.match(t)
        if m:
            label = m.group(1).strip().rstrip(":=-").strip()
            if label:
                return label, dec(m.group(2))
    return None


def _pieces(text: str) -> list[str]:
    """ "Đạt: 1; Không đạt: 0" -> two pieces; a ';' splits only after a number."""
    out, start = [], 0
    for m in _SPLIT.finditer(text):
        out.append(text[start:m.start()] + (m.group(1) or ""))
        start = m.end()
    out.append(text[start:])
    return [_BULLET.sub("", p.strip()).strip() for p in out if p.strip()]


_YES_NO_PAIRS = {("đạt", "không đạt"), ("có", "không"), ("đạt", "chưa đạt"), ("có", "chưa có"), ("có", "không có")}


def is_yes_no_pair(yes: str, no: str) -> bool:
    """Labels a reader can tell are a yes/no pair without a marker: Đạt/Không đạt, Có X/Không X..."""
    y, n = _low(yes), _low(no)
    if (y, n) in _YES_NO_PAIRS or n in (f"không {y}", f"chưa {y}"):
        return True
    if y.startswith("có ") and n in (f"không {y[3:]}", f"không có {y[3:]}", f"chưa {y[3:]}"):
        return True
    return y.startswith("đã ") and n == f"chưa {y[3:]}"


@dataclass
class _Option:
    line: Line
    label: str
    points: Decimal
    key: str | None = None
    mark: str | None = None  # "yes" / "no" for "[Đạt] …" / "[Không đạt] …"
    tier: TierSpec | None = None


# ---------------------------------------------------------------- heads (a whole line says the kind)

_DEDUCT = [
    re.compile(rf"\btrừ\s+{N}\s*(?:điểm|đ)?\.?\s*(?:/|cho mỗi|mỗi|cho 01|cho 1|một|trên mỗi|với mỗi)"),
    re.compile(rf"\bmỗi\b[^;]*?\btrừ\s+{N}"),
]
_FLOOR = re.compile(rf"(?:tối thiểu|thấp nhất|không thấp hơn|không dưới|còn tối thiểu)\s*(?:là|còn)?\s*{N}")
_DEDUCT_CAP = re.compile(rf"trừ tối đa\s*{N}")
_STEP = re.compile(rf"bước\s*(?:là\s*)?{N}")
_ENDS_WITH_POINTS = re.compile(rf"[:=]\s*{N}{_PTS}[;.]?$")


def _head(low: str) -> tuple[str, dict[str, Any]] | None:
    step_m = _STEP.search(low)
    step = {"step": dec(step_m.group(1))} if step_m else {"step": None}
    for pattern in _DEDUCT:
        m = pattern.search(low)
        if m:
            per = dec(m.group(1))
            floor: Decimal | str = Decimal(0)
            fm = _FLOOR.search(low)
            cm = _DEDUCT_CAP.search(low)
            if fm:
                floor = dec(fm.group(1))
            elif cm:
                floor = "cap:" + cm.group(1)
            return "deduction", {"per_violation": per, "floor": floor}
    if _ENDS_WITH_POINTS.search(low):
        return None
    if re.match(r"^(?:cơ quan\s+)?tự chấm\b|^chấm (?:tự do|trực tiếp)\b", low):
        return "manual", step
    if re.search(r"(?:hội đồng|tổ|đoàn)\s+(?:thẩm định|kiểm tra|đánh giá)|^thẩm định\b|thẩm định chấm", low):
        return "council", step
    if re.search(r"điều tra xã hội học|\bsipas\b|^khảo sát\b|^điều tra\b", low):
        return "survey", {}
    if re.match(r"^điểm (?:thưởng|cộng)\b", low):
        return "bonus", step
    if re.match(r"^điểm trừ\b", low):
        return "penalty", step
    if re.match(r"^(?:chấm\s+)?(?:đạt|có)\s*/\s*(?:không đạt|không|chưa đạt)\.?$", low):
        return "yes_no_mark", {}
    return None


# ---------------------------------------------------------------- reading


def parse_lines(lines: list[Line], max_points: Decimal | None, *, leaf: bool = True,
                adjustment: str | None = None) -> Parsed:
    """Read the scoring lines of one item.  `adjustment` is not None for an item of the bonus and
    penalty section: "bonus" or "penalty" when the section or the code says which (the lines may
    still say it: "Điểm thưởng, bước 0,5"), "" when nothing does (the caller reports it)."""
    out = Parsed()
    heads: list[tuple[str, dict[str, Any], Line]] = []
    options: list[_Option] = []
    ratio: tuple[str, str] | None = None
    input_label: str | None = None
    monotonic: bool | None = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        low = _low(text)
        na = parse_na(text)
        if na is not None:
            if out.not_applicable is not None:
                out.unknown.append(line)
            out.not_applicable = na
            continue
        if re.match(r"^(?:ghi chú|lưu ý|chú thích)\s*:", low) or (low.endswith(":") and not re.search(r"\d", low)):
            out.extra.append(line)
            continue
        m = re.match(r"^tỷ lệ(?:\s*\(%\))?\s*=\s*(.+)$", low)
        if m:
            body = re.sub(r"\s*[x×*]\s*100\s*%?\s*$", "", text.split("=", 1)[1].strip())
            parts = body.split(" / ") if body.count(" / ") == 1 else body.split("/")
            if len(parts) == 2 and all(p.strip() for p in parts):
                ratio = (parts[0].strip(), parts[1].strip())
            else:
                out.unknown.append(line)
            continue
        m = re.match(r"^nhập\s*:\s*(.*)$", low)
        if m:
            input_label = text.split(":", 1)[1].strip()
            continue
        if "không đơn điệu" in low:
            monotonic = False
            continue
        keyed = _KEYED.match(text)
        if keyed:
            mark, rest = keyed.group(1).strip(), keyed.group(2)
            sp = split_points(rest)
            mark_low = _low(mark)
            if sp is None or not (mark_low in ("đạt", "không đạt") or _KEY_OK.match(mark)):
                out.unknown.append(line)
                continue
            yn = {"đạt": "yes", "không đạt": "no"}.get(mark_low)
            options.append(_Option(line, sp[0], sp[1], None if yn else mark, yn))
            continue
        head = _head(low)
        if head is not None:
            heads.append((head[0], head[1], line))
            continue
        for piece in _pieces(text):
            sp = split_points(piece)
            if sp is None:
                out.unknown.append(Line(piece, line.ref))
                continue
            options.append(_Option(line, sp[0], sp[1], tier=parse_tier(sp[0], sp[1])))
    if not leaf:
        out.unknown.extend(h[2] for h in heads)
        out.unknown.extend(o.line for o in options)
        return out
    rule = _decide(out, heads, options, ratio, input_label, monotonic, max_points, adjustment)
    if rule is not None and not out.unknown:
        out.rule = rule
        return out
    if adjustment is not None:  # the section (or the code) says bonus or penalty
        kind, step = adjustment, None
        for k, params, _ in heads:
            if k in ("bonus", "penalty"):
                kind, step = k, params.get("step")
        out.rule = {"kind": kind, "step": step}
        out.fallback = bool(out.unknown)
    else:
        out.rule = {"kind": "manual", "step": None}
        out.fallback = True
    return out


def _decide(out: Parsed, heads: list[tuple[str, dict[str, Any], Line]], options: list[_Option],
            ratio: tuple[str, str] | None, input_label: str | None, monotonic: bool | None,
            max_points: Decimal | None, adjustment: str | None) -> dict[str, Any] | None:
    kinds = {h[0] for h in heads}
    if len(kinds) > 1:
        out.unknown.extend(h[2] for h in heads)
        return None
    if adjustment is not None:
        if heads and heads[0][0] in ("bonus", "penalty"):
            out.unknown.extend(o.line for o in options)
            return {"kind": heads[0][0], "step": heads[0][1].get("step")}
        out.unknown.extend([h[2] for h in heads] + [o.line for o in options])
        return None
    if heads:
        kind, params, line = heads[0]
        if len(heads) > 1 and kind != "yes_no_mark":
            out.unknown.extend(h[2] for h in heads[1:])
            return None
        if kind == "yes_no_mark":
            return _yes_no(out, options, max_points, marker=True)
        if ratio or monotonic is not None or (input_label is not None and kind != "deduction"):
            out.unknown.append(line)
            return None
        out.extra.extend(o.line for o in options)
        if kind == "deduction":
            floor = params["floor"]
            if isinstance(floor, str):  # "trừ tối đa X": the floor is what remains of the max
                floor = max(Decimal(0), (max_points or Decimal(0)) - dec(floor[4:]))
            return {"kind": "deduction", "per_violation": params["per_violation"], "floor": floor,
                    "count_label": input_label or DEFAULT_COUNT}
        if kind == "survey":
            return {"kind": "survey"}
        return {"kind": kind, "step": params.get("step")}
    if not options:
        return None
    if any(o.key or o.mark for o in options):
        if all(o.mark for o in options):
            return _yes_no(out, options, max_points, marker=True)
        if any(o.mark for o in options) or ratio or input_label is not None or monotonic is not None:
            out.unknown.extend(o.line for o in options if o.mark)
            return None
    elif all(o.tier for o in options):
        tiers = [o.tier for o in options if o.tier]
        resolve_loose(tiers)
        if monotonic is None:
            monotonic = not falls(tiers)
        docs = [{"min": t.low, "max": t.high, "min_inclusive": t.low_inclusive, "max_inclusive": t.high_inclusive,
                 "points": t.points} for t in tiers]
        if ratio:
            if input_label is not None:
                return None
            return {"kind": "ratio_tiers", "tiers": docs, "monotonic": monotonic,
                    "numerator_label": ratio[0], "denominator_label": ratio[1]}
        return {"kind": "percent_tiers", "tiers": docs, "monotonic": monotonic,
                "unit_label": input_label or DEFAULT_UNIT}
    elif len(options) == 2 and not (ratio or input_label or monotonic is not None):
        yn = _yes_no(out, options, max_points, marker=False)
        if yn is not None:
            return yn
    if ratio or input_label is not None or monotonic is not None:
        return None
    keys: list[str] = []
    for o in options:
        key = o.key or slug(o.label, "lua_chon")
        base, n = key, 2
        while key in keys and not o.key:
            key, n = f"{base}_{n}", n + 1
        keys.append(key)
    return {"kind": "choice", "options": [{"key": k, "label": o.label, "points": o.points}
                                          for k, o in zip(keys, options)]}


def _yes_no(out: Parsed, options: list[_Option], max_points: Decimal | None, marker: bool) -> dict[str, Any] | None:
    if not options and marker:
        return {"kind": "yes_no", "yes_label": YES_MARK, "no_label": NO_MARK}
    if len(options) != 2 or max_points is None:
        if marker:
            out.unknown.extend(o.line for o in options)
        return None
    by_mark = {o.mark: o for o in options if o.mark}
    if len(by_mark) == 2:
        yes, no = by_mark["yes"], by_mark["no"]
    else:
        yes, no = sorted(options, key=lambda o: o.points, reverse=True)
        if not marker and not is_yes_no_pair(yes.label, no.label):
            return None
    if yes.points != max_points or no.points != 0:
        if marker:
            out.unknown.extend(o.line for o in options)
        return None
    return {"kind": "yes_no", "yes_label": yes.label, "no_label": no.label}


# ---------------------------------------------------------------- writing


def _step(rule: Any) -> str:
    step = getattr(rule, "step", None)
    return f", bước {vn_number(step)}" if step is not None else ""


def rule_lines(item: Item) -> list[str]:
    """The canonical "Cách chấm" of an item: what `parse_lines` reads back to the same rule."""
    rule, out = item.rule, []
    if isinstance(rule, YesNoRule):
        out = [f"{rule.yes_label}: {vn_number(item.max_points)}", f"{rule.no_label}: 0"]
        back = parse_lines([Line(t) for t in out], item.max_points).rule
        if back != {"kind": "yes_no", "yes_label": rule.yes_label, "no_label": rule.no_label}:
            out = [f"[{YES_MARK}] {rule.yes_label}: {vn_number(item.max_points)}", f"[{NO_MARK}] {rule.no_label}: 0"]
    elif isinstance(rule, ChoiceRule):
        out = [f"[{o.key}] {o.label}: {vn_number(o.points)}" for o in rule.options]
    elif isinstance(rule, (PercentTiersRule, RatioTiersRule)):
        if isinstance(rule, RatioTiersRule):
            out.append(f"Tỷ lệ = {rule.numerator_label} / {rule.denominator_label}")
        elif rule.unit_label != DEFAULT_UNIT:
            out.append(f"Nhập: {rule.unit_label}")
        if not rule.monotonic:
            out.append(NOT_MONOTONIC)
        out += [f"{tier_text(t)}: {vn_number(t.points)}" for t in rule.tiers]
    elif isinstance(rule, DeductionRule):
        out.append(f"Trừ {vn_number(rule.per_violation)} điểm mỗi lần, tối thiểu {vn_number(rule.floor)} điểm")
        if rule.count_label != DEFAULT_COUNT:
            out.append(f"Nhập: {rule.count_label}")
    elif rule is not None:
        out.append({
            "manual": f"Tự chấm 0–{vn_number(item.max_points)}",
            "council": "Hội đồng thẩm định chấm",
            "survey": "Điều tra xã hội học",
            "bonus": "Điểm thưởng",
            "penalty": "Điểm trừ",
        }[rule.kind] + ("" if rule.kind == "survey" else _step(rule)))
    if item.na_mode is not None:
        out.append(format_na(item.na_mode.value if isinstance(item.na_mode, NaMode) else item.na_mode, item.na_label))
    return out
