"""Readers for the archives people actually have: an X archive (folder, .zip or tweets.js),
a Mastodon export (outbox.json, its folder or .zip), a Bluesky repository (.car), a Facebook
your_posts_1.json, and tables (.jsonl, .csv, .parquet).

:func:`read` yields one :class:`ArchivePost` at a time and never holds the whole file: JSON
archives are cut into records as they are read, CSV and JSONL go line by line, Parquet batch
by batch, a CAR block by block; zip members are read in place. A record that cannot be used
becomes a :class:`BadRecord` (where, and what was wrong) and reading goes on; only a problem
with the whole file (unknown format, no text column, unreadable) is an :class:`InputError`.

Ids are the network's own (tweet id, Mastodon status id, Bluesky at:// URI); records without
one get "line-N" (JSONL, CSV), "row-N" (Parquet) or "record-N" (Facebook). A Bluesky account
is its DID (a repository does not hold the handle). A time with no zone is taken as UTC. A
zip member's ``source`` is ``archive.zip!path/inside``.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from carecast.errors import InputError
from carecast.scale.readers.archives import (
    CHUNK,
    OUTBOX,
    TWEETS,
    read_facebook,
    read_mastodon,
    read_x,
)
from carecast.scale.readers.bluesky import read_bluesky
from carecast.scale.readers.records import ArchivePost, BadRecord, Item
from carecast.scale.readers.tables import read_csv, read_jsonl, read_parquet

FORMATS = (
    "an X archive (folder, .zip or data/tweets.js), a Mastodon export (outbox.json, its folder "
    "or .zip), a Bluesky repository (.car), a Facebook your_posts_1.json, .jsonl, .csv, .parquet"
)
_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_BY_SUFFIX |= {".pq": "parquet", ".car": "bluesky"}


def detect(path: Path) -> str:
    """The format of ``path``: x, mastodon, bluesky, facebook, jsonl, csv or parquet."""
    if not path.exists():
        raise InputError(f"no file or folder at {path}", "check the path")
    names: list[str] = []
    if path.is_dir():
        names = [p.as_posix() for p in path.rglob("*") if p.is_file()]
    elif path.suffix.lower() == ".zip":
        if not zipfile.is_zipfile(path):
            raise InputError(f"{path} is not a readable zip file", "download the archive again")
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    elif path.suffix.lower() in _BY_SUFFIX:
        return _BY_SUFFIX[path.suffix.lower()]
    elif path.suffix.lower() in (".js", ".json"):
        with path.open("rb") as f:
            head = f.read(CHUNK).decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
        if head.startswith("window.YTD.tweet"):
            return "x"
        if path.name == "outbox.json" or '"orderedItems"' in head:
            return "mastodon"
        if head.startswith("[") and ('"timestamp"' in head or path.name.startswith("your_posts")):
            return "facebook"
    if any(TWEETS.search(n) for n in names):
        return "x"
    if any(OUTBOX.search(n) for n in names):
        return "mastodon"
    container = path.is_dir() or path.suffix.lower() == ".zip"
    inside = " (no data/tweets.js and no outbox.json inside)" if container else ""
    raise InputError(f"cannot tell what {path} is{inside}", f"carecast reads {FORMATS}")


_READERS: dict[str, Callable[[Path, str], Iterator[Item]]] = {
    "x": read_x,
    "mastodon": read_mastodon,
    "bluesky": read_bluesky,
    "facebook": read_facebook,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "parquet": read_parquet,
}


def _guarded(path: Path, items: Iterator[Item]) -> Iterator[Item]:
    try:
        yield from items
    except UnicodeError as exc:
        raise InputError(f"{path} is not UTF-8 text", "save it as UTF-8 and try again") from exc
    except (OSError, zipfile.BadZipFile, zlib.error) as exc:
        why = getattr(exc, "strerror", None) or str(exc)
        raise InputError(
            f"cannot read {path}: {why}", "check the file and its permissions"
        ) from exc


def read(path: Path, text_column: str = "text") -> Iterator[ArchivePost | BadRecord]:
    """Every post in ``path``, one at a time; a record that cannot be read is a BadRecord.
    The format is detected at once (an unknown one raises here); the file is read lazily."""
    return _guarded(path, _READERS[detect(path)](path, text_column))


def read_many(
    paths: Sequence[Path], text_column: str = "text"
) -> Iterator[ArchivePost | BadRecord]:
    """Every post in each path in turn; every path's format is checked before any is read."""
    every = [read(path, text_column) for path in paths]
    return (item for items in every for item in items)


__all__ = ["FORMATS", "ArchivePost", "BadRecord", "detect", "read", "read_many"]
