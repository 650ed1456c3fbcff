"""Sign in and sign out."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from carecast.errors import AuthError, TooManyAttempts
from carecast.web.deps import COOKIE, Csrf, Db, WebSessionDep
from carecast.web.templating import render
from carecast.workflow import people, sessions
from carecast.workflow.sessions import SESSION_LIFETIME

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never redirect a sign-in to somewhere else."""
    if not target:
        return "/"
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": _safe_next(next), "email": "", "error": None})


@router.post("/login")
def login(
    request: Request,
    db: Db,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    client = request.client.host if request.client else ""
    try:
        user = people.authenticate(db, email, password, client)
    except AuthError as exc:
        db.commit()  # keep the failed attempt: it counts towards the pause
        status = 429 if isinstance(exc, TooManyAttempts) else 401
        context = {"next": _safe_next(next), "email": email, "error": exc}
        return render(request, "login.html", context, status)
    new = sessions.start(db, user)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        COOKIE,
        new.cookie,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/logout", dependencies=[Csrf])
def logout(db: Db, web: WebSessionDep) -> Response:
    sessions.end(db, web)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
