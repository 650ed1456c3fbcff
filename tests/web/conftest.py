"""The web app on a fresh database (SQLite, then PostgreSQL), with one user per role."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from carecast.store import make_sessionmaker
from carecast.web import create_app
from workflow.conftest import PASSWORD, Staff, add_staff, quick_hashing  # noqa: F401  (fixture)

__all__ = ["PASSWORD", "Staff", "csrf_of", "sign_in"]


@pytest.fixture
def staff(engine: Engine) -> Staff:
    with make_sessionmaker(engine)() as session:
        return add_staff(session)


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
