"""The `cchc` command: a thin layer over `cchc_desktop.core.services` (parse, call, print).

Exit codes (a contract, see docs/cli.md): 0 ok, 1 user error (bad input, refused operation),
2 invalid framework, 70 internal error (a bug).  Bad input never shows a Python traceback; a bug
shows one line, plus the traceback when the environment variable CCHC_DEBUG=1.

Heavy modules (SQLAlchemy, the services) are imported only by the commands that need them, so
`cchc --version` and `cchc framework check` start fast.
"""

from __future__ import annotations

import os
import sys
from typing import Sequence

from ..core.errors import InvalidFramework, UserFacingError
from .common import Context

__all__ = ["main", "EXIT_OK", "EXIT_USER", "EXIT_FRAMEWORK", "EXIT_INTERNAL"]

EXIT_OK = 0
EXIT_USER = 1
EXIT_FRAMEWORK = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def _utf8_streams() -> None:
    """Vietnamese text must print whatever the console's locale (cp1252, ascii, POSIX...)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding == "utf8":
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="replace")
        except (ValueError, OSError, AttributeError):  # a stream that cannot change: keep it
            pass


def _pre_scan_lang(argv: Sequence[str]) -> str:
    """The language for messages, known before argparse runs (its own errors need it too)."""
    lang = os.environ.get("CCHC_LANG", "vi")
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return "en" if lang == "en" else "vi"


def _report_bug(ctx: Context, exc: BaseException) -> None:
    ctx.err(
        ctx.tr(
            f"Lỗi không mong đợi (lỗi phần mềm): {type(exc).__name__}: {exc}. "
            "Dữ liệu đã lưu trước đó vẫn an toàn. Hãy báo cho nhóm phát triển; "
            "chạy lại với biến môi trường CCHC_DEBUG=1 để xem chi tiết kỹ thuật.",
            f"Unexpected error (a software bug): {type(exc).__name__}: {exc}. "
            "Data saved earlier is safe. Please report it; run again with CCHC_DEBUG=1 for details.",
        )
    )
    if os.environ.get("CCHC_DEBUG") == "1":
        import traceback

        ctx.err("".join(traceback.format_exception(exc)).rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script passes it to sys.exit)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    ctx = Context(_pre_scan_lang(args_list))
    try:
        from .parser import UsageError, build_parser

        parser = build_parser(ctx)
        try:
            # parse_known_args: the placeholders of commands not in this version take any options.
            args, extra = parser.parse_known_args(args_list)
            if extra and not getattr(args, "accepts_extra", False):
                parser.error("unrecognized arguments: " + " ".join(extra))
        except UsageError as exc:
            ctx.err(exc.render(ctx))
            return EXIT_USER
        ctx.lang = getattr(args, "lang", ctx.lang)
        code = args.handler(args, ctx)
        return EXIT_OK if code is None else int(code)
    except SystemExit as exc:  # --help / --version print and exit through argparse
        if exc.code is None:
            return EXIT_OK
        return exc.code if isinstance(exc.code, int) else EXIT_USER
    except InvalidFramework as exc:
        from .common import print_framework_problems

        print_framework_problems(ctx, exc.problems, getattr(exc, "source", None))
        return exc.exit_code
    except UserFacingError as exc:
        ctx.err(exc.message(ctx.lang))
        return exc.exit_code
    except KeyboardInterrupt:
        ctx.err(ctx.tr("Đã dừng theo yêu cầu.", "Interrupted."))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `cchc ... | head`: the reader left, nothing to report
        try:  # the interpreter flushes stdout at exit: point it at devnull to stay quiet
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - everything else is a bug, reported as one
        _report_bug(ctx, exc)
        return EXIT_INTERNAL
