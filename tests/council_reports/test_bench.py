"""Smoke test of bench/report_bench.py on the tests' small round: it runs end to end, prints every
section with its baseline, ratio and memory, and writes nothing in the repository."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "report_bench.py"
DOC = ROOT / "docs" / "benchmarks.md"


def test_the_report_benchmark_runs_on_a_given_round(council_round, tmp_path: Path) -> None:
    doc_before = DOC.read_bytes() if DOC.exists() else None
    out = tmp_path / "round"
    shutil.copytree(council_round.folder, out / "council")
    work = tmp_path / "work"
    work.mkdir()
    proc = subprocess.run([sys.executable, str(BENCH), "--round", str(out), "--runs", "1", "--agency-pdfs", "1",
                           "--workdir", str(work)], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = proc.stdout
    assert "| section | median s | runs s | baseline (same run) | ratio | RSS before → peak MiB |" in text
    for section in ("round data", "publication PDF", "ranking workbook", "per-agency appraisal PDFs"):
        assert re.search(rf"^\| {section}.*\| [0-9]+ → [0-9]+ \|$", text, re.MULTILINE), section
    assert re.search(r"bare reportlab table of 3 rows: [0-9.]+ s \| [0-9.]+× \|", text), text
    assert re.search(r"bare openpyxl write-only, [0-9,]+ plain cells", text), text
    assert list(work.iterdir()) == []  # its temporary folder is gone
    assert (DOC.read_bytes() if DOC.exists() else None) == doc_before  # no --write-doc: repository untouched
