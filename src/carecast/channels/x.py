"""The X channel: the Twitter API v2 through tweepy, signed with OAuth 1.0a user tokens.

X has no idempotency key, so :meth:`XChannel.publish` keeps its promise another way. X
refuses a copy of a recent post from the same account with 403 "You are not allowed to
create a Tweet with duplicate content."; on that answer, and before posting again a key
whose last attempt ended without an answer, the adapter looks through the account's
recent posts for one with the same text (and the same parent, for a reply) and returns
it. Two posts with the same text and different keys therefore land as one: X would
refuse the second anyway.

Pictures go through X's v2 upload (``POST /2/media/upload``, base64 in a JSON body, then
``POST /2/media/metadata`` for the alt text); tweepy 4.17 has no v2 upload call of its
own, so those two requests use the client's plain ``request`` method, which signs,
times and maps errors exactly like the rest.
"""

from __future__ import annotations

import base64
import html
import time
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests
import tweepy

from carecast.channels.base import AccountSettings, Media, Mention, Mentions, Published
from carecast.channels.limits import X_LIMIT, x_length
from carecast.errors import CarecastError, Refused, RetryLater

KEYS = ("consumer_key", "consumer_secret", "access_token", "access_token_secret")
TOKENS_REFUSED = "the account's tokens were refused"
RECONNECT = "reconnect the X account in Settings → Accounts"
DUPLICATE = "duplicate content"
PICTURE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/bmp", "image/tiff")
PICTURE_BYTES = 5 * 1024 * 1024
MAX_PICTURES = 4
LOOKBACK = 100  # how many of the account's latest posts are searched for an earlier copy
MENTION_PAGES = 10  # at most this many pages of 100 mentions in one fetch
TWEET_FIELDS = ["created_at", "author_id", "conversation_id", "referenced_tweets", "entities"]
TWITTER_EPOCH_MS = 1288834974657  # post ids carry their creation time from this instant


class HostSession(requests.Session):
    """A requests session that sends tweepy's requests to the account's API host, each
    with a timeout.

    tweepy.Client builds every address as "https://api.twitter.com" + route and passes no
    timeout, but it sends everything through its public ``session`` attribute. Changing
    the address here, in ``Session.request``, happens before requests prepares the
    request and applies the OAuth 1.0a signature, so the signature covers the address
    actually used. (A transport adapter would rewrite an already signed request and break
    the signature; overriding ``Client.request`` would mean copying tweepy's status
    handling.)
    """

    HOSTS = ("https://api.twitter.com", "https://api.x.com")

    def __init__(self, base_url: str, timeout: float) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:
        for host in self.HOSTS:
            if isinstance(url, str) and url.startswith(host + "/"):
                url = self.base_url + url[len(host) :]
                break
        kwargs["timeout"] = self.timeout
        return super().request(method, url, *args, **kwargs)


class XChannel:
    """One X account, reached through tweepy's API v2 client."""

    kind = "x"

    def __init__(self, account: AccountSettings, *, timeout: float) -> None:
        missing = [name for name in KEYS if not account.secret.get(name)]
        if missing:
            raise Refused("x", "the account lacks " + ", ".join(missing), RECONNECT)
        self.limit = account.limit or X_LIMIT
        self.base_url = account.base_url.rstrip("/")
        self.timeout = timeout
        self._client = tweepy.Client(
            **{name: account.secret[name] for name in KEYS},
            return_type=dict,  # plain JSON: tweepy's models insist on fields X may omit
            wait_on_rate_limit=False,  # raise on 429; the caller decides when to retry
        )
        self._client.session = HostSession(self.base_url, timeout)
        self._me: tuple[str, str] | None = None  # (user id, username)
        self._published: dict[str, Published] = {}
        self._unsure: set[str] = set()  # keys whose last attempt got no answer

    def __repr__(self) -> str:
        return f"XChannel(base_url={self.base_url!r}, limit={self.limit})"

    def measure(self, text: str) -> int:
        return x_length(text)

    def publish(
        self,
        text: str,
        *,
        key: str,
        reply_to: str | None = None,
        media: Sequence[Media] = (),
    ) -> Published:
        if key in self._published:
            return self._published[key]
        check_pictures(media)
        with self._errors(key=key):
            self.me()  # asked first, so nothing can fail between posting and answering
            found = self._find_recent(text, reply_to) if key in self._unsure else None
            if found is None:
                found = self._create(text, reply_to, [self._upload(item) for item in media])
        self._unsure.discard(key)
        self._published[key] = found
        return found

    def reply(self, remote_id: str, text: str, *, key: str) -> Published:
        return self.publish(text, key=key, reply_to=remote_id)

    def hide(self, remote_id: str) -> bool:
        """Hide a reply in a conversation the account started (PUT /2/tweets/:id/hidden)."""
        with self._errors():
            self._client.hide_reply(remote_id, user_auth=True)
        return True

    def block(self, author: str) -> bool:
        """X's API v2 no longer lets an app block accounts."""
        return False

    def delete(self, remote_id: str) -> None:
        with self._errors(), suppress(tweepy.NotFound):  # 404: already gone
            self._client.delete_tweet(remote_id, user_auth=True)
        for key, published in list(self._published.items()):
            if published.remote_id == remote_id:
                del self._published[key]

    def fetch_mentions(self, cursor: str | None) -> Mentions:
        with self._errors():
            user_id, _ = self.me()
            newest = int(cursor) if cursor else 0
            items: list[Mention] = []
            token: str | None = None
            for _ in range(MENTION_PAGES):
                page = self._client.get_users_mentions(
                    user_id,
                    since_id=cursor or None,
                    pagination_token=token,
                    max_results=100,
                    tweet_fields=TWEET_FIELDS,
                    expansions=["author_id"],
                    user_fields=["username"],
                    user_auth=True,
                )
                users = {u["id"]: u["username"] for u in page.get("includes", {}).get("users", [])}
                for tweet in page.get("data") or []:
                    newest = max(newest, int(tweet["id"]))
                    if tweet.get("author_id") != user_id:  # the account's own posts
                        items.append(mention(tweet, users))
                meta = page.get("meta", {})
                newest = max(newest, int(meta.get("newest_id") or 0))
                token = meta.get("next_token")
                if not token:
                    break
        items.sort(key=lambda item: int(item.remote_id))
        return Mentions(items=items, cursor=str(newest) if newest else cursor)

    def me(self) -> tuple[str, str]:
        """The account's user id and username, asked of X once."""
        if self._me is None:
            data = self._client.get_me(user_fields=["username"], user_auth=True)["data"]
            self._me = (str(data["id"]), str(data["username"]))
        return self._me

    def _create(self, text: str, reply_to: str | None, media_ids: list[str]) -> Published:
        try:
            answer = self._client.create_tweet(
                text=text,
                in_reply_to_tweet_id=reply_to,
                media_ids=media_ids or None,
                user_auth=True,
            )
        except tweepy.Forbidden as error:
            if not any(DUPLICATE in message.lower() for message in error.api_messages):
                raise
            found = self._find_recent(text, reply_to)
            if found is None:
                raise Refused(
                    "x",
                    "X refused the text as a copy of a recent post, which carecast could "
                    "not find among the account's latest posts",
                    "change the wording a little and publish again",
                ) from None
            return found
        return self._published_as(str(answer["data"]["id"]))

    def _find_recent(self, text: str, reply_to: str | None) -> Published | None:
        """The account's latest post with exactly ``text`` (answering ``reply_to``)."""
        user_id, _ = self.me()
        page = self._client.get_users_tweets(
            user_id, max_results=LOOKBACK, tweet_fields=TWEET_FIELDS, user_auth=True
        )
        wanted = normal(text)
        for tweet in page.get("data") or []:
            if plain_text(tweet) == wanted and replied_to(tweet) == reply_to:
                return self._published_as(str(tweet["id"]))
        return None

    def _upload(self, item: Media) -> str:
        data = base64.b64encode(item.path.read_bytes()).decode("ascii")
        body = {"media": data, "media_category": "tweet_image", "media_type": item.mime_type}
        answer = self._client.request("POST", "/2/media/upload", json=body, user_auth=True)
        media_id = str(answer.json()["data"]["id"])
        alt = {"id": media_id, "metadata": {"alt_text": {"text": item.description[:1000]}}}
        self._client.request("POST", "/2/media/metadata", json=alt, user_auth=True)
        return media_id

    def _published_as(self, tweet_id: str) -> Published:
        _, username = self.me()
        return Published(remote_id=tweet_id, url=f"https://x.com/{username}/status/{tweet_id}")

    @contextmanager
    def _errors(self, key: str | None = None) -> Iterator[None]:
        """Turn what tweepy, requests or an unreadable answer raise into carecast's errors.
        A publish that fails in passing may still have landed: its key is remembered, so
        the next attempt looks for the post before making another."""
        try:
            yield
        except CarecastError:
            raise
        except HANDLED as error:
            failure = translate(error, self.timeout)
            if key is not None and isinstance(failure, RetryLater):
                self._unsure.add(key)
            raise failure from None


HANDLED = (tweepy.TweepyException, requests.RequestException, ValueError, KeyError, TypeError)
BAD_ADDRESS = (
    requests.exceptions.InvalidURL,
    requests.exceptions.MissingSchema,
    requests.exceptions.InvalidSchema,
)


def translate(error: Exception, timeout: float) -> RetryLater | Refused:
    """carecast's error for a failed request; never quotes a secret or a traceback."""
    if isinstance(error, tweepy.TooManyRequests):
        return RetryLater(
            "x",
            "X is limiting how often this account may post or read",
            retry_after=retry_after(error.response),
        )
    if isinstance(error, tweepy.TwitterServerError):
        return RetryLater("x", f"X had a passing fault ({status(error)})")
    if isinstance(error, tweepy.Unauthorized):
        return Refused("x", TOKENS_REFUSED, RECONNECT)
    if isinstance(error, tweepy.HTTPException):
        return Refused(
            "x",
            f"X refused the request ({status(error)}): {detail(error)}",
            "check the post and the account's access on X",
        )
    if isinstance(error, requests.Timeout):
        return RetryLater("x", f"X did not answer within {timeout:g} seconds")
    if isinstance(error, BAD_ADDRESS):
        return Refused("x", "the account's API address is not usable", RECONNECT)
    if isinstance(error, requests.RequestException):
        return RetryLater("x", "the connection to X was lost before it answered")
    if isinstance(error, tweepy.TweepyException):
        return Refused("x", "the X client could not make the request", RECONNECT)
    return Refused("x", "X sent an answer carecast could not read", "try again later")


def status(error: tweepy.HTTPException) -> int:
    return int(getattr(error.response, "status_code", 0))


def detail(error: tweepy.HTTPException) -> str:
    text = "; ".join(str(message) for message in error.api_messages) or "no reason given"
    return text[:300]


def retry_after(response: requests.Response) -> float | None:
    """Seconds to wait: Retry-After if X sent it, else until x-rate-limit-reset."""
    headers = response.headers
    value = headers.get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            try:
                return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
            except (TypeError, ValueError):
                pass
    reset = headers.get("x-rate-limit-reset")
    if reset:
        try:
            return max(0.0, float(reset) - time.time())
        except ValueError:
            return None
    return None


def check_pictures(media: Sequence[Media]) -> None:
    """Refuse, before anything is sent, pictures X would refuse."""
    if len(media) > MAX_PICTURES:
        raise Refused("x", f"X takes at most {MAX_PICTURES} pictures in a post", "remove some")
    for item in media:
        name = item.path.name
        if not item.description.strip():
            raise Refused("x", f"the picture {name} has no description", "describe it")
        if item.mime_type not in PICTURE_TYPES:
            raise Refused(
                "x",
                f"X does not take {item.mime_type} pictures here ({name})",
                "use a JPEG, PNG or WebP picture",
            )
        try:
            size = item.path.stat().st_size
        except OSError:
            raise Refused("x", f"the picture {name} cannot be read", "attach it again") from None
        if size > PICTURE_BYTES:
            raise Refused("x", f"the picture {name} is larger than 5 MB", "use a smaller one")


def mention(tweet: dict[str, Any], users: dict[str, str]) -> Mention:
    username = users.get(tweet.get("author_id", ""), tweet.get("author_id", "unknown"))
    return Mention(
        remote_id=str(tweet["id"]),
        author="@" + username,
        text=plain_text(tweet),
        url=f"https://x.com/{username}/status/{tweet['id']}",
        created_at=created_at(tweet),
        in_reply_to=replied_to(tweet),
    )


def created_at(tweet: dict[str, Any]) -> datetime:
    value = tweet.get("created_at")
    if value:
        return datetime.fromisoformat(value).astimezone(UTC)
    milliseconds = (int(tweet["id"]) >> 22) + TWITTER_EPOCH_MS
    return datetime.fromtimestamp(milliseconds / 1000, UTC)


def replied_to(tweet: dict[str, Any]) -> str | None:
    for reference in tweet.get("referenced_tweets") or []:
        if reference.get("type") == "replied_to":
            return str(reference["id"])
    return None


def plain_text(tweet: dict[str, Any]) -> str:
    """A post's text as written: X's t.co links put back to the addresses given, picture
    links removed, and X's HTML escapes (``&amp;``) undone."""
    text = str(tweet["text"])
    for link in tweet.get("entities", {}).get("urls", []):
        short = link.get("url")
        if not short:
            continue
        long = "" if link.get("media_key") else link.get("expanded_url", short)
        text = text.replace(short, long)
    return normal(html.unescape(text))


def normal(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()
