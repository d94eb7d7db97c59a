"""The storage layer on real SQLite files: pragmas, migrations, the append-only change log and the
content-addressed evidence store (streaming, refusals that change nothing, cancel, crash leftovers).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cchc_desktop.core.errors import EvidenceError, InvalidInput, UserFacingError, WorkspaceError
from cchc_desktop.core.progress import Cancelled, CancelToken
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.storage import db
from cchc_desktop.core.storage.evidence_store import CHUNK, EvidenceStore

from ..conftest import FIXED_NOW, fixed_clock

ROOT = Path(__file__).resolve().parents[2]


def raw(ws: AgencyWorkspace) -> sqlite3.Connection:
    """A plain sqlite3 connection, independent of the workspace's engine."""
    return sqlite3.connect(ws.folder / "workspace.sqlite")


def count(ws: AgencyWorkspace, table: str) -> int:
    con = raw(ws)
    try:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
    finally:
        con.close()


def tmp_files(ws: AgencyWorkspace) -> list[str]:
    return sorted(p.name for p in (ws.folder / "evidence" / ".tmp").iterdir())


# ---------------------------------------------------------------------------------------- database


def test_new_workspace_connections_are_wal_with_foreign_keys_and_full_sync(
    agency_ws: AgencyWorkspace,
) -> None:
    with agency_ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    # WAL is a property of the file: any other program opening it sees it too.
    con = raw(agency_ws)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


def test_foreign_keys_are_enforced_on_engine_connections(agency_ws: AgencyWorkspace) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with agency_ws.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO evidence_links (document_id, item_code, pages) VALUES (999, '1.3', '')"
            )
    assert count(agency_ws, "evidence_links") == 0


def test_schema_is_at_head_and_head_matches_the_migration_scripts(agency_ws: AgencyWorkspace) -> None:
    from alembic.script import ScriptDirectory

    con = raw(agency_ws)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(db.HEAD_REVISION,)]
    finally:
        con.close()
    assert db.current_revision(agency_ws.engine) == db.HEAD_REVISION
    # Whoever adds a migration must bump HEAD_REVISION, or up-to-date workspaces would be
    # "migrated" on every open (and Alembic imported at start-up).
    script = ScriptDirectory(str(db.MIGRATIONS_DIR))
    assert script.get_heads() == [db.HEAD_REVISION]


def test_opening_an_up_to_date_workspace_does_not_import_alembic(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_value("1.3", True)
    agency_ws.close()
    code = textwrap.dedent(
        f"""
        import sys
        from cchc_desktop.core.services.agency import AgencyWorkspace
        ws = AgencyWorkspace.open({str(agency_ws.folder)!r}, actor="probe")
        assert ws.answer("1.3").value is True
        ws.close()
        loaded = sorted(m for m in sys.modules if m == "alembic" or m.startswith("alembic."))
        print("ALEMBIC:" + ",".join(loaded))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stderr
    assert "ALEMBIC:\n" in out.stdout, f"alembic was imported: {out.stdout}"


def test_a_garbage_file_named_like_the_database_is_refused_in_vietnamese(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    garbage = bytes(range(256)) * 64
    (folder / "workspace.sqlite").write_bytes(garbage)

    with pytest.raises(WorkspaceError) as ei:
        AgencyWorkspace.open(folder)
    assert "không phải là cơ sở dữ liệu hợp lệ" in ei.value.vi
    assert "workspace.sqlite" in ei.value.vi
    assert ei.value.en != ei.value.vi
    # Refusing it must not touch it.
    assert (folder / "workspace.sqlite").read_bytes() == garbage

    with pytest.raises(WorkspaceError):
        db.open_database(folder / "workspace.sqlite")


def test_opening_a_missing_database_is_refused_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as ei:
        db.open_database(tmp_path / "workspace.sqlite")
    assert "Không tìm thấy" in ei.value.vi
    assert list(tmp_path.iterdir()) == []

    with pytest.raises(WorkspaceError) as ei:
        AgencyWorkspace.open(tmp_path)
    assert "chưa phải là không gian làm việc" in ei.value.vi
    assert list(tmp_path.iterdir()) == []


def test_a_workspace_from_a_newer_schema_is_refused_unchanged(agency_ws: AgencyWorkspace) -> None:
    agency_ws.close()
    con = raw(agency_ws)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    tables_before = con.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()
    con.close()

    with pytest.raises(WorkspaceError) as ei:
        AgencyWorkspace.open(agency_ws.folder)
    assert "phiên bản mới hơn" in ei.value.vi and "9999" in ei.value.vi

    con = raw(agency_ws)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]
        assert con.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall() == tables_before
    finally:
        con.close()


def test_a_foreign_sqlite_database_is_refused_without_being_changed(tmp_path: Path) -> None:
    """Regression: open_database used to run the migrations on any SQLite file without alembic_version."""
    folder = tmp_path / "other"
    folder.mkdir()
    con = sqlite3.connect(folder / "workspace.sqlite")
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.execute("INSERT INTO contacts VALUES ('Nguyễn Văn A')")
    con.commit()
    con.close()

    with pytest.raises(WorkspaceError):
        AgencyWorkspace.open(folder)

    con = sqlite3.connect(folder / "workspace.sqlite")
    try:
        found = con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        names = [r[0] for r in found]
    finally:
        con.close()
    assert names == ["contacts"]


BROKEN_MIGRATION = '''"""A migration that fails half-way (test only)."""
from alembic import op
import sqlalchemy as sa

revision = "{rev}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("assessment_notes", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("meta", sa.Column("extra", sa.Text(), nullable=True))
    raise RuntimeError("migration failed half-way")


def downgrade():
    pass
'''


def test_a_migration_that_fails_half_way_leaves_the_schema_as_it_was(
    agency_ws: AgencyWorkspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    next_rev = f"{int(db.HEAD_REVISION) + 1:04d}"
    (migrations / "versions" / f"{next_rev}_broken.py").write_text(
        BROKEN_MIGRATION.format(rev=next_rev, down=db.HEAD_REVISION), encoding="utf-8"
    )
    monkeypatch.setattr(db, "MIGRATIONS_DIR", migrations)

    def schema() -> list[tuple[str, str]]:
        con = raw(agency_ws)
        try:
            return con.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        finally:
            con.close()

    before = schema()
    with pytest.raises(RuntimeError, match="half-way"):
        db.upgrade(agency_ws.engine)
    assert db.current_revision(agency_ws.engine) == db.HEAD_REVISION
    assert schema() == before


def test_integrity_check_is_ok_after_edits(agency_ws: AgencyWorkspace, make_file) -> None:
    agency_ws.set_value("1.4", 1.5)
    agency_ws.add_evidence("1.4", make_file("qd.pdf"))
    assert db.integrity_ok(agency_ws.engine)
    con = raw(agency_ws)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_an_edit_is_on_disk_when_the_call_returns(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_value("1.2", 3)
    con = raw(agency_ws)  # another connection, as another process would see it
    try:
        rows = con.execute("SELECT item_code, value_json FROM answers").fetchall()
    finally:
        con.close()
    assert rows == [("1.2", "3")]


def test_a_committed_edit_survives_a_killed_process(agency_ws: AgencyWorkspace) -> None:
    agency_ws.close()
    code = textwrap.dedent(
        f"""
        import os, signal
        from cchc_desktop.core.services.agency import AgencyWorkspace
        ws = AgencyWorkspace.open({str(agency_ws.folder)!r}, actor="killed")
        ws.set_value("1.4", 2)
        ws.set_note("1.4", "Sáng kiến được công nhận")
        os.kill(os.getpid(), signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode != 0  # it really was killed, not closed
    with AgencyWorkspace.open(agency_ws.folder, clock=fixed_clock, actor="test") as ws:
        assert str(ws.answer("1.4").value) == "2"
        assert ws.answer("1.4").note == "Sáng kiến được công nhận"
        assert [e.actor for e in ws.change_log("1.4")] == ["killed", "killed"]
        assert db.integrity_ok(ws.engine)


# -------------------------------------------------------------------------------------- change log


def test_change_log_refuses_update_and_delete_through_a_raw_connection(agency_ws: AgencyWorkspace) -> None:
    agency_ws.set_value("1.3", True)
    con = raw(agency_ws)
    try:
        before = con.execute("SELECT * FROM change_log").fetchall()
        assert len(before) == 1
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("UPDATE change_log SET actor = 'someone else'")
        con.rollback()
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("DELETE FROM change_log")
        con.rollback()
        assert con.execute("SELECT * FROM change_log").fetchall() == before
    finally:
        con.close()
    # Appending still works.
    agency_ws.set_value("1.3", False)
    assert count(agency_ws, "change_log") == 2


def _json(text: str | None):
    return None if text is None else json.loads(text)


def test_every_edit_adds_exactly_one_log_row_with_actor_action_and_old_new_json(
    agency_ws: AgencyWorkspace, make_file
) -> None:
    ws = agency_ws
    stamp = FIXED_NOW.isoformat(timespec="milliseconds")

    def one_new_row(action, code, old, new) -> None:
        log = ws.change_log()
        assert len(log) == n + 1, [e.action for e in log[n:]]
        e = log[-1]
        assert (e.actor, e.at, e.action, e.item_code) == ("test", stamp, action, code)
        assert (_json(e.old_json), _json(e.new_json)) == (old, new)

    empty = {"value_json": None, "not_applicable": False, "na_reason": "", "note": ""}

    n = len(ws.change_log())
    assert n == 0
    ws.set_value("1.3", True)
    one_new_row("edit", "1.3", empty, {**empty, "value_json": "true"})

    n = len(ws.change_log())
    ws.set_note("1.3", "Có kế hoạch tuyên truyền")
    yes = {**empty, "value_json": "true"}
    one_new_row("edit", "1.3", yes, {**yes, "note": "Có kế hoạch tuyên truyền"})

    na = {**empty, "not_applicable": True, "na_reason": "Không phát sinh hồ sơ"}
    n = len(ws.change_log())
    ws.set_not_applicable("2.1", True, "Không phát sinh hồ sơ")
    one_new_row("edit", "2.1", empty, na)

    n = len(ws.change_log())
    ws.undo()
    one_new_row("undo", "2.1", na, empty)

    n = len(ws.change_log())
    ws.redo()
    one_new_row("redo", "2.1", empty, na)

    # A new file: the document and its first link are two log rows.
    n = len(ws.change_log())
    ws.add_evidence("1.3", make_file("kh.pdf"), pages="tr. 1")
    log = ws.change_log()
    assert [e.action for e in log[n:]] == ["add_document", "link_evidence"]
    doc = ws.documents()[0]
    assert _json(log[n].new_json)["sha256"] == doc.sha256
    assert _json(log[n + 1].new_json) == {"document": doc.id, "pages": "tr. 1"}

    n = len(ws.change_log())
    ws.link_evidence("1.4", doc.id, "tr. 2")
    one_new_row("link_evidence", "1.4", None, {"document": doc.id, "pages": "tr. 2"})

    n = len(ws.change_log())
    ws.unlink_evidence("1.4", doc.id)
    one_new_row("unlink_evidence", "1.4", {"document": doc.id, "pages": "tr. 2"}, None)

    from cchc_desktop.core.storage.records import Citation

    n = len(ws.change_log())
    ws.update_citation(doc.id, Citation(doc_type="Kế hoạch", number_symbol="05/KH-UBND"))
    log = ws.change_log()
    assert len(log) == n + 1 and log[-1].action == "edit_citation" and log[-1].item_code is None
    assert _json(log[-1].new_json)["number_symbol"] == "05/KH-UBND"
    assert _json(log[-1].old_json)["number_symbol"] == ""

    # An edit that changes nothing writes nothing.
    n = len(ws.change_log())
    ws.set_value("1.3", True)
    ws.update_citation(doc.id, Citation(doc_type="Kế hoạch", number_symbol="05/KH-UBND"))
    assert len(ws.change_log()) == n
    assert count(ws, "change_log") == n


# ---------------------------------------------------------------------------------- evidence store


def test_same_bytes_under_two_names_are_stored_once_by_sha256(agency_ws: AgencyWorkspace, make_file) -> None:
    data = b"%PDF-1.4\nQuyet dinh ban hanh ke hoach CCHC\n" * 100
    a = make_file("a/quyet-dinh.pdf", data)
    b = make_file("b/ban-sao.pdf", data)
    sha = hashlib.sha256(data).hexdigest()

    agency_ws.add_evidence("1.1.1", a)
    agency_ws.add_evidence("1.3", b)

    stored = agency_ws.folder / "evidence" / sha[:2] / sha
    assert stored.read_bytes() == data
    files = [p for p in (agency_ws.folder / "evidence").rglob("*") if p.is_file()]
    assert files == [stored]
    assert count(agency_ws, "evidence_files") == 1
    assert count(agency_ws, "evidence_documents") == 1
    assert count(agency_ws, "evidence_links") == 2
    (doc,) = agency_ws.documents()
    assert (doc.sha256, doc.size, doc.file_name) == (sha, len(data), "quyet-dinh.pdf")
    assert doc.media_type == "application/pdf"
    assert agency_ws.evidence_path(doc.id) == stored
    assert agency_ws.evidence_bytes() == len(data)
    assert agency_ws.store.verify(sha)


def test_a_large_file_is_streamed_in_chunks_with_progress(agency_ws: AgencyWorkspace, make_file) -> None:
    data = hashlib.sha256(b"seed").digest() * (5 * 1024 * 1024 // 32)  # 5 MiB
    src = make_file("scan.pdf", data)
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, label: str = "") -> None:
        calls.append((done, total, label))

    agency_ws.add_evidence("1.4", src, progress=progress)

    assert len(calls) == -(-len(data) // CHUNK) > 1
    assert [c[0] for c in calls] == sorted({c[0] for c in calls})  # strictly increasing
    assert all(c[0] - p[0] <= CHUNK for p, c in zip([(0, 0, "")] + calls, calls))
    assert calls[-1] == (len(data), len(data), "scan.pdf")
    sha = hashlib.sha256(data).hexdigest()
    assert agency_ws.store.path_of(sha).read_bytes() == data
    assert tmp_files(agency_ws) == []


def test_an_empty_file_is_refused_and_nothing_is_stored(
    agency_ws: AgencyWorkspace, make_file, ws_snapshot
) -> None:
    agency_ws.add_evidence("1.3", make_file("ok.pdf"))
    before = ws_snapshot(agency_ws)
    with pytest.raises(EvidenceError) as ei:
        agency_ws.add_evidence("1.3", make_file("rong.pdf", b""))
    assert "rỗng" in ei.value.vi and "rong.pdf" in ei.value.vi
    assert ws_snapshot(agency_ws) == before
    assert tmp_files(agency_ws) == []


def test_a_folder_or_a_missing_path_is_refused_and_nothing_changes(
    agency_ws: AgencyWorkspace, tmp_path: Path, ws_snapshot
) -> None:
    before = ws_snapshot(agency_ws)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(EvidenceError) as ei:
        agency_ws.add_evidence("1.3", folder)
    assert "không phải là một tệp" in ei.value.vi
    with pytest.raises(EvidenceError) as ei:
        agency_ws.add_evidence("1.3", tmp_path / "khong-co.pdf")
    assert "Không đọc được" in ei.value.vi and "khong-co.pdf" in ei.value.vi
    assert ws_snapshot(agency_ws) == before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root (or Windows) can read a chmod 000 file"
)
def test_an_unreadable_file_is_refused_and_nothing_changes(
    agency_ws: AgencyWorkspace, make_file, ws_snapshot
) -> None:
    src = make_file("bi-khoa.pdf")
    src.chmod(0)
    try:
        before = ws_snapshot(agency_ws)
        with pytest.raises(EvidenceError):
            agency_ws.add_evidence("1.3", src)
        assert ws_snapshot(agency_ws) == before
    finally:
        src.chmod(0o600)


def test_a_file_over_the_configured_limit_is_refused_and_nothing_changes(
    agency_ws: AgencyWorkspace, make_file, ws_snapshot
) -> None:
    agency_ws.set_evidence_limit(1000)
    assert agency_ws.evidence_limit == 1000
    before = ws_snapshot(agency_ws)
    with pytest.raises(EvidenceError) as ei:
        agency_ws.add_evidence("1.3", make_file("lon.pdf", b"x" * 1001))
    assert "vượt giới hạn" in ei.value.vi and "lon.pdf" in ei.value.vi
    assert ws_snapshot(agency_ws) == before

    agency_ws.add_evidence("1.3", make_file("vua.pdf", b"y" * 1000))  # exactly the limit is fine
    assert agency_ws.answer("1.3").evidence_count == 1


def test_the_evidence_limit_is_validated_and_persists(agency_ws: AgencyWorkspace, ws_snapshot) -> None:
    before = ws_snapshot(agency_ws)
    for bad in (0, -1):
        with pytest.raises(InvalidInput):
            agency_ws.set_evidence_limit(bad)
    assert ws_snapshot(agency_ws) == before
    agency_ws.set_evidence_limit(123_456)
    agency_ws.close()
    with AgencyWorkspace.open(agency_ws.folder, clock=fixed_clock, actor="test") as ws:
        assert ws.evidence_limit == 123_456


def test_cancel_mid_copy_leaves_no_temporary_file_and_no_row(
    agency_ws: AgencyWorkspace, make_file, ws_snapshot
) -> None:
    data = b"z" * (3 * CHUNK + 7)
    src = make_file("dai.pdf", data)
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int, label: str = "") -> None:
        seen.append(done)
        token.cancel()  # the user presses Cancel after the first chunk

    before = ws_snapshot(agency_ws)
    with pytest.raises(Cancelled) as ei:
        agency_ws.add_evidence("1.3", src, progress=progress, cancel=token)
    assert isinstance(ei.value, UserFacingError) and "hủy" in ei.value.vi
    assert seen == [CHUNK]  # it really was mid-copy
    assert ws_snapshot(agency_ws) == before
    assert tmp_files(agency_ws) == []
    assert not agency_ws.store.has(hashlib.sha256(data).hexdigest())


def test_leftover_part_files_are_removed_on_the_next_open(agency_ws: AgencyWorkspace, make_file) -> None:
    agency_ws.add_evidence("1.3", make_file("giu-lai.pdf", b"keep me"))
    sha = agency_ws.documents()[0].sha256
    agency_ws.close()
    tmp = agency_ws.folder / "evidence" / ".tmp"
    (tmp / "0123456789abcdef.part").write_bytes(b"half a file from a crash")
    (tmp / "fedcba9876543210.part").write_bytes(b"")

    with AgencyWorkspace.open(agency_ws.folder, clock=fixed_clock, actor="test") as ws:
        assert list(tmp.iterdir()) == []
        assert ws.store.path_of(sha).read_bytes() == b"keep me"
        assert ws.answer("1.3").evidence_count == 1


def test_store_verify_detects_a_damaged_file(tmp_path: Path, make_file) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    sf = store.add(make_file("a.png", b"\x89PNG data"), max_bytes=1 << 20)
    assert sf.media_type == "image/png" and sf.size == 9
    assert store.verify(sf.sha256)
    store.path_of(sf.sha256).write_bytes(b"\x89PNG dat4")
    assert not store.verify(sf.sha256)
    assert not store.verify("0" * 64)
