"""The X channel through the real tweepy client against a fake X API on loopback: posts,
replies, deletions, mentions with a cursor and pages, idempotent publishing when answers
are lost, pictures, and every failure mapped to RetryLater or Refused without a secret."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from carecast.channels import open_channel
from carecast.channels.base import AccountSettings, Media
from carecast.channels.x import XChannel
from carecast.errors import ChannelError, Refused, RetryLater
from channels.fake_x import FakeX, Fault
from servers import live_server

TIMEOUT = 0.5
SECRET = {
    "consumer_key": "ck-north",
    "consumer_secret": "cs-north-secret",
    "access_token": "1000-at-north",
    "access_token_secret": "ats-north-secret",
}
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class Switch:
    """One server for the module; each test gets a fresh fake behind it."""

    def __init__(self) -> None:
        self.fake = FakeX()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        await self.fake(scope, receive, send)


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[Switch, str]]:
    switch = Switch()
    with live_server(switch) as url:
        yield switch, url


@pytest.fixture
def fake(server: tuple[Switch, str]) -> FakeX:
    server[0].fake = FakeX()
    return server[0].fake


@pytest.fixture
def url(server: tuple[Switch, str], fake: FakeX) -> str:
    return server[1]


def account(url: str, **changes: Any) -> AccountSettings:
    secret = {**SECRET, **changes.pop("secret", {})}
    return AccountSettings(kind="x", base_url=url, secret=secret, **changes)


@pytest.fixture
def channel(url: str) -> XChannel:
    return XChannel(account(url), timeout=TIMEOUT)


def no_secret_in(error: BaseException, *more: object) -> None:
    shown = " ".join([str(error), repr(error), *map(repr, more)])
    for value in SECRET.values():
        assert value not in shown
    assert error.__cause__ is None and error.__suppress_context__  # no library traceback


# --- publishing -------------------------------------------------------------------------


def test_publish_stores_the_text_and_links_to_the_post(channel: XChannel, fake: FakeX) -> None:
    text = "Flu shots are in: walk in weekdays 8–12 🩺"
    published = channel.publish(text, key="post-1")
    stored = fake.tweets[published.remote_id]
    assert (stored.text, stored.author_id, stored.in_reply_to) == (text, fake.user_id, None)
    assert published.url == f"https://x.com/northclinic/status/{published.remote_id}"


def test_opened_through_the_registry(url: str) -> None:
    channel = open_channel(account(url), timeout=TIMEOUT)
    assert isinstance(channel, XChannel)
    assert channel.kind == "x" and channel.limit == 280


def test_the_same_key_twice_makes_one_post(channel: XChannel, fake: FakeX, url: str) -> None:
    first = channel.publish("Closed on Monday for the holiday.", key="k")
    assert channel.publish("Closed on Monday for the holiday.", key="k") == first
    # After a restart nothing is remembered: X refuses the copy and the post is found.
    again = XChannel(account(url), timeout=TIMEOUT)
    assert again.publish("Closed on Monday for the holiday.", key="k") == first
    assert len(fake.posts_by_account()) == 1
    assert fake.count("POST", "/2/tweets") == 2


def test_a_post_with_links_escapes_and_a_picture_is_found_again(
    channel: XChannel, fake: FakeX, url: str, tmp_path: Path
) -> None:
    picture = tmp_path / "hours.png"
    picture.write_bytes(PNG)
    media = [Media(picture, "Opening hours on the clinic door")]
    text = "Q&A <live> tonight: https://example.org/qa?day=1&time=7 see you"
    first = channel.publish(text, key="qa", media=media)
    stored = fake.tweets[first.remote_id]
    assert fake.media[stored.media_ids[0]] == "Opening hours on the clinic door"
    again = XChannel(account(url), timeout=TIMEOUT)
    assert again.publish(text, key="qa", media=media) == first
    assert len(fake.posts_by_account()) == 1


@pytest.mark.parametrize(
    "fault", [Fault.dropped(after=True), Fault.slow(1.0, after=True)], ids=["dropped", "slow"]
)
def test_a_lost_answer_is_retried_without_a_second_post(
    channel: XChannel, fake: FakeX, fault: Fault
) -> None:
    fake.fail("POST", "/2/tweets", fault)
    with pytest.raises(RetryLater, match=r"connection to X was lost|did not answer"):
        channel.publish("Pharmacy hours change next week.", key="lost")
    assert len(fake.posts_by_account()) == 1  # it landed; only the answer was lost
    published = channel.publish("Pharmacy hours change next week.", key="lost")
    assert published.remote_id == fake.posts_by_account()[0].id
    assert fake.count("POST", "/2/tweets") == 1  # looked before posting again


def test_a_lost_answer_is_found_after_a_restart(fake: FakeX, url: str) -> None:
    fake.fail("POST", "/2/tweets", Fault.dropped(after=True))
    with pytest.raises(RetryLater, match="connection to X was lost"):
        XChannel(account(url), timeout=TIMEOUT).publish("Vaccines back in stock.", key="v")
    published = XChannel(account(url), timeout=TIMEOUT).publish("Vaccines back in stock.", key="v")
    assert [t.id for t in fake.posts_by_account()] == [published.remote_id]


# --- replies and deletions ----------------------------------------------------------------


def test_reply_answers_the_post(channel: XChannel, fake: FakeX) -> None:
    question = fake.post_as("sam_w", "@northclinic are you open Saturday?")
    published = channel.reply(question, "Yes, from 9 to 1.", key="r-1")
    assert fake.tweets[published.remote_id].in_reply_to == question
    assert channel.reply(question, "Yes, from 9 to 1.", key="r-1") == published


def test_the_same_words_to_another_person_are_not_taken_for_the_first_reply(
    channel: XChannel, fake: FakeX
) -> None:
    first = fake.post_as("sam_w", "@northclinic thanks for today")
    second = fake.post_as("ana_r", "@northclinic thanks!")
    channel.reply(first, "Thank you, take care!", key="a")
    with pytest.raises(Refused, match="copy of a recent post") as caught:
        channel.reply(second, "Thank you, take care!", key="b")
    assert caught.value.hint == "change the wording a little and publish again"


def test_delete_twice(channel: XChannel, fake: FakeX) -> None:
    published = channel.publish("Wrong date, sorry.", key="d")
    channel.delete(published.remote_id)
    assert fake.tweets[published.remote_id].deleted
    channel.delete(published.remote_id)  # already gone: not an error


def test_a_reply_to_a_deleted_post_is_refused_with_xs_reason(
    channel: XChannel, fake: FakeX
) -> None:
    question = fake.post_as("sam_w", "@northclinic hello?")
    fake.tweets[question].deleted = True
    with pytest.raises(Refused, match="deleted or not visible to you"):
        channel.reply(question, "Hello!", key="gone")


# --- mentions -----------------------------------------------------------------------------


def test_a_reply_is_fetched_exactly_once(channel: XChannel, fake: FakeX) -> None:
    ours = channel.publish("Ask us anything about flu shots.", key="ask")
    reply = fake.post_as("sam_w", "Do kids need two doses & when?", in_reply_to=ours.remote_id)
    first = channel.fetch_mentions(None)
    assert [m.remote_id for m in first.items] == [reply]
    mention = first.items[0]
    assert mention.author == "@sam_w"
    assert mention.text == "@northclinic Do kids need two doses & when?"
    assert mention.in_reply_to == ours.remote_id
    assert mention.url == f"https://x.com/sam_w/status/{reply}"
    assert mention.created_at.tzinfo is not None
    assert first.cursor == reply

    second = channel.fetch_mentions(first.cursor)
    assert (second.items, second.cursor) == ([], first.cursor)

    later = fake.post_as("ana_r", "@northclinic is parking free?")
    third = channel.fetch_mentions(second.cursor)
    assert [(m.remote_id, m.in_reply_to) for m in third.items] == [(later, None)]
    assert third.cursor == later


def test_mentions_follow_pages_oldest_first(channel: XChannel, fake: FakeX) -> None:
    sent = [fake.post_as(f"user{n % 7}", f"@northclinic question {n}") for n in range(130)]
    fetched = channel.fetch_mentions(None)
    assert [m.remote_id for m in fetched.items] == sent
    assert fake.count("GET", f"/2/users/{fake.user_id}/mentions") == 2
    assert fetched.cursor == sent[-1]
    more = [fake.post_as("user1", f"@northclinic and {n}") for n in range(3)]
    assert [m.remote_id for m in channel.fetch_mentions(fetched.cursor).items] == more


# --- failures -----------------------------------------------------------------------------

PASSING = {  # fault, the wait X asked for, what carecast says
    "429 reset": (Fault.rate_limited(reset_in=30), (28.0, 30.0), "limiting how often"),
    "429 retry-after": (Fault.retry_after(7), (7.0, 7.0), "limiting how often"),
    "500": (Fault.server_error(500), None, r"passing fault \(500\)"),
    "503": (Fault.server_error(503), None, r"passing fault \(503\)"),
    "slow": (Fault.slow(1.0), None, r"did not answer within 0\.5 seconds"),
    "dropped": (Fault.dropped(), None, "connection to X was lost"),
}


@pytest.mark.parametrize("name", PASSING)
def test_passing_failures_of_a_post_ask_to_retry(channel: XChannel, fake: FakeX, name: str) -> None:
    fault, wait, says = PASSING[name]
    fake.fail("POST", "/2/tweets", fault)
    with pytest.raises(RetryLater, match=says) as caught:
        channel.publish("Reminder: bring your card.", key="p")
    if wait is None:
        assert caught.value.retry_after is None
    else:
        assert caught.value.retry_after is not None
        assert wait[0] <= caught.value.retry_after <= wait[1]
    no_secret_in(caught.value, channel)
    assert not fake.posts_by_account()  # nothing landed, and the retry posts it once
    assert channel.publish("Reminder: bring your card.", key="p").remote_id
    assert len(fake.posts_by_account()) == 1


@pytest.mark.parametrize("name", ["429 reset", "503", "slow", "dropped"])
def test_passing_failures_of_reading_ask_to_retry(
    channel: XChannel, fake: FakeX, name: str
) -> None:
    fault, _, says = PASSING[name]
    fake.fail("GET", f"/2/users/{fake.user_id}/mentions", fault)
    with pytest.raises(RetryLater, match=says) as caught:
        channel.fetch_mentions("5")
    no_secret_in(caught.value)
    fake.fail("DELETE", "/2/tweets/42", fault)
    with pytest.raises(RetryLater, match=says):
        channel.delete("42")


def test_the_timeout_is_named(channel: XChannel, fake: FakeX) -> None:
    fake.fail("GET", "/2/users/me", Fault.slow(1.0))
    with pytest.raises(RetryLater, match=r"did not answer within 0\.5 seconds"):
        channel.fetch_mentions(None)


@pytest.mark.parametrize(
    "secret",
    [
        {"access_token_secret": "ats-stolen"},
        {"consumer_secret": "cs-old"},
        {"consumer_key": "ck-other"},
        {"access_token": "1000-at-revoked"},
    ],
    ids=["token secret", "consumer secret", "consumer key", "token"],
)
def test_bad_tokens_are_refused(fake: FakeX, url: str, secret: dict[str, str]) -> None:
    channel = XChannel(account(url, secret=secret), timeout=TIMEOUT)
    with pytest.raises(Refused) as caught:
        channel.publish("Hello.", key="h")
    assert caught.value.message == "x: the account's tokens were refused"
    assert caught.value.hint == "reconnect the X account in Settings → Accounts"
    no_secret_in(caught.value, channel)
    for value in secret.values():
        assert value not in str(caught.value) + repr(channel)
    assert not fake.posts_by_account()


@pytest.mark.parametrize("status", [400, 403, 404, 422])
def test_other_refusals_are_lasting(channel: XChannel, fake: FakeX, status: int) -> None:
    fake.fail("POST", "/2/tweets", Fault(status))
    with pytest.raises(Refused, match=f"X refused the request \\({status}\\)") as caught:
        channel.publish("Hello.", key="h")
    no_secret_in(caught.value)


def test_missing_keys_are_refused_by_name_only(url: str) -> None:
    with pytest.raises(Refused, match="lacks access_token_secret") as caught:
        XChannel(account(url, secret={"access_token_secret": ""}), timeout=TIMEOUT)
    for value in SECRET.values():
        assert value not in str(caught.value)


def test_an_unreachable_host_asks_to_retry() -> None:
    channel = XChannel(account("http://127.0.0.1:9"), timeout=TIMEOUT)
    with pytest.raises(RetryLater, match="connection to X was lost") as caught:
        channel.publish("Hello.", key="h")
    no_secret_in(caught.value, channel)


# --- pictures and length ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "mime_type", "reason"),
    [("", "image/png", "no description"), ("A chart", "image/gif", "does not take image/gif")],
)
def test_pictures_x_would_refuse_are_refused_before_sending(
    channel: XChannel, fake: FakeX, tmp_path: Path, description: str, mime_type: str, reason: str
) -> None:
    picture = tmp_path / "p.png"
    picture.write_bytes(PNG)
    with pytest.raises(Refused, match=reason):
        channel.publish("Look.", key="m", media=[Media(picture, description, mime_type)])
    assert fake.calls == []


def test_length_is_weighted_like_x(url: str) -> None:
    channel = XChannel(account(url), timeout=TIMEOUT)
    text = "Stay well 💉🩺😷"
    assert channel.measure(text) > len(text)
    assert channel.measure("a" * 280) == 280 == channel.limit
    assert channel.measure("see https://example.org/a/very/long/path/indeed") == 4 + 23
    assert XChannel(account(url, limit=25_000), timeout=TIMEOUT).limit == 25_000


def test_errors_share_the_channel_root(channel: XChannel, fake: FakeX) -> None:
    fake.fail("POST", "/2/tweets", Fault.server_error())
    with pytest.raises(ChannelError) as caught:
        channel.publish("Hello.", key="h")
    assert caught.value.channel == "x"


def test_a_reply_under_the_accounts_post_can_be_hidden(channel: XChannel, fake: FakeX) -> None:
    ours = channel.publish("Flu shots are in this week.", key="hide-1")
    theirs = fake.post_as("sam", "my a1c is 9.2, should I worry?", in_reply_to=ours.remote_id)
    assert channel.hide(theirs) is True
    assert fake.tweets[theirs].hidden
    with pytest.raises(Refused, match="conversations you started"):
        channel.hide(ours.remote_id)  # not a reply: nothing to hide
    assert channel.block("@sam") is False  # X's API v2 offers apps no blocking
