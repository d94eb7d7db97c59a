"""Undo belongs to the core: every edit records what it replaced; the GUI only shows the label.

A step is data (before/after), not a closure, so the service applies it through the same write
path as a fresh edit: validation, the change log and durability are identical for undo and redo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

S = TypeVar("S")

DEPTH = 500  # a year's work fits; older steps are dropped, never the data


@dataclass(frozen=True)
class UndoEntry(Generic[S]):
    label_vi: str
    label_en: str
    step: S


class UndoLog(Generic[S]):
    def __init__(self) -> None:
        self._done: list[UndoEntry[S]] = []
        self._undone: list[UndoEntry[S]] = []

    def record(self, entry: UndoEntry[S]) -> None:
        self._done.append(entry)
        del self._done[:-DEPTH]
        self._undone.clear()

    def take_undo(self) -> UndoEntry[S] | None:
        if not self._done:
            return None
        entry = self._done.pop()
        self._undone.append(entry)
        return entry

    def take_redo(self) -> UndoEntry[S] | None:
        if not self._undone:
            return None
        entry = self._undone.pop()
        self._done.append(entry)
        return entry

    def restore_after_failed_undo(self) -> None:
        """An undo that could not be applied goes back on the stack (nothing changed)."""
        if self._undone:
            self._done.append(self._undone.pop())

    def restore_after_failed_redo(self) -> None:
        if self._done:
            self._undone.append(self._done.pop())

    @property
    def undo_label(self) -> tuple[str, str] | None:
        return (self._done[-1].label_vi, self._done[-1].label_en) if self._done else None

    @property
    def redo_label(self) -> tuple[str, str] | None:
        return (self._undone[-1].label_vi, self._undone[-1].label_en) if self._undone else None
