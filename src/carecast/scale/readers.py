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

import csv
import html
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

from carecast.errors import InputError

FORMATS = (
    "an X archive (folder, .zip or data/tweets.js), a Mastodon export (outbox.json, its folder "
    "or .zip), a Bluesky repository (.car), a Facebook your_posts_1.json, .jsonl, .csv, .parquet"
)
_TWEETS = re.compile(r"(?:^|/)data/tweets?(?:-part\d+)?\.js$")  # tweets.js, tweets-part1.js
_ACCOUNT = re.compile(r"(?:^|/)data/account\.js$")
_OUTBOX = re.compile(r"(?:^|/)outbox\.json$")
_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_BY_SUFFIX |= {".pq": "parquet", ".car": "bluesky"}
_ID_COLUMNS, _ACCOUNT_COLUMNS = ("id",), ("account", "author", "user")
_TIME_COLUMNS, _URL_COLUMNS = ("created_at", "date", "timestamp"), ("url",)
_LOOKAHEAD = 100  # JSONL objects read before deciding the file has no text key at all
_CHUNK, _BATCH = 1 << 16, 4096
_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept as surrogates


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


class _Bad(Exception):
    """One record is unusable; the message says why."""


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
            head = f.read(_CHUNK).decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
        if head.startswith("window.YTD.tweet"):
            return "x"
        if path.name == "outbox.json" or '"orderedItems"' in head:
            return "mastodon"
        if head.startswith("[") and ('"timestamp"' in head or path.name.startswith("your_posts")):
            return "facebook"
    if any(_TWEETS.search(n) for n in names):
        return "x"
    if any(_OUTBOX.search(n) for n in names):
        return "mastodon"
    container = path.is_dir() or path.suffix.lower() == ".zip"
    inside = " (no data/tweets.js and no outbox.json inside)" if container else ""
    raise InputError(f"cannot tell what {path} is{inside}", f"carecast reads {FORMATS}")


# --- shared helpers ------------------------------------------------------------------------


def _parts(path: Path, wanted: re.Pattern[str]) -> Generator[tuple[str, IO[bytes]], None, None]:
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


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _need_text(value: Any) -> str:
    if value is None:
        raise _Bad("no text")
    if not isinstance(value, str):
        raise _Bad(f"the text is a {type(value).__name__}, not a string")
    if not value.strip():
        raise _Bad("the text is empty")
    return value


def _epoch(value: Any) -> datetime:
    seconds = float(value)  # seconds, or milliseconds past the year 5000
    return datetime.fromtimestamp(seconds / 1000 if abs(seconds) > 1e11 else seconds, UTC)


def _iso(value: Any) -> datetime:
    return datetime.fromisoformat(value)


def _x_time(value: Any) -> datetime:
    return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y")  # Wed Oct 10 20:19:24 +0000 2018


def _when(value: Any) -> datetime | None:
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
        raise _Bad(f"cannot read the date {_short(value)}")
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _missing_column(source: str, found: Sequence[str], column: str) -> InputError:
    return InputError(
        f"{source} has no {column!r} column (columns found: {', '.join(found) or 'none'})",
        "pass the column that holds the post text with --text-column NAME",
    )


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "div", "li", "blockquote"):
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain(markup: str) -> str:
    parser = _PlainText()
    parser.feed(markup)
    parser.close()
    return re.sub(r"\n{3,}", "\n\n", "".join(parser.parts)).strip()


# --- JSON archives, one record at a time ----------------------------------------------------

_STRUCTURE, _STRING_END = re.compile(r'[\[\]{}"]'), re.compile(r'["\\]')
_SCALAR_END = re.compile(r"[,\]}\s]")


class _JsonStream:
    """Reads a JSON array a record at a time, holding about one chunk of text."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape")
        self.buf, self.pos, self.eof = "", 0, False

    def _more(self) -> bool:
        chunk = "" if self.eof else self._text.read(_CHUNK)
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
        if self.pos > _CHUNK:
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
            if isinstance(post, ArchivePost) and _UNDECODED.search(post.text + post.account):
                raise _Bad("not UTF-8 text")
        except _Bad as exc:
            post = BadRecord(source, f"record {got[0]}", str(exc))
        if post is not None:
            yield post


def _x_handle(path: Path) -> str:
    """The username in account.js, next to tweets.js or inside the folder or zip."""
    where = path.with_name("account.js") if path.suffix.lower() == ".js" else path
    with (
        suppress(ValueError, LookupError, TypeError, OSError),
        closing(_parts(where, _ACCOUNT)) as parts,
    ):
        for _source, stream in parts:
            text = stream.read(1 << 20).decode("utf-8-sig")
            return str(json.loads(text[text.index("[") :])[0]["account"]["username"])
    return ""


def _read_x(path: Path, text_column: str) -> Iterator[Item]:
    handle = _x_handle(path)

    def tweet(source: str, n: int, obj: Any) -> ArchivePost:
        t = obj.get("tweet", obj) if isinstance(obj, dict) else None
        if not isinstance(t, dict):
            raise _Bad("not a tweet object")
        text = html.unescape(_need_text(t.get("full_text", t.get("text"))))
        tid = str(t.get("id_str") or t.get("id") or f"record-{n}")
        url = f"https://x.com/{handle or 'i/web'}/status/{tid}"
        return ArchivePost(source, tid, handle, _when(t.get("created_at")), text, url, "x")

    for source, stream in _parts(path, _TWEETS):
        js = _JsonStream(stream)
        if not js.seek("["):
            raise InputError(f"{source} holds no list of tweets", "give tweets.js as X wrote it")
        yield from _archive(source, js, tweet)


def _status(source: str, n: int, activity: Any) -> ArchivePost | None:
    kind = activity.get("type") if isinstance(activity, dict) else None
    if kind == "Announce":  # a boost: someone else's words
        return None
    if kind != "Create":
        raise _Bad(f"not a Create activity (type {_short(kind)})")
    note = activity.get("object")
    if not isinstance(note, dict):
        raise _Bad("the activity holds a link, not the post")
    text = _plain(_need_text(note.get("content")))
    if isinstance(note.get("summary"), str) and note["summary"].strip():
        text = f"{_plain(note['summary'])}\n\n{text}"  # a content warning is public text too
    ident = str(note.get("id") or activity.get("id") or "")
    url = note.get("url")
    url = url.get("href") if isinstance(url, dict) else url
    actor = note.get("attributedTo") or activity.get("actor")
    m = re.match(r"https?://([^/]+)/users/([^/?#]+)$", actor if isinstance(actor, str) else "")
    account = f"@{m[2]}@{m[1]}" if m else str(actor or "")
    when = _when(note.get("published") or activity.get("published"))
    status_id = ident.rstrip("/").rsplit("/", 1)[-1] or f"record-{n}"
    url = url if isinstance(url, str) else ident
    return ArchivePost(source, status_id, account, when, text, url, "mastodon")


def _read_mastodon(path: Path, text_column: str) -> Iterator[Item]:
    for source, stream in _parts(path, _OUTBOX):
        js = _JsonStream(stream)
        if not js.seek('"orderedItems"') or js.next_char(" \t\r\n:") != "[":
            hint = "give the outbox.json of a Mastodon export"
            raise InputError(f"{source} has no orderedItems list", hint)
        js.pos += 1
        yield from _archive(source, js, _status)


def _facebook_post(source: str, n: int, obj: Any) -> ArchivePost:
    if not isinstance(obj, dict):
        raise _Bad("not a post object")
    data = obj.get("data")
    data = data if isinstance(data, list) else []
    texts = [d["post"] for d in data if isinstance(d, dict) and "post" in d]
    if not texts:
        raise _Bad('no "post" text in "data" (a photo or link only?)')
    text = "\n".join(_need_text(t) for t in texts)
    with suppress(UnicodeError):  # Facebook writes UTF-8 bytes as \u00XX escapes: undo that
        text = text.encode("latin-1").decode("utf-8")
    when = _when(obj.get("timestamp"))
    return ArchivePost(source, f"record-{n}", "", when, text, "", "facebook")


def _read_facebook(path: Path, text_column: str) -> Iterator[Item]:
    with path.open("rb") as stream:
        js = _JsonStream(stream)
        if js.next_char() != "[":
            raise InputError(f"{path} is not a list of posts", "give your_posts_1.json unchanged")
        js.pos += 1
        yield from _archive(str(path), js, _facebook_post)


# --- Bluesky: a repository CAR, block by block -------------------------------------------

_BSKY_POST = "app.bsky.feed.post"


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while pos < len(data) and shift < 64:
        byte, pos = data[pos], pos + 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7
    raise ValueError("a length is cut off or too long")


def _car_blocks(stream: IO[bytes], source: str) -> Iterator[tuple[int, bytes, bytes]]:
    """(block number, CID bytes, block bytes) per section; ValueError if the file is cut."""
    from atproto_core.cbor import decode_dag

    def section() -> bytes | None:
        head = stream.read(10)  # a length is a varint of at most 10 bytes
        if not head:
            return None
        size, used = _varint(head, 0)
        stream.seek(used - len(head), io.SEEK_CUR)
        if len(data := stream.read(size)) < size:
            raise ValueError("the file ends inside this block")
        return data

    try:
        header = decode_dag(section() or b"")
    except Exception as exc:
        raise InputError(f"{source} is not a CAR file", "export the repository again") from exc
    if not isinstance(header, dict) or header.get("version") != 1:
        raise InputError(f"{source} is not a version 1 CAR file", "export the repository again")
    n = 0
    while (data := section()) is not None:
        n, cut = n + 1, 34  # a CIDv0 is 34 bytes; a CIDv1 is version, codec, hash, size, digest
        if data[:2] != b"\x12\x20":
            cut = _varint(data, _varint(data, _varint(data, 0)[1])[1])[1]
            size, cut = _varint(data, cut)
            cut += size
        yield n, data[:cut], data[cut:]


def _read_bluesky(path: Path, text_column: str) -> Iterator[Item]:
    """Posts come out as their blocks arrive; one met before its tree entry waits for it."""
    from atproto_core.cbor import decode_dag

    source, did, n = str(path), "", 0
    keys: dict[bytes, str] = {}  # post CID -> record key, from tree entries not yet matched
    waiting: dict[bytes, tuple[int, Any]] = {}  # posts met before their tree entry

    def post(number: int, record: dict[str, Any], rkey: str) -> Item:
        try:
            text, when = _need_text(record.get("text")), _when(record.get("createdAt"))
        except _Bad as exc:
            return BadRecord(source, f"post {rkey}" if rkey else f"block {number}", str(exc))
        uri = f"at://{did}/{_BSKY_POST}/{rkey}" if rkey else f"block-{number}"
        url = f"https://bsky.app/profile/{did}/post/{rkey}" if did and rkey else ""
        return ArchivePost(source, uri, did, when, text, url, "bluesky")

    with path.open("rb") as stream:
        try:
            for n, cid, block in _car_blocks(stream, source):
                try:
                    node = decode_dag(block)
                except Exception:
                    yield BadRecord(source, f"block {n}", "not valid DAG-CBOR")
                    continue
                if not isinstance(node, dict):
                    continue
                if isinstance(node.get("did"), str) and "data" in node:  # the commit
                    did = node["did"]
                elif isinstance(node.get("e"), list) and "l" in node:  # a tree node
                    key = b""
                    for e in node["e"]:
                        if not isinstance(e, dict) or not isinstance(e.get("k"), bytes):
                            continue
                        key = key[: e.get("p") or 0] + e["k"]
                        collection, _, rkey = key.decode("utf-8", "replace").partition("/")
                        if collection == _BSKY_POST and isinstance(e.get("v"), bytes):
                            if e["v"] in waiting:
                                yield post(*waiting.pop(e["v"]), rkey)
                            else:
                                keys[e["v"]] = rkey
                elif node.get("$type") == _BSKY_POST:
                    if cid in keys:
                        yield post(n, node, keys.pop(cid))
                    else:
                        waiting[cid] = (n, node)
        except ValueError as exc:
            yield BadRecord(source, f"block {n + 1}", f"cannot read on: {exc}")
    for n, record in waiting.values():  # in no tree node: still the account's words
        yield post(n, record, "")


# --- tables: JSONL, CSV, Parquet ----------------------------------------------------------


def _first(row: Mapping[str, Any], names: Sequence[str]) -> Any:
    for name in names:
        if (value := row.get(name)) is not None and value != "":
            return value
    return None


def _pick(row: Mapping[str, Any], names: Sequence[str]) -> str:
    return "" if (value := _first(row, names)) is None else str(value)


def _table_post(source: str, n: int, row: Mapping[str, Any], text_column: str, kind: str) -> Item:
    try:
        text, when = _need_text(row.get(text_column)), _when(_first(row, _TIME_COLUMNS))
    except _Bad as exc:
        return BadRecord(source, f"{kind} {n}", str(exc))
    ident = _pick(row, _ID_COLUMNS) or f"{kind}-{n}"
    account, url = _pick(row, _ACCOUNT_COLUMNS), _pick(row, _URL_COLUMNS)
    return ArchivePost(source, ident, account, when, text, url, "table")


def _read_jsonl(path: Path, text_column: str) -> Iterator[Item]:
    source, found, objects = str(path), False, 0
    pending: list[Item] = []  # held until a record shows that the file has the text key
    keys: dict[str, None] = {}
    with path.open("rb") as stream:
        for n, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                row = BadRecord(source, f"line {n}", "not UTF-8 text")
            except json.JSONDecodeError as exc:
                row = BadRecord(source, f"line {n}", f"not valid JSON ({exc.msg})")
            if not isinstance(row, dict | BadRecord):
                row = BadRecord(source, f"line {n}", f"a JSON {type(row).__name__}, not an object")
            if isinstance(row, dict):
                objects += 1
                if not found:
                    found = text_column in row
                    keys.update(dict.fromkeys(row))
                row = _table_post(source, n, row, text_column, "line")
            if found:
                yield from pending
                pending.clear()
                yield row
            elif objects >= _LOOKAHEAD:
                raise _missing_column(source, list(keys), text_column)
            else:
                pending.append(row)
    if objects and not found:
        raise _missing_column(source, list(keys), text_column)
    yield from pending


def _read_csv(path: Path, text_column: str) -> Iterator[Item]:
    source = str(path)
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None) or []
        if text_column not in header:
            raise _missing_column(source, header, text_column)
        start = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield BadRecord(source, f"line {start}", f"not valid CSV ({exc})")
            else:
                if _UNDECODED.search("".join(cells)):
                    yield BadRecord(source, f"line {start}", "not UTF-8 text")
                elif cells:
                    row = dict(zip(header, cells, strict=False))
                    yield _table_post(source, start, row, text_column, "line")
            start = reader.line_num + 1


def _read_parquet(path: Path, text_column: str) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(
            f"{path} is not a readable Parquet file ({exc})", "write it again"
        ) from exc
    names = list(table.schema_arrow.names)
    if text_column not in names:
        raise _missing_column(str(path), names, text_column)
    optional = _ID_COLUMNS + _ACCOUNT_COLUMNS + _TIME_COLUMNS + _URL_COLUMNS
    columns = [text_column, *(c for c in optional if c in names and c != text_column)]
    n = 0
    try:
        for batch in table.iter_batches(batch_size=_BATCH, columns=columns):
            for row in batch.to_pylist():
                n += 1
                yield _table_post(str(path), n, row, text_column, "row")
    except (pa.ArrowException, OSError) as exc:
        yield BadRecord(str(path), f"row {n + 1}", f"cannot read on: {exc}")


_READERS: dict[str, Callable[[Path, str], Iterator[Item]]] = {
    "x": _read_x,
    "mastodon": _read_mastodon,
    "bluesky": _read_bluesky,
    "facebook": _read_facebook,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "parquet": _read_parquet,
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
