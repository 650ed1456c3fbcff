"""What the readers yield (an :class:`ArchivePost` or a :class:`BadRecord`) and what they
share: finding files in a folder or zip, reading times, HTML to plain text."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Generator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from carecast.errors import InputError

UNDECODED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept as surrogates


@dataclass(frozen=True)
class ArchivePost:
    """One past post, in plain text, with where it came from."""

    source: str
    id: str
    account: str
    created_at: datetime | None
    text: str
    url: str
    network: str  # x, mastodon, bluesky, facebook or table


@dataclass(frozen=True)
class BadRecord:
    """A record that could not be read: where it was and what was wrong with it."""

    source: str
    where: str
    reason: str


Item = ArchivePost | BadRecord


class Bad(Exception):
    """One record is unusable; the message says why."""


# --- shared helpers ------------------------------------------------------------------------


def parts(path: Path, wanted: re.Pattern[str]) -> Generator[tuple[str, IO[bytes]], None, None]:
    """(source, open stream) for each matching file of a folder or zip, or the file itself."""
    if path.is_dir():
        for f in sorted(p for p in path.rglob("*") if wanted.search(p.as_posix()) and p.is_file()):
            with f.open("rb") as stream:
                yield str(f), stream
    elif path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            for name in sorted(n for n in archive.namelist() if wanted.search(n)):
                with archive.open(name) as stream:
                    yield f"{path}!{name}", stream
    else:
        with path.open("rb") as stream:
            yield str(path), stream


def short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def need_text(value: Any) -> str:
    if value is None:
        raise Bad("no text")
    if not isinstance(value, str):
        raise Bad(f"the text is a {type(value).__name__}, not a string")
    if not value.strip():
        raise Bad("the text is empty")
    return value


def _epoch(value: Any) -> datetime:
    seconds = float(value)  # seconds, or milliseconds past the year 5000
    return datetime.fromtimestamp(seconds / 1000 if abs(seconds) > 1e11 else seconds, UTC)


def _iso(value: Any) -> datetime:
    return datetime.fromisoformat(value)


def _x_time(value: Any) -> datetime:
    return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y")  # Wed Oct 10 20:19:24 +0000 2018


def parse_time(value: Any) -> datetime | None:
    """A timezone-aware time from ISO text, epoch seconds or ms, X's format or a datetime."""
    if value is None or value == "":
        return None
    when = value if isinstance(value, datetime) else None
    if when is None and isinstance(value, date):
        when = datetime(value.year, value.month, value.day)
    elif isinstance(value, int | float | str) and not isinstance(value, bool):
        for parse in (_iso, _epoch, _x_time):
            with suppress(ValueError, TypeError, OverflowError, OSError):
                when = parse(value.strip() if isinstance(value, str) else value)
                break
    if when is None:
        raise Bad(f"cannot read the date {short(value)}")
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def missing_column(source: str, found: Sequence[str], column: str) -> InputError:
    return InputError(
        f"{source} has no {column!r} column (columns found: {', '.join(found) or 'none'})",
        "pass the column that holds the post text with --text-column NAME",
    )
