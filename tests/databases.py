"""Databases for the tests: a fresh SQLite file per test, and PostgreSQL where it runs.

PostgreSQL comes from ``CARECAST_TEST_POSTGRES_URL`` (``.ci/run`` starts Debian's server
and sets it), else ``postgresql://carecast:carecast@127.0.0.1/postgres``. One scratch
database is created per test run and emptied before each test. Under CI (``CI=true``) a
PostgreSQL that cannot be reached fails the tests that need it; elsewhere they skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import OperationalError

from carecast.store import make_engine, upgrade
from carecast.store.audit import GENESIS
from carecast.store.base import Base
from ci import unavailable

DEFAULT_POSTGRES = "postgresql://carecast:carecast@127.0.0.1/postgres"


def postgres_admin_url() -> str:
    url = os.environ.get("CARECAST_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def sqlite_engine(folder: Path) -> Engine:
    engine = make_engine(f"sqlite:///{folder / 'carecast.db'}")
    upgrade(engine)
    return engine


def create_postgres_database() -> tuple[Engine, str]:
    """A new, migrated PostgreSQL database; fails under CI and skips elsewhere when absent."""
    admin_url = make_url(postgres_admin_url())
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        name = f"carecast_test_{uuid.uuid4().hex[:10]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        message = f"PostgreSQL is not reachable at {admin_url.render_as_string()}: {exc.orig}"
        unavailable(message, "CI must run the PostgreSQL tests; see .ci/run")
    engine = make_engine(admin_url.set(database=name).render_as_string(hide_password=False))
    upgrade(engine)
    admin.dispose()
    return engine, name


def drop_postgres_database(engine: Engine, name: str) -> None:
    engine.dispose()
    admin = create_engine(make_url(postgres_admin_url()), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def empty_postgres(engine: Engine) -> None:
    """Remove every row (TRUNCATE passes the audit log's row triggers) and reset the chain."""
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        connection.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))
        connection.execute(
            text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, :genesis)"),
            {"genesis": GENESIS},
        )


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    engine, name = create_postgres_database()
    yield engine
    drop_postgres_database(engine, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty database: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        engine = sqlite_engine(tmp_path)
        yield engine
        engine.dispose()
        return
    engine = request.getfixturevalue("postgres_engine")
    empty_postgres(engine)
    yield engine
