"""Docs kept true: docs/cli.md matches --help, and docs/rules.md names every rule."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from carecast.guard import RULES

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    path = ROOT / "scripts" / "gen_cli_docs.py"
    spec = importlib.util.spec_from_file_location("gen_cli_docs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_docs_are_current() -> None:
    gen = _generator()
    assert gen.is_current(), "docs/cli.md is stale: run python scripts/gen_cli_docs.py"


def test_cli_docs_cover_every_command() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for title in ("## `carecast`", "## `carecast check`", "## `carecast rules`"):
        assert title in text
    for option in ("--file", "--jsonl", "--context", "--format", "--policy", "--fail-on"):
        assert option in text


def test_every_rule_is_in_rules_md() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [rule for rule in RULES if f"`{rule}`" not in text]
    assert not missing, f"rules missing from docs/rules.md: {missing}"
