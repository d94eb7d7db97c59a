"""Every signal the GUI emits from Python goes through `emit`.

PySide6 6.12.0 on CPython 3.11 drops one reference to `True` on each `SignalInstance.emit()`
(the returned bool is borrowed, then released).  `True` is not immortal before 3.12, so after a
few hundred edits the interpreter aborts with "Fatal Python error: bool_dealloc" - a crash in
the middle of a user's work.  The leak is measured once with a probe signal and the lost
references are put back after each emit; on a PySide6 without the bug nothing is done.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from typing import Any

_lock = threading.Lock()
_lost_per_emit: int | None = None


def _incref_true(n: int) -> None:
    for _ in range(n):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def _measure() -> int:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    lost = max(0, (before - sys.getrefcount(True)) // 8)
    _incref_true(lost * 8)  # repair what the probe itself lost
    return lost


def lost_per_emit() -> int:
    global _lost_per_emit
    if _lost_per_emit is None:
        with _lock:
            if _lost_per_emit is None:
                _lost_per_emit = _measure()
    return _lost_per_emit


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, with PySide6's lost reference to True put back."""
    signal.emit(*args)
    n = lost_per_emit()
    if n:
        _incref_true(n)
