"""Shared helpers for the core tests: the mini framework as a mutable document, item lookup."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.errors import InvalidFramework
from cchc_desktop.core.framework.load import parse_framework
from cchc_desktop.core.framework.model import Framework
from cchc_desktop.core.framework.validate import FrameworkProblem
from cchc_desktop.core.scoring.engine import Answer
from cchc_desktop.core.scoring.rules import parse_value

MINI_PATH = Path(__file__).resolve().parent.parent / "data" / "mini_framework.json"
_MINI_TEXT = MINI_PATH.read_text(encoding="utf-8")


def mini_doc() -> dict[str, Any]:
    """A fresh, mutable copy of tests/data/mini_framework.json."""
    return copy.deepcopy(json.loads(_MINI_TEXT))


def mini_fw() -> Framework:
    fw, warnings = parse_framework(_MINI_TEXT)
    assert warnings == []
    return fw


def find(doc: dict[str, Any], code: str) -> dict[str, Any]:
    """The item dict with `code` anywhere in a framework document."""

    def walk(items: list[dict[str, Any]]):
        for it in items:
            yield it
            yield from walk(it.get("children") or [])

    for it in walk(list(doc.get("fields") or []) + list(doc.get("adjustments") or [])):
        if it.get("code") == code:
            return it
    raise KeyError(code)


def to_text(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, default=str)


def problems_of(doc: dict[str, Any] | str) -> list[FrameworkProblem]:
    """Parse a document that must be refused; return the problems listed by InvalidFramework."""
    text = doc if isinstance(doc, str) else to_text(doc)
    with pytest.raises(InvalidFramework) as ei:
        parse_framework(text)
    assert ei.value.problems, "InvalidFramework must list at least one problem"
    return ei.value.problems


def has_problem(problems: list[FrameworkProblem], where: str, *facts: str) -> bool:
    return any(p.where == where and all(f in p.vi for f in facts) for p in problems)


def describe(problems: list[FrameworkProblem]) -> str:
    return "\n".join(f"{p.where}: {p.vi}" for p in problems)


def answer(fw: Framework, code: str, raw: Any, **kw: Any) -> Answer:
    """An Answer holding the typed value the rule makes of `raw` (as the app stores it)."""
    return Answer(code, value=parse_value(fw.item(code), raw), **kw)


def answers(fw: Framework, raw: dict[str, Any], **kw: Any) -> dict[str, Answer]:
    return {c: answer(fw, c, v, **kw) for c, v in raw.items()}


D = Decimal
