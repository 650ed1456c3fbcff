"""The network accounts a practice connects, with their secrets sealed at rest.

Connecting an account checks it on the network at once (its token must read the
account's mentions), so a wrong token is found while the manager is still at the form,
not at publication time. The secret is never logged, never written to the audit log,
and shown back only as its last four characters.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from urllib.parse import urlparse

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecast.channels import KINDS, AccountSettings, Channel, open_channel
from carecast.errors import InputError, NotFound
from carecast.store import Account, Practice, User
from carecast.store.keys import Keyring, mask
from carecast.workflow import audit
from carecast.workflow.roles import require

NAMES = {"mastodon": "Mastodon", "bluesky": "Bluesky", "x": "X", "blog": "the practice's site"}
# The secret field that is shown, masked, to say which credentials are stored.
SECRET_FIELDS: dict[str, tuple[str, ...]] = {
    "mastodon": ("access_token",),
    "bluesky": ("password",),
    "x": ("consumer_key", "consumer_secret", "access_token", "access_token_secret"),
    "blog": (),
}

Opener = Callable[[AccountSettings], Channel]


def _purpose(account: Account) -> str:
    return f"account:{account.id}"


def settings_of(account: Account, keyring: Keyring) -> AccountSettings:
    """What the channel adapter needs, with the secret opened in memory only."""
    secret: dict[str, str] = {}
    if account.secret:
        secret = json.loads(keyring.open(account.secret, _purpose(account)))
    return AccountSettings(
        kind=account.kind,
        base_url=account.base_url,
        handle=account.handle,
        secret=secret,
        options=dict(account.options or {}),
        limit=account.char_limit,
    )


def _clean_url(url: str, kind: str) -> str:
    url = url.strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        example = "https://lakeside.example/news" if kind == "blog" else "https://mastodon.social"
        raise InputError(
            f"{url or 'an empty address'!r} is not a web address", f"give one like {example}"
        )
    return url


def _clean_secret(kind: str, secret: Mapping[str, str]) -> dict[str, str]:
    cleaned = {name: str(secret.get(name, "")).strip() for name in SECRET_FIELDS[kind]}
    missing = [name for name, value in cleaned.items() if not value]
    if missing:
        raise InputError(
            f"the {NAMES[kind]} account needs: " + ", ".join(n.replace("_", " ") for n in missing),
            "copy them from the account's developer or app-password settings",
        )
    return cleaned


def connect(
    session: Session,
    user: User,
    keyring: Keyring,
    *,
    kind: str,
    base_url: str,
    handle: str = "",
    secret: Mapping[str, str] | None = None,
    options: Mapping[str, str] | None = None,
    label: str = "",
    char_limit: int | None = None,
    opener: Opener = open_channel,
) -> Account:
    """Check the account on its network, then keep it with its secret sealed."""
    require(user, "accounts.manage")
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise InputError(
            f"carecast cannot connect {kind!r} accounts", "choose: " + ", ".join(KINDS)
        )
    cleaned = _clean_secret(kind, secret or {})
    options = {k: str(v).strip() for k, v in (options or {}).items() if str(v).strip()}
    if kind == "blog" and not options.get("folder"):
        raise InputError(
            "the site needs a folder to write to", "give the folder your web server serves"
        )
    if char_limit is not None and char_limit < 50:
        raise InputError(f"a limit of {char_limit} characters is too small", "leave it empty")
    account = Account(
        practice_id=user.practice_id,
        kind=kind,
        base_url=_clean_url(base_url, kind),
        handle=handle.strip(),
        options=options,
        char_limit=char_limit,
        label=label.strip() or handle.strip() or NAMES[kind],
        secret_hint=mask(cleaned[SECRET_FIELDS[kind][0]]) if SECRET_FIELDS[kind] else "",
        created_by_id=user.id,
    )
    session.add(account)
    session.flush()
    if cleaned:
        account.secret = keyring.seal(json.dumps(cleaned), _purpose(account))
    # Reading the mentions proves the token works; the cursor starts after them.
    found = opener(settings_of(account, keyring)).fetch_mentions(None)
    account.cursor = found.cursor
    audit.record(
        session,
        actor=user.email,
        action="account.connected",
        object_type="account",
        object_id=account.id,
        details={"kind": kind, "base_url": account.base_url, "handle": account.handle},
        practice_id=account.practice_id,
    )
    return account


def disconnect(session: Session, user: User, account: Account) -> Account:
    """Stop using the account and destroy its stored secret."""
    require(user, "accounts.manage")
    account.active = False
    account.secret = ""
    account.secret_hint = ""
    audit.record(
        session,
        actor=user.email,
        action="account.disconnected",
        object_type="account",
        object_id=account.id,
        details={"kind": account.kind, "handle": account.handle},
        practice_id=account.practice_id,
    )
    return account


def get_account(session: Session, user: User, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None or account.practice_id != user.practice_id:
        raise NotFound(f"no account {account_id}", "pick one from Settings → Accounts")
    return account


def list_accounts(session: Session, user: User, *, active_only: bool = False) -> list[Account]:
    query = select(Account).where(Account.practice_id == user.practice_id)
    if active_only:
        query = query.where(Account.active.is_(True))
    return list(session.scalars(query.order_by(Account.id)))


def accounts_for(session: Session, practice: Practice) -> list[Account]:
    """The practice's active accounts, for planning deliveries."""
    query = select(Account).where(Account.practice_id == practice.id, Account.active.is_(True))
    return list(session.scalars(query.order_by(Account.id)))
