"""`cchc inspect export-appraisals | conflicts | resolve`: several reviewers on one round.

A reviewer exports his appraisals as a signed package from his copy of the round; the main
workspace imports it with `cchc inspect import` (docs/several-reviewers.md).  What disagrees with
the current appraisals waits as a conflict until someone decides it.  `add_merge_commands` adds
the commands to the `inspect` group; the services are imported only when a command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import Context, human, num

if TYPE_CHECKING:
    from ..core.scoring.appraisal import Appraisal
    from ..core.services.inspection_records import ConflictRecord


def add_merge_commands(ins: Any, command: Callable[..., Any], tr: Callable[[str, str], str]) -> None:
    """Add the commands to the `inspect` group's sub-parsers `ins`."""
    json_help = tr("in kết quả dạng JSON (cấu trúc ổn định, xem docs/several-reviewers.md)",
                   "print JSON (stable shape, see docs/several-reviewers.md)")
    c = command(ins, "export-appraisals",
                "Xuất các kết quả thẩm định của không gian làm việc này thành gói có chữ ký (khóa Hội đồng) để gửi "
                "không gian làm việc chính.",
                "Export this workspace's appraisals as a signed package (council key) for the main workspace.",
                export_appraisals)
    c.add_argument("dir", metavar="DIR", help=tr("không gian làm việc của người thẩm định", "the reviewer's workspace"))
    c.add_argument("-o", "--output", metavar="FILE.cchc", required=True)
    c.add_argument("--key", metavar="KEY.p12", required=True,
                   help=tr("khóa có chứng thư Hội đồng thẩm định (mật khẩu: biến CCHC_PASSPHRASE hoặc nhập)",
                           "key with a council certificate (passphrase: CCHC_PASSPHRASE or prompt)"))
    c.add_argument("--fields", metavar="1,2", help=tr("chỉ các lĩnh vực này (mã, cách nhau dấu phẩy)",
                                                      "only these fields (codes, comma separated)"))
    c = command(ins, "conflicts", "Các xung đột giữa kết quả thẩm định hiện tại và kết quả từ gói của người thẩm định khác.",
                "Open conflicts between the current appraisals and those other reviewers' packages brought.", conflicts)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--agency", metavar="CODE", help=tr("chỉ cơ quan này", "only this agency"))
    c.add_argument("--json", action="store_true", help=json_help)
    c = command(ins, "resolve", "Giải quyết một xung đột: giữ kết quả hiện tại hoặc lấy kết quả mới nhận.",
                "Resolve a conflict: keep the current appraisal or take the incoming one.", resolve)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--id", metavar="N", type=int, required=True, help=tr("số của xung đột (cchc inspect conflicts)",
                                                                         "the conflict's number (cchc inspect conflicts)"))
    c.add_argument("--keep", choices=("current", "incoming"), required=True,
                   help=tr("current: giữ bản hiện tại; incoming: lấy bản mới nhận", "current: keep; incoming: take the new one"))


# ---------------------------------------------------------------- export


def export_appraisals(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.inspection import InspectionWorkspace
    from ..core.signing.keys import load_pkcs12
    from .keys_cmd import get_passphrase

    fields = None if args.fields is None else [f for f in args.fields.split(",")]
    with InspectionWorkspace.open(args.dir) as ws:
        signer = load_pkcs12(Path(args.key), get_passphrase(ctx, new=False))
        done = ws.export_appraisals(Path(args.output), signer, fields)
    which = ctx.tr("mọi lĩnh vực", "every field") if done.fields is None else ", ".join(done.fields)
    ctx.out(ctx.tr(f"Đã xuất {done.count} kết quả thẩm định ({which}; {len(done.agencies)} cơ quan): {done.path}",
                   f"Exported {done.count} appraisals ({which}; {len(done.agencies)} agencies): {done.path}"))
    ctx.out(f"  SHA-256 manifest: {done.manifest_sha256}")
    ctx.out(ctx.tr(f"Bước tiếp theo, ở không gian làm việc chính: cchc inspect import DIR \"{done.path}\"",
                   f"Next, in the main workspace: cchc inspect import DIR \"{done.path}\""))
    return 0


# ---------------------------------------------------------------- conflicts


def appraisal_document(a: Appraisal | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"points": num(a.points), "not_applicable": a.not_applicable, "reason": a.reason, "reviewer": a.reviewer,
            "appraised_at": a.at}


def conflict_document(c: ConflictRecord) -> dict[str, Any]:
    return {"id": c.id, "agency_code": c.agency_code, "item_code": c.item_code, "round": c.round,
            "current": appraisal_document(c.current), "incoming": appraisal_document(c.incoming), "origin": c.origin}


def _shown(a: Appraisal | None, ctx: Context) -> str:
    if a is None:
        return ctx.tr("(chưa có)", "(none)")
    pts = ctx.tr("không áp dụng", "N/A") if a.not_applicable else human(a.points, ctx.lang) if a.points is not None else "—"
    reason = f" — {a.reason}" if a.reason else ""
    return f"{pts} ({a.reviewer}, {a.at[:16].replace('T', ' ')}){reason}"


def conflicts(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.inspection import InspectionWorkspace

    with InspectionWorkspace.open(args.dir) as ws:
        found = ws.conflicts(args.agency)
    if args.json:
        ctx.json({"conflicts": [conflict_document(c) for c in found]})
        return 0
    if not found:
        ctx.out(ctx.tr("Không có xung đột nào đang chờ giải quyết.", "No open conflict."))
        return 0
    for c in found:
        ctx.out(ctx.tr(f"#{c.id}  {c.agency_code} · tiêu chí {c.item_code} · vòng {c.round}",
                       f"#{c.id}  {c.agency_code} · item {c.item_code} · round {c.round}"))
        ctx.out(ctx.tr(f"    hiện tại: {_shown(c.current, ctx)}", f"    current:  {_shown(c.current, ctx)}"))
        ctx.out(ctx.tr(f"    mới nhận: {_shown(c.incoming, ctx)}", f"    incoming: {_shown(c.incoming, ctx)}"))
    ctx.out(ctx.tr(f"{len(found)} xung đột. Giải quyết: cchc inspect resolve DIR --id N --keep current|incoming",
                   f"{len(found)} conflicts. Resolve: cchc inspect resolve DIR --id N --keep current|incoming"))
    return 0


def resolve(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.inspection import InspectionWorkspace

    with InspectionWorkspace.open(args.dir) as ws:
        c = ws.resolve_conflict(args.id, args.keep)
    kept = c.current if args.keep == "current" else c.incoming
    ctx.out(ctx.tr(f"Đã giải quyết xung đột #{c.id} ({c.agency_code} · {c.item_code}): "
                   f"{'giữ bản hiện tại' if args.keep == 'current' else 'lấy bản mới nhận'} — {_shown(kept, ctx)}",
                   f"Conflict #{c.id} ({c.agency_code} · {c.item_code}) resolved: "
                   f"{'kept the current one' if args.keep == 'current' else 'took the incoming one'} — {_shown(kept, ctx)}"))
    return 0
