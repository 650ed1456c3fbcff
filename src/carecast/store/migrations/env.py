"""Alembic environment: runs on the connection carecast hands over (see store/engine.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from carecast.store import models  # noqa: F401  (registers every table on Base.metadata)
from carecast.store.base import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # the alembic command line: connect to the configured URL
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///carecast.db")
        with engine.begin() as connection:
            context.configure(
                connection=connection, target_metadata=target_metadata, render_as_batch=True
            )
            context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
