"""The worker's tests: a practice (SQLite, then PostgreSQL), a key for sealing account
secrets, and a Mastodon server (mastodon-mock, on 127.0.0.1) with the accounts
alice, bob and carol."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from mastodon_mock.testing.server import MockServer
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from carecast.store import make_sessionmaker
from carecast.store.keys import Keyring, load_keyring, new_key
from workflow.conftest import quick_hashing, session, staff

__all__ = ["quick_hashing", "session", "staff"]


@pytest.fixture(scope="module")
def mastodon_server() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture
def mastodon(mastodon_server: MockServer) -> MockServer:
    """The Mastodon server, emptied back to its three accounts."""
    httpx.post(f"{mastodon_server.base_url}/api/v1/_mock/reset").raise_for_status()
    return mastodon_server


@pytest.fixture
def keyring() -> Keyring:
    return load_keyring({"CARECAST_SECRET_KEY": new_key()})


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return make_sessionmaker(engine)


@contextmanager
def fault(server: MockServer, **effect: Any) -> Iterator[None]:
    """A fault on ``POST /api/v1/statuses`` through mastodon-mock's control plane, taken
    away afterwards: ``effect`` is its effect (``type``, ``status``, ``headers``, …), and
    ``count`` how many requests it hits (all, if not given)."""
    count = effect.pop("count", None)
    rule = {
        "match": {"methods": ["POST"], "path": "/api/v1/statuses"},
        "effect": {"type": "status", **effect},
        "count": count,
    }
    url = f"{server.base_url}/api/v1/_mock/faults"
    httpx.post(url, json=rule).raise_for_status()
    try:
        yield
    finally:
        httpx.delete(url).raise_for_status()
