"""The PyInstaller bundle: what the spec takes along (fast, always), and a real build + smoke test.

The real build (`bash packaging/build_linux.sh`, then packaging/smoke_test.sh on the result) takes
about 1 to 1.5 minutes on two cores, so it runs by default, CI included.  Skip it locally with
CCHC_BUILD_BUNDLE=0.
"""

from __future__ import annotations

import ast
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "cchc.spec"
MIGRATIONS = ROOT / "cchc_desktop" / "core" / "storage" / "migrations"
MAX_BUNDLE_MB = 230  # 173 MB on Linux today; a Qt module slipping back in adds 20 to 200 MB


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def spec_literal(name: str) -> Any:
    """The value of a top-level `NAME = <literal>` in the spec."""
    for node in _spec_tree().body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} has no literal {name} = ...")


def spec_selection() -> dict[str, str]:
    """{repository-relative source file: bundle folder} as the spec's select_data_files() makes it."""
    func = next(n for n in _spec_tree().body if isinstance(n, ast.FunctionDef) and n.name == "select_data_files")
    namespace: dict[str, Any] = {"os": os, "fnmatch": fnmatch}
    exec(compile(ast.Module(body=[func], type_ignores=[]), str(SPEC), "exec"), namespace)
    pairs = namespace["select_data_files"](str(ROOT), spec_literal("DATA"), spec_literal("DATA_SKIP"))
    return {Path(src).relative_to(ROOT).as_posix(): dest for src, dest in pairs}


def test_spec_lists_every_data_folder_the_app_opens_at_run_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from cchc_desktop.core import paths
    from cchc_desktop.core.storage import db

    data = {dest: src for src, dest, _patterns in spec_literal("DATA")}
    # where the frozen application looks: below sys._MEIPASS, the same relative paths as in the sources
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    wanted = {
        paths.resources_dir().relative_to(tmp_path).as_posix(): "resources",
        paths.bundled_forms_dir().relative_to(tmp_path).as_posix(): "forms",
        db.MIGRATIONS_DIR.relative_to(ROOT).as_posix(): "cchc_desktop/core/storage/migrations",
    }
    for dest, src in wanted.items():
        assert dest in data, f"packaging/cchc.spec: DATA has no entry for the bundle folder {dest}/"
        assert data[dest] == src


def test_spec_takes_fonts_translations_forms_and_migrations() -> None:
    chosen = spec_selection()

    def must(rel: str, dest: str) -> None:
        assert chosen.get(rel) == dest, f"packaging/cchc.spec does not bundle {rel} into {dest}/"

    fonts = sorted((ROOT / "resources" / "fonts").glob("*.ttf"))
    assert fonts
    for f in fonts:
        must(f"resources/fonts/{f.name}", "resources/fonts")
    for f in (ROOT / "resources" / "fonts").glob("LICENSE*"):
        must(f"resources/fonts/{f.name}", "resources/fonts")
    qms = sorted((ROOT / "resources" / "translations").glob("*.qm"))
    assert qms
    for f in qms:
        must(f"resources/translations/{f.name}", "resources/translations")
    forms = sorted((ROOT / "forms").glob("*.json")) + sorted((ROOT / "forms").glob("*.xlsx"))
    assert any(f.name.endswith(".schema.json") for f in forms)
    for f in forms:
        must(f"forms/{f.name}", "forms")
    must("cchc_desktop/core/storage/migrations/env.py", "cchc_desktop/core/storage/migrations")
    must("cchc_desktop/core/storage/migrations/script.py.mako", "cchc_desktop/core/storage/migrations")
    # sources of generated files and caches stay out
    assert not [k for k in chosen if k.endswith((".ts", ".pyc")) or "__pycache__" in k]


def test_every_migration_is_a_python_file_the_spec_bundles() -> None:
    chosen = spec_selection()
    versions = MIGRATIONS / "versions"
    files = [p for p in versions.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert any(re.match(r"\d{4}_", p.name) for p in files)
    for p in files:
        rel = p.relative_to(ROOT).as_posix()
        assert p.suffix == ".py", f"{rel}: Alembic only loads .py revision files (and the spec only takes *.py)"
        assert chosen.get(rel) == "cchc_desktop/core/storage/migrations/versions", f"{rel} is not bundled"


def test_spec_does_not_exclude_a_qt_module_the_code_imports() -> None:
    unused = set(spec_literal("QT_UNUSED"))
    used = set()
    for py in (ROOT / "cchc_desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", py.read_text(encoding="utf-8")))
    assert used, "no PySide6 module found in the sources?"
    clash = sorted(used & unused)
    assert not clash, f"packaging/cchc.spec excludes {clash}, which the application imports: update QT_UNUSED"


def test_windows_installer_script_names_the_bundle_and_both_languages() -> None:
    iss = (ROOT / "packaging" / "cchc-desktop.iss").read_text(encoding="utf-8-sig")
    assert "cchc-desktop.exe" in iss and "PrivilegesRequired=lowest" in iss
    assert "Vietnamese.isl" in iss and 'Name: "english"' in iss
    ps1 = (ROOT / "packaging" / "build_windows.ps1").read_text(encoding="utf-8")
    assert "packaging\\cchc.spec" in ps1 and ".[build]" in ps1 and "ISCC" in ps1


# --- the real thing ------------------------------------------------------------------------------


def _bundle_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux")
@pytest.mark.skipif(os.environ.get("CCHC_BUILD_BUNDLE") == "0", reason="CCHC_BUILD_BUNDLE=0: bundle build skipped")
def test_linux_bundle_builds_and_passes_its_smoke_test(tmp_path: Path) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        msg = "PyInstaller is not installed: .venv/bin/pip install -e '.[build]' (scripts/setup.sh does it)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    if shutil.which("objcopy") is None:
        pytest.skip("binutils is missing (objcopy, objdump): apt-get install binutils (scripts/setup.sh does it)")

    env = dict(os.environ, CCHC_DIST_DIR=str(tmp_path / "dist"), CCHC_BUILD_DIR=str(tmp_path / "build"))
    started = time.monotonic()
    proc = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build_linux.sh")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200,
    )
    elapsed = time.monotonic() - started
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-6000:]
    assert "smoke: OK" in output, output[-6000:]

    bundle = tmp_path / "dist" / "cchc-desktop"
    size = _bundle_size_mb(bundle)
    print(f"bundle built and smoke-tested in {elapsed:.0f} s, {size:.0f} MB")
    assert size < MAX_BUNDLE_MB, f"the bundle grew to {size:.0f} MB: did an unused Qt module slip in?"
    names = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")]
    unwanted = [n for n in names if re.search(r"Qt6(Qml|Quick|WebEngine|Sql|Test|Designer|Multimedia)|/sqldrivers/|/qmltooling/", n)]
    assert not unwanted, unwanted[:10]
