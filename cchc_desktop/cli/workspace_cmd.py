"""`cchc workspace init` and `cchc workspace info`."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from ..core.errors import UserFacingError
from .common import Context, human, load_form, resolve_form


def select_framework(args: argparse.Namespace, ctx: Context) -> Any:
    """The agency's framework from --framework (a signed .cchc with --trust, a sample, or an unsigned
    file with --unsigned), as a FrameworkChoice; refuses anything else with what to do."""
    from ..core.services.framework_source import (
        RevocationNotChecked,
        choose_signed,
        choose_unsigned,
        is_signed_file,
    )

    path = resolve_form(args.framework, ctx)
    if is_signed_file(path):
        if not args.trust:
            raise UserFacingError(
                f"“{path.name}” là tệp bộ tiêu chí có chữ ký: cần --trust TINH.crt (chứng thư của tỉnh, hoặc thư mục chứa "
                "chứng thư và danh sách thu hồi CRL của tỉnh) để xác minh chữ ký. Không có gì được tạo.",
                f"'{path.name}' is a signed framework file: --trust PROVINCE.crt (the province certificate, or a folder "
                "with it and its CRL) is needed to verify it. Nothing was created.",
            )
        try:
            return choose_signed(path, args.trust, allow_unknown_revocation=args.allow_unknown_revocation)
        except RevocationNotChecked as exc:
            raise RevocationNotChecked(path, exc.report, " Để vẫn dùng tệp này, thêm --allow-unknown-revocation.",
                                       " To use it anyway, add --allow-unknown-revocation.") from None
    if args.trust:
        raise UserFacingError(
            f"“{path.name}” là tệp bộ tiêu chí chưa ký (JSON): --trust chỉ dùng với tệp có chữ ký của tỉnh (.cchc). "
            "Không có gì được tạo.",
            f"'{path.name}' is an unsigned framework (JSON): --trust applies to the province's signed file (.cchc) "
            "only. Nothing was created.",
        )
    fw = load_form(str(path), ctx)
    return choose_unsigned(
        path, allow_unsigned=args.unsigned, framework=fw,
        hint_vi=" Nếu vẫn muốn dùng tệp chưa ký này (tự chịu trách nhiệm về nội dung), thêm tùy chọn --unsigned.",
        hint_en=" To use this unsigned file anyway (at your own risk), add --unsigned.",
    )


def print_trust(ctx: Context, trust: Any) -> None:
    if trust.status == "signed":
        extra = ctx.tr(" (chưa kiểm tra được tình trạng thu hồi, đã đồng ý dùng)",
                       " (revocation not checked; accepted)") if trust.verdict == "unknown" else ""
        ctx.out(ctx.tr(f"  Chữ ký của tỉnh: đã xác minh{extra} · người ký: {trust.signer_subject}",
                       f"  Province signature: verified{extra} · signer: {trust.signer_subject}"))
    elif trust.status == "sample":
        ctx.out(ctx.tr("  CẢNH BÁO: bộ tiêu chí mẫu, không phải bộ chính thức của tỉnh (không có chữ ký).",
                       "  WARNING: a sample framework, not the province's official one (unsigned)."))
    else:
        ctx.out(ctx.tr("  CẢNH BÁO: bộ tiêu chí chưa có chữ ký của tỉnh, chưa được xác minh.",
                       "  WARNING: the framework is not signed by the province; it was not verified."))


def add_database_option(c: argparse.ArgumentParser, tr: Any) -> None:
    """`workspace init --database URL` (parser.py adds it to the init command with this)."""
    c.add_argument("--database", metavar="URL", help=tr(
        "chỉ với --role inspection: giữ cơ sở dữ liệu của đợt đánh giá trên máy chủ PostgreSQL để nhiều người thẩm "
        "định dùng chung (postgresql+psycopg://NGUOI_DUNG@MAY_CHU:5432/TEN_CSDL, cơ sở dữ liệu trống); mật khẩu: "
        "biến CCHC_DB_PASSWORD hoặc tệp ~/.pgpass, không ghi trong địa chỉ (docs/postgresql.md)",
        "inspection only: keep the round's database on a PostgreSQL server several reviewers share "
        "(postgresql+psycopg://USER@HOST:5432/DBNAME, an empty database); password: CCHC_DB_PASSWORD or ~/.pgpass, "
        "never in the URL (docs/postgresql.md)"))


def init(args: argparse.Namespace, ctx: Context) -> int:
    if args.role == "inspection":
        return init_inspection(args, ctx)
    if getattr(args, "database", None):
        raise UserFacingError(
            "--database chỉ dùng cho không gian làm việc của Hội đồng thẩm định (--role inspection). Không có gì được tạo.",
            "--database applies to inspection workspaces only (--role inspection). Nothing was created.",
        )
    missing = [opt for opt, v in (("--agency-code", args.agency_code), ("--agency-name", args.agency_name)) if not v]
    if missing:
        raise UserFacingError(
            f"Cần {', '.join(missing)} để tạo không gian làm việc của cơ quan.",
            f"{', '.join(missing)} required for an agency workspace.",
        )
    limit = args.evidence_limit_mb
    if limit is not None and not (0 < limit <= 4096):
        raise UserFacingError(
            "--evidence-limit-mb phải từ 1 đến 4096 (MB cho mỗi tệp tài liệu kiểm chứng).",
            "--evidence-limit-mb must be 1 to 4096 (MB per evidence file).",
        )
    choice = select_framework(args, ctx)
    from ..core.services.agency import AgencyWorkspace

    with AgencyWorkspace.create(args.dir, choice.framework, args.agency_code, args.agency_name, args.year,
                                framework_trust=choice.trust) as ws:
        if limit is not None:
            ws.set_evidence_limit(limit * 1024 * 1024)
        info = ws.info()
        trust = ws.framework_trust
    ctx.out(ctx.tr(f"Đã tạo không gian làm việc tại: {info.folder}", f"Workspace created in: {info.folder}"))
    _print_info(ctx, info)
    print_trust(ctx, trust)
    ctx.out(ctx.tr(
        f"Bước tiếp theo: cchc assess fill \"{info.folder}\" --answers KET_QUA.json (xem docs/answers-format.md)",
        f"Next: cchc assess fill \"{info.folder}\" --answers ANSWERS.json (see docs/answers-format.md)",
    ))
    return 0


def init_inspection(args: argparse.Namespace, ctx: Context) -> int:
    """`workspace init DIR --role inspection --framework FORM --year YEAR --trust TRUST`: a new round."""
    wrong = [opt for opt, v in (("--agency-code", args.agency_code), ("--agency-name", args.agency_name),
                                ("--evidence-limit-mb", args.evidence_limit_mb)) if v is not None]
    wrong += [opt for opt, v in (("--unsigned", args.unsigned),
                                 ("--allow-unknown-revocation", args.allow_unknown_revocation)) if v]
    if wrong:
        raise UserFacingError(
            f"{', '.join(wrong)} chỉ dùng cho không gian làm việc của cơ quan (--role agency). Không có gì được tạo.",
            f"{', '.join(wrong)} applies to agency workspaces only (--role agency). Nothing was created.",
        )
    if not args.trust:
        raise UserFacingError(
            "Cần --trust TRUST: chứng thư CA của tỉnh và/hoặc chứng thư cơ quan được ghim (một tệp PEM hoặc một thư mục, "
            "có thể kèm danh sách thu hồi CRL). Không có nó thì không xác thực được gói nào. Không có gì được tạo.",
            "--trust TRUST is required: the province CA certificate and/or pinned agency certificates (a PEM file or a "
            "folder, with CRLs if any). Without it no package can be verified. Nothing was created.",
        )
    fw = load_form(args.framework, ctx)
    from ..core.services.inspection import InspectionWorkspace

    database = getattr(args, "database", None)
    with InspectionWorkspace.create(args.dir, fw, args.year, args.trust, database_url=database) as ws:
        trust = ws.trust()
        folder, year = ws.folder, ws.year
        where = ws.engine.url.render_as_string(hide_password=True) if ws.shared else None
    ctx.out(ctx.tr(f"Đã tạo không gian làm việc của Hội đồng thẩm định tại: {folder}",
                   f"Appraisal council workspace created in: {folder}"))
    sample = ctx.tr(", bản mẫu", ", sample") if fw.sample else ""
    ctx.out(ctx.tr(f"  Đợt đánh giá năm {year} · Bộ tiêu chí: {fw.title} ({fw.id}{sample})",
                   f"  Round {year} · Framework: {fw.title} ({fw.id}{sample})"))
    ctx.out(f"  SHA-256: {fw.sha256}")
    if where is not None:
        ctx.out(ctx.tr(f"  Cơ sở dữ liệu: {where} (PostgreSQL, dùng chung; địa chỉ ghi trong {folder / 'database.url'})",
                       f"  Database: {where} (PostgreSQL, shared; URL kept in {folder / 'database.url'})"))
    ctx.out(ctx.tr(
        f"  Tin cậy: {len(trust.anchors)} CA, {len(trust.pinned)} chứng thư cơ quan được ghim, {len(trust.crls)} danh sách "
        f"thu hồi (CRL); đã sao chép vào {folder / 'trust'}",
        f"  Trust: {len(trust.anchors)} CA, {len(trust.pinned)} pinned agency certificates, {len(trust.crls)} CRLs; "
        f"copied into {folder / 'trust'}",
    ))
    ctx.out(ctx.tr(f"Bước tiếp theo: cchc inspect import \"{folder}\" THU_MUC_GOI_HO_SO",
                   f"Next: cchc inspect import \"{folder}\" PACKAGES_FOLDER"))
    return 0


def _print_info(ctx: Context, info: Any) -> None:
    tr = ctx.tr
    ctx.out(tr(f"  Cơ quan: {info.agency_name} (mã {info.agency_code}) · Năm: {info.year}",
               f"  Agency: {info.agency_name} (code {info.agency_code}) · Year: {info.year}"))
    sample = tr(", bản mẫu", ", sample") if info.framework_sample else ""
    ctx.out(tr(f"  Bộ tiêu chí: {info.framework_title} ({info.framework_id}{sample})",
               f"  Framework: {info.framework_title} ({info.framework_id}{sample})"))
    ctx.out(f"  SHA-256: {info.framework_sha256}")


def info_document(ws: Any) -> dict[str, Any]:
    info = ws.info()
    return {
        "folder": str(info.folder),
        "role": info.role,
        "agency_code": info.agency_code,
        "agency_name": info.agency_name,
        "level": info.level,
        "year": info.year,
        "framework_id": info.framework_id,
        "framework_title": info.framework_title,
        "framework_sha256": info.framework_sha256,
        "framework_sample": info.framework_sample,
        "state": info.state,
        "submission_seq": info.submission_seq,
        "read_only": info.read_only,
        "framework_trust": {
            "status": info.framework_trust,
            "signer_subject": ws.framework_trust.signer_subject or None,
            "signer_fingerprint": ws.framework_trust.signer_fingerprint or None,
            "package_sha256": ws.framework_trust.package_sha256 or None,
            "verdict": ws.framework_trust.verdict or None,
        },
        "to_confirm": sorted(ws.carried()),
        "years": [
            {"year": y.year, "framework_id": y.framework_id, "framework_sha256": y.framework_sha256,
             "state": y.state, "submission_seq": y.submission_seq, "current": y.current}
            for y in ws.years()
        ],
        "evidence": {"documents": len(ws.documents()), "bytes": ws.evidence_bytes(), "limit_per_file": ws.evidence_limit},
    }


def info(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.services.agency import AgencyWorkspace

    with AgencyWorkspace.open(args.dir) as ws:
        doc = info_document(ws)
        if args.json:
            ctx.json(doc)
            return 0
        ctx.out(ctx.tr(f"Không gian làm việc: {ws.folder}", f"Workspace: {ws.folder}"))
        _print_info(ctx, ws.info())
        print_trust(ctx, ws.framework_trust)
        if len(doc["years"]) > 1:
            years = ", ".join(str(y["year"]) for y in doc["years"])
            ctx.out(ctx.tr(f"  Các năm trong không gian làm việc: {years}", f"  Years in the workspace: {years}"))
        ev = doc["evidence"]
        mb = human((Decimal(ev["bytes"]) / (1024 * 1024)).quantize(Decimal("0.1")), ctx.lang)
        ctx.out(ctx.tr(f"  Trạng thái: {doc['state']} · Tài liệu kiểm chứng: {ev['documents']} tệp, {mb} MB",
                       f"  State: {doc['state']} · Evidence: {ev['documents']} files, {mb} MB"))
    return 0
