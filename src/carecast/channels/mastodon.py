"""Mastodon accounts, through Mastodon.py.

Publishing sends the ``Idempotency-Key`` header: a Mastodon server that has seen the key
in the last hour answers with the status it already made, which is what makes a
retry after a crash safe. Mentions are read from the account's notifications, oldest
first from the cursor (the id of the newest notification already taken).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests
from mastodon import (
    Mastodon,
    MastodonAPIError,
    MastodonError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonServerError,
    MastodonUnauthorizedError,
)

from carecast.channels.base import AccountSettings, Media, Mention, Mentions, Published
from carecast.channels.limits import MASTODON_LIMIT, mastodon_length
from carecast.channels.markup import plain_text
from carecast.errors import InputError, Refused, RetryLater

KIND = "mastodon"
PAGE = 40  # notifications asked for per request: Mastodon's maximum
RECONNECT = "reconnect the Mastodon account in Settings → Accounts"


class MastodonChannel:
    """One Mastodon account: ``base_url`` is its instance, ``secret["access_token"]`` its
    token (scopes read and write)."""

    kind = KIND

    def __init__(self, account: AccountSettings, *, timeout: float = 10.0) -> None:
        token = account.secret.get("access_token", "")
        if not token:
            raise InputError("the Mastodon account has no access token", RECONNECT)
        self.account = account
        self._session = requests.Session()
        self._last: requests.Response | None = None
        self._session.hooks["response"].append(self._remember)
        self._client = Mastodon(
            access_token=token,
            api_base_url=account.base_url,
            ratelimit_method="throw",
            request_timeout=timeout,
            session=self._session,
            version_check_mode="none",
            user_agent="carecast",
        )
        self._limit = account.limit

    def __repr__(self) -> str:
        return f"MastodonChannel({self.account.base_url!r}, handle={self.account.handle!r})"

    def _remember(self, response: requests.Response, *_args: Any, **_kwargs: Any) -> None:
        self._last = response

    @property
    def limit(self) -> int:
        """The instance's own limit when it states one, else Mastodon's usual 500."""
        if self._limit is None:
            # instance_v2 directly: Mastodon.py's instance() first asks the server's
            # version, and asks again without end when that fails.
            with self._errors("read the server's limits"):
                instance = self._client.instance_v2()
            statuses = (instance.get("configuration") or {}).get("statuses") or {}
            self._limit = int(statuses.get("max_characters") or MASTODON_LIMIT)
        return self._limit

    def measure(self, text: str) -> int:
        return mastodon_length(text)

    def publish(
        self,
        text: str,
        *,
        key: str,
        reply_to: str | None = None,
        media: Sequence[Media] = (),
    ) -> Published:
        with self._errors("publish"):
            media_ids = [
                self._client.media_post(
                    str(item.path), mime_type=item.mime_type, description=item.description
                )["id"]
                for item in media
            ]
            status = self._client.status_post(
                text,
                in_reply_to_id=reply_to,
                media_ids=media_ids or None,
                visibility="public",
                idempotency_key=key,
            )
        return Published(remote_id=str(status["id"]), url=str(status["url"] or status["uri"]))

    def delete(self, remote_id: str) -> None:
        try:
            with self._errors("delete"):
                self._client.status_delete(remote_id)
        except Refused as exc:
            if not isinstance(exc.__cause__, MastodonNotFoundError):
                raise

    def reply(self, remote_id: str, text: str, *, key: str) -> Published:
        return self.publish(text, key=key, reply_to=remote_id)

    def hide(self, remote_id: str) -> bool:
        """Mastodon lets an account hide nobody else's reply: report or block instead."""
        return False

    def block(self, author: str) -> bool:
        with self._errors("block the sender"):
            account = self._client.account_lookup(author.lstrip("@"))
            self._client.account_block(account["id"])
        return True

    def fetch_mentions(self, cursor: str | None) -> Mentions:
        """Mentions after the notification ``cursor``, paging forward with ``min_id``;
        with no cursor, the latest page."""
        taken: list[Any] = []
        with self._errors("fetch mentions"):
            if cursor is None:
                taken = list(self._client.notifications(types=["mention"], limit=PAGE))
            else:
                newest = cursor
                while True:
                    page = self._client.notifications(types=["mention"], min_id=newest, limit=PAGE)
                    taken.extend(page)
                    if len(page) < PAGE:
                        break
                    newest = str(max(int(n["id"]) for n in page))
        taken = [n for n in taken if n.get("status")]
        if not taken:
            return Mentions(items=[], cursor=cursor)
        taken.sort(key=lambda n: int(n["id"]))
        return Mentions(items=[_mention(n["status"]) for n in taken], cursor=str(taken[-1]["id"]))

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Mastodon.py's exceptions as carecast's: passing ones to retry, lasting ones
        for a person. The token never appears in a message."""
        try:
            yield
        except MastodonRatelimitError as exc:
            raise RetryLater(
                KIND,
                f"the server is rate limiting this account ({doing})",
                retry_after=self._retry_after(),
            ) from exc
        except MastodonServerError as exc:
            raise RetryLater(KIND, f"the server failed to {doing}: {_status(exc)}") from exc
        except MastodonNetworkError as exc:
            raise RetryLater(KIND, f"could not reach {self.account.base_url} to {doing}") from exc
        except MastodonUnauthorizedError as exc:
            raise Refused(KIND, "the account's access token was refused", RECONNECT) from exc
        except MastodonNotFoundError as exc:
            raise Refused(KIND, f"could not {doing}: not found on the server") from exc
        except MastodonAPIError as exc:
            if len(exc.args) < 2 or not isinstance(exc.args[1], int):
                # No status: the answer could not be read (cut off, not JSON). The request
                # may have landed; the idempotency key makes trying again safe.
                raise RetryLater(KIND, f"the server's answer could not be read ({doing})") from exc
            raise Refused(
                KIND,
                f"the server refused to {doing}: {_status(exc)}",
                "change the post or the account's settings, then try again",
            ) from exc
        except MastodonError as exc:
            raise Refused(KIND, f"could not {doing}: {exc.__class__.__name__}") from exc

    def _retry_after(self) -> float | None:
        """Seconds to wait, from ``Retry-After`` or Mastodon's ``X-RateLimit-Reset``."""
        headers = self._last.headers if self._last is not None else {}
        if value := headers.get("Retry-After"):
            if value.strip().isdigit():
                return float(value)
            try:
                return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
            except (TypeError, ValueError):
                pass
        reset = self._client.ratelimit_reset
        if reset:
            return max(0.0, float(reset) - time.time())
        return None


def _status(exc: MastodonError) -> str:
    """``"422 Validation failed: Text too long"`` from Mastodon.py's error arguments."""
    parts = [str(part) for part in exc.args[1:] if part]
    return " ".join(parts) or exc.__class__.__name__


def _mention(status: Any) -> Mention:
    created = status["created_at"]
    if isinstance(created, str):
        created = datetime.fromisoformat(created.replace("Z", "+00:00"))
    created = created.replace(tzinfo=UTC) if created.tzinfo is None else created.astimezone(UTC)
    reply_to = status.get("in_reply_to_id")
    return Mention(
        remote_id=str(status["id"]),
        author="@" + str(status["account"]["acct"]),
        text=plain_text(str(status["content"])),
        url=str(status.get("url") or status.get("uri") or ""),
        created_at=created,
        in_reply_to=str(reply_to) if reply_to is not None else None,
    )
