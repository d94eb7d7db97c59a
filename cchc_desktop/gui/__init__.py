"""The PySide6 GUI.  Only this package imports Qt.

PySide6 6.12.0 on CPython 3.11 returns borrowed references from void Qt calls (setText,
processEvents, ...: one reference to None lost per call) and from SignalInstance.emit (one to
True).  None and True are not immortal before 3.12, so a long session would end in "Fatal Python
error: none_dealloc / bool_dealloc".  Giving the three singletons an enormous reference count
makes them immortal in practice, as CPython 3.12 does by design (PEP 683); nothing else changes.
Measured in tests/robustness/test_gui_signal_refcount.py.
"""

from __future__ import annotations

import sys

_IMMORTAL = 1 << 40  # ~1e12 leaked references before trouble: far beyond any session


def _make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return  # already immortal (PEP 683), or not CPython
    import ctypes

    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of PyObject
        if refcnt.value < _IMMORTAL:
            refcnt.value += _IMMORTAL


_make_singletons_immortal()
