"""Fuzzing answers files (`cchc assess fill`): a file either applies, or raises UserFacingError and
leaves the workspace exactly as it was - never another exception, never half of it.

Documents are generated around the real format (item codes of the mini framework and wrong ones,
plausible values of every rule kind and random JSON, N/A with and without reasons, notes, evidence
entries pointing at a good file, an empty file, a folder, a missing file, a file over the size
limit, citations with good and impossible dates, unknown keys) and sometimes damaged as bytes
(invalid UTF-8, a byte-order mark, truncation).  One workspace receives every example in turn, so
successful fills pile up as a user's would.

"Exactly as it was": every row of every table (a raw connection), the in-memory answers and
evidence, and the files of the evidence store.  After a successful fill, a fresh open of the
workspace shows what the open one shows (the fill is durable and memory did not run ahead).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.answers_file import fill

from ..conftest import TEST_ACTOR, fixed_clock

CODES = ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "2.3", "3", "3.1", "T.1", "T.2"]
WRONG_CODES = ["9.9", "", "1.1.1 ", "t.1", "1.10", "../1", "Tổng"]
LIMIT = 64 * 1024

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6), c, max_size=3),
    max_leaves=8,
)
VALUES = st.one_of(
    st.sampled_from(["dung_han", "cham", "khong", "Ban hành đúng hạn", True, False, "có", "không", "yes", 0, 1, 2, 3,
                     -1, 0.5, 1.5, 2.5, 100, 100.5, 90, "92,5", "1e2", "NaN", "Infinity", "-0", "", " 1 ", 10**10,
                     {"numerator": 19, "denominator": 20}, {"numerator": 21, "denominator": 20},
                     {"numerator": 0, "denominator": 0}, {"numerator": "5", "denominator": "7"},
                     {"numerator": 1.5, "denominator": 2}, {"numerator": 1}, None]),
    JSON,
)
TEXT = st.one_of(st.text(max_size=30), st.sampled_from(["", "Không phát sinh", "Lý do\x00", "a" * 3000]), JSON)
DATES = st.one_of(st.sampled_from(["15/01/2026", "2026-09-30", "31/02/2026", "2026-13-01", "00/00/0000", "hôm qua", "",
                                   "29/02/2024", "1/1/2026"]), TEXT)


@st.composite
def evidence_entry(draw: st.DrawFn, files: Path) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(JSON)
    ev: dict[str, Any] = {}
    name = draw(st.sampled_from(["tot.pdf", "tot.pdf", "tot-2.pdf", "rong.pdf", "thu-muc", "khong-co.pdf", "qua-lon.pdf",
                                 "ABS", None, 7]))
    if name == "ABS":
        ev["file"] = str(files / "tot.pdf")
    elif name is not None:
        ev["file"] = name
    for key in ("doc_type", "number_symbol", "issuer", "excerpt", "pages"):
        if draw(st.booleans()):
            ev[key] = draw(TEXT)
    if draw(st.booleans()):
        ev["issue_date"] = draw(DATES)
    if draw(st.integers(0, 9)) == 0:
        ev[draw(st.text(max_size=6))] = draw(JSON)
    return ev


@st.composite
def entry(draw: st.DrawFn, files: Path) -> Any:
    if draw(st.integers(0, 14)) == 0:
        return draw(JSON)
    spec: dict[str, Any] = {}
    if draw(st.booleans()):
        spec["value"] = draw(VALUES)
    if draw(st.integers(0, 3)) == 0:
        spec["not_applicable"] = draw(st.one_of(st.booleans(), JSON))
        if draw(st.booleans()):
            spec["reason"] = draw(TEXT)
    if draw(st.integers(0, 2)) == 0:
        spec["note"] = draw(st.one_of(TEXT, st.none()))
    if draw(st.integers(0, 3)) == 0:
        spec["evidence"] = draw(st.one_of(st.lists(evidence_entry(files), max_size=3), JSON))
    if draw(st.integers(0, 12)) == 0:
        spec[draw(st.text(max_size=6))] = draw(JSON)
    return spec


@st.composite
def answers_bytes(draw: st.DrawFn, files: Path) -> bytes:
    answers = draw(st.dictionaries(st.sampled_from(CODES + WRONG_CODES) | st.text(max_size=5), entry(files), max_size=4))
    doc: Any = {"format": "cchc-answers", "format_version": 1, "answers": answers}
    top = draw(st.integers(0, 11))
    if top == 0:
        doc["format"] = draw(st.sampled_from(["cchc-answer", "", None, "CCHC-ANSWERS"]))
    elif top == 1:
        doc["format_version"] = draw(st.sampled_from([2, "1", 1.0, True, None, 0]))
    elif top == 2:
        doc["answers"] = draw(JSON)
    elif top == 3:
        doc = draw(JSON)
    elif top == 4:
        doc["comment"] = draw(JSON)
    data = json.dumps(doc, ensure_ascii=draw(st.booleans())).encode("utf-8")
    damage = draw(st.integers(0, 9))
    if damage == 0:
        data = b"\xef\xbb\xbf" + data
    elif damage == 1 and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == 2 and data:
        pos = draw(st.integers(0, len(data) - 1))
        data = data[:pos] + draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"NaN", b"]"])) + data[pos:]
    return data


def state(ws: AgencyWorkspace) -> dict[str, Any]:
    con = sqlite3.connect(ws.folder / "workspace.sqlite")
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        rows = {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in sorted(tables)}
    finally:
        con.close()
    store = ws.folder / "evidence"
    return {
        "rows": rows,
        "answers": ws.answers(),
        "states": {c: ws.state_of(c) for c in CODES},
        "evidence": {c: ws.evidence_for(c) for c in CODES},
        "files": sorted(p.relative_to(store).as_posix() for p in store.rglob("*") if p.is_file()),
    }


def test_fill_applies_or_refuses_and_changes_nothing(tmp_path: Path, mini_framework: Any) -> None:
    files = tmp_path / "tai-lieu"
    files.mkdir()
    (files / "tot.pdf").write_bytes(b"%PDF-1.4\n% tai lieu tot\n" + bytes(range(256)))
    (files / "tot-2.pdf").write_bytes(b"%PDF-1.4\n% tai lieu thu hai\n")
    (files / "rong.pdf").write_bytes(b"")
    (files / "thu-muc").mkdir()
    (files / "qua-lon.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * (LIMIT + 1))
    ws = AgencyWorkspace.create(tmp_path / "ws", mini_framework, "XA-001", "UBND xã Thử Nghiệm", clock=fixed_clock,
                                actor=TEST_ACTOR)
    ws.set_evidence_limit(LIMIT)
    counter = iter(range(10**6))
    outcomes = {"applied": 0, "refused": 0}
    try:
        @settings(max_examples=150, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(data=answers_bytes(files))
        def one(data: bytes) -> None:
            path = files / f"tra-loi-{next(counter):05d}.json"
            path.write_bytes(data)
            before = state(ws)
            try:
                fill(ws, path)
            except UserFacingError as exc:
                assert exc.vi and exc.en
                outcomes["refused"] += 1
                event("refused: " + type(exc).__name__)
                assert state(ws) == before, "a refused answers file changed the workspace"
                return
            outcomes["applied"] += 1
            event("applied")
            with AgencyWorkspace.open(ws.folder, clock=fixed_clock, actor=TEST_ACTOR) as fresh:
                assert {c: fresh.state_of(c) for c in CODES} == {c: ws.state_of(c) for c in CODES}
                assert {c: fresh.evidence_for(c) for c in CODES} == {c: ws.evidence_for(c) for c in CODES}
                assert fresh.answers() == ws.answers()
            for d in ws.documents():
                assert ws.store.verify(d.sha256)

        one()
    finally:
        ws.close()
    # Both outcomes were exercised (a generator that only ever produced refusals would prove little).
    assert outcomes["applied"] >= 5 and outcomes["refused"] >= 20, outcomes
