"""Fixtures of the package tests: the inspection tests' keys, trust folders, workspaces and `cli`,
the signing tests' `Pki`, plus one valid package (two evidence files, ~20 KB and ~5 KB) made once.

Everything signed is EC and made once per session.  `refused` checks one hostile package end to end:
the verifier's finding, the importer's refusal, and that nothing changed or appeared anywhere.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.cli import main
from cchc_desktop.core.package.reader import PackageReport, verify_package
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.export import export_submission
from cchc_desktop.core.signing.api import TrustStore, Verdict
from cchc_desktop.core.signing.trust import load_trust

from ..conftest import TEST_ACTOR, fixed_clock
from ..inspection import conftest as inspection_fixtures
from ..inspection.helpers import MINI, Keys, answers_doc, snapshot
from ..signing import conftest as signing_fixtures

# The inspection and signing tests' fixtures, reused as they are (bound here so pytest sees them).
keys = inspection_fixtures.keys  # session: province CA + XA-001 (a), XA-002 (b), rogue XA-001; EC
trust_dirs = inspection_fixtures.trust_dirs  # session: {"crl": CA + CRL, "no_crl": CA alone}
cli = inspection_fixtures.cli  # cli(*argv) -> Result(code, out, err), in-process
council = inspection_fixtures.council  # council(trust="crl") -> fresh InspectionWorkspace in tmp_path
agency_folder = inspection_fixtures.agency_folder  # agency_folder(name, code) -> filled through the CLI
open_agency = inspection_fixtures.open_agency
_clean_cli_environment = inspection_fixtures._clean_cli_environment  # autouse: no CCHC_LANG / CCHC_DEBUG
pki = signing_fixtures.pki  # session: an EC CA with make_pki (Pki: signer(), trust(), crl())
openssl = signing_fixtures.openssl  # the openssl executable, or skip

BIG_EVIDENCE = 20 * 1024
SMALL_EVIDENCE = 5 * 1024


def evidence_bytes(size: int, seed: int) -> bytes:
    """A PDF-looking file of `size` bytes, the same in every run."""
    head = b"%PDF-1.4\n% tai lieu kiem chung\n"
    return head + random.Random(seed).randbytes(size - len(head))


def fill_agency(folder: Path, files: Path, code: str = "XA-001", big: bool = False) -> dict[str, Any]:
    """An agency workspace made and filled with the real CLI (in-process); returns the answers doc.
    `big`: the two evidence files are ~20 KB and ~5 KB instead of the inspection tests' tiny ones."""
    files.mkdir(parents=True)
    doc = answers_doc(files)
    if big:
        (files / "qd-ke-hoach.pdf").write_bytes(evidence_bytes(BIG_EVIDENCE, 1))
        (files / "bao-cao.pdf").write_bytes(evidence_bytes(SMALL_EVIDENCE, 2))
    answers = files.parent / f"{folder.name}-tra-loi.json"
    answers.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["workspace", "init", str(folder), "--role", "agency", "--framework", str(MINI), "--agency-code", code,
                 "--agency-name", "UBND xã Một", "--year", "2026"]) == 0
    assert main(["assess", "fill", str(folder), "--answers", str(answers)]) == 0
    return doc


@dataclass(frozen=True)
class BasePackage:
    path: Path
    bytes: bytes
    agency: Path  # the agency workspace it was exported from


@pytest.fixture(scope="session")
def base(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> BasePackage:
    """ONE valid submission (XA-001, signed by keys.a): 3 data entries, evidence of ~20 KB and ~5 KB,
    manifest and signature.  Tests read it, never change it."""
    root = tmp_path_factory.mktemp("base")
    fill_agency(root / "co-quan", root / "tai-lieu", big=True)
    with AgencyWorkspace.open(root / "co-quan", clock=fixed_clock, actor=TEST_ACTOR) as ws:
        written = export_submission(ws, root / "XA-001-lan-1.cchc", keys.a).package
    return BasePackage(written.path, written.path.read_bytes(), root / "co-quan")


@pytest.fixture(scope="session")
def trust(trust_dirs: dict[str, Path]) -> TrustStore:
    """The province CA with its current CRL (what `council()` trusts)."""
    return load_trust(trust_dirs["crl"])


def tree(root: Path) -> dict[str, bytes | None]:
    """Every path under `root` with its bytes (None for folders); database files are compared by
    their rows (`snapshot`), so only their names count here."""
    out: dict[str, bytes | None] = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.name.startswith("workspace.sqlite"):
            out[rel] = b"<database>"
        else:
            out[rel] = p.read_bytes() if p.is_file() and not p.is_symlink() else None
    return out


@pytest.fixture
def refused(tmp_path: Path, council: Callable[..., Any], trust: TrustStore,
            monkeypatch: pytest.MonkeyPatch) -> Callable[..., PackageReport]:
    """`refused(pkg, codes, *words)`: `pkg` must be INVALID with exactly the finding `codes`, the
    Vietnamese message of the first one naming the problem (each of `words` in it); importing it into
    a fresh inspection workspace is refused with the same codes, and afterwards every table row,
    every file of the workspace and every file under tmp_path is as before (the current directory
    and the system temporary folder are inside tmp_path, so a relative path or a temporary file
    written anywhere would show too)."""
    ws = council()
    cwd = tmp_path / "cwd" / "a" / "b"
    cwd.mkdir(parents=True)
    monkeypatch.chdir(cwd)
    temp = tmp_path / "system-temp"  # tempfile's folder too: a temporary file left anywhere would show
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))

    def check(pkg: Path, codes: tuple[str, ...], *words: str) -> PackageReport:
        before_tree, before_ws = tree(tmp_path), snapshot(ws.folder)
        report = verify_package(pkg, trust)
        assert report.verdict is Verdict.INVALID, report.findings
        assert tuple(f.code for f in report.findings) == codes, report.findings
        assert all(f.fatal for f in report.findings)
        assert report.data == {}
        message = report.findings[0].vi
        for word in words:
            assert word in message, message
        assert report.findings[0].en and report.findings[0].en != message  # English is there too
        [result] = ws.import_packages([pkg], allow_unknown_revocation=False)
        assert result.status == "refused" and result.codes == codes, result.codes
        assert result.manifest_sha256 is None
        assert result.reasons() == [f.vi for f in report.findings]
        assert snapshot(ws.folder) == before_ws
        assert ws.packages() == [] and ws.agencies() == []
        assert tree(tmp_path) == before_tree, "a file appeared or changed"
        return report

    return check
