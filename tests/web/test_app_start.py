"""What the app does once when it starts: guard ready before the first request, and the
long-lived objects kept out of the collector's way."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from carecast.web import app as web_app


def test_starting_the_app_settles_the_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[None] = []
    monkeypatch.setattr(web_app, "settle_process", lambda: calls.append(None))
    with TestClient(web_app.create_app(f"sqlite:///{tmp_path}/app.db")):
        assert calls == [None]


def test_settling_freezes_what_is_alive_once_per_process() -> None:
    web_app.settle_process.cache_clear()
    gc.unfreeze()
    try:
        web_app.settle_process()
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # guard's lexicons and patterns among them
        web_app.settle_process()
        assert gc.get_freeze_count() == frozen  # the second start does nothing more
    finally:
        gc.unfreeze()
        web_app.settle_process.cache_clear()
