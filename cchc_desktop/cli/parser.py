"""The argparse tree of `cchc`.  Handlers are imported only when their command runs."""

from __future__ import annotations

import argparse
import importlib
import re
from typing import Any, Callable

from .. import __version__
from ..core.errors import UserFacingError
from .common import Context

Handler = Callable[[argparse.Namespace, Context], "int | None"]

# Contract commands (docs/design PRODUCT.md) whose core is not in this version yet.
NOT_YET: dict[tuple[str, str], str] = {}

_ARGPARSE_VI = [
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu tham số bắt buộc: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"không hiểu các tham số: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
     r"tham số \1: giá trị \2 không hợp lệ (chọn một trong: \3)"),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), r"tham số \1: \2 không phải là số nguyên"),
    (re.compile(r"argument (\S+): expected one argument"), r"tham số \1 cần một giá trị"),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)"), r"tham số \1 không nhận giá trị \2"),
    (re.compile(r"one of the arguments (.*) is required"), r"cần một trong các tham số: \1"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"tham số \1 không dùng cùng với \2"),
]


class UsageError(Exception):
    """A command line argparse cannot parse (exit 1: a user error like any other)."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage.strip()

    def render(self, ctx: Context) -> str:
        msg = str(self)
        if ctx.lang == "vi":
            for pattern, repl in _ARGPARSE_VI:
                msg = pattern.sub(repl, msg)
        head = ctx.tr("Lỗi cú pháp lệnh", "Command line error")
        hint = ctx.tr("Xem hướng dẫn: thêm --help sau lệnh.", "See --help.")
        return f"{self.usage}\n{head}: {msg}\n{hint}"


class Parser(argparse.ArgumentParser):
    """argparse with Vietnamese headings and errors that main() turns into exit code 1."""

    lang = "vi"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter if self.lang == "vi" else argparse.HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        vi = self.lang == "vi"
        if vi:
            self._positionals.title = "tham số"
            self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="in hướng dẫn này rồi thoát" if vi else "show this help message and exit")

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message, self.format_usage())


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


def _lazy(module: str, func: str) -> Handler:
    def run(args: argparse.Namespace, ctx: Context) -> int | None:
        mod = importlib.import_module(f"{__package__}.{module}")
        return getattr(mod, func)(args, ctx)

    return run


def _help_of(parser: argparse.ArgumentParser) -> Handler:
    """A group command without its sub-command (`cchc framework`): show what it offers."""

    def run(args: argparse.Namespace, ctx: Context) -> int:
        ctx.err(parser.format_help().rstrip())
        return 1

    return run


def _not_yet(group: str, name: str) -> Handler:
    def run(args: argparse.Namespace, ctx: Context) -> int:
        raise UserFacingError(
            f"Lệnh “cchc {group} {name}” chưa có trong phiên bản {__version__} của ứng dụng; "
            "nó sẽ có trong phiên bản sau. Không có gì thay đổi.",
            f"'cchc {group} {name}' is not available in version {__version__} yet; nothing was changed.",
        )

    return run


def _lang_option(p: argparse.ArgumentParser, ctx: Context) -> None:
    # SUPPRESS: a sub-command's default must not overwrite a --lang given before it.
    p.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=argparse.SUPPRESS,
        help=ctx.tr("ngôn ngữ thông báo: vi (mặc định) hoặc en", "message language: vi (default) or en"),
    )


def build_parser(ctx: Context) -> Parser:
    tr = ctx.tr
    # Sub-parsers are made with type(root): a subclass carries the language to all of them.
    parser_class = type("Parser", (Parser,), {"lang": ctx.lang})
    root = parser_class(
        prog="cchc",
        description=tr(
            "Tự đánh giá Chỉ số cải cách hành chính (CCHC) không cần mạng: bộ tiêu chí, không gian làm việc, chấm điểm.",
            "Offline self-assessment of the administrative reform index (CCHC).",
        ),
        epilog=tr("Mã thoát: 0 thành công, 1 lỗi dữ liệu nhập, 2 bộ tiêu chí không hợp lệ, 70 lỗi phần mềm.",
                  "Exit codes: 0 ok, 1 user error, 2 invalid framework, 70 internal error."),
    )
    root.add_argument("--version", action="version", version=f"cchc {__version__}",
                      help=tr("in số phiên bản rồi thoát", "show the version and exit"))
    _lang_option(root, ctx)
    root.set_defaults(handler=_help_of(root))
    groups = root.add_subparsers(title=tr("lệnh", "commands"), metavar="LỆNH" if ctx.lang == "vi" else "COMMAND")

    def group(name: str, vi: str, en: str) -> Any:
        g = groups.add_parser(name, help=tr(vi, en), description=tr(vi, en))
        _lang_option(g, ctx)
        g.set_defaults(handler=_help_of(g))
        return g.add_subparsers(title=tr("lệnh", "commands"), metavar="LỆNH" if ctx.lang == "vi" else "COMMAND")

    def command(sub: Any, name: str, vi: str, en: str, handler: Handler) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=tr(vi, en), description=tr(vi, en))
        _lang_option(c, ctx)
        c.set_defaults(handler=handler)
        return c

    json_help = tr("in kết quả dạng JSON (cấu trúc ổn định, xem docs/cli.md)", "print JSON (stable shape, see docs/cli.md)")

    fw = group("framework", "Bộ tiêu chí: kiểm tra, xem cấu trúc.", "Frameworks: check, show.")
    c = command(fw, "check", "Kiểm tra một tệp bộ tiêu chí; in điểm tối đa từng lĩnh vực và tổng.",
                "Validate a framework file; print the max per field and the total.", _lazy("framework_cmd", "check"))
    c.add_argument("form", metavar="FORM", help=tr("tệp bộ tiêu chí (.json) hoặc mã bộ tiêu chí kèm theo",
                                                    "framework file (.json) or the id of a bundled one"))
    c.add_argument("--json", action="store_true", help=json_help)
    c = command(fw, "show", "Cây tiêu chí: mã, tên, điểm tối đa, quy tắc chấm, dữ liệu cần nhập.",
                "The tree: codes, titles, max points, rules, allowed inputs.", _lazy("framework_cmd", "show"))
    c.add_argument("form", metavar="FORM", help=tr("tệp bộ tiêu chí hoặc mã bộ tiêu chí kèm theo", "framework file or bundled id"))
    c.add_argument("--json", action="store_true", help=json_help)
    c = command(fw, "sign", "Tỉnh ký một bộ tiêu chí: tạo tệp bộ tiêu chí có chữ ký (.cchc) gửi các cơ quan.",
                "The province signs a framework: writes a signed framework file (.cchc) for the agencies.",
                _lazy("framework_sign_cmd", "sign"))
    c.add_argument("form", metavar="FORM", help=tr("tệp bộ tiêu chí (.json) hoặc mã bộ tiêu chí kèm theo", "framework file or bundled id"))
    c.add_argument("--key", metavar="PROVINCE.p12", required=True,
                   help=tr("khóa CA của tỉnh (ca.p12, hoặc thư mục CA) hoặc khóa có chứng thư ký bộ tiêu chí; "
                           "mật khẩu: biến CCHC_PASSPHRASE hoặc nhập",
                           "the province CA key (ca.p12, or the CA folder) or a framework-signer key; "
                           "passphrase: CCHC_PASSPHRASE or prompt"))
    c.add_argument("-o", "--output", metavar="FORM.cchc", required=True)
    c = command(fw, "verify", "Kiểm tra tệp bộ tiêu chí có chữ ký. Mã thoát: 0 hợp lệ, 1 không hợp lệ, 3 chưa xác định (thu hồi).",
                "Verify a signed framework file. Exit 0 valid, 1 invalid, 3 unknown (revocation).",
                _lazy("framework_sign_cmd", "verify"))
    c.add_argument("form", metavar="FORM.cchc")
    c.add_argument("--trust", metavar="TRUST", required=True,
                   help=tr("chứng thư CA của tỉnh (tệp PEM) hoặc thư mục chứng thư và CRL", "province CA certificate (PEM) or folder with CRLs"))
    c.add_argument("--json", action="store_true", help=json_help)

    c = command(fw, "import-xlsx", "Đọc bảng tiêu chí Excel (.xlsx) của tỉnh thành tệp bộ tiêu chí (docs/framework-excel.md).",
                "Read a province's Excel framework table (.xlsx) into a framework file (docs/framework-excel.md).",
                _lazy("framework_xlsx_cmd", "import_xlsx"))
    c.add_argument("xlsx", metavar="XLSX", help=tr("bảng tiêu chí .xlsx", "the .xlsx table"))
    c.add_argument("-o", "--output", metavar="FORM", required=True, help=tr("tệp bộ tiêu chí (.json) sẽ ghi", "framework file (.json) to write"))
    c.add_argument("--force", action="store_true", help=tr("ghi đè tệp đã có", "overwrite an existing file"))
    c = command(fw, "export-xlsx", "Xuất bộ tiêu chí ra bảng Excel (.xlsx) theo mẫu tỉnh ban hành.",
                "Export a framework as the Excel table (.xlsx) provinces publish.", _lazy("framework_xlsx_cmd", "export_xlsx"))
    c.add_argument("form", metavar="FORM", help=tr("tệp bộ tiêu chí hoặc mã bộ tiêu chí kèm theo", "framework file or bundled id"))
    c.add_argument("-o", "--output", metavar="XLSX", required=True, help=tr("tệp .xlsx sẽ ghi", "the .xlsx file to write"))
    c.add_argument("--force", action="store_true", help=tr("ghi đè tệp đã có", "overwrite an existing file"))

    wsg = group("workspace", "Không gian làm việc: tạo mới, xem thông tin.", "Workspaces: create, inspect.")
    c = command(wsg, "init", "Tạo không gian làm việc mới trong một thư mục trống.",
                "Create a workspace in an empty folder.", _lazy("workspace_cmd", "init"))
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--role", choices=("agency", "inspection"), required=True,
                   help=tr("agency: cơ quan tự đánh giá; inspection: Hội đồng thẩm định (cần --trust)",
                           "agency: self-assessment; inspection: appraisal council (needs --trust)"))
    c.add_argument("--framework", metavar="FORM", required=True, help=tr("tệp hoặc mã bộ tiêu chí", "framework file or id"))
    c.add_argument("--agency-code", metavar="CODE", help=tr("mã cơ quan", "agency code"))
    c.add_argument("--agency-name", metavar="NAME", help=tr("tên cơ quan", "agency name"))
    c.add_argument("--year", metavar="YEAR", type=int, help=tr("năm đánh giá (mặc định: năm của bộ tiêu chí)",
                                                             "assessment year (default: the framework's)"))
    c.add_argument("--trust", metavar="TRUST", help=tr(
        "chứng thư tin cậy: của tỉnh, để xác minh tệp bộ tiêu chí có chữ ký (--role agency); của Hội đồng (--role inspection)",
        "trust store: the province certificate for a signed framework (agency); the council's (inspection)"))
    c.add_argument("--unsigned", action="store_true", help=tr(
        "chấp nhận tệp bộ tiêu chí chưa có chữ ký của tỉnh (không phải bản mẫu)", "accept an unsigned, non-sample framework file"))
    c.add_argument("--allow-unknown-revocation", action="store_true", help=tr(
        "chấp nhận tệp có chữ ký dù chưa kiểm tra được tình trạng thu hồi", "accept a signed file whose revocation cannot be checked"))
    c.add_argument("--evidence-limit-mb", metavar="MB", type=int,
                   help=tr("dung lượng tối đa của một tệp tài liệu kiểm chứng (mặc định 50)",
                           "largest evidence file accepted, in MB (default 50)"))
    importlib.import_module(f"{__package__}.workspace_cmd").add_database_option(c, tr)
    c = command(wsg, "info", "Thông tin một không gian làm việc.", "Show a workspace.", _lazy("workspace_cmd", "info"))
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--json", action="store_true", help=json_help)

    asg = group("assess", "Tự đánh giá: nhập kết quả, tính điểm, in báo cáo.", "Self-assessment: fill, score, report.")
    c = command(asg, "fill", "Nhập hàng loạt từ tệp kết quả (docs/answers-format.md); tất cả hoặc không gì cả.",
                "Bulk entry from an answers file (docs/answers-format.md); all or nothing.", _lazy("assess_cmd", "fill"))
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--answers", metavar="ANSWERS.json", required=True)
    c = command(asg, "score", "Điểm từng lĩnh vực, tổng điểm, tỷ lệ, xếp loại dự kiến, tiến độ, việc cần xử lý.",
                "Score per field, total, percent, category, progress, problems.", _lazy("assess_cmd", "score"))
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--json", action="store_true", help=json_help)
    c = command(asg, "next-year", "Bắt đầu năm mới từ năm trước: mang sang thuyết minh, tài liệu (cần xác nhận); không mang kết quả.",
                "Start the new year from the last one: carries explanations and evidence (to confirm), not results.",
                _lazy("assess_cmd", "next_year"))
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--framework", metavar="FORM", required=True,
                   help=tr("bộ tiêu chí năm mới: tệp có chữ ký (.cchc, cần --trust), bản mẫu, hoặc tệp chưa ký (cần --unsigned)",
                           "the new year's framework: signed (.cchc, needs --trust), a sample, or unsigned (needs --unsigned)"))
    c.add_argument("--trust", metavar="TRUST", help=tr("chứng thư của tỉnh", "the province certificate"))
    c.add_argument("--unsigned", action="store_true", help=tr("chấp nhận tệp chưa ký", "accept an unsigned file"))
    c.add_argument("--allow-unknown-revocation", action="store_true",
                   help=tr("chấp nhận dù chưa kiểm tra được thu hồi", "accept an unknown revocation status"))
    c = command(asg, "confirm", "Xác nhận các mục mang sang từ năm trước (hết “cần xác nhận”).",
                "Confirm items carried over from the previous year.", _lazy("assess_cmd", "confirm"))
    c.add_argument("dir", metavar="DIR")
    c.add_argument("codes", metavar="CODE", nargs="*")
    c.add_argument("--all", action="store_true", help=tr("mọi mục cần xác nhận", "every item to confirm"))
    c = command(asg, "report", "In báo cáo tự đánh giá (PDF theo thể thức văn bản hành chính) và bảng điểm Excel.",
                "Write the self-assessment report (PDF, state-document layout) and the Excel score sheet.",
                _lazy("report_cmd", "report"))
    importlib.import_module(f"{__package__}.report_cmd").add_report_arguments(c, tr)

    kg = group("keys", "Khóa ký số của cơ quan: tạo, xem chứng thư, nhận chứng thư do CA cấp.",
               "Agency signing keys: create, show a certificate, import the certificate the CA issued.")
    c = command(kg, "create", "Tạo khóa (tệp .p12 có mật khẩu), chứng thư tự ký (.crt) và yêu cầu cấp chứng thư (.csr).",
                "Create a key (.p12 with a passphrase), a self-signed certificate (.crt) and a request (.csr).",
                _lazy("keys_cmd", "create"))
    c.add_argument("--agency-code", metavar="CODE", required=True, help=tr("mã cơ quan", "agency code"))
    c.add_argument("--name", metavar="NAME", required=True, help=tr("tên cơ quan trên chứng thư", "agency name"))
    c.add_argument("-o", "--output", metavar="KEY.p12", required=True,
                   help=tr("tệp khóa; KEY.crt và KEY.csr được ghi bên cạnh (mật khẩu: biến CCHC_PASSPHRASE hoặc nhập)",
                           "key file; KEY.crt and KEY.csr are written beside it (passphrase: CCHC_PASSPHRASE or prompt)"))
    c.add_argument("--ec", action="store_true", help=tr("khóa ECDSA P-256 thay cho RSA 3072", "ECDSA P-256 instead of RSA 3072"))
    c = command(kg, "show", "Thông tin một chứng thư: tên, mã cơ quan, hiệu lực, dấu vân tay SHA-256 (để ghim).",
                "Show a certificate: name, agency code, validity, SHA-256 fingerprint (for pins).",
                _lazy("keys_cmd", "show"))
    c.add_argument("cert", metavar="CERT", help=tr("tệp chứng thư (.crt, PEM hoặc DER)", "certificate file (PEM or DER)"))
    c = command(kg, "import-cert", "Đưa chứng thư do CA cấp (và chứng thư CA) vào tệp khóa.",
                "Put the certificate the CA issued (and the CA certificate) into the key file.",
                _lazy("keys_cmd", "import_cert"))
    c.add_argument("--key", metavar="KEY.p12", required=True)
    c.add_argument("--cert", metavar="FILE.crt", required=True, help=tr("chứng thư do CA cấp", "the issued certificate"))
    c.add_argument("--chain", metavar="CA.crt", action="append", help=tr("chứng thư của CA (có thể lặp lại)",
                                                                       "the CA certificate (repeatable)"))

    cag = group("ca", "CA của tỉnh: cấp và thu hồi chứng thư cho các cơ quan.",
                "The province CA: issue and revoke agency certificates.")
    ca_help = tr("thư mục CA (ca.p12, ca.crt, ca.crl); mật khẩu: biến CCHC_PASSPHRASE hoặc nhập",
                 "CA folder (ca.p12, ca.crt, ca.crl); passphrase: CCHC_PASSPHRASE or prompt")
    c = command(cag, "init", "Tạo CA mới: DIR/ca.p12, DIR/ca.crt, DIR/ca.crl.", "Create a CA: DIR/ca.p12, ca.crt, ca.crl.",
                _lazy("ca_cmd", "init"))
    c.add_argument("-o", "--output", metavar="DIR", required=True)
    c.add_argument("--name", metavar="NAME", required=True, help=tr("tên CA (ví dụ: Sở Nội vụ tỉnh …)", "CA name"))
    c.add_argument("--ec", action="store_true", help=tr("khóa ECDSA P-256 thay cho RSA 3072", "ECDSA P-256 instead of RSA 3072"))
    c = command(cag, "issue", "Cấp chứng thư cho một cơ quan từ yêu cầu (.csr) của cơ quan đó.",
                "Issue an agency certificate from its request (.csr).", _lazy("ca_cmd", "issue"))
    c.add_argument("--ca", metavar="DIR", required=True, help=ca_help)
    c.add_argument("--csr", metavar="FILE.csr", required=True)
    c.add_argument("--agency-code", metavar="CODE", help=tr("mã cơ quan (phải khớp với mã trong yêu cầu nếu có)",
                                                           "agency code (must match the request's, if any)"))
    c.add_argument("--days", metavar="N", type=int, default=1095, help=tr("số ngày hiệu lực (mặc định 1095)",
                                                                          "validity in days (default 1095)"))
    c.add_argument("--framework-signer", action="store_true", help=tr(
        "cấp chứng thư ký bộ tiêu chí của tỉnh (không gắn cơ quan)", "issue the province's framework-signing certificate"))
    c.add_argument("--role", choices=("agency", "council", "framework-signer"), help=tr(
        "loại chứng thư: agency (cơ quan, mặc định), council (Hội đồng thẩm định: ký kết quả), framework-signer",
        "certificate role: agency (default), council (appraisal council: signs results), framework-signer"))
    c.add_argument("-o", "--output", metavar="OUT.crt", required=True)
    c = command(cag, "revoke", "Thu hồi một chứng thư: cập nhật DIR/ca.crl.", "Revoke a certificate: updates DIR/ca.crl.",
                _lazy("ca_cmd", "revoke"))
    c.add_argument("--ca", metavar="DIR", required=True, help=ca_help)
    which = c.add_mutually_exclusive_group(required=True)
    which.add_argument("--cert", metavar="FILE.crt", help=tr("chứng thư cần thu hồi", "the certificate to revoke"))
    which.add_argument("--serial", metavar="HEX", help=tr("hoặc số hiệu của nó (hex)", "or its serial number (hex)"))
    c.add_argument("--reason", default="unspecified",
                   choices=("unspecified", "key-compromise", "affiliation-changed", "superseded",
                            "cessation-of-operation", "certificate-hold"),
                   help=tr("lý do thu hồi", "revocation reason"))
    c = command(cag, "crl", "Ký lại danh sách thu hồi DIR/ca.crl (hiệu lực thêm 30 ngày).",
                "Re-sign DIR/ca.crl (valid for another 30 days).", _lazy("ca_cmd", "crl"))
    c.add_argument("--ca", metavar="DIR", required=True, help=ca_help)

    pkg = group("package", "Gói hồ sơ có chữ ký số (.cchc).", "Signed packages (.cchc).")
    c = command(pkg, "export", "Xuất gói nộp có chữ ký số; từ chối khi còn vấn đề trừ khi có --allow-problems.",
                "Export the signed submission; refused while problems remain unless --allow-problems.",
                _lazy("package_cmd", "export"))
    c.add_argument("dir", metavar="DIR")
    c.add_argument("-o", "--output", metavar="OUT.cchc", required=True)
    c.add_argument("--key", metavar="KEY.p12", required=True,
                   help=tr("tệp khóa PKCS#12 (mật khẩu: biến CCHC_PASSPHRASE hoặc nhập)", "PKCS#12 key (passphrase: CCHC_PASSPHRASE or prompt)"))
    c.add_argument("--allow-problems", action="store_true",
                   help=tr("nộp kèm danh sách vấn đề chưa xử lý", "submit with the open problems listed"))
    c = command(pkg, "verify", "Kiểm tra chữ ký và toàn vẹn của gói. Mã thoát: 0 hợp lệ, 1 không hợp lệ, 3 chưa xác định (thu hồi).",
                "Verify signature and integrity. Exit 0 valid, 1 invalid, 3 unknown (revocation).",
                _lazy("package_cmd", "verify"))
    c.add_argument("package", metavar="PKG")
    c.add_argument("--trust", metavar="TRUST", required=True,
                   help=tr("tệp PEM hoặc thư mục chứng thư tin cậy (CA tỉnh, chứng thư ghim, CRL)", "PEM file or folder: province CA, pins, CRLs"))
    c.add_argument("--json", action="store_true", help=json_help)

    subs = {"framework": fw, "assess": asg, "keys": kg, "ca": cag, "package": pkg}
    subs["inspect"] = importlib.import_module(f"{__package__}.inspect_cmd").add_inspect_commands(group, command, tr)
    results_cmd = importlib.import_module(f"{__package__}.results_cmd")
    results_cmd.add_results_command(subs["inspect"], command, tr)
    results_cmd.add_agency_results_commands(asg, command, tr)
    for (grp, name), usage in NOT_YET.items():
        if grp not in subs:
            subs[grp] = group(grp, "(chưa có trong phiên bản này)", "(not in this version)")
        c = command(subs[grp], name, f"{usage} (chưa có trong phiên bản này)", f"{usage} (not in this version)",
                    _not_yet(grp, name))
        c.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        c.set_defaults(accepts_extra=True)
    return root
