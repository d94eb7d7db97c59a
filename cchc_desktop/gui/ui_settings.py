"""UI state only (language, last workspace, geometry); domain settings live in the workspace."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class UiSettings:
    def __init__(self) -> None:
        # defaultFormat(): the native store (registry on Windows), or the INI file beside the
        # program in portable mode (gui/app.py sets it); the (org, app) constructor ignores it.
        self._s = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "CCHC Desktop", "cchc-desktop")

    @property
    def language(self) -> str:
        value = self._s.value("ui/language", "vi")
        return value if value in ("vi", "en") else "vi"

    @language.setter
    def language(self, lang: str) -> None:
        self._s.setValue("ui/language", lang)

    @property
    def last_workspace(self) -> str:
        return str(self._s.value("workspace/last", "") or "")

    @last_workspace.setter
    def last_workspace(self, path: str) -> None:
        self._s.setValue("workspace/last", path)

    def geometry(self) -> QByteArray | None:
        v = self._s.value("ui/geometry")
        return v if isinstance(v, QByteArray) else None

    def set_geometry(self, data: QByteArray) -> None:
        self._s.setValue("ui/geometry", data)
