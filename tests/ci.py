"""What the tests do when a service they need is missing: skip on a developer's machine,
fail under CI (``CI=true``), where every test must run."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason: str, ci_hint: str) -> NoReturn:
    """Skip with ``reason`` outside CI; under CI fail with it and ``ci_hint``."""
    if not IN_CI:
        pytest.skip(reason)
    pytest.fail(f"{reason} ({ci_hint})")
