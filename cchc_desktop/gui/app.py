"""Application start-up: fonts, language, the workspace to open (or the first-run wizard)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from .. import __version__
from ..core.errors import UserFacingError
from ..core.paths import default_workspace_dir, portable_root
from ..core.services.agency import AgencyWorkspace
from ..core.services.workspace import is_workspace, role_of
from .errors import show_error
from .resources import install_language, load_fonts
from .ui_settings import UiSettings


class Application:
    """Owns the current workspace window; replaces it on language or workspace change."""

    def __init__(self, app: QApplication, settings: UiSettings, lang: str) -> None:
        self.app = app
        self.settings = settings
        self.lang = lang
        self.window = None  # type: ignore[var-annotated]
        self.ops = None  # type: ignore[var-annotated]

    def open_folder(self, folder: Path, parent: QWidget | None = None) -> bool:
        """Open the workspace in `folder`, or offer to create one there."""
        if is_workspace(folder):
            try:
                if role_of(folder) == "inspection":
                    from ..core.services.inspection import InspectionWorkspace

                    self.show_inspection(InspectionWorkspace.open(folder))
                    return True
                ws = AgencyWorkspace.open(folder)
            except UserFacingError as exc:
                show_error(parent, exc, lang=self.lang)
                return False
        else:
            return self.create_workspace(folder, parent)
        self.show_workspace(ws)
        return True

    def create_workspace(self, folder: Path, parent: QWidget | None = None) -> bool:
        """The first-run wizard, suggesting `folder`; opens what it created."""
        from ..core.services.inspection import InspectionWorkspace
        from .dialogs.first_run import FirstRunWizard

        wizard = FirstRunWizard(free_folder(folder), parent)  # never suggest a folder it would refuse
        wizard.exec()
        ws = wizard.workspace  # created on the wizard's commit page, even if the last page is closed
        if ws is None:
            return False
        if isinstance(ws, InspectionWorkspace):
            self.show_inspection(ws)
        else:
            self.show_workspace(ws)
        return True

    def show_workspace(self, ws: AgencyWorkspace) -> None:
        from .operations import AgencyOperations
        from .windows.agency_window import AgencyWindow

        old_window, old_ops = self.window, self.ops
        if old_window is not None:
            old_window.close()
        if old_ops is not None and old_ops.workspace is not ws:
            old_ops.close()
        ops = old_ops if old_ops is not None and old_ops.workspace is ws else AgencyOperations(ws)
        ops.lang = self.lang
        window = AgencyWindow(ops)
        window.language_requested.connect(self.switch_language)
        window.workspace_requested.connect(self._workspace_requested)
        window.year_started.connect(self._year_started)
        geometry = self.settings.geometry()
        if geometry is not None:
            window.restoreGeometry(geometry)
        window.show()
        self.window, self.ops = window, ops
        self.settings.last_workspace = str(ws.folder)

    def _year_started(self, _result: object) -> None:
        """The workspace moved to a new year (another framework): open it afresh, with new
        operations and a new window; the old ones are closed."""
        if self.ops is None:
            return
        try:
            ws = AgencyWorkspace.open(self.ops.workspace.folder)
        except UserFacingError as exc:
            show_error(self.window, exc, lang=self.lang)
            return
        self.show_workspace(ws)

    def show_inspection(self, ws) -> None:  # type: ignore[no-untyped-def]
        from .windows.inspection_window import InspectionWindow

        if self.window is not None:
            self.window.close()
        if self.ops is not None:
            self.ops.close()
            self.ops = None
        window = InspectionWindow(ws)
        window.lang = self.lang
        window.language_requested.connect(self.switch_language)
        window.workspace_requested.connect(self._workspace_requested)
        window.show()
        self.window = window
        self.settings.last_workspace = str(ws.folder)

    def switch_language(self, lang: str) -> None:
        if not install_language(lang) and lang == "en":
            return
        self.lang = lang
        self.settings.language = lang
        if self.ops is not None:
            self.show_workspace(self.ops.workspace)
        elif self.window is not None and hasattr(self.window, "workspace"):
            self.show_inspection(self.window.workspace)

    def _workspace_requested(self, what: str) -> None:
        if what == "open":
            d = QFileDialog.getExistingDirectory(self.window, QApplication.translate("app", "Mở không gian làm việc"))
            if d:
                self.open_folder(Path(d), self.window)
        else:
            self.create_workspace(default_workspace_dir(), self.window)

    def shutdown(self) -> None:
        if self.window is not None:
            self.settings.set_geometry(self.window.saveGeometry())
        if self.ops is not None:
            self.ops.close()


def free_folder(folder: Path) -> Path:
    """`folder`, or `folder-2`, `folder-3`… : the first that is not a workspace or a non-empty folder."""
    def taken(p: Path) -> bool:  # as prepare_new_folder sees it: hidden files do not count
        return p.exists() and (not p.is_dir() or any(not f.name.startswith(".") for f in p.iterdir()))

    candidate, n = folder, 1
    while taken(candidate):
        n += 1
        candidate = folder.with_name(f"{folder.name}-{n}")
    return candidate


def _report_and_quit(app: QApplication, controller: Application, screenshot: str | None) -> None:
    w = controller.window
    if w is not None:
        if screenshot:
            w.grab().save(screenshot)
        print(f"WINDOW visible={w.isVisible()} platform={app.platformName()} size={w.width()}x{w.height()} title={w.windowTitle()}", flush=True)
    app.quit()


def use_portable_settings() -> Path | None:
    """Portable (core.paths.portable_root): UI settings go to an INI file in `<program folder>/settings/`
    instead of the registry or the home folder, so a USB stick leaves nothing on the PC."""
    portable = portable_root()
    if portable is not None:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(portable / "settings"))
    return portable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc-desktop", description="CCHC Desktop")
    parser.add_argument("workspace", nargs="?", help="workspace folder (default: the user's data folder)")
    parser.add_argument("--lang", choices=("vi", "en"))
    parser.add_argument("--version", action="version", version=f"CCHC Desktop {__version__}")
    # For smoke tests of installs and bundles: show the window, report it, optionally grab it, quit.
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CCHC Desktop")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")  # the same look on every office PC, and in the screenshots of the guide
    load_fonts(app)  # type: ignore[arg-type]
    portable = use_portable_settings()
    settings = UiSettings()
    lang = args.lang or settings.language
    install_language(lang)
    controller = Application(app, settings, lang)  # type: ignore[arg-type]
    last = settings.last_workspace
    if last and portable is not None and not Path(last).is_dir():
        last = ""  # the stick is mounted elsewhere now (another drive letter): use the one beside the program
    folder = Path(args.workspace or os.environ.get("CCHC_WORKSPACE") or last or default_workspace_dir())
    if not controller.open_folder(folder.expanduser()):
        return 0
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, lambda: _report_and_quit(app, controller, args.screenshot))
    code = app.exec()
    controller.shutdown()
    return code
