"""The REST API: the whole flow with bearer tokens, overrides, bad input, tokens, practices."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, get_args

from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from carecast.guard.context import CHANNELS
from carecast.store import Post, User, make_sessionmaker
from carecast.store.posts import STATES
from carecast.store.practice import ROLES
from carecast.web import create_app
from carecast.web.api_check import Channel
from carecast.web.api_people import Role
from carecast.web.api_posts import PostState
from carecast.workflow import people, posts
from web.conftest import PASSWORD, Staff, sign_in

CLEAN = "Flu shots are in: walk in any weekday morning. More on who should get one: cdc.gov/flu"
NAMES_PATIENT = "Mrs. Alvarez in bed 4 is doing so much better today!"
Headers = dict[str, str]


def bearer(secret: str) -> Headers:
    return {"Authorization": f"Bearer {secret}"}


def token_headers(engine: Engine, *users: User) -> list[Headers]:
    """A fresh API token for each user, as request headers."""
    with make_sessionmaker(engine)() as session:
        secrets = [people.create_token(session, session.get_one(User, u.id)).secret for u in users]
        session.commit()
    return [bearer(secret) for secret in secrets]


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def test_a_post_goes_from_draft_to_retraction_and_the_audit_shows_each_step(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    manager, clinician, compliance = token_headers(
        engine, staff.manager, staff.clinician, staff.compliance
    )
    draft = ok(client.post("/api/v1/posts", json={"text": CLEAN}, headers=manager), 201)
    assert (draft["state"], draft["verdict"], draft["author"]) == (
        "draft",
        "ok",
        "manager@lakeside.test",
    )
    post_url = f"/api/v1/posts/{draft['id']}"

    def act(headers: Headers, action: str, body: dict[str, Any] | None = None) -> Any:
        status = 201 if action == "correct" else 200
        return ok(client.post(f"{post_url}/{action}", json=body, headers=headers), status)

    edited = ok(client.patch(post_url, json={"channels": ["mastodon", "blog"]}, headers=manager))
    assert edited["channels"] == ["mastodon", "blog"] and edited["version"] == 2
    assert act(manager, "submit")["state"] == "in_review"
    sent_back = act(clinician, "send-back", {"comment": "Please add the clinic's opening hours."})
    assert sent_back["state"] == "draft"
    assert [(n["kind"], n["author"]) for n in sent_back["notes"]] == [
        ("send_back", "priya@lakeside.test")
    ]
    ok(client.patch(post_url, json={"text": CLEAN + " Open 8 to 6."}, headers=manager))
    act(manager, "submit")
    approved = act(clinician, "approve")
    assert approved["state"] == "approved" and approved["approved_by"] == "priya@lakeside.test"
    at = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    scheduled = act(manager, "schedule", {"at": at.isoformat()})
    assert scheduled["state"] == "scheduled"
    assert datetime.fromisoformat(scheduled["scheduled_at"]) == at

    with make_sessionmaker(engine)() as session:  # the worker publishes it
        posts.mark_published(session, session.get_one(Post, draft["id"]))
        session.commit()
    correction = act(clinician, "correct", {"text": "Correction: walk-ins are mornings only."})
    assert (correction["state"], correction["corrects"]) == ("draft", draft["id"])
    retracted = act(clinician, "retract", {"reason": "the opening hours in it were wrong"})
    assert retracted["state"] == "retracted" and retracted["corrections"] == [correction["id"]]
    assert [v["event"] for v in retracted["versions"]] == [
        "created",
        "edited",
        "submitted",
        "sent_back",
        "edited",
        "submitted",
        "approved",
        "scheduled",
        "published",
        "retracted",
    ]
    listed = ok(client.get("/api/v1/posts", params={"state": "retracted"}, headers=compliance))
    assert [p["id"] for p in listed] == [draft["id"]]

    trail = ok(client.get("/api/v1/audit", params={"limit": 1000}, headers=compliance))
    assert trail["more"] is False
    about_the_post = [
        e
        for e in trail["events"]
        if (e["object_type"], e["object_id"]) == ("post", str(draft["id"]))
    ]
    assert [e["action"] for e in about_the_post] == [
        "post.created",
        "post.edited",
        "post.submitted",
        "post.sent_back",
        "post.edited",
        "post.submitted",
        "post.approved",
        "post.scheduled",
        "post.published",
        "post.correction_started",
        "post.retracted",
    ]
    last = trail["events"][-1]
    recent = ok(client.get("/api/v1/audit", params={"since": last["at"]}, headers=compliance))
    assert last in recent["events"]
    first_two = ok(client.get("/api/v1/audit", params={"limit": 2}, headers=compliance))
    assert first_two["events"] == trail["events"][:2] and first_two["more"] is True
    chain = ok(client.get("/api/v1/audit/verify", headers=compliance))
    assert chain["ok"] is True and chain["broken_at"] is None
    assert chain["events"] >= len(trail["events"])


def test_a_blocked_post_needs_an_override_with_a_reason(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    manager, clinician = token_headers(engine, staff.manager, staff.clinician)
    blocked, clean = (
        ok(client.post("/api/v1/posts", json={"text": text}, headers=manager), 201)
        for text in (NAMES_PATIENT, CLEAN)
    )
    assert blocked["verdict"] == "block"
    assert "privacy.phi.name" in {f["rule"] for f in blocked["findings"]}
    for post in (blocked, clean):
        ok(client.post(f"/api/v1/posts/{post['id']}/submit", headers=manager))
    approve = f"/api/v1/posts/{blocked['id']}/approve"

    refused = client.post(approve, headers=clinician)
    assert refused.status_code == 409
    assert "privacy.phi.name" in refused.json()["error"] and "override" in refused.json()["hint"]
    too_short = client.post(approve, json={"override": "fine"}, headers=clinician)
    assert too_short.status_code == 422 and "needs a reason" in too_short.json()["error"]

    results = ok(
        client.post(
            "/api/v1/posts/approve",
            json={"ids": [clean["id"], blocked["id"], 99999]},
            headers=clinician,
        )
    )
    assert [(r["id"], r["approved"]) for r in results] == [
        (clean["id"], True),
        (blocked["id"], False),
        (99999, False),
    ]
    assert "guard blocks" in results[1]["message"] and "no post" in results[2]["message"]

    reason = "The family asked us to share this and signed the consent form."
    approved = ok(client.post(approve, json={"override": reason}, headers=clinician))
    assert approved["state"] == "approved"
    assert [(n["kind"], n["body"]) for n in approved["notes"]] == [("override", reason)]


BAD_INPUT: list[tuple[str, str, Any, str]] = [
    # method, path ({post} is a draft), JSON body (a str is sent as it is), words in the error
    ("POST", "/api/v1/posts", {"text": CLEAN, "channels": ["myspace"]}, "channels.0: Input"),
    ("POST", "/api/v1/posts", {"text": CLEAN, "scheduled_at": "2030-01-01T09:00"}, "timezone"),
    ("POST", "/api/v1/posts", {"text": ""}, "text: String should have at least 1"),
    ("POST", "/api/v1/posts", {"text": "   "}, "the post is empty"),
    ("POST", "/api/v1/posts", {}, "text: Field required"),
    ("POST", "/api/v1/posts", {"text": CLEAN, "colour": "red"}, "colour: Extra inputs"),
    ("POST", "/api/v1/posts", '{"text": ', "JSON"),
    ("PATCH", "/api/v1/posts/{post}", {"state": "approved"}, "state: Extra inputs"),
    ("PATCH", "/api/v1/posts/{post}", {"channels": ["fax"]}, "channels.0"),
    ("POST", "/api/v1/posts/{post}/schedule", {"at": "2030-01-01T09:00:00"}, "at: Input should"),
    ("GET", "/api/v1/posts?state=pending", None, "state.0: Input should be"),
    ("GET", "/api/v1/posts/first", None, "post_id: Input should be a valid integer"),
    ("GET", "/api/v1/audit?since=2030-01-01T09:00", None, "since: Input should have timezone"),
    ("GET", "/api/v1/audit?limit=0", None, "limit: Input should be greater"),
    ("POST", "/api/v1/check", {"text": CLEAN, "channels": ["fax"]}, "channels.0"),
    ("PATCH", "/api/v1/users/1", {"role": "owner"}, "role: Input should be"),
    (
        "POST",
        "/api/v1/users",
        {"email": "new@lakeside.test", "name": "New", "role": "manager", "password": "short"},
        "the password is too short",
    ),
]


def test_bad_input_is_refused_with_the_field_and_what_to_do(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    (admin,) = token_headers(engine, staff.admin)
    draft = ok(client.post("/api/v1/posts", json={"text": CLEAN}, headers=admin), 201)
    problems = []
    for method, path, body, words in BAD_INPUT:
        url = path.format(post=draft["id"])
        if isinstance(body, str):
            raw = {**admin, "Content-Type": "application/json"}
            response = client.request(method, url, content=body, headers=raw)
        else:
            response = client.request(method, url, json=body, headers=admin)
        answer = response.json()
        if (
            response.status_code != 422
            or set(answer) != {"error", "hint"}
            or words not in answer["error"]
            or not answer["hint"]
        ):
            problems.append(f"{method} {url} {body!r}: {response.status_code} {answer}")
    assert not problems, "\n".join(problems)
    assert ok(client.get(f"/api/v1/posts/{draft['id']}", headers=admin))["version"] == 1


def test_tokens_missing_invalid_or_revoked_are_refused(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    manager, admin = token_headers(engine, staff.manager, staff.admin)
    for headers in ({}, bearer("cc_not-a-token"), {"Authorization": "Basic bWU6cGFzcw=="}):
        response = client.get("/api/v1/me", headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer" and response.json()["hint"]

    made = ok(client.post("/api/v1/tokens", json={"label": "scheduler"}, headers=manager), 201)
    assert set(made) == {"id", "label", "created_at", "secret"} and made["label"] == "scheduler"
    assert ok(client.get("/api/v1/me", headers=bearer(made["secret"])))["role"] == "manager"
    tokens = f"/api/v1/tokens/{made['id']}"
    assert client.delete(tokens, headers=admin).status_code == 204  # an admin may revoke any
    assert client.get("/api/v1/me", headers=bearer(made["secret"])).status_code == 401
    assert client.delete(tokens, headers=manager).status_code == 409

    admins = ok(client.post("/api/v1/tokens", headers=admin), 201)
    refused = client.delete(f"/api/v1/tokens/{admins['id']}", headers=manager)
    assert refused.status_code == 403 and "manage users" in refused.json()["error"]


def test_a_browser_session_needs_the_csrf_header_for_changes(client: TestClient) -> None:
    csrf = sign_in(client, "manager@lakeside.test")
    assert ok(client.get("/api/v1/me"))["email"] == "manager@lakeside.test"
    assert client.post("/api/v1/check", json={"text": CLEAN}).status_code == 403
    checked = ok(client.post("/api/v1/check", json={"text": CLEAN}, headers={"X-CSRF-Token": csrf}))
    assert checked["verdict"] == "ok" and "id" not in checked


def test_another_practices_things_are_not_found(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    with make_sessionmaker(engine)() as session:
        other = people.create_practice(session, name="Hillside Clinic")
        stranger = people.create_user(
            session, other, email="x@hillside.test", name="Xi", role="admin", password=PASSWORD
        )
        theirs = posts.create_draft(session, stranger, CLEAN)
        their_token = people.create_token(session, stranger)
        session.commit()
        ids = {"post": theirs.id, "user": stranger.id, "token": their_token.token.id}
    (admin,) = token_headers(engine, staff.admin)
    for method, path, body in [
        ("GET", "/api/v1/posts/{post}", None),
        ("PATCH", "/api/v1/posts/{post}", {"text": "Changed."}),
        ("POST", "/api/v1/posts/{post}/submit", None),
        ("PATCH", "/api/v1/users/{user}", {"role": "manager"}),
        ("DELETE", "/api/v1/tokens/{token}", None),
    ]:
        response = client.request(method, path.format(**ids), json=body, headers=admin)
        assert response.status_code == 404, (method, path, response.text)
    assert ok(client.get("/api/v1/posts", headers=admin)) == []
    assert "x@hillside.test" not in {
        u["email"] for u in ok(client.get("/api/v1/users", headers=admin))
    }
    events = ok(client.get("/api/v1/audit", params={"limit": 1000}, headers=admin))["events"]
    assert events and "x@hillside.test" not in {e["actor"] for e in events}
    assert ok(client.get("/api/v1/me", headers=bearer(their_token.secret)))["practice"] == (
        "Hillside Clinic"
    )


def test_users_are_listed_added_and_given_roles_without_secrets(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    (admin,) = token_headers(engine, staff.admin)
    body = {
        "email": "Nia@Lakeside.test",
        "name": "Nia Osei",
        "role": "manager",
        "password": PASSWORD,
    }
    added = ok(client.post("/api/v1/users", json=body, headers=admin), 201)
    assert added["email"] == "nia@lakeside.test" and added["role"] == "manager"
    assert client.post("/api/v1/users", json=body, headers=admin).status_code == 409
    changed = ok(
        client.patch(f"/api/v1/users/{added['id']}", json={"role": "compliance"}, headers=admin)
    )
    assert changed["role"] == "compliance"
    own = client.patch(f"/api/v1/users/{staff.admin.id}", json={"role": "manager"}, headers=admin)
    assert own.status_code == 409
    listed = client.get("/api/v1/users", headers=admin)
    assert len(listed.json()) == 6
    me = client.get("/api/v1/me", headers=admin)
    assert "users.manage" in me.json()["permissions"]
    assert "posts.review" not in me.json()["permissions"]
    for text in (listed.text, me.text):
        assert "hash" not in text and "argon2" not in text and PASSWORD not in text


def test_the_openapi_document_lists_every_route() -> None:
    app = create_app("sqlite://", migrate=False)
    routes = {
        (method.lower(), route.path)
        for route in iter_route_contexts(app.routes)
        if route.path and route.path.startswith("/api/v1/")
        for method in (route.methods or set()) - {"HEAD"}
    }
    document = TestClient(app).get("/api/v1/openapi.json")
    assert document.status_code == 200
    paths = document.json()["paths"]
    listed = {(method, path) for path, operations in paths.items() for method in operations}
    assert listed == routes - {("get", "/api/v1/openapi.json")}
    assert len(listed) >= 20
    operations = [op for ops in paths.values() for op in ops.values()]
    assert len({op["operationId"] for op in operations}) == len(operations)
    for operation in operations:
        assert operation["security"] == [{"HTTPBearer": []}] and operation["x-roles"]
        assert {"401", "403", "422"} <= set(operation["responses"])
    assert "password" not in str(document.json()["components"]["schemas"]["UserResponse"])
    assert "hash" not in str(document.json()["components"]["schemas"]["TokenCreated"])


def test_the_schemas_name_the_same_channels_states_and_roles_as_carecast() -> None:
    assert get_args(Channel) == CHANNELS
    assert get_args(PostState) == STATES
    assert get_args(Role) == ROLES
