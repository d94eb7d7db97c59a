"""A full disk: attach, export and import onto a small filesystem the test mounts itself.

Each test mounts a 2 MiB tmpfs (`mount -t tmpfs -o size=2m`) in its own temporary folder and always
unmounts it at teardown.  Mounting needs root (CAP_SYS_ADMIN): without it the tests are skipped with
that reason, and only then.

- attaching evidence until the disk is full: a clear "Ổ đĩa đã đầy" message, the workspace intact
  (integrity_check ok, answers and evidence unchanged, no temporary file left, before or after reopening);
- exporting onto a full disk: a clear message, no file under the final name, no `.part` left, the
  submissions table unchanged (the next export is still submission 1);
- importing onto a full disk: refused with a clear message, nothing half-imported (every row and file
  as before); with more room the same package imports whole;
- at every level of free space around what an edit, an attachment or an import needs (so that the
  database itself, not only the evidence copy, hits the full disk): the operation either completes
  or changes nothing.  Whether it then SAYS the disk is full is a separate, currently failing test.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.errors import EvidenceError, UserFacingError
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.export import export_submission
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.storage.db import integrity_ok
from cchc_desktop.core.storage.records import Citation

from ..conftest import TEST_ACTOR, fixed_clock
from ..inspection.helpers import snapshot

PAGE = 4096
DISK_FULL_VI = "Ổ đĩa đã đầy"


class SmallDisk:
    """A mounted tmpfs of a few MiB; `leave(n)` fills it so that only n bytes stay free."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / ".lap-day"

    def free(self) -> int:
        st = os.statvfs(self.root)
        return st.f_bavail * st.f_frsize

    def leave(self, n: int) -> None:
        self.filler.unlink(missing_ok=True)
        want = self.free() - n
        if want > 0:
            with open(self.filler, "wb") as fh:
                os.posix_fallocate(fh.fileno(), 0, want)

    def unfill(self) -> None:
        self.filler.unlink(missing_ok=True)

    def grow(self, size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(self.root)], check=True, capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    if not sys.platform.startswith("linux"):
        pytest.skip("the disk-full tests mount a tmpfs: Linux only")
    if os.geteuid() != 0:
        pytest.skip("mounting a size-limited tmpfs needs root (CAP_SYS_ADMIN); these tests run as root only")
    mnt = tmp_path / "o-dia-nho"
    mnt.mkdir()
    try:
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", str(mnt)],
                           check=False, capture_output=True, text=True, timeout=30)
    except FileNotFoundError:
        pytest.skip("no `mount` command here")
    if r.returncode != 0:
        err = (r.stderr or r.stdout).strip()
        if any(w in err.lower() for w in ("permission denied", "not permitted", "must be superuser", "only root")):
            pytest.skip(f"mounting a tmpfs is not permitted here: {err}")
        pytest.fail(f"mount -t tmpfs failed: {err}")
    try:
        yield SmallDisk(mnt)
    finally:
        done = subprocess.run(["umount", str(mnt)], check=False, capture_output=True, text=True, timeout=30)
        if done.returncode != 0:  # something still open (a failed test): detach it anyway
            subprocess.run(["umount", "-l", str(mnt)], check=False, capture_output=True, timeout=30)


def rows(folder: Path) -> dict[str, list[Any]]:
    con = sqlite3.connect(folder / "workspace.sqlite")
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in sorted(tables)}
    finally:
        con.close()


def memory(ws: AgencyWorkspace) -> dict[str, Any]:
    codes = [i.code for i in ws.framework.walk()]
    return {"answers": ws.answers(), "states": {c: ws.state_of(c) for c in codes},
            "evidence": {c: ws.evidence_for(c) for c in codes}, "score": ws.score()}


def temp_files(folder: Path) -> list[Path]:
    tmp = folder / "evidence" / ".tmp"
    return sorted(tmp.iterdir()) if tmp.is_dir() else []


def random_pdf(path: Path, size: int, seed: int) -> Path:
    import random

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n" + random.Random(seed).randbytes(size - 9))
    return path


def open_ws(folder: Path) -> AgencyWorkspace:
    return AgencyWorkspace.open(folder, clock=fixed_clock, actor=TEST_ACTOR)


# ---------------------------------------------------------------- attach until full


def test_attaching_evidence_until_the_disk_is_full(small_disk: SmallDisk, mini_framework: Any, tmp_path: Path) -> None:
    folder = small_disk.root / "khong-gian"
    ws = AgencyWorkspace.create(folder, mini_framework, "XA-001", "UBND xã Thử Nghiệm", clock=fixed_clock, actor=TEST_ACTOR)
    try:
        ws.set_value("1.3", True)
        ws.set_value("1.4", "1.5")
        ws.set_note("1.4", "Sáng kiến một cửa liên thông")
        attached = 0
        with pytest.raises(EvidenceError) as caught:
            for i in range(50):  # 500 KB each on a 2 MiB disk: the copy of the 4th or so cannot fit
                src = random_pdf(tmp_path / "nguon" / f"tai-lieu-{i}.pdf", 500_000, i)
                before_rows, before_memory = rows(folder), memory(ws)
                ws.add_evidence(("1.1.1", "2.3", "1.4")[i % 3], src, Citation("Báo cáo", f"{i}/BC"), pages="1")
                attached += 1
        assert attached >= 1
        message = caught.value.vi
        assert DISK_FULL_VI in message and "an toàn" in message, message
        assert caught.value.en and "full" in caught.value.en
        # Intact: nothing of the failed attachment, everything before it.
        assert rows(folder) == before_rows
        assert memory(ws) == before_memory
        assert temp_files(folder) == []
        assert integrity_ok(ws.engine)
        assert len(ws.documents()) == attached and all(ws.store.verify(d.sha256) for d in ws.documents())
        # Still usable on the full disk: a small edit fits in the database's free pages, or is refused cleanly.
    finally:
        ws.close()
    with open_ws(folder) as again:  # reopening on the (still full) disk works and shows the same
        assert memory(again)["states"] == before_memory["states"]
        assert memory(again)["evidence"] == before_memory["evidence"]
        assert integrity_ok(again.engine)
        assert temp_files(folder) == []


# ---------------------------------------------------------------- export onto a full disk


@pytest.fixture
def agency_with_evidence(agency_folder: Any, tmp_path: Path) -> Path:
    """An agency workspace on the ordinary disk, filled, with ~2.5 MB of evidence (more than the small disk holds)."""
    folder = agency_folder("co-quan", "XA-001")
    with open_ws(folder) as ws:
        ws.add_evidence("2.3", random_pdf(tmp_path / "lon" / "bien-ban.pdf", 2_500_000, 7), Citation("Biên bản", "7/BB"), "2")
    return folder


@pytest.mark.parametrize("how", ["package larger than the disk", "disk already full"])
def test_exporting_onto_a_full_disk(small_disk: SmallDisk, agency_with_evidence: Path, keys: Any, tmp_path: Path,
                                    how: str) -> None:
    folder = agency_with_evidence
    if how == "disk already full":
        small_disk.leave(0)
    before_rows = rows(folder)
    with open_ws(folder) as ws:
        before_memory = memory(ws)
        with pytest.raises(UserFacingError) as caught:
            export_submission(ws, small_disk.root / "XA-001-lan-1.cchc", keys.a)
        assert memory(ws) == before_memory
    message = caught.value.vi
    assert "đầy" in message and "Ổ đĩa" in message and "dở dang" in message, message
    assert sorted(p.name for p in small_disk.root.iterdir() if p != small_disk.filler) == []  # no final name, no .part
    assert rows(folder) == before_rows  # submissions (and everything else) unchanged
    # Nothing was recorded: the next export, to a disk with room, is still submission 1.
    with open_ws(folder) as ws:
        result = export_submission(ws, tmp_path / "XA-001-lan-1.cchc", keys.a)
    assert result.sequence == 1 and result.previous_sha256 is None


# ---------------------------------------------------------------- import onto a full disk


@pytest.fixture
def packages(agency_folder: Any, agency_with_evidence: Path, keys: Any, tmp_path: Path) -> dict[str, Path]:
    """Two submissions: XA-002's is small (fits on the disk), XA-001's carries 2.5 MB (does not)."""
    out = tmp_path / "goi"
    out.mkdir()
    small = agency_folder("co-quan-hai", "XA-002")
    with open_ws(small) as ws:
        a = export_submission(ws, out / "1-XA-002.cchc", keys.b).package.path
    with open_ws(agency_with_evidence) as ws:
        b = export_submission(ws, out / "2-XA-001.cchc", keys.a).package.path
    return {"small": a, "big": b}


def test_importing_onto_a_full_disk(small_disk: SmallDisk, packages: dict[str, Path], mini_framework: Any,
                                    trust_dirs: dict[str, Path]) -> None:
    folder = small_disk.root / "hoi-dong"
    ws = InspectionWorkspace.create(folder, mini_framework, 2026, trust_dirs["crl"], clock=fixed_clock, actor=TEST_ACTOR)
    try:
        before = snapshot(folder)
        small, big = ws.import_packages([packages["small"].parent])
        assert small.status == "imported", small.reasons()
        assert big.status == "refused" and [n.code for n in big.notes] == ["write_failed"]
        message = big.reasons()[0]
        assert "ổ đĩa" in message.lower() and "chưa được nhập" in message, message
        # Nothing of the refused package: only the small one's rows and files are new.
        after = snapshot(folder)
        [pkg] = ws.packages()
        assert pkg.agency_code == "XA-002"
        assert {sha for sha in after["files"]} - set(before["files"]) == {
            f"evidence/{d.sha256[:2]}/{d.sha256}" for d in ws.documents(pkg.manifest_sha256)}
        assert all(n == 0 for n in _package_rows_of(folder, "XA-001"))
        assert temp_files(folder) == []
        # With room, the same package imports whole.
        small_disk.grow("16m")
        [again] = ws.import_packages([packages["big"]])
        assert again.status == "imported", again.reasons()
        assert all(ws.store.verify(d.sha256) for d in ws.documents(again.manifest_sha256))
    finally:
        ws.close()
    with InspectionWorkspace.open(folder) as reopened:
        assert integrity_ok(reopened.engine) and len(reopened.packages()) == 2


def _package_rows_of(folder: Path, agency: str) -> list[int]:
    con = sqlite3.connect(folder / "workspace.sqlite")
    try:
        shas = [r[0] for r in con.execute("SELECT manifest_sha256 FROM packages WHERE agency_code=?", (agency,))]
        return [len(shas)] + [
            con.execute(f"SELECT count(*) FROM {t} WHERE manifest_sha256 IN ({','.join('?' * len(shas)) or 'NULL'})",
                        shas).fetchone()[0] for t in ("package_answers", "package_evidence")
        ] + [con.execute("SELECT count(*) FROM agencies WHERE code=?", (agency,)).fetchone()[0]]
    finally:
        con.close()


# ---------------------------------------------------------------- every level of free space


def _edit(ws: AgencyWorkspace, kind: str, src: Path) -> None:
    if kind == "edit":
        ws.set_value("1.3", True)
    elif kind == "note":
        ws.set_note("1.4", "Thuyết minh dài " * 300)
    else:
        ws.add_evidence("2.3", src, Citation("Báo cáo", "1/BC"), pages="1")


@pytest.fixture
def agency_template(tmp_path: Path, mini_framework: Any) -> Path:
    folder = tmp_path / "mau"
    with AgencyWorkspace.create(folder, mini_framework, "XA-001", "UBND xã Thử Nghiệm", clock=fixed_clock,
                                actor=TEST_ACTOR) as ws:
        ws.set_value("1.4", "1")
    return folder


@pytest.mark.parametrize("kind", ["edit", "note", "attach"])
def test_at_every_level_of_free_space_an_edit_completes_or_changes_nothing(
        small_disk: SmallDisk, agency_template: Path, tmp_path: Path, kind: str) -> None:
    src = random_pdf(tmp_path / "nguon" / "tai-lieu.pdf", 40_000, 3)
    outcomes: dict[str, int] = {}
    for pages in range(32):
        folder = small_disk.root / "ws"
        small_disk.unfill()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(agency_template, folder)
        ws = open_ws(folder)
        try:
            small_disk.leave(pages * PAGE)
            before_rows, before_memory = rows(folder), memory(ws)
            try:
                _edit(ws, kind, src)
            except Exception as exc:  # noqa: BLE001 - which type is the subject of the next test
                outcomes[type(exc).__name__] = outcomes.get(type(exc).__name__, 0) + 1
                assert rows(folder) == before_rows, f"{pages} pages free: a refused {kind} changed the database"
                assert memory(ws) == before_memory, f"{pages} pages free: memory ran ahead of the disk"
                assert temp_files(folder) == []
            else:
                outcomes["ok"] = outcomes.get("ok", 0) + 1
                assert memory(ws) != before_memory
            assert integrity_ok(ws.engine)
            committed = memory(ws)["states"], memory(ws)["evidence"]
        finally:
            ws.close()
        small_disk.unfill()
        with open_ws(folder) as again:  # what the open workspace showed is what is on disk
            assert (memory(again)["states"], memory(again)["evidence"]) == committed
            assert all(again.store.verify(d.sha256) for d in again.documents())
            assert temp_files(folder) == []
    assert outcomes.get("ok") and len(outcomes) > 1, outcomes  # both sides of the boundary were reached


@pytest.mark.parametrize("kind", ["edit", "attach"])
def test_when_the_database_hits_the_full_disk_the_message_says_so(
        small_disk: SmallDisk, agency_template: Path, tmp_path: Path, kind: str) -> None:
    src = random_pdf(tmp_path / "nguon" / "tai-lieu.pdf", 40_000, 3)
    folder = small_disk.root / "ws"
    seen: list[str] = []
    for pages in range(32):
        small_disk.unfill()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(agency_template, folder)
        with open_ws(folder) as ws:
            small_disk.leave(pages * PAGE)
            try:
                _edit(ws, kind, src)
            except UserFacingError as exc:
                seen.append(exc.vi)
                assert DISK_FULL_VI in exc.vi, exc.vi
            except Exception as exc:  # noqa: BLE001 - the bug: not a user-facing error
                raise AssertionError(f"{pages} pages free: {type(exc).__name__}: {exc}") from None
            else:
                break
    assert seen


def test_an_import_refused_by_a_full_database_says_the_disk_is_full(
        small_disk: SmallDisk, packages: dict[str, Path], mini_framework: Any, trust_dirs: dict[str, Path],
        tmp_path: Path) -> None:
    template = tmp_path / "hoi-dong-mau"
    InspectionWorkspace.create(template, mini_framework, 2026, trust_dirs["crl"], clock=fixed_clock, actor=TEST_ACTOR).close()
    folder = small_disk.root / "hoi-dong"
    messages: list[str] = []
    for pages in range(0, 48, 2):
        small_disk.unfill()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(template, folder)
        with InspectionWorkspace.open(folder, clock=fixed_clock, actor=TEST_ACTOR) as ws:
            small_disk.leave(pages * PAGE)
            before = snapshot(folder)
            [r] = ws.import_packages([packages["small"]])
            if r.status == "imported":
                break
            assert snapshot(folder) == before  # holds today: nothing half-imported
            messages += r.reasons()
    db_full = [m for m in messages if "ổ đĩa" not in m.lower()]
    assert messages and not db_full, db_full


def test_import_at_every_level_of_free_space_is_whole_or_nothing(
        small_disk: SmallDisk, packages: dict[str, Path], mini_framework: Any, trust_dirs: dict[str, Path],
        tmp_path: Path) -> None:
    template = tmp_path / "hoi-dong-mau"
    InspectionWorkspace.create(template, mini_framework, 2026, trust_dirs["crl"], clock=fixed_clock, actor=TEST_ACTOR).close()
    folder = small_disk.root / "hoi-dong"
    outcomes: list[str] = []
    for pages in range(0, 48, 2):
        small_disk.unfill()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(template, folder)
        with InspectionWorkspace.open(folder, clock=fixed_clock, actor=TEST_ACTOR) as ws:
            small_disk.leave(pages * PAGE)
            before = snapshot(folder)
            [r] = ws.import_packages([packages["small"]])
            outcomes.append(r.status)
            if r.status == "refused":
                assert r.notes and r.notes[0].code == "write_failed" and r.reasons()[0]
                assert snapshot(folder) == before, f"{pages} pages free: a refused import left something"
            else:
                assert r.status == "imported", r.reasons()
                assert len(ws.packages()) == 1
                assert all(ws.store.verify(d.sha256) for d in ws.documents(r.manifest_sha256))
            assert temp_files(folder) == []
        small_disk.unfill()
        with InspectionWorkspace.open(folder) as again:
            assert integrity_ok(again.engine)
            assert len(again.packages()) == (1 if r.status == "imported" else 0)
    assert "refused" in outcomes and "imported" in outcomes, outcomes
