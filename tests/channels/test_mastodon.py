"""The Mastodon adapter, through the real Mastodon.py, against mastodon-mock served on
loopback (accounts alice, bob and carol): posts, idempotency keys, threads, pictures with
alt text, deletion, replies, mentions with a cursor across pages, the instance's limit,
and every failure mapped to RetryLater or Refused without showing the access token."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from mastodon_mock.testing.server import MockServer

from carecast.channels import AccountSettings, Media, open_channel
from carecast.channels.markup import plain_text
from carecast.channels.mastodon import MastodonChannel
from carecast.errors import ChannelError, InputError, Refused, RetryLater

TOKEN = "alice_token"
TIMEOUT = 0.5
STATUSES = "/api/v1/statuses"
NOTIFICATIONS = "/api/v1/notifications"
E = TypeVar("E", bound=ChannelError)

# A 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def served() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture
def server(served: MockServer) -> MockServer:
    """The Mastodon server, emptied back to its seeded accounts and without faults."""
    httpx.post(f"{served.base_url}/api/v1/_mock/reset").raise_for_status()
    httpx.delete(f"{served.base_url}/api/v1/_mock/faults").raise_for_status()
    return served


def account(server: MockServer, token: str = TOKEN, limit: int | None = None) -> AccountSettings:
    secret = {"access_token": token} if token else {}
    return AccountSettings("mastodon", server.base_url, "alice", secret, limit=limit)


def channel(server: MockServer, token: str = TOKEN, limit: int | None = None) -> MastodonChannel:
    opened = open_channel(account(server, token, limit), timeout=TIMEOUT)
    assert isinstance(opened, MastodonChannel)
    return opened


@contextmanager
def fault(
    server: MockServer,
    *,
    path: str | None = STATUSES,
    path_regex: str | None = None,
    methods: list[str] | None = None,
    count: int | None = None,
    **effect: Any,
) -> Iterator[None]:
    """A fault through mastodon-mock's control plane, taken away afterwards. ``effect``
    is its effect (``type``, ``status``, ``headers``, ``body``, ``delay_ms``)."""
    rule = {
        "match": {"methods": methods, "path": path, "path_regex": path_regex},
        "effect": {"type": "status", **effect},
        "count": count,
    }
    url = f"{server.base_url}/api/v1/_mock/faults"
    httpx.post(url, json=rule).raise_for_status()
    try:
        yield
    finally:
        httpx.delete(url).raise_for_status()


def failure(kind: type[E], call: Callable[[], object], token: str = TOKEN) -> E:
    """The error ``call`` raises, checked to be ``kind`` and to keep the token out of
    everything it shows."""
    with pytest.raises(kind) as raised:
        call()
    error = raised.value
    assert error.channel == "mastodon"
    for shown in (str(error), error.message, error.hint, repr(error)):
        assert token not in shown
    return error


def mention_alice(server: MockServer, text: str, reply_to: str | None = None) -> str:
    """Bob's status mentioning alice; its id."""
    status = server.client("bob").status_post(text, in_reply_to_id=reply_to)
    return str(status["id"])


# --- publishing -------------------------------------------------------------------


def test_publish_returns_the_status_id_and_link_on_alices_account(server: MockServer) -> None:
    published = channel(server).publish("Flu shots every Tuesday this month.", key="p1/1")
    status = server.client("alice").status(published.remote_id)
    assert str(status["id"]) == published.remote_id
    assert status["account"]["username"] == "alice"
    assert plain_text(status["content"]) == "Flu shots every Tuesday this month."
    assert status["visibility"] == "public"
    assert published.url == status["url"] and published.remote_id in published.url


def test_the_same_key_gives_the_same_status_and_only_one(server: MockServer) -> None:
    adapter = channel(server)
    first = adapter.publish("Closed on Monday.", key="p2/1")
    again = adapter.publish("Closed on Monday.", key="p2/1")
    assert again == first
    alice = server.client("alice")
    statuses = alice.account_statuses(alice.me()["id"])
    assert [str(s["id"]) for s in statuses] == [first.remote_id]


def test_different_keys_give_two_statuses(server: MockServer) -> None:
    adapter = channel(server)
    first = adapter.publish("Closed on Monday.", key="p3/1")
    second = adapter.publish("Closed on Monday.", key="p4/1")
    assert first.remote_id != second.remote_id
    alice = server.client("alice")
    statuses = alice.account_statuses(alice.me()["id"])
    assert {str(s["id"]) for s in statuses} == {first.remote_id, second.remote_id}


def test_a_thread_answers_the_previous_part(server: MockServer) -> None:
    adapter = channel(server)
    first = adapter.publish("Part one (1/2)", key="p5/1")
    second = adapter.publish("Part two (2/2)", key="p5/2", reply_to=first.remote_id)
    status = server.client("alice").status(second.remote_id)
    assert str(status["in_reply_to_id"]) == first.remote_id
    assert server.client("alice").status(first.remote_id)["in_reply_to_id"] is None


def test_a_picture_arrives_with_its_alt_text(server: MockServer, tmp_path: Path) -> None:
    picture = tmp_path / "waiting-room.png"
    picture.write_bytes(PNG)
    alt = "The waiting room, with six blue chairs and a plant."
    published = channel(server).publish(
        "Our new waiting room.", key="p6/1", media=[Media(picture, alt)]
    )
    status = server.client("alice").status(published.remote_id)
    [attachment] = status["media_attachments"]
    assert attachment["description"] == alt
    assert attachment["type"] == "image"


def test_delete_removes_the_status_and_is_quiet_when_it_is_gone(server: MockServer) -> None:
    adapter = channel(server)
    published = adapter.publish("A post to take back.", key="p7/1")
    adapter.delete(published.remote_id)
    alice = server.client("alice")
    assert list(alice.account_statuses(alice.me()["id"])) == []
    adapter.delete(published.remote_id)  # already gone
    adapter.delete("987654321987654")  # never existed


def test_reply_answers_the_status(server: MockServer) -> None:
    adapter = channel(server)
    question = mention_alice(server, "@alice are you open on Saturday?")
    answer = adapter.reply(question, "@bob Yes, 9 to 12.", key="r1")
    status = server.client("bob").status(answer.remote_id)
    assert str(status["in_reply_to_id"]) == question
    assert status["account"]["username"] == "alice"
    assert adapter.reply(question, "@bob Yes, 9 to 12.", key="r1") == answer


# --- mentions ---------------------------------------------------------------------


def test_without_a_cursor_the_existing_mentions_come_oldest_first(server: MockServer) -> None:
    older = mention_alice(server, "@alice first")
    newer = mention_alice(server, "@alice second")
    fetched = channel(server).fetch_mentions(None)
    assert [m.remote_id for m in fetched.items] == [older, newer]
    assert [m.text for m in fetched.items] == ["@alice first", "@alice second"]
    assert fetched.cursor is not None


def test_mentions_arrive_once_across_fetches(server: MockServer) -> None:
    adapter = channel(server)
    empty = adapter.fetch_mentions(None)
    assert empty.items == [] and empty.cursor is None

    post = adapter.publish("Flu shots every Tuesday.", key="m1/1")
    before = datetime.now(UTC) - timedelta(minutes=1)
    reply = mention_alice(server, "@alice Do I need to book? <3 & thanks", reply_to=post.remote_id)
    server.client("bob").status_favourite(post.remote_id)  # not a mention
    first = adapter.fetch_mentions(None)
    [answer] = first.items
    assert answer.remote_id == reply
    assert answer.author == "@bob"
    assert answer.text == "@alice Do I need to book? <3 & thanks"
    assert answer.in_reply_to == post.remote_id
    assert answer.url
    assert answer.created_at.tzinfo is not None
    assert answer.created_at.utcoffset() == timedelta(0)
    assert before <= answer.created_at <= datetime.now(UTC) + timedelta(minutes=1)

    plain = mention_alice(server, "@alice see you tomorrow")
    second = adapter.fetch_mentions(first.cursor)
    [mention] = second.items
    assert mention.remote_id == plain and mention.in_reply_to is None
    assert mention.author == "@bob" and mention.text == "@alice see you tomorrow"
    assert second.cursor != first.cursor

    third = adapter.fetch_mentions(second.cursor)
    assert third.items == [] and third.cursor == second.cursor


def test_more_than_a_page_of_mentions_after_a_cursor_all_arrive_in_order(
    server: MockServer,
) -> None:
    adapter = channel(server)
    mention_alice(server, "@alice already seen")
    cursor = adapter.fetch_mentions(None).cursor
    bob = server.client("bob")
    made = [str(bob.status_post(f"@alice number {n}")["id"]) for n in range(45)]
    fetched = adapter.fetch_mentions(cursor)
    assert [m.remote_id for m in fetched.items] == made
    assert [m.text for m in fetched.items] == [f"@alice number {n}" for n in range(45)]
    assert adapter.fetch_mentions(fetched.cursor).items == []


# --- limits -----------------------------------------------------------------------


def test_the_limit_comes_from_the_instance(server: MockServer) -> None:
    assert channel(server).limit == 500
    body = {
        "uri": "mock.local",
        "version": "4.3.0",
        "api_versions": {"mastodon": 2},
        "configuration": {"statuses": {"max_characters": 1000}},
    }
    with fault(server, path=None, path_regex=r"^/api/v[12]/instance/?$", status=200, body=body):
        assert channel(server).limit == 1000


def test_the_accounts_own_limit_needs_no_request(server: MockServer) -> None:
    with fault(server, path=None, path_regex=r"^/api/", status=503):
        assert channel(server, limit=1000).limit == 1000


def test_a_failing_instance_while_reading_the_limit_is_passing(server: MockServer) -> None:
    """A 503 from the instance endpoint is RetryLater, like any 5xx (Mastodon.py's
    ``instance()`` would ask for the version again without end; the adapter does not
    use it)."""
    adapter = channel(server)
    with fault(server, path=None, path_regex=r"^/api/v[12]/instance/?$", status=503):
        failure(RetryLater, lambda: adapter.limit)


def test_measure_counts_a_link_as_23(server: MockServer) -> None:
    adapter = channel(server)
    assert adapter.measure("Hello") == 5
    assert adapter.measure("Read https://example.com/a/very/long/path/to/the/page") == 5 + 23


# --- failures ---------------------------------------------------------------------


def test_rate_limiting_asks_to_retry_after_the_servers_wait(server: MockServer) -> None:
    adapter = channel(server)
    with fault(server, type="ratelimit", headers={"Retry-After": "120"}):
        error = failure(RetryLater, lambda: adapter.publish("Hello", key="f1"))
    assert error.retry_after == pytest.approx(120, abs=2)
    assert "rate limit" in error.message


def test_a_retry_after_date_is_turned_into_seconds(server: MockServer) -> None:
    adapter = channel(server)
    when = formatdate(time.time() + 90, usegmt=True)
    with fault(server, type="ratelimit", headers={"Retry-After": when}):
        error = failure(RetryLater, lambda: adapter.publish("Hello", key="f2"))
    assert error.retry_after == pytest.approx(90, abs=3)


def test_a_rate_limit_reset_is_used_without_retry_after(server: MockServer) -> None:
    adapter = channel(server)
    reset = (datetime.now(UTC) + timedelta(seconds=60)).isoformat()
    headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset}
    with fault(server, status=429, headers=headers):
        error = failure(RetryLater, lambda: adapter.publish("Hello", key="f3"))
    assert error.retry_after == pytest.approx(60, abs=3)


def test_a_server_error_is_passing(server: MockServer) -> None:
    adapter = channel(server)
    with fault(server, status=503):
        error = failure(RetryLater, lambda: adapter.publish("Hello", key="f4"))
    assert "503" in error.message
    published = adapter.publish("Hello", key="f4")  # the fault is gone
    assert published.remote_id


def test_an_answer_slower_than_the_timeout_is_passing(server: MockServer) -> None:
    adapter = channel(server)
    started = time.monotonic()
    with fault(server, path=NOTIFICATIONS, methods=["GET"], type="latency", delay_ms=1000):
        failure(RetryLater, lambda: adapter.fetch_mentions(None))
    assert time.monotonic() - started < 1.0


def test_an_unreachable_server_is_passing(server: MockServer) -> None:
    settings = AccountSettings("mastodon", "http://127.0.0.1:9", "alice", {"access_token": TOKEN})
    adapter = open_channel(settings, timeout=TIMEOUT)
    error = failure(RetryLater, lambda: adapter.publish("Hello", key="f5"))
    assert "could not reach" in error.message


def test_a_refused_token_asks_to_reconnect(server: MockServer) -> None:
    adapter = channel(server)
    with fault(server, status=401):
        error = failure(Refused, lambda: adapter.publish("Hello", key="f6"))
    assert "access token was refused" in error.message
    assert "reconnect" in error.hint


def test_an_unknown_token_is_refused_without_showing_it(server: MockServer) -> None:
    adapter = channel(server, token="not-a-real-token-7f3k")
    error = failure(
        Refused, lambda: adapter.publish("Hello", key="f7"), token="not-a-real-token-7f3k"
    )
    assert "access token was refused" in error.message and "reconnect" in error.hint


def test_a_rejected_text_is_refused_with_the_servers_reason(server: MockServer) -> None:
    adapter = channel(server)
    reason = "Validation failed: Text character limit of 500 exceeded"
    with fault(server, status=422, body={"error": reason}):
        error = failure(Refused, lambda: adapter.publish("Hello", key="f8"))
    assert reason in error.message


def test_a_text_over_the_limit_is_refused_by_the_server(server: MockServer) -> None:
    error = failure(Refused, lambda: channel(server).publish("x" * 501, key="f9"))
    assert "too long" in error.message


def test_a_malformed_answer_is_tried_again(server: MockServer) -> None:
    """An answer that cannot be read may hide a post that landed: the idempotency key
    makes trying again safe, so it is a passing failure."""
    adapter = channel(server)
    with fault(server, type="malformed"):
        failure(RetryLater, lambda: adapter.publish("Hello", key="f10"))
    with fault(server, path=NOTIFICATIONS, type="malformed"):
        failure(RetryLater, lambda: adapter.fetch_mentions("1"))
    assert adapter.publish("Hello", key="f10") == adapter.publish("Hello", key="f10")


def test_a_missing_token_is_an_input_error(server: MockServer) -> None:
    with pytest.raises(InputError) as raised:
        channel(server, token="")
    assert "access token" in raised.value.message and "reconnect" in raised.value.hint


def test_the_token_is_not_in_the_adapters_repr(server: MockServer) -> None:
    adapter = channel(server)
    assert TOKEN not in repr(adapter)
    assert TOKEN not in str(adapter)
    assert TOKEN not in repr(adapter.account)
    assert "alice" in repr(adapter)


# --- text -------------------------------------------------------------------------


def test_plain_text_keeps_line_breaks_and_unescapes_entities() -> None:
    html = (
        '<p>Hello <a href="https://example.social/@bob" class="u-url mention">@bob</a>'
        "<br>second line &amp; more</p><p>new para &lt;3</p>"
    )
    assert plain_text(html) == "Hello @bob\nsecond line & more\n\nnew para <3"
    assert plain_text("<p>one<br />two</p>") == "one\ntwo"
    assert plain_text("") == ""


def test_mastodon_cannot_hide_a_reply_but_can_block_its_sender(server: MockServer) -> None:
    adapter = channel(server)
    ours = adapter.publish("Flu shots are in this week.", key="hb-1")
    bob = server.client("bob")
    theirs = bob.status_post("@alice buy followers at bit.ly/x", in_reply_to_id=ours.remote_id)
    assert adapter.hide(str(theirs["id"])) is False
    assert adapter.block("@bob") is True
    alice = server.client("alice")
    assert any(a["acct"] == "bob" for a in alice.blocks())
