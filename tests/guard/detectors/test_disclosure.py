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


@pytest.mark.parametrize(
    "text",
    [
        # gifts: sent, gifted, "the brand sent me"
        "The lovely folks at @sleepwellco sent me their cooling pillow to try and I'm converted 😴",
        "This serum was gifted by @dermaglow and honestly my skin has never been better ✨",
        "They kindly sent me a pair to test on night shift and my feet have never been happier.",
        # collabs, links in stories, discounts, ordering through the author, drug reps
        "Excited about my new collab with FitFuel protein bars! Perfect between patients.",
        "Been using the SnoozeBand sleep tracker for a month, linked it in my stories 💤",
        "Order via my DMs for the moringa tea I recommend, 15% discount for my followers.",
        "I'm recommending NeuroCalm capsules to everyone with anxiety right now.",
        "Ask your rep about samples of GlucoLow, it's been a real help in my clinic.",
    ],
)
def test_undisclosed_promotion_in_other_words_is_found(text: str) -> None:
    assert PROMOTION in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "#ad I partnered with FitFuel on this post. Their protein bars are a handy snack.",
        "Paid partnership with @dermaglow: this serum suits dry winter skin.",
        "Disclosure: the company sent me this monitor for free. It matches our clinic machine.",
        "The hospital sent me home early because I was poorly.",
        "They sent me a lovely thank-you card after her discharge 🥹",
        "Our research collaboration with the university on asthma is published today.",
        "The link to the CDC guidance is in the replies.",
        "I keep recommending the HPV vaccine to every parent: it is safe and it works.",
        "Ask your pharmacist before mixing supplements with your medicines.",
    ],
)
def test_not_undisclosed_promotion_in_other_words(text: str) -> None:
    assert PROMOTION not in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Paediatric nurse here, speaking for myself and not my trust. Fevers are usually viral.",
        "Hi everyone, I'm Tomasz, a community pharmacist (views my own). Ask before stopping.",
        "Physio, 10 years in MSK, personal account. Gentle movement usually helps back pain.",
        "Retired GP, posting in a personal capacity. The NHS website has a page on shingles.",
        "Aisha Bello, RM. Here as myself, not for my trust: skin-to-skin helps feeding.",
    ],
)
def test_identity_stated_in_other_words(text: str) -> None:
    assert IDENTITY not in carecast.check(text, COMMUNITY).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Paediatric nurse here. Fevers in toddlers are scary but usually viral.",
        "The nurse, bless her, told me to keep him hydrated. Views my own.",
        "My doctor says fevers are usually viral. Just my opinion, views my own.",
    ],
)
def test_identity_half_stated_is_found(text: str) -> None:
    assert IDENTITY in carecast.check(text, COMMUNITY).rules()
