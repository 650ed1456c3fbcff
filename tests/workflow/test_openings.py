"""Announcing a cancelled slot (carecast.workflow.openings): the wording of the day and
time, how to book, refusals, that guard finds nothing in it, and that fill_slot sends it
for review under the roles that may write posts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from carecast.errors import InputError, PermissionDenied
from carecast.guard import Practice as GuardPractice
from carecast.guard import check, practice_policy
from carecast.store import Post
from carecast.workflow import openings
from carecast.workflow.openings import opening_text
from workflow.conftest import Staff

PHONE = "(614) 555-0142"
SITE = "lakesidefamilyhealth.org"
# Monday 23 November 2026, 8 am.
MONDAY = datetime(2026, 11, 23, 8, 0)


def practice(phone: str = PHONE, site: str = SITE) -> Any:
    return SimpleNamespace(phone=phone, site=site)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute)


# Wording


def test_today_at_3_pm() -> None:
    assert (
        opening_text(practice(), at(23, 15), MONDAY)
        == f"We have an opening today at 3 pm — call {PHONE} to book."
    )


def test_tomorrow_at_930_am() -> None:
    text = opening_text(practice(), at(24, 9, 30), MONDAY)
    assert "tomorrow at 9:30 am" in text


def test_tomorrow_just_after_midnight_tonight() -> None:
    late = datetime(2026, 11, 23, 23, 30)
    assert "tomorrow at 12:15 am" in opening_text(practice(), at(24, 0, 15), late)


def test_noon_is_12_noon() -> None:
    assert "today at 12 noon" in opening_text(practice(), at(23, 12), MONDAY)


def test_half_past_noon_is_pm() -> None:
    assert "today at 12:30 pm" in opening_text(practice(), at(23, 12, 30), MONDAY)


def test_midnight_is_12_am() -> None:
    assert "on Wednesday at 12 am" in opening_text(practice(), at(25, 0), MONDAY)


def test_minutes_are_two_digits() -> None:
    assert "today at 4:05 pm" in opening_text(practice(), at(23, 16, 5), MONDAY)


def test_a_day_within_the_week_is_named() -> None:
    thursday = datetime(2026, 11, 26, 10, 0)
    text = opening_text(practice(), at(1, 14, month=12), thursday)
    assert "opening on Tuesday at 2 pm" in text
    assert "December" not in text


def test_six_days_out_is_still_just_the_weekday() -> None:
    assert "on Sunday at 10 am" in opening_text(practice(), at(29, 10), MONDAY)


def test_a_week_or_more_out_has_the_date() -> None:
    assert "on Monday 30 November at 9 am" in opening_text(practice(), at(30, 9), MONDAY)
    assert "on Tuesday 1 December at 9 am" in opening_text(practice(), at(1, 9, month=12), MONDAY)


def test_aware_times_work_too() -> None:
    now = MONDAY.replace(tzinfo=UTC)
    assert "today at 3 pm" in opening_text(practice(), at(23, 15).replace(tzinfo=UTC), now)


# How to book


def test_the_practice_phone_is_used() -> None:
    assert f"call {PHONE} to book." in opening_text(practice(), at(23, 15), MONDAY)


def test_the_site_is_used_when_there_is_no_phone() -> None:
    text = opening_text(practice(phone=""), at(23, 15), MONDAY)
    assert f"book online at {SITE}." in text
    assert "call" not in text


def test_how_overrides_phone_and_site() -> None:
    text = opening_text(practice(), at(23, 15), MONDAY, how="  reply to this post  ")
    assert text == "We have an opening today at 3 pm — reply to this post to book."
    assert PHONE not in text and SITE not in text


def test_blank_how_falls_back_to_the_phone() -> None:
    assert f"call {PHONE}" in opening_text(practice(), at(23, 15), MONDAY, how="   ")


def test_no_way_to_book_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        opening_text(practice(phone="", site=""), at(23, 15), MONDAY)
    assert "phone" in caught.value.message
    assert "Settings" in caught.value.hint and "how to book" in caught.value.hint


@pytest.mark.parametrize("when", [MONDAY, MONDAY - timedelta(minutes=1), at(20, 15)])
def test_a_time_not_in_the_future_is_an_input_error(when: datetime) -> None:
    with pytest.raises(InputError) as caught:
        opening_text(practice(), when, MONDAY)
    assert "past" in caught.value.message
    assert caught.value.hint


# Guard


@pytest.mark.parametrize(
    "when", [at(23, 15), at(24, 9, 30), at(24, 12), at(25, 0), at(1, 9, month=12)]
)
def test_the_announcement_passes_guard(when: datetime) -> None:
    """With the site, or a way to book given, the bare default policy finds nothing; with
    the phone, the practice's own number is allowed once guard knows the practice (a bare
    phone number is a contact identifier to guard)."""
    assert check(opening_text(practice(phone=""), when, MONDAY)).verdict == "ok"
    assert check(opening_text(practice(), when, MONDAY, how="reply here")).verdict == "ok"
    policy = practice_policy("default", GuardPractice(phones=[PHONE], websites=[SITE]))
    assert check(opening_text(practice(), when, MONDAY), policy=policy).verdict == "ok"


# Through the database


def posts_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Post)) or 0


def test_fill_slot_sends_the_announcement_for_review(session: Session, staff: Staff) -> None:
    now = datetime.now(UTC)
    when = (now + timedelta(days=1)).replace(hour=15, minute=0, second=0, microsecond=0)
    post = openings.fill_slot(session, staff.manager, when, now, ["mastodon"])
    session.commit()
    assert post.state == "in_review"
    assert post.current.verdict == "ok"
    assert post.author_id == staff.manager.id
    assert post.practice_id == staff.practice.id
    assert post.channels == ["mastodon"]
    assert post.text == f"We have an opening tomorrow at 3 pm — call {PHONE} to book."


def test_a_clinician_may_fill_a_slot(session: Session, staff: Staff) -> None:
    now = datetime.now(UTC)
    post = openings.fill_slot(session, staff.clinician, now + timedelta(hours=2), now, ["mastodon"])
    session.commit()
    assert post.state == "in_review"
    assert post.author_id == staff.clinician.id


def test_compliance_may_not_fill_a_slot(session: Session, staff: Staff) -> None:
    now = datetime.now(UTC)
    with pytest.raises(PermissionDenied):
        openings.fill_slot(session, staff.compliance, now + timedelta(hours=2), now, ["mastodon"])
    session.rollback()
    assert posts_count(session) == 0


def test_fill_slot_in_the_past_makes_no_post(session: Session, staff: Staff) -> None:
    now = datetime.now(UTC)
    with pytest.raises(InputError):
        openings.fill_slot(session, staff.manager, now - timedelta(hours=1), now, ["mastodon"])
    session.rollback()
    assert posts_count(session) == 0
