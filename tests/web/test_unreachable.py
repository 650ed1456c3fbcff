"""A database that cannot be reached gives one clear message: a page, JSON, or two lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from carecast.web import create_app

NOWHERE = "postgresql://carecast:secret@127.0.0.1:9/carecast"  # nothing listens on port 9
ROOT = Path(__file__).resolve().parents[2]


def test_pages_and_api_say_the_database_is_unreachable() -> None:
    with TestClient(create_app(NOWHERE, migrate=False)) as client:
        page = client.post("/login", data={"email": "a@b.test", "password": "x" * 12})
        assert page.status_code == 503
        assert "cannot reach the database" in page.text and "Traceback" not in page.text
        assert "secret" not in page.text
        api = client.get("/api/v1/me", headers={"Authorization": "Bearer cc_x"})
        assert api.status_code == 503 and "cannot reach the database" in api.json()["error"]


def test_make_run_stops_with_a_message_when_the_database_is_unreachable() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py"), "--database", NOWHERE, "--seed-only"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: cannot reach the database")
    assert "hint:" in result.stderr and "Traceback" not in result.stderr
