"""A realistic council round for benchmarks: N agencies x a 100-leaf framework, signed and imported.

    .venv/bin/python bench/council_round.py OUT_DIR [--agencies 150]

Every agency fills every leaf (answers differ per agency, so indexes spread and some tie), signs
its package with its own certificate from a province CA, and the council imports them all; about
a third of the leaves are then appraised with reasons, and survey points merged from the template.
The round is left in OUT_DIR/council for other benchmarks (council_bench.py, report benchmarks).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def framework_100() -> dict[str, object]:
    """5 fields x 4 criteria x 5 sub-criteria = 100 leaves, plus a survey field and bonus/penalty."""
    kinds = [
        {"kind": "yes_no"},
        {"kind": "choice", "options": [{"key": "a", "label": "Đúng hạn", "points": 1}, {"key": "b", "label": "Chậm", "points": 0.5},
                                       {"key": "c", "label": "Không", "points": 0}]},
        {"kind": "manual", "step": 0.25},
        {"kind": "deduction", "per_violation": 0.25, "floor": 0},
        {"kind": "percent_tiers", "tiers": [{"min": 90, "points": 1}, {"min": 70, "max": 90, "points": 0.5},
                                            {"max": 70, "points": 0}]},
    ]
    fields, n = [], 0
    for f in range(1, 6):
        crits = []
        for c in range(1, 5):
            leaves = []
            for s in range(1, 6):
                n += 1
                leaf = {"code": f"{f}.{c}.{s}", "title": f"Tiêu chí thành phần {f}.{c}.{s} về cải cách hành chính", "max": 1,
                        "rule": kinds[n % len(kinds)], "evidence": {"required": n % 3 == 0}}
                if n % 17 == 0:
                    leaf["not_applicable"] = {"mode": "exclude", "label": "Không phát sinh"}
                leaves.append(leaf)
            crits.append({"code": f"{f}.{c}", "title": f"Tiêu chí {f}.{c}", "max": 5, "children": leaves})
        fields.append({"code": str(f), "title": f"Lĩnh vực {f}: công tác cải cách hành chính", "max": 20, "children": crits})
    fields.append({"code": "6", "title": "Điều tra xã hội học", "max": 30, "children": [
        {"code": "6.1", "title": "Mức độ hài lòng của người dân", "max": 20, "rule": {"kind": "survey"}},
        {"code": "6.2", "title": "Đánh giá của cán bộ, công chức", "max": 10, "rule": {"kind": "survey"}}]})
    return {"format": "cchc-framework", "format_version": 1, "id": "bench-100", "title": "Bộ tiêu chí đo hiệu năng (100 tiêu chí)",
            "level": "xa", "year": 2026, "sample": True, "total": 130, "bonus_cap": 2, "penalty_cap": 2,
            "categories": [{"key": "tot", "name": "Tốt", "min_percent": 80}, {"key": "kha", "name": "Khá", "min_percent": 65},
                           {"key": "tb", "name": "Trung bình", "min_percent": 50}, {"key": "yeu", "name": "Yếu", "min_percent": 0}],
            "fields": fields,
            "adjustments": [{"code": "T.1", "title": "Điểm thưởng", "max": 2, "rule": {"kind": "bonus", "step": 0.5}},
                            {"code": "T.2", "title": "Điểm trừ", "max": 2, "rule": {"kind": "penalty", "step": 0.5}}]}


def value_for(rule: dict, rnd: random.Random) -> object:
    kind = rule["kind"]
    if kind == "yes_no":
        return rnd.random() < 0.8
    if kind == "choice":
        return rnd.choice("aab c".replace(" ", ""))
    if kind == "manual":
        return rnd.choice([0.5, 0.75, 1, 1])
    if kind == "deduction":
        return rnd.choice([0, 0, 1, 2])
    return rnd.choice([95, 80, 60])


def build_round(out: Path, agencies: int, seed: int = 2026) -> Path:
    """Make the round in out/council (out must not exist or be empty); returns the council folder."""
    from cryptography import x509

    from cchc_desktop.core.framework.load import load_framework
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.services.answers_file import fill
    from cchc_desktop.core.services.export import export_submission
    from cchc_desktop.core.services.inspection import InspectionWorkspace
    from cchc_desktop.core.signing import ca as ca_mod
    from cchc_desktop.core.signing.cms import SoftwareSigner
    from cchc_desktop.core.signing.keys import generate_private_key, load_pkcs12_bytes

    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    doc = framework_100()
    fw_path = out / "bench-100.json"
    fw_path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    fw = load_framework(fw_path)
    ca_p12, ca_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ (đo hiệu năng)", "ca-passphrase", "ec")
    ca = load_pkcs12_bytes(ca_p12, "ca-passphrase")
    trust = out / "trust"
    trust.mkdir(exist_ok=True)
    (trust / "ca.crt").write_bytes(ca_pem)
    (trust / "ca.crl").write_bytes(crl_pem)
    usb = out / "usb"
    usb.mkdir(exist_ok=True)
    scan = out / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n% bench evidence\n" + bytes(20_000))
    leaves = [i for i in fw.leaves() if i.rule is not None and i.rule.kind not in ("survey", "bonus", "penalty")]
    rules = {c["code"]: c["rule"] for f in doc["fields"] for k in f["children"] for c in k.get("children", [])}
    t0 = time.perf_counter()
    for n in range(agencies):
        code = f"XA-{n:03d}"
        ws = AgencyWorkspace.create(out / "agencies" / code, fw, code, f"UBND xã số {n + 1}")
        answers = {}
        for item in leaves:
            if item.na_mode is not None and rnd.random() < 0.3:
                answers[item.code] = {"not_applicable": True, "reason": "Không phát sinh trong năm"}
            else:
                entry: dict[str, object] = {"value": value_for(rules[item.code], rnd)}
                if item.evidence.required:
                    entry["evidence"] = [{"file": str(scan), "doc_type": "Báo cáo", "number_symbol": f"{n}/BC-UBND",
                                          "issue_date": "2026-10-01", "issuer": f"UBND xã số {n + 1}", "excerpt": "Kết quả CCHC"}]
                answers[item.code] = entry
        answers["T.1"] = {"value": rnd.choice([0, 0.5, 1])}
        answers_path = out / "answers.json"
        answers_path.write_text(json.dumps({"format": "cchc-answers", "format_version": 1, "answers": answers},
                                           ensure_ascii=False), encoding="utf-8")
        fill(ws, answers_path)
        key = generate_private_key("ec")
        cert = ca_mod.issue_for_public_key(ca.private_key, ca.certificate, key.public_key(), code, f"UBND xã số {n + 1}")
        export_submission(ws, usb / f"{code}.cchc", SoftwareSigner(key, cert if isinstance(cert, x509.Certificate) else cert,
                                                                   [ca.certificate]), allow_problems=True)
        ws.close()
        shutil.rmtree(out / "agencies" / code)
        if (n + 1) % 25 == 0:
            print(f"  {n + 1}/{agencies} packages ({time.perf_counter() - t0:.0f} s)", flush=True)
    council = InspectionWorkspace.create(out / "council", fw, 2026, trust)
    council.set_expected_agencies([(f"XA-{n:03d}", f"UBND xã số {n + 1}") for n in range(agencies)])
    results = council.import_packages([usb])
    assert all(r.ok for r in results), [r.reasons() for r in results if not r.ok]
    # A third of the leaves appraised (accepting or lowering), survey points for everyone.
    for n in range(agencies):
        code = f"XA-{n:03d}"
        for item in leaves[: len(leaves) // 3]:
            try:
                if rnd.random() < 0.8:
                    council.accept_self(code, item.code)
                else:
                    council.appraise(code, item.code, "0", "Tài liệu kiểm chứng không chứng minh được kết quả")
            except Exception:  # noqa: BLE001 - e.g. an item the agency left unanswered: skip it
                pass
    survey = out / "khao-sat.xlsx"
    council.write_survey_template(survey)
    import openpyxl

    wb = openpyxl.load_workbook(survey)
    sh = wb.active
    for r in range(4, 4 + agencies):
        sh.cell(r, 3, rnd.choice([15, 16.5, 18, 19.5]))
        sh.cell(r, 4, rnd.choice([7, 8, 9]))
    wb.save(survey)
    council.import_survey(survey)
    council.close()
    return out / "council"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path)
    p.add_argument("--agencies", type=int, default=150)
    args = p.parse_args()
    t0 = time.perf_counter()
    folder = build_round(args.out, args.agencies)
    print(f"round ready in {folder} ({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
