"""The workspace database: SQLite through SQLAlchemy, durable on every commit; or, for a council
round shared by several reviewers on the province LAN, a PostgreSQL database (docs/postgresql.md).

- SQLite: WAL journal and synchronous=FULL: a committed edit survives a killed process and a power
  cut; foreign_keys=ON on every connection (SQLite leaves it off otherwise).
- PostgreSQL: durable and transactional (DDL included) by itself; the URL never carries the
  password (env CCHC_DB_PASSWORD, else libpq's PGPASSWORD / ~/.pgpass); a server that cannot be
  reached, a refused password or a missing database become a WorkspaceError in Vietnamese.
- Alembic migrations bring older workspaces up to date; when the schema is already at HEAD the
  check is one query and Alembic is not even imported (it costs ~350 ms at start-up).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, OperationalError

from ..errors import WorkspaceError

HEAD_REVISION = "0006"  # keep equal to the newest file in migrations/versions (a test checks it)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
PASSWORD_ENV = "CCHC_DB_PASSWORD"
URL_FILE = "database.url"  # beside workspace.sqlite's place: the folder's database is on a server
CONNECT_TIMEOUT = 10  # seconds; an unreachable server is reported instead of hanging the window

Target = Path | str | URL  # a SQLite file, or the SQLAlchemy URL of a PostgreSQL database


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


# ---------------------------------------------------------------- URLs (PostgreSQL)


def is_url(target: object) -> bool:
    return isinstance(target, URL) or (isinstance(target, str) and "://" in target)


def parse_url(raw: str | URL) -> URL:
    """A PostgreSQL URL as the workspace stores it: driver psycopg (v3), no password in it.

    `postgresql://…` and `postgres://…` mean the same; any other database is refused, and so is
    a password written into the URL (it would end up in a file on a shared drive)."""
    try:
        url = raw if isinstance(raw, URL) else make_url(raw.strip())
    except (ArgumentError, ValueError):
        raise WorkspaceError(
            f"Địa chỉ cơ sở dữ liệu “{raw}” không hợp lệ. Dạng đúng: postgresql+psycopg://NGUOI_DUNG@MAY_CHU:5432/TEN_CSDL.",
            f"Invalid database URL '{raw}'. Expected postgresql+psycopg://USER@HOST:5432/DBNAME.",
        ) from None
    if url.get_backend_name() not in ("postgresql", "postgres"):
        raise WorkspaceError(
            f"Chỉ hỗ trợ cơ sở dữ liệu PostgreSQL (postgresql+psycopg://…), không hỗ trợ “{url.drivername}”.",
            f"Only PostgreSQL databases are supported (postgresql+psycopg://…), not '{url.drivername}'.",
        )
    if url.password is not None:
        raise WorkspaceError(
            "Không ghi mật khẩu vào địa chỉ cơ sở dữ liệu (nó sẽ nằm trong một tệp trên ổ dùng chung). Hãy đặt mật khẩu "
            f"trong biến môi trường {PASSWORD_ENV} hoặc trong tệp ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf).",
            "Do not put the password into the database URL (it would be written to a file on the shared drive). Set "
            f"{PASSWORD_ENV} or use ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf).",
        )
    if not url.database:
        raise WorkspaceError(
            f"Địa chỉ “{url}” thiếu tên cơ sở dữ liệu (…/TEN_CSDL).", f"The URL '{url}' names no database (…/DBNAME).")
    return url.set(drivername="postgresql+psycopg")


def _pg_engine(url: URL) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise WorkspaceError(
            "Máy này chưa cài thư viện kết nối PostgreSQL (psycopg). Hãy cài: pip install 'cchc-desktop[postgres]'.",
            "The PostgreSQL driver (psycopg) is not installed: pip install 'cchc-desktop[postgres]'.",
        ) from None
    connect_args: dict[str, Any] = {"application_name": "cchc-desktop"}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT
    password = os.environ.get(PASSWORD_ENV)
    if password:
        # Given to the driver only: never part of the URL, so never in a log line or a file.
        connect_args["password"] = password
    # pool_pre_ping: a connection the server dropped overnight is replaced, not reported as an error.
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    event.listen(engine, "handle_error", _pg_errors_are_user_errors)
    return engine


def _pg_errors_are_user_errors(ctx: Any) -> None:
    """Connection failures (and a full disk on the server) become a plain Vietnamese message."""
    if ctx.is_pre_ping:
        return  # the pool reconnects by itself
    orig = ctx.original_exception
    sqlstate = getattr(orig, "sqlstate", None) or ""
    if sqlstate == "53100":
        raise WorkspaceError(
            "Ổ đĩa của máy chủ cơ sở dữ liệu đã đầy nên chưa lưu được thay đổi này; dữ liệu đã lưu trước đó vẫn an toàn. "
            "Hãy báo quản trị viên máy chủ.",
            "The database server's disk is full, so this change was not saved; everything saved before is safe.",
        ) from orig
    if ctx.connection is None or ctx.is_disconnect or sqlstate.startswith(("08", "28", "3D", "57P")):
        raise connection_error(orig, ctx.engine.url if ctx.engine is not None else None) from orig


def connection_error(exc: BaseException, url: URL | None) -> WorkspaceError:
    """What went wrong when reaching the server, for the user: unreachable, password, database."""
    msg = str(exc)
    low = msg.lower()
    sqlstate = getattr(exc, "sqlstate", None) or ""
    where = "máy chủ cơ sở dữ liệu" if url is None else f"máy chủ {url.host or 'cục bộ'}" + (f":{url.port}" if url.port else "")
    where_en = "the database server" if url is None else f"the server {url.host or 'local'}" + (f":{url.port}" if url.port else "")
    user = url.username if url is not None and url.username else "?"
    dbname = url.database if url is not None and url.database else "?"
    detail = msg.strip().splitlines()[-1] if msg.strip() else type(exc).__name__
    if sqlstate == "28P01" or "password authentication failed" in low or "authentication failed" in low:
        return WorkspaceError(
            f"Máy chủ PostgreSQL từ chối mật khẩu của người dùng “{user}”. Hãy kiểm tra biến môi trường {PASSWORD_ENV} "
            "hoặc tệp ~/.pgpass.",
            f"The PostgreSQL server refused the password of user '{user}'. Check {PASSWORD_ENV} or ~/.pgpass.",
        )
    if "no password supplied" in low or "password is required" in low:
        return WorkspaceError(
            f"Máy chủ PostgreSQL yêu cầu mật khẩu cho người dùng “{user}” nhưng chưa có. Hãy đặt biến môi trường "
            f"{PASSWORD_ENV} hoặc ghi mật khẩu vào tệp ~/.pgpass (không ghi trong địa chỉ).",
            f"The PostgreSQL server requires a password for user '{user}' and none was given. Set {PASSWORD_ENV} or use ~/.pgpass.",
        )
    if sqlstate == "3D000" or ("database" in low and "does not exist" in low):
        return WorkspaceError(
            f"Trên {where} không có cơ sở dữ liệu “{dbname}”. Hãy nhờ quản trị viên tạo nó (xem docs/postgresql.md) "
            "hoặc kiểm tra lại tên trong địa chỉ.",
            f"There is no database '{dbname}' on {where_en}. Ask the administrator to create it (docs/postgresql.md).",
        )
    if ("role" in low and "does not exist" in low) or sqlstate == "28000":
        return WorkspaceError(
            f"{where.capitalize()} không cho người dùng “{user}” kết nối tới “{dbname}” ({detail}).",
            f"{where_en.capitalize()} does not let user '{user}' connect to '{dbname}' ({detail}).",
        )
    if any(s in low for s in ("connection refused", "could not connect", "timeout expired", "could not translate host",
                              "name or service not known", "no route to host", "network is unreachable",
                              "no such file or directory", "connection failed", "server closed the connection",
                              "terminating connection", "connection is closed", "consuming input failed")) \
            or sqlstate.startswith(("08", "57P")):
        return WorkspaceError(
            f"Không kết nối được tới {where} (PostgreSQL). Hãy kiểm tra máy chủ đang chạy, địa chỉ và cổng đúng, và mạng "
            f"nội bộ thông suốt. Chưa có gì bị thay đổi. Chi tiết: {detail}",
            f"Cannot reach {where_en} (PostgreSQL). Check the server is running, the address and port, and the "
            f"network. Nothing was changed. Detail: {detail}",
        )
    return WorkspaceError(
        f"Lỗi cơ sở dữ liệu PostgreSQL trên {where}: {detail}",
        f"PostgreSQL error on {where_en}: {detail}",
    )


# ---------------------------------------------------------------- engines


def make_engine(target: Target) -> Engine:
    """An engine for a SQLite file (a Path) or a PostgreSQL URL."""
    if is_url(target):
        return _pg_engine(parse_url(target))  # type: ignore[arg-type]
    # check_same_thread=False: the GUI runs every operation on one worker thread, which is not the
    # thread that opened the workspace.
    engine = create_engine(
        f"sqlite:///{target}",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "handle_error", _disk_full_is_a_user_error)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def upgrade(engine: Engine) -> None:
    """Run Alembic migrations up to HEAD, inside one transaction (DDL included, on both databases)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _newer(rev: str) -> WorkspaceError:
    return WorkspaceError(
        f"Không gian làm việc được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {rev}). Hãy cập nhật ứng dụng.",
        f"The workspace was written by a newer version (schema {rev}); update the application.",
    )


def open_database(target: Target, create: bool = False) -> Engine:
    """Open (and migrate) a workspace database; refuse files (or databases) that are not one."""
    if is_url(target):
        return _open_postgresql(parse_url(target), create)  # type: ignore[arg-type]
    db_path = Path(target)
    if not create and not db_path.exists():
        if db_path.with_name(URL_FILE).is_file():
            raise WorkspaceError(
                f"Cơ sở dữ liệu của “{db_path.parent}” nằm trên máy chủ PostgreSQL: đây là không gian làm việc của Hội "
                "đồng thẩm định, hãy mở nó với vai trò Hội đồng.",
                f"The database of '{db_path.parent}' is on a PostgreSQL server: open it as an inspection workspace.",
            )
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
                raise _newer(rev)
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


def _open_postgresql(url: URL, create: bool) -> Engine:
    """Open a round on a PostgreSQL server.  `create`: the database must be empty (or hold only a
    round whose creation was interrupted before its first setting was written)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            encoding = conn.execute(text("SHOW server_encoding")).scalar()
            insp = inspect(conn)
            tables = set(insp.get_table_names())
            has_meta_rows = "meta" in tables and conn.execute(text("SELECT count(*) FROM meta")).scalar()
        if str(encoding).upper() not in ("UTF8", "UTF-8"):
            raise WorkspaceError(
                f"Cơ sở dữ liệu “{url.database}” dùng bảng mã {encoding}, không lưu được tiếng Việt. Hãy tạo lại với "
                "ENCODING 'UTF8' (xem docs/postgresql.md).",
                f"The database '{url.database}' uses the {encoding} encoding; create it with ENCODING 'UTF8'.",
            )
        rev = current_revision(engine) if "alembic_version" in tables else None
        if create:
            if tables and (rev is None or has_meta_rows):
                what_vi = "đã chứa một đợt đánh giá" if rev is not None else "đã có dữ liệu của chương trình khác"
                what_en = "already holds a round" if rev is not None else "already holds another program's tables"
                raise WorkspaceError(
                    f"Cơ sở dữ liệu “{url.database}” {what_vi}; chỉ tạo đợt đánh giá mới trong một cơ sở dữ liệu trống. "
                    "Không có gì bị thay đổi.",
                    f"The database '{url.database}' {what_en}; a new round needs an empty database. Nothing was changed.",
                )
        elif rev is None:
            raise WorkspaceError(
                f"Cơ sở dữ liệu “{url.database}” không chứa đợt đánh giá nào của CCHC Desktop. Không có gì bị thay đổi.",
                f"The database '{url.database}' holds no CCHC Desktop round; nothing was changed.",
            )
        if rev != HEAD_REVISION:
            if rev is not None and rev > HEAD_REVISION:
                raise _newer(rev)
            upgrade(engine)
    except WorkspaceError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise connection_error(exc.orig, url) from None
    return engine


def integrity_ok(engine: Engine) -> bool:
    """SQLite: PRAGMA integrity_check.  PostgreSQL checks its pages and constraints by itself; here:
    the server answers, the schema is at HEAD and every table of the schema is there."""
    if is_postgresql(engine):
        from .orm import Base

        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            if not set(Base.metadata.tables) <= names:
                return False
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
    with engine.connect() as conn:
        return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
