"""Dotted item codes ("1", "1.2", "1.2.3") and how published tables show them."""

from __future__ import annotations

import re

CODE_RE = re.compile(r"^[0-9A-Z]+(\.[0-9]+)*$")

_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n: int) -> str:
    """Field numbers are printed as Roman numerals in published tables (I, II, ... XX)."""
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    """The integer a Roman numeral stands for, or None when it is not one."""
    text = text.strip().upper()
    if not text or not re.fullmatch(r"[IVXLC]+", text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total if to_roman(total) == text or total > 39 else None


def parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def display_code(code: str) -> str:
    """'3' -> 'III' for fields; deeper codes stay dotted."""
    if code.isdigit():
        return to_roman(int(code))
    return code


def sort_key(code: str) -> tuple[object, ...]:
    """Natural order: 1.2 < 1.10 < 2."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))
