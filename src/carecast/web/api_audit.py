"""The audit log over the API: the practice's events, and whether the chain holds."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import AwareDatetime, BaseModel, Field

from carecast.web.api_access import needs
from carecast.web.deps import ApiUser, Db
from carecast.workflow import audit

router = APIRouter(tags=["audit"])

MAX_EVENTS = 1000


class AuditEventResponse(BaseModel):
    """One event, with the hashes that chain it to the one before."""

    seq: int
    at: datetime
    actor: str
    action: str
    object_type: str
    object_id: str
    details: dict[str, Any]
    content_hash: str = Field(description="SHA-256 of what the event is about, e.g. the text")
    prev_hash: str
    hash: str


class AuditPage(BaseModel):
    events: list[AuditEventResponse]
    more: bool = Field(description="more events match: ask again with a later since")


class ChainStatus(BaseModel):
    ok: bool
    events: int = Field(description="events that were checked and held")
    broken_at: int | None = Field(description="the first event that does not hold")
    reason: str


@router.get("/audit", **needs("audit.read"))
def audit_events(
    db: Db,
    user: ApiUser,
    since: Annotated[AwareDatetime | None, Query(description="events at or after")] = None,
    until: Annotated[AwareDatetime | None, Query(description="events before")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_EVENTS)] = 100,
) -> AuditPage:
    """The practice's events in the order they happened, oldest first."""
    found = audit.events(db, user.practice_id, since, until, limit + 1)
    return AuditPage(
        events=[AuditEventResponse.model_validate(e) for e in found[:limit]],
        more=len(found) > limit,
    )


@router.get("/audit/verify", **needs("audit.read"))
def verify_audit(db: Db) -> ChainStatus:
    """Walk the whole chain: every event's hash, its link to the one before, and the end."""
    result = audit.verify(db)
    return ChainStatus(
        ok=result.ok, events=result.events, broken_at=result.broken_at, reason=result.reason
    )
