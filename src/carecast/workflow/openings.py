"""Fill a cancelled slot: a short, PHI-free announcement of an opening, written from the
practice's profile and sent through the same review as any other post.

The wording names the time and how to book, never who cancelled or why.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from carecast.errors import InputError
from carecast.store import Post, Practice, User
from carecast.workflow import posts


def _clock(at: datetime) -> str:
    """3 pm, 9:30 am, 12 noon."""
    if at.hour == 12 and at.minute == 0:
        return "12 noon"
    hour = at.hour % 12 or 12
    suffix = "am" if at.hour < 12 else "pm"
    return f"{hour} {suffix}" if at.minute == 0 else f"{hour}:{at.minute:02d} {suffix}"


def _day(at: datetime, now: datetime) -> str:
    if at.date() == now.date():
        return "today"
    if at.date() == (now + timedelta(days=1)).date():
        return "tomorrow"
    if at.date() < (now + timedelta(days=7)).date():
        return f"on {at.strftime('%A')}"
    return f"on {at.strftime('%A')} {at.day} {at.strftime('%B')}"


def opening_text(practice: Practice, at: datetime, now: datetime, how: str = "") -> str:
    """ "We have an opening today at 3 pm — call (614) 555-0142 to book." ``at`` and
    ``now`` are in the practice's time; ``how`` replaces the way to book."""
    if at <= now:
        raise InputError("the opening is in the past", "give a time later today or on a coming day")
    if how.strip():
        book = f"{how.strip()} to book"
    elif practice.phone:
        book = f"call {practice.phone} to book"
    elif practice.site:
        book = f"book online at {practice.site}"
    else:
        raise InputError(
            "the practice has no phone number or web site to book with",
            "add one in Settings, or say how to book",
        )
    return f"We have an opening {_day(at, now)} at {_clock(at)} — {book}."


def fill_slot(
    session: Session,
    user: User,
    at: datetime,
    now: datetime,
    channels: Sequence[str],
    how: str = "",
) -> Post:
    """Draft the announcement and send it for review; a clinician approves it as usual."""
    text = opening_text(user.practice, at, now, how)
    post = posts.create_draft(session, user, text, channels=channels)
    return posts.submit(session, user, post)
