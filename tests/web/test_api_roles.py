"""Every API route for every role: allowed exactly when carecast.workflow.roles says so.

MATRIX names each route's permission; who holds it comes from roles.PERMISSIONS, so the
table, the server and the OpenAPI document have to agree. A route without an entry here
fails the first test.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from carecast.store import User, make_sessionmaker
from carecast.store.practice import ROLES
from carecast.web import create_app
from carecast.workflow import consents, people, posts
from carecast.workflow.roles import PERMISSIONS
from web.conftest import PASSWORD, Staff
from web.test_web_api import CLEAN, bearer

SIGNED_IN = "signed in"  # any role may, with a token
PUBLIC = "public"  # no token needed

Body = dict[str, Any] | Callable[[Mapping[str, Any]], dict[str, Any]] | None


@dataclass(frozen=True)
class Call:
    """How to call a route: ``url`` names the caller's own things ({draft}, {token}…)."""

    permission: str
    url: str
    body: Body = None
    status: int = 200


REASON = {"reason": "the dates in it were wrong"}
MATRIX: dict[tuple[str, str], Call] = {
    ("GET", "/api/v1/openapi.json"): Call(PUBLIC, "/api/v1/openapi.json"),
    ("POST", "/api/v1/check"): Call("check", "/api/v1/check", {"text": CLEAN}),
    ("GET", "/api/v1/posts"): Call("posts.read", "/api/v1/posts?state=draft"),
    ("POST", "/api/v1/posts"): Call("posts.write", "/api/v1/posts", {"text": CLEAN}, 201),
    ("POST", "/api/v1/posts/approve"): Call(
        "posts.review", "/api/v1/posts/approve", lambda mine: {"ids": [mine["batch"]]}
    ),
    ("GET", "/api/v1/posts/{post_id}"): Call("posts.read", "/api/v1/posts/{draft}"),
    ("PATCH", "/api/v1/posts/{post_id}"): Call(
        "posts.write", "/api/v1/posts/{draft}", {"channels": ["blog"]}
    ),
    ("POST", "/api/v1/posts/{post_id}/submit"): Call(
        "posts.write", "/api/v1/posts/{submit}/submit"
    ),
    ("POST", "/api/v1/posts/{post_id}/approve"): Call(
        "posts.review", "/api/v1/posts/{approve}/approve"
    ),
    ("POST", "/api/v1/posts/{post_id}/send-back"): Call(
        "posts.review", "/api/v1/posts/{send_back}/send-back", {"comment": "Add a source, please."}
    ),
    ("POST", "/api/v1/posts/{post_id}/schedule"): Call(
        "posts.schedule", "/api/v1/posts/{schedule}/schedule", {"at": "2031-03-01T09:00:00+01:00"}
    ),
    ("POST", "/api/v1/posts/{post_id}/correct"): Call(
        "posts.correct", "/api/v1/posts/{correct}/correct", None, 201
    ),
    ("POST", "/api/v1/posts/{post_id}/retract"): Call(
        "posts.retract", "/api/v1/posts/{retract}/retract", REASON
    ),
    ("GET", "/api/v1/consents"): Call("posts.read", "/api/v1/consents"),
    ("POST", "/api/v1/consents"): Call(
        "consents.write",
        "/api/v1/consents",
        {"subject": "Record 4471", "scope": "photo", "granted_at": "2025-01-06T00:00:00Z"},
        201,
    ),
    ("POST", "/api/v1/consents/{consent_id}/revoke"): Call(
        "consents.write", "/api/v1/consents/{consent}/revoke"
    ),
    ("GET", "/api/v1/audit"): Call("audit.read", "/api/v1/audit?limit=5"),
    ("GET", "/api/v1/audit/verify"): Call("audit.read", "/api/v1/audit/verify"),
    ("GET", "/api/v1/users"): Call("users.manage", "/api/v1/users"),
    ("POST", "/api/v1/users"): Call(
        "users.manage",
        "/api/v1/users",
        lambda mine: {
            "email": f"new-{mine['role']}@lakeside.test",
            "name": "Nia Osei",
            "role": "manager",
            "password": PASSWORD,
        },
        201,
    ),
    ("PATCH", "/api/v1/users/{user_id}"): Call(
        "users.manage", "/api/v1/users/{colleague}", {"role": "clinician"}
    ),
    ("GET", "/api/v1/me"): Call(SIGNED_IN, "/api/v1/me"),
    ("POST", "/api/v1/tokens"): Call(SIGNED_IN, "/api/v1/tokens", {"label": "spare"}, 201),
    ("DELETE", "/api/v1/tokens/{token_id}"): Call(SIGNED_IN, "/api/v1/tokens/{token}", None, 204),
}


def may(role: str | None, permission: str) -> bool:
    if permission == PUBLIC:
        return True
    if role is None:
        return False
    return permission == SIGNED_IN or role in PERMISSIONS[permission]


def test_every_api_route_has_a_row_that_matches_its_openapi_entry() -> None:
    app = create_app("sqlite://", migrate=False)
    routes = {
        (method, route.path)
        for route in iter_route_contexts(app.routes)
        if route.path and route.path.startswith("/api/v1/")
        for method in (route.methods or set()) - {"HEAD"}
    }
    assert routes == set(MATRIX), "give each new API route a row in MATRIX"
    paths = app.openapi()["paths"]
    for (method, path), call in MATRIX.items():
        if call.permission == PUBLIC:
            continue
        operation = paths[path][method.lower()]
        documented = operation.get("x-permission", SIGNED_IN)
        assert documented == call.permission, (method, path)
        assert operation["x-roles"] == sorted(r for r in ROLES if may(r, call.permission))


class Things(dict[str, Any]):
    """The caller's own things, each made (and committed) the first time a route asks."""

    def __init__(self, session: Session, makers: dict[str, Callable[[], Any]]) -> None:
        super().__init__()
        self.session, self.makers = session, makers

    def __missing__(self, name: str) -> Any:
        self[name] = self.makers[name]()
        self.session.commit()
        return self[name]


def own_things(session: Session, staff: Staff, role: str) -> Things:
    """Posts in the state each route needs, written by the manager and approved by the second
    clinician (so the clinician under test never reviews their own), a consent recorded by
    the manager, and a spare token."""
    author = session.get_one(User, staff.manager.id)
    reviewer = session.get_one(User, staff.second_clinician.id)
    caller = session.get_one(User, getattr(staff, role).id)

    def draft() -> int:
        return posts.create_draft(session, author, CLEAN, channels=["mastodon"]).id

    def in_review() -> int:
        return posts.submit(session, author, posts.get_post(session, author, draft())).id

    def approved() -> int:
        post = posts.get_post(session, reviewer, in_review())
        return posts.approve(session, reviewer, post).id

    def published() -> int:
        return posts.mark_published(session, posts.get_post(session, author, approved())).id

    def consent() -> int:
        given = datetime(2025, 1, 6, tzinfo=UTC)
        return consents.record_consent(
            session, author, subject="Record 4471", scope="story", granted_at=given
        ).id

    makers: dict[str, Callable[[], Any]] = {
        "role": lambda: role,
        "draft": draft,
        "submit": draft,
        "approve": in_review,
        "send_back": in_review,
        "batch": in_review,
        "schedule": approved,
        "correct": published,
        "retract": published,
        "colleague": lambda: staff.second_clinician.id,
        "consent": consent,
        "token": lambda: people.create_token(session, caller, "spare").token.id,
    }
    return Things(session, makers)


def test_each_role_may_call_exactly_the_routes_its_permissions_allow(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    """A role that may not gets 403 before anything is looked up (every id in its call is 0);
    without a token every route but the OpenAPI document answers 401."""
    nothing: defaultdict[str, Any] = defaultdict(int)
    wrong = []
    with make_sessionmaker(engine)() as session:
        for role in (*ROLES, None):
            headers: dict[str, str] = {}
            mine: Mapping[str, Any] = nothing
            if role is not None:
                user = session.get_one(User, getattr(staff, role).id)
                headers = bearer(people.create_token(session, user).secret)
                session.commit()
                mine = own_things(session, staff, role)
            for (method, route), call in MATRIX.items():
                allowed = may(role, call.permission)
                things = mine if allowed else nothing
                body = call.body(things) if callable(call.body) else call.body
                url = call.url.format_map(things)
                response = client.request(method, url, json=body, headers=headers)
                expected = call.status if allowed else (403 if role else 401)
                if response.status_code != expected:
                    who = role or "no token"
                    wrong.append(
                        f"{who} {method} {route} ({url}): {response.status_code}, not {expected}"
                    )
                    wrong.append(f"    {response.text[:300]}")
    assert not wrong, "\n".join(wrong)
