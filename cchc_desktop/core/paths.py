"""Where workspaces live by default: the user's data directory, or beside the executable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "CCHC Desktop"


def user_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "cchc-desktop"


PORTABLE_MARKER = "portable.txt"


def portable_root() -> Path | None:
    """The executable's folder when the application runs portable (from a USB stick), else None.

    Portable means: a frozen build (PyInstaller) whose folder holds `portable.txt` or a
    `workspace/` folder.  Running from the sources is never portable: the repository root is
    not a USB stick.
    """
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    if (folder / PORTABLE_MARKER).is_file() or (folder / "workspace").is_dir():
        return folder
    return None


def default_workspace_dir() -> Path:
    """CCHC_WORKSPACE wins; then `workspace/` beside the executable when portable; otherwise
    `workspace/` in the user's data directory."""
    env = os.environ.get("CCHC_WORKSPACE")
    if env:
        return Path(env)
    root = portable_root()
    if root is not None:
        return root / "workspace"
    return user_data_dir() / "workspace"


def bundled_forms_dir() -> Path:
    """The sample frameworks shipped with the application (`forms/`)."""
    here = Path(__file__).resolve()
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "forms"
    return here.parents[2] / "forms"


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
