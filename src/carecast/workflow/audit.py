"""Write, prove and export the audit log.

Every state change in carecast calls :func:`record` inside the same transaction as the
change itself, so an event exists exactly when its change does. :func:`verify` walks the
chain and names the first event whose hash or link is wrong; :func:`export` streams events
for e-discovery as JSON Lines or CSV.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from carecast.errors import InputError
from carecast.store.audit import (
    GENESIS,
    AuditEvent,
    AuditHead,
    content_hash,
    event_fields,
    event_hash,
)
from carecast.store.base import utcnow

EXPORT_FORMATS = ("jsonl", "csv")
CSV_COLUMNS = (
    "seq",
    "at",
    "practice_id",
    "actor",
    "action",
    "object_type",
    "object_id",
    "details",
    "content_hash",
    "prev_hash",
    "hash",
)
BATCH = 1000  # events read at a time when verifying or exporting


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    object_type: str,
    object_id: str | int,
    details: dict[str, Any] | None = None,
    content: str | bytes | None = None,
    practice_id: int | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction."""
    # Moving the head first takes its row lock: a concurrent writer waits here, then sees
    # the new head, so two events can never claim the same predecessor.
    seq, prev_hash = session.execute(
        update(AuditHead)
        .where(AuditHead.id == 1)
        .values(seq=AuditHead.seq + 1)
        .returning(AuditHead.seq, AuditHead.hash)
    ).one()
    event = AuditEvent(
        seq=seq,
        at=at or utcnow(),
        practice_id=practice_id,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        details=json.loads(json.dumps(details or {})),  # stored exactly as it will be read
        content_hash=content_hash(content),
        prev_hash=prev_hash,
    )
    event.hash = event.seal()
    session.add(event)
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(hash=event.hash))
    session.flush()
    return event


@dataclass(frozen=True)
class Verification:
    """The outcome of walking the chain: how many events held, and the first that did not."""

    events: int
    broken_at: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def _events(
    session: Session,
    since: datetime | None = None,
    until: datetime | None = None,
    practice_id: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Events in order as plain rows, a batch at a time (memory stays flat on any log)."""
    table = AuditEvent.__table__
    last = 0
    while True:
        query = select(table).where(table.c.seq > last).order_by(table.c.seq).limit(BATCH)
        if since is not None:
            query = query.where(table.c.at >= since)
        if until is not None:
            query = query.where(table.c.at < until)
        if practice_id is not None:
            query = query.where(table.c.practice_id == practice_id)
        batch = [dict(row) for row in session.execute(query).mappings()]
        if not batch:
            return
        yield from batch
        last = batch[-1]["seq"]


def verify(session: Session) -> Verification:
    """Check every event's hash, its link to the one before, and the head."""
    expected_prev, expected_seq, count = GENESIS, 1, 0
    for row in _events(session):
        seq = row["seq"]
        if seq != expected_seq:
            return Verification(count, expected_seq, f"event {expected_seq} is missing")
        if row["prev_hash"] != expected_prev:
            return Verification(count, seq, "it does not link to the event before it")
        if event_hash(event_fields(row)) != row["hash"]:
            return Verification(count, seq, "its content does not match its hash")
        expected_prev, expected_seq, count = row["hash"], seq + 1, count + 1
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    if head is None:
        return Verification(count, count + 1, "the record of where the chain ends is missing")
    if head.seq > count:
        return Verification(count, count + 1, f"events {count + 1} to {head.seq} are missing")
    if head.seq < count:
        return Verification(count, head.seq + 1, "it was added after the recorded end of the chain")
    if head.hash != expected_prev:
        return Verification(count, count, "it does not match the recorded end of the chain")
    return Verification(count)


def _row(row: dict[str, Any]) -> dict[str, Any]:
    return {**event_fields(row), "hash": row["hash"]}


def events(
    session: Session,
    practice_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Up to ``limit`` events, oldest first, as plain JSON values with their hashes."""
    found = []
    for row in _events(session, since, until, practice_id):
        found.append(_row(row))
        if len(found) >= limit:
            break
    return found


def export(
    session: Session,
    fmt: str = "jsonl",
    since: datetime | None = None,
    until: datetime | None = None,
    practice_id: int | None = None,
) -> Iterator[str]:
    """Events with ``since <= at < until`` (of one practice, when given), as lines of JSON
    or CSV (header first)."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"no export format {fmt!r}", "use jsonl or csv")
    if fmt == "jsonl":
        for event in _events(session, since, until, practice_id):
            yield json.dumps(_row(event), ensure_ascii=False, sort_keys=True) + "\n"
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in _events(session, since, until, practice_id):
        row = _row(event)
        row["details"] = json.dumps(row["details"], ensure_ascii=False, sort_keys=True)
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()
