"""Dependencies shared by the pages and the API, named with ``Annotated`` aliases.

- ``Db``: a database session per request, committed when the handler returns normally,
  before the response goes out.
- ``PageUser``: the user signed in by cookie; pages redirect to /login without one.
- ``ApiUser``: the user of a bearer token (or of a browser session, for HTMX calls).
- ``Csrf``: checks the form's (or the X-CSRF-Token header's) token on every change.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from carecast.errors import AuthError, PermissionDenied
from carecast.store import User, WebSession
from carecast.store.engine import unreachable
from carecast.store.keys import Keyring, load_keyring
from carecast.workflow import people, sessions

COOKIE = "carecast_session"


@dataclass(frozen=True)
class Viewer:
    """Who is looking, as the page templates need it, kept apart from the database session
    (an error page is rendered after the request's session has closed)."""

    id: int
    display_name: str
    role: str


class SignInRequired(AuthError):
    """A page was asked for without a session: the browser goes to the sign-in page."""


def db_session(request: Request) -> Iterator[Session]:
    factory = request.app.state.sessions
    with factory() as db:
        try:
            yield db
            db.commit()
        except OperationalError as exc:
            db.rollback()
            raise unreachable(request.app.state.engine, exc) from exc
        except BaseException:
            db.rollback()
            raise


def keyring(request: Request) -> Keyring:
    """The keys that seal account secrets: the app's own, else loaded on first need."""
    ring: Keyring | None = getattr(request.app.state, "keyring", None)
    if ring is None:
        ring = request.app.state.keyring = load_keyring()
    return ring


Keys = Annotated[Keyring, Depends(keyring)]


# Committed before the response is sent: a browser that follows a redirect straight after
# a change (a new session, a new post) must find it in the database.
Db = Annotated[Session, Depends(db_session, scope="function")]


def web_session(request: Request, db: Db) -> WebSession:
    cookie = request.cookies.get(COOKIE)
    if not cookie:
        raise SignInRequired("please sign in", "")
    try:
        web = sessions.find(db, cookie)
    except AuthError:
        raise SignInRequired("your session has ended", "sign in again") from None
    request.state.viewer = Viewer(web.user.id, web.user.display_name, web.user.role)
    request.state.csrf_token = web.csrf_token
    return web


WebSessionDep = Annotated[WebSession, Depends(web_session)]


def page_user(web: WebSessionDep) -> User:
    return web.user


PageUser = Annotated[User, Depends(page_user)]


def api_user(request: Request, db: Db) -> User:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return people.user_for_token(db, token.strip())
    cookie = request.cookies.get(COOKIE)
    if cookie:
        web = sessions.find(db, cookie)
        if request.method not in ("GET", "HEAD"):
            _check_csrf(web, request.headers.get("X-CSRF-Token", ""))
        return web.user
    raise AuthError("this API needs a bearer token", "send Authorization: Bearer <token>")


ApiUser = Annotated[User, Depends(api_user)]


def _check_csrf(web: WebSession, given: str) -> None:
    if not given or not hmac.compare_digest(given, web.csrf_token):
        raise PermissionDenied(
            "this form has expired or did not come from carecast",
            "reload the page and try again",
        )


async def csrf(request: Request, web: WebSessionDep) -> None:
    """Every form that changes something carries the session's token."""
    given = request.headers.get("X-CSRF-Token", "")
    if not given:
        form = await request.form()
        value = form.get("csrf_token", "")
        given = value if isinstance(value, str) else ""
    _check_csrf(web, given)


Csrf = Depends(csrf)
