"""Everything carecast keeps sealed, sealed again with the current key (after
``carecast keys rotate``): account secrets and private-thread messages."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecast.store import Account, ThreadMessage
from carecast.store.keys import Keyring
from carecast.workflow import audit


@dataclass(frozen=True)
class Resealed:
    accounts: int
    messages: int


def reseal(session: Session, keyring: Keyring, *, actor: str = "cli") -> Resealed:
    """Open each sealed value with whichever key sealed it and seal it with the current
    one, in the caller's transaction (all or nothing)."""
    accounts = 0
    for account in session.scalars(select(Account).where(Account.secret != "")):
        purpose = f"account:{account.id}"
        account.secret = keyring.seal(keyring.open(account.secret, purpose), purpose)
        accounts += 1
    messages = 0
    for message in session.scalars(select(ThreadMessage)):
        purpose = f"thread:{message.thread_id}"
        message.sealed_body = keyring.seal(keyring.open(message.sealed_body, purpose), purpose)
        messages += 1
    audit.record(
        session,
        actor=actor,
        action="keys.rotated",
        object_type="keyring",
        object_id=keyring.current,
        details={"accounts": accounts, "messages": messages},
    )
    return Resealed(accounts, messages)
