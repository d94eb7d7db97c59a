"""The English translation: complete, compiled, covering every GUI string, and loaded at run time.

Vietnamese is the source language of the GUI; English comes from resources/translations/cchc_en.qm,
compiled from cchc_en.ts.  After adding or changing a GUI string run
`bash scripts/update_translations.sh`, translate what it lists, and run it again.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "cchc_desktop" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "cchc_en.ts"
QM = TRANSLATIONS / "cchc_en.qm"
# Strings the GUI looks up at run time that lupdate cannot extract from the sources (see there).
EXTRA = TRANSLATIONS / "extra_strings.py"

# tr() calls whose text lupdate cannot see, and where the strings are supplied instead.  A new
# call like these must either use a literal or be added here (and its strings to EXTRA).
KNOWN_DYNAMIC_TR = {
    # COLUMNS is translated under "CriteriaTreeModel" by extra_strings.py.
    ("models/criteria_tree.py", "self.tr(self.COLUMNS[section])"),
}

TRANSLATE_OWNERS = {"QApplication", "QCoreApplication", "QGuiApplication"}

UPDATE_HINT = "run `bash scripts/update_translations.sh` and translate what it lists"


# -- reading the .ts ---------------------------------------------------------------------------


def _messages() -> list[tuple[str, str, ET.Element | None]]:
    """(context, source, <translation>) of every live message (obsolete/vanished ones skipped)."""
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                continue
            out.append((name, msg.findtext("source") or "", tr))
    return out


def _ts_pairs() -> set[tuple[str, str]]:
    return {(c, s) for c, s, _ in _messages()}


# -- scanning the sources ----------------------------------------------------------------------


def _literal(node: ast.AST) -> str | None:
    """The value of a string literal ("a" "b" concatenations included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _TrScanner(ast.NodeVisitor):
    """Collects every tr()/translate()/QT_TRANSLATE_NOOP() call of one file.

    pairs:   (context, text) known statically: self.tr in class C -> C; translate("ctx", ...).
    loose:   texts of tr("...") on something other than self (context only known at run time).
    dynamic: source segments of calls whose text is not a literal (lupdate cannot extract them).
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.classes: list[str] = []
        self.pairs: list[tuple[str, str, int]] = []
        self.loose: list[tuple[str, int]] = []
        self.dynamic: list[tuple[str, int]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = owner = None
        if isinstance(func, ast.Attribute):
            name = func.attr
            owner = func.value.id if isinstance(func.value, ast.Name) else None
        elif isinstance(func, ast.Name):
            name = func.id
        if name == "tr" and node.args:
            text = _literal(node.args[0])
            if text is None:
                self.dynamic.append((ast.get_source_segment(self.source, node) or "", node.lineno))
            elif owner == "self" and self.classes:
                self.pairs.append((self.classes[-1], text, node.lineno))
            else:
                self.loose.append((text, node.lineno))
        elif (name == "translate" and owner in TRANSLATE_OWNERS) or name == "QT_TRANSLATE_NOOP":
            if len(node.args) >= 2:
                ctx, text = _literal(node.args[0]), _literal(node.args[1])
                if ctx is None or text is None:
                    self.dynamic.append((ast.get_source_segment(self.source, node) or "", node.lineno))
                else:
                    self.pairs.append((ctx, text, node.lineno))
        self.generic_visit(node)


def _scan() -> Iterator[tuple[str, _TrScanner]]:
    files = sorted(GUI.rglob("*.py")) + ([EXTRA] if EXTRA.exists() else [])
    for path in files:
        source = path.read_text(encoding="utf-8")
        scanner = _TrScanner(source)
        scanner.visit(ast.parse(source, filename=str(path)))
        rel = (path.relative_to(GUI) if path.is_relative_to(GUI) else path.relative_to(ROOT)).as_posix()
        yield rel, scanner


# -- (a) the .ts is complete -----------------------------------------------------------------------


def test_ts_has_messages_and_every_one_is_translated() -> None:
    messages = _messages()
    assert len(messages) > 50, "cchc_en.ts looks empty"
    todo = []
    for ctx, src, tr in messages:
        if tr is None or tr.get("type") == "unfinished":
            todo.append((ctx, src))
            continue
        forms = tr.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [tr.text or ""]
        if any(not t.strip() for t in texts):
            todo.append((ctx, src))
    assert not todo, f"untranslated messages in {TS.name} ({UPDATE_HINT}):\n" + "\n".join(map(repr, todo))


_MARKERS = re.compile(r"\{[^{}]*\}|%[a-zA-Z0-9]|</?[a-zA-Z][^>]*>")


def test_translations_keep_placeholders_markup_and_spacing() -> None:
    bad = []
    for ctx, src, tr in _messages():
        text = (tr.text if tr is not None else "") or ""
        if sorted(_MARKERS.findall(src)) != sorted(_MARKERS.findall(text)):
            bad.append((ctx, src, text, "placeholders/tags differ"))
        if (src[:1].isspace(), src[-1:].isspace()) != (text[:1].isspace(), text[-1:].isspace()):
            bad.append((ctx, src, text, "leading/trailing space differs"))
        if re.search(r"&\w", src) and not re.search(r"&\w", text):
            bad.append((ctx, src, text, "keyboard accelerator (&) lost"))
    assert not bad, "\n".join(map(repr, bad))


# -- (b) the .qm is compiled from the current .ts ------------------------------------------------


def _lrelease() -> Path | None:
    bindir = Path(sys.executable).parent  # the venv's bin/Scripts folder (symlinks not resolved)
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (bindir / name).exists():
            return bindir / name
    return None


def test_qm_is_up_to_date_with_ts(tmp_path: Path) -> None:
    assert QM.exists(), f"{QM} is missing ({UPDATE_HINT})"
    tool = _lrelease()
    if tool is None:
        pytest.skip(f"pyside6-lrelease not found next to {sys.executable}")
    fresh = tmp_path / "cchc_en.qm"
    cmd = [str(tool), "-silent", str(TS), "-qm", str(fresh)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert fresh.read_bytes() == QM.read_bytes(), f"{QM.name} is stale: {UPDATE_HINT}"


# -- (c) every GUI string is in the .ts --------------------------------------------------------------


def test_every_gui_string_is_in_ts() -> None:
    pairs = _ts_pairs()
    sources = {s for _, s in pairs}
    missing = []
    for rel, scan in _scan():
        for ctx, text, line in scan.pairs:
            if (ctx, text) not in pairs:
                missing.append(f"{rel}:{line}: [{ctx}] {text!r}")
        for text, line in scan.loose:
            if text not in sources:
                missing.append(f"{rel}:{line}: [?] {text!r}")
    assert not missing, f"strings missing from {TS.name} ({UPDATE_HINT}):\n" + "\n".join(missing)


def test_scanner_finds_the_gui_strings() -> None:
    """Guards the scan above: it must see (nearly) everything lupdate saw."""
    found = {(ctx, text) for _, scan in _scan() for ctx, text, _ in scan.pairs}
    found |= {("", text) for _, scan in _scan() for text, _ in scan.loose}
    assert len(found) >= 0.9 * len(_ts_pairs())
    assert ("AgencyWindow", "Hoàn tác") in found
    assert ("errors", "Lỗi phần mềm") in found


def test_no_new_tr_call_that_lupdate_cannot_extract() -> None:
    dynamic = {(rel, seg): line for rel, scan in _scan() for seg, line in scan.dynamic}
    unknown = [
        f"{rel}:{line}: {seg}"
        for (rel, seg), line in sorted(dynamic.items())
        if (rel, seg) not in KNOWN_DYNAMIC_TR
    ]
    assert not unknown, (
        "tr()/translate() on a non-literal: lupdate cannot extract the text.  Mark the strings where they "
        "are defined with QT_TRANSLATE_NOOP(\"Context\", \"...\") (or list them in extra_strings.py and in "
        "KNOWN_DYNAMIC_TR):\n" + "\n".join(unknown)
    )


# -- (d) English at run time ----------------------------------------------------------------------


@pytest.fixture
def restore_language(qapp: Any) -> Iterator[None]:
    """Whatever a test installs, the next test gets the Vietnamese source texts and its locale back."""
    from PySide6.QtCore import QLocale

    from cchc_desktop.gui.resources import install_language

    locale = QLocale()
    try:
        yield
    finally:
        install_language("vi")
        QLocale.setDefault(locale)


KNOWN = [
    ("AgencyWindow", "Hoàn tác", "Undo"),
    ("AgencyWindow", "Làm lại", "Redo"),
    ("errors", "Lỗi phần mềm", "Software error"),
    ("app", "Mở không gian làm việc", "Open workspace"),
    ("ScorePanel", "Đã nhập %v/%m", "Entered %v/%m"),
    ("EvidencePanel", "Tài liệu kiểm chứng", "Evidence"),
]


def test_install_language_switches_between_english_and_vietnamese(restore_language: None) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale

    from cchc_desktop.gui.resources import install_language

    assert install_language("en") is True
    assert QLocale().language() == QLocale.Language.English
    for ctx, vi, en in KNOWN:
        assert QCoreApplication.translate(ctx, vi) == en

    # self.tr() of a real widget uses its class name as the context.
    from cchc_desktop.gui.dialogs.citation import CitationDialog

    dlg = CitationDialog(None, "ke-hoach.pdf")
    try:
        assert dlg.windowTitle() == "Evidence citation"
    finally:
        dlg.deleteLater()

    assert install_language("vi") is True
    assert QLocale().language() == QLocale.Language.Vietnamese
    for ctx, vi, _en in KNOWN:
        assert QCoreApplication.translate(ctx, vi) == vi


def test_tree_column_headers_are_translated(restore_language: None) -> None:
    """COLUMNS goes through tr() as a variable, so lupdate cannot check it; check the result."""
    from PySide6.QtCore import QCoreApplication

    from cchc_desktop.gui.models.criteria_tree import CriteriaTreeModel
    from cchc_desktop.gui.resources import install_language

    assert install_language("en") is True
    columns = CriteriaTreeModel.COLUMNS
    untranslated = [c for c in columns if QCoreApplication.translate("CriteriaTreeModel", c) == c]
    assert not untranslated, f"tree columns without English text: {untranslated}"
