"""Signed-in browsers: a random cookie token per sign-in, kept only as a hash, with its
own CSRF token, ended on sign-out or after SESSION_LIFETIME."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecast.errors import AuthError
from carecast.store import User, WebSession
from carecast.store.base import utcnow
from carecast.workflow import audit

SESSION_LIFETIME = timedelta(hours=12)


@dataclass(frozen=True)
class NewSession:
    """A fresh web session: ``cookie`` goes to the browser and is never stored."""

    session: WebSession
    cookie: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(db: Session, user: User) -> NewSession:
    cookie = secrets.token_urlsafe(32)
    web = WebSession(
        user_id=user.id,
        token_hash=_digest(cookie),
        csrf_token=secrets.token_urlsafe(32),
        expires_at=utcnow() + SESSION_LIFETIME,
    )
    db.add(web)
    db.flush()
    return NewSession(web, cookie)


def find(db: Session, cookie: str) -> WebSession:
    """The live session for a cookie, or AuthError."""
    web = db.scalar(select(WebSession).where(WebSession.token_hash == _digest(cookie)))
    if web is None or web.ended_at is not None or web.expires_at <= utcnow() or not web.user.active:
        raise AuthError("you are signed out", "sign in again")
    return web


def end(db: Session, web: WebSession) -> None:
    web.ended_at = utcnow()
    audit.record(
        db,
        actor=web.user.email,
        action="user.signed_out",
        object_type="user",
        object_id=web.user_id,
        practice_id=web.user.practice_id,
    )
