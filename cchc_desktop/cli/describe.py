"""A framework as documents: the JSON tree of `framework show` and rules in plain words."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.framework.canonical import rule_document
from ..core.scoring.describe import describe_rule
from ..core.framework.codes import display_code
from ..core.framework.model import (
    LEVEL_NAMES_VI,
    ChoiceRule,
    DeductionRule,
    Framework,
    Item,
    PercentTiersRule,
    RatioTiersRule,
    YesNoRule,
)
from .common import num

LEVEL_NAMES_EN = {"so": "Provincial department", "huyen": "District", "xa": "Commune"}


def plain(value: Any) -> Any:
    """Decimals -> strings (precision kept), recursively."""
    if isinstance(value, Decimal):
        return num(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def level_name(fw: Framework, lang: str) -> str:
    return LEVEL_NAMES_EN.get(fw.level.value, fw.level.value) if lang == "en" else LEVEL_NAMES_VI.get(fw.level, fw.level.value)


def input_document(item: Item) -> dict[str, Any] | None:
    """What an answers file (or the GUI) may enter for a leaf; see docs/cli.md."""
    rule = item.rule
    if rule is None:
        return None
    if rule.kind in ("council", "survey"):
        return {"type": "none"}
    if isinstance(rule, YesNoRule):
        return {"type": "boolean"}
    if isinstance(rule, ChoiceRule):
        return {"type": "choice", "keys": [o.key for o in rule.options]}
    if isinstance(rule, PercentTiersRule):
        return {"type": "percent", "min": "0", "max": "100"}
    if isinstance(rule, RatioTiersRule):
        return {"type": "ratio", "numerator_label": rule.numerator_label, "denominator_label": rule.denominator_label}
    if isinstance(rule, DeductionRule):
        return {"type": "count", "min": "0", "label": rule.count_label}
    return {"type": "points", "min": "0", "max": num(item.max_points), "step": num(getattr(rule, "step", None))}


def node_document(item: Item, lang: str) -> dict[str, Any]:
    return {
        "code": item.code,
        "display_code": display_code(item.code),
        "title": item.title,
        "depth": item.depth,
        "max": num(item.max_points),
        "leaf": item.is_leaf,
        "scorer": item.scorer.value if item.scorer is not None else None,
        "rule": plain(rule_document(item.rule)) if item.rule is not None else None,
        "rule_text": rule_text(item, lang) if item.rule is not None else "",
        "input": input_document(item),
        "not_applicable": None if item.na_mode is None else {"mode": item.na_mode.value, "label": item.na_label},
        "evidence": {"required": item.evidence.required, "hint": item.evidence.hint},
        "guidance": item.guidance,
        "children": [node_document(c, lang) for c in item.children],
    }


def framework_document(fw: Framework, lang: str) -> dict[str, Any]:
    return {
        "id": fw.id,
        "title": fw.title,
        "level": fw.level.value,
        "level_name": level_name(fw, lang),
        "year": fw.year,
        "sample": fw.sample,
        "description": fw.description,
        "legal_basis": {"number": fw.legal_basis.number, "date": fw.legal_basis.date, "issuer": fw.legal_basis.issuer},
        "sha256": fw.sha256,
        "total": num(fw.total),
        "bonus_cap": num(fw.bonus_cap),
        "penalty_cap": num(fw.penalty_cap),
        "categories": [{"key": c.key, "name": c.name, "min_percent": num(c.min_percent)} for c in fw.categories],
        "fields": [node_document(f, lang) for f in fw.fields],
        "adjustments": [node_document(a, lang) for a in fw.adjustments],
    }


def rule_text(item: Item, lang: str) -> str:
    """The rule in plain words: the same text the GUI shows beside the input."""
    return describe_rule(item, lang) if item.rule is not None else ""
