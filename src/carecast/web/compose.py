"""Compose: write a post, see guard's findings highlighted as you type, apply the fixes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup, escape

from carecast.errors import CarecastError, InputError
from carecast.guard import Report
from carecast.guard.context import CHANNELS
from carecast.store import Consent, User
from carecast.web.calendar import practice_zone
from carecast.web.consents import day_of
from carecast.web.deps import Csrf, Db, PageUser
from carecast.web.forms import parse_when
from carecast.web.settings import FieldError
from carecast.web.templating import render
from carecast.workflow import consents, posts
from carecast.workflow.roles import require

router = APIRouter(include_in_schema=False)
PUBLISHING = ("mastodon", "bluesky", "x", "blog", "facebook", "linkedin", "community")


def highlighted(text: str, report: Report) -> Markup:
    """The text with each finding wrapped in a <mark> that names its rule."""
    out: list[str] = []
    at = 0
    for n, finding in enumerate(sorted(report.findings, key=lambda f: (f.start, -f.end))):
        if finding.start < at or finding.end <= finding.start:
            continue  # nested or empty spans are listed, not highlighted twice
        out.append(str(escape(text[at : finding.start])))
        out.append(
            f'<mark class="finding {finding.severity}" data-rule="{escape(finding.rule)}" '
            f'id="span-{n}" title="{escape(finding.message)}">'
            f"{escape(text[finding.start : finding.end])}</mark>"
        )
        at = finding.end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def findings_context(report: Report, text: str) -> dict[str, object]:
    return {"report": report, "text": text, "highlighted": highlighted(text, report)}


@router.post("/check", dependencies=[Csrf])
def live_check(
    request: Request,
    db: Db,
    user: PageUser,
    text: Annotated[str, Form()] = "",
    channels: Annotated[list[str] | None, Form()] = None,
    reply_to: Annotated[str, Form()] = "",
) -> Response:
    """The findings panel for the text as typed (HTMX swaps it in)."""
    require(user, "check")
    chosen = [c for c in channels or [] if c in CHANNELS]
    report = posts.check_text(user.practice, user, text, chosen, reply_to or None)
    return render(request, "_findings.html", findings_context(report, text))


def cited_consent(db: Db, user: User, consent_id: str) -> int | None:
    """The consent record chosen in the form, which must be in force; None for none."""
    value = consent_id.strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and len(value) < 10):
        raise FieldError(
            "consent_id", f"{value!r} is not a consent record", "choose one from the list"
        )
    consent = consents.get_consent(db, user, int(value))
    standing = consents.standing(consent)
    if standing != "in force":
        raise FieldError(
            "consent_id",
            f"consent {consent.id} is {standing}",
            "choose a consent that is in force, or none",
        )
    return consent.id


def _form_page(
    request: Request,
    db: Db,
    user: PageUser,
    *,
    text: str = "",
    channels: list[str] | None = None,
    scheduled_at: str = "",
    consent_id: str = "",
    post_id: int | None = None,
    cited: Consent | None = None,
    error: CarecastError | None = None,
    status: int = 200,
) -> Response:
    """The compose form; a post being edited shows the consent it cites, a new one offers the
    practice's consents in force."""
    report = posts.check_text(user.practice, user, text, channels or []) if text.strip() else None
    zone = practice_zone(user.practice)
    in_force = [c for c in consents.list_consents(db, user) if consents.standing(c) == "in force"]
    context = {
        "text": text,
        "channels": channels or [],
        "all_channels": PUBLISHING,
        "scheduled_at": scheduled_at,
        "post_id": post_id,
        "consent_options": [(c, day_of(c.expires_at, zone)) for c in in_force],
        "consent_id": consent_id,
        "cited": cited,
        "cited_standing": consents.standing(cited) if cited else "",
        "error": error,
        "invalid": getattr(error, "field", ""),
        "report": report,
        "highlighted": highlighted(text, report) if report else "",
    }
    return render(request, "compose.html", context, status)


@router.get("/compose")
def compose_page(request: Request, db: Db, user: PageUser) -> Response:
    require(user, "posts.write")
    return _form_page(request, db, user)


@router.post("/compose", dependencies=[Csrf])
def save_new(
    request: Request,
    db: Db,
    user: PageUser,
    text: Annotated[str, Form()] = "",
    channels: Annotated[list[str] | None, Form()] = None,
    scheduled_at: Annotated[str, Form()] = "",
    consent_id: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    try:
        post = posts.create_draft(
            db,
            user,
            text,
            channels=channels or [],
            scheduled_at=parse_when(scheduled_at, user.practice.timezone),
            consent_id=cited_consent(db, user, consent_id),
        )
        if action == "submit":
            posts.submit(db, user, post)
    except InputError as exc:
        db.rollback()
        return _form_page(
            request,
            db,
            user,
            text=text,
            channels=channels,
            scheduled_at=scheduled_at,
            consent_id=consent_id,
            error=exc,
            status=422,
        )
    return RedirectResponse(f"/posts/{post.id}", status_code=303)


@router.get("/posts/{post_id}/edit")
def edit_page(request: Request, db: Db, user: PageUser, post_id: int) -> Response:
    require(user, "posts.write")
    post = posts.get_post(db, user, post_id)
    zone = practice_zone(user.practice)
    when = (
        post.scheduled_at.astimezone(zone).strftime("%Y-%m-%dT%H:%M") if post.scheduled_at else ""
    )
    return _form_page(
        request,
        db,
        user,
        text=post.text,
        channels=post.channels,
        scheduled_at=when,
        post_id=post.id,
        cited=post.consent,
    )


@router.post("/posts/{post_id}/edit", dependencies=[Csrf])
def save_edit(
    request: Request,
    db: Db,
    user: PageUser,
    post_id: int,
    text: Annotated[str, Form()] = "",
    channels: Annotated[list[str] | None, Form()] = None,
    scheduled_at: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    post = posts.get_post(db, user, post_id, for_update=True)
    try:
        posts.edit(
            db,
            user,
            post,
            text,
            channels=channels or [],
            scheduled_at=parse_when(scheduled_at, user.practice.timezone),
        )
        if action == "submit":
            posts.submit(db, user, post)
    except InputError as exc:
        db.rollback()
        return _form_page(
            request,
            db,
            user,
            text=text,
            channels=channels,
            scheduled_at=scheduled_at,
            post_id=post_id,
            cited=post.consent,
            error=exc,
            status=422,
        )
    return RedirectResponse(f"/posts/{post.id}", status_code=303)
