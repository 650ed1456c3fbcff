"""Reading form fields the way people type them."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from carecast.errors import InputError


def parse_when(value: str, zone: str = "UTC") -> datetime | None:
    """A datetime-local field ("2026-12-01T09:30"), read in the practice's time zone."""
    value = value.strip()
    if not value:
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{value!r} is not a date and time", "pick it from the calendar field"
        ) from None
    if at.tzinfo is None:
        try:
            at = at.replace(tzinfo=ZoneInfo(zone))
        except ZoneInfoNotFoundError:
            at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC)
