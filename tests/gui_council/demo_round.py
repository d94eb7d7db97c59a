"""A realistic council round on the bundled commune sample, for screenshots (and later benchmarks).

`build_demo_round(folder, n)` plays the whole path with the real services: a demo province CA
issues keys to `n` communes; each fills the 2026 commune sample (seeded, varied answers, a PDF
cited on several items, explanations, not-applicable claims), exports its signed package; the
council creates its round, imports every package, sets its reviewers, appraises part of the work
(agreements and changes with reasons), imports survey points and closes one agency as final.
Nothing depends on the clock or on randomness that is not seeded.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PASS = "mat-khau-demo"
COMMUNES = [
    ("XA-CHD", "UBND xã Cam Hải Đông"), ("XA-CHT", "UBND xã Cam Hải Tây"), ("XA-DAN", "UBND xã Diên An"),
    ("XA-DTO", "UBND xã Diên Toàn"), ("XA-NTR", "UBND xã Ninh Trung"), ("XA-NTA", "UBND xã Ninh Tây"),
    ("PH-VNG", "UBND phường Vĩnh Nguyên"), ("PH-PHA", "UBND phường Phước Hải"), ("XA-SBI", "UBND xã Suối Tiên"),
    ("XA-KHI", "UBND xã Khánh Hiệp"), ("XA-TKH", "UBND xã Trường Sơn"), ("PH-CLO", "UBND phường Cam Lợi"),
]


def demo_pdf(path: Path, title: str) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 760, "UY BAN NHAN DAN XA")
    c.setFont("Helvetica", 12)
    c.drawString(72, 730, title)
    for n in range(12):
        c.drawString(72, 690 - n * 18, f"Dieu {n + 1}. Noi dung thuc hien nhiem vu cai cach hanh chinh nam 2026 ...")
    c.save()
    return path


def fill(ws: Any, rng: random.Random, pdfs: list[Path], quality: float) -> None:
    """Answer every agency leaf; `quality` (0..1) steers how good the answers are."""
    from cchc_desktop.core.storage.records import Citation

    fw = ws.framework
    cites = [Citation("Kế hoạch", "15/KH-UBND", "2026-01-12", ws.info().agency_name, "Kế hoạch cải cách hành chính năm 2026"),
             Citation("Báo cáo", "210/BC-UBND", "2026-10-05", ws.info().agency_name, "Kết quả thực hiện cải cách hành chính 9 tháng")]
    docs: list[int] = []
    for n, item in enumerate(i for i in fw.leaves() if i.scorer and i.scorer.value == "agency"):
        kind = item.rule.kind
        good = rng.random() < quality
        if item.na_mode is not None and rng.random() < 0.15:
            ws.set_not_applicable(item.code, True, "Năm 2026 không phát sinh")
            continue
        if kind == "yes_no":
            ws.set_value(item.code, good)
        elif kind == "choice":
            ws.set_value(item.code, item.rule.options[0 if good else min(1, len(item.rule.options) - 1)].key)
        elif kind == "percent_tiers":
            ws.set_value(item.code, rng.choice([95, 100]) if good else rng.choice([72, 85, 60]))
        elif kind == "ratio_tiers":
            den = rng.randint(120, 400)
            ws.set_value(item.code, {"numerator": den if good else den - rng.randint(3, 30), "denominator": den})
        elif kind == "deduction":
            ws.set_value(item.code, 0 if good else rng.randint(1, 3))
        elif kind in ("manual", "bonus"):
            step = getattr(item.rule, "step", None) or Decimal("0.25")
            top = item.max_points if good else item.max_points / 2
            ws.set_value(item.code, (top // step) * step)
        elif kind == "penalty":
            continue
        if n % 3 == 0:
            ws.set_note(item.code, "Đã triển khai đầy đủ theo kế hoạch; kết quả nêu tại báo cáo kèm theo.")
        if item.evidence.required:
            pdf = pdfs[n % len(pdfs)]
            if len(docs) < len(pdfs):
                ws.add_evidence(item.code, pdf, cites[len(docs) % len(cites)], pages=f"trang {n % 4 + 1}")
                docs.append(ws.documents()[-1].id)
            else:
                ws.link_evidence(item.code, docs[n % len(docs)], pages=f"mục {n % 5 + 1}")


def build_demo_round(folder: Path, n: int = 12, submitted: int = 10) -> Any:
    """The council's InspectionWorkspace in `folder / "hoi-dong"`, filled as described above."""
    from cryptography import x509

    from cchc_desktop.core.framework.load import load_framework
    from cchc_desktop.core.services.agency import AgencyWorkspace
    from cchc_desktop.core.services.export import export_submission
    from cchc_desktop.core.services.inspection import InspectionWorkspace
    from cchc_desktop.core.services.inspection_setup import Reviewer
    from cchc_desktop.core.signing import ca as ca_mod
    from cchc_desktop.core.signing.cms import SoftwareSigner
    from cchc_desktop.core.signing.keys import create_agency_key, load_pkcs12_bytes

    rng = random.Random(2026)
    fw = load_framework(REPO / "forms" / "xa-2026.json")
    p12, cert_pem, crl_pem = ca_mod.init_ca("Sở Nội vụ tỉnh Thử Nghiệm", PASS, "ec")
    ca_mod.write_ca_folder(folder / "ca", p12, cert_pem, crl_pem)
    ca = load_pkcs12_bytes(p12, PASS)
    files = folder / "tai-lieu"
    files.mkdir(parents=True)
    pdfs = [demo_pdf(files / "ke-hoach-cchc-2026.pdf", "KE HOACH CAI CACH HANH CHINH NAM 2026"),
            demo_pdf(files / "bao-cao-9-thang.pdf", "BAO CAO KET QUA CCHC 9 THANG NAM 2026")]
    usb = folder / "usb"
    usb.mkdir()
    communes = COMMUNES[:n]
    for k, (code, name) in enumerate(communes[:submitted]):
        ws = AgencyWorkspace.create(folder / "co-quan" / code, fw, code, name)
        try:
            fill(ws, rng, pdfs, quality=0.95 - 0.05 * k)
            key_p12, _crt, csr = create_agency_key(code, name, PASS, "ec")
            own = load_pkcs12_bytes(key_p12, PASS)
            cert = x509.load_pem_x509_certificate(ca_mod.issue(ca.private_key, ca.certificate, csr))
            export_submission(ws, usb / f"{code}-2026-lan1.cchc", SoftwareSigner(own.private_key, cert, [ca.certificate]),
                              allow_problems=True)
        finally:
            ws.close()
    council = InspectionWorkspace.create(folder / "hoi-dong", fw, 2026, folder / "ca")
    council.set_expected_agencies(communes)
    results = council.import_packages([usb])
    assert all(r.ok for r in results), [r.reasons() for r in results if not r.ok]
    council.set_reviewers([Reviewer("Nguyễn Văn An", "Sở Nội vụ", ("1", "3", "7")),
                           Reviewer("Trần Thị Bình", "Sở Tư pháp", ("2",)),
                           Reviewer("Lê Minh Châu", "Sở Tài chính", ("4", "5", "6"))])
    appraise_some(council, [c for c, _ in communes[:submitted]], rng)
    survey(council, folder / "dieu-tra.xlsx", rng)
    council.set_final(communes[0][0])
    return council


def appraise_some(ws: Any, codes: list[str], rng: random.Random) -> None:
    """All of the first agencies, part of the next ones, none of the last: every status shows."""
    from cchc_desktop.core.scoring.appraisal import allowed_points
    from cchc_desktop.core.services.inspection_appraisal import appraisable

    leaves = [i for i in ws.framework.leaves() if appraisable(i) and i.rule.kind not in ("bonus", "penalty")]
    for k, code in enumerate(codes):
        share = 1.0 if k < 3 else 0.5 if k < 6 else 0.0
        for item in leaves[: int(len(leaves) * share)]:
            if item.rule.kind == "council":
                ws.appraise(code, item.code, allowed_points(item).max_points, "Đã kiểm tra thực tế tại xã")
            elif rng.random() < 0.12:
                lower = [v for v in (allowed_points(item).values or (Decimal(0),)) if v < item.max_points] or [Decimal(0)]
                ws.appraise(code, item.code, lower[-1], "Tài liệu kiểm chứng chưa chứng minh đủ kết quả tự chấm")
            else:
                try:
                    ws.accept_self(code, item.code)
                except Exception:  # noqa: BLE001 - unanswered items: appraised at 0 with a reason
                    ws.appraise(code, item.code, 0, "Cơ quan không tự chấm, không có tài liệu")
        ws._undo.clear()  # the demo's own steps are not the user's to undo


def survey(ws: Any, path: Path, rng: random.Random) -> None:
    import openpyxl

    ws.write_survey_template(path)
    wb = openpyxl.load_workbook(path)
    sh = wb.active
    items = [i for i in ws.framework.leaves() if i.scorer and i.scorer.value == "survey"]
    submitted = {p.agency_code for p in ws.packages()}
    drop = []
    for row in sh.iter_rows(min_row=4):
        if row[0].value in submitted:
            for cell, item in zip(row[2:], items):
                cell.value = float(round(item.max_points * Decimal(rng.uniform(0.7, 0.95)), 2))
        elif row[0].value:
            drop.append(row[0].row)  # no survey for agencies that did not submit
    for r in reversed(drop):
        sh.delete_rows(r)
    wb.save(path)
    ws.import_survey(path)
