"""Consent records over the API: list the practice's, record one, revoke one.

carecast.workflow.consents checks the role again, validates the dates and writes the audit
event; a post cites a record by its id (``consent_id`` on POST /posts).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from carecast.store import Consent
from carecast.web.api_access import STATE_ERRORS, needs
from carecast.web.consents import LIMITS
from carecast.web.deps import ApiUser, Db
from carecast.workflow import consents
from carecast.workflow.consents import Standing

router = APIRouter(tags=["consents"], responses=STATE_ERRORS)

# store.practice.CONSENT_SCOPES (a test keeps the two the same).
Scope = Literal["story", "photo", "video", "quote"]


class ConsentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: str = Field(
        min_length=1,
        max_length=LIMITS["subject"],
        description="who gave consent, as the practice files it (never published)",
    )
    scope: Scope
    granted_at: AwareDatetime = Field(description="when consent was given")
    expires_at: AwareDatetime | None = Field(None, description="when it stops holding, if ever")
    description: str = Field("", max_length=LIMITS["description"])
    document_ref: str = Field(
        "", max_length=LIMITS["document_ref"], description="where the signed form is filed"
    )


class ConsentResponse(BaseModel):
    id: int
    subject: str
    scope: str
    description: str
    granted_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    document_ref: str
    recorded_by: str | None
    standing: Standing = Field(description="where the consent stands now")
    in_force: bool = Field(description="whether a post may rely on it now")

    @classmethod
    def of(cls, consent: Consent, recorders: dict[int, str]) -> ConsentResponse:
        standing = consents.standing(consent)
        return cls(
            id=consent.id,
            subject=consent.subject,
            scope=consent.scope,
            description=consent.description,
            granted_at=consent.granted_at,
            expires_at=consent.expires_at,
            revoked_at=consent.revoked_at,
            document_ref=consent.document_ref,
            recorded_by=recorders.get(consent.recorded_by_id),
            standing=standing,
            in_force=standing == "in force",
        )


def _recorders(user: ApiUser) -> dict[int, str]:
    """The email address of each of the practice's users, by id."""
    return {colleague.id: colleague.email for colleague in user.practice.users}


@router.get("/consents", **needs("posts.read"))
def list_consents(db: Db, user: ApiUser) -> list[ConsentResponse]:
    """The practice's consent records, oldest first, each with where it stands now."""
    recorders = _recorders(user)
    return [ConsentResponse.of(c, recorders) for c in consents.list_consents(db, user)]


@router.post("/consents", status_code=201, **needs("consents.write"))
def record_consent(body: ConsentCreate, db: Db, user: ApiUser) -> ConsentResponse:
    """Record a patient's written consent; posts may cite it while it is in force."""
    consent = consents.record_consent(
        db,
        user,
        subject=body.subject,
        scope=body.scope,
        granted_at=body.granted_at,
        expires_at=body.expires_at,
        description=body.description,
        document_ref=body.document_ref,
    )
    return ConsentResponse.of(consent, _recorders(user))


@router.post("/consents/{consent_id}/revoke", **needs("consents.write"))
def revoke_consent(consent_id: int, db: Db, user: ApiUser) -> ConsentResponse:
    """Withdraw a consent from now on; posts that cite it are flagged."""
    consent = consents.revoke_consent(db, user, consents.get_consent(db, user, consent_id))
    return ConsentResponse.of(consent, _recorders(user))
