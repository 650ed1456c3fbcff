"""Accounts, the inbox, the post's deliveries and the calendar's "fill a cancelled slot",
through the pages, with a real Mastodon API (mastodon-mock on 127.0.0.1)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from mastodon_mock.testing.server import MockServer
from sqlalchemy import Engine, select

from carecast.store import Account, Post, make_sessionmaker
from carecast.store.keys import Keyring, load_keyring, new_key
from carecast.web import create_app
from carecast.worker import Worker, WorkerSettings
from carecast.workflow import posts
from web.conftest import Staff, sign_in


@pytest.fixture(scope="module")
def mastodon_server() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture
def mastodon(mastodon_server: MockServer) -> MockServer:
    httpx.post(f"{mastodon_server.base_url}/api/v1/_mock/reset").raise_for_status()
    return mastodon_server


@pytest.fixture
def keyring() -> Keyring:
    return load_keyring({"CARECAST_SECRET_KEY": new_key()})


@pytest.fixture
def app_client(engine: Engine, staff: Staff, keyring: Keyring) -> Iterator[TestClient]:
    app = create_app(engine.url.render_as_string(hide_password=False), keyring=keyring)
    with TestClient(app, base_url="http://testserver") as client:
        yield client


def connect_form(token: str, csrf: str, base_url: str) -> dict[str, str]:
    return {
        "csrf_token": csrf,
        "kind": "mastodon",
        "mastodon-base_url": base_url,
        "mastodon-handle": "@alice",
        "mastodon-access_token": token,
    }


def test_a_manager_connects_mastodon_schedules_and_sees_the_link_and_the_replies(
    app_client: TestClient, engine: Engine, staff: Staff, keyring: Keyring, mastodon: MockServer
) -> None:
    csrf = sign_in(app_client, staff.manager.email)
    page = app_client.post("/accounts", data=connect_form("alice_token", csrf, mastodon.base_url))
    assert page.status_code == 200 and "Connected." in page.text
    assert "…oken" in page.text and "alice_token" not in page.text

    sessions = make_sessionmaker(engine)
    with sessions() as session:
        manager = session.get(type(staff.manager), staff.manager.id)
        clinician = session.get(type(staff.clinician), staff.clinician.id)
        assert manager is not None and clinician is not None
        post = posts.create_draft(
            session,
            manager,
            "Flu shots are in: walk in any weekday morning.",
            channels=["mastodon"],
        )
        posts.submit(session, manager, post)
        posts.approve(session, clinician, post)
        posts.schedule(session, manager, post, datetime.now(UTC) - timedelta(seconds=5))
        session.commit()
        post_id = post.id

    settings = WorkerSettings(name="web-test", poll_every=timedelta(0))
    worker = Worker(sessions, keyring, settings)
    assert worker.run_once().sent == 1
    bob = mastodon.client("bob")
    [status] = bob.account_statuses(bob.account_lookup("alice")["id"])
    bob.status_post("@alice thank you, booked for Tuesday", in_reply_to_id=status["id"])
    assert worker.run_once().mentions == 1

    shown = app_client.get(f"/posts/{post_id}").text
    assert status["url"] in shown and "sent" in shown
    assert "thank you, booked for Tuesday" in shown
    inbox = app_client.get("/inbox").text
    assert "@bob" in inbox and f"/posts/{post_id}" in inbox
    bob.status_post("@alice my potassium came back 5.9, should I stop my lisinopril?")
    assert worker.run_once().mentions == 1
    private = app_client.get("/inbox?category=personal_care").text
    assert "lisinopril" in private and "keep it private" in private
    assert "booked for Tuesday" not in private


def test_a_refused_token_comes_back_with_the_form_and_without_the_secret(
    app_client: TestClient, staff: Staff, mastodon: MockServer
) -> None:
    csrf = sign_in(app_client, staff.manager.email)
    page = app_client.post(
        "/accounts", data=connect_form("wrong-token-1234", csrf, mastodon.base_url)
    )
    assert page.status_code == 502
    assert "access token was refused" in page.text
    assert "wrong-token-1234" not in page.text
    assert mastodon.base_url in page.text  # what was typed, except the secret


def test_bad_addresses_and_missing_tokens_say_what_to_do(
    app_client: TestClient, staff: Staff
) -> None:
    csrf = sign_in(app_client, staff.manager.email)
    page = app_client.post("/accounts", data=connect_form("", csrf, "https://social.example"))
    assert page.status_code == 422 and "needs: access token" in page.text
    page = app_client.post("/accounts", data=connect_form("t0k3n-abcdef", csrf, "social"))
    assert page.status_code == 422 and "is not a web address" in page.text


def test_disconnecting_destroys_the_secret(
    app_client: TestClient, engine: Engine, staff: Staff, mastodon: MockServer
) -> None:
    csrf = sign_in(app_client, staff.manager.email)
    app_client.post("/accounts", data=connect_form("alice_token", csrf, mastodon.base_url))
    with make_sessionmaker(engine)() as session:
        account_id = session.scalars(select(Account.id)).one()
    page = app_client.post(f"/accounts/{account_id}/disconnect", data={"csrf_token": csrf})
    assert page.status_code == 200 and "Disconnected" in page.text
    with make_sessionmaker(engine)() as session:
        account = session.get(Account, account_id)
        assert account is not None and not account.active and account.secret == ""


def test_filling_a_cancelled_slot_drafts_a_phi_free_post_for_review(
    app_client: TestClient, engine: Engine, staff: Staff
) -> None:
    csrf = sign_in(app_client, staff.manager.email)
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).replace(hour=15, minute=0)
    page = app_client.post(
        "/calendar/openings",
        data={
            "csrf_token": csrf,
            "at": tomorrow.strftime("%Y-%m-%dT%H:%M"),
            "channels": "mastodon",
        },
    )
    assert page.status_code == 200
    with make_sessionmaker(engine)() as session:
        post = session.scalars(select(Post)).one()
        assert post.state == "in_review" and post.current.verdict == "ok"
        assert post.text == "We have an opening tomorrow at 3 pm — call (614) 555-0142 to book."
        assert post.channels == ["mastodon"]
    page = app_client.post(
        "/calendar/openings", data={"csrf_token": csrf, "at": "2001-01-01T09:00"}
    )
    assert page.status_code == 422 and "in the past" in page.text
