"""The web app on a fresh database (SQLite, then PostgreSQL), with one user per role."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from carecast.store import User, make_sessionmaker
from carecast.web import create_app
from carecast.workflow import people
from workflow.conftest import PASSWORD, Staff, quick_hashing  # noqa: F401  (fixture)

__all__ = ["PASSWORD", "Staff", "csrf_of", "sign_in"]


@pytest.fixture
def staff(engine: Engine) -> Staff:
    with make_sessionmaker(engine)() as session:
        practice = people.create_practice(
            session,
            name="Lakeside Family Health",
            phone="(614) 555-0142",
            address="2200 Mill Creek Road",
            site="lakesidefamilyhealth.org",
        )

        def user(role: str, email: str, name: str, **profile: str) -> User:
            return people.create_user(
                session, practice, email=email, name=name, role=role, password=PASSWORD, **profile
            )

        staff = Staff(
            practice=practice,
            admin=user("admin", "admin@lakeside.test", "Alex Admin"),
            manager=user("manager", "manager@lakeside.test", "Marcus Reyes"),
            clinician=user("clinician", "priya@lakeside.test", "Priya Natarajan", title="Dr."),
            second_clinician=user(
                "clinician", "samuel@lakeside.test", "Samuel Okafor", title="Dr."
            ),
            compliance=user("compliance", "compliance@lakeside.test", "Casey Compliance"),
        )
        session.commit()
        return staff


@pytest.fixture
def client(engine: Engine, staff: Staff) -> Iterator[TestClient]:
    app = create_app(engine.url.render_as_string(hide_password=False))
    with TestClient(app, base_url="http://testserver") as client:
        yield client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page carries no CSRF token"
    return found.group(1)


def sign_in(client: TestClient, email: str) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    response = client.post("/login", data={"email": email, "password": PASSWORD, "next": "/posts"})
    assert response.status_code == 200, response.text
    return csrf_of(response.text)
