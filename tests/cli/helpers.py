"""Helpers for the CLI tests: run `cchc` in-process or as a subprocess, write answers files."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "mini_framework.json"
FORMS = sorted(p for p in (ROOT / "forms").glob("*.json") if not p.name.endswith(".schema.json"))


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CCHC_DEBUG", "CCHC_LANG")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def run_subprocess(*argv: Any, env: dict[str, str] | None = None, timeout: float = 60) -> Result:
    """The real thing: `python -m cchc_desktop.cli ...`; output decoded as UTF-8 (strictly)."""
    proc = subprocess.run(
        [sys.executable, "-m", "cchc_desktop.cli", *map(str, argv)],
        cwd=ROOT,
        env=env or subprocess_env(),
        capture_output=True,
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def mini_doc() -> dict[str, Any]:
    return copy.deepcopy(json.loads(MINI.read_text(encoding="utf-8")))


def find_item(doc: dict[str, Any], code: str) -> dict[str, Any]:
    def walk(items: list[dict[str, Any]]) -> Any:
        for it in items:
            yield it
            yield from walk(it.get("children") or [])

    for it in walk(doc["fields"] + doc.get("adjustments", [])):
        if it["code"] == code:
            return it
    raise KeyError(code)


def write_json(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def answers_file(path: Path, answers: dict[str, Any]) -> Path:
    return write_json(path, {"format": "cchc-answers", "format_version": 1, "answers": answers})


def items_by_code(score: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["code"]: i for i in score["items"]}
