"""Nothing partial is ever stored: failures mid-import, cancel, and the store's streaming API."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import pytest

from cchc_desktop.core.errors import EvidenceError
from cchc_desktop.core.progress import CancelToken
from cchc_desktop.core.services.export import export_submission
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.services.inspection_import import ImportCancelled
from cchc_desktop.core.services.inspection_staging import StagingSink
from cchc_desktop.core.storage.evidence_store import EvidenceStore

from .helpers import snapshot


@pytest.fixture
def two_packages(agency_folder, open_agency, keys, tmp_path: Path) -> list[Path]:
    one = export_submission(open_agency(agency_folder()), tmp_path / "a.cchc", keys.a).package.path
    two = export_submission(open_agency(agency_folder("xa-hai", code="XA-002")), tmp_path / "b.cchc", keys.b).package.path
    return [one, two]


def test_failure_after_evidence_commit_rolls_everything_back(council, two_packages, monkeypatch) -> None:
    ws = council()
    before = snapshot(ws.folder)
    original = StagingSink.commit

    def commit_then_disk_full(self, shas, created):  # type: ignore[no-untyped-def]
        original(self, shas, created)
        assert created, "the files were renamed into the store before the failure"
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(StagingSink, "commit", commit_then_disk_full)
    [r, _] = ws.import_packages(two_packages)
    assert r.status == "refused" and r.codes == ("write_failed",) and "No space left on device" in r.reasons()[0]
    assert snapshot(ws.folder) == before  # no row, no evidence file, no temporary file


def test_a_bug_mid_transaction_leaves_nothing(council, two_packages, monkeypatch) -> None:
    ws = council()
    before = snapshot(ws.folder)
    original = StagingSink.commit

    def commit_then_bug(self, shas, created):  # type: ignore[no-untyped-def]
        original(self, shas, created)
        raise RuntimeError("bug")

    monkeypatch.setattr(StagingSink, "commit", commit_then_bug)
    with pytest.raises(RuntimeError):
        ws.import_packages(two_packages[:1])
    assert snapshot(ws.folder) == before


def test_cancel_keeps_finished_packages_and_nothing_of_the_current_one(council, two_packages) -> None:
    ws = council()
    token = CancelToken()
    seen: list[str] = []

    def progress(done: int, total: int, label: str = "") -> None:
        seen.append(label)
        if label.startswith("b.cchc: evidence/"):
            token.cancel()

    with pytest.raises(ImportCancelled) as exc:
        ws.import_packages(two_packages, progress=progress, cancel=token)
    assert [r.status for r in exc.value.results] == ["imported"]
    assert [p.agency_code for p in ws.packages()] == ["XA-001"]
    assert list((ws.folder / "evidence" / ".tmp").iterdir()) == []
    assert "Đã hủy" in exc.value.vi
    assert ws.import_packages(two_packages[1:])[0].status == "imported"  # and it can simply be run again


def test_leftover_temporary_files_are_removed_on_open(council) -> None:
    ws = council()
    folder = ws.folder
    ws.close()
    (folder / "evidence" / ".tmp" / "dang-do.part").write_bytes(b"half")
    InspectionWorkspace.open(folder).close()
    assert list((folder / "evidence" / ".tmp").iterdir()) == []


def test_stream_writer_commit_abort_and_hash_check(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    data = b"%PDF-1.4 streamed" * 1000
    sha = hashlib.sha256(data).hexdigest()
    w = store.open_stream()
    for i in range(0, len(data), 4096):
        w.write(data[i:i + 4096])
    assert not store.has(sha) and w.tmp_path.exists()
    assert w.commit(sha) is True
    assert store.path_of(sha).read_bytes() == data and not w.tmp_path.exists()
    again = store.open_stream()
    again.write(data)
    assert again.commit(sha) is False and not again.tmp_path.exists()  # stored once
    dropped = store.open_stream()
    dropped.write(b"never mind")
    dropped.abort()
    dropped.abort()
    assert list(store.tmp.iterdir()) == []
    wrong = store.open_stream()
    wrong.write(b"other bytes")
    with pytest.raises(EvidenceError):
        wrong.commit(sha)
    assert list(store.tmp.iterdir()) == [] and store.path_of(sha).read_bytes() == data
    limited = store.open_stream(max_bytes=10)
    with pytest.raises(EvidenceError):
        limited.write(b"x" * 11)
    limited.abort()
    assert list(store.tmp.iterdir()) == []


def test_disk_full_while_staging_evidence_is_reported_as_such(council, two_packages, monkeypatch) -> None:
    from cchc_desktop.core.storage import evidence_store

    def full(self, chunk):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(evidence_store.StreamWriter, "write", full)
    ws = council()
    before = snapshot(ws.folder)
    [r] = ws.import_packages(two_packages[:1])
    assert r.status == "refused" and r.codes == ("write_failed",)
    assert "No space left on device" in r.reasons()[0] and "giải phóng dung lượng" in r.reasons()[0]
    assert snapshot(ws.folder) == before
