"""``carecast db`` and ``carecast audit``: the database schema and the audit log.

SQLAlchemy and the workflow are imported inside the commands, so ``carecast check``
starts without them.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from carecast.errors import CarecastError, InputError

DATABASE_HELP = "Database URL (default: $CARECAST_DATABASE_URL, else sqlite:///carecast.db)."

db_app = typer.Typer(help="Create or upgrade carecast's database.", no_args_is_help=True)
audit_app = typer.Typer(help="Prove and export the audit log.", no_args_is_help=True)


def _fail(exc: CarecastError) -> typer.Exit:
    typer.echo(f"error: {exc.message}", err=True)
    if exc.hint:
        typer.echo(f"hint: {exc.hint}", err=True)
    return typer.Exit(2)


def _when(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{option} {value!r} is not a date or time",
            "write it as 2026-01-31 or 2026-01-31T09:00+00:00",
        ) from None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


@db_app.command("upgrade")
def db_upgrade(
    database: Annotated[str | None, typer.Option("--database", help=DATABASE_HELP)] = None,
) -> None:
    """Bring the database schema to the newest version (creating it if needed)."""
    from carecast.store import current_revision, make_engine, upgrade

    try:
        engine = make_engine(database)
        before = current_revision(engine)
        after = upgrade(engine)
    except CarecastError as exc:
        raise _fail(exc) from None
    where = engine.url.render_as_string(hide_password=True)
    if before == after:
        typer.echo(f"{where} is up to date (revision {after})")
    else:
        typer.echo(f"{where} upgraded from {before or 'empty'} to revision {after}")


@audit_app.command("verify")
def audit_verify(
    database: Annotated[str | None, typer.Option("--database", help=DATABASE_HELP)] = None,
) -> None:
    """Check every event's hash and link. Exit 0 when the chain holds, 1 when it is broken."""
    from sqlalchemy.exc import SQLAlchemyError

    from carecast.store import make_engine, make_sessionmaker
    from carecast.store.engine import unreachable
    from carecast.workflow import audit

    console = Console(highlight=False)
    try:
        engine = make_engine(database)
        with make_sessionmaker(engine)() as session:
            result = audit.verify(session)
    except CarecastError as exc:
        raise _fail(exc) from None
    except SQLAlchemyError as exc:
        raise _fail(unreachable(engine, exc)) from None
    if result.ok:
        console.print(f"[green]ok[/]: {result.events} events, the chain is intact")
        raise typer.Exit(0)
    console.print(
        f"[bold red]broken[/] at event {result.broken_at}: {result.reason} "
        f"({result.events} events before it are intact)"
    )
    raise typer.Exit(1)


@audit_app.command("export")
def audit_export(
    since: Annotated[
        str | None, typer.Option(help="First moment to include (ISO 8601; UTC if no zone).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Moment to stop before (ISO 8601; UTC if no zone).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: standard output).")
    ] = None,
    database: Annotated[str | None, typer.Option("--database", help=DATABASE_HELP)] = None,
) -> None:
    """Write audit events for e-discovery, oldest first, with every hash."""
    from sqlalchemy.exc import SQLAlchemyError

    from carecast.store import make_engine, make_sessionmaker
    from carecast.store.engine import unreachable
    from carecast.workflow import audit

    engine = None
    try:
        start, end = _when(since, "--since"), _when(until, "--until")
        if fmt not in audit.EXPORT_FORMATS:
            raise InputError(f"no export format {fmt!r}", "use --format jsonl or --format csv")
        engine = make_engine(database)
        with make_sessionmaker(engine)() as session:
            lines = audit.export(session, fmt, start, end)
            if out is None:
                for line in lines:
                    sys.stdout.write(line)
                return
            partial = out.with_name(out.name + ".partial")
            with partial.open("w", encoding="utf-8", newline="") as handle:
                handle.writelines(lines)
            partial.replace(out)
    except CarecastError as exc:
        raise _fail(exc) from None
    except SQLAlchemyError as exc:
        assert engine is not None
        raise _fail(unreachable(engine, exc)) from None
    except OSError as exc:
        raise _fail(
            InputError(f"cannot write {out}: {exc.strerror}", "choose a folder you can write to")
        ) from None
