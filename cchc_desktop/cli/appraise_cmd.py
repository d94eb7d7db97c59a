"""`cchc inspect appraise | survey | rank | status | agencies | reviewers | finalize` (the council's work)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .common import Context, human, num

if TYPE_CHECKING:
    from ..core.scoring.appraisal import Appraisal, RankEntry
    from ..core.services.inspection_records import AgencyOverview


def add_appraisal_commands(ins: Any, command: Callable[..., Any], tr: Callable[[str, str], str]) -> None:
    json_help = tr("in kết quả dạng JSON (cấu trúc ổn định, xem docs/cli.md)", "print JSON (stable shape, see docs/cli.md)")
    c = command(ins, "appraise", "Ghi điểm thẩm định một tiêu chí của một cơ quan (lý do bắt buộc khi khác điểm tự chấm).",
                "Record the appraised points of one item of one agency (a reason is required when they differ).", appraise)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--agency", required=True, metavar="CODE", help=tr("mã cơ quan", "agency code"))
    c.add_argument("--criterion", required=True, metavar="CODE", help=tr("mã tiêu chí (lá)", "item code (a leaf)"))
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--points", metavar="P", help=tr("điểm thẩm định (0,5 hoặc 0.5)", "appraised points"))
    g.add_argument("--not-applicable", action="store_true", help=tr("thẩm định là không áp dụng", "appraise as not applicable"))
    g.add_argument("--accept", action="store_true", help=tr("đồng ý với điểm tự chấm", "accept the self points"))
    g.add_argument("--clear", action="store_true", help=tr("xóa điểm thẩm định của vòng hiện tại", "withdraw the current round's appraisal"))
    c.add_argument("--reason", default="", metavar="TEXT", help=tr("lý do thẩm định", "the reason"))
    c.add_argument("--reviewer", metavar="NAME", help=tr("người thẩm định (mặc định: người dùng máy)", "reviewer (default: the OS user)"))
    c.add_argument("--json", action="store_true", help=json_help)

    c = command(ins, "survey", "Nhập điểm điều tra xã hội học từ tệp Excel theo mẫu (tất cả hoặc không).",
                "Import survey points from the Excel template (all or nothing).", survey)
    c.add_argument("dir", metavar="DIR")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--xlsx", metavar="FILE", help=tr("tệp điểm điều tra", "the survey file"))
    g.add_argument("--template", metavar="OUT.xlsx", help=tr("ghi tệp mẫu để điền", "write the template to fill"))

    c = command(ins, "rank", "Xếp hạng: chỉ số cuối cùng, xếp loại, thứ hạng (đồng hạng khi bằng chỉ số).",
                "Ranking: final index, category, rank (equal indexes share a rank).", rank)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--json", action="store_true", help=json_help)

    c = command(ins, "status", "Bảng theo dõi: trạng thái, điểm tự chấm, điểm thẩm định, tiến độ của từng cơ quan.",
                "Dashboard: status, self score, appraised score, progress per agency.", status)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--agency", metavar="CODE", help=tr("chỉ một cơ quan, kèm từng tiêu chí", "one agency, item by item"))
    c.add_argument("--json", action="store_true", help=json_help)

    c = command(ins, "agencies", "Danh sách cơ quan phải nộp của đợt: nhập từ Excel, hoặc ghi tệp mẫu.",
                "The round's expected agencies: import from Excel, or write the template.", agencies)
    c.add_argument("dir", metavar="DIR")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--xlsx", metavar="FILE")
    g.add_argument("--template", metavar="OUT.xlsx")

    c = command(ins, "reviewers", "Người thẩm định và lĩnh vực mỗi người phụ trách.", "Reviewers and the fields each reviews.",
                reviewers)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--set", action="append", default=None, metavar="TÊN=1,2",
                   help=tr("thay danh sách: “Tên=mã lĩnh vực,…” (lặp lại cho mỗi người)", "replace: 'Name=field,…' (repeat)"))

    c = command(ins, "finalize", "Chốt kết quả cuối cùng của cơ quan (hoặc mở lại với --reopen).",
                "Mark an agency's result final (or reopen it with --reopen).", finalize)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--agency", required=True, metavar="CODE")
    c.add_argument("--reopen", action="store_true")


def _open(args: argparse.Namespace) -> Any:
    from ..core.services.inspection import InspectionWorkspace

    return InspectionWorkspace.open(args.dir)


def appraisal_document(a: Appraisal | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"item": a.code, "points": num(a.points), "not_applicable": a.not_applicable, "reason": a.reason,
            "reviewer": a.reviewer, "round": a.round, "at": a.at}


def appraise(args: argparse.Namespace, ctx: Context) -> int:
    with _open(args) as ws:
        if args.clear:
            ws.clear_appraisal(args.agency, args.criterion)
            ctx.out(ctx.tr(f"Đã xóa điểm thẩm định tiêu chí {args.criterion} của {args.agency}.",
                           f"Withdrew the appraisal of {args.criterion} of {args.agency}."))
            return 0
        if args.accept:
            a = ws.accept_self(args.agency, args.criterion, args.reviewer)
        else:
            a = ws.appraise(args.agency, args.criterion, args.points, args.reason, args.not_applicable, args.reviewer)
        o = ws.overview(args.agency)[0]
    if args.json:
        ctx.json({"appraisal": appraisal_document(a), "agency": overview_document(o, ctx.lang)})
        return 0
    what = ctx.tr("không áp dụng", "not applicable") if a.not_applicable else human(a.points or Decimal(0), ctx.lang)
    ctx.out(ctx.tr(f"✔ {args.agency} — tiêu chí {a.code}: điểm thẩm định {what} (vòng {a.round}).",
                   f"✔ {args.agency} — item {a.code}: appraised {what} (round {a.round})."))
    ctx.out(ctx.tr(f"  Chỉ số hiện tại: {human(o.percent, ctx.lang)}% ({human(o.final_points, ctx.lang)}/"
                   f"{human(o.applicable_max, ctx.lang)} điểm); đã thẩm định {o.appraised}/{o.to_appraise} tiêu chí.",
                   f"  Current index: {human(o.percent, ctx.lang)}% ({human(o.final_points, ctx.lang)}/"
                   f"{human(o.applicable_max, ctx.lang)}); appraised {o.appraised}/{o.to_appraise} items."))
    return 0


def survey(args: argparse.Namespace, ctx: Context) -> int:
    with _open(args) as ws:
        if args.template:
            path = ws.write_survey_template(args.template)
            ctx.out(ctx.tr(f"Đã ghi mẫu điểm điều tra: {path}", f"Survey template written: {path}"))
            return 0
        r = ws.import_survey(args.xlsx)
    ctx.out(ctx.tr(f"✔ Đã nhập {r.cells} điểm điều tra của {r.agencies} cơ quan từ “{r.source_name}”.",
                   f"✔ Imported {r.cells} survey points of {r.agencies} agencies from '{r.source_name}'."))
    return 0


def rank_document(e: RankEntry) -> dict[str, Any]:
    return {"rank": e.rank, "tied": bool(e.tied_with), "tied_with": list(e.tied_with), "agency_code": e.agency_code,
            "agency_name": e.agency_name, "final_points": num(e.final_points), "applicable_max": num(e.applicable_max),
            "index": num(e.percent), "category": e.category.name if e.category else None,
            "category_key": e.category.key if e.category else None}


def rank(args: argparse.Namespace, ctx: Context) -> int:
    from .common import table

    with _open(args) as ws:
        entries = ws.ranking()
        missing = [o for o in ws.overview() if o.status == "not_submitted" and o.expected]
        unfinished = {o.code for o in ws.overview() if o.appraised < o.to_appraise and o.status != "not_submitted"}
    if args.json:
        ctx.json({"ranking": [rank_document(e) | {"appraisal_complete": e.agency_code not in unfinished} for e in entries],
                  "not_submitted": [{"agency_code": o.code, "agency_name": o.name} for o in missing]})
        return 0
    tr, lang = ctx.tr, ctx.lang
    rows = [[tr("Hạng", "Rank"), tr("Mã", "Code"), tr("Cơ quan", "Agency"), tr("Điểm", "Points"), tr("Chỉ số (%)", "Index (%)"),
             tr("Xếp loại", "Category"), tr("Ghi chú", "Notes")]]
    for e in entries:
        notes = [tr("đồng hạng với ", "tied with ") + ", ".join(e.tied_with)] if e.tied_with else []
        notes += [tr("chưa thẩm định xong", "appraisal incomplete")] if e.agency_code in unfinished else []
        rows.append([f"={e.rank}" if e.tied_with else str(e.rank), e.agency_code, e.agency_name,
                     f"{human(e.final_points, lang)}/{human(e.applicable_max, lang)}", human(e.percent, lang),
                     e.category.name if e.category else "—", "; ".join(notes)])
    for line in table(rows, "rllrrll"):
        ctx.out(line)
    if missing:
        ctx.out(tr("Chưa nộp: ", "Not submitted: ") + ", ".join(f"{o.code} ({o.name})" for o in missing))
    return 0


def overview_document(o: AgencyOverview, lang: str) -> dict[str, Any]:
    from ..core.services.inspection_records import STATUS_NAMES

    vi, en = STATUS_NAMES[o.status]
    return {"agency_code": o.code, "agency_name": o.name, "expected": o.expected, "status": o.status,
            "status_name": en if lang == "en" else vi, "round": o.round, "package_sha256": o.package_sha256,
            "self_points": num(o.self_points), "self_percent": num(o.self_percent), "final_points": num(o.final_points),
            "applicable_max": num(o.applicable_max), "index": num(o.percent), "appraised": o.appraised,
            "to_appraise": o.to_appraise, "disagreements": o.disagreements, "open_conflicts": o.open_conflicts,
            "surveyed": o.surveyed}


def status(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.inspection_records import STATUS_NAMES
    from .common import table

    with _open(args) as ws:
        rows_o = ws.overview(args.agency)
        if args.agency and not rows_o:
            from ..core.errors import InvalidInput

            raise InvalidInput(f"Không có cơ quan mã “{args.agency}” trong đợt đánh giá.", f"No agency '{args.agency}' in this round.")
        items = _items(ws, args.agency) if args.agency else None
    if args.json:
        doc: dict[str, Any] = {"agencies": [overview_document(o, ctx.lang) for o in rows_o]}
        if items is not None:
            doc["items"] = items
        ctx.json(doc)
        return 0
    tr, lang = ctx.tr, ctx.lang
    h = (lambda d: "—" if d is None else human(d, lang))
    rows = [[tr("Mã", "Code"), tr("Cơ quan", "Agency"), tr("Trạng thái", "Status"), tr("Tự chấm", "Self"),
             tr("Thẩm định", "Appraised"), tr("Chỉ số (%)", "Index (%)"), tr("Tiến độ", "Progress")]]
    for o in rows_o:
        rows.append([o.code, o.name, STATUS_NAMES[o.status][1 if lang == "en" else 0], h(o.self_points), h(o.final_points),
                     h(o.percent), f"{o.appraised}/{o.to_appraise}"])
    for line in table(rows, "lllrrrr"):
        ctx.out(line)
    for it in items or []:
        ctx.out(f"  {it['code']:<10} {tr('tự chấm', 'self')} {it['self_points'] or '—':>5}  "
                f"{tr('thẩm định', 'appraised')} {(it['appraisal'] or {}).get('points') or '—':>5}  "
                f"{(it['appraisal'] or {}).get('reason') or ''}")
    return 0


def _items(ws: Any, agency: str) -> list[dict[str, Any]]:
    """Per leaf of one agency: self points, the effective appraisal, the final points."""
    from ..core.scoring.engine import self_leaf

    answers = ws.self_answers(agency)
    appraised = ws.effective_appraisals(agency)
    final = ws.final_sheet(agency)
    out = []
    for item in ws.framework.leaves():
        mine = self_leaf(ws.framework, item, answers)
        out.append({"code": item.code, "max": num(item.max_points), "self_points": num(mine.points),
                    "self_not_applicable": mine.excluded, "appraisal": appraisal_document(appraised.get(item.code)),
                    "final_points": num(final.node(item.code).points)})
    return out


def agencies(args: argparse.Namespace, ctx: Context) -> int:
    with _open(args) as ws:
        if args.template:
            from ..core.services.inspection_setup import write_agency_template

            path = write_agency_template(args.template, ws.framework.level.value)
            ctx.out(ctx.tr(f"Đã ghi mẫu danh sách cơ quan: {path}", f"Agency-list template written: {path}"))
            return 0
        n = ws.import_agency_list(args.xlsx)
    ctx.out(ctx.tr(f"✔ Danh sách cơ quan của đợt: {n} cơ quan.", f"✔ The round's agency list: {n} agencies."))
    return 0


def reviewers(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.errors import InvalidInput
    from ..core.services.inspection_setup import Reviewer

    with _open(args) as ws:
        if args.set is not None:
            people = []
            for spec in args.set:
                name, sep, fields = spec.partition("=")
                if not sep:
                    raise InvalidInput(f"“{spec}”: cần dạng “Tên=1,2”.", f"'{spec}': expected 'Name=1,2'.")
                people.append(Reviewer(name.strip(), "", tuple(f.strip() for f in fields.split(",") if f.strip())))
            ws.set_reviewers(people)
        current = ws.reviewers()
    for r in current:
        ctx.out(f"{r.name}: " + (", ".join(r.fields) or ctx.tr("mọi lĩnh vực", "every field")))
    if not current:
        ctx.out(ctx.tr("Chưa có người thẩm định nào.", "No reviewer yet."))
    return 0


def finalize(args: argparse.Namespace, ctx: Context) -> int:
    with _open(args) as ws:
        ws.set_final(args.agency, not args.reopen)
    ctx.out(ctx.tr(f"✔ {args.agency}: " + ("đã mở lại." if args.reopen else "đã chốt kết quả cuối cùng."),
                   f"✔ {args.agency}: " + ("reopened." if args.reopen else "result marked final.")))
    return 0
