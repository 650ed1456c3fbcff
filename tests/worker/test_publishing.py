"""The worker against a real Mastodon API (mastodon-mock on 127.0.0.1, through
Mastodon.py): publish on time, threads, replies into the inbox once, retries and
failures that reach the manager, and a crash between publishing and recording."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from mastodon_mock.testing.server import MockServer
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from carecast.channels import AccountSettings, Channel, open_channel
from carecast.errors import InputError, PermissionDenied
from carecast.store import Account, Delivery, Mention, Post
from carecast.store.keys import Keyring
from carecast.worker import Worker, WorkerSettings
from carecast.workflow import accounts, audit, inbox, posts
from carecast.workflow.deliveries import Backoff
from worker.conftest import fault
from workflow.conftest import Staff

CLEAN = "Flu shots are in: walk in any weekday morning. More on who should get one: cdc.gov/flu"
LONG = " ".join(
    [
        "Flu season is here, and the clinic has extended its walk-in hours for vaccination.",
        "Adults and children over six months can get a flu shot any weekday morning.",
        "If you have had a severe reaction to a flu vaccine before, talk to your own clinician.",
    ]
    * 6
)


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def connect(session: Session, staff: Staff, keyring: Keyring, server: MockServer) -> Account:
    account = accounts.connect(
        session,
        staff.manager,
        keyring,
        kind="mastodon",
        base_url=server.base_url,
        handle="alice",
        secret={"access_token": "alice_token"},
    )
    session.commit()
    return account


def scheduled(
    session: Session, staff: Staff, text: str = CLEAN, at: datetime | None = None
) -> Post:
    post = posts.create_draft(session, staff.manager, text, channels=["mastodon"])
    posts.submit(session, staff.manager, post)
    posts.approve(session, staff.clinician, post)
    posts.schedule(session, staff.manager, post, at or datetime.now(UTC) - timedelta(minutes=1))
    session.commit()
    return post


def worker(
    sessions: sessionmaker[Session], keyring: Keyring, clock: Clock | None = None, **kw: Any
) -> Worker:
    settings = WorkerSettings(
        name=kw.pop("name", "w1"),
        lease=timedelta(seconds=60),
        poll_every=timedelta(0),
        backoff=Backoff(base=30, cap=600, attempts=3),
        timeout=2,
    )
    return Worker(sessions, keyring, settings, clock=clock or Clock(), rng=random.Random(1), **kw)


def statuses(server: MockServer, user: str = "alice") -> list[Any]:
    client = server.client(user)
    return list(client.account_statuses(client.me()["id"], limit=40))


def test_a_due_post_is_published_once_with_its_link(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff)
    later = scheduled(
        session,
        staff,
        "Our new parking lot opens Monday.",
        at=datetime.now(UTC) + timedelta(hours=3),
    )
    the_worker = worker(sessions, keyring)
    first = the_worker.run_once()
    again = the_worker.run_once()
    assert (first.sent, again.sent) == (1, 0)
    session.expire_all()
    assert post.state == "published" and later.state == "scheduled"
    [status] = statuses(mastodon)
    assert "Flu shots are in" in status["content"]
    [delivery] = session.scalars(select(Delivery).where(Delivery.post_id == post.id)).all()
    assert delivery.state == "sent" and delivery.url == status["url"]
    published = [
        e for e in audit.events(session, staff.practice.id) if e["action"] == "post.published"
    ]
    assert published[0]["details"]["links"] == [status["url"]]
    assert audit.verify(session).ok


def test_a_long_post_goes_out_as_a_numbered_thread(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff, LONG)
    worker(sessions, keyring).run_once()
    session.expire_all()
    assert post.state == "published"
    thread = sorted(statuses(mastodon), key=lambda s: int(s["id"]))
    assert len(thread) == 3
    assert [s["in_reply_to_id"] for s in thread] == [None, thread[0]["id"], thread[1]["id"]]
    assert all(f"({n}/3)" in s["content"] for n, s in enumerate(thread, start=1))
    assert all(len(s["content"]) < 600 for s in thread)


def test_replies_arrive_in_the_inbox_once_linked_to_the_post(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff)
    the_worker = worker(sessions, keyring)
    the_worker.run_once()
    [status] = statuses(mastodon)
    bob = mastodon.client("bob")
    bob.status_post("@alice what does my potassium of 5.9 mean?", in_reply_to_id=status["id"])
    bob.status_post("@alice are you open on Saturday?")
    assert the_worker.run_once().mentions == 2
    assert the_worker.run_once().mentions == 0
    kept = session.scalars(select(Mention).order_by(Mention.id)).all()
    assert [m.author for m in kept] == ["@bob", "@bob"]
    assert kept[0].text == "@alice what does my potassium of 5.9 mean?"
    assert kept[0].post_id == post.id and kept[1].post_id is None
    # Triaged as they arrive: the lab result is kept off the public timeline.
    assert kept[0].category == "personal_care" and kept[0].contains_phi
    assert "hide" in kept[0].actions
    if kept[0].public_reply:
        assert "(614) 555-0142" in kept[0].public_reply and "5.9" not in kept[0].public_reply
    assert kept[1].category is not None and kept[1].confidence is not None


def test_a_rate_limit_is_retried_after_the_wait_the_server_asked_for(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff)
    clock = Clock()
    the_worker = worker(sessions, keyring, clock)
    with fault(
        mastodon,
        type="ratelimit",
        count=1,
        headers={"Retry-After": "300"},
    ):
        assert the_worker.run_once().retried == 1
    [delivery] = session.scalars(select(Delivery)).all()
    wait = (delivery.due_at - clock.now).total_seconds()
    assert 300 <= wait < 310 and "rate limiting" in delivery.error
    assert the_worker.run_once().sent == 0  # not due yet
    clock.now += timedelta(seconds=wait + 1)
    assert the_worker.run_once().sent == 1
    session.expire_all()
    assert post.state == "published" and len(statuses(mastodon)) == 1


def test_server_errors_back_off_then_fail_back_to_the_manager(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff)
    clock = Clock()
    the_worker = worker(sessions, keyring, clock)
    waits = []
    with fault(mastodon, status=503):
        for _ in range(3):
            start = clock.now
            the_worker.run_once()
            session.expire_all()
            delivery = session.scalars(select(Delivery)).one()
            if delivery.state == "pending":
                waits.append((delivery.due_at - start).total_seconds())
                clock.now = delivery.due_at
    assert len(waits) == 2 and 15 <= waits[0] <= 30 and 30 <= waits[1] <= 60
    session.expire_all()
    assert post.state == "failed" and delivery.state == "failed"
    note = post.notes[-1]
    assert note.kind == "failure" and "after 3 attempts" in note.body and "What to do" in note.body
    assert statuses(mastodon) == []


def test_a_refused_token_fails_the_post_at_once_with_what_to_do(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff)
    with fault(
        mastodon,
        status=401,
        body={"error": "The access token is invalid"},
    ):
        assert worker(sessions, keyring).run_once().failed == 1
    session.expire_all()
    assert post.state == "failed"
    assert "access token was refused" in post.notes[-1].body
    assert "reconnect the Mastodon account" in post.notes[-1].body


def test_a_post_for_a_network_with_no_account_fails_instead_of_waiting_forever(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
) -> None:
    post = scheduled(session, staff)
    worker(sessions, keyring).run_once()
    session.expire_all()
    assert post.state == "failed"
    assert "no such account connected" in post.notes[-1].body


class CrashAfterPublishing:
    """A channel that publishes, then dies before the worker can record it."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.kind, self.limit, self.measure = channel.kind, channel.limit, channel.measure

    def publish(self, text: str, **kw: Any) -> Any:
        self.channel.publish(text, **kw)
        raise SystemExit("killed")


def test_a_crash_between_publishing_and_recording_is_reconciled_by_the_next_worker(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff)
    clock = Clock()

    def crashing(settings: AccountSettings) -> Any:
        return CrashAfterPublishing(open_channel(settings))

    with pytest.raises(SystemExit):
        worker(sessions, keyring, clock, name="first", opener=crashing).run_once()
    second = worker(sessions, keyring, clock, name="second")
    assert second.run_once().sent == 0  # the first worker's lease still holds
    clock.now += timedelta(seconds=61)
    assert second.run_once().sent == 1
    session.expire_all()
    assert post.state == "published"
    assert len(statuses(mastodon)) == 1  # the repeat came back as the same status


def test_a_wrong_token_is_refused_when_connecting(
    session: Session, staff: Staff, keyring: Keyring, mastodon: MockServer
) -> None:
    with pytest.raises(Exception) as caught:
        accounts.connect(
            session,
            staff.manager,
            keyring,
            kind="mastodon",
            base_url=mastodon.base_url,
            secret={"access_token": "not-a-token"},
        )
    assert "access token was refused" in str(caught.value)
    assert "not-a-token" not in str(caught.value)
    with pytest.raises(InputError, match="web address"):
        accounts.connect(
            session,
            staff.manager,
            keyring,
            kind="mastodon",
            base_url="mastodon",
            secret={"access_token": "x"},
        )


def test_the_token_is_sealed_at_rest_and_shown_only_by_its_end(
    session: Session, staff: Staff, keyring: Keyring, mastodon: MockServer
) -> None:
    account = connect(session, staff, keyring, mastodon)
    stored = session.execute(select(Account.secret, Account.secret_hint)).one()
    assert "alice_token" not in stored.secret and stored.secret.startswith("v1.")
    assert stored.secret_hint == "…oken"
    assert accounts.settings_of(account, keyring).secret == {"access_token": "alice_token"}
    assert "alice_token" not in repr(accounts.settings_of(account, keyring))
    events = audit.events(session, staff.practice.id)
    assert not any("alice_token" in str(e) for e in events)


def test_a_retracted_post_is_taken_down_from_the_network(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff, LONG)
    clock = Clock()
    the_worker = worker(sessions, keyring, clock)
    the_worker.run_once()
    assert len(statuses(mastodon)) == 3
    session.expire_all()
    posts.retract(session, staff.clinician, post, "the dosing advice in part two was wrong")
    session.commit()
    clock.now = datetime.now(UTC)
    assert the_worker.run_once().withdrawn == 1
    assert statuses(mastodon) == []
    assert the_worker.run_once().withdrawn == 0
    actions = [e["action"] for e in audit.events(session, staff.practice.id)]
    assert actions[-2:] == ["post.retracted", "post.withdrawn"]
    delivery = session.scalars(select(Delivery)).one()
    session.refresh(delivery)
    assert delivery.withdrawn_at is not None


def test_a_take_down_the_network_refuses_is_left_to_a_person_with_a_note(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff)
    clock = Clock()
    the_worker = worker(sessions, keyring, clock)
    the_worker.run_once()
    session.expire_all()
    posts.retract(session, staff.clinician, post, "posted to the wrong account entirely")
    session.commit()
    clock.now = datetime.now(UTC)
    rule = {
        "match": {"methods": ["DELETE"], "path_regex": "^/api/v1/statuses/"},
        "effect": {
            "type": "status",
            "status": 403,
            "body": {"error": "This action is not allowed"},
        },
    }
    httpx.post(f"{mastodon.base_url}/api/v1/_mock/faults", json=rule).raise_for_status()
    try:
        assert the_worker.run_once().withdrawn == 0
    finally:
        httpx.delete(f"{mastodon.base_url}/api/v1/_mock/faults").raise_for_status()
    assert len(statuses(mastodon)) == 1
    session.expire_all()
    note = post.notes[-1]
    assert note.kind == "failure" and "could not delete the post from Mastodon" in note.body
    assert "by hand" in note.body
    assert the_worker.run_once().withdrawn == 0  # not tried again on its own


class Broken:
    """An adapter with a fault of its own: every publish raises a plain Python error."""

    kind, limit = "mastodon", 500

    def measure(self, text: str) -> int:
        return len(text)

    def publish(self, text: str, **kw: Any) -> Any:
        raise KeyError("id")


def test_a_fault_in_an_adapter_is_retried_then_fails_the_post_without_stopping_the_worker(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    post = scheduled(session, staff)
    clock = Clock()
    the_worker = worker(sessions, keyring, clock, opener=lambda settings: Broken())
    for _ in range(3):
        the_worker.run_once()
        session.expire_all()
        delivery = session.scalars(select(Delivery)).one()
        clock.now = max(clock.now, delivery.due_at)
    session.expire_all()
    assert post.state == "failed"
    assert "unexpected error (KeyError)" in post.notes[-1].body
    account = session.scalars(select(Account)).one()
    session.refresh(account)
    assert "unexpected error (AttributeError)" in account.poll_error  # Broken cannot fetch


def test_a_drafted_reply_goes_out_as_a_reply_on_the_account_the_message_came_in_on(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    the_worker = worker(sessions, keyring)
    bob = mastodon.client("bob")
    asked = bob.status_post("@alice my potassium came back 5.9, should I stop my lisinopril?")
    assert the_worker.run_once().mentions == 1
    mention = session.scalars(select(Mention)).one()
    reply = inbox.draft_reply(session, staff.manager, mention)
    assert reply.text == mention.public_reply and "5.9" not in reply.text
    assert reply.reply_to == "@bob" and reply.channels == ["mastodon"]
    posts.submit(session, staff.manager, reply)
    posts.approve(session, staff.clinician, reply)
    posts.schedule(session, staff.manager, reply, datetime.now(UTC) - timedelta(seconds=1))
    session.commit()
    assert the_worker.run_once().sent == 1
    [answer] = statuses(mastodon)
    assert str(answer["in_reply_to_id"]) == str(asked["id"])
    assert "(614) 555-0142" in answer["content"]


def test_a_message_with_nothing_to_draft_says_so(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    mastodon.client("bob").status_post("@alice 🔥🔥🔥")
    worker(sessions, keyring).run_once()
    mention = session.scalars(select(Mention)).one()
    mention.public_reply, mention.category = None, "other"
    with pytest.raises(InputError, match="no reply to draft"):
        inbox.draft_reply(session, staff.manager, mention)


def test_spam_can_be_blocked_and_mastodon_says_it_cannot_hide(
    session: Session,
    sessions: sessionmaker[Session],
    staff: Staff,
    keyring: Keyring,
    mastodon: MockServer,
) -> None:
    connect(session, staff, keyring, mastodon)
    mastodon.client("bob").status_post("@alice Great post! DM me to buy 5,000 followers 💰")
    worker(sessions, keyring).run_once()
    mention = session.scalars(select(Mention)).one()
    assert inbox.hide(session, staff.manager, keyring, mention) is False
    assert inbox.block(session, staff.manager, keyring, mention) is True
    session.commit()
    assert any(a["acct"] == "bob" for a in mastodon.client("alice").blocks())
    actions = [e["action"] for e in audit.events(session, staff.practice.id)]
    assert actions[-2:] == ["mention.hide_unavailable", "mention.block"]
    with pytest.raises(PermissionDenied):
        inbox.block(session, staff.compliance, keyring, mention)
