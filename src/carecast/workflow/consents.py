"""Consent records: who agreed to have their story or picture shared, for what, until when."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecast.errors import ConflictError, InputError, NotFound
from carecast.store import Consent, User
from carecast.store.base import utcnow
from carecast.store.practice import CONSENT_SCOPES
from carecast.workflow import audit
from carecast.workflow.roles import require

# Where a consent stands at a moment: only "in force" lets a post rely on it.
Standing = Literal["in force", "not yet in force", "expired", "revoked"]
STANDINGS: tuple[Standing, ...] = get_args(Standing)


def record_consent(
    session: Session,
    user: User,
    *,
    subject: str,
    scope: str,
    granted_at: datetime,
    expires_at: datetime | None = None,
    description: str = "",
    document_ref: str = "",
) -> Consent:
    require(user, "consents.write")
    if not subject.strip():
        raise InputError(
            "say who gave consent", "as the practice files it, e.g. their record number"
        )
    if scope not in CONSENT_SCOPES:
        raise InputError(f"no consent scope {scope!r}", "choose from: " + ", ".join(CONSENT_SCOPES))
    if granted_at.tzinfo is None or (expires_at is not None and expires_at.tzinfo is None):
        raise InputError("consent dates need a time zone", "give them with a UTC offset")
    if expires_at is not None and expires_at <= granted_at:
        raise InputError("the consent expires before it was given", "check the two dates")
    consent = Consent(
        practice_id=user.practice_id,
        subject=subject.strip(),
        scope=scope,
        description=description.strip(),
        granted_at=granted_at,
        expires_at=expires_at,
        recorded_by_id=user.id,
        document_ref=document_ref.strip(),
        extra={},
    )
    session.add(consent)
    session.flush()
    audit.record(
        session,
        actor=user.email,
        action="consent.recorded",
        object_type="consent",
        object_id=consent.id,
        details={"scope": scope, "expires_at": expires_at.isoformat() if expires_at else None},
        practice_id=user.practice_id,
    )
    return consent


def get_consent(session: Session, user: User, consent_id: int) -> Consent:
    consent = session.get(Consent, consent_id)
    if consent is None or consent.practice_id != user.practice_id:
        raise NotFound(f"no consent record {consent_id}", "pick one from the practice's consents")
    return consent


def revoke_consent(session: Session, user: User, consent: Consent) -> Consent:
    require(user, "consents.write")
    if consent.revoked_at is not None:
        raise ConflictError(f"consent {consent.id} is already revoked", "")
    consent.revoked_at = utcnow()
    audit.record(
        session,
        actor=user.email,
        action="consent.revoked",
        object_type="consent",
        object_id=consent.id,
        practice_id=user.practice_id,
    )
    return consent


def standing(consent: Consent, at: datetime | None = None) -> Standing:
    """Where the consent stands at ``at`` (now when left out), one of STANDINGS; a revoked
    consent is "revoked" even once it has also expired."""
    at = at or utcnow()
    if consent.revoked_at is not None and at >= consent.revoked_at:
        return "revoked"
    if at < consent.granted_at:
        return "not yet in force"
    if consent.expires_at is not None and at >= consent.expires_at:
        return "expired"
    return "in force"


def list_consents(session: Session, user: User) -> list[Consent]:
    require(user, "posts.read")
    query = select(Consent).where(Consent.practice_id == user.practice_id).order_by(Consent.id)
    return list(session.scalars(query))
