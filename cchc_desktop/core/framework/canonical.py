"""Canonical JSON: one byte sequence per framework, whose SHA-256 identifies it.

Strings are NFC, object keys sorted, no insignificant whitespace, numbers written as the shortest
plain decimal ("0.25", "10", never "1E+1" or "10.00").  Every default is written out explicitly
by `document_of`, so two files that mean the same framework hash the same whatever their layout.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from decimal import Decimal
from typing import Any

from .model import (
    ChoiceRule,
    DeductionRule,
    Framework,
    Item,
    PercentTiersRule,
    RatioTiersRule,
    Rule,
    Tier,
    YesNoRule,
)

FORMAT_NAME = "cchc-framework"
FORMAT_VERSION = 1


def number_text(d: Decimal) -> str:
    """The shortest plain decimal: Decimal('10.00') -> '10', Decimal('0.250') -> '0.25'."""
    if d == 0:
        return "0"
    text = format(d.normalize(), "f")
    return text


def dumps(value: Any, indent: int | None = None, _level: int = 0) -> str:
    """JSON with Decimals as plain numbers and sorted keys.  indent=None gives the canonical form."""
    nl = "" if indent is None else "\n" + " " * (indent * (_level + 1))
    end = "" if indent is None else "\n" + " " * (indent * _level)
    sep = ":" if indent is None else ": "
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = [
            json.dumps(unicodedata.normalize("NFC", str(k)), ensure_ascii=False)
            + sep
            + dumps(v, indent, _level + 1)
            for k, v in sorted(value.items())
        ]
        return "{" + nl + ("," + nl).join(parts) + end + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + nl + ("," + nl).join(dumps(v, indent, _level + 1) for v in value) + end + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(Decimal(repr(value)))
    if isinstance(value, str):
        return json.dumps(unicodedata.normalize("NFC", value), ensure_ascii=False)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _tier_doc(t: Tier) -> dict[str, Any]:
    return {
        "min": t.low,
        "max": t.high,
        "min_inclusive": t.low_inclusive,
        "max_inclusive": t.high_inclusive,
        "points": t.points,
    }


def rule_document(rule: Rule) -> dict[str, Any]:
    doc: dict[str, Any] = {"kind": rule.kind}
    if isinstance(rule, YesNoRule):
        doc.update(yes_label=rule.yes_label, no_label=rule.no_label)
    elif isinstance(rule, ChoiceRule):
        doc["options"] = [{"key": o.key, "label": o.label, "points": o.points} for o in rule.options]
    elif isinstance(rule, PercentTiersRule):
        doc.update(
            tiers=[_tier_doc(t) for t in rule.tiers], monotonic=rule.monotonic, unit_label=rule.unit_label
        )
    elif isinstance(rule, RatioTiersRule):
        doc.update(
            tiers=[_tier_doc(t) for t in rule.tiers],
            monotonic=rule.monotonic,
            numerator_label=rule.numerator_label,
            denominator_label=rule.denominator_label,
        )
    elif isinstance(rule, DeductionRule):
        doc.update(per_violation=rule.per_violation, floor=rule.floor, count_label=rule.count_label)
    else:  # manual, council, survey, bonus, penalty
        step = getattr(rule, "step", None)
        if rule.kind != "survey":
            doc["step"] = step
    return doc


def item_document(item: Item) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "code": item.code,
        "title": item.title,
        "max": item.max_points,
        "guidance": item.guidance,
        "evidence": {"required": item.evidence.required, "hint": item.evidence.hint},
        "not_applicable": (
            None if item.na_mode is None else {"mode": item.na_mode.value, "label": item.na_label}
        ),
    }
    if item.rule is not None:
        doc["rule"] = rule_document(item.rule)
    else:
        doc["children"] = [item_document(c) for c in item.children]
    return doc


def document_of(fw: Framework) -> dict[str, Any]:
    """The framework as a plain JSON document with every default explicit."""
    return {
        "format": FORMAT_NAME,
        "format_version": fw.format_version,
        "id": fw.id,
        "title": fw.title,
        "level": fw.level.value,
        "year": fw.year,
        "sample": fw.sample,
        "description": fw.description,
        "legal_basis": {
            "number": fw.legal_basis.number,
            "date": fw.legal_basis.date,
            "issuer": fw.legal_basis.issuer,
        },
        "total": fw.total,
        "categories": [
            {"key": c.key, "name": c.name, "min_percent": c.min_percent} for c in fw.categories
        ],
        "bonus_cap": fw.bonus_cap,
        "penalty_cap": fw.penalty_cap,
        "fields": [item_document(f) for f in fw.fields],
        "adjustments": [item_document(a) for a in fw.adjustments],
    }


def canonical_bytes(fw: Framework) -> bytes:
    return dumps(document_of(fw)).encode("utf-8")


def framework_hash(fw: Framework) -> str:
    return hashlib.sha256(canonical_bytes(fw)).hexdigest()
