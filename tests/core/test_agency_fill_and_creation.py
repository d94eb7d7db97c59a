"""Agency service: citations, reopening, creation refusals and the answers file (bulk fill)."""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.changes import Changes
from cchc_desktop.core.errors import EvidenceError, InvalidInput, UserFacingError, WorkspaceError
from cchc_desktop.core.framework.model import Framework
from cchc_desktop.core.services import answers_file
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.storage.records import Citation, parse_date

from ..conftest import fixed_clock
from .agency_views import reopen, rows, view

D = Decimal


# ------------------------------------------------------------------------------------- citations


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("15/01/2026", "2026-01-15"),
        ("5/1/2026", "2026-01-05"),
        ("05.01.2026", "2026-01-05"),
        ("5-1-2026", "2026-01-05"),
        ("2026-01-15", "2026-01-15"),
        ("29/02/2024", "2024-02-29"),
    ],
)
def test_dates_are_normalised_to_iso(typed: str, iso: str) -> None:
    assert parse_date(typed) == iso
    assert Citation(issue_date=f"  {typed} ").normalised().issue_date == iso


@pytest.mark.parametrize(
    "bad", ["31/02/2026", "29/02/2025", "2026-13-01", "15/01/26", "2026/01/15", "hôm qua", "00/01/2026"]
)
def test_invalid_dates_are_refused(bad: str) -> None:
    with pytest.raises(EvidenceError) as ei:
        parse_date(bad)
    assert "Ngày ban hành" in ei.value.vi


def test_update_citation_normalises_and_refuses_bad_dates(
    agency_ws: AgencyWorkspace, make_file, ws_snapshot
) -> None:
    ws = agency_ws
    ws.add_evidence("1.3", make_file("bc.pdf", b"report"))
    doc_id = ws.documents()[0].id
    decomposed = unicodedata.normalize("NFD", " Báo cáo ")
    typed = Citation(decomposed, "30/BC-UBND", "20.12.2025", "UBND xã", "kết quả CCHC")
    changes = ws.update_citation(doc_id, typed)
    assert changes == Changes(items=frozenset({"1.3"}), evidence=True)
    c = ws.document(doc_id).citation
    assert c == Citation("Báo cáo", "30/BC-UBND", "2025-12-20", "UBND xã", "kết quả CCHC")
    assert rows(ws, "SELECT doc_type, issue_date FROM evidence_documents") == [("Báo cáo", "2025-12-20")]

    before = ws_snapshot(ws)
    with pytest.raises(EvidenceError):
        ws.update_citation(doc_id, Citation("Báo cáo", issue_date="32/12/2025"))
    with pytest.raises(EvidenceError):
        ws.update_citation(doc_id + 1, Citation("Báo cáo"))
    assert ws_snapshot(ws) == before


@pytest.mark.parametrize(
    ("citation", "summary"),
    [
        (
            Citation("Quyết định", "3604/QĐ-UBND", "2026-01-15", "UBND xã An Bình", "ban hành Kế hoạch CCHC"),
            "Quyết định số 3604/QĐ-UBND ngày 15/01/2026 của UBND xã An Bình về ban hành Kế hoạch CCHC",
        ),
        (Citation("Kế hoạch", "", "2026-02-03"), "Kế hoạch ngày 03/02/2026"),
        (Citation("", "12/BC-UBND"), "12/BC-UBND"),
        (Citation(excerpt="Ảnh chụp bảng niêm yết"), "Ảnh chụp bảng niêm yết"),
        (Citation(issuer="Sở Nội vụ"), "của Sở Nội vụ"),
        (Citation(), ""),
    ],
)
def test_citation_summary(citation: Citation, summary: str) -> None:
    assert citation.summary() == summary


# ---------------------------------------------------------------------------------------- reopen


def test_reopening_gives_the_same_answers_score_evidence_and_last_item(
    agency_ws: AgencyWorkspace, make_file
) -> None:
    ws = agency_ws
    ws.set_value("1.1.1", "dung_han")
    ws.set_value("1.1.2", 72.5)
    ws.set_value("2.1", {"numerator": 95, "denominator": 100})
    ws.set_not_applicable("2.2", True, "Không phát sinh")
    ws.set_value("1.4", 1.5)
    ws.set_note("1.4", "Sáng kiến “Một cửa số”")
    qd = make_file("qd.pdf", b"qd")
    ws.add_evidence("1.1.1", qd, Citation("Quyết định", "1/QĐ", "1/1/2026"), pages="tr. 1-2")
    ws.link_evidence("1.4", ws.documents()[0].id)
    ws.set_value("T.1", 1)
    ws.set_last_item("1.4")
    expected, info, docs = view(ws), ws.info(), ws.documents()
    log = ws.change_log()
    ws = reopen(ws)
    try:
        assert view(ws) == expected
        assert ws.answers() == expected["answers"]
        assert ws.score() == expected["score"]
        assert ws.documents() == docs
        assert ws.info() == info
        assert ws.change_log() == log
        assert ws.last_item() == "1.4"
        assert ws.answer("1.1.2").value == D("72.5")
        assert info.agency_code == "XA-001" and info.year == 2026 and info.state == "draft"
    finally:
        ws.close()


def test_last_item_ignores_codes_no_longer_in_the_framework(agency_ws: AgencyWorkspace) -> None:
    assert agency_ws.last_item() is None
    agency_ws.set_last_item("2.2")
    assert agency_ws.last_item() == "2.2"
    agency_ws.set_last_item("9.9.9")
    assert agency_ws.last_item() is None
    assert rows(agency_ws, "SELECT value FROM meta WHERE key = 'last_item'") == [("9.9.9",)]


# -------------------------------------------------------------------------------------- creation


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_creating_in_a_non_empty_folder_is_refused_and_changes_nothing(
    tmp_path: Path, mini_framework: Framework
) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "bao-cao.docx").write_bytes(b"user data")
    with pytest.raises(WorkspaceError) as ei:
        AgencyWorkspace.create(folder, mini_framework, "XA-002", "UBND xã B", clock=fixed_clock)
    assert "không trống" in ei.value.vi
    assert _tree(folder) == {"bao-cao.docx": b"user data"}


def test_creating_over_an_existing_workspace_is_refused_and_changes_nothing(
    agency_ws: AgencyWorkspace, mini_framework: Framework
) -> None:
    agency_ws.set_value("1.3", True)
    expected = view(agency_ws)
    agency_ws.close()
    before = _tree(agency_ws.folder)
    with pytest.raises(WorkspaceError) as ei:
        AgencyWorkspace.create(agency_ws.folder, mini_framework, "XA-003", "UBND xã C", clock=fixed_clock)
    assert "đã là một không gian làm việc" in ei.value.vi
    assert _tree(agency_ws.folder) == before
    with AgencyWorkspace.open(agency_ws.folder, clock=fixed_clock, actor="test") as ws:
        assert view(ws) == expected
        assert ws.info().agency_code == "XA-001"


@pytest.mark.parametrize("code", ["XA/01", "XA\\01", "", "   ", "X" * 65])
def test_a_bad_agency_code_is_refused_before_anything_is_created(
    tmp_path: Path, mini_framework: Framework, code: str
) -> None:
    with pytest.raises(WorkspaceError) as ei:
        AgencyWorkspace.create(tmp_path / "new", mini_framework, code, "UBND xã D", clock=fixed_clock)
    assert "Mã cơ quan" in ei.value.vi
    assert not (tmp_path / "new").exists()


def test_a_framework_for_another_year_is_refused(tmp_path: Path, mini_framework: Framework) -> None:
    with pytest.raises(WorkspaceError) as ei:
        AgencyWorkspace.create(
            tmp_path / "new", mini_framework, "XA-004", "UBND xã E", year=2025, clock=fixed_clock
        )
    assert "2026" in ei.value.vi and "2025" in ei.value.vi
    assert not (tmp_path / "new").exists()


def test_an_empty_agency_name_is_refused(tmp_path: Path, mini_framework: Framework) -> None:
    with pytest.raises(WorkspaceError):
        AgencyWorkspace.create(tmp_path / "new", mini_framework, "XA-005", "  ", clock=fixed_clock)
    assert not (tmp_path / "new").exists()


def test_creating_in_an_existing_empty_folder_works(tmp_path: Path, mini_framework: Framework) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    with AgencyWorkspace.create(
        folder, mini_framework, " XA-006 ", "UBND xã F", clock=fixed_clock, actor="test"
    ) as ws:
        assert ws.info().agency_code == "XA-006"
        assert ws.info().framework_sha256 == mini_framework.sha256
        assert ws.answers() == {} and ws.change_log() == []
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("workspace.sqlite-"))
    assert names == ["evidence", "workspace.sqlite"]


# ---------------------------------------------------------------------------------- answers file


def write_answers(folder: Path, answers: dict[str, Any], name: str = "answers.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    doc = {"format": "cchc-answers", "format_version": 1, "answers": answers}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_fill_is_all_or_nothing_when_the_last_entry_is_bad(
    agency_ws: AgencyWorkspace, tmp_path: Path, ws_snapshot
) -> None:
    ws = agency_ws
    ws.set_value("1.4", 1)
    folder = tmp_path / "import"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "kh.pdf").write_bytes(b"plan")
    path = write_answers(
        folder,
        {
            "1.1.1": {"value": "dung_han", "evidence": [{"file": "docs/kh.pdf", "doc_type": "Kế hoạch"}]},
            "1.3": {"value": True, "note": "Có"},
            "2.2": {"not_applicable": True, "reason": "Không phát sinh"},
            "1.4": {"value": 3},  # above the max of 2: the last entry is bad
        },
    )
    before = ws_snapshot(ws)
    with pytest.raises(InvalidInput) as ei:
        answers_file.fill(ws, path)
    assert "1.4" in ei.value.vi and "vượt điểm tối đa" in ei.value.vi
    assert ws_snapshot(ws) == before
    ws = reopen(ws)
    try:
        after = ws_snapshot(ws)
        assert after.pop("undo") == (None, None)  # undo stacks live per session
        before.pop("undo")
        assert after == before
    finally:
        ws.close()


BAD_FILL_ENTRIES = [
    ({"1.3": {"value": True, "valeu": 1}}, InvalidInput, "khóa không hỗ trợ: valeu"),
    ({"1.9": {"value": True}}, InvalidInput, "“1.9”"),
    ({"3.1": {"value": 4}}, InvalidInput, "điều tra xã hội học"),
    ({"1.3": {"not_applicable": True, "reason": "x"}}, InvalidInput, "không cho phép"),
    (
        {"2.1": {"not_applicable": True, "value": {"numerator": 1, "denominator": 1}}},
        InvalidInput,
        "vừa có giá trị",
    ),
    ({"1.3": True}, InvalidInput, "phải là một đối tượng"),
    ({"1.3": {"evidence": [{"pages": "1"}]}}, InvalidInput, "“file”"),
    ({"1.3": {"evidence": [{"file": "missing.pdf"}]}}, EvidenceError, "missing.pdf"),
    ({"1.3": {"evidence": [{"file": "empty.pdf"}]}}, EvidenceError, "rỗng"),
    ({"1.3": {"evidence": [{"file": "ok.pdf", "issue_date": "30/02/2026"}]}}, EvidenceError, "tồn tại"),
]


def test_fill_refuses_bad_entries_and_changes_nothing(
    agency_ws: AgencyWorkspace, tmp_path: Path, ws_snapshot
) -> None:
    folder = tmp_path / "import"
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "ok.pdf").write_bytes(b"ok")
    before = ws_snapshot(agency_ws)
    for entry, error, message in BAD_FILL_ENTRIES:
        # A good entry with evidence first: the bad one must keep it from being applied.
        path = write_answers(folder, {"1.4": {"value": 2, "evidence": [{"file": "ok.pdf"}]}, **entry})
        with pytest.raises(error) as ei:
            answers_file.fill(agency_ws, path)
        assert message in ei.value.vi, (entry, ei.value.vi)
        assert ws_snapshot(agency_ws) == before, entry


def test_fill_refuses_files_that_are_not_answers_files(
    agency_ws: AgencyWorkspace, tmp_path: Path, ws_snapshot
) -> None:
    before = ws_snapshot(agency_ws)
    cases = {
        "syntax.json": b'{"format": "cchc-answers",',
        "latin1.json": "{\"a\": \"ử\"}".encode("utf-16"),
        "other.json": b'{"format": "something-else", "format_version": 1, "answers": {}}',
        "version.json": b'{"format": "cchc-answers", "format_version": 2, "answers": {}}',
        "list.json": b'{"format": "cchc-answers", "format_version": 1, "answers": []}',
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(UserFacingError):
            answers_file.fill(agency_ws, tmp_path / name)
    with pytest.raises(UserFacingError):
        answers_file.fill(agency_ws, tmp_path / "absent.json")
    assert ws_snapshot(agency_ws) == before


def test_fill_applies_everything_with_evidence_deduplicated(
    agency_ws: AgencyWorkspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = agency_ws
    folder = tmp_path / "import"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "kh.pdf").write_bytes(b"the plan")
    (folder / "docs" / "kh-copy.pdf").write_bytes(b"the plan")  # same bytes, other name
    (folder / "anh.jpg").write_bytes(b"\xff\xd8photo")
    path = write_answers(
        folder,
        {
            "1.1.1": {
                "value": "dung_han",
                "evidence": [
                    {
                        "file": "docs/kh.pdf",
                        "doc_type": "Kế hoạch",
                        "number_symbol": "01/KH-UBND",
                        "issue_date": "10/01/2026",
                        "pages": "tr. 1",
                    }
                ],
            },
            "1.1.2": {"value": 91},
            "1.2": {"value": 1, "note": "Chậm 1 báo cáo quý"},
            "1.3": {
                "value": True,
                # the same bytes under another name, and an absolute path
                "evidence": [{"file": "docs/kh-copy.pdf"}, {"file": str(folder / "anh.jpg")}],
            },
            "1.4": {"value": "1,5"},
            "2.1": {"value": {"numerator": 18, "denominator": 20}},
            "2.2": {"not_applicable": True, "reason": "Không phát sinh khiếu nại"},
            "2.3": {"note": "Đoàn kiểm tra tháng 5", "evidence": [{"file": "docs/kh.pdf"}]},
            "T.1": {"value": 0.5},
        },
    )
    other = tmp_path / "elsewhere"
    other.mkdir()
    monkeypatch.chdir(other)  # relative paths are relative to the answers file, not the cwd

    changes = answers_file.fill(ws, path)

    assert changes.items == {"1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "T.1"}
    assert changes.evidence and changes.score
    sheet = ws.score()
    points = {c: sheet.node(c).points for c in ("1.1.1", "1.1.2", "1.2", "1.3", "1.4", "2.1", "2.2")}
    assert points == {"1.1.1": 1, "1.1.2": 1, "1.2": D("0.75"), "1.3": 1, "1.4": D("1.5"), "2.1": 2, "2.2": 1}
    assert (sheet.bonus, sheet.final_points, sheet.answered, sheet.to_answer) == (D("0.5"), D("8.75"), 7, 7)
    assert ws.answer("2.2").na_reason == "Không phát sinh khiếu nại"
    assert ws.answer("1.2").note == "Chậm 1 báo cáo quý"
    assert ws.answer("2.3").note == "Đoàn kiểm tra tháng 5"

    assert rows(ws, "SELECT COUNT(*) FROM evidence_files") == [(2,)]
    docs = ws.documents()
    assert [d.file_name for d in docs] == ["kh.pdf", "anh.jpg"]
    assert docs[0].citation == Citation("Kế hoạch", "01/KH-UBND", "2026-01-10")
    assert docs[0].links == (("1.1.1", "tr. 1"), ("1.3", ""), ("2.3", ""))
    assert ws.store.path_of(docs[0].sha256).read_bytes() == b"the plan"
    assert ws.store.path_of(docs[1].sha256).read_bytes() == b"\xff\xd8photo"
    counts = {c: ws.answer(c).evidence_count for c in ("1.1.1", "1.3", "2.3")}
    assert counts == {"1.1.1": 1, "1.3": 2, "2.3": 1}
    assert list((ws.folder / "evidence" / ".tmp").iterdir()) == []
    log = ws.change_log()
    assert sum(e.action == "fill" for e in log) == 9
    assert sum(e.action == "link_evidence" for e in log) == 4
    assert {e.actor for e in log} == {"test"}

    # What was filled is on disk, and a second run of the same file changes nothing.
    expected = view(ws)
    ws = reopen(ws)
    try:
        assert view(ws) == expected
        n = len(ws.change_log())
        answers_file.fill(ws, path)
        assert view(ws) == expected
        assert len(ws.change_log()) == n
    finally:
        ws.close()


def test_fill_can_clear_a_value_and_attach_evidence_only(agency_ws: AgencyWorkspace, tmp_path: Path) -> None:
    agency_ws.set_value("1.4", 2)
    agency_ws.set_note("1.4", "giữ")
    (tmp_path / "x.pdf").write_bytes(b"x")
    path = write_answers(tmp_path, {"1.4": {"value": None}, "1.3": {"evidence": [{"file": "x.pdf"}]}})
    answers_file.fill(agency_ws, path)
    assert agency_ws.answer("1.4").value is None and agency_ws.answer("1.4").note == "giữ"
    assert agency_ws.answer("1.3").value is None and agency_ws.answer("1.3").evidence_count == 1


def test_fill_does_not_leave_stale_undo_or_redo_steps(agency_ws: AgencyWorkspace, tmp_path: Path) -> None:
    """Regression: steps recorded before a fill used to replay over the filled values."""
    ws = agency_ws
    ws.set_value("1.4", 1)
    ws.set_value("1.4", 0.5)  # a stale undo would set 1.4 back to 1
    ws.set_value("1.3", True)
    ws.undo()  # a stale redo would set 1.3 to True again
    answers_file.fill(ws, write_answers(tmp_path, {"1.3": {"value": False}, "1.4": {"value": 2}}))
    ws.undo()
    # Either the fill was undone as a whole (0.5) or there was nothing left to undo (2).
    assert ws.answer("1.4").value in (D("0.5"), D(2))
    ws.redo()
    assert (ws.answer("1.3").value, ws.answer("1.4").value) == (False, D(2))


def test_fill_refuses_unknown_keys_in_evidence_entries(
    agency_ws: AgencyWorkspace, tmp_path: Path, ws_snapshot
) -> None:
    """Regression: a typo such as "date" for "issue_date" used to be ignored silently."""
    (tmp_path / "qd.pdf").write_bytes(b"qd")
    path = write_answers(tmp_path, {"1.3": {"evidence": [{"file": "qd.pdf", "date": "15/01/2026"}]}})
    before = ws_snapshot(agency_ws)
    with pytest.raises(InvalidInput):
        answers_file.fill(agency_ws, path)
    assert ws_snapshot(agency_ws) == before


def test_fill_logs_each_new_document_like_add_evidence(agency_ws: AgencyWorkspace, tmp_path: Path) -> None:
    """Regression: documents created by a fill used to have no add_document row in the log."""
    (tmp_path / "qd.pdf").write_bytes(b"qd")
    path = write_answers(tmp_path, {"1.3": {"evidence": [{"file": "qd.pdf", "doc_type": "Quyết định"}]}})
    answers_file.fill(agency_ws, path)
    log = agency_ws.change_log()
    added = [e for e in log if e.action == "add_document"]
    assert len(added) == 1
    assert json.loads(added[0].new_json)["sha256"] == agency_ws.documents()[0].sha256
