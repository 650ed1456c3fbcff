"""A Bluesky repository export (.car), block by block, with atproto's DAG-CBOR decoder."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from carecast.errors import InputError
from carecast.scale.readers.records import (
    ArchivePost,
    Bad,
    BadRecord,
    Item,
    need_text,
    parse_time,
)

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


def read_bluesky(path: Path, text_column: str) -> Iterator[Item]:
    """Posts come out as their blocks arrive; one met before its tree entry waits for it."""
    from atproto_core.cbor import decode_dag

    source, did, n = str(path), "", 0
    keys: dict[bytes, str] = {}  # post CID -> record key, from tree entries not yet matched
    waiting: dict[bytes, tuple[int, Any]] = {}  # posts met before their tree entry

    def post(number: int, record: dict[str, Any], rkey: str) -> Item:
        try:
            text, when = need_text(record.get("text")), parse_time(record.get("createdAt"))
        except Bad as exc:
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
