"""Application benchmarks: start-up, score-update latency, and the council importing 150 packages.

    .venv/bin/python bench/app_bench.py [--agencies 150] [--write-doc]

Each number is printed next to a baseline measured in the same run on the same machine:
- start-up: the app (`python -m cchc_desktop WS`) until its main window is shown, against a bare
  PySide6 program that shows an empty QMainWindow (the floor any Qt app pays here);
- score update on a 300-item framework: the GUI-thread work after an edit (engine roll-up, tree
  model and panels) against one frame (16.7 ms); the whole edit including the durable commit
  against a bare sqlite3 commit with the same pragmas (the floor of "nothing entered is ever lost");
- council import of N packages: `import_packages` over a folder against `openssl dgst -sha256`
  over the same package files (verification must read and hash every byte).
Machines are shared and noisy: medians of several runs are printed, all runs shown.
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
PASS = "bench-passphrase"


def median_of(runs: list[float]) -> float:
    return statistics.median(runs)


def fmt_runs(runs: list[float], unit: float = 1.0) -> str:
    return " / ".join(f"{r * unit:.3g}" for r in runs)


# ------------------------------------------------------------------ start-up


BARE_QT = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.resize(1366, 740); w.show()
QTimer.singleShot(0, lambda: (print("WINDOW", flush=True), app.quit()))
app.exec()
"""


def time_until_window(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("WINDOW"):
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError(f"no window from {cmd}")
    proc.wait(30)
    return elapsed


def bench_startup(work: Path, runs: int) -> dict[str, object]:
    from cchc_desktop.core.framework.load import load_framework
    from cchc_desktop.core.services.agency import AgencyWorkspace

    ws_dir = work / "startup-ws"
    AgencyWorkspace.create(ws_dir, load_framework(REPO / "forms" / "so-2026.json"), "SO-NV", "Sở Nội vụ").close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(work), PYTHONPATH=str(REPO))
    app_runs, bare_runs = [], []
    for _ in range(runs):
        bare_runs.append(time_until_window([sys.executable, "-c", BARE_QT], env))
        app_runs.append(time_until_window([sys.executable, "-m", "cchc_desktop", str(ws_dir), "--quit-after", "0"], env))
    return {"app": app_runs, "bare": bare_runs}


# ------------------------------------------------------------------ score latency


def framework_300() -> dict[str, object]:
    """A framework document with 8 fields x 5 criteria x ~7 sub-criteria = 300+ items."""
    fields = []
    kinds = [
        {"kind": "yes_no"},
        {"kind": "choice", "options": [{"key": "a", "label": "Đúng hạn", "points": 1}, {"key": "b", "label": "Chậm", "points": 0.5},
                                       {"key": "c", "label": "Không", "points": 0}]},
        {"kind": "manual", "step": 0.25},
        {"kind": "deduction", "per_violation": 0.25, "floor": 0},
    ]
    n = 0
    for f in range(1, 9):
        crits = []
        for c in range(1, 6):
            leaves = []
            for s in range(1, 8):
                n += 1
                leaves.append({"code": f"{f}.{c}.{s}", "title": f"Tiêu chí thành phần {f}.{c}.{s}", "max": 1,
                               "rule": kinds[n % len(kinds)]})
            crits.append({"code": f"{f}.{c}", "title": f"Tiêu chí {f}.{c}", "max": 7, "children": leaves})
        fields.append({"code": str(f), "title": f"Lĩnh vực {f}", "max": 35, "children": crits})
    return {"format": "cchc-framework", "format_version": 1, "id": "bench-300", "title": "Bộ tiêu chí đo hiệu năng",
            "level": "so", "year": 2026, "sample": True, "total": 280,
            "categories": [{"key": "tot", "name": "Tốt", "min_percent": 80}, {"key": "yeu", "name": "Yếu", "min_percent": 0}],
            "fields": fields}


def bench_score_latency(work: Path, runs: int) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.core.framework.load import parse_framework
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.services.snapshot import take_snapshot
    from cchc_desktop.gui.operations import AgencyOperations
    from cchc_desktop.gui.windows.agency_window import AgencyWindow

    fw, _ = parse_framework(json.dumps(framework_300()))
    n_items = sum(1 for _ in fw.walk())
    app = QApplication.instance() or QApplication([])
    ws = AgencyWorkspace.create(work / "latency-ws", fw, "SO-01", "Sở thử")
    ops = AgencyOperations(ws)
    win = AgencyWindow(ops)
    win.resize(1366, 740)
    win.show()
    app.processEvents()
    leaves = [i for i in fw.leaves() if i.rule is not None and i.rule.kind == "manual"]
    gui_runs, edit_runs = [], []
    for k in range(runs * 10):
        item = leaves[k % len(leaves)]
        value = ["0.25", "0.5", "0.75", "1"][k % 4]
        t0 = time.perf_counter()
        changes = ws.set_value(item.code, value)  # durable commit (fsync) on this thread
        snap = take_snapshot(ws)
        t1 = time.perf_counter()
        # What the GUI thread does when the worker delivers: the views refresh from the snapshot.
        ops.snapshot = snap
        ops.changed.emit(changes, snap)
        app.processEvents()
        t2 = time.perf_counter()
        gui_runs.append(t2 - t1)
        edit_runs.append(t2 - t0)
    win.close()
    ops.close()
    # The floor of a durable edit: one row committed by bare sqlite3 with the same pragmas.
    import sqlite3

    con = sqlite3.connect(work / "floor.sqlite", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
    fsync_runs = []
    for k in range(runs * 10):
        t0 = time.perf_counter()
        con.execute("BEGIN")
        con.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (f"k{k % 7}", str(k)))
        con.execute("COMMIT")
        fsync_runs.append(time.perf_counter() - t0)
    con.close()
    return {"items": n_items, "gui": gui_runs, "edit": edit_runs, "fsync": fsync_runs}


# ------------------------------------------------------------------ council import


def bench_import(work: Path, agencies: int) -> dict[str, object]:
    from cryptography import x509

    from cchc_desktop.core.framework.load import load_framework
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.services.export import export_submission
    from cchc_desktop.core.services.inspection import InspectionWorkspace
    from cchc_desktop.core.signing import ca as ca_mod
    from cchc_desktop.core.signing.cms import SoftwareSigner
    from cchc_desktop.core.signing.keys import generate_private_key, load_pkcs12_bytes
    from cchc_desktop.core.storage.records import Citation

    fw = load_framework(REPO / "tests" / "data" / "mini_framework.json")
    ca_p12, ca_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ (đo hiệu năng)", "ca-passphrase", "ec")
    ca = load_pkcs12_bytes(ca_p12, "ca-passphrase")
    trust = work / "trust"
    trust.mkdir()
    (trust / "ca.crt").write_bytes(ca_pem)
    (trust / "ca.crl").write_bytes(crl_pem)
    usb = work / "usb"
    usb.mkdir()
    answers = {"1.1.1": "dung_han", "1.1.2": 95, "1.2": 0, "1.3": True, "1.4": 2, "2.1": {"numerator": 40, "denominator": 40}, "2.2": True}
    print(f"  making {agencies} agency packages…", flush=True)
    for n in range(agencies):
        code = f"XA-{n:03d}"
        ws = AgencyWorkspace.create(work / "agencies" / code, fw, code, f"UBND xã số {n}")
        for item, value in answers.items():
            ws.set_value(item, value)
        scan = work / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4\n" + os.urandom(200_000))  # ~200 KB of evidence each
        ws.add_evidence("1.1.1", scan, Citation("Kế hoạch", f"{n}/KH-UBND", "10/01/2026", f"UBND xã số {n}", "CCHC 2026"))
        key = generate_private_key("ec")
        cert = ca_mod.issue_for_public_key(ca.private_key, ca.certificate, key.public_key(), code, f"UBND xã số {n}")
        signer = SoftwareSigner(key, cert if isinstance(cert, x509.Certificate) else cert, [ca.certificate])
        export_submission(ws, usb / f"{code}.cchc", signer, allow_problems=True)
        ws.close()
        shutil.rmtree(work / "agencies" / code)
    files = sorted(usb.glob("*.cchc"))
    total = sum(f.stat().st_size for f in files)
    t0 = time.perf_counter()
    subprocess.run(["openssl", "dgst", "-sha256", *map(str, files)], check=True, stdout=subprocess.DEVNULL)
    openssl_s = time.perf_counter() - t0
    council = InspectionWorkspace.create(work / "council", fw, 2026, trust)
    t0 = time.perf_counter()
    results = council.import_packages([usb])
    import_s = time.perf_counter() - t0
    council.close()
    statuses = {r.status for r in results}
    return {"packages": len(files), "bytes": total, "import": import_s, "openssl": openssl_s, "statuses": sorted(statuses)}


# ------------------------------------------------------------------ report


def table(startup: dict, latency: dict, imp: dict) -> str:
    ms = 1000
    rows = [
        "| measure | median | runs | baseline (same run) | ratio / target |",
        "|---|---:|---|---|---|",
        f"| start-up to main window (so-2026, 1366×740, offscreen) | {median_of(startup['app']):.2f} s | {fmt_runs(startup['app'])} s "
        f"| bare PySide6 window: {median_of(startup['bare']):.2f} s | {median_of(startup['app']) / median_of(startup['bare']):.2f}× bare; target ≤ 1.5 s |",
        f"| GUI-thread refresh after an edit ({latency['items']}-item framework) | {median_of(latency['gui']) * ms:.1f} ms "
        f"| {len(latency['gui'])} edits, max {max(latency['gui']) * ms:.1f} ms | one frame: 16.7 ms | {median_of(latency['gui']) * ms / 16.7:.2f} frame |",
        f"| whole edit: durable commit + snapshot + refresh | {median_of(latency['edit']) * ms:.1f} ms | max {max(latency['edit']) * ms:.1f} ms "
        f"| bare sqlite3 commit (WAL, synchronous=FULL): {median_of(latency['fsync']) * ms:.2f} ms | {median_of(latency['edit']) / median_of(latency['fsync']):.1f}× bare commit |",
        f"| council imports {imp['packages']} packages ({imp['bytes'] / 2**20:.0f} MiB) | {imp['import']:.1f} s | 1 run | "
        f"`openssl dgst -sha256` over them: {imp['openssl']:.2f} s | {imp['import'] / max(imp['openssl'], 1e-9):.0f}× openssl; "
        f"{imp['import'] / imp['packages'] * ms:.0f} ms per package |",
        "| ranking, dashboard and review of 150 agencies | — | — | — | see the Council section (bench/council_bench.py) |",
    ]
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=150)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write-doc", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cchc-app-bench-", dir="/var/tmp" if Path("/var/tmp").is_dir() else None) as d:
        work = Path(d)
        print("start-up…", flush=True)
        startup = bench_startup(work, args.runs)
        print("score latency…", flush=True)
        latency = bench_score_latency(work, args.runs)
        print("council import…", flush=True)
        imp = bench_import(work, args.agencies)
    text = table(startup, latency, imp)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    head = f"Run {stamp} on {cpu}, {os.cpu_count()} cores; Python {sys.version.split()[0]}; import statuses: {', '.join(imp['statuses'])}."
    print(head)
    print(text)
    if args.write_doc:
        doc = REPO / "docs" / "benchmarks.md"
        body = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
        section = "## Application\n\n`.venv/bin/python bench/app_bench.py --write-doc`\n\n" + head + "\n\n" + text + "\n"
        start = body.find("## Application")
        if start >= 0:
            end = body.find("\n## ", start + 5)
            body = body[:start] + section + (body[end + 1:] if end >= 0 else "")
        else:
            body = body.rstrip() + "\n\n" + section
        doc.write_text(body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
