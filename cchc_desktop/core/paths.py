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


def default_workspace_dir() -> Path:
    """CCHC_WORKSPACE wins; otherwise `workspace/` in the user's data directory."""
    env = os.environ.get("CCHC_WORKSPACE")
    if env:
        return Path(env)
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
