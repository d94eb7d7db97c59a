"""Frameworks as Excel tables: import the table a province publishes, export a framework to it
(docs/framework-excel.md).  Qt-free, like all of the core."""

from __future__ import annotations

from .framework_read import InvalidXlsxFramework, XlsxImport, import_xlsx
from .framework_write import export_xlsx, framework_json, save_framework_json
from .layout import XlsxFinding

__all__ = ["import_xlsx", "export_xlsx", "framework_json", "save_framework_json", "InvalidXlsxFramework",
           "XlsxImport", "XlsxFinding"]
