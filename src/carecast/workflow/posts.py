"""A post's life: draft, review, approval, schedule, publication, correction, retraction.

Every state change re-runs guard on the current text and keeps the report with a new
version, and writes an audit event in the same transaction. Routes and commands call
these functions; they never change a post's state themselves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from carecast.errors import CarecastError, ConflictError, InputError, NotFound, PermissionDenied
from carecast.guard import Context, Report, check
from carecast.guard.context import CHANNELS
from carecast.store import Delivery, Post, PostNote, PostVersion, Practice, User
from carecast.store.base import utcnow
from carecast.workflow import audit
from carecast.workflow.consents import get_consent, standing
from carecast.workflow.people import policy_for
from carecast.workflow.roles import require

MAX_TEXT = 20_000
MIN_REASON = 10  # characters an override, send-back or retraction reason needs
EDITABLE = ("draft", "failed")


def check_text(
    practice: Practice,
    author: User | None,
    text: str,
    channels: Sequence[str] = (),
    reply_to: str | None = None,
) -> Report:
    """Guard's report on ``text`` under the practice's policy. Where a post goes to several
    channels it is checked for the strictest (``community`` asks for credentials)."""
    channel = "community" if "community" in channels else (channels[0] if channels else None)
    return check(text, Context(channel=channel, reply_to=reply_to), policy_for(practice, author))


def _clean_text(text: str) -> str:
    if not text.strip():
        raise InputError("the post is empty", "write the text of the post")
    if len(text) > MAX_TEXT:
        raise InputError(
            f"the post is {len(text):,} characters long", f"keep it under {MAX_TEXT:,}"
        )
    return text


def _clean_channels(channels: Sequence[str]) -> list[str]:
    cleaned = []
    for channel in channels:
        name = channel.strip().lower()
        if name not in CHANNELS:
            raise InputError(f"no channel named {channel!r}", "choose from: " + ", ".join(CHANNELS))
        if name not in cleaned:
            cleaned.append(name)
    return cleaned


def _reason(text: str | None, what: str) -> str:
    reason = (text or "").strip()
    if len(reason) < MIN_REASON:
        raise InputError(
            f"the {what} needs a reason", f"say why in at least {MIN_REASON} characters"
        )
    return reason


def _version(session: Session, post: Post, text: str, event: str, user: User | None) -> PostVersion:
    author = post.author if post.author_id else user
    report = check_text(post.practice, author, text, post.channels, post.reply_to)
    number = post.versions[-1].number + 1 if post.versions else 1
    version = PostVersion(
        post=post,
        number=number,
        text=text,
        event=event,
        verdict=report.verdict,
        report=report.to_dict(),
        created_by_id=user.id if user else None,
    )
    session.add(version)
    return version


def _event(session: Session, actor: User | str, action: str, post: Post, **details: object) -> None:
    audit.record(
        session,
        actor=actor if isinstance(actor, str) else actor.email,
        action=action,
        object_type="post",
        object_id=post.id,
        details={"state": post.state, "version": post.versions[-1].number, **details},
        content=post.versions[-1].text,
        practice_id=post.practice_id,
    )


def _move(
    session: Session, actor: User | str, post: Post, to: str, action: str, **details: object
) -> None:
    """Change state, re-check the current text into a new version, and record it."""
    user = actor if isinstance(actor, User) else None
    post.state = to
    _version(session, post, post.text, action.removeprefix("post."), user)
    session.flush()
    _event(session, actor, action, post, **details)


def _note(session: Session, post: Post, user: User | None, kind: str, body: str) -> None:
    """A comment, reason or message on the post's current version."""
    session.add(
        PostNote(
            post=post,
            author_id=user.id if user else None,
            kind=kind,
            body=body,
            version_number=post.current.number,
        )
    )


def _expect(post: Post, *states: str, doing: str) -> None:
    if post.state not in states:
        raise ConflictError(
            f"post {post.id} is {post.state.replace('_', ' ')}, so it cannot be {doing}",
            "reload the post to see where it stands",
        )


def get_post(session: Session, user: User, post_id: int, *, for_update: bool = False) -> Post:
    """A post of the user's own practice, locked for a state change when ``for_update``."""
    require(user, "posts.read")
    query = select(Post).where(Post.id == post_id, Post.practice_id == user.practice_id)
    post = session.scalar(query.with_for_update() if for_update else query)
    if post is None:
        raise NotFound(f"no post {post_id}", "pick a post from the list")
    return post


def list_posts(session: Session, user: User, states: Sequence[str] = ()) -> list[Post]:
    require(user, "posts.read")
    query = select(Post).where(Post.practice_id == user.practice_id)
    if states:
        query = query.where(Post.state.in_(states))
    return list(session.scalars(query.order_by(Post.updated_at.desc(), Post.id.desc())))


def create_draft(
    session: Session,
    user: User,
    text: str,
    *,
    channels: Sequence[str] = (),
    reply_to: str | None = None,
    scheduled_at: datetime | None = None,
    consent_id: int | None = None,
    corrects: Post | None = None,
) -> Post:
    require(user, "posts.write")
    post = Post(
        practice_id=user.practice_id,
        author_id=user.id,
        state="draft",
        channels=_clean_channels(channels),
        reply_to=(reply_to or "").strip() or None,
        scheduled_at=_aware(scheduled_at),
        consent_id=_consent(session, user, consent_id),
        corrects_id=corrects.id if corrects else None,
    )
    post.author = user
    session.add(post)
    session.flush()
    _version(session, post, _clean_text(text), "created", user)
    session.flush()
    _event(session, user, "post.created", post, corrects=post.corrects_id)
    return post


def _aware(at: datetime | None) -> datetime | None:
    if at is not None and at.tzinfo is None:
        raise InputError(
            "the time has no time zone", "give it with its UTC offset, e.g. 2026-12-01T09:00+00:00"
        )
    return at


def _consent(session: Session, user: User, consent_id: int | None) -> int | None:
    if consent_id is None:
        return None
    consent = get_consent(session, user, consent_id)
    where = standing(consent)
    if where != "in force":
        raise InputError(
            f"consent record {consent_id} is {where}",
            "cite a consent that is in force, or record the patient's new consent",
        )
    return consent.id


def edit(
    session: Session,
    user: User,
    post: Post,
    text: str | None = None,
    *,
    channels: Sequence[str] | None = None,
    scheduled_at: datetime | None = None,
) -> Post:
    """Change the text, channels or time of a draft or failed post (which becomes a draft)."""
    require(user, "posts.write")
    _expect(post, *EDITABLE, doing="edited")
    if channels is not None:
        post.channels = _clean_channels(channels)
    if scheduled_at is not None:
        post.scheduled_at = _aware(scheduled_at)
    post.state = "draft"
    _version(session, post, _clean_text(text if text is not None else post.text), "edited", user)
    session.flush()
    _event(session, user, "post.edited", post)
    return post


# A part of a drafted text still to be written, as ``[[a general answer]]``.
TO_FILL = re.compile(r"\[\[([^\]]*)\]\]")


def submit(session: Session, user: User, post: Post) -> Post:
    require(user, "posts.write")
    _expect(post, "draft", doing="submitted for review")
    if found := TO_FILL.search(post.text):
        raise InputError(
            f"the draft still has a part to write: [[{found.group(1)}]]",
            "replace each [[…]] with your own words, then submit",
        )
    _move(session, user, post, "in_review", "post.submitted")
    return post


def approve(session: Session, user: User, post: Post, override: str | None = None) -> Post:
    """Approve a post in review. A clinician never approves their own post, and a post guard
    blocks needs an override with a reason, kept with the post and in the audit log."""
    require(user, "posts.review")
    if post.author_id == user.id:
        raise PermissionDenied(
            "you wrote this post, so you cannot approve it", "ask another clinician to review it"
        )
    _expect(post, "in_review", doing="approved")
    report = check_text(post.practice, post.author, post.text, post.channels, post.reply_to)
    details: dict[str, object] = {"verdict": report.verdict}
    if report.verdict == "block":
        if not (override or "").strip():
            rules = sorted({f.rule for f in report.findings if f.severity == "block"})
            raise ConflictError(
                f"guard blocks this post ({', '.join(rules)})",
                "send it back to be fixed, or approve with an override and a reason",
            )
        reason = _reason(override, "override")
        _note(session, post, user, "override", reason)
        details["override"] = reason
    post.approved_by_id, post.approved_at = user.id, utcnow()
    _move(session, user, post, "approved", "post.approved", **details)
    if post.scheduled_at is not None:
        _move(session, user, post, "scheduled", "post.scheduled", at=post.scheduled_at.isoformat())
    return post


@dataclass(frozen=True)
class BatchResult:
    post_id: int
    approved: bool
    message: str = ""


def approve_many(session: Session, user: User, post_ids: Sequence[int]) -> list[BatchResult]:
    """Approve several posts; each that cannot be approved (blocked, own post…) says why."""
    results = []
    for post_id in post_ids:
        try:
            with session.begin_nested():
                approve(session, user, get_post(session, user, post_id, for_update=True))
            results.append(BatchResult(post_id, True))
        except CarecastError as exc:
            results.append(BatchResult(post_id, False, exc.message))
    return results


def send_back(session: Session, user: User, post: Post, comment: str) -> Post:
    require(user, "posts.review")
    _expect(post, "in_review", doing="sent back")
    body = _reason(comment, "send-back")
    _note(session, post, user, "send_back", body)
    _move(session, user, post, "draft", "post.sent_back", comment=body)
    return post


def schedule(session: Session, user: User, post: Post, at: datetime) -> Post:
    require(user, "posts.schedule")
    _expect(post, "approved", "scheduled", doing="scheduled")
    post.scheduled_at = _aware(at)
    _move(session, user, post, "scheduled", "post.scheduled", at=at.isoformat())
    return post


def mark_published(
    session: Session, post: Post, *, actor: str = "worker", links: Sequence[str] = ()
) -> Post:
    """The publishing side reports success; a published correction marks what it corrects."""
    _expect(post, "scheduled", "approved", doing="published")
    post.published_at = utcnow()
    _move(session, actor, post, "published", "post.published", links=list(links))
    if post.corrects_id is not None:
        original = session.get(Post, post.corrects_id)
        if original is not None and original.state == "published":
            _move(session, actor, original, "corrected", "post.corrected", correction=post.id)
    return post


def mark_failed(
    session: Session, post: Post, message: str, *, hint: str = "", actor: str = "worker"
) -> Post:
    """The publishing side gave up: the post goes back to the manager with the reason
    and, where there is one, what to do about it."""
    _expect(post, "scheduled", "approved", doing="marked failed")
    body = f"{message}. What to do: {hint}" if hint else message
    _note(session, post, None, "failure", body)
    _move(session, actor, post, "failed", "post.failed", message=body)
    return post


def apology(original: Post) -> str:
    """Suggested wording for a correction: says what was wrong, gives the fix, apologises."""
    when = (
        original.published_at.strftime("%-d %B %Y") if original.published_at else "an earlier post"
    )
    return (
        f"Correction to our post of {when}: we got something wrong. "
        "[Say what was wrong and what is right, with a trusted source.] "
        "We are sorry for the error and thank those who pointed it out."
    )


def correct(session: Session, user: User, post: Post, text: str | None = None) -> Post:
    """Start a correction: a new draft linked to the published post, with apology wording."""
    require(user, "posts.correct")
    _expect(post, "published", doing="corrected")
    correction = create_draft(
        session, user, text or apology(post), channels=post.channels, corrects=post
    )
    _note(session, post, user, "correction", f"Correction drafted as post {correction.id}")
    _event(session, user, "post.correction_started", post, correction=correction.id)
    return correction


def retract(session: Session, user: User, post: Post, reason: str) -> Post:
    require(user, "posts.retract")
    _expect(post, "published", "corrected", doing="retracted")
    body = _reason(reason, "retraction")
    _note(session, post, user, "retraction", body)
    _move(session, user, post, "retracted", "post.retracted", reason=body)
    # The worker takes it down from every network it reached.
    now = utcnow()
    session.execute(
        update(Delivery)
        .where(Delivery.post_id == post.id, Delivery.state == "sent")
        .values(withdraw_at=now, due_at=now)
    )
    return post


def corrections(session: Session, post: Post) -> list[Post]:
    return list(session.scalars(select(Post).where(Post.corrects_id == post.id).order_by(Post.id)))
