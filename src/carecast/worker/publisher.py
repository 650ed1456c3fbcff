"""The worker: publishes due posts exactly once and brings mentions home.

One pass plans the deliveries of posts that are due, leases a few, publishes each part
and records it before going on, then polls the accounts whose turn it is. Any number
of workers may run against one PostgreSQL database; see
:mod:`carecast.workflow.deliveries` for why nothing is posted twice.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from carecast.channels import AccountSettings, Channel, open_channel, split
from carecast.errors import CarecastError, ChannelError, Refused, RetryLater
from carecast.store import Account, Post, transaction
from carecast.store.base import utcnow
from carecast.store.keys import Keyring
from carecast.workflow import deliveries, inbox
from carecast.workflow.accounts import NAMES, settings_of
from carecast.workflow.posts import check_text

log = logging.getLogger("carecast.worker")


def default_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{random.randrange(16**6):06x}"


@dataclass(frozen=True)
class WorkerSettings:
    name: str = field(default_factory=default_name)
    lease: timedelta = timedelta(seconds=120)
    poll_every: timedelta = timedelta(seconds=60)
    idle_sleep: float = 5.0
    batch: int = 10
    timeout: float = 15.0
    backoff: deliveries.Backoff = field(default_factory=deliveries.Backoff)


@dataclass
class PassResult:
    """What one pass did, for the log and the tests."""

    planned: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    mentions: int = 0
    withdrawn: int = 0

    @property
    def busy(self) -> bool:
        return bool(
            self.planned
            or self.sent
            or self.retried
            or self.failed
            or self.mentions
            or self.withdrawn
        )


Opener = Callable[[AccountSettings], Channel]


class Worker:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        keyring: Keyring,
        settings: WorkerSettings | None = None,
        *,
        opener: Opener | None = None,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
    ) -> None:
        self.sessions = sessions
        self.keyring = keyring
        self.settings = settings or WorkerSettings()
        self.opener = opener or (lambda a: open_channel(a, timeout=self.settings.timeout))
        self.clock = clock
        self.rng = rng or random.Random()
        self._channels: dict[tuple[int, str], Channel] = {}

    @property
    def name(self) -> str:
        return self.settings.name

    def run(self, stop: threading.Event | None = None) -> None:
        """Work until ``stop`` is set, resting between passes when there is nothing to do."""
        stop = stop or threading.Event()
        while not stop.is_set():
            try:
                result = self.run_once()
            except CarecastError as exc:  # the database is away: wait and try again
                log.warning("%s", exc)
                result = PassResult()
            if not result.busy:
                stop.wait(self.settings.idle_sleep)

    def run_once(self) -> PassResult:
        result = PassResult()
        now = self.clock()
        with transaction(self.sessions) as session:
            result.planned = len(deliveries.plan_due(session, now))
        with transaction(self.sessions) as session:
            taken = deliveries.claim(
                session, self.name, now, self.settings.lease, self.settings.batch
            )
        for delivery_id in taken:
            outcome = self.deliver(delivery_id)
            if outcome == "sent":
                result.sent += 1
            elif outcome == "retry":
                result.retried += 1
            elif outcome == "failed":
                result.failed += 1
        result.withdrawn = self.withdraw_retracted()
        result.mentions = self.poll_mentions()
        return result

    def _channel(self, account: Account) -> Channel:
        cache_key = (account.id, account.secret)
        if cache_key not in self._channels:
            self._channels[cache_key] = self.opener(settings_of(account, self.keyring))
        return self._channels[cache_key]

    def deliver(self, delivery_id: int) -> str:
        """Publish one leased delivery; returns "sent", "retry", "failed" or "lost"."""
        try:
            return self._deliver(delivery_id)
        except deliveries.LeaseLost:
            log.info("delivery %s: another worker holds it now", delivery_id)
            return "lost"

    def _deliver(self, delivery_id: int) -> str:
        problem: CarecastError | None = None
        with transaction(self.sessions) as session:
            delivery = deliveries.held(session, delivery_id, self.name)
            post, account = delivery.post, delivery.account
            if post.state != "scheduled":
                deliveries.cancel(session, delivery_id, self.name, f"the post is {post.state}")
                return "cancelled"
            text, parts, done = post.text, delivery.parts, list(delivery.remote)
            answering = post.reply_to_remote if post.reply_account_id == account.id else None
            key = delivery.key
            post_id, kind = post.id, account.kind
            if not account.active:
                problem = Refused(kind, "the account was disconnected", "connect it again")
            else:
                try:
                    channel = self._channel(account)
                except CarecastError as exc:
                    problem = exc
        if problem is not None:
            return self._give_up(delivery_id, problem)
        try:
            if parts is None:
                parts = split(text, channel.limit, channel.measure)
                if len(parts) > 1:
                    self._check_parts(parts, post_id, kind)
                with transaction(self.sessions) as session:
                    deliveries.held(session, delivery_id, self.name).parts = parts
            previous = str(done[-1]["id"]) if done else answering
            for number in range(len(done), len(parts)):
                published = channel.publish(parts[number], key=f"{key}-{number}", reply_to=previous)
                with transaction(self.sessions) as session:
                    deliveries.record_part(
                        session,
                        delivery_id,
                        self.name,
                        published.remote_id,
                        published.url,
                        self.clock() + self.settings.lease,
                    )
                previous = published.remote_id
        except RetryLater as exc:
            return self._retry(delivery_id, exc)
        except CarecastError as exc:
            return self._give_up(delivery_id, exc)
        except Exception as exc:  # a fault in an adapter: retried, then failed, never a crash
            log.exception("delivery %s: unexpected error", delivery_id)
            unexpected = RetryLater(kind, f"an unexpected error ({type(exc).__name__})")
            return self._retry(delivery_id, unexpected)
        with transaction(self.sessions) as session:
            deliveries.finish(session, delivery_id, self.name, self.clock())
        return "sent"

    def _check_parts(self, parts: list[str], post_id: int, kind: str) -> None:
        """A thread's parts are read one at a time: each must pass guard on its own."""
        with self.sessions() as session:
            post = session.get(Post, post_id)
            assert post is not None
            reports = [check_text(post.practice, post.author, part, [kind]) for part in parts]
        for number, report in enumerate(reports, start=1):
            if report.verdict == "block":
                found = "; ".join(sorted({f.message for f in report.findings}))
                raise Refused(
                    kind,
                    f"split to fit {NAMES[kind]}, part {number} of {len(parts)} "
                    f"would be blocked on its own ({found})",
                    "shorten the post to fit one part, or rewrite it so each part stands alone",
                )

    def _retry(self, delivery_id: int, exc: RetryLater) -> str:
        with transaction(self.sessions) as session:
            delivery = deliveries.held(session, delivery_id, self.name)
            attempts = delivery.attempts
            if attempts < self.settings.backoff.attempts:
                wait = self.settings.backoff.delay(attempts, exc.retry_after, self.rng.random())
                due = self.clock() + timedelta(seconds=wait)
                deliveries.retry_later(session, delivery_id, self.name, str(exc), due)
        if attempts >= self.settings.backoff.attempts:
            return self._give_up(
                delivery_id,
                Refused(
                    exc.channel,
                    f"still failing after {attempts} attempts: {exc.message}",
                    "check the network's status page, then schedule the post again",
                ),
            )
        log.info("delivery %s: %s; trying again in %.0f s", delivery_id, exc, wait)
        return "retry"

    def _give_up(self, delivery_id: int, exc: CarecastError) -> str:
        message = exc.message
        if isinstance(exc, ChannelError):
            message = message.removeprefix(f"{exc.channel}: ")
        with transaction(self.sessions) as session:
            deliveries.give_up(session, delivery_id, self.name, message, exc.hint)
        log.warning("delivery %s failed: %s", delivery_id, exc)
        return "failed"

    def withdraw_retracted(self) -> int:
        """Delete the parts of retracted posts from the networks; returns how many
        deliveries were taken down."""
        now = self.clock()
        with transaction(self.sessions) as session:
            taken = deliveries.claim_withdrawals(
                session, self.name, now, self.settings.lease, self.settings.batch
            )
        done = 0
        for delivery_id in taken:
            try:
                done += self._withdraw(delivery_id)
            except deliveries.LeaseLost:
                continue
        return done

    def _withdraw(self, delivery_id: int) -> int:
        problem: CarecastError | None = None
        with transaction(self.sessions) as session:
            delivery = deliveries.held_withdrawal(session, delivery_id, self.name)
            remote = [str(part["id"]) for part in delivery.remote]
            attempts = delivery.attempts
            try:
                channel = self._channel(delivery.account)
            except CarecastError as exc:
                problem = exc
        try:
            if problem is not None:
                raise problem
            for remote_id in reversed(remote):  # the last part first, as a thread unwinds
                channel.delete(remote_id)
        except RetryLater as exc:
            if attempts < self.settings.backoff.attempts:
                wait = self.settings.backoff.delay(attempts, exc.retry_after, self.rng.random())
                with transaction(self.sessions) as session:
                    deliveries.withdraw_later(
                        session,
                        delivery_id,
                        self.name,
                        str(exc),
                        self.clock() + timedelta(seconds=wait),
                    )
                return 0
            problem = exc
        except CarecastError as exc:
            problem = exc
        except Exception as exc:  # a fault in the adapter: left to a person, with a note
            log.exception("delivery %s: unexpected error taking it down", delivery_id)
            problem = CarecastError(f"an unexpected error ({type(exc).__name__})")
        with transaction(self.sessions) as session:
            error = "" if problem is None else str(problem)
            deliveries.withdrawn(session, delivery_id, self.name, self.clock(), error)
        return 1 if problem is None else 0

    def poll_mentions(self) -> int:
        """Fetch new mentions for each account whose turn it is; returns how many."""
        now = self.clock()
        with transaction(self.sessions) as session:
            ids = session.scalars(
                select(Account.id).where(Account.active.is_(True)).order_by(Account.id)
            ).all()
        taken = 0
        for account_id in ids:
            with transaction(self.sessions) as session:
                if not inbox.claim_poll(session, account_id, now, self.settings.poll_every):
                    continue
                account = session.get(Account, account_id)
                assert account is not None
                cursor = account.cursor
                try:
                    channel = self._channel(account)
                except CarecastError as exc:
                    account.poll_error = str(exc)
                    continue
            try:
                fetched = channel.fetch_mentions(cursor)
            except Exception as exc:
                if isinstance(exc, CarecastError):
                    error = str(exc)
                else:  # a fault in the adapter: noted on the account, the worker goes on
                    log.exception("account %s: unexpected error fetching mentions", account_id)
                    error = f"an unexpected error ({type(exc).__name__})"
                with transaction(self.sessions) as session:
                    failing = session.get(Account, account_id)
                    if failing is not None:
                        failing.poll_error = error
                continue
            with transaction(self.sessions) as session:
                account = session.get(Account, account_id)
                if account is None or account.cursor != cursor:
                    continue  # another worker took these already
                taken += len(inbox.take_mentions(session, account, fetched))
        return taken
