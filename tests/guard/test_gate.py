"""Gated patterns find exactly what their plain patterns find."""

from __future__ import annotations

import gc
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecast.guard.context import Context
from carecast.guard.document import Document
from carecast.guard.gate import Gated, alternatives, lowered, required_literals
from carecast.guard.policy import load_policy
from carecast.guard.registry import DETECTORS

assert DETECTORS  # importing the registry loads every detector module and its patterns

DATA = Path(__file__).parent.parent / "data"
POLICY = load_policy(None)


def all_gated() -> list[Gated]:
    return [g for g in gc.get_objects() if isinstance(g, Gated)]


def doc_of(text: str) -> Document:
    return Document(text=text, context=Context.of(None), policy=POLICY)


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def dev_texts() -> list[str]:
    texts = []
    for name in ("guard_dev_phi.jsonl", "guard_dev_rules.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["text"])
    return texts


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:gomer|crock)s?\b", {"|gomer|", "|gomers|", "|crock|", "|crocks|"}),
        (r"(?i)frequent fl[iy]er", {"frequent flier", "frequent flyer"}),
        (
            r"\bdrug[- ]seek(?:er|ing)\b",
            {"|drug-seeker|", "|drug seeker|", "|drug-seeking|", "|drug seeking|"},
        ),
        (r"\d+ mg", {"| mg"}),
        (r".*", None),
        (r"[a-z]+ing", {"ing"}),
        (r"[a-z]+", None),
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(pattern)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert {p.replace("\x01", "|") for p in found} == expected


def test_case_sensitive_patterns_get_no_lower_twin() -> None:
    assert lowered(re.compile(r"\b[A-Z][a-z]+ said")) is None
    assert lowered(re.compile(r"(?i:code) [A-Z]{4}")) is None
    twin = lowered(re.compile(r"(?i)\bSee\S+ \W"))
    assert twin is not None and twin.pattern == r"\bsee\S+ \W"


def test_every_pattern_matches_the_same_on_the_dev_set() -> None:
    texts = dev_texts()
    patterns = all_gated()
    assert len(patterns) > 50
    for text in texts:
        doc = doc_of(text)
        for g in patterns:
            assert spans(g.finditer(doc)) == spans(g.regex.finditer(text)), (g.pattern, text)


WORDS = st.sampled_from(
    "Mrs. patient pt lazy frequent flyer 94-year-old code SAVE20 #ad cure vaccine autism "
    "İstanbul ſtrange KELVIN Kelvin ER bed 4 you should take 500 mg see your doctor . , ! \n"
    "🙄 drug-seeker https://example.com study shows".split(" ")
)


@given(st.lists(WORDS | st.text(max_size=6), max_size=30).map(" ".join))
def test_gates_never_hide_a_match(text: str) -> None:
    doc = doc_of(text)
    for g in all_gated():
        plain = spans(g.regex.finditer(text))
        if plain:
            assert g.may_match(doc), (g.pattern, text)
        if len(text.lower()) == len(text) and text.isascii():
            assert spans(g.finditer(doc)) == plain, (g.pattern, text)


def test_alternatives_split_only_at_the_top_level() -> None:
    flags = re.IGNORECASE
    assert alternatives(r"(?i:a|b(?:c|d)|[|(]e|\(f|g)") == [
        ("a", flags),
        ("b(?:c|d)", flags),
        ("[|(]e", flags),
        (r"\(f", flags),
        ("g", flags),
    ]
    assert alternatives(r"\b(?:gomer|crock)s?") == [(r"\b(?:gomer|crock)s?", 0)]
    assert alternatives(r"\b(?:gomer|crock)\b") == [(r"\b(?:gomer)\b", 0), (r"\b(?:crock)\b", 0)]
