"""The example in docs/answers-format.md really fills a workspace with the points the page claims."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .helpers import ROOT, items_by_code

DOC = ROOT / "docs" / "answers-format.md"


def _example() -> dict:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## One example for every rule kind", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block, "the example block is missing"
    return json.loads(block.group(1))


def test_documented_example_scores_as_documented(cli, new_workspace, tmp_path: Path) -> None:
    ws = new_workspace()
    doc = _example()
    for spec in doc["answers"].values():
        for ev in spec.get("evidence", []):
            f = tmp_path / ev["file"]
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_bytes(f"%PDF-1.4 {ev['file']}".encode())
    path = tmp_path / "example.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = cli("assess", "fill", ws, "--answers", path)
    assert r.code == 0, r.err
    s = cli("assess", "score", ws, "--json").json()
    it = items_by_code(s)
    expected = {"1.1.1": "0.5", "1.1.2": "1", "1.2": "0.5", "1.3": "1", "1.4": "1.5", "2.1": "2", "2.2": "1"}
    assert {c: it[c]["points"] for c in expected} == expected
    assert (it["2.3"]["status"], it["3.1"]["status"]) == ("pending", "pending")
    t = s["total"]
    assert (t["base_points"], t["bonus"], t["penalty"], t["final_points"], t["assessable_max"], t["percent"]) == (
        "7.5", "1", "0", "8.5", "10", "85")
    assert s["problems"] == []
