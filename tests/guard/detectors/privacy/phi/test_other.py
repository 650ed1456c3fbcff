"""privacy.phi.other: unique roles, marks, photos, and replies that confirm a patient."""

from __future__ import annotations

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.other"
REPLY = {"channel": "x", "reply_to": "@sam"}




@pytest.mark.parametrize(
    ("text", "part", "context"),
    [
        (
            "Treated the mayor's wife for a broken ankle in the ER last night.",
            "the mayor's wife",
            None,
        ),
        (
            "The town's only female firefighter came in after the blaze.",
            "The town's only female firefighter",
            None,
        ),
        ("My patient has a tattoo of a dragon across his back.", "tattoo of a dragon", None),
        ("Posting a photo of the patient after her surgery.", "photo of the patient", None),
        ("Glad you're feeling better since your visit with us!", "your visit with us", REPLY),
        (
            "Good to hear from you! When you came in last week your BP was great.",
            "When you came in",
            REPLY,
        ),
    ],
)
def test_unique_details_are_found(text: str, part: str, context: dict[str, str] | None) -> None:
    report = carecast.check(text, context)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor announced a new vaccination drive.",
        "Tattoo aftercare: keep it clean and moisturised.",
        "Our town's new pediatric clinic opens Monday.",
        "Flu season is here; get vaccinated.",
        "Twins run in some families more than others.",
        "Triplets are more common after IVF.",
        "Biometric screening for staff is open this week.",
    ],
)
def test_not_unique_details(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
