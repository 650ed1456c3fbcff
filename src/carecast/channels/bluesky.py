"""The Bluesky channel: one account on a Bluesky PDS, through the ``atproto`` client.

It signs in with the account's handle and app password on first use. Posts are
``app.bsky.feed.post`` records with clickable links (the library's facet detection) and,
for a reply, the thread's root and parent; pictures are uploaded blobs shown with their
alt text.

Idempotency: each post's record key is derived from carecast's ``key`` alone (see
:func:`record_key`), so a post can only ever land at one address. ``publish`` first asks
for that record and returns it if it is there, and creates it only if not; if creating
fails in any way it looks once more, since the record may exist all the same (the answer
was lost, or a second attempt raced the first: the reference PDS answers a taken record
key with a bare 500, which cannot be told from a passing failure).

Errors become :class:`RetryLater` (429, 5xx, timeouts, dropped connections) or
:class:`Refused` (a refused app password, any other 4xx). The app password never appears
in a message or a repr.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
from atproto_client import Client, models
from atproto_client.exceptions import (
    BadRequestError,
    InvokeTimeoutError,
    LoginRequiredError,
    ModelError,
    NetworkError,
    RequestErrorBase,
)
from atproto_client.models.utils import get_response_model
from atproto_client.request import Request
from atproto_core.exceptions import AtProtocolError

from carecast.channels.base import AccountSettings, Media, Mention, Mentions, Published
from carecast.channels.limits import BLUESKY_LIMIT, graphemes
from carecast.errors import ChannelError, Refused, RetryLater

T = TypeVar("T")

KIND = "bluesky"
POST = "app.bsky.feed.post"
THREADGATE = "app.bsky.feed.threadgate"  # one per thread, keyed like the thread's first post
BLOCK = "app.bsky.graph.block"
MAX_HIDDEN = 300  # app.bsky.feed.threadgate#hiddenReplies
MENTION_REASONS = ("mention", "reply")
MAX_IMAGES = 4  # app.bsky.embed.images allows four
PAGE_SIZE = 50
MAX_PAGES = 10  # how far back one fetch reads when catching up
PASSWORD_REFUSED = "the account's app password was refused"
RECONNECT = "reconnect the Bluesky account in Settings → Accounts"
TOKEN_EXPIRED = frozenset({"ExpiredToken", "InvalidToken"})

TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"  # base32-sortable
TID_START_US = 1_672_531_200_000_000  # 2023-01-01T00:00:00Z, in microseconds
TID_SPAN_US = 2 * 365 * 86_400 * 1_000_000  # two years
_AT_URI = re.compile(r"at://([^/\s]+)/([a-zA-Z0-9.-]+)/([^/?#\s]+)")

_Failure = (AtProtocolError, httpx.HTTPError, ValueError, OSError)


def record_key(key: str) -> str:
    """The record key (a TID) a post with carecast's ``key`` gets, always the same one.

    A TID is 64 bits, top bit 0, then a 53-bit time in microseconds and a 10-bit clock
    id, written as 13 base32-sortable characters. Both parts come from the sha-256 of
    ``key``: the time is a moment in 2023–2024, so it is plausible and never in the
    future (the post's ``createdAt`` says when it was really made), and the clock id is
    the next 10 bits. Nothing but ``key`` goes in, so a retry after a crash finds the
    first attempt's record.
    """
    digest = hashlib.sha256(f"carecast-post:{key}".encode()).digest()
    micros = TID_START_US + int.from_bytes(digest[:8], "big") % TID_SPAN_US
    clock_id = int.from_bytes(digest[8:10], "big") & 0x3FF
    value = micros << 10 | clock_id
    return "".join(TID_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(13)))


class BlueskyChannel:
    """One Bluesky account: ``account.base_url`` is its PDS (``https://bsky.social``),
    ``account.handle`` its handle and ``account.secret["password"]`` an app password."""

    kind = KIND

    def __init__(self, account: AccountSettings, *, timeout: float = 10.0) -> None:
        self._account = account
        self._timeout = timeout
        self._client: Any = None
        self._did = ""
        self.limit = account.limit or BLUESKY_LIMIT

    def __repr__(self) -> str:
        return f"BlueskyChannel(handle={self._handle!r}, base_url={self._account.base_url!r})"

    @property
    def _handle(self) -> str:
        return self._account.handle.lstrip("@")

    def measure(self, text: str) -> int:
        return graphemes(text)

    def publish(
        self,
        text: str,
        *,
        key: str,
        reply_to: str | None = None,
        media: Sequence[Media] = (),
    ) -> Published:
        if len(media) > MAX_IMAGES:
            raise Refused(KIND, f"a post takes at most {MAX_IMAGES} pictures", "remove some")
        rkey = record_key(key)

        def create(client: Any, did: str) -> Published:
            existing = self._lookup(client, did, rkey)
            if existing is not None:
                return existing
            record = self._record(client, text, reply_to, media)
            try:
                created = client.app.bsky.feed.post.create(did, record, rkey=rkey)
            except _Failure:
                try:
                    existing = self._lookup(client, did, rkey)
                except _Failure:
                    existing = None
                if existing is not None:
                    return existing
                raise
            return self._published(str(created.uri))

        return self._run(create)

    def reply(self, remote_id: str, text: str, *, key: str) -> Published:
        return self.publish(text, key=key, reply_to=remote_id)

    def hide(self, remote_id: str) -> bool:
        """Hide a reply in one of the account's threads, through the thread's threadgate
        (its ``hiddenReplies``); False for a post outside the account's threads, which
        only its author can remove."""

        def hide_reply(client: Any, did: str) -> bool:
            root = self._thread_root(client, remote_id)
            if root is None or _split_uri(root)[0] != did:
                return False
            rkey = _split_uri(root)[2]
            gate = self._get(client, did, THREADGATE, rkey)
            if gate is None:
                record = models.AppBskyFeedThreadgate.Record(
                    post=root,
                    created_at=client.get_current_time_iso(),
                    hidden_replies=[remote_id],
                )
                client.com.atproto.repo.create_record(
                    models.ComAtprotoRepoCreateRecord.Data(
                        repo=did, collection=THREADGATE, rkey=rkey, record=record
                    )
                )
                return True
            hidden = list(getattr(gate.value, "hidden_replies", None) or [])
            if remote_id in hidden:
                return True
            if len(hidden) >= MAX_HIDDEN:
                raise Refused(
                    KIND,
                    f"this thread already hides {MAX_HIDDEN} replies, Bluesky's limit",
                    "delete the thread's post, or report the reply in the Bluesky app",
                )
            record = gate.value.model_copy(update={"hidden_replies": [*hidden, remote_id]})
            client.com.atproto.repo.put_record(
                models.ComAtprotoRepoPutRecord.Data(
                    repo=did,
                    collection=THREADGATE,
                    rkey=rkey,
                    record=record,
                    swap_record=gate.cid,  # fails rather than lose a change made meanwhile
                )
            )
            return True

        return self._run(hide_reply)

    def block(self, author: str) -> bool:
        """Block the sender: an ``app.bsky.graph.block`` record naming their DID, under a
        key drawn from that DID, so blocking twice leaves one block."""
        handle = author.lstrip("@")

        def block_sender(client: Any, did: str) -> bool:
            subject = handle
            if not subject.startswith("did:"):
                answer = client.com.atproto.identity.resolve_handle(params={"handle": handle})
                subject = str(answer.did)
            rkey = record_key(f"block {subject}")
            if self._get(client, did, BLOCK, rkey) is not None:
                return True
            record = models.AppBskyGraphBlock.Record(
                subject=subject, created_at=client.get_current_time_iso()
            )
            client.app.bsky.graph.block.create(did, record, rkey=rkey)
            return True

        return self._run(block_sender)

    def delete(self, remote_id: str) -> None:
        repo, collection, rkey = _split_uri(remote_id)

        def remove(client: Any, did: str) -> None:
            data = {"repo": repo, "collection": collection, "rkey": rkey}
            try:
                client.com.atproto.repo.delete_record(data=data)
            except BadRequestError as error:
                if not _not_found(error):  # some servers answer so for a record gone
                    raise

        self._run(remove)

    def fetch_mentions(self, cursor: str | None) -> Mentions:
        try:
            since = _parse_time(cursor) if cursor else None
        except ValueError:
            raise Refused(KIND, f"the mentions cursor {cursor!r} is not a time", "") from None

        def fetch(client: Any, did: str) -> Mentions:
            found: dict[str, tuple[datetime, str, Mention]] = {}
            page: str | None = None
            for _ in range(MAX_PAGES):
                params = {"limit": PAGE_SIZE, "reasons": list(MENTION_REASONS)}
                if page:
                    params["cursor"] = page
                answer = client.app.bsky.notification.list_notifications(params=params)
                reached_cursor = False
                for notification in answer.notifications:
                    when = _parse_time(str(notification.indexed_at))
                    if since is not None and when <= since:
                        reached_cursor = True
                    elif notification.reason in MENTION_REASONS:
                        mention = self._mention(notification, when)
                        found[mention.remote_id] = (when, str(notification.indexed_at), mention)
                page = answer.cursor
                if since is None or reached_cursor or not page:
                    break
            ordered = sorted(found.values(), key=lambda item: item[0])
            newest = ordered[-1][1] if ordered else cursor
            return Mentions(items=[item[2] for item in ordered], cursor=newest)

        return self._run(fetch)

    def close(self) -> None:
        """Close the HTTP connections, if any were opened."""
        if self._client is not None:
            self._client.request.close()
            self._client = None

    # Building a post ------------------------------------------------------------

    def _record(self, client: Any, text: str, reply_to: str | None, media: Sequence[Media]) -> Any:
        facets = client.detect_facets(text) or None  # links, #tags, resolvable @handles
        reply = self._reply_ref(client, reply_to) if reply_to else None
        embed = None
        if media:
            images = [
                models.AppBskyEmbedImages.Image(
                    alt=item.description, image=self._upload(client, item)
                )
                for item in media
            ]
            embed = models.AppBskyEmbedImages.Main(images=images)
        return models.AppBskyFeedPost.Record(
            text=text,
            created_at=client.get_current_time_iso(),
            facets=facets,
            reply=reply,
            embed=embed,
        )

    def _reply_ref(self, client: Any, parent_uri: str) -> Any:
        repo, collection, rkey = _split_uri(parent_uri)
        try:
            parent = client.com.atproto.repo.get_record(
                params={"repo": repo, "collection": collection, "rkey": rkey}
            )
        except BadRequestError as error:
            if _not_found(error):
                raise Refused(KIND, "the post to answer is gone", "nothing to reply to") from None
            raise
        parent_ref = models.ComAtprotoRepoStrongRef.Main(uri=parent.uri, cid=parent.cid)
        parent_reply = getattr(parent.value, "reply", None)
        root = getattr(parent_reply, "root", None)
        root_ref = (
            models.ComAtprotoRepoStrongRef.Main(uri=root.uri, cid=root.cid) if root else parent_ref
        )
        return models.AppBskyFeedPost.ReplyRef(root=root_ref, parent=parent_ref)

    def _upload(self, client: Any, item: Media) -> Any:
        # Sent as ``content``: the library's upload_blob passes raw bytes as httpx's
        # deprecated ``data``, and labels them "*/*" instead of the picture's type.
        answer = client.invoke_procedure(
            "com.atproto.repo.uploadBlob",
            content=item.path.read_bytes(),
            headers={"Content-Type": item.mime_type},
        )
        return get_response_model(answer, models.ComAtprotoRepoUploadBlob.Response).blob

    # Reading back -----------------------------------------------------------------

    def _lookup(self, client: Any, did: str, rkey: str) -> Published | None:
        """The post at ``rkey`` in the account's repository, if there is one."""
        found = self._get(client, did, POST, rkey)
        return None if found is None else self._published(str(found.uri))

    def _get(self, client: Any, repo: str, collection: str, rkey: str) -> Any:
        """The record, or None where the repository has none at that key."""
        try:
            return client.com.atproto.repo.get_record(
                params={"repo": repo, "collection": collection, "rkey": rkey}
            )
        except BadRequestError as error:
            if _not_found(error):
                return None
            raise

    def _thread_root(self, client: Any, uri: str) -> str | None:
        """The first post of the thread ``uri`` replies in; None for a post that is no reply
        or is gone."""
        repo, collection, rkey = _split_uri(uri)
        found = self._get(client, repo, collection, rkey)
        root = getattr(getattr(getattr(found, "value", None), "reply", None), "root", None)
        return str(root.uri) if root is not None else None

    def _published(self, uri: str) -> Published:
        rkey = uri.rsplit("/", 1)[-1]
        return Published(remote_id=uri, url=f"https://bsky.app/profile/{self._handle}/post/{rkey}")

    def _mention(self, notification: Any, when: datetime) -> Mention:
        record = notification.record
        parent = getattr(getattr(record, "reply", None), "parent", None)
        handle = str(notification.author.handle)
        rkey = str(notification.uri).rsplit("/", 1)[-1]
        return Mention(
            remote_id=str(notification.uri),
            author="@" + handle,
            text=str(getattr(record, "text", "") or ""),
            url=f"https://bsky.app/profile/{handle}/post/{rkey}",
            created_at=when,
            in_reply_to=str(parent.uri) if parent is not None else None,
        )

    # Signing in, and turning failures into carecast's errors ----------------------------

    def _signed_in(self) -> tuple[Any, str]:
        if self._client is None:
            password = self._account.secret.get("password", "")
            if not self._handle or not password:
                raise Refused(KIND, "the account has no handle or app password", RECONNECT)
            base_url = self._account.base_url.rstrip("/") or None
            client = Client(base_url=base_url, request=Request(timeout=self._timeout))
            signed_in: list[Any] = []  # what the client reports once signed in: the DID
            client.on_session_change(lambda _event, state: signed_in.append(state))
            client.login(self._handle, password, fetch_bsky_profile=False)
            if not signed_in:
                raise Refused(KIND, "Bluesky signed in without naming the account", RECONNECT)
            self._did = str(signed_in[-1].did)
            self._client = client
        return self._client, self._did

    def _run(self, action: Callable[[Any, str], T]) -> T:
        """Run ``action`` signed in; sign in again once if the server let the token expire."""
        for attempt in (1, 2):
            try:
                client, did = self._signed_in()
                return action(client, did)
            except ChannelError:
                raise
            except BadRequestError as error:
                if attempt == 1 and _error_name(error) in TOKEN_EXPIRED:
                    self._client = None
                    continue
                raise self._translate(error) from None
            except _Failure as error:
                raise self._translate(error) from None
        raise RetryLater(KIND, "Bluesky kept refusing a fresh sign-in")  # pragma: no cover

    def _translate(self, error: BaseException) -> ChannelError:
        password = self._account.secret.get("password", "")
        translated = _translate(error, self._timeout)
        if password and password in translated.message:  # never echo it, whatever the server says
            translated.message = translated.message.replace(password, "•••")
            translated.args = (translated.message,)
        return translated


def _translate(error: BaseException, timeout: float) -> ChannelError:
    if isinstance(error, httpx.TimeoutException | InvokeTimeoutError):
        return RetryLater(KIND, f"Bluesky did not answer within {timeout:g} s")
    if isinstance(error, RequestErrorBase) and error.response is not None:
        status = error.response.status_code
        if status == 429:
            wait = _retry_after(error.response.headers)
            return RetryLater(KIND, "Bluesky is limiting requests for now", retry_after=wait)
        if status in (401, 403):
            return Refused(KIND, PASSWORD_REFUSED, RECONNECT)
        if status >= 500 or status == 408:
            return RetryLater(KIND, f"Bluesky failed ({status} {_detail(error)})")
        return Refused(KIND, f"Bluesky refused the request: {_detail(error)}", _hint(error))
    if isinstance(error, NetworkError | httpx.TransportError):
        return RetryLater(KIND, "the connection to Bluesky failed or was dropped")
    if isinstance(error, OSError):
        return Refused(KIND, f"a picture could not be read ({error.strerror})", "attach it again")
    if isinstance(error, LoginRequiredError):
        return Refused(KIND, PASSWORD_REFUSED, RECONNECT)
    if isinstance(error, ModelError | ValueError):
        return Refused(KIND, "Bluesky answered in a form carecast does not understand")
    return RetryLater(KIND, f"Bluesky failed ({type(error).__name__})")


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait: ``Retry-After`` (seconds or an HTTP date), else Bluesky's
    ``ratelimit-reset`` (the moment the window resets, in epoch seconds)."""
    retry_after, reset = headers.get("retry-after"), headers.get("ratelimit-reset")
    try:
        if retry_after:
            if retry_after.strip().isdigit():
                return float(retry_after)
            moment = parsedate_to_datetime(retry_after)
            moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
            return max((moment - datetime.now(UTC)).total_seconds(), 0.0)
        if reset:
            return max(float(reset) - time.time(), 0.0)
    except (TypeError, ValueError):
        return None
    return None


def _error_name(error: RequestErrorBase) -> str:
    content = error.response.content if error.response is not None else None
    return str(getattr(content, "error", "") or "")


def _detail(error: RequestErrorBase) -> str:
    content = error.response.content if error.response is not None else None
    name = str(getattr(content, "error", "") or "")
    message = str(getattr(content, "message", "") or "")
    return ": ".join(part for part in (name, message) if part) or "no details"


def _hint(error: RequestErrorBase) -> str:
    if "graphemes" in _detail(error):
        return "shorten the post"
    return "check the post and the account on Bluesky"


def _not_found(error: RequestErrorBase) -> bool:
    """A record that is not there: ``RecordNotFound``, or older servers' ``InvalidRequest``
    "Could not locate record"."""
    return _error_name(error) == "RecordNotFound" or "Could not locate record" in _detail(error)


def _split_uri(uri: str) -> tuple[str, str, str]:
    match = _AT_URI.fullmatch(uri.strip())
    if match is None:
        raise Refused(KIND, f"{uri!r} is not the address of a Bluesky post", "check the post")
    return match.group(1), match.group(2), match.group(3)


def _parse_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
