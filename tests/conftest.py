"""Shared fixtures: the mini framework, a fresh agency workspace, files to attach, state snapshots.

Every fixture builds its own temporary workspace; nothing depends on the clock or on another
test.  GUI fixtures (qtbot helpers, a synchronous task runner) belong next to these when added.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as _dt  # noqa: E402
import sqlite3  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Callable, Iterator  # noqa: E402

import pytest  # noqa: E402

from cchc_desktop.core.framework.load import load_framework  # noqa: E402
from cchc_desktop.core.framework.model import Framework  # noqa: E402

DATA_DIR = Path(__file__).resolve().parent / "data"
MINI_FRAMEWORK_PATH = DATA_DIR / "mini_framework.json"
FIXED_NOW = _dt.datetime(2026, 3, 2, 8, 30, tzinfo=_dt.timezone.utc)
TEST_ACTOR = "test"


def fixed_clock() -> _dt.datetime:
    """The clock every test workspace uses: no test depends on the real time."""
    return FIXED_NOW


@pytest.fixture(scope="session")
def mini_framework() -> Framework:
    """tests/data/mini_framework.json, loaded (frozen, so one instance serves every test)."""
    return load_framework(MINI_FRAMEWORK_PATH)


@pytest.fixture
def agency_ws(tmp_path: Path, mini_framework: Framework) -> Iterator[Any]:
    """A fresh agency workspace in `tmp_path / "ws"`, fixed clock, actor "test"; closed at teardown."""
    from cchc_desktop.core.services.agency import AgencyWorkspace

    ws = AgencyWorkspace.create(
        tmp_path / "ws",
        mini_framework,
        "XA-001",
        "UBND xã Thử Nghiệm",
        clock=fixed_clock,
        actor=TEST_ACTOR,
    )
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def make_file(tmp_path: Path) -> Callable[..., Path]:
    """`make_file(name, data=b"...")` writes `data` to `tmp_path / "files" / name` and returns the path.

    `name` may contain sub-folders; an absolute `name` is written where it says.
    """

    def make(name: str | Path, data: bytes = b"%PDF-1.4\n% test evidence\n") -> Path:
        path = Path(name) if Path(name).is_absolute() else tmp_path / "files" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return make


TABLES = ("meta", "answers", "evidence_files", "evidence_documents", "evidence_links", "change_log")


def _files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def ws_snapshot() -> Callable[[Any], dict[str, Any]]:
    """`ws_snapshot(ws)`: everything an agency workspace holds, for "nothing changed" checks.

    In memory (answers, score, documents, per-item evidence, undo/redo labels) and on disk (the
    rows of every table read through a separate raw connection, and every file of the evidence
    store, temporary ones included).
    """

    def snap(ws: Any) -> dict[str, Any]:
        con = sqlite3.connect(ws.folder / "workspace.sqlite")
        try:
            rows = {
                t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()  # noqa: S608 - fixed names
                for t in TABLES
            }
        finally:
            con.close()
        return {
            "answers": ws.answers(),
            "score": ws.score(),
            "documents": ws.documents(),
            "evidence_for": {i.code: ws.evidence_for(i.code) for i in ws.framework.walk()},
            "undo": (ws.undo_label, ws.redo_label),
            "rows": rows,
            "files": _files_under(ws.folder / "evidence"),
        }

    return snap
