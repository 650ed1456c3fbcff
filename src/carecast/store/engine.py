"""Engines, sessions and migrations. Nothing connects at import: call the factories."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from carecast.errors import StoreError

DEFAULT_URL = "sqlite:///carecast.db"
URL_VARIABLE = "CARECAST_DATABASE_URL"


def database_url(environ: dict[str, str] | None = None) -> str:
    """``CARECAST_DATABASE_URL`` if set, else ``./carecast.db``."""
    env = os.environ if environ is None else environ
    return env.get(URL_VARIABLE, "").strip() or DEFAULT_URL


def _normalise(url: str) -> str:
    """Accept plain ``postgresql://`` URLs: carecast talks to PostgreSQL through psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: :func:`database_url`), with SQLite set up for a web app."""
    raw = _normalise(url or database_url())
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise StoreError(
            f"{raw!r} is not a database URL",
            f"set {URL_VARIABLE} to e.g. sqlite:///carecast.db or postgresql://user@host/db",
        ) from exc
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(parsed, connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _on_sqlite_connect)
            return engine
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise StoreError(
            f"cannot use the database {parsed.render_as_string(hide_password=True)}: {exc}",
            "carecast supports SQLite and PostgreSQL URLs",
        ) from exc


def describe(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def unreachable(engine: Engine, exc: Exception) -> StoreError:
    """The one message for a database carecast cannot reach or has not set up."""
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    if "no such table" in reason or ("relation" in reason and "does not exist" in reason):
        return StoreError(
            f"the database at {describe(engine)} has no carecast tables yet",
            "run: carecast db upgrade",
        )
    return StoreError(
        f"cannot reach the database at {describe(engine)}: {reason}",
        f"start the database server, or set {URL_VARIABLE} to a database carecast can open",
    )


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose work is committed on success and rolled back on any error."""
    with sessions() as session:
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            bind = session.get_bind()
            if isinstance(bind, Engine):
                raise unreachable(bind, exc) from exc
            raise
        except BaseException:
            session.rollback()
            raise


def _alembic_config(engine: Engine) -> Config:
    config = Config()
    location = resources.files("carecast.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    config.set_main_option("sqlalchemy.url", describe(engine).replace("%", "%%"))
    return config


def upgrade(engine: Engine) -> str:
    """Bring the schema to the newest migration; returns the revision it is at."""
    config = _alembic_config(engine)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise unreachable(engine, exc) from exc
    return head_revision(engine)


def head_revision(engine: Engine) -> str:
    head = ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()
    return head or ""


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except OperationalError as exc:
        raise unreachable(engine, exc) from exc
