"""disclosure.undisclosed_promotion and disclosure.identity."""

from __future__ import annotations

from pathlib import Path

import pytest

import carecast

PROMOTION = "disclosure.undisclosed_promotion"
IDENTITY = "disclosure.identity"
PRACTICE = carecast.load_policy(Path(__file__).parents[2] / "data" / "practice.yaml")
COMMUNITY = {"channel": "community", "reply_to": None}


@pytest.mark.parametrize(
    "text",
    [
        "My favorite vitamin: I swear by VitaBoost gummies every morning.",
        "Use code HEALTHY20 for 20% off my favorite protein powder!",
        "I love my new Oura ring tracker, link in bio.",
        "I recommend Zenly Supplements to all my patients.",
        "Check out the Acme Sleep app, I use it every night. Use code DOC10 for a discount.",
    ],
)
def test_undisclosed_promotion_is_found(text: str) -> None:
    assert PROMOTION in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("#ad Use code HEALTHY20 for 20% off my favorite protein powder!", None),
        ("Sponsored: try the new Acme glucose monitor.", None),
        (
            "Disclosure: I'm a paid consultant for Acme. I love the Acme Sleep app for tracking.",
            None,
        ),
        ("Affiliate link: my favorite BP cuff is amzn.to/3xYz.", None),
        ("Our clinic now offers same-day appointments; book online.", PRACTICE),
        ("Our flu shots are available at the front desk this week.", PRACTICE),
    ],
)
def test_not_undisclosed_promotion(text: str, policy: carecast.Policy | None) -> None:
    assert PROMOTION not in carecast.check(text, policy=policy).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Low iron can make you tired; a simple blood test can check it.",
        "As a family physician I see this a lot: sunscreen every day helps.",
        "Views are my own. Sunscreen every day helps.",
    ],
)
def test_missing_identity_in_community_is_found(text: str) -> None:
    assert IDENTITY in carecast.check(text, COMMUNITY).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("I'm a nurse and this is a common question. Views are my own.", COMMUNITY),
        (
            "Dr. Priya Natarajan, MD. Views are my own, not my employer's. "
            "Hydration matters in the heat.",
            COMMUNITY,
        ),
        (
            "Jane Doe, RN, speaking for myself: sleep hygiene really helps with insomnia.",
            COMMUNITY,
        ),
        ("Low iron can make you tired; a simple blood test can check it.", None),
        (
            "Low iron can make you tired; a simple blood test can check it.",
            {"channel": "x", "reply_to": None},
        ),
    ],
)
def test_not_missing_identity(text: str, context: dict[str, str | None] | None) -> None:
    assert IDENTITY not in carecast.check(text, context).rules()
