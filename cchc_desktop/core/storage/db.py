"""The workspace database: SQLite through SQLAlchemy, durable on every commit.

- WAL journal and synchronous=FULL: a committed edit survives a killed process and a power cut.
- foreign_keys=ON on every connection (SQLite leaves it off otherwise).
- Alembic migrations bring older workspaces up to date; when the schema is already at HEAD the
  check is one query and Alembic is not even imported (it costs ~350 ms at start-up).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from ..errors import WorkspaceError

HEAD_REVISION = "0005"  # keep equal to the newest file in migrations/versions (a test checks it)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's legacy transaction handling commits before every DDL statement, so a migration
    # could stop half-way.  Take control: autocommit at the driver, BEGIN emitted by SQLAlchemy.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _disk_full_is_a_user_error(ctx: Any) -> None:
    """SQLITE_FULL becomes the plain message every other write path gives (the transaction has
    rolled back, so nothing was half-written)."""
    if getattr(ctx.original_exception, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        raise WorkspaceError(
            "Ổ đĩa đã đầy nên chưa lưu được thay đổi này. Hãy giải phóng dung lượng rồi thử lại; "
            "dữ liệu đã lưu trước đó vẫn an toàn.",
            "The disk is full, so this change was not saved. Free some space and retry; everything saved before is safe.",
        ) from ctx.original_exception


def make_engine(db_path: Path) -> Engine:
    # check_same_thread=False: the GUI runs every operation on one worker thread, which is not the
    # thread that opened the workspace.
    engine = create_engine(
        f"sqlite:///{db_path}",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "handle_error", _disk_full_is_a_user_error)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def upgrade(engine: Engine) -> None:
    """Run Alembic migrations up to HEAD, inside one transaction."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_database(db_path: Path, create: bool = False) -> Engine:
    """Open (and migrate) a workspace database; refuse files that are not one."""
    if not create and not db_path.exists():
        raise WorkspaceError(
            f"Không tìm thấy cơ sở dữ liệu của không gian làm việc: {db_path}.",
            f"No workspace database at {db_path}.",
        )
    engine = make_engine(db_path)
    try:
        rev = current_revision(engine)
        if rev is None and not create:
            # Another program's database (or an empty file) under our name: never add our schema to it.
            raise WorkspaceError(
                f"Tệp “{db_path.name}” không phải cơ sở dữ liệu của CCHC Desktop. Không có gì bị thay đổi.",
                f"'{db_path.name}' is not a CCHC Desktop database; nothing was changed.",
            )
        if rev != HEAD_REVISION:
            if rev is not None and rev > HEAD_REVISION:
                raise WorkspaceError(
                    f"Không gian làm việc được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {rev}). "
                    "Hãy cập nhật ứng dụng.",
                    f"The workspace was written by a newer version (schema {rev}); update the application.",
                )
            upgrade(engine)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise WorkspaceError(
            f"Tệp “{db_path.name}” không phải là cơ sở dữ liệu hợp lệ hoặc đã bị hỏng ({exc.orig if hasattr(exc, 'orig') else exc}).",
            f"'{db_path.name}' is not a valid database or is damaged.",
        ) from None
    except WorkspaceError:
        engine.dispose()
        raise
    return engine


def integrity_ok(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
