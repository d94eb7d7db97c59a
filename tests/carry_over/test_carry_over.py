"""Next year from last year: evidence and explanations carried for criteria whose code AND title
match, each "to confirm"; values never carried; the old year stays readable; nothing duplicated."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from cryptography import x509

from cchc_desktop.core.errors import WorkspaceError
from cchc_desktop.core.framework.load import parse_framework
from cchc_desktop.core.framework.model import Framework
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.signing.api import TrustStore
from cchc_desktop.core.storage.records import Citation, FrameworkTrust

from ..cli.helpers import mini_doc
from ..conftest import fixed_clock

PDF_PLAN = b"%PDF-1.4\n% Ke hoach CCHC 2026\n"
PDF_REPORT = b"%PDF-1.4\n% Bao cao CCHC 2026\n" + bytes(range(256))


def doc_2027() -> dict[str, Any]:
    """The mini framework for 2027: 1.3 renamed, 1.4 removed (field 1 and the total shrink by its 2
    points), and 1.1.1's title written in NFD with extra spaces (the same title once normalised)."""
    doc = mini_doc()
    doc["year"], doc["id"] = 2027, "test-mini-2027"
    field1 = doc["fields"][0]
    kids = field1["children"]
    kids[2]["title"] = "Tuyên truyền, phổ biến về CCHC"  # 1.3: code kept, title changed
    del kids[3]  # 1.4 removed
    field1["max"] = 4
    doc["total"] = 18
    plan = kids[0]["children"][0]
    plan["title"] = "  " + unicodedata.normalize("NFD", "Ban hành   kế hoạch") + " "
    return doc


def framework_2027() -> Framework:
    fw, _ = parse_framework(json.dumps(doc_2027(), ensure_ascii=False))
    return fw


@pytest.fixture
def year_2026(agency_ws: AgencyWorkspace, make_file) -> AgencyWorkspace:
    ws = agency_ws
    plan, report = make_file("ke-hoach.pdf", PDF_PLAN), make_file("bao-cao.pdf", PDF_REPORT)
    cite = Citation("Kế hoạch", "12/KH-UBND", "15/01/2026", "UBND xã", "Kế hoạch CCHC năm 2026")
    ws.set_value("1.1.1", "cham")
    ws.set_note("1.1.1", "Ban hành chậm 5 ngày")
    ws.add_evidence("1.1.1", plan, cite, pages="1-2")
    ws.set_value("1.1.2", 95)
    ws.set_value("1.3", True)
    ws.set_note("1.3", "Đã tuyên truyền trên cổng thông tin")
    doc_id = ws.evidence_for("1.1.1")[0].document.id
    ws.link_evidence("1.3", doc_id, pages="3")  # one document backs 1.1.1 (carried) and 1.3 (renamed)
    ws.set_value("1.4", 1.5)
    ws.set_note("1.4", "Một sáng kiến")
    ws.add_evidence("1.4", report, Citation("Báo cáo", "45/BC-UBND"))
    ws.set_not_applicable("2.1", True, "Không phát sinh hồ sơ")
    ws.set_note("2.3", "Đã được tỉnh kiểm tra")
    ws.add_evidence("2.3", report, Citation("Báo cáo", "45/BC-UBND"), pages="4")
    return ws


def _store_files(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "evidence").rglob("*") if p.is_file() and ".tmp" not in p.parts)


def test_carry_over_to_the_next_year(year_2026: AgencyWorkspace):
    ws = year_2026
    before_2026 = {c: ws.state_of(c) for c in ws.answers()}
    score_2026 = ws.score().final_points
    files_before = _store_files(ws.folder)
    result = ws.start_next_year(framework_2027())

    assert (result.from_year, result.year) == (2026, 2027)
    assert result.carried == ("1.1.1", "2.3")  # same code and title (1.1.1 after NFC + spaces)
    assert result.not_carried == ("1.3", "1.4")  # renamed / removed
    assert (result.notes, result.documents, result.links) == (2, 2, 2)
    info = ws.info()
    assert (info.year, info.framework_id, info.state, info.submission_seq, info.to_confirm) == (2027, "test-mini-2027", "draft", 0, 2)

    # Explanations and evidence carried, with their citations and pages; values never.
    assert ws.state_of("1.1.1").note == "Ban hành chậm 5 ngày" and ws.state_of("1.1.1").value_json is None
    assert ws.state_of("2.3").note == "Đã được tỉnh kiểm tra"
    assert ws.state_of("1.1.2").value_json is None and ws.state_of("1.3").note == ""
    assert not ws.state_of("2.1").not_applicable
    plan = ws.evidence_for("1.1.1")
    assert [(e.document.file_name, e.pages, e.document.citation.number_symbol) for e in plan] == [("ke-hoach.pdf", "1-2", "12/KH-UBND")]
    assert ws.evidence_for("1.3") == []  # the shared document came along for 1.1.1 only
    assert [e.pages for e in ws.evidence_for("2.3")] == ["4"]
    assert ws.score().final_points == 0

    # Each carried item is a "to_confirm" problem, in framework order.
    to_confirm = [p for p in ws.problems() if p.kind == "to_confirm"]
    assert [p.code for p in to_confirm] == ["1.1.1", "2.3"]
    assert "mang sang từ năm 2026" in to_confirm[0].vi and "cần xác nhận" in to_confirm[0].vi

    # The evidence files are not duplicated: same content-addressed files, same file rows.
    assert _store_files(ws.folder) == files_before
    con = sqlite3.connect(ws.folder / "workspace.sqlite")
    try:
        assert con.execute("SELECT COUNT(*) FROM evidence_files").fetchone() == (2,)
        assert con.execute("SELECT COUNT(*) FROM assessments").fetchone() == (2,)
    finally:
        con.close()

    # The old year stays readable, unchanged, and read-only.
    with AgencyWorkspace.open(ws.folder, clock=fixed_clock, year=2026) as old:
        assert old.info().read_only and old.info().year == 2026
        assert {c: old.state_of(c) for c in old.answers()} == before_2026
        assert old.score().final_points == score_2026
        assert old.carried() == {}
        with pytest.raises(WorkspaceError, match="chỉ xem được"):
            old.set_value("1.3", False)
        with pytest.raises(WorkspaceError):
            old.add_evidence("1.3", ws.store.path_of(plan[0].document.sha256))
        assert {c: old.state_of(c) for c in old.answers()} == before_2026
    assert [(y.year, y.current) for y in ws.years()] == [(2026, False), (2027, True)]

    # Reopening lands on the new year, marks included.
    ws.close()
    with AgencyWorkspace.open(ws.folder, clock=fixed_clock) as again:
        assert again.info().year == 2027 and sorted(again.carried()) == ["1.1.1", "2.3"]
        assert [c.action for c in again.change_log()] == ["start_year"]  # the 2026 history stays with 2026


def test_confirming_or_editing_clears_the_mark(year_2026: AgencyWorkspace):
    ws = year_2026
    ws.start_next_year(framework_2027())
    ws.confirm("1.1.1")
    assert [p.code for p in ws.problems() if p.kind == "to_confirm"] == ["2.3"]
    ws.undo()  # confirming is an edit like any other
    assert sorted(ws.carried()) == ["1.1.1", "2.3"]
    ws.redo()
    assert sorted(ws.carried()) == ["2.3"]
    ws.set_note("2.3", "Đã được tỉnh kiểm tra tháng 9/2027")  # editing the item confirms it too
    assert ws.carried() == {} and not [p for p in ws.problems() if p.kind == "to_confirm"]
    assert ws.confirm("2.3").items == frozenset()  # nothing left to confirm there
    folder = ws.folder
    ws.close()
    with AgencyWorkspace.open(folder, clock=fixed_clock) as again:  # durable
        assert again.carried() == {}


def test_an_evidence_edit_clears_the_mark_only_once_committed(year_2026: AgencyWorkspace, make_file):
    ws = year_2026
    ws.start_next_year(framework_2027())
    with pytest.raises(Exception):
        ws.add_evidence("1.1.1", make_file("rong.pdf", b""))  # refused (empty file): nothing changes
    assert sorted(ws.carried()) == ["1.1.1", "2.3"]
    doc_id = ws.evidence_for("1.1.1")[0].document.id
    ws.unlink_evidence("1.1.1", doc_id)
    assert sorted(ws.carried()) == ["2.3"]


def test_refusals_change_nothing(year_2026: AgencyWorkspace, ws_snapshot):
    ws = year_2026
    before = ws_snapshot(ws)
    same_year, _ = parse_framework(json.dumps(mini_doc(), ensure_ascii=False))
    with pytest.raises(WorkspaceError, match="phải sau năm hiện tại"):
        ws.start_next_year(same_year)
    other = doc_2027()
    other["level"] = "so"
    with pytest.raises(WorkspaceError, match="cấp"):
        ws.start_next_year(parse_framework(json.dumps(other, ensure_ascii=False))[0])
    assert ws_snapshot(ws) == before and ws.info().year == 2026


def test_trust_of_the_new_year_is_recorded(year_2026: AgencyWorkspace):
    ws = year_2026
    trust = FrameworkTrust("signed", "CN=Sở Nội vụ", "ab" * 32, "cd" * 32, "valid", "2027-01-05T00:00:00+00:00")
    fw = framework_2027()
    ws.start_next_year(fw, trust)
    assert ws.framework_trust == trust and ws.info().framework_trust == "signed"
    with AgencyWorkspace.open(ws.folder, year=2026) as old:
        assert old.framework_trust.status == "sample"  # each year keeps its own


def test_export_of_the_new_year_carries_only_its_own_history(year_2026: AgencyWorkspace, tmp_path):
    """The new year's package: its own change log, and the confirm problems listed when forced."""
    from cchc_desktop.core.package.reader import verify_package
    from cchc_desktop.core.services.export import ProblemsRemain, export_submission

    from ..inspection.helpers import make_keys

    keys = make_keys()
    ws = year_2026
    ws.start_next_year(framework_2027())
    with pytest.raises(ProblemsRemain):
        export_submission(ws, tmp_path / "a.cchc", keys.a)
    result = export_submission(ws, tmp_path / "a.cchc", keys.a, allow_problems=True)
    assert result.sequence == 1 and result.previous_sha256 is None
    trust = TrustStore(anchors=[x509.load_pem_x509_certificate(keys.ca_pem)], crls=[x509.load_pem_x509_crl(keys.crl_pem)])
    report = verify_package(result.package.path, trust)
    assert report.verdict.value == "valid", report.reasons()
    lines = report.data["data/changelog.jsonl"].decode().splitlines()
    assert [json.loads(line)["action"] for line in lines] == ["start_year"]  # nothing of 2026's history
    doc = json.loads(report.data["data/assessment.json"])
    assert doc["year"] == 2027 and {p["kind"] for p in doc["problems"]} >= {"to_confirm"}


def test_a_workspace_of_schema_0003_is_upgraded(agency_ws: AgencyWorkspace):
    """Workspaces made before this version: migration 0004 adds the carried items; the framework
    reads as a sample (as it was shown before signed frameworks existed)."""
    folder = agency_ws.folder
    agency_ws.close()
    from alembic import command
    from alembic.config import Config

    from cchc_desktop.core.storage.db import MIGRATIONS_DIR, make_engine

    engine = make_engine(folder / "workspace.sqlite")  # back to schema 0003 with the migrations' own downgrades
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()
    con = sqlite3.connect(folder / "workspace.sqlite")
    try:
        assert "carried_items" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        con.execute("DELETE FROM meta WHERE key LIKE 'framework_%'")
        con.commit()
    finally:
        con.close()
    with AgencyWorkspace.open(folder, clock=fixed_clock) as ws:
        assert ws.framework_trust.status == "sample" and ws.carried() == {}
        result = ws.start_next_year(framework_2027())
        assert result.carried == ()
    con = sqlite3.connect(folder / "workspace.sqlite")
    try:
        from cchc_desktop.core.storage.db import HEAD_REVISION

        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    finally:
        con.close()
