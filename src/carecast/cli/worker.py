"""``carecast worker``: publish scheduled posts and fetch mentions until stopped.

Several may run against one PostgreSQL database. SIGTERM or Ctrl-C lets the current
delivery finish before the worker stops; a worker killed outright loses nothing, as
another takes over its deliveries when their leases run out.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timedelta
from types import FrameType
from typing import Annotated

import typer

from carecast.cli.records import DATABASE_HELP, _fail
from carecast.errors import CarecastError


def worker(
    database: Annotated[str | None, typer.Option("--database", help=DATABASE_HELP)] = None,
    once: Annotated[bool, typer.Option("--once", help="Do one pass, then stop.")] = False,
    name: Annotated[
        str | None, typer.Option(help="Name written on the leases (default: host:pid:random).")
    ] = None,
    lease: Annotated[
        float,
        typer.Option(min=1, help="Seconds a delivery is held before another worker may take it."),
    ] = 120,
    poll_every: Annotated[
        float, typer.Option(min=0, help="Seconds between fetches of each account's mentions.")
    ] = 60,
    idle_sleep: Annotated[
        float, typer.Option(min=0.05, help="Seconds to rest when there is nothing to do.")
    ] = 5,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every delivery.")] = False,
) -> None:
    """Publish due posts exactly once and bring replies and mentions into the inbox."""
    from carecast.store import make_engine, make_sessionmaker
    from carecast.store.keys import load_keyring
    from carecast.worker import Worker, WorkerSettings
    from carecast.worker.publisher import default_name

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    try:
        engine = make_engine(database)
        keyring = load_keyring()
        settings = WorkerSettings(
            name=name or default_name(),
            lease=timedelta(seconds=lease),
            poll_every=timedelta(seconds=poll_every),
            idle_sleep=idle_sleep,
        )
        the_worker = Worker(make_sessionmaker(engine), keyring, settings)
        if once:
            result = the_worker.run_once()
            typer.echo(
                f"planned {result.planned}, sent {result.sent}, retrying {result.retried}, "
                f"failed {result.failed}, mentions {result.mentions}"
            )
            return
        stop = threading.Event()

        def finish(_signal: int, _frame: FrameType | None) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, finish)
        signal.signal(signal.SIGINT, finish)
        typer.echo(f"worker {settings.name} started; stop it with Ctrl-C", err=True)
        the_worker.run(stop)
    except CarecastError as exc:
        raise _fail(exc) from None
