"""The calendar: scheduled, published and failed posts of one month, day by day, in the
practice's time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from itertools import groupby
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from carecast.errors import CarecastError, InputError
from carecast.store import Post, Practice
from carecast.web.deps import Csrf, Db, PageUser
from carecast.web.errors import status_of
from carecast.web.forms import parse_when
from carecast.web.templating import render
from carecast.workflow import accounts, openings, posts
from carecast.workflow.accounts import NAMES
from carecast.workflow.roles import allowed, require

router = APIRouter(include_in_schema=False)
SHOWN = ("scheduled", "published", "failed")


def practice_zone(practice: Practice) -> tzinfo:
    """The time zone the practice's pages show times in (its profile's, else UTC)."""
    try:
        return ZoneInfo(practice.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


@dataclass(frozen=True)
class Month:
    """A calendar month: its first day, with the months either side for the page's links."""

    first: date

    @classmethod
    def parse(cls, value: str, today: date) -> Month:
        """``2026-12`` (what the page's links carry), or this month when empty."""
        if not value.strip():
            return cls(today.replace(day=1))
        try:
            year, month = (int(part) for part in value.strip().split("-"))
            return cls(date(year, month, 1))
        except ValueError:
            raise InputError(
                f"{value!r} is not a month", "give it as year and month, e.g. 2026-12"
            ) from None

    @property
    def key(self) -> str:
        return self.first.strftime("%Y-%m")

    @property
    def title(self) -> str:
        return self.first.strftime("%B %Y")

    @property
    def previous(self) -> Month:
        if self.first.month == 1:
            return Month(self.first.replace(year=self.first.year - 1, month=12))
        return Month(self.first.replace(month=self.first.month - 1))

    @property
    def next(self) -> Month:
        if self.first.month == 12:
            return Month(self.first.replace(year=self.first.year + 1, month=1))
        return Month(self.first.replace(month=self.first.month + 1))

    def holds(self, day: date) -> bool:
        return (day.year, day.month) == (self.first.year, self.first.month)


@dataclass(frozen=True)
class Entry:
    """One post on the calendar, at the moment that puts it there, in the practice's time."""

    post: Post
    at: datetime

    @property
    def state(self) -> str:
        return self.post.state


@dataclass(frozen=True)
class Day:
    day: date
    entries: list[Entry] = field(default_factory=list)


def moment(post: Post) -> datetime | None:
    """When a post belongs on the calendar: when it went out, or when it is (or was) due."""
    if post.state == "published":
        return post.published_at or post.scheduled_at
    if post.state == "failed":
        return post.scheduled_at or post.updated_at
    return post.scheduled_at


def days(shown: Iterable[Post], zone: tzinfo, month: Month) -> list[Day]:
    """The month's posts grouped by day in ``zone``, earliest first."""
    entries = []
    for post in shown:
        at = moment(post)
        if at is None:
            continue
        local = at.astimezone(zone)
        if month.holds(local.date()):
            entries.append(Entry(post, local))
    entries.sort(key=lambda entry: (entry.at, entry.post.id))
    return [Day(day, list(group)) for day, group in groupby(entries, key=lambda e: e.at.date())]


def _calendar(
    request: Request,
    db: Db,
    user: PageUser,
    month: str = "",
    *,
    opening: dict[str, Any] | None = None,
    error: CarecastError | None = None,
) -> Response:
    zone = practice_zone(user.practice)
    shown = Month.parse(month, datetime.now(zone).date())
    connected = sorted({a.kind for a in accounts.list_accounts(db, user, active_only=True)})
    context = {
        "month": shown,
        "days": days(posts.list_posts(db, user, SHOWN), zone, shown),
        "zone": str(zone),
        "today": datetime.now(zone).date(),
        "can_write": allowed(user, "posts.write"),
        "connected": connected,
        "names": NAMES,
        "opening": opening or {"at": "", "how": "", "channels": connected},
        "error": error,
    }
    return render(request, "calendar.html", context, status_of(error) if error else 200)


@router.get("/calendar")
def calendar_page(request: Request, db: Db, user: PageUser, month: str = "") -> Response:
    return _calendar(request, db, user, month)


@router.post("/calendar/openings", dependencies=[Csrf])
def fill_a_slot(
    request: Request,
    db: Db,
    user: PageUser,
    at: Annotated[str, Form()] = "",
    how: Annotated[str, Form()] = "",
    channels: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """Announce an opening left by a cancellation; it goes to review like any post."""
    require(user, "posts.write")
    zone = practice_zone(user.practice)
    typed = {"at": at, "how": how, "channels": channels or []}
    try:
        when = parse_when(at, str(zone))
        if when is None:
            raise InputError("when is the opening?", "pick the date and time of the free slot")
        now = datetime.now(zone)
        post = openings.fill_slot(db, user, when.astimezone(zone), now, channels or [], how)
    except InputError as exc:
        db.rollback()
        return _calendar(request, db, user, opening=typed, error=exc)
    return RedirectResponse(f"/posts/{post.id}", status_code=303)
