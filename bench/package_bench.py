"""Benchmark of signed packages: export and verification against what the hardware allows.

    .venv/bin/python bench/package_bench.py [--gb 1.0] [--workdir DIR] [--runs 3] [--keep] [--write-doc]

In one run, over the same evidence bytes (an agency workspace on the mini framework, filled, with
random evidence files of at most 50 MiB each attached through `AgencyWorkspace.add_evidence`):

1. copy:   `cp -r <evidence store> <dest>` then `sync` (baseline of export);
2. export: `export_submission(...)` to a new package (ratio export / copy);
3. hash:   `openssl dgst -sha256 <every evidence file>` in one process (baseline of verify);
4. verify: `verify_package(...)` of the package just exported (ratio verify / hash);
5. memory: export and verify each run in a fresh spawned process, which reports its peak RSS
   (VmHWM); repeated for a small workspace (100 MiB of evidence) to show memory stays flat.

Every timed section runs `--runs` times (interleaved: copy, export, hash, verify, then again);
the table shows the median and every run.  When run as root the page cache is dropped
(`sync; echo 3 > /proc/sys/vm/drop_caches`) before each timed section, so every section reads
from disk; otherwise (or with `--warm`) every section runs warm-cache, which the output says.

Setup (random files, attaching them, keys) is outside the timed sections.  The work directory
is made under `--workdir` (default /var/tmp, or the repository's parent when /var/tmp is a
tmpfs) and removed at the end unless `--keep`.  Nothing is written into the repository except
with `--write-doc`, which (re)writes the "Packages" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as _dt
import json
import math
import multiprocessing
import os
import platform
import re
import resource
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

MINI = ROOT / "tests" / "data" / "mini_framework.json"
DOC = ROOT / "docs" / "benchmarks.md"
MiB = 1024 * 1024
GiB = 1024 * MiB
FILE_BYTES = 50 * MiB  # the workspace's default limit for one evidence file
SMALL_BYTES = 100 * MiB  # the small size of the memory check
PASSPHRASE = "mat-khau-do-hieu-nang"
AGENCY_CODE = "XA-BENCH"
WRITE_CHUNK = MiB
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


# ---------------------------------------------------------------- machine and caches


def _run_text(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def fs_type(path: Path) -> str:
    """The filesystem type of the mount holding `path` (from /proc/mounts; `stat -f` as fallback)."""
    path = path.resolve()
    best, kind = "", ""
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) < 3:
                continue
            mnt = parts[1].replace("\\040", " ")
            if (str(path) == mnt or str(path).startswith(mnt.rstrip("/") + "/")) and len(mnt) >= len(best):
                best, kind = mnt, parts[2]
    except OSError:
        pass
    return kind or _run_text(["stat", "-f", "-c", "%T", str(path)]) or "unknown"


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        ram = f"{kib / MiB:.1f} GiB"
    except (OSError, AttributeError, ValueError):
        pass
    try:
        from cryptography.hazmat.backends.openssl.backend import backend

        crypto_ssl = backend.openssl_version_text()
    except Exception:  # noqa: BLE001 - informative only
        crypto_ssl = "unknown"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": ram,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "openssl_cli": _run_text(["openssl", "version"]) or "not found",
        "openssl_python": ssl.OPENSSL_VERSION,
        "openssl_cryptography": crypto_ssl,
    }


def can_drop_caches() -> bool:
    try:
        os.sync()
        with open(DROP_CACHES, "w") as fh:
            fh.write("3\n")
        return True
    except OSError:
        return False


def settle(drop: bool) -> None:
    """Before a timed section: flush what earlier sections left dirty, and drop the page cache."""
    os.sync()
    if drop:
        with open(DROP_CACHES, "w") as fh:
            fh.write("3\n")


def default_parent() -> Path:
    """/var/tmp unless it is a tmpfs (then the repository's parent): a real disk, like a user's."""
    for candidate in (Path("/var/tmp"), ROOT.parent):
        if candidate.is_dir() and os.access(candidate, os.W_OK) and fs_type(candidate) not in ("tmpfs", "ramfs"):
            return candidate
    return ROOT.parent


# ---------------------------------------------------------------- setup (never timed)


@dataclass
class Setup:
    work: Path
    keys: Path  # agency.p12
    trust: Path  # folder with ca.crt and ca.crl
    full_ws: Path
    small_ws: Path
    full_bytes: int
    small_bytes: int
    full_files: list[Path] = field(default_factory=list)


def make_keys(folder: Path) -> tuple[Path, Path]:
    """An EC province CA (certificate + CRL in a trust folder) and an agency key it issued."""
    from cryptography import x509

    from cchc_desktop.core.signing.ca import init_ca, issue
    from cchc_desktop.core.signing.keys import create_agency_key, encrypt_pkcs12, load_pkcs12_bytes

    folder.mkdir(parents=True)
    ca_p12, ca_pem, crl_pem = init_ca("Sở Nội vụ tỉnh Đo Hiệu Năng", PASSPHRASE, "ec")
    ca = load_pkcs12_bytes(ca_p12, PASSPHRASE)
    p12, _self_signed, csr = create_agency_key(AGENCY_CODE, "UBND xã Đo Hiệu Năng", PASSPHRASE, "ec")
    own = load_pkcs12_bytes(p12, PASSPHRASE)
    cert = x509.load_pem_x509_certificate(issue(ca.private_key, ca.certificate, csr))
    key_path = folder / "agency.p12"
    key_path.write_bytes(encrypt_pkcs12(own.private_key, cert, PASSPHRASE, [ca.certificate], AGENCY_CODE))
    trust = folder / "trust"
    trust.mkdir()
    (trust / "ca.crt").write_bytes(ca_pem)
    (trust / "ca.crl").write_bytes(crl_pem)
    return key_path, trust


def answers_doc(files: Path) -> dict[str, Any]:
    """Every item of the mini framework answered (small documents cited), as in the tests."""
    (files / "qd-ke-hoach.pdf").write_bytes(b"%PDF-1.4\n% Quyet dinh ban hanh ke hoach CCHC 2026\n")
    (files / "bao-cao.pdf").write_bytes(b"%PDF-1.4\n% Bao cao kiem tra\n" + bytes(range(256)) * 8)
    cite = {"file": str(files / "qd-ke-hoach.pdf"), "doc_type": "Quyết định", "number_symbol": "12/QĐ-UBND",
            "issue_date": "15/01/2026", "issuer": "UBND xã Đo Hiệu Năng", "excerpt": "Kế hoạch CCHC năm 2026",
            "pages": "1-2"}
    report = {"file": str(files / "bao-cao.pdf"), "doc_type": "Báo cáo", "number_symbol": "45/BC-UBND",
              "issue_date": "2026-09-30", "issuer": "UBND xã Đo Hiệu Năng", "excerpt": "Kết quả kiểm tra", "pages": "4"}
    return {"format": "cchc-answers", "format_version": 1, "answers": {
        "1.1.1": {"value": "cham", "note": "Ban hành chậm 5 ngày", "evidence": [cite]},
        "1.1.2": {"value": 90},
        "1.2": {"value": 1},
        "1.3": {"value": True},
        "1.4": {"value": 1.5},
        "2.1": {"not_applicable": True, "reason": "Năm 2026 không phát sinh hồ sơ"},
        "2.2": {"not_applicable": True, "reason": "Không có khiếu nại"},
        "2.3": {"note": "Đã được tỉnh kiểm tra tháng 9", "evidence": [dict(cite, pages="3"), report]},
        "T.1": {"value": 1},
        "T.2": {"value": 0.5},
    }}


def random_file(path: Path, size: int) -> None:
    with open(path, "wb") as fh:
        left = size
        while left:
            n = min(WRITE_CHUNK, left)
            fh.write(os.urandom(n))
            left -= n


def sizes_for(total: int) -> list[int]:
    n = max(1, math.ceil(total / FILE_BYTES))
    return [FILE_BYTES] * (n - 1) + [total - FILE_BYTES * (n - 1)]


def make_workspace(folder: Path, scratch: Path, total: int, log: Any) -> None:
    """A filled agency workspace with `total` bytes of random evidence attached (copied into its store)."""
    from cchc_desktop.core.framework.load import load_framework
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.services.answers_file import fill
    from cchc_desktop.core.storage.records import Citation

    scratch.mkdir(parents=True)
    answers = scratch / "answers.json"
    answers.write_text(json.dumps(answers_doc(scratch), ensure_ascii=False), encoding="utf-8")
    with AgencyWorkspace.create(folder, load_framework(MINI), AGENCY_CODE, "UBND xã Đo Hiệu Năng", actor="bench") as ws:
        fill(ws, answers)
        codes = ("1.1.1", "2.3")
        for i, size in enumerate(sizes_for(total)):
            src = scratch / f"tai-lieu-{i + 1:03d}.pdf"
            random_file(src, size)
            citation = Citation("Báo cáo", f"{i + 1}/BC-UBND", "30/09/2026", "UBND xã Đo Hiệu Năng", f"Phụ lục {i + 1}")
            ws.add_evidence(codes[i % len(codes)], src, citation, pages="1")
            src.unlink()  # the store holds the copy; keep one copy on disk
            log(f"  attached {i + 1} file(s), {ws.evidence_bytes() / MiB:.0f} MiB")
        problems = ws.problems()
        if problems:
            raise SystemExit("the benchmark workspace has problems: " + "; ".join(p.en for p in problems))
    shutil.rmtree(scratch)


def evidence_paths(folder: Path) -> list[Path]:
    from cchc_desktop.core.services.agency import AgencyWorkspace

    with AgencyWorkspace.open(folder, actor="bench") as ws:
        return [ws.store.path_of(sha) for sha in sorted({d.sha256 for d in ws.documents()})]


def evidence_total(folder: Path) -> int:
    return sum(p.stat().st_size for p in evidence_paths(folder))


def build(parent: Path, gb: float, log: Any) -> Setup:
    work = Path(tempfile.mkdtemp(prefix="cchc-package-bench-", dir=parent))
    full = max(1, int(gb * GiB))
    small = min(SMALL_BYTES, max(1, full // 10))
    log(f"work dir {work} ({fs_type(work)}); making keys")
    keys, trust = make_keys(work / "keys")
    log(f"making the workspace with {full / MiB:.0f} MiB of evidence")
    make_workspace(work / "ws-full", work / "scratch", full, log)
    log(f"making the small workspace with {small / MiB:.0f} MiB of evidence")
    make_workspace(work / "ws-small", work / "scratch", small, lambda _m: None)
    return Setup(work, keys, trust, work / "ws-full", work / "ws-small", evidence_total(work / "ws-full"),
                 evidence_total(work / "ws-small"), evidence_paths(work / "ws-full"))


# ---------------------------------------------------------------- measured in fresh processes


def _rss_kib(field_name: str) -> int:
    try:
        m = re.search(rf"{field_name}:\s+(\d+) kB", Path("/proc/self/status").read_text())
        if m:
            return int(m.group(1))
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def child_export(folder: str, out: str, key: str, drop: bool) -> dict[str, float]:
    """In a fresh process: open the workspace and the key (untimed), then time the export."""
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.services.export import export_submission
    from cchc_desktop.core.signing.keys import load_pkcs12

    signer = load_pkcs12(key, PASSPHRASE)
    with AgencyWorkspace.open(folder, actor="bench") as ws:
        ws.score()
        before = _rss_kib("VmRSS")
        settle(drop)
        t0 = time.perf_counter()
        result = export_submission(ws, out, signer)
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_kib": _rss_kib("VmHWM"), "before_kib": before, "size": result.package.size}


def child_verify(package: str, trust: str, drop: bool) -> dict[str, Any]:
    """In a fresh process: load the trust store (untimed), then time the verification."""
    from cchc_desktop.core.package.reader import verify_package
    from cchc_desktop.core.signing.trust import load_trust

    store = load_trust(trust)
    before = _rss_kib("VmRSS")
    settle(drop)
    t0 = time.perf_counter()
    report = verify_package(package, store)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_kib": _rss_kib("VmHWM"), "before_kib": before,
            "verdict": report.verdict.value, "reasons": report.reasons("en")}


def in_fresh_process(fn: Any, *args: Any) -> Any:
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        return pool.submit(fn, *args).result()


def timed(*cmds: list[str]) -> float:
    """Wall time of commands run one after the other (each must succeed)."""
    t0 = time.perf_counter()
    for cmd in cmds:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def export_and_verify(s: Setup, folder: Path, out: Path, drop: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    exp = in_fresh_process(child_export, str(folder), str(out), str(s.keys), drop)
    ver = in_fresh_process(child_verify, str(out), str(s.trust), drop)
    if ver["verdict"] != "valid":
        raise SystemExit(f"the exported package does not verify: {ver['verdict']} {ver['reasons']}")
    return exp, ver


# ---------------------------------------------------------------- the benchmark


@dataclass
class Results:
    runs: dict[str, list[float]]
    peak_mib: dict[str, float]  # full size, max over runs
    memory: list[tuple[str, int, float, float, float, float]]  # label, bytes, export before/peak, verify before/peak
    evidence_bytes: int
    evidence_files: int
    package_bytes: int
    drop: bool
    cache_note: str = ""


def measure(s: Setup, runs: int, drop: bool, log: Any) -> Results:
    times: dict[str, list[float]] = {"copy": [], "export": [], "hash": [], "verify": []}
    peaks: dict[str, list[float]] = {"export": [], "verify": []}
    full_mem: tuple[float, float, float, float] | None = None
    package_bytes = 0
    files = [str(p) for p in s.full_files]
    store = s.full_ws / "evidence"
    for r in range(1, runs + 1):
        dest = s.work / f"copy-{r}"
        settle(drop)
        times["copy"].append(timed(["cp", "-r", str(store), str(dest)], ["sync"]))
        out = s.work / f"package-{r}.cchc"
        exp = in_fresh_process(child_export, str(s.full_ws), str(out), str(s.keys), drop)
        times["export"].append(exp["seconds"])
        settle(drop)
        times["hash"].append(timed(["openssl", "dgst", "-sha256", *files]))
        ver = in_fresh_process(child_verify, str(out), str(s.trust), drop)
        if ver["verdict"] != "valid":
            raise SystemExit(f"the exported package does not verify: {ver['verdict']} {ver['reasons']}")
        times["verify"].append(ver["seconds"])
        peaks["export"].append(exp["peak_kib"] / 1024)
        peaks["verify"].append(ver["peak_kib"] / 1024)
        if full_mem is None:
            full_mem = (exp["before_kib"] / 1024, exp["peak_kib"] / 1024, ver["before_kib"] / 1024, ver["peak_kib"] / 1024)
        package_bytes = exp["size"]
        log(f"  run {r}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()))
        shutil.rmtree(dest)
        out.unlink()
    # Memory at the small size (not timed against a baseline; fresh processes as well).
    exp, ver = export_and_verify(s, s.small_ws, s.work / "package-small.cchc", False)
    (s.work / "package-small.cchc").unlink()
    assert full_mem is not None
    memory = [
        ("small", s.small_bytes, exp["before_kib"] / 1024, exp["peak_kib"] / 1024, ver["before_kib"] / 1024, ver["peak_kib"] / 1024),
        ("full", s.full_bytes, *full_mem),
    ]
    return Results(times, {k: max(v) for k, v in peaks.items()}, memory, s.full_bytes, len(s.full_files),
                   package_bytes, drop)


def _size(n: int) -> str:
    return f"{n / GiB:.2f} GiB" if n >= GiB else f"{n / MiB:.0f} MiB"


def table(res: Results) -> list[str]:
    """The results as Markdown table lines (also printed to the terminal)."""
    med = {k: statistics.median(v) for k, v in res.runs.items()}
    rows = [
        ("copy: `cp -r` + `sync` (baseline)", "copy", None, None),
        ("export: `export_submission`", "export", "copy", "export"),
        ("hash: `openssl dgst -sha256` (baseline)", "hash", None, None),
        ("verify: `verify_package`", "verify", "hash", "verify"),
    ]
    out = [
        "| section | median s | runs s | MiB/s | ratio to baseline | peak RSS MiB |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for label, key, base, peak in rows:
        runs = " / ".join(f"{t:.2f}" for t in res.runs[key])
        rate = res.evidence_bytes / MiB / med[key] if med[key] > 0 else float("inf")
        ratio = f"{med[key] / med[base]:.2f} ({key} / {base})" if base else "1 (baseline)"
        rss = f"{res.peak_mib[peak]:.0f}" if peak else "–"
        out.append(f"| {label} | {med[key]:.2f} | {runs} | {rate:.0f} | {ratio} | {rss} |")
    return out


def memory_table(res: Results) -> list[str]:
    out = [
        "| evidence | export: RSS before → peak MiB | verify: RSS before → peak MiB |",
        "|---|---:|---:|",
    ]
    for _label, n, eb, ep, vb, vp in res.memory:
        out.append(f"| {_size(n)} | {eb:.0f} → {ep:.0f} | {vb:.0f} → {vp:.0f} |")
    return out


def report(res: Results, mach: dict[str, str], fs: str, when: str, runs: int) -> list[str]:
    cache = ("cold cache: `sync; echo 3 > /proc/sys/vm/drop_caches` before each timed section"
             if res.drop else f"warm cache ({res.cache_note}): every section reads from the page cache")
    lines = [
        (f"Run {when}: {_size(res.evidence_bytes)} of random evidence in {res.evidence_files} files "
         f"(package {res.package_bytes / MiB:.0f} MiB), median of {runs} interleaved runs; {cache}."),
        "",
        (f"Machine: {mach['cpu']}, {mach['cores']} cores, {mach['ram']} RAM, work dir on {fs}; "
         f"Linux {mach['kernel']}; Python {mach['python']} ({mach['openssl_python']}); "
         f"cryptography on {mach['openssl_cryptography']}; `openssl` CLI: {mach['openssl_cli']}."),
        "",
        *table(res),
        "",
        ("Peak memory (VmHWM of a fresh process running only that operation; \"before\" is the process "
         "with its imports, workspace or trust store loaded, just before the call):"),
        "",
        *memory_table(res),
    ]
    return lines


# ---------------------------------------------------------------- docs/benchmarks.md

DOC_INTRO = """# Benchmarks

The performance targets of `shared/design/PRODUCT.md` are shown by benchmarks, not by timed tests.
Each benchmark measures the application against a baseline measured **in the same run, over the
same bytes**, on the same machine: the ratios are what matter, not the absolute seconds. The
machines are shared virtual machines and noisy; every timed section is repeated and the median
is reported together with every run.

How to run each benchmark (from the repository root):

    .venv/bin/python bench/package_bench.py [--gb 1.0] [--workdir DIR] [--runs 3] [--keep] [--write-doc]

`--write-doc` rewrites that benchmark's section below; without it nothing in the repository is
written. The work directory must be on a real disk (not a tmpfs); the default is /var/tmp.
"""


def write_doc(lines: list[str]) -> None:
    section = "\n".join([
        "## Packages",
        "",
        ("`bench/package_bench.py`: an agency workspace (mini framework) with random evidence files; "
         "export (`export_submission`) against copying the evidence store (`cp -r` then `sync`), "
         "verification (`verify_package`, signature, CRL and every hash) against `openssl dgst -sha256` "
         "over the same evidence files; export and verify each run in a fresh process."),
        "",
        *lines,
        "",
    ])
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else DOC_INTRO
    m = re.search(r"^## Packages[ \t]*\n.*?(?=^## |\Z)", text, re.DOTALL | re.MULTILINE)
    if m:
        text = text[: m.start()] + section + ("\n" if text[m.end():] else "") + text[m.end():]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gb", type=float, default=1.0, help="evidence size in GiB (default 1.0)")
    ap.add_argument("--workdir", type=Path, default=None, help="where to make the work dir (default /var/tmp)")
    ap.add_argument("--runs", type=int, default=3, help="repetitions of each timed section (default 3)")
    ap.add_argument("--warm", action="store_true", help="do not drop the page cache between sections")
    ap.add_argument("--keep", action="store_true", help="keep the work dir")
    ap.add_argument("--write-doc", action="store_true", help="rewrite the Packages section of docs/benchmarks.md")
    args = ap.parse_args(argv)
    if args.gb <= 0 or args.runs < 1:
        ap.error("--gb must be positive and --runs at least 1")
    for tool in ("cp", "sync", "openssl"):
        if shutil.which(tool) is None:
            ap.error(f"`{tool}` is needed")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    parent = (args.workdir or default_parent()).resolve()
    parent.mkdir(parents=True, exist_ok=True)
    fs = fs_type(parent)
    if fs in ("tmpfs", "ramfs"):
        log(f"warning: {parent} is a {fs}: copies and fsyncs cost nothing there, the ratios mean little")
    drop = not args.warm and can_drop_caches()
    mach = machine()
    s = build(parent, args.gb, log)
    try:
        log(f"measuring ({'cold' if drop else 'warm'} cache), {args.runs} run(s)")
        res = measure(s, args.runs, drop, log)
        res.cache_note = "--warm" if args.warm else "the page cache cannot be dropped here (not root)"
    finally:
        if args.keep:
            log(f"kept {s.work}")
        else:
            shutil.rmtree(s.work, ignore_errors=True)
    when = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = report(res, mach, fs, when, args.runs)
    print("\n".join(lines))
    if args.write_doc:
        write_doc(lines)
        log(f"wrote the Packages section of {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
