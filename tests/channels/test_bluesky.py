"""The Bluesky adapter, through the real ``atproto`` client, against a small PDS in memory
(``fake_bluesky``) served on loopback: posts, threads, links, pictures, deletion,
mentions with a cursor, idempotency across a lost answer and a crash, and every failure
mapped to RetryLater or Refused without showing the app password."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import formatdate
from pathlib import Path

import httpx
import pytest
from fake_bluesky import FakeBluesky

from carecast.channels import AccountSettings, Media, open_channel
from carecast.channels.bluesky import BlueskyChannel, record_key
from carecast.errors import ChannelError, Refused, RetryLater
from servers import live_server

PASSWORD = "clinic-app-pass-5x7q"
BOB_PASSWORD = "bob-app-pass-9k2m"
TIMEOUT = 0.5
TID = re.compile(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}")
LIST = "app.bsky.notification.listNotifications"
CREATE = "com.atproto.repo.createRecord"
GET = "com.atproto.repo.getRecord"
# A 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@dataclass
class Pds:
    fake: FakeBluesky
    url: str
    clinic: str  # DIDs
    bob: str

    def account(self, handle: str = "clinic.test", password: str = PASSWORD) -> AccountSettings:
        return AccountSettings("bluesky", self.url, handle, {"password": password})

    def channel(self, handle: str = "clinic.test", password: str = PASSWORD) -> BlueskyChannel:
        channel = open_channel(self.account(handle, password), timeout=TIMEOUT)
        assert isinstance(channel, BlueskyChannel)
        return channel


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[FakeBluesky, str]]:
    fake = FakeBluesky()
    with live_server(fake) as url:
        yield fake, url


@pytest.fixture
def pds(served: tuple[FakeBluesky, str]) -> Pds:
    fake, url = served
    fake.reset()
    clinic = fake.add_account("clinic.test", PASSWORD)
    bob = fake.add_account("bob.test", BOB_PASSWORD)
    return Pds(fake, url, clinic, bob)


def test_record_keys_are_tids_derived_from_the_key_alone() -> None:
    first, again, other = record_key("post-41/part-1"), record_key("post-41/part-1"), "x"
    assert first == again and TID.fullmatch(first)
    assert record_key("post-41/part-2") != first and TID.fullmatch(record_key(other))
    value = 0
    for char in first:
        value = value * 32 + "234567abcdefghijklmnopqrstuvwxyz".index(char)
    assert value >> 63 == 0
    made = datetime.fromtimestamp((value >> 10) / 1_000_000, UTC)
    assert datetime(2023, 1, 1, tzinfo=UTC) <= made < datetime(2025, 1, 1, tzinfo=UTC)


def test_publish_then_read_it_back(pds: Pds) -> None:
    channel = pds.channel()
    assert channel.kind == "bluesky" and channel.limit == 300
    assert channel.measure("👩‍⚕️ ok") == 4
    assert pds.fake.calls == []  # nothing is asked until the first use

    published = channel.publish("Flu shots are in this week.", key="post-1")

    rkey = record_key("post-1")
    assert published.remote_id == f"at://{pds.clinic}/app.bsky.feed.post/{rkey}"
    assert published.url == f"https://bsky.app/profile/clinic.test/post/{rkey}"
    stored = pds.fake.record(published.remote_id)
    assert stored is not None
    assert stored.value["text"] == "Flu shots are in this week."
    assert stored.value["$type"] == "app.bsky.feed.post" and stored.value["createdAt"]
    channel.publish("Closed Monday.", key="post-2")
    assert pds.fake.calls.count("com.atproto.server.createSession") == 1


def test_the_same_key_twice_makes_one_post(pds: Pds) -> None:
    channel = pds.channel()
    first = channel.publish("Open late on Thursdays.", key="post-7")
    second = channel.publish("Open late on Thursdays.", key="post-7")
    assert first == second
    assert len(pds.fake.posts(pds.clinic)) == 1 and pds.fake.calls.count(CREATE) == 1


def test_an_answer_lost_after_the_post_was_made_is_found_again(pds: Pds) -> None:
    pds.fake.fail(CREATE, "drop_after")  # stored, then the connection drops unanswered
    published = pds.channel().publish("Vaccines for all ages.", key="post-8")
    assert [post.uri for post in pds.fake.posts(pds.clinic)] == [published.remote_id]


def test_a_crash_between_the_request_and_its_answer_makes_no_second_post(pds: Pds) -> None:
    pds.fake.fail(CREATE, "drop_after")
    pds.fake.fail(GET, "drop")
    pds.fake.passes(GET)  # the first look (nothing there yet) goes through
    with pytest.raises(RetryLater):
        pds.channel().publish("New hours from May.", key="post-9")
    assert len(pds.fake.posts(pds.clinic)) == 1  # it was made; carecast did not learn so

    after_restart = pds.channel().publish("New hours from May.", key="post-9")

    assert [post.uri for post in pds.fake.posts(pds.clinic)] == [after_restart.remote_id]
    assert pds.fake.calls.count(CREATE) == 1


def test_a_thread_keeps_its_root_and_parent(pds: Pds) -> None:
    clinic, bob = pds.channel(), pds.channel("bob.test", BOB_PASSWORD)
    root = clinic.publish("Ask us about travel vaccines.", key="root")
    answer = bob.reply(root.remote_id, "Which ones for Peru?", key="bob-1")
    follow_up = clinic.reply(answer.remote_id, "Yellow fever, typhoid, hepatitis A.", key="r-1")

    stored_root, stored_answer = pds.fake.record(root.remote_id), pds.fake.record(answer.remote_id)
    stored_follow_up = pds.fake.record(follow_up.remote_id)
    assert stored_root and stored_answer and stored_follow_up
    root_ref = {"uri": root.remote_id, "cid": stored_root.cid}
    answer_ref = {"uri": answer.remote_id, "cid": stored_answer.cid}
    assert _refs(stored_answer.value["reply"]) == {"root": root_ref, "parent": root_ref}
    assert _refs(stored_follow_up.value["reply"]) == {"root": root_ref, "parent": answer_ref}
    assert follow_up.url.startswith("https://bsky.app/profile/clinic.test/post/")


def test_a_reply_to_a_post_that_is_gone_is_refused(pds: Pds) -> None:
    gone = f"at://{pds.bob}/app.bsky.feed.post/{record_key('never')}"
    with pytest.raises(Refused, match="gone"):
        pds.channel().reply(gone, "Thanks!", key="r-2")


def test_delete_and_delete_again(pds: Pds) -> None:
    channel = pds.channel()
    published = channel.publish("A post made by mistake.", key="post-3")
    channel.delete(published.remote_id)
    assert pds.fake.record(published.remote_id) is None
    channel.delete(published.remote_id)  # already gone: not an error
    with pytest.raises(Refused, match="not the address"):
        channel.delete("https://bsky.app/profile/clinic.test/post/x")


def test_links_are_clickable(pds: Pds) -> None:
    text = "Café hours changed: https://clinic.example.org/hours — see you!"
    published = pds.channel().publish(text, key="post-4")
    stored = pds.fake.record(published.remote_id)
    assert stored is not None
    [facet] = stored.value["facets"]
    start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
    assert text.encode()[start:end] == b"https://clinic.example.org/hours"
    assert facet["features"] == [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://clinic.example.org/hours"}
    ]


def test_a_picture_goes_with_its_alt_text(pds: Pds, tmp_path: Path) -> None:
    picture = tmp_path / "waiting-room.png"
    picture.write_bytes(PNG)
    alt = "The new waiting room, with a children's corner"
    published = pds.channel().publish(
        "Our new waiting room.", key="post-5", media=[Media(picture, alt)]
    )
    stored = pds.fake.record(published.remote_id)
    assert stored is not None
    embed = stored.value["embed"]
    assert embed["$type"] == "app.bsky.embed.images"
    [image] = embed["images"]
    assert image["alt"] == alt
    blob = image["image"]
    assert blob["mimeType"] == "image/png" and blob["size"] == len(PNG)
    assert pds.fake.blobs[blob["ref"]["$link"]] == (PNG, "image/png")


def test_mentions_arrive_once_with_the_cursor(pds: Pds) -> None:
    clinic, bob = pds.channel(), pds.channel("bob.test", BOB_PASSWORD)
    post = clinic.publish("We now take walk-ins.", key="post-6")
    pds.fake.like(pds.bob, post.remote_id)  # not a mention: left out
    answer = bob.reply(post.remote_id, "Great news!", key="bob-2")

    first = clinic.fetch_mentions(None)

    [mention] = first.items
    assert mention.remote_id == answer.remote_id and mention.author == "@bob.test"
    assert mention.text == "Great news!" and mention.in_reply_to == post.remote_id
    assert mention.url == answer.url
    assert mention.url.startswith("https://bsky.app/profile/bob.test/post/")
    assert mention.created_at.tzinfo is not None and first.cursor is not None
    again = clinic.fetch_mentions(first.cursor)
    assert again.items == [] and again.cursor == first.cursor

    shout = bob.publish("Thank you @clinic.test for the quick visit", key="bob-3")
    later = clinic.fetch_mentions(first.cursor)

    assert [m.remote_id for m in later.items] == [shout.remote_id]
    assert later.items[0].in_reply_to is None and later.cursor != first.cursor
    assert clinic.fetch_mentions(later.cursor).items == []


def test_mentions_are_oldest_first_across_pages(pds: Pds) -> None:
    clinic, bob = pds.channel(), pds.channel("bob.test", BOB_PASSWORD)
    post = clinic.publish("Questions welcome.", key="post-10")
    cursor = clinic.fetch_mentions(None).cursor
    replies = [bob.reply(post.remote_id, f"Question {n}", key=f"q-{n}") for n in range(55)]
    found = clinic.fetch_mentions(cursor or "2000-01-01T00:00:00.000Z")
    assert [m.remote_id for m in found.items] == [r.remote_id for r in replies]
    assert pds.fake.calls.count(LIST) == 3  # two pages for the 55 new ones


@pytest.mark.parametrize(
    ("kind", "options", "retry_after"),
    [
        ("rate_limit", {"retry_after": "7"}, 7.0),
        ("rate_limit", {"retry_at_in": 20}, 20.0),
        ("rate_limit", {"reset_in": 30}, 30.0),
        ("server_error", {}, None),
        ("slow", {"delay": 1.0}, None),
        ("drop", {}, None),
    ],
)
def test_passing_failures_are_retry_later(
    pds: Pds, kind: str, options: dict[str, object], retry_after: float | None
) -> None:
    channel = pds.channel()
    channel.fetch_mentions(None)  # signed in
    if "reset_in" in options:  # ratelimit-reset is a moment: epoch seconds
        options = {"reset": int(time.time()) + int(str(options["reset_in"]))}
    if "retry_at_in" in options:  # Retry-After may be an HTTP date
        options = {"retry_after": formatdate(time.time() + int(str(options["retry_at_in"])))}
    pds.fake.fail(LIST, kind, **options)  # type: ignore[arg-type]

    with pytest.raises(RetryLater) as caught:
        channel.fetch_mentions(None)

    if retry_after is None:
        assert caught.value.retry_after is None
    else:
        assert caught.value.retry_after == pytest.approx(retry_after, abs=1.5)
    _shows_no_secret(caught.value)
    assert channel.fetch_mentions(None).items == []  # and the next try works


def test_failures_while_signing_in_and_posting_are_retry_later(pds: Pds) -> None:
    pds.fake.fail("com.atproto.server.createSession", "server_error")
    with pytest.raises(RetryLater):
        pds.channel().publish("Hello.", key="post-11")
    pds.fake.fail(CREATE, "rate_limit", retry_after="2")
    with pytest.raises(RetryLater) as caught:
        pds.channel().publish("Hello.", key="post-11")
    assert caught.value.retry_after == 2.0 and pds.fake.posts(pds.clinic) == []


def test_a_dropped_connection_is_really_dropped(pds: Pds) -> None:
    pds.fake.fail(LIST, "drop")
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        httpx.get(f"{pds.url}/xrpc/{LIST}", timeout=TIMEOUT)


def test_a_wrong_app_password_is_refused_and_never_shown(pds: Pds) -> None:
    wrong = "wrong-pass-3c4d"
    channel = pds.channel(password=wrong)
    with pytest.raises(Refused) as caught:
        channel.publish("Hello.", key="post-12")
    assert caught.value.message == "bluesky: the account's app password was refused"
    assert caught.value.hint == "reconnect the Bluesky account in Settings → Accounts"
    _shows_no_secret(caught.value, wrong)
    for shown in (repr(channel), repr(pds.account()), repr(pds.channel())):
        assert PASSWORD not in shown and wrong not in shown


def test_other_refusals_carry_the_servers_message(pds: Pds) -> None:
    with pytest.raises(Refused) as caught:
        pds.channel().publish("long " * 70, key="post-13")
    assert "300 graphemes" in caught.value.message and caught.value.hint == "shorten the post"
    _shows_no_secret(caught.value)


def test_a_cursor_that_is_not_a_time_is_refused(pds: Pds) -> None:
    with pytest.raises(Refused, match="cursor"):
        pds.channel().fetch_mentions("yesterday")


def test_an_expired_token_means_signing_in_again(pds: Pds) -> None:
    channel = pds.channel()
    channel.publish("First.", key="post-14")
    pds.fake.expire_tokens()
    channel.publish("Second.", key="post-15")
    assert len(pds.fake.posts(pds.clinic)) == 2
    assert pds.fake.calls.count("com.atproto.server.createSession") == 2


def _refs(reply: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    return {
        side: {"uri": reply[side]["uri"], "cid": reply[side]["cid"]} for side in ("root", "parent")
    }


def _shows_no_secret(error: ChannelError, *secrets: str) -> None:
    for secret in (PASSWORD, BOB_PASSWORD, *secrets):
        assert secret not in str(error) and secret not in repr(error)
    assert error.__cause__ is None and error.__suppress_context__


def test_a_reply_in_the_accounts_thread_is_hidden_by_its_threadgate(pds: Pds) -> None:
    clinic, bob = pds.channel(), pds.channel("bob.test", BOB_PASSWORD)
    post = clinic.publish("Flu clinic on Saturday.", key="post-h1")
    first = bob.reply(post.remote_id, "my A1C is 9.1, is that bad?", key="bob-h1")
    deeper = bob.reply(first.remote_id, "and my potassium is 5.9", key="bob-h2")

    assert clinic.hide(first.remote_id) is True
    assert clinic.hide(deeper.remote_id) is True  # the same thread: the same gate, updated
    assert clinic.hide(deeper.remote_id) is True  # twice: still listed once

    assert pds.fake.hidden_replies(post.remote_id) == [first.remote_id, deeper.remote_id]
    assert pds.fake.posts(pds.bob)  # hidden, not deleted: only its author can delete it


def test_a_post_outside_the_accounts_threads_cannot_be_hidden(pds: Pds) -> None:
    clinic, bob = pds.channel(), pds.channel("bob.test", BOB_PASSWORD)
    mention = bob.publish("Thanks @clinic.test for the quick visit", key="bob-h3")
    elsewhere = bob.publish("My own thread", key="bob-h4")
    reply = clinic.reply(elsewhere.remote_id, "Glad to help!", key="post-h2")
    reply_to_us = bob.reply(reply.remote_id, "my results came back", key="bob-h5")

    assert clinic.hide(mention.remote_id) is False  # no thread of ours
    assert clinic.hide(reply_to_us.remote_id) is False  # a thread bob started
    assert not [key for key in pds.fake.records if key[1] == "app.bsky.feed.threadgate"]


def test_a_thread_hiding_its_limit_of_replies_is_refused_with_what_to_do(pds: Pds) -> None:
    clinic, bob = pds.channel(), pds.channel("bob.test", BOB_PASSWORD)
    post = clinic.publish("Ask us anything about flu jabs.", key="post-h3")
    first = bob.reply(post.remote_id, "first", key="bob-h6")
    clinic.hide(first.remote_id)
    _, _, rkey = post.remote_id.removeprefix("at://").split("/")
    gate = pds.fake.records[(pds.clinic, "app.bsky.feed.threadgate", rkey)]
    gate.value["hiddenReplies"] = [f"at://{pds.bob}/app.bsky.feed.post/x{n}" for n in range(300)]
    second = bob.reply(post.remote_id, "second", key="bob-h7")

    with pytest.raises(Refused, match="300 replies") as caught:
        clinic.hide(second.remote_id)
    assert "report the reply" in caught.value.hint


def test_blocking_a_sender_twice_leaves_one_block(pds: Pds) -> None:
    clinic = pds.channel()
    assert clinic.block("@bob.test") is True
    assert clinic.block("@bob.test") is True
    assert pds.fake.blocks(pds.clinic) == [pds.bob]


def test_blocking_someone_unknown_is_refused(pds: Pds) -> None:
    with pytest.raises(Refused):
        pds.channel().block("@nobody.test")
