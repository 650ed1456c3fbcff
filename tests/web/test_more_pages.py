"""The calendar, practice settings, users and audit pages, and the demo's seeding."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sys
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from carecast.store import Post, Practice, User, make_engine, make_sessionmaker
from carecast.web import audit_page
from carecast.web.calendar import Month, days
from carecast.workflow import people, posts
from web.conftest import Staff, sign_in

ROOT = Path(__file__).resolve().parents[2]


def _session(engine: Engine) -> Session:
    return make_sessionmaker(engine)()


def _user(session: Session, user: User) -> User:
    found = session.get(User, user.id)
    assert found is not None
    return found


class Controls(HTMLParser):
    """The form controls of a page and the ids its <label for> elements name."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "label" and named.get("for"):
            self.labelled.add(str(named["for"]))
        elif tag in ("input", "select", "textarea") and named.get("type") != "hidden":
            self.controls.append(named)


def assert_labelled(html: str) -> None:
    """Every visible control has a <label for> or sits inside its label."""
    parser = Controls()
    parser.feed(html)
    for control in parser.controls:
        if control.get("type") == "checkbox":
            continue  # checkboxes here sit inside their <label>
        assert control.get("id") in parser.labelled, f"control without a label: {control}"


# Calendar


def test_days_group_in_the_practice_zone() -> None:
    late = Post(id=1, state="scheduled", scheduled_at=datetime(2026, 12, 2, 3, 30, tzinfo=UTC))
    early = Post(id=2, state="published", published_at=datetime(2026, 12, 2, 15, 0, tzinfo=UTC))
    elsewhere = Post(id=3, state="failed", scheduled_at=datetime(2027, 1, 5, 9, 0, tzinfo=UTC))
    month = Month(date(2026, 12, 1))
    in_new_york = days([early, late, elsewhere], ZoneInfo("America/New_York"), month)
    assert [(d.day.day, [e.post.id for e in d.entries]) for d in in_new_york] == [
        (1, [1]),
        (2, [2]),
    ]
    assert [d.day.day for d in days([early, late], UTC, month)] == [2]


def test_months_parse_and_step() -> None:
    month = Month.parse("2026-12", date(2020, 1, 1))
    assert (month.title, month.next.key, month.previous.key) == (
        "December 2026",
        "2027-01",
        "2026-11",
    )
    assert Month.parse("", date(2026, 3, 9)).key == "2026-03"


def test_calendar_shows_scheduled_published_and_failed_posts(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    at = (datetime.now(UTC) + timedelta(days=1)).replace(hour=10, minute=0, second=0)
    with _session(engine) as session:
        manager, clinician = _user(session, staff.manager), _user(session, staff.clinician)
        made = {}
        for state in ("scheduled", "published", "failed", "draft"):
            post = posts.create_draft(
                session, manager, f"Flu clinic, {state} post.", scheduled_at=at
            )
            if state != "draft":
                posts.submit(session, manager, post)
                posts.approve(session, clinician, post)
            if state == "published":
                posts.mark_published(session, post)
            if state == "failed":
                posts.mark_failed(session, post, "the network refused the post")
            made[state] = post.id
        session.commit()
    sign_in(client, "manager@lakeside.test")
    published_month = datetime.now(UTC).strftime("%Y-%m")
    page = client.get(f"/calendar?month={at.strftime('%Y-%m')}")
    assert page.status_code == 200
    for state in ("scheduled", "failed"):
        assert f'href="/posts/{made[state]}"' in page.text
        assert f'class="state {state}"' in page.text
    assert "draft post" not in page.text
    assert at.strftime("%A %-d %B") in page.text
    published = client.get(f"/calendar?month={published_month}")
    assert f'href="/posts/{made["published"]}"' in published.text
    assert client.get("/calendar?month=someday").status_code == 422


# Practice settings

# Form validation does not depend on the database: the tables of bad input run on SQLite.
SQLITE_ONLY = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def test_admin_saves_the_practice_profile(client: TestClient, engine: Engine, staff: Staff) -> None:
    token = sign_in(client, "admin@lakeside.test")
    form = client.get("/settings")
    assert form.status_code == 200 and 'value="Lakeside Family Health"' in form.text
    assert_labelled(form.text)
    answer = client.post(
        "/settings",
        data={
            "csrf_token": token,
            "name": "Lakeside Family Health",
            "phone": "(614) 555-0199",
            "email": "hello@lakeside.test",
            "address": "2200 Mill Creek Road",
            "site": "lakeside.test",
            "policy_pack": "ama",
            "allow": "Nurse Jo Baker\n\n  Mill Creek Annex  \n",
        },
    )
    assert answer.status_code == 200 and "Saved." in answer.text
    with _session(engine) as session:
        practice = session.get(Practice, staff.practice.id)
        assert practice is not None
        assert (practice.policy_pack, practice.phone) == ("ama", "(614) 555-0199")
        assert practice.allow == ["Nurse Jo Baker", "Mill Creek Annex"]
    assert "Mill Creek Annex" in client.get("/settings").text


@SQLITE_ONLY
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "hello at lakeside", "is not an email address"),
        ("name", "  ", "the practice needs a name"),
        ("policy_pack", "nice", "no policy pack named"),
        ("phone", "5" * 61, "the phone number is 61 characters long"),
    ],
)
def test_invalid_settings_keep_what_was_typed(
    client: TestClient, field: str, value: str, message: str
) -> None:
    token = sign_in(client, "admin@lakeside.test")
    data = {
        "csrf_token": token,
        "name": "Lakeside Health Centre",
        "site": "typed.example",
        "policy_pack": "gmc",
        "allow": "Typed Phrase",
        field: value,
    }
    answer = client.post("/settings", data=data)
    assert answer.status_code == 422 and message in answer.text
    assert 'aria-invalid="true"' in answer.text and f'id="{field}"' in answer.text
    assert "Typed Phrase" in answer.text and 'value="typed.example"' in answer.text


# Users


def test_admin_adds_a_clinician_and_changes_a_role(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    token = sign_in(client, "admin@lakeside.test")
    page = client.get("/users")
    assert "priya@lakeside.test" in page.text
    assert_labelled(page.text)
    added = client.post(
        "/users",
        data={
            "csrf_token": token,
            "email": "Nia@Lakeside.test",
            "name": "Nia Osei",
            "role": "clinician",
            "password": "a long first password",
            "title": "Dr.",
            "credentials": "DO",
            "registration_number": "OH-12345",
            "independent": "true",
        },
    )
    assert added.status_code == 200 and "Added nia@lakeside.test as clinician" in added.text
    changed = client.post(
        f"/users/{staff.manager.id}/role", data={"csrf_token": token, "role": "compliance"}
    )
    assert "manager@lakeside.test is now compliance" in changed.text
    with _session(engine) as session:
        nia = session.scalar(select(User).where(User.email == "nia@lakeside.test"))
        assert nia is not None and (nia.role, nia.credentials, nia.independent) == (
            "clinician",
            "DO",
            True,
        )
        assert _user(session, staff.manager).role == "compliance"
    client.post("/logout", data={"csrf_token": token})
    first = client.post(
        "/login",
        data={"email": "nia@lakeside.test", "password": "a long first password"},
        follow_redirects=False,
    )
    assert first.status_code == 303  # the new clinician signs in with the first password


@SQLITE_ONLY
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "priya@lakeside.test"}, "there is already a user priya@lakeside.test"),
        ({"password": "Zq9#x"}, "the password is too short"),
        ({"email": "nobody"}, "is not an email address"),
        ({"name": ""}, "the user needs a name"),
        ({"role": "owner"}, "no role named"),
    ],
)
def test_invalid_new_user_keeps_what_was_typed(
    client: TestClient, change: dict[str, str], message: str
) -> None:
    token = sign_in(client, "admin@lakeside.test")
    data = {
        "csrf_token": token,
        "email": "new@lakeside.test",
        "name": "Typed Name",
        "role": "clinician",
        "password": "a long first password",
        "credentials": "Typed Credentials",
        **change,
    }
    answer = client.post("/users", data=data)
    assert answer.status_code == 422 and message in answer.text
    assert f'value="{data["email"]}"' in answer.text
    assert 'value="Typed Credentials"' in answer.text
    assert data["password"] not in answer.text


def test_admin_cannot_drop_their_own_admin_role(client: TestClient, staff: Staff) -> None:
    token = sign_in(client, "admin@lakeside.test")
    answer = client.post(
        f"/users/{staff.admin.id}/role", data={"csrf_token": token, "role": "manager"}
    )
    assert answer.status_code == 409 and "cannot remove your own admin role" in answer.text
    unknown = client.post(
        f"/users/{staff.manager.id}/role", data={"csrf_token": token, "role": "owner"}
    )
    assert unknown.status_code == 422 and "no role named" in unknown.text


# Audit


def test_audit_page_pages_and_shows_the_chain(
    client: TestClient, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_page, "PAGE_SIZE", 3)  # 7 events: 3 pages
    sign_in(client, "compliance@lakeside.test")
    first = client.get("/audit")
    assert first.status_code == 200 and "The hash chain holds" in first.text
    assert "user.signed_in" in first.text and 'rel="next"' in first.text
    second = client.get("/audit?page=2")
    assert "practice.created" not in second.text and 'rel="prev"' in second.text
    last = client.get("/audit?page=3")
    assert "practice.created" in last.text and 'rel="next"' not in last.text
    assert client.get("/audit?page=0").status_code == 422


def test_audit_page_names_a_broken_chain(client: TestClient, engine: Engine) -> None:
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER audit_events_no_update"))
        else:
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        connection.execute(text("UPDATE audit_events SET actor = 'someone' WHERE seq = 2"))
    sign_in(client, "compliance@lakeside.test")
    page = client.get("/audit")
    assert "The hash chain is broken at event 2" in page.text


def test_exports_stream_the_practices_events(
    client: TestClient, engine: Engine, staff: Staff
) -> None:
    with _session(engine) as session:
        people.create_practice(session, name="Another Practice")
        session.commit()
    sign_in(client, "compliance@lakeside.test")
    jsonl = client.get("/audit/export?format=jsonl")
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in jsonl.headers["content-disposition"]
    events = [json.loads(line) for line in jsonl.text.splitlines()]
    assert events and {e["practice_id"] for e in events} == {staff.practice.id}
    assert events[0]["action"] == "practice.created" and "hash" in events[0]
    table = client.get("/audit/export?format=csv")
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert [int(r["seq"]) for r in rows] == [e["seq"] for e in events]
    assert json.loads(rows[0]["details"]) == events[0]["details"]
    assert client.get("/audit/export?format=xml").status_code == 422


# The demo


def _demo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("carecast_demo", ROOT / "scripts" / "demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_demo_seeds_once(tmp_path: Path) -> None:
    demo = _demo()
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    demo.seed(url)
    demo.seed(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        assert session.scalar(select(func.count(Practice.id))) == 1
        assert session.scalar(select(func.count(User.id))) == len(demo.PEOPLE)
        states = sorted(session.scalars(select(Post.state)))
        assert states == ["draft", "in_review", "scheduled"]
        manager = session.scalar(select(User).where(User.role == "manager"))
        assert manager is not None
        assert people.authenticate(session, manager.email, demo.PASSWORD)
    engine.dispose()
    assert "manager@lakeside.example" in demo.sign_in_help("http://127.0.0.1:8000")
