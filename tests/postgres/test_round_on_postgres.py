"""A council round whose database is on a real PostgreSQL server: the same results as on SQLite."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from cchc_desktop.core.scoring.appraisal import Appraisal
from cchc_desktop.core.services import workspace as wsmod
from cchc_desktop.core.services.appraisal_package import IncomingAppraisal
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.services.inspection_merge import merge_appraisals
from cchc_desktop.core.storage import db

from ..inspection.helpers import evidence_files
from .conftest import REVIEWER_PASSWORD, PgServer


def play(ws: InspectionWorkspace, packages: list[Path]) -> dict[str, Any]:
    """The council's core path: agencies, import, appraise (and undo), dashboard, ranking."""
    ws.set_expected_agencies([("XA-001", "UBND xã Một"), ("XA-002", "UBND xã Hai"), ("XA-003", "UBND xã Ba")])
    results = ws.import_packages(packages)
    assert [r.status for r in results] == ["imported", "imported"], [r.reasons() for r in results]
    again = ws.import_packages(packages[:1])
    assert again[0].status == "already_imported"
    ws.appraise("XA-001", "2.3", "1.5", "Đã kiểm tra hồ sơ gốc")
    ws.appraise("XA-001", "1.1.1", "0.5")
    ws.appraise("XA-001", "1.2", "0", "Không có văn bản")
    ws.undo()
    ws.accept_self("XA-002", "1.1.1")
    ws.accept_self("XA-002", "2.1")
    ws.set_final("XA-002")
    # Another reviewer's appraisals merged in: one new, one in conflict, decided.
    subs = {code: ws.submission(code).manifest_sha256 for code in ("XA-001", "XA-002")}  # type: ignore[union-attr]
    at = "2026-03-02T09:00:00+07:00"
    merged = merge_appraisals(ws, [
        IncomingAppraisal("XA-001", subs["XA-001"], Appraisal("2.3", D("1"), False, "Thiếu báo cáo", "minh", 1, at)),
        IncomingAppraisal("XA-002", subs["XA-002"], Appraisal("1.4", D("1"), False, "Một sáng kiến", "minh", 1, at)),
    ], "a" * 64)
    conflicts = ws.conflicts()
    ws.resolve_conflict(conflicts[0].id, "incoming")
    return {
        "merged": merged,
        "conflicts": conflicts,
        "agencies": ws.agencies(),
        "packages": ws.packages(),
        "documents": {p.manifest_sha256: ws.documents(p.manifest_sha256) for p in ws.packages()},
        "answers": {p.manifest_sha256: ws.answers(p.manifest_sha256) for p in ws.packages()},
        "overview": ws.overview(),
        "ranking": ws.ranking(),
        "statistics": ws.statistics(),
        "appraisals": ws.appraisals(),
        "log": ws.appraisal_log(),
        "final": {code: ws.final_sheet(code).percent for code in ("XA-001", "XA-002")},
    }


def test_a_round_on_postgresql_gives_what_the_same_round_on_sqlite_gives(
        council: Callable[..., InspectionWorkspace], pg_council: Callable[..., InspectionWorkspace],
        packages: list[Path]) -> None:
    local = play(council(), packages)
    shared_ws = pg_council()
    shared = play(shared_ws, packages)
    for key in local:
        assert shared[key] == local[key], key
    assert shared["final"]["XA-001"] is not None and [r.code for r in shared["overview"]] == ["XA-001", "XA-002", "XA-003"]
    assert shared["ranking"] and shared["overview"][0].appraised == 2 and shared["overview"][0].open_conflicts == 0
    assert (shared["merged"].stored, shared["merged"].conflicts) == (1, 1) and len(shared["conflicts"]) == 1
    # The evidence is in the folder (content-addressed), the database on the server.
    folder = shared_ws.folder
    assert len(evidence_files(folder)) == 2
    assert not (folder / "workspace.sqlite").exists()
    url_text = (folder / "database.url").read_text(encoding="utf-8")
    assert "postgresql+psycopg://reviewer@127.0.0.1:" in url_text and REVIEWER_PASSWORD not in url_text
    assert shared_ws.shared and db.integrity_ok(shared_ws.engine)


def test_the_folder_reopens_the_round_on_the_server(pg_council: Callable[..., InspectionWorkspace],
                                                    packages: list[Path]) -> None:
    ws = pg_council()
    ws.import_packages(packages[:1])
    ws.appraise("XA-001", "2.3", "1.5", "Đủ hồ sơ")
    ws.close()
    assert wsmod.is_workspace(ws.folder) and wsmod.role_of(ws.folder) == "inspection"
    with InspectionWorkspace.open(ws.folder, actor="nguoi-khac") as again:
        assert again.shared and [a.points for a in again.appraisals("XA-001")] == [D("1.5")]
        assert again.year == 2026 and again.framework.sha256 == ws.framework.sha256


def test_the_appraisal_and_change_logs_are_append_only_on_postgresql(
        pg_council: Callable[..., InspectionWorkspace], packages: list[Path]) -> None:
    ws = pg_council()
    ws.import_packages(packages[:1])
    ws.appraise("XA-001", "2.3", "1.5", "Đủ hồ sơ")
    for sql in ("UPDATE appraisal_log SET actor = 'x'", "DELETE FROM appraisal_log", "TRUNCATE appraisal_log",
                "UPDATE change_log SET actor = 'x'", "DELETE FROM change_log", "TRUNCATE change_log"):
        with pytest.raises(IntegrityError, match="append-only"):
            with ws.engine.begin() as conn:
                if "change_log" in sql:
                    conn.execute(text("INSERT INTO change_log (at, actor, action) VALUES ('t', 'a', 'x')"))
                conn.execute(text(sql))
    assert len(ws.appraisal_log()) == 1


def test_migrations_reach_head_on_postgresql(pg_council: Callable[..., InspectionWorkspace]) -> None:
    from alembic.script import ScriptDirectory

    ws = pg_council()
    assert db.current_revision(ws.engine) == db.HEAD_REVISION
    assert ScriptDirectory(str(db.MIGRATIONS_DIR)).get_heads() == [db.HEAD_REVISION]
    with ws.engine.connect() as conn:
        types = dict(conn.execute(text(
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema()")).all())
    assert types["agencies.expected"] == "boolean" and types["packages.manifest"] == "bytea"
    assert db.integrity_ok(ws.engine)


def test_a_new_round_needs_an_empty_database(pg_council: Callable[..., InspectionWorkspace], pg_server: PgServer,
                                             mini_framework: Any, trust_dirs: dict[str, Path], tmp_path: Path) -> None:
    from cchc_desktop.core.errors import WorkspaceError

    ws = pg_council("dot-mot")
    url = str(ws.engine.url.render_as_string(hide_password=False))
    with pytest.raises(WorkspaceError) as ei:
        InspectionWorkspace.create(tmp_path / "dot-hai", mini_framework, 2026, trust_dirs["crl"], database_url=url)
    assert "đã chứa một đợt đánh giá" in ei.value.vi
    assert not (tmp_path / "dot-hai").exists() or list((tmp_path / "dot-hai").iterdir()) == []
    # Another program's tables: refused too, and left alone.
    other = pg_server.new_database("khac")
    pg_server.admin("CREATE TABLE danh_ba (ten text)", dbname=other)
    with pytest.raises(WorkspaceError) as ei:
        InspectionWorkspace.create(tmp_path / "dot-ba", mini_framework, 2026, trust_dirs["crl"],
                                   database_url=pg_server.url(other))
    assert "chương trình khác" in ei.value.vi
    with pytest.raises(WorkspaceError) as ei:
        db.open_database(pg_server.url(other))
    assert "không chứa đợt đánh giá" in ei.value.vi
