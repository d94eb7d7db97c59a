"""Council report benchmarks on a 150-agency x 100-item round: the publication PDF, the ranking
workbook, the per-agency appraisal PDFs, and their peak memory.

    .venv/bin/python bench/report_bench.py [--agencies 150] [--round DIR] [--runs 3] [--agency-pdfs 10] [--write-doc]

The round is built by bench/council_round.py (signed packages, imported, a third appraised, survey
merged) unless --round names one built before (its out dir; the council folder is copied first,
never written).  Every section runs in a fresh child process, which reports its time and its peak
RSS (VmHWM) next to its RSS just before the timed call, so that memory is the operation's own.
Baselines are measured in the same run, over the same amounts:

- the publication PDF against a bare reportlab document holding a table with as many rows (plain
  strings, the built-in Helvetica, no heading, charts, footer or embedded font);
- the workbook against openpyxl (write-only) writing as many cells, plain values, no styling;
- the round's data (one snapshot for every output) against `InspectionWorkspace.ranking()`, what
  the council's ranking tab already computes.

Medians of --runs runs, interleaved; the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SECTION = "## Council reports"


# ---------------------------------------------------------------- children (one measured operation each)


def _status(key: str) -> float:
    """VmRSS / VmHWM of this process, MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(kind: str, folder: Path, out: Path, amount: int) -> dict[str, float]:
    """Run one section; returns seconds, RSS before and peak RSS (MiB)."""
    from cchc_desktop.core.services.inspection import InspectionWorkspace

    if kind in ("bare_pdf", "bare_xlsx"):
        fn = _bare(kind, out, amount)
    else:
        ws = InspectionWorkspace.open(folder)
        from cchc_desktop.core.services.council_reports import council_report_data

        if kind == "ranking":
            def fn() -> None:
                ws.ranking()
        elif kind == "data":
            def fn() -> None:
                council_report_data(ws)
        else:
            data = council_report_data(ws)
            if kind == "pdf":
                from cchc_desktop.core.reports.council_pdf import write_council_pdf

                def fn() -> None:
                    write_council_pdf(data, str(out))
            elif kind == "xlsx":
                from cchc_desktop.core.reports.council_xlsx import write_council_xlsx

                def fn() -> None:
                    write_council_xlsx(data, str(out))
            elif kind == "agency_pdfs":
                from cchc_desktop.core.reports.agency_appraisal_pdf import write_agency_appraisal_pdf

                def fn() -> None:
                    for r in data.results[:amount]:
                        write_agency_appraisal_pdf(data, r, str(out))
            else:
                raise SystemExit(f"unknown section {kind}")
    before = _status("VmRSS")
    t0 = time.perf_counter()
    fn()
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "rss_before": before, "peak": _status("VmHWM")}


def _bare(kind: str, out: Path, amount: int):  # type: ignore[no-untyped-def]
    if kind == "bare_pdf":
        from reportlab.lib.pagesizes import A4
        from reportlab.platypus import SimpleDocTemplate, Table

        def fn() -> None:
            rows = [["Hạng", "Mã", "Cơ quan", "Tự chấm", "Cuối cùng", "Tối đa", "Chỉ số", "Xếp loại"]]
            rows += [[str(i), f"XA-{i:03d}", f"UBND xã số {i}", "73,25", "100,25", "128", "78,32", "Khá"]
                     for i in range(1, amount + 1)]
            SimpleDocTemplate(str(out), pagesize=A4).build([Table(rows, repeatRows=1)])
        return fn

    from openpyxl import Workbook

    def fn_xlsx() -> None:
        wb = Workbook(write_only=True)
        sh = wb.create_sheet("x")
        row = ["XA-001", "1.1.1", "Tiêu chí thành phần về cải cách hành chính", 1, 0.5, 0.5, 0.75, "Lý do thẩm định",
               "Người thẩm định", 1, "Ghi chú"]
        for _ in range(amount // len(row)):
            sh.append(row)
        wb.save(str(out))
    return fn_xlsx


# ---------------------------------------------------------------- the parent


def run_child(kind: str, folder: Path, out: Path, amount: int = 0) -> dict[str, float]:
    p = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", kind, "--folder", str(folder),
                        "--out", str(out), "--amount", str(amount)], capture_output=True, text=True, cwd=REPO, timeout=1800, check=False)
    lines = [ln for ln in p.stdout.splitlines() if ln.startswith("{")]
    if p.returncode != 0 or not lines:
        raise SystemExit(f"section {kind} failed:\n{p.stdout}\n{p.stderr}")
    return json.loads(lines[-1])


def count_cells(xlsx: Path) -> tuple[int, list[str]]:
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    n = sum(1 for sh in wb.worksheets for row in sh.iter_rows(values_only=True) for v in row if v is not None)
    return n, wb.sheetnames


def pdf_rows(folder: Path) -> tuple[int, int]:
    """(table rows of the publication's ranking, agencies) of the round."""
    from cchc_desktop.core.services.council_reports import council_report_data
    from cchc_desktop.core.services.inspection import InspectionWorkspace

    with InspectionWorkspace.open(folder) as ws:
        data = council_report_data(ws)
    bands = len({r.entry.category.name if r.entry.category else None for r in data.results})
    return len(data.results) + bands, len(data.results)


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def measure(folder: Path, work: Path, runs: int, agency_pdfs: int) -> dict[str, object]:
    rows, agencies = pdf_rows(folder)
    plan = ["ranking", "data", "pdf", "bare_pdf", "xlsx", "bare_xlsx", "agency_pdfs"]
    res: dict[str, list[dict[str, float]]] = {k: [] for k in plan}
    cells, sheets = 0, []
    for n in range(runs):
        print(f"run {n + 1}/{runs}…", flush=True)
        for kind in plan:
            out = work / f"{kind}{'.xlsx' if 'xlsx' in kind else '.pdf'}"
            amount = {"bare_pdf": rows, "bare_xlsx": cells, "agency_pdfs": agency_pdfs}.get(kind, 0)
            res[kind].append(run_child(kind, folder, out, amount))
            if kind == "xlsx" and not cells:
                cells, sheets = count_cells(out)  # what the baseline must write as many of
    sizes = {"pdf": (work / "pdf.pdf").stat().st_size, "xlsx": (work / "xlsx.xlsx").stat().st_size,
             "bare_pdf": (work / "bare_pdf.pdf").stat().st_size}
    return {"res": res, "rows": rows, "agencies": agencies, "cells": cells, "sheets": sheets,
            "agency_pdfs": min(agency_pdfs, agencies), "sizes": sizes, "runs": runs}


def table(m: dict[str, object]) -> str:
    res = m["res"]  # type: ignore[assignment]

    def t(kind: str) -> float:
        return med([r["seconds"] for r in res[kind]])  # type: ignore[index]

    def runs_text(kind: str) -> str:
        return " / ".join(f"{r['seconds']:.2f}" for r in res[kind])  # type: ignore[index]

    def mem(kind: str) -> str:
        peak = max(r["peak"] for r in res[kind])  # type: ignore[index]
        before = med([r["rss_before"] for r in res[kind]])  # type: ignore[index]
        return f"{before:.0f} → {peak:.0f}"

    n, rows, cells, k = m["agencies"], m["rows"], m["cells"], m["agency_pdfs"]
    out = [
        "| section | median s | runs s | baseline (same run) | ratio | RSS before → peak MiB |",
        "|---|---:|---|---|---:|---:|",
        (f"| round data: one snapshot of {n} agencies (ranking, sheets, leaf lines, stamps, statistics) | {t('data'):.2f} | "
        f"{runs_text('data')} | `ranking()` alone: {t('ranking'):.2f} s | {t('data') / t('ranking'):.2f}× | {mem('data')} |"),
        (f"| publication PDF ({n} agencies, {rows} table rows, 2 charts) | {t('pdf'):.2f} | {runs_text('pdf')} | "
        f"bare reportlab table of {rows} rows: {t('bare_pdf'):.2f} s | {t('pdf') / t('bare_pdf'):.2f}× | {mem('pdf')} |"),
        (f"| ranking workbook (4 sheets, {cells:,} cells, styled) | {t('xlsx'):.2f} | {runs_text('xlsx')} | "
        f"bare openpyxl write-only, {cells:,} plain cells: {t('bare_xlsx'):.2f} s | {t('xlsx') / t('bare_xlsx'):.2f}× | "
        f"{mem('xlsx')} |"),
        (f"| per-agency appraisal PDFs (first {k} agencies) | {t('agency_pdfs') / max(k, 1):.3f} per PDF | "  # type: ignore[operator]
        f"{runs_text('agency_pdfs')} (for {k}) | — | — | {mem('agency_pdfs')} |"),
        f"| (baselines' memory: bare PDF {mem('bare_pdf')}, bare workbook {mem('bare_xlsx')}) | | | | | |",
    ]
    return "\n".join(out)


def reading(m: dict[str, object]) -> str:
    res = m["res"]  # type: ignore[assignment]

    def t(kind: str) -> float:
        return med([r["seconds"] for r in res[kind]])  # type: ignore[index]

    n = m["agencies"]
    k = max(int(m["agency_pdfs"]), 1)  # type: ignore[call-overload]
    total = t("data") + t("pdf") + t("xlsx")
    return "\n".join([
        (f"- `cchc inspect export DIR --xlsx … --pdf …` for {n} agencies: about {total:.1f} s (data + PDF + workbook); "
        f"every agency's appraisal PDF adds about {t('agency_pdfs') / k:.2f} s each "
        f"({t('agency_pdfs') / k * int(n):.0f} s for all {n})."),  # type: ignore[call-overload]
        (f"- Workbook: openpyxl writing as many plain cells takes {t('bare_xlsx'):.1f} s of it; the rest is the styling "
         "every cell carries (font, border, alignment, number format: openpyxl writes a styled cell more slowly) and "
         "building the rows. Styles are registered once per combination and shared (assigned cell by cell, openpyxl "
         "hashes every style object again: about 3× slower still)."),
        ("- Memory: the workbook is streamed (write-only) and the PDFs hold one document at a time; the peak is the "
        "round's snapshot plus one output."),
    ])


def write_doc(text: str) -> None:
    doc = REPO / "docs" / "benchmarks.md"
    body = doc.read_text(encoding="utf-8")  # read just before writing: other sections are others'
    start = body.find(SECTION + "\n")
    if start >= 0:
        end = body.find("\n## ", start + len(SECTION))
        body = body[:start] + text + (body[end + 1:] if end >= 0 else "")
    else:
        body = body.rstrip() + "\n\n" + text
    doc.write_text(body, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=150)
    parser.add_argument("--round", type=Path, help="a round built before by bench/council_round.py (its out dir)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--agency-pdfs", type=int, default=10, help="how many agency PDFs to time per run")
    parser.add_argument("--workdir", type=Path, default=Path("/var/tmp") if Path("/var/tmp").is_dir() else None)
    parser.add_argument("--write-doc", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--amount", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.folder, args.out, args.amount)))
        return 0
    with tempfile.TemporaryDirectory(prefix="cchc-report-bench-", dir=args.workdir) as d:
        work = Path(d)
        if args.round is None:
            from bench.council_round import build_round

            print(f"building a round of {args.agencies} agencies…", flush=True)
            folder = build_round(work / "round", args.agencies)
        else:
            folder = work / "council"
            shutil.copytree(args.round / "council", folder)  # opening a round writes its WAL: never the original
        m = measure(folder, work, args.runs, args.agency_pdfs)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), "?")
    head = (f"Run {stamp} on {cpu}, {os.cpu_count()} cores; Python {sys.version.split()[0]}; round of {m['agencies']} "
            f"agencies × 100 leaves (bench/council_round.py); median of {m['runs']} interleaved runs, each section in a "
            f"fresh process.  Output sizes: publication PDF {m['sizes']['pdf'] // 1024} KiB, workbook "  # type: ignore[index]
            f"{m['sizes']['xlsx'] // 1024} KiB.")  # type: ignore[index]
    text = table(m)
    print(head)
    print(text)
    print(reading(m))
    if args.write_doc:
        write_doc(f"{SECTION}\n\n`bench/report_bench.py`: the council's reports (`cchc inspect export`) on a 150-agency "
                  "round, each section in a fresh process (time, RSS before the call and peak RSS), against baselines "
                  "measured in the same run: a bare reportlab table of as many rows, openpyxl writing as many plain "
                  "cells, and the ranking the council's window already computes.\n\n"
                  "    .venv/bin/python bench/report_bench.py [--agencies 150] [--round DIR] [--runs 3] [--write-doc]\n\n"
                  f"{head}\n\n{text}\n\nReading the numbers:\n\n{reading(m)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
