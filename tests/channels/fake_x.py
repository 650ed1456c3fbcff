"""A small stand-in for the X API v2, held in memory, for the X channel's tests.

It speaks the HTTP the adapter uses, in X's shapes: ``POST /2/tweets``, ``DELETE
/2/tweets/:id``, ``GET /2/users/me``, ``GET /2/users/:id/tweets``, ``GET
/2/users/:id/mentions`` (``since_id``, ``max_results``, ``pagination_token`` and the
``author_id`` expansion), ``POST /2/media/upload`` and ``POST /2/media/metadata``. Errors
come as X's problem objects ``{"title", "detail", "type", "status"}``.

Like X it checks each request's OAuth 1.0a signature against the account's four keys
(401 otherwise), refuses a copy of the account's own recent post with 403, escapes ``&``,
``<`` and ``>`` in the text it returns and wraps links as ``https://t.co/…``.

Faults are queued per method and path with :meth:`FakeX.fail`: a 429 with
``x-rate-limit-reset`` or ``Retry-After``, a 5xx, an answer slower than the client waits,
or a connection closed without an answer, optionally after the request took effect (a
post stored, its answer lost).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import html
import itertools
import re
import threading
import time
from collections import defaultdict, deque
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from oauthlib.oauth1.rfc5849 import signature, utils
from twitter_text import parse_tweet

DUPLICATE = "You are not allowed to create a Tweet with duplicate content."
URL = re.compile(r"https?://\S+")
TITLES = {429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}
Message = MutableMapping[str, Any]


class Problem(Exception):
    """An error answer in X's shape."""

    def __init__(self, status: int, title: str, detail: str, kind: str = "about:blank") -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.kind = status, title, detail, kind

    def response(self, headers: dict[str, str] | None = None) -> JSONResponse:
        body = {"title": self.title, "detail": self.detail, "type": self.kind}
        return JSONResponse({**body, "status": self.status}, self.status, headers=headers)


@dataclass(frozen=True)
class Fault:
    """What goes wrong with one request. ``after``: the request takes effect first."""

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False
    after: bool = False
    reset_in: int | None = None  # x-rate-limit-reset, this many seconds after answering

    @classmethod
    def rate_limited(cls, reset_in: int = 30) -> Fault:
        return cls(429, {"x-rate-limit-remaining": "0"}, reset_in=reset_in)

    @classmethod
    def retry_after(cls, seconds: int) -> Fault:
        return cls(429, {"retry-after": str(seconds)})

    @classmethod
    def server_error(cls, status: int = 503) -> Fault:
        return cls(status)

    @classmethod
    def slow(cls, seconds: float, *, after: bool = False) -> Fault:
        return cls(delay=seconds, after=after)

    @classmethod
    def dropped(cls, *, after: bool = False) -> Fault:
        return cls(drop=True, after=after)


@dataclass
class Tweet:
    id: str
    author_id: str
    text: str
    created_at: datetime
    in_reply_to: str | None = None
    media_ids: list[str] = field(default_factory=list)
    deleted: bool = False
    hidden: bool = False


class FakeX:
    """The fake API, an ASGI app to give ``live_server``. Its account is ``username``."""

    def __init__(
        self,
        *,
        consumer_key: str = "ck-north",
        consumer_secret: str = "cs-north-secret",
        access_token: str = "1000-at-north",
        access_token_secret: str = "ats-north-secret",
        username: str = "northclinic",
    ) -> None:
        self.keys = (consumer_key, consumer_secret, access_token, access_token_secret)
        self.user_id = "1000"
        self.users: dict[str, str] = {self.user_id: username}  # id -> username
        self.tweets: dict[str, Tweet] = {}
        self.media: dict[str, str | None] = {}  # media id -> alt text
        self.calls: list[tuple[str, str]] = []
        self._ids = itertools.count(1_800_000_000_000_000_000, 4_194_304)
        self._faults: dict[tuple[str, str], deque[Fault]] = defaultdict(deque)
        self._lock = threading.Lock()
        self.app = self._build()

    # --- what a test sets up and looks at -------------------------------------------

    @property
    def username(self) -> str:
        return self.users[self.user_id]

    def fail(self, method: str, path: str, fault: Fault, times: int = 1) -> None:
        """Make the next ``times`` requests to ``method path`` suffer ``fault``."""
        with self._lock:
            self._faults[(method.upper(), path)].extend([fault] * times)

    def add_user(self, username: str) -> str:
        user_id = str(2000 + len(self.users))
        self.users[user_id] = username
        return user_id

    def post_as(self, username: str, text: str, *, in_reply_to: str | None = None) -> str:
        """Another person posts; a reply starts with the parent's @handle, as on X."""
        author = next((i for i, name in self.users.items() if name == username), None)
        author = author or self.add_user(username)
        if in_reply_to is not None:
            text = f"@{self.users[self.tweets[in_reply_to].author_id]} {text}"
        return self._store(author, text, in_reply_to, []).id

    def posts_by_account(self) -> list[Tweet]:
        return [t for t in self.tweets.values() if t.author_id == self.user_id and not t.deleted]

    def count(self, method: str, path: str) -> int:
        return self.calls.count((method.upper(), path))

    # --- the ASGI entry: faults first, then the API ------------------------------------

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        key = (scope["method"], scope["path"])
        with self._lock:
            self.calls.append(key)
            queue = self._faults.get(key)
            fault = queue.popleft() if queue else None
        if fault is None:
            await self.app(scope, receive, send)
            return
        receive = await read_ahead(receive)  # the body stays readable after a slow wait
        answer: list[Message] = []
        if fault.after:

            async def keep(message: Message) -> None:
                answer.append(message)

            await self.app(scope, receive, keep)
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.drop:
            await hang_up(send)
        elif fault.status is not None:
            title = TITLES.get(fault.status, "Error")
            headers = dict(fault.headers)
            if fault.reset_in is not None:
                headers["x-rate-limit-reset"] = str(int(time.time()) + fault.reset_in)
            answer_with = Problem(fault.status, title, title).response(headers)
            await answer_with(scope, receive, send)
        elif fault.after:
            for message in answer:
                await send(message)
        else:
            await self.app(scope, receive, send)

    # --- the API ----------------------------------------------------------------------

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.exception_handler(Problem)
        async def problem(request: Request, error: Problem) -> JSONResponse:
            return error.response()

        @app.middleware("http")
        async def authorize(request: Request, call_next: Any) -> Any:
            try:
                self._check_signature(request, await request.body())
            except Problem as error:
                return error.response()
            return await call_next(request)

        @app.get("/2/users/me")
        def me() -> dict[str, Any]:
            return {"data": self._user(self.user_id)}

        @app.post("/2/tweets", status_code=201)
        async def create(request: Request) -> dict[str, Any]:
            return {"data": self._create(await request.json())}

        @app.delete("/2/tweets/{tweet_id}")
        def delete(tweet_id: str) -> dict[str, Any]:
            tweet = self.tweets.get(tweet_id)
            if tweet is None or tweet.deleted:
                raise Problem(
                    404, "Not Found Error", f"Could not find tweet with id: [{tweet_id}]."
                )
            if tweet.author_id != self.user_id:
                raise Problem(403, "Forbidden", "You are not allowed to delete this Tweet.")
            tweet.deleted = True
            return {"data": {"deleted": True}}

        @app.put("/2/tweets/{tweet_id}/hidden")
        async def hide(tweet_id: str, request: Request) -> dict[str, Any]:
            tweet = self.tweets.get(tweet_id)
            if tweet is None or tweet.deleted:
                raise Problem(
                    404, "Not Found Error", f"Could not find tweet with id: [{tweet_id}]."
                )
            root = tweet
            while root.in_reply_to in self.tweets:
                root = self.tweets[root.in_reply_to]
            if root is tweet or root.author_id != self.user_id:
                raise Problem(
                    403, "Forbidden", "You can only hide replies in conversations you started."
                )
            tweet.hidden = bool((await request.json()).get("hidden"))
            return {"data": {"hidden": tweet.hidden}}

        @app.get("/2/users/{user_id}/tweets")
        def timeline(user_id: str, request: Request) -> dict[str, Any]:
            found = [t for t in self._live() if t.author_id == user_id]
            return self._page(found, request)

        @app.get("/2/users/{user_id}/mentions")
        def mentions(user_id: str, request: Request) -> dict[str, Any]:
            handle = f"@{self.users.get(user_id, '?')}".lower()
            found = [t for t in self._live() if t.author_id != user_id and handle in t.text.lower()]
            return self._page(found, request)

        @app.post("/2/media/upload")
        async def upload(request: Request) -> dict[str, Any]:
            body = await request.json()
            if not body.get("media") or body.get("media_category") != "tweet_image":
                raise invalid("media and media_category are required")
            media_id = str(next(self._ids))
            self.media[media_id] = None
            size = len(body["media"]) * 3 // 4
            processing = {"state": "succeeded"}
            data = {"id": media_id, "media_key": f"3_{media_id}", "size": size}
            return {"data": {**data, "expires_after_secs": 86400, "processing_info": processing}}

        @app.post("/2/media/metadata")
        async def metadata(request: Request) -> dict[str, Any]:
            body = await request.json()
            if body.get("id") not in self.media:
                raise invalid("unknown media id")
            self.media[body["id"]] = body["metadata"]["alt_text"]["text"]
            return {"data": {"id": body["id"], "associated_metadata": True}}

        return app

    def _check_signature(self, request: Request, body: bytes) -> None:
        consumer_key, consumer_secret, token, token_secret = self.keys
        refused = Problem(401, "Unauthorized", "Unauthorized")
        header = request.headers.get("authorization", "")
        if not header.startswith("OAuth "):
            raise refused
        given = dict(utils.parse_authorization_header(header))
        if given.get("oauth_consumer_key") != consumer_key or given.get("oauth_token") != token:
            raise refused
        form = request.headers.get("content-type", "").startswith("application/x-www-form")
        params = signature.collect_parameters(
            uri_query=request.url.query,
            body=body.decode() if form else None,
            headers={"Authorization": header},
        )
        base = signature.signature_base_string(
            request.method,
            signature.base_string_uri(str(request.url)),
            signature.normalize_parameters(params),
        )
        key = f"{utils.escape(consumer_secret)}&{utils.escape(token_secret)}"
        digest = hmac.new(key.encode(), base.encode(), hashlib.sha1).digest()
        sent = unquote(given.get("oauth_signature", ""))
        if not hmac.compare_digest(base64.b64encode(digest).decode(), sent):
            raise refused

    def _create(self, body: dict[str, Any]) -> dict[str, Any]:
        text = body.get("text", "")
        media_ids = [str(i) for i in body.get("media", {}).get("media_ids", [])]
        if not text and not media_ids:
            raise invalid("text or media is required")
        if parse_tweet(text).weightedLength > 280:
            raise Problem(403, "Forbidden", "Your Tweet text is too long.")
        if any(i not in self.media for i in media_ids):
            raise invalid("media_ids must be uploaded first")
        parent = body.get("reply", {}).get("in_reply_to_tweet_id")
        if parent is not None and (parent not in self.tweets or self.tweets[parent].deleted):
            raise Problem(
                403,
                "Forbidden",
                "You attempted to reply to a Tweet that is deleted or not visible to you.",
            )
        if any(t.text == text for t in self.posts_by_account()):
            raise Problem(403, "Forbidden", DUPLICATE)
        tweet = self._store(self.user_id, text, parent, media_ids)
        shown = self._render(tweet, set())
        return {**shown, "edit_history_tweet_ids": [tweet.id]}

    def _store(self, author: str, text: str, parent: str | None, media: list[str]) -> Tweet:
        tweet = Tweet(str(next(self._ids)), author, text, datetime.now(UTC), parent, media)
        self.tweets[tweet.id] = tweet
        return tweet

    def _live(self) -> list[Tweet]:
        """Every post not deleted, newest first."""
        return sorted(
            (t for t in self.tweets.values() if not t.deleted),
            key=lambda t: int(t.id),
            reverse=True,
        )

    def _page(self, found: list[Tweet], request: Request) -> dict[str, Any]:
        query = request.query_params
        size = int(query.get("max_results", "10"))
        if not 5 <= size <= 100:
            raise invalid("max_results must be between 5 and 100")
        if "since_id" in query:
            found = [t for t in found if int(t.id) > int(query["since_id"])]
        start = int(query.get("pagination_token", "0"))
        page = found[start : start + size]
        fields = set(query.get("tweet.fields", "").split(","))
        meta: dict[str, Any] = {"result_count": len(page)}
        if not page:
            return {"meta": meta}
        meta.update(newest_id=page[0].id, oldest_id=page[-1].id)
        if start + size < len(found):
            meta["next_token"] = str(start + size)
        answer: dict[str, Any] = {"data": [self._render(t, fields) for t in page], "meta": meta}
        if "author_id" in query.get("expansions", "").split(","):
            authors = dict.fromkeys(t.author_id for t in page)
            answer["includes"] = {"users": [self._user(a) for a in authors]}
        return answer

    def _user(self, user_id: str) -> dict[str, str]:
        name = self.users[user_id]
        return {"id": user_id, "name": name.title(), "username": name}

    def _render(self, tweet: Tweet, fields: set[str]) -> dict[str, Any]:
        """A post as X shows it: text escaped, links wrapped, the asked-for fields."""
        text, urls = "", []
        pieces = URL.split(tweet.text)
        for index, link in enumerate(URL.findall(tweet.text)):
            text += html.escape(pieces[index], quote=False)
            short = f"https://t.co/{int(tweet.id) % 10**8:08d}{index}"
            urls.append({"start": len(text), "end": len(text) + len(short), "url": short})
            urls[-1].update(expanded_url=link, display_url=link.split("//", 1)[1][:25])
            text += short
        text += html.escape(pieces[-1], quote=False)
        for media_id in tweet.media_ids:
            short = f"https://t.co/m{media_id[-8:]}"
            text += " "
            urls.append({"start": len(text), "end": len(text) + len(short), "url": short})
            urls[-1].update(media_key=f"3_{media_id}", display_url="pic.x.com/" + media_id)
            text += short
        shown: dict[str, Any] = {"id": tweet.id, "text": text}
        shown["edit_history_tweet_ids"] = [tweet.id]
        if "created_at" in fields:
            shown["created_at"] = tweet.created_at.strftime("%Y-%m-%dT%H:%M:%S.") + (
                f"{tweet.created_at.microsecond // 1000:03d}Z"
            )
        if "author_id" in fields:
            shown["author_id"] = tweet.author_id
        if "conversation_id" in fields:
            shown["conversation_id"] = self._root(tweet).id
        if "referenced_tweets" in fields and tweet.in_reply_to:
            shown["referenced_tweets"] = [{"type": "replied_to", "id": tweet.in_reply_to}]
        if "entities" in fields and urls:
            shown["entities"] = {"urls": urls}
        return shown

    def _root(self, tweet: Tweet) -> Tweet:
        while tweet.in_reply_to in self.tweets:
            tweet = self.tweets[tweet.in_reply_to]
        return tweet


def invalid(detail: str) -> Problem:
    kind = "https://api.twitter.com/2/problems/invalid-request"
    return Problem(400, "Invalid Request", detail, kind)


async def read_ahead(receive: Any) -> Any:
    """Read the request body now; the returned ``receive`` hands it out again."""
    body, more = b"", True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        body, more = body + message.get("body", b""), message.get("more_body", False)
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


async def hang_up(send: Any) -> None:
    """Close the connection without an answer. The ASGI interface has no word for that,
    so this reaches uvicorn's connection through ``send``, a method of its request cycle."""
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        raise RuntimeError("cannot reach the connection to hang up; is this uvicorn?")
    transport.close()
    await asyncio.sleep(0.05)  # let uvicorn see the connection go before the app returns
