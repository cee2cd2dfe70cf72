"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL.

``db_url``       a fresh, already migrated database, parametrised over ``sqlite`` (a file
                 in tmp_path) and ``postgresql`` (a database ``dw_test_<random>`` on the
                 server at 127.0.0.1:5432, emptied before each test, dropped at the end of
                 the session; marked ``postgres``).
``empty_db_url`` a database with no schema at all (for migration tests; on PostgreSQL a
                 new ``dw_empty_<random>`` database per test).
``store``        an opened ``dialogwatch.store.db.Store`` on ``db_url``.
``sqlite_store`` an opened Store on SQLite only, for tests that need one backend.

Migrations run once per session: on SQLite each test gets a copy of a migrated file; on
PostgreSQL one migrated database is emptied (rows deleted, sequences restarted) before each
test. A test must not change the schema of ``db_url``; use ``empty_db_url`` for that.

PostgreSQL: the server is found at ``DIALOGWATCH_TEST_PG`` (an admin URL such as
``postgresql+psycopg://postgres@127.0.0.1:5432/``) or at 127.0.0.1:5432 as user
``postgres`` or ``root`` with trust auth. If none answers, postgres params are skipped
with the reason, unless ``DIALOGWATCH_REQUIRE_PG=1`` (CI) where they fail.

Every test runs in its own temporary working directory with ``DIALOGWATCH_DB`` unset,
so a command that falls back to the default ``dialogwatch.db`` never touches the repo.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dialogwatch.store.db import Store, make_engine, migrate, open_store

PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_USERS = ("postgres", "root")


@dataclass
class _PgServer:
    """How to reach the test PostgreSQL server as an administrator."""

    user: str
    host: str
    port: int
    password: str | None = None

    def sa_url(self, dbname: str) -> str:
        """SQLAlchemy URL of one database on this server."""
        auth = self.user if self.password is None else f"{self.user}:{self.password}"
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{dbname}"

    def admin(self):  # type: ignore[no-untyped-def]
        """An autocommit psycopg connection to the maintenance database."""
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname="postgres",
            autocommit=True,
            connect_timeout=3,
        )


def _candidates() -> list[_PgServer]:
    explicit = os.environ.get("DIALOGWATCH_TEST_PG")
    if explicit:
        from sqlalchemy.engine import make_url

        url = make_url(explicit)
        return [_PgServer(url.username or "postgres", url.host or PG_HOST, url.port or PG_PORT, url.password)]
    return [_PgServer(user, PG_HOST, PG_PORT) for user in PG_USERS]


def _find_pg_server() -> tuple[_PgServer | None, str]:
    errors = []
    for server in _candidates():
        try:
            with server.admin():
                return server, ""
        except Exception as exc:
            errors.append(f"{server.user}@{server.host}:{server.port}: {str(exc).strip().splitlines()[0]}")
    return None, "; ".join(errors)


def _drop_pg_database(server: _PgServer, name: str) -> None:
    with server.admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> _PgServer:
    """The reachable PostgreSQL server, or skip (fail when DIALOGWATCH_REQUIRE_PG=1)."""
    server, reason = _find_pg_server()
    if server is None:
        message = f"no PostgreSQL server answers ({reason})"
        if os.environ.get("DIALOGWATCH_REQUIRE_PG") == "1":
            pytest.fail(f"DIALOGWATCH_REQUIRE_PG=1 but {message}")
        pytest.skip(message)
    return server


@pytest.fixture(scope="session")
def _pg_shared(pg_server: _PgServer) -> Iterator[str]:
    """Name of one PostgreSQL database migrated to head for this session, emptied before each test."""
    name = f"dw_test_{uuid.uuid4().hex[:12]}"
    with pg_server.admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    engine = make_engine(pg_server.sa_url(name))
    try:
        migrate(engine)
    finally:
        engine.dispose()
    yield name
    _drop_pg_database(pg_server, name)


def _reset_pg(server: _PgServer, name: str) -> None:
    """Delete every row and restart every sequence: as good as a fresh database, and much faster.

    (CREATE/DROP DATABASE and TRUNCATE each cost seconds of file work on a busy machine.)
    """
    import psycopg

    with server.admin() as admin:
        # Connections a previous test left open would hold locks.
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
    with psycopg.connect(
        host=server.host, port=server.port, user=server.user, password=server.password, dbname=name
    ) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables"
                " WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
            )
        ]
        sequences = [
            r[0]
            for r in conn.execute(
                "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'"
            )
        ]
        # Replica mode skips foreign-key triggers, so tables can be emptied in any order.
        conn.execute("SET session_replication_role = replica")
        for table in tables:
            conn.execute(f'DELETE FROM "{table}"')
        for sequence in sequences:
            conn.execute(f'ALTER SEQUENCE "{sequence}" RESTART')
        conn.execute("SET session_replication_role = DEFAULT")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to head, copied for each test."""
    path = tmp_path_factory.mktemp("dw_template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        migrate(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    return path


def _fresh_pg(pg_server: _PgServer) -> Iterator[str]:
    name = f"dw_empty_{uuid.uuid4().hex[:12]}"
    with pg_server.admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield pg_server.sa_url(name)
    finally:
        _drop_pg_database(pg_server, name)


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend of this test run: 'sqlite' or 'postgresql'."""
    return request.param


@pytest.fixture
def db_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh database already migrated to head, on each backend."""
    if backend == "sqlite":
        target = tmp_path / "dw_test.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), target)
        yield f"sqlite:///{target}"
        return
    server = request.getfixturevalue("pg_server")
    name = request.getfixturevalue("_pg_shared")
    _reset_pg(server, name)
    yield server.sa_url(name)


@pytest.fixture
def empty_db_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh database with no tables at all, on each backend."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'dw_empty.db'}"
        return
    yield from _fresh_pg(request.getfixturevalue("pg_server"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An opened, migrated Store on ``db_url`` (both backends)."""
    opened = open_store(db_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path, _sqlite_template: Path) -> Iterator[Store]:
    """An opened, migrated Store on a fresh SQLite file (one backend only)."""
    target = tmp_path / "dw_sqlite.db"
    shutil.copyfile(_sqlite_template, target)
    opened = open_store(f"sqlite:///{target}")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each test in its own directory, with no database URL leaking in from the environment."""
    monkeypatch.delenv("DIALOGWATCH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
