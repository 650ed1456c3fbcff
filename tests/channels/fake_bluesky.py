"""A small Bluesky PDS in memory, speaking the XRPC the ``atproto`` client sends, so the
Bluesky adapter is tested through the real client library over real HTTP.

It keeps accounts, their posts, uploaded pictures and the notifications a reply or a
mention gives the account it answers. Answers have the lexicon's JSON shapes, and its
errors are the reference PDS's where carecast depends on them:

- ``getRecord`` for a record that is not there: 400 ``RecordNotFound``, "Could not locate
  record: at://…".
- ``createRecord`` with a record key that is already taken: the reference PDS (the
  TypeScript one behind bsky.social) answers **500 InternalServerError**, because its
  repository tree refuses the second insert ("There is already a value at key") and no
  handler turns that into an XRPC error; bluesky-social/atproto#3718 and #4728 track it.
  So a client cannot tell "already exists" from a passing failure by the answer, and must
  look with ``getRecord``. The fake answers the same 500.
- A record key that is not a TID, for a collection whose lexicon says ``"key": "tid"``
  (``app.bsky.feed.post``): 400 ``InvalidRequest``.
- ``deleteRecord`` for a record that is gone: 200, as its lexicon says ("delete a record,
  or ensure it doesn't exist").
- A post longer than 300 graphemes: 400 ``InvalidRequest`` ("Invalid app.bsky.feed.post
  record: …").
- ``putRecord`` with a ``swapRecord`` that is not the record's current CID: 400
  ``InvalidSwap``.
- A threadgate (``app.bsky.feed.threadgate``) whose ``post`` is not the caller's post at
  the same record key, or that hides more than 300 replies: 400 ``InvalidRequest``. A
  block (``app.bsky.graph.block``) whose subject is not a DID: 400 ``InvalidRequest``.
- Wrong password: 401 ``AuthenticationRequired`` "Invalid identifier or password"; an
  expired token: 400 ``ExpiredToken``; none: 401 ``AuthMissing``.

Record CIDs are well formed (CIDv1, sha-256) but hash the record's JSON, not its DAG-CBOR.

Faults: ``fake.fail(method, kind, times=…)`` queues faults for the next requests to one
XRPC method: ``"rate_limit"`` (429 with ``Retry-After`` and/or ``ratelimit-reset``),
``"server_error"`` (500), ``"slow"`` (answer only after ``delay`` seconds, the work still
done), ``"drop"`` (close the connection without an answer, nothing done) and
``"drop_after"`` (do the work, then close the connection without an answer). A dropped
connection uses uvicorn's own rule: an ASGI app that returns a value other than ``None``
before it starts a response gets its connection closed with nothing sent.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import regex
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

POST = "app.bsky.feed.post"
LIKE = "app.bsky.feed.like"
THREADGATE = "app.bsky.feed.threadgate"
BLOCK = "app.bsky.graph.block"
MAX_HIDDEN = 300
TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
DROPPED = "connection dropped on purpose by the fake Bluesky server"
FAULT_KINDS = ("rate_limit", "server_error", "slow", "drop", "drop_after")


@dataclass
class Fault:
    kind: str
    retry_after: str | None = None  # the Retry-After header, as sent
    reset: int | None = None  # the ratelimit-reset header: epoch seconds
    delay: float = 0.0


@dataclass
class Account:
    did: str
    handle: str
    password: str


@dataclass
class Stored:
    uri: str
    cid: str
    value: dict[str, Any]
    indexed_at: str


@dataclass
class XrpcFailure(Exception):
    status: int
    error: str
    message: str
    headers: dict[str, str] = field(default_factory=dict)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _cid(data: bytes, codec: int) -> str:
    raw = bytes([0x01, codec, 0x12, 0x20]) + hashlib.sha256(data).digest()
    return "b" + base64.b32encode(raw).decode().lower().rstrip("=")


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _parse_uri(uri: str) -> tuple[str, str, str]:
    match = re.fullmatch(r"at://([^/]+)/([^/]+)/([^/]+)", uri)
    if match is None:
        raise XrpcFailure(400, "InvalidRequest", f"Invalid at-uri: {uri}")
    return match.group(1), match.group(2), match.group(3)


class FakeBluesky:
    """The server's state and its ASGI app (serve the instance itself)."""

    def __init__(self) -> None:
        self.reset()
        self.api = self._build_api()

    def reset(self) -> None:
        """Forget everything: accounts, records, notifications, faults and calls."""
        self.accounts: dict[str, Account] = {}  # by did
        self.records: dict[tuple[str, str, str], Stored] = {}  # (did, collection, rkey)
        self.blobs: dict[str, tuple[bytes, str]] = {}  # cid -> (data, mime type)
        self.notifications: list[dict[str, Any]] = []  # with "for": the did notified
        self.faults: dict[str, deque[Fault]] = {}
        self.calls: list[str] = []  # every XRPC method asked for, in order
        self.expired: set[str] = set()  # access tokens the server now refuses
        self._tokens: dict[str, str] = {}  # token -> did
        self._clock = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    # What a test does -------------------------------------------------------------

    def add_account(self, handle: str, password: str) -> str:
        """Make an account; returns its DID."""
        did = "did:plc:" + hashlib.sha256(handle.encode()).hexdigest()[:24]
        self.accounts[did] = Account(did, handle, password)
        return did

    def fail(
        self,
        method: str,
        kind: str,
        *,
        times: int = 1,
        retry_after: str | None = None,
        reset: int | None = None,
        delay: float = 0.0,
    ) -> None:
        """Queue ``times`` faults of ``kind`` for the next requests to ``method``."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; one of {FAULT_KINDS}")
        queue = self.faults.setdefault(method, deque())
        queue.extend(Fault(kind, retry_after, reset, delay) for _ in range(times))

    def passes(self, method: str, times: int = 1) -> None:
        """Let the next ``times`` requests to ``method`` through before any queued fault."""
        queue = self.faults.setdefault(method, deque())
        queue.extendleft(Fault("pass") for _ in range(times))

    def expire_tokens(self) -> None:
        """Refuse every access token given so far, as the PDS does once they expire."""
        self.expired.update(self._tokens)

    def posts(self, did: str) -> list[Stored]:
        """The account's posts, by record key."""
        found = [s for (owner, coll, _), s in self.records.items() if owner == did and coll == POST]
        return sorted(found, key=lambda s: s.uri)

    def record(self, uri: str) -> Stored | None:
        return self.records.get(_parse_uri(uri))

    def like(self, liker: str, uri: str) -> None:
        """``liker`` (a DID) likes the post ``uri``: its author gets a "like" notification."""
        subject = self.record(uri)
        assert subject is not None, uri
        value = {
            "$type": LIKE,
            "subject": {"uri": uri, "cid": subject.cid},
            "createdAt": _iso(self._tick()),
        }
        self._store(liker, LIKE, self._next_tid(), value)

    # Bookkeeping ----------------------------------------------------------------

    def _tick(self) -> datetime:
        """The server's clock: strictly increasing, a millisecond at least per event."""
        now = datetime.now(UTC)
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)
        self._clock = max(now, self._clock + timedelta(milliseconds=1))
        return self._clock

    def _next_tid(self) -> str:
        value = int(self._tick().timestamp() * 1_000_000) << 10 | secrets.randbelow(1024)
        return "".join(TID_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(13)))

    def _token(self, did: str, scope: str, lifetime: int) -> str:
        now = int(time.time())
        header = _b64(json.dumps({"typ": "at+jwt", "alg": "ES256K"}).encode())
        claims = {"scope": scope, "sub": did, "iat": now, "exp": now + lifetime}
        if scope == "com.atproto.refresh":
            claims["jti"] = secrets.token_urlsafe(16)
        token = f"{header}.{_b64(json.dumps(claims).encode())}.{_b64(secrets.token_bytes(64))}"
        self._tokens[token] = did
        return token

    def _sign_in(self, account: Account, base_url: str) -> dict[str, Any]:
        return {
            "accessJwt": self._token(account.did, "com.atproto.appPass", 7200),
            "refreshJwt": self._token(account.did, "com.atproto.refresh", 90 * 86400),
            "handle": account.handle,
            "did": account.did,
            "didDoc": {
                "@context": ["https://www.w3.org/ns/did/v1"],
                "id": account.did,
                "alsoKnownAs": [f"at://{account.handle}"],
                "verificationMethod": [],
                "service": [
                    {
                        "id": "#atproto_pds",
                        "type": "AtprotoPersonalDataServer",
                        "serviceEndpoint": base_url,
                    }
                ],
            },
            "active": True,
        }

    def _caller(self, request: Request, scope: str = "access") -> Account:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer "):
            raise XrpcFailure(401, "AuthMissing", "Authentication Required")
        token = header.removeprefix("Bearer ")
        did = self._tokens.get(token)
        if did is None:
            raise XrpcFailure(400, "InvalidToken", "Token could not be verified")
        if token in self.expired:
            raise XrpcFailure(400, "ExpiredToken", "Token has expired")
        claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
        refreshing = claims["scope"] == "com.atproto.refresh"
        if refreshing != (scope == "refresh"):
            raise XrpcFailure(400, "InvalidToken", "Bad token scope")
        return self.accounts[did]

    def _resolve(self, repo: str) -> Account:
        for account in self.accounts.values():
            if repo in (account.did, account.handle):
                return account
        raise XrpcFailure(400, "InvalidRequest", f"Could not find repo: {repo}")

    async def _record_request(
        self, request: Request
    ) -> tuple[str, dict[str, Any], str, dict[str, Any]]:
        """A write's caller (DID), body, collection and record, once the repo is theirs."""
        caller = self._caller(request)
        data = await _json(request)
        if self._resolve(str(data.get("repo", ""))).did != caller.did:
            raise XrpcFailure(401, "AuthenticationRequired", "Invalid repo")
        value = data.get("record")
        if not isinstance(value, dict):
            raise XrpcFailure(400, "InvalidRequest", "Input/record must be an object")
        return caller.did, data, str(data.get("collection", "")), value

    def _written(
        self, did: str, collection: str, rkey: str, value: dict[str, Any]
    ) -> dict[str, Any]:
        """Store the record and answer as createRecord and putRecord do."""
        stored = self._store(did, collection, rkey, value)
        rev = self._next_tid()
        return {
            "uri": stored.uri,
            "cid": stored.cid,
            "commit": {"cid": _cid(rev.encode(), 0x71), "rev": rev},
            "validationStatus": "valid",
        }

    def _check_record(self, did: str, collection: str, rkey: str, value: dict[str, Any]) -> None:
        """The lexicon's checks of the records carecast writes."""
        if value.get("$type") != collection:
            raise XrpcFailure(400, "InvalidRequest", f"Invalid $type: must be {collection}")
        if collection == POST:
            _check_post(value, self.blobs)
            if not TID.fullmatch(rkey):
                raise XrpcFailure(400, "InvalidRequest", f"Invalid TID: {rkey}")
        elif collection == THREADGATE:
            post = str(value.get("post", ""))
            if post != f"at://{did}/{POST}/{rkey}":  # the gate sits beside its own post
                raise XrpcFailure(400, "InvalidRequest", "Invalid threadgate: post mismatch")
            if len(value.get("hiddenReplies") or []) > MAX_HIDDEN:
                message = f"Input/hiddenReplies must not have more than {MAX_HIDDEN} elements"
                raise XrpcFailure(400, "InvalidRequest", message)
        elif collection == BLOCK and not str(value.get("subject", "")).startswith("did:"):
            raise XrpcFailure(400, "InvalidRequest", "Input/subject must be a valid did")

    def hidden_replies(self, post_uri: str) -> list[str]:
        """The replies the thread starting at ``post_uri`` hides (its threadgate's list)."""
        did, _, rkey = _parse_uri(post_uri)
        gate = self.records.get((did, THREADGATE, rkey))
        return list(gate.value.get("hiddenReplies") or []) if gate else []

    def blocks(self, did: str) -> list[str]:
        """The DIDs the account blocks."""
        return [
            s.value["subject"] for (o, c, _), s in self.records.items() if o == did and c == BLOCK
        ]

    def _store(self, did: str, collection: str, rkey: str, value: dict[str, Any]) -> Stored:
        uri = f"at://{did}/{collection}/{rkey}"
        body = json.dumps(value, sort_keys=True, separators=(",", ":")).encode()
        stored = Stored(uri, _cid(body, 0x71), value, _iso(self._tick()))
        self.records[(did, collection, rkey)] = stored
        self._notify(did, collection, stored)
        return stored

    def _notify(self, author_did: str, collection: str, stored: Stored) -> None:
        """The notifications the AppView would give for a new record."""
        told: set[str] = {author_did}
        value = stored.value
        if collection == LIKE:
            subject = value["subject"]["uri"]
            self._notification(_parse_uri(subject)[0], author_did, "like", stored, subject, told)
            return
        reply = value.get("reply") or {}
        for ref in (reply.get("parent"), reply.get("root")):
            if ref:
                owner = _parse_uri(ref["uri"])[0]
                self._notification(owner, author_did, "reply", stored, ref["uri"], told)
        for facet in value.get("facets") or []:
            for feature in facet.get("features", []):
                if feature.get("$type") == "app.bsky.richtext.facet#mention":
                    self._notification(feature["did"], author_did, "mention", stored, None, told)

    def _notification(
        self,
        notified: str,
        author_did: str,
        reason: str,
        stored: Stored,
        subject: str | None,
        told: set[str],
    ) -> None:
        if notified in told or notified not in self.accounts:
            return
        told.add(notified)
        author = self.accounts[author_did]
        item: dict[str, Any] = {
            "uri": stored.uri,
            "cid": stored.cid,
            "author": {"did": author.did, "handle": author.handle, "labels": []},
            "reason": reason,
            "record": stored.value,
            "isRead": False,
            "indexedAt": stored.indexed_at,
            "labels": [],
        }
        if subject:
            item["reasonSubject"] = subject
        self.notifications.append({"for": notified, "item": item})

    # The ASGI app, with faults in front of it -----------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> Any:
        if scope["type"] != "http":
            await self.api(scope, receive, send)
            return None
        method = scope["path"].removeprefix("/xrpc/")
        self.calls.append(method)
        queue = self.faults.get(method)
        fault = queue.popleft() if queue else None
        if fault is None or fault.kind == "pass":
            await self.api(scope, receive, send)
            return None
        if fault.kind == "drop":
            return DROPPED  # uvicorn closes the connection, answering nothing
        if fault.kind in ("rate_limit", "server_error"):
            await _answer_fault(fault, send)
            return None
        body = await _read_body(receive)  # read it all now: the client may hang up meanwhile

        async def replay() -> Message:
            return {"type": "http.request", "body": body, "more_body": False}

        if fault.kind == "slow":
            await asyncio.sleep(fault.delay)
            await self.api(scope, replay, send)
            return None

        async def swallow(message: Message) -> None:
            return None

        await self.api(scope, replay, swallow)  # "drop_after": the work is done ...
        return DROPPED  # ... and the answer is lost

    def _build_api(self) -> FastAPI:
        api = FastAPI()

        @api.exception_handler(XrpcFailure)
        async def failure(_: Request, exc: Exception) -> JSONResponse:
            assert isinstance(exc, XrpcFailure)
            return JSONResponse(
                {"error": exc.error, "message": exc.message},
                status_code=exc.status,
                headers=exc.headers,
            )

        @api.post("/xrpc/com.atproto.server.createSession")
        async def sign_in(request: Request) -> dict[str, Any]:
            data = await _json(request)
            identifier, password = data.get("identifier", ""), data.get("password", "")
            for account in self.accounts.values():
                if identifier in (account.handle, account.did) and password == account.password:
                    return self._sign_in(account, str(request.base_url).rstrip("/"))
            raise XrpcFailure(401, "AuthenticationRequired", "Invalid identifier or password")

        @api.post("/xrpc/com.atproto.server.refreshSession")
        async def refresh(request: Request) -> dict[str, Any]:
            account = self._caller(request, "refresh")
            return self._sign_in(account, str(request.base_url).rstrip("/"))

        @api.get("/xrpc/com.atproto.identity.resolveHandle")
        async def resolve_handle(handle: str = "") -> dict[str, Any]:
            for account in self.accounts.values():
                if account.handle == handle:
                    return {"did": account.did}
            raise XrpcFailure(400, "HandleNotFound", "Unable to resolve handle")

        @api.post("/xrpc/com.atproto.repo.uploadBlob")
        async def upload_blob(request: Request) -> dict[str, Any]:
            self._caller(request)
            data = await request.body()
            mime = request.headers.get("content-type", "application/octet-stream")
            cid = _cid(data, 0x55)
            self.blobs[cid] = (data, mime)
            ref = {"$type": "blob", "ref": {"$link": cid}, "mimeType": mime, "size": len(data)}
            return {"blob": ref}

        @api.post("/xrpc/com.atproto.repo.createRecord")
        async def create_record(request: Request) -> dict[str, Any]:
            caller, data, collection, value = await self._record_request(request)
            rkey = str(data.get("rkey") or self._next_tid())
            self._check_record(caller, collection, rkey, value)
            if (caller, collection, rkey) in self.records:
                # What the reference PDS answers: see the module's docstring.
                raise XrpcFailure(500, "InternalServerError", "Internal Server Error")
            return self._written(caller, collection, rkey, value)

        @api.post("/xrpc/com.atproto.repo.putRecord")
        async def put_record(request: Request) -> dict[str, Any]:
            caller, data, collection, value = await self._record_request(request)
            rkey = str(data.get("rkey", ""))
            current = self.records.get((caller, collection, rkey))
            swap = data.get("swapRecord")
            if swap is not None and (current is None or current.cid != swap):
                raise XrpcFailure(400, "InvalidSwap", f"Record was at {swap}")
            self._check_record(caller, collection, rkey, value)
            return self._written(caller, collection, rkey, value)

        @api.get("/xrpc/com.atproto.repo.getRecord")
        async def get_record(repo: str = "", collection: str = "", rkey: str = "") -> Any:
            did = self._resolve(repo).did
            stored = self.records.get((did, collection, rkey))
            if stored is None:
                uri = f"at://{did}/{collection}/{rkey}"
                raise XrpcFailure(400, "RecordNotFound", f"Could not locate record: {uri}")
            return {"uri": stored.uri, "cid": stored.cid, "value": stored.value}

        @api.post("/xrpc/com.atproto.repo.deleteRecord")
        async def delete_record(request: Request) -> dict[str, Any]:
            caller = self._caller(request)
            data = await _json(request)
            if self._resolve(str(data.get("repo", ""))).did != caller.did:
                raise XrpcFailure(401, "AuthenticationRequired", "Invalid repo")
            key = (caller.did, str(data.get("collection", "")), str(data.get("rkey", "")))
            if self.records.pop(key, None) is None:
                return {}
            rev = self._next_tid()
            return {"commit": {"cid": _cid(rev.encode(), 0x71), "rev": rev}}

        @api.get("/xrpc/app.bsky.notification.listNotifications")
        async def list_notifications(request: Request) -> dict[str, Any]:
            caller = self._caller(request)
            params = request.query_params
            limit = int(params.get("limit", "50"))
            reasons = set(params.getlist("reasons"))
            before = params.get("cursor")
            items = [
                n["item"]
                for n in reversed(self.notifications)
                if n["for"] == caller.did
                and (not reasons or n["item"]["reason"] in reasons)
                and (before is None or n["item"]["indexedAt"] < before)
            ]
            page = items[:limit]
            answer: dict[str, Any] = {"notifications": page}
            if len(items) > limit:
                answer["cursor"] = page[-1]["indexedAt"]
            return answer

        @api.api_route("/xrpc/{method}", methods=["GET", "POST"])
        async def not_implemented(method: str) -> None:
            raise XrpcFailure(501, "MethodNotImplemented", f"Method Not Implemented: {method}")

        return api


async def _read_body(receive: Receive) -> bytes:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body


async def _answer_fault(fault: Fault, send: Send) -> None:
    if fault.kind == "rate_limit":
        status, payload = 429, {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}
        headers = {"ratelimit-limit": "3000", "ratelimit-remaining": "0"}
        headers["ratelimit-policy"] = "3000;w=300"
        if fault.retry_after is not None:
            headers["retry-after"] = fault.retry_after
        if fault.reset is not None:
            headers["ratelimit-reset"] = str(fault.reset)
    else:
        status, payload = 500, {"error": "InternalServerError", "message": "Internal Server Error"}
        headers = {}
    body = json.dumps(payload).encode()
    raw = [(b"content-type", b"application/json; charset=utf-8")]
    raw += [(b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


async def _json(request: Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError as exc:
        raise XrpcFailure(400, "InvalidRequest", "Request body must be JSON") from exc
    if not isinstance(data, dict):
        raise XrpcFailure(400, "InvalidRequest", "Input must be an object")
    return data


def _check_post(value: dict[str, Any], blobs: dict[str, tuple[bytes, str]]) -> None:
    """The lexicon's checks of an ``app.bsky.feed.post`` that carecast can trip."""
    problem = ""
    text = value.get("text")
    if value.get("$type") != POST:
        problem = f"Record/$type must be {POST}"
    elif not isinstance(text, str):
        problem = "Record/text must be a string"
    elif len(regex.findall(r"\X", text)) > 300:
        problem = "Record/text must not be longer than 300 graphemes"
    elif not value.get("createdAt"):
        problem = 'Record must have the property "createdAt"'
    if problem:
        raise XrpcFailure(400, "InvalidRequest", f"Invalid {POST} record: {problem}")
    embed = value.get("embed") or {}
    for image in embed.get("images", []):
        link = image.get("image", {}).get("ref", {}).get("$link")
        if link not in blobs:
            raise XrpcFailure(400, "InvalidRequest", f"Could not find blob: {link}")
        if "alt" not in image:
            raise XrpcFailure(400, "InvalidRequest", f"Invalid {POST} record: alt is required")
