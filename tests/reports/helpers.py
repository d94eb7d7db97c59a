"""Helpers of the report tests: fill a workspace on any framework, read PDFs with poppler."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from cchc_desktop.core.storage.records import Citation

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "forms"


def fill_any(ws: Any, files: Path, evidence_every: int = 3) -> None:
    """Answer every self-scored leaf of `ws`'s framework with a plausible value (every rule kind),
    attach a citation to every `evidence_every`-th one (the same document twice, to show sharing),
    write a few explanations and one "not applicable", claim a bonus."""
    files.mkdir(parents=True, exist_ok=True)
    plan = files / "ke-hoach-cchc.pdf"
    plan.write_bytes(b"%PDF-1.4\n% Ke hoach CCHC nam 2026\n")
    report = files / "bao-cao-kiem-tra.pdf"
    report.write_bytes(b"%PDF-1.4\n% Bao cao ket qua kiem tra\n")
    cites = [
        (plan, Citation("Kế hoạch", "15/KH-UBND", "10/01/2026", ws.info().agency_name, "Kế hoạch cải cách hành chính năm 2026"),
         "trang 1-3"),
        (report, Citation("Báo cáo", "120/BC-UBND", "30/09/2026", ws.info().agency_name,
                          "Kết quả thực hiện nhiệm vụ cải cách hành chính 9 tháng đầu năm"), "mục II.1"),
    ]
    n = 0
    na_done = bonus_done = False
    for item in ws.framework.leaves():
        rule = item.rule
        if item.scorer is None or item.scorer.value != "agency":
            continue
        kind = rule.kind
        if kind in ("bonus", "penalty"):
            if kind == "bonus" and not bonus_done:
                ws.set_value(item.code, item.max_points / 2)
                ws.set_note(item.code, "Mô hình “Một cửa số” được UBND tỉnh công nhận, nhân rộng.")
                bonus_done = True
            continue
        n += 1
        if item.na_mode is not None and not na_done:
            ws.set_not_applicable(item.code, True, "Năm 2026 không phát sinh")
            na_done = True
            continue
        if kind == "yes_no":
            ws.set_value(item.code, n % 4 != 0)
        elif kind == "choice":
            ws.set_value(item.code, rule.options[n % len(rule.options)].key)
        elif kind == "percent_tiers":
            ws.set_value(item.code, 92 if n % 3 else 75)
        elif kind == "ratio_tiers":
            ws.set_value(item.code, {"numerator": 187, "denominator": 192})
        elif kind == "deduction":
            ws.set_value(item.code, 1)
        elif kind == "manual":
            ws.set_value(item.code, item.max_points)
        if n % evidence_every == 0:
            path, cite, pages = cites[(n // evidence_every) % 2]
            ws.add_evidence(item.code, path, cite, pages=pages)
        elif n % 5 == 0:
            ws.set_note(item.code, "Đơn vị đã triển khai đầy đủ; văn bản đang được số hóa, sẽ bổ sung khi thẩm định.")


def pdftotext(pdf: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout.decode("utf-8")
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def pdffonts(pdf: Path) -> list[list[str]]:
    """One row per font: [name, type…, emb, sub, uni, object, id] as pdffonts prints them."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode("utf-8")
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def render_page(pdf: Path, out_stem: Path, dpi: int = 60, page: int = 1, fmt: str = "-png",
                crop: tuple[int, int, int, int] | None = None) -> Path:
    """pdftoppm -r DPI -singlefile: page `page` to `out_stem`.png (or .ppm with fmt="");
    `crop` = (x, y, width, height) in pixels of the rendering, to render only that part."""
    args = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
    if crop:
        args += ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])]
    if fmt:
        args.append(fmt)
    subprocess.run([*args, str(pdf), str(out_stem)], check=True, capture_output=True)
    return out_stem.with_suffix(".png" if fmt == "-png" else ".ppm")


def have_poppler() -> bool:
    return all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm", "pdfinfo"))
