"""Smoke test of the package benchmark: it runs end to end on ~10 MiB and prints its table.

The numbers themselves are not checked (timings belong to benchmarks, not tests); only that the
benchmark works, reports both ratios and peak memory, cleans up, and writes nothing in the repo.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench" / "package_bench.py"
DOC = ROOT / "docs" / "benchmarks.md"


def test_package_bench_prints_the_table_with_both_ratios(tmp_path: Path) -> None:
    doc_before = DOC.read_bytes() if DOC.exists() else None
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--gb", "0.01", "--runs", "1", "--warm", "--workdir", str(tmp_path)],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "| section | median s | runs s | MiB/s | ratio to baseline | peak RSS MiB |" in out
    for section in ("copy", "export", "hash", "verify"):
        assert re.search(rf"^\| {section}: .*\| [0-9.]+ \|", out, re.MULTILINE), out
    export = re.search(r"\| ([0-9.]+) \(export / copy\) \| ([0-9]+) \|", out)
    verify = re.search(r"\| ([0-9.]+) \(verify / hash\) \| ([0-9]+) \|", out)
    assert export and verify, out
    assert float(export.group(1)) > 0 and float(verify.group(1)) > 0
    assert 0 < int(export.group(2)) < 300 and 0 < int(verify.group(2)) < 300  # peak RSS, MiB
    assert "warm cache (--warm)" in out and "Machine:" in out
    assert list(tmp_path.iterdir()) == []  # the work dir was removed
    assert (DOC.read_bytes() if DOC.exists() else None) == doc_before  # no --write-doc: repo untouched
