"""Shared helpers of the CLI: language, output, numbers, tables, locating framework files."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..core.errors import UserFacingError

if TYPE_CHECKING:
    from ..core.framework.model import Framework
    from ..core.framework.validate import FrameworkProblem


@dataclass
class Context:
    """What every command needs besides its arguments: the language, and where to print."""

    lang: str = "vi"

    def tr(self, vi: str, en: str) -> str:
        return en if self.lang == "en" else vi

    def out(self, text: str = "") -> None:
        print(text, file=sys.stdout)

    def err(self, text: str) -> None:
        print(text, file=sys.stderr)

    def json(self, doc: Any) -> None:
        print(json.dumps(doc, ensure_ascii=False, indent=2), file=sys.stdout)


# ---------------------------------------------------------------- numbers


def num(d: Decimal | int | None) -> str | None:
    """Numbers in --json output: strings of the shortest plain decimal ("14.5", "100", "0")."""
    if d is None:
        return None
    from ..core.framework.canonical import number_text

    return number_text(Decimal(d))


def human(d: Decimal | int, lang: str) -> str:
    """Numbers for people: Vietnamese writes a decimal comma (14,5), English a point."""
    text = num(d) or ""
    return text.replace(".", ",") if lang == "vi" else text


# ---------------------------------------------------------------- text columns


def width(text: str) -> int:
    """Columns a string takes on a terminal (combining marks take none, wide CJK two)."""
    w = 0
    for ch in unicodedata.normalize("NFC", text):
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def clip(text: str, max_width: int) -> str:
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if width(text) <= max_width:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > max_width - 1:
            break
        out += ch
    return out.rstrip() + "…"


def table(rows: Sequence[Sequence[str]], align: str, gap: str = "  ") -> list[str]:
    """Lay out rows of cells; `align` has one letter per column: l(eft) or r(ight)."""
    widths = [max((width(r[i]) for r in rows if i < len(r)), default=0) for i in range(len(align))]
    lines = []
    for r in rows:
        cells = []
        for i, a in enumerate(align):
            cell = r[i] if i < len(r) else ""
            pad = " " * (widths[i] - width(cell))
            cells.append(cell + pad if a == "l" else pad + cell)
        lines.append(gap.join(cells).rstrip())
    return lines


# ---------------------------------------------------------------- framework files

_WHERE_EN = [
    (re.compile(r"^mục "), "item "),
    (re.compile(r"^dòng (\d+), cột (\d+)$"), r"line \1, column \2"),
    (re.compile(r"^tệp$"), "file"),
    (re.compile(r"^bộ tiêu chí$"), "framework"),
    (re.compile(r"^xếp loại"), "category"),
    (re.compile(r"^lĩnh vực "), "field "),
    (re.compile(r"^điểm thưởng/trừ "), "adjustment "),
    (re.compile(r" > con "), " > child "),
    (re.compile(r", mức "), ", tier "),
    (re.compile(r", lựa chọn "), ", option "),
]


def where_text(where: str, lang: str) -> str:
    """Problem locations are written in Vietnamese by the core; translate them for --lang en."""
    if lang != "en":
        return where
    for pattern, repl in _WHERE_EN:
        where = pattern.sub(repl, where)
    return where


def problem_line(p: "FrameworkProblem", lang: str) -> str:
    return f"{where_text(p.where, lang)}: {p.en if lang == 'en' else p.vi}"


def print_framework_problems(ctx: Context, problems: Iterable["FrameworkProblem"], source: str | None) -> None:
    problems = list(problems)
    name = f" “{source}”" if source else ""
    ctx.err(
        ctx.tr(
            f"Bộ tiêu chí{name} không hợp lệ ({len(problems)} lỗi):",
            f"Invalid framework{name.replace('“', chr(39)).replace('”', chr(39))} ({len(problems)} errors):",
        )
    )
    for p in problems:
        ctx.err(f"  - {problem_line(p, ctx.lang)}")


def _bundled_forms() -> list[tuple[str, Path]]:
    """(framework id, path) of every framework shipped in forms/ (schemas excluded)."""
    from ..core.paths import bundled_forms_dir

    folder = bundled_forms_dir()
    out = []
    if folder.is_dir():
        for p in sorted(folder.glob("*.json")):
            if p.name.endswith(".schema.json"):
                continue
            try:
                doc = json.loads(p.read_bytes().decode("utf-8-sig"))
            except (OSError, ValueError):
                continue
            if isinstance(doc, dict) and isinstance(doc.get("id"), str):
                out.append((doc["id"], p))
    return out


def resolve_form(form: str, ctx: Context) -> Path:
    """FORM is a path, or the id (or file name) of a framework bundled in forms/."""
    path = Path(form).expanduser()
    if path.exists():
        return path
    bundled = _bundled_forms()
    for fid, p in bundled:
        if form in (fid, p.stem, p.name):
            return p
    known = ", ".join(fid for fid, _ in bundled) or ctx.tr("không có", "none")
    raise UserFacingError(
        f"Không tìm thấy bộ tiêu chí “{form}”: không có tệp này, cũng không có bộ tiêu chí kèm theo ứng dụng "
        f"mang mã này (các bộ kèm theo: {known}).",
        f"Framework '{form}' not found: no such file and no bundled framework with that id (bundled: {known}).",
    )


def read_framework_bytes(path: Path) -> bytes:
    from ..core.framework.load import MAX_FRAMEWORK_BYTES

    try:
        with path.open("rb") as fh:
            return fh.read(MAX_FRAMEWORK_BYTES + 1)
    except OSError as exc:
        raise UserFacingError(
            f"Không đọc được tệp bộ tiêu chí “{path}”: {exc.strerror or exc}.",
            f"Cannot read framework file '{path}': {exc.strerror or exc}.",
        ) from None


def load_form(form: str, ctx: Context) -> "Framework":
    """Resolve FORM and load it strictly (InvalidFramework, exit 2, when it has errors)."""
    from ..core.errors import InvalidFramework
    from ..core.framework.load import parse_framework

    path = resolve_form(form, ctx)
    try:
        fw, _warnings = parse_framework(read_framework_bytes(path))
    except InvalidFramework as exc:
        exc.source = str(path)  # type: ignore[attr-defined] - main() names the file
        raise
    return fw
