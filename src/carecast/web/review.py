"""A post's page (text, findings, history, audit trail), its actions, and the review queue."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from carecast.errors import CarecastError, InputError, NotFound, PermissionDenied
from carecast.guard import Report
from carecast.store import AuditEvent, Post
from carecast.web.calendar import practice_zone
from carecast.web.compose import highlighted
from carecast.web.deps import Csrf, Db, PageUser
from carecast.web.forms import parse_when
from carecast.web.templating import render
from carecast.workflow import deliveries, inbox, posts
from carecast.workflow.accounts import NAMES
from carecast.workflow.roles import allowed, require

router = APIRouter(include_in_schema=False)


def _report(post: Post) -> Report:
    return posts.check_text(post.practice, post.author, post.text, post.channels, post.reply_to)


def post_page(
    request: Request, db: Db, user: PageUser, post_id: int, error: CarecastError | None = None
) -> Response:
    post = posts.get_post(db, user, post_id)
    report = _report(post)
    trail = db.scalars(
        select(AuditEvent)
        .where(AuditEvent.object_type == "post", AuditEvent.object_id == str(post.id))
        .order_by(AuditEvent.seq)
    ).all()
    context = {
        "post": post,
        "report": report,
        "highlighted": highlighted(post.text, report),
        "trail": trail,
        "corrections": posts.corrections(db, post),
        "deliveries": deliveries.deliveries_of(db, post),
        "replies": inbox.list_mentions(db, user, post_id=post.id),
        "names": NAMES,
        "can": {
            p: allowed(user, p)
            for p in (
                "posts.write",
                "posts.review",
                "posts.schedule",
                "posts.correct",
                "posts.retract",
            )
        },
        "error": error,
        "zone": practice_zone(post.practice),
    }
    return render(request, "post.html", context, 200 if error is None else 409)


@router.get("/")
def home(user: PageUser) -> Response:
    target = {"clinician": "/review", "compliance": "/audit", "admin": "/posts"}.get(
        user.role, "/posts"
    )
    return RedirectResponse(target, status_code=303)


@router.get("/posts")
def post_list(request: Request, db: Db, user: PageUser, state: str = "") -> Response:
    states = [state] if state else []
    return render(
        request,
        "posts.html",
        {
            "posts": posts.list_posts(db, user, states),
            "state": state,
            "zone": practice_zone(user.practice),
        },
    )


@router.get("/posts/{post_id}")
def show_post(request: Request, db: Db, user: PageUser, post_id: int) -> Response:
    return post_page(request, db, user, post_id)


@router.post("/posts/{post_id}/{action}", dependencies=[Csrf])
def act(
    request: Request,
    db: Db,
    user: PageUser,
    post_id: int,
    action: str,
    reason: Annotated[str, Form()] = "",
    when: Annotated[str, Form()] = "",
) -> Response:
    """submit, approve (with an optional override reason), send-back, schedule, correct, retract."""
    post = posts.get_post(db, user, post_id, for_update=True)
    try:
        if action == "submit":
            posts.submit(db, user, post)
        elif action == "approve":
            posts.approve(db, user, post, override=reason or None)
        elif action == "send-back":
            posts.send_back(db, user, post, reason)
        elif action == "schedule":
            require(user, "posts.schedule")
            at = parse_when(when, user.practice.timezone)
            if at is None:
                raise InputError("choose when to publish", "pick a date and time")
            posts.schedule(db, user, post, at)
        elif action == "correct":
            correction = posts.correct(db, user, post)
            return RedirectResponse(f"/posts/{correction.id}/edit", status_code=303)
        elif action == "retract":
            posts.retract(db, user, post, reason)
        else:
            raise NotFound(f"no action {action!r} on posts", "use the buttons on the post's page")
    except CarecastError as exc:
        if isinstance(exc, PermissionDenied | NotFound):
            raise
        db.rollback()
        return post_page(request, db, user, post_id, error=exc)
    return RedirectResponse(f"/posts/{post_id}", status_code=303)


@router.get("/review")
def review_queue(request: Request, db: Db, user: PageUser) -> Response:
    require(user, "posts.review")
    queue = posts.list_posts(db, user, ["in_review"])
    items = [(post, _report(post)) for post in queue]
    return render(request, "review.html", {"items": items, "results": None})


@router.post("/review", dependencies=[Csrf])
def batch_approve(
    request: Request, db: Db, user: PageUser, post_ids: Annotated[list[int] | None, Form()] = None
) -> Response:
    require(user, "posts.review")
    results = posts.approve_many(db, user, post_ids or [])
    db.commit()
    queue = posts.list_posts(db, user, ["in_review"])
    items = [(post, _report(post)) for post in queue]
    return render(request, "review.html", {"items": items, "results": results})
