"""Type checks of an answers file that the core (answers_file.py, version 0.1.0) does not make yet.

The core turns JSON `null` into the text "None" for a reason, a page or a citation field, and takes
any truthy `not_applicable` ("no", 1) as true.  Until it checks these itself, `assess fill` refuses
such files here, before anything is written, with the item code in the message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.errors import InvalidInput

CITATION_KEYS = ("doc_type", "number_symbol", "issue_date", "issuer", "excerpt", "pages")


def _text_or_absent(obj: dict[str, Any], key: str, where_vi: str, where_en: str) -> None:
    if key in obj and not isinstance(obj[key], str):
        raise InvalidInput(
            f"{where_vi}: “{key}” phải là chuỗi ký tự (để trống thì ghi \"\" hoặc bỏ khóa này).",
            f"{where_en}: '{key}' must be a string (write \"\" or leave the key out).",
        )


def check_answer_types(path: Path) -> None:
    """Raise InvalidInput for the first badly typed entry; the core checks everything else."""
    from ..core.services.answers_file import read_answers_file

    doc = read_answers_file(path)
    for code, spec in doc["answers"].items():
        if not isinstance(spec, dict):
            continue  # the core reports it
        vi, en = f"Tiêu chí {code}", f"Item {code}"
        if "not_applicable" in spec and not isinstance(spec["not_applicable"], bool):
            raise InvalidInput(
                f"{vi}: “not_applicable” phải là true hoặc false (đã ghi {spec['not_applicable']!r}).",
                f"{en}: 'not_applicable' must be true or false.",
            )
        _text_or_absent(spec, "reason", vi, en)
        if spec.get("note") is not None:
            _text_or_absent(spec, "note", vi, en)
        evidence = spec.get("evidence")
        if evidence is None:
            continue
        if not isinstance(evidence, list):
            raise InvalidInput(f"{vi}: “evidence” phải là một danh sách tài liệu.", f"{en}: 'evidence' must be a list.")
        for n, ev in enumerate(evidence, 1):
            if isinstance(ev, dict):
                for key in CITATION_KEYS:
                    _text_or_absent(ev, key, f"{vi}, tài liệu {n}", f"{en}, evidence {n}")
