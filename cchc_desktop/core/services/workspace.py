"""Creating and opening workspace folders (one SQLite file + the evidence store).

A council round shared on the LAN keeps its database on a PostgreSQL server instead: the folder
(on a shared drive) then holds `database.url`, the server's URL without any password, in place of
`workspace.sqlite` (docs/postgresql.md).
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Callable

from sqlalchemy import Engine, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from ... import __version__
from ..errors import WorkspaceError
from ..framework.canonical import canonical_bytes
from ..framework.load import parse_framework
from ..framework.model import Framework
from ..storage.db import URL_FILE, open_database, parse_url
from ..storage.evidence_store import EvidenceStore
from ..storage.orm import AssessmentRow, FrameworkRow, Meta
from ..storage.records import FrameworkTrust

DB_NAME = "workspace.sqlite"
EVIDENCE_DIR = "evidence"
DEFAULT_EVIDENCE_LIMIT = 50 * 1024 * 1024  # one file; the whole package should stay mailable

Clock = Callable[[], _dt.datetime]


def utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def stamp(clock: Clock) -> str:
    return clock().isoformat(timespec="milliseconds")


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some locked-down PCs
        return "không rõ"


def is_workspace(folder: Path) -> bool:
    return (Path(folder) / DB_NAME).is_file() or (Path(folder) / URL_FILE).is_file()


URL_FILE_HEADER = (
    "# CCHC Desktop: cơ sở dữ liệu của đợt đánh giá này nằm trên máy chủ PostgreSQL (docs/postgresql.md).\n"
    "# Mật khẩu KHÔNG ghi ở đây: biến môi trường CCHC_DB_PASSWORD, hoặc tệp ~/.pgpass\n"
    "# (Windows: %APPDATA%\\postgresql\\pgpass.conf). Bỏ tên người dùng khỏi địa chỉ để mỗi người thẩm định\n"
    "# kết nối bằng tài khoản của mình (PGUSER hoặc tên đăng nhập máy).\n"
    "# The database of this round is on a PostgreSQL server; no password is stored in this file.\n"
)


def database_target(folder: Path) -> Path | URL:
    """Where the folder's database is: `workspace.sqlite`, or the URL that `database.url` names."""
    url_file = Path(folder) / URL_FILE
    if not url_file.is_file():
        return Path(folder) / DB_NAME
    try:
        lines = url_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError) as exc:
        raise WorkspaceError(f"Không đọc được tệp “{url_file}”: {exc}.", f"Cannot read '{url_file}': {exc}.") from None
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if len(urls) != 1:
        raise WorkspaceError(
            f"Tệp “{url_file}” phải có đúng một dòng địa chỉ cơ sở dữ liệu (postgresql+psycopg://…).",
            f"'{url_file}' must hold exactly one database URL line (postgresql+psycopg://…).",
        )
    return parse_url(urls[0])


def write_url_file(folder: Path, url: URL) -> None:
    """Write `database.url` (fsynced, then renamed): the folder becomes a shared round's folder."""
    text = URL_FILE_HEADER + url.render_as_string(hide_password=False) + "\n"
    tmp = Path(folder) / f".{URL_FILE}.part"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, Path(folder) / URL_FILE)


def clean_stale_temporary(store: EvidenceStore, older_than_s: float = 24 * 3600) -> int:
    """In a folder several reviewers share, a temporary file may belong to someone's import in
    progress: only leftovers older than a day are removed."""
    import time

    n = 0
    if store.tmp.is_dir():
        limit = time.time() - older_than_s
        for p in store.tmp.iterdir():
            try:
                if p.stat().st_mtime < limit:
                    p.unlink()
                    n += 1
            except OSError:
                pass
    return n


def check_new_folder(folder: Path) -> Path:
    """Refuse a folder a new workspace cannot go into (a workspace, a file, a non-empty folder),
    changing nothing on disk: callers check before they do any slow or irreversible work."""
    folder = Path(folder).expanduser()
    if is_workspace(folder):
        raise WorkspaceError(
            f"Thư mục “{folder}” đã là một không gian làm việc. Hãy mở nó, hoặc chọn thư mục khác để tạo mới.",
            f"'{folder}' already holds a workspace; open it or choose another folder.",
        )
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(f"“{folder}” là một tệp, không phải thư mục.", f"'{folder}' is a file, not a folder.")
    if folder.is_dir() and any(p for p in folder.iterdir() if not p.name.startswith(".")):
        raise WorkspaceError(
            f"Thư mục “{folder}” không trống. Hãy chọn một thư mục trống để tạo không gian làm việc.",
            f"'{folder}' is not empty; choose an empty folder.",
        )
    return folder


def prepare_new_folder(folder: Path) -> Path:
    """Create `folder` or accept an empty one; refuse to overwrite anything."""
    folder = check_new_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".cchc-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise WorkspaceError(
            f"Không tạo được thư mục “{folder}”: {exc.strerror or exc}.", f"Cannot create '{folder}': {exc.strerror or exc}."
        ) from None
    return folder


def store_framework(session: Session, fw: Framework, clock: Clock) -> None:
    if session.get(FrameworkRow, fw.sha256) is None:
        session.add(
            FrameworkRow(
                sha256=fw.sha256,
                framework_id=fw.id,
                title=fw.title,
                level=fw.level.value,
                year=fw.year,
                canonical=canonical_bytes(fw),
                added_at=stamp(clock),
            )
        )


def load_stored_framework(session: Session, sha256: str) -> Framework:
    row = session.get(FrameworkRow, sha256)
    if row is None:
        raise WorkspaceError(
            "Không gian làm việc thiếu bộ tiêu chí đã chọn (dữ liệu hỏng).", "The workspace lacks its framework (damaged)."
        )
    fw, _ = parse_framework(row.canonical)
    if fw.sha256 != sha256:
        raise WorkspaceError(
            "Bộ tiêu chí lưu trong không gian làm việc không khớp mã băm (dữ liệu hỏng).",
            "The stored framework does not match its hash (damaged).",
        )
    return fw


def read_meta(session: Session) -> dict[str, str]:
    return {m.key: m.value for m in session.scalars(select(Meta))}


def write_meta(session: Session, **values: str) -> None:
    for key, value in values.items():
        row = session.get(Meta, key)
        if row is None:
            session.add(Meta(key=key, value=value))
        else:
            row.value = value


def trust_meta(trust: FrameworkTrust, year: int) -> dict[str, str]:
    """Meta rows of the current year's framework trust (flat keys), plus a copy kept per year."""
    return {**trust.meta(), f"framework_trust.{year}": json.dumps(asdict(trust), ensure_ascii=False, sort_keys=True)}


def trust_of_year(meta: dict[str, str], year: int, sample: bool) -> FrameworkTrust:
    raw = meta.get(f"framework_trust.{year}")
    if raw:
        try:
            return FrameworkTrust(**json.loads(raw))
        except (ValueError, TypeError):
            pass
    if meta.get("current_year") == str(year):
        return FrameworkTrust.from_meta(meta, sample)
    return FrameworkTrust.unsigned_for(sample)


def create_agency_database(
    folder: Path, fw: Framework, agency_code: str, agency_name: str, year: int, clock: Clock,
    trust: FrameworkTrust | None = None,
) -> Engine:
    """Create the database of a new agency workspace in one transaction."""
    engine = open_database(folder / DB_NAME, create=True)
    EvidenceStore(folder / EVIDENCE_DIR).ensure()
    trust = trust or FrameworkTrust.unsigned_for(fw.sample)
    with Session(engine) as s, s.begin():
        store_framework(s, fw, clock)
        write_meta(s, **trust_meta(trust, year))
        write_meta(
            s,
            role="agency",
            agency_code=agency_code,
            agency_name=agency_name,
            level=fw.level.value,
            current_year=str(year),
            created_at=stamp(clock),
            created_by_app=__version__,
            evidence_max_bytes=str(DEFAULT_EVIDENCE_LIMIT),
        )
        s.add(
            AssessmentRow(
                year=year,
                framework_sha256=fw.sha256,
                agency_code=agency_code,
                agency_name=agency_name,
                state="draft",
                submission_seq=0,
                created_at=stamp(clock),
            )
        )
    return engine


def remove_failed_workspace(folder: Path) -> None:
    """Undo a half-created workspace so the user can simply try again."""
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", URL_FILE, f".{URL_FILE}.part"):
        try:
            os.unlink(folder / name)
        except OSError:
            pass


def role_of(folder: Path) -> str | None:
    """"agency" or "inspection" (or None) without opening the workspace for work."""
    import sqlite3

    if (Path(folder) / URL_FILE).is_file():
        return "inspection"  # only a council round lives on a server
    try:
        con = sqlite3.connect(f"file:{Path(folder) / DB_NAME}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='role'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None
