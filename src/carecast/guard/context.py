"""Where a text is going: the channel and, for replies, whom it answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from carecast.errors import InputError

CHANNELS = ("x", "mastodon", "bluesky", "facebook", "linkedin", "blog", "community")


@dataclass(frozen=True, slots=True)
class Context:
    """``channel`` names the network (usually one of :data:`CHANNELS`; others are checked
    like any public channel) or is None; ``reply_to`` is a handle or None."""

    channel: str | None = None
    reply_to: str | None = None

    @property
    def is_reply(self) -> bool:
        return bool(self.reply_to)

    @classmethod
    def of(cls, value: Context | Mapping[str, Any] | None) -> Context:
        """Build a context from a mapping such as the ``context`` of a JSONL line."""
        if value is None:
            return cls()
        if isinstance(value, Context):
            return value
        if not isinstance(value, Mapping):
            raise InputError(
                f"context must be an object, not {type(value).__name__}",
                'give it as {"channel": "x", "reply_to": null}',
            )
        channel = value.get("channel")
        reply_to = value.get("reply_to")
        if channel is not None:
            if not isinstance(channel, str) or not channel.strip():
                raise InputError(
                    f"channel must be a network's name, not {channel!r}",
                    "use one of: " + ", ".join(CHANNELS),
                )
            channel = channel.strip().lower()
        if reply_to is not None and not isinstance(reply_to, str):
            raise InputError("reply_to must be a handle (text) or null", 'e.g. "@sam_k"')
        return cls(channel=channel, reply_to=reply_to or None)
