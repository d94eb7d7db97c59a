"""Portable mode: a frozen program with `portable.txt` (or `workspace/`) beside it keeps its
workspace and its UI settings in its own folder (a USB stick), and nothing on the PC."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cchc_desktop.core import paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def frozen_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`frozen_at(folder)`: pretend to be the bundled program `folder/cchc-desktop`."""
    monkeypatch.delenv("CCHC_WORKSPACE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "home-data"))

    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        exe = folder / ("cchc-desktop.exe" if sys.platform == "win32" else "cchc-desktop")
        exe.write_bytes(b"")
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(exe))
        return folder

    return make


def test_marker_file_makes_the_program_folder_the_home(tmp_path: Path, frozen_at) -> None:
    usb = frozen_at(tmp_path / "usb" / "cchc-desktop")
    (usb / "portable.txt").write_text("")
    assert paths.portable_root() == usb.resolve()
    assert paths.default_workspace_dir() == usb.resolve() / "workspace"


def test_a_workspace_folder_beside_the_program_is_enough(tmp_path: Path, frozen_at) -> None:
    usb = frozen_at(tmp_path / "usb" / "cchc-desktop")
    (usb / "workspace").mkdir()
    assert paths.portable_root() == usb.resolve()
    assert paths.default_workspace_dir() == usb.resolve() / "workspace"


def test_without_the_marker_the_user_data_folder_is_used(tmp_path: Path, frozen_at) -> None:
    installed = frozen_at(tmp_path / "Programs" / "CCHC Desktop")
    assert paths.portable_root() is None
    assert paths.default_workspace_dir() == paths.user_data_dir() / "workspace"
    assert tmp_path / "home-data" in paths.default_workspace_dir().parents
    assert installed not in paths.default_workspace_dir().parents


def test_running_from_the_sources_is_never_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a marker beside the interpreter (the repository's .venv, say) does not count
    monkeypatch.delenv("CCHC_WORKSPACE", raising=False)
    monkeypatch.delattr(sys, "frozen", raising=False)
    exe = tmp_path / "python"
    exe.write_bytes(b"")
    (tmp_path / "portable.txt").write_text("")
    (tmp_path / "workspace").mkdir()
    monkeypatch.setattr(sys, "executable", str(exe))
    assert paths.portable_root() is None
    assert paths.default_workspace_dir() == paths.user_data_dir() / "workspace"


def test_cchc_workspace_still_wins_when_portable(tmp_path: Path, frozen_at, monkeypatch: pytest.MonkeyPatch) -> None:
    usb = frozen_at(tmp_path / "usb")
    (usb / "portable.txt").write_text("")
    monkeypatch.setenv("CCHC_WORKSPACE", str(tmp_path / "elsewhere"))
    assert paths.default_workspace_dir() == tmp_path / "elsewhere"


def _run_frozen_gui(usb: Path, home: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """The GUI's main() in a fresh interpreter that believes it is `usb/cchc-desktop`
    (QSettings paths are process-wide, so this cannot run inside the test process)."""
    code = textwrap.dedent(
        f"""
        import sys
        sys.frozen = True
        sys.executable = {str(usb / "cchc-desktop")!r}
        from cchc_desktop.gui.app import main
        sys.exit(main({args!r}))
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CCHC_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)


def test_portable_gui_keeps_workspace_and_settings_beside_the_program(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "cchc-desktop").write_bytes(b"")
    (usb / "portable.txt").write_text("")
    home = tmp_path / "home"
    home.mkdir()
    init = subprocess.run(
        [sys.executable, "-m", "cchc_desktop.cli", "workspace", "init", str(usb / "workspace"), "--role", "agency",
         "--framework", "mau-xa-2026", "--agency-code", "XA-09", "--agency-name", "UBND xã Di Động", "--year", "2026"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert init.returncode == 0, init.stderr

    # The last workspace remembered is on a drive letter the stick no longer has: fall back to
    # the workspace beside the program instead of offering to create one at the old place.
    ini = usb / "settings" / "CCHC Desktop" / "cchc-desktop.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[workspace]\nlast=" + str(tmp_path / "gone" / "workspace") + "\n", encoding="utf-8")

    proc = _run_frozen_gui(usb, home, ["--quit-after", "300"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WINDOW visible=True" in proc.stdout, proc.stdout + proc.stderr
    assert "UBND xã Di Động" in proc.stdout

    text = ini.read_text(encoding="utf-8")
    assert str(usb / "workspace") in text
    left_at_home = [p for p in home.rglob("*") if "cchc" in str(p).lower()]
    assert left_at_home == [], left_at_home
