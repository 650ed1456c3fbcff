"""The audit log: append-only events, each sealed with a hash of itself and the one before.

An event's ``hash`` is the SHA-256 of its canonical JSON (every field but ``hash``), which
includes ``prev_hash``; changing, removing or reordering any event breaks every hash after
it. ``audit_head`` holds the last sequence number and hash: appending updates that one row
first, so concurrent writers queue on its lock instead of forking the chain.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from carecast.store.base import Base, UTCDateTime

GENESIS = "0" * 64  # prev_hash of the first event
HASHED = (
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
)


class AuditEvent(Base):
    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    practice_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(60), index=True)
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    def fields(self) -> dict[str, Any]:
        """Everything the hash covers, as plain JSON values."""
        return event_fields({c: getattr(self, c) for c in HASHED})

    def seal(self) -> str:
        """The hash this event must carry, computed from its fields."""
        return event_hash(self.fields())


class AuditHead(Base):
    """One row: where the chain ends."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


def event_fields(row: Any) -> dict[str, Any]:
    """The hashed fields of an event or a database row of one, as plain JSON values."""
    fields = {name: row[name] for name in HASHED}
    fields["at"] = fields["at"].isoformat(timespec="microseconds")
    return fields


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(fields: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(fields)).hexdigest()


def content_hash(content: str | bytes | None) -> str:
    """SHA-256 of what an event is about (a post's text, say); empty when there is none."""
    if content is None:
        return ""
    data = content.encode() if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()
