"""Architecture rules: cchc_desktop.core is Qt-free and never depends on the GUI.

Three independent checks of the same rule:
  * importing every core module in a fresh interpreter loads no PySide6/shiboken6;
  * no core source file imports PySide6, shiboken6 or cchc_desktop.gui (AST scan);
  * import-linter's contract in pyproject.toml holds (when lint-imports is installed).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "cchc_desktop" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "cchc_desktop.gui")


def _is_forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def test_importing_every_core_module_loads_no_qt() -> None:
    # Alembic migration scripts are run by alembic, not imported as plain modules;
    # they are still covered by the source scan below.
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import cchc_desktop.core as core
        imported, failed = ["cchc_desktop.core"], []
        def onerror(name):
            failed.append((name, repr(sys.exc_info()[1])))
        for info in pkgutil.walk_packages(core.__path__, core.__name__ + ".", onerror=onerror):
            if ".migrations" in info.name:
                continue
            try:
                importlib.import_module(info.name)
            except Exception as exc:
                failed.append((info.name, repr(exc)))
            else:
                imported.append(info.name)
        bad = sorted(m for m in sys.modules
                     if m.split(".")[0] in ("PySide6", "shiboken6")
                     or m == "cchc_desktop.gui" or m.startswith("cchc_desktop.gui."))
        print("IMPORTED", len(imported))
        for name, err in failed:
            print("FAILED", name, err)
        for m in bad:
            print("FORBIDDEN", m)
        sys.exit(1 if (bad or failed) else 0)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, (
        "importing cchc_desktop.core modules failed or pulled in Qt/GUI modules:\n"
        + proc.stdout
        + proc.stderr
    )
    assert "IMPORTED" in proc.stdout


def _forbidden_imports(path: Path) -> list[str]:
    rel = path.relative_to(ROOT)
    package = list(rel.with_suffix("").parts)[:-1]  # for __init__.py: the package itself
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                prefix = ".".join(package[: len(package) - (node.level - 1)])
                if node.module:
                    names = [f"{prefix}.{node.module}"]
                else:
                    names = [f"{prefix}.{alias.name}" for alias in node.names]
            elif node.module:
                names = [node.module]
        elif isinstance(node, ast.Call):
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if (
                fname in ("import_module", "__import__")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names = [node.args[0].value]
        for name in names:
            if _is_forbidden(name):
                found.append(f"{rel}:{node.lineno}: imports {name}")
    return found


def test_core_sources_do_not_import_qt_or_gui() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert files, f"no Python files under {CORE}"
    problems = [p for f in files for p in _forbidden_imports(f)]
    assert not problems, "cchc_desktop/core must stay Qt-free and GUI-free:\n" + "\n".join(problems)


def _lint_imports() -> str | None:
    candidates = [
        Path(sys.executable).parent / "lint-imports",
        ROOT / ".venv" / "bin" / "lint-imports",
        ROOT / ".venv" / "Scripts" / "lint-imports.exe",
    ]
    for c in candidates:
        if c.is_file():
            return str(c)
    return shutil.which("lint-imports")


def test_import_linter_contract_holds() -> None:
    exe = _lint_imports()
    if exe is None:
        pytest.skip("lint-imports (import-linter) is not installed; contract not checked by it")
    proc = subprocess.run(
        [exe, "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, "lint-imports failed:\n" + proc.stdout + proc.stderr


def test_no_unused_imports_or_undefined_names():
    """pyflakes-level checks (ruff F rules): dead imports and undefined names are bugs waiting."""
    ruff = Path(sys.executable).with_name("ruff")
    exe = str(ruff) if ruff.exists() else shutil.which("ruff")
    if exe is None:
        pytest.skip("ruff is not installed (it is in the [test] extras)")
    out = subprocess.run([exe, "check", "--select", "F", "--output-format", "concise", "cchc_desktop", "tests"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
