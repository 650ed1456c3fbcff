"""Mentions and replies brought home from the practice's accounts, kept once each.

The worker fetches; :func:`take_mentions` stores what is new (a mention already kept,
by its remote id, is skipped), triages it under the practice's policy, links replies to
the post they answer, and moves the account's cursor in the same transaction, so a
crash never loses or repeats one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from carecast.channels import Mentions, open_channel
from carecast.errors import InputError, NotFound
from carecast.guard import Context
from carecast.store import Account, Delivery, Mention, Post, User
from carecast.store.base import utcnow
from carecast.store.keys import Keyring
from carecast.triage import Triage, classify
from carecast.workflow import audit, posts
from carecast.workflow.accounts import Opener, settings_of
from carecast.workflow.people import policy_for
from carecast.workflow.roles import require


def claim_poll(session: Session, account_id: int, now: datetime, every: timedelta) -> bool:
    """Take the account's turn to be polled, unless it was polled within ``every``
    (by this worker or another)."""
    result = session.execute(
        update(Account)
        .where(
            Account.id == account_id,
            Account.active.is_(True),
            or_(Account.polled_at.is_(None), Account.polled_at <= now - every),
        )
        .values(polled_at=now)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def _our_posts(session: Session, account: Account, remote_ids: set[str]) -> dict[str, int]:
    """Remote id → our post id, for the remote ids that are parts of our deliveries."""
    if not remote_ids:
        return {}
    found: dict[str, int] = {}
    deliveries = session.scalars(
        select(Delivery).where(Delivery.account_id == account.id, Delivery.state == "sent")
    )
    for delivery in deliveries:
        for part in delivery.remote:
            if str(part.get("id")) in remote_ids:
                found[str(part["id"])] = delivery.post_id
    return found


def take_mentions(session: Session, account: Account, fetched: Mentions) -> list[Mention]:
    """Keep the mentions not kept before, and move the account's cursor."""
    wanted = {m.remote_id: m for m in fetched.items}
    kept = set(
        session.scalars(
            select(Mention.remote_id).where(
                Mention.account_id == account.id, Mention.remote_id.in_(list(wanted))
            )
        )
    )
    answers = _our_posts(session, account, {m.in_reply_to for m in fetched.items if m.in_reply_to})
    policy = policy_for(account.practice, None)
    added = []
    for remote_id, item in wanted.items():
        if remote_id in kept:
            continue
        mention = Mention(
            practice_id=account.practice_id,
            account_id=account.id,
            remote_id=remote_id,
            author=item.author[:200],
            text=item.text,
            url=item.url[:400],
            in_reply_to=item.in_reply_to,
            post_id=answers.get(item.in_reply_to or ""),
            sent_at=item.created_at,
            fetched_at=utcnow(),
        )
        _triage(mention, classify(item.text, Context(channel=account.kind), policy))
        session.add(mention)
        added.append(mention)
    account.cursor = fetched.cursor
    account.poll_error = ""
    session.flush()
    return added


def _triage(mention: Mention, result: Triage) -> None:
    mention.category = result.category
    mention.contains_phi = result.contains_phi
    mention.confidence = round(result.confidence, 4)
    mention.actions = list(result.actions)
    mention.public_reply = result.public_reply
    mention.phi = [f.to_dict() for f in result.phi]


def ours(user: User, mention: Mention) -> Mention:
    """The mention, if it is in the user's practice's inbox."""
    if mention.practice_id != user.practice_id:
        raise NotFound(f"no message {mention.id} in the inbox", "pick one from the inbox")
    return mention


def get_mention(session: Session, user: User, mention_id: int) -> Mention:
    require(user, "inbox.read")
    mention = session.get(Mention, mention_id)
    if mention is None:
        raise NotFound(f"no message {mention_id} in the inbox", "pick one from the inbox")
    return ours(user, mention)


def list_mentions(
    session: Session,
    user: User,
    *,
    account_ids: Sequence[int] = (),
    post_id: int | None = None,
    categories: Sequence[str] = (),
) -> list[Mention]:
    """The practice's inbox, newest first."""
    require(user, "inbox.read")
    query = select(Mention).where(Mention.practice_id == user.practice_id)
    if categories:
        query = query.where(Mention.category.in_(list(categories)))
    if account_ids:
        query = query.where(Mention.account_id.in_(list(account_ids)))
    if post_id is not None:
        query = query.where(Mention.post_id == post_id)
    return list(session.scalars(query.order_by(Mention.sent_at.desc(), Mention.id.desc())))


# What a drafted answer starts from, by category, when triage offers no reply of its own.
# Each [[…]] is for a person to write (a draft cannot be submitted while one is left);
# guard checks the result like any post.
DRAFTS = {
    "general_question": (
        "Thanks for asking! [[a general answer, not about anyone's own case]] "
        "More from a trusted source: [[link, e.g. cdc.gov or nhs.uk]]. "
        "For advice about your own situation, please see your own clinician."
    ),
    "misinformation": (
        "We understand why this comes up. The evidence says otherwise: [[what the research "
        "shows, in a sentence]]. Source: [[link, e.g. cdc.gov, who.int or nhs.uk]]. "
        "If you have questions about your own care, please talk to your own clinician."
    ),
}


def draft_reply(session: Session, user: User, mention: Mention) -> Post:
    """A draft post answering the mention on its own account, as a reply to it: the
    safe reply triage offered, or a starting point for a general or evidence-based
    answer. It goes through review like any post; nothing is sent from here."""
    require(user, "posts.write")
    ours(user, mention)
    text = mention.public_reply or DRAFTS.get(mention.category or "", "")
    if not text:
        raise InputError(
            f"there is no reply to draft for a message triaged {mention.category or 'as unknown'}",
            "write a post from Compose if it needs one",
        )
    post = posts.create_draft(
        session, user, text, channels=[mention.account.kind], reply_to=mention.author
    )
    post.reply_account_id = mention.account_id
    post.reply_to_remote = mention.remote_id
    mention.state = mention.state if mention.state == "private" else "answered"
    return post


def _act(
    session: Session, user: User, keyring: Keyring, mention: Mention, action: str, opener: Opener
) -> bool:
    """Hide the message or block its sender on its network; False where it cannot."""
    require(user, "inbox.act")
    ours(user, mention)
    channel = opener(settings_of(mention.account, keyring))
    done = channel.hide(mention.remote_id) if action == "hide" else channel.block(mention.author)
    if done and action == "hide":
        mention.state = "hidden"
    audit.record(
        session,
        actor=user.email,
        action=f"mention.{action}" + ("" if done else "_unavailable"),
        object_type="mention",
        object_id=mention.id,
        details={"network": mention.account.kind, "author": mention.author},
        practice_id=mention.practice_id,
    )
    return done


def hide(
    session: Session, user: User, keyring: Keyring, mention: Mention, opener: Opener = open_channel
) -> bool:
    return _act(session, user, keyring, mention, "hide", opener)


def block(
    session: Session, user: User, keyring: Keyring, mention: Mention, opener: Opener = open_channel
) -> bool:
    return _act(session, user, keyring, mention, "block", opener)


STATES = ("new", "flagged", "dismissed")


def set_state(session: Session, user: User, mention: Mention, state: str) -> Mention:
    """Flag a message, dismiss it, or put it back among the new ones."""
    require(user, "inbox.act")
    ours(user, mention)
    if state not in STATES:
        raise InputError(f"no inbox state {state!r}", "flag, dismiss or put back a message")
    if mention.state == "private":
        raise InputError("the message is in a private thread", "open the thread instead")
    mention.state = state
    audit.record(
        session,
        actor=user.email,
        action=f"mention.{state}",
        object_type="mention",
        object_id=mention.id,
        details={"category": mention.category},
        practice_id=mention.practice_id,
    )
    return mention
