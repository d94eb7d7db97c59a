"""`cchc inspect import` and `cchc inspect list` (the appraisal council's round).

`add_inspect_commands` adds the commands to the parser; this module stays light at import time
(the services are imported only when a command runs).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .common import Context, human, num

if TYPE_CHECKING:
    from ..core.services.inspection import InspectionWorkspace
    from ..core.services.inspection_records import ImportedPackage, ImportResult


def add_inspect_commands(group: Callable[..., Any], command: Callable[..., Any], tr: Callable[[str, str], str]) -> Any:
    """Create the `inspect` group with its commands; returns the group's sub-parsers (parser.py's `subs`)."""
    json_help = tr("in kết quả dạng JSON (cấu trúc ổn định, xem docs/cli.md)", "print JSON (stable shape, see docs/cli.md)")
    ins = group("inspect", "Hội đồng thẩm định: nhập gói, thẩm định, điều tra xã hội học, xếp hạng.",
                "Appraisal council: import packages, appraise, survey, rank.")
    c = command(ins, "import", "Xác thực rồi nhập các gói hồ sơ (.cchc) hoặc cả thư mục; mỗi gói một dòng kết quả.",
                "Verify and import packages (.cchc) or whole folders; one result line per package.", import_)
    c.add_argument("dir", metavar="DIR", help=tr("không gian làm việc của Hội đồng", "the council's workspace"))
    c.add_argument("packages", metavar="PKG_OR_FOLDER", nargs="+",
                   help=tr("gói .cchc hoặc thư mục chứa các gói", ".cchc package or folder of packages"))
    c.add_argument("--allow-unknown-revocation", action="store_true",
                   help=tr("vẫn nhập gói khi chưa kiểm tra được chứng thư có bị thu hồi hay không (thiếu CRL)",
                           "import even when the certificate's revocation cannot be checked (no CRL)"))
    c.add_argument("--json", action="store_true", help=json_help)
    c = command(ins, "list", "Danh sách các gói đã nhập.", "List the imported packages.", list_)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--json", action="store_true", help=json_help)
    from .appraise_cmd import add_appraisal_commands

    add_appraisal_commands(ins, command, tr)
    from .export_cmd import add_export_command

    add_export_command(ins, command, tr)
    from .merge_cmd import add_merge_commands

    add_merge_commands(ins, command, tr)
    return ins


# ---------------------------------------------------------------- import


def result_line(ctx: Context, r: ImportResult) -> list[str]:
    """One line per package (and one indented line per note of an imported package)."""
    tr, lang = ctx.tr, ctx.lang
    if r.status == "refused":
        reasons = "; ".join(r.reasons(lang)) or tr("không rõ lý do", "no reason given")
        return [tr(f"✘ {r.source.name}: bị từ chối — {reasons}", f"✘ {r.source.name}: refused — {reasons}")]
    if r.status != "already_imported" and r.final_points is None:
        # Not a submission (a reviewer's appraisal package, a rebuttal): no self-score to show.
        return [tr(f"✔ {r.source.name}: đã nhập", f"✔ {r.source.name}: imported")] + [f"    ⚠ {text}" for text in r.reasons(lang)]
    who = tr(f"{r.agency_code} lần nộp {r.sequence}", f"{r.agency_code} submission {r.sequence}")
    if r.status == "already_imported":
        return [tr(f"✔ {who}: đã nhập từ trước, không nhập lại ({r.source.name})",
                   f"✔ {who}: already imported, not imported again ({r.source.name})")]
    pts = f"{human(r.final_points or Decimal(0), lang)} / {human(r.assessable_max or Decimal(0), lang)}"
    if r.score_mismatch and r.claimed_points is not None:
        claimed = human(r.claimed_points, lang)
        head = tr(f"✔ {who}: đã nhập (điểm tự chấm tính lại {pts}; gói khai {claimed})",
                  f"✔ {who}: imported (self-score recomputed {pts}; the package claims {claimed})")
    else:
        head = tr(f"✔ {who}: đã nhập (điểm tự chấm {pts})", f"✔ {who}: imported (self-score {pts})")
    return [head] + [f"    ⚠ {text}" for text in r.reasons(lang)]


def result_document(r: ImportResult, lang: str) -> dict[str, Any]:
    return {
        "file": str(r.source),
        "status": r.status,
        "agency_code": r.agency_code,
        "agency_name": r.agency_name,
        "sequence": r.sequence,
        "manifest_sha256": r.manifest_sha256,
        "score_mismatch": r.score_mismatch,
        "chain_gap": r.chain_gap,
        "points": None if r.final_points is None else {
            "claimed": num(r.claimed_points), "recomputed": num(r.final_points),
            "assessable_max": num(r.assessable_max), "percent": num(r.percent),
        },
        "reasons": [{"code": n.code, "message": n.text(lang)} for n in r.notes],
    }


def import_(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.inspection import InspectionWorkspace

    def show(r: ImportResult) -> None:
        if not args.json:
            for line in result_line(ctx, r):
                ctx.out(line)

    with InspectionWorkspace.open(args.dir) as ws:
        results = ws.import_packages(args.packages, allow_unknown_revocation=args.allow_unknown_revocation, on_result=show)
    counts = {s: sum(1 for r in results if r.status == s) for s in ("imported", "already_imported", "refused")}
    if args.json:
        ctx.json({"results": [result_document(r, ctx.lang) for r in results], "summary": counts})
    else:
        ctx.out(ctx.tr(
            f"Tổng cộng {len(results)} gói: {counts['imported']} đã nhập, {counts['already_imported']} đã có từ trước, "
            f"{counts['refused']} bị từ chối.",
            f"{len(results)} packages: {counts['imported']} imported, {counts['already_imported']} already imported, "
            f"{counts['refused']} refused.",
        ))
    return 0 if results and counts["refused"] == 0 else 1


# ---------------------------------------------------------------- list


def workspace_document(ws: InspectionWorkspace) -> dict[str, Any]:
    fw = ws.framework
    return {
        "folder": str(ws.folder), "role": "inspection", "year": ws.year, "level": fw.level.value,
        "framework_id": fw.id, "framework_title": fw.title, "framework_sha256": fw.sha256, "framework_sample": fw.sample,
        "expected_agencies": [a.code for a in ws.agencies() if a.expected],
    }


def package_document(p: ImportedPackage, lang: str) -> dict[str, Any]:
    rec, claimed = p.recomputed_score, p.claimed_score
    return {
        "manifest_sha256": p.manifest_sha256, "agency_code": p.agency_code, "agency_name": p.agency_name,
        "sequence": p.sequence, "previous_sha256": p.previous_sha256, "created_at": p.created_at,
        "imported_at": p.imported_at, "source_name": p.source_name, "verdict": p.verdict, "revocation": p.revocation,
        "signer": {"subject": p.signer_subject, "fingerprint_sha256": p.signer_fingerprint, "signing_time": p.signing_time},
        "points": {"claimed": claimed.get("final_points"), "recomputed": rec.get("final_points"),
                   "assessable_max": rec.get("assessable_max"), "percent": rec.get("percent"), "category": rec.get("category")},
        "score_mismatch": p.score_mismatch, "chain_gap": p.chain_gap, "submitted_problems": p.submitted_problems,
        "notes": [{"code": n.code, "message": n.text(lang)} for n in p.notes],
    }


def list_(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.inspection import InspectionWorkspace
    from .common import table

    with InspectionWorkspace.open(args.dir) as ws:
        packages = ws.packages()
        if args.json:
            ctx.json({"workspace": workspace_document(ws), "packages": [package_document(p, ctx.lang) for p in packages]})
            return 0
        fw = ws.framework
        ctx.out(ctx.tr(f"Đợt đánh giá năm {ws.year} — Bộ tiêu chí: {fw.title} ({fw.id})",
                       f"Round {ws.year} — Framework: {fw.title} ({fw.id})"))
    if not packages:
        ctx.out(ctx.tr("Chưa nhập gói hồ sơ nào. Nhập bằng: cchc inspect import DIR THU_MUC_GOI",
                       "No package imported yet. Import with: cchc inspect import DIR PACKAGES_FOLDER"))
        return 0
    tr, lang = ctx.tr, ctx.lang
    rows = [[tr("Mã", "Code"), tr("Cơ quan", "Agency"), tr("Lần", "Seq"), tr("Điểm tính lại", "Recomputed"),
             tr("Điểm khai", "Claimed"), tr("Nhập lúc", "Imported at"), tr("Ghi chú", "Notes")]]
    for p in packages:
        rec = p.recomputed_score
        flags = [tr("lệch điểm", "score differs")] if p.score_mismatch else []
        flags += [tr("đứt chuỗi", "chain gap")] if p.chain_gap else []
        flags += [tr("chưa kiểm tra thu hồi", "revocation unchecked")] if p.revocation != "good" else []
        rows.append([p.agency_code, p.agency_name, str(p.sequence),
                     f"{_h(rec.get('final_points'), lang)} / {_h(rec.get('assessable_max'), lang)}",
                     _h(p.claimed_score.get("final_points"), lang), p.imported_at[:19].replace("T", " "), ", ".join(flags)])
    for line in table(rows, "llrrrll"):
        ctx.out(line)
    ctx.out(tr(f"{len(packages)} gói đã nhập.", f"{len(packages)} packages imported."))
    return 0


def _h(text: Any, lang: str) -> str:
    if text is None:
        return "—"
    try:
        return human(Decimal(str(text)), lang)
    except ArithmeticError:
        return str(text)
