"""X, Mastodon and Facebook archives: JSON cut into records as it is read, so a file of
any size is read in chunks; one broken record is a BadRecord and reading goes on."""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable, Iterator
from contextlib import closing, suppress
from pathlib import Path
from typing import IO, Any

from carecast.channels.markup import plain_text
from carecast.errors import InputError
from carecast.scale.readers.records import (
    UNDECODED,
    ArchivePost,
    Bad,
    BadRecord,
    Item,
    need_text,
    parse_time,
    parts,
    short,
)

TWEETS = re.compile(r"(?:^|/)data/tweets?(?:-part\d+)?\.js$")  # tweets.js, tweets-part1.js
_ACCOUNT = re.compile(r"(?:^|/)data/account\.js$")
OUTBOX = re.compile(r"(?:^|/)outbox\.json$")
CHUNK = 1 << 16


# --- JSON archives, one record at a time ----------------------------------------------------

_STRUCTURE, _STRING_END = re.compile(r'[\[\]{}"]'), re.compile(r'["\\]')
_SCALAR_END = re.compile(r"[,\]}\s]")


class _JsonStream:
    """Reads a JSON array a record at a time, holding about one chunk of text."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape")
        self.buf, self.pos, self.eof = "", 0, False

    def _more(self) -> bool:
        chunk = "" if self.eof else self._text.read(CHUNK)
        self.eof, self.buf = not chunk, self.buf + chunk
        return bool(chunk)

    def next_char(self, skip: str = " \t\r\n") -> str:
        """The next character not in ``skip`` (left unread), or "" at the end."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in skip:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            self.buf, self.pos = "", 0
            if not self._more():
                return ""

    def seek(self, text: str) -> bool:
        """Move past the next ``text``; False if there is none."""
        while (found := self.buf.find(text, self.pos)) < 0:
            self.buf, self.pos = self.buf[max(self.pos, len(self.buf) - len(text) + 1) :], 0
            if not self._more():
                return False
        self.pos = found + len(text)
        return True

    def _raw(self) -> str:
        """The text of the object or array starting here, found by matching its brackets."""
        if self.pos > CHUNK:
            self.buf, self.pos = self.buf[self.pos :], 0
        start = i = self.pos
        if self.buf[start] not in '[{"':  # not a record; up to the next comma or bracket
            while not (m := _SCALAR_END.search(self.buf, start + 1)) and self._more():
                pass
            self.pos = m.start() if m else len(self.buf)
            return self.buf[start : self.pos]
        depth, in_string = 0, False
        while True:
            m = (_STRING_END if in_string else _STRUCTURE).search(self.buf, i)
            if m is None:
                if not self._more():
                    raise ValueError("the file ends inside this record")
                continue
            char, i = m.group(), m.end()
            if char == "\\":
                i += 1
            elif char == '"':
                in_string = not in_string
            else:
                depth += 1 if char in "[{" else -1
            if depth <= 0 and not in_string:
                self.pos = i
                return self.buf[start:i]

    def records(self, source: str) -> Iterator[tuple[int, Any] | BadRecord]:
        """The parsed elements of the array just entered, numbered from 1."""
        n, decoder = 0, json.JSONDecoder()
        try:
            while (char := self.next_char(" \t\r\n,")) not in ("]", ""):
                n += 1
                with suppress(json.JSONDecodeError):  # fast path: the record is in the buffer
                    obj, self.pos = decoder.raw_decode(self.buf, self.pos)
                    yield n, obj
                    continue
                raw = self._raw()  # cut by the buffer's end, or broken: find its end, retry
                try:
                    yield n, json.loads(raw)
                except json.JSONDecodeError as exc:
                    yield BadRecord(source, f"record {n}", f"not valid JSON ({exc.msg})")
        except ValueError as exc:  # the file is cut off
            yield BadRecord(source, f"record {max(n, 1)}", f"cannot read on: {exc}")
            return
        if char == "":
            yield BadRecord(source, f"record {n + 1}", "the file ends before the list closes")


def _archive(
    source: str, js: _JsonStream, make: Callable[[str, int, Any], ArchivePost | None]
) -> Iterator[Item]:
    for got in js.records(source):
        if isinstance(got, BadRecord):
            yield got
            continue
        try:
            post: Item | None = make(source, *got)
            if isinstance(post, ArchivePost) and UNDECODED.search(post.text + post.account):
                raise Bad("not UTF-8 text")
        except Bad as exc:
            post = BadRecord(source, f"record {got[0]}", str(exc))
        if post is not None:
            yield post


def _x_handle(path: Path) -> str:
    """The username in account.js, next to tweets.js or inside the folder or zip."""
    where = path.with_name("account.js") if path.suffix.lower() == ".js" else path
    with (
        suppress(ValueError, LookupError, TypeError, OSError),
        closing(parts(where, _ACCOUNT)) as found,
    ):
        for _source, stream in found:
            text = stream.read(1 << 20).decode("utf-8-sig")
            return str(json.loads(text[text.index("[") :])[0]["account"]["username"])
    return ""


def read_x(path: Path, text_column: str) -> Iterator[Item]:
    handle = _x_handle(path)

    def tweet(source: str, n: int, obj: Any) -> ArchivePost:
        t = obj.get("tweet", obj) if isinstance(obj, dict) else None
        if not isinstance(t, dict):
            raise Bad("not a tweet object")
        text = html.unescape(need_text(t.get("full_text", t.get("text"))))
        tid = str(t.get("id_str") or t.get("id") or f"record-{n}")
        url = f"https://x.com/{handle or 'i/web'}/status/{tid}"
        return ArchivePost(source, tid, handle, parse_time(t.get("created_at")), text, url, "x")

    for source, stream in parts(path, TWEETS):
        js = _JsonStream(stream)
        if not js.seek("["):
            raise InputError(f"{source} holds no list of tweets", "give tweets.js as X wrote it")
        yield from _archive(source, js, tweet)


def _status(source: str, n: int, activity: Any) -> ArchivePost | None:
    kind = activity.get("type") if isinstance(activity, dict) else None
    if kind == "Announce":  # a boost: someone else's words
        return None
    if kind != "Create":
        raise Bad(f"not a Create activity (type {short(kind)})")
    note = activity.get("object")
    if not isinstance(note, dict):
        raise Bad("the activity holds a link, not the post")
    text = plain_text(need_text(note.get("content")))
    if isinstance(note.get("summary"), str) and note["summary"].strip():
        text = f"{plain_text(note['summary'])}\n\n{text}"  # a content warning is public text too
    ident = str(note.get("id") or activity.get("id") or "")
    url = note.get("url")
    url = url.get("href") if isinstance(url, dict) else url
    actor = note.get("attributedTo") or activity.get("actor")
    m = re.match(r"https?://([^/]+)/users/([^/?#]+)$", actor if isinstance(actor, str) else "")
    account = f"@{m[2]}@{m[1]}" if m else str(actor or "")
    when = parse_time(note.get("published") or activity.get("published"))
    status_id = ident.rstrip("/").rsplit("/", 1)[-1] or f"record-{n}"
    url = url if isinstance(url, str) else ident
    return ArchivePost(source, status_id, account, when, text, url, "mastodon")


def read_mastodon(path: Path, text_column: str) -> Iterator[Item]:
    for source, stream in parts(path, OUTBOX):
        js = _JsonStream(stream)
        if not js.seek('"orderedItems"') or js.next_char(" \t\r\n:") != "[":
            hint = "give the outbox.json of a Mastodon export"
            raise InputError(f"{source} has no orderedItems list", hint)
        js.pos += 1
        yield from _archive(source, js, _status)


def _facebook_post(source: str, n: int, obj: Any) -> ArchivePost:
    if not isinstance(obj, dict):
        raise Bad("not a post object")
    data = obj.get("data")
    data = data if isinstance(data, list) else []
    texts = [d["post"] for d in data if isinstance(d, dict) and "post" in d]
    if not texts:
        raise Bad('no "post" text in "data" (a photo or link only?)')
    text = "\n".join(need_text(t) for t in texts)
    with suppress(UnicodeError):  # Facebook writes UTF-8 bytes as \u00XX escapes: undo that
        text = text.encode("latin-1").decode("utf-8")
    when = parse_time(obj.get("timestamp"))
    return ArchivePost(source, f"record-{n}", "", when, text, "", "facebook")


def read_facebook(path: Path, text_column: str) -> Iterator[Item]:
    with path.open("rb") as stream:
        js = _JsonStream(stream)
        if js.next_char() != "[":
            raise InputError(f"{path} is not a list of posts", "give your_posts_1.json unchanged")
        js.pos += 1
        yield from _archive(str(path), js, _facebook_post)
