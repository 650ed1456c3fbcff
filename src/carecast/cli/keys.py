"""``carecast keys rotate``: a new key for what carecast seals, and everything sealed
again with it."""

from __future__ import annotations

from typing import Annotated

import typer

from carecast.cli.records import DATABASE_HELP, _fail
from carecast.errors import CarecastError

keys_app = typer.Typer(
    help="Manage the key that seals account secrets and threads.", no_args_is_help=True
)


@keys_app.command("rotate")
def rotate(
    database: Annotated[str | None, typer.Option("--database", help=DATABASE_HELP)] = None,
    retire: Annotated[
        bool,
        typer.Option("--retire", help="Then drop the old keys from the key file."),
    ] = False,
) -> None:
    """Add a new key, seal every secret and thread message with it, in one transaction.

    The old keys stay in the key file (they open backups made before) unless --retire.
    """
    from carecast.store import keys as key_store
    from carecast.store import make_engine, make_sessionmaker, transaction
    from carecast.workflow.secrets import reseal

    try:
        engine = make_engine(database)
        keyring, path = key_store.rotate()
        with transaction(make_sessionmaker(engine)) as session:
            done = reseal(session, keyring)
        if retire:
            key_store.retire(keyring, path)
    except CarecastError as exc:
        raise _fail(exc) from None
    typer.echo(
        f"new key {keyring.current} in {path}; sealed again: {done.accounts} account "
        f"secret(s), {done.messages} thread message(s)"
        + ("; old keys retired" if retire else "; old keys kept to open older backups")
    )
