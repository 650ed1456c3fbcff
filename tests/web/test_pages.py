"""The pages: sign in, compose with live findings, review, the post's history and audit trail."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from carecast.store import make_sessionmaker
from carecast.workflow import audit
from web.conftest import PASSWORD, csrf_of, sign_in

NAMING = "Mrs. Alvarez in bed 4 went home today, what a fighter!"


def test_pages_need_a_session(client: TestClient) -> None:
    response = client.get("/compose", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_wrong_password_keeps_the_address_and_says_so(client: TestClient) -> None:
    response = client.post("/login", data={"email": "manager@lakeside.test", "password": "nope"})
    assert response.status_code == 401
    assert "wrong email address or password" in response.text
    assert 'value="manager@lakeside.test"' in response.text


def test_session_cookie_is_httponly_and_samesite(client: TestClient) -> None:
    response = client.post(
        "/login",
        data={"email": "manager@lakeside.test", "password": PASSWORD},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_security_headers(client: TestClient) -> None:
    response = client.get("/login")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_forms_without_the_csrf_token_are_refused(client: TestClient) -> None:
    sign_in(client, "manager@lakeside.test")
    response = client.post("/compose", data={"text": "Flu shots are in.", "action": "save"})
    assert response.status_code == 403 and "did not come from carecast" in response.text


def test_live_check_highlights_the_patient(client: TestClient) -> None:
    token = sign_in(client, "manager@lakeside.test")
    response = client.post("/check", data={"text": NAMING, "csrf_token": token})
    assert response.status_code == 200
    assert 'data-rule="privacy.phi.name"' in response.text and "Apply" in response.text


def test_manager_drafts_clinician_approves_and_the_trail_shows_it(
    client: TestClient, engine: Engine
) -> None:
    token = sign_in(client, "manager@lakeside.test")
    response = client.post(
        "/compose",
        data={
            "text": "Flu shots are in! Walk in any weekday. cdc.gov/flu",
            "action": "submit",
            "csrf_token": token,
        },
    )
    assert response.status_code == 200 and "in review" in response.text
    post_url = str(response.url)
    client.post("/logout", data={"csrf_token": csrf_of(response.text)})
    token = sign_in(client, "priya@lakeside.test")
    queue = client.get("/review")
    assert "Flu shots" in queue.text
    page = client.post(post_url + "/approve", data={"csrf_token": token})
    assert "approved" in page.text
    assert (
        "post.created" in page.text
        and "post.submitted" in page.text
        and "post.approved" in page.text
    )
    with make_sessionmaker(engine)() as session:
        assert audit.verify(session).ok


def test_invalid_compose_keeps_what_was_typed(client: TestClient) -> None:
    token = sign_in(client, "manager@lakeside.test")
    text = "Flu shots are in."
    response = client.post(
        "/compose",
        data={"text": text, "scheduled_at": "next tuesday", "action": "save", "csrf_token": token},
    )
    assert response.status_code == 422
    assert "is not a date and time" in response.text and text in response.text


def test_times_typed_are_the_practice_s_local_time(client: TestClient, engine: Engine) -> None:
    from datetime import UTC, datetime

    from carecast.store import Post, Practice

    with make_sessionmaker(engine)() as session:
        practice = session.query(Practice).one()
        practice.timezone = "America/New_York"
        session.commit()
    token = sign_in(client, "manager@lakeside.test")
    response = client.post(
        "/compose",
        data={
            "text": "Flu clinic this Tuesday morning.",
            "scheduled_at": "2026-12-01T09:00",
            "action": "save",
            "csrf_token": token,
        },
    )
    assert response.status_code == 200 and "2026-12-01 09:00 EST" in response.text
    with make_sessionmaker(engine)() as session:
        post = session.query(Post).one()
        assert post.scheduled_at == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


def test_fixes_offer_a_redaction_or_wording_to_add_never_an_instruction(
    client: TestClient,
) -> None:
    token = sign_in(client, "manager@lakeside.test")
    text = "@sam you should take 800 mg ibuprofen every 4 hours for that knee."
    html = client.post("/check", data={"text": text, "csrf_token": token}).text
    assert 'data-mode="append"' in html and "Please see your own clinician" in html
    assert 'data-replacement="Share general information' not in html
    html = client.post("/check", data={"text": NAMING, "csrf_token": token}).text
    assert 'data-mode="replace"' in html and 'data-replacement="[patient]"' in html
