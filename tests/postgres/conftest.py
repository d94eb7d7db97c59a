"""A real, throwaway PostgreSQL server for the tests: one per session, in a temporary folder.

`initdb` into a temporary directory, `pg_ctl start` on a free TCP port of 127.0.0.1 (password
authentication, as on the province LAN) and a unix socket in that directory (trust, for the
test's own administration); stopped and removed at the end.  PostgreSQL refuses to run as root: as
root the server runs as the `postgres` user (runuser, or su) in a directory chowned to it.  Where
no server can be installed or started, the tests are skipped with the exact reason.
"""

from __future__ import annotations

import glob
import itertools
import json
import os
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.services.inspection import InspectionWorkspace

from ..conftest import TEST_ACTOR, fixed_clock
from ..inspection.conftest import cli, council, keys, trust_dirs  # noqa: F401

REVIEWER = "reviewer"
REVIEWER_PASSWORD = "mat-khau-may-chu-thu"
SETUP_HINT = "run `bash scripts/test.sh` as root (it installs Debian's postgresql package) or `apt-get install postgresql`"


def _find_bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    candidates = [Path(os.path.realpath(found)).parent] if found else []
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)]
    for d in candidates:
        if (d / "initdb").is_file() and (d / "pg_ctl").is_file() and (d / "postgres").is_file():
            return d
    return None


def _version_key(path: str) -> int:
    try:
        return int(Path(path).parent.name)
    except ValueError:
        return 0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bin_dir: Path
    root: Path
    port: int
    run_as: list[str]  # command prefix that runs as the server's user
    _counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    def run(self, *cmd: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        argv = [str(self.bin_dir / cmd[0]), *cmd[1:]]
        if self.run_as and self.run_as[0] == "su":
            argv = [*self.run_as, shlex.join(argv)]
        else:
            argv = [*self.run_as, *argv]
        return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)

    def admin(self, *statements: str, dbname: str = "postgres") -> None:
        """Run SQL as the superuser, through the unix socket (trust), outside a transaction."""
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), port=self.port, user="postgres", dbname=dbname,
                             autocommit=True) as conn:
            for sql in statements:
                conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self, prefix: str = "dot") -> str:
        """A fresh, empty UTF-8 database owned by the reviewer role; returns its name."""
        name = f"{prefix}_{next(self._counter)}"
        self.admin(f"CREATE DATABASE {name} OWNER {REVIEWER} ENCODING 'UTF8' TEMPLATE template0")
        return name

    def url(self, database: str, user: str | None = REVIEWER, port: int | None = None) -> str:
        who = f"{user}@" if user else ""
        return f"postgresql+psycopg://{who}127.0.0.1:{port or self.port}/{database}"


def _start_server() -> tuple[PgServer | None, str]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "the psycopg driver is not installed in the venv (pip install -e '.[test]')"
    bin_dir = _find_bin_dir()
    if bin_dir is None:
        return None, f"PostgreSQL is not installed (no initdb/pg_ctl in PATH or /usr/lib/postgresql/*/bin); {SETUP_HINT}"
    # As root the server runs as `postgres`, which must reach the directory: not a root-only TMPDIR.
    root = Path(tempfile.mkdtemp(prefix="cchc-pg-", dir="/tmp" if os.geteuid() == 0 and os.path.isdir("/tmp") else None))
    run_as: list[str] = []
    if os.geteuid() == 0:
        import pwd

        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(root, ignore_errors=True)
            return None, "running as root and there is no 'postgres' user to run the server as (PostgreSQL refuses root)"
        os.chown(root, pw.pw_uid, pw.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else ["su", "postgres", "-s", "/bin/sh", "-c"]
    server = PgServer(bin_dir, root, _free_port(), run_as)
    server.socket_dir.mkdir()
    if run_as:
        os.chown(server.socket_dir, pw.pw_uid, pw.pw_gid)
    data = root / "data"
    r = server.run("initdb", "-D", str(data), "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync",
                   "--auth-local=trust", "--auth-host=scram-sha-256")
    if r.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        return None, f"initdb failed ({bin_dir}): {(r.stderr or r.stdout).strip()[-400:]}"
    r = server.run("pg_ctl", "-D", str(data), "-l", str(root / "server.log"), "-w", "-t", "30", "-o",
                   f"-p {server.port} -k {server.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60", "start")
    if r.returncode != 0:
        log = (root / "server.log").read_text(errors="replace")[-400:] if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        return None, f"pg_ctl start failed: {(r.stderr or r.stdout).strip()[-300:]} {log}"
    return server, ""


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server, why = _start_server()
    if server is None:
        pytest.skip(f"PostgreSQL tests skipped: {why}")
    try:
        server.admin(f"CREATE ROLE {REVIEWER} LOGIN PASSWORD '{REVIEWER_PASSWORD}'")
        yield server
    finally:
        server.run("pg_ctl", "-D", str(server.root / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def pg_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The reviewer's password in CCHC_DB_PASSWORD; no ~/.pgpass or PG* variable interferes."""
    for var in ("PGPASSWORD", "PGUSER", "PGHOST", "PGPORT", "PGDATABASE", "PGSERVICE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    monkeypatch.setenv("CCHC_DB_PASSWORD", REVIEWER_PASSWORD)


@pytest.fixture
def pg_url(pg_server: PgServer, pg_env: None) -> Callable[[], str]:
    """`pg_url()`: the URL of a fresh empty database on the test server (password from the env)."""
    return lambda: pg_server.url(pg_server.new_database())


@pytest.fixture
def pg_council(tmp_path: Path, mini_framework, trust_dirs: dict[str, Path],  # noqa: F811
               pg_url: Callable[[], str]) -> Iterator[Callable[..., InspectionWorkspace]]:
    """`pg_council(name)`: a new round (mini framework, fixed clock) whose database is on the server."""
    opened: list[InspectionWorkspace] = []

    def make(name: str = "hoi-dong-pg", url: str | None = None) -> InspectionWorkspace:
        ws = InspectionWorkspace.create(tmp_path / name, mini_framework, 2026, trust_dirs["crl"], clock=fixed_clock,
                                        actor=TEST_ACTOR, database_url=url or pg_url())
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory, keys: Any) -> list[Path]:  # noqa: F811
    """Submissions of XA-001 and XA-002 (the mini answers, two documents each), built once."""
    from cchc_desktop.cli import main as cchc
    from cchc_desktop.core.services.agency import AgencyWorkspace

    from ..inspection.helpers import MINI, answers_doc, build_package

    root = tmp_path_factory.mktemp("pg-packages")
    out = []
    for code, signer in (("XA-001", keys.a), ("XA-002", keys.b)):
        folder, files = root / f"ag-{code}", root / f"tai-lieu-{code}"
        files.mkdir()
        answers = root / f"tra-loi-{code}.json"
        answers.write_text(json.dumps(answers_doc(files), ensure_ascii=False), encoding="utf-8")
        assert cchc(["workspace", "init", str(folder), "--role", "agency", "--framework", str(MINI), "--agency-code",
                     code, "--agency-name", "UBND xã Một", "--year", "2026"]) == 0
        assert cchc(["assess", "fill", str(folder), "--answers", str(answers)]) == 0
        with AgencyWorkspace.open(folder, clock=fixed_clock, actor=TEST_ACTOR) as ag:
            out.append(build_package(ag, root / f"{code}.cchc", signer).path)
    return out
