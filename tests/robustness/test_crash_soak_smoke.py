"""The crash soak in the test suite: one trial per kind (fixed seed, small files), and its checker
shown to catch what it is there to catch (a lost acknowledged edit, a stray change, a broken or
unrecorded package) - a soak whose checks never fire would prove nothing.

The full run (>= 50 trials) is `bench/crash_soak.py`; its output is in docs/benchmarks.md.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOAK = ROOT / "bench" / "crash_soak.py"
DOC = ROOT / "docs" / "benchmarks.md"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only (SIGKILL)")


def _soak_module() -> Any:
    spec = importlib.util.spec_from_file_location("crash_soak", SOAK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("crash_soak", module)
    spec.loader.exec_module(module)
    return module


soak = _soak_module()


def test_one_trial_of_each_kind_loses_nothing(tmp_path: Path) -> None:
    doc_before = DOC.read_bytes()
    proc = subprocess.run(
        [sys.executable, str(SOAK), "--trials", "5", "--seed", "11", "--small", "--workdir", str(tmp_path)],
        cwd=ROOT, check=False, capture_output=True, text=True, timeout=240,
    )
    out = proc.stdout
    assert "| kind | trials | killed mid-run | acknowledged (checked) | lost acknowledged " \
        "edits | damaged workspaces | partial packages | unrecorded packages | partial imports | unintended GUI saves |" \
        in out, proc.stdout[-3000:] + proc.stderr[-3000:]
    for kind in soak.KINDS:
        # Every failure column is 0: lost acknowledged edits, damaged workspaces, partial packages, unrecorded
        # packages, partial imports, unintended GUI saves.
        row = re.search(rf"^\| {kind} \| 1 \| [01] \| \d+ \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|$", out, re.MULTILINE)
        assert row, (kind, out)
    assert re.search(r"^\| \*\*total\*\* \| 5 \|", out, re.MULTILINE), out
    assert proc.returncode == 0 and "result: **PASS** (0 failures)" in out, out
    assert list(tmp_path.iterdir()) == []  # the work dir was removed
    assert DOC.read_bytes() == doc_before  # no --write-doc: the repository is untouched


# ---------------------------------------------------------------- the checker catches what it must


@pytest.fixture
def agency(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path / "ws"
    soak._filled_workspace(folder, tmp_path / "scratch", "XA-001", "UBND xã Một")
    return folder, soak._workspace_state(folder)


def _ack(seq: int, code: str, state: dict[str, Any]) -> str:
    return f"ACK {seq} {code} {json.dumps(state, ensure_ascii=False, separators=(',', ':'))}"


def _open(folder: Path) -> Any:
    from cchc_desktop.core.services.agency import AgencyWorkspace

    return AgencyWorkspace.open(folder, actor="test")


def test_the_checker_counts_an_acknowledged_edit_that_is_not_on_disk(agency) -> None:
    folder, initial = agency
    claimed = dict(initial["1.3"], answer=["false", False, "", ""])  # "ACKed" but never written
    out = soak.Outcome()
    soak.check_agency(folder, ["READY", "TRY 0 1.3", _ack(0, "1.3", claimed)], initial, out)
    assert out.lost == 1 and out.damaged == 0 and out.acks == 1, out.problems


def test_the_checker_accepts_the_edit_in_flight_only_as_it_was_committed(agency) -> None:
    folder, initial = agency
    with _open(folder) as ws:
        ws.set_value("1.3", False)  # committed with its change-log row; the kill came before the ACK
    out = soak.Outcome()
    soak.check_agency(folder, ["READY", "TRY 0 1.3"], initial, out)
    assert out.problems == [] and out.inflight_committed == 1
    # The same change without an edit in flight for that item is a damaged workspace.
    out = soak.Outcome()
    soak.check_agency(folder, ["READY", "TRY 0 1.4"], initial, out)
    assert out.damaged == 1, out.problems


def test_the_checker_counts_a_stray_change_and_a_damaged_store(agency) -> None:
    folder, initial = agency
    with _open(folder) as ws:
        ws.set_note("1.4", "không ai yêu cầu sửa")
        doc = ws.documents()[0]
        path = ws.store.path_of(doc.sha256)
    path.write_bytes(b"hong")  # the evidence file no longer hashes to its name
    (folder / "evidence" / ".tmp").mkdir(exist_ok=True)
    out = soak.Outcome()
    soak.check_agency(folder, ["READY"], initial, out)
    assert out.damaged == 2 and out.lost == 0, out.problems  # the stray note, the broken file


def test_the_export_checker_counts_partial_and_unrecorded_packages(agency_folder, base, trust_dirs, tmp_path) -> None:
    folder = agency_folder("xuat", "XA-001")
    out_dir = tmp_path / "goi"
    out_dir.mkdir()
    shutil.copy(base.path, out_dir / "hoan-chinh.cchc")  # valid, but this workspace never recorded it
    (out_dir / "dang-do.cchc").write_bytes(base.bytes[: len(base.bytes) // 2])  # half a package, final name
    (out_dir / ".dang-do.cchc.0123abcd.part").write_bytes(base.bytes[:100])  # a temporary file: allowed
    s = SimpleNamespace(trust=trust_dirs["crl"], export_out=out_dir, export_ws=folder, work=tmp_path,
                        export_state=soak._workspace_state(folder))
    out = soak.Outcome()
    soak.check_export(s, {}, {}, out)  # type: ignore[arg-type]
    assert (out.partial_packages, out.unrecorded, out.part_left, out.damaged) == (1, 1, 1, 0), out.problems
