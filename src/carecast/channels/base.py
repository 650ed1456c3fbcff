"""What every channel adapter offers, and the plain values that cross its edge.

A channel is one network account. ``publish`` must be idempotent on ``key``: called
twice with the same key (after a crash, say) it returns the first post instead of
making a second one. Each adapter keeps that promise the way its network allows:
Mastodon's ``Idempotency-Key`` header, a record key derived from ``key`` on Bluesky,
a look at the account's recent posts on X, a file named for the key on the site.

Adapters raise :class:`carecast.errors.RetryLater` for passing failures (429, 5xx,
timeouts, dropped connections) and :class:`carecast.errors.Refused` for lasting ones.
They never log or show the account's secret.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class AccountSettings:
    """What an adapter needs to reach one account. ``secret`` holds the credentials
    (decrypted only in memory, never printed: its repr is masked); ``options`` holds
    settings that are not secret (the site channel's folder, say); ``limit`` overrides
    the network's usual post length when the account's server allows another."""

    kind: str
    base_url: str
    handle: str = ""
    secret: dict[str, str] = field(default_factory=dict, repr=False)
    options: dict[str, str] = field(default_factory=dict)
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class Media:
    """A picture to attach. ``description`` is its alt text, which every network shows
    to screen-reader users; carecast never attaches a picture without one."""

    path: Path
    description: str
    mime_type: str = "image/png"


@dataclass(frozen=True, slots=True)
class Published:
    """Where a post landed: the network's id for it and a link people can open."""

    remote_id: str
    url: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A reply to, or a mention of, the account, as fetched from the network."""

    remote_id: str
    author: str  # the sender's handle, e.g. "@bob@example.social"
    text: str  # plain text, markup removed
    url: str
    created_at: datetime
    in_reply_to: str | None = None  # remote id of the post it answers, if any


@dataclass(frozen=True, slots=True)
class Mentions:
    """One fetch: the mentions newer than the cursor given, oldest first, and the cursor
    to give next time (unchanged when nothing new arrived)."""

    items: list[Mention] = field(default_factory=list)
    cursor: str | None = None


class Channel(Protocol):
    """One network account. ``kind`` is the name in post channels (``mastodon``, …)."""

    kind: str
    limit: int  # the most a single post may hold, in the network's own measure

    def measure(self, text: str) -> int:
        """The length of ``text`` as the network counts it against :attr:`limit`."""
        ...

    def publish(
        self,
        text: str,
        *,
        key: str,
        reply_to: str | None = None,
        media: Sequence[Media] = (),
    ) -> Published:
        """Post ``text`` (as a reply to the remote id ``reply_to``, if given). Idempotent
        on ``key``."""
        ...

    def delete(self, remote_id: str) -> None:
        """Remove a post. Deleting one that is already gone is not an error."""
        ...

    def fetch_mentions(self, cursor: str | None) -> Mentions:
        """Replies and mentions newer than ``cursor`` (all recent ones when None)."""
        ...

    def reply(self, remote_id: str, text: str, *, key: str) -> Published:
        """Answer the post or mention ``remote_id`` in public. Idempotent on ``key``."""
        ...

    def hide(self, remote_id: str) -> bool:
        """Hide someone's reply under the account's post; False where the network has no
        way to (Mastodon, say), so the practice knows to act another way."""
        ...

    def block(self, author: str) -> bool:
        """Block the sender (a handle as in :attr:`Mention.author`); False where the
        network offers no way."""
        ...
