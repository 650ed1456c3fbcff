"""Each scheduled post's way to each of the practice's accounts, exactly once.

A due post gets one delivery per account its channels name. A worker takes a delivery
by a lease written in the database (a compare-and-set, so two workers never hold the
same one), publishes part by part under idempotency keys derived from the delivery's
key, and writes each part's remote id the moment the network answers, only while it
still holds the lease. After a crash the lease runs out, another worker takes the
delivery, skips the parts already recorded and repeats the one in flight under the
same key, which the network answers with the post it already made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, or_, select, update
from sqlalchemy.orm import Session

from carecast.store import Account, Delivery, Post, PostNote
from carecast.workflow import audit
from carecast.workflow.accounts import NAMES, accounts_for
from carecast.workflow.posts import mark_failed, mark_published


class LeaseLost(Exception):
    """Another worker holds the delivery now: stop without writing anything."""


@dataclass(frozen=True)
class Backoff:
    """Waits between attempts: exponential from ``base`` seconds up to ``cap``, with
    jitter, never shorter than a network's Retry-After; ``attempts`` in all."""

    base: float = 30.0
    cap: float = 3600.0
    attempts: int = 8

    def delay(self, attempt: int, retry_after: float | None, jitter: float) -> float:
        """``jitter`` in [0, 1) picks a wait in the upper half of the exponential step."""
        step = min(self.cap, self.base * 2 ** max(0, attempt - 1))
        wait = step / 2 + step / 2 * jitter
        return float(max(wait, retry_after)) if retry_after is not None else float(wait)


def delivery_key(post: Post, account: Account) -> str:
    """Stable for one scheduling of one post to one account (so two workers planning
    at once collide on the unique key), and never repeated by another database."""
    seed = f"{post.id}:{post.created_at.isoformat()}:{account.id}:{post.current.number}"
    return f"cc{post.id}-{account.id}-{hashlib.sha256(seed.encode()).hexdigest()[:12]}"


def _pending(post_id: Any) -> Any:
    return exists().where(Delivery.post_id == post_id, Delivery.state == "pending")


def plan_due(session: Session, now: datetime, limit: int = 200) -> list[Post]:
    """Give every due scheduled post without open deliveries its deliveries; fail the
    post when a channel it names has no account, and mark it published when every
    account already has it (the tail of a crash)."""
    due = session.scalars(
        select(Post)
        .where(Post.state == "scheduled", Post.scheduled_at <= now, ~_pending(Post.id))
        .order_by(Post.scheduled_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    for post in due:
        _plan(session, post)
    return list(due)


def _plan(session: Session, post: Post) -> None:
    accounts = accounts_for(session, post.practice)
    unconnected = [c for c in post.channels if not any(a.kind == c for a in accounts)]
    if not post.channels or unconnected:
        names = ", ".join(NAMES.get(c, c) for c in unconnected) or "no channel"
        mark_failed(
            session,
            post,
            f"the post is for {names}, and the practice has no such account connected",
            hint="connect the account in Settings → Accounts (or change the post's "
            "channels), then schedule it again",
        )
        return
    targets = [a for a in accounts if a.kind in post.channels]
    if post.reply_account_id is not None:  # a reply goes only where its message came from
        targets = [a for a in targets if a.id == post.reply_account_id]
        if not targets:
            mark_failed(
                session,
                post,
                "the account the message came in on is no longer connected",
                hint="connect it again in Settings → Accounts, then schedule the reply again",
            )
            return
    sent = {
        d.account_id: d
        for d in session.scalars(
            select(Delivery).where(Delivery.post_id == post.id, Delivery.state == "sent")
        )
    }
    todo = [a for a in targets if a.id not in sent]
    if not todo:
        mark_published(session, post, links=[d.url for d in sent.values() if d.url])
        return
    for account in todo:
        session.add(
            Delivery(
                post_id=post.id,
                account_id=account.id,
                key=delivery_key(post, account),
                due_at=post.scheduled_at,
            )
        )
    session.flush()


def _lease(
    session: Session, worker: str, now: datetime, lease: timedelta, ids: Sequence[int], when: Any
) -> list[int]:
    """Lease each of ``ids`` to ``worker`` by compare-and-set: only a row that still meets
    ``when`` is taken, so two workers never hold the same delivery."""
    taken = []
    for delivery_id in ids:
        result = session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id, when)
            .values(lease_owner=worker, lease_until=now + lease, attempts=Delivery.attempts + 1)
        )
        if getattr(result, "rowcount", 0) == 1:
            taken.append(delivery_id)
    return taken


def _locked(session: Session, delivery_id: int) -> Delivery | None:
    """The delivery read afresh, its row locked for this transaction."""
    return session.scalars(
        select(Delivery)
        .where(Delivery.id == delivery_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()


def claim(
    session: Session, worker: str, now: datetime, lease: timedelta, limit: int = 10
) -> list[int]:
    """Lease up to ``limit`` due deliveries to ``worker``; returns their ids."""
    free = or_(Delivery.lease_until.is_(None), Delivery.lease_until < now)
    due = (Delivery.state == "pending") & (Delivery.due_at <= now) & free
    candidates = session.scalars(
        select(Delivery.id).where(due).order_by(Delivery.due_at, Delivery.id).limit(limit)
    ).all()
    return _lease(session, worker, now, lease, candidates, due)


def held(session: Session, delivery_id: int, worker: str) -> Delivery:
    """The delivery, locked, if ``worker`` still holds it; else :class:`LeaseLost`."""
    delivery = _locked(session, delivery_id)
    if delivery is None or delivery.lease_owner != worker or delivery.state != "pending":
        raise LeaseLost(delivery_id)
    return delivery


def record_part(
    session: Session, delivery_id: int, worker: str, remote_id: str, url: str, until: datetime
) -> None:
    """Write one published part's remote id and extend the lease."""
    delivery = held(session, delivery_id, worker)
    delivery.remote = [*delivery.remote, {"id": remote_id, "url": url}]
    delivery.lease_until = until


def finish(session: Session, delivery_id: int, worker: str, now: datetime) -> Post:
    """The delivery is sent; once all of the post's are, the post is published."""
    delivery = held(session, delivery_id, worker)
    delivery.state = "sent"
    delivery.sent_at = now
    delivery.lease_owner = None
    delivery.lease_until = None
    delivery.error = ""
    post = session.scalars(select(Post).where(Post.id == delivery.post_id).with_for_update()).one()
    session.flush()
    if post.state == "scheduled" and not session.scalar(select(_pending(post.id))):
        links = [
            d.url
            for d in session.scalars(
                select(Delivery)
                .where(Delivery.post_id == post.id, Delivery.state == "sent")
                .order_by(Delivery.id)
            )
            if d.url
        ]
        mark_published(session, post, links=links)
    return post


def retry_later(session: Session, delivery_id: int, worker: str, error: str, due: datetime) -> None:
    delivery = held(session, delivery_id, worker)
    delivery.due_at = due
    delivery.error = error
    delivery.lease_owner = None
    delivery.lease_until = None


def give_up(session: Session, delivery_id: int, worker: str, message: str, hint: str) -> Post:
    """A lasting failure: the delivery fails, the post goes back to the manager with the
    reason, and the post's other deliveries not yet sent are called off."""
    delivery = held(session, delivery_id, worker)
    delivery.state = "failed"
    delivery.error = f"{message} ({hint})" if hint else message
    delivery.lease_owner = None
    delivery.lease_until = None
    post = session.scalars(select(Post).where(Post.id == delivery.post_id).with_for_update()).one()
    others = session.scalars(
        select(Delivery).where(Delivery.post_id == post.id, Delivery.state == "pending")
    )
    for other in others:
        other.state = "cancelled"
        other.error = f"called off: the post failed on {NAMES[delivery.account.kind]}"
    if post.state == "scheduled":
        account = delivery.account
        where = f"{NAMES[account.kind]} ({account.label})"
        done = len(delivery.remote)
        if done:
            where += f", after {done} of {len(delivery.parts or [])} parts were published"
        mark_failed(session, post, f"{where}: {message}", hint=hint)
    return post


def cancel(session: Session, delivery_id: int, worker: str, reason: str) -> None:
    delivery = held(session, delivery_id, worker)
    delivery.state = "cancelled"
    delivery.error = reason
    delivery.lease_owner = None
    delivery.lease_until = None


def deliveries_of(session: Session, post: Post) -> Sequence[Delivery]:
    return session.scalars(
        select(Delivery).where(Delivery.post_id == post.id).order_by(Delivery.id)
    ).all()


# Taking a retracted post down: the same lease, on deliveries already sent.


def _withdrawable(now: datetime) -> Any:
    return (
        (Delivery.state == "sent")
        & Delivery.withdraw_at.is_not(None)
        & Delivery.withdrawn_at.is_(None)
        & (Delivery.due_at <= now)
        & or_(Delivery.lease_until.is_(None), Delivery.lease_until < now)
    )


def claim_withdrawals(
    session: Session, worker: str, now: datetime, lease: timedelta, limit: int = 10
) -> list[int]:
    """Lease up to ``limit`` sent deliveries of retracted posts, to delete them."""
    candidates = session.scalars(
        select(Delivery.id).where(_withdrawable(now)).order_by(Delivery.id).limit(limit)
    ).all()
    return _lease(session, worker, now, lease, candidates, _withdrawable(now))


def held_withdrawal(session: Session, delivery_id: int, worker: str) -> Delivery:
    delivery = _locked(session, delivery_id)
    if delivery is None or delivery.lease_owner != worker or delivery.withdrawn_at is not None:
        raise LeaseLost(delivery_id)
    return delivery


def withdrawn(
    session: Session, delivery_id: int, worker: str, now: datetime, error: str = ""
) -> Delivery:
    """The parts are deleted (or, with ``error``, cannot be: a person must do it)."""
    delivery = held_withdrawal(session, delivery_id, worker)
    delivery.lease_owner = None
    delivery.lease_until = None
    account = delivery.account
    where = f"{NAMES[account.kind]} ({account.label})"
    if error:
        delivery.withdraw_at = None  # no more automatic attempts
        delivery.error = f"could not take it down: {error}"
        message = f"could not delete the post from {where}: {error}"
        action = "post.withdrawal_failed"
    else:
        delivery.withdrawn_at = now
        message = f"deleted from {where}"
        action = "post.withdrawn"
    audit.record(
        session,
        actor="worker",
        action=action,
        object_type="post",
        object_id=delivery.post_id,
        details={"account": account.id, "remote": [p.get("id") for p in delivery.remote]},
        practice_id=account.practice_id,
    )
    if error:
        session.add(
            PostNote(
                post_id=delivery.post_id,
                kind="failure",
                body=f"{message}. What to do: delete it on {NAMES[account.kind]} by hand",
                version_number=delivery.post.current.number,
            )
        )
    return delivery


def withdraw_later(
    session: Session, delivery_id: int, worker: str, error: str, due: datetime
) -> None:
    delivery = held_withdrawal(session, delivery_id, worker)
    delivery.due_at = due
    delivery.error = error
    delivery.lease_owner = None
    delivery.lease_until = None
