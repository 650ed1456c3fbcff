"""carecast.channels: one adapter per network account, all speaking :class:`Channel`.

- ``mastodon``: any Mastodon instance, through Mastodon.py; secret ``access_token``.
- ``bluesky``: a Bluesky PDS, through atproto; secret ``password`` (an app password).
- ``x``: X's API v2, through tweepy; secrets ``consumer_key``, ``consumer_secret``,
  ``access_token``, ``access_token_secret``.
- ``blog``: the practice's own site, static pages and an Atom feed (feedgen); no secret,
  option ``folder``.

Adapters are imported when first opened, so importing this package stays cheap.
"""

from __future__ import annotations

from importlib import import_module

from carecast.channels.base import (
    AccountSettings,
    Channel,
    Media,
    Mention,
    Mentions,
    Published,
)
from carecast.channels.limits import split
from carecast.errors import InputError

ADAPTERS = {
    "mastodon": "carecast.channels.mastodon:MastodonChannel",
    "bluesky": "carecast.channels.bluesky:BlueskyChannel",
    "x": "carecast.channels.x:XChannel",
    "blog": "carecast.channels.site:SiteChannel",
}
KINDS = tuple(ADAPTERS)


def open_channel(account: AccountSettings, *, timeout: float = 10.0) -> Channel:
    """The adapter for ``account``, ready to use (no request is made yet)."""
    target = ADAPTERS.get(account.kind)
    if target is None:
        raise InputError(
            f"carecast cannot publish to {account.kind!r} accounts",
            "connect one of: " + ", ".join(KINDS),
        )
    module, name = target.split(":")
    adapter: type[Channel] = getattr(import_module(module), name)
    return adapter(account, timeout=timeout)  # type: ignore[call-arg]


__all__ = [
    "ADAPTERS",
    "KINDS",
    "AccountSettings",
    "Channel",
    "Media",
    "Mention",
    "Mentions",
    "Published",
    "open_channel",
    "split",
]
