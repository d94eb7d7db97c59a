"""An export killed at the two moments the crash soak can only hit by chance: just before and just
after the temporary package is renamed to its final name.

The child process runs the real `export_submission`; `os.replace` is wrapped so that the process
SIGKILLs itself right before (or right after) renaming `.<name>.<random>.part` to `<name>.cchc`.
Afterwards the rule of docs/package-format.md must hold: no file under the final name unless it is
complete and valid, and the workspace's submissions table agrees with the files (a package under its
final name is recorded as submission n; no record without its file).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.signing.keys import encrypt_pkcs12

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "mat-khau-thu-nghiem"

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    folder, out, key, passphrase, when = sys.argv[1:6]
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        final = str(dst).endswith(".cchc")
        if final and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        real_replace(src, dst, *args, **kwargs)
        if final and when == "after":
            os.kill(os.getpid(), signal.SIGKILL)

    os.replace = replace
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.services.export import export_submission
    from cchc_desktop.core.signing.keys import load_pkcs12

    ws = AgencyWorkspace.open(folder)
    export_submission(ws, out, load_pkcs12(key, passphrase))
    print("EXPORTED", flush=True)
    """
)


def submissions(folder: Path) -> dict[str, str]:
    con = sqlite3.connect(folder / "workspace.sqlite")
    try:
        return dict(con.execute("SELECT file_name, manifest_sha256 FROM submissions").fetchall())
    finally:
        con.close()


def kill_export(folder: Path, out: Path, keys: Any, tmp_path: Path, when: str) -> None:
    key = tmp_path / "XA-001.p12"
    if not key.exists():
        key.write_bytes(encrypt_pkcs12(keys.a.private_key, keys.a.certificate, PASSPHRASE, keys.a.chain, "XA-001"))
    env = {k: v for k, v in os.environ.items() if k not in ("CCHC_DEBUG", "CCHC_LANG")}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(out), str(key), PASSPHRASE, when],
                          check=False, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stdout, proc.stderr[-1500:])


def check_consistent(folder: Path, out_dir: Path, trust: Any) -> None:
    finals = {}
    for p in out_dir.iterdir():
        if p.name.endswith(".part"):
            assert p.name.startswith("."), p.name  # a temporary name, never mistaken for a package
            continue
        report = verify_package(p, trust)
        assert report.verdict is Verdict.VALID, (p.name, report.findings)
        finals[p.name] = report.manifest_sha256
    assert submissions(folder) == finals, "the submissions table and the packages under their final names disagree"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_killed_just_before_the_rename(agency_folder, keys, trust, tmp_path: Path) -> None:
    folder = agency_folder("co-quan", "XA-001")
    out_dir = tmp_path / "xuat"
    out_dir.mkdir()
    kill_export(folder, out_dir / "XA-001-lan-1.cchc", keys, tmp_path, "before")
    names = [p.name for p in out_dir.iterdir()]
    assert len(names) == 1 and names[0].startswith(".XA-001-lan-1.cchc.") and names[0].endswith(".part"), names
    # Recorded before it was published: the next open finishes the rename, and all agrees again.
    from cchc_desktop.core.services.agency import AgencyWorkspace

    with AgencyWorkspace.open(folder) as ws:
        assert ws.info().submission_seq == 1 and ws.info().state == "submitted"
    assert [p.name for p in out_dir.iterdir()] == ["XA-001-lan-1.cchc"]
    check_consistent(folder, out_dir, trust)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_a_recorded_export_whose_files_vanished_is_withdrawn(agency_folder, keys, trust, tmp_path: Path) -> None:
    folder = agency_folder("co-quan", "XA-001")
    out_dir = tmp_path / "xuat"
    out_dir.mkdir()
    kill_export(folder, out_dir / "XA-001-lan-1.cchc", keys, tmp_path, "before")
    for p in out_dir.iterdir():
        p.unlink()  # e.g. the USB stick was pulled out with the temporary file on it
    from cchc_desktop.core.services.agency import AgencyWorkspace

    with AgencyWorkspace.open(folder) as ws:
        assert ws.info().submission_seq == 0 and ws.info().state == "draft"
    assert submissions(folder) == {}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_killed_just_after_the_rename(agency_folder, keys, trust, tmp_path: Path) -> None:
    folder = agency_folder("co-quan", "XA-001")
    out_dir = tmp_path / "xuat"
    out_dir.mkdir()
    kill_export(folder, out_dir / "XA-001-lan-1.cchc", keys, tmp_path, "after")
    assert (out_dir / "XA-001-lan-1.cchc").exists()
    check_consistent(folder, out_dir, trust)
