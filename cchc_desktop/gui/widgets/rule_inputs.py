"""The input widget each rule kind calls for.  Values are checked by the core, never here.

Each input shows the stored value (`show`) and emits `submitted(raw)` when the user commits an
entry (Enter, leaving the field, or picking a choice); `raw` goes to the core unchanged so the
core's Vietnamese message explains any refusal.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from ...core.framework.canonical import number_text
from ...core.framework.model import (
    ChoiceRule,
    DeductionRule,
    Item,
    PercentTiersRule,
    RatioTiersRule,
    YesNoRule,
)
from ..signals import emit

UNSET = object()


class RuleInput(QWidget):
    submitted = Signal(object)  # raw value, or None to clear
    _last: object = UNSET

    def show_value(self, value_json: str | None, force: bool = False) -> None:
        """Show the stored value; unless forced, leave the fields alone while it is unchanged,
        so a refresh caused by another edit never wipes what the user is typing."""
        if force or value_json != self._last:
            self._last = value_json
            self._show(value_json)

    def _show(self, value_json: str | None) -> None:
        raise NotImplementedError

    def focus_first(self) -> None:
        self.setFocus()


class ComboInput(RuleInput):
    """yes/no and tiers by choice: pick one line; '— Chưa nhập —' clears."""

    def __init__(self, options: list[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("— Chưa nhập —"), UNSET)
        for value, label in options:
            self.combo.addItem(label, value)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo, 1)
        self.combo.activated.connect(self._activated)
        self.setFocusProxy(self.combo)

    def _activated(self, row: int) -> None:
        value = self.combo.itemData(row)
        emit(self.submitted, None if value is UNSET else value)

    def _show(self, value_json: str | None) -> None:
        value = UNSET if value_json is None else json.loads(value_json)
        for row in range(self.combo.count()):
            if self.combo.itemData(row) == value or (value is UNSET and row == 0):
                self.combo.setCurrentIndex(row)
                return
        self.combo.setCurrentIndex(0)


class TextInput(RuleInput):
    """One number typed as text (percentage, count, points)."""

    def __init__(self, label: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaximumWidth(160)
        lay = QFormLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addRow(label, self.edit)
        self._shown = ""
        self.edit.editingFinished.connect(self._finished)
        self.setFocusProxy(self.edit)

    def _finished(self) -> None:
        text = self.edit.text().strip()
        if text == self._shown:
            return
        emit(self.submitted, text if text else None)

    def _show(self, value_json: str | None) -> None:
        if value_json is None:
            text = ""
        else:
            value = json.loads(value_json, parse_float=Decimal)
            text = number_text(Decimal(str(value))) if not isinstance(value, str) else value
        self._shown = text
        self.edit.setText(text)


class RatioInput(RuleInput):
    """Two counts; submitted when both are filled."""

    def __init__(self, rule: RatioTiersRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.numerator = QLineEdit(self)
        self.denominator = QLineEdit(self)
        for e in (self.numerator, self.denominator):
            e.setMaximumWidth(160)
            e.editingFinished.connect(self._finished)
        lay = QFormLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addRow(rule.numerator_label, self.numerator)
        lay.addRow(rule.denominator_label, self.denominator)
        self.percent = QLabel(self)
        lay.addRow(self.tr("Tỷ lệ"), self.percent)
        self._shown = ("", "")
        self.setFocusProxy(self.numerator)

    def _finished(self) -> None:
        pair = (self.numerator.text().strip(), self.denominator.text().strip())
        if pair == self._shown:
            return
        if not pair[0] and not pair[1]:
            emit(self.submitted, None)
        elif pair[0] and pair[1]:
            emit(self.submitted, {"numerator": pair[0], "denominator": pair[1]})

    def _show(self, value_json: str | None) -> None:
        if value_json is None:
            pair = ("", "")
            self.percent.setText("")
        else:
            v = json.loads(value_json)
            pair = (str(v["numerator"]), str(v["denominator"]))
            pct = Decimal(v["numerator"]) * 100 / Decimal(v["denominator"])
            self.percent.setText(f"{pct.quantize(Decimal('0.01'))} %")
        self._shown = pair
        self.numerator.setText(pair[0])
        self.denominator.setText(pair[1])


def make_input(item: Item, parent: QWidget | None = None) -> RuleInput | None:
    """The input widget for a leaf the agency scores, or None (inner, council, survey items)."""
    rule = item.rule
    tr = parent.tr if parent is not None else (lambda s: s)
    if rule is None or rule.kind in ("council", "survey"):
        return None
    def option(label: str, points: str) -> str:
        return QCoreApplication.translate("RuleInput", "{label} ({pts} đ)").format(label=label, pts=points)

    if isinstance(rule, YesNoRule):
        mx = number_text(item.max_points)
        return ComboInput([(True, option(rule.yes_label, mx)), (False, option(rule.no_label, "0"))], parent)
    if isinstance(rule, ChoiceRule):
        return ComboInput([(o.key, option(o.label, number_text(o.points))) for o in rule.options], parent)
    if isinstance(rule, PercentTiersRule):
        return TextInput(rule.unit_label, tr("ví dụ 92,5"), parent)
    if isinstance(rule, RatioTiersRule):
        return RatioInput(rule, parent)
    if isinstance(rule, DeductionRule):
        return TextInput(rule.count_label, tr("số nguyên, ví dụ 0"), parent)
    return TextInput(tr("Điểm"), tr("0 đến {mx}").format(mx=number_text(item.max_points)), parent)
