"""privacy.phi.url: addresses of profiles and fundraisers, not of organisations."""

from __future__ import annotations

from pathlib import Path

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.url"
PRACTICE = carecast.load_policy(Path(__file__).parents[4] / "data" / "practice.yaml")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "Please support my patient's family: gofundme.com/f/help-maria-recover",
            "gofundme.com/f/help-maria-recover",
        ),
        (
            "Our patient posted her recovery updates at caringbridge.org/visit/janedoe",
            "caringbridge.org/visit/janedoe",
        ),
        (
            "My patient's profile is facebook.com/jane.doe.5 if you want to send a card.",
            "facebook.com/jane.doe.5",
        ),
        (
            "My patient shares her recovery at instagram.com/jane_runs_again",
            "instagram.com/jane_runs_again",
        ),
        (
            "The obituary is at legacy.com/obituaries/dispatch/name/john-doe-obituary?id=123",
            "legacy.com/obituaries/dispatch/name/john-doe-obituary?id=123",
        ),
    ],
)
def test_personal_urls_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("Read the CDC guidance at https://www.cdc.gov/flu/prevent/index.html", None),
        ("Great overview: https://medlineplus.gov/diabetes.html", None),
        ("Read more at nih.gov about sleep.", None),
        ("Follow us on facebook.com/hashtag/flushot for updates.", None),
        ("Watch the CDC explainer at youtube.com/watch?v=abc123", None),
        ("Book online at lakesidefamilyhealth.org today.", PRACTICE),
    ],
)
def test_not_personal_urls(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()


def test_address_spelling_a_patients_name_is_found() -> None:
    text = "Our patient Dana Whitlock shares her recovery at danawhitlockheals.com, please visit."
    report = carecast.check(text)
    assert covered(report, text, "danawhitlockheals.com", "privacy.phi.url")
