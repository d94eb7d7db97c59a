"""Start-up, first run, and the promise that an acknowledged edit survives SIGKILL."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO), **extra)
    return env


def test_gui_edit_survives_sigkill(agency_ws, tmp_path):
    """The GUI says "Đã lưu" only after the commit; killing it right then loses nothing."""
    folder = agency_ws.folder
    agency_ws.close()
    script = tmp_path / "gui_edit.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sys
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication
            from cchc_desktop.core.services.agency import AgencyWorkspace
            from cchc_desktop.gui.operations import AgencyOperations
            from cchc_desktop.gui.windows.agency_window import AgencyWindow
            app = QApplication([])
            ops = AgencyOperations(AgencyWorkspace.open({str(folder)!r}))
            win = AgencyWindow(ops)
            win.show()
            ops.saved.connect(lambda text: (print("ACK", text, flush=True)))
            win.select_item("1.4")
            edit = win.editor.input.edit
            edit.setText("1.5")
            edit.editingFinished.emit()
            app.exec()  # keep running: the test kills us
            """
        ),
        encoding="utf-8",
    )
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("ACK Đã lưu"), (line, proc.stderr.read() if proc.poll() is not None else "")
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.storage.db import integrity_ok

    with AgencyWorkspace.open(folder) as ws:
        assert ws.answer("1.4").value == Decimal("1.5")
        assert ws.score().node("1.4").points == Decimal("1.5")
        assert integrity_ok(ws.engine)


def test_app_opens_a_workspace_and_shows_the_window(agency_ws, tmp_path):
    folder = agency_ws.folder
    agency_ws.close()
    shot = tmp_path / "shot.png"
    out = subprocess.run(
        [sys.executable, "-m", "cchc_desktop", str(folder), "--quit-after", "300", "--screenshot", str(shot)],
        capture_output=True, text=True, env=_env(HOME=str(tmp_path)), timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "WINDOW visible=True platform=offscreen" in out.stdout
    assert "UBND xã Thử Nghiệm" in out.stdout
    assert shot.stat().st_size > 10_000


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run not installed (bash scripts/setup.sh --gui installs it)")
def test_app_opens_under_xvfb_on_a_real_x_server(agency_ws, tmp_path):
    """What the README's run command does on a machine without a display."""
    folder = agency_ws.folder
    agency_ws.close()
    env = _env(HOME=str(tmp_path))
    env.pop("QT_QPA_PLATFORM")
    out = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m", "cchc_desktop", str(folder), "--quit-after", "500"],
        capture_output=True, text=True, env=env, timeout=90,
    )
    assert out.returncode == 0, out.stderr
    assert "WINDOW visible=True platform=xcb" in out.stdout


def test_first_run_dialog_creates_a_workspace(qtbot, tmp_path):
    from cchc_desktop.gui.dialogs.new_workspace import NewWorkspaceDialog

    dlg = NewWorkspaceDialog(tmp_path / "ws")
    qtbot.addWidget(dlg)
    titles = [dlg.framework.itemText(i) for i in range(dlg.framework.count())]
    assert any("xã" in t and "(mẫu)" in t for t in titles) and any("sở" in t for t in titles)
    assert titles[-1].startswith("Chọn tệp bộ tiêu chí")
    xa = next(i for i, t in enumerate(titles) if "xã" in t)
    dlg.framework.setCurrentIndex(xa)
    dlg._framework_chosen(xa)
    assert dlg.year.text() == "2026"
    # Missing name: refused with a message, nothing created.
    dlg.code.setText("XA-01")
    dlg.accept()
    assert "tên cơ quan" in dlg.error.text() and dlg.workspace is None
    assert not (tmp_path / "ws" / "workspace.sqlite").exists()
    dlg.name.setText("UBND xã Cam Hải Đông")
    dlg.accept()
    assert dlg.workspace is not None and dlg.result() == dlg.DialogCode.Accepted
    info = dlg.workspace.info()
    assert (info.agency_code, info.agency_name, info.level, info.year) == ("XA-01", "UBND xã Cam Hải Đông", "xa", 2026)
    dlg.workspace.close()


def test_first_run_dialog_refuses_a_broken_framework_file(qtbot, tmp_path):
    from cchc_desktop.gui.dialogs.new_workspace import NewWorkspaceDialog

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cchc-framework", "format_version": 1,', encoding="utf-8")
    dlg = NewWorkspaceDialog(tmp_path / "ws")
    qtbot.addWidget(dlg)
    before = dlg.framework.count()
    dlg.add_framework_file(bad)
    assert "JSON" in dlg.error.text() and dlg.framework.count() == before
