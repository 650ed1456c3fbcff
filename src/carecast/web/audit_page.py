"""The audit page: the practice's latest events a page at a time, whether the hash chain
holds, and the log as JSON Lines or CSV for e-discovery."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from carecast.errors import InputError
from carecast.store import AuditEvent
from carecast.web.calendar import practice_zone
from carecast.web.deps import Db, PageUser
from carecast.web.templating import render
from carecast.workflow import audit
from carecast.workflow.roles import require

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv"}


def latest_events(
    db: Session, practice_id: int, page: int, size: int = PAGE_SIZE
) -> tuple[list[AuditEvent], bool]:
    """One page of the practice's events, newest first, and whether older ones follow."""
    query = (
        select(AuditEvent)
        .where(AuditEvent.practice_id == practice_id)
        .order_by(AuditEvent.seq.desc())
        .offset((page - 1) * size)
        .limit(size + 1)
    )
    events = list(db.scalars(query))
    return events[:size], len(events) > size


def practice_export(db: Session, fmt: str, practice_id: int) -> Iterator[str]:
    """The practice's own events (the chain spans every practice in the database)."""
    return audit.export(db, fmt, practice_id=practice_id)


def _streamed(sessions: sessionmaker[Session], fmt: str, practice_id: int) -> Iterator[str]:
    """The export read in a session of its own, open for as long as the download lasts."""
    with sessions() as db:
        yield from practice_export(db, fmt, practice_id)


@router.get("/audit")
def audit_page(request: Request, db: Db, user: PageUser, page: int = 1) -> Response:
    require(user, "audit.read")
    if page < 1:
        raise InputError(f"there is no page {page}", "pages are numbered from 1")
    events, older = latest_events(db, user.practice_id, page, PAGE_SIZE)
    context = {
        "events": events,
        "page": page,
        "older": older,
        "chain": audit.verify(db),
        "zone": practice_zone(user.practice),
        "formats": audit.EXPORT_FORMATS,
    }
    return render(request, "audit.html", context)


@router.get("/audit/export")
def export_audit(request: Request, user: PageUser, format: str = "jsonl") -> Response:
    require(user, "audit.read")
    if format not in audit.EXPORT_FORMATS:
        raise InputError(f"no export format {format!r}", "use jsonl or csv")
    stamp = datetime.now(practice_zone(user.practice)).strftime("%Y%m%d-%H%M%S")
    return StreamingResponse(
        _streamed(request.app.state.sessions, format, user.practice_id),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="carecast-audit-{stamp}.{format}"'},
    )
