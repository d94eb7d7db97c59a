"""Results and rebuttals on the command line (docs/cli.md, "Results and rebuttals").

Council:  `cchc inspect results DIR (--agency CODE | --all) -o OUT --key KEY.p12 [--json]`
Agency:   `cchc assess import-results DIR RESULT.cchc --trust TRUST [--allow-unknown-revocation] [--json]`
          `cchc assess results DIR [--json]`
          `cchc assess rebut DIR --item CODE --text TEXT [--evidence FILE]... [citation options]`
          `cchc assess export-rebuttal DIR -o REBUTTAL.cchc --key KEY.p12`

The `add_*` functions add the commands to the `inspect` and `assess` groups (parser.py calls them);
the services are imported only when a command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import UserFacingError
from .common import Context, clip, human, num, table

if TYPE_CHECKING:
    from ..core.package.result_format import ResultDocument
    from ..core.services.agency_results import ResultView
    from ..core.services.results import IssueOutcome


def _json_help(tr: Callable[[str, str], str]) -> str:
    return tr("in kết quả dạng JSON (cấu trúc ổn định, xem docs/cli.md)", "print JSON (stable shape, see docs/cli.md)")


def add_results_command(ins_group: Any, command: Callable[..., Any], tr: Callable[[str, str], str]) -> None:
    """`cchc inspect results`: the council signs result packages."""
    c = command(ins_group, "results",
                "Phát hành gói kết quả thẩm định có chữ ký số cho một cơ quan (--agency) hoặc mọi cơ quan đã nộp (--all).",
                "Issue signed result packages for one agency (--agency) or every agency that submitted (--all).",
                inspect_results)
    c.add_argument("dir", metavar="DIR", help=tr("không gian làm việc của Hội đồng", "the council's workspace"))
    which = c.add_mutually_exclusive_group(required=True)
    which.add_argument("--agency", metavar="CODE", action="append",
                       help=tr("mã cơ quan (có thể lặp lại)", "agency code (repeatable)"))
    which.add_argument("--all", action="store_true", help=tr("mọi cơ quan đã nộp hồ sơ", "every agency that submitted"))
    c.add_argument("-o", "--output", metavar="RESULT.cchc|FOLDER", required=True, help=tr(
        "tệp gói kết quả (một cơ quan), hoặc thư mục (nhiều cơ quan: MA-NAM-ket-qua-N.cchc)",
        "the result file (one agency), or a folder (several: CODE-YEAR-ket-qua-N.cchc)"))
    c.add_argument("--key", metavar="KEY.p12", required=True, help=tr(
        "khóa có chứng thư Hội đồng (cchc ca issue --role council) hoặc khóa CA của tỉnh (ca.p12 / thư mục CA); "
        "mật khẩu: biến CCHC_PASSPHRASE hoặc nhập",
        "a key with a council certificate (cchc ca issue --role council) or the province CA key (ca.p12 / CA folder); "
        "passphrase: CCHC_PASSPHRASE or prompt"))
    c.add_argument("--json", action="store_true", help=_json_help(tr))


def add_agency_results_commands(assess_group: Any, command: Callable[..., Any], tr: Callable[[str, str], str]) -> None:
    """`cchc assess import-results | results | rebut | export-rebuttal`: the agency's side."""
    c = command(assess_group, "import-results",
                "Nhận tệp kết quả thẩm định có chữ ký của Hội đồng (kiểm tra chữ ký, cơ quan, năm, bộ tiêu chí).",
                "Import the council's signed result (signature, agency, year and framework checked).", import_results)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("result", metavar="RESULT.cchc")
    c.add_argument("--trust", metavar="TRUST", required=True, help=tr(
        "chứng thư CA của tỉnh (tệp PEM) hoặc thư mục có chứng thư và CRL", "province CA certificate (PEM) or folder with CRLs"))
    c.add_argument("--allow-unknown-revocation", action="store_true", help=tr(
        "vẫn nhận khi chưa kiểm tra được chứng thư có bị thu hồi hay không (thiếu CRL)",
        "import even when revocation cannot be checked (no CRL)"))
    c.add_argument("--json", action="store_true", help=_json_help(tr))

    c = command(assess_group, "results", "Xem kết quả thẩm định đã nhận: điểm tự chấm và điểm thẩm định từng tiêu chí, lý do, giải trình.",
                "Show the received result: self and appraised points per item, reasons, rebuttal.", show_results)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--json", action="store_true", help=_json_help(tr))

    c = command(assess_group, "rebut", "Ghi giải trình cho một tiêu chí của kết quả mới nhất (và đính kèm tài liệu mới).",
                "Write the rebuttal of one item of the latest result (and attach new evidence).", rebut)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--item", metavar="CODE", required=True, help=tr("mã tiêu chí", "item code"))
    c.add_argument("--text", metavar="TEXT", help=tr("nội dung giải trình (chuỗi rỗng: bỏ giải trình của tiêu chí)",
                                                     "the rebuttal text (empty: withdraw it)"))
    c.add_argument("--evidence", metavar="FILE", action="append", default=[],
                   help=tr("tài liệu kiểm chứng mới (có thể lặp lại)", "a new evidence file (repeatable)"))
    c.add_argument("--remove-evidence", metavar="ID", type=int, action="append", default=[],
                   help=tr("gỡ tài liệu giải trình theo số (xem cchc assess results)", "remove a rebuttal document by id"))
    for flag, vi, en in (("--doc-type", "loại văn bản", "document type"), ("--number-symbol", "số ký hiệu", "number/symbol"),
                         ("--issue-date", "ngày ban hành (dd/mm/yyyy)", "issue date"), ("--issuer", "cơ quan ban hành", "issuer"),
                         ("--excerpt", "trích yếu", "excerpt"), ("--pages", "trang/mục chứng minh", "pages")):
        c.add_argument(flag, metavar="TEXT", default="", help=tr(f"{vi} của các tài liệu --evidence", f"{en} of the --evidence files"))

    c = command(assess_group, "export-rebuttal",
                "Xuất bản giải trình có chữ ký số (gói nối tiếp chuỗi hồ sơ của cơ quan) để gửi Hội đồng.",
                "Export the signed rebuttal (the next package of the agency's chain) for the council.", export_rebuttal)
    c.add_argument("dir", metavar="DIR")
    c.add_argument("-o", "--output", metavar="REBUTTAL.cchc", required=True)
    c.add_argument("--key", metavar="KEY.p12", required=True, help=tr(
        "tệp khóa PKCS#12 của cơ quan (mật khẩu: biến CCHC_PASSPHRASE hoặc nhập)", "the agency's PKCS#12 key (CCHC_PASSPHRASE or prompt)"))


# ---------------------------------------------------------------- council


def _key_file(key: str) -> Path:
    """KEY.p12, or a CA folder (its ca.p12: the province CA may sign results itself)."""
    path = Path(key).expanduser()
    if path.is_dir():
        if not (path / "ca.p12").is_file():
            raise UserFacingError(f"Thư mục “{path}” không có tệp khóa ca.p12. Hãy chỉ ra tệp khóa (.p12) của Hội đồng.",
                                  f"'{path}' holds no ca.p12. Give the council's key file (.p12).")
        return path / "ca.p12"
    return path


def _points(d: Decimal | None, lang: str) -> str:
    return "—" if d is None else human(d, lang)


def _summary(ctx: Context, doc: ResultDocument) -> str:
    t, lang = doc.total, ctx.lang
    cat = t.category_name or ctx.tr("chưa xếp loại", "no category")
    rank = ctx.tr(f"hạng {t.rank}/{t.ranked}", f"rank {t.rank}/{t.ranked}") if t.rank else ctx.tr("chưa xếp hạng", "not ranked")
    tie = ctx.tr(f" (đồng hạng với {', '.join(t.tied_with)})", f" (tied with {', '.join(t.tied_with)})") if t.tied_with else ""
    return ctx.tr(
        f"Điểm cuối cùng {human(t.final_points, lang)} / {human(t.applicable_max, lang)} = {human(t.index, lang)}% · "
        f"xếp loại {cat} · {rank}{tie} (điểm tự chấm {human(t.self_points, lang)} / {human(t.self_assessable_max, lang)})",
        f"Final {human(t.final_points, lang)} / {human(t.applicable_max, lang)} = {human(t.index, lang)}% · "
        f"category {cat} · {rank}{tie} (self-score {human(t.self_points, lang)} / {human(t.self_assessable_max, lang)})",
    )


def outcome_document(o: IssueOutcome, lang: str) -> dict[str, Any]:
    r = o.issued
    doc = None if r is None else r.document
    return {
        "agency_code": o.agency_code, "agency_name": o.agency_name, "status": "issued" if r else "refused",
        "file": None if r is None else str(r.path), "manifest_sha256": None if r is None else r.manifest_sha256,
        "sequence": None if doc is None else doc.sequence, "round": None if doc is None else doc.round,
        "final": None if doc is None else doc.final,
        "final_points": None if doc is None else num(doc.total.final_points),
        "applicable_max": None if doc is None else num(doc.total.applicable_max),
        "index": None if doc is None else num(doc.total.index),
        "category": None if doc is None else doc.total.category_key,
        "rank": None if doc is None else doc.total.rank, "ranked": None if doc is None else doc.total.ranked,
        "unappraised": [] if r is None else list(r.unappraised),
        "message": None if o.error is None else o.error.message(lang),
    }


def inspect_results(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.inspection import InspectionWorkspace
    from ..core.services.results import IssueOutcome, check_council_key, issue_result, issue_results
    from ..core.signing.keys import load_pkcs12
    from .keys_cmd import get_passphrase

    out = Path(args.output)
    single = not args.all and len(args.agency) == 1 and not out.is_dir()
    if not single and not out.is_dir():
        raise UserFacingError(f"Với nhiều cơ quan, -o phải là một thư mục đã có (“{out}” không phải).",
                              f"For several agencies -o must be an existing folder ('{out}' is not).")
    if single and out.exists():
        raise UserFacingError(f"Tệp “{out}” đã tồn tại; không ghi đè. Không có gì thay đổi.",
                              f"'{out}' exists; it is never overwritten. Nothing was changed.")
    with InspectionWorkspace.open(args.dir) as ws:
        signer = load_pkcs12(_key_file(args.key), get_passphrase(ctx, new=False, what_vi="khóa của Hội đồng",
                                                                 what_en="the council key"))
        check_council_key(signer.certificate)

        def show(o: IssueOutcome) -> None:
            if not args.json:
                for line in outcome_lines(ctx, o):
                    ctx.out(line)

        if single:
            code = args.agency[0]
            try:
                outcome = IssueOutcome(code, code, issue_result(ws, code, out, signer), None)
            except UserFacingError as exc:
                if args.json:
                    outcome = IssueOutcome(code, code, None, exc)
                else:
                    raise
            show(outcome)
            outcomes = [outcome]
        else:
            outcomes = issue_results(ws, out, signer, None if args.all else args.agency, on_result=show)
    if args.json:
        ctx.json({"results": [outcome_document(o, ctx.lang) for o in outcomes],
                  "summary": {"issued": sum(o.ok for o in outcomes), "refused": sum(not o.ok for o in outcomes)}})
    elif len(outcomes) != 1:
        ctx.out(ctx.tr(f"Tổng cộng {len(outcomes)} cơ quan: {sum(o.ok for o in outcomes)} đã phát hành, "
                       f"{sum(not o.ok for o in outcomes)} không phát hành được.",
                       f"{len(outcomes)} agencies: {sum(o.ok for o in outcomes)} issued, {sum(not o.ok for o in outcomes)} not issued."))
    return 0 if outcomes and all(o.ok for o in outcomes) else 1


def outcome_lines(ctx: Context, o: IssueOutcome) -> list[str]:
    tr = ctx.tr
    r = o.issued
    if r is None:
        why = o.error.message(ctx.lang) if o.error else ""
        return [tr(f"✘ {o.agency_code}: không phát hành được — {why}", f"✘ {o.agency_code}: not issued — {why}")]
    doc = r.document
    kb = max(1, r.size // 1024)
    lines = [tr(f"✔ {o.agency_code}: đã phát hành kết quả lần {doc.sequence} (vòng {doc.round}): {r.path} ({kb} KB)",
                f"✔ {o.agency_code}: result {doc.sequence} (round {doc.round}) issued: {r.path} ({kb} KB)"),
             "    " + _summary(ctx, doc),
             f"    SHA-256 manifest: {r.manifest_sha256}"]
    if r.unappraised:
        lines.append(tr(f"    ⚠ {len(r.unappraised)} tiêu chí chưa thẩm định (giữ điểm tự chấm): {', '.join(r.unappraised)}",
                        f"    ⚠ {len(r.unappraised)} items not appraised (self points stand): {', '.join(r.unappraised)}"))
    if doc.final:
        lines.append(tr("    Đây là kết quả cuối cùng (sau giải trình): cơ quan đã được đánh dấu “kết quả cuối cùng”.",
                        "    This is the final result (after the rebuttal): the agency is marked final."))
    return lines


# ---------------------------------------------------------------- agency


def _signer_line(ctx: Context, subject: str, revocation: str) -> str:
    state = {"good": ctx.tr("chưa bị thu hồi", "not revoked")}.get(revocation, ctx.tr("chưa kiểm tra thu hồi", "revocation unchecked"))
    return ctx.tr(f"  Người ký: {subject} ({state})", f"  Signer: {subject} ({state})")


def import_results(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.agency import AgencyWorkspace
    from ..core.services.agency_results import ALREADY_IMPORTED, ResultRefused, import_result
    from ..core.signing.trust import load_trust

    trust = load_trust(Path(args.trust))
    with AgencyWorkspace.open(args.dir) as ws:
        try:
            done = import_result(ws, Path(args.result), trust, args.allow_unknown_revocation)
        except ResultRefused as exc:
            if not args.json:
                raise
            ctx.json({"file": str(args.result), "status": "refused", "manifest_sha256": None, "result": None,
                      "reasons": [{"code": n.code, "message": n.text(ctx.lang)} for n in exc.notes]})
            return 1
    r, doc = done.result, done.result.document
    if args.json:
        ctx.json({"file": str(args.result), "status": done.status, "manifest_sha256": r.manifest_sha256,
                  "result": received_document(r), "reasons": [{"code": n.code, "message": n.text(ctx.lang)} for n in r.notes]})
        return 0
    if done.status == ALREADY_IMPORTED:
        ctx.out(ctx.tr(f"✔ Kết quả lần {r.sequence} đã được nhận từ trước ({r.imported_at[:19].replace('T', ' ')}); không nhận lại.",
                       f"✔ Result {r.sequence} was already imported ({r.imported_at[:19].replace('T', ' ')}); not imported again."))
        return 0
    ctx.out(ctx.tr(
        f"✔ Đã nhận kết quả thẩm định lần {r.sequence} (vòng {r.round}) cho {doc.agency_name} (mã {doc.agency_code}), "
        f"trả lời lần nộp {doc.submission_sequence}.",
        f"✔ Result {r.sequence} (round {r.round}) imported for {doc.agency_name} (code {doc.agency_code}), "
        f"answering submission {doc.submission_sequence}."))
    ctx.out(_signer_line(ctx, r.signer_subject, r.revocation))
    ctx.out("  " + _summary(ctx, doc))
    differs = [i.code for i in doc.items if i.differs]
    if differs:
        ctx.out(ctx.tr(f"  Hội đồng chấm khác điểm tự chấm ở {len(differs)} tiêu chí: {', '.join(differs)}",
                       f"  The council differs from the self points on {len(differs)} items: {', '.join(differs)}"))
    for n in r.notes:
        ctx.out(f"  ⚠ {n.text(ctx.lang)}")
    if r.final:
        ctx.out(ctx.tr("  Đây là kết quả cuối cùng.", "  This is the final result."))
    else:
        ctx.out(ctx.tr(f"Bước tiếp theo: cchc assess results \"{args.dir}\"; giải trình: cchc assess rebut \"{args.dir}\" --item MÃ --text \"…\"",
                       f"Next: cchc assess results \"{args.dir}\"; rebuttal: cchc assess rebut \"{args.dir}\" --item CODE --text \"…\""))
    return 0


def received_document(r: Any) -> dict[str, Any]:
    return {"manifest_sha256": r.manifest_sha256, "sequence": r.sequence, "round": r.round, "final": r.final,
            "submission_sha256": r.submission_sha256, "file_name": r.file_name, "imported_at": r.imported_at,
            "signer": {"subject": r.signer_subject, "fingerprint_sha256": r.signer_fingerprint,
                       "signing_time": r.signing_time, "revocation": r.revocation}}


def view_document(view: ResultView | None, results: list[Any], lang: str) -> dict[str, Any]:
    from ..core.package.result_format import result_json

    current = None
    if view is not None:
        r = view.result
        current = {
            **received_document(r),
            "notes": [{"code": n.code, "message": n.text(lang)} for n in r.notes],
            "document": result_json(r.document),
            "differs": [i.code for i in r.document.items if i.differs],
            "rebuttal": {
                "can_rebut": view.can_rebut,
                "drafts": dict(view.drafts),
                "evidence": [{"id": e.id, "item_code": e.item_code, "sha256": e.sha256, "file_name": e.file_name,
                              "size": e.size, "pages": e.pages, **e.citation.__dict__} for e in view.evidence],
                "sent": [{"manifest_sha256": s.manifest_sha256, "sequence": s.sequence, "file_name": s.file_name,
                          "items": s.items, "created_at": s.created_at} for s in view.sent],
            },
        }
    return {"results": [received_document(r) for r in results], "current": current}


def show_results(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.agency import AgencyWorkspace
    from ..core.services.agency_results import received_results, result_view

    with AgencyWorkspace.open(args.dir) as ws:
        results = received_results(ws)
        view = result_view(ws)
    if args.json:
        ctx.json(view_document(view, results, ctx.lang))
        return 0
    if view is None:
        ctx.out(ctx.tr("Chưa nhận kết quả thẩm định nào. Nhận bằng: cchc assess import-results DIR KET_QUA.cchc --trust CA.crt",
                       "No result received yet. Import one with: cchc assess import-results DIR RESULT.cchc --trust CA.crt"))
        return 0
    tr, lang = ctx.tr, ctx.lang
    r, doc = view.result, view.result.document
    ctx.out(tr(f"Kết quả thẩm định lần {r.sequence} (vòng {r.round}{', kết quả cuối cùng' if r.final else ''}) — "
               f"{doc.agency_name} (mã {doc.agency_code}), năm {doc.year}",
               f"Result {r.sequence} (round {r.round}{', final' if r.final else ''}) — {doc.agency_name} "
               f"(code {doc.agency_code}), {doc.year}"))
    ctx.out(_signer_line(ctx, r.signer_subject, r.revocation))
    ctx.out("  " + _summary(ctx, doc))
    rows = [[tr("Mã", "Code"), tr("Tối đa", "Max"), tr("Tự chấm", "Self"), tr("Thẩm định", "Appraised"),
             tr("Cuối cùng", "Final"), "", tr("Lý do của Hội đồng", "Council's reason"), tr("Giải trình", "Rebuttal")]]
    for i in doc.items:
        appraised = (tr("KAD", "N/A") if i.not_applicable else _points(i.appraised_points, lang)) if i.appraised else ""
        self_pts = tr("KAD", "N/A") if (i.self_not_applicable and i.self_points is None) else _points(i.self_points, lang)
        final = tr("loại trừ", "excluded") if i.excluded else _points(i.final_points, lang)
        evidence = len(view.evidence_for(i.code))
        rebuttal = clip(view.drafts.get(i.code, ""), 40) + (f" (+{evidence} {tr('tài liệu', 'files')})" if evidence else "")
        rows.append([i.code, human(i.max_points, lang), self_pts, appraised, final, "≠" if i.differs else "",
                     clip(i.reason, 50), rebuttal])
    for line in table(rows, "lrrrrlll"):
        ctx.out(line)
    if view.evidence:
        ctx.out(tr("Tài liệu giải trình:", "Rebuttal documents:"))
        for e in view.evidence:
            ctx.out(f"  [{e.id}] {e.item_code}: {e.file_name} ({e.citation.summary() or '—'})")
    for s in view.sent:
        ctx.out(tr(f"Đã gửi giải trình: lần nộp {s.sequence}, {s.items} tiêu chí ({s.file_name})",
                   f"Rebuttal sent: package {s.sequence}, {s.items} items ({s.file_name})"))
    if view.can_rebut and not view.drafts:
        ctx.out(tr("Giải trình: cchc assess rebut DIR --item MÃ --text \"…\" [--evidence TỆP]; rồi cchc assess export-rebuttal",
                   "Rebuttal: cchc assess rebut DIR --item CODE --text \"…\" [--evidence FILE]; then cchc assess export-rebuttal"))
    return 0


def rebut(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.agency import AgencyWorkspace
    from ..core.services.agency_results import (
        add_rebuttal_evidence,
        check_rebuttal_input,
        remove_rebuttal_evidence,
        result_view,
        set_rebuttal_text,
    )
    from ..core.storage.records import Citation

    if args.text is None and not args.evidence and not args.remove_evidence:
        raise UserFacingError("Hãy cho biết --text, --evidence hoặc --remove-evidence.", "Give --text, --evidence or --remove-evidence.")
    citation = Citation(args.doc_type, args.number_symbol, args.issue_date, args.issuer, args.excerpt).normalised()
    with AgencyWorkspace.open(args.dir) as ws:
        # Check everything that can be checked before writing anything: the item, the text, the files.
        check_rebuttal_input(ws, args.item, args.text, [Path(f) for f in args.evidence])
        if args.text is not None:
            set_rebuttal_text(ws, args.item, args.text)
        for f in args.evidence:
            add_rebuttal_evidence(ws, args.item, Path(f), citation, args.pages)
        for eid in args.remove_evidence:
            remove_rebuttal_evidence(ws, eid)
        view = result_view(ws)
    assert view is not None
    text = view.drafts.get(args.item.strip())
    ctx.out(ctx.tr(f"Đã lưu giải trình tiêu chí {args.item}: " + ("(không có nội dung)" if not text else clip(text, 80)),
                   f"Rebuttal of {args.item} saved: " + ("(no text)" if not text else clip(text, 80))))
    n = len(view.evidence_for(args.item.strip()))
    if n:
        ctx.out(ctx.tr(f"  {n} tài liệu đính kèm.", f"  {n} documents attached."))
    ctx.out(ctx.tr(f"Giải trình hiện có {len(view.drafts)} tiêu chí; xuất gói: cchc assess export-rebuttal DIR -o GIAI-TRINH.cchc --key KHOA.p12",
                   f"The rebuttal has {len(view.drafts)} items; export: cchc assess export-rebuttal DIR -o REBUTTAL.cchc --key KEY.p12"))
    return 0


def export_rebuttal(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.agency import AgencyWorkspace
    from ..core.services.agency_results import export_rebuttal as export
    from ..core.services.agency_results import rebuttal_document
    from ..core.signing.keys import load_pkcs12
    from .keys_cmd import get_passphrase

    out = Path(args.output)
    if out.exists():
        raise UserFacingError(f"Tệp “{out}” đã tồn tại; không ghi đè. Không có gì thay đổi.",
                              f"'{out}' exists; it is never overwritten. Nothing was changed.")
    with AgencyWorkspace.open(args.dir) as ws:
        rebuttal_document(ws)  # nothing to send is refused before the passphrase is asked
        signer = load_pkcs12(Path(args.key), get_passphrase(ctx, new=False))
        done = export(ws, out, signer)
    ctx.out(ctx.tr(f"Đã xuất bản giải trình (lần nộp thứ {done.sequence} của chuỗi hồ sơ): {done.path} ({max(1, done.size // 1024)} KB)",
                   f"Rebuttal exported (package {done.sequence} of the chain): {done.path} ({max(1, done.size // 1024)} KB)"))
    ctx.out(ctx.tr(f"  {len(done.items)} tiêu chí: {', '.join(done.items)}; {done.documents} tài liệu mới",
                   f"  {len(done.items)} items: {', '.join(done.items)}; {done.documents} new documents"))
    ctx.out(f"  SHA-256 manifest: {done.manifest_sha256}")
    ctx.out(ctx.tr("Gửi tệp này cho Hội đồng thẩm định (cchc inspect import).", "Send this file to the council (cchc inspect import)."))
    return 0
