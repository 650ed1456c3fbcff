"""Consent records: the practice's list, a form to record one, and revoking one.

Dates are typed as dates in the practice's time zone: a consent holds from the start of the
day it was given until the start of the day it expires. A form with a mistake comes back
with the message and what was typed, with the status of the error (422 for invalid input).
The ``consent_standing`` template filter, set here, lets a post's page say whether the
consent it cites still holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from carecast.errors import CarecastError, ConflictError, InputError
from carecast.store import Consent, User
from carecast.store.practice import CONSENT_SCOPES
from carecast.web.calendar import practice_zone
from carecast.web.deps import Csrf, Db, PageUser
from carecast.web.errors import status_of
from carecast.web.settings import FieldError
from carecast.web.templating import render, templates
from carecast.workflow import consents
from carecast.workflow.roles import allowed, require

router = APIRouter(include_in_schema=False)
# Any page can say where a consent stands: ``{{ post.consent|consent_standing }}``.
templates.env.filters["consent_standing"] = consents.standing

# Longest value each field holds (the columns of carecast.store.Consent; a description is
# kept to what fits on a page).
LIMITS = {"subject": 200, "document_ref": 200, "description": 2000}
LABELS = {"subject": "subject", "document_ref": "document reference", "description": "description"}


def start_of_day(value: str, zone: tzinfo, field: str) -> datetime | None:
    """A date field ("2026-03-01") as the moment its day begins in ``zone``; None if empty."""
    value = value.strip()
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise FieldError(
            field, f"{value!r} is not a date", "pick it from the date field, e.g. 2026-03-01"
        ) from None
    return datetime.combine(day, time(), tzinfo=zone)


def day_of(at: datetime | None, zone: tzinfo) -> str:
    """The date of ``at`` in ``zone`` as the form and the list show it ("" for none)."""
    return at.astimezone(zone).strftime("%Y-%m-%d") if at else ""


@dataclass
class ConsentForm:
    """The record-a-consent form as typed."""

    subject: str = ""
    scope: str = ""
    granted_on: str = ""
    expires_on: str = ""
    description: str = ""
    document_ref: str = ""

    def validate(self, zone: tzinfo) -> tuple[datetime, datetime | None]:
        """When the consent was given and when it expires, or the first field to fix."""
        if not self.subject.strip():
            raise FieldError(
                "subject",
                "say who gave consent",
                "as the practice files it, e.g. their record number",
            )
        for name, limit in LIMITS.items():
            length = len(getattr(self, name).strip())
            if length > limit:
                raise FieldError(
                    name, f"the {LABELS[name]} is {length} characters long", f"keep it to {limit}"
                )
        if self.scope not in CONSENT_SCOPES:
            raise FieldError(
                "scope",
                f"no consent scope {self.scope!r}",
                "choose one of: " + ", ".join(CONSENT_SCOPES),
            )
        granted = start_of_day(self.granted_on, zone, "granted_on")
        if granted is None:
            raise FieldError(
                "granted_on", "give the date consent was given", "the date on the signed form"
            )
        expires = start_of_day(self.expires_on, zone, "expires_on")
        if expires is not None and expires <= granted:
            raise FieldError(
                "expires_on",
                "the consent expires before it was given",
                f"choose an expiry date after {self.granted_on.strip()}, or leave it empty",
            )
        return granted, expires


@dataclass(frozen=True)
class Row:
    """One consent as the list shows it, its dates in the practice's time zone."""

    consent: Consent
    standing: str
    granted: str
    expires: str
    revoked: str


def rows(found: list[Consent], zone: tzinfo) -> list[Row]:
    now = datetime.now(zone)
    return [
        Row(
            consent,
            consents.standing(consent, now),
            day_of(consent.granted_at, zone),
            day_of(consent.expires_at, zone),
            day_of(consent.revoked_at, zone),
        )
        for consent in found
    ]


def _consents_page(
    request: Request,
    db: Db,
    user: User,
    *,
    form: ConsentForm | None = None,
    recorded: int | None = None,
    revoked: int | None = None,
    error: CarecastError | None = None,
    error_in: str = "record",
) -> Response:
    zone = practice_zone(user.practice)
    context = {
        "rows": rows(consents.list_consents(db, user), zone),
        "scopes": CONSENT_SCOPES,
        "form": form or ConsentForm(granted_on=datetime.now(zone).strftime("%Y-%m-%d")),
        "zone": str(zone),
        "may_write": allowed(user, "consents.write"),
        "recorded": recorded,
        "revoked": revoked,
        "error": error,
        "error_in": error_in,
        "invalid": getattr(error, "field", ""),
    }
    return render(request, "consents.html", context, status_of(error) if error else 200)


@router.get("/consents")
def consents_page(
    request: Request,
    db: Db,
    user: PageUser,
    recorded: int | None = None,
    revoked: int | None = None,
) -> Response:
    require(user, "posts.read")
    return _consents_page(request, db, user, recorded=recorded, revoked=revoked)


@router.post("/consents", dependencies=[Csrf])
def record(
    request: Request,
    db: Db,
    user: PageUser,
    subject: Annotated[str, Form()] = "",
    scope: Annotated[str, Form()] = "",
    granted_on: Annotated[str, Form()] = "",
    expires_on: Annotated[str, Form()] = "",
    description: Annotated[str, Form()] = "",
    document_ref: Annotated[str, Form()] = "",
) -> Response:
    require(user, "consents.write")
    form = ConsentForm(subject, scope, granted_on, expires_on, description, document_ref)
    try:
        granted, expires = form.validate(practice_zone(user.practice))
        consent = consents.record_consent(
            db,
            user,
            subject=form.subject,
            scope=form.scope,
            granted_at=granted,
            expires_at=expires,
            description=form.description,
            document_ref=form.document_ref,
        )
    except InputError as exc:
        db.rollback()
        return _consents_page(request, db, user, form=form, error=exc)
    return RedirectResponse(f"/consents?recorded={consent.id}", status_code=303)


@router.post("/consents/{consent_id}/revoke", dependencies=[Csrf])
def revoke(request: Request, db: Db, user: PageUser, consent_id: int) -> Response:
    require(user, "consents.write")
    consent = consents.get_consent(db, user, consent_id)
    try:
        consents.revoke_consent(db, user, consent)
    except ConflictError as exc:
        db.rollback()
        return _consents_page(request, db, user, error=exc, error_in=f"revoke-{consent_id}")
    return RedirectResponse(f"/consents?revoked={consent_id}", status_code=303)
