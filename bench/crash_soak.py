"""Crash soak: SIGKILL the application at random (seeded) moments; after each kill nothing acknowledged is lost.

    .venv/bin/python bench/crash_soak.py [--trials 50] [--seed N] [--kinds edits,gui,evidence,export,import]
                                         [--small] [--workdir DIR] [--keep] [--write-doc]

Five kinds of trial, `--trials` in total, dealt round-robin over the kinds:

- edits:    a child process opens an agency workspace and edits it through the service in a loop
            (values of every rule kind, notes, N/A, clear, undo, redo); it prints
            `TRY <n> <code>` before and `ACK <n> <code> <state>` after each committed edit.
- gui:      a child runs AgencyWindow offscreen (QT_QPA_PLATFORM=offscreen) and drives its widgets
            programmatically (tree selection, combo boxes, text fields, the ratio fields, N/A, the
            explanation, undo); it prints ACK when the operations' `saved` signal fires.
- evidence: a child attaches large random files (and links stored ones to more items) through the
            service, printing ACK after each; kills land mid-copy.
- export:   `cchc package export` of a workspace with large evidence, killed while it writes (the
            kill is timed from the moment the `.<name>.<random>.part` file appears).
- import:   `cchc inspect import` of a folder of packages (one of them tampered) into a fresh
            inspection workspace, killed mid-import (timed from the first staged evidence file).

Each kill happens at a uniformly random moment (from a seeded generator) inside the window the
operation takes, measured by one unkilled calibration run per kind.  After each kill the workspace is
reopened (which is when temporary files must be cleaned) and checked:

- `PRAGMA integrity_check` is ok and `PRAGMA foreign_key_check` is empty;
- every acknowledged edit is present: the stored state of every item equals its last ACKed state
  (the single edit in flight at the kill may have committed without its ACK: then the stored state
  must be exactly that edit, as the change log written in the same transaction shows);
  items never touched are unchanged;
- the evidence store agrees with the database: every evidence row's file exists and hashes to its
  name, and `evidence/.tmp` is empty after reopening;
- export: no file under a final name unless it verifies VALID (a partial file only ever under the
  `.*.part` temporary name), and the submissions table lists exactly the final files;
- import: each package is either fully imported (package row, every answer and document row, every
  evidence file) or absent; the tampered one always absent; every package the CLI acknowledged
  (its "✔" line) is present; importing the folder again afterwards completes.

Prints a summary table and exits 1 on any lost acknowledged edit, damaged workspace, partial
package, unrecorded package or partial import.  `--write-doc` rewrites the "Crash soak" section of
docs/benchmarks.md (and nothing else); without it nothing in the repository is written.
The work directory is made under `--workdir` (default /var/tmp) and removed unless `--keep`.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import platform
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

MINI = ROOT / "tests" / "data" / "mini_framework.json"
DOC = ROOT / "docs" / "benchmarks.md"
KINDS = ("edits", "gui", "evidence", "export", "import")
PASSPHRASE = "mat-khau-thu-sap-nguon"
EXPORT_AGENCY = "XA-SOAK"
MiB = 1024 * 1024
READY_TIMEOUT = 90.0
LEAVES = ("1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.1", "2.2", "T.1", "T.2")
NOTE_CODES = LEAVES + ("2.3",)
EVIDENCE_CODES = ("1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3")
WORDS = ("Kế hoạch", "báo cáo", "đúng hạn", "điều chỉnh", "Ủy ban", "thủ tục", "số liệu", "kiểm tra", "ghi chú")


@dataclass(frozen=True)
class Sizes:
    evidence_file: int  # each file the evidence child attaches
    evidence_files: int
    export_file: int  # evidence files of the exported workspace
    export_files: int
    import_file: int  # evidence of each imported package
    import_packages: int  # genuine packages in the folder (plus one tampered)
    edits: int  # operations per edits/gui child run
    gui_edits: int


NORMAL = Sizes(32 * MiB, 4, 48 * MiB, 3, 12 * MiB, 5, 500, 150)
SMALL = Sizes(4 * MiB, 3, 8 * MiB, 2, 2 * MiB, 3, 150, 40)


# ================================================================ observing a workspace


def observe_state(state: Any, evidence: Any) -> dict[str, Any]:
    """What an item holds: its answer and its evidence (document hash, pages, citation number)."""
    return {
        "answer": [state.value_json, bool(state.not_applicable), state.na_reason, state.note],
        "evidence": sorted([e.document.sha256, e.pages, e.document.citation.number_symbol] for e in evidence),
    }


def observe(ws: Any, code: str) -> dict[str, Any]:
    return observe_state(ws.state_of(code), ws.evidence_for(code))


def emit(*parts: Any) -> None:
    """One line to the parent; a single write, flushed at once (a killed child loses nothing printed)."""
    sys.stdout.write(" ".join(p if isinstance(p, str) else json.dumps(p, ensure_ascii=False, separators=(",", ":"))
                              for p in parts) + "\n")
    sys.stdout.flush()


# ================================================================ children (run in the killed process)


def _raw_value(code: str, rng: random.Random) -> Any:
    if code == "1.1.1":
        return rng.choice(["dung_han", "cham", "khong"])
    if code == "1.1.2":
        return rng.choice([str(rng.randint(0, 100)), f"{rng.randint(0, 99)},5"])
    if code == "1.2":
        return rng.randint(0, 6)
    if code in ("1.3", "2.2"):
        return rng.random() < 0.5
    if code == "1.4":
        return rng.choice(["0", "0.5", "1", "1,5", "2"])
    if code == "2.1":
        d = rng.randint(1, 60)
        return {"numerator": rng.randint(0, d), "denominator": d}
    return rng.choice(["0", "0.5", "1"])  # T.1, T.2


def _note(seq: int, rng: random.Random) -> str:
    return f"Thuyết minh lần {seq}: {' '.join(rng.sample(WORDS, 3))}."


def child_edits(folder: str, seed: int, count: int) -> None:
    from cchc_desktop.core.errors import UserFacingError
    from cchc_desktop.core.services.agency import AgencyWorkspace

    rng = random.Random(seed)
    ws = AgencyWorkspace.open(folder, actor="soak")
    emit("READY")
    for seq in range(count):
        r = rng.random()
        if r < 0.50:
            code = rng.choice(LEAVES)
            op: Callable[[], Any] = lambda c=code: ws.set_value(c, _raw_value(c, rng))
        elif r < 0.70:
            code = rng.choice(NOTE_CODES)
            op = lambda c=code, s=seq: ws.set_note(c, _note(s, rng))
        elif r < 0.80:
            code = rng.choice(("2.1", "2.2"))
            op = lambda c=code, s=seq: ws.set_not_applicable(
                c, not ws.state_of(c).not_applicable, f"Không phát sinh ({s})")
        elif r < 0.85:
            code = rng.choice(LEAVES)
            op = lambda c=code: ws.clear_value(c)
        elif r < 0.95:
            code, op = "*", ws.undo
        else:
            code, op = "*", ws.redo
        emit("TRY", str(seq), code)
        try:
            changes = op()
        except UserFacingError as exc:
            emit("ERR", str(seq), exc.en.replace("\n", " "))
            continue
        codes = sorted(changes.items) if changes.items else ([code] if code != "*" else [])
        for c in codes:
            emit("ACK", str(seq), c, observe(ws, c))
        if not codes:
            emit("NOP", str(seq))
    emit("DONE")
    ws.close()


def child_evidence(folder: str, seed: int, files_json: str) -> None:
    from cchc_desktop.core.errors import UserFacingError
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.storage.records import Citation

    rng = random.Random(seed)
    files = json.loads(Path(files_json).read_text(encoding="utf-8"))
    rng.shuffle(files)
    ws = AgencyWorkspace.open(folder, actor="soak")
    emit("READY")
    seq = 0
    for path, sha in files:
        code = rng.choice(EVIDENCE_CODES)
        number = f"{seq}/BC-UBND"
        before = observe(ws, code)
        expect = dict(before, evidence=sorted(before["evidence"] + [[sha, str(seq), number]]))
        emit("TRY", str(seq), code, expect)
        try:
            ws.add_evidence(code, Path(path), Citation("Báo cáo", number, "30/09/2026", "UBND xã Thử Sập Nguồn", f"Phụ lục {seq}"),
                            pages=str(seq))
        except UserFacingError as exc:
            emit("ERR", str(seq), exc.en.replace("\n", " "))
        else:
            emit("ACK", str(seq), code, observe(ws, code))
        seq += 1
        # Sometimes one stored document backs one more item (stored once, cited many times).
        docs = ws.documents()
        if docs and rng.random() < 0.5:
            doc = rng.choice(docs)
            free = [c for c in EVIDENCE_CODES if all(c != linked for linked, _ in doc.links)]
            if free:
                code = rng.choice(free)
                before = observe(ws, code)
                expect = dict(before, evidence=sorted(before["evidence"] + [[doc.sha256, str(seq), doc.citation.number_symbol]]))
                emit("TRY", str(seq), code, expect)
                ws.link_evidence(code, doc.id, pages=str(seq))
                emit("ACK", str(seq), code, observe(ws, code))
                seq += 1
    emit("DONE")
    ws.close()


def child_gui(folder: str, seed: int, count: int) -> None:
    """AgencyWindow offscreen, driven through its widgets; ACK on the operations' `saved` signal.

    A step is one or two user actions (select an item, then edit it: a combo choice, a number typed and
    Enter, the two counts of a ratio, N/A and its reason, the explanation, or Undo).  Each action runs
    only when the worker has delivered everything before it, so the ACKs of a step (one per item a
    `changed` signal named, printed when `saved` fires) come before the next step's TRY.  Actions may
    cause other operations, as a user's would (leaving a field saves it): their ACKs are printed too.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.gui.operations import AgencyOperations
    from cchc_desktop.gui.widgets.rule_inputs import ComboInput, RatioInput, TextInput
    from cchc_desktop.gui.windows.agency_window import AgencyWindow

    rng = random.Random(seed)
    app = QApplication([])
    ops = AgencyOperations(AgencyWorkspace.open(folder, actor="soak-gui"))
    win = AgencyWindow(ops)
    win.show()
    state: dict[str, Any] = {"seq": -1, "items": (), "saved": False, "pending": False, "actions": [],
                             "intent": None, "before": None}
    codes = [i.code for i in ops.framework.walk()]

    def everything() -> dict[str, Any]:
        snap = ops.snapshot
        return {c: observe_state(snap.state_of(c), snap.evidence_for(c)) for c in codes}

    def on_changed(changes: Any, _snap: Any) -> None:
        state["items"] = tuple(sorted(changes.items))

    def on_saved(_text: str) -> None:
        snap = ops.snapshot
        for c in state["items"]:
            emit("ACK", str(state["seq"]), c, observe_state(snap.state_of(c), snap.evidence_for(c)))
        state["items"] = ()
        state["saved"] = True

    def on_failed(exc: Any, _where: str) -> None:
        emit("ERR", str(state["seq"]), exc.en.replace("\n", " "))
        state["saved"] = True

    ops.changed.connect(on_changed)
    ops.saved.connect(on_saved)
    ops.failed.connect(on_failed)
    ops.crashed.connect(lambda exc, tb: (emit("CRASH", repr(exc)), app.exit(3)))

    def set_value(code: str) -> None:
        inp = win.editor.input
        before = ops.snapshot.state_of(code).value_json
        if isinstance(inp, ComboInput):
            rows = [i for i in range(1, inp.combo.count()) if i != inp.combo.currentIndex()]
            row = rng.choice(rows)
            inp.combo.setCurrentIndex(row)
            inp.combo.activated.emit(row)
        elif isinstance(inp, RatioInput):
            for _ in range(20):
                v = _raw_value(code, rng)
                pair = (str(v["numerator"]), str(v["denominator"]))
                if pair != inp._shown:
                    break
            inp.numerator.setText(pair[0])
            inp.denominator.setText(pair[1])
            inp.denominator.editingFinished.emit()
        elif isinstance(inp, TextInput):
            for _ in range(20):
                text = str(_raw_value(code, rng))
                if text != inp.edit.text() and text.replace(",", ".") != (before or "").strip('"'):
                    break
            inp.edit.setText(text)
            inp.edit.editingFinished.emit()

    def na(seq: int) -> None:
        ed = win.editor
        if ed.na_check.isChecked() and rng.random() < 0.5:
            ed.na_reason.setText(f"Không phát sinh trong năm ({seq})")
            ed.na_reason.editingFinished.emit()
        else:
            ed.na_check.setChecked(not ed.na_check.isChecked())

    def note(seq: int) -> None:
        win.editor.note.setPlainText(_note(seq, rng))
        win.editor.flush_note()

    def next_step() -> None:
        state["seq"] += 1
        seq = state["seq"]
        if seq >= count:
            emit("DONE")
            poll.stop()
            app.exit(0)
            return
        r = rng.random()
        if r < 0.12 and win.undo_action.isEnabled():
            kind, code, actions = "undo", "*", [win.undo_action.trigger]
        elif r < 0.35:
            kind, code = "note", rng.choice(NOTE_CODES)
            actions = [lambda c=code: win.select_item(c), lambda s=seq: note(s)]
        elif r < 0.45:
            kind, code = "na", rng.choice(("2.1", "2.2"))
            actions = [lambda c=code: win.select_item(c), lambda s=seq: na(s)]
        else:
            kind, code = "value", rng.choice(LEAVES)
            actions = [lambda c=code: win.select_item(c), lambda c=code: set_value(c)]
        # "*": besides the item it edits, a step may save another one (leaving a field saves it).
        emit("TRY", str(seq), "*")
        state["actions"] = actions
        state["intent"] = (kind, code)
        state["before"] = everything()

    def check_intent() -> None:
        """What the step saved beyond what the user did: another item, or another field of the item."""
        if state["intent"] is None:
            return
        kind, code = state["intent"]
        before, after = state["before"], everything()
        for c in codes:
            b, a = before[c], after[c]
            if a == b or kind == "undo":
                continue
            # answer = [value_json, not_applicable, na_reason, note]
            same_note = a["answer"][3] == b["answer"][3]
            same_rest = a["answer"][:3] == b["answer"][:3]
            allowed = c == code and a["evidence"] == b["evidence"] and (
                (kind == "note" and same_rest) or (kind in ("value", "na") and same_note))
            if not allowed:
                emit("UNINTENDED", str(state["seq"]), c, {"step": kind, "item": code, "before": b, "after": a})

    def tick() -> None:
        if ops.runner.busy:
            return  # the worker has not delivered everything yet
        if state["pending"]:
            state["pending"] = False
        if state["actions"]:
            state["pending"] = True
            state["actions"].pop(0)()
            return
        if state["seq"] >= 0 and not state["saved"]:
            emit("NOP", str(state["seq"]))  # nothing was saved (e.g. the same value again)
        state["saved"] = False
        check_intent()
        next_step()

    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(tick)
    QTimer.singleShot(200, lambda: (emit("READY"), poll.start()))
    code = app.exec()
    if code == 0:
        ops.close()
    # A normal interpreter exit: an unkilled run must end with status 0.  (With PySide6 6.12.0 every
    # Python signal's emit() dropped a reference to True and this teardown aborted - "Fatal Python
    # error: bool_dealloc" - until gui/signals.py; tests/robustness/test_gui_signal_refcount.py.)
    sys.stdout.flush()
    sys.exit(code)


# ================================================================ setup (never killed)


@dataclass
class Setup:
    work: Path
    sizes: Sizes
    key: Path
    trust: Path
    template: Path  # a filled agency workspace (copied for each edits/gui/evidence trial)
    template_state: dict[str, Any]
    evidence_list: Path  # JSON [[path, sha256], ...] of the big files the evidence child attaches
    export_ws: Path
    export_state: dict[str, Any]
    export_out: Path
    packages: Path  # folder of packages to import
    package_facts: dict[str, dict[str, Any]]  # manifest sha -> agency code, answers, documents, evidence shas
    tampered: Path  # the package in `packages` whose evidence was altered: always refused
    tampered_sha: str
    council_template: Path


def _random_file(path: Path, size: int, rng: random.Random) -> str:
    h = hashlib.sha256()
    with open(path, "wb") as fh:
        left = size
        while left:
            chunk = rng.randbytes(min(MiB, left))
            h.update(chunk)
            fh.write(chunk)
            left -= len(chunk)
    return h.hexdigest()


def _answers_doc(files: Path, issuer: str) -> dict[str, Any]:
    (files / "qd-ke-hoach.pdf").write_bytes(b"%PDF-1.4\n% Quyet dinh ban hanh ke hoach CCHC 2026\n")
    (files / "bao-cao.pdf").write_bytes(b"%PDF-1.4\n% Bao cao kiem tra\n" + bytes(range(256)) * 8)
    cite = {"file": str(files / "qd-ke-hoach.pdf"), "doc_type": "Quyết định", "number_symbol": "12/QĐ-UBND",
            "issue_date": "15/01/2026", "issuer": issuer, "excerpt": "Kế hoạch CCHC năm 2026", "pages": "1-2"}
    report = {"file": str(files / "bao-cao.pdf"), "doc_type": "Báo cáo", "number_symbol": "45/BC-UBND",
              "issue_date": "2026-09-30", "issuer": issuer, "excerpt": "Kết quả kiểm tra", "pages": "4"}
    return {"format": "cchc-answers", "format_version": 1, "answers": {
        "1.1.1": {"value": "cham", "note": "Ban hành chậm 5 ngày", "evidence": [cite]},
        "1.1.2": {"value": 90}, "1.2": {"value": 1}, "1.3": {"value": True}, "1.4": {"value": 1.5},
        "2.1": {"not_applicable": True, "reason": "Năm 2026 không phát sinh hồ sơ"},
        "2.2": {"not_applicable": True, "reason": "Không có khiếu nại"},
        "2.3": {"note": "Đã được tỉnh kiểm tra tháng 9", "evidence": [dict(cite, pages="3"), report]},
        "T.1": {"value": 1}, "T.2": {"value": 0.5},
    }}


def _filled_workspace(folder: Path, scratch: Path, code: str, name: str) -> None:
    from cchc_desktop.core.framework.load import load_framework
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.services.answers_file import fill

    scratch.mkdir(parents=True)
    answers = scratch / "answers.json"
    answers.write_text(json.dumps(_answers_doc(scratch, name), ensure_ascii=False), encoding="utf-8")
    with AgencyWorkspace.create(folder, load_framework(MINI), code, name, actor="soak") as ws:
        fill(ws, answers)
        assert not ws.problems(), [p.en for p in ws.problems()]


def _all_codes() -> list[str]:
    from cchc_desktop.core.framework.load import load_framework

    return [i.code for i in load_framework(MINI).walk()]


def _workspace_state(folder: Path) -> dict[str, Any]:
    from cchc_desktop.core.services.agency import AgencyWorkspace

    with AgencyWorkspace.open(folder, actor="soak-check") as ws:
        return {c: observe(ws, c) for c in _all_codes()}


def build(work: Path, sizes: Sizes, seed: int, log: Callable[[str], None]) -> Setup:
    from cryptography import x509

    from cchc_desktop.core.framework.load import load_framework
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.services.export import export_submission
    from cchc_desktop.core.services.inspection import InspectionWorkspace
    from cchc_desktop.core.signing.ca import init_ca, issue
    from cchc_desktop.core.signing.cms import SoftwareSigner
    from cchc_desktop.core.signing.keys import create_agency_key, encrypt_pkcs12, load_pkcs12_bytes
    from cchc_desktop.core.storage.records import Citation

    rng = random.Random(seed ^ 0x5EED)
    log("keys: an EC province CA, its CRL, one key per agency")
    ca_p12, ca_pem, crl_pem = init_ca("Sở Nội vụ tỉnh Thử Sập Nguồn", PASSPHRASE, "ec")
    ca = load_pkcs12_bytes(ca_p12, PASSPHRASE)
    trust = work / "trust"
    trust.mkdir()
    (trust / "ca.crt").write_bytes(ca_pem)
    (trust / "ca.crl").write_bytes(crl_pem)

    def agency_signer(code: str, name: str) -> tuple[SoftwareSigner, bytes]:
        p12, _self, csr = create_agency_key(code, name, PASSPHRASE, "ec")
        own = load_pkcs12_bytes(p12, PASSPHRASE)
        cert = x509.load_pem_x509_certificate(issue(ca.private_key, ca.certificate, csr))
        return (SoftwareSigner(own.private_key, cert, [ca.certificate]),
                encrypt_pkcs12(own.private_key, cert, PASSPHRASE, [ca.certificate], code))

    _signer, p12 = agency_signer(EXPORT_AGENCY, "UBND xã Thử Sập Nguồn")
    key = work / "agency.p12"
    key.write_bytes(p12)

    log("template agency workspace (filled, no problems)")
    template = work / "template"
    _filled_workspace(template, work / "scratch-template", "XA-TEMPLATE", "UBND xã Mẫu")
    template_state = _workspace_state(template)

    log(f"{sizes.evidence_files} evidence files of {sizes.evidence_file // MiB} MiB")
    big = work / "big-files"
    big.mkdir()
    listing = []
    for i in range(sizes.evidence_files):
        p = big / f"tai-lieu-lon-{i + 1}.pdf"
        listing.append([str(p), _random_file(p, sizes.evidence_file, rng)])
    evidence_list = work / "big-files.json"
    evidence_list.write_text(json.dumps(listing), encoding="utf-8")

    log(f"export workspace with {sizes.export_files} x {sizes.export_file // MiB} MiB of evidence")
    export_ws = work / "export-ws"
    _filled_workspace(export_ws, work / "scratch-export", EXPORT_AGENCY, "UBND xã Thử Sập Nguồn")
    with AgencyWorkspace.open(export_ws, actor="soak") as ws:
        for i in range(sizes.export_files):
            src = work / f"xuat-{i}.pdf"
            _random_file(src, sizes.export_file, rng)
            ws.add_evidence(("1.1.1", "2.3")[i % 2], src, Citation("Báo cáo", f"{i + 1}/BC", "", "UBND", ""), pages="1")
            src.unlink()
    export_state = _workspace_state(export_ws)
    export_out = work / "export-out"
    export_out.mkdir()

    n = sizes.import_packages
    log(f"{n} packages of {sizes.import_file // MiB} MiB evidence each (+1 tampered) for the import trials")
    packages = work / "packages"
    packages.mkdir()
    framework = load_framework(MINI)
    for i in range(n + 1):
        code = f"XA-N{i + 1:02d}"
        folder = work / "agencies" / code
        _filled_workspace(folder, work / "scratch-agencies" / code, code, f"UBND xã Số {i + 1}")
        signer, _p12 = agency_signer(code, f"UBND xã Số {i + 1}")
        with AgencyWorkspace.open(folder, actor="soak") as ws:
            src = work / f"nop-{i}.pdf"
            _random_file(src, sizes.import_file, rng)
            ws.add_evidence("2.3", src, Citation("Biên bản", f"{i + 1}/BB", "", "UBND", ""), pages="2")
            src.unlink()
            export_submission(ws, packages / f"{i + 1:02d}-{code}.cchc", signer)
        shutil.rmtree(folder)
    # The last one is tampered: one byte of its evidence flipped (its entry's CRC fixed, so only the
    # hash can tell), so the import must refuse it and keep nothing of it.
    tampered = packages / f"{n + 1:02d}-XA-N{n + 1:02d}.cchc"
    _tamper_evidence(tampered)

    log("council template (inspection workspace) and a calibration import to learn what a full import stores")
    council = work / "council-template"
    InspectionWorkspace.create(council, framework, 2026, trust, actor="soak").close()
    calib = work / "council-calibration"
    shutil.copytree(council, calib)
    facts: dict[str, dict[str, Any]] = {}
    tampered_sha = ""
    with InspectionWorkspace.open(calib, actor="soak") as ins:
        results = ins.import_packages([packages])
        for r in results:
            if r.source == tampered:
                assert r.status == "refused", r.reasons("en")
                continue
            assert r.status == "imported", (r.source, r.reasons("en"))
            facts[r.manifest_sha256] = {
                "agency": r.agency_code,
                "answers": len(ins.answers(r.manifest_sha256)),
                "documents": len(ins.documents(r.manifest_sha256)),
                "evidence": sorted({d.sha256 for d in ins.documents(r.manifest_sha256)}),
                "file": r.source.name,
            }
    from cchc_desktop.core.package.reader import verify_package
    from cchc_desktop.core.signing.trust import load_trust

    tampered_sha = verify_package(tampered, load_trust(trust)).manifest_sha256 or ""
    shutil.rmtree(calib)
    for scratch in work.glob("scratch-*"):
        shutil.rmtree(scratch)
    shutil.rmtree(work / "agencies", ignore_errors=True)
    return Setup(work, sizes, key, trust, template, template_state, evidence_list, export_ws, export_state, export_out,
                 packages, facts, tampered, tampered_sha, council)


def _tamper_evidence(path: Path) -> None:
    import struct
    import zipfile
    import zlib

    blob = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = next(i for i in zf.infolist() if i.filename.startswith("evidence/"))
        start_dir = zf.start_dir
    data_at = info.header_offset + 30 + len(info.filename)
    blob[data_at + info.compress_size // 2] ^= 0x01
    crc = zlib.crc32(bytes(blob[data_at:data_at + info.compress_size]))
    struct.pack_into("<I", blob, info.header_offset + 14, crc)
    pos = start_dir  # patch the CRC in the central-directory record of that entry too
    while blob[pos:pos + 4] == b"PK\x01\x02":
        nlen, elen, clen = struct.unpack_from("<HHH", blob, pos + 28)
        if bytes(blob[pos + 46:pos + 46 + nlen]) == info.filename.encode():
            struct.pack_into("<I", blob, pos + 16, crc)
        pos += 46 + nlen + elen + clen
    path.write_bytes(bytes(blob))


# ================================================================ running one child and killing it


class Child:
    """A child process whose stdout lines are collected by a thread (never blocking the killer)."""

    def __init__(self, argv: list[str], env: dict[str, str], log_path: Path) -> None:
        self.err_fh = open(log_path, "wb")  # noqa: SIM115 - closed in finish()
        self.proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=self.err_fh)
        self.started = time.monotonic()
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines.append(line)
            if line == "READY":
                self.ready.set()
        self.ready.set()  # EOF: the child ended (or was killed) - stop waiting

    def kill(self) -> bool:
        """SIGKILL now; True if the child was still running (a real kill, not a completed run)."""
        if self.proc.poll() is not None:
            return False
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)
        return self.proc.returncode == -signal.SIGKILL

    def finish(self, timeout: float = 120.0) -> int:
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(30)
        self._thread.join(30)
        self.err_fh.close()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        return self.proc.returncode


def child_env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CCHC_DEBUG", "CCHC_LANG")}
    env.update(PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""), PYTHONUNBUFFERED="1",
               QT_QPA_PLATFORM="offscreen", CCHC_PASSPHRASE=PASSPHRASE, HOME=str(work / "home"))
    return env


def wait_for(cond: Callable[[], bool], child: Child, timeout: float) -> float | None:
    """Poll `cond` every millisecond; the time it became true, or None if the child ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return time.monotonic()
        if child.proc.poll() is not None:
            return None
        time.sleep(0.001)
    return None


# ================================================================ checking after a kill


@dataclass
class Outcome:
    killed: bool = False
    acks: int = 0  # acknowledged edits (or imports) checked
    lost: int = 0
    damaged: int = 0
    partial_packages: int = 0
    unrecorded: int = 0
    partial_imports: int = 0
    unintended: int = 0  # GUI: a step saved something besides what the user did (another item or field)
    inflight_committed: int = 0  # the edit in flight at the kill had committed (no ACK yet): allowed
    tmp_cleaned: int = 0  # files in a .tmp folder before reopening (all removed by the reopen)
    part_left: int = 0  # `.*.part` package files left beside the destination
    orphans: int = 0  # store files no row refers to (harmless: content-addressed)
    mid: bool = False  # the kill landed inside an operation (an edit in flight, a .part, a half-done import)
    problems: list[str] = field(default_factory=list)


def _db_checks(db: Path, out: Outcome) -> None:
    con = sqlite3.connect(db)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    if ok != "ok" or fk:
        out.damaged += 1
        out.problems.append(f"integrity_check={ok!r}, foreign_key_check={fk[:3]!r}")


def _store_checks(folder: Path, out: Outcome) -> None:
    """Every evidence row's file exists and hashes to its name; .tmp is empty (after the reopen)."""
    from cchc_desktop.core.storage.evidence_store import EvidenceStore

    store = EvidenceStore(folder / "evidence")
    con = sqlite3.connect(folder / "workspace.sqlite")
    try:
        shas = {r[0] for r in con.execute("SELECT sha256 FROM evidence_files")}
    finally:
        con.close()
    bad = [s for s in shas if not store.verify(s)]
    if bad:
        out.damaged += 1
        out.problems.append(f"{len(bad)} evidence rows without their intact file: {bad[:2]}")
    left = list(store.tmp.iterdir()) if store.tmp.is_dir() else []
    if left:
        out.damaged += 1
        out.problems.append(f"{len(left)} temporary files left in evidence/.tmp after reopening")
    on_disk = {p.name for p in store.root.glob("??/*") if p.is_file()}
    out.orphans += len(on_disk - shas)


def _count_tmp(folder: Path) -> int:
    tmp = folder / "evidence" / ".tmp"
    return sum(1 for _ in tmp.iterdir()) if tmp.is_dir() else 0


def _parse(lines: list[str]) -> tuple[dict[str, Any], tuple[str, str, Any] | None, int]:
    """(last ACKed state per code, the edit in flight at the kill or None, number of ACKs)."""
    acked: dict[str, Any] = {}
    inflight: tuple[str, str, Any] | None = None
    n = 0
    for line in lines:
        parts = line.split(" ", 3)
        if parts[0] == "TRY":
            inflight = (parts[1], parts[2], json.loads(parts[3]) if len(parts) > 3 else None)
        elif parts[0] == "ACK":
            acked[parts[2]] = json.loads(parts[3])
            n += 1
            if inflight is not None and inflight[1] != "*":  # a GUI step ("*") may save more before its end
                inflight = None
        elif parts[0] in ("ERR", "NOP", "DONE"):
            inflight = None
    return acked, inflight, n


def check_agency(folder: Path, lines: list[str], initial: dict[str, Any], out: Outcome) -> None:
    from cchc_desktop.core.services.agency import AgencyWorkspace

    out.tmp_cleaned += _count_tmp(folder)
    acked, inflight, n = _parse(lines)
    out.acks += n
    for line in lines:
        if line.startswith("UNINTENDED "):
            out.unintended += 1
            out.problems.append("the GUI saved what the user did not enter: " + line[len("UNINTENDED "):])
    out.mid = out.mid or inflight is not None
    try:
        ws = AgencyWorkspace.open(folder, actor="soak-check")
    except Exception as exc:  # noqa: BLE001 - a workspace that does not reopen is damaged
        out.damaged += 1
        out.problems.append(f"reopen failed: {exc!r}")
        return
    try:
        stored = {c: observe(ws, c) for c in initial}
        log = ws.change_log()
    finally:
        ws.close()
    _db_checks(folder / "workspace.sqlite", out)
    _store_checks(folder, out)
    for code, now in stored.items():
        want = acked.get(code, initial[code])
        if now == want:
            continue
        if inflight is not None and _committed_not_acknowledged(code, now, want, inflight, log):
            out.inflight_committed += 1
            continue
        if code in acked:
            out.lost += 1
            out.problems.append(f"{code}: acknowledged {want} but stored {now}")
        else:
            out.damaged += 1
            out.problems.append(f"{code}: never acknowledged, yet changed from {want} to {now}")


ANSWER_KEYS = ("value_json", "not_applicable", "na_reason", "note")
TAIL = 3  # a step of the soak commits at most this many change-log rows before its ACKs are printed


def _committed_not_acknowledged(code: str, now: dict[str, Any], want: dict[str, Any], inflight: tuple[str, str, Any],
                                log: list[Any]) -> bool:
    """The kill came after a commit and before its ACK: is `now` exactly what that commit wrote?

    With an expectation printed in the TRY line (attachments): `now` must equal it.  Otherwise (answer
    edits and undo of the TRY's item; any item for a GUI step, "*", whose actions may save other items
    too): the item's latest change-log row,
    written in the same transaction as the answer, must be one of the last TAIL rows, record exactly
    the stored answer, and come after a row that recorded the acknowledged state; the evidence is unchanged.
    """
    _seq, try_code, expect = inflight
    if expect is not None:
        return try_code == code and now == expect
    if try_code not in (code, "*") or now["evidence"] != want["evidence"]:
        return False
    rows = [(i, e) for i, e in enumerate(log) if e.item_code == code and e.new_json is not None]
    if not rows:
        return False
    i, latest = rows[-1]
    stored = dict(zip(ANSWER_KEYS, now["answer"], strict=True))
    acked = dict(zip(ANSWER_KEYS, want["answer"], strict=True))
    return (i >= len(log) - TAIL and json.loads(latest.new_json) == stored
            and any(json.loads(e.new_json) == acked for _, e in rows[:-1]))


def check_export(s: Setup, retired: dict[str, str], verified: dict[str, str], out: Outcome) -> None:
    """Final names only for VALID packages; submissions = final files; answers unchanged."""
    from cchc_desktop.core.package.reader import verify_package
    from cchc_desktop.core.signing.trust import load_trust

    trust = load_trust(s.trust)
    finals: dict[str, str] = {}
    for p in sorted(s.export_out.iterdir()):
        if re.fullmatch(r"\..+\.[0-9a-f]{8}\.part", p.name):
            out.part_left += 1
            out.mid = True
            p.unlink()  # a leftover temporary file; nothing refers to it
            continue
        if p.name in verified:
            finals[p.name] = verified[p.name]
            continue
        report = verify_package(p, trust)
        if report.verdict.value != "valid":
            out.partial_packages += 1
            out.problems.append(f"{p.name} under its final name is {report.verdict.value}: {report.reasons('en')[:2]}")
            p.unlink()
            continue
        finals[p.name] = verified[p.name] = report.manifest_sha256 or ""
    state_before = _count_tmp(s.export_ws)
    out.tmp_cleaned += state_before
    try:
        now = _workspace_state(s.export_ws)
    except Exception as exc:  # noqa: BLE001
        out.damaged += 1
        out.problems.append(f"reopen failed: {exc!r}")
        return
    _db_checks(s.export_ws / "workspace.sqlite", out)
    _store_checks(s.export_ws, out)
    if now != s.export_state:
        out.damaged += 1
        out.problems.append("the answers or evidence of the exported workspace changed")
    con = sqlite3.connect(s.export_ws / "workspace.sqlite")
    try:
        rows = {name: sha for name, sha in con.execute("SELECT file_name, manifest_sha256 FROM submissions")}
    finally:
        con.close()
    files = {**retired, **finals}
    for name, sha in files.items():
        if rows.get(name) != sha:
            out.unrecorded += 1
            out.problems.append(f"{name} is a valid package under its final name, but the submissions table does not record it")
            if name in finals:  # counted once: set it aside so that later trials start consistent
                (s.export_out / name).rename(s.work / f"unrecorded-{name}")
                del finals[name]
                verified.pop(name, None)
    files = {**retired, **finals}
    for name in rows:
        if name not in files:
            out.damaged += 1
            out.problems.append(f"the submissions table records {name}, which does not exist")
    for name, sha in finals.items():  # keep disk use bounded: verified and recorded files are retired
        if rows.get(name) == sha:
            retired[name] = sha
            (s.export_out / name).unlink()
            del verified[name]


def check_import(s: Setup, folder: Path, lines: list[str], out: Outcome) -> None:
    from cchc_desktop.core.services.inspection import InspectionWorkspace

    out.tmp_cleaned += _count_tmp(folder)
    acked = {m.group(1) for m in (re.match(r"^✔ (\S+) lần nộp \d+:", line) for line in lines) if m}
    out.acks += len(acked)
    try:
        ins = InspectionWorkspace.open(folder, actor="soak-check")
    except Exception as exc:  # noqa: BLE001
        out.damaged += 1
        out.problems.append(f"reopen failed: {exc!r}")
        return
    try:
        _db_checks(folder / "workspace.sqlite", out)
        _store_checks(folder, out)
        present = {p.manifest_sha256: p for p in ins.packages()}
        con = sqlite3.connect(folder / "workspace.sqlite")
        try:
            answer_rows = dict(con.execute("SELECT manifest_sha256, count(*) FROM package_answers GROUP BY 1").fetchall())
            doc_rows = dict(con.execute("SELECT manifest_sha256, count(*) FROM package_evidence GROUP BY 1").fetchall())
            agencies = {r[0] for r in con.execute("SELECT code FROM agencies")}
        finally:
            con.close()
        imported = 0
        for sha, facts in s.package_facts.items():
            if sha in present:
                imported += 1
                complete = (answer_rows.get(sha, 0) == facts["answers"] and doc_rows.get(sha, 0) == facts["documents"]
                            and all(ins.store.verify(e) for e in facts["evidence"]))
                if not complete:
                    out.partial_imports += 1
                    out.problems.append(f"{facts['file']}: partially imported (answers {answer_rows.get(sha, 0)}/"
                                        f"{facts['answers']}, documents {doc_rows.get(sha, 0)}/{facts['documents']})")
            else:
                if answer_rows.get(sha) or doc_rows.get(sha):
                    out.partial_imports += 1
                    out.problems.append(f"{facts['file']}: rows left without its package row")
                if facts["agency"] in acked:
                    out.lost += 1
                    out.problems.append(f"{facts['file']}: the CLI said imported, but it is absent")
        if s.tampered_sha in present or answer_rows.get(s.tampered_sha) or doc_rows.get(s.tampered_sha):
            out.partial_imports += 1
            out.problems.append("the tampered package left something behind")
        expected_agencies = {f["agency"] for sha, f in s.package_facts.items() if sha in present}
        if agencies != expected_agencies:
            out.partial_imports += 1
            out.problems.append(f"agency rows {sorted(agencies)} but packages of {sorted(expected_agencies)}")
        out.mid = out.mid or 0 < imported < len(s.package_facts)
        # Recovery: importing the same folder again completes.
        results = ins.import_packages([s.packages])
        bad = [r for r in results if (r.status == "refused") != (r.source == s.tampered)]
        if bad or len(ins.packages()) != len(s.package_facts):
            out.damaged += 1
            out.problems.append(f"importing again did not complete: {[(r.source.name, r.status) for r in bad]}")
    finally:
        ins.close()
    again = Outcome()
    _store_checks(folder, again)  # after the second import: still every row with its intact file
    if again.problems:
        out.damaged += 1
        out.problems += [f"after importing again: {p}" for p in again.problems]


# ================================================================ the trials


@dataclass
class KindStats:
    kind: str
    trials: int = 0
    killed: int = 0
    mid: int = 0
    acks: int = 0
    lost: int = 0
    damaged: int = 0
    partial_packages: int = 0
    unrecorded: int = 0
    partial_imports: int = 0
    unintended: int = 0
    inflight_committed: int = 0
    tmp_cleaned: int = 0
    part_left: int = 0
    orphans: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def add(self, o: Outcome, trial: int) -> None:
        self.trials += 1
        self.killed += o.killed
        self.mid += o.mid or o.tmp_cleaned > 0 or o.part_left > 0
        for name in ("acks", "lost", "damaged", "partial_packages", "unrecorded", "partial_imports", "unintended",
                     "inflight_committed", "tmp_cleaned", "part_left", "orphans"):
            setattr(self, name, getattr(self, name) + getattr(o, name))
        self.problems += [f"{f'trial {trial}' if trial else 'unkilled calibration run'}: {p}" for p in o.problems]

    @property
    def failures(self) -> int:
        return self.lost + self.damaged + self.partial_packages + self.unrecorded + self.partial_imports + self.unintended


class Soak:
    def __init__(self, s: Setup, seed: int, log: Callable[[str], None]) -> None:
        self.s = s
        self.rng = random.Random(seed)
        self.log = log
        self.env = child_env(s.work)
        (s.work / "home").mkdir(exist_ok=True)
        self.windows: dict[str, float] = {}
        self.calibration: dict[str, Outcome] = {}  # the unkilled runs are checked too
        self.retired: dict[str, str] = {}
        self.verified: dict[str, str] = {}
        self.n = 0

    def _dir(self, kind: str) -> Path:
        self.n += 1
        d = self.s.work / "trials" / f"{self.n:03d}-{kind}"
        d.mkdir(parents=True)
        return d

    def _agency_child(self, kind: str, folder: Path, seed: int, tdir: Path) -> Child:
        sz = self.s.sizes
        extra = {"edits": [str(sz.edits)], "gui": [str(sz.gui_edits)], "evidence": [str(self.s.evidence_list)]}[kind]
        argv = [sys.executable, str(Path(__file__).resolve()), f"child-{kind}", str(folder), str(seed), *extra]
        return Child(argv, self.env, tdir / "stderr.txt")

    def calibrate(self, kind: str) -> float:
        """One unkilled run: how long the operation takes (from its anchor to its end)."""
        tdir = self._dir(f"{kind}-calibration")
        outcome = Outcome()
        if kind in ("edits", "gui", "evidence"):
            folder = tdir / "ws"
            shutil.copytree(self.s.template, folder)
            child = self._agency_child(kind, folder, 1, tdir)
            if not child.ready.wait(READY_TIMEOUT):
                raise SystemExit(f"{kind}: the child never became ready")
            t0 = time.monotonic()
            code = child.finish(600)
            took = time.monotonic() - t0
            if code != 0 or "DONE" not in child.lines:
                raise SystemExit(f"{kind} calibration failed (exit {code}): {(tdir / 'stderr.txt').read_text()[-2000:]}")
            check_agency(folder, child.lines, self.s.template_state, outcome)
        elif kind == "export":
            child, anchor = self._start_export(tdir, "kiem-dinh")
            code = child.finish(600)
            took = time.monotonic() - (anchor or child.started)
            if code != 0:
                raise SystemExit(f"export calibration failed (exit {code}): {(tdir / 'stderr.txt').read_text()[-2000:]}")
            check_export(self.s, self.retired, self.verified, outcome)
        else:
            folder = tdir / "council"
            child, anchor = self._start_import(tdir, folder)
            code = child.finish(600)
            took = time.monotonic() - (anchor or child.started)
            if code not in (0, 1):  # 1: the tampered package was refused, as it must be
                raise SystemExit(f"import calibration failed (exit {code}): {(tdir / 'stderr.txt').read_text()[-2000:]}")
            check_import(self.s, folder, child.lines, outcome)
        if outcome.problems:
            (tdir / "stdout.txt").write_text("\n".join(child.lines) + "\n", encoding="utf-8")
            self.log(f"  {kind}: the unkilled calibration run fails its checks: {outcome.problems[:3]}")
        else:
            shutil.rmtree(tdir, ignore_errors=True)
        self.windows[kind] = took
        self.calibration[kind] = outcome
        self.log(f"  {kind}: calibration run took {took:.2f} s after its anchor")
        return took

    def _start_export(self, tdir: Path, label: str) -> tuple[Child, float | None]:
        name = f"{label}.cchc"
        argv = [sys.executable, "-m", "cchc_desktop.cli", "package", "export", str(self.s.export_ws), "-o",
                str(self.s.export_out / name), "--key", str(self.s.key)]
        child = Child(argv, self.env, tdir / "stderr.txt")
        out = self.s.export_out

        def writing() -> bool:
            return any(p.name.startswith(f".{name}.") for p in out.iterdir()) or (out / name).exists()

        return child, wait_for(writing, child, READY_TIMEOUT)

    def _start_import(self, tdir: Path, folder: Path) -> tuple[Child, float | None]:
        shutil.copytree(self.s.council_template, folder)
        argv = [sys.executable, "-m", "cchc_desktop.cli", "inspect", "import", str(folder), str(self.s.packages)]
        child = Child(argv, self.env, tdir / "stderr.txt")
        tmp = folder / "evidence" / ".tmp"

        def staging() -> bool:
            return tmp.is_dir() and any(True for _ in tmp.iterdir())

        return child, wait_for(staging, child, READY_TIMEOUT)

    def trial(self, kind: str) -> Outcome:
        seed = self.rng.randrange(2**32)
        delay = random.Random(seed).uniform(0.0, 1.1 * self.windows[kind])
        tdir = self._dir(kind)
        out = Outcome()
        if kind in ("edits", "gui", "evidence"):
            folder = tdir / "ws"
            shutil.copytree(self.s.template, folder)
            child = self._agency_child(kind, folder, seed, tdir)
            if not child.ready.wait(READY_TIMEOUT) or "READY" not in child.lines:
                child.kill()
                child.finish()
                raise SystemExit(f"{kind}: the child never became ready: {(tdir / 'stderr.txt').read_text()[-2000:]}")
            time.sleep(max(0.0, delay))
            out.killed = child.kill()
            child.finish()
            if not out.killed and child.proc.returncode != 0:
                out.damaged += 1
                out.problems.append(f"the child failed by itself (exit {child.proc.returncode}): "
                                    f"{(tdir / 'stderr.txt').read_text()[-800:]}")
            check_agency(folder, child.lines, self.s.template_state, out)
        elif kind == "export":
            child, anchor = self._start_export(tdir, f"lan-{self.n:03d}")
            if anchor is not None:
                time.sleep(max(0.0, anchor + delay - time.monotonic()))
            out.killed = child.kill()
            child.finish()
            check_export(self.s, self.retired, self.verified, out)
        else:
            folder = tdir / "council"
            child, anchor = self._start_import(tdir, folder)
            if anchor is not None:
                time.sleep(max(0.0, anchor + delay - time.monotonic()))
            out.killed = child.kill()
            child.finish()
            check_import(self.s, folder, child.lines, out)
        (tdir / "stdout.txt").write_text("\n".join(child.lines) + "\n", encoding="utf-8")
        if not out.problems:
            shutil.rmtree(tdir, ignore_errors=True)
        return out


# ================================================================ report


COLUMNS = ("kind", "trials", "killed mid-run", "acknowledged (checked)", "lost acknowledged edits", "damaged workspaces",
           "partial packages", "unrecorded packages", "partial imports", "unintended GUI saves")


def table(stats: list[KindStats]) -> list[str]:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|---|" + "---:|" * (len(COLUMNS) - 1)]
    total = KindStats("**total**")
    for st in stats:
        for name in ("trials", "killed", "acks", "lost", "damaged", "partial_packages", "unrecorded", "partial_imports",
                     "unintended"):
            setattr(total, name, getattr(total, name) + getattr(st, name))
    for st in stats + [total]:
        lines.append(f"| {st.kind} | {st.trials} | {st.killed} | {st.acks} | {st.lost} | {st.damaged} | "
                     f"{st.partial_packages} | {st.unrecorded} | {st.partial_imports} | {st.unintended} |")
    return lines


def detail_table(stats: list[KindStats]) -> list[str]:
    lines = ["| kind | kill inside an operation | in-flight edit committed, ACK not yet printed | temp files removed on reopen "
             "| `.part` files left beside the destination | unreferenced store files | seconds |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for st in stats:
        lines.append(f"| {st.kind} | {st.mid} | {st.inflight_committed} | {st.tmp_cleaned} | {st.part_left} | "
                     f"{st.orphans} | {st.seconds:.0f} |")
    return lines


def report(stats: list[KindStats], args: argparse.Namespace, sizes: Sizes, windows: dict[str, float], when: str,
           took: float) -> list[str]:
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    failures = sum(st.failures for st in stats)
    lines = [
        f"Run {when}: `bench/crash_soak.py --trials {args.trials} --seed {args.seed}"
        f"{' --small' if args.small else ''}`, {sum(st.trials for st in stats)} trials in {took:.0f} s; "
        f"result: **{'PASS' if failures == 0 else 'FAIL'}** ({failures} failure{'' if failures == 1 else 's'}).",
        "",
        f"Sizes: evidence trials attach {sizes.evidence_files} files of {sizes.evidence_file // MiB} MiB; the exported "
        f"workspace holds {sizes.export_files} x {sizes.export_file // MiB} MiB of evidence; the import folder holds "
        f"{sizes.import_packages} packages of {sizes.import_file // MiB} MiB + 1 tampered; edits runs make up to "
        f"{sizes.edits} edits (GUI: {sizes.gui_edits}).  Kill windows (one unkilled calibration run each, the kill at "
        "a uniform moment in 1.1x that window): "
        + ", ".join(f"{k} {v:.2f} s" for k, v in windows.items()) + ".",
        "",
        f"Machine: {cpu}, {os.cpu_count()} cores; Linux {platform.release()}; Python {platform.python_version()}.",
        "",
        *table(stats),
        "",
        *detail_table(stats),
    ]
    problems = [p for st in stats for p in st.problems]
    if problems:
        lines += ["", "Failures:", ""] + [f"- {p}" for p in problems[:40]]
    return lines


def write_doc(lines: list[str]) -> None:
    section = "\n".join([
        "## Crash soak",
        "",
        ("`bench/crash_soak.py`: SIGKILL at random (seeded) moments during CLI-level edits, a GUI driven offscreen, "
         "evidence attachment, `cchc package export` and `cchc inspect import`; after each kill the workspace is "
         "reopened and checked (integrity, every acknowledged edit, evidence store against the database, no package "
         "under its final name unless valid and recorded, every package imported whole or not at all).  "
         "\"Acknowledged\" is an `ACK` line printed after the commit returned (edits, GUI `saved`, attachments) or the "
         "import command's `✔` line; \"killed mid-run\" counts trials whose child was still running at the kill.  "
         "The GUI driver also checks after every step that the window saved only what it did (\"unintended GUI "
         "saves\": another item or another field changed); the unkilled calibration runs are checked like the trials."),
        "",
        "    .venv/bin/python bench/crash_soak.py [--trials 50] [--seed N] [--kinds edits,gui,evidence,export,import] "
        "[--small] [--write-doc]",
        "",
        *lines,
        "",
        ("Notes. (1) Unreferenced store files are copies renamed into the content-addressed store by an attachment or "
         "import that was killed before its transaction committed: nothing refers to them, and a later attachment or "
         "import of the same bytes reuses them. (2) Found by this soak and fixed since (each now guarded by a test in "
         "tests/robustness/): an export killed between the rename of the finished package and the commit that "
         "recorded it left a VALID package the workspace did not know (\"unrecorded packages\"; hit in 3 of 102 "
         "export trials; the export now records first and reconciles on open - test_export_interrupted.py); the GUI "
         "overwrote the explanation of the item it went to after \"không áp dụng\" was ticked (\"unintended GUI "
         "saves\"; test_gui_unintended_saves.py); and with PySide6 6.12.0 the GUI process aborted (\"Fatal Python "
         "error: bool_dealloc\") after ~800 edits and at exit after ~50 (test_gui_signal_refcount.py) - the GUI child "
         "now ends with a normal interpreter exit, and an unkilled run that does not exit with status 0 fails."),
        "",
    ])
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"^## Crash soak[ \t]*\n.*?(?=^## |\Z)", text, re.DOTALL | re.MULTILINE)
    if m:
        text = text[: m.start()] + section + ("\n" if text[m.end():] else "") + text[m.end():]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text, encoding="utf-8")


# ================================================================ main


def default_parent() -> Path:
    for candidate in (Path("/var/tmp"), Path(tempfile.gettempdir())):
        if candidate.is_dir() and os.access(candidate, os.W_OK):
            return candidate
    return ROOT.parent


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].startswith("child-"):
        kind, folder, seed, *rest = argv
        if kind == "child-edits":
            child_edits(folder, int(seed), int(rest[0]))
        elif kind == "child-gui":
            child_gui(folder, int(seed), int(rest[0]))
        elif kind == "child-evidence":
            child_evidence(folder, int(seed), rest[0])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=50, help="trials in total, dealt round-robin over the kinds")
    ap.add_argument("--seed", type=int, default=20261121)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--small", action="store_true", help="small files and short runs (the test suite's smoke run)")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--write-doc", action="store_true")
    args = ap.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = set(kinds) - set(KINDS)
    if unknown or not kinds:
        ap.error(f"unknown kinds {sorted(unknown)}; choose from {','.join(KINDS)}")
    if not hasattr(signal, "SIGKILL"):
        ap.error("POSIX only (SIGKILL)")
    sizes = SMALL if args.small else NORMAL
    started = time.monotonic()
    when = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - started:7.1f}s] {msg}", file=sys.stderr, flush=True)

    parent = args.workdir or default_parent()
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="cchc-crash-soak-", dir=parent))
    try:
        log(f"work dir {work}")
        s = build(work, sizes, args.seed, log)
        soak = Soak(s, args.seed, log)
        log("calibration (one unkilled run per kind)")
        for kind in kinds:
            soak.calibrate(kind)
        stats = {k: KindStats(k) for k in kinds}
        for kind, outcome in soak.calibration.items():  # failures of an unkilled run count (not its trial)
            outcome.mid = False
            outcome.tmp_cleaned = outcome.part_left = outcome.orphans = outcome.inflight_committed = 0
            stats[kind].add(outcome, 0)
            stats[kind].trials -= 1
        for t in range(args.trials):
            kind = kinds[t % len(kinds)]
            t0 = time.monotonic()
            outcome = soak.trial(kind)
            stats[kind].seconds += time.monotonic() - t0
            stats[kind].add(outcome, t + 1)
            verdict = "ok" if not outcome.problems else "FAIL: " + "; ".join(outcome.problems[:3])
            log(f"trial {t + 1:3d}/{args.trials} {kind:8s} {'killed' if outcome.killed else 'completed':9s} "
                f"acks={outcome.acks:<4d} tmp={outcome.tmp_cleaned} part={outcome.part_left} {verdict}")
        lines = report(list(stats.values()), args, sizes, soak.windows, when, time.monotonic() - started)
        print("\n".join(lines))
        if args.write_doc:
            write_doc(lines)
            log(f"wrote the Crash soak section of {DOC}")
        failed = any(st.failures for st in stats.values())
        if failed:
            args.keep = True  # the failing trials' folders (workspace, child output) are the evidence
        return 1 if failed else 0
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
