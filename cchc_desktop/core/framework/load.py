"""Reading framework files: JSON text -> `Framework`, with every problem located and explained.

The reader never stops at the first problem: an author fixing a file wants the whole list.  Each
problem names where it is (the item code when known, else the JSON path) and what is wrong.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

from ..errors import InvalidFramework, UserFacingError
from .canonical import FORMAT_NAME, FORMAT_VERSION, framework_hash
from .model import (
    RULE_KINDS,
    BonusRule,
    Category,
    ChoiceOption,
    ChoiceRule,
    CouncilRule,
    DeductionRule,
    EvidenceRequirement,
    Framework,
    Item,
    LegalBasis,
    Level,
    ManualRule,
    NaMode,
    PenaltyRule,
    PercentTiersRule,
    RatioTiersRule,
    Rule,
    SurveyRule,
    Tier,
    YesNoRule,
)
from .validate import FrameworkProblem, validate

MAX_FRAMEWORK_BYTES = 8 * 1024 * 1024  # a framework is a few hundred KB; refuse absurd files early


TOP_KEYS = {"format", "format_version", "id", "title", "level", "year", "sample", "description", "legal_basis",
            "total", "categories", "bonus_cap", "penalty_cap", "fields", "adjustments", "$schema"}
ITEM_KEYS = {"code", "title", "max", "rule", "children", "not_applicable", "evidence", "guidance"}
RULE_KEYS = {"kind", "yes_label", "no_label", "options", "tiers", "monotonic", "unit_label", "numerator_label",
             "denominator_label", "per_violation", "floor", "count_label", "step"}
TIER_KEYS = {"min", "max", "min_inclusive", "max_inclusive", "points"}
MAX_DEPTH = 3  # field, criterion, sub-criterion


class _Reader:
    def __init__(self) -> None:
        self.problems: list[FrameworkProblem] = []

    def known_keys(self, obj: dict[str, Any], allowed: set[str], where: str) -> None:
        """A typo ("evidance") would silently lose its meaning and its place in the hash."""
        unknown = sorted(k for k in obj if k not in allowed)
        if unknown:
            self.bad(
                where,
                f"Khóa không được hỗ trợ: {', '.join(unknown)} (có thể gõ sai tên).",
                f"Unsupported keys: {', '.join(unknown)} (a typo?).",
            )

    def bad(self, where: str, vi: str, en: str) -> None:
        self.problems.append(FrameworkProblem(where, vi, en))

    # -- scalar helpers -------------------------------------------------------------------------

    def text(self, obj: dict[str, Any], key: str, where: str, required: bool = False) -> str:
        value = obj.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.bad(where, f"“{key}” phải là chuỗi ký tự.", f"'{key}' must be a string.")
            return ""
        value = unicodedata.normalize("NFC", value).strip()
        if required and not value:
            self.bad(where, f"Thiếu “{key}”.", f"'{key}' is missing.")
        return value

    def number(
        self, obj: dict[str, Any], key: str, where: str, required: bool = True, default: Decimal | None = None
    ) -> Decimal | None:
        if key not in obj or obj[key] is None:
            if required:
                self.bad(where, f"Thiếu “{key}”.", f"'{key}' is missing.")
            return default
        value = obj[key]
        if isinstance(value, bool):
            self.bad(where, f"“{key}” phải là số.", f"'{key}' must be a number.")
            return default
        try:
            d = Decimal(str(value).strip()) if isinstance(value, (int, str, Decimal)) else Decimal(repr(value))
        except (InvalidOperation, ValueError):
            self.bad(where, f"“{key}” = “{value}” không phải là số.", f"'{key}' = '{value}' is not a number.")
            return default
        if not d.is_finite():
            self.bad(where, f"“{key}” phải là số hữu hạn.", f"'{key}' must be finite.")
            return default
        if d < 0:
            self.bad(where, f"“{key}” không được âm ({value}).", f"'{key}' must not be negative ({value}).")
            return default
        return d

    def flag(self, obj: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = obj.get(key, default)
        if not isinstance(value, bool):
            self.bad(where, f"“{key}” phải là true hoặc false.", f"'{key}' must be true or false.")
            return default
        return value

    # -- structure ------------------------------------------------------------------------------

    def tiers(self, rule: dict[str, Any], where: str) -> tuple[Tier, ...]:
        raw = rule.get("tiers")
        if not isinstance(raw, list) or not raw:
            self.bad(where, "Quy tắc theo mức cần danh sách “tiers” không rỗng.", "A tiered rule needs a non-empty 'tiers' list.")
            return ()
        out = []
        for n, t in enumerate(raw, 1):
            tw = f"{where}, mức {n}"
            if not isinstance(t, dict):
                self.bad(tw, "Mỗi mức phải là một đối tượng.", "Each tier must be an object.")
                continue
            self.known_keys(t, TIER_KEYS, tw)
            out.append(
                Tier(
                    points=self.number(t, "points", tw) or Decimal(0),
                    low=self.number(t, "min", tw, required=False),
                    high=self.number(t, "max", tw, required=False),
                    low_inclusive=self.flag(t, "min_inclusive", tw, True),
                    high_inclusive=self.flag(t, "max_inclusive", tw, False),
                )
            )
        return tuple(out)

    def rule(self, raw: Any, where: str) -> Rule | None:
        if not isinstance(raw, dict):
            self.bad(where, "“rule” phải là một đối tượng.", "'rule' must be an object.")
            return None
        kind = raw.get("kind")
        self.known_keys(raw, RULE_KEYS, where)
        if kind not in RULE_KINDS:
            self.bad(
                where,
                f"Loại quy tắc chấm điểm không được hỗ trợ: “{kind}” (hỗ trợ: {', '.join(RULE_KINDS)}).",
                f"Unknown rule kind '{kind}' (supported: {', '.join(RULE_KINDS)}).",
            )
            return None
        step = self.number(raw, "step", where, required=False)
        if step is not None and step <= 0:
            self.bad(where, "“step” phải lớn hơn 0.", "'step' must be greater than 0.")
            step = None
        if kind == "yes_no":
            return YesNoRule(
                yes_label=self.text(raw, "yes_label", where) or "Đạt",
                no_label=self.text(raw, "no_label", where) or "Không đạt",
            )
        if kind == "choice":
            options = []
            raw_options = raw.get("options") or []
            if not isinstance(raw_options, list):
                self.bad(where, "“options” phải là danh sách.", "'options' must be a list.")
                raw_options = []
            for n, o in enumerate(raw_options, 1):
                ow = f"{where}, lựa chọn {n}"
                if not isinstance(o, dict):
                    self.bad(ow, "Mỗi lựa chọn phải là một đối tượng.", "Each option must be an object.")
                    continue
                options.append(
                    ChoiceOption(
                        key=self.text(o, "key", ow, required=True),
                        label=self.text(o, "label", ow, required=True),
                        points=self.number(o, "points", ow) or Decimal(0),
                    )
                )
            if not options:
                self.bad(where, "Quy tắc “choice” cần ít nhất một lựa chọn.", "A 'choice' rule needs options.")
            return ChoiceRule(options=tuple(options))
        if kind == "percent_tiers":
            return PercentTiersRule(
                tiers=self.tiers(raw, where),
                monotonic=self.flag(raw, "monotonic", where, True),
                unit_label=self.text(raw, "unit_label", where) or "Tỷ lệ (%)",
            )
        if kind == "ratio_tiers":
            return RatioTiersRule(
                tiers=self.tiers(raw, where),
                numerator_label=self.text(raw, "numerator_label", where, required=True),
                denominator_label=self.text(raw, "denominator_label", where, required=True),
                monotonic=self.flag(raw, "monotonic", where, True),
            )
        if kind == "deduction":
            per = self.number(raw, "per_violation", where) or Decimal(0)
            if per <= 0:
                self.bad(where, "“per_violation” phải lớn hơn 0.", "'per_violation' must be greater than 0.")
            return DeductionRule(
                per_violation=per,
                floor=self.number(raw, "floor", where, required=False, default=Decimal(0)) or Decimal(0),
                count_label=self.text(raw, "count_label", where) or "Số lần vi phạm",
            )
        simple: dict[str, Callable[[], Rule]] = {
            "manual": lambda: ManualRule(step=step),
            "council": lambda: CouncilRule(step=step),
            "survey": lambda: SurveyRule(),
            "bonus": lambda: BonusRule(step=step),
            "penalty": lambda: PenaltyRule(step=step),
        }
        return simple[kind]()

    def item(self, raw: Any, where: str, depth: int) -> Item | None:
        if not isinstance(raw, dict):
            self.bad(where, "Mỗi mục phải là một đối tượng.", "Each item must be an object.")
            return None
        code = self.text(raw, "code", where, required=True)
        if code:
            where = f"mục {code}"
        self.known_keys(raw, ITEM_KEYS, where)
        if depth > MAX_DEPTH:
            self.bad(where, "Cây tiêu chí chỉ có 3 cấp: lĩnh vực, tiêu chí, tiêu chí thành phần.", "The tree has at most 3 levels.")
        title = self.text(raw, "title", where, required=True)
        max_points = self.number(raw, "max", where) or Decimal(0)
        rule = None
        children: tuple[Item, ...] = ()
        has_rule, has_children = "rule" in raw, bool(raw.get("children"))
        if has_rule and has_children:
            self.bad(where, "Một mục không thể vừa có “rule” vừa có “children”.", "An item cannot have both 'rule' and 'children'.")
        elif has_rule:
            rule = self.rule(raw["rule"], where)
        elif has_children:
            if not isinstance(raw["children"], list):
                self.bad(where, "“children” phải là danh sách.", "'children' must be a list.")
            else:
                kids = [self.item(c, f"{where} > con {n}", depth + 1) for n, c in enumerate(raw["children"], 1)]
                children = tuple(k for k in kids if k is not None)
        else:
            self.bad(where, "Mục lá phải có quy tắc chấm điểm (“rule”).", "A leaf item needs a scoring 'rule'.")
        na_mode, na_label = None, ""
        na = raw.get("not_applicable")
        if na is not None:
            if not isinstance(na, dict) or na.get("mode") not in ("full", "exclude"):
                self.bad(
                    where,
                    "“not_applicable.mode” phải là “full” (tính đủ điểm) hoặc “exclude” (loại khỏi điểm tối đa).",
                    "'not_applicable.mode' must be 'full' or 'exclude'.",
                )
            else:
                na_mode = NaMode(na["mode"])
                na_label = self.text(na, "label", where)
        ev = raw.get("evidence") or {}
        if not isinstance(ev, dict):
            self.bad(where, "“evidence” phải là một đối tượng.", "'evidence' must be an object.")
            ev = {}
        return Item(
            code=code,
            title=title,
            max_points=max_points,
            rule=rule,
            children=children,
            na_mode=na_mode,
            na_label=na_label,
            evidence=EvidenceRequirement(
                required=self.flag(ev, "required", where, False), hint=self.text(ev, "hint", where)
            ),
            guidance=self.text(raw, "guidance", where),
            depth=depth,
        )

    def framework(self, doc: Any) -> Framework | None:
        if not isinstance(doc, dict):
            self.bad("tệp", "Tệp bộ tiêu chí phải là một đối tượng JSON.", "A framework file must be a JSON object.")
            return None
        if doc.get("format") != FORMAT_NAME:
            self.bad(
                "tệp",
                f"Không phải tệp bộ tiêu chí CCHC (format = “{doc.get('format')}”, cần “{FORMAT_NAME}”).",
                f"Not a CCHC framework file (format = '{doc.get('format')}', expected '{FORMAT_NAME}').",
            )
            return None
        version = doc.get("format_version")
        if type(version) is not int or version != FORMAT_VERSION:  # True == 1 in Python: not a version
            self.bad(
                "tệp",
                f"Phiên bản định dạng {version} không được hỗ trợ (phiên bản này đọc được: {FORMAT_VERSION}). "
                "Hãy cập nhật ứng dụng.",
                f"Format version {version} is not supported (this version reads {FORMAT_VERSION}). Update the app.",
            )
            return None
        where = "bộ tiêu chí"
        self.known_keys(doc, TOP_KEYS, where)
        level_raw = doc.get("level")
        try:
            level = Level(level_raw)
        except ValueError:
            self.bad(where, f"Cấp đánh giá “{level_raw}” không hợp lệ (so, huyen, xa).", f"Invalid level '{level_raw}'.")
            level = Level.PROVINCIAL_AGENCY
        year = doc.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
            self.bad(where, f"Năm “{year}” không hợp lệ.", f"Invalid year '{year}'.")
            year = 0
        cats = []
        raw_cats = doc.get("categories") or []
        if not isinstance(raw_cats, list):
            self.bad(where, "“categories” phải là danh sách các xếp loại.", "'categories' must be a list.")
            raw_cats = []
        for n, c in enumerate(raw_cats, 1):
            cw = f"xếp loại {n}"
            if not isinstance(c, dict):
                self.bad(cw, "Mỗi xếp loại phải là một đối tượng.", "Each category must be an object.")
                continue
            cats.append(
                Category(
                    key=self.text(c, "key", cw, required=True),
                    name=self.text(c, "name", cw, required=True),
                    min_percent=self.number(c, "min_percent", cw) or Decimal(0),
                )
            )
        lb = doc.get("legal_basis") or {}
        if not isinstance(lb, dict):
            self.bad(where, "“legal_basis” phải là một đối tượng (number, date, issuer).", "'legal_basis' must be an object.")
            lb = {}
        fields_raw = doc.get("fields")
        if not isinstance(fields_raw, list) or not fields_raw:
            self.bad(where, "Bộ tiêu chí cần danh sách lĩnh vực “fields” không rỗng.", "'fields' must be a non-empty list.")
            fields_raw = []
        adj_raw = doc.get("adjustments") or []
        if not isinstance(adj_raw, list):
            self.bad(where, "“adjustments” phải là danh sách.", "'adjustments' must be a list.")
            adj_raw = []
        fields = [self.item(f, f"lĩnh vực {n}", 1) for n, f in enumerate(fields_raw, 1)]
        adjustments = [self.item(a, f"điểm thưởng/trừ {n}", 1) for n, a in enumerate(adj_raw, 1)]
        return Framework(
            id=self.text(doc, "id", where, required=True),
            title=self.text(doc, "title", where, required=True),
            level=level,
            year=year,
            total=self.number(doc, "total", where) or Decimal(0),
            categories=tuple(cats),
            fields=tuple(f for f in fields if f is not None),
            adjustments=tuple(a for a in adjustments if a is not None),
            bonus_cap=self.number(doc, "bonus_cap", where, required=False, default=Decimal(0)) or Decimal(0),
            penalty_cap=self.number(doc, "penalty_cap", where, required=False, default=Decimal(0)) or Decimal(0),
            legal_basis=LegalBasis(
                number=self.text(lb, "number", where), date=self.text(lb, "date", where), issuer=self.text(lb, "issuer", where)
            ),
            sample=self.flag(doc, "sample", where, False),
            description=self.text(doc, "description", where),
            format_version=FORMAT_VERSION,
        )


def parse_framework(data: bytes | str, *, strict: bool = True) -> tuple[Framework, list[FrameworkProblem]]:
    """Parse and validate.  Raises InvalidFramework on errors; returns the warnings otherwise.

    With strict=False, structural errors still raise but validation errors are returned with the
    warnings (used by `framework check` to list everything at once).
    """
    if isinstance(data, bytes):
        if len(data) > MAX_FRAMEWORK_BYTES:
            raise InvalidFramework(
                [FrameworkProblem("tệp", "Tệp quá lớn để là một bộ tiêu chí.", "File too large for a framework.")]
            )
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidFramework(
                [FrameworkProblem("tệp", f"Tệp không phải văn bản UTF-8 (byte {exc.start}).", f"Not UTF-8 text (byte {exc.start}).")]
            ) from None
    try:
        doc = json.loads(data, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InvalidFramework(
            [
                FrameworkProblem(
                    f"dòng {exc.lineno}, cột {exc.colno}",
                    f"Lỗi cú pháp JSON: {exc.msg}.",
                    f"JSON syntax error: {exc.msg}.",
                )
            ]
        ) from None
    except RecursionError:
        raise InvalidFramework([FrameworkProblem("tệp", "Tệp lồng quá sâu.", "Nesting too deep.")]) from None
    reader = _Reader()
    fw = reader.framework(doc)
    if reader.problems or fw is None:
        raise InvalidFramework(reader.problems)
    findings = validate(fw)
    errors = [p for p in findings if not p.warning]
    if errors and strict:
        raise InvalidFramework(errors)
    fw = replace(fw, sha256=framework_hash(fw))
    return fw, findings


def load_framework(path: str | Path) -> Framework:
    """Read a framework file; raise a UserFacingError naming the file when it cannot be used."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FRAMEWORK_BYTES + 1)
    except OSError as exc:
        raise UserFacingError(
            f"Không đọc được tệp bộ tiêu chí “{path}”: {exc.strerror or exc}.",
            f"Cannot read framework file '{path}': {exc.strerror or exc}.",
        ) from None
    fw, _warnings = parse_framework(data)
    return fw
