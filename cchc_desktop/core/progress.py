"""Progress and cancel as core concepts (the GUI maps them to a QProgressDialog).

Long core functions take a `Progress` and check `cancel.raise_if_cancelled()` between chunks.
"""

from __future__ import annotations

import threading
from typing import Callable, Protocol

from .errors import UserFacingError


class Cancelled(UserFacingError):
    def __init__(self) -> None:
        super().__init__("Đã hủy theo yêu cầu. Không có gì thay đổi.", "Cancelled; nothing was changed.")


class CancelToken:
    """Set from any thread; checked by the worker between chunks of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class Progress(Protocol):
    def __call__(self, done: int, total: int, label: str = "") -> None: ...


def no_progress(done: int, total: int, label: str = "") -> None:
    """The default reporter: nobody is watching."""


ProgressCallback = Callable[[int, int, str], None]
