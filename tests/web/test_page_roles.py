"""Who may open each page and send each form: every page route, GET and POST, for the four
roles and for a browser that is not signed in.

What each role may do comes from carecast.workflow.roles.PERMISSIONS; ROUTES says which
permission each route needs. A page route the app serves without an entry here fails
``test_every_page_route_has_an_entry``. Permissions do not depend on the database, so the
matrix runs on SQLite only, on one app for the whole module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import fastapi.routing
import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.routing import Mount

from carecast.store import Account, Mention, Post, make_sessionmaker
from carecast.store.keys import load_keyring, new_key
from carecast.store.practice import ROLES
from carecast.web import create_app
from carecast.web.deps import COOKIE
from carecast.workflow import consents, people, posts, threads
from carecast.workflow.roles import PERMISSIONS
from databases import sqlite_engine
from web.conftest import PASSWORD, csrf_of

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed in"  # any role, once signed in
EMAIL = {role: f"{role}@roles.test" for role in ROLES}
KEYRING = load_keyring({"CARECAST_SECRET_KEY": new_key()})


@dataclass(frozen=True)
class Case:
    """One request: the route as the app declares it, the path to send, and what it needs."""

    method: str
    route: str
    need: str
    path: str = ""
    form: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.path or self.route

    @property
    def roles(self) -> frozenset[str]:
        if self.need in (PUBLIC, SIGNED_IN):
            return frozenset(ROLES)
        return PERMISSIONS[self.need]

    def __str__(self) -> str:
        return f"{self.method} {self.url}"


WHEN = {"when": "2031-05-04T09:30"}
REASON = {"reason": "a reason long enough to be kept"}
POST_ACTIONS = {
    "submit": "posts.write",
    "approve": "posts.review",
    "send-back": "posts.review",
    "schedule": "posts.schedule",
    "correct": "posts.correct",
    "retract": "posts.retract",
}
ROUTES: list[Case] = [
    Case("GET", "/login", PUBLIC),
    Case("POST", "/login", PUBLIC, form={"email": EMAIL["manager"], "password": PASSWORD}),
    Case("POST", "/logout", SIGNED_IN),
    Case("GET", "/", SIGNED_IN),
    Case("POST", "/check", "check", form={"text": "Flu shots are in."}),
    Case("GET", "/compose", "posts.write"),
    Case("POST", "/compose", "posts.write", form={"text": "Flu shots are in.", "action": "save"}),
    Case("GET", "/posts", "posts.read"),
    Case("GET", "/posts/{post_id}", "posts.read"),
    Case("GET", "/posts/{post_id}/edit", "posts.write"),
    Case("POST", "/posts/{post_id}/edit", "posts.write", form={"text": "Flu shots are in."}),
    *(
        Case(
            "POST", "/posts/{post_id}/{action}", need, f"/posts/{{post_id}}/{action}", WHEN | REASON
        )
        for action, need in POST_ACTIONS.items()
    ),
    Case("GET", "/review", "posts.review"),
    Case("POST", "/review", "posts.review"),
    Case("GET", "/calendar", "posts.read"),
    Case("POST", "/calendar/openings", "posts.write", form={"at": ""}),
    Case("GET", "/inbox", "inbox.read"),
    Case("GET", "/accounts", "accounts.manage"),
    Case("POST", "/accounts", "accounts.manage", form={"kind": "mastodon"}),
    Case("POST", "/accounts/{account_id}/disconnect", "accounts.manage"),
    Case("POST", "/inbox/{mention_id}/private", "threads.write"),
    Case("POST", "/inbox/{mention_id}/state", "inbox.act", form={"state": "flagged"}),
    Case("POST", "/inbox/{mention_id}/reply", "posts.write"),
    Case("POST", "/inbox/{mention_id}/hide", "inbox.act"),
    Case("POST", "/inbox/{mention_id}/block", "inbox.act"),
    Case("GET", "/threads", "threads.read"),
    Case("GET", "/threads/{thread_id}", "threads.read"),
    Case("POST", "/threads/{thread_id}/messages", "threads.write", form={"body": "Called back."}),
    Case("POST", "/threads/{thread_id}/close", "threads.write"),
    Case("GET", "/settings", "practice.edit"),
    Case("POST", "/settings", "practice.edit", form={"name": "", "policy_pack": "default"}),
    Case("GET", "/users", "users.manage"),
    Case("POST", "/users", "users.manage", form={"email": "not an address", "role": "manager"}),
    Case("POST", "/users/{user_id}/role", "users.manage", form={"role": "manager"}),
    Case("GET", "/consents", "posts.read"),
    Case("POST", "/consents", "consents.write", form={"subject": "", "scope": "photo"}),
    Case("POST", "/consents/{consent_id}/revoke", "consents.write"),
    Case("GET", "/audit", "audit.read"),
    Case("GET", "/audit/export", "audit.read", "/audit/export?format=csv"),
]


def page_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route the app serves outside /api/ and the static files."""
    contexts = getattr(fastapi.routing, "iter_route_contexts", None)
    routes = list(contexts(app.routes)) if contexts else app.routes
    found = set()
    for route in routes:
        path = getattr(route, "path", "")
        if isinstance(getattr(route, "original_route", route), Mount) or path.startswith("/api/"):
            continue
        for method in getattr(route, "methods", None) or ():
            if method != "HEAD":
                found.add((method, path))
    return found


@dataclass
class Matrix:
    client: TestClient
    ids: dict[str, int]
    sessions: dict[str, tuple[str, str]] = field(default_factory=dict)

    def sign_in(self, role: str) -> tuple[str, str]:
        """A new session for ``role``: its cookie and CSRF token."""
        self.client.cookies.clear()
        answer = self.client.post(
            "/login", data={"email": EMAIL[role], "password": PASSWORD}, follow_redirects=False
        )
        assert answer.status_code == 303, answer.text
        cookie = answer.cookies[COOKIE]
        self.client.cookies.set(COOKIE, cookie)
        token = csrf_of(self.client.get("/calendar").text)
        self.client.cookies.clear()
        return cookie, token

    def send(self, case: Case, role: str | None) -> tuple[int, str]:
        """Send the case as ``role`` (None: signed out); the status and where it redirects."""
        form = dict(case.form)
        self.client.cookies.clear()
        if role is not None:
            fresh = case.route == "/logout"  # signing out ends the session: use a new one
            if fresh or role not in self.sessions:
                self.sessions[role] = self.sign_in(role)
            cookie, token = self.sessions[role]
            if fresh:
                del self.sessions[role]
            self.client.cookies.set(COOKIE, cookie)
            form["csrf_token"] = token
        url = case.url.format(**self.ids)
        if case.method == "GET":
            answer = self.client.get(url, follow_redirects=False)
        else:
            answer = self.client.post(url, data=form, follow_redirects=False)
        self.client.cookies.clear()
        return answer.status_code, answer.headers.get("location", "")


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matrix]:
    engine = sqlite_engine(tmp_path_factory.mktemp("roles"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(people, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
        with make_sessionmaker(engine)() as session:
            practice = people.create_practice(session, name="Roles Family Health")
            users = {
                role: people.create_user(
                    session, practice, email=email, name=role.title(), role=role, password=PASSWORD
                )
                for role, email in EMAIL.items()
            }
            spare = people.create_user(
                session,
                practice,
                email="spare@roles.test",
                name="Spare",
                role="manager",
                password=PASSWORD,
            )
            post: Post = posts.create_draft(session, users["manager"], "Flu shots are in.")
            posts.submit(session, users["manager"], post)
            consent = consents.record_consent(
                session,
                users["manager"],
                subject="Record 4471",
                scope="story",
                granted_at=datetime(2025, 1, 6, tzinfo=UTC),
            )
            account = Account(
                practice_id=practice.id, kind="mastodon", base_url="https://social.example"
            )
            session.add(account)
            session.flush()
            mentions = [
                Mention(
                    practice_id=practice.id,
                    account_id=account.id,
                    remote_id=str(n),
                    author="@sam",
                    text="my rash is back",
                    sent_at=datetime(2026, 11, 20, tzinfo=UTC),
                )
                for n in range(2)
            ]
            session.add_all(mentions)
            session.flush()
            thread = threads.open_thread(session, users["manager"], KEYRING, mentions[1])
            session.commit()
            ids = {
                "post_id": post.id,
                "user_id": spare.id,
                "consent_id": consent.id,
                "account_id": account.id,
                "mention_id": mentions[0].id,
                "thread_id": thread.id,
            }
        app = create_app(engine.url.render_as_string(hide_password=False), keyring=KEYRING)
        with TestClient(app, base_url="http://testserver") as client:
            yield Matrix(client, ids)
    engine.dispose()


def test_every_page_route_has_an_entry(tmp_path: Path) -> None:
    served = page_routes(create_app(f"sqlite:///{tmp_path / 'unused.db'}", migrate=False))
    listed = {(case.method, case.route) for case in ROUTES}
    assert not served - listed, f"page routes with no entry in ROUTES: {sorted(served - listed)}"
    assert not listed - served, f"entries in ROUTES the app does not serve: {listed - served}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", ROUTES, ids=str)
def test_role_may_or_may_not(matrix: Matrix, case: Case, role: str) -> None:
    status, location = matrix.send(case, role)
    assert status < 500, f"{case} as {role}: {status}"
    if role in case.roles:
        assert status != 403, f"{case} refused a {role}, who has {case.need}"
        assert not location.startswith("/login?"), f"{case} sent a {role} to sign in"
    else:
        assert status == 403, f"{case} answered {status} to a {role}, who lacks {case.need}"


@pytest.mark.parametrize("case", ROUTES, ids=str)
def test_signed_out(matrix: Matrix, case: Case) -> None:
    status, location = matrix.send(case, None)
    if case.need == PUBLIC:
        assert status < 400, f"{case} refused a visitor: {status}"
    else:
        assert status == 303 and location.startswith("/login?next="), (
            f"{case} answered {status} {location!r} to a visitor instead of asking to sign in"
        )
