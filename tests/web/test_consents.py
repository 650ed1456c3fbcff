"""Consent records in the pages and the API: recorded, listed, cited by a post, revoked,
refused with what to fix, and kept to their own practice."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, get_args

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from carecast.store import Consent, Practice, User, make_sessionmaker
from carecast.store.practice import CONSENT_SCOPES
from carecast.web.api_consents import Scope
from carecast.workflow import consents, people
from carecast.workflow.consents import STANDINGS, Standing
from web.conftest import PASSWORD, Staff, sign_in
from web.test_more_pages import assert_labelled
from web.test_web_api import CLEAN, ok, token_headers

TYPED = {
    "subject": "Record 4471",
    "scope": "photo",
    "granted_on": "2025-03-01",
    "expires_on": "",
    "description": "Her recovery photo, for the blog",
    "document_ref": "Consents binder, page 12",
}
GIVEN = {"subject": "Record 4471", "scope": "photo", "granted_at": "2025-03-01T09:00:00Z"}

# What is wrong, as typed in the form and as sent to the API; the field the form marks; what
# the page and the API say.
BAD_INPUT: list[tuple[dict[str, str], dict[str, Any], str, str, str]] = [
    (
        {"expires_on": "2025-02-01"},
        {"expires_at": "2025-02-01T00:00:00Z"},
        "expires_on",
        "the consent expires before it was given",
        "the consent expires before it was given",
    ),
    ({"scope": "x-ray"}, {"scope": "x-ray"}, "scope", "no consent scope", "scope: Input should be"),
    ({"subject": "  "}, {"subject": "  "}, "subject", "say who gave consent", "say who gave"),
    (
        {"granted_on": "March 1st"},
        {"granted_at": "2025-03-01T09:00:00"},
        "granted_on",
        "is not a date",
        "granted_at: Input should have timezone info",
    ),
]


def _record(engine: Engine, user: User, **fields: Any) -> int:
    with make_sessionmaker(engine)() as session:
        consent = consents.record_consent(session, session.get_one(User, user.id), **fields)
        session.commit()
        return consent.id


def test_a_consent_is_recorded_cited_revoked_and_the_post_warns(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    with make_sessionmaker(engine)() as session:
        session.get_one(Practice, staff.practice.id).timezone = "America/New_York"
        session.commit()
    expired = _record(
        engine,
        staff.manager,
        subject="Record 1002",
        scope="video",
        granted_at=datetime(2020, 1, 1, tzinfo=UTC),
        expires_at=datetime(2021, 1, 1, tzinfo=UTC),
    )
    token = sign_in(client, "manager@lakeside.test")
    page = client.get("/consents")
    assert page.status_code == 200 and 'href="/consents" aria-current="page"' in page.text
    assert_labelled(page.text)
    recorded = client.post("/consents", data={"csrf_token": token, **TYPED}, follow_redirects=False)
    assert recorded.status_code == 303, recorded.text
    consent_id = int(recorded.headers["location"].rsplit("=", 1)[1])
    listed = client.get(recorded.headers["location"]).text
    assert f"Recorded consent {consent_id}" in listed and "Consents binder, page 12" in listed
    assert ">in force</span>" in listed and ">expired</span>" in listed
    assert 'Granted <time datetime="2025-03-01">' in listed
    with make_sessionmaker(engine)() as session:  # the day began at 05:00 UTC in New York
        stored = session.get_one(Consent, consent_id)
        assert stored.granted_at == datetime(2025, 3, 1, 5, tzinfo=UTC)

    compose = client.get("/compose").text
    assert_labelled(compose)
    assert f'<option value="{consent_id}"' in compose and f'value="{expired}"' not in compose
    draft = {"csrf_token": token, "text": CLEAN, "action": "save"}
    refused = client.post("/compose", data={**draft, "consent_id": str(expired)})
    assert refused.status_code == 422 and f"consent {expired} is expired" in refused.text
    assert CLEAN in refused.text and 'aria-invalid="true"' in refused.text
    saved = client.post(
        "/compose", data={**draft, "consent_id": str(consent_id)}, follow_redirects=False
    )
    assert saved.status_code == 303, saved.text
    post_url = saved.headers["location"]
    shown = client.get(post_url).text
    assert f'href="/consents#consent-{consent_id}"' in shown and "photo · Record 4471" in shown
    assert "in force" in shown and "consent-warning" not in shown
    assert "consent-cited" in client.get(post_url + "/edit").text

    revoke = f"/consents/{consent_id}/revoke"
    answer = client.post(revoke, data={"csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].endswith(f"={consent_id}")
    again = client.post(revoke, data={"csrf_token": token})
    assert again.status_code == 409 and "already revoked" in again.text
    warned = client.get(post_url).text
    assert 'id="consent-warning"' in warned and "relies on is revoked" in warned
    assert f'<option value="{consent_id}"' not in client.get("/compose").text

    sign_in(client, "compliance@lakeside.test")
    read_only = client.get("/consents").text
    assert "Record 4471" in read_only and 'action="/consents"' not in read_only
    assert 'href="/consents"' not in read_only  # the menu links it for those who record


def test_the_api_records_lists_and_revokes_and_a_post_cites_one(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    assert get_args(Scope) == CONSENT_SCOPES and get_args(Standing) == STANDINGS
    manager, compliance = token_headers(engine, staff.manager, staff.compliance)
    made = ok(client.post("/api/v1/consents", json=GIVEN, headers=manager), 201)
    assert (made["standing"], made["in_force"], made["recorded_by"]) == (
        "in force",
        True,
        "manager@lakeside.test",
    )
    listed = ok(client.get("/api/v1/consents", headers=compliance))
    assert [c["id"] for c in listed] == [made["id"]]
    body = {"text": CLEAN, "consent_id": made["id"]}
    ok(client.post("/api/v1/posts", json=body, headers=manager), 201)
    revoke = f"/api/v1/consents/{made['id']}/revoke"
    revoked = ok(client.post(revoke, headers=manager))
    assert (revoked["standing"], revoked["in_force"]) == ("revoked", False)
    assert revoked["revoked_at"] is not None
    assert ok(client.post(revoke, headers=manager), 409)["error"].endswith("already revoked")


def test_bad_input_says_what_to_fix_and_the_form_keeps_what_was_typed(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    (manager,) = token_headers(engine, staff.manager)
    token = sign_in(client, "manager@lakeside.test")
    for typed, sent, field, page_says, api_says in BAD_INPUT:
        page = client.post("/consents", data={"csrf_token": token, **TYPED, **typed})
        assert page.status_code == 422 and page_says in page.text, (typed, page.text[-2000:])
        assert f'id="{field}"' in page.text and 'aria-invalid="true"' in page.text
        assert 'value="Consents binder, page 12"' in page.text, typed
        assert "Her recovery photo, for the blog</textarea>" in page.text, typed
        answer = client.post("/api/v1/consents", json={**GIVEN, **sent}, headers=manager)
        assert ok(answer, 422)["error"].startswith(api_says), (sent, answer.text)
    assert ok(client.get("/api/v1/consents", headers=manager)) == []


def test_another_practice_s_consent_is_not_found(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    with make_sessionmaker(engine)() as session:
        elsewhere = people.create_practice(session, name="Riverside Clinic")
        other = people.create_user(
            session,
            elsewhere,
            email="manager@riverside.test",
            name="Rita Riverside",
            role="manager",
            password=PASSWORD,
        )
        session.commit()
    given = datetime(2025, 1, 1, tzinfo=UTC)
    theirs = _record(engine, other, subject="Record 9", scope="quote", granted_at=given)
    (manager,) = token_headers(engine, staff.manager)
    token = sign_in(client, "manager@lakeside.test")
    assert client.post(f"/consents/{theirs}/revoke", data={"csrf_token": token}).status_code == 404
    cite = {"csrf_token": token, "text": CLEAN, "consent_id": str(theirs)}
    assert client.post("/compose", data=cite).status_code == 404
    assert "Record 9" not in client.get("/consents").text
    assert ok(client.post(f"/api/v1/consents/{theirs}/revoke", headers=manager), 404)
    body = {"text": CLEAN, "consent_id": theirs}
    assert ok(client.post("/api/v1/posts", json=body, headers=manager), 404)
    assert ok(client.get("/api/v1/consents", headers=manager)) == []
