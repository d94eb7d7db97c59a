"""Council benchmarks on a 150-agency x 100-item round: dashboard, ranking, switching agencies.

    .venv/bin/python bench/council_bench.py [--agencies 150] [--round DIR] [--write-doc]

The round is built by bench/council_round.py (signed packages, imported, a third appraised, survey
merged) unless --round names one already built.  Each number is printed next to a baseline measured
in the same run: the dashboard and the ranking against reading the same rows with bare sqlite3
(the floor of "show what is stored"), switching agencies in the review window against one frame
(16.7 ms).  Medians of several runs; the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
FRAME_MS = 16.7


def timed(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def bare_read(db: Path) -> None:
    """What the dashboard needs, read with bare sqlite3: packages' stored scores, N/A rows,
    appraisals, survey points."""
    con = sqlite3.connect(db)
    try:
        con.execute("SELECT agency_code, kind, manifest_sha256, recomputed_score_json FROM packages").fetchall()
        con.execute("SELECT manifest_sha256, item_code FROM package_answers WHERE not_applicable").fetchall()
        con.execute("SELECT * FROM appraisals").fetchall()
        con.execute("SELECT * FROM survey_points").fetchall()
    finally:
        con.close()


def bench_core(folder: Path, runs: int) -> dict[str, list[float]]:
    from cchc_desktop.core.services.inspection import InspectionWorkspace

    def cold() -> None:
        with InspectionWorkspace.open(folder) as ws:
            ws.overview()

    res = {"cold": timed(cold, runs), "bare": timed(lambda: bare_read(folder / "workspace.sqlite"), runs)}
    with InspectionWorkspace.open(folder) as ws:
        ws.overview()
        res["warm"] = timed(ws.overview, runs)
        res["rank"] = timed(ws.ranking, runs)
        codes = [a.code for a in ws.agencies()][:20]

        def review_data() -> None:  # what the review window reads for one agency
            for code in codes:
                sub = ws.submission(code)
                ws.self_answers(code)
                ws.documents(sub.manifest_sha256)
                ws.effective_appraisals(code)
                ws.final_sheet(code)

        res["review_core"] = [t / len(codes) for t in timed(review_data, runs)]
    return res


GUI_SCRIPT = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.gui.windows.inspection_window import InspectionWindow
from cchc_desktop.gui.windows.review_window import ReviewWindow
folder = Path(sys.argv[1]); runs = int(sys.argv[2])
out = {}
t0 = time.perf_counter()
ws = InspectionWorkspace.open(folder)
win = InspectionWindow(ws)
loaded = []
win.dashboard_loaded.connect(lambda: loaded.append(time.perf_counter()))
win.resize(1366, 740); win.show()
deadline = time.perf_counter() + 60
while time.perf_counter() < deadline and win.dashboard.model.rowCount() < 150:
    app.processEvents()
out["dashboard_shown"] = time.perf_counter() - t0
codes = [a.code for a in ws.agencies()]
rw = ReviewWindow(ws, codes, codes[0])
rw.resize(1366, 740); rw.show(); app.processEvents()
times = []
for code in codes[1:1 + 4 * runs]:
    t = time.perf_counter(); rw.step_agency(1); app.processEvents(); times.append(time.perf_counter() - t)
out["switch"] = times
print(json.dumps(out))
"""


def bench_gui(folder: Path, runs: int) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    p = subprocess.run([sys.executable, "-c", GUI_SCRIPT, str(folder), str(runs)], capture_output=True, text=True, env=env,
                       cwd=REPO, timeout=600)
    import json

    lines = [ln for ln in p.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        return {"error": (p.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(lines[-1])


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def table(core: dict[str, list[float]], gui: dict[str, object], agencies: int) -> str:
    ms = 1000
    bare = med(core["bare"])
    rows = [
        "| measure | median | runs | baseline (same run) | ratio |",
        "|---|---:|---|---|---|",
        f"| open the round + dashboard data ({agencies} agencies × 100 items, cold) | {med(core['cold']) * ms:.0f} ms | "
        f"{' / '.join(f'{t * ms:.0f}' for t in core['cold'])} | bare sqlite3 read of the same rows: {bare * ms:.1f} ms | "
        f"{med(core['cold']) / bare:.0f}× bare |",
        f"| dashboard data again (warm) | {med(core['warm']) * ms:.0f} ms | {' / '.join(f'{t * ms:.0f}' for t in core['warm'])} | "
        f"{bare * ms:.1f} ms | {med(core['warm']) / bare:.0f}× bare |",
        f"| ranking (index, category, ties) | {med(core['rank']) * ms:.0f} ms | {' / '.join(f'{t * ms:.0f}' for t in core['rank'])} "
        f"| {bare * ms:.1f} ms | {med(core['rank']) / bare:.0f}× bare |",
        f"| review data of one agency (services only) | {med(core['review_core']) * ms:.1f} ms | "
        f"{' / '.join(f'{t * ms:.1f}' for t in core['review_core'])} | one frame: {FRAME_MS} ms | "
        f"{med(core['review_core']) * ms / FRAME_MS:.2f} frame |",
    ]
    if "dashboard_shown" in gui:
        rows.append(f"| council window until the dashboard lists {agencies} agencies (offscreen) | "
                    f"{float(gui['dashboard_shown']) * ms:.0f} ms | 1 | — | — |")
    if "switch" in gui:
        sw = [float(t) for t in gui["switch"]]  # type: ignore[union-attr]
        rows.append(f"| review window: switch to the next agency (tree, panels, shown) | {med(sw) * ms:.1f} ms | "
                    f"{len(sw)} switches, max {max(sw) * ms:.1f} ms | one frame: {FRAME_MS} ms | {med(sw) * ms / FRAME_MS:.2f} frame |")
    if "error" in gui:
        rows.append(f"| GUI measures | — | — | — | not measured: {gui['error']} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=150)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--round", type=Path, help="a round built before by bench/council_round.py (its out dir)")
    parser.add_argument("--write-doc", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cchc-council-bench-", dir="/var/tmp" if Path("/var/tmp").is_dir() else None) as d:
        if args.round is None:
            from bench.council_round import build_round

            print(f"building a round of {args.agencies} agencies…", flush=True)
            folder = build_round(Path(d) / "round", args.agencies)
        else:
            folder = args.round / "council"
        print("core…", flush=True)
        core = bench_core(folder, args.runs)
        print("GUI…", flush=True)
        gui = bench_gui(folder, args.runs)
    text = table(core, gui, args.agencies)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), "?")
    head = f"Run {stamp} on {cpu}, {os.cpu_count()} cores; Python {sys.version.split()[0]}."
    print(head)
    print(text)
    if args.write_doc:
        doc = REPO / "docs" / "benchmarks.md"
        body = doc.read_text(encoding="utf-8")
        section = ("## Council\n\n`.venv/bin/python bench/council_bench.py --write-doc`\n\n" + head + "\n\n" + text + "\n")
        start = body.find("## Council")
        if start >= 0:
            end = body.find("\n## ", start + 5)
            body = body[:start] + section + (body[end + 1:] if end >= 0 else "")
        else:
            body = body.rstrip() + "\n\n" + section
        doc.write_text(body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
